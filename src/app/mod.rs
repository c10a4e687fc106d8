//! The thin eframe shell: owns the runtime state, runs commands after the UI pass, and keeps
//! undo, the title and the preferences in step with the document.

mod ask;
mod commands;
pub mod compare;
mod dialogs;
mod document;
pub mod jobs;
mod prefs;
pub mod recovery;
mod restore;
pub mod timer;

pub use commands::{Command, SHORTCUTS, WORKSHOP_KEYS, shortcut_list};
pub use dialogs::{FileDialogs, FileKind, NativeDialogs, Pending, Request};
pub use document::{DiskState, OpenDoc, View};
pub use prefs::{Prefs, RecentFile, STORAGE_KEY};

use crate::i18n::{set_lang, t, tf};
use crate::model::{Project, Step};
use crate::{samples, storage};
use std::path::{Path, PathBuf};

/// Set, the window prints `first-frame` and exits once a document is drawn (the start-up
/// benchmark measures that against a bare eframe window).
pub const FIRST_FRAME_ENV: &str = "KOMPAS_EXIT_AFTER_FIRST_FRAME";

/// CSV files larger than this are refused (a year of weekly figures for every gemeente is far
/// below it).
const MAX_CSV_BYTES: u64 = 50 * 1024 * 1024;

/// A modal question or message.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// There are unsaved changes; `then` runs after saving or discarding them.
    ConfirmDiscard(Command),
    Message {
        title: String,
        body: String,
    },
    /// Saving failed; the document is still in memory and can be saved elsewhere.
    SaveFailed {
        title: String,
        body: String,
    },
    /// The file changed on disk since it was opened: overwrite, save as a new file, or cancel.
    ChangedOnDisk {
        file: String,
        /// The two versions compared, once the user asked to.
        compare: Option<Result<compare::Comparison, String>>,
    },
    /// Unsaved work from a session that did not end cleanly: restore, later, or throw away.
    Recover(recovery::Found),
    /// Restoring would replace a document with unsaved changes: save it or set it aside first.
    RecoverReplace(recovery::Found),
    /// "Throw away" was chosen: what the recovery holds, and are you sure.
    RecoverThrowAway(recovery::Found),
    /// Before an export: the project holds what looks like personal data.
    PrivacyBeforeExport {
        format: crate::export::Format,
        lines: Vec<String>,
    },
    About,
    /// The built-in guide: what a cycle is, each step, running a workshop.
    Guide,
    /// Every shortcut, generated from the command list.
    Shortcuts,
    /// Before starting the next cycle: what is carried over from the cycle at `from`.
    ConfirmNextCycle {
        from: usize,
        carry: crate::model::CarryOver,
    },
}

pub struct KompasApp {
    pub prefs: Prefs,
    pub doc: Option<OpenDoc>,
    pub dialog: Option<Dialog>,
    /// Commands asked for during this frame; run after the UI pass.
    pub pending: Vec<Command>,
    /// A short message in the status bar and when it was shown (egui time).
    pub status: Option<(String, f64)>,
    /// The status message (by its time) that says what a removal took: it has an "undo".
    pub undo_offer: Option<f64>,
    /// The CSV import dialog, while it is open.
    pub import: Option<crate::ui::import::ImportDialog>,
    /// Autosave of the open document to its recovery file.
    pub autosave: recovery::Autosaver,
    /// The region overview, while it is open.
    pub overview: Option<crate::ui::overview::OverviewScreen>,
    /// Workshop mode, while it is on.
    pub workshop: Option<crate::ui::workshop::Workshop>,
    /// The countdown for the current agenda item or round.
    pub timer: timer::Timer,
    /// Recovery files still to offer after the one in the dialog.
    pub recovery_queue: Vec<recovery::Found>,
    /// How many recovery files were offered so far (for "1 van 2").
    recovery_shown: usize,
    /// "Herstellen" was chosen while a file was being read or written: restore once done.
    restore_after_job: Option<recovery::Found>,
    /// A file dialog that is open, and what its answer is for.
    asking: Option<ask::Asking>,
    /// The folder of the last file picked in a dialog.
    last_dir: Option<PathBuf>,
    /// The window's context, to wake it when a file dialog answers.
    egui_ctx: Option<egui::Context>,
    /// Opening, saving or exporting on a background thread, while it runs.
    pub job: Option<jobs::Job>,
    /// The window was asked to close while a job ran: close once it is done.
    close_when_done: bool,
    was_focused: bool,
    /// Frames run so far (the first ones always compare the document).
    frames_seen: u32,
    /// Whether the last frame had input, and whether commands ran since the last frame.
    was_active: bool,
    commands_ran: bool,
    /// Whether a text field had the keyboard at the end of the last frame (an Escape pressed
    /// in a field has already taken the focus away when the keys are read).
    typing_last_frame: bool,
    /// What was typed in workshop mode's tip and signal fields when it was left: it is there
    /// again when workshop mode is entered.
    workshop_drafts: Option<crate::ui::workshop::Workshop>,
    dialogs: Box<dyn FileDialogs>,
    allow_close: bool,
    title: String,
    style_applied: Option<(bool, crate::i18n::Lang)>,
}

