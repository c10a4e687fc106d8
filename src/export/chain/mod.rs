//! The results chain (veranderingstheorie) of a cycle as a picture: a standalone SVG, the same
//! SVG inside the HTML report, and a PNG drawn from it (`png.rs`). The same [`Chain`] and
//! [`Chain::place`] as the window, with box heights estimated without fonts (`lines.rs`).
//!
//! No value is shown, so nothing here depends on a small count: an indicator has its status
//! word on a pill in the status colour, and a trend line drawn only from the values that are
//! not suppressed (as the report's charts do).

mod lines;
mod png;

pub use png::chain_png;

use super::svg::esc;
use crate::i18n::{Label, Lang, t, tf};
use crate::model::chain::{Chain, Kind, Metrics, Rect};
use crate::model::{Project, SeriesIndex, Status, Step};
use lines::{LEADING, Line, PAD, box_height, box_lines, wrap};

/// The colours of the picture: the window's light palette (`ui::theme::colour::LIGHT`, which
/// an export may not import; `tests/chain_export.rs` holds them equal).
pub mod colour {
    use crate::model::Status;

    /// Body text.
    pub const BODY: &str = "#191919";
    /// A box's kind, partners, the subtitle.
    pub const WEAK: &str = "#505050";
    /// Something still open: a loose end, an old measurement.
    pub const OPEN: &str = "#a05000";
    /// The text on a status pill.
    pub const ON_STATUS: &str = "#ffffff";
    /// The trend line.
    pub const SERIES: &str = "#195faf";
    /// The arrows.
    pub const ARROW: &str = "#737373";

    /// A status pill's fill, as on the dashboard.
    pub fn status(s: Status) -> &'static str {
        match s {
            Status::OnTrack => "#147332",
            Status::Behind | Status::NotReached => "#b4370a",
            Status::Reached => "#195faf",
            Status::NoData => "#646464",
        }
    }

    /// The band and border of a kind of box, as on screen.
    pub fn accent(kind: crate::model::chain::Kind) -> &'static str {
        use crate::model::chain::Kind;
        match kind {
            Kind::Intervention => "#6a3d9a",
            Kind::Outcome => "#1f5fa8",
            Kind::Ambition => "#0b6e4f",
        }
    }
}

/// The fonts the SVG names: the window's own (Ubuntu, which the PNG is drawn with), else
/// what the system has.
const FONTS: &str = "Ubuntu, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const MARGIN: f32 = 24.0;
/// The size of an arrow's head.
const HEAD: f32 = 8.0;

/// The chain of cycle `cycle` as a standalone SVG file.
pub fn chain_svg(p: &Project, cycle: usize, lang: Lang) -> String {
    super::printable(draw(p, cycle, lang, false))
}

/// The chain as SVG to put inside an HTML page: as wide as the page, no XML header.
pub fn chain_svg_inline(p: &Project, cycle: usize, lang: Lang) -> String {
    super::printable(draw(p, cycle, lang, true))
}

fn draw(p: &Project, cycle: usize, lang: Lang, inline: bool) -> String {
    let Some(c) = p.cycles.get(cycle) else {
        return String::new();
    };
    let today = chrono::Local::now().date_naive();
    let index = SeriesIndex::new(p);
    let chain = Chain::of(c);
    let m = Metrics::default();
    let boxes: Vec<Vec<Line>> = chain
        .nodes
        .iter()
        .map(|n| box_lines(p, c, n, &index, today, lang))
        .collect();
    let heights: Vec<f32> = boxes.iter().map(|l| box_height(l, m.width)).collect();
    let place = chain.place(&heights, m);

    let width = place.width + 2.0 * MARGIN;
    let title = t!(lang, "view.chain");
    let subtitle = format!("{} · {}", p.region.name.trim(), c.name.trim());
    let top = MARGIN + 22.0 + 24.0 + 34.0;
    let mut body = String::new();
    // the heading, and above each column what it holds
    put!(
        body,
        r#"<text x="{MARGIN}" y="{}" font-size="22"{} fill="{}" class="heading">{}</text>"#,
        MARGIN + 20.0,
        bold(colour::BODY, 22.0),
        colour::BODY,
        esc(title)
    );
    put!(
        body,
        r#"<text x="{MARGIN}" y="{}" font-size="14" fill="{}" class="subtitle">{}</text>"#,
        MARGIN + 44.0,
        colour::WEAK,
        esc(&subtitle)
    );
    for kind in Kind::ALL {
        let step = match kind {
            Kind::Intervention => Step::Interventions,
            Kind::Outcome => Step::Outcomes,
            Kind::Ambition => Step::Ambitions,
        };
        put!(
            body,
            r#"<text x="{}" y="{}" font-size="14"{} fill="{}" class="column">{}</text>"#,
            MARGIN + kind.layer() as f32 * (m.width + m.column_gap),
            top - 12.0,
            bold(colour::accent(kind), 14.0),
            colour::accent(kind),
            esc(step.label_in(lang))
        );
    }
    if chain.nodes.is_empty() {
        put!(
            body,
            r#"<text x="{MARGIN}" y="{}" font-size="14" fill="{}">{}</text>"#,
            top + 20.0,
            colour::WEAK,
            esc(t!(lang, "chain.export_empty"))
        );
    }
    let at = |r: &Rect| Rect {
        x: r.x + MARGIN,
        y: r.y + top,
        ..*r
    };
    // arrows under the boxes
    for l in &chain.links {
        let (a, b) = (at(&place.rects[l.from]), at(&place.rects[l.to]));
        arrow(&mut body, a, b, &l.expected, lang);
    }
    for (n, node) in chain.nodes.iter().enumerate() {
        draw_box(&mut body, at(&place.rects[n]), node, &boxes[n], lang);
    }
    let legend_top = top + place.height.max(24.0) + 28.0;
    let height = legend(&mut body, p, legend_top, place.width, lang) + MARGIN;

    let label = format!("{title} — {subtitle}");
    let size = if inline {
        r#"width="100%""#.to_owned()
    } else {
        format!(r#"width="{width:.0}" height="{height:.0}""#)
    };
    let mut s = String::new();
    // inside a page the SVG needs no namespace (and the report names no address at all)
    let namespace = if inline {
        ""
    } else {
        s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        r#" xmlns="http://www.w3.org/2000/svg""#
    };
    put!(
        s,
        r#"<svg{namespace} viewBox="0 0 {width:.0} {height:.0}" {size} role="img" aria-label="{}" font-family="{FONTS}" class="chain">"#,
        esc(&label)
    );
    put!(s, "<title>{}</title>", esc(&label));
    put!(
        s,
        r##"<rect width="{width:.0}" height="{height:.0}" fill="#ffffff"/>"##
    );
    s.push_str(&body);
    s.push_str("</svg>\n");
    s
}

/// A curved arrow from the right of `a` to the left of `b`, as on screen; the expected
/// contribution as its tooltip.
fn arrow(s: &mut String, a: Rect, b: Rect, expected: &str, lang: Lang) {
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
fn draw_box(s: &mut String, r: Rect, node: &crate::model::chain::Node, lines: &[Line], lang: Lang) {
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

/// Bold, and a hair of outline in the text's colour: the PNG has only the window's light font,
/// which has no bold face (the window draws strong text twice, a hair apart).
fn bold(colour: &str, size: f32) -> String {
    format!(
        r#" font-weight="bold" stroke="{colour}" stroke-width="{:.2}""#,
        size * 0.03
    )
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
fn legend(s: &mut String, p: &Project, top: f32, width: f32, lang: Lang) -> f32 {
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
