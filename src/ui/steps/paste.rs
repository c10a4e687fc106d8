//! Pasting rows from a spreadsheet into an indicator (previewed before they are added), and
//! the list of rows that could not be read, shared with the import dialog.

use super::EditCtx;
use crate::i18n::{t, tf};
use crate::import;
use crate::model::*;
use crate::ui::theme::colour;
use egui::{RichText, TextEdit, Ui};

/// What the paste box last read from its text (shared, so a frame copies a pointer).
type PastePreview = std::sync::Arc<Option<import::ImportPreview>>;

/// Rows pasted from a spreadsheet (date and value, tab- or semicolon-separated), previewed
/// before they are added.
pub(super) fn paste_box(
    ui: &mut Ui,
    c: &mut Cycle,
    ind: &Indicator,
    ed: &mut EditCtx,
    open_id: egui::Id,
) {
    let text_id = ui.make_persistent_id(("paste-text", ind.id.0));
    let mut text: String = ui.data(|d| d.get_temp(text_id)).unwrap_or_default();
    egui::Frame::new()
        .inner_margin(8.0)
        .corner_radius(6.0)
        .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let l = ui.label(RichText::new(t!("paste.title")).strong());
            ui.weak(t!("paste.explain"));
            let r = ui
                .add(
                    TextEdit::multiline(&mut text)
                        .desired_rows(4)
                        .desired_width(f32::INFINITY)
                        .hint_text("01-10-2024\t42\n01-01-2025\t39"),
                )
                .labelled_by(l.id);
            // The preview is read once per change of the text, not every frame: a pasted
            // sheet of many rows costs one frame, not all of them.
            let preview_id = text_id.with("preview");
            let cached: Option<PastePreview> = ui.data(|d| d.get_temp(preview_id));
            let preview = match cached {
                Some(p) if !r.changed() => p,
                _ => {
                    let p: PastePreview = std::sync::Arc::new(
                        import::read_table(text.as_bytes()).ok().map(|table| {
                            let mut mapping = import::detect(&table).mapping;
                            mapping.counts_people = ind.is_count_of_people();
                            import::apply(&table, &mapping)
                        }),
                    );
                    ui.data_mut(|d| {
                        d.insert_temp(text_id, text.clone());
                        d.insert_temp(preview_id, p.clone());
                    });
                    p
                }
            };
            let Some(preview) = preview.as_ref() else {
                return;
            };
            notes_list(ui, &preview.notes);
            problems_list(ui, &preview.problems);
            ui.horizontal(|ui| {
                let n = preview.rows.len();
                let add = ui.add_enabled(n > 0, egui::Button::new(tf!("paste.add", n = n)));
                if add.clicked() {
                    let rows = preview
                        .rows
                        .iter()
                        .map(|r| (r.date, r.value, r.source.clone()));
                    c.add_measurements(ind.id, rows, true, || ed.new_id());
                    ui.data_mut(|d| {
                        d.remove::<String>(text_id);
                        d.remove::<PastePreview>(text_id.with("preview"));
                        d.insert_temp(open_id, false);
                    });
                }
                if ui.button(t!("dialog.cancel")).clicked() {
                    ui.data_mut(|d| {
                        d.remove::<String>(text_id);
                        d.remove::<PastePreview>(text_id.with("preview"));
                        d.insert_temp(open_id, false);
                    });
                }
            });
        });
}

/// What was read, but not exactly as written (a sign left out, a date read day first).
pub fn notes_list(ui: &mut Ui, notes: &[import::ImportNote]) {
    for n in notes {
        ui.add(
            egui::Label::new(
                RichText::new(n.text(crate::i18n::lang())).color(ui.visuals().warn_fg_color),
            )
            .wrap(),
        );
    }
}

/// The rows that could not be read, with line number and reason.
pub fn problems_list(ui: &mut Ui, problems: &[import::RowProblem]) {
    if problems.is_empty() {
        return;
    }
    ui.label(
        RichText::new(tf!("import.problems", n = problems.len()))
            .color(colour::open())
            .strong(),
    );
    for p in problems.iter().take(8) {
        ui.label(format!("• {}", p.text(crate::i18n::lang())));
    }
    if problems.len() > 8 {
        ui.weak(tf!("import.more", n = &(problems.len() - 8).to_string()));
    }
}
