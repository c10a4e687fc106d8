//! The small trend line of an indicator on the dashboard: its measurements, the baseline and
//! the target, and the forecast "als er niets verandert", without axes.

use super::charts::x_of;
use crate::i18n::{fmt_number, forecast_method, forecast_reach};
use crate::model::{Forecast, Indicator, SeriesPoint, forecast};
use crate::ui::theme::colour;
use egui::{Response, Sense, Stroke, Ui};

/// A small trend line without axes, with the target level as a dotted line and the forecast
/// dashed to the target date; hovering it says how the forecast was made and what it reaches
/// (which is also what a screen reader hears).
pub fn sparkline(
    ui: &mut Ui,
    ind: &Indicator,
    series: &[SeriesPoint],
    size: egui::Vec2,
) -> Response {
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    // the window shows every value as it is, so the forecast too
    let f = forecast(series, ind);
    paint(
        &ui.painter_at(rect),
        rect,
        ind,
        series,
        f.as_ref(),
        ui.visuals(),
    );
    match f {
        Some(f) => {
            let unit = ind.unit.trim();
            let shown = |v: f64| {
                if unit.is_empty() {
                    fmt_number(v)
                } else {
                    format!("{} {unit}", fmt_number(v))
                }
            };
            let text = format!(
                "{}.\n{}",
                forecast_method(&f),
                forecast_reach(&f, ind.target_value, shown)
            );
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &text));
            response.on_hover_text(text)
        }
        None => response,
    }
}

/// Paints the trend line of `ind` into `rect`, with its forecast when it has one.
fn paint(
    painter: &egui::Painter,
    rect: egui::Rect,
    ind: &Indicator,
    series: &[SeriesPoint],
    forecast: Option<&Forecast>,
    visuals: &egui::Visuals,
) {
    painter.rect_filled(rect, 4.0, visuals.faint_bg_color);
    let pts: Vec<(f64, f64)> = series
        .iter()
        .filter_map(|p| p.date.map(|d| (x_of(d), p.value)))
        .collect();
    if pts.is_empty() {
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            "–",
            egui::FontId::proportional((rect.height() * 0.5).clamp(8.0, 14.0)),
            visuals.weak_text_color(),
        );
        return;
    }
    let mut ys: Vec<f64> = pts.iter().map(|p| p.1).collect();
    ys.extend(ind.target_value);
    ys.extend(ind.baseline_value);
    // the forecast's end widens the chart to the target date
    let end = forecast.map(|f| (x_of(f.to.0), f.to.1));
    ys.extend(end.map(|e| e.1));
    let (ymin, ymax) = ys
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), y| {
            (a.min(*y), b.max(*y))
        });
    let (xmin, xmax) = pts
        .iter()
        .chain(end.iter())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| {
            (a.min(p.0), b.max(p.0))
        });
    let inner = rect.shrink((rect.height() * 0.12).clamp(2.0, 5.0));
    let sx = |x: f64| {
        if xmax > xmin {
            inner.left() + ((x - xmin) / (xmax - xmin)) as f32 * inner.width()
        } else {
            inner.center().x
        }
    };
    let sy = |y: f64| {
        if ymax > ymin {
            inner.bottom() - ((y - ymin) / (ymax - ymin)) as f32 * inner.height()
        } else {
            inner.center().y
        }
    };
    if let Some(tv) = ind.target_value {
        let y = sy(tv);
        let mut x = inner.left();
        while x < inner.right() {
            painter.line_segment(
                [
                    egui::pos2(x, y),
                    egui::pos2((x + 3.0).min(inner.right()), y),
                ],
                Stroke::new(1.0, colour::on_track()),
            );
            x += 6.0;
        }
    }
    let line: Vec<egui::Pos2> = pts
        .iter()
        .map(|(x, y)| egui::pos2(sx(*x), sy(*y)))
        .collect();
    painter.add(egui::Shape::line(
        line.clone(),
        Stroke::new(2.0, colour::series()),
    ));
    if let Some(f) = forecast {
        let from = egui::pos2(sx(x_of(f.from.0)), sy(f.from.1));
        let to = egui::pos2(sx(x_of(f.to.0)), sy(f.to.1));
        super::legend::dashed(painter, from, to, 1.5);
    }
    if let Some(last) = line.last() {
        painter.circle_filled(*last, 3.5, colour::series());
    }
}
