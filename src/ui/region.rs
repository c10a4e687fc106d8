//! The region screen: name, samenwerkingsverband, gemeenten, notes, partners and tables.

use crate::i18n::{Label, t, tf};
use crate::model::{CycleStatus, Partner, PartnerKind, Project, Table, TableKind};
use crate::ui::steps::{EditCtx, partner_options};
use crate::ui::theme;
use crate::ui::widgets::*;
use egui::{RichText, Ui};

pub fn show(ui: &mut Ui, project: &mut Project, cycle: usize, pending: &mut crate::state::Outbox) {
    ui.add_space(8.0);
    ui.label(
        RichText::new(t!("view.region"))
            .size(theme::size::PAGE_TITLE)
            .strong(),
    );
    ui.weak(t!("intro.region"));
    let mut ed = EditCtx::new(project);
    let partners = partner_options(project);

    section_heading(ui, t!("region.section"), "");
    let r = &mut project.region;
    form_grid(ui, "region-form", |ui| {
        text_line(ui, t!("region.name"), &mut r.name);
        text_line(ui, t!("region.swv"), &mut r.samenwerkingsverband);
        list_line(
            ui,
            t!("region.gemeenten"),
            t!("region.gemeenten_hint"),
            &mut r.gemeenten,
        );
        text_area(ui, t!("region.notes"), &mut r.notes);
        let l = ui.label(t!("region.small_numbers"));
        ui.add(egui::DragValue::new(&mut project.settings.small_numbers_below).range(0..=100))
            .labelled_by(l.id)
            .on_hover_text(t!("region.small_numbers_help"));
        ui.end_row();
    });
    // below the form, where it wraps: in the form's row it made the page wider than the window
    ui.weak(t!("region.small_numbers_help"));
    if project.settings.small_numbers_below <= 1 {
        ui.colored_label(
            theme::colour::open(),
            tf!(
                "region.small_numbers_off",
                n = project.settings.small_numbers_below
            ),
        );
    }

    section_heading(ui, t!("partners.title"), t!("partners.explain"));
    CardList::new(ListTexts {
        kind: "",
        add: t!("partners.add"),
        empty: t!("partners.empty"),
    })
    .kind_of(|p: &Partner| p.kind.label().to_owned())
    .show(ui, &mut ed, &mut project.partners, |ui, p, _| {
        form_grid(ui, ("partner", p.id.0), |ui| {
            text_line(ui, t!("partner.name"), &mut p.name);
            enum_combo(
                ui,
                t!("partner.kind"),
                &mut p.kind,
                &PartnerKind::ALL,
                ("pk", p.id.0),
            );
            text_area(ui, t!("partner.role"), &mut p.role);
        });
    });

    section_heading(ui, t!("tables.title"), t!("tables.explain"));
    let texts = ListTexts {
        kind: t!("tables.kind_label"),
        add: t!("tables.add"),
        empty: t!("tables.empty"),
    };
    card_list(ui, &mut ed, &mut project.tables, texts, |ui, tb, _| {
        form_grid(ui, ("table", tb.id.0), |ui| {
            enum_combo(
                ui,
                t!("table.kind"),
                &mut tb.kind,
                &TableKind::ALL,
                ("tk", tb.id.0),
            );
            text_line(ui, t!("table.name"), &mut tb.name);
            multi_pick(
                ui,
                t!("table.partners"),
                &partners,
                &mut tb.partners,
                ("tp", tb.id.0),
            );
        });
    });
    if let Some(c) = project.cycles.get_mut(cycle) {
        section_heading(ui, t!("cycle.section"), t!("cycle.explain"));
        form_grid(ui, "cycle-form", |ui| {
            text_line(ui, t!("cycle.name"), &mut c.name);
            date_field_required(ui, t!("cycle.start"), &mut c.start, ("cs", c.id.0));
            date_field_required(ui, t!("cycle.end"), &mut c.end, ("ce", c.id.0));
            enum_combo(
                ui,
                t!("cycle.status"),
                &mut c.status,
                &CycleStatus::ALL,
                ("cst", c.id.0),
            );
        });
    }
    ed.finish(ui, project, pending);
    ui.add_space(30.0);
}

impl CardItem for Partner {
    fn title(&self) -> String {
        self.name.clone()
    }
}

/// A table without a name goes by its kind.
impl CardItem for Table {
    fn title(&self) -> String {
        if self.name.is_empty() {
            self.kind.label().to_owned()
        } else {
            self.name.clone()
        }
    }
}
