//! Monitoring rules: indicator status, series across cycles, the working-factor scan.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use kompas::model::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The day the rule tests look from: before the target dates of their indicators (the tests
/// of what happens after a target date give their own day to `kompas::model::assess`).
const NOW: NaiveDate = NaiveDate::from_ymd_opt(2025, 12, 1).unwrap();

/// The status on [`NOW`].
fn assess(i: &Indicator, series: &[SeriesPoint]) -> Assessment {
    kompas::model::assess(i, series, NOW)
}

fn ind(direction: Direction) -> Indicator {
    let mut i = Indicator::new(Id(1));
    i.direction = direction;
    i
}

fn pts(values: &[(Option<NaiveDate>, f64)]) -> Vec<SeriesPoint> {
    values
        .iter()
        .enumerate()
        .map(|(k, (date, value))| SeriesPoint {
            measurement: Id(100 + k as u64),
            date: *date,
            value: *value,
            source: String::new(),
            note: String::new(),
            cycle: Id(0),
            earlier_cycle: false,
        })
        .collect()
}

/// Fewer thuiszitters: 40 at 1-1-2024, target 20 at 1-1-2026.
fn decrease_with_path() -> Indicator {
    let mut i = ind(Direction::Decrease);
    i.baseline_value = Some(40.0);
    i.baseline_date = Some(d(2024, 1, 1));
    i.target_value = Some(20.0);
    i.target_date = Some(d(2026, 1, 1));
    i
}

#[test]
fn a_target_the_other_way_than_the_direction_is_asked_about() {
    // baseline 40, target 12, but the direction left at "omhoog"
    let mut i = decrease_with_path();
    i.direction = Direction::Increase;
    i.target_value = Some(12.0);
    assert_eq!(i.direction_conflict(), Some(Direction::Decrease));
    // the same the other way round
    let mut up = ind(Direction::Decrease);
    up.baseline_value = Some(10.0);
    up.target_value = Some(20.0);
    assert_eq!(up.direction_conflict(), Some(Direction::Increase));
    // once the user says it is meant so (a level to keep at least), no more question
    i.direction_checked = true;
    assert_eq!(i.direction_conflict(), None);
    // "keep level", a fitting direction and a missing target are never a question
    let mut keep = decrease_with_path();
    keep.direction = Direction::Maintain;
    assert_eq!(keep.direction_conflict(), None);
    assert_eq!(decrease_with_path().direction_conflict(), None);
    let mut open = decrease_with_path();
    open.target_value = None;
    assert_eq!(open.direction_conflict(), None);
}

#[test]
fn no_measurements_is_no_data() {
    let a = assess(&decrease_with_path(), &[]);
    assert_eq!(a.status, Status::NoData);
    assert_eq!(a.reason, Reason::NoMeasurements);
    assert_eq!(a.latest, None);
}

#[test]
fn one_measurement_against_the_path() {
    let i = decrease_with_path();
    // Halfway (1-1-2025, 366 of 731 days) the path expects about 30.
    let ahead = assess(&i, &pts(&[(Some(d(2025, 1, 1)), 29.0)]));
    assert_eq!(ahead.status, Status::OnTrack);
    let Reason::AheadOfPath { expected } = ahead.reason else {
        panic!("expected a path reason, got {:?}", ahead.reason);
    };
    assert!((expected - 29.99).abs() < 0.05, "{expected}");
    let behind = assess(&i, &pts(&[(Some(d(2025, 1, 1)), 33.0)]));
    assert_eq!(behind.status, Status::Behind);
    assert!(matches!(behind.reason, Reason::BehindPath { .. }));
    assert_eq!(behind.latest, Some((Some(d(2025, 1, 1)), 33.0)));
}

#[test]
fn the_latest_dated_measurement_counts_not_the_last_entered() {
    let i = decrease_with_path();
    let series = pts(&[(Some(d(2025, 6, 1)), 22.0), (Some(d(2024, 6, 1)), 39.0)]);
    assert_eq!(
        assess(&i, &series).latest,
        Some((Some(d(2025, 6, 1)), 22.0))
    );
    assert_eq!(assess(&i, &series).status, Status::OnTrack);
}

#[test]
fn reached_when_the_target_is_met_even_early() {
    let i = decrease_with_path();
    let a = assess(&i, &pts(&[(Some(d(2024, 6, 1)), 20.0)]));
    assert_eq!(a.status, Status::Reached);
    assert_eq!(a.reason, Reason::TargetMet);
    let mut up = ind(Direction::Increase);
    up.baseline_value = Some(50.0);
    up.target_value = Some(60.0);
    assert_eq!(assess(&up, &pts(&[(None, 61.0)])).status, Status::Reached);
    assert_eq!(assess(&up, &pts(&[(None, 59.9)])).status, Status::OnTrack);
}

