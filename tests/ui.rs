//! The real app driven through its accessibility tree, as a person would: by role and label.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};
use kompas::KompasApp;
use kompas::app::{Prefs, View};
use kompas::i18n::Lang;
use std::path::PathBuf;

mod common;
use common::*;

#[test]
fn a_new_user_fills_every_step_saves_and_finds_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("testland.ron");
    let mut h = harness(None, Some(file.clone()));

    click(&mut h, "➕ Nieuw project");
    type_into(&mut h, Role::TextInput, "Naam van de regio", " Testland");
    click(&mut h, "➕ Partner toevoegen");
    type_into(&mut h, Role::TextInput, "Naam", "Gemeente Testland");

    go_to_step(&mut h, "1  Analyse");
    click(&mut h, "➕ Aandachtspunt toevoegen");
    type_into(
        &mut h,
        Role::MultilineTextInput,
        "Aandachtspunt 1",
        "Lange wachtlijsten",
    );

    go_to_step(&mut h, "2  Gezamenlijke ambities");
    click(&mut h, "➕ Ambitie toevoegen");
    type_into(&mut h, Role::TextInput, "Ambitie", "Elk kind naar school");

    go_to_step(&mut h, "3  Maatschappelijke resultaten");
    click(&mut h, "➕ Resultaat toevoegen");
    type_into(&mut h, Role::TextInput, "Resultaat", "Minder thuiszitters");
    h.get_by_role_and_label(Role::Button, "Maakt meetbaar")
        .click();
    h.run_steps(3);
    h.get_by_role_and_label(Role::CheckBox, "Elk kind naar school")
        .click();
    h.run_steps(3);
    h.key_press(Key::Escape);
    h.run_steps(2);
    click(&mut h, "➕ Indicator toevoegen");
    type_into(&mut h, Role::TextInput, "Indicator", "Thuiszitters");
    type_into(&mut h, Role::TextInput, "Nulmeting", "40");

    go_to_step(&mut h, "4  Interventies");
    click(&mut h, "➕ Interventie toevoegen");
    type_into(&mut h, Role::TextInput, "Interventie", "Kernteam op school");
    click(&mut h, "➕ Resultaat koppelen");
    h.get_by_role_and_label(Role::Button, "Minder thuiszitters")
        .click();
    h.run_steps(3);

    go_to_step(&mut h, "5  Evaluatie");
    click(&mut h, "➕ Meting toevoegen");
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
    click(&mut h, "📂 Project openen");
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
    type_into(&mut h, Role::TextInput, "Naam van de regio", " Oost");
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
    click(
        &mut h,
        "📘 Voorbeeld: Regio Rivierenland (fictief, meerdere gemeenten)",
    );
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
    click(
        &mut h,
        "📘 Voorbeeld: Regio Rivierenland (fictief, meerdere gemeenten)",
    );
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
fn unsaved_changes_are_asked_about_before_they_are_thrown_away() {
    let mut h = harness(None, None);
    click(&mut h, "➕ Nieuw project");
    type_into(&mut h, Role::TextInput, "Naam van de regio", " West");
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run_steps(3);
    assert!(
        h.query_by_label("Wijzigingen opslaan?").is_some(),
        "the prompt appears"
    );
    click(&mut h, "Annuleren");
    assert!(h.query_by_label("Wijzigingen opslaan?").is_none());
    assert_eq!(
        project(&h).region.name,
        "Nieuwe regio West",
        "nothing was lost"
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run_steps(3);
    click(&mut h, "Niet opslaan");
    assert_eq!(
        project(&h).region.name,
        "Nieuwe regio",
        "a new project after discarding"
    );
}

#[test]
fn a_sample_opens_and_the_stepper_shows_what_is_missing() {
    let mut h = harness(None, None);
    click(&mut h, "📘 Voorbeeld: Utrecht (naar het Utrechtse model)");
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
    click(
        &mut h,
        "📘 Voorbeeld: Regio Rivierenland (fictief, meerdere gemeenten)",
    );
    assert_eq!(project(&h).cycles.len(), 1);
    // it asks first, saying what goes along and what stays; cancelling changes nothing
    click(&mut h, "⟳ Volgende cyclus starten");
    assert_eq!(project(&h).cycles.len(), 1, "one click does not start it");
    assert!(h.query_by_label("Volgende cyclus starten?").is_some());
    assert!(
        h.query_by_label_contains("Gaat mee naar de nieuwe cyclus")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("Blijft in de oude cyclus")
            .is_some()
    );
    click(&mut h, "Annuleren");
    assert_eq!(project(&h).cycles.len(), 1);
    assert!(!h.state().is_dirty());

    click(&mut h, "⟳ Volgende cyclus starten");
    click(&mut h, "Cyclus starten");
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

#[test]
fn the_interface_switches_to_english() {
    let mut h = harness(None, None);
    click(&mut h, "📘 Voorbeeld: Utrecht (naar het Utrechtse model)");
    h.state_mut()
        .state
        .pending
        .push(kompas::app::Message::SetLang(Lang::En));
    h.run_steps(3);
    assert!(h.query_by_label_contains("3  Societal outcomes").is_some());
    assert_eq!(
        h.state().state.prefs.lang,
        Lang::En,
        "remembered in the preferences"
    );
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/csv")
        .join(name)
}

#[test]
fn a_csv_import_shows_its_measurements_in_the_indicator_table() {
    fn choose_region(h: &mut Harness<'_, KompasApp>, option: &str) {
        h.get_by_role_and_label(Role::ComboBox, "Regio").hover();
        h.run_steps(1);
        h.get_by_role_and_label(Role::ComboBox, "Regio").click();
        h.run_steps(3);
        h.get_by_role_and_label(Role::Button, option).click();
        h.run_steps(3);
    }
    let mut h = harness_with(Answer {
        open: None,
        save: None,
        csv_open: Some(fixture("statline.csv")),
        csv_save: None,
    });
    click(
        &mut h,
        "📘 Voorbeeld: Regio Rivierenland (fictief, meerdere gemeenten)",
    );
    go_to_step(&mut h, "5  Evaluatie");
    let first = project(&h).cycles[0].indicators().next().unwrap().id;
    let before = project(&h).cycles[0].evaluation.measurements.len();
    assert!(h.query_by_value("41,5").is_none());

    // Open the import for the first indicator, look at it, and cancel: nothing changes.
    h.query_all_by_label("📥 Importeren uit CSV…")
        .next()
        .expect("an import button per indicator")
        .click();
    h.run_steps(3);
    settle(&mut h);
    assert!(
        h.query_by_label("Metingen importeren: statline.csv")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("Herkend als tabel van CBS open data")
            .is_some()
    );
    // two regions in the file: nothing to import until one is chosen
    assert!(
        h.query_by_label_contains("cijfers van meerdere regio's")
            .is_some()
    );
    assert!(h.query_by_label("0 metingen importeren").is_some());
    choose_region(&mut h, "GM0344");
    assert!(h.query_by_label_contains("'4x4' is geen getal").is_some());
    click(&mut h, "Annuleren");
    assert!(h.state().state.import.is_none());
    assert_eq!(project(&h).cycles[0].evaluation.measurements.len(), before);
    assert!(!h.state().is_dirty());

    // Again, and import this time (the file is read in the background: wait for it).
    h.query_all_by_label("📥 Importeren uit CSV…")
        .next()
        .unwrap()
        .click();
    h.run_steps(3);
    settle(&mut h);
    choose_region(&mut h, "GM0344");
    click(&mut h, "4 metingen importeren");
    assert!(h.state().state.import.is_none());
    let c = &project(&h).cycles[0];
    assert_eq!(c.evaluation.measurements.len(), before + 4);
    let imported: Vec<f64> = c
        .measurements_of(first)
        .iter()
        .filter(|m| m.source == "CBS StatLine")
        .filter_map(|m| m.value)
        .collect();
    assert_eq!(imported, vec![52.0, 48.0, 45.0, 41.5]);
    assert!(h.state().is_dirty());
    // The table under the chart shows them, in the user's number format.
    h.run_steps(3);
    assert!(
        h.query_all_by_value("41,5").next().is_some(),
        "41,5 in the table"
    );
    assert!(h.query_all_by_value("52").next().is_some());
    assert!(
        h.query_all_by_value("31-03-2023").next().is_some(),
        "its date"
    );
    // and one undo takes the whole import back
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert_eq!(project(&h).cycles[0].evaluation.measurements.len(), before);
}

#[test]
fn the_dashboard_shows_every_outcome_with_status_and_interventions() {
    let mut h = harness(None, None);
    click(
        &mut h,
        "📘 Voorbeeld: Regio Rivierenland (fictief, meerdere gemeenten)",
    );
    click(&mut h, "📊  Dashboard");
    let c = project(&h).cycles[0].clone();
    for o in &c.outcomes {
        assert!(h.query_by_label(&o.title).is_some(), "outcome {}", o.title);
        for i in &o.indicators {
            assert!(h.query_by_label(&i.name).is_some(), "indicator {}", i.name);
        }
    }
    // a status pill for every indicator, and the judgement of a linked intervention
    let pills = h.query_all_by_label_contains("• ").count();
    assert!(pills >= c.indicators().count(), "{pills} pills");
    assert!(h.query_all_by_label_contains("besluit: ").next().is_some());
    // Ctrl+PageUp goes back to the evaluation step
    h.key_press_modifiers(Modifiers::COMMAND, Key::PageUp);
    h.run_steps(3);
    assert!(h.query_by_label("5. Evaluatie").is_some());
}

#[test]
fn scoring_the_scan_shows_the_average_against_the_national_figure() {
    let mut h = harness(None, None);
    click(
        &mut h,
        "📘 Voorbeeld: Regio Rivierenland (fictief, meerdere gemeenten)",
    );
    go_to_step(&mut h, "1  Analyse");
    // the sample's first scan shows the largest gap between partners
    assert!(
        h.query_by_label_contains("Onderling vertrouwen: Gemeente")
            .is_some()
    );
    let responses = project(&h).cycles[0].analysis.scan.responses.len();
    let combo = By::new()
        .role(Role::ComboBox)
        .label("➕ Scores invoeren voor");
    h.get(combo.clone()).scroll_to_me();
    h.run_steps(2);
    h.get(combo.clone()).hover();
    h.run_steps(1);
    h.get(combo).click();
    h.run_steps(3);
    click(&mut h, "Regionaal Bureau Leerplicht");
    let scan = &project(&h).cycles[0].analysis.scan;
    assert_eq!(scan.responses.len(), responses + 1);
    // score the first statement 5 by clicking its button
    let statement = kompas::i18n::statement_text("vision.1");
    let buttons = h
        .query_all(By::new().label(&statement).role(Role::Button))
        .count();
    assert_eq!(buttons, 6, "1 to 5 and 'no view'");
    h.query_all(By::new().label(&statement).role(Role::Button))
        .nth(4)
        .expect("the button for 5")
        .click();
    h.run_steps(3);
    let r = project(&h).cycles[0]
        .analysis
        .scan
        .responses
        .last()
        .unwrap();
    assert_eq!(
        r.scores.get("vision.1"),
        Some(&kompas::model::Score::Value(5))
    );
    assert_eq!(r.factor_average(kompas::model::Factor::Vision), Some(5.0));
}

#[test]
fn the_cycle_exports_to_csv_from_the_file_menu() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("rivierenland.csv");
    let mut h = harness_with(Answer {
        open: None,
        save: None,
        csv_open: None,
        csv_save: Some(out.clone()),
    });
    click(
        &mut h,
        "📘 Voorbeeld: Regio Rivierenland (fictief, meerdere gemeenten)",
    );
    click(&mut h, "Bestand");
    click(&mut h, "Indicatoren exporteren naar CSV…");
    let text = std::fs::read_to_string(&out).expect("the export was written");
    let c = &project(&h).cycles[0];
    assert_eq!(text.lines().count(), 1 + c.evaluation.measurements.len());
    assert!(text.starts_with("Maatschappelijk resultaat;Indicator;"));
    assert!(
        h.query_by_label_contains("Geëxporteerd naar rivierenland.csv")
            .is_some()
    );
    // exporting is not an edit
    assert!(!h.state().is_dirty());
}

/// Opens `file` in a fresh window and changes the region's name through the form.
fn open_and_edit(answer: Answer, file: &std::path::Path) -> Harness<'static, KompasApp> {
    assert_eq!(answer.open.as_deref(), Some(file));
    let mut h = harness_with(answer);
    click(&mut h, "📂 Project openen");
    go_to_step(&mut h, "Regio en partners");
    type_into(&mut h, Role::TextInput, "Naam van de regio", " (bewerkt)");
    assert!(h.state().is_dirty());
    h
}

