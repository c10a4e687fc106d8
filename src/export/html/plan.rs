//! The region with its partners and tables, and steps 1 to 4 of a cycle: analysis (with the
//! first scan), ambitions and principles, outcomes with their indicators, interventions.

use super::page::{Html, names};
use super::parts::{indicator_part, scan_part};
use crate::export::shown_with_unit;
use crate::export::svg::esc;
use crate::i18n::Lang;
use crate::i18n::key;
use crate::i18n::{Label, t, tf};
use crate::model::{Cycle, Project, ScanMoment, SeriesIndex, Step};

/// The region, its partners and its tables.
pub(super) fn region(h: &mut Html, p: &Project, lang: Lang) {
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
}

/// Step 1: data, strengths, problems, signals, model and phase, bottlenecks, the first scan.
pub(super) fn analysis(h: &mut Html, p: &Project, cycle: usize, lang: Lang) {
    let Some(c) = p.cycles.get(cycle) else { return };
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
    scan_part(h, p, cycle, ScanMoment::Analysis, lang);
    h.raw("</section>");
}

/// Step 2: the ambitions with who endorsed them, and the principles.
pub(super) fn ambitions(h: &mut Html, p: &Project, c: &Cycle, lang: Lang) {
    h.section(&format!("2. {}", Step::Ambitions.label_in(lang)));
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
                esc(&tf!(lang, "report.endorsed", list = &who))
            );
        }
    }
    if !c.principles.is_empty() {
        h.tag("h3", t!(lang, "principles.title"));
        h.list(c.principles.iter().map(|x| x.text.clone()));
    }
    h.raw("</section>");
}

/// Step 3: the outcomes, each with its indicators.
pub(super) fn outcomes(
    h: &mut Html,
    p: &Project,
    c: &Cycle,
    index: &SeriesIndex,
    lang: Lang,
    today: chrono::NaiveDate,
) {
    h.section(&format!("3. {}", Step::Outcomes.label_in(lang)));
    for o in &c.outcomes {
        h.tag("h3", &o.title);
        if !o.description.is_empty() {
            h.tag("p", &o.description);
        }
        for ind in &o.indicators {
            indicator_part(h, p, ind, index, lang, today);
        }
    }
    h.raw("</section>");
}

/// Step 4: the interventions, what each contributes to, who, when, budget and status.
pub(super) fn interventions(h: &mut Html, p: &Project, c: &Cycle, lang: Lang) {
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
}