#[test]
fn not_reached_after_the_target_date_when_not_met() {
    let i = decrease_with_path(); // 40 → 20 by 1-1-2026
    let a = assess(
        &i,
        &pts(&[(Some(d(2025, 12, 1)), 21.0), (Some(d(2026, 3, 1)), 21.0)]),
    );
    assert_eq!(a.status, Status::NotReached);
    assert_eq!(
        a.reason,
        Reason::MissedByTargetDate {
            measured: d(2025, 12, 1),
            value: 21.0
        }
    );
}

// ------------------------------------------------- after the target date

/// The case of the issue: a measurement ahead of the path, 23 months old, and the target date
/// long gone. It said "op koers"; after the target date the status is final.
#[test]
fn an_old_status_after_the_target_date_is_final() {
    let mut i = decrease_with_path(); // 40 at 1-1-2024 → 20
    i.target_date = Some(d(2025, 7, 31));
    let series = pts(&[(Some(d(2024, 1, 15)), 30.0)]);
    let today = d(2025, 12, 15);
    let a = kompas::model::assess(&i, &series, today);
    assert_eq!(a.status, Status::NotReached, "{a:?}");
    assert_eq!(
        a.reason,
        Reason::MissedByTargetDate {
            measured: d(2024, 1, 15),
            value: 30.0
        }
    );
    assert_eq!(a.rests_on, Some((Some(d(2024, 1, 15)), 30.0)));
    // and that measurement is called old
    assert_eq!(
        basis(&a, &series, today),
        Some(Basis::Old {
            date: d(2024, 1, 15),
            months: 23
        })
    );
    // before the target date the same figure is on track (and still old)
    let before = kompas::model::assess(&i, &series, d(2025, 3, 1));
    assert_eq!(before.status, Status::OnTrack);
    assert!(matches!(
        basis(&before, &series, d(2025, 3, 1)),
        Some(Basis::Old { months: 13, .. })
    ));
}

#[test]
fn a_measurement_on_the_target_date_decides() {
    let i = decrease_with_path(); // target 20 by 1-1-2026
    let after = d(2026, 2, 1);
    let met = pts(&[(Some(d(2025, 6, 1)), 30.0), (Some(d(2026, 1, 1)), 20.0)]);
    let a = kompas::model::assess(&i, &met, after);
    assert_eq!(a.status, Status::Reached);
    assert_eq!(
        a.reason,
        Reason::MetByTargetDate {
            measured: d(2026, 1, 1),
            value: 20.0
        }
    );
    let missed = pts(&[(Some(d(2025, 6, 1)), 30.0), (Some(d(2026, 1, 1)), 20.5)]);
    assert_eq!(
        kompas::model::assess(&i, &missed, after).status,
        Status::NotReached
    );
    // on the target date itself the status is not final yet: the path decides
    let on = kompas::model::assess(&i, &missed, d(2026, 1, 1));
    assert_eq!(on.status, Status::Behind);
    assert!(matches!(on.reason, Reason::BehindPath { .. }));
}

#[test]
fn a_measurement_after_the_target_date_does_not_decide() {
    let i = decrease_with_path(); // target 20 by 1-1-2026
    let today = d(2026, 6, 1);
    // met only later: judged by the last one on or before the date, which did not
    let series = pts(&[(Some(d(2025, 9, 1)), 24.0), (Some(d(2026, 3, 1)), 18.0)]);
    let a = kompas::model::assess(&i, &series, today);
    assert_eq!(a.status, Status::NotReached);
    assert_eq!(a.rests_on, Some((Some(d(2025, 9, 1)), 24.0)));
    assert_eq!(a.latest, Some((Some(d(2026, 3, 1)), 18.0)));
    // met by the date and fallen back after it: reached, by the date
    let series = pts(&[(Some(d(2025, 9, 1)), 19.0), (Some(d(2026, 3, 1)), 26.0)]);
    assert_eq!(
        kompas::model::assess(&i, &series, today).status,
        Status::Reached
    );
    // a measurement after the date makes it final even when the day looked from is earlier
    assert_eq!(
        kompas::model::assess(&i, &series, d(2025, 10, 1)).status,
        Status::Reached
    );
}

#[test]
fn nothing_measured_by_the_target_date_is_no_data() {
    let i = decrease_with_path();
    let series = pts(&[(Some(d(2026, 3, 1)), 15.0)]);
    let a = kompas::model::assess(&i, &series, d(2026, 6, 1));
    assert_eq!(a.status, Status::NoData);
    assert_eq!(a.reason, Reason::NothingByTargetDate);
    // undated measurements cannot say what was reached by a date either
    let undated = pts(&[(None, 15.0)]);
    let b = kompas::model::assess(&i, &undated, d(2026, 6, 1));
    assert_eq!(b.reason, Reason::NothingByTargetDate);
    // and none at all is still "no measurements"
    let c = kompas::model::assess(&i, &[], d(2026, 6, 1));
    assert_eq!(c.reason, Reason::NoMeasurements);
}

