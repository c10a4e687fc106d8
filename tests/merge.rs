//! Merging two copies of a region's project, and comparing versions.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use kompas::model::merge::{self, ConflictKind, Side, Step};
use kompas::model::*;
use kompas::storage;
use proptest::prelude::*;
use std::collections::{HashMap, HashSet};

fn base_text() -> String {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample-projects/utrecht-voorbeeld.ron"
    );
    std::fs::read_to_string(file).unwrap()
}

/// A copy as a partner would have it: the file opened on their laptop (its own id source).
fn copy(text: &str) -> Project {
    storage::parse(text.as_bytes()).unwrap().project
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The merged project must save, read back the same and hold no dangling link or twice-used id.
fn sound(p: &Project) {
    let text = storage::to_ron_string(p).unwrap();
    let again = storage::parse(text.as_bytes()).unwrap();
    assert_eq!(&again.project, p);
    assert!(p.dangling_links().is_empty(), "{:?}", p.dangling_links());
    assert!(p.duplicate_ids().is_empty());
}

#[test]
fn additions_on_both_sides_edits_and_removals_come_together() {
    let text = base_text();
    let base = copy(&text);
    let (mut ours, mut theirs) = (copy(&text), copy(&text));
    // both add an ambition: two items, not one
    let a = ours.new_id();
    let mut amb = Ambition::new(a);
    amb.title = "Van ons".into();
    ours.cycles[0].ambitions.push(amb);
    let b = theirs.new_id();
    let mut amb = Ambition::new(b);
    amb.title = "Van hen".into();
    theirs.cycles[0].ambitions.push(amb);
    // they change a budget, we change a title elsewhere
    let iv = theirs.cycles[0].interventions[0].id;
    theirs.cycles[0].interventions[0].budget_eur = Some(250_000);
    ours.cycles[0].outcomes[0].title = "Nieuwe titel".into();
    // they remove an ambition we left alone: it goes, with the links to it
    let gone = base.cycles[0].ambitions[0].id;
    let linked_before = base.cycles[0]
        .outcomes
        .iter()
        .any(|o| o.ambitions.contains(&gone));
    theirs.remove(gone);

    let m = merge::merge(Some(&base), &ours, &theirs).unwrap();
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    let c = &m.project.cycles[0];
    assert!(c.ambition(a).is_some() && c.ambition(b).is_some());
    assert!(c.ambition(gone).is_none());
    assert!(
        linked_before,
        "the sample links outcomes to its first ambition"
    );
    assert!(c.outcomes.iter().all(|o| !o.ambitions.contains(&gone)));
    assert_eq!(c.intervention(iv).unwrap().budget_eur, Some(250_000));
    assert_eq!(c.outcomes[0].title, "Nieuwe titel");
    assert_eq!(m.summary.added, 1);
    assert_eq!(m.summary.removed, 1);
    assert!(m.summary.changed >= 1);
    sound(&m.project);
}

#[test]
fn the_same_field_changed_on_both_sides_is_a_conflict_and_either_side_can_be_chosen() {
    let text = base_text();
    let base = copy(&text);
    let (mut ours, mut theirs) = (copy(&text), copy(&text));
    let iv = base.cycles[0].interventions[0].id;
    ours.cycles[0].interventions[0].budget_eur = Some(200_000);
    theirs.cycles[0].interventions[0].budget_eur = Some(250_000);
    let m = merge::merge(Some(&base), &ours, &theirs).unwrap();
    assert_eq!(m.conflicts.len(), 1);
    let c = &m.conflicts[0];
    assert_eq!(c.kind, ConflictKind::BothChanged);
    assert_eq!(c.path.last(), Some(&Step::Field("budget_eur".into())));
    assert!(c.path.contains(&Step::Item(iv.0)));
    // nothing decided silently: ours stays until the user picks
    assert_eq!(
        m.project.cycles[0].intervention(iv).unwrap().budget_eur,
        Some(200_000)
    );
    let theirs_won = merge::resolve(&m.project, &m.conflicts, &[Some(Side::Theirs)]).unwrap();
    assert_eq!(
        theirs_won.cycles[0].intervention(iv).unwrap().budget_eur,
        Some(250_000)
    );
    let ours_won = merge::resolve(&m.project, &m.conflicts, &[Some(Side::Ours)]).unwrap();
    assert_eq!(ours_won, m.project);
    sound(&theirs_won);
}

#[test]
fn an_item_edited_on_one_side_and_removed_on_the_other_is_asked() {
    let text = base_text();
    let base = copy(&text);
    let (mut ours, mut theirs) = (copy(&text), copy(&text));
    let id = base.cycles[0].ambitions[1].id;
    ours.cycles[0].ambitions[1].title = "Scherper geformuleerd".into();
    theirs.remove(id);
    let m = merge::merge(Some(&base), &ours, &theirs).unwrap();
    assert_eq!(m.conflicts.len(), 1);
    assert_eq!(
        m.conflicts[0].kind,
        ConflictKind::EditedRemoved {
            removed_by_ours: false
        }
    );
    assert!(
        m.project.cycles[0].ambition(id).is_some(),
        "kept until chosen"
    );
    let removed = merge::resolve(&m.project, &m.conflicts, &[Some(Side::Theirs)]).unwrap();
    assert!(removed.cycles[0].ambition(id).is_none());
    sound(&removed);
}

#[test]
fn two_measurements_on_one_date_with_different_values_are_a_conflict_not_two_points() {
    let text = base_text();
    let base = copy(&text);
    let (mut ours, mut theirs) = (copy(&text), copy(&text));
    let ind = base.cycles[0].outcomes[0].indicators[0].id;
    let add = |p: &mut Project, value: f64| {
        let id = p.new_id();
        p.cycles[0].evaluation.measurements.push(Measurement {
            id,
            indicator: ind,
            date: Some(d(2026, 12, 1)),
            value: Some(value),
            source: String::new(),
            note: String::new(),
        });
        id
    };
    let ours_id = add(&mut ours, 33.0);
    add(&mut theirs, 31.0);
    let m = merge::merge(Some(&base), &ours, &theirs).unwrap();
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    assert_eq!(m.conflicts[0].kind, ConflictKind::SameDate);
    let on_date = |p: &Project| {
        p.cycles[0]
            .evaluation
            .measurements
            .iter()
            .filter(|x| x.indicator == ind && x.date == Some(d(2026, 12, 1)))
            .map(|x| (x.id, x.value))
            .collect::<Vec<_>>()
    };
    assert_eq!(on_date(&m.project), vec![(ours_id, Some(33.0))]);
    let theirs_won = merge::resolve(&m.project, &m.conflicts, &[Some(Side::Theirs)]).unwrap();
    assert_eq!(on_date(&theirs_won), vec![(ours_id, Some(31.0))]);
    // the same value typed on both sides is one point and no question
    let (mut ours, mut theirs) = (copy(&text), copy(&text));
    add(&mut ours, 33.0);
    add(&mut theirs, 33.0);
    let m = merge::merge(Some(&base), &ours, &theirs).unwrap();
    assert!(m.conflicts.is_empty());
    assert_eq!(on_date(&m.project).len(), 1);
}

#[test]
fn without_a_base_what_one_side_has_alone_is_asked_and_kept_until_then() {
    let text = base_text();
    let (mut ours, mut theirs) = (copy(&text), copy(&text));
    let id = theirs.new_id();
    theirs.cycles[0].ambitions.push(Ambition::new(id));
    let removed = ours.cycles[0].ambitions[0].id;
    ours.remove(removed);
    let m = merge::merge(None, &ours, &theirs).unwrap();
    let kinds: Vec<_> = m.conflicts.iter().map(|c| c.kind).collect();
    assert!(kinds.contains(&ConflictKind::OnlyOneSide { ours: false }));
    // the ambition we removed is on their side only: a question too, never silently back
    assert!(
        m.conflicts
            .iter()
            .any(|c| c.path.contains(&Step::Item(removed.0)))
    );
    assert!(m.project.cycles[0].ambition(id).is_some());
    // two equal copies merge to themselves without a question
    let same = merge::merge(None, &ours, &ours.clone()).unwrap();
    assert!(same.conflicts.is_empty());
    assert_eq!(same.project, ours);
}

#[test]
fn compare_lists_what_changed_item_by_item() {
    let text = base_text();
    let before = copy(&text);
    let mut after = copy(&text);
    let iv = after.cycles[0].interventions[0].id;
    after.cycles[0].interventions[0].budget_eur = Some(250_000);
    let id = after.new_id();
    after.cycles[0].ambitions.push(Ambition::new(id));
    let changes = merge::compare(&before, &after).unwrap();
    assert_eq!(changes.len(), 2, "{changes:?}");
    assert!(
        changes
            .iter()
            .any(|c| c.path.contains(&Step::Item(iv.0))
                && c.after == Some(serde_json::json!(250_000)))
    );
    assert!(
        changes
            .iter()
            .any(|c| c.before.is_none() && c.path.last() == Some(&Step::Item(id.0)))
    );
    assert!(merge::compare(&before, &before.clone()).unwrap().is_empty());
}

/// One edit of one copy.
#[derive(Clone, Debug)]
enum Edit {
    Add(String),
    Retitle(usize, String),
    Remove(usize),
    Budget(usize, u64),
}

fn edit() -> impl Strategy<Value = Edit> {
    let word = prop::sample::select(vec!["Thuiszitters", "Kernteam", "Wachttijd", "Ouders"]);
    prop_oneof![
        word.clone().prop_map(|w| Edit::Add(w.to_owned())),
        (0usize..8, word).prop_map(|(i, w)| Edit::Retitle(i, w.to_owned())),
        (0usize..8).prop_map(Edit::Remove),
        (0usize..6, 0u64..5).prop_map(|(i, b)| Edit::Budget(i, b * 10_000)),
    ]
}

/// What one side did, by item: titles set, items removed, budgets set, items added.
#[derive(Default)]
struct Done {
    titles: HashMap<Id, String>,
    removed: HashSet<Id>,
    budgets: HashMap<Id, u64>,
    added: Vec<Id>,
}

fn apply(p: &mut Project, base: &Project, edits: &[Edit]) -> Done {
    let mut done = Done::default();
    let ambitions: Vec<Id> = base.cycles[0].ambitions.iter().map(|a| a.id).collect();
    let interventions: Vec<Id> = base.cycles[0].interventions.iter().map(|i| i.id).collect();
    for e in edits {
        match e {
            Edit::Add(title) => {
                let id = p.new_id();
                let mut a = Ambition::new(id);
                a.title = title.clone();
                p.cycles[0].ambitions.push(a);
                done.added.push(id);
            }
            Edit::Retitle(i, title) => {
                let id = ambitions[i % ambitions.len()];
                if let Some(a) = p.cycles[0].ambitions.iter_mut().find(|a| a.id == id) {
                    a.title = title.clone();
                    done.titles.insert(id, title.clone());
                }
            }
            Edit::Remove(i) => {
                let id = ambitions[i % ambitions.len()];
                if p.cycles[0].ambition(id).is_some() {
                    p.remove(id);
                    done.removed.insert(id);
                    done.titles.remove(&id);
                }
            }
            Edit::Budget(i, b) => {
                let id = interventions[i % interventions.len()];
                if let Some(iv) = p.cycles[0].interventions.iter_mut().find(|x| x.id == id) {
                    iv.budget_eur = Some(*b);
                    done.budgets.insert(id, *b);
                }
            }
        }
    }
    done
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_edit_that_did_not_conflict_is_in_and_every_conflict_is_reported(
        ours_edits in prop::collection::vec(edit(), 0..8),
        theirs_edits in prop::collection::vec(edit(), 0..8),
    ) {
        let text = base_text();
        let base = copy(&text);
        let (mut ours, mut theirs) = (copy(&text), copy(&text));
        let o = apply(&mut ours, &base, &ours_edits);
        let t = apply(&mut theirs, &base, &theirs_edits);
        let m = merge::merge(Some(&base), &ours, &theirs).unwrap();
        let c = &m.project.cycles[0];
        let base_title = |id: Id| base.cycles[0].ambition(id).map(|a| a.title.clone());
        let conflict_at = |id: Id, field: Option<&str>| m.conflicts.iter().any(|k| {
            k.path.contains(&Step::Item(id.0))
                && field.is_none_or(|f| k.path.last() == Some(&Step::Field(f.into())))
        });
        let mut expected = 0;
        for id in o.added.iter().chain(&t.added) {
            prop_assert!(c.ambition(*id).is_some(), "added {id} is missing");
        }
        for (mine, other) in [(&o, &t), (&t, &o)] {
            for (id, title) in &mine.titles {
                let changed = base_title(*id).as_ref() != Some(title);
                if other.removed.contains(id) {
                    if changed {
                        prop_assert!(conflict_at(*id, None), "edit vs remove of {id} not asked");
                    }
                } else if let Some(theirs) = other.titles.get(id).filter(|t| base_title(*id).as_ref() != Some(*t)) {
                    if theirs != title && changed {
                        prop_assert!(conflict_at(*id, Some("title")));
                    } else {
                        prop_assert_eq!(&c.ambition(*id).unwrap().title, theirs);
                    }
                } else if changed {
                    prop_assert_eq!(&c.ambition(*id).unwrap().title, title);
                }
            }
            for id in &mine.removed {
                let edited_there = other.titles.get(id).is_some_and(|t| base_title(*id).as_ref() != Some(t));
                if !edited_there {
                    prop_assert!(c.ambition(*id).is_none(), "removal of {id} lost");
                }
            }
        }
        for (id, b) in &o.budgets {
            let base_b = base.cycles[0].intervention(*id).and_then(|i| i.budget_eur);
            match t.budgets.get(id) {
                Some(tb) if tb != b && Some(*b) != base_b && Some(*tb) != base_b => {
                    prop_assert!(conflict_at(*id, Some("budget_eur")));
                    expected += 1;
                }
                Some(tb) if Some(*b) == base_b => {
                    prop_assert_eq!(c.intervention(*id).unwrap().budget_eur, Some(*tb));
                }
                _ => prop_assert_eq!(c.intervention(*id).unwrap().budget_eur, Some(*b)),
            }
        }
        for (id, b) in &t.budgets {
            if !o.budgets.contains_key(id) {
                prop_assert_eq!(c.intervention(*id).unwrap().budget_eur, Some(*b));
            }
        }
        // conflicts only where both sides touched the same thing
        for k in &m.conflicts {
            let touched = |d: &Done| k.path.iter().any(|s| matches!(s, Step::Item(i)
                if d.titles.contains_key(&Id(*i)) || d.removed.contains(&Id(*i)) || d.budgets.contains_key(&Id(*i))));
            prop_assert!(touched(&o) && touched(&t), "a conflict nobody made: {k:?}");
        }
        prop_assert!(m.conflicts.len() >= expected);
        sound(&m.project);
        // whichever side each conflict is resolved to, the result is sound
        let all_theirs = vec![Some(Side::Theirs); m.conflicts.len()];
        sound(&merge::resolve(&m.project, &m.conflicts, &all_theirs).unwrap());
    }

    #[test]
    fn two_way_merges_of_edited_copies_are_sound_and_keep_both_sides_items(
        ours_edits in prop::collection::vec(edit(), 0..6),
        theirs_edits in prop::collection::vec(edit(), 0..6),
    ) {
        let text = base_text();
        let base = copy(&text);
        let (mut ours, mut theirs) = (copy(&text), copy(&text));
        let o = apply(&mut ours, &base, &ours_edits);
        let t = apply(&mut theirs, &base, &theirs_edits);
        let m = merge::merge(None, &ours, &theirs).unwrap();
        for id in o.added.iter().chain(&t.added) {
            prop_assert!(m.project.cycles[0].ambition(*id).is_some());
        }
        // every item one side has alone is a question
        for id in &t.added {
            prop_assert!(m.conflicts.iter().any(|k| k.path.last() == Some(&Step::Item(id.0))));
        }
        sound(&m.project);
    }
}

fn kompas() -> std::process::Command {
    std::process::Command::new(env!("CARGO_BIN_EXE_kompas"))
}

#[test]
fn the_command_line_merges_three_files_and_leaves_conflicts_for_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let text = base_text();
    let base = copy(&text);
    let (mut ours, mut theirs) = (copy(&text), copy(&text));
    ours.cycles[0].interventions[0].budget_eur = Some(200_000);
    theirs.cycles[0].interventions[0].budget_eur = Some(250_000);
    let id = theirs.new_id();
    theirs.cycles[0].ambitions.push(Ambition::new(id));
    let path = |n: &str| dir.path().join(n);
    storage::save(&path("base.ron"), &base).unwrap();
    storage::save(&path("ours.ron"), &ours).unwrap();
    storage::save(&path("theirs.ron"), &theirs).unwrap();
    let run = kompas()
        .args([
            "merge",
            "base.ron",
            "ours.ron",
            "theirs.ron",
            "-o",
            "ours.ron",
            "--lang",
            "nl",
        ])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1), "conflicts exit 1");
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(said.contains("budget"), "{said}");
    assert!(
        said.contains("€ 200.000") && said.contains("€ 250.000"),
        "{said}"
    );
    assert!(
        !path("ours.ron.bak").exists(),
        "no backup left beside a merge result"
    );
    let merged = storage::load(&path("ours.ron")).unwrap().project;
    assert_eq!(merged.merge_conflicts.len(), 1);
    assert!(merged.cycles[0].ambition(id).is_some());
    assert_eq!(merged.cycles[0].interventions[0].budget_eur, Some(200_000));
    // the comparison in words, exit 1 when the files differ, 0 when they do not
    let diff = kompas()
        .args(["diff", "base.ron", "theirs.ron", "--lang", "nl"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(diff.status.code(), Some(1));
    let said = String::from_utf8_lossy(&diff.stdout);
    assert!(
        said.contains("Interventie '") && said.contains("➡ € 250.000"),
        "{said}"
    );
    assert!(said.contains("Nieuw: "), "{said}");
    let same = kompas()
        .args(["diff", "base.ron", "base.ron"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(same.status.code(), Some(0));
}

fn git(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.org")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.org")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("git runs")
}

#[test]
fn git_merges_two_branches_of_a_region_file_with_the_driver() {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    let ok = |o: std::process::Output| {
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    ok(git(repo, &["init", "-q", "-b", "main"]));
    let driver = format!("{} merge %O %A %B -o %A", env!("CARGO_BIN_EXE_kompas"));
    ok(git(repo, &["config", "merge.kompas.driver", &driver]));
    std::fs::write(repo.join(".gitattributes"), "*.ron merge=kompas\n").unwrap();
    let file = repo.join("regio-utrecht.ron");
    std::fs::write(&file, base_text()).unwrap();
    ok(git(repo, &["add", "."]));
    ok(git(repo, &["commit", "-qm", "base"]));
    // two partners each add an ambition at the end of the same list: a text conflict for
    // git's own merge, none for Kompas
    let add = |title: &str| {
        let mut p = storage::load(&file).unwrap().project;
        let id = p.new_id();
        let mut a = Ambition::new(id);
        a.title = title.into();
        p.cycles[0].ambitions.push(a);
        storage::save(&file, &p).unwrap();
        std::fs::remove_file(storage::backup_path(&file)).ok();
        id
    };
    ok(git(repo, &["checkout", "-qb", "gemeente"]));
    let a = add("Van de gemeente");
    ok(git(repo, &["commit", "-qam", "gemeente"]));
    ok(git(repo, &["checkout", "-q", "main"]));
    ok(git(repo, &["checkout", "-qb", "swv"]));
    let b = add("Van het samenwerkingsverband");
    ok(git(repo, &["commit", "-qam", "swv"]));
    let merge = git(repo, &["merge", "-q", "--no-edit", "gemeente"]);
    assert!(
        merge.status.success(),
        "{}{}",
        String::from_utf8_lossy(&merge.stdout),
        String::from_utf8_lossy(&merge.stderr)
    );
    let merged = storage::load(&file).unwrap().project;
    assert!(merged.cycles[0].ambition(a).is_some() && merged.cycles[0].ambition(b).is_some());
    assert!(merged.merge_conflicts.is_empty());

    // both change one budget: git stops, the file is a valid project holding the conflict
    let budget = |value: u64| {
        let mut p = storage::load(&file).unwrap().project;
        p.cycles[0].interventions[0].budget_eur = Some(value);
        storage::save(&file, &p).unwrap();
        std::fs::remove_file(storage::backup_path(&file)).ok();
    };
    ok(git(repo, &["checkout", "-qb", "ander"]));
    budget(250_000);
    ok(git(repo, &["commit", "-qam", "ander budget"]));
    ok(git(repo, &["checkout", "-q", "swv"]));
    budget(200_000);
    ok(git(repo, &["commit", "-qam", "eigen budget"]));
    let merge = git(repo, &["merge", "-q", "--no-edit", "ander"]);
    assert!(!merge.status.success(), "a conflict stops the merge");
    let loaded = storage::load(&file).unwrap().project;
    assert_eq!(loaded.merge_conflicts.len(), 1);
    assert_eq!(loaded.cycles[0].interventions[0].budget_eur, Some(200_000));
}
