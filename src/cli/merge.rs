//! `kompas merge BASE OURS THEIRS -o OUT` (also git's merge driver) and `kompas diff A B`.

use super::{Lines, load};
use crate::i18n::changes::{self, Names};
use crate::i18n::{Lang, t, tf};
use crate::model::merge::{self, Conflict};
use crate::model::{FORMAT_VERSION, Project};
use crate::storage;
use std::io::Write;
use std::path::Path;

/// Merges `theirs` into `ours` (three-way when `base` loads; git hands an empty file when the
/// two have no common ancestor) and writes the result to `output` without a backup beside it.
/// Returns whether the merge was clean; with conflicts the file holds our side of each and the
/// conflicts themselves, which the window resolves when the file is opened.
pub fn merge_files(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    output: &Path,
    out: &mut dyn Write,
    lang: Lang,
) -> Result<bool, String> {
    let base = storage::load(base).ok().map(|l| l.project);
    let o = load(ours, lang)?.project;
    let t = load(theirs, lang)?.project;
    let merged = merge::merge(base.as_ref(), &o, &t).map_err(|e| e.to_string())?;
    let mut project = merged.project;
    project.format_version = FORMAT_VERSION;
    // conflicts already in either file (an earlier merge not yet resolved) stay asked
    let mut conflicts = o.merge_conflicts.clone();
    conflicts.extend(t.merge_conflicts.iter().cloned());
    conflicts.extend(merged.conflicts);
    project.merge_conflicts = conflicts;
    let text = storage::to_ron_string(&project).map_err(|e| e.message_in(lang))?;
    storage::write_with(
        output,
        text.as_bytes(),
        storage::WriteOptions {
            backup: false,
            private: false,
        },
    )
    .map_err(|e| e.message_in(lang))?;
    let mut out = Lines::new(out);
    let s = merged.summary;
    out.line(tf!(
        lang,
        "merge.summary",
        added = s.added,
        changed = s.changed,
        removed = s.removed
    ));
    if base.is_none() {
        out.line(t!(lang, "merge.two_way"));
    }
    if project.merge_conflicts.is_empty() {
        return Ok(true);
    }
    out.line(tf!(
        lang,
        "merge.conflicts",
        n = project.merge_conflicts.len()
    ));
    for line in conflict_lines(&project, &project.merge_conflicts, lang) {
        out.line(format!("  - {line}"));
    }
    out.line(t!(lang, "merge.open_to_resolve"));
    Ok(false)
}

/// Each conflict as one line: "Interventie 'X': budget — hier: € 200.000 · daar: € 250.000".
pub fn conflict_lines(merged: &Project, conflicts: &[Conflict], lang: Lang) -> Vec<String> {
    let Ok(tree) = merge::tree(merged) else {
        return Vec::new();
    };
    let mut names = Names::of(lang, &[&tree]);
    for c in conflicts {
        for side in [merge::Side::Ours, merge::Side::Theirs] {
            if let Some(v) = c.value(side) {
                names.add(lang, &v);
            }
        }
    }
    conflicts
        .iter()
        .map(|c| {
            let w = changes::conflict(lang, &tree, c, &names);
            tf!(
                lang,
                "merge.conflict_line",
                place = w.place,
                ours = w.ours,
                theirs = w.theirs
            )
        })
        .collect()
}

/// Prints what differs from `a` to `b`; returns whether they differ.
pub fn diff_files(a: &Path, b: &Path, out: &mut dyn Write, lang: Lang) -> Result<bool, String> {
    let before = load(a, lang)?.project;
    let after = load(b, lang)?.project;
    let lines = compare_lines(&before, &after, lang).map_err(|e| e.to_string())?;
    let mut out = Lines::new(out);
    if lines.is_empty() {
        out.line(t!(lang, "merge.no_differences"));
        return Ok(false);
    }
    for line in &lines {
        out.line(line);
    }
    Ok(true)
}

/// What differs from `before` to `after`, one line per change.
pub fn compare_lines(
    before: &Project,
    after: &Project,
    lang: Lang,
) -> Result<Vec<String>, merge::MergeError> {
    let (b, a) = merge::differing_trees(before, after)?;
    let names = Names::of(lang, &[&b, &a]);
    Ok(merge::Change::list(&b, &a)
        .iter()
        .map(|c| changes::change(lang, &b, &a, c, &names))
        .collect())
}
