//! Intervision on the projector: the round, its rule and the case question; round timers that
//! keep their own time (in the saved file); a tip typed there linked to the session; a tip
//! made an action; lessons into the evaluation once; the handout without names.

use super::*;
use kompas::model::{Id, Step};

fn utrecht(answer: Answer) -> Harness<'static, KompasApp> {
    let mut h = harness_with(answer);
    click(&mut h, &icon("📘 ", key!("sample.utrecht")));
    h
}

fn no_files() -> Answer {
    Answer {
        open: None,
        save: None,
        csv_open: None,
        csv_save: None,
    }
}

fn presenting(h: &Harness<'_, KompasApp>) -> Option<(Id, usize)> {
    (h.state().state.presenting.as_ref()).map(|p| (p.session, p.round))
}

fn at(h: &mut Harness<'_, KompasApp>, t: f64) {
    h.input_mut().time = Some(t);
    h.run_steps(2);
}

/// Opens the sample's session card on the intervision screen.
fn open_session(h: &mut Harness<'_, KompasApp>) {
    click(h, &format!("💬  {}", nl(key!("view.intervision"))));
    // the arrow in front of the card's title, as a person clicks it
    use egui_kittest::kittest::NodeT;
    let row = (h.get_by_label_contains("Intervisie met twee andere"))
        .accesskit_node()
        .bounding_box()
        .unwrap();
    let arrow = h
        .root()
        .children_recursive()
        .find(|n| {
            n.accesskit_node().role() == Role::Unknown
                && n.accesskit_node().bounding_box().is_some_and(|b| {
                    b.width() < 24.0 && b.y0 < row.y1 && b.y1 > row.y0 && b.x1 <= row.x0
                })
        })
        .map(|n| n.accesskit_node().id())
        .expect("the card's arrow");
    (h.root().children_recursive())
        .find(|n| n.accesskit_node().id() == arrow)
        .unwrap()
        .click_accesskit();
    h.run_steps(3);
    assert!(
        h.query_by_label(&icon("📽 ", key!("intervision.present")))
            .is_some(),
        "the card is open"
    );
}

#[test]
fn the_projector_shows_the_round_its_rule_and_the_case_question_by_keyboard() {
    let mut h = utrecht(no_files());
    let session = project(&h).intervisions[0].id;
    h.key_press_modifiers(Modifiers::SHIFT, Key::F5);
    h.run_steps(3);
    assert_eq!(presenting(&h), Some((session, 0)));
    assert!(h.query_all_by_label("1. Casus inbrengen").next().is_some());
    assert!(
        h.query_by_label_contains("wachttijd voor specialistische hulp")
            .is_some()
    );
    assert!(
        h.query_by_label("Regio Utrecht (voorbeeld)").is_some(),
        "the case owner"
    );
    assert!(
        h.query_by_label(&nl(key!("menu.file"))).is_none(),
        "no editing chrome"
    );
    key(&mut h, Key::PageDown);
    assert_eq!(presenting(&h), Some((session, 1)));
    assert!(
        h.query_all_by_label("2. Verhelderende vragen")
            .next()
            .is_some()
    );
    assert!(h.query_by_label(&nl(key!("rule.do.questions"))).is_some());
    assert!(h.query_by_label(&nl(key!("rule.dont.questions"))).is_some());
    assert!(
        project(&h).intervisions[0].rounds[0].done,
        "going on marks it done"
    );
    assert!(!project(&h).intervisions[0].rounds[1].done);
    key(&mut h, Key::PageUp);
    assert_eq!(presenting(&h), Some((session, 0)));
    key(&mut h, Key::Escape);
    assert_eq!(presenting(&h), None);
    assert!(h.query_by_label(&nl(key!("menu.file"))).is_some(), "back");
}

#[test]
fn the_projector_is_reached_from_the_session_with_the_mouse() {
    let mut h = utrecht(no_files());
    open_session(&mut h);
    click(&mut h, &icon("📽 ", key!("intervision.present")));
    assert!(presenting(&h).is_some());
    click(&mut h, &format!("{} »", nl(key!("present.next"))));
    assert_eq!(presenting(&h).map(|p| p.1), Some(1));
    click(&mut h, "✖ Esc");
    assert_eq!(presenting(&h), None);
}

