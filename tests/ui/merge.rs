//! Partners' copies in the window: merging a copy with a conflict (either side chosen) and
//! undoing it in one step, conflicts left by `kompas merge` asked when the file opens, the
//! "changed on disk" question with *Samenvoegen* first, comparing with a copy, and a conflict
//! copy beside the file offered.

use super::*;
use egui_kittest::kittest::NodeT;
use kompas::model::Project;
use kompas::model::merge::{self, Side};

/// The Utrecht sample as `regio.ron` with its backup beside it (the common base), and a
/// partner's copy in which the first cycle's first measurement is 31 and its first
/// intervention's budget € 123.000.
struct Copies {
    _dir: tempfile::TempDir,
    file: PathBuf,
    copy: PathBuf,
    base: Project,
}

fn copies(copy_name: &str) -> Copies {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("regio.ron");
    let base = kompas::samples::SAMPLES[0].project().unwrap();
    kompas::storage::save(&file, &base).unwrap();
    // saving again keeps the version before it as the backup
    kompas::storage::save(&file, &base).unwrap();
    assert!(kompas::storage::merge_base(&file).is_some());
    let copy = dir.path().join(copy_name);
    kompas::storage::save(&copy, &theirs(&base)).unwrap();
    Copies {
        _dir: dir,
        file,
        copy,
        base,
    }
}

fn theirs(base: &Project) -> Project {
    let mut p = base.clone();
    let c = &mut p.cycles[0];
    c.evaluation.measurements[0].value = Some(31.0);
    c.interventions[0].budget_eur = Some(123_000);
    p
}

/// The first cycle's first measurement's value and first intervention's budget.
fn figures(p: &Project) -> (Option<f64>, Option<u64>) {
    let c = &p.cycles[0];
    (
        c.evaluation.measurements[0].value,
        c.interventions[0].budget_eur,
    )
}

/// Opens `c.file`; the dialogs answer `c.copy` for the copy to merge or compare.
fn open(c: &Copies) -> Harness<'static, KompasApp> {
    let mut h = harness_with(Answer {
        open: Some(c.file.clone()),
        save: None,
        csv_open: Some(c.copy.clone()),
        csv_save: None,
    });
    click(&mut h, &icon("📂 ", key!("start.open")));
    assert!(h.state().state.doc.is_some(), "the file opened");
    h
}

/// Our own edit of the measurement the copy changed too: 33 (in the first cycle, shown).
fn edit_ours(h: &mut Harness<'_, KompasApp>) {
    let doc = h.state_mut().state.doc.as_mut().unwrap();
    doc.cycle = 0;
    doc.project.cycles[0].evaluation.measurements[0].value = Some(33.0);
    h.run_steps(3);
}

fn menu(h: &mut Harness<'_, KompasApp>, command: kompas::i18n::Key) {
    click(h, &nl(key!("menu.file")));
    click(h, &nl(command));
}

#[test]
fn a_copy_with_a_conflict_merges_with_the_side_chosen_and_undoes_in_one_step() {
    for (pick, want) in [("regio-gemeente.ron: 31", 31.0), ("Uw versie: 33", 33.0)] {
        let c = copies("regio-gemeente.ron");
        let mut h = open(&c);
        edit_ours(&mut h);
        let before = project(&h).clone();
        menu(&mut h, key!("cmd.merge_with"));
        assert!(
            h.query_by_label("Samenvoegen met regio-gemeente.ron")
                .is_some(),
            "the merge window is open"
        );
        assert!(
            h.query_by_label_contains("vorige opgeslagen versie (.bak van ")
                .is_some(),
            "it says which common version it used"
        );
        // the budget came in without a question; the measurement is asked
        assert!(h.query_by_label_contains("1 gewijzigd").is_some());
        assert!(h.query_by_label_contains("': waarde").is_some());
        assert!(h.query_by_label("Uw versie: 33").is_some());
        assert!(h.query_by_label("regio-gemeente.ron: 31").is_some());
        // nothing is decided silently: merging waits for the choice
        assert!(h.query_by_label_contains("Nog 1 keuze te maken").is_some());
        click(&mut h, &nl(key!("merge.apply")));
        assert!(h.state().state.merge.is_some(), "still open, still asking");
        assert_eq!(project(&h), &before);

        click(&mut h, pick);
        click(&mut h, &nl(key!("merge.apply")));
        assert!(h.state().state.merge.is_none());
        assert_eq!(figures(project(&h)), (Some(want), Some(123_000)));
        assert!(h.state().is_dirty());
        assert!(
            h.query_by_label_contains("Samengevoegd met regio-gemeente.ron")
                .is_some()
        );
        // one step back: the whole merge, and only the merge
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run_steps(3);
        assert_eq!(project(&h), &before, "undo takes back the whole merge");
        assert_eq!(figures(project(&h)), (Some(33.0), figures(&c.base).1));
        h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
        h.run_steps(3);
        assert_eq!(
            figures(project(&h)),
            (Some(want), Some(123_000)),
            "and redo"
        );
    }
}

