//! Rules on the document: links by id, completeness, starting the next cycle.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use kompas::model::*;
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A small but complete project: one of everything, all linked.
fn linked_project() -> (Project, Ids) {
    let mut p = Project::new("Testregio", d(2024, 1, 1), d(2024, 12, 31));
    let partner = p.new_id();
    p.partners.push(Partner {
        id: partner,
        name: "Gemeente A".into(),
        kind: PartnerKind::Gemeente,
        role: String::new(),
    });
    let table = p.new_id();
    p.tables.push(Table {
        id: table,
        kind: TableKind::Oogo,
        name: String::new(),
        partners: vec![partner],
    });
    let (ambition, outcome, indicator, intervention) =
        (p.new_id(), p.new_id(), p.new_id(), p.new_id());
    let (m1, m2, judgement, lesson) = (p.new_id(), p.new_id(), p.new_id(), p.new_id());
    let c = &mut p.cycles[0];
    c.ambitions.push(Ambition {
        id: ambition,
        title: "Ambitie".into(),
        description: String::new(),
        endorsed_by: vec![partner],
        level: None,
        table: Some(table),
        previous: None,
    });
    let mut ind = Indicator::new(indicator);
    ind.name = "Thuiszitters".into();
    ind.direction = Direction::Decrease;
    ind.baseline_value = Some(40.0);
    ind.baseline_date = Some(d(2024, 1, 1));
    ind.target_value = Some(20.0);
    ind.owner = Some(partner);
    c.outcomes.push(Outcome {
        id: outcome,
        title: "Minder thuiszitters".into(),
        description: String::new(),
        ambitions: vec![ambition],
        indicators: vec![ind],
        previous: None,
    });
    let mut iv = Intervention::new(intervention);
    iv.title = "Kernteam".into();
    iv.contributions.push(Contribution {
        outcome,
        expected: "vroeg signaleren".into(),
    });
    iv.responsible.push(partner);
    c.interventions.push(iv);
    c.evaluation.measurements.push(Measurement {
        id: m1,
        indicator,
        date: Some(d(2024, 6, 1)),
        value: Some(35.0),
        source: String::new(),
        note: String::new(),
    });
    c.evaluation.measurements.push(Measurement {
        id: m2,
        indicator,
        date: Some(d(2024, 12, 1)),
        value: Some(31.0),
        source: String::new(),
        note: String::new(),
    });
    c.evaluation.judgements.push(Judgement {
        id: judgement,
        intervention,
        contribution: ContributionJudgement::Clear,
        evidence: String::new(),
        decision: Some(Decision::Continue),
    });
    c.evaluation.lessons.push(TextItem {
        id: lesson,
        text: "Vaste gezichten werken".into(),
    });
    (
        p,
        Ids {
            partner,
            table,
            ambition,
            outcome,
            indicator,
            intervention,
        },
    )
}

struct Ids {
    partner: Id,
    table: Id,
    ambition: Id,
    outcome: Id,
    indicator: Id,
    intervention: Id,
}

fn kinds(c: &Cycle, step: Step) -> Vec<FindingKind> {
    findings_for_step(c, step)
        .into_iter()
        .map(|f| f.kind)
        .collect()
}

#[test]
fn ids_are_unique_and_a_new_one_is_not_taken() {
    let (mut p, _) = linked_project();
    assert!(p.duplicate_ids().is_empty());
    let fresh = p.new_id();
    assert!(!p.all_ids().contains(&fresh));
    assert!(p.dangling_links().is_empty());
}

#[test]
fn deleting_an_outcome_removes_every_link_to_it_and_its_measurements() {
    let (mut p, ids) = linked_project();
    p.remove(ids.outcome);
    let c = &p.cycles[0];
    assert!(c.outcome(ids.outcome).is_none());
    assert!(
        c.interventions[0].contributions.is_empty(),
        "contribution link must go"
    );
    assert!(
        c.evaluation.measurements.is_empty(),
        "measurements of its indicator must go"
    );
    assert!(c.indicator(ids.indicator).is_none());
    assert!(p.dangling_links().is_empty());
}

