//! Editing a project by hand: every step, undo and redo, moving and removing items, what counts.

use super::*;
use kompas::i18n::key;

#[test]
fn a_new_user_fills_every_step_saves_and_finds_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("testland.ron");
    let mut h = harness(None, Some(file.clone()));

    click(&mut h, "➕ Nieuw project");
    type_into(
        &mut h,
        Role::TextInput,
        &nl(key!("region.name")),
        " Testland",
    );
    click(&mut h, &icon("➕ ", key!("partners.add")));
    type_into(&mut h, Role::TextInput, "Naam", "Gemeente Testland");

    go_to_step(&mut h, "1  Analyse");
    click(&mut h, &icon("➕ ", key!("analysis.problems_add")));
    type_into(
        &mut h,
        Role::MultilineTextInput,
        "Aandachtspunt 1",
        "Lange wachtlijsten",
    );

    go_to_step(&mut h, "2  Gezamenlijke ambities");
    click(&mut h, &icon("➕ ", key!("ambitions.add")));
    type_into(&mut h, Role::TextInput, "Ambitie", "Elk kind naar school");

    go_to_step(&mut h, "3  Maatschappelijke resultaten");
    click(&mut h, &icon("➕ ", key!("outcomes.add")));
    type_into(&mut h, Role::TextInput, "Resultaat", "Minder thuiszitters");
    h.get_by_role_and_label(Role::Button, &nl(key!("outcome.ambitions")))
        .click();
    h.run_steps(3);
    h.get_by_role_and_label(Role::CheckBox, "Elk kind naar school")
        .click();
    h.run_steps(3);
    h.key_press(Key::Escape);
    h.run_steps(2);
    click(&mut h, &icon("➕ ", key!("indicators.add")));
    type_into(&mut h, Role::TextInput, "Indicator", "Thuiszitters");
    type_into(&mut h, Role::TextInput, "Nulmeting", "40");

    go_to_step(&mut h, "4  Interventies");
    click(&mut h, &icon("➕ ", key!("interventions.add")));
    type_into(
        &mut h,
        Role::TextInput,
        &nl(key!("intervention.title")),
        "Kernteam op school",
    );
    click(&mut h, &icon("➕ ", key!("contributions.add")));
    h.get_by_role_and_label(Role::Button, "Minder thuiszitters")
        .click();
    h.run_steps(3);

    go_to_step(&mut h, "5  Evaluatie");
    click(&mut h, &icon("➕ ", key!("measurements.add")));
    type_into(&mut h, Role::TextInput, "Waarde", "35");
    click(&mut h, "➕ Les toevoegen");
    type_into(
        &mut h,
        Role::MultilineTextInput,
        "Les 1",
        "Vaste gezichten werken",
    );

    assert!(h.state().is_dirty());
    assert!(
        h.state().window_title().starts_with('•'),
        "{}",
        h.state().window_title()
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(!h.state().is_dirty(), "saved");
    assert!(file.exists());

    // Close and reopen in a fresh window.
    drop(h);
    let mut h = harness(Some(file.clone()), None);
    click(&mut h, &icon("📂 ", key!("start.open")));
    let p = project(&h).clone();
    assert_eq!(p.region.name, "Nieuwe regio Testland");
    assert_eq!(p.partners[0].name, "Gemeente Testland");
    let c = &p.cycles[0];
    assert_eq!(c.analysis.problems[0].text, "Lange wachtlijsten");
    assert_eq!(c.ambitions[0].title, "Elk kind naar school");
    assert_eq!(c.outcomes[0].title, "Minder thuiszitters");
    assert_eq!(c.outcomes[0].ambitions, vec![c.ambitions[0].id]);
    let ind = &c.outcomes[0].indicators[0];
    assert_eq!(ind.name, "Thuiszitters");
    assert_eq!(ind.baseline_value, Some(40.0));
    assert_eq!(c.interventions[0].title, "Kernteam op school");
    assert_eq!(
        c.interventions[0].contributions[0].outcome,
        c.outcomes[0].id
    );
    assert_eq!(c.evaluation.measurements[0].indicator, ind.id);
    assert_eq!(c.evaluation.measurements[0].value, Some(35.0));
    assert_eq!(c.evaluation.lessons[0].text, "Vaste gezichten werken");

    // ... and it shows in the window.
    go_to_step(&mut h, "2  Gezamenlijke ambities");
    assert!(
        h.query_all_by_value("Elk kind naar school")
            .next()
            .is_some()
    );
}

