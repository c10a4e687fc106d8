//! Merging two copies of one region's project, and comparing two versions.
//!
//! Partners edit their own copy (the gemeente its measurements, the samenwerkingsverband an
//! intervention); [`merge`] combines two copies by the items' ids (which never collide between
//! copies, see [`super::IdSource`]): what either side added is kept, an edit on one side is
//! taken, what one side removed and the other left alone goes, links follow. Where both
//! changed the same thing differently, or one edited what the other removed, the merge keeps
//! our version and reports a [`Conflict`]; nothing is decided silently. With a common base the
//! merge is three-way; without one ([`merge`] with `base: None`) an item on one side only is a
//! question too, as it may be new there or removed here.
//!
//! The documents are merged as generic trees (`tree.rs`); [`diff`] lists what differs
//! between two versions (`diff.rs`). Words for both are in `i18n::changes`.

mod diff;
mod tree;

pub use diff::Change;

use super::history::shell_of;
use super::{Cycle, IdMap, IdSet, Project};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The field of [`Project`] that holds unresolved conflicts (never merged itself).
pub const CONFLICTS_FIELD: &str = "merge_conflicts";

/// One step on the way from the document to a value: a field of a struct, or the item with
/// this id in a list.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Step {
    Field(String),
    Item(u64),
}

/// What kind of conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConflictKind {
    /// Both sides changed the same value differently (or, without a base, the values differ).
    BothChanged,
    /// One side edited an item the other removed.
    EditedRemoved { removed_by_ours: bool },
    /// Without a base: an item only one side has (new there, or removed on the other side).
    OnlyOneSide { ours: bool },
    /// Two measurements of one indicator on one date with different values.
    SameDate,
}

/// A side of the merge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Side {
    Ours,
    Theirs,
}

/// A place where the two copies disagree. The values are kept as JSON text (so a conflict can
/// be written into the project file by `kompas merge` and resolved when the file is opened);
/// `None` where that side has no such item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    pub path: Vec<Step>,
    pub kind: ConflictKind,
    #[serde(default)]
    pub base: Option<String>,
    #[serde(default)]
    pub ours: Option<String>,
    #[serde(default)]
    pub theirs: Option<String>,
}

impl Conflict {
    fn new(
        path: Vec<Step>,
        kind: ConflictKind,
        base: Option<&Value>,
        ours: Option<&Value>,
        theirs: Option<&Value>,
    ) -> Self {
        let text = |v: Option<&Value>| v.map(Value::to_string);
        Self {
            path,
            kind,
            base: text(base),
            ours: text(ours),
            theirs: text(theirs),
        }
    }

    /// A side's value (`None`: that side has no such item).
    pub fn value(&self, side: Side) -> Option<Value> {
        let text = match side {
            Side::Ours => self.ours.as_deref(),
            Side::Theirs => self.theirs.as_deref(),
        }?;
        serde_json::from_str(text).ok()
    }

    /// The base's value, when there was a base that held it.
    pub fn base_value(&self) -> Option<Value> {
        serde_json::from_str(self.base.as_deref()?).ok()
    }
}

/// What came in from the other copy without a question.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Items the other copy added.
    pub added: usize,
    /// Values (fields, whole items, link lists) taken from the other copy.
    pub changed: usize,
    /// Items the other copy removed (and ours left as they were).
    pub removed: usize,
}

/// The result of a merge: the project as merged (every conflict on our side) and the
/// conflicts to resolve.
#[derive(Clone, Debug)]
pub struct Merged {
    pub project: Project,
    pub conflicts: Vec<Conflict>,
    pub summary: Summary,
}

/// Why two copies could not be merged.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error("the document could not be turned into a tree: {0}")]
    Tree(serde_json::Error),
}

/// The document as a tree.
pub fn tree(project: &Project) -> Result<Value, MergeError> {
    serde_json::to_value(project).map_err(MergeError::Tree)
}

fn from_tree(value: Value) -> Result<Project, MergeError> {
    serde_json::from_value(value).map_err(MergeError::Tree)
}

/// Links to removed items go; the ids of this session avoid every id in the result.
fn finish(mut project: Project) -> Project {
    project.prune_links();
    project.ids.redraw_avoiding(project.all_ids());
    project
}

/// The ids of the cycles that are the same in both documents (most of a large project's
/// history): they are taken as they are instead of going through the tree.
fn equal_cycles(a: &Project, b: &Project) -> IdSet {
    let theirs: IdMap<&Cycle> = b.cycles.iter().map(|c| (c.id, c)).collect();
    a.cycles
        .iter()
        .filter(|c| theirs.get(&c.id).is_some_and(|t| *t == *c))
        .map(|c| c.id)
        .collect()
}

/// The project without the cycles in `skip`.
fn without(p: &Project, skip: &IdSet) -> Project {
    let mut shell = shell_of(p);
    shell.cycles = p
        .cycles
        .iter()
        .filter(|c| !skip.contains(&c.id))
        .cloned()
        .collect();
    shell
}