#[test]
fn deleting_an_ambition_partner_table_or_intervention_leaves_no_dangling_id() {
    let (mut p, ids) = linked_project();
    p.remove(ids.ambition);
    assert!(p.cycles[0].outcomes[0].ambitions.is_empty());
    p.remove(ids.partner);
    assert!(p.tables[0].partners.is_empty());
    assert!(p.cycles[0].interventions[0].responsible.is_empty());
    assert_eq!(p.cycles[0].outcomes[0].indicators[0].owner, None);
    p.remove(ids.table);
    p.remove(ids.intervention);
    assert!(p.cycles[0].evaluation.judgements.is_empty());
    assert!(p.dangling_links().is_empty());
}

#[test]
fn links_survive_reordering_and_renaming() {
    let (mut p, ids) = linked_project();
    let c = &mut p.cycles[0];
    let a2 = Ambition {
        id: Id(999),
        title: "Tweede".into(),
        description: String::new(),
        endorsed_by: vec![],
        level: None,
        table: None,
        previous: None,
    };
    c.ambitions.insert(0, a2);
    c.ambitions[1].title = "Andere naam".into();
    assert_eq!(p.cycles[0].outcomes[0].ambitions, vec![ids.ambition]);
    assert_eq!(
        p.cycles[0].ambition(ids.ambition).unwrap().title,
        "Andere naam"
    );
    assert!(p.dangling_links().is_empty());
}

#[test]
fn a_complete_cycle_has_no_findings_except_its_analysis() {
    let (p, _) = linked_project();
    let c = &p.cycles[0];
    assert_eq!(kinds(c, Step::Outcomes), vec![]);
    assert_eq!(kinds(c, Step::Interventions), vec![]);
    assert_eq!(kinds(c, Step::Evaluation), vec![]);
    assert_eq!(kinds(c, Step::Ambitions), vec![FindingKind::NoPrinciples]);
    assert!(kinds(c, Step::Analysis).contains(&FindingKind::NoDataPoints));
}

#[test]
fn completeness_names_what_is_missing() {
    let (mut p, ids) = linked_project();
    let extra_ambition = p.new_id();
    let bare_outcome = p.new_id();
    let bare_intervention = p.new_id();
    let c = &mut p.cycles[0];
    c.ambitions.push(Ambition {
        id: extra_ambition,
        title: "Los".into(),
        description: String::new(),
        endorsed_by: vec![],
        level: None,
        table: None,
        previous: None,
    });
    c.outcomes.push(Outcome {
        id: bare_outcome,
        title: "Kaal".into(),
        description: String::new(),
        ambitions: vec![],
        indicators: vec![],
        previous: None,
    });
    let mut bare = Intervention::new(bare_intervention);
    bare.title = "Kaal".into();
    c.interventions.push(bare);
    let ind = &mut c.outcomes[0].indicators[0];
    ind.baseline_value = None;
    ind.target_value = None;
    c.evaluation.measurements.clear();
    let found = findings(c);
    let has =
        |kind: FindingKind, item: Id| found.iter().any(|f| f.kind == kind && f.item == Some(item));
    assert!(has(FindingKind::AmbitionWithoutOutcome, extra_ambition));
    assert!(has(FindingKind::OutcomeWithoutIndicator, bare_outcome));
    assert!(has(FindingKind::OutcomeWithoutIntervention, bare_outcome));
    assert!(has(FindingKind::IndicatorWithoutBaseline, ids.indicator));
    assert!(has(FindingKind::IndicatorWithoutTarget, ids.indicator));
    assert!(has(
        FindingKind::InterventionWithoutOutcome,
        bare_intervention
    ));
    assert!(has(
        FindingKind::IndicatorWithoutMeasurements,
        ids.indicator
    ));
    assert!(has(
        FindingKind::InterventionWithoutJudgement,
        bare_intervention
    ));
    assert!(!has(FindingKind::AmbitionWithoutOutcome, ids.ambition));
}

