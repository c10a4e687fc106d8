//! Step 2, shared ambitions and guiding principles.

use super::{EditCtx, partner_options, table_options};
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
    let texts = ListTexts {
        kind: t!("ambitions.kind"),
        add: t!("ambitions.add"),
        empty: t!("ambitions.empty"),
    };
    card_list(ui, ed, &mut c.ambitions, texts, |ui, a, _| {
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
    });

    section_heading(ui, t!("principles.title"), t!("principles.explain"));
    text_list(
        ui,
        ed,
        &mut c.principles,
        ListTexts {
            kind: t!("principles.item"),
            add: t!("principles.add"),
            empty: t!("principles.empty"),
        },
    );
}

impl CardItem for Ambition {
    fn title(&self) -> String {
        self.title.clone()
    }
}
