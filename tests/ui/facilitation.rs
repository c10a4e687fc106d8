//! Facilitating: workshop mode, the timer, meetings and actions, intervision.

use super::*;
use kompas::i18n::key;

#[test]
fn workshop_mode_is_entered_moved_through_and_left_with_the_keyboard() {
    let mut h = harness(None, None);
    click(&mut h, &icon("📘 ", key!("sample.rivierenland")));
    key(&mut h, Key::F5);
    assert_eq!(workshop_page(&h), Some(0));
    assert!(
        h.query_by_label(&nl(key!("workshop.title_page"))).is_some(),
        "the title page"
    );
    assert!(
        h.query_all_by_label("Regio Rivierenland (fictief)")
            .next()
            .is_some()
    );
    // the editing chrome is hidden
    assert!(h.query_by_label(&nl(key!("menu.file"))).is_none());
    key(&mut h, Key::PageDown);
    assert_eq!(workshop_page(&h), Some(1));
    assert!(h.query_by_label(&nl(key!("guide_doc.step1_h"))).is_some());
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
    // one page per outcome (after the support analysis' chart, the scan, the vote, the
    // ambitions and the outcomes)
    let outcomes = project(&h).cycles[0].outcomes.clone();
    for _ in 0..6 {
        key(&mut h, Key::PageDown);
    }
    assert!(h.query_by_label(&outcomes[0].title).is_some());
    key(&mut h, Key::Escape);
    assert_eq!(workshop_page(&h), None);
    assert!(
        h.query_by_label(&nl(key!("menu.file"))).is_some(),
        "back to the editor"
    );
}

#[test]
fn the_group_adds_a_signal_and_a_tip_without_leaving_workshop_mode() {
    let mut h = harness(None, None);
    click(&mut h, &icon("📘 ", key!("sample.rivierenland")));
    key(&mut h, Key::F5);
    key(&mut h, Key::PageDown);
    let signals = project(&h).cycles[0].analysis.signals.len();
    type_into(
        &mut h,
        Role::TextInput,
        &nl(key!("workshop.new_signal")),
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
        &icon("💡 ", key!("workshop.tip")),
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
    click(&mut h, &icon("📘 ", key!("sample.rivierenland")));
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
    click(&mut h, &nl(key!("timer.pause")));
    at(&mut h, 400.0);
    assert!(h.query_by_label("⏱ 9:00").is_some(), "paused");
    click(&mut h, "Start");
    at(&mut h, 430.0);
    assert!(h.query_by_label("⏱ 8:30").is_some());
    assert!(h.query_by_label(&nl(key!("timer.up"))).is_none());
    at(&mut h, 1000.0);
    assert!(h.query_by_label("⏱ 0:00").is_some());
    assert!(
        h.query_by_label(&nl(key!("timer.up"))).is_some(),
        "the signal at zero"
    );
    assert!(
        h.state().state.dialog.is_none(),
        "no dialog takes the focus"
    );
    click(&mut h, "Opnieuw");
    assert!(h.query_by_label("⏱ 10:00").is_some());
    assert!(h.query_by_label(&nl(key!("timer.up"))).is_none());
}

#[test]
fn a_meeting_action_past_its_date_shows_as_overdue() {
    let mut h = harness(None, None);
    click(&mut h, "➕ Nieuw project");
    click(&mut h, &icon("➕ ", key!("partners.add")));
    type_into(&mut h, Role::TextInput, "Naam", "Gemeente Testland");
    click(&mut h, "📅  Overleggen en acties");
    click(&mut h, &icon("➕ ", key!("meetings.add")));
    type_into(&mut h, Role::TextInput, "Naam", "OOGO maart");
    click(&mut h, &icon("➕ ", key!("meeting.action_add")));
    type_into(
        &mut h,
        Role::TextInput,
        "Wat",
        "Notitie frictiepot schrijven",
    );
    type_into(
        &mut h,
        Role::TextInput,
        &nl(key!("action.due")),
        "01-03-2020",
    );
    h.get_by_role_and_label(Role::ComboBox, &nl(key!("action.owner")))
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
    assert!(h.query_by_label_contains("1 actie is te laat").is_some());
    assert!(h.query_by_label_contains("01-03-2020  ⚠ te laat").is_some());
    // finished: no longer overdue
    h.get_by_role_and_label(Role::ComboBox, &nl(key!("action.status")))
        .click();
    h.run_steps(3);
    h.get_by_role_and_label(Role::Button, "Afgerond").click();
    h.run_steps(3);
    assert!(
        h.query_by_label_contains(&nl(key!("actions.overdue")))
            .is_none()
    );
}

#[test]
fn intervision_tips_appear_in_the_step_they_are_tagged_with() {
    let mut h = harness(None, None);
    click(&mut h, &icon("📘 ", key!("sample.utrecht")));
    // the sample's session already has a tip for step 4 of this cycle
    go_to_step(&mut h, "4  Interventies");
    assert!(h.query_by_label_contains("Advies uit intervisie").is_some());
    assert!(h.query_by_label_contains("maximale wachttijd").is_some());
    // a new session with a tip, tagged with step 1
    click(&mut h, "💬  Intervisie");
    click(&mut h, &icon("➕ ", key!("intervision.add")));
    let before = project(&h).tips.len();
    click(&mut h, &icon("➕ ", key!("intervision.tip_add")));
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
    h.get_by_role_and_label(Role::ComboBox, &nl(key!("intervision.step")))
        .click();
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
    click(&mut h, &icon("📘 ", key!("sample.utrecht")));
    click(&mut h, "💬  Intervisie");
    click(&mut h, &icon("➕ ", key!("intervision.add")));
    click(&mut h, "➕ Les toevoegen");
    type_into(
        &mut h,
        Role::MultilineTextInput,
        "Les 1",
        "Begin klein, op twee scholen",
    );
    click(&mut h, &icon("💾 ", key!("intervision.export_lessons")));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("Lessen uit intervisie"));
    assert!(text.contains("- Begin klein, op twee scholen"));
}
