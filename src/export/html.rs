//! The cycle as one self-contained HTML file: no external files, no scripts, charts as inline
//! SVG, an A4 print stylesheet with a page break before every step.

use super::shown_with_unit;
use super::svg::{self, esc};
use crate::i18n::key;
use crate::i18n::{Label, Lang, t, tf};
use crate::model::*;
use std::fmt::Write;

const STYLE: &str = "
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
.reached { background: #195faf; } .no-data { background: #777; }
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
        Status::NoData => "no-data",
    }
}

struct Html(String);

impl Html {
    fn raw(&mut self, s: &str) {
        self.0.push_str(s);
    }
    fn tag(&mut self, tag: &str, text: &str) {
        let _ = write!(self.0, "<{tag}>{}</{tag}>", esc(text));
    }
    fn list(&mut self, items: impl IntoIterator<Item = String>) {
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
    fn table(&mut self, head: &[&str], rows: Vec<Vec<String>>) {
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
    fn section(&mut self, title: &str) {
        self.raw("<section class=\"step\">");
        self.tag("h2", title);
    }
}

fn names(p: &Project, ids: &[Id]) -> String {
    ids.iter()
        .map(|id| p.partner_name(*id))
        .filter(|n| !n.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

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
    let _ = write!(
        h.0,
        "<!DOCTYPE html>\n<html lang=\"{code}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{STYLE}</style></head><body>",
        esc(&title)
    );
    h.raw("<header>");
    h.tag("h1", &p.region.name);
    let _ = write!(
        h.0,
        "<p class=\"meta\">{} · {} – {} · {}</p>",
        esc(&c.name),
        esc(&lang.fmt_date(c.start)),
        esc(&lang.fmt_date(c.end)),
        esc(c.status.label_in(lang))
    );
    let today = chrono::Local::now().date_naive();
    let _ = write!(
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

    // region and partners
    h.raw("<section>");
    h.tag("h2", t!(lang, "view.region"));
    if !p.region.samenwerkingsverband.is_empty() {
        h.tag("p", &p.region.samenwerkingsverband);
    }
    if !p.region.gemeenten.is_empty() {
        h.tag("p", &p.region.gemeenten.join(", "));
    }
    h.tag("h3", t!(lang, "partners.title"));
    h.table(
        &[
            t!(lang, "report.partner"),
            t!(lang, "report.kind"),
            t!(lang, "report.role"),
        ],
        p.partners
            .iter()
            .map(|x| {
                vec![
                    x.name.clone(),
                    x.kind.label_in(lang).to_owned(),
                    x.role.clone(),
                ]
            })
            .collect(),
    );
    if !p.tables.is_empty() {
        h.tag("h3", t!(lang, "tables.title"));
        h.table(
            &[t!(lang, "report.table"), t!(lang, "report.partners")],
            p.tables
                .iter()
                .map(|tb| vec![crate::i18n::table_name_in(lang, tb), names(p, &tb.partners)])
                .collect(),
        );
    }
    h.raw("</section>");

    // 1. analysis
    let a = &c.analysis;
    h.section(&format!("1. {}", Step::Analysis.label_in(lang)));
    if !a.data_points.is_empty() {
        h.tag("h3", t!(lang, "analysis.data"));
        h.table(
            &[
                t!(lang, "report.figure"),
                t!(lang, "measurement.value"),
                t!(lang, "measurement.source"),
                t!(lang, "measurement.date"),
            ],
            a.data_points
                .iter()
                .map(|d| {
                    vec![
                        d.label.clone(),
                        d.value
                            .map(|v| shown_with_unit(p, v, &d.unit, d.is_count_of_people(), lang))
                            .unwrap_or_default(),
                        d.source.clone(),
                        d.date.map(|v| lang.fmt_date(v)).unwrap_or_default(),
                    ]
                })
                .collect(),
        );
    }
    for (key, list) in [
        (key!("analysis.strengths"), &a.strengths),
        (key!("analysis.problems"), &a.problems),
    ] {
        if !list.is_empty() {
            h.tag("h3", t!(lang, key));
            h.list(list.iter().map(|x| x.text.clone()));
        }
    }
    if !a.signals.is_empty() {
        h.tag("h3", t!(lang, "analysis.signals"));
        h.list(a.signals.iter().map(|s| {
            let from = s
                .partner
                .map(|id| p.partner_name(id).to_owned())
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| s.from.label_in(lang).to_owned());
            format!("{from}: {}", s.text)
        }));
    }
    let mut facts = Vec::new();
    if let Some(m) = a.collaboration_model {
        facts.push(format!(
            "{}: {}",
            t!(lang, "analysis.model"),
            m.label_in(lang)
        ));
    }
    if let Some(ph) = a.phase {
        facts.push(format!(
            "{}: {}",
            t!(lang, "analysis.phase"),
            ph.label_in(lang)
        ));
    }
    h.list(facts);
    if !a.bottlenecks.is_empty() || !a.own_bottlenecks.is_empty() {
        h.tag("h3", t!(lang, "analysis.bottlenecks"));
        h.list(
            a.bottlenecks
                .iter()
                .map(|b| b.label_in(lang).to_owned())
                .chain(a.own_bottlenecks.iter().map(|x| x.text.clone())),
        );
    }
    scan_part(&mut h, p, cycle, ScanMoment::Analysis, lang);
    h.raw("</section>");

    // 2. ambitions
    h.section(&format!("2. {}", Step::Ambitions.label_in(lang)));
    for am in &c.ambitions {
        h.tag("h3", &am.title);
        if !am.description.is_empty() {
            h.tag("p", &am.description);
        }
        let who = names(p, &am.endorsed_by);
        if !who.is_empty() {
            let _ = write!(
                h.0,
                "<p class=\"meta\">{}</p>",
                esc(&tf!(lang, "report.endorsed", list = &who))
            );
        }
    }
    if !c.principles.is_empty() {
        h.tag("h3", t!(lang, "principles.title"));
        h.list(c.principles.iter().map(|x| x.text.clone()));
    }
    h.raw("</section>");

    // 3. outcomes with indicators
    let index = SeriesIndex::new(p);
    h.section(&format!("3. {}", Step::Outcomes.label_in(lang)));
    for o in &c.outcomes {
        h.tag("h3", &o.title);
        if !o.description.is_empty() {
            h.tag("p", &o.description);
        }
        for ind in &o.indicators {
            indicator_part(&mut h, p, ind, &index, lang);
        }
    }
    h.raw("</section>");

    // 4. interventions
    h.section(&format!("4. {}", Step::Interventions.label_in(lang)));
    for iv in &c.interventions {
        h.tag("h3", &iv.title);
        if !iv.description.is_empty() {
            h.tag("p", &iv.description);
        }
        let mut rows = Vec::new();
        for k in &iv.contributions {
            if let Some(o) = c.outcome(k.outcome) {
                rows.push(vec![o.title.clone(), k.expected.clone()]);
            }
        }
        h.table(
            &[
                t!(lang, "report.contributes_to"),
                t!(lang, "report.expected"),
            ],
            rows,
        );
        let mut facts = Vec::new();
        let who = names(p, &iv.responsible);
        if !who.is_empty() {
            facts.push(format!("{}: {who}", t!(lang, "intervention.responsible")));
        }
        if let (Some(s), Some(e)) = (iv.start, iv.end) {
            facts.push(format!("{} – {}", lang.fmt_date(s), lang.fmt_date(e)));
        }
        if let Some(b) = iv.budget_eur {
            facts.push(format!(
                "{}: {}",
                t!(lang, "intervention.budget"),
                lang.fmt_money(b)
            ));
        }
        if let Some(f) = iv.financing {
            facts.push(format!(
                "{}: {}",
                t!(lang, "intervention.financing"),
                f.label_in(lang)
            ));
        }
        facts.push(format!(
            "{}: {}",
            t!(lang, "intervention.status"),
            iv.status.label_in(lang)
        ));
        h.list(facts);
    }
    h.raw("</section>");

    // 5. evaluation
    h.section(&format!("5. {}", Step::Evaluation.label_in(lang)));
    h.tag("h3", t!(lang, "report.indicator_status"));
    h.table(
        &[
            t!(lang, "csv.indicator"),
            t!(lang, "csv.status"),
            t!(lang, "report.latest"),
            t!(lang, "chart.target"),
        ],
        c.indicators()
            .map(|i| {
                let series = index.series(i.id);
                let a = assess(i, &series);
                vec![
                    i.name.clone(),
                    a.status.label_in(lang).to_owned(),
                    a.latest
                        .map(|(d, v)| {
                            let date = d
                                .map(|d| format!(" ({})", lang.fmt_date(d)))
                                .unwrap_or_default();
                            format!(
                                "{}{date}",
                                shown_with_unit(p, v, &i.unit, i.is_count_of_people(), lang)
                            )
                        })
                        .unwrap_or_default(),
                    i.target_value
                        .map(|v| shown_with_unit(p, v, &i.unit, i.is_count_of_people(), lang))
                        .unwrap_or_default(),
                ]
            })
            .collect(),
    );
    h.tag("h3", t!(lang, "judgements.title"));
    h.table(
        &[
            t!(lang, "intervention.title"),
            t!(lang, "judgement.contribution"),
            t!(lang, "judgement.evidence"),
            t!(lang, "judgement.decision"),
        ],
        c.evaluation
            .judgements
            .iter()
            .filter_map(|j| {
                let iv = c.intervention(j.intervention)?;
                Some(vec![
                    iv.title.clone(),
                    j.contribution.label_in(lang).to_owned(),
                    j.evidence.clone(),
                    j.decision
                        .map(|d| d.label_in(lang).to_owned())
                        .unwrap_or_default(),
                ])
            })
            .collect(),
    );
    if !c.evaluation.lessons.is_empty() {
        h.tag("h3", t!(lang, "lessons.title"));
        h.list(c.evaluation.lessons.iter().map(|l| l.text.clone()));
    }
    scan_part(&mut h, p, cycle, ScanMoment::Evaluation, lang);
    h.raw("</section>");

    // open actions
    let open: Vec<(&Meeting, &Action)> = p
        .all_actions()
        .into_iter()
        .filter(|(_, a)| a.status.is_open())
        .collect();
    h.section(t!(lang, "actions.open_title"));
    if open.is_empty() {
        h.tag("p", t!(lang, "actions.none_open"));
    }
    h.raw("<table><thead><tr>");
    for head in [
        t!(lang, "action.what"),
        t!(lang, "action.owner"),
        t!(lang, "action.due"),
        t!(lang, "action.status"),
    ] {
        h.tag("th", head);
    }
    h.raw("</tr></thead><tbody>");
    for (_, a) in &open {
        let late = a.is_overdue(today);
        h.raw(if late {
            "<tr class=\"overdue\">"
        } else {
            "<tr>"
        });
        h.tag("td", &a.what);
        h.tag("td", a.owner.map(|o| p.partner_name(o)).unwrap_or_default());
        let due = a.due.map(|v| lang.fmt_date(v)).unwrap_or_default();
        h.tag(
            "td",
            &if late {
                format!("{due} ({})", t!(lang, "actions.overdue"))
            } else {
                due
            },
        );
        h.tag("td", a.status.label_in(lang));
        h.raw("</tr>");
    }
    h.raw("</tbody></table></section>");
    h.raw("</body></html>\n");
    h.0
}

fn indicator_part(h: &mut Html, p: &Project, ind: &Indicator, index: &SeriesIndex, lang: Lang) {
    let series = index.series(ind.id);
    let a = assess(ind, &series);
    let below = p.settings.small_numbers_below;
    let counts = ind.is_count_of_people();
    h.raw("<div class=\"indicator\">");
    let _ = write!(
        h.0,
        "<h4>{} <span class=\"status {}\">{}</span></h4>",
        esc(&ind.name),
        status_class(a.status),
        esc(a.status.label_in(lang))
    );
    if !ind.definition.is_empty() {
        h.tag("p", &ind.definition);
    }
    let mut facts = Vec::new();
    if let Some(v) = ind.baseline_value {
        let d = ind
            .baseline_date
            .map(|d| format!(" ({})", lang.fmt_date(d)))
            .unwrap_or_default();
        facts.push(format!(
            "{}: {}{d}",
            t!(lang, "chart.baseline"),
            shown_with_unit(p, v, &ind.unit, counts, lang)
        ));
    }
    if let Some(v) = ind.target_value {
        let d = ind
            .target_date
            .map(|d| format!(" ({})", lang.fmt_date(d)))
            .unwrap_or_default();
        facts.push(format!(
            "{}: {}{d}",
            t!(lang, "chart.target"),
            shown_with_unit(p, v, &ind.unit, counts, lang)
        ));
    }
    facts.push(format!(
        "{}: {}",
        t!(lang, "indicator.direction"),
        ind.direction.label_in(lang)
    ));
    if !ind.data_source.is_empty() {
        facts.push(format!(
            "{}: {}",
            t!(lang, "indicator.source"),
            ind.data_source
        ));
    }
    let _ = write!(h.0, "<p class=\"meta\">{}</p>", esc(&facts.join(" · ")));
    h.raw(&svg::indicator(
        ind,
        &series,
        |v| crate::privacy::suppress(v, counts, below),
        lang,
    ));
    let _ = write!(
        h.0,
        "<p class=\"legend\">{}</p>",
        esc(t!(lang, "report.chart_legend"))
    );
    h.table(
        &[
            t!(lang, "measurement.date"),
            t!(lang, "measurement.value"),
            t!(lang, "measurement.source"),
        ],
        super::measurement_rows(p, ind, &series, lang),
    );
    h.raw("</div>");
}

fn scan_part(h: &mut Html, p: &Project, cycle: usize, moment: ScanMoment, lang: Lang) {
    let Some(c) = p.cycles.get(cycle) else { return };
    let scan = c.scan(moment);
    if scan.is_empty() {
        return;
    }
    let title = match moment {
        ScanMoment::Analysis => t!(lang, "scan.title_first"),
        ScanMoment::Evaluation => t!(lang, "scan.title_rescore"),
    };
    h.tag("h3", title);
    let history = p.scan_history(cycle, moment);
    h.raw(&svg::scan(scan, history.last(), lang));
    let _ = write!(
        h.0,
        "<p class=\"legend\">{}</p>",
        esc(t!(lang, "report.scan_legend"))
    );
    let rows = Factor::ALL
        .iter()
        .map(|f| {
            vec![
                f.label_in(lang).to_owned(),
                scan.factor_average(*f)
                    .map(|a| lang.fmt_number((a * 10.0).round() / 10.0))
                    .unwrap_or_default(),
                lang.fmt_number(f.national_2021()),
                f.national_2018()
                    .map(|v| lang.fmt_number(v))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    h.table(
        &[
            t!(lang, "scan.factor"),
            t!(lang, "scan.legend_region"),
            t!(lang, "scan.legend_national"),
            t!(lang, "scan.legend_2018"),
        ],
        rows,
    );
    let gaps = scan.disagreements(DISAGREEMENT_THRESHOLD);
    if !gaps.is_empty() {
        h.tag("p", t!(lang, "scan.gaps_title"));
        h.list(gaps.iter().map(|g| {
            tf!(
                lang,
                "scan.gap",
                factor = g.factor.label_in(lang),
                high = p.partner_name(g.high.0),
                high_score = &lang.fmt_number((g.high.1 * 10.0).round() / 10.0),
                low = p.partner_name(g.low.0),
                low_score = &lang.fmt_number((g.low.1 * 10.0).round() / 10.0)
            )
        }));
    }
}