#[test]
fn empty_items_count_nowhere() {
    let mut p = Project::new("Leeg", d(2024, 1, 1), d(2024, 12, 31));
    let ids: Vec<Id> = (0..12).map(|_| p.new_id()).collect();
    let before: Vec<Vec<FindingKind>> = Step::ALL.iter().map(|s| kinds(&p.cycles[0], *s)).collect();
    let c = &mut p.cycles[0];
    let blank = |id| TextItem {
        id,
        text: "  ".into(),
    };
    // one item just added (or emptied again) in every list
    c.analysis.data_points.push(DataPoint {
        id: ids[0],
        label: " ".into(),
        value: None,
        unit: "leerlingen".into(),
        source: String::new(),
        date: None,
        domain: Domain::Onderwijs,
        counts_people: None,
    });
    c.analysis.problems.push(blank(ids[1]));
    c.principles.push(blank(ids[2]));
    c.ambitions.push(Ambition {
        id: ids[3],
        title: String::new(),
        description: "\n".into(),
        endorsed_by: vec![],
        level: None,
        table: None,
        previous: None,
    });
    c.outcomes.push(Outcome {
        id: ids[4],
        title: String::new(),
        description: String::new(),
        ambitions: vec![ids[3]],
        indicators: vec![Indicator::new(ids[5])],
        previous: None,
    });
    let mut iv = Intervention::new(ids[6]);
    iv.contributions.push(Contribution {
        outcome: ids[4],
        expected: String::new(),
    });
    c.interventions.push(iv);
    c.evaluation.judgements.push(Judgement {
        id: ids[7],
        intervention: ids[6],
        contribution: ContributionJudgement::Unknown,
        evidence: String::new(),
        decision: None,
    });
    c.evaluation.lessons.push(blank(ids[8]));
    let after: Vec<Vec<FindingKind>> = Step::ALL.iter().map(|s| kinds(&p.cycles[0], *s)).collect();
    assert_eq!(before, after, "empty items must not change what is missing");

    // once they hold text, they count
    let c = &mut p.cycles[0];
    c.analysis.data_points[0].label = "Thuiszitters".into();
    c.analysis.problems[0].text = "Wachtlijsten".into();
    c.evaluation.lessons[0].text = "Vaste gezichten".into();
    c.outcomes[0].title = "Minder thuiszitters".into();
    let analysis = kinds(c, Step::Analysis);
    assert!(!analysis.contains(&FindingKind::NoDataPoints));
    assert!(!analysis.contains(&FindingKind::NoProblems));
    assert!(!kinds(c, Step::Evaluation).contains(&FindingKind::NoLessons));
    let outcomes = kinds(c, Step::Outcomes);
    assert!(!outcomes.contains(&FindingKind::NoOutcomes));
    assert!(
        outcomes.contains(&FindingKind::OutcomeWithoutIndicator),
        "an unnamed indicator does not count: {outcomes:?}"
    );
}

#[test]
fn an_empty_cycle_reports_every_step() {
    let p = Project::new("Leeg", d(2024, 1, 1), d(2024, 12, 31));
    let c = &p.cycles[0];
    for step in Step::ALL {
        assert!(
            !findings_for_step(c, step).is_empty(),
            "{step:?} should report something"
        );
    }
}

