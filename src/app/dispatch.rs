//! The one place where what the UI sent is applied: [`KompasApp::run`] asks first when a
//! message would throw away unsaved changes; [`KompasApp::run_confirmed`] applies it. Nothing
//! else changes the application's state on the UI's behalf.

use super::{FileKind, KompasApp, ask};
use crate::export::Format;
use crate::i18n::{Lang, set_lang, t, tf};
use crate::model::{Project, Step};
use crate::state::{Command, Dialog, ImportTo, Message, OpenDoc, Palette, View, Workshop};

impl KompasApp {
    /// Applies a message now, asking first when it would throw away unsaved changes.
    pub fn run(&mut self, ctx: &egui::Context, m: impl Into<Message>) {
        let m = m.into();
        if m.replaces_document() && self.is_dirty() {
            self.state.dialog = Some(Dialog::ConfirmDiscard(Box::new(m)));
            return;
        }
        self.run_confirmed(ctx, m);
    }

    /// Applies a message without asking about unsaved changes.
    pub fn run_confirmed(&mut self, ctx: &egui::Context, m: Message) {
        let now = ctx.input(|i| i.time);
        match m {
            Message::Command(c) => self.run_command(ctx, c, now),
            Message::CheckWholeDocument => {
                if let Some(doc) = &mut self.state.doc {
                    doc.check_all = true;
                }
            }
            Message::OpenPath(path) => {
                if !self.refuse_when_busy(now) {
                    self.state.overview = None;
                    self.start_open(path, now);
                }
            }
            Message::OpenSample(i) => self.open_sample(i, now),
            Message::SaveOverwrite => {
                if let Some(path) = self.state.doc.as_ref().and_then(|d| d.path.clone()) {
                    // "Toch overschrijven": their version is kept beside the file
                    self.start_save_keeping(path, false, true, None, now);
                }
            }
            Message::SaveThen(then) => self.save_then(now, Some(*then)),
            Message::DiscardThen(then) => {
                if *then == Message::Command(Command::Quit) {
                    // thrown away on purpose: its recovery file goes too, so the next start
                    // does not offer it as lost work (New and Open remove it once the other
                    // document is there: a cancelled Open keeps it)
                    self.autosave.stop();
                }
                self.run_confirmed(ctx, *then);
            }
            Message::CompareWithDisk => {
                if let Some(Dialog::ChangedOnDisk { compare, .. }) = &self.state.dialog
                    && compare.is_none()
                {
                    let result = self.compare_with_disk();
                    if let Some(Dialog::ChangedOnDisk { compare, .. }) = &mut self.state.dialog {
                        *compare = Some(result);
                    }
                }
            }
            Message::SetLang(lang) => {
                self.state.prefs.lang = lang;
                set_lang(lang);
            }
            Message::StartNextCycleConfirmed(targets) => {
                if let Some(doc) = &mut self.state.doc
                    && let Some(i) = doc.project.start_next_cycle_with(doc.cycle, targets)
                {
                    doc.check_all = true;
                    doc.cycle = i;
                    doc.view = View::Step(Step::Analysis);
                    let name = doc.project.cycles[i].name.clone();
                    self.state.status = Some((tf!("status.next_cycle", name = &name), now));
                }
            }
            Message::SelectCycle(i) => {
                if let Some(doc) = &mut self.state.doc {
                    doc.cycle = i;
                    doc.clamp_cycle();
                }
            }
            Message::Show(view) => {
                if let Some(doc) = &mut self.state.doc {
                    doc.view = view;
                }
            }
            Message::WorkshopPage(delta) => {
                if let (Some(ws), Some(doc)) = (&mut self.state.workshop, &self.state.doc) {
                    let all = crate::state::shown_pages(&doc.project, doc.cycle, ws.day());
                    let last = all.len().saturating_sub(1);
                    ws.page = ws.page.saturating_add_signed(delta as isize).min(last);
                }
            }
            Message::WorkshopGoTo(page) => {
                if let (Some(ws), Some(doc)) = (&mut self.state.workshop, &self.state.doc) {
                    let all = crate::state::shown_pages(&doc.project, doc.cycle, ws.day());
                    ws.page = page.min(all.len().saturating_sub(1));
                }
            }
            Message::ExportMinutes(format) => self.export_minutes(format, now),
            Message::WorkshopAgenda => {
                if self.state.workshop.is_none() {
                    self.run_command(ctx, Command::ToggleWorkshop, now);
                }
                if let Some(ws) = &mut self.state.workshop {
                    ws.overlay = crate::state::Overlay::Agenda(0);
                }
            }
            Message::ChangeScore(change) => {
                if let Some(doc) = &mut self.state.doc {
                    doc.one_step(now, |p| change.apply(p));
                }
            }
            Message::ImportCsv(indicator) => {
                self.start_import(ImportTo::Measurements(indicator), now);
            }
            Message::ApplyImport => self.apply_import(now),
            Message::Merge(m) => self.run_merge(m, now),
            Message::ImportSupport => self.start_import(ImportTo::Support, now),
            Message::ApplySupportImport => self.apply_support_import(now),
            Message::Export(format) => {
                self.minutes_export = None;
                self.export(format, false, now);
            }
            Message::ExportChecked(format) => self.export(format, true, now),
            Message::ExportSections(format, chosen) => {
                self.minutes_export = None;
                self.remember_sections(&chosen);
                self.export(format, false, now);
            }
            Message::CopyLessons(session) => {
                if let Some(doc) = &self.state.doc {
                    let text = doc
                        .project
                        .lessons_text(session, t!("intervision.lessons_heading"));
                    ctx.copy_text(text);
                    self.state.status = Some((t!("status.copied").to_owned(), now));
                }
            }
            Message::ExportLessons(session) => self.export_lessons(session, now),
            Message::Session(m) => self.run_session(ctx, m, now),
            Message::Restore(found) => self.restore(&found, now),
            Message::PostponeRecovery => self.postpone_recovery(),
            Message::AskDiscardRecovery(found) => self.ask_discard_recovery(&found),
            Message::DiscardRecovery(found) => self.discard_recovery(&found),
            Message::SetAsideThenRestore(found) => self.set_aside_then_restore(&found, now),
            Message::Removed(r) => {
                let text = if r.items + r.links == 0 {
                    t!("status.removed").to_owned()
                } else {
                    tf!(
                        "status.removed_with",
                        items = &r.items.to_string(),
                        links = &r.links.to_string()
                    )
                };
                self.state.status = Some((text, now));
                self.state.undo_offer = Some(now);
            }
        }
    }

