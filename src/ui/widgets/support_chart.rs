//! The support analysis as a chart (step 1 under the totals, and a page of workshop mode):
//! per school, then per sector and for the region, four bars side by side — education
//! support, youth care, both (the grey zone, grey and hatched) and waiting — on one scale,
//! with the value at the end of each bar and, where the school was there in the cycle before,
//! that value as a ghost bar behind it (37 ➡ 41). It draws only what `model::support_chart`
//! allows outside the editor: a small count is the words "< 5" and no bar, a hidden one "•".
//! Sizes follow the body text, so workshop mode's larger type makes a larger chart. Each row
//! is one node with all its values in words, for screen readers and tests.

use crate::i18n::{Label, fmt_number, t, tf};
use crate::model::{BARS, ChartRow, Count, RowKey, Shown, SupportChart, scale_of};
use crate::ui::theme::colour;
use egui::{Align2, Color32, FontId, Rect, RichText, Sense, Stroke, Ui, pos2, vec2};

/// The colour of a bar.
fn colour_of(c: Count) -> Color32 {
    match c {
        Count::EducationSupport => colour::series(),
        Count::YouthCare => colour::youth_care(),
        Count::Both => colour::grey_zone(),
        _ => colour::behind(),
    }
}

/// A shown count in words: the number, "< N", "•" (hidden) or "–" (not filled in).
fn shown_text(s: Shown, below: u32) -> String {
    match s {
        Shown::Value(v) => fmt_number(f64::from(v)),
        Shown::Small => format!("< {below}"),
        Shown::Hidden => format!(
            "{} {}",
            crate::model::HIDDEN_MARK,
            t!("support.chart_hidden")
        ),
        Shown::Empty => "–".to_owned(),
    }
}

/// A share as a whole percentage ("32 %"): a chart is read from a distance.
fn share_text(v: f64) -> String {
    format!("{} %", fmt_number((v * 100.0).round()))
}

/// What a bar says at its end: this cycle's value, after the one before when there is one.
fn bar_text(b: crate::model::Bar, below: u32) -> String {
    match b.before {
        Shown::Empty => shown_text(b.now, below),
        before => format!(
            "{} ➡ {}",
            shown_text(before, below),
            shown_text(b.now, below)
        ),
    }
}

/// The row's name: the school's, the sector's, or "Regio".
fn row_name(r: &ChartRow) -> String {
    match r.key {
        RowKey::School(_) => crate::ui::widgets::display_name(&r.name).to_owned(),
        RowKey::Sector(s) => s.label().to_owned(),
        RowKey::Region => t!("support.region").to_owned(),
    }
}

/// The grey zone's share under the name (32 % grijs, 30 % ➡ 41 % grijs).
fn share_line(r: &ChartRow) -> Option<String> {
    let share = match (r.share_before, r.share) {
        (Some(b), Some(n)) => format!("{} ➡ {}", share_text(b), share_text(n)),
        (Some(b), None) => format!("{} ➡ –", share_text(b)),
        (None, Some(n)) => share_text(n),
        (None, None) => return None,
    };
    Some(tf!("support.chart_share", share = &share))
}

/// The row in words: its name and every bar's value (and the one before).
fn row_words(r: &ChartRow, below: u32) -> String {
    let bars: Vec<String> = (BARS.iter().zip(&r.bars))
        .map(|(c, b)| format!("{} {}", c.label(), bar_text(*b, below)))
        .collect();
    let mut text = format!("{}: {}", row_name(r), bars.join(", "));
    if let Some(share) = share_line(r) {
        text.push_str("; ");
        text.push_str(&share);
    }
    text
}

/// The legend: the four bars in their order, and the ghost bar of the cycle before.
fn legend(ui: &mut Ui, chart: &SupportChart) {
    let size = ui.text_style_height(&egui::TextStyle::Body);
    ui.horizontal_wrapped(|ui| {
        let item = |ui: &mut Ui, text: &str, draw: &dyn Fn(&egui::Painter, Rect)| {
            let galley = egui::WidgetText::from(text).into_galley(
                ui,
                Some(egui::TextWrapMode::Extend),
                f32::INFINITY,
                egui::TextStyle::Body,
            );
            let swatch = vec2(size * 1.4, size * 0.7);
            let width = swatch.x + 6.0 + galley.size().x + size * 0.6;
            let (rect, response) =
                ui.allocate_exact_size(vec2(width, size.max(galley.size().y)), Sense::hover());
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
            let mark =
                Rect::from_min_size(pos2(rect.min.x, rect.center().y - swatch.y / 2.0), swatch);
            draw(ui.painter(), mark);
            let at = pos2(mark.max.x + 6.0, rect.center().y - galley.size().y / 2.0);
            ui.painter().galley(at, galley, ui.visuals().text_color());
        };
        for c in BARS {
            item(ui, c.label(), &|p, r| bar_shape(p, r, c));
        }
        if chart.with_previous {
            let before = match &chart.previous_name {
                Some(name) if !name.trim().is_empty() => {
                    format!("{} ({})", t!("support.chart_before"), name.trim())
                }
                _ => t!("support.chart_before").to_owned(),
            };
            item(ui, &before, &|p, r| {
                ghost(p, r, colour::no_data());
            });
        }
    });
}

/// A bar of count `c` filling `r`: the grey zone hatched, so it is told apart without colour.
fn bar_shape(p: &egui::Painter, r: Rect, c: Count) {
    p.rect_filled(r, 2.0, colour_of(c));
    if c == Count::Both {
        let p = p.with_clip_rect(r.intersect(p.clip_rect()));
        let step = 7.0;
        let stripe = if colour::is_dark() {
            Color32::from_gray(120)
        } else {
            Color32::from_gray(150)
        };
        let mut x = r.left() - r.height();
        while x < r.right() {
            p.line_segment(
                [pos2(x, r.bottom()), pos2(x + r.height(), r.top())],
                Stroke::new(2.0, stripe),
            );
            x += step;
        }
    }
}