#[test]
fn next_cycle_copies_plan_and_rolls_baseline_but_not_measurements() {
    let (mut p, ids) = linked_project();
    let stopped = p.new_id();
    let j = p.new_id();
    let c = &mut p.cycles[0];
    let mut iv = Intervention::new(stopped);
    iv.title = "Formulier".into();
    c.interventions.push(iv);
    c.evaluation.judgements.push(Judgement {
        id: j,
        intervention: stopped,
        contribution: ContributionJudgement::None,
        evidence: String::new(),
        decision: Some(Decision::Stop),
    });

    let new = p.start_next_cycle(0).unwrap();
    assert_eq!(new, 1);
    let (old, next) = (&p.cycles[0], &p.cycles[1]);
    assert_eq!(next.previous, Some(old.id));
    assert_eq!(next.start, d(2025, 1, 1));
    assert_eq!(next.end, d(2025, 12, 31));
    assert_eq!(next.ambitions.len(), 1);
    assert_ne!(next.ambitions[0].id, ids.ambition, "copies get fresh ids");
    assert_eq!(next.ambitions[0].previous, Some(ids.ambition));
    let ind = &next.outcomes[0].indicators[0];
    assert_eq!(ind.previous, Some(ids.indicator));
    assert_eq!(
        ind.baseline_value,
        Some(31.0),
        "last measurement becomes baseline"
    );
    assert_eq!(ind.baseline_date, Some(d(2024, 12, 1)));
    assert_eq!(
        next.outcomes[0].ambitions,
        vec![next.ambitions[0].id],
        "links point to the copies"
    );
    assert_eq!(
        next.interventions.len(),
        1,
        "the stopped intervention is not copied"
    );
    assert_eq!(next.interventions[0].title, "Kernteam");
    assert_eq!(
        next.interventions[0].contributions[0].outcome,
        next.outcomes[0].id
    );
    assert!(next.evaluation.measurements.is_empty());
    assert!(next.evaluation.judgements.is_empty());
    assert!(next.evaluation.lessons.is_empty());
    let lessons: Vec<&Signal> = next
        .analysis
        .signals
        .iter()
        .filter(|s| s.from == SignalSource::PreviousCycle)
        .collect();
    assert_eq!(lessons.len(), 1);
    assert_eq!(lessons[0].text, "Vaste gezichten werken");
    assert_eq!(p.partners.len(), 1, "partners stay");
    assert!(p.duplicate_ids().is_empty());
    assert!(p.dangling_links().is_empty());
    // the old cycle is untouched
    assert_eq!(p.cycles[0].evaluation.measurements.len(), 2);
}

#[test]
fn next_cycle_keeps_the_baseline_when_there_are_no_measurements() {
    let (mut p, _) = linked_project();
    p.cycles[0].evaluation.measurements.clear();
    p.start_next_cycle(0);
    assert_eq!(
        p.cycles[1].outcomes[0].indicators[0].baseline_value,
        Some(40.0)
    );
    assert_eq!(p.start_next_cycle(7), None);
}

proptest! {
    /// Whatever is deleted, in whatever order, no link is left dangling and ids stay unique.
    #[test]
    fn deleting_anything_never_leaves_a_dangling_link(picks in prop::collection::vec(0usize..64, 0..12)) {
        let (mut p, _) = linked_project();
        p.start_next_cycle(0);
        for pick in picks {
            let ids = p.all_ids();
            if ids.is_empty() { break; }
            let id = ids[pick % ids.len()];
            p.remove(id);
            prop_assert!(p.dangling_links().is_empty());
            prop_assert!(p.duplicate_ids().is_empty());
        }
    }
}

