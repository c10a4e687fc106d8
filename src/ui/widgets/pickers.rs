//! Choosing from lists: enum values, one linked item, several linked items (shown as chips).

use crate::i18n::{Label, t};
use crate::model::Id;
use egui::{ComboBox, Response, RichText, Ui};

fn none_text() -> &'static str {
    t("field.none")
}

/// A labelled choice of an enum value (a grid row).
pub fn enum_combo<T: Label>(
    ui: &mut Ui,
    label: &str,
    value: &mut T,
    all: &[T],
    id_salt: impl std::hash::Hash + std::fmt::Debug,
) -> Response {
    let l = ui.label(label);
    let r = enum_combo_inline(ui, l.id, value, all, id_salt);
    ui.end_row();
    r
}

/// A choice of an enum value named by the widget `label_id`, in a row.
pub fn enum_combo_inline<T: Label>(
    ui: &mut Ui,
    label_id: egui::Id,
    value: &mut T,
    all: &[T],
    id_salt: impl std::hash::Hash + std::fmt::Debug,
) -> Response {
    ComboBox::from_id_salt(id_salt)
        .selected_text(value.label())
        .width(220.0)
        .show_ui(ui, |ui| {
            for v in all {
                ui.selectable_value(value, *v, v.label());
            }
        })
        .response
        .labelled_by(label_id)
}

/// A labelled choice of an enum value that may be left open (a grid row).
pub fn opt_enum_combo<T: Label>(
    ui: &mut Ui,
    label: &str,
    value: &mut Option<T>,
    all: &[T],
    id_salt: impl std::hash::Hash + std::fmt::Debug,
) -> Response {
    let l = ui.label(label);
    let r = ComboBox::from_id_salt(id_salt)
        .selected_text(value.map_or(none_text(), |v| v.label()))
        .width(220.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, none_text());
            for v in all {
                ui.selectable_value(value, Some(*v), v.label());
            }
        })
        .response
        .labelled_by(l.id);
    ui.end_row();
    r
}

/// A labelled choice of one linked item (partner, table, indicator) that may be left open.
pub fn single_pick(
    ui: &mut Ui,
    label: &str,
    options: &[(Id, String)],
    value: &mut Option<Id>,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
) -> Response {
    let l = ui.label(label);
    let current = value
        .and_then(|v| options.iter().find(|(id, _)| *id == v))
        .map_or(none_text(), |(_, name)| name.as_str());
    let r = ComboBox::from_id_salt(id_salt)
        .selected_text(current)
        .width(260.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, none_text());
            for (id, name) in options {
                ui.selectable_value(value, Some(*id), display(name));
            }
        })
        .response
        .labelled_by(l.id);
    ui.end_row();
    r
}

/// A labelled choice of several linked items: the chosen ones as chips, a menu to change them.
pub fn multi_pick(
    ui: &mut Ui,
    label: &str,
    options: &[(Id, String)],
    chosen: &mut Vec<Id>,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
) -> Response {
    let l = ui.label(label);
    let r = ui
        .horizontal_wrapped(|ui| {
            for id in chosen.iter() {
                if let Some((_, name)) = options.iter().find(|(o, _)| o == id) {
                    chip(ui, name);
                }
            }
            if options.is_empty() {
                ui.weak(t("field.nothing_to_choose"));
            }
            ui.push_id(id_salt, |ui| {
                ui.menu_button(format!("✏ {}", t("field.choose")), |ui| {
                    for (id, name) in options {
                        let mut on = chosen.contains(id);
                        if ui.checkbox(&mut on, display(name)).changed() {
                            if on {
                                chosen.push(*id);
                            } else {
                                chosen.retain(|c| c != id);
                            }
                        }
                    }
                })
                .response
                .labelled_by(l.id)
            })
            .inner
        })
        .inner;
    ui.end_row();
    r
}

/// A labelled row of the items linked to this one (read-only), or `empty` when there are none.
pub fn linked_chips<'a>(
    ui: &mut Ui,
    label: &str,
    linked: impl Iterator<Item = &'a str>,
    empty: &str,
) {
    ui.label(label);
    ui.horizontal_wrapped(|ui| {
        let mut any = false;
        for name in linked {
            chip(ui, name);
            any = true;
        }
        if !any {
            ui.weak(empty);
        }
    });
    ui.end_row();
}

/// A link shown as a small rounded label.
pub fn chip(ui: &mut Ui, text: &str) -> Response {
    egui::Frame::new()
        .fill(ui.visuals().selection.bg_fill.gamma_multiply(0.35))
        .corner_radius(10.0)
        .inner_margin(egui::Margin::symmetric(8, 2))
        .show(ui, |ui| ui.label(RichText::new(display(text))))
        .response
}

/// A name, or a placeholder for an item that has none yet.
pub fn display(name: &str) -> &str {
    if name.trim().is_empty() {
        t("item.untitled")
    } else {
        name
    }
}