#[test]
fn after_the_target_date_up_and_keep_level() {
    let mut up = ind(Direction::Increase);
    up.baseline_value = Some(50.0);
    up.baseline_date = Some(d(2024, 1, 1));
    up.target_value = Some(60.0);
    up.target_date = Some(d(2025, 1, 1));
    let today = d(2025, 6, 1);
    let high = pts(&[(Some(d(2024, 12, 1)), 61.0)]);
    assert_eq!(
        kompas::model::assess(&up, &high, today).status,
        Status::Reached
    );
    let low = pts(&[(Some(d(2024, 12, 1)), 59.5)]);
    assert_eq!(
        kompas::model::assess(&up, &low, today).status,
        Status::NotReached
    );
    // before the date, 59,5 of 60 in December is on the path (59,2 expected)
    assert_eq!(
        kompas::model::assess(&up, &low, d(2024, 12, 15)).status,
        Status::OnTrack
    );
    // keep level 100 (± 5) by 1-1-2025
    let mut keep = up.clone();
    keep.direction = Direction::Maintain;
    keep.target_value = Some(100.0);
    let near = pts(&[(Some(d(2024, 12, 1)), 97.0)]);
    assert_eq!(
        kompas::model::assess(&keep, &near, today).status,
        Status::Reached
    );
    let far = pts(&[(Some(d(2024, 12, 1)), 90.0)]);
    assert_eq!(
        kompas::model::assess(&keep, &far, today).status,
        Status::NotReached
    );
    // without a target value there is nothing to reach: the rule before the date holds
    let mut open = up.clone();
    open.target_value = None;
    let two = pts(&[(Some(d(2024, 6, 1)), 52.0), (Some(d(2024, 12, 1)), 55.0)]);
    assert_eq!(
        kompas::model::assess(&open, &two, today).status,
        Status::OnTrack
    );
}

/// Every export says in words that a status rests on an old measurement, as the screens do.
#[test]
fn an_old_measurement_is_called_old_in_every_export() {
    use kompas::i18n::Lang;
    let mut p = Project::new("R", d(2020, 1, 1), d(2020, 12, 31));
    let (o, i) = (p.new_id(), p.new_id());
    let mut indicator = decrease_with_path();
    indicator.id = i;
    indicator.name = "Thuiszitters".into();
    indicator.target_date = Some(d(2099, 1, 1));
    p.cycles[0].outcomes.push(Outcome {
        id: o,
        title: "Minder thuiszitters".into(),
        description: String::new(),
        ambitions: vec![],
        indicators: vec![indicator],
        previous: None,
    });
    let m = p.new_id();
    p.cycles[0].evaluation.measurements.push(Measurement {
        id: m,
        indicator: i,
        date: Some(d(2020, 6, 1)),
        value: Some(30.0),
        source: String::new(),
        note: String::new(),
    });
    for (lang, words) in [
        (Lang::Nl, "Op basis van een oude meting: 01-06-2020"),
        (Lang::En, "Based on an old measurement: 1 Jun 2020"),
    ] {
        let html = kompas::export::cycle_html(&p, 0, lang);
        let md = kompas::export::cycle_markdown(&p, 0, lang);
        let csv = kompas::export::cycle_csv(&p, 0, lang).unwrap();
        for (name, text) in [("html", &html), ("markdown", &md), ("csv", &csv)] {
            assert!(
                text.contains(words),
                "{name} in {lang:?} does not say old:\n{text}"
            );
        }
    }
}

#[test]
fn target_already_met_at_baseline() {
    let mut i = ind(Direction::Increase);
    i.baseline_value = Some(80.0);
    i.target_value = Some(75.0);
    // still above the target: reached
    assert_eq!(assess(&i, &pts(&[(None, 78.0)])).status, Status::Reached);
    // dropped below it: behind, because it fell back
    let a = assess(&i, &pts(&[(None, 70.0)]));
    assert_eq!(a.status, Status::Behind);
    assert_eq!(a.reason, Reason::FellBack);
}

#[test]
fn keep_level_is_a_band_around_the_target_or_baseline() {
    let mut i = ind(Direction::Maintain);
    i.baseline_value = Some(90.0);
    i.target_value = Some(100.0);
    let within = assess(&i, &pts(&[(None, 96.0)]));
    assert_eq!(within.status, Status::OnTrack);
    assert_eq!(
        within.reason,
        Reason::WithinBand {
            level: 100.0,
            band: 5.0
        }
    );
    assert_eq!(assess(&i, &pts(&[(None, 94.0)])).status, Status::Behind);
    assert_eq!(assess(&i, &pts(&[(None, 105.0)])).status, Status::OnTrack);
    // without a target the baseline is the level
    i.target_value = None;
    assert_eq!(assess(&i, &pts(&[(None, 93.0)])).status, Status::OnTrack);
    // nothing to hold on to: no data
    let bare = ind(Direction::Maintain);
    assert_eq!(assess(&bare, &pts(&[(None, 93.0)])).status, Status::NoData);
}

