//! Monitoring: an indicator's measurements as one series across cycles, and its status against
//! baseline and target.
//!
//! - `assess.rs`: the status rule, [`Status`], [`Reason`], [`Assessment`];
//! - `series.rs`: [`SeriesIndex`], every series at once, following `previous` links;
//! - `index.rs`: [`CycleIndex`], one cycle's index, kept while the cycle does not change;
//! - `add.rs`: adding imported or pasted measurements to a cycle;
//! - `forecast.rs`: [`Forecast`], the measured trend continued to the target date;
//! - here: [`SeriesPoint`] and the project-level shortcuts (`Project::indicator_series`, …).

mod add;
mod assess;
mod forecast;
mod index;
mod series;

pub use assess::{Assessment, MAINTAIN_BAND, Reason, Status, assess};
pub use forecast::{FORECAST_MIN_POINTS, Forecast, fit_line, forecast};
pub use index::CycleIndex;
pub use series::SeriesIndex;

use super::{Id, Indicator, Project};
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

    /// The assessment of an indicator over its whole series, on `today`.
    pub fn assess_indicator(&self, id: Id, today: NaiveDate) -> Option<Assessment> {
        let index = SeriesIndex::new(self);
        let ind = index.indicator(id)?;
        Some(assess(ind, &index.series(id), today))
    }
}

impl super::Cycle {
    /// A number that changes when anything the statuses of this cycle's indicators rest on
    /// changes here: an indicator's rule (direction, baseline, target, dates, its earlier
    /// version, whether it counts) or a measurement. Renaming the cycle, typing in a
    /// description or adding an intervention leaves it: a screen keeps its statuses then.
    /// (What other cycles contribute is followed by their own generations.)
    pub fn status_fingerprint(&self) -> u64 {
        use super::Content;
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for o in &self.outcomes {
            o.id.hash(&mut h);
            for i in &o.indicators {
                i.id.hash(&mut h);
                i.has_content().hash(&mut h);
                i.direction.hash(&mut h);
                i.baseline_value.map(f64::to_bits).hash(&mut h);
                i.baseline_date.hash(&mut h);
                i.target_value.map(f64::to_bits).hash(&mut h);
                i.target_date.hash(&mut h);
                i.previous.hash(&mut h);
                i.counts_people.hash(&mut h);
            }
        }
        for m in &self.evaluation.measurements {
            m.id.hash(&mut h);
            m.indicator.hash(&mut h);
            m.date.hash(&mut h);
            m.value.map(f64::to_bits).hash(&mut h);
        }
        h.finish()
    }
}
