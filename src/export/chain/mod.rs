//! The results chain (veranderingstheorie) of a cycle as a picture: a standalone SVG, the same
//! SVG inside the HTML report, and a PNG drawn from it (`png.rs`). The same [`Chain`] and
//! [`Chain::place`] as the window, with box heights estimated without fonts (`lines.rs`).
//!
//! No value is shown, so nothing here depends on a small count: an indicator has its status
//! word on a pill in the status colour, and a trend line drawn only from the values that are
//! not suppressed (as the report's charts do).

mod draw;
mod lines;
pub(crate) use lines::{text_width, wrap};
mod png;

pub use png::chain_png;
pub(crate) use png::svg_to_png;

use super::svg::esc;
use crate::i18n::{Label, Lang, t};
use crate::model::chain::{Chain, Kind, Metrics, Rect};
use crate::model::{Project, SeriesIndex, Step};
use draw::{arrow, bold, draw_box, legend};
use lines::{Line, box_height, box_lines};

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
    // the heading (inside the report, the section's own heading says it), and above each
    // column what it holds
    let top = MARGIN + if inline { 0.0 } else { 46.0 } + 34.0;
    let mut body = String::new();
    if !inline {
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
    }
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