#[test]
fn missing_dates_fall_back_to_the_direction() {
    let mut i = ind(Direction::Decrease);
    i.baseline_value = Some(40.0);
    i.target_value = Some(20.0); // no dates at all
    let a = assess(&i, &pts(&[(None, 35.0)]));
    assert_eq!(a.status, Status::OnTrack);
    assert_eq!(a.reason, Reason::RightDirection { start: 40.0 });
    let b = assess(&i, &pts(&[(None, 40.0)]));
    assert_eq!(b.status, Status::Behind, "no step at all is not on track");
    // an undated measurement next to dated ones does not count as the latest
    let c = assess(&i, &pts(&[(Some(d(2024, 5, 1)), 38.0), (None, 10.0)]));
    assert_eq!(c.latest, Some((Some(d(2024, 5, 1)), 38.0)));
}

#[test]
fn without_baseline_the_first_measurement_is_the_start() {
    let i = ind(Direction::Increase);
    // one measurement, no baseline, no target: nothing to compare with
    let one = assess(&i, &pts(&[(Some(d(2024, 1, 1)), 5.0)]));
    assert_eq!(one.status, Status::NoData);
    assert_eq!(one.reason, Reason::NoReference);
    let two = assess(
        &i,
        &pts(&[(Some(d(2024, 1, 1)), 5.0), (Some(d(2025, 1, 1)), 7.0)]),
    );
    assert_eq!(two.status, Status::OnTrack);
    assert_eq!(two.reason, Reason::RightDirection { start: 5.0 });
    let worse = assess(
        &i,
        &pts(&[(Some(d(2024, 1, 1)), 5.0), (Some(d(2025, 1, 1)), 4.0)]),
    );
    assert_eq!(worse.status, Status::Behind);
}

#[test]
fn a_series_runs_across_cycles_through_previous_links() {
    let mut p = Project::new("R", d(2024, 1, 1), d(2024, 12, 31));
    let (o, i) = (p.new_id(), p.new_id());
    let mut indicator = Indicator::new(i);
    indicator.name = "Thuiszitters".into();
    indicator.direction = Direction::Decrease;
    indicator.target_value = Some(10.0);
    p.cycles[0].outcomes.push(Outcome {
        id: o,
        title: "Minder thuiszitters".into(),
        description: String::new(),
        ambitions: vec![],
        indicators: vec![indicator],
        previous: None,
    });
    for (k, (date, v)) in [(d(2024, 3, 1), 30.0), (d(2024, 11, 1), 25.0)]
        .into_iter()
        .enumerate()
    {
        let id = p.new_id();
        p.cycles[0].evaluation.measurements.push(Measurement {
            id,
            indicator: i,
            date: Some(date),
            value: Some(v),
            source: format!("bron {k}"),
            note: String::new(),
        });
    }
    let next = p.start_next_cycle(0).unwrap();
    let new_ind = p.cycles[next].indicators().next().unwrap().id;
    let m = p.new_id();
    p.cycles[next].evaluation.measurements.push(Measurement {
        id: m,
        indicator: new_ind,
        date: Some(d(2025, 6, 1)),
        value: Some(20.0),
        source: String::new(),
        note: String::new(),
    });
    assert_eq!(p.indicator_lineage(new_ind), vec![new_ind, i]);
    let series = p.indicator_series(new_ind);
    let values: Vec<f64> = series.iter().map(|s| s.value).collect();
    assert_eq!(values, vec![30.0, 25.0, 20.0]);
    assert_eq!(
        series.iter().map(|s| s.earlier_cycle).collect::<Vec<_>>(),
        vec![true, true, false]
    );
    // the old indicator's own series does not see the new cycle's measurements
    assert_eq!(p.indicator_series(i).len(), 2);
    // the new baseline is the last measurement, so 20 is progress
    let a = p.assess_indicator(new_ind, NOW).unwrap();
    assert_eq!(a.status, Status::OnTrack);
    // and the dialogue does not travel along
    p.cycles[0].outcomes[0].indicators[0].dialogue.recognise = "ja".into();
    let again = p.start_next_cycle(0).unwrap();
    assert!(p.cycles[again].indicators().all(|x| x.dialogue.is_empty()));
}

// ---------------------------------------------------------------- scan

fn response(id: u64, partner: Id, scores: &[(&str, Score)]) -> ScanResponse {
    let mut r = ScanResponse::new(Id(id), partner);
    for (code, s) in scores {
        r.scores.insert((*code).to_owned(), *s);
    }
    r
}

#[test]
fn no_view_is_left_out_of_the_average() {
    let r = response(
        1,
        Id(10),
        &[
            ("trust.1", Score::Value(4)),
            ("trust.2", Score::NoView),
            ("trust.3", Score::Value(2)),
        ],
    );
    assert_eq!(r.factor_average(Factor::Trust), Some(3.0));
    let only_no_view = response(2, Id(11), &[("vision.1", Score::NoView)]);
    assert_eq!(only_no_view.factor_average(Factor::Vision), None);
    assert_eq!(r.factor_average(Factor::Vision), None, "nothing answered");
    // out-of-range values from a hand-edited file do not count
    let odd = response(
        3,
        Id(12),
        &[("trust.1", Score::Value(9)), ("trust.2", Score::Value(5))],
    );
    assert_eq!(odd.factor_average(Factor::Trust), Some(5.0));
    assert_eq!(r.answered(), 3);
}

