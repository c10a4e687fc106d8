//! The next-cycle question: counts in the singular and plural, one term for "leidende
//! principes", and what happens to target dates that would lie before the new cycle.

use super::*;
use kompas::model::{
    Ambition, Contribution, ContributionJudgement, Decision, Direction, Indicator, Intervention,
    Judgement, Measurement, Outcome, Project, TextItem,
};

fn d(y: i32, m: u32, day: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// One of everything: one ambition, principle, outcome, indicator (target 31-7-2026 in a cycle
/// that ends that day), intervention, measurement, judgement and lesson.
fn one_of_each() -> Project {
    let mut p = Project::new("Testregio", d(2025, 8, 1), d(2026, 7, 31));
    let ids: Vec<_> = (0..8).map(|_| p.new_id()).collect();
    let c = &mut p.cycles[0];
    let mut a = Ambition::new(ids[0]);
    a.title = "Ambitie".into();
    c.ambitions.push(a);
    c.principles.push(TextItem {
        id: ids[1],
        text: "Eerst het kind".into(),
    });
    let mut ind = Indicator::new(ids[3]);
    ind.name = "Thuiszitters".into();
    ind.direction = Direction::Decrease;
    ind.baseline_value = Some(40.0);
    ind.baseline_date = Some(d(2025, 8, 1));
    ind.target_value = Some(20.0);
    ind.target_date = Some(d(2026, 7, 31));
    let mut o = Outcome::new(ids[2]);
    o.title = "Minder thuiszitters".into();
    o.indicators.push(ind);
    c.outcomes.push(o);
    let mut iv = Intervention::new(ids[4]);
    iv.title = "Kernteam".into();
    iv.contributions.push(Contribution {
        outcome: ids[2],
        expected: String::new(),
    });
    c.interventions.push(iv);
    c.evaluation.measurements.push(Measurement {
        id: ids[5],
        indicator: ids[3],
        date: Some(d(2026, 6, 1)),
        value: Some(30.0),
        source: String::new(),
        note: String::new(),
    });
    c.evaluation.judgements.push(Judgement {
        id: ids[6],
        intervention: ids[4],
        contribution: ContributionJudgement::Clear,
        evidence: String::new(),
        decision: Some(Decision::Continue),
    });
    c.evaluation.lessons.push(TextItem {
        id: ids[7],
        text: "Vaste gezichten werken".into(),
    });
    p
}

fn open(p: Project) -> Harness<'static, KompasApp> {
    let mut h = harness(None, None);
    let doc = kompas::app::OpenDoc::new(p.clone(), None, "t.ron".into(), p);
    h.state_mut().state.doc = Some(doc);
    h.run_steps(3);
    click(&mut h, &icon("⟳ ", key!("cmd.next_cycle")));
    h
}

#[test]
fn the_next_cycle_question_counts_in_the_singular_and_says_leidende_principes() {
    let h = open(one_of_each());
    for line in [
        "• 1 ambitie en 1 leidend principe",
        "• 1 resultaat met 1 indicator; bij 1 wordt de laatste meting de nieuwe nulmeting",
        "• 1 interventie (0 met het besluit 'stoppen' gaan niet mee)",
        "• 1 les, als signaal in de nieuwe analyse",
        "• 1 meting, 1 beoordeling, de datadialogen en de scans (later te vergelijken)",
    ] {
        assert!(h.query_by_label(line).is_some(), "not found: {line}");
    }
    assert!(h.query_by_label_contains("uitgangspunt").is_none());
    // the same in English
    let mut p = one_of_each();
    let mut second = Ambition::new(p.new_id());
    second.title = "Tweede ambitie".into();
    p.cycles[0].ambitions.push(second);
    let mut h = harness(None, None);
    h.state_mut().state.prefs.lang = Lang::En;
    let doc = kompas::app::OpenDoc::new(p.clone(), None, "t.ron".into(), p);
    h.state_mut().state.doc = Some(doc);
    h.run_steps(3);
    click(
        &mut h,
        &format!("⟳ {}", key!("cmd.next_cycle").text_in(Lang::En)),
    );
    assert!(
        h.query_by_label("• 2 ambitions and 1 guiding principle")
            .is_some()
    );
    assert!(h.query_by_label_contains("1 lesson, as a signal").is_some());
}

#[test]
fn the_next_cycle_question_says_what_happens_to_target_dates_and_takes_a_new_one() {
    let mut h = open(one_of_each());
    assert!(
        h.query_by_label_contains(
            "1 doeldatum zou vóór het begin van de nieuwe cyclus (01-08-2026)"
        )
        .is_some(),
        "the early target date is named"
    );
    // the default: moved on by a cycle, and it says to what
    assert!(
        h.query_by_label("Een cyclus opschuiven (zo wordt 31-07-2026 31-07-2027)")
            .is_some()
    );
    // a date of one's own
    let field = nl(key!("next_cycle.targets_set"));
    h.get_by_role_and_label(Role::TextInput, &field).focus();
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run_steps(1);
    h.get_by_role_and_label(Role::TextInput, &field)
        .type_text("31-12-2027");
    h.run_steps(2);
    click(&mut h, &nl(key!("next_cycle.start")));
    let p = project(&h);
    assert_eq!(p.cycles.len(), 2);
    let ind = p.cycles[1].indicators().next().unwrap();
    assert_eq!(ind.target_date, Some(d(2027, 12, 31)));
    assert_eq!(ind.baseline_date, Some(d(2026, 6, 1)));
}

#[test]
fn target_dates_left_as_they_were_are_still_to_do() {
    let mut h = open(one_of_each());
    click(&mut h, &nl(key!("next_cycle.targets_keep")));
    click(&mut h, &nl(key!("next_cycle.start")));
    let p = project(&h);
    let ind = p.cycles[1].indicators().next().unwrap();
    assert_eq!(ind.target_date, Some(d(2026, 7, 31)));
    let still = kompas::model::findings_for_step(&p.cycles[1], kompas::model::Step::Outcomes);
    assert!(
        still
            .iter()
            .any(|f| f.kind == kompas::model::FindingKind::IndicatorTargetBeforeCycle),
        "{still:?}"
    );
    // by default it is moved on
    let mut h = open(one_of_each());
    click(&mut h, &nl(key!("next_cycle.start")));
    let ind = project(&h).cycles[1].indicators().next().unwrap().clone();
    assert_eq!(ind.target_date, Some(d(2027, 7, 31)));
}
