//! What runs every frame before the UI draws: shortcuts, dropped files, close requests, undo
//! points, autosave, the title and the style.

use super::KompasApp;
use crate::i18n::set_lang;
use crate::state::{Command, Dialog, Message, shortcuts};
use std::path::PathBuf;

impl KompasApp {
    /// Everything that is not drawing: shortcuts, dropped files, close requests, undo points,
    /// title and style. Runs before each UI pass.
    pub fn logic(&mut self, ctx: &egui::Context) {
        // For the start-up benchmark: the first frame with the document open has been drawn
        if self.drew_document && std::env::var_os(super::FIRST_FRAME_ENV).is_some() {
            println!("first-frame");
            std::process::exit(0);
        }
        set_lang(self.state.prefs.lang);
        self.apply_style(ctx);
        if self.egui_ctx.is_none() {
            self.egui_ctx = Some(ctx.clone());
        }
        self.poll_job(ctx);
        if self.asking.is_some() {
            self.poll_file_dialog(ctx.input(|i| i.time));
        }
        if self.state.dialog.is_none() {
            for (shortcut, cmd) in shortcuts() {
                if ctx.input_mut(|i| i.consume_shortcut(shortcut)) {
                    self.state.pending.push(*cmd);
                }
            }
            if self.state.presenting.is_some() {
                super::intervision::presenter_keys(self, ctx);
            } else if self.state.workshop.is_some() {
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
            self.state.pending.push(Message::OpenPath(path));
        }
        if ctx.input(|i| i.viewport().close_requested()) && self.state.job.is_some() {
            // a file is being written or read: close once that is done
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.state.close_when_done = true;
        } else if ctx.input(|i| i.viewport().close_requested())
            && !self.allow_close
            && self.is_dirty()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.state.dialog = Some(Dialog::ConfirmDiscard(Box::new(Command::Quit.into())));
        }
        self.run_pending(ctx);
        // recoveries still to offer come back once nothing else is asked or done (after the
        // message of a failed "Eerst opslaan", say)
        if self.state.job.is_none() && self.asking.is_none() {
            self.offer_next_recovery();
        }
        // the countdown belongs to the document it was set in
        let serial = self.state.doc.as_ref().map(|d| d.serial);
        self.state.timer.follow(serial);
        let now = ctx.input(|i| i.time);
        self.round_tick(now);
        // and in workshop mode to the agenda's block on the projector
        if let (Some(ws), Some(doc)) = (&mut self.state.workshop, &mut self.state.doc) {
            let label = crate::ui::workshop::page_title;
            crate::state::follow_blocks(ws, doc, &mut self.state.timer, label, now);
        }
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
        if let Some(doc) = &mut self.state.doc
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
        self.state.prefs.zoom = ctx.zoom_factor();
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// Workshop mode: Page Down / Page Up (what presentation clickers send), the arrow keys
    /// and Escape act only when no text field has the keyboard, so typing a tip is never cut
    /// off: the first Escape in a field only leaves the field.
    pub(super) fn workshop_keys(&mut self, ctx: &egui::Context) {
        use egui::Modifiers;
        let typing = ctx.egui_wants_keyboard_input() || self.typing_last_frame;
        // the page list, the agenda editor and the decision form have the keys while open
        let overlay = self
            .state
            .workshop
            .as_ref()
            .is_some_and(|ws| ws.overlay != crate::state::Overlay::None);
        if typing || overlay {
            return;
        }
        // on the results chain's page, with a box chosen, the arrow keys move between boxes;
        // Page Up/Down (the clicker) still turn pages
        let chain_has_keys = self.state.workshop.as_ref().is_some_and(|ws| {
            ws.chain.selected.is_some()
                && self.state.doc.as_ref().is_some_and(|d| {
                    crate::state::shown_pages(&d.project, d.cycle, ws.day()).get(ws.page)
                        == Some(&crate::state::Page::Chain)
                })
        });
        for c in Command::ALL {
            let keys = c.workshop_keys();
            if keys
                .iter()
                .filter(|k| {
                    !(chain_has_keys && matches!(k, egui::Key::ArrowLeft | egui::Key::ArrowRight))
                })
                .any(|k| ctx.input_mut(|i| i.consume_key(Modifiers::NONE, *k)))
            {
                self.state.pending.push(c);
            }
        }
    }

    /// Hands the document to the autosave thread, and asks it to write at once when the window
    /// lost focus.
    pub(super) fn autosave_tick(&mut self, ctx: &egui::Context) {
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
        // what the status bar says of autosave (a copy of the thread's last error, if any)
        if self.state.autosave_error != self.autosave.error {
            self.state.autosave_error.clone_from(&self.autosave.error);
        }
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
    pub(super) fn hand_over_to_autosave(&mut self) {
        let Some(doc) = &self.state.doc else {
            self.autosave.poll();
            return;
        };
        self.autosave
            .update(doc.tracker.current(), doc.revision, doc.dirty, || {
                super::restore::header_of(doc)
            });
    }

    /// "regio.ron • Kompas", with a dot when there are unsaved changes.
    pub fn window_title(&self) -> String {
        match &self.state.doc {
            Some(doc) => {
                let dirty = if doc.dirty { "• " } else { "" };
                format!("{dirty}{} — Kompas", doc.display_name())
            }
            None => "Kompas".to_owned(),
        }
    }

    pub(super) fn apply_style(&mut self, ctx: &egui::Context) {
        let key = (self.state.prefs.dark, self.state.prefs.lang);
        if self.style_applied == Some(key) {
            return;
        }
        self.style_applied = Some(key);
        crate::ui::theme::apply(ctx, self.state.prefs.dark);
    }
}