#[test]
fn region_average_weighs_every_partner_the_same() {
    let scan = Scan {
        date: None,
        responses: vec![
            // gemeente: one statement, 5
            response(1, Id(10), &[("trust.1", Score::Value(5))]),
            // swv: three statements averaging 2
            response(
                2,
                Id(11),
                &[
                    ("trust.1", Score::Value(2)),
                    ("trust.2", Score::Value(2)),
                    ("trust.3", Score::Value(2)),
                ],
            ),
            // a partner with only "no view" does not pull the average
            response(3, Id(12), &[("trust.1", Score::NoView)]),
        ],
    };
    assert_eq!(scan.factor_average(Factor::Trust), Some(3.5));
    assert_eq!(scan.factor_average(Factor::Finances), None);
    assert!(!scan.is_empty());
    assert!(Scan::default().is_empty());
}

#[test]
fn disagreements_are_found_and_ordered_by_gap() {
    let scan = Scan {
        date: None,
        responses: vec![
            response(
                1,
                Id(10),
                &[
                    ("trust.1", Score::Value(5)),
                    ("finances.1", Score::Value(4)),
                    ("vision.1", Score::Value(3)),
                ],
            ),
            response(
                2,
                Id(11),
                &[
                    ("trust.1", Score::Value(3)),
                    ("finances.1", Score::Value(1)),
                    ("vision.1", Score::Value(3)),
                ],
            ),
            response(3, Id(12), &[("trust.1", Score::Value(4))]),
        ],
    };
    let found = scan.disagreements(DISAGREEMENT_THRESHOLD);
    let factors: Vec<Factor> = found.iter().map(|x| x.factor).collect();
    assert_eq!(factors, vec![Factor::Finances, Factor::Trust]);
    assert_eq!(found[0].high, (Id(10), 4.0));
    assert_eq!(found[0].low, (Id(11), 1.0));
    assert_eq!(found[0].spread(), 3.0);
    assert_eq!(found[1].spread(), 2.0);
    // one partner alone never disagrees
    let alone = Scan {
        date: None,
        responses: vec![response(1, Id(10), &[("trust.1", Score::Value(1))])],
    };
    assert!(alone.disagreements(0.0).is_empty());
}

#[test]
fn national_figures_match_the_survey() {
    let working: f64 = Factor::WORKING.iter().map(|f| f.national_2021()).sum();
    assert!((working - 16.6).abs() < 1e-9);
    assert_eq!(Factor::Trust.national_2018(), Some(3.4));
    assert_eq!(Factor::ParentsAndPupils.national_2018(), None);
    assert!(Factor::BORGING.iter().all(|f| f.is_borging()));
    // every statement code is unique and names its factor's group
    let codes: Vec<&str> = all_statements().map(|(_, s)| s).collect();
    let mut unique = codes.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), codes.len());
}

#[test]
fn scan_history_and_partner_removal() {
    let mut p = Project::new("R", d(2024, 1, 1), d(2024, 12, 31));
    let partner = p.new_id();
    p.partners.push(Partner {
        id: partner,
        name: "Gemeente".into(),
        kind: PartnerKind::Gemeente,
        role: String::new(),
    });
    let r1 = p.new_id();
    p.cycles[0].analysis.scan.responses.push(response(
        r1.0,
        partner,
        &[("trust.1", Score::Value(3))],
    ));
    let r2 = p.new_id();
    p.cycles[0].evaluation.scan.responses.push(response(
        r2.0,
        partner,
        &[("trust.1", Score::Value(4))],
    ));
    let next = p.start_next_cycle(0).unwrap();
    assert!(p.cycles[next].analysis.scan.is_empty());
    let h = p.scan_history(next, ScanMoment::Analysis);
    assert_eq!(h.len(), 2);
    assert_eq!(h[0].moment, ScanMoment::Analysis);
    assert_eq!(h[1].averages[Factor::Trust as usize], Some(4.0));
    // the rescore of cycle 1 compares with the first scan of cycle 1 only
    let own = p.scan_history(0, ScanMoment::Evaluation);
    assert_eq!(own.len(), 1);
    assert_eq!(p.scan_history(0, ScanMoment::Analysis).len(), 0);
    assert!(p.all_ids().contains(&r1));
    p.remove(partner);
    assert!(p.cycles[0].analysis.scan.responses.is_empty());
    assert!(p.cycles[0].evaluation.scan.responses.is_empty());
    assert!(p.dangling_links().is_empty());
}

