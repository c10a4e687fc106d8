//! The region with its partners and tables, and steps 1 to 4 of a cycle: analysis (with the
//! first scan), ambitions and principles, outcomes with their indicators, interventions.

use super::page::{Html, names};
use super::parts::{indicator_part, scan_part};
use crate::export::shown_with_unit;
use crate::export::svg::esc;
use crate::i18n::{Label, fmt_date, fmt_money, t, tf};
use crate::model::{Cycle, Project, ScanMoment, SeriesIndex, Step};

/// The region, its partners and its tables.
pub(super) fn region(h: &mut Html, p: &Project) {
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
}

/// Step 1: data, strengths, problems, signals, model and phase, bottlenecks, the first scan.
pub(super) fn analysis(h: &mut Html, p: &Project, cycle: usize) {
    let Some(c) = p.cycles.get(cycle) else { return };
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
    scan_part(h, p, cycle, ScanMoment::Analysis);
    h.raw("</section>");
}

/// Step 2: the ambitions with who endorsed them, and the principles.
pub(super) fn ambitions(h: &mut Html, p: &Project, c: &Cycle) {
    h.section(&format!("2. {}", Step::Ambitions.label()));
    for am in &c.ambitions {
        h.tag("h3", &am.title);
        if !am.description.is_empty() {
            h.tag("p", &am.description);
        }
        let who = names(p, &am.endorsed_by);
        if !who.is_empty() {
            put!(
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
}

/// Step 3: the outcomes, each with its indicators.
pub(super) fn outcomes(h: &mut Html, p: &Project, c: &Cycle, index: &SeriesIndex) {
    h.section(&format!("3. {}", Step::Outcomes.label()));
    for o in &c.outcomes {
        h.tag("h3", &o.title);
        if !o.description.is_empty() {
            h.tag("p", &o.description);
        }
        for ind in &o.indicators {
            indicator_part(h, p, ind, index);
        }
    }
    h.raw("</section>");
}

/// Step 4: the interventions, what each contributes to, who, when, budget and status.
pub(super) fn interventions(h: &mut Html, p: &Project, c: &Cycle) {
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
}
