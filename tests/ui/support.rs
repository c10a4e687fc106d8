//! The support analysis per school in step 1: typed by keyboard like a spreadsheet, rows
//! pasted from Excel, and the sums with the grey zone under the table.

use super::*;
use kompas::model::{Count, Sector};

/// The last text field with this label (the newest row's).
fn last_field(h: &mut Harness<'_, KompasApp>, label: &str) {
    let node = h
        .query_all_by_role_and_label(Role::TextInput, label)
        .last()
        .expect("a field with this label");
    node.focus();
    h.run_steps(2);
}

fn type_row(h: &mut Harness<'_, KompasApp>, name: &str, counts: [&str; 5]) {
    last_field(h, &nl(key!("support.school")));
    h.event(egui::Event::Text(name.into()));
    h.run_steps(1);
    // Tab: past the sector to the counts, one field after the other
    h.key_press(Key::Tab);
    h.run_steps(1);
    for c in counts {
        h.key_press(Key::Tab);
        h.run_steps(1);
        h.event(egui::Event::Text(c.into()));
        h.run_steps(1);
    }
    h.key_press(Key::Tab);
    h.run_steps(2);
}

#[test]
fn schools_are_typed_by_keyboard_pasted_from_excel_and_summed() {
    let mut h = harness(None, None);
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run_steps(3);
    go_to_step(&mut h, "1  Analyse");
    assert!(h.query_by_label(&nl(key!("support.empty"))).is_some());

    click(&mut h, &icon("➕ ", key!("support.add")));
    type_row(&mut h, "De Linde", ["400", "40", "30", "12", "3"]);
    click(&mut h, &icon("➕ ", key!("support.add")));
    type_row(&mut h, "Het Baken", ["1.200", "90", "60", "30", "0"]);
    let schools = &project(&h).cycles[0].analysis.support.schools;
    assert_eq!(schools.len(), 2);
    assert_eq!(schools[0].name, "De Linde");
    assert_eq!(
        Count::ALL.map(|c| schools[1].count(c)),
        [Some(1200), Some(90), Some(60), Some(30), Some(0)]
    );

    // three rows from a spreadsheet, one of them a school that is here already
    click(&mut h, &icon("📋 ", key!("support.paste")));
    h.get_by_role_and_label(Role::MultilineTextInput, &nl(key!("support.paste_explain")))
        .focus();
    h.run_steps(2);
    h.event(egui::Event::Paste(
        "School\tSector\tLeerlingen\tOndersteuning\tJeugdhulp\tBeide\tWachtend\n\
         De Esch\tvo\t800\t60\t50\t20\t4\n\
         Het Anker\tpo\t250\t20\t25\t10\t0\n\
         De Linde\tpo\t410\t41\t30\t12\t2\n"
            .into(),
    ));
    h.run_steps(2);
    click(&mut h, "3 rijen overnemen");
    assert!(
        h.query_by_label_contains("2 scholen toegevoegd, 1 bijgewerkt")
            .is_some()
    );
    let support = &project(&h).cycles[0].analysis.support;
    assert_eq!(support.schools.len(), 4);
    assert_eq!(support.schools[0].pupils, Some(410), "De Linde updated");
    assert_eq!(support.schools[0].sector, Some(Sector::Po));

    // the region's sums: 410 + 1200 + 800 + 250 pupils, 12 + 30 + 20 + 10 in the grey zone
    assert!(h.query_by_label("2.660").is_some());
    assert!(h.query_by_label("72").is_some());
    // 72 of 41 + 90 + 60 + 20 = 211 with extra support: 34,1 %
    assert!(h.query_by_label("34,1 %").is_some());

    // a row that cannot be right is said in words and counts nowhere
    last_field(&mut h, &nl(key!("support.both")));
    for _ in 0..4 {
        h.key_press(Key::Backspace);
    }
    h.event(egui::Event::Text("99".into()));
    h.run_steps(3);
    assert!(
        h.query_by_label_contains("is groter dan extra ondersteuning")
            .is_some()
    );
    assert_eq!(
        project(&h).cycles[0].analysis.support.totals(None).left_out,
        1
    );
}