#[test]
fn adding_measurements_replaces_same_dates_when_asked() {
    let mut c = Cycle::new(Id(1), "C", d(2024, 1, 1), d(2024, 12, 31));
    let mut next = 10;
    let mut id = || {
        next += 1;
        Id(next)
    };
    let rows = vec![
        (d(2024, 3, 1), 5.0, "CBS".to_owned()),
        (d(2024, 6, 1), 6.0, String::new()),
    ];
    assert_eq!(
        c.add_measurements(Id(2), rows.clone(), true, &mut id),
        (2, 0)
    );
    let again = vec![
        (d(2024, 3, 1), 7.0, String::new()),
        (d(2024, 9, 1), 8.0, "x".into()),
    ];
    assert_eq!(
        c.add_measurements(Id(2), again.clone(), true, &mut id),
        (1, 1)
    );
    let m = &c.evaluation.measurements;
    assert_eq!(m.len(), 3);
    assert_eq!(m[0].value, Some(7.0));
    assert_eq!(m[0].source, "CBS", "an empty source keeps the old one");
    // another indicator's measurement on the same date is not touched
    assert_eq!(
        c.add_measurements(Id(3), again.clone(), true, &mut id),
        (2, 0)
    );
    // without replacing, duplicates are added
    assert_eq!(c.add_measurements(Id(2), again, false, &mut id), (2, 0));
    assert_eq!(c.evaluation.measurements.len(), 7);
    let ids: std::collections::HashSet<Id> =
        c.evaluation.measurements.iter().map(|m| m.id).collect();
    assert_eq!(ids.len(), 7);
}

/// The index for a few indicators gives the same series as the full index, also when a
/// hand-edited file links an indicator forward, to itself in a loop, or to nothing.
#[test]
fn index_for_a_few_indicators_equals_the_full_index() {
    // (also built from an index per cycle, kept while a cycle does not change)
    let mut p = kompas::stress::region(11, kompas::stress::Size::REGION, "Testregio");
    let last = p.cycles.len() - 1;
    assert!(last >= 1, "the test needs linked cycles");
    let check = |p: &Project| {
        let full = SeriesIndex::new(p);
        let ids: Vec<Id> = p.cycles[last].indicators().map(|i| i.id).collect();
        let few = SeriesIndex::for_indicators(p, &ids);
        let per_cycle: Vec<CycleIndex> = p.cycles.iter().map(CycleIndex::of).collect();
        let refs: Vec<&CycleIndex> = per_cycle.iter().collect();
        let kept = SeriesIndex::from_cycle_indexes(p, &ids, &refs);
        // an index of another state of the project (stale) must not give wrong series
        let stale: Vec<CycleIndex> = p.cycles.iter().rev().map(CycleIndex::of).collect();
        let stale_refs: Vec<&CycleIndex> = stale.iter().collect();
        let from_stale = SeriesIndex::from_cycle_indexes(p, &ids, &stale_refs);
        // …and neither must an index from before the indicators were reordered
        let mut shuffled = p.clone();
        for c in &mut shuffled.cycles {
            for o in &mut c.outcomes {
                o.indicators.reverse();
            }
        }
        let old: Vec<CycleIndex> = shuffled.cycles.iter().map(CycleIndex::of).collect();
        let old_refs: Vec<&CycleIndex> = old.iter().collect();
        let from_old = SeriesIndex::from_cycle_indexes(p, &ids, &old_refs);
        let mut with_history = 0;
        for id in &ids {
            assert_eq!(few.series(*id), full.series(*id), "indicator {id}");
            assert_eq!(kept.series(*id), full.series(*id), "indicator {id}");
            assert_eq!(from_stale.series(*id), full.series(*id), "indicator {id}");
            assert_eq!(from_old.series(*id), full.series(*id), "indicator {id}");
            assert_eq!(few.lineage(*id), full.lineage(*id));
            assert_eq!(kept.lineage(*id), full.lineage(*id));
            with_history += usize::from(few.lineage(*id).len() > 1);
        }
        with_history
    };
    assert!(check(&p) > 0, "some indicators carry earlier versions");
    // forward link: an indicator of the first cycle "continues" one of the last
    let later = p.cycles[last].indicators().next().unwrap().id;
    let first = p.cycles[0]
        .outcomes
        .iter_mut()
        .flat_map(|o| o.indicators.iter_mut())
        .next();
    first.unwrap().previous = Some(later);
    check(&p);
    // a link to nothing
    let some = p.cycles[last]
        .outcomes
        .iter_mut()
        .flat_map(|o| o.indicators.iter_mut())
        .nth(1)
        .unwrap();
    some.previous = Some(Id(9_999_999));
    check(&p);
}

use proptest::prelude::*;