/// The value of the cycle before: a pale bar with an outline.
fn ghost(p: &egui::Painter, r: Rect, c: Color32) {
    p.rect_filled(r, 2.0, c.gamma_multiply(0.18));
    p.rect_stroke(r, 2.0, Stroke::new(1.5, c), egui::StrokeKind::Inside);
}

/// One row's bars in `rect`, on the scale `0..=scale` from `x0` to `x1`.
fn bars(ui: &Ui, rect: Rect, r: &ChartRow, (x0, x1, scale): (f32, f32, u32), below: u32) {
    let p = ui.painter_at(rect);
    let size = ui.text_style_height(&egui::TextStyle::Body);
    let (bar_h, gap) = (size * 0.72, size * 0.28);
    let font = FontId::proportional(size * 0.9);
    let text = ui.visuals().text_color();
    let sx = |v: u32| x0 + (x1 - x0) * v as f32 / scale.max(1) as f32;
    // the scale's zero line
    p.line_segment(
        [pos2(x0, rect.top()), pos2(x0, rect.bottom())],
        Stroke::new(1.0, ui.visuals().weak_text_color()),
    );
    // a little room above the first bar and below the last for their text
    let pad = size * 0.15;
    for (k, (c, b)) in BARS.iter().zip(&r.bars).enumerate() {
        let top = rect.top() + pad + k as f32 * (bar_h + gap);
        let mut end = x0;
        if let Shown::Value(v) = b.before {
            let g = Rect::from_min_max(pos2(x0, top), pos2(sx(v), top + bar_h));
            ghost(&p, g, colour::no_data());
            end = end.max(g.right());
        }
        if let Shown::Value(v) = b.now {
            // a bar of at least a sliver for a count above zero; a zero is only its number
            let right = if v > 0 { sx(v).max(x0 + 2.0) } else { x0 };
            let bar = Rect::from_min_max(pos2(x0, top + 1.0), pos2(right, top + bar_h - 1.0));
            bar_shape(&p, bar, *c);
            if let Shown::Value(before) = b.before {
                // the ghost's end stays visible over this cycle's bar
                let x = sx(before);
                p.line_segment(
                    [pos2(x, top - 1.0), pos2(x, top + bar_h + 1.0)],
                    Stroke::new(2.0, text),
                );
            }
            end = end.max(right);
        }
        p.text(
            pos2(end + 6.0, top + bar_h / 2.0),
            Align2::LEFT_CENTER,
            bar_text(*b, below),
            font.clone(),
            text,
        );
    }
}

/// One group of rows (the schools, or the sectors and the region) on one scale.
fn rows(ui: &mut Ui, rows: &[ChartRow], below: u32, salt: &str) {
    let size = ui.text_style_height(&egui::TextStyle::Body);
    let scale = scale_of(rows);
    let font = FontId::proportional(size * 0.9);
    // room at the end of the bars for the widest value text
    let widest = rows
        .iter()
        .flat_map(|r| r.bars.iter().map(|b| bar_text(*b, below)))
        .map(|s| {
            ui.ctx().fonts_mut(|f| {
                f.layout_no_wrap(s, font.clone(), Color32::PLACEHOLDER)
                    .size()
                    .x
            })
        })
        .fold(0.0, f32::max);
    let width = ui.available_width();
    let name_w = (width * 0.28).clamp(90.0, 16.0 * size);
    let bars_h = 4.0 * size * 0.72 + 3.0 * size * 0.28 + 0.3 * size;
    for (k, r) in rows.iter().enumerate() {
        ui.push_id((salt, k), |ui| {
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| {
                    ui.set_width(name_w);
                    ui.add(egui::Label::new(RichText::new(row_name(r)).strong()).wrap());
                    let sector = match r.key {
                        RowKey::School(_) => r.sector.map(|s| s.label().to_owned()),
                        _ => None,
                    };
                    let line: Vec<String> = sector.into_iter().chain(share_line(r)).collect();
                    if !line.is_empty() {
                        ui.add(egui::Label::new(RichText::new(line.join(" · ")).weak()).wrap());
                    }
                });
                let w = ui.available_width();
                let (rect, response) = ui.allocate_exact_size(vec2(w, bars_h), Sense::hover());
                let words = row_words(r, below);
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &words));
                let x1 = (rect.right() - widest - 10.0).max(rect.left() + 20.0);
                bars(ui, rect, r, (rect.left() + 2.0, x1, scale), below);
            });
        });
        ui.add_space(size * 0.5);
    }
}

/// The chart: the legend, the schools by grey-zone share, then the sectors and the region,
/// and what "< 5" and "•" mean.
pub fn support_chart(ui: &mut Ui, chart: &SupportChart, below: u32) {
    if chart.schools.is_empty() {
        return;
    }
    legend(ui, chart);
    ui.add_space(4.0);
    ui.label(RichText::new(t!("support.chart_schools")).strong());
    rows(ui, &chart.schools, below, "support-chart-schools");
    ui.label(RichText::new(t!("support.chart_sectors")).strong());
    rows(ui, &chart.sectors, below, "support-chart-sectors");
    let hidden = (chart.schools.iter().chain(&chart.sectors))
        .flat_map(|r| &r.bars)
        .any(|b| !matches!(b.now, Shown::Value(_) | Shown::Empty));
    if hidden {
        ui.add(
            egui::Label::new(
                RichText::new(tf!(
                    "report.support_marks",
                    n = &below.to_string(),
                    mark = crate::model::HIDDEN_MARK
                ))
                .weak(),
            )
            .wrap(),
        );
    }
}