/// `merged` (without the equal cycles) with the equal cycles of `ours` back in their place.
fn with_equal(merged: Project, ours: &Project, equal: &IdSet) -> Project {
    if equal.is_empty() {
        return merged;
    }
    let mut rest: Vec<Option<Cycle>> = merged.cycles.iter().cloned().map(Some).collect();
    let mut project = shell_of(&merged);
    for c in &ours.cycles {
        if equal.contains(&c.id) {
            project.cycles.push(c.clone());
        } else if let Some(slot) = rest
            .iter_mut()
            .find(|s| s.as_ref().is_some_and(|m| m.id == c.id))
            && let Some(m) = slot.take()
        {
            project.cycles.push(m);
        }
    }
    project.cycles.extend(rest.into_iter().flatten());
    project
}

/// What differs from `before` to `after`, item by item.
pub fn compare(before: &Project, after: &Project) -> Result<Vec<Change>, MergeError> {
    let (b, a) = differing_trees(before, after)?;
    Ok(diff::diff(&b, &a))
}

/// The trees of two versions without the cycles they have in common (which hold no
/// difference), for comparing them and naming what differs.
pub fn differing_trees(before: &Project, after: &Project) -> Result<(Value, Value), MergeError> {
    let equal = equal_cycles(before, after);
    Ok((
        tree(&without(before, &equal))?,
        tree(&without(after, &equal))?,
    ))
}

/// Merges `theirs` into `ours`, three-way when `base` (their common ancestor) is given.
pub fn merge(
    base: Option<&Project>,
    ours: &Project,
    theirs: &Project,
) -> Result<Merged, MergeError> {
    let equal = equal_cycles(ours, theirs);
    let b = base.map(|b| tree(&without(b, &equal))).transpose()?;
    let (o, t) = (
        tree(&without(ours, &equal))?,
        tree(&without(theirs, &equal))?,
    );
    let mut m = tree::Merger::new(b.is_none());
    let merged = m.value(b.as_ref(), &o, &t);
    let mut project = finish(with_equal(from_tree(merged)?, ours, &equal));
    project.format_version = ours.format_version;
    Ok(Merged {
        project,
        conflicts: m.conflicts,
        summary: m.summary,
    })
}

/// The project with each conflict resolved to the chosen side (`choices[i]` for
/// `conflicts[i]`; `None` leaves it as it is, our side). An item chosen away is removed, one
/// chosen back is put at the end of its list; links to removed items go.
pub fn resolve(
    project: &Project,
    conflicts: &[Conflict],
    choices: &[Option<Side>],
) -> Result<Project, MergeError> {
    let mut root = tree(project)?;
    for (c, side) in conflicts.iter().zip(choices) {
        if let Some(side) = side {
            set(&mut root, &c.path, c.value(*side));
        }
    }
    let mut resolved = finish(from_tree(root)?);
    resolved.format_version = project.format_version;
    Ok(resolved)
}

/// Puts `value` at `path` (replacing it, or adding the item), or removes what is there
/// (`None`). A path whose parent is gone changes nothing.
fn set(root: &mut Value, path: &[Step], value: Option<Value>) {
    let Some((last, parents)) = path.split_last() else {
        if let Some(v) = value {
            *root = v;
        }
        return;
    };
    let mut at = root;
    for step in parents {
        let next = match step {
            // a list left out of the file while empty
            Step::Field(f) => at
                .as_object_mut()
                .map(|m| m.entry(f.clone()).or_insert(Value::Null)),
            Step::Item(id) => at
                .as_array_mut()
                .and_then(|l| l.iter_mut().find(|v| tree::id_of(v) == Some(*id))),
        };
        let Some(next) = next else { return };
        at = next;
    }
    match (last, value) {
        (Step::Field(f), Some(v)) => {
            if let Some(m) = at.as_object_mut() {
                m.insert(f.clone(), v);
            }
        }
        (Step::Field(_), None) => {}
        (Step::Item(id), value) => {
            if at.is_null() {
                *at = Value::Array(Vec::new());
            }
            let Some(list) = at.as_array_mut() else {
                return;
            };
            let pos = list.iter().position(|v| tree::id_of(v) == Some(*id));
            match (pos, value) {
                (Some(i), Some(v)) => list[i] = v,
                (Some(i), None) => {
                    list.remove(i);
                }
                (None, Some(v)) => list.push(v),
                (None, None) => {}
            }
        }
    }
}

/// The value at `path` in a tree, if it is there.
pub fn get<'a>(root: &'a Value, path: &[Step]) -> Option<&'a Value> {
    let mut at = root;
    for step in path {
        at = match step {
            Step::Field(f) => at.get(f.as_str())?,
            Step::Item(id) => at
                .as_array()?
                .iter()
                .find(|v| tree::id_of(v) == Some(*id))?,
        };
    }
    Some(at)
}
