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
