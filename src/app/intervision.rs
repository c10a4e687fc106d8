//! What the intervision screens ask of the app: the projector view of a session (entered,
//! left, its rounds), the round timers (a round started keeps what the one before used), a tip
//! made into an action, lessons taken into the evaluation, and the brief and handout exported.

use super::{FileKind, KompasApp, ask};
use crate::i18n::{t, tf};
use crate::model::Id;
use crate::state::{IntervisionShow, Message, SessionMsg};

impl KompasApp {
    pub(super) fn run_session(&mut self, ctx: &egui::Context, m: SessionMsg, now: f64) {
        match m {
            SessionMsg::Present(id) => self.present(ctx, Some(id)),
            SessionMsg::Leave => self.leave_presenting(ctx, now),
            SessionMsg::Round(delta) => self.step_round(delta, now),
            SessionMsg::StartRound(session, k) => self.start_round(session, k, now),
            SessionMsg::TipToAction(tip) => {
                let Some(doc) = &mut self.state.doc else {
                    return;
                };
                let today = chrono::Local::now().date_naive();
                let title = t!("tip.meeting_title");
                if doc.project.tip_to_action(tip, today, title).is_some() {
                    self.commands_ran = true;
                    self.state.status = Some((t!("status.action_made").to_owned(), now));
                }
            }
            SessionMsg::LessonsToEvaluation(session) => {
                let Some(doc) = &mut self.state.doc else {
                    return;
                };
                let added = doc.project.lessons_into_evaluation(session, doc.cycle);
                doc.check_all = true;
                self.state.status = Some((tf!("status.lessons_added", n = added), now));
            }
            SessionMsg::Export {
                session,
                handout,
                format,
                names,
                checked,
            } => self.export_paper(session, (handout, format, names, checked), now),
        }
    }

    /// Shows `session` (or, from the key, the one with the latest date) on the projector, at
    /// its first round not done; or leaves the projector view when it is shown and no session
    /// is named.
    pub(super) fn present(&mut self, ctx: &egui::Context, session: Option<Id>) {
        if session.is_none() && self.state.presenting.is_some() {
            let now = ctx.input(|i| i.time);
            self.leave_presenting(ctx, now);
            return;
        }
        let Some(doc) = &self.state.doc else { return };
        let chosen = session.or_else(|| {
            (doc.project.intervisions.iter().enumerate())
                .max_by_key(|(k, s)| (s.date, *k))
                .map(|(_, s)| s.id)
        });
        let Some(s) = chosen.and_then(|id| doc.project.session(id)) else {
            let now = ctx.input(|i| i.time);
            self.state.status = Some((t!("present.no_session").to_owned(), now));
            return;
        };
        let mut show = IntervisionShow::new(s.id);
        show.round = s.rounds.iter().position(|r| !r.done).unwrap_or(0);
        self.state.presenting = Some(show);
        self.state.workshop = None;
        self.state.palette = None;
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
    }

    fn leave_presenting(&mut self, ctx: &egui::Context, now: f64) {
        self.write_round(now, true);
        self.state.presenting = None;
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
    }

    /// Writes the seconds the timed round used into the document (at once with `now_all`).
    fn write_round(&mut self, now: f64, pause: bool) {
        if let Some(doc) = &mut self.state.doc {
            if pause {
                self.state.timer.pause(now);
            }
            if self.state.timer.write_round(&mut doc.project, now) {
                self.commands_ran = true;
            }
        }
    }

    /// Every frame: a running round's seconds go into the document once a minute (and at once
    /// when it was paused), so the file keeps them.
    pub(super) fn round_tick(&mut self, now: f64) {
        self.write_round(now, false);
    }

    /// Starts the timer of round `k` of `session`, going on from the seconds it used; the
    /// round timed before keeps its own.
    fn start_round(&mut self, session: Id, k: usize, now: f64) {
        self.write_round(now, true);
        let Some(doc) = &self.state.doc else { return };
        let Some(r) = doc.project.session(session).and_then(|s| s.rounds.get(k)) else {
            return;
        };
        use crate::i18n::Label;
        let timer = &mut self.state.timer;
        if timer.round != Some((session, k)) {
            timer.set_round(r.kind.label(), r.minutes, r.used_seconds, (session, k));
        }
        timer.start(now);
    }

