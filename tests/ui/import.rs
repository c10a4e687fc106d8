//! Importing measurements from a file: the dialog, the columns, the region.

use super::*;
use kompas::i18n::key;

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
    click(&mut h, &icon("📘 ", key!("sample.rivierenland")));
    go_to_step(&mut h, "5  Evaluatie");
    let first = project(&h).cycles[0].indicators().next().unwrap().id;
    let before = project(&h).cycles[0].evaluation.measurements.len();
    assert!(h.query_by_value("41,5").is_none());

    // Open the import for the first indicator, look at it, and cancel: nothing changes.
    h.query_all_by_label(&icon("📥 ", key!("import.button")))
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
    click(&mut h, &nl(key!("dialog.cancel")));
    assert!(h.state().state.import.is_none());
    assert_eq!(project(&h).cycles[0].evaluation.measurements.len(), before);
    assert!(!h.state().is_dirty());

    // Again, and import this time (the file is read in the background: wait for it).
    h.query_all_by_label(&icon("📥 ", key!("import.button")))
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
    click(&mut h, &icon("📘 ", key!("sample.rivierenland")));
    go_to_step(&mut h, "5  Evaluatie");
    let first = project(&h).cycles[0].indicators().next().unwrap().id;
    let before = project(&h).cycles[0].measurements_of(first).len();
    h.query_all_by_label(&icon("📥 ", key!("import.button")))
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
    click(&mut h, "1 meting importeren");
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