proptest! {
    /// The status does not depend on the order the measurements come in (the dashboard
    /// assesses them unsorted, the chart sorted), also with equal dates and undated ones.
    #[test]
    fn the_status_does_not_depend_on_the_order(
        values in prop::collection::vec((prop::option::of(0u32..6), 0.0f64..100.0), 0..12),
        direction in 0usize..3,
        baseline in prop::option::of(0.0f64..100.0),
        target in prop::option::of(0.0f64..100.0),
        seed in any::<u64>(),
        after in any::<bool>(),
    ) {
        let mut ind = ind([Direction::Increase, Direction::Decrease, Direction::Maintain][direction]);
        ind.baseline_value = baseline;
        ind.baseline_date = baseline.map(|_| d(2020, 1, 1));
        ind.target_value = target;
        // amid the measurements (2020-2022), so some lie after it
        ind.target_date = target.map(|_| d(2021, 1, 1));
        let series = pts(
            &values
                .iter()
                .map(|(m, v)| (m.map(|m| d(2020 + m as i32 / 2, 1 + m % 2 * 6, 1)), *v))
                .collect::<Vec<_>>(),
        );
        let mut sorted = series.clone();
        sorted.sort_by_key(|p| (p.date.is_none(), p.date));
        let mut shuffled = series.clone();
        let mut rng = kompas::stress::Rng::new(seed);
        for i in (1..shuffled.len()).rev() {
            shuffled.swap(i, rng.below(i + 1));
        }
        // before the target date, or after it (then the status rests on the last measurement
        // on or before it)
        let today = if after { d(2025, 6, 1) } else { d(2020, 6, 1) };
        let assess = |i: &Indicator, s: &[SeriesPoint]| kompas::model::assess(i, s, today);
        let expected = assess(&ind, &sorted);
        prop_assert_eq!(assess(&ind, &series), expected);
        // any order at all, when no two measurements share a date (equal dates keep their
        // entry order, which a shuffle changes)
        let mut dates: Vec<_> = series.iter().map(|p| p.date).collect();
        dates.sort();
        dates.dedup();
        if dates.len() == series.len() && dates.iter().all(Option::is_some) {
            prop_assert_eq!(assess(&ind, &shuffled), expected);
        }
    }
}

/// Days to look from in the tests over generated regions: before, amid and after their target
/// dates.
const DAYS: [NaiveDate; 4] = [
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap(),
    NaiveDate::from_ymd_opt(2026, 8, 15).unwrap(),
    NaiveDate::from_ymd_opt(2029, 3, 1).unwrap(),
    NaiveDate::from_ymd_opt(2100, 1, 1).unwrap(),
];

/// The dashboard's assessment (from the index, unsorted, without copying texts) equals the
/// chart's (from the sorted series) for every indicator of a generated region.
#[test]
fn the_index_assesses_like_the_chart() {
    let p = kompas::stress::region(21, kompas::stress::Size::REGION, "Testregio");
    let index = SeriesIndex::new(&p);
    let mut n = 0;
    // before every target date, amid them, and after all of them
    for today in DAYS {
        for c in &p.cycles {
            for i in c.indicators() {
                let chart = kompas::model::assess(i, &index.series(i.id), today);
                assert_eq!(index.assess(i, today), chart, "{} on {today}", i.id);
                n += 1;
            }
        }
    }
    assert!(n > 30);
}

/// The dashboard's statuses from an index per cycle equal those of the full index; for a file
/// with something irregular it declines (and the dashboard takes the long way).
#[test]
fn statuses_from_cycle_indexes_equal_the_full_index() {
    let mut p = kompas::stress::region(33, kompas::stress::Size::REGION, "Testregio");
    let assess_on = |p: &Project, k: usize, today: NaiveDate| {
        let per_cycle: Vec<CycleIndex> = p.cycles.iter().map(CycleIndex::of).collect();
        let refs: Vec<&CycleIndex> = per_cycle.iter().collect();
        CycleIndex::assess_cycle(p, k, &refs, today)
    };
    let assess_all = |p: &Project, k: usize| assess_on(p, k, NOW);
    let full = SeriesIndex::new(&p);
    let mut finals = 0;
    for today in DAYS {
        for k in 0..p.cycles.len() {
            let fast = assess_on(&p, k, today).expect("a regular file");
            let slow: Vec<(Id, Assessment)> = p.cycles[k]
                .indicators()
                .map(|i| (i.id, full.assess(i, today)))
                .collect();
            assert_eq!(fast, slow, "cycle {k} on {today}");
            finals += fast
                .iter()
                .filter(|(_, a)| a.status == Status::NotReached)
                .count();
        }
    }
    assert!(finals > 0, "some statuses are final");
    let last = p.cycles.len() - 1;
    // an index that no longer fits the cycle is noticed
    let stale: Vec<CycleIndex> = p.cycles.iter().map(CycleIndex::of).collect();
    let m = p.cycles[last].evaluation.measurements[0].clone();
    p.cycles[last].evaluation.measurements.push(Measurement {
        id: Id(9_000_001),
        ..m.clone()
    });
    let stale_refs: Vec<&CycleIndex> = stale.iter().collect();
    assert!(CycleIndex::assess_cycle(&p, last, &stale_refs, NOW).is_none());
    // a measurement under an indicator of another cycle
    let mut q = p.clone();
    let other = q.cycles[0].indicators().next().unwrap().id;
    q.cycles[last].evaluation.measurements[0].indicator = other;
    assert!(assess_all(&q, last).is_none());
    // an id used in two cycles
    let mut r = p.clone();
    let first_id = r.cycles[0].indicators().next().unwrap().id;
    let old = r.cycles[last].outcomes[0].indicators[0].id;
    r.cycles[last].outcomes[0].indicators[0].id = first_id;
    for m in &mut r.cycles[last].evaluation.measurements {
        if m.indicator == old {
            m.indicator = first_id;
        }
    }
    assert!(assess_all(&r, last).is_none());
}

