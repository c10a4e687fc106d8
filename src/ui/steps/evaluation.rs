//! Step 5, evaluation: measurements per indicator, a judgement per intervention, lessons.

use super::indicators::{self, IndicatorInfo};
use super::{EditCtx, partner_options, text_list};
use crate::i18n::{Label, t};
use crate::model::*;
use crate::ui::widgets::*;
use egui::{RichText, Ui};

/// The shown indicators' information, with the (cycle, revision, first index) it was made for.
type InfoCache = ((usize, u64, usize), std::sync::Arc<Vec<IndicatorInfo>>);

/// How many indicator cards one page of the evaluation step shows.
const INDICATORS_PER_PAGE: usize = 10;

pub fn show(ui: &mut Ui, project: &mut Project, (cycle, revision): (usize, u64), ed: &mut EditCtx) {
    // a page of indicators at a time: a cycle may have a thousand
    let all: Vec<Id> = project
        .cycles
        .get(cycle)
        .map(|c| c.indicators().map(|i| i.id).collect())
        .unwrap_or_default();
    let page_id = ui.make_persistent_id(("indicator-page", cycle));
    let range = if all.len() > INDICATORS_PER_PAGE {
        section_heading(ui, t("measurements.title"), t("measurements.explain"));
        pager(ui, page_id, all.len(), INDICATORS_PER_PAGE)
    } else {
        0..all.len()
    };
    let paged = all.len() > INDICATORS_PER_PAGE;
    // the series of the shown indicators, kept while the document does not change
    let cache_id = ui.make_persistent_id("indicator-infos");
    let key = (cycle, revision, range.start);
    let cached: Option<InfoCache> = ui.data(|d| d.get_temp(cache_id));
    let infos = match cached {
        Some((k, infos)) if k == key => infos,
        _ => {
            let infos = std::sync::Arc::new(IndicatorInfo::of_cycle(project, cycle, &all[range]));
            ui.data_mut(|d| d.insert_temp(cache_id, (key, infos.clone())));
            infos
        }
    };
    let infos = infos.as_slice();
    let partners = partner_options(project);
    let history = project.scan_history(cycle, ScanMoment::Evaluation);
    let cycle_names: Vec<String> = project.cycles.iter().map(|c| c.name.clone()).collect();
    let Some(c) = project.cycles.get_mut(cycle) else {
        return;
    };
    let indicators: Vec<(Id, String, String)> = c
        .outcomes
        .iter()
        .flat_map(|o| {
            o.indicators
                .iter()
                .map(move |i| (i.id, i.name.clone(), o.title.clone()))
        })
        .collect();

    if !paged {
        section_heading(ui, t("measurements.title"), t("measurements.explain"));
    }
    if indicators.is_empty() {
        empty_state(ui, t("measurements.no_indicators"));
    }
    for info in infos {
        lazy(
            ui,
            ui.make_persistent_id(("indicator-card", info.id.0)),
            |ui| {
                indicators::card(ui, c, info, &indicators, ed);
            },
        );
        ui.add_space(8.0);
    }

    section_heading(ui, t("judgements.title"), t("judgements.explain"));
    if c.interventions.is_empty() {
        empty_state(ui, t("judgements.no_interventions"));
    }
    for iv in &c.interventions {
        let existing = c
            .evaluation
            .judgements
            .iter()
            .position(|j| j.intervention == iv.id);
        egui::Frame::group(ui.style())
            .inner_margin(10.0)
            .corner_radius(8.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(display_name(&iv.title)).strong().size(17.0));
                match existing {
                    Some(k) => {
                        let j = &mut c.evaluation.judgements[k];
                        form_grid(ui, ("jg", j.id.0), |ui| {
                            enum_combo(
                                ui,
                                t("judgement.contribution"),
                                &mut j.contribution,
                                &ContributionJudgement::ALL,
                                ("jgc", j.id.0),
                            );
                            text_area(ui, t("judgement.evidence"), &mut j.evidence);
                            opt_enum_combo(
                                ui,
                                t("judgement.decision"),
                                &mut j.decision,
                                &Decision::ALL,
                                ("jgd", j.id.0),
                            );
                        });
                        if let Some(d) = j.decision {
                            ui.label(
                                RichText::new(format!(
                                    "{}: {}",
                                    t("judgement.decision"),
                                    d.label()
                                ))
                                .strong(),
                            );
                        }
                    }
                    None => {
                        if ui.button(format!("➕ {}", t("judgements.add"))).clicked() {
                            let id = ed.new_id();
                            c.evaluation.judgements.push(Judgement {
                                id,
                                intervention: iv.id,
                                contribution: ContributionJudgement::Unknown,
                                evidence: String::new(),
                                decision: None,
                            });
                        }
                    }
                }
            });
        ui.add_space(6.0);
    }

    crate::ui::scan::section(
        ui,
        c.scan_mut(ScanMoment::Evaluation),
        &crate::ui::scan::Context {
            moment: ScanMoment::Evaluation,
            partners: &partners,
            history: &history,
            cycle_names: &cycle_names,
        },
        ed,
    );

    section_heading(ui, t("lessons.title"), t("lessons.explain"));
    text_list(
        ui,
        ed,
        &mut c.evaluation.lessons,
        t("lessons.item"),
        t("lessons.add"),
        t("lessons.empty"),
    );
}
