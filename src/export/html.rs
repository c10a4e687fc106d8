//! The cycle as one self-contained HTML file: no external files, no scripts, charts as inline
//! SVG, an A4 print stylesheet with a page break before every step.

use super::shown_with_unit;
use super::svg::{self, esc};
use crate::i18n::{Label, Lang, fmt_date, fmt_money, lang, t, tf};
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
pub fn cycle_html(p: &Project, cycle: usize) -> String {
    let mut h = Html(String::new());
    let Some(c) = p.cycles.get(cycle) else {
        return String::new();
    };
    let code = match lang() {
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
        esc(&fmt_date(c.start)),
        esc(&fmt_date(c.end)),
        esc(c.status.label())
    );
    let today = chrono::Local::now().date_naive();
    let _ = write!(
        h.0,
        "<p class=\"note\">{}</p>",
        esc(&tf(
            "report.note",
            &[
                ("date", &fmt_date(today)),
                ("n", &p.settings.small_numbers_below.to_string())
            ]
        ))
    );
    h.raw("</header>");

    // region and partners
    h.raw("<section>");
    h.tag("h2", t("view.region"));
    if !p.region.samenwerkingsverband.is_empty() {
        h.tag("p", &p.region.samenwerkingsverband);
    }
    if !p.region.gemeenten.is_empty() {
        h.tag("p", &p.region.gemeenten.join(", "));
    }
    h.tag("h3", t("partners.title"));
    h.table(
        &[t("report.partner"), t("report.kind"), t("report.role")],
        p.partners
            .iter()
            .map(|x| vec![x.name.clone(), x.kind.label().to_owned(), x.role.clone()])
            .collect(),
    );
    if !p.tables.is_empty() {
        h.tag("h3", t("tables.title"));
        h.table(
            &[t("report.table"), t("report.partners")],
            p.tables
                .iter()
                .map(|tb| vec![crate::i18n::table_name(tb), names(p, &tb.partners)])
                .collect(),
        );
    }
    h.raw("</section>");

    // 1. analysis
    let a = &c.analysis;
    h.section(&format!("1. {}", Step::Analysis.label()));
    if !a.data_points.is_empty() {
        h.tag("h3", t("analysis.data"));
        h.table(
            &[
                t("report.figure"),
                t("measurement.value"),
                t("measurement.source"),
                t("measurement.date"),
            ],
            a.data_points
                .iter()
                .map(|d| {
                    vec![
                        d.label.clone(),
                        d.value
                            .map(|v| shown_with_unit(p, v, &d.unit, d.is_count_of_people()))
                            .unwrap_or_default(),
                        d.source.clone(),
                        d.date.map(fmt_date).unwrap_or_default(),
                    ]
                })
                .collect(),
        );
    }
    for (key, list) in [
        ("analysis.strengths", &a.strengths),
        ("analysis.problems", &a.problems),
    ] {
        if !list.is_empty() {
            h.tag("h3", t(key));
            h.list(list.iter().map(|x| x.text.clone()));
        }
    }
    if !a.signals.is_empty() {
        h.tag("h3", t("analysis.signals"));
        h.list(a.signals.iter().map(|s| {
            let from = s
                .partner
                .map(|id| p.partner_name(id).to_owned())
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| s.from.label().to_owned());
            format!("{from}: {}", s.text)
        }));
    }
    let mut facts = Vec::new();
    if let Some(m) = a.collaboration_model {
        facts.push(format!("{}: {}", t("analysis.model"), m.label()));
    }
    if let Some(ph) = a.phase {
        facts.push(format!("{}: {}", t("analysis.phase"), ph.label()));
    }
    h.list(facts);
    if !a.bottlenecks.is_empty() || !a.own_bottlenecks.is_empty() {
        h.tag("h3", t("analysis.bottlenecks"));
        h.list(
            a.bottlenecks
                .iter()
                .map(|b| b.label().to_owned())
                .chain(a.own_bottlenecks.iter().map(|x| x.text.clone())),
        );
    }
    scan_part(&mut h, p, cycle, ScanMoment::Analysis);
    h.raw("</section>");

    // 2. ambitions
    h.section(&format!("2. {}", Step::Ambitions.label()));
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
                esc(&tf("report.endorsed", &[("list", &who)]))
            );
        }
    }
    if !c.principles.is_empty() {
        h.tag("h3", t("principles.title"));
        h.list(c.principles.iter().map(|x| x.text.clone()));
    }
    h.raw("</section>");

    // 3. outcomes with indicators
    let index = SeriesIndex::new(p);
    h.section(&format!("3. {}", Step::Outcomes.label()));
    for o in &c.outcomes {
        h.tag("h3", &o.title);
        if !o.description.is_empty() {
            h.tag("p", &o.description);
        }
        for ind in &o.indicators {
            indicator_part(&mut h, p, ind, &index);
        }
    }
    h.raw("</section>");

    // 4. interventions
    h.section(&format!("4. {}", Step::Interventions.label()));
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
        h.table(&[t("report.contributes_to"), t("report.expected")], rows);
        let mut facts = Vec::new();
        let who = names(p, &iv.responsible);
        if !who.is_empty() {
            facts.push(format!("{}: {who}", t("intervention.responsible")));
        }
        if let (Some(s), Some(e)) = (iv.start, iv.end) {
            facts.push(format!("{} – {}", fmt_date(s), fmt_date(e)));
        }
        if let Some(b) = iv.budget_eur {
            facts.push(format!("{}: {}", t("intervention.budget"), fmt_money(b)));
        }
        if let Some(f) = iv.financing {
            facts.push(format!("{}: {}", t("intervention.financing"), f.label()));
        }
        facts.push(format!(
            "{}: {}",
            t("intervention.status"),
            iv.status.label()
        ));
        h.list(facts);
    }
    h.raw("</section>");

    // 5. evaluation
    h.section(&format!("5. {}", Step::Evaluation.label()));
    h.tag("h3", t("report.indicator_status"));
    h.table(
        &[
            t("csv.indicator"),
            t("csv.status"),
            t("report.latest"),
            t("chart.target"),
        ],
        c.indicators()
            .map(|i| {
                let series = index.series(i.id);
                let a = assess(i, &series);
                vec![
                    i.name.clone(),
                    a.status.label().to_owned(),
                    a.latest
                        .map(|(d, v)| {
                            let date = d.map(|d| format!(" ({})", fmt_date(d))).unwrap_or_default();
                            format!(
                                "{}{date}",
                                shown_with_unit(p, v, &i.unit, i.is_count_of_people())
                            )
                        })
                        .unwrap_or_default(),
                    i.target_value
                        .map(|v| shown_with_unit(p, v, &i.unit, i.is_count_of_people()))
                        .unwrap_or_default(),
                ]
            })
            .collect(),
    );
    h.tag("h3", t("judgements.title"));
    h.table(
        &[
            t("intervention.title"),
            t("judgement.contribution"),
            t("judgement.evidence"),
            t("judgement.decision"),
        ],
        c.evaluation
            .judgements
            .iter()
            .filter_map(|j| {
                let iv = c.intervention(j.intervention)?;
                Some(vec![
                    iv.title.clone(),
                    j.contribution.label().to_owned(),
                    j.evidence.clone(),
                    j.decision.map(|d| d.label().to_owned()).unwrap_or_default(),
                ])
            })
            .collect(),
    );
    if !c.evaluation.lessons.is_empty() {
        h.tag("h3", t("lessons.title"));
        h.list(c.evaluation.lessons.iter().map(|l| l.text.clone()));
    }
    scan_part(&mut h, p, cycle, ScanMoment::Evaluation);
    h.raw("</section>");

    // open actions
    let open: Vec<(&Meeting, &Action)> = p
        .all_actions()
        .into_iter()
        .filter(|(_, a)| a.status.is_open())
        .collect();
    h.section(t("actions.open_title"));
    if open.is_empty() {
        h.tag("p", t("actions.none_open"));
    }
    h.raw("<table><thead><tr>");
    for head in [
        t("action.what"),
        t("action.owner"),
        t("action.due"),
        t("action.status"),
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
        let due = a.due.map(fmt_date).unwrap_or_default();
        h.tag(
            "td",
            &if late {
                format!("{due} ({})", t("actions.overdue"))
            } else {
                due
            },
        );
        h.tag("td", a.status.label());
        h.raw("</tr>");
    }
    h.raw("</tbody></table></section>");
    h.raw("</body></html>\n");
    h.0
}