#[test]
fn a_school_where_pupils_wait_is_taken_up_as_a_signal_once_linked_to_it() {
    let mut h = harness(None, None);
    click(&mut h, &icon("📘 ", key!("sample.rivierenland")));
    go_to_step(&mut h, "1  Analyse");
    let school = project(&h).cycles[0]
        .analysis
        .support
        .schools
        .iter()
        .find(|r| r.waits_without_responsible())
        .expect("the sample has a school where pupils wait")
        .clone();
    let before = project(&h).cycles[0].analysis.signals.len();
    click(&mut h, &nl(key!("support.to_signal")));
    let signals = &project(&h).cycles[0].analysis.signals;
    assert_eq!(signals.len(), before + 1);
    let s = signals.last().unwrap();
    assert_eq!(s.school, Some(school.id));
    assert_eq!(s.from, kompas::model::SignalSource::SupportAnalysis);
    assert!(
        s.text.starts_with(&school.name) && s.text.contains("14 leerlingen wachten"),
        "{}",
        s.text
    );
    assert!(
        h.query_by_label(&nl(key!("support.to_signal"))).is_none(),
        "once"
    );
    assert!(
        h.query_by_label_contains(&nl(key!("support.is_signal")))
            .is_some()
    );
    // the school removed: the signal stays, its link goes
    let mut p = project(&h).clone();
    p.remove(school.id);
    assert!(
        p.cycles[0]
            .analysis
            .signals
            .last()
            .unwrap()
            .school
            .is_none()
    );
    assert!(p.dangling_links().is_empty());
}

/// The chart under the totals shows every school's bars with their values in words: a small
/// count as "< 5", never the count itself; on the projector the same chart is a page of the
/// data dialogue, whose answers are kept with the support analysis under today's date.
#[test]
fn the_chart_shows_small_counts_as_words_and_its_workshop_page_keeps_the_dialogue() {
    let mut h = harness_sized(None, None, egui::vec2(1024.0, 768.0));
    click(&mut h, &icon("📘 ", key!("sample.rivierenland")));
    go_to_step(&mut h, "1  Analyse");
    // Uiterwaarden: 19, 11, 3 in the grey zone (small), 0 waiting
    let row = "Basisschool Uiterwaarden (voorbeeld): Ondersteuning swv 19, Jeugdhulp 11, \
               Beide (grijs) < 5, Wachtend 0";
    assert!(h.query_by_label(row).is_some(), "{row}");
    // De Waard's 7 in the grey zone is hidden too (else po's sum gives the 3 back)
    assert!(
        h.query_by_label_contains(
            "De Waard (voorbeeld): Ondersteuning swv 26, Jeugdhulp 18, Beide (grijs) • verborgen"
        )
        .is_some()
    );
    // sorted by the grey zone's share: Dijkzicht (9 of 14) first
    let words = format!(": {} ", nl(key!("support.education_support")));
    let first = h
        .query_all_by_label_contains(&words)
        .next()
        .and_then(|n| {
            let a = egui_kittest::kittest::NodeT::accesskit_node(&n);
            a.label().or_else(|| a.value())
        })
        .unwrap();
    assert!(first.starts_with("Basisschool Dijkzicht"), "{first}");
    assert!(first.ends_with("64 % grijs"), "{first}");

    // the projector's page: the same chart, and the three questions typed live
    key(&mut h, Key::F5);
    let pages = kompas::state::pages(&project(&h).cycles[0]);
    let at = pages
        .iter()
        .position(|p| *p == kompas::state::Page::Support)
        .expect("a page for the support analysis");
    for _ in 0..at {
        key(&mut h, Key::PageDown);
    }
    assert_eq!(workshop_page(&h), Some(at));
    assert!(h.query_by_label(row).is_some(), "the chart on the page");
    type_into(
        &mut h,
        Role::MultilineTextInput,
        &nl(key!("dialogue.recognise")),
        "Ja, in het vo wachten ze",
    );
    assert_eq!(workshop_page(&h), Some(at), "typing does not turn the page");
    let today = chrono::Local::now().date_naive();
    let support = &project(&h).cycles[0].analysis.support;
    assert_eq!(
        support.dialogue_on(today).map(|d| d.recognise.as_str()),
        Some("Ja, in het vo wachten ze")
    );
    // Vandaag lists it
    h.ctx.memory_mut(|m| m.stop_text_input());
    h.run_steps(2);
    key(&mut h, Key::End);
    assert!(
        h.query_by_label_contains("Ondersteuningsanalyse per school: Ja, in het vo wachten ze")
            .is_some()
    );
}

