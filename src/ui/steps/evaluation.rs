//! Step 5, evaluation: measurements per indicator, a judgement per intervention, lessons.

use super::{EditCtx, text_list};
use crate::i18n::{Label, t, tf};
use crate::model::*;
use crate::ui::widgets::*;
use egui::{RichText, TextEdit, Ui};

pub fn show(ui: &mut Ui, project: &mut Project, cycle: usize, ed: &mut EditCtx) {
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

    section_heading(ui, t("measurements.title"), t("measurements.explain"));
    if indicators.is_empty() {
        empty_state(ui, t("measurements.no_indicators"));
    }
    let mut removed = None;
    for (ind, name, outcome) in &indicators {
        let unit = c
            .indicator(*ind)
            .map(|i| i.unit.clone())
            .unwrap_or_default();
        egui::Frame::group(ui.style())
            .inner_margin(10.0)
            .corner_radius(8.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(display_name(name)).strong().size(17.0));
                ui.weak(tf(
                    "measurements.for_outcome",
                    &[("outcome", display_name(outcome))],
                ));
                let mut rows: Vec<&mut Measurement> = c
                    .evaluation
                    .measurements
                    .iter_mut()
                    .filter(|m| m.indicator == *ind)
                    .collect();
                rows.sort_by_key(|m| (m.date.is_none(), m.date));
                if rows.is_empty() {
                    ui.weak(RichText::new(t("measurements.none")).italics());
                } else {
                    egui::Grid::new(("meas", ind.0))
                        .num_columns(5)
                        .spacing([10.0, 6.0])
                        .striped(true)
                        .show(ui, |ui| {
                            let h_date = ui.label(RichText::new(t("measurement.date")).strong());
                            let value_header = if unit.is_empty() {
                                t("measurement.value").to_owned()
                            } else {
                                tf("measurement.value_unit", &[("unit", &unit)])
                            };
                            let h_value = ui.label(RichText::new(value_header).strong());
                            let h_source =
                                ui.label(RichText::new(t("measurement.source")).strong());
                            let h_note = ui.label(RichText::new(t("measurement.note")).strong());
                            ui.label("");
                            ui.end_row();
                            for m in rows {
                                date_input(ui, h_date.id, &mut m.date, ("md", m.id.0));
                                let mut v = Some(m.value);
                                number_input(ui, h_value.id, &mut v, ("mv", m.id.0), 90.0);
                                if let Some(x) = v {
                                    m.value = x;
                                }
                                ui.add(
                                    TextEdit::singleline(&mut m.source)
                                        .desired_width(130.0)
                                        .min_size(egui::vec2(130.0, 0.0)),
                                )
                                .labelled_by(h_source.id);
                                ui.add(
                                    TextEdit::singleline(&mut m.note)
                                        .desired_width(130.0)
                                        .min_size(egui::vec2(130.0, 0.0)),
                                )
                                .labelled_by(h_note.id);
                                ui.horizontal(|ui| {
                                    move_menu(ui, m, &indicators);
                                    if ui
                                        .small_button("🗑")
                                        .on_hover_text(t("item.remove"))
                                        .clicked()
                                    {
                                        removed = Some(m.id);
                                    }
                                });
                                ui.end_row();
                            }
                        });
                }
                if ui.button(format!("➕ {}", t("measurements.add"))).clicked() {
                    let id = ed.new_id();
                    let today = chrono::Local::now().date_naive();
                    c.evaluation.measurements.push(Measurement {
                        id,
                        indicator: *ind,
                        date: Some(today),
                        value: 0.0,
                        source: String::new(),
                        note: String::new(),
                    });
                }
            });
        ui.add_space(6.0);
    }
    ed.apply(
        removed.map(ListAction::Remove),
        &mut c.evaluation.measurements,
    );

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

/// The measurement → indicator link: move a measurement entered under the wrong indicator.
fn move_menu(ui: &mut Ui, m: &mut Measurement, indicators: &[(Id, String, String)]) {
    ui.menu_button("…", |ui| {
        ui.label(RichText::new(t("measurement.move")).strong());
        let current = m.indicator;
        for (id, name, outcome) in indicators.iter().filter(|i| i.0 != current) {
            let text = format!("{} ({})", display_name(name), display_name(outcome));
            if ui.button(text).clicked() {
                m.indicator = *id;
                ui.close();
            }
        }
    })
    .response
    .on_hover_text(t("measurement.move"));
}