fn indicator_part(h: &mut Html, p: &Project, ind: &Indicator, index: &SeriesIndex) {
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
        esc(a.status.label())
    );
    if !ind.definition.is_empty() {
        h.tag("p", &ind.definition);
    }
    let mut facts = Vec::new();
    if let Some(v) = ind.baseline_value {
        let d = ind
            .baseline_date
            .map(|d| format!(" ({})", fmt_date(d)))
            .unwrap_or_default();
        facts.push(format!(
            "{}: {}{d}",
            t("chart.baseline"),
            shown_with_unit(p, v, &ind.unit, counts)
        ));
    }
    if let Some(v) = ind.target_value {
        let d = ind
            .target_date
            .map(|d| format!(" ({})", fmt_date(d)))
            .unwrap_or_default();
        facts.push(format!(
            "{}: {}{d}",
            t("chart.target"),
            shown_with_unit(p, v, &ind.unit, counts)
        ));
    }
    facts.push(format!(
        "{}: {}",
        t("indicator.direction"),
        ind.direction.label()
    ));
    if !ind.data_source.is_empty() {
        facts.push(format!("{}: {}", t("indicator.source"), ind.data_source));
    }
    let _ = write!(h.0, "<p class=\"meta\">{}</p>", esc(&facts.join(" · ")));
    h.raw(&svg::indicator(ind, &series, |v| {
        crate::privacy::suppress(v, counts, below)
    }));
    let _ = write!(
        h.0,
        "<p class=\"legend\">{}</p>",
        esc(t("report.chart_legend"))
    );
    h.table(
        &[
            t("measurement.date"),
            t("measurement.value"),
            t("measurement.source"),
        ],
        super::measurement_rows(p, ind, &series),
    );
    h.raw("</div>");
}

