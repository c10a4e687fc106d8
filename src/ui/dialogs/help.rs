//! Help: the built-in guide (F1), every shortcut (generated from the command list), about.

use crate::i18n::key;
use crate::i18n::t;
use crate::state::{AppState, Command};
use crate::ui::theme;
use egui::RichText;

pub(super) fn guide(ui: &mut egui::Ui, app: &mut AppState, close: &mut bool) {
    ui.set_max_width(640.0);
    ui.label(RichText::new(t!("guide_doc.title")).heading());
    egui::ScrollArea::vertical()
        .max_height(ui.ctx().content_rect().height() * 0.65)
        .show(ui, |ui| {
            for (head, body) in GUIDE {
                ui.add_space(8.0);
                ui.label(RichText::new(t!(head)).strong().size(theme::size::ITEM));
                ui.add(egui::Label::new(t!(body)).wrap());
            }
        });
    ui.add_space(12.0);
    ui.horizontal(|ui| {
        if ui.button(t!("cmd.shortcuts")).clicked() {
            app.pending.push(Command::Shortcuts);
            *close = true;
        }
        if ui.button(t!("dialog.ok")).clicked() {
            *close = true;
        }
    });
}

pub(super) fn shortcuts(ui: &mut egui::Ui, _app: &mut AppState, close: &mut bool) {
    ui.label(RichText::new(t!("cmd.shortcuts")).heading());
    ui.add_space(6.0);
    // the list scrolls inside the dialog, which keeps a margin on small screens
    egui::ScrollArea::vertical()
        .max_height(ui.ctx().content_rect().height() * 0.6)
        .show(ui, |ui| {
            egui::Grid::new("shortcut-list")
                .num_columns(2)
                .striped(true)
                .spacing([24.0, 6.0])
                .show(ui, |ui| {
                    for (keys, what) in crate::state::shortcut_list(ui.ctx()) {
                        ui.label(RichText::new(keys).monospace().strong());
                        ui.label(what);
                        ui.end_row();
                    }
                });
        });
    ui.add_space(6.0);
    ui.weak(t!("keys.fields_first"));
    ui.add_space(12.0);
    if ui.button(t!("dialog.ok")).clicked() {
        *close = true;
    }
}

pub(super) fn about(ui: &mut egui::Ui, _app: &mut AppState, close: &mut bool) {
    ui.label(RichText::new("Kompas").heading());
    ui.label(format!(
        "{} {}",
        t!("about.version"),
        env!("CARGO_PKG_VERSION")
    ));
    ui.label(t!("about.body"));
    ui.add_space(8.0);
    // where errors and warnings go, for whoever helps when something went wrong
    match crate::logging::log_path() {
        Some(path) => {
            ui.weak(t!("about.log"));
            let text = path.display().to_string();
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(&text).monospace());
                if ui.small_button(t!("about.copy_path")).clicked() {
                    ui.ctx().copy_text(text.clone());
                }
            });
        }
        None => {
            ui.weak(t!("about.no_log"));
        }
    }
    ui.add_space(12.0);
    if ui.button(t!("dialog.ok")).clicked() {
        *close = true;
    }
}

/// The guide's sections: heading and text keys.
const GUIDE: [(crate::i18n::Key, crate::i18n::Key); 10] = [
    (key!("guide_doc.cycle_h"), key!("guide_doc.cycle")),
    (key!("guide_doc.step1_h"), key!("guide_doc.step1")),
    (key!("guide_doc.step2_h"), key!("guide_doc.step2")),
    (key!("guide_doc.step3_h"), key!("guide_doc.step3")),
    (key!("guide_doc.step4_h"), key!("guide_doc.step4")),
    (key!("guide_doc.step5_h"), key!("guide_doc.step5")),
    (key!("guide_doc.workshop_h"), key!("guide_doc.workshop")),
    (
        key!("guide_doc.intervision_h"),
        key!("guide_doc.intervision"),
    ),
    (key!("guide_doc.files_h"), key!("guide_doc.files")),
    (key!("guide_doc.merge_h"), key!("guide_doc.merge")),
];
