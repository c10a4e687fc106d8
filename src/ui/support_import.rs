//! The support analysis' import dialog: what each column of the file holds (found by its
//! header, changeable), a preview of the schools it gives (new, or a school here by BRIN code
//! or name that it updates), the lines that cannot be read and the rows whose counts cannot
//! be right. Nothing changes until "Importeren"; one Ctrl+Z takes it back. State in
//! `state::SupportImport`.

use crate::i18n::{Label, fmt_number, lang, t, tf};
use crate::import::schools::Col;
use crate::model::{Count, SchoolRow, SupportAnalysis};
use crate::state::{AppState, Message, SupportImport};
use crate::ui::steps::support::{head, problem_text};
use crate::ui::theme::colour;
use egui::{ComboBox, Modal, RichText, Ui};

enum Outcome {
    Open,
    Cancel,
    Import,
}

pub fn show(state: &mut AppState, ctx: &egui::Context) {
    let (Some(dlg), Some(doc)) = (&mut state.support_import, &state.doc) else {
        return;
    };
    let empty = SupportAnalysis::default();
    let here = (doc.project.cycles.get(doc.cycle)).map_or(&empty, |c| &c.analysis.support);
    let mut outcome = Outcome::Open;
    let response = Modal::new(egui::Id::unique("kompas-support-import")).show(ctx, |ui| {
        ui.set_width(820.0_f32.min(ctx.content_rect().width() - 80.0));
        ui.label(RichText::new(tf!("support.import_title", file = &dlg.file_name)).heading());
        ui.add(egui::Label::new(RichText::new(t!("support.import_explain")).weak()).wrap());
        ui.add_space(6.0);
        if columns_form(ui, dlg) {
            dlg.reread();
        }
        ui.add_space(6.0);
        preview(ui, dlg, here);
        notes(ui, dlg);
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            let n = dlg.read.rows.len();
            let b = ui.add_enabled(
                n > 0,
                egui::Button::new(RichText::new(tf!("support.import_confirm", n = n)).strong()),
            );
            if b.clicked() {
                outcome = Outcome::Import;
            }
            if ui.button(t!("dialog.cancel")).clicked() {
                outcome = Outcome::Cancel;
            }
        });
    });
    if response.should_close() && matches!(outcome, Outcome::Open) {
        outcome = Outcome::Cancel;
    }
    match outcome {
        Outcome::Open => {}
        Outcome::Cancel => state.support_import = None,
        // applied by the app after this pass; the dialog closes there
        Outcome::Import => state.pending.push(Message::ApplySupportImport),
    }
}

/// Per column of the file: its heading and what it holds. Returns whether one was changed.
fn columns_form(ui: &mut Ui, dlg: &mut SupportImport) -> bool {
    let before = dlg.columns.clone();
    ui.label(RichText::new(t!("support.import_columns")).strong());
    egui::ScrollArea::vertical()
        .id_salt("support-import-columns")
        .max_height(170.0)
        .show(ui, |ui| {
            egui::Grid::new("support-import-grid")
                .num_columns(4)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    for (k, header) in dlg.table.headers.iter().enumerate() {
                        let shown = |c: Option<Col>| c.map_or("–", |c| c.label_in(lang()));
                        let l = ui
                            .scope(|ui| {
                                ui.set_max_width(170.0);
                                ui.add(egui::Label::new(header.as_str()).wrap())
                            })
                            .inner;
                        let value = &mut dlg.columns[k];
                        ComboBox::from_id_salt(("support-import-col", k))
                            .selected_text(shown(*value))
                            .width(160.0)
                            .show_ui(ui, |ui| {
                                ui.selectable_value(value, None, "–");
                                for c in Col::ALL {
                                    ui.selectable_value(value, Some(c), shown(Some(c)));
                                }
                            })
                            .response
                            .labelled_by(l.id);
                        if k % 2 == 1 {
                            ui.end_row();
                        }
                    }
                });
        });
    // a kind of column chosen twice: the other column no longer holds it
    for k in 0..dlg.columns.len() {
        if dlg.columns[k] != before.get(k).copied().flatten() && dlg.columns[k].is_some() {
            for j in (0..dlg.columns.len()).filter(|j| *j != k) {
                if dlg.columns[j] == dlg.columns[k] {
                    dlg.columns[j] = None;
                }
            }
        }
    }
    dlg.columns != before
}

fn preview(ui: &mut Ui, dlg: &SupportImport, here: &SupportAnalysis) {
    let rows = &dlg.read.rows;
    if rows.is_empty() {
        return;
    }
    ui.label(RichText::new(t!("import.preview")).strong());
    let count = |v: Option<u32>| v.map_or(String::new(), |v| fmt_number(f64::from(v)));
    let is_here = |r: &SchoolRow| {
        here.schools
            .iter()
            .any(|x| !x.is_empty() && x.same_school(r))
    };
    egui::ScrollArea::vertical()
        .id_salt("support-import-preview")
        .max_height(190.0)
        .show(ui, |ui| {
            egui::Grid::new("support-import-preview-grid")
                .striped(true)
                .spacing([8.0, 4.0])
                .show(ui, |ui| {
                    // headings wrap between their words, like the table in step 1
                    head(ui, t!("import.line"));
                    head(ui, t!("support.school"));
                    head(ui, t!("support.sector"));
                    for c in Count::ALL {
                        head(ui, c.label());
                    }
                    ui.label("");
                    ui.end_row();
                    for (k, r) in rows.iter().enumerate() {
                        ui.weak(
                            dlg.read
                                .lines
                                .get(k)
                                .map_or(String::new(), usize::to_string),
                        );
                        let name = if r.name.trim().is_empty() {
                            &r.brin
                        } else {
                            &r.name
                        };
                        ui.scope(|ui| {
                            ui.set_max_width(190.0);
                            ui.add(egui::Label::new(name.as_str()).wrap());
                        });
                        ui.label(r.sector.map_or("", |s| s.label()));
                        for c in Count::ALL {
                            ui.label(count(r.count(c)));
                        }
                        if is_here(r) {
                            ui.label(t!("support.import_update"));
                        } else {
                            ui.label(RichText::new(t!("support.import_new")).color(colour::done()));
                        }
                        ui.end_row();
                    }
                });
        });
}

/// What will be taken, the rows whose counts cannot be right (taken, but counted nowhere
/// until corrected), and the lines that cannot be read.
fn notes(ui: &mut Ui, dlg: &SupportImport) {
    ui.label(tf!("support.import_summary", n = dlg.read.rows.len()));
    for (r, line) in dlg.read.rows.iter().zip(&dlg.read.lines) {
        for p in r.problems() {
            let text = tf!(
                "support.import_wrong",
                line = &line.to_string(),
                problem = &problem_text(p)
            );
            ui.add(egui::Label::new(RichText::new(text).color(colour::open())).wrap());
        }
    }
    let problems = &dlg.read.problems;
    if !problems.is_empty() {
        ui.label(
            RichText::new(tf!("import.problems", n = problems.len()))
                .color(colour::open())
                .strong(),
        );
    }
    for p in problems.iter().take(8) {
        let line = tf!(
            "support.paste_line",
            line = &p.line.to_string(),
            text = &p.text
        );
        ui.add(egui::Label::new(format!("• {line}")).wrap());
    }
    if problems.len() > 8 {
        ui.weak(tf!("import.more", n = &(problems.len() - 8).to_string()));
    }
}
