//! The support analysis' chart as inline SVG for the report: the same rows as the window's
//! chart (`model::support_chart`): per school, largest shown grey-zone share first, then per
//! sector and for the region, four bars each (education support, youth care, both — grey and
//! hatched — and waiting) with the value at the end, and the cycle before as a pale ghost bar
//! (37 ➡ 41). A small count is the words "< N" and no bar; a hidden one "• verborgen".
//! Colours are the window's light palette.

use super::chain::{text_width, wrap};
use super::svg::esc;
use crate::i18n::{Label, Lang, t, tf};
use crate::model::{BARS, ChartRow, Count, RowKey, Shown, SupportChart, scale_of};

const WIDTH: f32 = 680.0;
const NAME_W: f32 = 200.0;
const FONT: f32 = 13.0;
const BAR_H: f32 = 10.0;
const GAP: f32 = 4.0;

fn colour(c: Count) -> &'static str {
    match c {
        Count::EducationSupport => "#195faf",
        Count::YouthCare => "#1e825a",
        Count::Both => "#555555",
        _ => "#b4370a",
    }
}

/// A bar of count `c` at (x, y, width, height); the grey zone hatched, so it is told apart
/// without colour.
fn bar(s: &mut String, c: Count, (x, y, w, h): (f32, f32, f32, f32)) {
    put!(
        s,
        r##"<rect class="now" x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" fill="{}"/>"##,
        colour(c)
    );
    if c == Count::Both {
        hatch(s, (x, y, w, h));
    }
}

/// Light diagonal stripes over (x, y, width, height), each cut to the rectangle (no pattern
/// or clip path: the report refers to nothing, not even inside itself).
fn hatch(s: &mut String, (x, y, w, h): (f32, f32, f32, f32)) {
    let mut at = x - h;
    while at < x + w {
        // from (at, y + h) up to (at + h, y), cut to x..x + w
        let (mut x1, mut y1) = (at, y + h);
        let (mut x2, mut y2) = (at + h, y);
        if x1 < x {
            (y1, x1) = (y1 - (x - x1), x);
        }
        if x2 > x + w {
            (y2, x2) = (y2 + (x2 - x - w), x + w);
        }
        if x2 > x1 {
            put!(
                s,
                r##"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="#969696" stroke-width="1.5"/>"##
            );
        }
        at += 6.0;
    }
}

/// A shown count in words, in `lang`.
fn shown(s: Shown, below: u32, lang: Lang) -> String {
    match s {
        Shown::Value(v) => lang.fmt_number(f64::from(v)),
        Shown::Small => format!("< {below}"),
        Shown::Hidden => format!(
            "{} {}",
            crate::model::HIDDEN_MARK,
            t!(lang, "support.chart_hidden")
        ),
        Shown::Empty => "–".to_owned(),
    }
}

fn bar_text(b: crate::model::Bar, below: u32, lang: Lang) -> String {
    match b.before {
        Shown::Empty => shown(b.now, below, lang),
        before => format!(
            "{} ➡ {}",
            shown(before, below, lang),
            shown(b.now, below, lang)
        ),
    }
}

/// A share as a whole percentage, as the window's chart writes it.
fn percent(v: f64, lang: Lang) -> String {
    format!("{} %", lang.fmt_number((v * 100.0).round()))
}

fn name_of(r: &ChartRow, lang: Lang) -> String {
    match r.key {
        RowKey::School(_) => r.name.clone(),
        RowKey::Sector(s) => s.label_in(lang).to_owned(),
        RowKey::Region => t!(lang, "support.region").to_owned(),
    }
}

