//! The open document and its runtime state: path, last saved version, undo history, position.

use crate::model::{Project, Step};
use egui::util::undoer::{Settings, Undoer};
use std::path::PathBuf;

/// Which screen of the project is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// Region, partners and tables.
    Region,
    Step(Step),
    /// The cycle's results at a glance.
    Dashboard,
    /// Meetings, actions and the samenwerkingsagenda.
    Meetings,
    /// Intervision sessions.
    Intervision,
}

/// What the file on disk looked like when it was last read or written by us, to notice when
/// another program (a sync client, a colleague's copy) changed it since.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiskState {
    pub modified: Option<std::time::SystemTime>,
    pub len: u64,
    pub hash: u64,
}

impl DiskState {
    /// The state of the file now; `None` when it cannot be read.
    pub fn of(path: &std::path::Path) -> Option<Self> {
        use std::hash::{Hash, Hasher};
        let meta = std::fs::metadata(path).ok()?;
        let bytes = std::fs::read(path).ok()?;
        let mut h = std::collections::hash_map::DefaultHasher::new();
        bytes.hash(&mut h);
        Some(Self {
            modified: meta.modified().ok(),
            len: meta.len(),
            hash: h.finish(),
        })
    }

    /// Whether the file at `path` has other content than this state (a file that is gone or
    /// unreadable counts as not changed: saving will recreate it or report the error).
    pub fn changed(&self, path: &std::path::Path) -> bool {
        match Self::of(path) {
            Some(now) => now.len != self.len || now.hash != self.hash,
            None => false,
        }
    }
}

/// A project that is open in the window.
pub struct OpenDoc {
    pub project: Project,
    /// The project as it was last saved or opened; "unsaved changes" is `project != saved`.
    pub saved: Project,
    /// Where it is saved; `None` for a new project or an opened sample.
    pub path: Option<PathBuf>,
    /// Shown in the title when there is no path (a sample's name).
    pub untitled_name: String,
    pub undoer: Undoer<Project>,
    /// Index of the cycle shown.
    pub cycle: usize,
    pub view: View,
    /// The file as we last read or wrote it.
    pub disk: Option<DiskState>,
    /// `is_dirty()` as of the start of this frame: one comparison per frame for the title,
    /// the status bar and autosave, instead of one each.
    pub dirty: bool,
    /// Goes up whenever the document may have changed (input that can edit, or a command):
    /// screens cache what they compute from the document by it.
    pub revision: u64,
    /// Whether undo and redo have something to do, as of the start of this frame.
    pub can_undo: bool,
    pub can_redo: bool,
}

impl OpenDoc {
    pub fn new(
        project: Project,
        path: Option<PathBuf>,
        untitled_name: String,
        saved: Project,
    ) -> Self {
        let cycle = project.cycles.len().saturating_sub(1);
        Self {
            saved,
            path,
            untitled_name,
            undoer: Undoer::with_settings(Settings {
                max_undos: 200,
                // Edits closer together than this are one undo step (typing a word).
                stable_time: 0.8,
                auto_save_interval: 30.0,
            }),
            cycle,
            view: View::Step(Step::Analysis),
            disk: None,
            dirty: false,
            revision: 0,
            can_undo: false,
            can_redo: false,
            project,
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.project != self.saved
    }

    /// The file name shown in the title bar.
    pub fn display_name(&self) -> String {
        self.path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.untitled_name.clone())
    }

    /// Keeps the cycle index valid after undo or a load.
    pub fn clamp_cycle(&mut self) {
        self.cycle = self.cycle.min(self.project.cycles.len().saturating_sub(1));
    }

    pub fn undo(&mut self) -> bool {
        match self.undoer.undo(&self.project) {
            Some(state) => {
                self.project = state.clone();
                self.clamp_cycle();
                true
            }
            None => false,
        }
    }

    pub fn redo(&mut self) -> bool {
        match self.undoer.redo(&self.project) {
            Some(state) => {
                self.project = state.clone();
                self.clamp_cycle();
                true
            }
            None => false,
        }
    }
}
