//! The page itself: the stylesheet (A4 print rules included), the small HTML writer that
//! escapes every text it is given, and the bits of text several parts need.

use super::super::svg::esc;
use crate::model::{Id, Project, Status};

pub(super) const STYLE: &str = "
body { font-family: system-ui, 'Segoe UI', Roboto, Ubuntu, sans-serif; color: #1a1a1a;
       max-width: 920px; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 2em; margin-bottom: 0.1em; }
h2 { font-size: 1.5em; border-bottom: 3px solid #195faf; padding-bottom: 0.2em; margin-top: 2em; }
h3 { font-size: 1.2em; margin-bottom: 0.3em; }
h4 { margin-bottom: 0.2em; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; }
th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #eef3fa; }
.meta, .note { color: #555; }
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

pub(super) fn status_class(s: Status) -> &'static str {
    match s {
        Status::OnTrack => "on-track",
        Status::Behind => "behind",
        Status::Reached => "reached",
        Status::NotReached => "not-reached",
        Status::NoData => "no-data",
    }
}

pub(super) struct Html(pub(super) String);

impl Html {
    pub(super) fn raw(&mut self, s: &str) {
        self.0.push_str(s);
    }
    pub(super) fn tag(&mut self, tag: &str, text: &str) {
        put!(self.0, "<{tag}>{}</{tag}>", esc(text));
    }
    pub(super) fn list(&mut self, items: impl IntoIterator<Item = String>) {
        let items: Vec<String> = items.into_iter().filter(|s| !s.trim().is_empty()).collect();
        if items.is_empty() {
            return;
        }
        self.raw("<ul>");
        for i in items {
            self.tag("li", &i);
        }
        self.raw("</ul>");
    }
    pub(super) fn table(&mut self, head: &[&str], rows: Vec<Vec<String>>) {
        if rows.is_empty() {
            return;
        }
        self.raw("<table><thead><tr>");
        for h in head {
            self.tag("th", h);
        }
        self.raw("</tr></thead><tbody>");
        for r in rows {
            self.raw("<tr>");
            for c in r {
                self.tag("td", &c);
            }
            self.raw("</tr>");
        }
        self.raw("</tbody></table>");
    }
    pub(super) fn section(&mut self, title: &str) {
        self.raw("<section class=\"step\">");
        self.tag("h2", title);
    }
}

pub(super) fn names(p: &Project, ids: &[Id]) -> String {
    ids.iter()
        .map(|id| p.partner_name(*id))
        .filter(|n| !n.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}