#[test]
fn what_the_next_cycle_carries_over_is_said_as_it_is_done() {
    for sample in kompas::samples::SAMPLES {
        let mut p = kompas::storage::parse(sample.content.as_bytes())
            .unwrap()
            .project;
        for from in 0..p.cycles.len() {
            let carry = p.carry_over(from).unwrap();
            let old = p.cycles[from].clone();
            let mut q = p.clone();
            let i = q.start_next_cycle(from).unwrap();
            let new = &q.cycles[i];
            assert_eq!(carry.ambitions, new.ambitions.len());
            assert_eq!(carry.principles, new.principles.len());
            assert_eq!(carry.outcomes, new.outcomes.len());
            assert_eq!(carry.indicators, new.indicators().count());
            assert_eq!(carry.interventions, new.interventions.len());
            assert_eq!(carry.stopped + carry.interventions, old.interventions.len());
            let lessons_as_signals = new
                .analysis
                .signals
                .iter()
                .filter(|s| s.from == SignalSource::PreviousCycle)
                .count();
            assert_eq!(carry.lessons, lessons_as_signals);
            let rebased = new
                .indicators()
                .filter(|i| {
                    let old_ind = old.indicator(i.previous.unwrap()).unwrap();
                    i.baseline_date != old_ind.baseline_date
                        || i.baseline_value != old_ind.baseline_value
                        || old
                            .measurements_of(old_ind.id)
                            .iter()
                            .any(|m| m.date.is_some())
                })
                .count();
            assert_eq!(carry.new_baselines, rebased);
            assert!(new.evaluation.measurements.is_empty());
            assert_eq!(carry.measurements, old.evaluation.measurements.len());
        }
        // the check must not be vacuous: the samples carry things over
        let carry = p.carry_over(0).unwrap();
        assert!(carry.outcomes > 0 && carry.indicators > 0 && carry.interventions > 0);
        p.cycles.clear();
        assert!(p.carry_over(0).is_none());
    }
}

// ------------------------------------------------ target dates in the next cycle

/// The case: cycle 1 runs from 1-8-2025 to 31-7-2026, the target date is 31-7-2026 and
/// the last measurement, the next baseline, is of 1-11-2026. Cycle 2 kept 31-7-2026 and its step
/// said "compleet".
fn school_year_project() -> (Project, Id) {
    let (mut p, ids) = linked_project();
    let c = &mut p.cycles[0];
    c.start = d(2025, 8, 1);
    c.end = d(2026, 7, 31);
    let ind = &mut c.outcomes[0].indicators[0];
    ind.baseline_date = Some(d(2025, 8, 1));
    ind.target_date = Some(d(2026, 7, 31));
    c.evaluation.measurements[0].date = Some(d(2026, 3, 1));
    c.evaluation.measurements[1].date = Some(d(2026, 11, 1));
    // a second indicator with a target date years ahead
    let mut later = Indicator::new(Id(9_000));
    later.name = "Verzuim".into();
    later.target_value = Some(5.0);
    later.baseline_value = Some(9.0);
    later.direction = Direction::Decrease;
    later.target_date = Some(d(2030, 7, 31));
    c.outcomes[0].indicators.push(later);
    (p, ids.indicator)
}

#[test]
fn a_target_date_before_the_baseline_or_the_cycle_is_still_to_do() {
    let (mut p, indicator) = school_year_project();
    let c = &mut p.cycles[0];
    let kinds = |c: &Cycle| -> Vec<FindingKind> {
        findings_for_step(c, Step::Outcomes)
            .into_iter()
            .map(|f| f.kind)
            .collect()
    };
    assert!(!kinds(c).contains(&FindingKind::IndicatorTargetBeforeCycle));
    // before the cycle's start (after a baseline from before the cycle)
    c.outcomes[0].indicators[0].baseline_date = Some(d(2025, 6, 1));
    c.outcomes[0].indicators[0].target_date = Some(d(2025, 7, 31));
    let found = findings_for_step(c, Step::Outcomes);
    let f = found
        .iter()
        .find(|f| f.kind == FindingKind::IndicatorTargetBeforeCycle)
        .expect("a target date before the cycle is still to do");
    assert_eq!(f.item, Some(indicator));
    // before the baseline (which lies in the cycle)
    c.outcomes[0].indicators[0].baseline_date = Some(d(2025, 9, 1));
    c.outcomes[0].indicators[0].target_date = Some(d(2025, 8, 15));
    assert!(kinds(c).contains(&FindingKind::IndicatorTargetBeforeBaseline));
    assert!(!kinds(c).contains(&FindingKind::IndicatorTargetBeforeCycle));
    // on the baseline date or the start is not "before"
    c.outcomes[0].indicators[0].target_date = Some(d(2025, 9, 1));
    assert!(!kinds(c).contains(&FindingKind::IndicatorTargetBeforeBaseline));
    // an empty indicator counts nowhere
    c.outcomes[0].indicators[0].name.clear();
    c.outcomes[0].indicators[0].target_date = Some(d(2020, 1, 1));
    assert!(!kinds(c).contains(&FindingKind::IndicatorTargetBeforeCycle));
}

