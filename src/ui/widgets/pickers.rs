//! Choosing from lists: enum values, one linked item, several linked items (shown as chips).

use crate::i18n::{Label, t};
use crate::model::Id;
use egui::{ComboBox, Response, RichText, Ui};

fn none_text() -> &'static str {
    t!("field.none")
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

/// A labelled choice of several linked items: the chosen ones as chips that wrap, and a
/// "Kiezen" button that opens the list of options right below them. The list stays open while
/// several are ticked (by mouse, or Tab and Space) and closes with "Klaar".
pub fn multi_pick(
    ui: &mut Ui,
    label: &str,
    options: &[(Id, String)],
    chosen: &mut Vec<Id>,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
) -> Response {
    let l = ui.label(label);
    let r = ui
        .vertical(|ui| {
            let open_id = ui.make_persistent_id(("multi-pick-open", &id_salt));
            let mut open: bool = ui.data(|d| d.get_temp(open_id)).unwrap_or(false);
            // the button first, so ticking (which adds a chip) never moves it under the pointer
            let r = ui
                .horizontal_wrapped(|ui| {
                    let text = if open {
                        format!("✔ {}", t!("field.done"))
                    } else {
                        format!("✏ {}", t!("field.choose"))
                    };
                    let r = ui
                        .add(
                            egui::Button::new(text)
                                .selected(open)
                                .wrap_mode(egui::TextWrapMode::Extend),
                        )
                        .labelled_by(l.id);
                    // while the list is open the chips are below it: a tick that adds a chip
                    // (and wraps the chips to another line) never moves the list under the
                    // pointer
                    if !open {
                        chips(ui, options, chosen);
                    }
                    if r.clicked() {
                        open = !open;
                    }
                    r
                })
                .inner;
            if open {
                egui::Frame::group(ui.style()).show(ui, |ui| {
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
                });
                ui.horizontal_wrapped(|ui| chips(ui, options, chosen));
            }
            ui.data_mut(|d| d.insert_temp(open_id, open));
            r
        })
        .inner;
    ui.end_row();
    r
}

/// The chosen items as chips, in a wrapping row.
fn chips(ui: &mut Ui, options: &[(Id, String)], chosen: &[Id]) {
    for id in chosen {
        if let Some((_, name)) = options.iter().find(|(o, _)| o == id) {
            chip(ui, name);
        }
    }
    if options.is_empty() {
        ui.weak(t!("field.nothing_to_choose"));
    }
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

/// A link shown as a small rounded label. It is one widget that keeps its text on one line
/// (cut with "…" when longer than the row, the whole name on hover), so in a wrapping row a
/// chip that does not fit moves to the next line whole.
pub fn chip(ui: &mut Ui, text: &str) -> Response {
    let shown = display(text);
    let padding = ui.spacing().button_padding.x * 2.0;
    let width = egui::WidgetText::from(shown)
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Button,
        )
        .size()
        .x
        + padding;
    let row_start = ui.cursor().min.x <= ui.max_rect().min.x + 0.5;
    let wrap = if width <= ui.max_rect().width() {
        // fits on a line: a wrapping row moves it to the next line whole when needed
        egui::TextWrapMode::Extend
    } else {
        // longer than a whole line: on a line of its own, cut with "…"
        if !row_start {
            ui.end_row();
        }
        egui::TextWrapMode::Truncate
    };
    let r = ui.add(
        egui::Button::new(RichText::new(shown))
            .fill(ui.visuals().selection.bg_fill.gamma_multiply(0.35))
            .stroke(egui::Stroke::NONE)
            .corner_radius(10.0)
            .sense(egui::Sense::hover())
            .wrap_mode(wrap),
    );
    r.on_hover_text(shown)
}

/// A name, or a placeholder for an item that has none yet.
pub fn display(name: &str) -> &str {
    if name.trim().is_empty() {
        t!("item.untitled")
    } else {
        name
    }
}