#[test]
fn undo_reverts_an_edit_and_redo_brings_it_back() {
    let mut h = harness(None, None);
    click(&mut h, "➕ Nieuw project");
    type_into(&mut h, Role::TextInput, &nl(key!("region.name")), " Oost");
    assert_eq!(project(&h).region.name, "Nieuwe regio Oost");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert_eq!(project(&h).region.name, "Nieuwe regio");
    assert!(
        h.query_all_by_value("Nieuwe regio").next().is_some(),
        "the field shows the undone value"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run_steps(3);
    assert_eq!(project(&h).region.name, "Nieuwe regio Oost");
}

#[test]
fn undo_restores_a_deleted_item_with_its_links() {
    let mut h = harness(None, None);
    click(&mut h, &icon("📘 ", key!("sample.rivierenland")));
    let before = project(&h).clone();
    go_to_step(&mut h, "3  Maatschappelijke resultaten");
    h.get_all_by_label("🗑").next().unwrap().click();
    h.run_steps(3);
    let after = project(&h).clone();
    assert_eq!(
        after.cycles[0].outcomes.len(),
        before.cycles[0].outcomes.len() - 1
    );
    assert!(after.dangling_links().is_empty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert_eq!(project(&h), &before);
}

#[test]
fn a_measurement_can_be_moved_to_another_indicator() {
    let mut h = harness(None, None);
    click(&mut h, &icon("📘 ", key!("sample.rivierenland")));
    go_to_step(&mut h, "5  Evaluatie");
    let first = project(&h).cycles[0].evaluation.measurements[0].clone();
    let target = project(&h).cycles[0].outcomes[1].indicators[0].id;
    h.get_all_by_label("…").next().unwrap().click();
    h.run_steps(3);
    h.get_by_label("Thuiszitters (Minder thuiszitters)").click();
    h.run_steps(3);
    let moved = project(&h).cycles[0]
        .evaluation
        .measurements
        .iter()
        .find(|m| m.id == first.id)
        .unwrap();
    assert_ne!(first.indicator, target);
    assert_eq!(moved.indicator, target);
}

#[test]
fn typing_a_word_is_one_undo_step() {
    let mut h = harness(None, None);
    let mut time = 10.0;
    let mut tick = |h: &mut Harness<'_, KompasApp>, secs: f64| {
        time += secs;
        h.input_mut().time = Some(time);
        h.run_steps(1);
    };
    click(&mut h, "➕ Nieuw project");
    tick(&mut h, 2.0);
    let field = || By::new().role(Role::TextInput).label("Naam van de regio");
    h.get(field()).focus();
    tick(&mut h, 0.1);
    for word in [" Oost", " West"] {
        // typed letter by letter, a tenth of a second apart
        for c in word.chars() {
            h.get(field()).type_text(&c.to_string());
            tick(&mut h, 0.1);
        }
        // the last letter lands, then a pause
        tick(&mut h, 0.1);
        tick(&mut h, 2.0);
        tick(&mut h, 0.1);
    }
    assert_eq!(project(&h).region.name, "Nieuwe regio Oost West");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    tick(&mut h, 0.1);
    assert_eq!(
        project(&h).region.name,
        "Nieuwe regio Oost",
        "one word back"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    tick(&mut h, 0.1);
    assert_eq!(
        project(&h).region.name,
        "Nieuwe regio",
        "and the word before"
    );
}

// ---------------------------------------------------------------- facilitation

/// Deleting a partner takes its links out of every cycle, also the ones not on screen; undo
/// brings them all back (the check after such an edit covers the whole document).
#[test]
fn undo_of_a_removal_restores_links_in_cycles_not_on_screen() {
    let mut h = harness(None, None);
    click(&mut h, &icon("📘 ", key!("sample.utrecht")));
    go_to_step(&mut h, &nl(key!("view.region")));
    let before = project(&h).clone();
    let last = before.cycles.len() - 1;
    assert!(last >= 1, "the sample has an earlier cycle");
    assert_eq!(
        h.state().state.doc.as_ref().unwrap().cycle,
        last,
        "the last cycle is shown"
    );
    // a partner responsible for an intervention in the earlier cycle
    let partner = before.cycles[0].interventions[0].responsible[0];
    let k = before
        .partners
        .iter()
        .position(|x| x.id == partner)
        .unwrap();
    // the cards fit beside the guidance panel (a long help text once pushed their buttons
    // under it)
    for button in h.get_all_by_label("🗑") {
        assert!(button.rect().max.x < 1400.0 - 200.0, "{:?}", button.rect());
    }
    h.get_all_by_label("🗑").nth(k).unwrap().hover();
    h.run_steps(1);
    h.get_all_by_label("🗑").nth(k).unwrap().click();
    h.run_steps(4);
    let after = project(&h).clone();
    assert!(
        after.partners.iter().all(|x| x.id != partner),
        "the partner is gone"
    );
    assert!(
        !after.cycles[0].interventions[0]
            .responsible
            .contains(&partner),
        "and its link in the earlier cycle"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert_eq!(
        project(&h),
        &before,
        "undo brings back the links in every cycle"
    );
    assert!(!h.state().is_dirty());
}

/// A new measurement in the window has no value until one is typed: the indicator's status
/// stays what it was (it used to start at 0, and a target of "fewer" was at once reached).
#[test]
fn a_new_measurement_counts_only_once_a_value_is_typed() {
    use kompas::model::{Direction, Indicator, Measurement, Outcome, Project, Status, Step};
    let d = |y, m| chrono::NaiveDate::from_ymd_opt(y, m, 1).unwrap();
    let mut p = Project::new("Testregio", d(2024, 8), d(2025, 7));
    let (oid, iid, mid) = (p.new_id(), p.new_id(), p.new_id());
    let mut ind = Indicator::new(iid);
    ind.name = "Thuiszitters".into();
    ind.direction = Direction::Decrease;
    ind.baseline_value = Some(40.0);
    ind.baseline_date = Some(d(2024, 8));
    ind.target_value = Some(20.0);
    ind.target_date = Some(d(2030, 8));
    p.cycles[0].outcomes.push(Outcome {
        id: oid,
        title: "Minder thuiszitters".into(),
        description: String::new(),
        ambitions: vec![],
        indicators: vec![ind],
        previous: None,
    });
    p.cycles[0].evaluation.measurements.push(Measurement {
        id: mid,
        indicator: iid,
        date: Some(d(2024, 12)),
        value: Some(39.0),
        source: String::new(),
        note: String::new(),
    });
    let before = p
        .assess_indicator(iid, chrono::Local::now().date_naive())
        .unwrap();
    assert_ne!(before.status, Status::Reached);
    let mut h = harness(None, None);
    let mut doc = kompas::app::OpenDoc::new(p.clone(), None, "t.ron".into(), p);
    doc.view = View::Step(Step::Evaluation);
    h.state_mut().state.doc = Some(doc);
    h.run_steps(3);
    click(&mut h, &icon("➕ ", key!("measurements.add")));
    let p = project(&h);
    assert_eq!(p.cycles[0].evaluation.measurements.len(), 2);
    assert_eq!(p.cycles[0].evaluation.measurements[1].value, None);
    assert_eq!(
        p.assess_indicator(iid, chrono::Local::now().date_naive())
            .unwrap(),
        before
    );
    // typed, it counts
    h.query_all_by_role_and_label(Role::TextInput, "Waarde")
        .nth(1)
        .expect("the new row's value field")
        .focus();
    h.run_steps(2);
    h.query_all_by_role_and_label(Role::TextInput, "Waarde")
        .nth(1)
        .expect("the new row's value field")
        .type_text("10");
    h.run_steps(3);
    let p = project(&h);
    assert_eq!(p.cycles[0].evaluation.measurements[1].value, Some(10.0));
    assert_eq!(
        p.assess_indicator(iid, chrono::Local::now().date_naive())
            .unwrap()
            .status,
        Status::Reached
    );
}

/// "Aantal personen" in the indicator editor: it shows the default from the unit until the
/// user decides, and what the user ticks is kept (and followed by every export).
/// "Aantal personen" is ticked until the user unticks it, and the words beside it say so (not
/// "Nog niet gekozen" beside a ticked box). A unit the guess reads as not people ("leerlingen per
/// 1 oktober" was read as a rate) leaves it ticked and only proposes unticking it.
#[test]
fn the_indicator_editor_says_whether_its_figures_count_people() {
    use egui_kittest::kittest::NodeT as _;
    use kompas::model::{Indicator, Outcome, Project, Step};
    let d = |y, m| chrono::NaiveDate::from_ymd_opt(y, m, 1).unwrap();
    for (unit, proposes) in [
        ("jongeren (12-18 jaar)", false),
        ("leerlingen per 1 oktober", false),
        ("%", true),
    ] {
        let mut p = Project::new("Testregio", d(2024, 8), d(2025, 7));
        let (oid, iid) = (p.new_id(), p.new_id());
        let mut ind = Indicator::new(iid);
        // untitled cards start open
        ind.unit = unit.into();
        p.cycles[0].outcomes.push(Outcome {
            id: oid,
            title: String::new(),
            description: String::new(),
            ambitions: vec![],
            indicators: vec![ind],
            previous: None,
        });
        let mut h = harness(None, None);
        let mut doc = kompas::app::OpenDoc::new(p.clone(), None, "t.ron".into(), p);
        doc.view = View::Step(Step::Outcomes);
        h.state_mut().state.doc = Some(doc);
        h.run_steps(3);
        let label = "Aantal personen";
        let ticked = |h: &egui_kittest::Harness<'_, kompas::app::KompasApp>| {
            h.get_by_role_and_label(Role::CheckBox, label)
                .accesskit_node()
                .toggled()
        };
        assert_eq!(ticked(&h), Some(egui::accesskit::Toggled::True), "{unit}");
        assert!(
            h.query_by_label_contains("Aangevinkt tot u anders kiest")
                .is_some(),
            "{unit}: the words say what the box shows"
        );
        assert!(h.query_by_label_contains("Nog niet gekozen").is_none());
        let proposal = "Klopt, geen personen";
        assert_eq!(h.query_by_label(proposal).is_some(), proposes, "{unit}");
        if proposes {
            h.get_by_label(proposal).click();
        } else {
            h.get_by_role_and_label(Role::CheckBox, label).click();
        }
        h.run_steps(3);
        let ind = &project(&h).cycles[0].outcomes[0].indicators[0];
        assert_eq!(ind.counts_people, Some(false), "{unit}");
        assert_eq!(ticked(&h), Some(egui::accesskit::Toggled::False), "{unit}");
        assert!(
            h.query_by_label_contains("Aangevinkt tot u anders kiest")
                .is_none()
        );
    }
}

#[test]
fn removing_says_what_went_with_it_offers_undo_and_a_double_click_removes_one() {
    let mut h = harness(None, None);
    click(&mut h, &icon("📘 ", key!("sample.rivierenland")));
    let before = project(&h).clone();
    go_to_step(&mut h, "3  Maatschappelijke resultaten");
    // a double-click on 🗑 (0.15 s apart): the second click lands on the next row's 🗑,
    // moved up under the pointer
    h.input_mut().time = Some(100.0);
    h.get_all_by_label("🗑").next().unwrap().click();
    h.run_steps(1);
    h.input_mut().time = Some(100.15);
    h.get_all_by_label("🗑").next().unwrap().click();
    h.run_steps(1);
    h.input_mut().time = Some(101.0);
    h.run_steps(3);
    let after = project(&h).clone();
    assert_eq!(
        after.cycles[0].outcomes.len(),
        before.cycles[0].outcomes.len() - 1,
        "one removed, not two"
    );
    // the status bar says what went with it, and offers to undo
    assert!(h.query_by_label_contains("Verwijderd, samen met").is_some());
    click(&mut h, "Ongedaan maken");
    assert_eq!(project(&h), &before);
}

#[test]
fn a_sample_opens_and_the_stepper_shows_what_is_missing() {
    let mut h = harness(None, None);
    click(&mut h, &icon("📘 ", key!("sample.utrecht")));
    let p = project(&h);
    assert_eq!(p.cycles.len(), 2);
    assert!(!h.state().is_dirty());
    assert!(h.query_by_label_contains("1  Analyse").is_some());
    // The second cycle (shown) has no measurements yet, so step 5 reports open items.
    let last = &p.cycles[1];
    assert!(!kompas::model::findings_for_step(last, kompas::model::Step::Evaluation).is_empty());
    assert!(
        h.query_all_by_label_contains("⚠").next().is_some(),
        "an open mark is shown"
    );
}

#[test]
fn starting_the_next_cycle_selects_it() {
    let mut h = harness(None, None);
    click(&mut h, &icon("📘 ", key!("sample.rivierenland")));
    assert_eq!(project(&h).cycles.len(), 1);
    // it asks first, saying what goes along and what stays; cancelling changes nothing
    click(&mut h, &icon("⟳ ", key!("cmd.next_cycle")));
    assert_eq!(project(&h).cycles.len(), 1, "one click does not start it");
    assert!(h.query_by_label(&nl(key!("next_cycle.title"))).is_some());
    assert!(
        h.query_by_label_contains("Gaat mee naar de nieuwe cyclus")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("Blijft in de oude cyclus")
            .is_some()
    );
    click(&mut h, &nl(key!("dialog.cancel")));
    assert_eq!(project(&h).cycles.len(), 1);
    assert!(!h.state().is_dirty());

    click(&mut h, &icon("⟳ ", key!("cmd.next_cycle")));
    click(&mut h, &nl(key!("next_cycle.start")));
    assert_eq!(project(&h).cycles.len(), 2);
    assert_eq!(h.state().state.doc.as_ref().unwrap().cycle, 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert_eq!(
        project(&h).cycles.len(),
        1,
        "starting a cycle can be undone"
    );
    assert_eq!(h.state().state.doc.as_ref().unwrap().cycle, 0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run_steps(3);
    assert_eq!(project(&h).cycles.len(), 2, "and redone");
    assert_eq!(
        h.state().state.doc.as_ref().unwrap().cycle,
        1,
        "after redo the new cycle is shown again"
    );
}

/// The region page says when the threshold for small counts hides nothing (0 or 1).
#[test]
fn the_region_page_warns_about_a_threshold_that_hides_nothing() {
    let p = kompas::samples::SAMPLES[0].project().unwrap();
    let mut h = harness(None, None);
    let mut doc = kompas::app::OpenDoc::new(p.clone(), None, "t.ron".into(), p);
    doc.view = View::Region;
    h.state_mut().state.doc = Some(doc);
    h.run_steps(3);
    let warning = "geen enkel klein aantal personen";
    assert!(h.query_by_label_contains(warning).is_none());
    for below in [0, 1] {
        if let Some(doc) = h.state_mut().state.doc.as_mut() {
            doc.project.settings.small_numbers_below = below;
        }
        h.run_steps(3);
        assert!(h.query_by_label_contains(warning).is_some(), "{below}");
    }
}
