//! Starting the next cycle from a finished one.
//!
//! Copied: ambitions, principles, outcomes and indicators (with the last measurement as the new
//! baseline, and a target date that would lie before the new cycle's start or the new baseline
//! handled as the user chose: [`TargetDates`]), and interventions that were not decided "stop". Not copied: measurements and
//! judgements, the data dialogues and the scans (they stay in the old cycle, where later scans
//! compare with them). The lessons learned become signals in the new analysis. Partners and tables belong
//! to the project and stay. Copies get fresh ids and point back to their origin via `previous`.

use super::{
    Analysis, Cycle, CycleStatus, DataDialogue, Decision, Id, Project, Signal, SignalSource,
    TextItem,
};
use chrono::{Datelike, Months, NaiveDate};
use std::collections::HashMap;

/// What happens to a carried-over indicator's target date that would lie before the new
/// cycle's start or before its new baseline ("early"); later target dates stay as they are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TargetDates {
    /// Moved on by the cycle's length (as often as needed) until it is no longer early.
    #[default]
    MoveOn,
    /// Set to this date.
    SetTo(NaiveDate),
    /// Kept as it was: it shows up in "Nog te doen" (a finding) until someone changes it.
    Keep,
}

/// Whether a target date lies before a cycle's start or before the indicator's baseline date.
pub fn target_too_early(target: NaiveDate, start: NaiveDate, baseline: Option<NaiveDate>) -> bool {
    target < start || baseline.is_some_and(|b| target < b)
}

/// The new baseline of a carried-over indicator: its last dated measurement in `old`.
fn new_baseline(old: &Cycle, indicator: Id) -> Option<(f64, NaiveDate)> {
    old.measurements_of(indicator)
        .into_iter()
        .rev()
        .find_map(|m| Some((m.value?, m.date?)))
}

/// `target` moved on by the length of the cycle `old_start..new_start` (whole months when both
/// start on the 1st, else days), as often as needed until it is not early for a cycle starting
/// at `new_start` with the given baseline date.
pub fn move_on(
    target: NaiveDate,
    old_start: NaiveDate,
    new_start: NaiveDate,
    baseline: Option<NaiveDate>,
) -> NaiveDate {
    let months = (new_start.year() - old_start.year()) * 12 + new_start.month() as i32
        - old_start.month() as i32;
    let whole = old_start.day() == 1 && new_start.day() == 1 && months > 0;
    let days = (new_start - old_start).num_days().max(1);
    let mut date = target;
    // a hundred cycles is more than any file holds; the bound keeps a strange one finite
    for _ in 0..100 {
        if !target_too_early(date, new_start, baseline) {
            break;
        }
        let next = if whole {
            date.checked_add_months(Months::new(months as u32))
        } else {
            date.checked_add_signed(chrono::Duration::days(days))
        };
        match next {
            Some(d) => date = d,
            None => break,
        }
    }
    date
}

impl Project {
    /// Starts a new cycle after the cycle at `from` and returns the new cycle's index (the last).
    /// Early target dates are moved on ([`TargetDates::MoveOn`]). Returns `None` when `from` is
    /// not a cycle.
    pub fn start_next_cycle(&mut self, from: usize) -> Option<usize> {
        self.start_next_cycle_with(from, TargetDates::default())
    }

    /// [`Project::start_next_cycle`], with what happens to early target dates.
    pub fn start_next_cycle_with(&mut self, from: usize, targets: TargetDates) -> Option<usize> {
        let old = self.cycles.get(from)?.clone();
        let mut map: HashMap<Id, Id> = HashMap::new();

        let id = self.new_id();
        let (start, end) = next_period(old.start, old.end);
        let mut new = Cycle::new(id, &format!("Cyclus {}", self.cycles.len() + 1), start, end);
        new.status = CycleStatus::Preparation;
        new.previous = Some(old.id);

        new.analysis = Analysis {
            collaboration_model: old.analysis.collaboration_model,
            phase: old.analysis.phase,
            bottlenecks: old.analysis.bottlenecks.clone(),
            ..Analysis::default()
        };
        // the schools come along without their counts: the new analysis is a comparison
        for r in old
            .analysis
            .support
            .schools
            .iter()
            .filter(|r| !r.is_empty())
        {
            let id = self.new_id();
            new.analysis.support.schools.push(super::SchoolRow {
                name: r.name.clone(),
                brin: r.brin.clone(),
                board: r.board.clone(),
                sector: r.sector,
                responsible: r.responsible,
                organisation: r.organisation.clone(),
                previous: Some(r.id),
                ..super::SchoolRow::new(id)
            });
        }
        for lesson in &old.evaluation.lessons {
            let id = self.new_id();
            new.analysis.signals.push(Signal {
                id,
                from: SignalSource::PreviousCycle,
                partner: None,
                text: lesson.text.clone(),
            });
        }

        for a in &old.ambitions {
            let mut a2 = a.clone();
            a2.id = fresh(self, &mut map, a.id);
            a2.previous = Some(a.id);
            new.ambitions.push(a2);
        }
        for p in &old.principles {
            let id = self.new_id();
            new.principles.push(TextItem {
                id,
                text: p.text.clone(),
            });
        }
        for o in &old.outcomes {
            let mut o2 = o.clone();
            o2.id = fresh(self, &mut map, o.id);
            o2.previous = Some(o.id);
            o2.ambitions = o
                .ambitions
                .iter()
                .filter_map(|a| map.get(a).copied())
                .collect();
            for ind in &mut o2.indicators {
                let old_id = ind.id;
                if let Some((value, date)) = new_baseline(&old, old_id) {
                    ind.baseline_value = Some(value);
                    ind.baseline_date = Some(date);
                }
                if let Some(td) = ind.target_date
                    && target_too_early(td, start, ind.baseline_date)
                {
                    ind.target_date = match targets {
                        TargetDates::MoveOn => {
                            Some(move_on(td, old.start, start, ind.baseline_date))
                        }
                        TargetDates::SetTo(d) => Some(d),
                        TargetDates::Keep => Some(td),
                    };
                }
                // The dialogue was about the old figures; the new cycle's figures get their own.
                ind.dialogue = DataDialogue::default();
                ind.earlier_dialogues.clear();
                ind.id = fresh(self, &mut map, old_id);
                ind.previous = Some(old_id);
            }
            new.outcomes.push(o2);
        }
        for i in &old.interventions {
            let stopped = old
                .judgement_of(i.id)
                .is_some_and(|j| j.decision == Some(Decision::Stop));
            if stopped {
                continue;
            }
            let mut i2 = i.clone();
            i2.id = fresh(self, &mut map, i.id);
            i2.previous = Some(i.id);
            for k in &mut i2.contributions {
                k.outcome = map.get(&k.outcome).copied().unwrap_or(k.outcome);
            }
            new.interventions.push(i2);
        }
        self.cycles.push(new);
        self.prune_links();
        Some(self.cycles.len() - 1)
    }
}

