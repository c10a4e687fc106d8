//! Step 5 (the status of every indicator, the judgements with their evidence, lessons), the
//! dashboard (status counts, each outcome's indicators) and the working-factor scan against
//! the national figures.

use super::Ctx;
use super::Style;
use super::blocks::Blocks;
use crate::export::shown_with_unit;
use crate::i18n::{Label, t, tf};
use crate::model::{
    Basis, DISAGREEMENT_THRESHOLD, Factor, Indicator, NATIONAL_BORGING_2018, NATIONAL_BORGING_2021,
    ScanMoment, Status, assess, basis, is_old,
};

/// An indicator's row: name, status in words (with what it rests on), latest value with its
/// date, target.
fn status_row(cx: &Ctx, i: &Indicator) -> Vec<String> {
    let (p, lang) = (cx.p, cx.lang);
    let series = cx.index.series(i.id);
    let a = assess(i, &series, cx.today);
    let counts = i.is_count_of_people();
    vec![
        i.name.clone(),
        crate::export::status_words(&a, &series, cx.today, lang),
        a.latest
            .map(|(d, v)| {
                let date = d
                    .map(|d| format!(" ({})", lang.fmt_date(d)))
                    .unwrap_or_default();
                format!("{}{date}", shown_with_unit(p, v, &i.unit, counts, lang))
            })
            .unwrap_or_default(),
        i.target_value
            .map(|v| shown_with_unit(p, v, &i.unit, counts, lang))
            .unwrap_or_default(),
    ]
}

fn status_head(cx: &Ctx) -> [&'static str; 4] {
    let lang = cx.lang;
    [
        t!(lang, "csv.indicator"),
        t!(lang, "csv.status"),
        t!(lang, "report.latest"),
        t!(lang, "chart.target"),
    ]
}

/// Step 5: indicator status, judgements with their evidence, lessons.
pub(super) fn evaluation(cx: &Ctx, b: &mut Blocks) {
    let (c, lang) = (cx.c, cx.lang);
    b.heading(3, t!(lang, "report.indicator_status"));
    b.table(
        &status_head(cx),
        &[2, 3],
        c.indicators().map(|i| status_row(cx, i)).collect(),
    );
    b.heading(3, t!(lang, "judgements.title"));
    b.table(
        &[
            t!(lang, "intervention.title"),
            t!(lang, "judgement.contribution"),
            t!(lang, "judgement.evidence"),
            t!(lang, "judgement.decision"),
        ],
        &[],
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
        b.heading(3, t!(lang, "lessons.title"));
        b.list(c.evaluation.lessons.iter().map(|l| l.text.clone()));
    }
}

/// The dashboard: how many indicators have each status, how many rest on an earlier cycle or
/// an old measurement, and each outcome's indicators with their status.
pub(super) fn dashboard(cx: &Ctx, b: &mut Blocks) {
    let (c, lang) = (cx.c, cx.lang);
    if c.outcomes.is_empty() {
        b.plain(t!(lang, "dashboard.no_outcomes"));
        return;
    }
    let mut counts = [0usize; Status::ALL.len()];
    let (mut earlier, mut old) = (0, 0);
    for i in c.indicators() {
        let series = cx.index.series(i.id);
        let a = assess(i, &series, cx.today);
        if let Some(k) = Status::ALL.iter().position(|s| *s == a.status) {
            counts[k] += 1;
        }
        if matches!(
            basis(&a, &series, cx.today),
            Some(Basis::EarlierCycle { .. })
        ) {
            earlier += 1;
        }
        if a.status != Status::NoData
            && a.rests_on
                .and_then(|r| r.0)
                .is_some_and(|d| is_old(d, cx.today))
        {
            old += 1;
        }
    }
    b.list(
        Status::ALL
            .iter()
            .zip(counts)
            .filter(|(_, n)| *n > 0)
            .map(|(s, n)| format!("{n} {}", s.label_in(lang))),
    );
    if earlier > 0 {
        b.para(
            Style::Warning,
            tf!(lang, "dashboard.from_earlier", n = earlier),
        );
    }
    if old > 0 {
        b.para(Style::Warning, tf!(lang, "dashboard.old", n = old));
    }
    for o in &c.outcomes {
        b.heading(3, &o.title);
        if o.indicators.is_empty() {
            b.para(Style::Meta, t!(lang, "dashboard.no_indicators"));
        }
        b.table(
            &status_head(cx),
            &[2, 3],
            o.indicators.iter().map(|i| status_row(cx, i)).collect(),
        );
    }
}

/// The scan of each moment of the cycle: the chart, the nine factors and borging overall
/// against the national figures of 2021 and 2018, and where the partners disagree.
pub(super) fn scan(cx: &Ctx, b: &mut Blocks) {
    let (p, lang) = (cx.p, cx.lang);
    let mut any = false;
    for moment in [ScanMoment::Analysis, ScanMoment::Evaluation] {
        let scan = cx.c.scan(moment);
        if scan.is_empty() {
            continue;
        }
        any = true;
        b.heading(
            3,
            match moment {
                ScanMoment::Analysis => t!(lang, "scan.title_first"),
                ScanMoment::Evaluation => t!(lang, "scan.title_rescore"),
            },
        );
        let history = p.scan_history(cx.cycle, moment);
        b.figure(
            crate::export::svg::scan(scan, history.last(), lang),
            Some(t!(lang, "report.scan_legend")),
            None,
        );
        let one = |v: f64| lang.fmt_number((v * 10.0).round() / 10.0);
        let mut rows: Vec<Vec<String>> = Factor::ALL
            .iter()
            .map(|f| {
                vec![
                    f.label_in(lang).to_owned(),
                    scan.factor_average(*f).map(one).unwrap_or_default(),
                    lang.fmt_number(f.national_2021()),
                    f.national_2018()
                        .map(|v| lang.fmt_number(v))
                        .unwrap_or_default(),
                ]
            })
            .collect();
        rows.push(vec![
            t!(lang, "report.borging_overall").to_owned(),
            scan.borging_average().map(one).unwrap_or_default(),
            lang.fmt_number(NATIONAL_BORGING_2021),
            lang.fmt_number(NATIONAL_BORGING_2018),
        ]);
        b.table(
            &[
                t!(lang, "scan.factor"),
                t!(lang, "scan.legend_region"),
                t!(lang, "scan.legend_national"),
                t!(lang, "scan.legend_2018"),
            ],
            &[1, 2, 3],
            rows,
        );
        let gaps = scan.disagreements(DISAGREEMENT_THRESHOLD);
        if !gaps.is_empty() {
            b.plain(t!(lang, "scan.gaps_title"));
            b.list(gaps.iter().map(|g| {
                tf!(
                    lang,
                    "scan.gap",
                    factor = g.factor.label_in(lang),
                    high = p.partner_name(g.high.0),
                    high_score = &one(g.high.1),
                    low = p.partner_name(g.low.0),
                    low_score = &one(g.low.1)
                )
            }));
        }
    }
    if !any {
        b.plain(t!(lang, "report.no_scan"));
    }
}
