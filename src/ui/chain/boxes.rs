//! What a box shows and how it is painted: its lines (kind, title, partners, judgement, the
//! indicators with status and trend, loose ends), their height, and its accessible name.

use super::{Mode, PAD};
use crate::i18n::{Label, fmt_number, t, tf};
use crate::model::chain::Kind;
use crate::model::*;
use crate::state::chain::ChainCache;
use crate::ui::theme::colour;
use crate::ui::widgets::charts::status_color;
use crate::ui::widgets::display_name;
use egui::{Color32, FontId, Pos2, Rect, Stroke, Ui, pos2, vec2};

/// One line of a box, as laid out and drawn.
pub(super) struct Line {
    text: String,
    size: f32,
    color: Color32,
    strong: bool,
    /// A status pill before the text (an indicator row), with a trend line after it.
    status: Option<(Status, Id)>,
}

/// The colour of a kind of box (its band, border and column heading).
pub(super) fn accent(kind: Kind) -> Color32 {
    colour::chain_kind(kind)
}

/// The column heading of a kind of box.
pub(super) fn column_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Intervention => t!("step.interventions"),
        Kind::Outcome => t!("step.outcomes"),
        Kind::Ambition => t!("step.ambitions"),
    }
}

/// The name of a kind of box.
pub fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Intervention => t!("chain.kind.intervention"),
        Kind::Outcome => t!("chain.kind.outcome"),
        Kind::Ambition => t!("chain.kind.ambition"),
    }
}

/// What a loose end misses, in a few words.
pub fn loose_text(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::InterventionWithoutOutcome => t!("chain.loose.intervention"),
        FindingKind::OutcomeWithoutIndicator => t!("chain.loose.no_indicator"),
        FindingKind::OutcomeWithoutIntervention => t!("chain.loose.no_intervention"),
        FindingKind::AmbitionWithoutOutcome => t!("chain.loose.ambition"),
        _ => "",
    }
}

/// An arrow's text: what leads to what, and the expected contribution.
pub(super) fn arrow_text(
    project: &Project,
    cycle: usize,
    from: Id,
    to: Id,
    expected: &str,
) -> String {
    let Some(c) = project.cycles.get(cycle) else {
        return String::new();
    };
    let from_title = title_of(c, from);
    let to_title = title_of(c, to);
    let mut text = format!("{from_title}  ➡  {to_title}");
    if c.intervention(from).is_some() {
        text.push('\n');
        if expected.trim().is_empty() {
            text.push_str(t!("chain.no_expected"));
        } else {
            text.push_str(&tf!("chain.expected", text = expected.trim()));
        }
    }
    text
}

fn title_of(c: &Cycle, id: Id) -> String {
    let t = c
        .intervention(id)
        .map(|i| i.title.as_str())
        .or_else(|| c.outcome(id).map(|o| o.title.as_str()))
        .or_else(|| c.ambition(id).map(|a| a.title.as_str()))
        .unwrap_or("");
    display_name(t).to_owned()
}

/// The lines of box `n`: its kind, title, and what it holds (an intervention's partners and
/// judgement, an outcome's indicators with their status), and its loose ends.
pub(super) fn box_lines(
    project: &Project,
    c: &Cycle,
    cache: &ChainCache,
    n: usize,
    mode: Mode,
    visuals: &egui::Visuals,
) -> Vec<Line> {
    let s = mode.scale();
    let node = &cache.chain.nodes[n];
    let (body, weak) = (visuals.text_color(), visuals.weak_text_color());
    let line = |text: String, size: f32, color: Color32, strong: bool| Line {
        text,
        size: size * s,
        color,
        strong,
        status: None,
    };
    let mut out = vec![line(kind_name(node.kind).to_uppercase(), 11.0, weak, true)];
    out.push(line(title_of(c, node.id), 15.0, body, true));
    match node.kind {
        Kind::Intervention => {
            if let Some(i) = c.intervention(node.id) {
                let who: Vec<&str> = project.partner_names(&i.responsible);
                if !who.is_empty() {
                    out.push(line(format!("👥 {}", who.join(", ")), 12.5, weak, false));
                }
                if let Some(j) = c.judgement_of(i.id).filter(|j| j.has_content()) {
                    let mut t = tf!("dashboard.contribution", value = j.contribution.label());
                    if let Some(d) = j.decision {
                        t.push_str(" · ");
                        t.push_str(&tf!("dashboard.decision", value = d.label()));
                    }
                    let color = match j.contribution {
                        ContributionJudgement::Clear => colour::on_track(),
                        ContributionJudgement::None => colour::behind(),
                        _ => body,
                    };
                    out.push(line(t, 12.5, color, j.decision.is_some()));
                }
            }
        }
        Kind::Outcome => {
            if let Some(o) = c.outcome(node.id) {
                for ind in o.indicators.iter().filter(|i| i.has_content()) {
                    let Some(a) = cache.statuses.get(&ind.id) else {
                        continue;
                    };
                    let mut row = line(display_name(&ind.name).to_owned(), 12.5, body, false);
                    row.status = Some((a.status, ind.id));
                    out.push(row);
                    let series = cache.series.get(&ind.id).map_or(&[][..], |s| s.as_slice());
                    if let Some(note) = crate::i18n::basis_text(a, series) {
                        out.push(line(format!("⚠ {note}"), 11.5, colour::open(), false));
                    }
                }
            }
        }
        Kind::Ambition => {}
    }
    for k in &node.loose {
        out.push(line(
            format!("⚠ {}", loose_text(*k)),
            12.5,
            colour::open(),
            true,
        ));
    }
    out
}

