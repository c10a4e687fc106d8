//! The merge window's state (*Bestand › Samenvoegen met…*, the "changed on disk" question's
//! *Samenvoegen*, conflicts left in a file by `kompas merge`): the document as merged, what
//! came in without a question, and per conflict the two sides in words and the user's choice.
//! Nothing changes in the document until the app applies it ([`MergeMsg::Apply`], one undo
//! step). Drawn by `ui::merge`.

use super::DiskState;
use super::differences::{self, Group};
use crate::i18n::changes::{self, ConflictWords, Names};
use crate::i18n::lang;
use crate::model::Project;
use crate::model::merge::{self, Conflict, MergeError, Side, Summary};
use std::path::{Path, PathBuf};

/// What the merge window asks of the app.
#[derive(Clone, Debug, PartialEq)]
pub enum MergeMsg {
    /// Apply the merge window's choices to the document (one undo step).
    Apply,
    /// The "changed on disk" question's *Samenvoegen*: merge the file as it is on disk.
    WithDisk,
    /// The compare window's *Samenvoegen…*: merge the version it compares with.
    FromCompare,
    /// Choose now for the conflicts a merge outside the window left in the file.
    ResolvePending,
    /// Merge this conflict copy (a sync service left it beside the file).
    Copy(PathBuf),
}

/// The common version the merge compared both copies with.
#[derive(Clone, Debug, PartialEq)]
pub enum Base {
    /// The backup beside the file (the version before the last save), written then.
    Backup(Option<chrono::NaiveDateTime>),
    /// The file as Kompas last read or wrote it.
    LastRead,
    /// None: what only one version holds is asked.
    None,
    /// The conflicts were left by a merge outside the window (`kompas merge`, Git).
    Earlier,
}

/// Where the other version came from, and what applying the merge does besides.
pub enum Source {
    /// Another copy, chosen or found beside the file.
    File(PathBuf),
    /// The document's own file, changed by another program: once merged, that version is
    /// what the file holds as far as the document knows (saving no longer asks).
    Disk {
        disk: Option<DiskState>,
        theirs: Box<Project>,
    },
    /// The conflicts in the document's `merge_conflicts`: resolving clears them.
    Pending,
}

/// The open merge window.
pub struct MergeWindow {
    /// How the other version is named beside "Uw versie" (its file name).
    pub other_name: String,
    pub base: Base,
    pub source: Source,
    /// The document as merged: every conflict on our side until chosen.
    pub merged: Project,
    pub conflicts: Vec<Conflict>,
    /// Per conflict: the side chosen (`None` until the user chose).
    pub choices: Vec<Option<Side>>,
    /// What came in from the other copy without a question: items added, values changed,
    /// items removed (as listed in `changes`).
    pub summary: Summary,
    /// The same, line by line: what differs from the open document to the merged one.
    pub changes: Vec<Group>,
    /// Per conflict: where, and each side's value in words.
    pub words: Vec<ConflictWords>,
    /// The other copy's region, when it is another region's file (it shares no item).
    pub other_region: Option<String>,
}

impl MergeWindow {
    /// Merges `theirs` (named `other_name`) into the open document `ours`, three-way when
    /// `base` is given.
    pub fn new(
        ours: &Project,
        theirs: &Project,
        base: Option<(&Project, Base)>,
        source: Source,
        other_name: String,
    ) -> Result<Self, MergeError> {
        let (base_project, base) = match base {
            Some((p, b)) => (Some(p), b),
            None => (None, Base::None),
        };
        let merged = merge::merge(base_project, ours, theirs)?;
        // counted from the list shown (the merge counts a list it took whole as one change)
        let (changes, summary) = differences::in_words(ours, &merged.project)?;
        // copies of one region share the ids of their items; another region's file shares none
        let ids: std::collections::HashSet<_> = ours.all_ids().into_iter().collect();
        let theirs_ids = theirs.all_ids();
        let other_region = (!ids.is_empty()
            && !theirs_ids.is_empty()
            && !theirs_ids.iter().any(|id| ids.contains(id)))
        .then(|| theirs.region.name.trim().to_owned());
        Self::with(
            merged.project,
            merged.conflicts,
            summary,
            changes,
            (base, source, other_name, other_region),
        )
    }

    /// The conflicts a merge outside the window left in `project` (ours is what the file
    /// holds, theirs is kept in the conflicts).
    pub fn pending(project: &Project) -> Result<Self, MergeError> {
        let other = crate::i18n::t!("merge.other_version").to_owned();
        Self::with(
            project.clone(),
            project.merge_conflicts.clone(),
            Summary::default(),
            Vec::new(),
            (Base::Earlier, Source::Pending, other, None),
        )
    }

    fn with(
        merged: Project,
        conflicts: Vec<Conflict>,
        summary: Summary,
        changes: Vec<Group>,
        (base, source, other_name, other_region): (Base, Source, String, Option<String>),
    ) -> Result<Self, MergeError> {
        let lang = lang();
        let tree = merge::tree(&merged)?;
        let mut names = Names::of(lang, &[&tree]);
        for c in &conflicts {
            for side in [Side::Ours, Side::Theirs] {
                if let Some(v) = c.value(side) {
                    names.add(lang, &v);
                }
            }
        }
        let words = conflicts
            .iter()
            .map(|c| changes::conflict(lang, &tree, c, &names))
            .collect();
        Ok(Self {
            other_name,
            base,
            source,
            choices: vec![None; conflicts.len()],
            merged,
            conflicts,
            summary,
            changes,
            words,
            other_region,
        })
    }

