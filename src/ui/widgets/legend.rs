//! The legend of an indicator's chart: a row above it, so it never covers the figures.

use crate::i18n::t;
use crate::ui::theme::colour;
use egui::{Sense, Stroke, Ui};

/// What the chart shows besides the measurements.
pub(super) struct Items<'a> {
    pub baseline: bool,
    pub target: bool,
    pub path: bool,
    /// The forecast "als er niets verandert", with how it was made (shown on hover).
    pub forecast: Option<&'a str>,
}

/// The chart's legend; in the size of the body text (so in the room's size in workshop
/// mode), with the target's dotted line and the forecast's dashes.
pub(super) fn legend(ui: &mut Ui, items: &Items<'_>) {
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
            response
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
        if items.baseline {
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
        if items.target {
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
        if items.path {
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
        if let Some(method) = items.forecast {
            mark(
                ui,
                &|p, c| dashes(p, c, 13.0 * k, 2.0 * k),
                t!("forecast.name"),
            )
            .on_hover_text(method);
        }
    });
}

/// The forecast's dashes, `half` either side of `c` (the legend's mark and the sparkline's).
pub(super) fn dashes(p: &egui::Painter, c: egui::Pos2, half: f32, width: f32) {
    dashed(
        p,
        c - egui::vec2(half, 0.0),
        c + egui::vec2(half, 0.0),
        width,
    );
}

/// A dashed line from `a` to `b` in the forecast's colour: dashes of three line widths with
/// gaps of two.
pub(super) fn dashed(p: &egui::Painter, a: egui::Pos2, b: egui::Pos2, width: f32) {
    let length = a.distance(b);
    if length <= 0.0 {
        return;
    }
    let (dash, gap) = (3.0 * width.max(1.0), 2.0 * width.max(1.0));
    let dir = (b - a) / length;
    let mut at = 0.0;
    while at < length {
        let end = (at + dash).min(length);
        p.line_segment(
            [a + dir * at, a + dir * end],
            Stroke::new(width, colour::forecast()),
        );
        at = end + gap;
    }
}