#[test]
fn a_failed_save_keeps_the_work_and_save_as_elsewhere_works() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("gedeelde-map");
    std::fs::create_dir(&sub).unwrap();
    let file = sub.join("regio.ron");
    let elsewhere = dir.path().join("elders.ron");
    let sample = &kompas::samples::SAMPLES[1];
    std::fs::write(&file, sample.content).unwrap();
    let mut h = open_and_edit(
        Answer {
            open: Some(file.clone()),
            save: Some(elsewhere.clone()),
            csv_open: None,
            csv_save: None,
        },
        &file,
    );
    // the folder disappears (a USB stick pulled, a network share gone)
    std::fs::remove_dir_all(&sub).unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(
        h.query_by_label("regio.ron kon niet worden opgeslagen")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("De map bestaat niet (meer).")
            .is_some()
    );
    assert!(h.state().is_dirty(), "the work is still there, unsaved");
    click(&mut h, "Opslaan als…");
    assert!(!h.state().is_dirty());
    let saved = kompas::storage::load(&elsewhere).unwrap().project;
    assert!(saved.region.name.ends_with("(bewerkt)"));
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("regio.ron");
    let copy = dir.path().join("regio-kopie.ron");
    let sample = &kompas::samples::SAMPLES[1];
    std::fs::write(&file, sample.content).unwrap();
    let mut h = open_and_edit(
        Answer {
            open: Some(file.clone()),
            save: Some(copy.clone()),
            csv_open: None,
            csv_save: None,
        },
        &file,
    );
    // a colleague's version arrives through the sync client
    let mut theirs = kompas::storage::load(&file).unwrap().project;
    theirs.region.name = "Versie van een collega".into();
    kompas::storage::save(&file, &theirs).unwrap();
    let their_bytes = std::fs::read(&file).unwrap();

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(
        h.query_by_label("Het bestand is intussen gewijzigd")
            .is_some()
    );
    click(&mut h, "Annuleren");
    assert_eq!(std::fs::read(&file).unwrap(), their_bytes, "untouched");
    assert!(h.state().is_dirty());

    // save ours as a new file: both versions exist
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    click(&mut h, "Opslaan als nieuw bestand…");
    assert_eq!(std::fs::read(&file).unwrap(), their_bytes);
    let ours = kompas::storage::load(&copy).unwrap().project;
    assert!(ours.region.name.ends_with("(bewerkt)"));
    assert!(!h.state().is_dirty());

    // and our own new file, unchanged by others, saves without a question
    type_into(&mut h, Role::TextInput, "Naam van de regio", "!");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(h.state().state.dialog.is_none());
    assert!(
        kompas::storage::load(&copy)
            .unwrap()
            .project
            .region
            .name
            .ends_with('!')
    );
}

