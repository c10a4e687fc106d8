//! Adding measurements to a cycle (from an import or a paste), and the interventions that
//! contribute to an outcome.

use crate::model::{Cycle, Id, Intervention, Measurement};
use chrono::NaiveDate;

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
                    self.evaluation.measurements.push(Measurement {
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
    pub fn interventions_for(&self, outcome: Id) -> impl Iterator<Item = &Intervention> {
        self.interventions
            .iter()
            .filter(move |i| i.contributions.iter().any(|c| c.outcome == outcome))
    }
}