/// What starting the next cycle from a cycle would carry over and what stays behind: said to
/// the user before the cycle is started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CarryOver {
    pub ambitions: usize,
    pub principles: usize,
    pub outcomes: usize,
    pub indicators: usize,
    /// Indicators whose last dated measurement becomes the new baseline.
    pub new_baselines: usize,
    pub interventions: usize,
    /// Interventions decided "stop": not carried over.
    pub stopped: usize,
    /// Lessons that become signals in the new analysis.
    pub lessons: usize,
    /// Stay in the old cycle: measurements, judgements, and whether it has scans.
    pub measurements: usize,
    pub judgements: usize,
    /// The new cycle's period.
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Indicators with a target date.
    pub target_dates: usize,
    /// Of those, the ones whose target date would lie before the new cycle's start or before
    /// their new baseline (see [`TargetDates`]).
    pub early_targets: usize,
    /// The earliest early target date and where moving it on takes it.
    pub early_example: Option<(NaiveDate, NaiveDate)>,
}

impl Project {
    /// What [`Project::start_next_cycle`] from the cycle at `from` would carry over.
    pub fn carry_over(&self, from: usize) -> Option<CarryOver> {
        let old = self.cycles.get(from)?;
        let stopped = old
            .interventions
            .iter()
            .filter(|i| {
                old.judgement_of(i.id)
                    .is_some_and(|j| j.decision == Some(Decision::Stop))
            })
            .count();
        let dated: super::IdSet = old
            .evaluation
            .measurements
            .iter()
            .filter(|m| m.date.is_some() && m.value.is_some())
            .map(|m| m.indicator)
            .collect();
        let (start, end) = next_period(old.start, old.end);
        let mut early = Vec::new();
        for i in old.indicators() {
            let Some(td) = i.target_date else { continue };
            let baseline = new_baseline(old, i.id).map(|b| b.1).or(i.baseline_date);
            if target_too_early(td, start, baseline) {
                early.push((td, move_on(td, old.start, start, baseline)));
            }
        }
        Some(CarryOver {
            ambitions: old.ambitions.len(),
            principles: old.principles.len(),
            outcomes: old.outcomes.len(),
            indicators: old.indicators().count(),
            new_baselines: old.indicators().filter(|i| dated.contains(&i.id)).count(),
            interventions: old.interventions.len() - stopped,
            stopped,
            lessons: old.evaluation.lessons.len(),
            measurements: old.evaluation.measurements.len(),
            judgements: old.evaluation.judgements.len(),
            start,
            end,
            target_dates: old.indicators().filter(|i| i.target_date.is_some()).count(),
            early_targets: early.len(),
            early_example: early.into_iter().min(),
        })
    }
}

/// A fresh id for a copy of `old`, remembered in `map` so links can be moved to the copy.
fn fresh(p: &mut Project, map: &mut HashMap<Id, Id>, old: Id) -> Id {
    let id = p.new_id();
    map.insert(old, id);
    id
}

/// The period after `start..=end`: it starts the day after `end` and lasts as long, in whole
/// months when the old period was whole months.
fn next_period(start: NaiveDate, end: NaiveDate) -> (NaiveDate, NaiveDate) {
    let new_start = end.succ_opt().unwrap_or(end);
    let months = (end.year() - start.year()) * 12 + end.month() as i32 - start.month() as i32 + 1;
    let whole_months = start.day() == 1 && end.succ_opt().is_some_and(|d| d.day() == 1);
    let new_end = if whole_months && months > 0 {
        new_start
            .checked_add_months(Months::new(months as u32))
            .and_then(|d| d.pred_opt())
    } else {
        new_start.checked_add_signed(end.signed_duration_since(start))
    };
    (new_start, new_end.unwrap_or(new_start))
}

#[cfg(test)]
mod tests {
    use super::next_period;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn a_school_year_is_followed_by_the_next_school_year() {
        assert_eq!(
            next_period(d(2023, 8, 1), d(2024, 7, 31)),
            (d(2024, 8, 1), d(2025, 7, 31))
        );
    }

    #[test]
    fn a_calendar_year_is_followed_by_the_next_year() {
        assert_eq!(
            next_period(d(2024, 1, 1), d(2024, 12, 31)),
            (d(2025, 1, 1), d(2025, 12, 31))
        );
    }

    #[test]
    fn an_odd_period_keeps_its_length_in_days() {
        assert_eq!(
            next_period(d(2024, 3, 10), d(2024, 3, 20)),
            (d(2024, 3, 21), d(2024, 3, 31))
        );
    }
}
