//! [`CycleIndex`]: where one cycle's indicators and measurements are, kept by a screen while
//! the cycle does not change, and the statuses of a cycle computed from one index per cycle.

use super::assess::{End, Ends, assess_ends, ends, target_passed};
use crate::model::Assessment;
use crate::model::{Cycle, Id, IdMap, IdSet, Project};
use chrono::NaiveDate;

/// Where a cycle's indicators and measurements are, by indicator id: kept by a screen while
/// the cycle does not change (see [`SeriesIndex::from_cycle_indexes`]).
#[derive(Clone, Debug, Default)]
pub struct CycleIndex {
    /// indicator id → (outcome index, index in the outcome's indicators)
    pub(super) indicators: IdMap<(usize, usize)>,
    /// indicator id → positions in the cycle's measurements
    pub(super) measurements: IdMap<Vec<usize>>,
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
                if let Ends {
                    first: Some(first),
                    latest: Some(latest),
                    ..
                } = ends(points(c, list), None)
                {
                    out.insert(*id, (first, latest));
                }
            }
            out
        })
    }

    /// The status on `today` of every indicator of cycle `cycle` of `project`, from an index per cycle
    /// (`cycles[k]` of `project.cycles[k]`, kept while a cycle does not change): while someone
    /// edits one cycle, the others are not read again. `None` when the indexes do not fit the
    /// project or the file is irregular (measurements under another cycle's indicator, links
    /// forward): then use [`SeriesIndex`].
    pub fn assess_cycle(
        project: &Project,
        cycle: usize,
        cycles: &[&CycleIndex],
        today: NaiveDate,
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
        let mut seen = IdSet::default();
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
            let mut found = ends(segments, None);
            // after the target date the status rests on the last measurement on or before it:
            // found in the lineage's own measurements (only for these indicators)
            if found.latest.is_some_and(|l| target_passed(ind, &l, today)) {
                let all = chain.iter().rev().flat_map(|&(k, id)| {
                    let list = cycles[k].measurements.get(&id).map_or(&[][..], |l| &l[..]);
                    points(&project.cycles[k], list)
                });
                found.by = ends(all, ind.target_date).by;
            }
            out.push((ind.id, assess_ends(ind, found, today)));
        }
        Some(out)
    }
}

/// The measurements at positions `list` of cycle `c` (the cycle this indexes) that have a
/// value.
fn points<'a>(c: &'a Cycle, list: &'a [usize]) -> impl Iterator<Item = End> + 'a {
    list.iter().filter_map(|&n| {
        let m = c.evaluation.measurements.get(n)?;
        Some(End {
            measurement: m.id,
            date: m.date,
            value: m.value?,
        })
    })
}
