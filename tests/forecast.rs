//! The forecast "als er niets verandert": a least-squares line through an indicator's dated
//! measurements, continued to its target date (`kompas::model::forecast`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{Days, NaiveDate};
use kompas::model::*;
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn day(n: u64) -> NaiveDate {
    d(2024, 1, 1).checked_add_days(Days::new(n)).unwrap()
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

fn with_target(date: Option<NaiveDate>) -> Indicator {
    let mut i = Indicator::new(Id(1));
    i.target_value = Some(30.0);
    i.target_date = date;
    i
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * (1.0 + a.abs().max(b.abs()))
}

#[test]
fn a_straight_series_gives_exactly_its_line() {
    // 50 - 0.02 per day, measured unevenly
    let series = pts(&[
        (Some(day(0)), 50.0),
        (Some(day(50)), 49.0),
        (Some(day(150)), 47.0),
        (Some(day(400)), 42.0),
    ]);
    let f = forecast(&series, &with_target(Some(day(600)))).expect("a forecast");
    assert!(close(f.slope, -0.02), "{}", f.slope);
    assert_eq!(f.n, 4);
    assert_eq!(f.from.0, day(400));
    assert!(close(f.from.1, 42.0), "{:?}", f.from);
    assert_eq!(f.to.0, day(600));
    assert!(close(f.to.1, 38.0), "{:?}", f.to);
    for p in &series {
        assert!(close(f.at(p.date.unwrap()), p.value));
    }
    assert_eq!(f.reached(), 38.0);
}

#[test]
fn a_flat_series_gives_a_flat_line() {
    let series = pts(&[
        (Some(day(0)), 7.0),
        (Some(day(90)), 7.0),
        (Some(day(200)), 7.0),
    ]);
    let f = forecast(&series, &with_target(Some(day(900)))).unwrap();
    assert_eq!(f.slope, 0.0);
    assert_eq!(f.from.1, 7.0);
    assert_eq!(f.to.1, 7.0);
}

#[test]
fn fewer_than_three_dated_measurements_give_none() {
    let ind = with_target(Some(day(900)));
    assert_eq!(forecast(&[], &ind), None);
    let two = pts(&[(Some(day(0)), 7.0), (Some(day(90)), 9.0)]);
    assert_eq!(forecast(&two, &ind), None);
    let mut three = two.clone();
    three.extend(pts(&[(Some(day(180)), 11.0)]));
    assert!(forecast(&three, &ind).is_some());
    // three measurements on one day have no direction
    let same = pts(&[
        (Some(day(5)), 1.0),
        (Some(day(5)), 2.0),
        (Some(day(5)), 3.0),
    ]);
    assert_eq!(forecast(&same, &ind), None);
}

#[test]
fn undated_measurements_are_left_out() {
    let ind = with_target(Some(day(900)));
    let dated = pts(&[
        (Some(day(0)), 10.0),
        (Some(day(100)), 12.0),
        (Some(day(200)), 13.0),
    ]);
    let mut with_undated = dated.clone();
    with_undated.extend(pts(&[(None, 1000.0), (None, -500.0)]));
    let f = forecast(&with_undated, &ind).unwrap();
    assert_eq!(Some(f), forecast(&dated, &ind));
    assert_eq!(f.n, 3);
    // two dated and any number undated: none
    let mut two = pts(&[(Some(day(0)), 10.0), (Some(day(100)), 12.0)]);
    two.extend(pts(&[(None, 11.0), (None, 12.0), (None, 13.0)]));
    assert_eq!(forecast(&two, &ind), None);
}

#[test]
fn without_a_target_date_after_the_last_measurement_there_is_none() {
    let series = pts(&[
        (Some(day(0)), 10.0),
        (Some(day(100)), 12.0),
        (Some(day(200)), 13.0),
    ]);
    assert_eq!(forecast(&series, &with_target(None)), None);
    assert_eq!(forecast(&series, &with_target(Some(day(150)))), None);
    assert_eq!(forecast(&series, &with_target(Some(day(200)))), None);
    assert!(forecast(&series, &with_target(Some(day(201)))).is_some());
    // without a target value the line is still continued to the target date
    let mut no_value = with_target(Some(day(400)));
    no_value.target_value = None;
    assert!(forecast(&series, &no_value).is_some());
}

#[test]
fn what_the_line_reaches_is_said_as_exactly_as_was_measured() {
    let ind = with_target(Some(day(1000)));
    // whole numbers: a whole number
    let whole = pts(&[
        (Some(day(0)), 46.0),
        (Some(day(92)), 42.0),
        (Some(day(182)), 39.0),
    ]);
    let f = forecast(&whole, &ind).unwrap();
    assert_eq!(f.decimals, 0);
    assert_eq!(f.reached(), f.to.1.round());
    // one decimal
    let tenths = pts(&[
        (Some(day(0)), 10.5),
        (Some(day(92)), 9.0),
        (Some(day(182)), 8.5),
    ]);
    let f = forecast(&tenths, &ind).unwrap();
    assert_eq!(f.decimals, 1);
    assert_eq!(f.reached(), (f.to.1 * 10.0).round() / 10.0);
    assert_ne!(f.reached(), f.to.1, "the raw value has more decimals");
}

#[test]
fn the_series_crosses_cycles() {
    // Utrecht's second cycle: "Thuiszitters > 3 maanden" was measured four times in the
    // first cycle, under its earlier version
    let p = kompas::samples::SAMPLES[0].project().unwrap();
    let c = p.cycles.last().unwrap();
    let ind = c
        .indicators()
        .find(|i| i.name == "Thuiszitters > 3 maanden")
        .unwrap();
    assert!(ind.previous.is_some());
    let series = p.indicator_series(ind.id);
    let f = forecast(&series, ind).expect("a forecast from the earlier cycle's measurements");
    assert_eq!(f.n, 4);
    assert_eq!(f.from.0, d(2024, 7, 1));
    assert_eq!(Some(f.to.0), ind.target_date);
    assert!(f.slope < 0.0, "falling");
    // two measurements: none
    let two = c
        .indicators()
        .find(|i| i.name == "Ouders ervaren één aanpak")
        .unwrap();
    assert_eq!(forecast(&p.indicator_series(two.id), two), None);
}

proptest! {
    /// Any straight line measured on three or more distinct days, in any order, is found
    /// again; the line through noisy values leaves residuals that sum to zero.
    #[test]
    fn a_line_is_found_again(
        a in -1000.0f64..1000.0,
        b in -2.0f64..2.0,
        days in proptest::collection::btree_set(0u64..3000, 3..20),
        noise in proptest::collection::vec(-5.0f64..5.0, 20),
        ahead in 1u64..2000,
        shift in 0usize..20,
    ) {
        let days: Vec<u64> = days.into_iter().collect();
        let last = *days.last().unwrap();
        let mut exact: Vec<(Option<NaiveDate>, f64)> =
            days.iter().map(|&x| (Some(day(x)), a + b * x as f64)).collect();
        let k = shift % exact.len();
        exact.rotate_left(k);
        let ind = with_target(Some(day(last + ahead)));
        let f = forecast(&pts(&exact), &ind).unwrap();
        let tol = |v: f64| 1e-7 * (1.0 + v.abs() + a.abs() + b.abs() * 5000.0);
        prop_assert!((f.slope - b).abs() <= 1e-9 * (1.0 + b.abs() + a.abs()), "{} {}", f.slope, b);
        let want = a + b * (last + ahead) as f64;
        prop_assert!((f.to.1 - want).abs() <= tol(want), "{} {}", f.to.1, want);
        prop_assert_eq!(f.from.0, day(last));
        prop_assert_eq!(f.n, days.len());
        // noisy: the residuals sum to zero, and the order of the measurements does not matter
        let noisy: Vec<(Option<NaiveDate>, f64)> = exact
            .iter()
            .zip(&noise)
            .map(|((d, v), e)| (*d, v + e))
            .collect();
        let g = forecast(&pts(&noisy), &ind).unwrap();
        let sum: f64 = noisy.iter().map(|(d, v)| v - g.at(d.unwrap())).sum();
        prop_assert!(sum.abs() <= 1e-6 * (1.0 + a.abs() + b.abs() * 3000.0), "{}", sum);
        let mut reversed = noisy.clone();
        reversed.reverse();
        let h = forecast(&pts(&reversed), &ind).unwrap();
        prop_assert!((h.to.1 - g.to.1).abs() <= tol(g.to.1));
    }
}
