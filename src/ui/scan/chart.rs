//! The scan's chart: each working factor's average against the national figures (and the
//! previous scan's, when there is one), drawn with the painter so it reads from the back row.

use super::Context;
use super::results::round1;
use crate::i18n::{Label, fmt_number, t, tf};
use crate::model::*;
use crate::ui::theme::colour;
use egui::{Align2, FontId, Sense, Stroke, Ui, pos2, vec2};

/// Factor by factor: the region (bar), the national figure of 2021 (black tick) and 2018
/// (grey tick), and the previous scan (open circle), on the 1–5 scale.
pub(super) fn factor_chart(
    ui: &mut Ui,
    scan: &Scan,
    previous: Option<&ScanHistoryPoint>,
    cx: &Context,
) {
    let label_w = 270.0_f32.min(ui.available_width() * 0.38);
    let row_h = 30.0;
    let rows = Factor::ALL.len() as f32 + 1.0; // plus the "borging" divider
    let width = ui.available_width();
    let height = 56.0 + rows * row_h;
    let (rect, resp) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    let p = ui.painter_at(rect);
    let text = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    let x0 = rect.left() + label_w + 10.0;
    let x1 = rect.right() - 50.0;
    let sx = |v: f64| x0 + ((v - 1.0) / 4.0) as f32 * (x1 - x0);
    // legend
    let mut lx = rect.left();
    let ly = rect.top() + 10.0;
    let small = FontId::proportional(14.0);
    p.rect_filled(
        egui::Rect::from_min_size(pos2(lx, ly - 6.0), vec2(22.0, 12.0)),
        2.0,
        colour::series(),
    );
    lx += 28.0;
    lx += p
        .text(
            pos2(lx, ly),
            Align2::LEFT_CENTER,
            t!("scan.legend_region"),
            small.clone(),
            text,
        )
        .width()
        + 24.0;
    p.line_segment(
        [pos2(lx, ly - 9.0), pos2(lx, ly + 9.0)],
        Stroke::new(3.0, text),
    );
    lx += 8.0;
    lx += p
        .text(
            pos2(lx, ly),
            Align2::LEFT_CENTER,
            t!("scan.legend_national"),
            small.clone(),
            text,
        )
        .width()
        + 24.0;
    p.line_segment(
        [pos2(lx, ly - 6.0), pos2(lx, ly + 6.0)],
        Stroke::new(2.0, weak),
    );
    lx += 8.0;
    lx += p
        .text(
            pos2(lx, ly),
            Align2::LEFT_CENTER,
            t!("scan.legend_2018"),
            small.clone(),
            text,
        )
        .width()
        + 24.0;
    if let Some(h) = previous {
        p.circle_stroke(pos2(lx + 6.0, ly), 6.0, Stroke::new(2.5, colour::behind()));
        lx += 18.0;
        p.text(
            pos2(lx, ly),
            Align2::LEFT_CENTER,
            tf!("scan.legend_previous", scan = &cx.history_name(h)),
            small.clone(),
            text,
        );
    }
    // scale
    let top = rect.top() + 40.0;
    let bottom = rect.bottom() - 4.0;
    for v in 1..=5 {
        let x = sx(f64::from(v));
        p.line_segment(
            [pos2(x, top), pos2(x, bottom)],
            Stroke::new(1.0, ui.visuals().faint_bg_color.gamma_multiply(3.0)),
        );
        p.line_segment(
            [pos2(x, top), pos2(x, bottom)],
            Stroke::new(0.5, weak.gamma_multiply(0.5)),
        );
        p.text(
            pos2(x, top - 2.0),
            Align2::CENTER_BOTTOM,
            v.to_string(),
            small.clone(),
            weak,
        );
    }
    let mut y = top + 4.0;
    let averages = scan.averages();
    let mut hover_lines = Vec::new();
    for (k, f) in Factor::ALL.iter().enumerate() {
        if *f == Factor::BORGING[0] {
            p.text(
                pos2(rect.left(), y + row_h / 2.0),
                Align2::LEFT_CENTER,
                t!("scan.borging"),
                FontId::proportional(15.0),
                weak,
            );
            y += row_h;
        }
        let cy = y + row_h / 2.0;
        let label = p.layout(
            f.label().to_owned(),
            FontId::proportional(16.0),
            text,
            label_w,
        );
        p.galley(pos2(rect.left(), cy - label.size().y / 2.0), label, text);
        if let Some(a) = averages[k] {
            let bar = egui::Rect::from_min_max(pos2(sx(1.0), cy - 8.0), pos2(sx(a), cy + 8.0));
            p.rect_filled(bar, 3.0, colour::series());
            p.text(
                pos2(sx(5.0) + 8.0, cy),
                Align2::LEFT_CENTER,
                fmt_number(round1(a)),
                FontId::proportional(16.0),
                text,
            );
        }
        if let Some(o) = f.national_2018() {
            let x = sx(o);
            p.line_segment(
                [pos2(x, cy - 8.0), pos2(x, cy + 8.0)],
                Stroke::new(2.0, weak),
            );
        }
        let n = sx(f.national_2021());
        p.line_segment(
            [pos2(n, cy - 12.0), pos2(n, cy + 12.0)],
            Stroke::new(3.0, text),
        );
        if let Some(prev) = previous.and_then(|h| h.averages[k]) {
            p.circle_stroke(pos2(sx(prev), cy), 6.0, Stroke::new(2.5, colour::behind()));
        }
        let mut line = format!(
            "{}: {} {}, {} {}",
            f.label(),
            t!("scan.legend_region"),
            averages[k].map_or("–".to_owned(), |a| fmt_number(round1(a))),
            t!("scan.legend_national"),
            fmt_number(f.national_2021())
        );
        if let Some(prev) = previous.and_then(|h| h.averages[k]) {
            line.push_str(&format!(
                ", {} {}",
                t!("scan.previous"),
                fmt_number(round1(prev))
            ));
        }
        hover_lines.push(line);
        y += row_h;
    }
    resp.on_hover_ui(|ui| {
        for l in &hover_lines {
            ui.label(l);
        }
    });
}
