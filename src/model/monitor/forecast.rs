//! The forecast "if nothing changes" ("als er niets verandert"): the measured trend of an
//! indicator continued to its target date. A least-squares straight line through the dated
//! measurements of its series (across cycles), drawn from the last measurement to the target
//! date. Nothing is forecast from fewer than [`FORECAST_MIN_POINTS`] dated measurements, nor without a
//! target date after the last one (there is nothing to continue to).

use super::SeriesPoint;
use crate::model::Indicator;
use chrono::NaiveDate;

/// The fewest dated measurements a forecast is drawn through.
pub const FORECAST_MIN_POINTS: usize = 3;

/// A straight line through an indicator's dated measurements, continued to its target date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Forecast {
    /// The change per day.
    pub slope: f64,
    /// The line's value on `origin`.
    pub intercept: f64,
    /// The day the line is counted from: the first dated measurement.
    pub origin: NaiveDate,
    /// Where the drawn forecast starts: the line at the last measurement's date.
    pub from: (NaiveDate, f64),
    /// Where it ends: the line at the target date.
    pub to: (NaiveDate, f64),
    /// How many measurements the line goes through.
    pub n: usize,
    /// The decimals the measurements are given in (0 to 2): what the line reaches is said to
    /// that precision, never more exactly than what was measured.
    pub decimals: u8,
}

impl Forecast {
    /// The line's value on `date`.
    pub fn at(&self, date: NaiveDate) -> f64 {
        self.intercept + self.slope * (date - self.origin).num_days() as f64
    }

    /// The value at the target date, rounded to the measurements' precision ("ongeveer 41").
    pub fn reached(&self) -> f64 {
        let k = 10f64.powi(i32::from(self.decimals));
        let v = (self.to.1 * k).round() / k;
        // no "-0"
        if v == 0.0 { 0.0 } else { v }
    }
}

/// The forecast of `ind` from its series (see [`Forecast`]); `None` with fewer than
/// [`FORECAST_MIN_POINTS`] dated measurements, all on one day, or without a target date after the last.
/// Undated measurements are left out.
pub fn forecast(series: &[SeriesPoint], ind: &Indicator) -> Option<Forecast> {
    let target = ind.target_date?;
    let dated: Vec<(NaiveDate, f64)> = series
        .iter()
        .filter_map(|p| p.date.map(|d| (d, p.value)))
        .filter(|(_, v)| v.is_finite())
        .collect();
    fit_line(&dated, target)
}

/// The least-squares line through `points` (in any order), continued to `target`.
pub fn fit_line(points: &[(NaiveDate, f64)], target: NaiveDate) -> Option<Forecast> {
    if points.len() < FORECAST_MIN_POINTS {
        return None;
    }
    let origin = points.iter().map(|p| p.0).min()?;
    let last = points.iter().map(|p| p.0).max()?;
    if target <= last {
        return None;
    }
    let n = points.len() as f64;
    let x = |d: NaiveDate| (d - origin).num_days() as f64;
    // around the means, so that days counted in hundreds lose nothing to rounding
    let mx = points.iter().map(|p| x(p.0)).sum::<f64>() / n;
    let my = points.iter().map(|p| p.1).sum::<f64>() / n;
    let (mut sxx, mut sxy) = (0.0, 0.0);
    for (d, v) in points {
        let dx = x(*d) - mx;
        sxx += dx * dx;
        sxy += dx * (v - my);
    }
    if sxx <= 0.0 {
        return None; // all on one day: no direction to continue
    }
    let slope = sxy / sxx;
    let intercept = my - slope * mx;
    let mut f = Forecast {
        slope,
        intercept,
        origin,
        from: (last, 0.0),
        to: (target, 0.0),
        n: points.len(),
        decimals: points.iter().map(|p| decimals(p.1)).max().unwrap_or(0),
    };
    // through the means: the value at the last measurement from there, not from day 0
    f.from.1 = my + slope * (x(last) - mx);
    f.to.1 = my + slope * (x(target) - mx);
    (f.slope.is_finite() && f.from.1.is_finite() && f.to.1.is_finite()).then_some(f)
}

/// How many decimals (0 to 2) a measured value is given in.
fn decimals(v: f64) -> u8 {
    (0..2u8)
        .find(|k| {
            let m = 10f64.powi(i32::from(*k));
            ((v * m).round() - v * m).abs() < 1e-6
        })
        .unwrap_or(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_follow_the_measurement() {
        assert_eq!(decimals(41.0), 0);
        assert_eq!(decimals(10.5), 1);
        assert_eq!(decimals(8.25), 2);
        assert_eq!(decimals(1.0 / 3.0), 2);
        assert_eq!(decimals(-3.5), 1);
    }
}
