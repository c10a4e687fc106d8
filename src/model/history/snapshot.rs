//! [`Snapshot`]: a project whose cycles sit behind `Arc`s, shared with other snapshots while
//! unchanged, and [`Scope`], which cycles an edit may have touched.

use crate::model::{Cycle, Project};
use std::sync::Arc;

/// Which cycles an edit may have touched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Any part of the project (after a command, a removal with links in every cycle, …).
    All,
    /// Only the cycle at this index, and the rest of the project outside the cycles.
    Cycle(usize),
}

/// A project's state at one moment; unchanged cycles are shared with other snapshots.
#[derive(Clone, Debug, Default)]
pub struct Snapshot {
    /// Everything but the cycles (its `cycles` is empty).
    pub(super) shell: Project,
    pub(super) cycles: Vec<Arc<Cycle>>,
}

impl Snapshot {
    /// A snapshot of `project`, sharing nothing.
    pub fn of(project: &Project) -> Self {
        Self {
            shell: shell_of(project),
            cycles: project.cycles.iter().cloned().map(Arc::new).collect(),
        }
    }

    /// The project this is a snapshot of (a full copy).
    pub fn to_project(&self) -> Project {
        let mut p = self.shell.clone();
        p.cycles = self.cycles.iter().map(|c| Cycle::clone(c)).collect();
        p
    }

    /// Whether both hold the same project (shared cycles are not compared).
    pub fn same(&self, other: &Snapshot) -> bool {
        self.shell == other.shell
            && self.cycles.len() == other.cycles.len()
            && self
                .cycles
                .iter()
                .zip(&other.cycles)
                .all(|(a, b)| Arc::ptr_eq(a, b) || a == b)
    }

    /// Whether this snapshot holds `project` (compares everything).
    pub fn matches(&self, project: &Project) -> bool {
        shell_eq(project, &self.shell)
            && self.cycles.len() == project.cycles.len()
            && self
                .cycles
                .iter()
                .zip(&project.cycles)
                .all(|(a, b)| **a == *b)
    }

    /// The snapshot of `project` now, sharing with `self` every cycle that is unchanged, or
    /// `None` when nothing changed. Only the cycles in `scope` are compared: the caller promises
    /// that the others are as they were in `self`.
    pub fn update(&self, project: &Project, scope: Scope) -> Option<Snapshot> {
        let shell_changed = !shell_eq(project, &self.shell);
        let scope = if project.cycles.len() == self.cycles.len() {
            scope
        } else {
            Scope::All
        };
        let changed_cycle = |i: usize| match self.cycles.get(i) {
            Some(old) => **old != project.cycles[i],
            None => true,
        };
        let changed: Vec<usize> = match scope {
            Scope::All => (0..project.cycles.len())
                .filter(|&i| changed_cycle(i))
                .collect(),
            Scope::Cycle(i) if i < project.cycles.len() && changed_cycle(i) => vec![i],
            Scope::Cycle(_) => Vec::new(),
        };
        if !shell_changed && changed.is_empty() && project.cycles.len() == self.cycles.len() {
            return None;
        }
        let shell = if shell_changed {
            shell_of(project)
        } else {
            self.shell.clone()
        };
        let cycles = (0..project.cycles.len())
            .map(|i| match self.cycles.get(i) {
                Some(old) if !changed.contains(&i) => Arc::clone(old),
                _ => Arc::new(project.cycles[i].clone()),
            })
            .collect();
        Some(Snapshot { shell, cycles })
    }

    /// Makes `project` equal to this snapshot. `current` must be the snapshot `project` is
    /// now: cycles it shares with this one are left as they are instead of copied.
    pub fn restore_into(&self, project: &mut Project, current: &Snapshot) {
        let mut old = std::mem::take(&mut project.cycles).into_iter();
        let cycles = self
            .cycles
            .iter()
            .enumerate()
            .map(|(i, want)| {
                let kept = old.next();
                let shared = current.cycles.get(i).is_some_and(|c| Arc::ptr_eq(c, want));
                match kept {
                    Some(c) if shared => c,
                    _ => Cycle::clone(want),
                }
            })
            .collect();
        // ids are never handed out twice: an undo does not turn the counter back (the undone
        // item's id may already be in a saved copy)
        let ids = project.ids.clone();
        *project = self.shell.clone();
        project.ids = ids;
        project.cycles = cycles;
    }

    /// How many cycles this snapshot holds its own copy of, not shared with `other`.
    pub fn unshared_cycles(&self, other: &Snapshot) -> usize {
        self.cycles
            .iter()
            .enumerate()
            .filter(|(i, c)| other.cycles.get(*i).is_none_or(|o| !Arc::ptr_eq(c, o)))
            .count()
    }
}

/// A copy of everything but the cycles.
pub(crate) fn shell_of(project: &Project) -> Project {
    let Project {
        format_version,
        ids,
        region,
        partners,
        tables,
        cycles: _,
        meetings,
        agenda,
        intervisions,
        tips,
        workshops,
        from_others,
        settings,
        merge_conflicts,
    } = project;
    Project {
        format_version: *format_version,
        ids: ids.clone(),
        region: region.clone(),
        partners: partners.clone(),
        tables: tables.clone(),
        cycles: Vec::new(),
        meetings: meetings.clone(),
        agenda: agenda.clone(),
        intervisions: intervisions.clone(),
        tips: tips.clone(),
        workshops: workshops.clone(),
        from_others: from_others.clone(),
        settings: settings.clone(),
        merge_conflicts: merge_conflicts.clone(),
    }
}

/// Whether `project` and `shell` are equal outside the cycles. (Written out field by field, so
/// a new field of `Project` does not compile until it is added here.)
fn shell_eq(project: &Project, shell: &Project) -> bool {
    let Project {
        format_version,
        ids,
        region,
        partners,
        tables,
        cycles: _,
        meetings,
        agenda,
        intervisions,
        tips,
        workshops,
        from_others,
        settings,
        merge_conflicts,
    } = project;
    *format_version == shell.format_version
        && *ids == shell.ids
        && *region == shell.region
        && *partners == shell.partners
        && *tables == shell.tables
        && *meetings == shell.meetings
        && *agenda == shell.agenda
        && *intervisions == shell.intervisions
        && *tips == shell.tips
        && *workshops == shell.workshops
        && *from_others == shell.from_others
        && *settings == shell.settings
        && *merge_conflicts == shell.merge_conflicts
}