    /// On the projector: to the next or previous round. Going on marks the round left done
    /// and stops its timer; the timer is set (not started) for the round arrived at.
    fn step_round(&mut self, delta: i32, now: f64) {
        self.write_round(now, true);
        let (Some(show), Some(doc)) = (&mut self.state.presenting, &mut self.state.doc) else {
            return;
        };
        let Some(s) = doc.project.session_mut(show.session) else {
            return;
        };
        let last = s.rounds.len().saturating_sub(1);
        let to = show.round.saturating_add_signed(delta as isize).min(last);
        if delta > 0
            && let Some(r) = s.rounds.get_mut(show.round)
        {
            r.done = true;
            self.commands_ran = true;
        }
        show.round = to;
        if let Some(r) = s.rounds.get(to) {
            use crate::i18n::Label;
            (self.state.timer).set_round(r.kind.label(), r.minutes, r.used_seconds, (s.id, to));
        }
    }

    /// The brief or handout of a session: built, checked for what looks like personal data
    /// (the names said when they are in), and written where the user says.
    fn export_paper(
        &mut self,
        session: Id,
        (handout, format, names, checked): (bool, crate::export::Format, bool, bool),
        now: f64,
    ) {
        if self.refuse_when_busy(now) {
            return;
        }
        let Some(doc) = &self.state.doc else { return };
        let paper = if handout {
            crate::report::Paper::Handout
        } else {
            crate::report::Paper::Brief
        };
        let today = chrono::Local::now().date_naive();
        let lang = self.state.prefs.lang;
        let Some(report) = crate::report::session_paper(
            &doc.project,
            doc.cycle,
            session,
            paper,
            names,
            lang,
            today,
        ) else {
            return;
        };
        if !checked {
            let s = doc.project.session(session);
            let lines = s.map_or_else(Vec::new, |s| {
                crate::report::paper_findings(&report, s, names, lang)
            });
            if !lines.is_empty() {
                let then = SessionMsg::Export {
                    session,
                    handout,
                    format,
                    names,
                    checked: true,
                };
                self.state.dialog = Some(crate::state::Dialog::PrivacyBeforePaper {
                    lines,
                    then: Box::new(Message::Session(then)),
                });
                return;
            }
        }
        let bytes = match format {
            crate::export::Format::Markdown => crate::export::render_markdown(&report).into_bytes(),
            crate::export::Format::Docx => match crate::export::render_docx(&report) {
                Ok(b) => b,
                Err(e) => {
                    self.state.status = Some((e, now));
                    return;
                }
            },
            _ => crate::export::render_html(&report).into_bytes(),
        };
        let what = if handout {
            t!("paper.handout")
        } else {
            t!("paper.brief")
        };
        let title = doc
            .project
            .session(session)
            .map(|s| s.title.clone())
            .unwrap_or_default();
        let stem = super::files::suggested_file_name(&format!("{what} {title}"));
        let suggested = format!("{}.{}", stem.trim_end_matches(".ron"), format.extension());
        let kind = match format {
            crate::export::Format::Markdown => FileKind::Markdown,
            crate::export::Format::Docx => FileKind::Docx,
            _ => FileKind::Html,
        };
        self.ask_file(
            now,
            kind,
            Some(&suggested),
            ask::Purpose::Paper(bytes, format),
        );
    }
}

/// The keys of the projector view, which act only while no text field has the keyboard:
/// Page Down / Right the next round, Page Up / Left the previous, Escape leaves.
pub(super) fn presenter_keys(app: &mut KompasApp, ctx: &egui::Context) {
    use egui::{Key, Modifiers};
    if ctx.egui_wants_keyboard_input() || app.typing_last_frame {
        return;
    }
    let pressed = |keys: &[Key]| {
        keys.iter()
            .any(|k| ctx.input_mut(|i| i.consume_key(Modifiers::NONE, *k)))
    };
    if pressed(&[Key::PageDown, Key::ArrowRight]) {
        app.state
            .pending
            .push(Message::Session(SessionMsg::Round(1)));
    }
    if pressed(&[Key::PageUp, Key::ArrowLeft]) {
        app.state
            .pending
            .push(Message::Session(SessionMsg::Round(-1)));
    }
    if pressed(&[Key::Escape]) {
        app.state.pending.push(Message::Session(SessionMsg::Leave));
    }
}
