//! The status of an indicator: the rule ([`assess`]), the [`Reason`] it gives with its numbers,
//! and the first and latest point of a series that the rule looks at.

use super::SeriesPoint;
use crate::model::{Direction, Id, Indicator};
use chrono::NaiveDate;

/// How an indicator is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    OnTrack,
    Behind,
    Reached,
    NoData,
}

impl Status {
    pub const ALL: [Self; 4] = [Self::OnTrack, Self::Behind, Self::Reached, Self::NoData];
}

/// Why the status is what it is: shown in the tooltip with the numbers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reason {
    /// No measurement yet.
    NoMeasurements,
    /// Measurements, but nothing to compare them with: no baseline, no target, one measurement.
    NoReference,
    /// The latest value meets the target.
    TargetMet,
    /// The target date has passed and the target is not met.
    TargetMissed,
    /// The baseline already met the target, but the latest value no longer does.
    FellBack,
    /// On or ahead of the straight path from baseline to target (the expected value now).
    AheadOfPath { expected: f64 },
    /// Behind the straight path from baseline to target.
    BehindPath { expected: f64 },
    /// Without dates to draw a path: better than the starting value.
    RightDirection { start: f64 },
    /// Without dates: not better than the starting value.
    WrongDirection { start: f64 },
    /// "Keep level": within the band around the level.
    WithinBand { level: f64, band: f64 },
    /// "Keep level": outside the band.
    OutsideBand { level: f64, band: f64 },
}

/// The status of an indicator with its reason and the latest value it was based on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Assessment {
    pub status: Status,
    pub reason: Reason,
    pub latest: Option<(Option<NaiveDate>, f64)>,
}

/// For "keep level": how far the value may move from the level, as a share of the level.
pub const MAINTAIN_BAND: f64 = 0.05;

const EPS: f64 = 1e-9;

/// The status of an indicator, given its series (any order).
///
/// The rule: the latest measurement (by date; undated ones count only when nothing is dated)
/// is compared with the target. Met: *reached*. Not met after the target date: *behind*.
/// Otherwise it is compared with where a straight line from the baseline (or, without one, the
/// first measurement) to the target would be at that date: on or past it, *on track*, else
/// *behind*. Without dates, any step in the desired direction counts as on track. "Keep level"
/// is on track within 5 % of the target (or the baseline). Nothing to compare with: *no data*.
pub fn assess(ind: &Indicator, series: &[SeriesPoint]) -> Assessment {
    assess_ends(ind, ends(series.iter().map(End::of)))
}

/// What [`assess`] needs of a point.
#[derive(Clone, Copy, Debug)]
pub(super) struct End {
    pub(super) measurement: Id,
    pub(super) date: Option<NaiveDate>,
    pub(super) value: f64,
}

impl End {
    fn of(p: &SeriesPoint) -> Self {
        Self {
            measurement: p.measurement,
            date: p.date,
            value: p.value,
        }
    }
}

/// The first and the latest point of a series in any order: the earliest and the latest date
/// (the first, resp. last, of equal dates in the given order); when nothing is dated, the
/// first and last given.
pub(super) fn ends(points: impl Iterator<Item = End>) -> (Option<End>, Option<End>) {
    let (mut first_dated, mut latest_dated) = (None::<End>, None::<End>);
    let (mut first_any, mut last_any) = (None, None);
    for p in points {
        first_any = first_any.or(Some(p));
        last_any = Some(p);
        if let Some(d) = p.date {
            if first_dated.is_none_or(|f| f.date.is_some_and(|fd| d < fd)) {
                first_dated = Some(p);
            }
            if latest_dated.is_none_or(|l| l.date.is_some_and(|ld| d >= ld)) {
                latest_dated = Some(p);
            }
        }
    }
    (first_dated.or(first_any), latest_dated.or(last_any))
}

pub(super) fn assess_ends(
    ind: &Indicator,
    (first, latest): (Option<End>, Option<End>),
) -> Assessment {
    let Some(latest) = latest else {
        return Assessment {
            status: Status::NoData,
            reason: Reason::NoMeasurements,
            latest: None,
        };
    };
    let latest_pair = Some((latest.date, latest.value));
    let done = |status, reason| Assessment {
        status,
        reason,
        latest: latest_pair,
    };
    // The start of the path: the baseline, or else the first measurement (when it is not the latest).
    let start: Option<(f64, Option<NaiveDate>)> = match ind.baseline_value {
        Some(v) => Some((v, ind.baseline_date)),
        None => first
            .filter(|p| p.measurement != latest.measurement)
            .map(|p| (p.value, p.date)),
    };

    let sign = match ind.direction {
        Direction::Increase => 1.0,
        Direction::Decrease => -1.0,
        Direction::Maintain => {
            let Some(level) = ind.target_value.or(start.map(|s| s.0)) else {
                return done(Status::NoData, Reason::NoReference);
            };
            let band = (level.abs() * MAINTAIN_BAND).max(EPS);
            return if (latest.value - level).abs() <= band + EPS {
                done(Status::OnTrack, Reason::WithinBand { level, band })
            } else {
                done(Status::Behind, Reason::OutsideBand { level, band })
            };
        }
    };
    // "a is at least as good as b" in the desired direction.
    let at_least = |a: f64, b: f64| sign * (a - b) >= -EPS;
    let better = |a: f64, b: f64| sign * (a - b) > EPS;

    if let Some(target) = ind.target_value {
        if at_least(latest.value, target) {
            return done(Status::Reached, Reason::TargetMet);
        }
        if let (Some(td), Some(ld)) = (ind.target_date, latest.date)
            && ld > td
        {
            return done(Status::Behind, Reason::TargetMissed);
        }
        let Some((start_value, start_date)) = start else {
            return done(Status::NoData, Reason::NoReference);
        };
        if at_least(start_value, target) {
            return done(Status::Behind, Reason::FellBack);
        }
        if let (Some(sd), Some(td), Some(ld)) = (start_date, ind.target_date, latest.date)
            && td > sd
        {
            let span = (td - sd).num_days() as f64;
            let gone = ((ld - sd).num_days() as f64).clamp(0.0, span);
            let expected = start_value + (target - start_value) * gone / span;
            return if at_least(latest.value, expected) {
                done(Status::OnTrack, Reason::AheadOfPath { expected })
            } else {
                done(Status::Behind, Reason::BehindPath { expected })
            };
        }
        return direction_only(start_value, latest.value, better, done);
    }
    match start {
        Some((start_value, _)) => direction_only(start_value, latest.value, better, done),
        None => done(Status::NoData, Reason::NoReference),
    }
}

fn direction_only(
    start: f64,
    latest: f64,
    better: impl Fn(f64, f64) -> bool,
    done: impl Fn(Status, Reason) -> Assessment,
) -> Assessment {
    if better(latest, start) {
        done(Status::OnTrack, Reason::RightDirection { start })
    } else {
        done(Status::Behind, Reason::WrongDirection { start })
    }
}