#[test]
fn cancelling_the_merge_changes_nothing() {
    let c = copies("regio-gemeente.ron");
    let mut h = open(&c);
    menu(&mut h, key!("cmd.merge_with"));
    assert!(h.state().state.merge.is_some());
    click(&mut h, &nl(key!("dialog.cancel")));
    assert!(h.state().state.merge.is_none());
    assert_eq!(project(&h), &c.base);
    assert!(!h.state().is_dirty());
}

#[test]
fn conflicts_left_by_kompas_merge_are_asked_when_the_file_opens() {
    let c = copies("regio-gemeente.ron");
    let mut ours = c.base.clone();
    ours.cycles[0].evaluation.measurements[0].value = Some(33.0);
    let m = merge::merge(Some(&c.base), &ours, &theirs(&c.base)).unwrap();
    assert_eq!(m.conflicts.len(), 1);
    let mut file = m.project;
    file.merge_conflicts = m.conflicts;
    kompas::storage::save(&c.file, &file).unwrap();

    let mut h = open(&c);
    assert!(
        h.query_by_label(&nl(key!("merge.title_pending"))).is_some(),
        "the conflict window opens by itself"
    );
    assert!(h.query_by_label("Uw versie: 33").is_some());
    assert!(h.query_by_label("Andere versie: 31").is_some());
    // not now: the bar above the editor keeps asking
    click(&mut h, &nl(key!("dialog.cancel")));
    assert!(
        h.query_by_label_contains("1 conflict uit een samenvoeging")
            .is_some()
    );
    click(&mut h, &nl(key!("merge.choose_now")));
    click(&mut h, &nl(key!("merge.all_theirs")));
    click(&mut h, &nl(key!("merge.apply")));
    assert!(project(&h).merge_conflicts.is_empty(), "resolved");
    assert_eq!(figures(project(&h)).0, Some(31.0));
    assert!(h.state().is_dirty());
    assert!(h.query_by_label_contains("1 conflict beslist").is_some());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert_eq!(project(&h).merge_conflicts.len(), 1, "undo asks again");
    assert_eq!(figures(project(&h)).0, Some(33.0));
}

#[test]
fn the_changed_on_disk_question_offers_merging_first_and_merges_the_version_on_disk() {
    let c = copies("regio-gemeente.ron");
    let mut h = open_and_edit(
        Answer {
            open: Some(c.file.clone()),
            save: None,
            csv_open: None,
            csv_save: None,
        },
        &c.file,
    );
    // a partner's version arrives through the sync client
    kompas::storage::save(&c.file, &theirs(&c.base)).unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(
        h.query_by_label(&nl(key!("dialog.changed_title")))
            .is_some()
    );
    let choices = [
        nl(key!("dialog.merge")),
        nl(key!("dialog.save_as_new")),
        nl(key!("dialog.overwrite")),
        nl(key!("dialog.cancel")),
    ];
    // in reading order: by line, then from the left
    let mut buttons: Vec<(String, (i64, i64))> = h
        .root()
        .children_recursive()
        .filter(|n| n.accesskit_node().role() == Role::Button)
        .filter_map(|n| {
            let label = n.accesskit_node().label()?;
            let b = n.accesskit_node().bounding_box()?;
            choices
                .contains(&label)
                .then_some((label, (b.y0 as i64, b.x0 as i64)))
        })
        .collect();
    buttons.sort_by_key(|b| b.1);
    assert_eq!(buttons.len(), 4, "{buttons:?}");
    assert_eq!(
        buttons[0].0, choices[0],
        "Samenvoegen comes first: {buttons:?}"
    );

    click(&mut h, &nl(key!("dialog.merge")));
    assert!(h.query_by_label(&nl(key!("merge.title_disk"))).is_some());
    assert!(
        h.query_by_label(&nl(key!("merge.base_last_read")))
            .is_some()
    );
    assert!(h.query_by_label(&nl(key!("merge.no_conflicts"))).is_some());
    click(&mut h, &nl(key!("merge.apply")));
    assert!(
        h.query_by_label_contains("Versie op schijf samengevoegd: 0 nieuw, 2 gewijzigd")
            .is_some()
    );
    let p = project(&h);
    assert!(p.region.name.ends_with("(bewerkt)"), "ours kept");
    assert_eq!(figures(p), (Some(31.0), Some(123_000)), "theirs came in");
    // what is on disk is known now: saving writes the merge without asking again
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(h.state().state.dialog.is_none());
    assert!(!h.state().is_dirty());
    let saved = kompas::storage::load(&c.file).unwrap().project;
    assert!(saved.region.name.ends_with("(bewerkt)"));
    assert_eq!(figures(&saved), (Some(31.0), Some(123_000)));
}

