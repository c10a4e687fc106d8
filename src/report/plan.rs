//! The region with its partners and tables, steps 1 to 4 of a cycle (analysis, ambitions and
//! principles, outcomes with their indicators, interventions) and the results chain.

use super::blocks::Blocks;
use super::{Block, Ctx, Group, Style};
use crate::export::{shown_with_unit, svg};
use crate::i18n::{Label, basis_text_in, forecast_method_in, forecast_reach_in, key, t, tf};
use crate::model::{Forecast, Indicator, SeriesPoint, assess, forecast};

fn names(cx: &Ctx, ids: &[crate::model::Id]) -> String {
    cx.p.partner_names(ids).join(", ")
}

/// The region, its partners and its tables.
pub(super) fn region(cx: &Ctx, b: &mut Blocks) {
    let (p, lang) = (cx.p, cx.lang);
    b.plain(&p.region.samenwerkingsverband);
    b.plain(p.region.gemeenten.join(", "));
    b.heading(3, t!(lang, "partners.title"));
    b.table(
        &[
            t!(lang, "report.partner"),
            t!(lang, "report.kind"),
            t!(lang, "report.role"),
        ],
        &[],
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
        b.heading(3, t!(lang, "tables.title"));
        b.table(
            &[t!(lang, "report.table"), t!(lang, "report.partners")],
            &[],
            p.tables
                .iter()
                .map(|tb| {
                    vec![
                        crate::i18n::table_name_in(lang, tb),
                        names(cx, &tb.partners),
                    ]
                })
                .collect(),
        );
    }
}