    /// Chooses `side` for every conflict.
    pub fn choose_all(&mut self, side: Side) {
        self.choices.fill(Some(side));
    }

    /// How many conflicts are still without a choice.
    pub fn undecided(&self) -> usize {
        self.choices.iter().filter(|c| c.is_none()).count()
    }

    /// The document with every conflict resolved as chosen (the conflicts a merge outside the
    /// window left are cleared once chosen here).
    pub fn result(&self) -> Result<Project, MergeError> {
        let mut p = merge::resolve(&self.merged, &self.conflicts, &self.choices)?;
        if matches!(self.source, Source::Pending) {
            p.merge_conflicts.clear();
        }
        Ok(p)
    }
}

/// A conflict copy found beside the open file, offered for merging.
#[derive(Clone, Debug, PartialEq)]
pub struct CopyOffer {
    pub path: PathBuf,
    /// When it was last written (local time), if the system says.
    pub modified: Option<chrono::NaiveDateTime>,
}

impl CopyOffer {
    pub fn of(path: PathBuf) -> Self {
        let modified = modified_local(&path);
        Self { path, modified }
    }
}

/// When the file at `path` was last written, in local time.
pub fn modified_local(path: &Path) -> Option<chrono::NaiveDateTime> {
    let t = std::fs::metadata(path).ok()?.modified().ok()?;
    Some(chrono::DateTime::<chrono::Local>::from(t).naive_local())
}

/// "01-12-2026 14:05" in the interface's date format.
pub fn when_text(when: chrono::NaiveDateTime) -> String {
    format!(
        "{} {}",
        crate::i18n::fmt_date(when.date()),
        when.format("%H:%M")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Intervention, Project};

    fn with_intervention() -> Project {
        let d = |y, m| chrono::NaiveDate::from_ymd_opt(y, m, 1).unwrap_or_default();
        let mut p = Project::new("Regio", d(2025, 8), d(2026, 7));
        let id = p.new_id();
        let mut i = Intervention::new(id);
        i.title = "Kernteam".into();
        i.budget_eur = Some(200_000);
        p.cycles[0].interventions.push(i);
        p
    }

    #[test]
    fn a_conflict_waits_for_a_choice_and_takes_the_side_chosen() {
        crate::i18n::set_lang(crate::i18n::Lang::Nl);
        let base = with_intervention();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        ours.cycles[0].interventions[0].budget_eur = Some(250_000);
        theirs.cycles[0].interventions[0].budget_eur = Some(300_000);
        theirs.region.name = "Regio".into();
        theirs.cycles[0].interventions[0].title = "Kernteam op elke school".into();
        let source = Source::File(PathBuf::from("kopie.ron"));
        let mut w = MergeWindow::new(
            &ours,
            &theirs,
            Some((&base, Base::LastRead)),
            source,
            "kopie.ron".into(),
        )
        .unwrap();
        assert_eq!(w.conflicts.len(), 1);
        assert_eq!(w.undecided(), 1);
        assert_eq!(w.summary.changed, 1, "the title came in");
        assert_eq!(w.words[0].ours, "€ 250.000");
        assert_eq!(w.words[0].theirs, "€ 300.000");
        assert!(w.other_region.is_none());
        let other = Project::new("Regio West", base.cycles[0].start, base.cycles[0].end);
        let source = Source::File(PathBuf::from("west.ron"));
        let west = MergeWindow::new(&ours, &other, None, source, "west.ron".into()).unwrap();
        assert_eq!(west.other_region.as_deref(), Some("Regio West"));
        w.choose_all(Side::Theirs);
        assert_eq!(w.undecided(), 0);
        let p = w.result().unwrap();
        let i = &p.cycles[0].interventions[0];
        assert_eq!(
            (i.budget_eur, i.title.as_str()),
            (Some(300_000), "Kernteam op elke school")
        );
        w.choose_all(Side::Ours);
        assert_eq!(
            w.result().unwrap().cycles[0].interventions[0].budget_eur,
            Some(250_000)
        );
    }

    #[test]
    fn conflicts_left_in_the_file_are_cleared_once_chosen() {
        let base = with_intervention();
        let (mut ours, mut theirs) = (base.clone(), base.clone());
        ours.cycles[0].interventions[0].budget_eur = Some(1);
        theirs.cycles[0].interventions[0].budget_eur = Some(2);
        let m = merge::merge(Some(&base), &ours, &theirs).unwrap();
        let mut file = m.project;
        file.merge_conflicts = m.conflicts;
        let mut w = MergeWindow::pending(&file).unwrap();
        assert_eq!(w.base, Base::Earlier);
        assert_eq!(w.conflicts.len(), 1);
        w.choices[0] = Some(Side::Theirs);
        let p = w.result().unwrap();
        assert!(p.merge_conflicts.is_empty());
        assert_eq!(p.cycles[0].interventions[0].budget_eur, Some(2));
    }
}
