//! The region screen: name, samenwerkingsverband, gemeenten, notes, partners and tables.

use crate::i18n::{Label, t};
use crate::model::{CycleStatus, Partner, PartnerKind, Project, Table, TableKind};
use crate::ui::steps::{EditCtx, partner_options};
use crate::ui::theme;
use crate::ui::widgets::*;
use egui::{RichText, Ui};

pub fn show(ui: &mut Ui, project: &mut Project, cycle: usize, pending: &mut crate::state::Outbox) {
    ui.add_space(8.0);
    ui.label(
        RichText::new(t("view.region"))
            .size(theme::size::PAGE_TITLE)
            .strong(),
    );
    ui.weak(t("intro.region"));
    let mut ed = EditCtx::new(project);
    let partners = partner_options(project);

    section_heading(ui, t("region.section"), "");
    let r = &mut project.region;
    form_grid(ui, "region-form", |ui| {
        text_line(ui, t("region.name"), &mut r.name);
        text_line(ui, t("region.swv"), &mut r.samenwerkingsverband);
        list_line(
            ui,
            t("region.gemeenten"),
            t("region.gemeenten_hint"),
            &mut r.gemeenten,
        );
        text_area(ui, t("region.notes"), &mut r.notes);
        let l = ui.label(t("region.small_numbers"));
        ui.add(egui::DragValue::new(&mut project.settings.small_numbers_below).range(0..=100))
            .labelled_by(l.id)
            .on_hover_text(t("region.small_numbers_help"));
        ui.end_row();
    });
    // below the form, where it wraps: in the form's row it made the page wider than the window
    ui.weak(t("region.small_numbers_help"));

    section_heading(ui, t("partners.title"), t("partners.explain"));
    let mut action = None;
    let len = project.partners.len();
    for (i, p) in project.partners.iter_mut().enumerate() {
        item_card(
            ui,
            p.id,
            p.kind.label(),
            p.name.clone(),
            (i, len),
            &mut action,
            |ui| {
                form_grid(ui, ("partner", p.id.0), |ui| {
                    text_line(ui, t("partner.name"), &mut p.name);
                    enum_combo(
                        ui,
                        t("partner.kind"),
                        &mut p.kind,
                        &PartnerKind::ALL,
                        ("pk", p.id.0),
                    );
                    text_area(ui, t("partner.role"), &mut p.role);
                });
            },
        );
    }
    if project.partners.is_empty() {
        empty_state(ui, t("partners.empty"));
    }
    ed.apply(action, &mut project.partners);
    if add_button(ui, t("partners.add")) {
        let id = ed.new_id();
        project.partners.push(Partner {
            id,
            name: String::new(),
            kind: PartnerKind::default(),
            role: String::new(),
        });
    }

    section_heading(ui, t("tables.title"), t("tables.explain"));
    let mut action = None;
    let len = project.tables.len();
    for (i, tb) in project.tables.iter_mut().enumerate() {
        let title = if tb.name.is_empty() {
            tb.kind.label().to_owned()
        } else {
            tb.name.clone()
        };
        item_card(
            ui,
            tb.id,
            t("tables.kind_label"),
            title,
            (i, len),
            &mut action,
            |ui| {
                form_grid(ui, ("table", tb.id.0), |ui| {
                    enum_combo(
                        ui,
                        t("table.kind"),
                        &mut tb.kind,
                        &TableKind::ALL,
                        ("tk", tb.id.0),
                    );
                    text_line(ui, t("table.name"), &mut tb.name);
                    multi_pick(
                        ui,
                        t("table.partners"),
                        &partners,
                        &mut tb.partners,
                        ("tp", tb.id.0),
                    );
                });
            },
        );
    }
    if project.tables.is_empty() {
        empty_state(ui, t("tables.empty"));
    }
    ed.apply(action, &mut project.tables);
    if add_button(ui, t("tables.add")) {
        let id = ed.new_id();
        project.tables.push(Table {
            id,
            kind: TableKind::Oogo,
            name: String::new(),
            partners: Vec::new(),
        });
    }
    if let Some(c) = project.cycles.get_mut(cycle) {
        section_heading(ui, t("cycle.section"), t("cycle.explain"));
        form_grid(ui, "cycle-form", |ui| {
            text_line(ui, t("cycle.name"), &mut c.name);
            date_field_required(ui, t("cycle.start"), &mut c.start, ("cs", c.id.0));
            date_field_required(ui, t("cycle.end"), &mut c.end, ("ce", c.id.0));
            enum_combo(
                ui,
                t("cycle.status"),
                &mut c.status,
                &CycleStatus::ALL,
                ("cst", c.id.0),
            );
        });
    }
    ed.finish(ui, project, pending);
    ui.add_space(30.0);
}
