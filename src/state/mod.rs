//! The window's runtime state, without any drawing: the open document, the dialog, the screens'
//! own state (import, overview, workshop, palette), the countdown, the running job, and the
//! outbox of what the UI asked for.
//!
//! The layers import in one direction: `model ← state ← ui ← app`. The UI draws an
//! [`AppState`] and may change what belongs to a screen (its fields, a dialog closing), but
//! anything that reaches beyond it (files, undo, other documents, the recovery files) it
//! sends as a [`Message`] into [`AppState::pending`]; the app applies them after the UI pass.

mod agenda;
pub mod chain;
mod command_labels;
mod commands;
pub mod compare;
mod dialog;
pub mod differences;
mod document;
mod import;
mod intervision;
mod job;
pub mod merge;
mod message;
mod overview;
mod prefs;
mod room;
pub mod timer;
mod workshop;

pub use agenda::{
    AgendaEdit, SessionStart, block_of, edit_agenda, editor_rows, follow_blocks, keep_used,
    minutes_of, session, shown_pages,
};
pub use chain::ChainScreen;
pub use commands::{Command, WORKSHOP_KEYS, shortcut_list, shortcuts};
pub use dialog::{Dialog, NextTargets, TargetChoice};
pub use differences::CompareWindow;
pub use document::{DiskState, OpenDoc, View};
pub use import::{ImportDialog, ImportTo, SupportImport};
pub use intervision::{IntervisionShow, SessionMsg};
pub use job::{Job, Outcome, Phase, Progress, What};
pub use merge::{CopyOffer, MergeMsg, MergeWindow};
pub use message::{Message, Outbox};
pub use overview::{Measure, OverviewScreen};
pub use prefs::{Prefs, RecentFile, STORAGE_KEY};
pub use room::{ParkingScreen, VoteScreen};
pub use timer::Timer;
pub use workshop::{LiveScan, Overlay, Page, RoomForm, ScoreChange, Workshop, pages};

use std::path::Path;

/// The command palette (Ctrl+K) while it is open: what is typed and which line is chosen.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Palette {
    pub query: String,
    pub selected: usize,
}

/// Everything the UI draws and may change.
#[derive(Default)]
pub struct AppState {
    pub prefs: Prefs,
    pub doc: Option<OpenDoc>,
    pub dialog: Option<Dialog>,
    /// What was asked for during this frame; applied after the UI pass.
    pub pending: Outbox,
    /// A short message in the status bar and when it was shown (egui time).
    pub status: Option<(String, f64)>,
    /// The status message (by its time) that says what a removal took: it has an "undo".
    pub undo_offer: Option<f64>,
    /// The import dialog, while it is open.
    pub import: Option<ImportDialog>,
    /// The merge window, while it is open.
    pub merge: Option<MergeWindow>,
    /// The window comparing the document with another version, while it is open.
    pub differences: Option<CompareWindow>,
    /// Conflict copies a sync service left beside the open file, offered for merging.
    pub copies: Vec<CopyOffer>,
    /// The support analysis' import dialog, while it is open.
    pub support_import: Option<SupportImport>,
    /// The region overview, while it is open.
    pub overview: Option<OverviewScreen>,
    /// Workshop mode, while it is on.
    pub workshop: Option<Workshop>,
    /// The projector view of an intervision session, while it is shown.
    pub presenting: Option<IntervisionShow>,
    /// The command palette, while it is open.
    pub palette: Option<Palette>,
    /// The results-chain screen (zoom, pan, selection, its cache).
    pub chain: ChainScreen,
    /// The countdown for the current agenda item or round.
    pub timer: Timer,
    /// Opening, saving or exporting on a background thread, while it runs.
    pub job: Option<Job>,
    /// The window was asked to close while a job ran: close once it is done.
    pub close_when_done: bool,
    /// Recovery files still to offer after the one in the dialog.
    pub recovery_queue: Vec<crate::recovery::Found>,
    /// How many recovery files were offered so far (for "1 van 2").
    pub recovery_shown: usize,
    /// Whether there is a recovery folder (autosave is on).
    pub has_recovery_dir: bool,
    /// Why the last autosave failed, while it does.
    pub autosave_error: Option<String>,
}

impl AppState {
    pub fn is_dirty(&self) -> bool {
        self.doc.as_ref().is_some_and(OpenDoc::is_dirty)
    }

    /// Whether a command does something in the window as it is now. One that does not (Ctrl+K
    /// in workshop mode, which draws no palette; a step while the overview is shown; Save with
    /// nothing open) is dropped by the app, not kept to act later in another mode.
    pub fn command_acts(&self, c: Command) -> bool {
        if c.needs_document() && self.doc.is_none() {
            return false;
        }
        if self.presenting.is_some() && self.doc.is_some() {
            // the projector view of a session: as workshop mode, but its own pages
            return c == Command::PresentIntervision
                || (c.acts_in_workshop()
                    && !matches!(
                        c,
                        Command::ToggleWorkshop | Command::WorkshopNext | Command::WorkshopPrevious
                    ));
        }
        if self.workshop.is_some() && self.doc.is_some() {
            return c.acts_in_workshop();
        }
        if self.overview.is_some() {
            return c.acts_in_overview();
        }
        true
    }

    /// Whether the window closes once the running job is done.
    pub fn closing_after_job(&self) -> bool {
        self.close_when_done
    }

    /// Which of how many recoveries the dialog shows ("1 van 2"), when there is more than one.
    pub fn recovery_position(&self) -> Option<(usize, usize)> {
        let total = self.recovery_shown + self.recovery_queue.len();
        (total > 1).then_some((self.recovery_shown, total))
    }
}

/// A path's file name, or the whole path when it has none.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
