//! The cycle as one self-contained HTML file: no external files, no scripts, charts as inline
//! SVG, an A4 print stylesheet with a page break before every step.
//!
//! Here: the head of the page and the order of its parts; `page.rs`: the stylesheet and the
//! writer; `plan.rs`: region, partners and steps 1 to 4; `review.rs`: step 5 and the open
//! actions; `parts.rs`: an indicator (facts, chart, measurements) and a scan.

mod page;
mod parts;
mod plan;
mod review;

use super::svg::esc;
use crate::i18n::{Label, Lang, tf};
use crate::model::{Project, SeriesIndex};
use page::{Html, STYLE};

/// The report of the cycle at `cycle`.
pub fn cycle_html(p: &Project, cycle: usize, lang: Lang) -> String {
    let mut h = Html(String::new());
    let Some(c) = p.cycles.get(cycle) else {
        return String::new();
    };
    let code = match lang {
        Lang::Nl => "nl",
        Lang::En => "en",
    };
    let title = format!("{} — {}", p.region.name, c.name);
    put!(
        h.0,
        "<!DOCTYPE html>\n<html lang=\"{code}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{STYLE}</style></head><body>",
        esc(&title)
    );
    h.raw("<header>");
    h.tag("h1", &p.region.name);
    put!(
        h.0,
        "<p class=\"meta\">{} · {} – {} · {}</p>",
        esc(&c.name),
        esc(&lang.fmt_date(c.start)),
        esc(&lang.fmt_date(c.end)),
        esc(c.status.label_in(lang))
    );
    let today = chrono::Local::now().date_naive();
    put!(
        h.0,
        "<p class=\"note\">{}</p>",
        esc(&tf!(
            lang,
            "report.note",
            date = &lang.fmt_date(today),
            n = &p.settings.small_numbers_below.to_string()
        ))
    );
    h.raw("</header>");

    plan::region(&mut h, p, lang);
    plan::analysis(&mut h, p, cycle, lang);
    plan::ambitions(&mut h, p, c, lang);
    let index = SeriesIndex::new(p);
    plan::outcomes(&mut h, p, c, &index, lang, today);
    plan::interventions(&mut h, p, c, lang);
    // the results chain: the picture of steps 2 to 4 together
    h.section(crate::i18n::t!(lang, "view.chain"));
    h.raw(&super::chain::chain_svg_inline(p, cycle, lang));
    h.raw("</section>");
    review::evaluation(&mut h, p, cycle, &index, lang, today);
    review::open_actions(&mut h, p, today, lang);
    h.raw("</body></html>\n");
    super::printable(h.0)
}
