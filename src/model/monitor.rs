//! Monitoring: an indicator's measurements as one series across cycles, and its status against
//! baseline and target.

use super::{Cycle, Direction, Id, IdMap, Indicator, Project};
use chrono::NaiveDate;

/// One measured value in an indicator's series.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesPoint {
    pub measurement: Id,
    pub date: Option<NaiveDate>,
    pub value: f64,
    pub source: String,
    pub note: String,
    /// The cycle the measurement was entered in.
    pub cycle: Id,
    /// True when it was entered under an earlier cycle's version of the indicator.
    pub earlier_cycle: bool,
}

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
struct End {
    measurement: Id,
    date: Option<NaiveDate>,
    value: f64,
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
fn ends(points: impl Iterator<Item = End>) -> (Option<End>, Option<End>) {
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

fn assess_ends(ind: &Indicator, (first, latest): (Option<End>, Option<End>)) -> Assessment {
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

/// Where a cycle's indicators and measurements are, by indicator id: kept by a screen while
/// the cycle does not change (see [`SeriesIndex::from_cycle_indexes`]).
#[derive(Clone, Debug, Default)]
pub struct CycleIndex {
    /// indicator id → (outcome index, index in the outcome's indicators)
    indicators: IdMap<(usize, usize)>,
    /// indicator id → positions in the cycle's measurements
    measurements: IdMap<Vec<usize>>,
    /// indicator id → its earlier version
    previous: IdMap<Id>,
    /// indicator id → the first and latest of its measurements in this cycle (see `ends`);
    /// made when first asked for (the dashboard needs it, step 5 does not)
    ends: std::sync::OnceLock<IdMap<(End, End)>>,
    /// Whether a measurement here belongs to an indicator of another cycle, or an id is used
    /// twice (a hand-edited file): then statuses are computed the long way.
    irregular: bool,
    /// How many indicators and measurements the cycle had (to notice an index that does not
    /// fit).
    counts: (usize, usize),
}

impl CycleIndex {
    pub fn of(c: &Cycle) -> Self {
        let mut index = Self::default();
        for (o, outcome) in c.outcomes.iter().enumerate() {
            for (n, i) in outcome.indicators.iter().enumerate() {
                index.irregular |= index.indicators.insert(i.id, (o, n)).is_some();
                index.counts.0 += 1;
                if let Some(prev) = i.previous {
                    index.previous.insert(i.id, prev);
                }
            }
        }
        for (n, m) in c.evaluation.measurements.iter().enumerate() {
            index.measurements.entry(m.indicator).or_default().push(n);
            index.irregular |= !index.indicators.contains_key(&m.indicator);
            index.counts.1 += 1;
        }
        index
    }

    /// The first and latest measurement of each indicator in `c` (the cycle this indexes).
    fn ends(&self, c: &Cycle) -> &IdMap<(End, End)> {
        self.ends.get_or_init(|| {
            let mut out = IdMap::default();
            for (id, list) in &self.measurements {
                let points = list.iter().filter_map(|&n| {
                    let m = c.evaluation.measurements.get(n)?;
                    Some(End {
                        measurement: m.id,
                        date: m.date,
                        value: m.value?,
                    })
                });
                if let (Some(first), Some(latest)) = ends(points) {
                    out.insert(*id, (first, latest));
                }
            }
            out
        })
    }

    /// The status of every indicator of cycle `cycle` of `project`, from an index per cycle
    /// (`cycles[k]` of `project.cycles[k]`, kept while a cycle does not change): while someone
    /// edits one cycle, the others are not read again. `None` when the indexes do not fit the
    /// project or the file is irregular (measurements under another cycle's indicator, links
    /// forward): then use [`SeriesIndex`].
    pub fn assess_cycle(
        project: &Project,
        cycle: usize,
        cycles: &[&CycleIndex],
    ) -> Option<Vec<(Id, Assessment)>> {
        let c = project.cycles.get(cycle)?;
        let fits = cycles.len() == project.cycles.len()
            && cycles.iter().zip(&project.cycles).all(|(ci, c)| {
                !ci.irregular
                    && ci.counts == (c.indicators().count(), c.evaluation.measurements.len())
            });
        if !fits {
            return None;
        }
        // an id used twice (a hand-edited file) could make the lineage ambiguous
        let total: usize = cycles.iter().map(|ci| ci.indicators.len()).sum();
        let mut seen = super::IdSet::default();
        seen.reserve(total);
        for ci in cycles {
            if ci.indicators.keys().any(|id| !seen.insert(*id)) {
                return None;
            }
        }
        let mut out = Vec::new();
        for ind in c.indicators() {
            if !cycles[cycle].indicators.contains_key(&ind.id) {
                return None;
            }
            // the lineage, newest first: (cycle index, indicator id)
            let mut chain = vec![(cycle, ind.id)];
            let (mut k, mut id) = (cycle, ind.id);
            while let Some(&prev) = cycles[k].previous.get(&id) {
                // an earlier version lives in an earlier cycle (usually the one before)
                let at = (0..k)
                    .rev()
                    .find(|&j| cycles[j].indicators.contains_key(&prev))?;
                chain.push((at, prev));
                (k, id) = (at, prev);
            }
            // oldest first, each version's measurements in entry order: as `SeriesIndex`
            let segments = chain
                .iter()
                .rev()
                .filter_map(|(k, id)| cycles[*k].ends(&project.cycles[*k]).get(id))
                .flat_map(|(first, latest)| [*first, *latest]);
            out.push((ind.id, assess_ends(ind, ends(segments))));
        }
        Some(out)
    }
}

/// Every indicator's series at once: built in one pass over the project, so drawing a cycle
/// with a thousand indicators does not scan every measurement a thousand times.
pub struct SeriesIndex<'a> {
    project: &'a Project,
    /// indicator id → (cycle index, the indicator, its earlier version): the lineage is
    /// followed in this map alone, without reading the indicators themselves
    indicators: IdMap<(usize, &'a Indicator, Option<Id>)>,
    /// indicator id → its measurements
    measurements: IdMap<Vec<Pos>>,
}

/// Where a measurement is (cycle index, position in that cycle's list), and what a status
/// needs of it: assessing a thousand indicators reads only these, one after the other.
#[derive(Clone, Copy, Debug)]
struct Pos {
    k: usize,
    n: usize,
    end: End,
}

impl Pos {
    /// `None` for a measurement without a value: it counts nowhere.
    fn of(k: usize, n: usize, m: &super::Measurement) -> Option<Self> {
        Some(Self {
            k,
            n,
            end: End {
                measurement: m.id,
                date: m.date,
                value: m.value?,
            },
        })
    }
}

impl<'a> SeriesIndex<'a> {
    pub fn new(project: &'a Project) -> Self {
        let mut indicators = IdMap::default();
        let mut measurements: IdMap<Vec<Pos>> = IdMap::default();
        for (k, c) in project.cycles.iter().enumerate() {
            for i in c.indicators() {
                indicators.insert(i.id, (k, i, i.previous));
            }
            for (n, m) in c.evaluation.measurements.iter().enumerate() {
                if let Some(pos) = Pos::of(k, n, m) {
                    measurements.entry(m.indicator).or_default().push(pos);
                }
            }
        }
        Self {
            project,
            indicators,
            measurements,
        }
    }

    pub fn indicator(&self, id: Id) -> Option<&'a Indicator> {
        self.indicators.get(&id).map(|e| e.1)
    }

    /// The ids of an indicator and of its earlier versions (following `previous`), newest first.
    pub fn lineage(&self, id: Id) -> Vec<Id> {
        let mut chain = vec![id];
        let mut current = id;
        while let Some(prev) = self.indicators.get(&current).and_then(|e| e.2) {
            if chain.contains(&prev) {
                break; // a loop in a hand-edited file: stop rather than hang
            }
            chain.push(prev);
            current = prev;
        }
        chain
    }

    /// Only what is needed for the series of `ids` (and their earlier versions): cheaper than
    /// [`SeriesIndex::new`] when a screen shows a few indicators of a large project.
    pub fn for_indicators(project: &'a Project, ids: &[Id]) -> Self {
        // Earlier versions live in earlier cycles: one pass from the last cycle to the first
        // collects the lineages without indexing every indicator of the project.
        let mut wanted: super::IdSet = ids.iter().copied().collect();
        let mut indicators = IdMap::default();
        for (k, c) in project.cycles.iter().enumerate().rev() {
            for i in c.indicators() {
                if wanted.contains(&i.id) {
                    indicators.insert(i.id, (k, i, i.previous));
                    if let Some(prev) = i.previous {
                        wanted.insert(prev);
                    }
                }
            }
        }
        let mut index = Self {
            project,
            indicators,
            measurements: IdMap::default(),
        };
        // a hand-edited file may link forward or to nothing: then the full index decides
        if wanted.iter().any(|id| !index.indicators.contains_key(id)) {
            let full = Self::new(project);
            index.indicators = full.indicators;
            wanted = ids.iter().flat_map(|id| index.lineage(*id)).collect();
        }
        for (k, c) in project.cycles.iter().enumerate() {
            for (n, m) in c.evaluation.measurements.iter().enumerate() {
                if wanted.contains(&m.indicator)
                    && let Some(pos) = Pos::of(k, n, m)
                {
                    index.measurements.entry(m.indicator).or_default().push(pos);
                }
            }
        }
        index
    }

    /// Like [`SeriesIndex::for_indicators`], from an index per cycle (`cycles[k]` of
    /// `project.cycles[k]`) that the caller keeps while a cycle does not change: while someone
    /// types in one cycle, the other cycles are not scanned again.
    pub fn from_cycle_indexes(project: &'a Project, ids: &[Id], cycles: &[&CycleIndex]) -> Self {
        if cycles.len() != project.cycles.len() {
            return Self::for_indicators(project, ids);
        }
        let mut wanted: super::IdSet = ids.iter().copied().collect();
        let mut index = Self {
            project,
            indicators: IdMap::default(),
            measurements: IdMap::default(),
        };
        for (k, c) in project.cycles.iter().enumerate().rev() {
            let ci = cycles[k];
            let found: Vec<Id> = wanted
                .iter()
                .copied()
                .filter(|id| ci.indicators.contains_key(id) && !index.indicators.contains_key(id))
                .collect();
            for id in found {
                let found = ci
                    .indicators
                    .get(&id)
                    .and_then(|&(o, n)| c.outcomes.get(o).and_then(|o| o.indicators.get(n)))
                    .filter(|i| i.id == id);
                let Some(i) = found else {
                    // the index does not fit the cycle: build from the project instead
                    return Self::for_indicators(project, ids);
                };
                index.indicators.insert(id, (k, i, i.previous));
                if let Some(prev) = i.previous {
                    wanted.insert(prev);
                }
            }
        }
        if wanted.iter().any(|id| !index.indicators.contains_key(id)) {
            return Self::for_indicators(project, ids);
        }
        // measurements: in every cycle (an indicator's own cycle holds them, but a hand-edited
        // file may put them elsewhere), from the per-cycle lists
        for (k, ci) in cycles.iter().enumerate() {
            for id in &wanted {
                if let Some(list) = ci.measurements.get(id) {
                    let m = &project.cycles[k].evaluation.measurements;
                    if list
                        .iter()
                        .any(|&n| m.get(n).is_none_or(|x| x.indicator != *id))
                    {
                        return Self::for_indicators(project, ids);
                    }
                    index
                        .measurements
                        .entry(*id)
                        .or_default()
                        .extend(list.iter().filter_map(|&n| Pos::of(k, n, &m[n])));
                }
            }
        }
        index
    }

    /// The assessment of an indicator, without copying its measurements at all.
    pub fn assess(&self, ind: &Indicator) -> Assessment {
        let mut lineage = self.lineage(ind.id);
        lineage.reverse();
        let points = lineage.into_iter().flat_map(|id| {
            self.measurements
                .get(&id)
                .into_iter()
                .flatten()
                .map(|p| p.end)
        });
        assess_ends(ind, ends(points))
    }

    /// The measurements of an indicator across cycles, sorted by date (undated last, in entry
    /// order): its own and those of its earlier versions.
    pub fn series(&self, id: Id) -> Vec<SeriesPoint> {
        let mut points: Vec<SeriesPoint> = Vec::new();
        let mut lineage = self.lineage(id);
        lineage.reverse(); // oldest first, like the cycles
        for ind in lineage {
            for p in self.measurements.get(&ind).into_iter().flatten() {
                let c = &self.project.cycles[p.k];
                let m = &c.evaluation.measurements[p.n];
                points.push(SeriesPoint {
                    measurement: m.id,
                    date: m.date,
                    value: p.end.value,
                    source: m.source.clone(),
                    note: m.note.clone(),
                    cycle: c.id,
                    earlier_cycle: m.indicator != id,
                });
            }
        }
        points.sort_by_key(|p| (p.date.is_none(), p.date));
        points
    }

    /// An indicator's series and its assessment.
    pub fn assessed(&self, ind: &Indicator) -> (Vec<SeriesPoint>, Assessment) {
        let series = self.series(ind.id);
        let a = assess(ind, &series);
        (series, a)
    }
}

impl Project {
    /// Where an indicator is: (cycle index, the indicator).
    pub fn find_indicator(&self, id: Id) -> Option<(usize, &Indicator)> {
        self.cycles
            .iter()
            .enumerate()
            .find_map(|(k, c)| c.indicator(id).map(|i| (k, i)))
    }

    /// The ids of an indicator and of its earlier versions (following `previous`), newest first.
    pub fn indicator_lineage(&self, id: Id) -> Vec<Id> {
        SeriesIndex::new(self).lineage(id)
    }

    /// The measurements of an indicator across cycles, as one series (see
    /// [`SeriesIndex::series`]; build a `SeriesIndex` once for many indicators).
    pub fn indicator_series(&self, id: Id) -> Vec<SeriesPoint> {
        SeriesIndex::new(self).series(id)
    }

    /// The assessment of an indicator over its whole series.
    pub fn assess_indicator(&self, id: Id) -> Option<Assessment> {
        let index = SeriesIndex::new(self);
        let ind = index.indicator(id)?;
        Some(assess(ind, &index.series(id)))
    }
}

impl Cycle {
    /// Adds measurements of an indicator (from an import or a paste). With `replace_same_date`,
    /// a row whose date already has a measurement of this indicator in this cycle replaces
    /// its value and source instead of adding a second one. Returns (added, replaced).
    pub fn add_measurements(
        &mut self,
        indicator: Id,
        rows: impl IntoIterator<Item = (NaiveDate, f64, String)>,
        replace_same_date: bool,
        mut new_id: impl FnMut() -> Id,
    ) -> (usize, usize) {
        let (mut added, mut replaced) = (0, 0);
        for (date, value, source) in rows {
            let existing =
                self.evaluation.measurements.iter_mut().find(|m| {
                    replace_same_date && m.indicator == indicator && m.date == Some(date)
                });
            match existing {
                Some(m) => {
                    m.value = Some(value);
                    if !source.is_empty() {
                        m.source = source;
                    }
                    replaced += 1;
                }
                None => {
                    self.evaluation.measurements.push(super::Measurement {
                        id: new_id(),
                        indicator,
                        date: Some(date),
                        value: Some(value),
                        source,
                        note: String::new(),
                    });
                    added += 1;
                }
            }
        }
        (added, replaced)
    }

    /// The interventions that should contribute to an outcome.
    pub fn interventions_for(&self, outcome: Id) -> impl Iterator<Item = &super::Intervention> {
        self.interventions
            .iter()
            .filter(move |i| i.contributions.iter().any(|c| c.outcome == outcome))
    }
}
