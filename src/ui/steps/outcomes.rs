//! Step 3, societal outcomes with their indicators.

use super::{EditCtx, partner_options};
use crate::i18n::{Label, fmt_number, t, tf};
use crate::model::*;
use crate::ui::widgets::*;
use egui::{RichText, Ui};

pub fn show(ui: &mut Ui, project: &mut Project, cycle: usize, ed: &mut EditCtx) {
    let partners = partner_options(project);
    let Some(c) = project.cycles.get_mut(cycle) else {
        return;
    };
    let ambitions: Vec<(Id, String)> = c
        .ambitions
        .iter()
        .map(|a| (a.id, a.title.clone()))
        .collect();
    let movers: Vec<(String, Vec<Id>)> = c
        .interventions
        .iter()
        .map(|i| {
            (
                i.title.clone(),
                i.contributions.iter().map(|k| k.outcome).collect(),
            )
        })
        .collect();

    section_heading(ui, t!("outcomes.title"), t!("outcomes.explain"));
    let mut action = None;
    let len = c.outcomes.len();
    for (i, o) in c.outcomes.iter_mut().enumerate() {
        item_card(
            ui,
            o.id,
            t!("outcomes.kind"),
            o.title.clone(),
            (i, len),
            &mut action,
            |ui| {
                form_grid(ui, ("out", o.id.0), |ui| {
                    text_line(ui, t!("outcome.title"), &mut o.title);
                    text_area(ui, t!("outcome.description"), &mut o.description);
                    multi_pick(
                        ui,
                        t!("outcome.ambitions"),
                        &ambitions,
                        &mut o.ambitions,
                        ("outa", o.id.0),
                    );
                    let linked = movers
                        .iter()
                        .filter(|m| m.1.contains(&o.id))
                        .map(|m| m.0.as_str());
                    linked_chips(
                        ui,
                        t!("outcome.interventions"),
                        linked,
                        t!("outcome.no_interventions"),
                    );
                });
                ui.add_space(6.0);
                ui.label(RichText::new(t!("indicators.title")).strong());
                indicators(ui, ed, &mut o.indicators, &partners);
            },
        );
    }
    if c.outcomes.is_empty() {
        empty_state(ui, t!("outcomes.empty"));
    }
    ed.apply(action, &mut c.outcomes);
    if add_button(ui, t!("outcomes.add")) {
        let id = ed.new_id();
        c.outcomes.push(Outcome {
            id,
            title: String::new(),
            description: String::new(),
            ambitions: Vec::new(),
            indicators: Vec::new(),
            previous: None,
        });
    }
}

fn indicators(ui: &mut Ui, ed: &mut EditCtx, list: &mut Vec<Indicator>, partners: &[(Id, String)]) {
    let mut action = None;
    let len = list.len();
    for (i, ind) in list.iter_mut().enumerate() {
        let summary = match (ind.baseline_value, ind.target_value) {
            (Some(b), Some(tv)) => format!(
                "{}   ({} » {} {})",
                display_name(&ind.name),
                fmt_number(b),
                fmt_number(tv),
                ind.unit
            ),
            _ => ind.name.clone(),
        };
        item_card(
            ui,
            ind.id,
            t!("indicators.kind"),
            summary,
            (i, len),
            &mut action,
            |ui| {
                form_grid(ui, ("ind", ind.id.0), |ui| {
                    text_line(ui, t!("indicator.name"), &mut ind.name);
                    text_area(ui, t!("indicator.definition"), &mut ind.definition);
                    text_line(ui, t!("indicator.unit"), &mut ind.unit);
                    counts_people_field(ui, &mut ind.counts_people, &ind.unit);
                    enum_combo(
                        ui,
                        t!("indicator.direction"),
                        &mut ind.direction,
                        &Direction::ALL,
                        ("indd", ind.id.0),
                    );
                    number_field(
                        ui,
                        t!("indicator.baseline_value"),
                        &mut ind.baseline_value,
                        ("indbv", ind.id.0),
                    );
                    date_field(
                        ui,
                        t!("indicator.baseline_date"),
                        &mut ind.baseline_date,
                        ("indbd", ind.id.0),
                    );
                    number_field(
                        ui,
                        t!("indicator.target_value"),
                        &mut ind.target_value,
                        ("indtv", ind.id.0),
                    );
                    // a target the other way than the direction: say so, and offer the fix
                    if let Some(better) = ind.direction_conflict() {
                        ui.label("");
                        ui.vertical(|ui| {
                            let side = if better == Direction::Decrease {
                                t!("indicator.side_below")
                            } else {
                                t!("indicator.side_above")
                            };
                            ui.add(
                                egui::Label::new(
                                    egui::RichText::new(format!(
                                        "⚠ {}",
                                        tf!(
                                            "indicator.direction_conflict",
                                            side = side,
                                            direction = ind.direction.label()
                                        )
                                    ))
                                    .color(ui.visuals().warn_fg_color),
                                )
                                .wrap(),
                            );
                            ui.horizontal_wrapped(|ui| {
                                if ui
                                    .button(tf!(
                                        "indicator.use_direction",
                                        direction = better.label()
                                    ))
                                    .clicked()
                                {
                                    ind.direction = better;
                                }
                                if ui.button(t!("indicator.direction_meant")).clicked() {
                                    ind.direction_checked = true;
                                }
                            });
                        });
                        ui.end_row();
                    }
                    date_field(
                        ui,
                        t!("indicator.target_date"),
                        &mut ind.target_date,
                        ("indtd", ind.id.0),
                    );
                    text_line(ui, t!("indicator.source"), &mut ind.data_source);
                    single_pick(
                        ui,
                        t!("indicator.owner"),
                        partners,
                        &mut ind.owner,
                        ("indo", ind.id.0),
                    );
                    enum_combo(
                        ui,
                        t!("indicator.kind"),
                        &mut ind.kind,
                        &IndicatorKind::ALL,
                        ("indk", ind.id.0),
                    );
                });
            },
        );
    }
    if list.is_empty() {
        empty_state(ui, t!("indicators.empty"));
    }
    ed.apply(action, list);
    if add_button(ui, t!("indicators.add")) {
        list.push(Indicator::new(ed.new_id()));
    }
}