#[test]
fn overwriting_a_changed_file_is_possible_when_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("regio.ron");
    std::fs::write(&file, kompas::samples::SAMPLES[1].content).unwrap();
    let mut h = open_and_edit(
        Answer {
            open: Some(file.clone()),
            save: None,
            csv_open: None,
            csv_save: None,
        },
        &file,
    );
    let mut theirs = kompas::storage::load(&file).unwrap().project;
    theirs.region.name = "Versie van een collega".into();
    kompas::storage::save(&file, &theirs).unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    // first a look at what differs: their region name against ours
    click(&mut h, "Vergelijken");
    assert!(
        h.query_by_label_contains("+ name: \"Versie van een collega\"")
            .is_some()
    );
    assert!(h.query_by_label_contains("− name: \"").is_some());
    click(&mut h, "Toch overschrijven");
    settle(&mut h);
    assert!(!h.state().is_dirty());
    let on_disk = kompas::storage::load(&file).unwrap().project;
    assert!(on_disk.region.name.ends_with("(bewerkt)"));
    // their version is kept beside the file, not only in the .bak until the next save
    let others: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("regio (andere versie "))
        .collect();
    assert_eq!(others.len(), 1, "{others:?}");
    let kept = kompas::storage::load(&others[0]).unwrap().project;
    assert_eq!(kept.region.name, "Versie van een collega");
    assert!(
        h.query_by_label_contains("De andere versie staat ernaast")
            .is_some()
    );
}

