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
    let texts = ListTexts {
        kind: t!("outcomes.kind"),
        add: t!("outcomes.add"),
        empty: t!("outcomes.empty"),
    };
    card_list(ui, ed, &mut c.outcomes, texts, |ui, o, ed| {
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
    });
}

fn indicators(ui: &mut Ui, ed: &mut EditCtx, list: &mut Vec<Indicator>, partners: &[(Id, String)]) {
    let texts = ListTexts {
        kind: t!("indicators.kind"),
        add: t!("indicators.add"),
        empty: t!("indicators.empty"),
    };
    card_list(ui, ed, list, texts, |ui, ind, _| {
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
            let kind = value_kind(&ind.unit);
            figure_field(
                ui,
                t!("indicator.baseline_value"),
                &mut ind.baseline_value,
                kind,
                ("indbv", ind.id.0),
            );
            date_field(
                ui,
                t!("indicator.baseline_date"),
                &mut ind.baseline_date,
                ("indbd", ind.id.0),
            );
            figure_field(
                ui,
                t!("indicator.target_value"),
                &mut ind.target_value,
                kind,
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
                            .button(tf!("indicator.use_direction", direction = better.label()))
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
    });
}

impl CardItem for Outcome {
    fn title(&self) -> String {
        self.title.clone()
    }
}

impl CardItem for Indicator {
    fn title(&self) -> String {
        match (self.baseline_value, self.target_value) {
            (Some(b), Some(tv)) => format!(
                "{}   ({} » {} {})",
                display_name(&self.name),
                fmt_number(b),
                fmt_number(tv),
                self.unit
            ),
            _ => self.name.clone(),
        }
    }
}
