//! The open document and its runtime state: path, last saved version, undo history, position.

use crate::model::{Project, Scope, Step, Tracker, UndoSettings};
use std::path::PathBuf;

/// Which screen of the project is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// Region, partners and tables.
    Region,
    Step(Step),
    /// The cycle's results at a glance.
    Dashboard,
    /// The results chain: interventions → outcomes → ambitions, coloured by the figures.
    Chain,
    /// Meetings, actions and the samenwerkingsagenda.
    Meetings,
    /// Intervision sessions.
    Intervision,
}

impl View {
    /// Every view, in the order of the stepper and the palette: the one list the stepper,
    /// the menus, the scroll positions and the tests read. A new screen is one entry here
    /// (and its `Show…` command, which the compiler asks for).
    pub const ALL: [View; 10] = [
        View::Region,
        View::Step(Step::Analysis),
        View::Step(Step::Ambitions),
        View::Step(Step::Outcomes),
        View::Step(Step::Interventions),
        View::Step(Step::Evaluation),
        View::Dashboard,
        View::Chain,
        View::Meetings,
        View::Intervision,
    ];

    /// Its place in [`Self::ALL`].
    pub fn index(self) -> usize {
        Self::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }

    /// The translation key of its name (a step's name comes from the step).
    pub fn label(self) -> &'static str {
        use crate::i18n::{Label, t};
        match self {
            View::Region => t!("view.region"),
            View::Step(s) => s.label(),
            View::Dashboard => t!("view.dashboard"),
            View::Chain => t!("view.chain"),
            View::Meetings => t!("view.meetings"),
            View::Intervision => t!("view.intervision"),
        }
    }

    /// The icon before its name in the stepper (a step shows its number instead).
    pub fn icon(self) -> &'static str {
        match self {
            View::Region => "🏠",
            View::Step(_) => "",
            View::Dashboard => "📊",
            View::Chain => "🔗",
            View::Meetings => "📅",
            View::Intervision => "💬",
        }
    }

    /// A line on what it shows, as its tooltip in the stepper.
    pub fn help(self) -> Option<&'static str> {
        use crate::i18n::t;
        match self {
            View::Dashboard => Some(t!("view.dashboard_help")),
            View::Chain => Some(t!("view.chain_help")),
            _ => None,
        }
    }

    /// Which block of the stepper it is in: the region, the steps, the cycle's overviews,
    /// the work beside the cycle. Ctrl+Page Up/Down walk blocks 0 to 2.
    pub fn group(self) -> usize {
        match self {
            View::Region => 0,
            View::Step(_) => 1,
            View::Dashboard | View::Chain => 2,
            View::Meetings | View::Intervision => 3,
        }
    }

    /// The command that goes to it.
    pub fn command(self) -> super::Command {
        use super::Command as C;
        match self {
            View::Region => C::ShowRegion,
            View::Step(Step::Analysis) => C::ShowAnalysis,
            View::Step(Step::Ambitions) => C::ShowAmbitions,
            View::Step(Step::Outcomes) => C::ShowOutcomes,
            View::Step(Step::Interventions) => C::ShowInterventions,
            View::Step(Step::Evaluation) => C::ShowEvaluation,
            View::Dashboard => C::ShowDashboard,
            View::Chain => C::ShowChain,
            View::Meetings => C::ShowMeetings,
            View::Intervision => C::ShowIntervision,
        }
    }

    /// The view after (or before) this one for Ctrl+Page Down (Up): through the region, the
    /// steps and the overviews, staying put at the ends; meetings and intervision stay.
    pub fn step(self, forward: bool) -> View {
        if self.group() > 2 {
            return self;
        }
        let i = self.index();
        let j = if forward { i + 1 } else { i.saturating_sub(1) };
        match Self::ALL.get(j) {
            Some(v) if v.group() <= 2 => *v,
            _ => self,
        }
    }
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

    /// The state of the file at `path` whose content is `bytes` (just read or written).
    pub fn of_bytes(path: &std::path::Path, bytes: &[u8]) -> Option<Self> {
        use std::hash::{Hash, Hasher};
        let meta = std::fs::metadata(path).ok()?;
        let mut h = std::collections::hash_map::DefaultHasher::new();
        bytes.hash(&mut h);
        Some(Self {
            modified: meta.modified().ok(),
            len: bytes.len() as u64,
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
    /// The project as of the last check, at each undo step and as last saved or opened, in
    /// snapshots that share unchanged cycles.
    pub tracker: Tracker,
    /// Set when an edit may have reached beyond the shown cycle (a command, a removal that
    /// takes links out of every cycle): the next check compares the whole document.
    pub check_all: bool,
    /// Where it is saved; `None` for a new project or an opened sample.
    pub path: Option<PathBuf>,
    /// Shown in the title when there is no path (a sample's name).
    pub untitled_name: String,
    /// Index of the cycle shown.
    pub cycle: usize,
    pub view: View,
    /// The file as we last read or wrote it.
    pub disk: Option<DiskState>,
    /// Unsaved changes as of the last check: for the title, the status bar and autosave.
    pub dirty: bool,
    /// Goes up whenever the document changed: screens cache what they compute from the
    /// document by it.
    pub revision: u64,
    /// Whether undo and redo have something to do, as of the start of this frame.
    pub can_undo: bool,
    pub can_redo: bool,
    /// A number no other document opened in this run has: screens that remember something
    /// per document (the scroll position) start afresh for a new one.
    pub serial: u64,
}

impl OpenDoc {
    /// A document whose file holds `saved` (for a new project or a sample: the same).
    pub fn new(
        project: Project,
        path: Option<PathBuf>,
        untitled_name: String,
        saved: Project,
    ) -> Self {
        // Edits closer together than 0.8 s are one undo step (typing a word); 200 steps.
        let tracker = Tracker::new(&project, &saved, UndoSettings::default());
        Self::with_tracker(project, path, untitled_name, tracker)
    }

    /// A document just read from its file: nothing unsaved, and no second copy to compare.
    pub fn opened(project: Project, path: Option<PathBuf>, untitled_name: String) -> Self {
        let tracker = Tracker::new(&project, &project, UndoSettings::default());
        Self::with_tracker(project, path, untitled_name, tracker)
    }

    fn with_tracker(
        project: Project,
        path: Option<PathBuf>,
        untitled_name: String,
        tracker: Tracker,
    ) -> Self {
        let cycle = project.cycles.len().saturating_sub(1);
        let mut doc = Self {
            dirty: false,
            tracker,
            check_all: false,
            path,
            untitled_name,
            cycle,
            view: View::Step(Step::Analysis),
            disk: None,
            revision: 0,
            can_undo: false,
            can_redo: false,
            serial: {
                static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
                NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            },
            project,
        };
        doc.after_change();
        doc
    }

    /// Whether the project differs from the saved copy, checked in full now (for the rare
    /// questions that must be exact: closing, opening another file).
    pub fn is_dirty(&self) -> bool {
        self.tracker.differs_from_saved(&self.project)
    }

    /// Looks at what the last edits changed (the shown cycle and the rest outside the cycles,
    /// or everything after `check_all`), feeds undo, and updates `dirty`, `revision` and the
    /// undo/redo availability. Returns whether the document changed.
    pub fn sync(&mut self, now: f64) -> bool {
        let scope = if std::mem::take(&mut self.check_all) {
            Scope::All
        } else {
            Scope::Cycle(self.cycle)
        };
        let changed = self.tracker.sync(&self.project, scope, now);
        if changed {
            self.revision = self.revision.wrapping_add(1);
        }
        self.after_change();
        changed
    }

    /// `snapshot` (taken earlier; the user may have gone on editing since) was saved.
    pub fn mark_saved(&mut self, snapshot: crate::model::Snapshot) {
        self.tracker.mark_saved_as(snapshot);
        self.after_change();
    }

    fn after_change(&mut self) {
        self.dirty = self.tracker.dirty();
        self.can_undo = self.tracker.has_undo();
        self.can_redo = self.tracker.has_redo();
    }

    /// The file name shown in the title bar.
    pub fn display_name(&self) -> String {
        self.path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| {
                // a new project without a file yet: the region's name once it has one
                let region = self.project.region.name.trim();
                if self.untitled_name == crate::i18n::t!("new.file_name") && !region.is_empty() {
                    region.to_owned()
                } else {
                    self.untitled_name.clone()
                }
            })
    }

    /// Keeps the cycle index valid after undo or a load.
    pub fn clamp_cycle(&mut self) {
        self.cycle = self.cycle.min(self.project.cycles.len().saturating_sub(1));
    }

    /// Steps back to the previous undo step (edits not checked yet are checked first).
    pub fn undo(&mut self, now: f64) -> bool {
        self.sync(now);
        let cycles = self.project.cycles.len();
        let done = self.tracker.undo(&mut self.project);
        self.after_jump(done, cycles)
    }

    /// Makes `edit` one undo step of its own: what was edited before it becomes a step first,
    /// then the edit is taken in as the next one (a changed score, which one Ctrl+Z restores).
    pub fn one_step(&mut self, now: f64, edit: impl FnOnce(&mut Project)) {
        self.sync(now);
        self.tracker.mark_step();
        edit(&mut self.project);
        self.check_all = true;
        self.sync(now);
        self.tracker.mark_step();
        self.after_change();
    }

    /// Steps forward again after an undo.
    pub fn redo(&mut self, now: f64) -> bool {
        self.sync(now);
        let cycles = self.project.cycles.len();
        let done = self.tracker.redo(&mut self.project);
        self.after_jump(done, cycles)
    }

    /// After undo or redo: a cycle that came back (redo of "start next cycle") is shown, as it
    /// was when it was started; a cycle that went is no longer selected.
    fn after_jump(&mut self, done: bool, cycles_before: usize) -> bool {
        if done {
            self.revision = self.revision.wrapping_add(1);
            if self.project.cycles.len() > cycles_before {
                self.cycle = self.project.cycles.len() - 1;
            }
            self.clamp_cycle();
        }
        self.after_change();
        done
    }
}