impl KompasApp {
    /// The app as the window starts it: preferences from eframe's storage, native dialogs,
    /// and `file` opened if one was given.
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> Self {
        let prefs = cc
            .storage
            .and_then(|s| eframe::get_value(s, STORAGE_KEY))
            .unwrap_or_default();
        let mut app = Self::with_dialogs(prefs, Box::new(NativeDialogs))
            .with_recovery_dir(recovery::default_dir());
        cc.egui_ctx.set_zoom_factor(app.prefs.zoom);
        if let Some(path) = file {
            // read while the window is still being set up: a sample is there by the first frame
            app.start_open(path, 0.0);
        }
        app
    }

    /// The app with given preferences and file dialogs (tests answer the dialogs themselves).
    pub fn with_dialogs(prefs: Prefs, dialogs: Box<dyn FileDialogs>) -> Self {
        set_lang(prefs.lang);
        Self {
            prefs,
            doc: None,
            dialog: None,
            pending: Vec::new(),
            status: None,
            undo_offer: None,
            import: None,
            autosave: recovery::Autosaver::with_dir(None),
            workshop: None,
            overview: None,
            timer: timer::Timer::default(),
            recovery_queue: Vec::new(),
            recovery_shown: 0,
            restore_after_job: None,
            asking: None,
            last_dir: None,
            egui_ctx: None,
            job: None,
            close_when_done: false,
            was_focused: true,
            frames_seen: 0,
            was_active: true,
            commands_ran: false,
            typing_last_frame: false,
            workshop_drafts: None,
            dialogs,
            allow_close: false,
            title: String::new(),
            style_applied: None,
        }
    }

    /// Turns autosave on, into `dir`, and offers the recovery files found there.
    /// (Without this, as in most tests, nothing is autosaved.)
    pub fn with_recovery_dir(mut self, dir: Option<PathBuf>) -> Self {
        self.autosave = recovery::Autosaver::with_dir(dir);
        if let Some(dir) = self.autosave.dir.clone() {
            recovery::remove_stale_locks(&dir);
            self.recovery_queue = recovery::scan(&dir);
            self.recovery_shown = 0;
            self.offer_next_recovery();
        }
        self
    }

    /// Replaces the open document (the old one was saved or discarded: its recovery file goes)
    /// and starts autosave for the new one.
    fn set_doc(&mut self, doc: OpenDoc, _now: f64) {
        self.autosave.stop();
        self.autosave.start(None);
        self.doc = Some(doc);
    }

    pub fn is_dirty(&self) -> bool {
        self.doc.as_ref().is_some_and(OpenDoc::is_dirty)
    }

    /// Whether the window closes once the running job is done.
    pub fn closing_after_job(&self) -> bool {
        self.close_when_done
    }

    /// Runs a command now, asking first when it would throw away unsaved changes.
    pub fn run(&mut self, ctx: &egui::Context, cmd: Command) {
        if cmd.replaces_document() && self.is_dirty() {
            self.dialog = Some(Dialog::ConfirmDiscard(cmd));
            return;
        }
        self.run_confirmed(ctx, cmd);
    }