#[test]
fn the_next_cycle_moves_early_target_dates_on_or_does_as_asked() {
    let (p, _) = school_year_project();
    let carry = p.carry_over(0).unwrap();
    assert_eq!(carry.target_dates, 2);
    assert_eq!(carry.early_targets, 1);
    assert_eq!((carry.start, carry.end), (d(2026, 8, 1), d(2027, 7, 31)));
    assert_eq!(carry.early_example, Some((d(2026, 7, 31), d(2027, 7, 31))));
    let targets = |q: &Project| -> Vec<Option<NaiveDate>> {
        q.cycles[1].indicators().map(|i| i.target_date).collect()
    };
    // by default (and when asked to): moved on by a cycle, after the new baseline of 1-11-2026;
    // the later one stays
    let mut q = p.clone();
    let i = q.start_next_cycle(0).unwrap();
    assert_eq!(
        targets(&q),
        vec![Some(d(2027, 7, 31)), Some(d(2030, 7, 31))]
    );
    assert_eq!(
        q.cycles[i].outcomes[0].indicators[0].baseline_date,
        Some(d(2026, 11, 1))
    );
    let early = |q: &Project| {
        findings(&q.cycles[1]).into_iter().any(|f| {
            matches!(
                f.kind,
                FindingKind::IndicatorTargetBeforeCycle
                    | FindingKind::IndicatorTargetBeforeBaseline
            )
        })
    };
    assert!(!early(&q));
    // a date the user gives
    let mut q = p.clone();
    q.start_next_cycle_with(0, TargetDates::SetTo(d(2028, 7, 31)));
    assert_eq!(
        targets(&q),
        vec![Some(d(2028, 7, 31)), Some(d(2030, 7, 31))]
    );
    // kept as it was: then it is still to do
    let mut q = p.clone();
    q.start_next_cycle_with(0, TargetDates::Keep);
    assert_eq!(
        targets(&q),
        vec![Some(d(2026, 7, 31)), Some(d(2030, 7, 31))]
    );
    assert!(early(&q), "a kept early date is in 'Nog te doen'");
    // here it lies before the new baseline of 1-11-2026 (and the start): the baseline is said
    let f = findings_for_step(&q.cycles[1], Step::Outcomes);
    assert!(
        f.iter()
            .any(|f| f.kind == FindingKind::IndicatorTargetBeforeBaseline),
        "{f:?}"
    );
}

#[test]
fn moving_a_target_date_on_keeps_whole_months_and_goes_past_the_baseline() {
    // a school year: a year at a time, as often as needed
    assert_eq!(
        move_on(d(2026, 7, 31), d(2025, 8, 1), d(2026, 8, 1), None),
        d(2027, 7, 31)
    );
    assert_eq!(
        move_on(d(2024, 7, 31), d(2025, 8, 1), d(2026, 8, 1), None),
        d(2027, 7, 31)
    );
    // past a baseline that lies after the new start
    assert_eq!(
        move_on(
            d(2026, 7, 31),
            d(2025, 8, 1),
            d(2026, 8, 1),
            Some(d(2027, 9, 1))
        ),
        d(2028, 7, 31)
    );
    // an odd period: by its length in days
    assert_eq!(
        move_on(d(2024, 3, 20), d(2024, 3, 10), d(2024, 3, 21), None),
        d(2024, 3, 31)
    );
    // a date that is not early stays
    assert_eq!(
        move_on(d(2030, 1, 1), d(2025, 8, 1), d(2026, 8, 1), None),
        d(2030, 1, 1)
    );
}