fn asked_to_close(h: &Harness<'_, KompasApp>) -> bool {
    h.output()
        .viewport_output
        .values()
        .any(|v| v.commands.contains(&egui::ViewportCommand::Close))
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let mut h = harness(None, None);
    click(&mut h, "➕ Nieuw project");
    type_into(&mut h, Role::TextInput, "Naam van de regio", " Oost");
    // the window's close button
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run_steps(3);
    assert!(h.query_by_label("Wijzigingen opslaan?").is_some());
    click(&mut h, "Annuleren");
    assert!(h.state().state.doc.is_some() && h.state().is_dirty());
    assert!(!asked_to_close(&h));
    // Ctrl+Q asks the same; "don't save" then really closes
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run_steps(3);
    assert!(h.query_by_label("Wijzigingen opslaan?").is_some());
    h.get_by_label("Niet opslaan").hover();
    h.run_steps(1);
    h.get_by_label("Niet opslaan").click();
    h.run_steps(1);
    assert!(asked_to_close(&h), "the window closes after 'don't save'");
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

#[test]
fn workshop_mode_is_entered_moved_through_and_left_with_the_keyboard() {
    let mut h = harness(None, None);
    click(
        &mut h,
        "📘 Voorbeeld: Regio Rivierenland (fictief, meerdere gemeenten)",
    );
    key(&mut h, Key::F5);
    assert_eq!(workshop_page(&h), Some(0));
    assert!(h.query_by_label("Werksessie").is_some(), "the title page");
    assert!(
        h.query_all_by_label("Regio Rivierenland (fictief)")
            .next()
            .is_some()
    );
    // the editing chrome is hidden
    assert!(h.query_by_label("Bestand").is_none());
    key(&mut h, Key::PageDown);
    assert_eq!(workshop_page(&h), Some(1));
    assert!(h.query_by_label("1. Analyse").is_some());
    assert!(
        h.query_by_label_contains("Hoe gaat het met de kinderen")
            .is_some(),
        "guidance"
    );
    key(&mut h, Key::ArrowRight);
    assert_eq!(workshop_page(&h), Some(2));
    key(&mut h, Key::PageUp);
    key(&mut h, Key::ArrowLeft);
    key(&mut h, Key::ArrowLeft);
    assert_eq!(workshop_page(&h), Some(0), "it stops at the first page");
    // one page per outcome
    let outcomes = project(&h).cycles[0].outcomes.clone();
    for _ in 0..4 {
        key(&mut h, Key::PageDown);
    }
    assert!(h.query_by_label(&outcomes[0].title).is_some());
    key(&mut h, Key::Escape);
    assert_eq!(workshop_page(&h), None);
    assert!(h.query_by_label("Bestand").is_some(), "back to the editor");
}

#[test]
fn the_group_adds_a_signal_and_a_tip_without_leaving_workshop_mode() {
    let mut h = harness(None, None);
    click(
        &mut h,
        "📘 Voorbeeld: Regio Rivierenland (fictief, meerdere gemeenten)",
    );
    key(&mut h, Key::F5);
    key(&mut h, Key::PageDown);
    let signals = project(&h).cycles[0].analysis.signals.len();
    type_into(
        &mut h,
        Role::TextInput,
        "Nieuw signaal",
        "Ouders wachten lang op een plek",
    );
    // arrow keys move in the field, they do not turn the page; Enter adds
    key(&mut h, Key::ArrowLeft);
    assert_eq!(workshop_page(&h), Some(1));
    key(&mut h, Key::Enter);
    let c = &project(&h).cycles[0];
    assert_eq!(c.analysis.signals.len(), signals + 1);
    assert_eq!(
        c.analysis.signals.last().unwrap().text,
        "Ouders wachten lang op een plek"
    );
    type_into(
        &mut h,
        Role::TextInput,
        "💡 Tip of advies",
        "Vraag de ouderraad mee",
    );
    h.key_press(Key::Enter);
    h.run_steps(3);
    let tip = project(&h).tips.last().expect("a tip").clone();
    assert_eq!(tip.text, "Vraag de ouderraad mee");
    assert_eq!(tip.step, Some(kompas::model::Step::Analysis));
    assert_eq!(tip.cycle, Some(project(&h).cycles[0].id));
    assert!(workshop_page(&h).is_some(), "still in workshop mode");
}

#[test]
fn the_timer_counts_down_on_the_clock_pauses_resets_and_signals_at_zero() {
    let mut h = harness(None, None);
    click(
        &mut h,
        "📘 Voorbeeld: Regio Rivierenland (fictief, meerdere gemeenten)",
    );
    key(&mut h, Key::F5);
    let mut time = 100.0;
    let mut at = |h: &mut Harness<'_, KompasApp>, t: f64| {
        time = t;
        h.input_mut().time = Some(time);
        h.run_steps(2);
    };
    at(&mut h, 100.0);
    click(&mut h, "10 min");
    assert!(h.query_by_label("⏱ 10:00").is_some());
    click(&mut h, "Start");
    at(&mut h, 160.0);
    assert!(h.query_by_label("⏱ 9:00").is_some(), "a minute later");
    click(&mut h, "Pauze");
    at(&mut h, 400.0);
    assert!(h.query_by_label("⏱ 9:00").is_some(), "paused");
    click(&mut h, "Start");
    at(&mut h, 430.0);
    assert!(h.query_by_label("⏱ 8:30").is_some());
    assert!(h.query_by_label("Tijd is om").is_none());
    at(&mut h, 1000.0);
    assert!(h.query_by_label("⏱ 0:00").is_some());
    assert!(
        h.query_by_label("Tijd is om").is_some(),
        "the signal at zero"
    );
    assert!(
        h.state().state.dialog.is_none(),
        "no dialog takes the focus"
    );
    click(&mut h, "Opnieuw");
    assert!(h.query_by_label("⏱ 10:00").is_some());
    assert!(h.query_by_label("Tijd is om").is_none());
}

