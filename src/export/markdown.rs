//! The cycle as Markdown, for wikis and e-mail: the same sections as the HTML report, with
//! tables instead of charts.

use super::shown_with_unit;
use crate::i18n::Lang;
use crate::i18n::key;
use crate::i18n::{Label, t, tf};
use crate::model::*;

/// A table cell: one line, pipes escaped.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn table(out: &mut String, head: &[&str], rows: Vec<Vec<String>>) {
    if rows.is_empty() {
        return;
    }
    putln!(
        out,
        "| {} |",
        head.iter().map(|h| cell(h)).collect::<Vec<_>>().join(" | ")
    );
    putln!(out, "|{}", " --- |".repeat(head.len()));
    for r in rows {
        putln!(
            out,
            "| {} |",
            r.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")
        );
    }
    out.push('\n');
}

fn list(out: &mut String, items: impl IntoIterator<Item = String>) {
    let mut any = false;
    for i in items.into_iter().filter(|s| !s.trim().is_empty()) {
        putln!(out, "- {}", i.replace('\n', " "));
        any = true;
    }
    if any {
        out.push('\n');
    }
}

/// The cycle at `cycle` as Markdown.
pub fn cycle_markdown(p: &Project, cycle: usize, lang: Lang) -> String {
    let Some(c) = p.cycles.get(cycle) else {
        return String::new();
    };
    let mut o = String::new();
    putln!(o, "# {}\n", p.region.name);
    putln!(
        o,
        "{} · {} – {} · {}\n",
        c.name,
        lang.fmt_date(c.start),
        lang.fmt_date(c.end),
        c.status.label_in(lang)
    );
    let today = chrono::Local::now().date_naive();
    putln!(
        o,
        "_{}_\n",
        tf!(
            lang,
            "report.note",
            date = &lang.fmt_date(today),
            n = &p.settings.small_numbers_below.to_string()
        )
    );
    putln!(o, "## {}\n", t!(lang, "partners.title"));
    table(
        &mut o,
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

    let a = &c.analysis;
    putln!(o, "## 1. {}\n", Step::Analysis.label_in(lang));
    table(
        &mut o,
        &[
            t!(lang, "report.figure"),
            t!(lang, "measurement.value"),
            t!(lang, "measurement.source"),
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
                ]
            })
            .collect(),
    );
    for (key, items) in [
        (key!("analysis.strengths"), &a.strengths),
        (key!("analysis.problems"), &a.problems),
    ] {
        if !items.is_empty() {
            putln!(o, "### {}\n", t!(lang, key));
            list(&mut o, items.iter().map(|x| x.text.clone()));
        }
    }
    if !a.signals.is_empty() {
        putln!(o, "### {}\n", t!(lang, "analysis.signals"));
        list(
            &mut o,
            a.signals
                .iter()
                .map(|s| format!("{}: {}", s.from.label_in(lang), s.text)),
        );
    }
    scan_table(
        &mut o,
        c.scan(ScanMoment::Analysis),
        t!(lang, "scan.title_first"),
        lang,
    );

    putln!(o, "## 2. {}\n", Step::Ambitions.label_in(lang));
    list(
        &mut o,
        c.ambitions.iter().map(|x| {
            if x.description.is_empty() {
                format!("**{}**", x.title)
            } else {
                format!("**{}**: {}", x.title, x.description)
            }
        }),
    );
    if !c.principles.is_empty() {
        putln!(o, "### {}\n", t!(lang, "principles.title"));
        list(&mut o, c.principles.iter().map(|x| x.text.clone()));
    }

    putln!(o, "## 3. {}\n", Step::Outcomes.label_in(lang));
    let index = SeriesIndex::new(p);
    for out in &c.outcomes {
        putln!(o, "### {}\n", out.title);
        for ind in &out.indicators {
            let series = index.series(ind.id);
            let a = assess(ind, &series, today);
            putln!(
                o,
                "**{}** — {}\n",
                ind.name,
                super::status_words(&a, &series, today, lang)
            );
            table(
                &mut o,
                &[
                    t!(lang, "measurement.date"),
                    t!(lang, "measurement.value"),
                    t!(lang, "measurement.source"),
                ],
                super::measurement_rows(p, ind, &series, lang),
            );
        }
    }

    putln!(o, "## 4. {}\n", Step::Interventions.label_in(lang));
    for iv in &c.interventions {
        let outs: Vec<&str> = iv
            .contributions
            .iter()
            .filter_map(|k| c.outcome(k.outcome))
            .map(|x| x.title.as_str())
            .collect();
        putln!(
            o,
            "- **{}** ({}) — {}",
            iv.title,
            iv.status.label_in(lang),
            outs.join(", ")
        );
    }
    o.push('\n');

    // the chain is a picture: in the HTML report, or exported on its own beside this file
    putln!(o, "## {}\n", t!(lang, "view.chain"));
    putln!(o, "{}\n", t!(lang, "report.chain_md"));
    putln!(o, "## 5. {}\n", Step::Evaluation.label_in(lang));
    table(
        &mut o,
        &[
            t!(lang, "intervention.title"),
            t!(lang, "judgement.contribution"),
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
                    j.decision
                        .map(|d| d.label_in(lang).to_owned())
                        .unwrap_or_default(),
                ])
            })
            .collect(),
    );
    if !c.evaluation.lessons.is_empty() {
        putln!(o, "### {}\n", t!(lang, "lessons.title"));
        list(&mut o, c.evaluation.lessons.iter().map(|l| l.text.clone()));
    }
    scan_table(
        &mut o,
        c.scan(ScanMoment::Evaluation),
        t!(lang, "scan.title_rescore"),
        lang,
    );

    putln!(o, "## {}\n", t!(lang, "actions.open_title"));
    table(
        &mut o,
        &[
            t!(lang, "action.what"),
            t!(lang, "action.owner"),
            t!(lang, "action.due"),
        ],
        p.all_actions()
            .into_iter()
            .filter(|(_, a)| a.status.is_open())
            .map(|(_, a)| {
                let due = a.due.map(|v| lang.fmt_date(v)).unwrap_or_default();
                let due = if a.is_overdue(today) {
                    format!("{due} ({})", t!(lang, "actions.overdue"))
                } else {
                    due
                };
                vec![
                    a.what.clone(),
                    a.owner
                        .map(|x| p.partner_name(x).to_owned())
                        .unwrap_or_default(),
                    due,
                ]
            })
            .collect(),
    );
    super::printable(o)
}

fn scan_table(o: &mut String, scan: &Scan, title: &str, lang: Lang) {
    if scan.is_empty() {
        return;
    }
    putln!(o, "### {title}\n");
    table(
        o,
        &[
            t!(lang, "scan.factor"),
            t!(lang, "scan.legend_region"),
            t!(lang, "scan.legend_national"),
        ],
        Factor::ALL
            .iter()
            .map(|f| {
                vec![
                    f.label_in(lang).to_owned(),
                    scan.factor_average(*f)
                        .map(|a| lang.fmt_number((a * 10.0).round() / 10.0))
                        .unwrap_or_default(),
                    lang.fmt_number(f.national_2021()),
                ]
            })
            .collect(),
    );
}
