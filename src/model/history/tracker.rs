//! [`Tracker`]: follows the live project with [`Snapshot`]s: what changed since the last
//! check, undo and redo (egui's `Undoer` rules), unsaved changes, a generation per cycle.

use super::{Scope, Snapshot};
use crate::model::Project;
use std::collections::VecDeque;
use std::sync::Arc;

/// When edits become one undo step.
#[derive(Clone, Copy, Debug)]
pub struct UndoSettings {
    /// At most this many undo steps are kept.
    pub max_undos: usize,
    /// Edits closer together than this (seconds) are one step (typing a word).
    pub stable_time: f32,
    /// While edits go on without a pause, a step is made at least this often (seconds).
    pub auto_save_interval: f32,
}

impl Default for UndoSettings {
    fn default() -> Self {
        Self {
            max_undos: 200,
            stable_time: 0.8,
            auto_save_interval: 30.0,
        }
    }
}

/// A series of edits that has not settled into an undo step yet.
#[derive(Clone, Copy, Debug)]
struct Flux {
    start: f64,
    latest_change: f64,
}

/// Follows a live project: what it was at the last check, at each undo step, and when it was
/// last saved, all as [`Snapshot`]s that share their unchanged cycles.
#[derive(Clone, Debug)]
pub struct Tracker {
    settings: UndoSettings,
    /// The project as of the last [`Tracker::sync`].
    current: Snapshot,
    saved: Snapshot,
    undos: VecDeque<Snapshot>,
    redos: Vec<Snapshot>,
    flux: Option<Flux>,
    /// Per cycle of `current`: whether it differs from the saved copy; and the rest.
    cycle_dirty: Vec<bool>,
    shell_dirty: bool,
    /// Whether `current` is the latest undo step.
    at_undo: bool,
    /// Per cycle of `current`: a number that changes whenever the cycle does (screens keep
    /// what they computed from a cycle by it).
    generations: Vec<u64>,
}

impl Tracker {
    /// Starts following `project`, which was saved as `saved` (for a new project or an opened
    /// file, the same).
    pub fn new(project: &Project, saved: &Project, settings: UndoSettings) -> Self {
        let current = Snapshot::of(project);
        let saved = if std::ptr::eq(saved, project) || saved == project {
            current.clone()
        } else {
            Snapshot::of(saved)
        };
        let mut t = Self {
            settings,
            undos: VecDeque::from([current.clone()]),
            current,
            saved,
            redos: Vec::new(),
            flux: None,
            cycle_dirty: Vec::new(),
            shell_dirty: false,
            at_undo: true,
            generations: Vec::new(),
        };
        t.renumber_all();
        t.recompute_dirty();
        t
    }

    /// The project as of the last check (cheap to clone: cycles are shared).
    pub fn current(&self) -> &Snapshot {
        &self.current
    }

    /// Looks at what changed in `scope` since the last check, at time `now` (seconds), and
    /// turns edits into undo steps once they settle. Returns whether anything changed.
    pub fn sync(&mut self, project: &Project, scope: Scope, now: f64) -> bool {
        let changed = match self.current.update(project, scope) {
            Some(next) => {
                let len_changed = next.cycles.len() != self.current.cycles.len();
                let touched: Vec<usize> = (0..next.cycles.len())
                    .filter(|&i| {
                        self.current
                            .cycles
                            .get(i)
                            .is_none_or(|c| !Arc::ptr_eq(c, &next.cycles[i]))
                    })
                    .collect();
                self.current = next;
                self.refresh_at_undo();
                if len_changed {
                    self.recompute_dirty();
                    self.renumber_all();
                } else {
                    self.shell_dirty = self.current.shell != self.saved.shell;
                    for i in touched {
                        self.cycle_dirty[i] = self.cycle_differs_from_saved(i);
                        self.generations[i] = self.new_generation();
                    }
                }
                true
            }
            None => false,
        };
        self.feed(now, changed);
        changed
    }

    /// Whether the project as of the last check differs from the saved copy.
    pub fn dirty(&self) -> bool {
        self.shell_dirty
            || self.current.cycles.len() != self.saved.cycles.len()
            || self.cycle_dirty.iter().any(|d| *d)
    }

    /// Whether `project` (checked in full) differs from the saved copy.
    pub fn differs_from_saved(&self, project: &Project) -> bool {
        !self.saved.matches(project)
    }

    /// The project as it was last saved (or read from its file).
    pub fn saved(&self) -> &Snapshot {
        &self.saved
    }

    /// The project as of the last check was saved.
    pub fn mark_saved(&mut self) {
        self.mark_saved_as(self.current.clone());
    }

    /// `snapshot`, an earlier [`Tracker::current`], was saved (while the user went on editing).
    pub fn mark_saved_as(&mut self, snapshot: Snapshot) {
        self.saved = snapshot;
        self.recompute_dirty();
    }