#[test]
fn a_round_timer_does_not_reset_another_and_its_minutes_are_saved() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("utrecht.ron");
    let mut h = utrecht(Answer {
        save: Some(file.clone()),
        ..no_files()
    });
    h.key_press_modifiers(Modifiers::SHIFT, Key::F5);
    h.run_steps(3);
    at(&mut h, 100.0);
    click(&mut h, &format!("▶ {}", nl(key!("present.start"))));
    at(&mut h, 160.0);
    assert!(h.query_by_label("⏱ 9:00").is_some(), "a minute of ten");
    key(&mut h, Key::PageDown);
    click(&mut h, &format!("▶ {}", nl(key!("present.start"))));
    at(&mut h, 190.0);
    assert!(
        h.query_by_label("⏱ 14:30").is_some(),
        "the second round runs"
    );
    // back to the first: it goes on where it stood, the second keeps its half minute
    key(&mut h, Key::PageUp);
    assert!(h.query_by_label("⏱ 9:00").is_some(), "not reset");
    click(&mut h, &format!("▶ {}", nl(key!("present.go_on"))));
    at(&mut h, 220.0);
    assert!(h.query_by_label("⏱ 8:30").is_some());
    key(&mut h, Key::Escape);
    let rounds = &project(&h).intervisions[0].rounds;
    assert_eq!((rounds[0].used_seconds, rounds[1].used_seconds), (90, 30));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    let saved = kompas::storage::load(&file).unwrap().project;
    let rounds = &saved.intervisions[0].rounds;
    assert_eq!((rounds[0].used_seconds, rounds[1].used_seconds), (90, 30));
    assert!(rounds[0].done && !rounds[1].done);
}

#[test]
fn a_round_of_one_session_does_not_show_in_another() {
    let mut h = utrecht(no_files());
    h.key_press_modifiers(Modifiers::SHIFT, Key::F5);
    h.run_steps(3);
    at(&mut h, 100.0);
    click(&mut h, &format!("▶ {}", nl(key!("present.start"))));
    at(&mut h, 160.0);
    key(&mut h, Key::Escape);
    // a second session on the projector: its first round has all its ten minutes
    click(&mut h, &format!("💬  {}", nl(key!("view.intervision"))));
    click(&mut h, &icon("➕ ", key!("intervision.add")));
    let second = project(&h).intervisions[1].id;
    h.get_by_label(&icon("📽 ", key!("intervision.present")))
        .click();
    h.run_steps(3);
    assert_eq!(presenting(&h), Some((second, 0)));
    assert!(h.query_by_label("⏱ 10:00").is_some(), "its own time");
    assert!(
        h.query_by_label("⏱ 9:00").is_none(),
        "not the other session's"
    );
}

#[test]
fn a_tip_typed_on_the_projector_is_linked_to_the_running_session_and_step() {
    let mut h = utrecht(no_files());
    let session = project(&h).intervisions[0].id;
    h.key_press_modifiers(Modifiers::SHIFT, Key::F5);
    h.run_steps(3);
    h.get_by_role_and_label(Role::ComboBox, &nl(key!("present.step")))
        .click();
    h.run_steps(3);
    h.get_by_role_and_label(Role::Button, "Interventies")
        .click();
    h.run_steps(3);
    let before = project(&h).tips.len();
    type_into(
        &mut h,
        Role::TextInput,
        &format!("💡 {}", nl(key!("present.tip"))),
        "Zet een wachtlijstcoördinator in",
    );
    key(&mut h, Key::Enter);
    assert_eq!(project(&h).tips.len(), before + 1);
    let tip = project(&h).tips.last().unwrap().clone();
    assert_eq!(tip.text, "Zet een wachtlijstcoördinator in");
    assert_eq!(tip.session, Some(session));
    assert_eq!(tip.step, Some(Step::Interventions));
    assert!(presenting(&h).is_some(), "still on the projector");
}

