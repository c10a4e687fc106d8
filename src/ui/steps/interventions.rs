//! Step 4, interventions linked to the outcomes they should move.

use super::{EditCtx, partner_options};
use crate::i18n::{Label, t};
use crate::model::*;
use crate::ui::widgets::*;
use egui::{RichText, TextEdit, Ui};

pub fn show(ui: &mut Ui, project: &mut Project, cycle: usize, ed: &mut EditCtx) {
    let partners = partner_options(project);
    let Some(c) = project.cycles.get_mut(cycle) else {
        return;
    };
    let outcomes: Vec<(Id, String)> = c.outcomes.iter().map(|o| (o.id, o.title.clone())).collect();

    section_heading(ui, t!("interventions.title"), t!("interventions.explain"));
    CardList::new(ListTexts {
        kind: "",
        add: t!("interventions.add"),
        empty: t!("interventions.empty"),
    })
    .kind_of(|iv: &Intervention| iv.status.label().to_owned())
    .show(ui, ed, &mut c.interventions, |ui, iv, _| {
        form_grid(ui, ("iv", iv.id.0), |ui| {
            text_line(ui, t!("intervention.title"), &mut iv.title);
            text_area(ui, t!("intervention.description"), &mut iv.description);
            multi_pick(
                ui,
                t!("intervention.responsible"),
                &partners,
                &mut iv.responsible,
                ("ivr", iv.id.0),
            );
            opt_enum_combo(
                ui,
                t!("intervention.level"),
                &mut iv.level,
                &Level::ALL,
                ("ivl", iv.id.0),
            );
            date_field(
                ui,
                t!("intervention.start"),
                &mut iv.start,
                ("ivs", iv.id.0),
            );
            date_field(ui, t!("intervention.end"), &mut iv.end, ("ive", iv.id.0));
            amount_field(
                ui,
                t!("intervention.budget"),
                &mut iv.budget_eur,
                ("ivb", iv.id.0),
            );
            opt_enum_combo(
                ui,
                t!("intervention.financing"),
                &mut iv.financing,
                &Financing::ALL,
                ("ivf", iv.id.0),
            );
            enum_combo(
                ui,
                t!("intervention.status"),
                &mut iv.status,
                &InterventionStatus::ALL,
                ("ivst", iv.id.0),
            );
        });
        ui.add_space(6.0);
        ui.label(RichText::new(t!("contributions.title")).strong());
        ui.weak(t!("contributions.explain"));
        contributions(ui, iv, &outcomes);
    });
}

/// The outcomes an intervention should contribute to, each with the expected contribution.
fn contributions(ui: &mut Ui, iv: &mut Intervention, outcomes: &[(Id, String)]) {
    let mut remove = None;
    for (k, link) in iv.contributions.iter_mut().enumerate() {
        let name = outcomes
            .iter()
            .find(|o| o.0 == link.outcome)
            .map_or("", |o| o.1.as_str());
        ui.horizontal(|ui| {
            chip(ui, name);
            let l = ui.label(t!("contribution.expected"));
            ui.add(
                TextEdit::singleline(&mut link.expected).desired_width(ui.available_width() - 40.0),
            )
            .labelled_by(l.id);
            if ui
                .small_button("🗑")
                .on_hover_text(t!("contribution.remove"))
                .clicked()
            {
                remove = Some(k);
            }
        });
    }
    if let Some(k) = remove {
        iv.contributions.remove(k);
    }
    let free: Vec<&(Id, String)> = outcomes
        .iter()
        .filter(|o| !iv.contributions.iter().any(|k| k.outcome == o.0))
        .collect();
    if outcomes.is_empty() {
        ui.weak(t!("contributions.no_outcomes"));
    } else if !free.is_empty() {
        ui.push_id(("ivc", iv.id.0), |ui| {
            ui.menu_button(format!("➕ {}", t!("contributions.add")), |ui| {
                for (id, title) in free {
                    if ui.button(display_name(title)).clicked() {
                        iv.contributions.push(Contribution {
                            outcome: *id,
                            expected: String::new(),
                        });
                        ui.close();
                    }
                }
            });
        });
    }
}

impl CardItem for Intervention {
    fn title(&self) -> String {
        self.title.clone()
    }
}