    /// Applies a command a user gave (by menu, shortcut or palette).
    fn run_command(&mut self, ctx: &egui::Context, c: Command, now: f64) {
        if !self.state.command_acts(c) {
            // not here: dropped, so it does not act later in another mode (Ctrl+K pressed in
            // workshop mode would open the palette once it is left)
            log::debug!("{c:?} does nothing here: dropped");
            return;
        }
        // an export of the cycle is not the minutes asked for before
        if matches!(
            c,
            Command::ExportCsv
                | Command::ExportXlsx
                | Command::ExportChainSvg
                | Command::ExportChainPng
        ) {
            self.minutes_export = None;
        }
        if let Some(view) = c.view() {
            self.run_confirmed(ctx, Message::Show(view));
            return;
        }
        match c {
            Command::New => {
                let (start, end) = current_school_year();
                let project = Project::new(t!("new.region_name"), start, end);
                let mut doc = OpenDoc::new(
                    project.clone(),
                    None,
                    t!("new.file_name").to_owned(),
                    project,
                );
                doc.view = View::Region;
                self.set_doc(doc, now);
            }
            Command::Open => {
                if !self.refuse_when_busy(now) {
                    self.ask_file(now, FileKind::Project, None, ask::Purpose::Open);
                }
            }
            Command::OpenOverview => {
                self.ask_file(now, FileKind::Folder, None, ask::Purpose::Overview);
            }
            Command::Save => self.save_then(now, None),
            Command::SaveAs => self.save_as(now, None),
            Command::MergeWith => self.ask_merge(now),
            Command::CompareWith => self.ask_compare(now),
            Command::CloseProject => {
                self.autosave.stop();
                self.state.doc = None;
            }
            Command::Quit => {
                if self.state.job.is_some() {
                    // a file is being written: close once it is done
                    self.state.close_when_done = true;
                    return;
                }
                if !self.is_dirty() {
                    self.autosave.stop();
                }
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Command::Undo => {
                if let Some(doc) = &mut self.state.doc
                    && doc.undo(now)
                {
                    self.state.status = Some((t!("status.undone").to_owned(), now));
                }
            }
            Command::Redo => {
                if let Some(doc) = &mut self.state.doc {
                    doc.redo(now);
                }
            }
            Command::ZoomIn => ctx.set_zoom_factor((ctx.zoom_factor() + 0.1).min(3.0)),
            Command::ZoomOut => ctx.set_zoom_factor((ctx.zoom_factor() - 0.1).max(0.5)),
            Command::ZoomReset => ctx.set_zoom_factor(1.0),
            Command::Dutch => self.run_confirmed(ctx, Message::SetLang(Lang::Nl)),
            Command::English => self.run_confirmed(ctx, Message::SetLang(Lang::En)),
            Command::ToggleDark => self.state.prefs.dark = !self.state.prefs.dark,
            Command::ToggleGuidance => {
                self.state.prefs.show_guidance = !self.state.prefs.show_guidance;
            }
            Command::StartNextCycle => {
                if let Some(doc) = &self.state.doc
                    && let Some(carry) = doc.project.carry_over(doc.cycle)
                {
                    self.state.dialog = Some(Dialog::ConfirmNextCycle {
                        from: doc.cycle,
                        targets: crate::state::NextTargets::for_carry(&carry),
                        carry,
                    });
                }
            }
            Command::NextStep | Command::PreviousStep => {
                if let Some(doc) = &mut self.state.doc {
                    doc.view = View::step(doc.view, c == Command::NextStep);
                }
            }
            Command::ToggleWorkshop => {
                let on = self.state.workshop.is_none() && self.state.doc.is_some();
                if on {
                    // half-typed text from the last time comes back, on the first page; the
                    // same day's session of the same document goes on where it was
                    let drafts = self.workshop_drafts.take().unwrap_or_default();
                    let today = chrono::Local::now().date_naive();
                    let start = self.state.doc.as_ref().and_then(|doc| {
                        crate::state::SessionStart::keep_or_take(drafts.start.clone(), doc, today)
                    });
                    self.state.workshop = Some(Workshop {
                        page: 0,
                        start,
                        overlay: crate::state::Overlay::None,
                        timed: None,
                        ran: false,
                        ..drafts
                    });
                    // the palette is not drawn in workshop mode: it does not wait behind it
                    self.state.palette = None;
                } else if let Some(ws) = self.state.workshop.take() {
                    // the block on the projector keeps the time it ran
                    if let (Some((page, _)), Some(doc)) = (ws.timed, &mut self.state.doc) {
                        crate::state::keep_used(doc, ws.day(), page, &self.state.timer, now);
                        self.state.timer.clear();
                    }
                    self.workshop_drafts =
                        Some(if ws.tip.trim().is_empty() && ws.signal.trim().is_empty() {
                            Workshop {
                                start: ws.start,
                                ..Workshop::default()
                            }
                        } else {
                            ws
                        });
                }
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
            }
            Command::PresentIntervision => self.present(ctx, None),
            Command::WorkshopNext => self.run_confirmed(ctx, Message::WorkshopPage(1)),
            Command::WorkshopPrevious => self.run_confirmed(ctx, Message::WorkshopPage(-1)),
            Command::ImportCsv => self.start_import(ImportTo::Measurements(None), now),
            Command::ImportSupport => self.start_import(ImportTo::Support, now),
            Command::ExportHtml => self.ask_sections(Format::Html),
            Command::ExportMarkdown => self.ask_sections(Format::Markdown),
            Command::ExportDocx => self.ask_sections(Format::Docx),
            Command::ExportCsv => self.export(Format::Csv, false, now),
            Command::ExportXlsx => self.export(Format::Xlsx, false, now),
            Command::ExportChainSvg => self.export(Format::Svg, false, now),
            Command::ExportChainPng => self.export(Format::Png, false, now),
            Command::ShareLessons => self.export(Format::Lessons, false, now),
            Command::TakeInLessons => self.ask_take_in(now),
            Command::About => self.state.dialog = Some(Dialog::About),
            Command::Guide => self.state.dialog = Some(Dialog::Guide),
            Command::Shortcuts => self.state.dialog = Some(Dialog::Shortcuts),
            Command::Palette => {
                self.state.palette = match self.state.palette {
                    Some(_) => None,
                    None => Some(Palette::default()),
                };
            }
            Command::RecoverSetAside => self.offer_set_aside(now),
            Command::ShowRegion
            | Command::ShowAnalysis
            | Command::ShowAmbitions
            | Command::ShowOutcomes
            | Command::ShowInterventions
            | Command::ShowEvaluation
            | Command::ShowDashboard
            | Command::ShowChain
            | Command::ShowMeetings
            | Command::ShowIntervision => {}
        }
    }

    /// Applies what the UI sent during the last pass.
    pub fn run_pending(&mut self, ctx: &egui::Context) {
        if !self.state.pending.is_empty() {
            self.commands_ran = true;
            // the edits of the pass that asked for these are taken in first (they may undo,
            // save or switch cycle)
            let all = self.state.pending.contains(&Message::CheckWholeDocument);
            if let Some(doc) = &mut self.state.doc {
                doc.check_all |= all;
                doc.sync(ctx.input(|i| i.time));
            }
        }
        let sent = self.state.pending.take();
        let ran = !sent.is_empty();
        for m in sent {
            self.run(ctx, m);
        }
        if ran && let Some(doc) = &mut self.state.doc {
            // what they changed reaches the recovery file even if no frame follows
            doc.sync(ctx.input(|i| i.time));
            self.hand_over_to_autosave();
        }
    }
}

/// The school year we are in: 1 August to 31 July.
fn current_school_year() -> (chrono::NaiveDate, chrono::NaiveDate) {
    use chrono::Datelike;
    let today = chrono::Local::now().date_naive();
    let year = if today.month() >= 8 {
        today.year()
    } else {
        today.year() - 1
    };
    let start = chrono::NaiveDate::from_ymd_opt(year, 8, 1).unwrap_or(today);
    let end = chrono::NaiveDate::from_ymd_opt(year + 1, 7, 31).unwrap_or(today);
    (start, end)
}
