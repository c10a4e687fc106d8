//! What a status rests on, when the room should know it: a measurement carried over from an
//! earlier cycle (nothing measured in this one yet), or one more than a year old. "Op koers"
//! on a two-year-old figure is never shown without saying so, on screen or in an export.

use super::{Assessment, SeriesPoint, Status};
use chrono::{Datelike, Months, NaiveDate};

/// A measurement counts as old once it is more than this many months old.
pub const OLD_AFTER_MONTHS: u32 = 12;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// The measurement is from an earlier cycle; this cycle has none of its own. `old`: how
    /// many months ago it was measured, when that is more than a year.
    EarlierCycle {
        date: Option<NaiveDate>,
        old: Option<u32>,
    },
    /// The measurement is from this cycle but more than a year old ([`is_old`]).
    Old { date: NaiveDate, months: u32 },
}

/// Whether a measurement of `date` is more than [`OLD_AFTER_MONTHS`] old on `today`.
pub fn is_old(date: NaiveDate, today: NaiveDate) -> bool {
    date.checked_add_months(Months::new(OLD_AFTER_MONTHS))
        .is_some_and(|d| d < today)
}

/// Whole months from `from` to `to` (0 when `to` is not later).
pub fn months_between(from: NaiveDate, to: NaiveDate) -> u32 {
    let months = (to.year() - from.year()) * 12 + to.month() as i32
        - from.month() as i32
        - i32::from(to.day() < from.day());
    months.max(0) as u32
}

/// What the status `a` of an indicator with `series` rests on (the measurement
/// [`Assessment::rests_on`]), when it is worth saying.
pub fn basis(a: &Assessment, series: &[SeriesPoint], today: NaiveDate) -> Option<Basis> {
    if a.status == Status::NoData {
        return None;
    }
    let (date, _) = a.rests_on?;
    let old = date
        .filter(|d| is_old(*d, today))
        .map(|d| months_between(d, today));
    if !series.iter().any(|p| !p.earlier_cycle) {
        return Some(Basis::EarlierCycle { date, old });
    }
    Some(Basis::Old {
        date: date?,
        months: old?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Id, Reason};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    fn point(date: NaiveDate, earlier: bool) -> SeriesPoint {
        SeriesPoint {
            measurement: Id(1),
            date: Some(date),
            value: 3.0,
            source: String::new(),
            note: String::new(),
            cycle: Id(2),
            earlier_cycle: earlier,
        }
    }

    fn on_track(date: NaiveDate) -> Assessment {
        Assessment {
            status: Status::OnTrack,
            reason: Reason::AheadOfPath { expected: 4.0 },
            latest: Some((Some(date), 3.0)),
            rests_on: Some((Some(date), 3.0)),
        }
    }

    #[test]
    fn a_status_from_an_earlier_cycle_says_so() {
        let when = d(2024, 12, 31);
        let series = [point(d(2024, 6, 1), true), point(when, true)];
        assert_eq!(
            basis(&on_track(when), &series, d(2025, 3, 1)),
            Some(Basis::EarlierCycle {
                date: Some(when),
                old: None
            })
        );
        // once this cycle has a measurement of its own, a recent one needs no word
        let series = [point(d(2024, 6, 1), true), point(d(2025, 2, 1), false)];
        assert_eq!(
            basis(&on_track(d(2025, 2, 1)), &series, d(2025, 3, 1)),
            None
        );
    }

    #[test]
    fn an_old_measurement_says_how_old() {
        let when = d(2024, 1, 15);
        let series = [point(when, false)];
        assert_eq!(
            basis(&on_track(when), &series, d(2026, 1, 14)),
            Some(Basis::Old {
                date: when,
                months: 23
            })
        );
        // exactly a year is not older than a year; a day more is
        assert_eq!(basis(&on_track(when), &series, d(2025, 1, 15)), None);
        assert_eq!(
            basis(&on_track(when), &series, d(2025, 1, 16)),
            Some(Basis::Old {
                date: when,
                months: 12
            })
        );
        // from an earlier cycle and old: both are said
        let earlier = [point(when, true)];
        assert_eq!(
            basis(&on_track(when), &earlier, d(2026, 1, 14)),
            Some(Basis::EarlierCycle {
                date: Some(when),
                old: Some(23)
            })
        );
        let none = Assessment {
            status: Status::NoData,
            reason: Reason::NoMeasurements,
            latest: None,
            rests_on: None,
        };
        assert_eq!(basis(&none, &[], d(2026, 1, 1)), None);
    }

    #[test]
    fn months_between_counts_whole_months() {
        assert_eq!(months_between(d(2024, 1, 31), d(2024, 2, 29)), 0);
        assert_eq!(months_between(d(2024, 1, 31), d(2024, 3, 1)), 1);
        assert_eq!(months_between(d(2025, 1, 1), d(2024, 1, 1)), 0);
        assert_eq!(months_between(d(2023, 12, 1), d(2025, 12, 1)), 24);
    }
}