/// A new measurement has no value until one is typed, and until then it counts nowhere: not in
/// the status (the fast per-cycle path and the full one), the series, the charts' data, what is
/// missing, the exports, or the baseline of a next cycle.
#[test]
fn a_measurement_without_a_value_counts_nowhere() {
    kompas::i18n::set_lang(kompas::i18n::Lang::Nl);
    let p = kompas::samples::SAMPLES[1].project().unwrap();
    let k = 0;
    let ind = p.cycles[k].indicators().next().unwrap().clone();
    let mut q = p.clone();
    let id = q.new_id();
    let late = q.cycles[k].end;
    q.cycles[k].evaluation.measurements.push(Measurement {
        id,
        indicator: ind.id,
        date: Some(late),
        value: None,
        source: String::new(),
        note: String::new(),
    });
    let fast = |p: &Project| {
        let idx: Vec<CycleIndex> = p.cycles.iter().map(CycleIndex::of).collect();
        let refs: Vec<&CycleIndex> = idx.iter().collect();
        CycleIndex::assess_cycle(p, k, &refs, NOW)
    };
    assert!(fast(&p).is_some());
    assert_eq!(fast(&q), fast(&p));
    assert_eq!(
        q.assess_indicator(ind.id, NOW),
        p.assess_indicator(ind.id, NOW)
    );
    assert_eq!(q.indicator_series(ind.id), p.indicator_series(ind.id));
    let index = SeriesIndex::for_indicators(&q, &[ind.id]);
    assert_eq!(
        index.assess(&ind, NOW),
        p.assess_indicator(ind.id, NOW).unwrap()
    );
    assert_eq!(findings(&q.cycles[k]), findings(&p.cycles[k]));
    assert_eq!(
        kompas::export::cycle_csv(&q, k, kompas::i18n::Lang::Nl).unwrap(),
        kompas::export::cycle_csv(&p, k, kompas::i18n::Lang::Nl).unwrap()
    );
    assert_eq!(
        kompas::export::cycle_markdown(&q, k, kompas::i18n::Lang::Nl),
        kompas::export::cycle_markdown(&p, k, kompas::i18n::Lang::Nl)
    );
    assert_eq!(
        kompas::export::cycle_html(&q, k, kompas::i18n::Lang::Nl),
        kompas::export::cycle_html(&p, k, kompas::i18n::Lang::Nl)
    );
    // the next cycle's baseline is the last typed value, not the empty one
    let (mut a, mut b) = (p.clone(), q.clone());
    a.start_next_cycle(k);
    b.start_next_cycle(k);
    let base = |x: &Project| {
        x.cycles
            .last()
            .unwrap()
            .indicators()
            .next()
            .unwrap()
            .baseline_value
    };
    assert_eq!(base(&b), base(&a));
    // an indicator whose only measurement has no value has no data, and is still missing one
    let mut r = p.clone();
    let kk = r.cycles.len() - 1;
    let last = r.cycles[kk].indicators().next().unwrap().clone();
    r.cycles[kk]
        .evaluation
        .measurements
        .retain(|m| m.indicator != last.id);
    let before = findings(&r.cycles[kk]);
    let status = r.assess_indicator(last.id, NOW);
    let start = r.cycles[kk].start;
    r.cycles[kk].evaluation.measurements.push(Measurement {
        id: Id(9_999_999),
        indicator: last.id,
        date: Some(start),
        value: None,
        source: String::new(),
        note: String::new(),
    });
    assert_eq!(findings(&r.cycles[kk]), before);
    assert_eq!(r.assess_indicator(last.id, NOW), status);
}

/// The statuses rest on indicators and measurements: a cycle's name, a description or an
/// intervention leave the fingerprint; a value, a target, a new measurement change it.
#[test]
fn the_status_fingerprint_follows_what_statuses_rest_on() {
    let p = kompas::samples::SAMPLES[1].project().unwrap();
    let c = p.cycles[0].clone();
    let base = c.status_fingerprint();
    let mut same = c.clone();
    same.name.push_str(" (herzien)");
    same.outcomes[0].description.push_str(" meer tekst");
    same.interventions.push(Intervention::new(Id(9_999)));
    assert_eq!(same.status_fingerprint(), base);
    let mut value = c.clone();
    let m = value
        .evaluation
        .measurements
        .iter_mut()
        .find(|m| m.value.is_some())
        .unwrap();
    m.value = m.value.map(|v| v + 1.0);
    assert_ne!(value.status_fingerprint(), base);
    let mut target = c.clone();
    target.outcomes[0].indicators[0].target_value = Some(123.0);
    assert_ne!(target.status_fingerprint(), base);
    let mut added = c.clone();
    let indicator = added.outcomes[0].indicators[0].id;
    added.evaluation.measurements.push(Measurement {
        id: Id(9_998),
        indicator,
        date: None,
        value: Some(1.0),
        source: String::new(),
        note: String::new(),
    });
    assert_ne!(added.status_fingerprint(), base);
}
