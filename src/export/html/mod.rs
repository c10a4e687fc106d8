//! The report as one self-contained HTML file: no external files, no scripts, charts as inline
//! SVG, an A4 print stylesheet with a page break before every section but the first.
//!
//! A renderer of [`crate::report::Report`]: what is in the report, and every value in it, is
//! decided there. Here: the head of the page and the sections; `page.rs`: the stylesheet and
//! each kind of block.

mod page;

use super::svg::esc;
use crate::i18n::Lang;
use crate::report::Report;
use page::{STYLE, blocks};

/// The report as an HTML page.
pub fn render(r: &Report) -> String {
    let mut h = String::new();
    let code = match r.lang {
        Lang::Nl => "nl",
        Lang::En => "en",
    };
    put!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{code}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{STYLE}</style></head><body>",
        esc(&r.page_title)
    );
    h.push_str("<header>");
    if let Some(mark) = &r.sample_mark {
        put!(h, "<p class=\"sample\">{}</p>", esc(mark));
    }
    put!(h, "<h1>{}</h1>", esc(&r.title));
    for line in &r.meta {
        put!(h, "<p class=\"meta\">{}</p>", esc(line));
    }
    put!(h, "<p class=\"note\">{}</p>", esc(&r.note));
    h.push_str("</header>");
    for s in &r.sections {
        h.push_str(if s.new_page {
            "<section class=\"step\">"
        } else {
            "<section>"
        });
        put!(h, "<h2>{}</h2>", esc(&s.title));
        blocks(&mut h, &s.blocks);
        h.push_str("</section>");
    }
    h.push_str("</body></html>\n");
    h
}