    /// Runs a command without asking about unsaved changes.
    pub fn run_confirmed(&mut self, ctx: &egui::Context, cmd: Command) {
        let now = ctx.input(|i| i.time);
        match cmd {
            Command::New => {
                let (start, end) = current_school_year();
                let project = Project::new(t("new.region_name"), start, end);
                let mut doc = OpenDoc::new(
                    project.clone(),
                    None,
                    t("new.file_name").to_owned(),
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
            Command::OpenPath(path) => {
                if !self.refuse_when_busy(now) {
                    self.overview = None;
                    self.start_open(path, now);
                }
            }
            Command::OpenOverview => {
                self.ask_file(now, FileKind::Folder, None, ask::Purpose::Overview);
            }
            Command::OpenSample(i) => self.open_sample(i, now),
            Command::Save => self.save_then(now, None),
            Command::SaveOverwrite => {
                if let Some(path) = self.doc.as_ref().and_then(|d| d.path.clone()) {
                    // "Toch overschrijven": their version is kept beside the file
                    self.start_save_keeping(path, false, true, None, now);
                }
            }
            Command::SaveAs => self.save_as(now, None),
            Command::CloseProject => {
                self.autosave.stop();
                self.doc = None;
            }
            Command::Quit => {
                if self.job.is_some() {
                    // a file is being written: close once it is done
                    self.close_when_done = true;
                    return;
                }
                if !self.is_dirty() {
                    self.autosave.stop();
                }
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Command::Undo => {
                if let Some(doc) = &mut self.doc
                    && doc.undo(now)
                {
                    self.status = Some((t("status.undone").to_owned(), now));
                }
            }
            Command::Redo => {
                if let Some(doc) = &mut self.doc {
                    doc.redo(now);
                }
            }
            Command::ZoomIn => ctx.set_zoom_factor((ctx.zoom_factor() + 0.1).min(3.0)),
            Command::ZoomOut => ctx.set_zoom_factor((ctx.zoom_factor() - 0.1).max(0.5)),
            Command::ZoomReset => ctx.set_zoom_factor(1.0),
            Command::SetLang(lang) => {
                self.prefs.lang = lang;
                set_lang(lang);
            }
            Command::ToggleDark => self.prefs.dark = !self.prefs.dark,
            Command::ToggleGuidance => self.prefs.show_guidance = !self.prefs.show_guidance,
            Command::StartNextCycle => {
                if let Some(doc) = &self.doc
                    && let Some(carry) = doc.project.carry_over(doc.cycle)
                {
                    self.dialog = Some(Dialog::ConfirmNextCycle {
                        from: doc.cycle,
                        carry,
                    });
                }
            }
            Command::StartNextCycleConfirmed => {
                if let Some(doc) = &mut self.doc
                    && let Some(i) = doc.project.start_next_cycle(doc.cycle)
                {
                    doc.check_all = true;
                    doc.cycle = i;
                    doc.view = View::Step(Step::Analysis);
                    let name = doc.project.cycles[i].name.clone();
                    self.status = Some((tf("status.next_cycle", &[("name", &name)]), now));
                }
            }
            Command::SelectCycle(i) => {
                if let Some(doc) = &mut self.doc {
                    doc.cycle = i;
                    doc.clamp_cycle();
                }
            }
            Command::Show(view) => {
                if let Some(doc) = &mut self.doc {
                    doc.view = view;
                }
            }
            Command::NextStep | Command::PreviousStep => {
                if let Some(doc) = &mut self.doc {
                    doc.view = step_after(doc.view, cmd == Command::NextStep);
                }
            }
            Command::ToggleWorkshop => {
                let on = self.workshop.is_none() && self.doc.is_some();
                if on {
                    // half-typed text from the last time comes back, on the first page
                    let drafts = self.workshop_drafts.take().unwrap_or_default();
                    self.workshop = Some(crate::ui::workshop::Workshop { page: 0, ..drafts });
                } else if let Some(ws) = self.workshop.take()
                    && (!ws.tip.trim().is_empty() || !ws.signal.trim().is_empty())
                {
                    self.workshop_drafts = Some(ws);
                }
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
            }
            Command::WorkshopPage(delta) => {
                if let (Some(ws), Some(doc)) = (&mut self.workshop, &self.doc)
                    && let Some(c) = doc.project.cycles.get(doc.cycle)
                {
                    let last = crate::ui::workshop::pages(c).len().saturating_sub(1);
                    ws.page = ws.page.saturating_add_signed(delta as isize).min(last);
                }
            }
            Command::CopyLessons(session) => {
                if let Some(doc) = &self.doc {
                    let text = doc
                        .project
                        .lessons_text(session, t("intervision.lessons_heading"));
                    ctx.copy_text(text);
                    self.status = Some((t("status.copied").to_owned(), now));
                }
            }
            Command::ExportLessons(session) => self.export_lessons(session, now),
            Command::ImportCsv(indicator) => self.start_import(indicator, now),
            Command::Export(format) => self.export(format, false, now),
            Command::ExportChecked(format) => self.export(format, true, now),
            Command::About => self.dialog = Some(Dialog::About),
            Command::Guide => self.dialog = Some(Dialog::Guide),
            Command::Shortcuts => self.dialog = Some(Dialog::Shortcuts),
            Command::Restore(found) => self.restore(&found, now),
            Command::RecoverSetAside => self.offer_set_aside(now),
            Command::Removed(r) => {
                let text = if r.items + r.links == 0 {
                    t("status.removed").to_owned()
                } else {
                    tf(
                        "status.removed_with",
                        &[
                            ("items", &r.items.to_string()),
                            ("links", &r.links.to_string()),
                        ],
                    )
                };
                self.status = Some((text, now));
                self.undo_offer = Some(now);
            }
            Command::CheckWholeDocument => {
                if let Some(doc) = &mut self.doc {
                    doc.check_all = true;
                }
            }
        }
    }

    /// Asks for a CSV file and reads it in the background; the import dialog opens on it
    /// (nothing changes until the user confirms there).
    fn start_import(&mut self, indicator: Option<crate::model::Id>, now: f64) {
        if self.doc.is_none() || self.refuse_when_busy(now) {
            return;
        }
        self.ask_file(
            now,
            FileKind::Table,
            None,
            ask::Purpose::ImportCsv(indicator),
        );
    }

    /// Writes the general lessons of an intervision session to a text file the user picks.
    fn export_lessons(&mut self, session: crate::model::Id, now: f64) {
        if self.refuse_when_busy(now) {
            return;
        }
        let Some(doc) = &self.doc else { return };
        let text = doc
            .project
            .lessons_text(session, t("intervision.lessons_heading"));
        let title = doc
            .project
            .session(session)
            .map(|s| s.title.clone())
            .unwrap_or_default();
        let stem = suggested_file_name(&format!("{} {title}", t("intervision.lessons_file")));
        let suggested = format!("{}.txt", stem.trim_end_matches(".ron"));
        self.ask_file(
            now,
            FileKind::Text,
            Some(&suggested),
            ask::Purpose::Lessons(text),
        );
    }

    /// Exports the cycle (HTML report, Markdown or CSV) to a file the user picks; first looks
    /// (in the background) for what looks like personal data, and asks when it finds some.
    fn export(&mut self, format: crate::export::Format, checked: bool, now: f64) {
        if self.refuse_when_busy(now) {
            return;
        }
        let Some(doc) = &mut self.doc else { return };
        doc.sync(now);
        if checked {
            self.export_to_file(format, now);
        } else {
            let snapshot = doc.tracker.current().clone();
            self.job = Some(jobs::privacy_check(snapshot, format, now, self.prefs.lang));
        }
    }

    /// Asks where to write the export and starts writing it.
    fn export_to_file(&mut self, format: crate::export::Format, now: f64) {
        let Some(doc) = &self.doc else { return };
        let cycle_name = doc
            .project
            .cycles
            .get(doc.cycle)
            .map(|c| c.name.clone())
            .unwrap_or_default();
        let stem = suggested_file_name(&format!("{} {cycle_name}", doc.project.region.name));
        let suggested = format!("{}.{}", stem.trim_end_matches(".ron"), format.extension());
        let kind = match format {
            crate::export::Format::Html => FileKind::Html,
            crate::export::Format::Markdown => FileKind::Markdown,
            crate::export::Format::Csv => FileKind::Csv,
        };
        let purpose = ask::Purpose::Export {
            snapshot: Box::new(doc.tracker.current().clone()),
            cycle: doc.cycle,
            format,
        };
        self.ask_file(now, kind, Some(&suggested), purpose);
    }

    /// While a job runs, another that needs the disk waits: says so and returns `true`.
    fn refuse_when_busy(&mut self, now: f64) -> bool {
        match &self.job {
            Some(job) => {
                let what = job.what.describe();
                self.status = Some((tf("job.busy", &[("what", &what)]), now));
                true
            }
            None => false,
        }
    }

    fn start_open(&mut self, path: PathBuf, now: f64) {
        self.job = Some(jobs::open(path, now, self.prefs.lang));
    }

    /// Takes in the result of the background job once it is done. Runs at the start of every
    /// frame.
    fn poll_job(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.job else { return };
        let Some(outcome) = job.poll_waking(ctx) else {
            // the job wakes the window when it is done; the spinner turns meanwhile
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
            return;
        };
        let Some(job) = self.job.take() else { return };
        let now = ctx.input(|i| i.time);
        let succeeded = self.finish_job(&job.what, outcome, now);
        if succeeded && let Some(then) = job.then {
            self.run_confirmed(ctx, then);
        }
        if std::mem::take(&mut self.close_when_done) && succeeded {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if self.job.is_none()
            && let Some(found) = self.restore_after_job.take()
        {
            self.restore(&found, now);
        }
    }

    /// What a finished job changes in the window. Returns whether it succeeded.
    fn finish_job(&mut self, what: &jobs::What, outcome: jobs::Outcome, now: f64) -> bool {
        use jobs::{Outcome, What};
        match (what, outcome) {
            (What::Open(path), Outcome::Opened { doc, warnings }) => {
                let region = doc.project.region.name.clone();
                self.overview = None;
                self.set_doc(*doc, now);
                self.prefs.remember(path.clone(), &region);
                if !warnings.is_empty() {
                    self.dialog = Some(Dialog::Message {
                        title: t("dialog.warnings_title").to_owned(),
                        body: warnings.join("\n"),
                    });
                }
                true
            }
            (What::Restore(found), Outcome::Opened { doc, .. }) => {
                self.restored(found, *doc, now);
                true
            }
            (What::Restore(found), Outcome::OpenFailed(e)) => {
                self.dialog = Some(Dialog::Message {
                    title: tf("dialog.open_failed", &[("file", &found.header.name)]),
                    body: e.message(),
                });
                self.offer_next_recovery();
                false
            }
            (What::Open(path), Outcome::OpenFailed(e)) => {
                if matches!(
                    e,
                    storage::LoadError::Read {
                        kind: std::io::ErrorKind::NotFound,
                        ..
                    }
                ) {
                    self.prefs.forget(path);
                }
                self.dialog = Some(Dialog::Message {
                    title: tf("dialog.open_failed", &[("file", &file_name(path))]),
                    body: format!("{}\n\n{}", e.message(), t("dialog.file_untouched")),
                });
                false
            }
            (
                What::Save(path),
                Outcome::Saved {
                    snapshot,
                    disk,
                    kept,
                },
            ) => {
                let Some(doc) = &mut self.doc else {
                    return false;
                };
                doc.mark_saved(*snapshot);
                doc.path = Some(path.clone());
                doc.disk = disk;
                // saved: the recovery file goes (edits from now on are written to it again)
                self.autosave.remove();
                let region = doc.project.region.name.clone();
                self.prefs.remember(path.clone(), &region);
                let saved = tf("status.saved", &[("file", &file_name(path))]);
                self.status = Some(match kept {
                    Some(other) => {
                        let kept = tf("status.kept_other", &[("file", &file_name(&other))]);
                        (format!("{saved} {kept}"), now)
                    }
                    None => (saved, now),
                });
                true
            }
            (What::Save(path), Outcome::SaveFailed(body)) => {
                self.dialog = Some(Dialog::SaveFailed {
                    title: tf("dialog.save_failed", &[("file", &file_name(path))]),
                    body: format!("{body}\n\n{}", t("dialog.kept_in_memory")),
                });
                false
            }
            (What::Save(path), Outcome::ChangedOnDisk) => {
                self.dialog = Some(Dialog::ChangedOnDisk {
                    file: file_name(path),
                    compare: None,
                });
                false
            }
            (What::PrivacyCheck(format), Outcome::Checked(lines)) => {
                if lines.is_empty() {
                    self.export_to_file(*format, now);
                } else {
                    self.dialog = Some(Dialog::PrivacyBeforeExport {
                        format: *format,
                        lines,
                    });
                }
                true
            }
            (What::ReadCsv(path, indicator), Outcome::CsvRead(table)) => {
                self.import = Some(crate::ui::import::ImportDialog::new(
                    file_name(path),
                    *table,
                    *indicator,
                ));
                true
            }
            (What::ReadCsv(path, _), Outcome::CsvFailed(body)) => {
                self.dialog = Some(Dialog::Message {
                    title: tf("dialog.import_failed", &[("file", &file_name(path))]),
                    body,
                });
                false
            }
            (What::Export(path, _) | What::WriteText(path), Outcome::Exported) => {
                self.status = Some((tf("status.exported", &[("file", &file_name(path))]), now));
                true
            }
            (
                What::Export(..) | What::PrivacyCheck(_) | What::WriteText(_),
                Outcome::ExportFailed(body),
            ) => {
                let file = match what {
                    What::Export(path, _) | What::WriteText(path) => file_name(path),
                    _ => String::new(),
                };
                self.dialog = Some(Dialog::Message {
                    title: tf("dialog.export_failed", &[("file", &file)]),
                    body,
                });
                false
            }
            _ => false,
        }
    }

    fn open_sample(&mut self, i: usize, now: f64) {
        let Some(sample) = samples::SAMPLES.get(i) else {
            return;
        };
        match storage::parse(sample.content.as_bytes()) {
            Ok(loaded) => {
                let p = loaded.project;
                let doc = OpenDoc::new(p.clone(), None, sample.file_name.to_owned(), p);
                self.set_doc(doc, now);
            }
            Err(e) => {
                self.dialog = Some(Dialog::Message {
                    title: tf("dialog.open_failed", &[("file", sample.file_name)]),
                    body: e.message(),
                });
            }
        }
    }

    /// Saves to the document's own path, or asks for one, in the background; `then` runs once
    /// it is saved.
    pub fn save_then(&mut self, now: f64, then: Option<Command>) {
        match self.doc.as_ref().and_then(|d| d.path.clone()) {
            Some(path) => self.start_save(path, true, then, now),
            None => self.save_as(now, then),
        }
    }

    /// Asks where to save and saves there.
    pub fn save_as(&mut self, now: f64, then: Option<Command>) {
        let Some(doc) = &self.doc else { return };
        let suggested = suggested_file_name(&doc.project.region.name);
        self.ask_file(
            now,
            FileKind::Project,
            Some(&suggested),
            ask::Purpose::SaveAs(then),
        );
    }

    /// Starts writing the document to `path` on a background thread. With `check_disk`, when
    /// `path` is the document's own file and another program changed it since we read or wrote
    /// it, nothing is written and the user is asked.
    fn start_save(&mut self, path: PathBuf, check_disk: bool, then: Option<Command>, now: f64) {
        self.start_save_keeping(path, check_disk, false, then, now);
    }

    /// [`Self::start_save`]; with `keep_other`, the file as it is on disk is first kept beside
    /// it (the user chose to overwrite another program's version).
    fn start_save_keeping(
        &mut self,
        path: PathBuf,
        check_disk: bool,
        keep_other: bool,
        then: Option<Command>,
        now: f64,
    ) {
        if self.refuse_when_busy(now) {
            return;
        }
        let Some(doc) = &mut self.doc else { return };
        doc.sync(now);
        let own_file = doc.path.as_deref() == Some(path.as_path());
        let disk = if check_disk && own_file {
            doc.disk.clone()
        } else {
            None
        };
        let snapshot = doc.tracker.current().clone();
        let mut job = jobs::save(snapshot, path, disk, keep_other, now, self.prefs.lang);
        job.then = then;
        self.job = Some(job);
    }

    /// Everything that is not drawing: shortcuts, dropped files, close requests, undo points,
    /// title and style. Runs before each UI pass.
    pub fn logic(&mut self, ctx: &egui::Context) {
        set_lang(self.prefs.lang);
        self.apply_style(ctx);
        if self.egui_ctx.is_none() {
            self.egui_ctx = Some(ctx.clone());
        }
        self.poll_job(ctx);
        if self.asking.is_some() {
            self.poll_file_dialog(ctx.input(|i| i.time));
        }
        if self.dialog.is_none() {
            for (shortcut, cmd) in SHORTCUTS {
                if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                    self.pending.push(cmd);
                }
            }
            if self.workshop.is_some() {
                self.workshop_keys(ctx);
            }
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if let Some(path) = dropped
            .into_iter()
            .find(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")))
        {
            self.pending.push(Command::OpenPath(path));
        }
        if ctx.input(|i| i.viewport().close_requested()) && self.job.is_some() {
            // a file is being written or read: close once that is done
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.close_when_done = true;
        } else if ctx.input(|i| i.viewport().close_requested())
            && !self.allow_close
            && self.is_dirty()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::ConfirmDiscard(Command::Quit));
        }
        self.run_pending(ctx);
        let now = ctx.input(|i| i.time);
        // Edits only happen with input (drawn in the frame after it is read) or a command:
        // compare the document then, and while an edit settles into an undo point; idle frames
        // (a timer, an animation) skip the comparison.
        // moving the pointer edits nothing; keys, clicks, drags and scrolling might
        let active = ctx.input(|i| {
            i.pointer.any_down()
                || i.events.iter().any(|e| {
                    !matches!(e, egui::Event::PointerMoved(_) | egui::Event::MouseMoved(_))
                })
        });
        let ran_commands = std::mem::take(&mut self.commands_ran);
        let was_active = std::mem::replace(&mut self.was_active, active);
        if let Some(doc) = &mut self.doc
            && (active
                || was_active
                || ran_commands
                || doc.tracker.is_in_flux()
                || self.frames_seen < 2)
        {
            doc.sync(now);
        }
        self.frames_seen = self.frames_seen.saturating_add(1);
        self.autosave_tick(ctx);
        self.prefs.zoom = ctx.zoom_factor();
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// Workshop mode: Page Down / Page Up (what presentation clickers send), the arrow keys
    /// and Escape act only when no text field has the keyboard, so typing a tip is never cut
    /// off: the first Escape in a field only leaves the field.
    fn workshop_keys(&mut self, ctx: &egui::Context) {
        use egui::{Key, Modifiers};
        let typing = ctx.egui_wants_keyboard_input() || self.typing_last_frame;
        if typing {
            return;
        }
        let take = |key: Key| ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key));
        if take(Key::PageDown) || take(Key::ArrowRight) {
            self.pending.push(Command::WorkshopPage(1));
        }
        if take(Key::PageUp) || take(Key::ArrowLeft) {
            self.pending.push(Command::WorkshopPage(-1));
        }
        if take(Key::Escape) {
            self.pending.push(Command::ToggleWorkshop);
        }
    }

    /// Hands the document to the autosave thread, and asks it to write at once when the window
    /// lost focus.
    fn autosave_tick(&mut self, ctx: &egui::Context) {
        let (focused, lost_event) = ctx.input(|i| {
            let lost = i
                .raw
                .events
                .iter()
                .any(|e| matches!(e, egui::Event::WindowFocused(false)));
            (i.focused, lost)
        });
        let focus_lost = lost_event || (self.was_focused && !focused);
        self.was_focused = focused;
        self.hand_over_to_autosave();
        if focus_lost {
            self.autosave.save_now();
        }
        if self.asking.is_some() {
            // a file dialog is open: look for its answer now and then
            ctx.request_repaint_after(std::time::Duration::from_millis(250));
        }
    }

    /// Gives the autosave thread the document as of now (cheap when nothing changed); it
    /// writes the recovery file on its own clock, frames or not.
    fn hand_over_to_autosave(&mut self) {
        let Some(doc) = &self.doc else {
            self.autosave.poll();
            return;
        };
        self.autosave
            .update(doc.tracker.current(), doc.revision, doc.dirty, || {
                restore::header_of(doc)
            });
    }

    /// Runs the commands asked for during the last pass.
    pub fn run_pending(&mut self, ctx: &egui::Context) {
        if !self.pending.is_empty() {
            self.commands_ran = true;
            // the edits of the pass that asked for these commands are taken in first (the
            // commands may undo, save or switch cycle)
            let all = self.pending.contains(&Command::CheckWholeDocument);
            if let Some(doc) = &mut self.doc {
                doc.check_all |= all;
                doc.sync(ctx.input(|i| i.time));
            }
        }
        let ran = !self.pending.is_empty();
        for cmd in std::mem::take(&mut self.pending) {
            self.run(ctx, cmd);
        }
        if ran && let Some(doc) = &mut self.doc {
            // what the commands changed reaches the recovery file even if no frame follows
            doc.sync(ctx.input(|i| i.time));
            self.hand_over_to_autosave();
        }
    }

    /// "regio.ron • Kompas", with a dot when there are unsaved changes.
    pub fn window_title(&self) -> String {
        match &self.doc {
            Some(doc) => {
                let dirty = if doc.dirty { "• " } else { "" };
                format!("{dirty}{} — Kompas", doc.display_name())
            }
            None => "Kompas".to_owned(),
        }
    }

    fn apply_style(&mut self, ctx: &egui::Context) {
        let key = (self.prefs.dark, self.prefs.lang);
        if self.style_applied == Some(key) {
            return;
        }
        self.style_applied = Some(key);
        crate::ui::theme::apply(ctx, self.prefs.dark);
    }
}

impl eframe::App for KompasApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        KompasApp::logic(self, ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        crate::ui::show(self, ui);
        let ctx = ui.ctx().clone();
        self.typing_last_frame = ctx.egui_wants_keyboard_input();
        self.run_pending(&ctx);
        // For the start-up benchmark: report the first frame with the document open and stop.
        if self.doc.is_some() && std::env::var_os(FIRST_FRAME_ENV).is_some() {
            println!("first-frame");
            std::process::exit(0);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.prefs);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // never leave a save half done
        if let Some(job) = self.job.take() {
            let what = job.what.clone();
            match job.wait() {
                jobs::Outcome::SaveFailed(e) => {
                    log::error!("saving while closing failed ({what:?}): {e}")
                }
                jobs::Outcome::ChangedOnDisk => log::error!(
                    "not saved while closing: another program changed the file ({what:?})"
                ),
                jobs::Outcome::OpenFailed(e) => {
                    log::warn!("opening while closing failed ({what:?}): {}", e.message())
                }
                jobs::Outcome::ExportFailed(e) | jobs::Outcome::CsvFailed(e) => {
                    log::warn!("a job failed while closing ({what:?}): {e}")
                }
                _ => log::info!("a job was finished while closing ({what:?})"),
            }
        }
        // Closing with nothing unsaved is a clean close: no recovery needed.
        if !self.is_dirty() {
            self.autosave.stop();
        }
    }
}

/// The step after (or before) the current view, staying on the first/last step at the ends.
fn step_after(view: View, forward: bool) -> View {
    match (view, forward) {
        (View::Region, true) => View::Step(Step::Analysis),
        (View::Region, false) => View::Region,
        (View::Step(s), true) => s.next().map_or(View::Dashboard, View::Step),
        (View::Step(s), false) => s.previous().map_or(View::Region, View::Step),
        (View::Dashboard, true) => View::Dashboard,
        (View::Dashboard, false) => View::Step(Step::Evaluation),
        (v @ (View::Meetings | View::Intervision), _) => v,
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// A file name made from the region's name: "Regio Utrecht" » "regio-utrecht.ron".
pub fn suggested_file_name(region: &str) -> String {
    let slug: String = region
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let slug = slug
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug.is_empty() {
        "kompas.ron".to_owned()
    } else {
        format!("{slug}.ron")
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