#[test]
fn a_meeting_action_past_its_date_shows_as_overdue() {
    let mut h = harness(None, None);
    click(&mut h, "➕ Nieuw project");
    click(&mut h, "➕ Partner toevoegen");
    type_into(&mut h, Role::TextInput, "Naam", "Gemeente Testland");
    click(&mut h, "📅  Overleggen en acties");
    click(&mut h, "➕ Overleg toevoegen");
    type_into(&mut h, Role::TextInput, "Naam", "OOGO maart");
    click(&mut h, "➕ Actie toevoegen");
    type_into(
        &mut h,
        Role::TextInput,
        "Wat",
        "Notitie frictiepot schrijven",
    );
    type_into(&mut h, Role::TextInput, "Uiterlijk", "01-03-2020");
    h.get_by_role_and_label(Role::ComboBox, "Wie (partner)")
        .click();
    h.run_steps(3);
    h.get_by_role_and_label(Role::Button, "Gemeente Testland")
        .click();
    h.run_steps(3);
    let m = &project(&h).meetings[0];
    assert_eq!(m.title, "OOGO maart");
    let a = &m.actions[0];
    assert_eq!(a.due, chrono::NaiveDate::from_ymd_opt(2020, 3, 1));
    assert!(a.owner.is_some());
    // the overview marks it
    h.run_steps(2);
    assert!(h.query_by_label_contains("1 acties zijn te laat").is_some());
    assert!(h.query_by_label_contains("01-03-2020  ⚠ te laat").is_some());
    // finished: no longer overdue
    h.get_by_role_and_label(Role::ComboBox, "Status").click();
    h.run_steps(3);
    h.get_by_role_and_label(Role::Button, "Afgerond").click();
    h.run_steps(3);
    assert!(h.query_by_label_contains("te laat").is_none());
}

#[test]
fn intervision_tips_appear_in_the_step_they_are_tagged_with() {
    let mut h = harness(None, None);
    click(&mut h, "📘 Voorbeeld: Utrecht (naar het Utrechtse model)");
    // the sample's session already has a tip for step 4 of this cycle
    go_to_step(&mut h, "4  Interventies");
    assert!(h.query_by_label_contains("Advies uit intervisie").is_some());
    assert!(h.query_by_label_contains("maximale wachttijd").is_some());
    // a new session with a tip, tagged with step 1
    click(&mut h, "💬  Intervisie");
    click(&mut h, "➕ Sessie toevoegen");
    let before = project(&h).tips.len();
    click(&mut h, "➕ Tip toevoegen");
    assert_eq!(project(&h).tips.len(), before + 1);
    let fields: Vec<_> = h
        .query_all(By::new().role(Role::MultilineTextInput).label("💡"))
        .collect();
    let last = fields.last().expect("the new tip's field");
    last.focus();
    h.run_steps(2);
    h.query_all(By::new().role(Role::MultilineTextInput).label("💡"))
        .last()
        .unwrap()
        .type_text("Laat de leerplichtambtenaar aanschuiven");
    h.run_steps(2);
    let id = project(&h).tips.last().unwrap().id;
    h.get_by_role_and_label(Role::ComboBox, "Stap").click();
    h.run_steps(3);
    h.get_by_role_and_label(Role::Button, "Analyse").click();
    h.run_steps(3);
    assert_eq!(
        project(&h).tips.last().unwrap().step,
        Some(kompas::model::Step::Analysis)
    );
    go_to_step(&mut h, "1  Analyse");
    assert!(
        h.query_by_label("Laat de leerplichtambtenaar aanschuiven")
            .is_some()
    );
    // the case owner marks it as taken up, in the step
    let boxes: Vec<_> = h
        .query_all(By::new().role(Role::CheckBox).label("overgenomen"))
        .collect();
    assert_eq!(boxes.len(), 1);
    boxes[0].click();
    h.run_steps(3);
    let tip = project(&h).tips.iter().find(|t| t.id == id).unwrap();
    assert!(tip.taken_up);
}

#[test]
fn general_lessons_are_saved_as_text_for_other_regions() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("lessen.txt");
    let mut h = harness_with(Answer {
        open: None,
        save: None,
        csv_open: None,
        csv_save: Some(out.clone()),
    });
    click(&mut h, "📘 Voorbeeld: Utrecht (naar het Utrechtse model)");
    click(&mut h, "💬  Intervisie");
    click(&mut h, "➕ Sessie toevoegen");
    click(&mut h, "➕ Les toevoegen");
    type_into(
        &mut h,
        Role::MultilineTextInput,
        "Les 1",
        "Begin klein, op twee scholen",
    );
    click(&mut h, "💾 Lessen opslaan als tekst…");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("Lessen uit intervisie"));
    assert!(text.contains("- Begin klein, op twee scholen"));
}