fn scan_part(h: &mut Html, p: &Project, cycle: usize, moment: ScanMoment) {
    let Some(c) = p.cycles.get(cycle) else { return };
    let scan = c.scan(moment);
    if scan.is_empty() {
        return;
    }
    let title = match moment {
        ScanMoment::Analysis => t("scan.title_first"),
        ScanMoment::Evaluation => t("scan.title_rescore"),
    };
    h.tag("h3", title);
    let history = p.scan_history(cycle, moment);
    h.raw(&svg::scan(scan, history.last()));
    let _ = write!(
        h.0,
        "<p class=\"legend\">{}</p>",
        esc(t("report.scan_legend"))
    );
    let rows = Factor::ALL
        .iter()
        .map(|f| {
            vec![
                f.label().to_owned(),
                scan.factor_average(*f)
                    .map(|a| crate::i18n::fmt_number((a * 10.0).round() / 10.0))
                    .unwrap_or_default(),
                crate::i18n::fmt_number(f.national_2021()),
                f.national_2018()
                    .map(crate::i18n::fmt_number)
                    .unwrap_or_default(),
            ]
        })
        .collect();
    h.table(
        &[
            t("scan.factor"),
            t("scan.legend_region"),
            t("scan.legend_national"),
            t("scan.legend_2018"),
        ],
        rows,
    );
    let gaps = scan.disagreements(DISAGREEMENT_THRESHOLD);
    if !gaps.is_empty() {
        h.tag("p", t("scan.gaps_title"));
        h.list(gaps.iter().map(|g| {
            tf(
                "scan.gap",
                &[
                    ("factor", g.factor.label()),
                    ("high", p.partner_name(g.high.0)),
                    (
                        "high_score",
                        &crate::i18n::fmt_number((g.high.1 * 10.0).round() / 10.0),
                    ),
                    ("low", p.partner_name(g.low.0)),
                    (
                        "low_score",
                        &crate::i18n::fmt_number((g.low.1 * 10.0).round() / 10.0),
                    ),
                ],
            )
        }));
    }
}
