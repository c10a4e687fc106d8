//! Step 5 of a cycle (the status of every indicator, the judgements, lessons, the second
//! scan) and the open actions of all meetings.

use super::page::Html;
use super::parts::scan_part;
use crate::export::shown_with_unit;
use crate::i18n::Lang;
use crate::i18n::{Label, t};
use crate::model::{Action, Meeting, Project, ScanMoment, SeriesIndex, Step, assess};
use chrono::NaiveDate;

/// Step 5: indicator status, judgements, lessons, the second scan.
pub(super) fn evaluation(
    h: &mut Html,
    p: &Project,
    cycle: usize,
    index: &SeriesIndex,
    lang: Lang,
    today: NaiveDate,
) {
    let Some(c) = p.cycles.get(cycle) else { return };
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
                let a = assess(i, &series, today);
                vec![
                    i.name.clone(),
                    crate::export::status_words(&a, &series, today, lang),
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
    scan_part(h, p, cycle, ScanMoment::Evaluation, lang);
    h.raw("</section>");
}

/// The open actions of every meeting, the overdue ones marked (as of `today`).
pub(super) fn open_actions(h: &mut Html, p: &Project, today: NaiveDate, lang: Lang) {
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
}
