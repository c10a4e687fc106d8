//! Charts of indicators: the full chart (egui_plot) with measurements, baseline, target and the
//! path between them; a small trend line for the dashboard; the status pill with its rule.

use crate::i18n::{fmt_date, fmt_month, fmt_number, t};
use crate::model::{Indicator, SeriesPoint};
use chrono::{Datelike, NaiveDate};
use egui::{Color32, Sense, Stroke, Ui};
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
/// dotted line. Hovering a point shows its date, value and source.
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
    legend(
        ui,
        baseline.is_some(),
        ind.target_value.is_some(),
        baseline.is_some() && target.is_some(),
    );
    let hover_name = name_measured.clone();
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
    });
}

/// The chart's legend as a row above it, so it never covers the figures; in the size of the
/// body text (so in the room's size in workshop mode), with the target's dotted line.
fn legend(ui: &mut Ui, baseline: bool, target: bool, path: bool) {
    let size = ui.text_style_height(&egui::TextStyle::Body);
    let k = size / 18.0;
    ui.horizontal_wrapped(|ui| {
        // an item (its mark and its words) moves to the next line whole
        let mark = |ui: &mut Ui, draw: &dyn Fn(&egui::Painter, egui::Pos2), text: &str| {
            let galley = egui::WidgetText::from(text).into_galley(
                ui,
                Some(egui::TextWrapMode::Extend),
                f32::INFINITY,
                egui::TextStyle::Body,
            );
            let gap = ui.spacing().item_spacing.x;
            let width = 30.0 * k + gap + galley.size().x + 10.0 * k;
            let (rect, response) = ui
                .allocate_exact_size(egui::vec2(width, size.max(galley.size().y)), Sense::hover());
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
            let mark_at = egui::pos2(rect.min.x + 15.0 * k, rect.center().y);
            draw(ui.painter(), mark_at);
            let text_at = egui::pos2(
                rect.min.x + 30.0 * k + gap,
                rect.center().y - galley.size().y / 2.0,
            );
            ui.painter()
                .galley(text_at, galley, ui.visuals().text_color());
        };
        mark(
            ui,
            &|p, c| {
                p.line_segment(
                    [c - egui::vec2(12.0 * k, 0.0), c + egui::vec2(12.0 * k, 0.0)],
                    Stroke::new(2.5 * k, colour::series()),
                );
                p.circle_filled(c, 4.5 * k, colour::series());
            },
            t!("chart.measurements"),
        );
        if baseline {
            mark(
                ui,
                &|p, c| {
                    p.rect_filled(
                        egui::Rect::from_center_size(c, egui::vec2(10.0 * k, 10.0 * k)),
                        0.0,
                        colour::baseline(),
                    );
                },
                t!("chart.baseline"),
            );
        }
        if target {
            mark(
                ui,
                &|p, c| {
                    // the dotted target level, with the target's diamond on it
                    let mut x = -13.0 * k;
                    while x < 13.0 * k {
                        p.circle_filled(c + egui::vec2(x, 0.0), 1.2 * k, colour::on_track());
                        x += 4.0 * k;
                    }
                    let d = 6.5 * k;
                    p.add(egui::Shape::convex_polygon(
                        vec![
                            c + egui::vec2(0.0, -d),
                            c + egui::vec2(d, 0.0),
                            c + egui::vec2(0.0, d),
                            c + egui::vec2(-d, 0.0),
                        ],
                        colour::on_track(),
                        Stroke::NONE,
                    ));
                },
                t!("chart.target"),
            );
        }
        if path {
            mark(
                ui,
                &|p, c| {
                    for (a, b) in [(-12.0, -6.0), (-2.0, 4.0), (8.0, 12.0)] {
                        p.line_segment(
                            [c + egui::vec2(a * k, 0.0), c + egui::vec2(b * k, 0.0)],
                            Stroke::new(1.5 * k, colour::path()),
                        );
                    }
                },
                t!("chart.path"),
            );
        }
    });
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