#[test]
fn the_region_overview_opens_a_folder_without_freezing_and_opens_a_region() {
    let dir = tempfile::tempdir().unwrap();
    for s in kompas::samples::SAMPLES {
        std::fs::write(dir.path().join(s.file_name), s.content).unwrap();
    }
    std::fs::write(dir.path().join("kapot.ron"), "(format_version: 2,").unwrap();
    let mut h = harness_with(Answer {
        open: None,
        save: None,
        csv_open: Some(dir.path().to_path_buf()),
        csv_save: None,
    });
    click(&mut h, "📁 Regio-overzicht (map met projecten)…");
    // loading happens in the background; frames keep coming meanwhile
    wait_for_overview(&mut h);
    h.run_steps(2);
    assert!(h.query_by_label("Regio-overzicht").is_some());
    assert!(h.query_by_label("2 regio's").is_some());
    assert!(
        h.query_by_label_contains("kapot.ron").is_some(),
        "the broken file is listed"
    );
    // sorting by a column
    click(&mut h, "Indicatoren op koers");
    assert_eq!(
        h.state().state.overview.as_ref().unwrap().sort,
        (kompas::state::Measure::OnTrack, true)
    );
    click(&mut h, "Utrecht (voorbeeld)");
    assert!(h.state().state.overview.is_none());
    assert_eq!(project(&h).region.name, "Utrecht (voorbeeld)");
}

#[test]
fn an_export_with_personal_data_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("rapport.html");
    let mut h = harness_with(Answer {
        open: None,
        save: None,
        csv_open: None,
        csv_save: Some(out.clone()),
    });
    click(&mut h, "📘 Voorbeeld: Utrecht (naar het Utrechtse model)");
    go_to_step(&mut h, "1  Analyse");
    click(&mut h, "➕ Aandachtspunt toevoegen");
    type_into(
        &mut h,
        Role::MultilineTextInput,
        "Aandachtspunt 1",
        "Mail j.jansen@school.nl",
    );
    // the field warns at once
    assert!(
        h.query_by_label_contains("Dit lijkt een e-mailadres")
            .is_some()
    );
    click(&mut h, "Bestand");
    click(&mut h, "Rapport exporteren (HTML)…");
    assert!(
        h.query_by_label("⚠ Mogelijk persoonsgegevens gevonden")
            .is_some()
    );
    click(&mut h, "Annuleren");
    assert!(!out.exists(), "nothing exported after cancel");
    click(&mut h, "Bestand");
    click(&mut h, "Rapport exporteren (HTML)…");
    click(&mut h, "Toch exporteren");
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("<h2>1. Analyse</h2>"));
}

/// In English, no screen shows a Dutch interface text (the content of the sample stays Dutch).
#[test]
fn every_screen_is_english_when_english_is_chosen() {
    use std::cell::RefCell;
    let table = kompas::i18n::parse_table(kompas::i18n::SOURCE).unwrap();
    let english: std::collections::HashSet<&str> =
        table.values().map(|(_, en)| en.as_str()).collect();
    let dutch: std::collections::HashSet<&str> = table
        .values()
        .map(|(nl, _)| nl.as_str())
        .filter(|nl| nl.chars().count() > 3 && !english.contains(nl))
        .collect();
    let mut h = harness(None, None);
    click(&mut h, "📘 Voorbeeld: Utrecht (naar het Utrechtse model)");
    h.state_mut()
        .state
        .pending
        .push(kompas::app::Message::SetLang(Lang::En));
    h.run_steps(3);
    let seen = RefCell::new(Vec::<String>::new());
    let collect = |h: &mut Harness<'_, KompasApp>| {
        h.run_steps(3);
        let _ = h
            .query_all(By::new().predicate(|n| {
                if let Some(l) = n.label() {
                    seen.borrow_mut().push(l.to_string());
                }
                false
            }))
            .count();
    };
    let mut views = vec![View::Region];
    views.extend(kompas::model::Step::ALL.iter().map(|s| View::Step(*s)));
    views.extend([View::Dashboard, View::Meetings, View::Intervision]);
    for v in views {
        h.state_mut().state.doc.as_mut().unwrap().view = v;
        collect(&mut h);
    }
    h.key_press(Key::F5);
    for _ in 0..5 {
        collect(&mut h);
        h.key_press(Key::PageDown);
    }
    let labels = seen.into_inner();
    assert!(labels.len() > 300, "only {} labels seen", labels.len());
    let dutch_left: Vec<&String> = labels
        .iter()
        .filter(|l| {
            let text = l.trim_start_matches(|c: char| !c.is_alphanumeric()).trim();
            dutch.contains(text)
        })
        .collect();
    assert!(
        dutch_left.is_empty(),
        "Dutch interface texts in English: {dutch_left:?}"
    );
}

/// On a long page (step 5 with its indicator cards) only the cards on screen are built; a card
/// further down appears, with its fields, once it is scrolled to.
#[test]
fn cards_out_of_sight_are_drawn_when_scrolled_to() {
    let mut p = kompas::stress::region(5, kompas::stress::Size::REGION, "Testregio");
    let last = p.cycles.len() - 1;
    let ind = p.cycles[last]
        .outcomes
        .iter_mut()
        .flat_map(|o| o.indicators.iter_mut())
        .last()
        .unwrap();
    ind.name = "Onderaan de pagina".into();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(|_cc| {
            KompasApp::with_dialogs(
                Prefs {
                    lang: Lang::Nl,
                    ..Prefs::default()
                },
                Box::new(Answer {
                    open: None,
                    save: None,
                    csv_open: None,
                    csv_save: None,
                }),
            )
        });
    let mut doc = kompas::app::OpenDoc::new(p.clone(), None, "t.ron".into(), p);
    doc.cycle = last;
    doc.view = View::Step(kompas::model::Step::Evaluation);
    h.state_mut().state.doc = Some(doc);
    h.run_steps(4);
    assert!(
        h.query_by_label_contains("Onderaan de pagina").is_none(),
        "the last card is below the window and not built"
    );
    for _ in 0..40 {
        h.event(egui::Event::PointerMoved(egui::pos2(640.0, 400.0)));
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -400.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: Modifiers::NONE,
        });
        h.run_steps(2);
        if h.query_by_label_contains("Onderaan de pagina").is_some() {
            break;
        }
    }
    assert!(
        h.query_by_label_contains("Onderaan de pagina").is_some(),
        "scrolled to, the card is there"
    );
}