/// Step 1: data, strengths, problems, signals, model and phase, bottlenecks (the scan is in
/// its own section).
pub(super) fn analysis(cx: &Ctx, b: &mut Blocks) {
    let (p, lang) = (cx.p, cx.lang);
    let a = &cx.c.analysis;
    if !a.data_points.is_empty() {
        b.heading(3, t!(lang, "analysis.data"));
        b.table(
            &[
                t!(lang, "report.figure"),
                t!(lang, "measurement.value"),
                t!(lang, "measurement.source"),
                t!(lang, "measurement.date"),
            ],
            &[1],
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
            b.heading(3, t!(lang, key));
            b.list(list.iter().map(|x| x.text.clone()));
        }
    }
    if !a.signals.is_empty() {
        b.heading(3, t!(lang, "analysis.signals"));
        b.list(a.signals.iter().map(|s| {
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
    b.list(facts);
    if !a.bottlenecks.is_empty() || !a.own_bottlenecks.is_empty() {
        b.heading(3, t!(lang, "analysis.bottlenecks"));
        b.list(
            a.bottlenecks
                .iter()
                .map(|x| x.label_in(lang).to_owned())
                .chain(a.own_bottlenecks.iter().map(|x| x.text.clone())),
        );
    }
}

/// Step 2: the ambitions with who endorsed them, and the principles.
pub(super) fn ambitions(cx: &Ctx, b: &mut Blocks) {
    let lang = cx.lang;
    for am in &cx.c.ambitions {
        b.heading(3, &am.title);
        b.plain(&am.description);
        let who = names(cx, &am.endorsed_by);
        if !who.is_empty() {
            b.para(Style::Meta, tf!(lang, "report.endorsed", list = &who));
        }
    }
    if !cx.c.principles.is_empty() {
        b.heading(3, t!(lang, "principles.title"));
        b.list(cx.c.principles.iter().map(|x| x.text.clone()));
    }
}

/// Step 3: the outcomes, each with its indicators.
pub(super) fn outcomes(cx: &Ctx, b: &mut Blocks) {
    for o in &cx.c.outcomes {
        b.heading(3, &o.title);
        b.plain(&o.description);
        for ind in &o.indicators {
            let mut part = Blocks::default();
            indicator(cx, ind, &mut part);
            b.0.push(Block::Group(Group::Indicator, part.0));
        }
    }
}

/// An indicator: its status (and what it rests on), facts, chart with the forecast, and
/// measurements.
fn indicator(cx: &Ctx, ind: &Indicator, b: &mut Blocks) {
    let (p, lang) = (cx.p, cx.lang);
    let series = cx.index.series(ind.id);
    let a = assess(ind, &series, cx.today);
    let below = p.settings.small_numbers_below;
    let counts = ind.is_count_of_people();
    b.heading_with(4, &ind.name, a.status, a.status.label_in(lang));
    if let Some(text) = basis_text_in(lang, &a, &series, cx.today) {
        b.para(Style::Warning, text);
    }
    b.plain(&ind.definition);
    let dated = |v: f64, d: Option<chrono::NaiveDate>| {
        let d = d
            .map(|d| format!(" ({})", lang.fmt_date(d)))
            .unwrap_or_default();
        format!("{}{d}", shown_with_unit(p, v, &ind.unit, counts, lang))
    };
    let mut facts = Vec::new();
    if let Some(v) = ind.baseline_value {
        facts.push(format!(
            "{}: {}",
            t!(lang, "chart.baseline"),
            dated(v, ind.baseline_date)
        ));
    }
    if let Some(v) = ind.target_value {
        facts.push(format!(
            "{}: {}",
            t!(lang, "chart.target"),
            dated(v, ind.target_date)
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
    b.para(Style::Meta, facts.join(" · "));
    let hidden = |v: f64| crate::privacy::suppress(v, counts, below);
    let line = reported_forecast(ind, &series, hidden);
    b.figure(
        svg::indicator(ind, &series, hidden, line.as_ref(), lang),
        Some(t!(lang, "report.chart_legend")),
        None,
    );
    if let Some(f) = &line {
        let reach = forecast_reach_in(lang, f, ind.target_value, |v| {
            shown_with_unit(p, v, &ind.unit, counts, lang)
        });
        b.para(
            Style::Forecast,
            tf!(
                lang,
                "report.forecast",
                method = &forecast_method_in(lang, f),
                reach = &reach
            ),
        );
    }
    b.table(
        &[
            t!(lang, "measurement.date"),
            t!(lang, "measurement.value"),
            t!(lang, "measurement.source"),
        ],
        &[1],
        crate::export::measurement_rows(p, ind, &series, lang),
    );
    dialogues(b, ind.dialogues(), lang);
}

/// What the group said about the figures (an indicator's, the support analysis'), each
/// dialogue under its date.
pub(super) fn dialogues<'a>(
    b: &mut Blocks,
    said: impl Iterator<Item = &'a crate::model::DataDialogue>,
    lang: crate::i18n::Lang,
) {
    for d in said {
        let when = d.date.map_or_else(
            || t!(lang, "dialogue.undated").to_owned(),
            |d| lang.fmt_date(d),
        );
        b.para(
            Style::Meta,
            format!("{}: {when}", t!(lang, "report.dialogue")),
        );
        b.list(
            [
                (t!(lang, "dialogue.recognise"), &d.recognise),
                (t!(lang, "dialogue.explain_q"), &d.explain),
                (t!(lang, "dialogue.opinion"), &d.opinion),
            ]
            .into_iter()
            .filter(|(_, a)| !a.trim().is_empty())
            .map(|(q, a)| format!("{q} {}", a.trim())),
        );
    }
}

/// The forecast as the report shows it: none for an indicator one of whose measurements is a
/// small count hidden in the report (the line through them would give it away), nor when the
/// line itself starts or ends on such a count ("ongeveer 3" is a small count too).
fn reported_forecast(
    ind: &Indicator,
    series: &[SeriesPoint],
    hidden: impl Fn(f64) -> bool,
) -> Option<Forecast> {
    if series.iter().any(|p| hidden(p.value)) {
        return None;
    }
    forecast(series, ind).filter(|f| !hidden(f.from.1) && !hidden(f.reached()) && !hidden(f.to.1))
}

/// Step 4: the interventions, what each contributes to, who, when, budget and status.
pub(super) fn interventions(cx: &Ctx, b: &mut Blocks) {
    let lang = cx.lang;
    let c = cx.c;
    for iv in &c.interventions {
        b.heading(3, &iv.title);
        b.plain(&iv.description);
        b.table(
            &[
                t!(lang, "report.contributes_to"),
                t!(lang, "report.expected"),
            ],
            &[],
            iv.contributions
                .iter()
                .filter_map(|k| {
                    Some(vec![
                        c.outcome(k.outcome)?.title.clone(),
                        k.expected.clone(),
                    ])
                })
                .collect(),
        );
        let mut facts = Vec::new();
        let who = names(cx, &iv.responsible);
        if !who.is_empty() {
            facts.push(format!("{}: {who}", t!(lang, "intervention.responsible")));
        }
        if let (Some(s), Some(e)) = (iv.start, iv.end) {
            facts.push(format!("{} – {}", lang.fmt_date(s), lang.fmt_date(e)));
        }
        if let Some(v) = iv.budget_eur {
            facts.push(format!(
                "{}: {}",
                t!(lang, "intervention.budget"),
                lang.fmt_money(v)
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
        b.list(facts);
    }
}

/// The results chain: the picture of steps 2 to 4 together (no values in it).
pub(super) fn chain(cx: &Ctx, b: &mut Blocks) {
    b.figure(
        crate::export::chain_svg_inline(cx.p, cx.cycle, cx.lang),
        None,
        Some(t!(cx.lang, "report.chain_md")),
    );
}