#[test]
fn comparing_lists_the_differences_in_words_and_goes_on_to_merge() {
    let c = copies("regio-gemeente.ron");
    let mut h = open(&c);
    menu(&mut h, key!("cmd.compare_with"));
    assert!(
        h.query_by_label("Verschillen met regio-gemeente.ron")
            .is_some()
    );
    assert!(h.query_by_label_contains("2 verschillen").is_some());
    assert!(
        h.query_by_label_contains(": budget € 1.250.000 ➡ € 123.000")
            .is_some()
    );
    assert!(h.query_by_label_contains(": waarde 46 ➡ 31").is_some());
    assert!(
        h.query_by_label("Cyclus 2023-2024 · 4. Interventies")
            .is_some()
    );
    type_into(
        &mut h,
        Role::TextInput,
        &nl(key!("shared.search")),
        "budget",
    );
    assert!(h.query_by_label_contains("➡ € 123.000").is_some());
    assert!(
        h.query_by_label_contains(": waarde 46 ➡ 31").is_none(),
        "searched away"
    );
    click(&mut h, &nl(key!("dialog.merge")));
    assert!(h.state().state.differences.is_none());
    assert!(
        h.query_by_label("Samenvoegen met regio-gemeente.ron")
            .is_some()
    );
    click(&mut h, &nl(key!("merge.apply")));
    assert_eq!(figures(project(&h)), (Some(31.0), Some(123_000)));
}

#[test]
fn a_conflict_copy_beside_the_file_is_offered_for_merging() {
    let c = copies("regio-LAPTOP-3F2.ron");
    let mut h = open(&c);
    assert!(
        h.query_by_label_contains(
            "Er staat een conflictkopie naast dit bestand (regio-LAPTOP-3F2.ron, van "
        )
        .is_some()
    );
    click(&mut h, &nl(key!("dialog.merge")));
    assert!(
        h.query_by_label("Samenvoegen met regio-LAPTOP-3F2.ron")
            .is_some()
    );
    assert!(h.state().state.copies.is_empty(), "offered once");
    click(&mut h, &nl(key!("merge.apply")));
    assert_eq!(figures(project(&h)), (Some(31.0), Some(123_000)));
    // the same picked with a choice per conflict is in the test above; "Niet nu" lets it be
    let mut h = open(&c);
    click(&mut h, &nl(key!("recover.later")));
    assert!(h.state().state.copies.is_empty());
    assert_eq!(project(&h), &c.base);
}

#[test]
fn picking_a_side_works_from_the_keyboard() {
    let c = copies("regio-gemeente.ron");
    let mut h = open(&c);
    edit_ours(&mut h);
    menu(&mut h, key!("cmd.merge_with"));
    h.get_by_label("regio-gemeente.ron: 31").focus();
    h.run_steps(2);
    key(&mut h, Key::Space);
    assert_eq!(
        h.state().state.merge.as_ref().unwrap().choices,
        [Some(Side::Theirs)]
    );
    h.get_by_label(&nl(key!("merge.apply"))).focus();
    h.run_steps(2);
    key(&mut h, Key::Enter);
    assert_eq!(figures(project(&h)).0, Some(31.0));
}