// ---------------------------------------------------------------- no waiting on disk

/// A large project file (several megabytes) written to a temporary folder.
fn large_file(dir: &std::path::Path) -> (PathBuf, kompas::model::Project) {
    let size = kompas::stress::Size {
        cycles: 6,
        ambitions: 20,
        indicators_per_ambition: 10,
        measurements_per_indicator_per_cycle: 5,
        interventions: 20,
    };
    let p = kompas::stress::region(8, size, "Grote regio");
    let file = dir.join("groot.ron");
    kompas::storage::save(&file, &p).unwrap();
    (file, p)
}

#[test]
fn opening_a_large_file_shows_progress_and_the_window_keeps_running() {
    let dir = tempfile::tempdir().unwrap();
    let (file, p) = large_file(dir.path());
    let mut h = harness(Some(file.clone()), None);
    h.get_by_label("📂 Project openen").click();
    h.run_steps(1);
    assert!(
        h.state().state.job.is_some() && h.state().state.doc.is_none(),
        "the frame that asked ended without waiting for the file"
    );
    h.run_steps(1);
    assert!(
        h.query_all_by_label_contains("groot.ron openen").count() > 0,
        "the window says what it is doing"
    );
    settle(&mut h);
    assert_eq!(project(&h), &p);
    assert!(!h.state().is_dirty());
    assert_eq!(h.query_all_by_label_contains("groot.ron openen").count(), 0);
}

#[test]
fn editing_during_a_save_stays_unsaved_and_the_file_holds_the_moment_of_saving() {
    let dir = tempfile::tempdir().unwrap();
    let (file, p) = large_file(dir.path());
    let mut h = harness(Some(file.clone()), None);
    click(&mut h, "📂 Project openen");
    go_to_step(&mut h, "Regio en partners");
    type_into(&mut h, Role::TextInput, "Naam van de regio", " Noord");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(1);
    assert!(
        h.state().state.job.is_some(),
        "saving runs in the background"
    );
    // the user goes on typing while the file is written
    type_into(&mut h, Role::TextInput, "Naam van de regio", " en Zuid");
    settle(&mut h);
    let on_disk = kompas::storage::load(&file).unwrap().project;
    assert_eq!(on_disk.region.name, format!("{} Noord", p.region.name));
    assert_eq!(
        project(&h).region.name,
        format!("{} Noord en Zuid", p.region.name)
    );
    assert!(
        h.state().is_dirty(),
        "what was typed after saving began is unsaved"
    );
    assert!(h.state().window_title().starts_with('•'));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(!h.state().is_dirty());
}

#[test]
fn closing_while_saving_waits_for_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (file, p) = large_file(dir.path());
    let mut h = harness(Some(file.clone()), None);
    click(&mut h, "📂 Project openen");
    go_to_step(&mut h, "Regio en partners");
    type_into(&mut h, Role::TextInput, "Naam van de regio", " Oost");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(1);
    assert!(h.state().state.job.is_some());
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run_steps(1);
    assert!(
        h.state().state.closing_after_job(),
        "the close waits for the save"
    );
    assert!(
        h.query_by_label("Kompas sluit zodra dit klaar is.")
            .is_some()
    );
    assert!(
        h.state().state.dialog.is_none(),
        "nothing to ask: the work is being saved"
    );
    settle(&mut h);
    let on_disk = kompas::storage::load(&file).unwrap().project;
    assert_eq!(on_disk.region.name, format!("{} Oost", p.region.name));
    assert!(!h.state().is_dirty());
}

/// A long series (ten years of weekly figures) scrolls inside its table, which builds only the
/// rows in view.
#[test]
fn a_long_series_builds_only_the_rows_in_view() {
    let mut p = kompas::stress::region(5, kompas::stress::Size::REGION, "Testregio");
    let last = p.cycles.len() - 1;
    let ind = p.cycles[last].indicators().next().unwrap().id;
    let start = chrono::NaiveDate::from_ymd_opt(2015, 1, 5).unwrap();
    for week in 0..520 {
        let id = p.new_id();
        p.cycles[last]
            .evaluation
            .measurements
            .push(kompas::model::Measurement {
                id,
                indicator: ind,
                date: Some(start + chrono::Duration::weeks(week)),
                value: Some(week as f64),
                source: format!("week {week}"),
                note: String::new(),
            });
    }
    let mut h = harness(None, None);
    let mut doc = kompas::app::OpenDoc::new(p.clone(), None, "t.ron".into(), p);
    doc.cycle = last;
    doc.view = View::Step(kompas::model::Step::Evaluation);
    h.state_mut().state.doc = Some(doc);
    h.run_steps(4);
    let built = h
        .query_all_by_role_and_label(Role::TextInput, "Bron")
        .count();
    assert!(
        (5..=40).contains(&built),
        "{built} source fields built for 520+ rows"
    );
    assert!(
        h.query_all_by_value("week 0").count() > 0,
        "the first rows are there"
    );
    assert_eq!(
        h.query_all_by_value("week 519").count(),
        0,
        "the last rows are not built"
    );
}

