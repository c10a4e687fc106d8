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
    /// The target is met (before the target date by the latest measurement, after it by the
    /// last measurement on or before that date).
    Reached,
    /// The target date has passed and the last measurement on or before it did not meet the
    /// target.
    NotReached,
    NoData,
}

impl Status {
    pub const ALL: [Self; 5] = [
        Self::OnTrack,
        Self::Behind,
        Self::Reached,
        Self::NotReached,
        Self::NoData,
    ];
}

/// Why the status is what it is: shown in the tooltip with the numbers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reason {
    /// No measurement yet.
    NoMeasurements,
    /// Measurements, but nothing to compare them with: no baseline, no target, one measurement.
    NoReference,
    /// The latest value meets the target (the target date has not passed).
    TargetMet,
    /// The target date has passed; the last measurement on or before it (`measured`, `value`)
    /// met the target.
    MetByTargetDate { measured: NaiveDate, value: f64 },
    /// The target date has passed; the last measurement on or before it (`measured`, `value`)
    /// did not meet the target.
    MissedByTargetDate { measured: NaiveDate, value: f64 },
    /// The target date has passed, but no dated measurement lies on or before it: whether the
    /// target was met by then cannot be said.
    NothingByTargetDate,
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

/// The status of an indicator with its reason, the latest measurement, and the measurement
/// the status rests on (the latest, or after the target date the last one on or before it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Assessment {
    pub status: Status,
    pub reason: Reason,
    pub latest: Option<(Option<NaiveDate>, f64)>,
    pub rests_on: Option<(Option<NaiveDate>, f64)>,
}

/// For "keep level": how far the value may move from the level, as a share of the level.
pub const MAINTAIN_BAND: f64 = 0.05;

const EPS: f64 = 1e-9;

/// The status of an indicator on `today`, given its series (any order).
///
/// The rule: the latest measurement (by date; undated ones count only when nothing is dated)
/// is compared with the target. Met: *reached*. Otherwise it is compared with where a straight
/// line from the baseline (or, without one, the first measurement) to the target would be at
/// that date: on or past it, *on track*, else *behind*. Without dates, any step in the desired
/// direction counts as on track. "Keep level" is on track within 5 % of the target (or the
/// baseline). Nothing to compare with: *no data*.
///
/// Once the target date has passed (before `today`, or a measurement lies after it), the
/// status is final and rests on the last measurement on or before the target date: *reached*
/// or *not reached*; without a dated measurement by then, *no data*.
pub fn assess(ind: &Indicator, series: &[SeriesPoint], today: NaiveDate) -> Assessment {
    assess_ends(
        ind,
        ends(series.iter().map(End::of), ind.target_date),
        today,
    )
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

/// The points of a series that the rule looks at.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Ends {
    pub(super) first: Option<End>,
    pub(super) latest: Option<End>,
    /// The last dated point on or before the cut-off date given to [`ends`] (the target date).
    pub(super) by: Option<End>,
}

/// The first and the latest point of a series in any order: the earliest and the latest date
/// (the first, resp. last, of equal dates in the given order); when nothing is dated, the
/// first and last given. With a `cutoff`, also the latest dated point on or before it.
pub(super) fn ends(points: impl Iterator<Item = End>, cutoff: Option<NaiveDate>) -> Ends {
    let (mut first_dated, mut latest_dated) = (None::<End>, None::<End>);
    let (mut first_any, mut last_any) = (None, None);
    let mut by = None::<End>;
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
            if cutoff.is_some_and(|c| d <= c) && by.is_none_or(|b| b.date.is_some_and(|bd| d >= bd))
            {
                by = Some(p);
            }
        }
    }
    Ends {
        first: first_dated.or(first_any),
        latest: latest_dated.or(last_any),
        by,
    }
}

/// Whether the status of `ind` is final: it has a target value and date, and the date lies
/// before `today` or before the latest measurement.
pub(super) fn target_passed(ind: &Indicator, latest: &End, today: NaiveDate) -> bool {
    ind.target_value.is_some()
        && ind
            .target_date
            .is_some_and(|td| today > td || latest.date.is_some_and(|ld| ld > td))
}

pub(super) fn assess_ends(ind: &Indicator, ends: Ends, today: NaiveDate) -> Assessment {
    let Some(latest) = ends.latest else {
        return Assessment {
            status: Status::NoData,
            reason: Reason::NoMeasurements,
            latest: None,
            rests_on: None,
        };
    };
    let latest_pair = Some((latest.date, latest.value));
    let done = |status, reason| Assessment {
        status,
        reason,
        latest: latest_pair,
        rests_on: latest_pair,
    };
    // The start of the path: the baseline, or else the first measurement (when it is not the latest).
    let start: Option<(f64, Option<NaiveDate>)> = match ind.baseline_value {
        Some(v) => Some((v, ind.baseline_date)),
        None => ends
            .first
            .filter(|p| p.measurement != latest.measurement)
            .map(|p| (p.value, p.date)),
    };
    let band_of = |level: f64| (level.abs() * MAINTAIN_BAND).max(EPS);
    let sign = match ind.direction {
        Direction::Increase => 1.0,
        Direction::Decrease => -1.0,
        Direction::Maintain => 0.0,
    };
    // "a is at least as good as b" in the desired direction ("keep level": within the band).
    let at_least = |a: f64, b: f64| {
        if ind.direction == Direction::Maintain {
            (a - b).abs() <= band_of(b) + EPS
        } else {
            sign * (a - b) >= -EPS
        }
    };

    if let Some(target) = ind.target_value
        && target_passed(ind, &latest, today)
    {
        let Some((by, measured)) = ends.by.and_then(|b| Some((b, b.date?))) else {
            return done(Status::NoData, Reason::NothingByTargetDate);
        };
        let value = by.value;
        let (status, reason) = if at_least(value, target) {
            (Status::Reached, Reason::MetByTargetDate { measured, value })
        } else {
            (
                Status::NotReached,
                Reason::MissedByTargetDate { measured, value },
            )
        };
        return Assessment {
            status,
            reason,
            latest: latest_pair,
            rests_on: Some((Some(measured), value)),
        };
    }

    if ind.direction == Direction::Maintain {
        let Some(level) = ind.target_value.or(start.map(|s| s.0)) else {
            return done(Status::NoData, Reason::NoReference);
        };
        let band = band_of(level);
        return if (latest.value - level).abs() <= band + EPS {
            done(Status::OnTrack, Reason::WithinBand { level, band })
        } else {
            done(Status::Behind, Reason::OutsideBand { level, band })
        };
    }
    let better = |a: f64, b: f64| sign * (a - b) > EPS;

    if let Some(target) = ind.target_value {
        if at_least(latest.value, target) {
            return done(Status::Reached, Reason::TargetMet);
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
