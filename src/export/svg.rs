//! Charts as inline SVG, drawn from the data: an indicator over time, and the scan against the
//! national figures. Values that are suppressed as small counts are not drawn.

use crate::i18n::{Label, Lang, t};
use crate::model::{Factor, Forecast, Indicator, Scan, ScanHistoryPoint, SeriesPoint};
use chrono::{Datelike, NaiveDate};

/// Escapes text for HTML and SVG.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn day(d: NaiveDate) -> f64 {
    f64::from(d.num_days_from_ce())
}

/// The chart of one indicator: measurements as a line with points, baseline (square), target
/// (diamond) and the dashed path between them, with the value range and first/last date; and
/// the forecast "als er niets verandert" when the caller gives one (never where small counts
/// are hidden: see `html::parts`), dashed, with how it was made as its title.
pub fn indicator(
    ind: &Indicator,
    series: &[SeriesPoint],
    hidden: impl Fn(f64) -> bool,
    forecast: Option<&Forecast>,
    lang: Lang,
) -> String {
    let (w, h) = (640.0, 220.0);
    let (left, right, top, bottom) = (56.0, 16.0, 14.0, 34.0);
    let pts: Vec<(f64, f64)> = series
        .iter()
        .filter(|p| !hidden(p.value))
        .filter_map(|p| p.date.map(|d| (day(d), p.value)))
        .collect();
    // a hidden value is not drawn at all: not as a point, a line or an axis label
    let base = ind
        .baseline_value
        .filter(|v| !hidden(*v))
        .zip(ind.baseline_date)
        .map(|(v, d)| (day(d), v));
    let target = ind
        .target_value
        .filter(|v| !hidden(*v))
        .zip(ind.target_date)
        .map(|(v, d)| (day(d), v));
    let target_level = ind.target_value.filter(|v| !hidden(*v));
    let line = forecast.map(|f| [(day(f.from.0), f.from.1), (day(f.to.0), f.to.1)]);
    let all: Vec<(f64, f64)> = pts
        .iter()
        .copied()
        .chain(base)
        .chain(target)
        .chain(line.into_iter().flatten())
        .collect();
    let mut s = String::new();
    put!(
        s,
        r#"<svg viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="{}">"#,
        esc(&ind.name)
    );
    if all.is_empty() {
        put!(
            s,
            r##"<text x="{}" y="{}" text-anchor="middle" fill="#666">{}</text></svg>"##,
            w / 2.0,
            h / 2.0,
            esc(t!(lang, "dashboard.no_measurement"))
        );
        return s;
    }
    let (mut x0, mut x1) = all
        .iter()
        .fold((f64::MAX, f64::MIN), |a, p| (a.0.min(p.0), a.1.max(p.0)));
    let (mut y0, mut y1) = all
        .iter()
        .fold((f64::MAX, f64::MIN), |a, p| (a.0.min(p.1), a.1.max(p.1)));
    if x1 - x0 < 1.0 {
        x0 -= 30.0;
        x1 += 30.0;
    }
    let pad = ((y1 - y0) * 0.1).max(y1.abs() * 0.05).max(1.0);
    y0 -= pad;
    y1 += pad;
    let sx = |x: f64| left + (x - x0) / (x1 - x0) * (w - left - right);
    let sy = |y: f64| top + (y1 - y) / (y1 - y0) * (h - top - bottom);
    // frame and axis labels
    put!(
        s,
        r##"<rect x="{left}" y="{top}" width="{}" height="{}" fill="none" stroke="#bbb"/>"##,
        w - left - right,
        h - top - bottom
    );
    // the lowest and highest figure are labelled, never the forecast's end (a projection,
    // not a figure); it is only kept in view
    let figures: Vec<f64> = pts
        .iter()
        .chain(base.iter())
        .chain(target.iter())
        .map(|p| p.1)
        .collect();
    let (lo, hi) = if figures.is_empty() {
        (y0 + pad, y1 - pad)
    } else {
        figures
            .iter()
            .fold((f64::MAX, f64::MIN), |a, v| (a.0.min(*v), a.1.max(*v)))
    };
    for y in [lo, hi] {
        put!(
            s,
            r##"<text x="{}" y="{}" font-size="12" text-anchor="end" fill="#444">{}</text><line x1="{left}" x2="{}" y1="{}" y2="{}" stroke="#eee"/>"##,
            left - 6.0,
            sy(y) + 4.0,
            esc(&lang.fmt_number(y)),
            w - right,
            sy(y),
            sy(y)
        );
    }
    for x in [x0, x1] {
        if let Some(d) = NaiveDate::from_num_days_from_ce_opt(x.round() as i32) {
            let anchor = if x == x0 { "start" } else { "end" };
            put!(
                s,
                r##"<text x="{}" y="{}" font-size="12" text-anchor="{anchor}" fill="#444">{}</text>"##,
                sx(x),
                h - 12.0,
                esc(&lang.fmt_date(d))
            );
        }
    }
    if let (Some(b), Some(tg)) = (base, target) {
        put!(
            s,
            r##"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#999" stroke-dasharray="6 5"/>"##,
            sx(b.0),
            sy(b.1),
            sx(tg.0),
            sy(tg.1)
        );
    }
    if let Some(v) = target_level {
        put!(
            s,
            r##"<line x1="{left}" x2="{}" y1="{:.1}" y2="{:.1}" stroke="#1e823c" stroke-dasharray="2 3"/>"##,
            w - right,
            sy(v),
            sy(v)
        );
    }
    if pts.len() > 1 {
        let line: Vec<String> = pts
            .iter()
            .map(|p| format!("{:.1},{:.1}", sx(p.0), sy(p.1)))
            .collect();
        put!(
            s,
            r##"<polyline points="{}" fill="none" stroke="#195faf" stroke-width="2.5"/>"##,
            line.join(" ")
        );
    }
    if let (Some([a, b]), Some(f)) = (line, forecast) {
        put!(
            s,
            r##"<g class="forecast"><title>{}</title><line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#a53c7d" stroke-width="2.5" stroke-dasharray="7 4"/></g>"##,
            esc(&crate::i18n::forecast_method_in(lang, f)),
            sx(a.0),
            sy(a.1),
            sx(b.0),
            sy(b.1)
        );
    }
    for p in &pts {
        put!(
            s,
            r##"<circle cx="{:.1}" cy="{:.1}" r="4" fill="#195faf"/>"##,
            sx(p.0),
            sy(p.1)
        );
    }
    if let Some(b) = base {
        put!(
            s,
            r##"<rect x="{:.1}" y="{:.1}" width="9" height="9" fill="#6e6e6e"><title>{}</title></rect>"##,
            sx(b.0) - 4.5,
            sy(b.1) - 4.5,
            esc(t!(lang, "chart.baseline"))
        );
    }
    if let Some(tg) = target {
        let (cx, cy) = (sx(tg.0), sy(tg.1));
        put!(
            s,
            r##"<polygon points="{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" fill="#1e823c"><title>{}</title></polygon>"##,
            cx,
            cy - 7.0,
            cx + 7.0,
            cy,
            cx,
            cy + 7.0,
            cx - 7.0,
            cy,
            esc(t!(lang, "chart.target"))
        );
    }
    s.push_str("</svg>");
    s
}