/// The width of the status pill and of the trend line in an indicator row, at zoom 1.
fn pill_and_spark(size: f32) -> (f32, f32) {
    (size * 7.2, size * 4.0)
}

fn font(l: &Line, z: f32) -> FontId {
    FontId::proportional((l.size * z).max(1.0))
}

/// The height of a box with these lines, `width` wide, at zoom 1.
pub(super) fn measure(ui: &Ui, lines: &[Line], width: f32) -> f32 {
    let mut h = PAD;
    for l in lines {
        // a little narrower than drawn: glyphs do not scale exactly with the zoom, and a
        // line that wraps once more when drawn than when measured would be cut off
        let wrap = text_width(l, width, 1.0) * 0.92;
        let g = ui
            .painter()
            .layout(l.text.clone(), font(l, 1.0), l.color, wrap);
        h += g.size().y.max(if l.status.is_some() {
            l.size * 1.5
        } else {
            0.0
        }) + 2.0;
    }
    h + PAD
}

/// Room for a line's text: the box less its margins (and an indicator row's pill and trend).
fn text_width(l: &Line, width: f32, z: f32) -> f32 {
    let inner = (width - 2.0 * PAD) * z;
    match l.status {
        Some(_) => {
            let (pill, spark) = pill_and_spark(l.size);
            (inner - (pill + spark + 8.0) * z).max(20.0 * z)
        }
        None => inner,
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn paint_box(
    ui: &Ui,
    painter: &egui::Painter,
    r: Rect,
    z: f32,
    node: &crate::model::chain::Node,
    lines: &[Line],
    cache: &ChainCache,
    fade: bool,
    selected: bool,
    mode: Mode,
) {
    let alpha = |c: Color32| if fade { c.gamma_multiply(0.3) } else { c };
    let accent = accent(node.kind);
    let fill = ui.visuals().panel_fill;
    painter.rect_filled(r, 8.0 * z.min(1.0), alpha(fill));
    // a band in the kind's colour on the left
    painter.rect_filled(
        Rect::from_min_size(r.min, vec2((5.0 * z).max(2.0), r.height())),
        0.0,
        alpha(accent),
    );
    let (stroke, width) = if selected {
        (ui.visuals().selection.stroke.color, 3.5)
    } else if !node.loose.is_empty() {
        (colour::open(), 2.5)
    } else {
        (accent, 1.5)
    };
    painter.rect_stroke(
        r,
        8.0 * z.min(1.0),
        Stroke::new(width, alpha(stroke)),
        egui::StrokeKind::Inside,
    );
    if z * mode.scale() < 0.25 {
        return; // too small to read: the boxes and their colours only
    }
    let clip = painter.with_clip_rect(r.shrink(2.0).intersect(painter.clip_rect()));
    let mut y = r.top() + PAD * z;
    let x = r.left() + (PAD + 2.0) * z;
    for l in lines {
        let wrap = text_width(l, r.width() / z, z);
        let mut job =
            egui::text::LayoutJob::simple(l.text.clone(), font(l, z), alpha(l.color), wrap);
        if l.strong {
            job.sections
                .iter_mut()
                .for_each(|s| s.format.font_id = font(l, z));
        }
        let mut text_x = x;
        let row_h = (l.size * 1.5 * z).max(0.0);
        if let Some((status, ind)) = l.status {
            let (pill_w, spark_w) = pill_and_spark(l.size);
            let pill = Rect::from_min_size(pos2(x, y), vec2(pill_w * z, row_h * 0.9));
            clip.rect_filled(pill, pill.height() / 2.0, alpha(status_color(status)));
            clip.text(
                pill.center(),
                egui::Align2::CENTER_CENTER,
                status.label(),
                FontId::proportional(l.size * 0.85 * z),
                alpha(colour::on_status()),
            );
            text_x = pill.right() + 6.0 * z;
            let spark = Rect::from_min_size(
                pos2(r.right() - (PAD + spark_w) * z, y),
                vec2(spark_w * z, row_h * 0.9),
            );
            if let Some(series) = cache.series.get(&ind) {
                paint_trend(&clip, spark, series, fade, ui.visuals());
            }
        }
        let galley = clip.layout_job(job);
        let h = galley
            .size()
            .y
            .max(if l.status.is_some() { row_h } else { 0.0 });
        let ty = if l.status.is_some() {
            // centred on the pill when it fits on its line, else from the top down
            y + ((row_h * 0.9 - galley.size().y) / 2.0).max(0.0)
        } else {
            y
        };
        let strong_color = alpha(l.color);
        if l.strong {
            // bold by drawing twice, a hair apart (the default fonts have no bold face)
            clip.galley(
                pos2(text_x + 0.6 * z.min(1.0), ty),
                galley.clone(),
                strong_color,
            );
        }
        clip.galley(pos2(text_x, ty), galley, strong_color);
        y += h + 2.0 * z;
    }
}

/// A small trend line of a series (its dated values), without axes.
fn paint_trend(
    painter: &egui::Painter,
    rect: Rect,
    series: &[SeriesPoint],
    fade: bool,
    visuals: &egui::Visuals,
) {
    let pts: Vec<(f64, f64)> = series
        .iter()
        .filter_map(|p| p.date.map(|d| (d.num_days_from_ce_f64(), p.value)))
        .collect();
    let bg = if fade {
        visuals.faint_bg_color.gamma_multiply(0.3)
    } else {
        visuals.faint_bg_color
    };
    painter.rect_filled(rect, 3.0, bg);
    if pts.len() < 2 {
        return;
    }
    let (x0, x1) = pts
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
    let (y0, y1) = pts
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
    let inner = rect.shrink(2.0);
    let line: Vec<Pos2> = pts
        .iter()
        .map(|(x, y)| {
            let fx = if x1 > x0 {
                ((x - x0) / (x1 - x0)) as f32
            } else {
                0.5
            };
            let fy = if y1 > y0 {
                ((y - y0) / (y1 - y0)) as f32
            } else {
                0.5
            };
            pos2(
                inner.left() + fx * inner.width(),
                inner.bottom() - fy * inner.height(),
            )
        })
        .collect();
    let color = if fade {
        colour::series().gamma_multiply(0.3)
    } else {
        colour::series()
    };
    painter.add(egui::Shape::line(line, Stroke::new(1.5, color)));
}

trait DaysF64 {
    fn num_days_from_ce_f64(&self) -> f64;
}

impl DaysF64 for chrono::NaiveDate {
    fn num_days_from_ce_f64(&self) -> f64 {
        use chrono::Datelike;
        f64::from(self.num_days_from_ce())
    }
}

/// A box's name for screen readers and tests: kind, title, and what it shows.
pub(super) fn accessible_name(c: &Cycle, cache: &ChainCache, n: usize) -> String {
    let node = &cache.chain.nodes[n];
    let mut name = format!("{}: {}", kind_name(node.kind), title_of(c, node.id));
    if node.kind == Kind::Outcome
        && let Some(o) = c.outcome(node.id)
    {
        for ind in o.indicators.iter().filter(|i| i.has_content()) {
            if let Some(a) = cache.statuses.get(&ind.id) {
                name.push_str(&format!(
                    "; {} {}",
                    display_name(&ind.name),
                    a.status.label()
                ));
                if let Some((_, v)) = a.latest {
                    name.push_str(&format!(" ({})", fmt_number(v)));
                }
            }
        }
    }
    for k in &node.loose {
        name.push_str(&format!("; {}", loose_text(*k)));
    }
    name
}
