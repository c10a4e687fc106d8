//! Drawing the pieces of the chain's SVG: an arrow, a box with its lines (status pills and
//! trend lines in indicator rows), and the legend.

use super::lines::{self, LEADING, Line, PAD, wrap};
use super::{MARGIN, colour};
use crate::export::svg::esc;
use crate::i18n::{Label, Lang, t, tf};
use crate::model::chain::{Kind, Rect};
use crate::model::{Project, Status};

/// The size of an arrow's head.
const HEAD: f32 = 8.0;

/// A curved arrow from the right of `a` to the left of `b`, as on screen; the expected
/// contribution as its tooltip.
pub(super) fn arrow(s: &mut String, a: Rect, b: Rect, expected: &str, lang: Lang) {
    let p0 = (a.x + a.w, a.y + a.h / 2.0);
    let tip = (b.x, b.y + b.h / 2.0);
    let p3 = (tip.0 - HEAD, tip.1);
    let dx = ((p3.0 - p0.0) * 0.5).max(20.0);
    put!(
        s,
        r#"<path class="link" d="M{:.1},{:.1} C{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" fill="none" stroke="{}" stroke-width="1.5">"#,
        p0.0,
        p0.1,
        p0.0 + dx,
        p0.1,
        p3.0 - dx,
        p3.1,
        p3.0,
        p3.1,
        colour::ARROW
    );
    if !expected.is_empty() {
        put!(
            s,
            "<title>{}</title>",
            esc(&tf!(lang, "chain.expected", text = expected))
        );
    }
    s.push_str("</path>");
    put!(
        s,
        r#"<polygon class="arrow-head" points="{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" fill="{}"/>"#,
        tip.0,
        tip.1,
        tip.0 - HEAD,
        tip.1 - HEAD * 0.6,
        tip.0 - HEAD,
        tip.1 + HEAD * 0.6,
        colour::ARROW
    );
}