/// The scan: per factor a bar for the region on the 1–5 scale, a black tick for the national
/// figure of 2021, and an open circle for the previous scan.
pub fn scan(scan: &Scan, previous: Option<&ScanHistoryPoint>, lang: Lang) -> String {
    let label_w = 250.0;
    let (w, row) = (680.0, 28.0);
    let h = 30.0 + row * (Factor::ALL.len() as f64 + 1.0);
    let x0 = label_w + 10.0;
    let x1 = w - 50.0;
    let sx = |v: f64| x0 + (v - 1.0) / 4.0 * (x1 - x0);
    let mut s = String::new();
    put!(
        s,
        r#"<svg viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="{}">"#,
        esc(t!(lang, "workshop.scan_page"))
    );
    for v in 1..=5 {
        let x = sx(f64::from(v));
        put!(
            s,
            r##"<line x1="{x:.1}" x2="{x:.1}" y1="22" y2="{h}" stroke="#e4e4e4"/><text x="{x:.1}" y="16" font-size="12" text-anchor="middle" fill="#555">{v}</text>"##
        );
    }
    let averages = scan.averages();
    let mut y = 26.0;
    for (k, f) in Factor::ALL.iter().enumerate() {
        if *f == Factor::BORGING[0] {
            put!(
                s,
                r##"<text x="0" y="{:.1}" font-size="13" fill="#777">{}</text>"##,
                y + row * 0.65,
                esc(t!(lang, "scan.borging"))
            );
            y += row;
        }
        let cy = y + row / 2.0;
        put!(
            s,
            r##"<text x="0" y="{:.1}" font-size="14" fill="#222">{}</text>"##,
            cy + 5.0,
            esc(f.label_in(lang))
        );
        if let Some(a) = averages[k] {
            put!(
                s,
                r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="14" fill="#195faf"/><text x="{:.1}" y="{:.1}" font-size="14" fill="#222">{}</text>"##,
                sx(1.0),
                cy - 7.0,
                (sx(a) - sx(1.0)).max(1.0),
                sx(5.0) + 8.0,
                cy + 5.0,
                esc(&lang.fmt_number((a * 10.0).round() / 10.0))
            );
        }
        let n = sx(f.national_2021());
        put!(
            s,
            r##"<line x1="{n:.1}" x2="{n:.1}" y1="{:.1}" y2="{:.1}" stroke="#000" stroke-width="3"/>"##,
            cy - 11.0,
            cy + 11.0
        );
        if let Some(p) = previous.and_then(|h| h.averages[k]) {
            put!(
                s,
                r##"<circle cx="{:.1}" cy="{cy:.1}" r="6" fill="none" stroke="#c84614" stroke-width="2.5"/>"##,
                sx(p)
            );
        }
        y += row;
    }
    s.push_str("</svg>");
    s
}
