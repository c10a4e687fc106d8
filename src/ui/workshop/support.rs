//! The support analysis' page in workshop mode: the chart per school and per sector (small
//! counts as "< 5", never a bar) and the data dialogue's three questions beside it, typed
//! live and kept with the support analysis under today's date, like an outcome's page.

use super::dialogue::questions;
use crate::model::Project;
use crate::ui::widgets::support_chart;
use egui::{Layout, Ui, vec2};

pub(super) fn page(ui: &mut Ui, project: &mut Project, cycle: usize) {
    let today = chrono::Local::now().date_naive();
    let below = project.settings.small_numbers_below;
    let chart = project.support_chart(cycle);
    let Some(c) = project.cycles.get(cycle) else {
        return;
    };
    let salt = c.id.0;
    let a = &c.analysis.support;
    let mut typed = None;
    // side by side where the page is wide enough (the chart wider), else one under the other
    if ui.available_width() >= 880.0 {
        ui.horizontal_top(|ui| {
            let width = ui.available_width();
            let gap = ui.spacing().item_spacing.x * 2.0;
            let chart_w = (width - gap) * 0.66;
            ui.allocate_ui_with_layout(
                vec2(chart_w, 0.0),
                Layout::top_down(egui::Align::Min),
                |ui| {
                    ui.set_width(chart_w);
                    support_chart(ui, &chart, below);
                },
            );
            ui.add_space(gap / 2.0);
            let rest = ui.available_width();
            ui.allocate_ui_with_layout(vec2(rest, 0.0), Layout::top_down(egui::Align::Min), |ui| {
                ui.set_width(rest);
                typed = questions(
                    ui,
                    salt,
                    a.dialogue_on(today),
                    a.dialogues().collect(),
                    today,
                );
            });
        });
    } else {
        support_chart(ui, &chart, below);
        ui.add_space(8.0);
        typed = questions(
            ui,
            salt,
            a.dialogue_on(today),
            a.dialogues().collect(),
            today,
        );
    }
    if let Some(d) = typed
        && let Some(c) = project.cycles.get_mut(cycle)
    {
        let to = c.analysis.support.dialogue_on_mut(today);
        to.recognise = d.recognise;
        to.explain = d.explain;
        to.opinion = d.opinion;
    }
}
