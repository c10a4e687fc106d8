//! Charts of indicators: the full chart (egui_plot) with measurements, baseline, target and the
//! path between them, and the forecast "als er niets verandert"; a small trend line for the
//! dashboard; the status pill with its rule.

use super::legend::{Items, legend};
use crate::i18n::{fmt_date, fmt_month, fmt_number, forecast_method, forecast_reach, t};
use crate::model::{Indicator, SeriesPoint, forecast};
use chrono::{Datelike, NaiveDate};
use egui::{Color32, Ui};
use egui_plot::{GridMark, Line, LineStyle, MarkerShape, Plot, PlotPoints, Points};

pub use super::sparkline::sparkline;
pub use super::status::{basis_note, pill_width, status_color, status_pill};
use crate::ui::theme::colour;

pub(super) fn x_of(d: NaiveDate) -> f64 {
    f64::from(d.num_days_from_ce())
}

fn date_of(x: f64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(x.round() as i32)
}

/// Grid marks on the first day of a month, every so many months that a label of
/// `label_points` fits between two marks (egui_plot leaves out labels that do not fit), and
/// none closer to an edge than half a label, so no label is cut ("jan 202").
fn date_marks(input: egui_plot::GridInput, label_points: f64) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    let (Some(a), Some(b)) = (date_of(lo), date_of(hi)) else {
        return Vec::new();
    };
    // `base_step_size` is the value of 8 points on screen
    let per_point = input.base_step_size / 8.0;
    let min_days = label_points * per_point;
    let months_step = [1, 2, 3, 6, 12, 24, 36, 60, 120]
        .into_iter()
        .find(|m| 30.0 * f64::from(*m) >= min_days)
        .unwrap_or(240);
    let half = label_points * per_point / 2.0;
    let mut marks = Vec::new();
    // start on a month that is a multiple of the step (January for yearly marks)
    let mut m = a.year() * 12;
    while m <= b.year() * 12 + 11 {
        if let Some(d) = NaiveDate::from_ymd_opt(m.div_euclid(12), m.rem_euclid(12) as u32 + 1, 1) {
            let x = x_of(d);
            if x >= lo + half && x <= hi - half {
                marks.push(GridMark {
                    value: x,
                    step_size: 30.0 * f64::from(months_step),
                });
            }
        }
        m += months_step;
    }
    marks
}

/// Value marks a round step apart (1, 2 or 5 times a power of ten), as close as a label
/// of `gap_points` height allows: a short range gets several labels, not one.
fn value_marks(input: egui_plot::GridInput, gap_points: f64) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo {
        return Vec::new();
    }
    let min_step = (gap_points * input.base_step_size / 8.0).max(f64::MIN_POSITIVE);
    let power = 10f64.powf(min_step.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= min_step)
        .unwrap_or(10.0 * power);
    let mut marks = Vec::new();
    let mut v = (lo / step).ceil() * step;
    while v <= hi && marks.len() < 100 {
        marks.push(GridMark {
            value: v,
            step_size: step,
        });
        v += step;
    }
    marks
}