/// A support analysis exported by an administration, imported from step 1: the dialog shows
/// what each column holds, the schools it updates or adds and the lines it cannot read;
/// importing puts the figures in the table and the chart (small counts as words), and one
/// Ctrl+Z takes it all back. The measurements' File › Import recognises the same file.
#[test]
fn a_csv_import_of_the_support_analysis_shows_in_the_chart_and_is_undone_at_once() {
    let mut h = harness_with(Answer {
        open: None,
        save: None,
        csv_open: Some(fixture("ondersteuningsanalyse.csv")),
        csv_save: None,
    });
    click(&mut h, &icon("📘 ", key!("sample.rivierenland")));
    go_to_step(&mut h, "1  Analyse");
    let before = project(&h).cycles[0].analysis.support.clone();
    click(&mut h, &icon("📥 ", key!("support.import_button")));
    settle(&mut h);
    h.run_steps(3);
    assert!(
        h.query_by_label("Ondersteuningsanalyse importeren: ondersteuningsanalyse.csv")
            .is_some()
    );
    // each column by its header: the combo box named after it says what it holds
    let combo = h.get_by_role_and_label(Role::ComboBox, "Leerlingen met arrangement én jeugdhulp");
    assert_eq!(
        egui_kittest::kittest::NodeT::accesskit_node(&combo).value(),
        Some("Beide (grijs)".into())
    );
    assert!(
        h.query_by_label_contains("Regel 5 niet overgenomen: 'onbekend' is geen aantal")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("Regel 6 niet overgenomen: een totaalregel")
            .is_some()
    );
    assert_eq!(h.query_all_by_label("bijwerken").count(), 2);
    assert_eq!(h.query_all_by_label("nieuw").count(), 1);
    click(&mut h, "3 scholen importeren");
    assert!(h.state().state.support_import.is_none());
    assert!(
        h.query_by_label_contains("1 school toegevoegd, 2 bijgewerkt")
            .is_some()
    );
    let support = &project(&h).cycles[0].analysis.support;
    assert_eq!(support.schools.len(), before.schools.len() + 1);
    // the chart: De Linge's bars (its 12 waiting hidden: po's other waiting count is De
    // Waard's 4, so po's sum would give it away), De Waard's new figures, 4 waiting as "< 5"
    // and its 8 in the grey zone hidden beside Uiterwaarden's 3
    h.run_steps(3);
    assert!(
        h.query_by_label(
            "Basisschool De Linge (voorbeeld): Ondersteuning swv 96, Jeugdhulp 70, \
             Beide (grijs) 31, Wachtend • verborgen; 32 % grijs"
        )
        .is_some()
    );
    assert!(
        h.query_by_label_contains(
            "Basisschool De Waard (voorbeeld): Ondersteuning swv 28, Jeugdhulp 19, \
             Beide (grijs) • verborgen, Wachtend < 5"
        )
        .is_some()
    );
    // one undo takes the whole import back
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert_eq!(project(&h).cycles[0].analysis.support, before);

    // File › Import of measurements with this file: recognised as a support analysis
    click(&mut h, &nl(key!("menu.file")));
    click(&mut h, &nl(key!("cmd.import_csv")));
    settle(&mut h);
    h.run_steps(3);
    assert!(h.state().state.support_import.is_some());
    assert!(h.state().state.import.is_none());
    click(&mut h, &nl(key!("dialog.cancel")));
    assert!(h.state().state.support_import.is_none());
    assert_eq!(project(&h).cycles[0].analysis.support, before);
}