/// Deleting a partner takes its links out of every cycle, also the ones not on screen; undo
/// brings them all back (the check after such an edit covers the whole document).
#[test]
fn undo_of_a_removal_restores_links_in_cycles_not_on_screen() {
    let mut h = harness(None, None);
    click(&mut h, "📘 Voorbeeld: Utrecht (naar het Utrechtse model)");
    go_to_step(&mut h, "Regio en partners");
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
    let before = p.assess_indicator(iid).unwrap();
    assert_ne!(before.status, Status::Reached);
    let mut h = harness(None, None);
    let mut doc = kompas::app::OpenDoc::new(p.clone(), None, "t.ron".into(), p);
    doc.view = View::Step(Step::Evaluation);
    h.state_mut().state.doc = Some(doc);
    h.run_steps(3);
    click(&mut h, "➕ Meting toevoegen");
    let p = project(&h);
    assert_eq!(p.cycles[0].evaluation.measurements.len(), 2);
    assert_eq!(p.cycles[0].evaluation.measurements[1].value, None);
    assert_eq!(p.assess_indicator(iid).unwrap(), before);
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
    assert_eq!(p.assess_indicator(iid).unwrap().status, Status::Reached);
}

/// "Aantal personen" in the indicator editor: it shows the default from the unit until the
/// user decides, and what the user ticks is kept (and followed by every export).
#[test]
fn the_indicator_editor_says_whether_its_figures_count_people() {
    use egui_kittest::kittest::NodeT as _;
    use kompas::model::{Indicator, Outcome, Project, Step};
    let d = |y, m| chrono::NaiveDate::from_ymd_opt(y, m, 1).unwrap();
    let mut p = Project::new("Testregio", d(2024, 8), d(2025, 7));
    let (oid, iid) = (p.new_id(), p.new_id());
    let mut ind = Indicator::new(iid);
    // untitled cards start open
    ind.unit = "jongeren (12-18 jaar)".into();
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
    assert!(
        h.query_by_label_contains("afgeleid van de eenheid")
            .is_some(),
        "the window says the default comes from the unit"
    );
    assert_eq!(
        h.get_by_role_and_label(Role::CheckBox, label)
            .accesskit_node()
            .toggled(),
        Some(egui::accesskit::Toggled::True),
        "an age range in the unit is still a count of people"
    );
    h.get_by_role_and_label(Role::CheckBox, label).click();
    h.run_steps(3);
    let ind = &project(&h).cycles[0].outcomes[0].indicators[0];
    assert_eq!(ind.counts_people, Some(false));
    assert!(
        h.query_by_label_contains("afgeleid van de eenheid")
            .is_none()
    );
}

#[test]
fn removing_says_what_went_with_it_offers_undo_and_a_double_click_removes_one() {
    let mut h = harness(None, None);
    click(
        &mut h,
        "📘 Voorbeeld: Regio Rivierenland (fictief, meerdere gemeenten)",
    );
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

/// A CBS open data table with several regions: the dialog offers each region by code and
/// name, gemeenten first, imports nothing until one is chosen, and then only that region's
/// rows, its indicator's two columns as one series.
#[test]
fn the_import_dialog_offers_regions_by_code_and_name_and_imports_only_the_chosen_one() {
    use egui_kittest::kittest::NodeT as _;
    let mut h = harness_with(Answer {
        open: None,
        save: None,
        csv_open: Some(fixture("cbs-open-data.csv")),
        csv_save: None,
    });
    click(
        &mut h,
        "📘 Voorbeeld: Regio Rivierenland (fictief, meerdere gemeenten)",
    );
    go_to_step(&mut h, "5  Evaluatie");
    let first = project(&h).cycles[0].indicators().next().unwrap().id;
    let before = project(&h).cycles[0].measurements_of(first).len();
    h.query_all_by_label("📥 Importeren uit CSV…")
        .next()
        .unwrap()
        .click();
    h.run_steps(3);
    settle(&mut h);
    assert!(h.query_by_label("0 metingen importeren").is_some());
    assert!(
        h.query_by_label_contains("cijfers van meerdere regio's")
            .is_some()
    );
    h.get_by_role_and_label(Role::ComboBox, "Regio").hover();
    h.run_steps(1);
    h.get_by_role_and_label(Role::ComboBox, "Regio").click();
    h.run_steps(3);
    let options: Vec<String> = h
        .query_all_by_role(Role::Button)
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| l.starts_with("GM") || l.starts_with("WK") || l.starts_with("NL"))
        .collect();
    assert_eq!(
        options[..3],
        ["GM0034 Almere", "GM0050 Zeewolde", "NL01 Nederland"]
    );
    h.get_by_role_and_label(Role::Button, "GM0050 Zeewolde")
        .click();
    h.run_steps(3);
    // Zeewolde: 2024 in the first column, 2025 in both (refused), so one row
    assert!(h.query_by_label_contains("meer dan één kolom").is_some());
    click(&mut h, "1 metingen importeren");
    let c = &project(&h).cycles[0];
    assert_eq!(c.measurements_of(first).len(), before + 1);
    let got: Vec<f64> = c
        .measurements_of(first)
        .iter()
        .filter(|m| m.source == "CBS StatLine")
        .filter_map(|m| m.value)
        .collect();
    assert_eq!(got, vec![8.0]);
}