#[test]
fn a_tip_is_made_an_action_in_todays_meeting() {
    let mut h = utrecht(no_files());
    open_session(&mut h);
    let meetings = project(&h).meetings.len();
    let tip = project(&h)
        .tips
        .iter()
        .find(|t| t.session.is_some())
        .unwrap()
        .id;
    h.query_all_by_label(&format!("➕ {}", nl(key!("tip.to_action"))))
        .next()
        .unwrap()
        .click();
    h.run_steps(4);
    let p = project(&h);
    assert_eq!(p.meetings.len(), meetings + 1, "today's meeting, made");
    let action = p.tip(tip).unwrap().action.expect("linked");
    let (m, a) = p.action(action).unwrap();
    assert_eq!(m.date, Some(chrono::Local::now().date_naive()));
    assert_eq!(a.what, p.tip(tip).unwrap().text);
    assert!(
        h.query_by_label_contains(&nl(key!("tip.meeting_title")))
            .is_some()
    );
}

#[test]
fn lessons_go_into_the_evaluation_once() {
    let mut h = utrecht(no_files());
    let cycle = h.state().state.doc.as_ref().unwrap().cycle;
    let before = project(&h).cycles[cycle].evaluation.lessons.len();
    let lessons = project(&h).intervisions[0].lessons.len();
    assert!(lessons > 0);
    open_session(&mut h);
    let button = format!("➡ {}", nl(key!("intervision.to_evaluation")));
    click(&mut h, &button);
    click(&mut h, &button);
    let after = &project(&h).cycles[cycle].evaluation.lessons;
    assert_eq!(after.len(), before + lessons, "once");
}

#[test]
fn the_handout_holds_tips_and_time_used_and_names_only_when_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("hand-out.md");
    let mut h = utrecht(Answer {
        csv_save: Some(out.clone()),
        ..no_files()
    });
    h.state_mut()
        .state
        .doc
        .as_mut()
        .unwrap()
        .project
        .intervisions[0]
        .rounds[1]
        .used_seconds = 754;
    open_session(&mut h);
    let name = nl(key!("intervision.name"));
    let names: Vec<_> = h
        .query_all(By::new().role(Role::TextInput).label(&name))
        .collect();
    names[0].focus();
    h.run_steps(2);
    h.query_all(By::new().role(Role::TextInput).label(&name))
        .next()
        .unwrap()
        .type_text("Marieke Jansen");
    h.run_steps(3);
    h.get_by_role_and_label(Role::ComboBox, &nl(key!("paper.format")))
        .click();
    h.run_steps(3);
    h.get_by_role_and_label(Role::Button, "Markdown").click();
    h.run_steps(3);
    click(&mut h, &format!("💾 {}", nl(key!("paper.handout_button"))));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("maximale wachttijd"), "a tip");
    assert!(text.contains("12:34"), "the time used");
    assert!(!text.contains("Marieke"), "no name by default:\n{text}");
    // names chosen: the privacy check says so first
    click(&mut h, &nl(key!("paper.names")));
    click(&mut h, &format!("💾 {}", nl(key!("paper.handout_button"))));
    assert!(matches!(
        h.state().state.dialog,
        Some(kompas::state::Dialog::PrivacyBeforePaper { .. })
    ));
    assert!(h.query_by_label_contains("Marieke Jansen").is_some());
    click(&mut h, &nl(key!("privacy.export_anyway")));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("Marieke Jansen"));
}

#[test]
fn the_projector_says_the_time_is_up_at_zero() {
    let mut h = utrecht(no_files());
    h.key_press_modifiers(Modifiers::SHIFT, Key::F5);
    h.run_steps(3);
    at(&mut h, 100.0);
    click(&mut h, &format!("▶ {}", nl(key!("present.start"))));
    at(&mut h, 650.0);
    assert!(h.query_by_label(&nl(key!("timer.up"))).is_none());
    at(&mut h, 701.0);
    assert!(h.query_by_label("⏱ 0:00").is_some());
    assert!(
        h.query_by_label(&nl(key!("timer.up"))).is_some(),
        "said at zero"
    );
}
