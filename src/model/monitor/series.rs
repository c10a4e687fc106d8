//! [`SeriesIndex`]: every indicator's series at once (or only those of a few indicators),
//! following `previous` links across cycles, built in one pass over the project.

use super::assess::{End, assess_ends, ends};
use super::{Assessment, CycleIndex, SeriesPoint, assess};
use crate::model::{Id, IdMap, IdSet, Indicator, Measurement, Project};
use chrono::NaiveDate;

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
    fn of(k: usize, n: usize, m: &Measurement) -> Option<Self> {
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
        let mut wanted: IdSet = ids.iter().copied().collect();
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
        let mut wanted: IdSet = ids.iter().copied().collect();
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

    /// The assessment of an indicator on `today`, without copying its measurements at all.
    pub fn assess(&self, ind: &Indicator, today: NaiveDate) -> Assessment {
        let mut lineage = self.lineage(ind.id);
        lineage.reverse();
        let points = lineage.into_iter().flat_map(|id| {
            self.measurements
                .get(&id)
                .into_iter()
                .flatten()
                .map(|p| p.end)
        });
        assess_ends(ind, ends(points, ind.target_date), today)
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

    /// An indicator's series and its assessment on `today`.
    pub fn assessed(&self, ind: &Indicator, today: NaiveDate) -> (Vec<SeriesPoint>, Assessment) {
        let series = self.series(ind.id);
        let a = assess(ind, &series, today);
        (series, a)
    }
}