/// A box: white with a band in its kind's colour on the left, an orange border when it has a
/// loose end, and its lines.
pub(super) fn draw_box(
    s: &mut String,
    r: Rect,
    node: &crate::model::chain::Node,
    lines: &[Line],
    lang: Lang,
) {
    let accent = colour::accent(node.kind);
    let loose = !node.loose.is_empty();
    let class = if loose { "box loose" } else { "box" };
    let kind = match node.kind {
        Kind::Intervention => "intervention",
        Kind::Outcome => "outcome",
        Kind::Ambition => "ambition",
    };
    put!(s, r#"<g class="{class}" data-kind="{kind}">"#);
    put!(
        s,
        r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="8" fill="{accent}"/>"#,
        r.x,
        r.y,
        r.w,
        r.h
    );
    put!(
        s,
        r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="6" fill="#ffffff"/>"##,
        r.x + 5.0,
        r.y,
        r.w - 5.0,
        r.h
    );
    let (stroke, sw) = if loose {
        (colour::OPEN, 2.5)
    } else {
        (accent, 1.5)
    };
    put!(
        s,
        r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="8" fill="none" stroke="{stroke}" stroke-width="{sw}"/>"#,
        r.x + sw / 2.0,
        r.y + sw / 2.0,
        r.w - sw,
        r.h - sw
    );
    let x = r.x + PAD + 4.0;
    let mut y = r.y + PAD;
    for l in lines {
        let mut text_x = x;
        if let Some((status, trend)) = &l.status {
            let (pill_w, trend_w) = l.pill_and_trend();
            let ph = l.size * 1.35;
            let at = Rect {
                x,
                y,
                w: pill_w,
                h: ph,
            };
            pill(s, at, *status, l.size * 0.85, lang);
            text_x = x + pill_w + 6.0;
            trend_line(s, r.x + r.w - PAD - trend_w, y, trend_w, ph, trend);
        }
        let rows = l.rows(r.w);
        let first = if l.status.is_some() {
            // the first row beside the pill, centred on it
            y + l.size * 1.35 / 2.0 + l.size * 0.35
        } else {
            y + l.size * 0.95
        };
        text_block(s, text_x, first, l, &rows);
        y += l.height(r.w) + 2.0;
    }
    s.push_str("</g>");
}

/// A line's rows as one `<text>`, a `<tspan>` per row.
fn text_block(s: &mut String, x: f32, baseline: f32, l: &Line, rows: &[String]) {
    let weight = if l.strong {
        bold(l.colour, l.size)
    } else {
        String::new()
    };
    put!(
        s,
        r#"<text x="{x:.1}" y="{baseline:.1}" font-size="{}" fill="{}"{weight} class="{}">"#,
        l.size,
        l.colour,
        l.class
    );
    for (k, row) in rows.iter().enumerate() {
        let dy = if k == 0 { 0.0 } else { l.size * LEADING };
        put!(s, r#"<tspan x="{x:.1}" dy="{dy:.1}">{}</tspan>"#, esc(row));
    }
    s.push_str("</text>");
}

/// Strong text: a hair of outline in the text's colour, not a bold face. The PNG has only the
/// window's light font, which has no bold face (the window draws strong text twice, a hair
/// apart), and a browser's bold with the outline on top is too heavy: so the same everywhere.
pub(super) fn bold(colour: &str, size: f32) -> String {
    format!(r#" stroke="{colour}" stroke-width="{:.2}""#, size * 0.045)
}

/// A status pill: the word in white on the status colour.
fn pill(s: &mut String, r: Rect, status: Status, size: f32, lang: Lang) {
    let Rect { x, y, w, h } = r;
    put!(
        s,
        r#"<g class="pill"><rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" rx="{:.1}" fill="{}"/><text x="{:.1}" y="{:.1}" font-size="{size:.1}" text-anchor="middle" fill="{}">{}</text></g>"#,
        h / 2.0,
        colour::status(status),
        x + w / 2.0,
        y + h / 2.0 + size * 0.35,
        colour::ON_STATUS,
        esc(status.label_in(lang))
    );
}

/// A small trend line of the dated values shown (none suppressed), without axes.
fn trend_line(s: &mut String, x: f32, y: f32, w: f32, h: f32, pts: &[(f64, f64)]) {
    put!(
        s,
        r##"<rect class="trend" x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" rx="3" fill="#eeeeee"/>"##
    );
    if pts.len() < 2 {
        return;
    }
    let fold = |f: fn(&(f64, f64)) -> f64| {
        pts.iter()
            .map(f)
            .fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(v), b.max(v)))
    };
    let (x0, x1) = fold(|p| p.0);
    let (y0, y1) = fold(|p| p.1);
    let (ix, iy, iw, ih) = (x + 2.0, y + 2.0, w - 4.0, h - 4.0);
    let points: Vec<String> = pts
        .iter()
        .map(|(px, py)| {
            let fx = if x1 > x0 { (px - x0) / (x1 - x0) } else { 0.5 } as f32;
            let fy = if y1 > y0 { (py - y0) / (y1 - y0) } else { 0.5 } as f32;
            format!("{:.1},{:.1}", ix + fx * iw, iy + ih - fy * ih)
        })
        .collect();
    put!(
        s,
        r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="1.5"/>"#,
        points.join(" "),
        colour::SERIES
    );
}

/// The legend under the chain: the status colours, the loose end's border, and what is not
/// shown. Returns where it ends.
pub(super) fn legend(s: &mut String, p: &Project, top: f32, width: f32, lang: Lang) -> f32 {
    let size = 12.5;
    let label = t!(lang, "report.indicator_status");
    put!(
        s,
        r#"<g class="legend"><text x="{MARGIN}" y="{:.1}" font-size="{size}" fill="{}">{}</text>"#,
        top + size * 1.1,
        colour::BODY,
        esc(&format!("{label}:"))
    );
    let mut x = MARGIN + lines::text_width(label, size, false) + 16.0;
    for status in [
        Status::OnTrack,
        Status::Behind,
        Status::NotReached,
        Status::Reached,
        Status::NoData,
    ] {
        let w = size * 7.2;
        let r = Rect {
            x,
            y: top,
            w,
            h: size * 1.35,
        };
        pill(s, r, status, size * 0.85, lang);
        x += w + 8.0;
    }
    let y = top + size * 1.35 + 12.0;
    put!(
        s,
        r#"<rect x="{MARGIN}" y="{y:.1}" width="28" height="16" rx="4" fill="none" stroke="{}" stroke-width="2.5"/>"#,
        colour::OPEN
    );
    put!(
        s,
        r#"<text x="{:.1}" y="{:.1}" font-size="{size}" fill="{}">{}</text>"#,
        MARGIN + 38.0,
        y + 12.0,
        colour::BODY,
        esc(t!(lang, "chain.legend_loose"))
    );
    let note = tf!(
        lang,
        "chain.export_note",
        n = &p.settings.small_numbers_below.to_string()
    );
    let rows = wrap(&note, width, size, false);
    let mut y = y + 16.0 + 10.0;
    let line = Line {
        text: note,
        size,
        colour: colour::WEAK,
        strong: false,
        class: "note",
        status: None,
    };
    text_block(s, MARGIN, y + size, &line, &rows);
    y += rows.len() as f32 * size * LEADING;
    s.push_str("</g>");
    y + 4.0
}