    /// Whether a series of edits is still settling into an undo step (keep checking then, even
    /// without input).
    pub fn is_in_flux(&self) -> bool {
        self.flux.is_some()
    }

    pub fn has_undo(&self) -> bool {
        match self.undos.len() {
            0 => false,
            1 => !self.at_undo,
            _ => true,
        }
    }

    pub fn has_redo(&self) -> bool {
        !self.redos.is_empty() && self.at_undo
    }

    /// Steps back: `project` becomes the previous undo step. Call [`Tracker::sync`] first, so
    /// the tracker knows the project as it is. Returns whether there was a step.
    pub fn undo(&mut self, project: &mut Project) -> bool {
        if !self.has_undo() {
            return false;
        }
        self.flux = None;
        if self.at_undo {
            if let Some(s) = self.undos.pop_back() {
                self.redos.push(s);
            }
        } else {
            self.redos.push(self.current.clone());
        }
        let Some(target) = self.undos.back().cloned() else {
            return false;
        };
        self.jump_to(project, target);
        true
    }

    /// Steps forward again after an undo. Returns whether there was a step.
    pub fn redo(&mut self, project: &mut Project) -> bool {
        if !self.undos.is_empty() && !self.at_undo {
            // changed since the last undo: the redo steps no longer apply
            self.redos.clear();
            return false;
        }
        let Some(target) = self.redos.pop() else {
            return false;
        };
        self.undos.push_back(target.clone());
        self.jump_to(project, target);
        true
    }

    /// How many undo steps are kept, and how many cycle copies they hold that the current
    /// project does not share (for the memory benchmark and tests).
    pub fn undo_cost(&self) -> (usize, usize) {
        let copies = self
            .undos
            .iter()
            .chain(&self.redos)
            .map(|s| s.unshared_cycles(&self.current))
            .sum();
        (self.undos.len() + self.redos.len(), copies)
    }

    fn jump_to(&mut self, project: &mut Project, target: Snapshot) {
        target.restore_into(project, &self.current);
        if target.cycles.len() == self.current.cycles.len() {
            for i in 0..target.cycles.len() {
                if !Arc::ptr_eq(&target.cycles[i], &self.current.cycles[i]) {
                    self.generations[i] = self.new_generation();
                }
            }
            self.current = target;
        } else {
            self.current = target;
            self.renumber_all();
        }
        self.recompute_dirty();
        self.refresh_at_undo();
    }

    /// The undo logic of `egui::util::undoer::Undoer`, on snapshots (a test holds them equal).
    fn feed(&mut self, now: f64, changed: bool) {
        if self.undos.is_empty() {
            self.add_undo();
            return;
        }
        if self.at_undo {
            self.flux = None;
            return;
        }
        self.redos.clear();
        let UndoSettings {
            stable_time,
            auto_save_interval,
            ..
        } = self.settings;
        match &mut self.flux {
            None => {
                self.flux = Some(Flux {
                    start: now,
                    latest_change: now,
                });
            }
            Some(flux) if changed => {
                if (now - flux.start) as f32 >= auto_save_interval {
                    self.add_undo();
                } else {
                    flux.latest_change = now;
                }
            }
            Some(flux) => {
                if (now - flux.latest_change) as f32 >= stable_time {
                    self.add_undo();
                }
            }
        }
    }

    /// Makes the project as of the last check an undo step now, without waiting for it to
    /// settle: an edit made between two of these is one step of its own.
    pub fn mark_step(&mut self) {
        self.add_undo();
    }

    fn add_undo(&mut self) {
        if !self.at_undo {
            self.undos.push_back(self.current.clone());
            self.at_undo = true;
        }
        while self.undos.len() > self.settings.max_undos {
            self.undos.pop_front();
        }
        self.flux = None;
    }

    /// Compares the project with the latest undo step (kept in `at_undo`, since the frame asks
    /// often and the answer changes only when one of them does).
    fn refresh_at_undo(&mut self) {
        self.at_undo = self.undos.back().is_some_and(|u| u.same(&self.current));
    }

    /// Per cycle: a number that changes whenever the cycle changes (by an edit, undo or redo),
    /// and is never handed out again in this process (also not to another document).
    pub fn generations(&self) -> &[u64] {
        &self.generations
    }

    fn new_generation(&mut self) -> u64 {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    }

    fn renumber_all(&mut self) {
        self.generations = (0..self.current.cycles.len())
            .map(|_| self.new_generation())
            .collect();
    }

    fn cycle_differs_from_saved(&self, i: usize) -> bool {
        match self.saved.cycles.get(i) {
            Some(s) => !(Arc::ptr_eq(s, &self.current.cycles[i]) || **s == *self.current.cycles[i]),
            None => true,
        }
    }

    fn recompute_dirty(&mut self) {
        self.shell_dirty = self.current.shell != self.saved.shell;
        self.cycle_dirty = (0..self.current.cycles.len())
            .map(|i| self.cycle_differs_from_saved(i))
            .collect();
    }
}