/// The line under a row's name: its sector (a school's) and the grey zone's share.
fn sub_line(r: &ChartRow, lang: Lang) -> String {
    let share = match (r.share_before, r.share) {
        (Some(b), Some(n)) => Some(format!("{} ➡ {}", percent(b, lang), percent(n, lang))),
        (Some(b), None) => Some(format!("{} ➡ –", percent(b, lang))),
        (None, Some(n)) => Some(percent(n, lang)),
        (None, None) => None,
    };
    let share = share.map(|s| tf!(lang, "support.chart_share", share = &s));
    let sector = match r.key {
        RowKey::School(_) => r.sector.map(|s| s.label_in(lang).to_owned()),
        _ => None,
    };
    sector
        .into_iter()
        .chain(share)
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A group of rows on one scale, from `y`; returns the y under it.
fn rows(s: &mut String, rows: &[ChartRow], mut y: f32, below: u32, lang: Lang) -> f32 {
    let scale = scale_of(rows);
    let widest = (rows.iter())
        .flat_map(|r| r.bars.iter().map(|b| bar_text(*b, below, lang)))
        .map(|t| text_width(&t, FONT, false))
        .fold(0.0, f32::max);
    let x0 = NAME_W + 10.0;
    let x1 = (WIDTH - widest - 8.0).max(x0 + 40.0);
    let sx = |v: u32| x0 + (x1 - x0) * v as f32 / scale as f32;
    for r in rows {
        // narrower than the column: a browser's bold sans-serif runs wider than the estimate
        let name = wrap(&name_of(r, lang), NAME_W * 0.85, FONT, true);
        let mut ty = y + FONT;
        for line in name.iter().take(2) {
            put!(
                s,
                r##"<text x="0" y="{ty:.1}" font-size="{FONT}" font-weight="bold" fill="#222">{}</text>"##,
                esc(line)
            );
            ty += FONT + 3.0;
        }
        let sub = sub_line(r, lang);
        if !sub.is_empty() {
            put!(
                s,
                r##"<text x="0" y="{ty:.1}" font-size="12" fill="#555">{}</text>"##,
                esc(&sub)
            );
            ty += FONT + 3.0;
        }
        let bars_h = 4.0 * BAR_H + 3.0 * GAP;
        put!(
            s,
            r##"<line x1="{x0}" x2="{x0}" y1="{y:.1}" y2="{:.1}" stroke="#777"/>"##,
            y + bars_h
        );
        for (k, (c, b)) in BARS.iter().zip(&r.bars).enumerate() {
            let top = y + k as f32 * (BAR_H + GAP);
            let mut end = x0;
            if let Shown::Value(v) = b.before {
                put!(
                    s,
                    r##"<rect class="before" x="{x0}" y="{top:.1}" width="{:.1}" height="{BAR_H}" fill="#646464" fill-opacity="0.18" stroke="#646464" stroke-width="1.2"/>"##,
                    sx(v) - x0
                );
                end = end.max(sx(v));
            }
            if let Shown::Value(v) = b.now
                && v > 0
            {
                let w = (sx(v) - x0).max(2.0);
                bar(s, *c, (x0, top + 1.0, w, BAR_H - 2.0));
                end = end.max(x0 + w);
                if let Shown::Value(before) = b.before {
                    // the ghost's end stays visible over this cycle's bar
                    put!(
                        s,
                        r##"<line x1="{x:.1}" x2="{x:.1}" y1="{:.1}" y2="{:.1}" stroke="#222" stroke-width="1.5"/>"##,
                        top - 1.0,
                        top + BAR_H + 1.0,
                        x = sx(before)
                    );
                }
            }
            put!(
                s,
                r##"<text x="{:.1}" y="{:.1}" font-size="{FONT}" fill="#222">{}</text>"##,
                end + 5.0,
                top + BAR_H - 0.5,
                esc(&bar_text(*b, below, lang))
            );
        }
        y = ty.max(y + bars_h) + 12.0;
    }
    y
}

/// The chart, or `None` when there is no school to draw.
pub fn support(chart: &SupportChart, below: u32, lang: Lang) -> Option<String> {
    if chart.schools.is_empty() {
        return None;
    }
    let mut body = String::new();
    // the legend: the bars in their order, and the ghost of the cycle before
    // an item that does not fit on the line goes to the next
    let (mut x, mut y) = (0.0, 0.0);
    let mut item = |body: &mut String, attrs: &str, text: &str| -> (f32, f32) {
        let width = 24.0 + text_width(text, FONT, false);
        if x > 0.0 && x + width > WIDTH {
            (x, y) = (0.0, y + 20.0);
        }
        put!(
            body,
            r##"<rect x="{x:.1}" y="{:.1}" width="18" height="10" {attrs}/><text x="{:.1}" y="{:.1}" font-size="{FONT}" fill="#222">{}</text>"##,
            y + 3.0,
            x + 24.0,
            y + 13.0,
            esc(text)
        );
        let at = (x, y);
        x += width + 16.0;
        at
    };
    for c in BARS {
        let (at, top) = item(
            &mut body,
            &format!(r#"fill="{}""#, colour(c)),
            c.label_in(lang),
        );
        if c == Count::Both {
            hatch(&mut body, (at, top + 3.0, 18.0, 10.0));
        }
    }
    let mut legend_h = 0.0;
    if chart.with_previous {
        let before = match &chart.previous_name {
            Some(name) if !name.trim().is_empty() => {
                format!("{} ({})", t!(lang, "support.chart_before"), name.trim())
            }
            _ => t!(lang, "support.chart_before").to_owned(),
        };
        legend_h = item(
            &mut body,
            r##"fill="#646464" fill-opacity="0.18" stroke="#646464" stroke-width="1.2""##,
            &before,
        )
        .1;
    }
    let heading = |body: &mut String, y: f32, text: &str| {
        put!(
            body,
            r##"<text x="0" y="{y:.1}" font-size="{FONT}" font-style="italic" fill="#444">{}</text>"##,
            esc(text)
        );
    };
    heading(
        &mut body,
        legend_h + 40.0,
        t!(lang, "support.chart_schools"),
    );
    let y = rows(&mut body, &chart.schools, legend_h + 50.0, below, lang);
    heading(&mut body, y + 6.0, t!(lang, "support.chart_sectors"));
    let height = rows(&mut body, &chart.sectors, y + 16.0, below, lang);
    let mut s = String::new();
    put!(
        s,
        r##"<svg viewBox="0 0 {WIDTH} {height:.0}" width="100%" role="img" aria-label="{}">"##,
        esc(t!(lang, "support.chart_title"))
    );
    s.push_str(&body);
    s.push_str("</svg>");
    Some(s)
}
