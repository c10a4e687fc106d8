//! The page's stylesheet (A4 print rules included) and each kind of block as HTML, every text
//! escaped.

use super::super::svg::esc;
use crate::model::Status;
use crate::report::{Align, Block, Group, Style};

pub(super) const STYLE: &str = "
body { font-family: system-ui, 'Segoe UI', Roboto, Ubuntu, sans-serif; color: #1a1a1a;
       max-width: 920px; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 2em; margin-bottom: 0.1em; }
h2 { font-size: 1.5em; border-bottom: 3px solid #195faf; padding-bottom: 0.2em; margin-top: 2em; }
h3 { font-size: 1.2em; margin-bottom: 0.3em; }
h4 { margin-bottom: 0.2em; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; }
th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }
td.num { text-align: right; }
th { background: #eef3fa; }
.meta, .note { color: #555; }
.sample { display: inline-block; border: 2px solid #c84614; color: #c84614; font-weight: bold;
          padding: 2px 10px; letter-spacing: 0.05em; }
.status { display: inline-block; padding: 1px 10px; border-radius: 10px; color: #fff; font-weight: bold; }
.on-track { background: #1e823c; } .behind { background: #c84614; }
.reached { background: #195faf; } .no-data { background: #777; } .not-reached { background: #c84614; }
.basis { color: #8a4b00; margin: 0.2em 0; }
.overdue { color: #c82814; font-weight: bold; }
.legend { font-size: 0.9em; color: #444; }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  body { max-width: none; margin: 0; font-size: 10.5pt; }
  section.step { page-break-before: always; }
  h2, h3, h4 { page-break-after: avoid; }
  table, svg, .indicator { page-break-inside: avoid; }
}
";

fn status_class(s: Status) -> &'static str {
    match s {
        Status::OnTrack => "on-track",
        Status::Behind => "behind",
        Status::Reached => "reached",
        Status::NotReached => "not-reached",
        Status::NoData => "no-data",
    }
}

fn para_class(style: Style) -> &'static str {
    match style {
        Style::Plain => "",
        Style::Meta => " class=\"meta\"",
        Style::Warning => " class=\"basis\"",
        Style::Legend => " class=\"legend\"",
        Style::Forecast => " class=\"legend forecast\"",
    }
}

pub(super) fn blocks(h: &mut String, blocks: &[Block]) {
    for b in blocks {
        match b {
            Block::Heading {
                level,
                text,
                status,
            } => {
                let level = (*level).clamp(3, 6);
                put!(h, "<h{level}>{}", esc(text));
                if let Some(p) = status {
                    put!(
                        h,
                        " <span class=\"status {}\">{}</span>",
                        status_class(p.status),
                        esc(&p.text)
                    );
                }
                put!(h, "</h{level}>");
            }
            Block::Paragraph(style, text) => {
                let warn = if *style == Style::Warning { "⚠ " } else { "" };
                put!(h, "<p{}>{warn}{}</p>", para_class(*style), esc(text));
            }
            Block::Bullets(items) => {
                h.push_str("<ul>");
                for i in items {
                    put!(h, "<li>{}</li>", esc(i));
                }
                h.push_str("</ul>");
            }
            Block::Table(t) => {
                h.push_str("<table><thead><tr>");
                for c in &t.head {
                    put!(h, "<th>{}</th>", esc(c));
                }
                h.push_str("</tr></thead><tbody>");
                for r in &t.rows {
                    h.push_str(if r.overdue {
                        "<tr class=\"overdue\">"
                    } else {
                        "<tr>"
                    });
                    for (k, c) in r.cells.iter().enumerate() {
                        let num = t.align.get(k) == Some(&Align::Right);
                        let open = if num { "<td class=\"num\">" } else { "<td>" };
                        put!(h, "{open}{}</td>", esc(c));
                    }
                    h.push_str("</tr>");
                }
                h.push_str("</tbody></table>");
            }
            Block::Figure(f) => {
                // drawn from the data by `export::svg` or `export::chain`, every text escaped
                h.push_str(&f.svg);
                if let Some(c) = &f.caption {
                    put!(h, "<p class=\"legend\">{}</p>", esc(c));
                }
            }
            Block::Group(Group::Indicator, inner) => {
                h.push_str("<div class=\"indicator\">");
                self::blocks(h, inner);
                h.push_str("</div>");
            }
        }
    }
}