/// The chart of one indicator: measurements (earlier cycles included) as a line with points,
/// the baseline and target as points with a dashed path between them, the target level as a
/// dotted line, and the forecast "als er niets verandert" dashed from the last measurement to
/// the target date, with what it reaches in words below the chart. Hovering a point shows its
/// date, value and source; hovering the forecast (or its legend) how it was made.
pub fn indicator_chart(
    ui: &mut Ui,
    id: egui::Id,
    ind: &Indicator,
    series: &[SeriesPoint],
    height: f32,
) {
    let dated: Vec<&SeriesPoint> = series.iter().filter(|p| p.date.is_some()).collect();
    let points: Vec<[f64; 2]> = dated
        .iter()
        .filter_map(|p| p.date.map(|d| [x_of(d), p.value]))
        .collect();
    let baseline = ind
        .baseline_value
        .zip(ind.baseline_date)
        .map(|(v, d)| [x_of(d), v]);
    let target = ind
        .target_value
        .zip(ind.target_date)
        .map(|(v, d)| [x_of(d), v]);
    let unit = ind.unit.clone();
    let name_measured = t!("chart.measurements").to_owned();
    let name_baseline = t!("chart.baseline").to_owned();
    let name_target = t!("chart.target").to_owned();
    let name_path = t!("chart.path").to_owned();
    let hover_series: Vec<(Option<NaiveDate>, f64, String)> = dated
        .iter()
        .map(|p| (p.date, p.value, p.source.clone()))
        .collect();
    let with_unit = move |v: f64| {
        if unit.trim().is_empty() {
            fmt_number(v)
        } else {
            format!("{} {}", fmt_number(v), unit.trim())
        }
    };
    // sized by the text style, so the room's larger type (workshop mode) gets room too
    let body = egui::TextStyle::Body.resolve(ui.style());
    let label_points = f64::from(
        ui.fonts_mut(|f| {
            // measured, not drawn: the colour does not matter
            f.layout_no_wrap("mrt 2025".to_owned(), body.clone(), Color32::PLACEHOLDER)
                .size()
                .x
        }) + 24.0,
    );
    let gap_points = f64::from(body.size * 2.2);
    // the window shows every value as it is, so the forecast too (exports leave it out where
    // small counts are suppressed)
    let forecast = forecast(series, ind);
    let method = forecast.as_ref().map(forecast_method);
    legend(
        ui,
        &Items {
            baseline: baseline.is_some(),
            target: ind.target_value.is_some(),
            path: baseline.is_some() && target.is_some(),
            forecast: method.as_deref(),
        },
    );
    let name_forecast = t!("forecast.name").to_owned();
    let hover_name = name_measured.clone();
    let hover_forecast = name_forecast.clone();
    let hover_method = method.clone().unwrap_or_default();
    let fmt_value = with_unit.clone();
    let mut plot = Plot::new(id)
        .height(height)
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        .show_crosshair(false)
        // room at the sides for the first and last date label, which sit centred on their mark
        .set_margin_fraction(egui::vec2(0.08, 0.05))
        .x_grid_spacer(move |input| date_marks(input, label_points))
        .y_grid_spacer(move |input| value_marks(input, gap_points))
        .y_axis_formatter(|mark, _| fmt_number(mark.value))
        .x_axis_formatter(|mark, _| date_of(mark.value).map(fmt_month).unwrap_or_default())
        .y_axis_label(if ind.unit.trim().is_empty() {
            t!("measurement.value").to_owned()
        } else {
            ind.unit.trim().to_owned()
        })
        .label_formatter(move |pos| match pos {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                index,
                position,
            } => {
                if *plot_name == hover_name {
                    let (d, v, source) = hover_series.get(*index)?;
                    let mut s =
                        format!("{}\n{}", d.map(fmt_date).unwrap_or_default(), fmt_value(*v));
                    if !source.is_empty() {
                        s.push_str(&format!("\n{}: {source}", t!("measurement.source")));
                    }
                    Some(s)
                } else if *plot_name == hover_forecast {
                    let d = date_of(position.x).map(fmt_date).unwrap_or_default();
                    Some(format!("{hover_method}\n{d}\n{}", fmt_value(position.y)))
                } else {
                    let d = date_of(position.x).map(fmt_date).unwrap_or_default();
                    Some(format!("{plot_name}\n{d}\n{}", fmt_value(position.y)))
                }
            }
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        });
    // keep the target and baseline in view, and zero when the figures are near it
    for p in baseline.iter().chain(target.iter()) {
        plot = plot.include_x(p[0]).include_y(p[1]);
    }
    if let Some(v) = ind.target_value {
        plot = plot.include_y(v);
    }
    plot.show(ui, |plot_ui| {
        if let (Some(b), Some(tg)) = (baseline, target) {
            plot_ui.line(
                Line::new(name_path, PlotPoints::new(vec![b, tg]))
                    .color(colour::path())
                    .style(LineStyle::dashed_loose())
                    .width(1.5),
            );
        }
        if let Some(v) = ind.target_value {
            plot_ui.add(
                egui_plot::HLine::new(name_target.clone(), v)
                    .color(colour::on_track())
                    .style(LineStyle::dotted_dense())
                    .width(1.0),
            );
        }
        if let Some(b) = baseline {
            plot_ui.points(
                Points::new(name_baseline, PlotPoints::new(vec![b]))
                    .shape(MarkerShape::Square)
                    .radius(6.0)
                    .color(colour::baseline()),
            );
        }
        if let Some(tg) = target {
            plot_ui.points(
                Points::new(name_target, PlotPoints::new(vec![tg]))
                    .shape(MarkerShape::Diamond)
                    .radius(8.0)
                    .color(colour::on_track()),
            );
        }
        if !points.is_empty() {
            plot_ui.line(
                Line::new(name_measured.clone(), PlotPoints::new(points.clone()))
                    .color(colour::series())
                    .width(2.5),
            );
            plot_ui.points(
                Points::new(name_measured, PlotPoints::new(points))
                    .radius(4.5)
                    .color(colour::series())
                    .filled(true),
            );
        }
        if let Some(f) = forecast {
            plot_ui.line(
                Line::new(
                    name_forecast,
                    PlotPoints::new(vec![[x_of(f.from.0), f.from.1], [x_of(f.to.0), f.to.1]]),
                )
                .color(colour::forecast())
                .style(LineStyle::dashed_dense())
                .width(2.0),
            );
        }
    });
    if let Some(f) = forecast {
        ui.add(egui::Label::new(forecast_reach(&f, ind.target_value, &with_unit)).wrap());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(lo: f64, hi: f64, points: f64) -> egui_plot::GridInput {
        // a chart `points` wide (or high) over lo..hi
        egui_plot::GridInput {
            bounds: (lo, hi),
            base_step_size: (hi - lo) / points * 8.0,
        }
    }

    #[test]
    fn a_short_range_gets_several_value_labels() {
        // 4.1 to 4.5 over 200 points, labels 40 points apart: at least 3 marks
        let marks = value_marks(input(4.1, 4.5, 200.0), 40.0);
        assert!(marks.len() >= 3, "{} marks", marks.len());
        // evenly spaced, on round values
        let step = marks[1].value - marks[0].value;
        assert!(
            (step - 0.1).abs() < 1e-9 || (step - 0.05).abs() < 1e-9,
            "{step}"
        );
        // and never closer than a label's height
        let wide = value_marks(input(0.0, 1000.0, 200.0), 40.0);
        assert!(wide.len() <= 6, "{} marks", wide.len());
        assert!(value_marks(input(3.0, 3.0, 200.0), 40.0).is_empty());
    }

    #[test]
    fn date_labels_keep_clear_of_the_edges() {
        let lo = x_of(NaiveDate::from_ymd_opt(2023, 12, 20).unwrap_or_default());
        let hi = x_of(NaiveDate::from_ymd_opt(2026, 1, 10).unwrap_or_default());
        let label = 90.0;
        let marks = date_marks(input(lo, hi, 500.0), label);
        assert!(!marks.is_empty());
        let half = label * (hi - lo) / 500.0 / 2.0;
        for m in &marks {
            assert!(
                m.value >= lo + half && m.value <= hi - half,
                "a label is cut at the edge"
            );
        }
        // a label twice as wide means fewer marks
        assert!(date_marks(input(lo, hi, 500.0), 180.0).len() < marks.len());
    }
}
