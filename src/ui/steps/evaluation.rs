//! Step 5, evaluation: measurements per indicator, a judgement per intervention, lessons.

use super::indicators::{self, IndicatorInfo};
use super::{EditCtx, partner_options};
use crate::i18n::{Label, t};
use crate::model::*;
use crate::ui::theme;
use crate::ui::widgets::*;
use egui::{RichText, Ui};

/// What the step shows that is computed from the whole document: kept, behind an Arc, while
/// the document does not change.
struct StepData {
    /// The shown indicators' series and status.
    infos: Vec<IndicatorInfo>,
    history: Vec<ScanHistoryPoint>,
    cycle_names: Vec<String>,
    partners: Vec<(Id, String)>,
}

/// The step's data with the (cycle, revision, first index) it was made for.
type StepCache = ((usize, u64, usize), std::sync::Arc<StepData>);

/// How many indicator cards one page of the evaluation step shows.
const INDICATORS_PER_PAGE: usize = 10;

pub fn show(ui: &mut Ui, project: &mut Project, stamp: super::Stamp<'_>, ed: &mut EditCtx) {
    let super::Stamp {
        cycle,
        revision,
        generations,
    } = stamp;
    // a page of indicators at a time: a cycle may have a thousand
    let all: Vec<Id> = project
        .cycles
        .get(cycle)
        .map(|c| c.indicators().map(|i| i.id).collect())
        .unwrap_or_default();
    let page_id = ui.make_persistent_id(("indicator-page", cycle));
    let range = if all.len() > INDICATORS_PER_PAGE {
        section_heading(ui, t!("measurements.title"), t!("measurements.explain"));
        pager(ui, page_id, all.len(), INDICATORS_PER_PAGE)
    } else {
        0..all.len()
    };
    let paged = all.len() > INDICATORS_PER_PAGE;
    // the series of the shown indicators and the lists the step needs, kept while the document
    // does not change
    let cache_id = ui.make_persistent_id("evaluation-data");
    let key = (cycle, revision, range.start);
    let cached: Option<StepCache> = ui.data(|d| d.get_temp(cache_id));
    let data = match cached {
        Some((k, data)) if k == key => data,
        _ => {
            let data = std::sync::Arc::new(StepData {
                infos: {
                    let indexes = super::cycle_indexes(ui, project, generations);
                    let refs: Vec<&CycleIndex> = indexes.iter().map(|(_, i)| &**i).collect();
                    let ids = &all[range];
                    let index = SeriesIndex::from_cycle_indexes(project, ids, &refs);
                    IndicatorInfo::of_cycle(project, cycle, ids, &index)
                },
                history: project.scan_history(cycle, ScanMoment::Evaluation),
                cycle_names: project.cycles.iter().map(|c| c.name.clone()).collect(),
                partners: partner_options(project),
            });
            ui.data_mut(|d| d.insert_temp(cache_id, (key, data.clone())));
            data
        }
    };
    let StepData {
        infos,
        history,
        cycle_names,
        partners,
    } = &*data;
    let Some(c) = project.cycles.get_mut(cycle) else {
        return;
    };

    if !paged {
        section_heading(ui, t!("measurements.title"), t!("measurements.explain"));
    }
    if all.is_empty() {
        empty_state(ui, t!("measurements.no_indicators"));
    }
    for info in infos {
        lazy(
            ui,
            ui.make_persistent_id(("indicator-card", info.id.0)),
            |ui| {
                indicators::card(ui, c, info, ed);
            },
        );
        ui.add_space(8.0);
    }

    section_heading(ui, t!("judgements.title"), t!("judgements.explain"));
    if c.interventions.is_empty() {
        empty_state(ui, t!("judgements.no_interventions"));
    }
    for iv in &c.interventions {
        let existing = c
            .evaluation
            .judgements
            .iter()
            .position(|j| j.intervention == iv.id);
        let judgements = &mut c.evaluation.judgements;
        lazy(ui, ui.make_persistent_id(("judgement", iv.id.0)), |ui| {
            egui::Frame::group(ui.style())
                .inner_margin(10.0)
                .corner_radius(8.0)
                .show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(
                        RichText::new(display_name(&iv.title))
                            .strong()
                            .size(theme::size::ITEM),
                    );
                    match existing {
                        Some(k) => {
                            let j = &mut judgements[k];
                            form_grid(ui, ("jg", j.id.0), |ui| {
                                enum_combo(
                                    ui,
                                    t!("judgement.contribution"),
                                    &mut j.contribution,
                                    &ContributionJudgement::ALL,
                                    ("jgc", j.id.0),
                                );
                                text_area(ui, t!("judgement.evidence"), &mut j.evidence);
                                opt_enum_combo(
                                    ui,
                                    t!("judgement.decision"),
                                    &mut j.decision,
                                    &Decision::ALL,
                                    ("jgd", j.id.0),
                                );
                            });
                            if let Some(d) = j.decision {
                                ui.label(
                                    RichText::new(format!(
                                        "{}: {}",
                                        t!("judgement.decision"),
                                        d.label()
                                    ))
                                    .strong(),
                                );
                            }
                        }
                        None => {
                            if ui.button(format!("➕ {}", t!("judgements.add"))).clicked() {
                                let id = ed.new_id();
                                judgements.push(Judgement {
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
        });
        ui.add_space(6.0);
    }

    // the scan is a large table and a chart: built only when scrolled to
    let scan = c.scan_mut(ScanMoment::Evaluation);
    lazy(
        ui,
        ui.make_persistent_id(("evaluation-scan", cycle)),
        |ui| {
            crate::ui::scan::section(
                ui,
                scan,
                &crate::ui::scan::Context {
                    moment: ScanMoment::Evaluation,
                    partners,
                    history,
                    cycle_names,
                },
                ed,
            );
        },
    );

    section_heading(ui, t!("lessons.title"), t!("lessons.explain"));
    text_list(
        ui,
        ed,
        &mut c.evaluation.lessons,
        ListTexts {
            kind: t!("lessons.item"),
            add: t!("lessons.add"),
            empty: t!("lessons.empty"),
        },
    );
}
