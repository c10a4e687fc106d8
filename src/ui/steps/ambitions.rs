//! Step 2, shared ambitions and guiding principles.

use super::{EditCtx, partner_options, table_options, text_list};
use crate::i18n::t;
use crate::model::*;
use crate::ui::widgets::*;
use egui::Ui;

pub fn show(ui: &mut Ui, project: &mut Project, cycle: usize, ed: &mut EditCtx) {
    let partners = partner_options(project);
    let tables = table_options(project);
    let Some(c) = project.cycles.get_mut(cycle) else {
        return;
    };
    let outcomes: Vec<(Id, String, Vec<Id>)> = c
        .outcomes
        .iter()
        .map(|o| (o.id, o.title.clone(), o.ambitions.clone()))
        .collect();

    section_heading(ui, t!("ambitions.title"), t!("ambitions.explain"));
    let mut action = None;
    let len = c.ambitions.len();
    for (i, a) in c.ambitions.iter_mut().enumerate() {
        item_card(
            ui,
            a.id,
            t!("ambitions.kind"),
            a.title.clone(),
            (i, len),
            &mut action,
            |ui| {
                form_grid(ui, ("amb", a.id.0), |ui| {
                    text_line(ui, t!("ambition.title"), &mut a.title);
                    text_area(ui, t!("ambition.description"), &mut a.description);
                    multi_pick(
                        ui,
                        t!("ambition.endorsed_by"),
                        &partners,
                        &mut a.endorsed_by,
                        ("ambe", a.id.0),
                    );
                    opt_enum_combo(
                        ui,
                        t!("ambition.level"),
                        &mut a.level,
                        &Level::ALL,
                        ("ambl", a.id.0),
                    );
                    single_pick(
                        ui,
                        t!("ambition.table"),
                        &tables,
                        &mut a.table,
                        ("ambt", a.id.0),
                    );
                    let linked = outcomes
                        .iter()
                        .filter(|o| o.2.contains(&a.id))
                        .map(|o| o.1.as_str());
                    linked_chips(
                        ui,
                        t!("ambition.outcomes"),
                        linked,
                        t!("ambition.no_outcomes"),
                    );
                });
            },
        );
    }
    if c.ambitions.is_empty() {
        empty_state(ui, t!("ambitions.empty"));
    }
    ed.apply(action, &mut c.ambitions);
    if add_button(ui, t!("ambitions.add")) {
        let id = ed.new_id();
        c.ambitions.push(Ambition {
            id,
            title: String::new(),
            description: String::new(),
            endorsed_by: Vec::new(),
            level: None,
            table: None,
            previous: None,
        });
    }

    section_heading(ui, t!("principles.title"), t!("principles.explain"));
    text_list(
        ui,
        ed,
        &mut c.principles,
        t!("principles.item"),
        t!("principles.add"),
        t!("principles.empty"),
    );
}
