//! Meetings and actions, intervision sessions and tips: the rules on the document.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use kompas::model::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn sample() -> Project {
    kompas::samples::SAMPLES[0].project().unwrap()
}

#[test]
fn an_open_action_past_its_date_is_overdue() {
    let mut a = Action {
        id: Id(1),
        what: "x".into(),
        owner: None,
        role: String::new(),
        due: Some(d(2025, 3, 1)),
        status: ActionStatus::Open,
    };
    assert!(!a.is_overdue(d(2025, 3, 1)), "due today is not late");
    assert!(a.is_overdue(d(2025, 3, 2)));
    a.status = ActionStatus::InProgress;
    assert!(a.is_overdue(d(2025, 3, 2)));
    a.status = ActionStatus::Done;
    assert!(!a.is_overdue(d(2026, 1, 1)));
    a.status = ActionStatus::Open;
    a.due = None;
    assert!(!a.is_overdue(d(2026, 1, 1)), "no date, never late");
}

#[test]
fn the_sample_has_actions_in_date_order_and_overdue_ones() {
    let p = sample();
    let all = p.all_actions();
    assert_eq!(all.len(), 3);
    let dues: Vec<Option<NaiveDate>> = all.iter().map(|(_, a)| a.due).collect();
    let mut sorted = dues.clone();
    sorted.sort();
    assert_eq!(dues, sorted);
    let late = p.overdue_actions(d(2025, 2, 1));
    assert_eq!(late.len(), 1);
    assert_eq!(late[0].1.what, "Ouderpeiling twee keer per jaar");
    assert_eq!(p.overdue_actions(d(2025, 4, 1)).len(), 2);
}

#[test]
fn tips_belong_to_a_step_of_a_cycle() {
    let p = sample();
    let c2 = p.cycles[1].id;
    let interventions: Vec<&Tip> = p.tips_for(c2, Step::Interventions).collect();
    assert_eq!(interventions.len(), 1);
    assert!(!interventions[0].taken_up);
    assert_eq!(p.tips_for(c2, Step::Analysis).count(), 0);
    assert_eq!(p.tips_for(p.cycles[0].id, Step::Interventions).count(), 0);
}

#[test]
fn removing_a_partner_or_session_leaves_no_dangling_links() {
    let mut p = sample();
    let owner = p.meetings[0].actions[0].owner.unwrap();
    let attendees = p.meetings[0].attendees.len();
    p.remove(owner);
    assert!(
        p.meetings
            .iter()
            .all(|m| m.attendees.iter().all(|a| a.partner != owner))
    );
    assert_eq!(p.meetings[0].attendees.len(), attendees - 1);
    assert_eq!(
        p.meetings[0].actions[0].owner, None,
        "the action stays, unowned"
    );
    let session = p.intervisions[0].id;
    assert!(!p.tips.is_empty());
    p.remove(session);
    assert!(p.tips.is_empty(), "a session's tips go with it");
    assert!(p.dangling_links().is_empty());
    assert!(p.duplicate_ids().is_empty());
}

#[test]
fn general_lessons_export_as_plain_text() {
    let p = sample();
    let s = &p.intervisions[0];
    let text = p.lessons_text(s.id, "Lessen");
    assert!(text.starts_with("Lessen\n"));
    assert!(text.contains("05-11-2024"));
    for l in &s.lessons {
        assert!(text.contains(&format!("- {}", l.text)));
    }
    assert!(
        !text.contains("maximale wachttijd"),
        "tips for the region stay out"
    );
    assert_eq!(p.lessons_text(Id(999_999), "x"), "");
}

#[test]
fn a_new_session_has_the_six_rounds() {
    let s = IntervisionSession::new(Id(1));
    let kinds: Vec<RoundKind> = s.rounds.iter().map(|r| r.kind).collect();
    assert_eq!(kinds, RoundKind::ALL.to_vec());
    assert_eq!(s.rounds.iter().map(|r| r.minutes).sum::<u32>(), 80);
}
