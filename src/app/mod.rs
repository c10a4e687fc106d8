//! The thin eframe shell: owns the [`AppState`] and the machinery around it (background jobs,
//! the autosave thread, file dialogs), applies what the UI sent after each UI pass, and keeps
//! undo, the title and the preferences in step with the document.
//!
//! - `dispatch.rs`: every [`Message`] and [`Command`] is applied here, and only here.
//! - `files.rs`: opening, saving, samples, comparing with the file on disk.
//! - `exports.rs`: exports, the lessons text, starting an import.
//! - `merge.rs`: merging another copy into the document, comparing with one.
//! - `shared.rs`: taking in the lessons and interventions another region shared.
//! - `finish.rs`: what a finished background job changes.
//! - `frame.rs`: what runs every frame before the UI (shortcuts, drops, close requests, undo
//!   points, autosave, title, style).

mod ask;
mod dialogs;
mod dispatch;
mod exports;
mod files;
mod finish;
mod frame;
mod intervision;
pub mod jobs;
mod merge;
mod restore;
mod shared;

pub use crate::recovery;
pub use crate::state::{
    AppState, Command, Dialog, DiskState, Message, OpenDoc, Prefs, RecentFile, STORAGE_KEY, View,
    WORKSHOP_KEYS, compare, shortcut_list, shortcuts, timer,
};
pub use dialogs::{FileDialogs, FileKind, NativeDialogs, Pending, Request};
pub use files::suggested_file_name;

use crate::i18n::set_lang;
use std::path::PathBuf;

/// Set, the window prints `first-frame` and exits once a document is drawn (the start-up
/// benchmark measures that against a bare eframe window).
pub const FIRST_FRAME_ENV: &str = "KOMPAS_EXIT_AFTER_FIRST_FRAME";

/// CSV files larger than this are refused (a year of weekly figures for every gemeente is far
/// below it).
const MAX_CSV_BYTES: u64 = 50 * 1024 * 1024;

pub struct KompasApp {
    /// What the UI draws and may change.
    pub state: AppState,
    /// Autosave of the open document to its recovery file.
    pub autosave: recovery::Autosaver,
    /// "Herstellen" was chosen while a file was being read or written: restore once done.
    restore_after_job: Option<recovery::Found>,
    /// A file dialog that is open, and what its answer is for.
    asking: Option<ask::Asking>,
    /// The folder of the last file picked in a dialog.
    last_dir: Option<PathBuf>,
    /// The window's context, to wake it when a file dialog answers.
    egui_ctx: Option<egui::Context>,
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
    workshop_drafts: Option<crate::state::Workshop>,
    /// A workshop's minutes asked for (format, bytes, suggested file name): written once the
    /// privacy check let them go and a file is chosen; any other export drops them.
    minutes_export: Option<(crate::export::Format, Vec<u8>, String)>,
    dialogs: Box<dyn FileDialogs>,
    allow_close: bool,
    title: String,
    style_applied: Option<(bool, crate::i18n::Lang)>,
    /// A frame with the document open has been drawn (for the start-up benchmark).
    drew_document: bool,
    /// The recent files as last written to the preferences' storage.
    recent_written: Vec<RecentFile>,
    /// Where the preferences go when eframe has no storage (tests give one of their own).
    own_storage: Option<Box<dyn eframe::Storage>>,
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
        cc.egui_ctx.set_zoom_factor(app.state.prefs.zoom);
        if let Some(path) = file {
            // read while the window is still being set up: a sample is there by the first frame
            app.start_open(path, 0.0);
        }
        app
    }

    /// The app with given preferences and file dialogs (tests answer the dialogs themselves).
    pub fn with_dialogs(prefs: Prefs, dialogs: Box<dyn FileDialogs>) -> Self {
        set_lang(prefs.lang);
        let recent_written = prefs.recent.clone();
        Self {
            state: AppState {
                prefs,
                ..AppState::default()
            },
            autosave: recovery::Autosaver::with_dir(None),
            restore_after_job: None,
            asking: None,
            last_dir: None,
            egui_ctx: None,
            was_focused: true,
            frames_seen: 0,
            was_active: true,
            commands_ran: false,
            typing_last_frame: false,
            workshop_drafts: None,
            minutes_export: None,
            dialogs,
            allow_close: false,
            title: String::new(),
            style_applied: None,
            drew_document: false,
            recent_written,
            own_storage: None,
        }
    }

    /// Writes the preferences into `storage` where eframe has none (tests).
    pub fn with_storage(mut self, storage: Box<dyn eframe::Storage>) -> Self {
        self.own_storage = Some(storage);
        self
    }

    /// The recent files are written as soon as they change (a file opened or saved), not only
    /// on eframe's periodic save, so a kill right after opening does not lose the entry.
    fn persist_recent(&mut self, storage: Option<&mut (dyn eframe::Storage + 'static)>) {
        if self.state.prefs.recent == self.recent_written {
            return;
        }
        let Some(storage) = storage.or(self.own_storage.as_deref_mut()) else {
            return;
        };
        eframe::set_value(storage, STORAGE_KEY, &self.state.prefs);
        storage.flush();
        self.recent_written.clone_from(&self.state.prefs.recent);
    }

    /// Turns autosave on, into `dir`, and offers the recovery files found there.
    /// (Without this, as in most tests, nothing is autosaved.)
    pub fn with_recovery_dir(mut self, dir: Option<PathBuf>) -> Self {
        self.autosave = recovery::Autosaver::with_dir(dir);
        self.state.has_recovery_dir = self.autosave.dir.is_some();
        if let Some(dir) = self.autosave.dir.clone() {
            recovery::remove_stale_locks(&dir);
            self.state.recovery_queue = recovery::scan(&dir);
            self.state.recovery_shown = 0;
            self.offer_next_recovery();
        }
        self
    }

    /// Replaces the open document (the old one was saved or discarded: its recovery file goes)
    /// and starts autosave for the new one.
    fn set_doc(&mut self, doc: OpenDoc, _now: f64) {
        self.autosave.stop();
        self.autosave.start(None);
        self.state.doc = Some(doc);
        // windows and offers about the document that was open go with it
        self.state.merge = None;
        self.state.differences = None;
        self.state.copies.clear();
    }

    pub fn is_dirty(&self) -> bool {
        self.state.is_dirty()
    }
}

impl eframe::App for KompasApp {
    fn logic(&mut self, ctx: &egui::Context, frame: &mut eframe::Frame) {
        KompasApp::logic(self, ctx);
        self.persist_recent(frame.storage_mut());
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        crate::ui::show(&mut self.state, ui);
        let ctx = ui.ctx().clone();
        self.typing_last_frame = ctx.egui_wants_keyboard_input();
        self.run_pending(&ctx);
        if self.state.doc.is_some() && !self.drew_document {
            self.drew_document = true;
            // the start-up benchmark stops at the next frame's logic (see `frame.rs`)
            ctx.request_repaint();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.state.prefs);
        self.recent_written.clone_from(&self.state.prefs.recent);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // never leave a save half done
        if let Some(job) = self.state.job.take() {
            let what = job.what.clone();
            match job.wait() {
                crate::state::Outcome::SaveFailed(e) => {
                    log::error!("saving while closing failed ({what:?}): {e}")
                }
                crate::state::Outcome::ChangedOnDisk => log::error!(
                    "not saved while closing: another program changed the file ({what:?})"
                ),
                crate::state::Outcome::OpenFailed(e) => {
                    log::warn!("opening while closing failed ({what:?}): {}", e.message())
                }
                crate::state::Outcome::ExportFailed(e) | crate::state::Outcome::CsvFailed(e) => {
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
