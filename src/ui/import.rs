//! The CSV import dialog: what was recognised, which column is what, the region, the target
//! indicator, a preview with the rows that cannot be read. Nothing changes until "Import".

use crate::i18n::key;
use crate::i18n::{fmt_date, fmt_number, t, tf};
use crate::import::{self, ImportPreview, Layout};
use crate::model::Id;
use crate::state::{AppState, ImportDialog, Message};
use crate::ui::steps::{notes_list, problems_list};
use crate::ui::widgets::display_name;
use egui::{ComboBox, Modal, RichText, Ui};
use egui_extras::{Column, TableBuilder};

enum Outcome {
    Open,
    Cancel,
    Import,
}

pub fn show(state: &mut AppState, ctx: &egui::Context) {
    let (Some(dlg), Some(doc)) = (&mut state.import, &state.doc) else {
        return;
    };
    let indicators: Vec<(Id, String, bool)> = doc
        .project
        .cycles
        .get(doc.cycle)
        .map(|c| {
            c.outcomes
                .iter()
                .flat_map(|o| {
                    o.indicators.iter().map(move |i| {
                        (
                            i.id,
                            format!("{} ({})", display_name(&i.name), display_name(&o.title)),
                            i.is_count_of_people(),
                        )
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let mut outcome = Outcome::Open;
    let response = Modal::new(egui::Id::unique("kompas-import")).show(ctx, |ui| {
        ui.set_width(760.0_f32.min(ctx.content_rect().width() - 80.0));
        ui.label(RichText::new(tf!("import.title", file = &dlg.file_name)).heading());
        ui.weak(match dlg.detected.layout {
            Layout::StatLine => t!("import.layout_statline"),
            Layout::Simple => t!("import.layout_simple"),
        });
        ui.add_space(6.0);
        let before = dlg.mapping.clone();
        mapping_form(ui, dlg, &indicators);
        // a count of people is never below zero
        dlg.mapping.counts_people = dlg
            .indicator
            .and_then(|id| indicators.iter().find(|i| i.0 == id))
            .is_some_and(|i| i.2);
        if dlg.mapping != before {
            dlg.preview = import::apply(&dlg.table, &dlg.mapping);
        }
        ui.add_space(6.0);
        preview_table(ui, &dlg.preview);
        ui.label(tf!("import.summary", n = dlg.preview.rows.len()));
        if dlg.preview.needs_region {
            ui.colored_label(ui.visuals().warn_fg_color, t!("import.needs_region"));
        }
        if dlg.preview.other_region > 0 {
            ui.weak(tf!("import.other_region", n = dlg.preview.other_region));
        }
        notes_list(ui, &dlg.preview.notes);
        problems_list(ui, &dlg.preview.problems);
        ui.add_space(10.0);
        ui.horizontal(|ui| {
            let n = dlg.preview.rows.len();
            let ready = n > 0 && dlg.indicator.is_some();
            let b = ui.add_enabled(
                ready,
                egui::Button::new(RichText::new(tf!("import.confirm", n = n)).strong()),
            );
            if b.clicked() {
                outcome = Outcome::Import;
            }
            if ui.button(t!("dialog.cancel")).clicked() {
                outcome = Outcome::Cancel;
            }
            if dlg.indicator.is_none() {
                ui.weak(t!("import.choose_indicator"));
            }
        });
    });
    if response.should_close() && matches!(outcome, Outcome::Open) {
        outcome = Outcome::Cancel;
    }
    match outcome {
        Outcome::Open => {}
        Outcome::Cancel => state.import = None,
        // applied by the app after this pass; the dialog closes there
        Outcome::Import => state.pending.push(Message::ApplyImport),
    }
}

fn column_combo(ui: &mut Ui, label: &str, value: &mut usize, headers: &[String], salt: &str) {
    let l = ui.label(label);
    let shown = headers.get(*value).map_or("", String::as_str);
    ComboBox::from_id_salt(("import-col", salt))
        .selected_text(shown)
        .width(280.0)
        .show_ui(ui, |ui| {
            for (k, h) in headers.iter().enumerate() {
                ui.selectable_value(value, k, h);
            }
        })
        .response
        .labelled_by(l.id);
    ui.end_row();
}

fn mapping_form(ui: &mut Ui, dlg: &mut ImportDialog, indicators: &[(Id, String, bool)]) {
    let headers = dlg.table.headers.clone();
    egui::Grid::new("import-form")
        .num_columns(2)
        .spacing([16.0, 8.0])
        .show(ui, |ui| {
            let l = ui.label(RichText::new(t!("import.indicator")).strong());
            let shown = dlg
                .indicator
                .and_then(|id| indicators.iter().find(|i| i.0 == id))
                .map_or(t!("import.choose_indicator"), |i| i.1.as_str());
            ComboBox::from_id_salt("import-indicator")
                .selected_text(shown)
                .width(420.0)
                .show_ui(ui, |ui| {
                    for (id, name, _) in indicators {
                        ui.selectable_value(&mut dlg.indicator, Some(*id), name);
                    }
                })
                .response
                .labelled_by(l.id);
            ui.end_row();
            column_combo(
                ui,
                t!("import.date_column"),
                &mut dlg.mapping.date_column,
                &headers,
                "date",
            );
            // the indicators with numbers (one entry for `Name_1`, `Name_2`, …), then the rest
            let l = ui.label(t!("import.value_column"));
            let shown = dlg
                .detected
                .series_of(dlg.mapping.value_column)
                .map(|s| s.name.clone())
                .or_else(|| headers.get(dlg.mapping.value_column).cloned())
                .unwrap_or_default();
            ComboBox::from_id_salt("import-value")
                .selected_text(shown)
                .width(280.0)
                .show_ui(ui, |ui| {
                    for s in &dlg.detected.series {
                        let on = s.columns.first() == Some(&dlg.mapping.value_column);
                        if ui.selectable_label(on, &s.name).clicked() {
                            dlg.mapping.choose_series(s);
                        }
                    }
                    ui.separator();
                    for (k, h) in headers.iter().enumerate() {
                        if !dlg.detected.value_columns.contains(&k)
                            && ui
                                .selectable_label(dlg.mapping.value_column == k, h)
                                .clicked()
                        {
                            dlg.mapping.value_column = k;
                            dlg.mapping.more_value_columns.clear();
                        }
                    }
                })
                .response
                .labelled_by(l.id);
            ui.end_row();
            let l = ui.label(t!("import.source_column"));
            let shown = dlg
                .mapping
                .source_column
                .and_then(|k| headers.get(k))
                .map_or(t!("import.no_source_column"), String::as_str);
            ComboBox::from_id_salt("import-source")
                .selected_text(shown)
                .width(280.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(
                        &mut dlg.mapping.source_column,
                        None,
                        t!("import.no_source_column"),
                    );
                    for (k, h) in headers.iter().enumerate() {
                        ui.selectable_value(&mut dlg.mapping.source_column, Some(k), h);
                    }
                })
                .response
                .labelled_by(l.id);
            ui.end_row();
            if dlg.mapping.source_column.is_none() {
                let l = ui.label(t!("import.source_text"));
                ui.text_edit_singleline(&mut dlg.mapping.source_text)
                    .labelled_by(l.id);
                ui.end_row();
            }
            if dlg.mapping.region_column.is_some() && !dlg.detected.regions.is_empty() {
                let l = ui.label(t!("import.region"));
                let shown = dlg.mapping.region.as_deref().map_or_else(
                    || t!("import.choose_region").to_owned(),
                    |r| dlg.detected.region_label(r),
                );
                ComboBox::from_id_salt("import-region")
                    .selected_text(shown)
                    .width(280.0)
                    .show_ui(ui, |ui| {
                        for r in &dlg.detected.regions {
                            let label = dlg.detected.region_label(r);
                            ui.selectable_value(&mut dlg.mapping.region, Some(r.clone()), label);
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
            }
            ui.label("");
            ui.checkbox(&mut dlg.replace, t!("import.replace"));
            ui.end_row();
        });
}

fn preview_table(ui: &mut Ui, preview: &ImportPreview) {
    if preview.rows.is_empty() {
        return;
    }
    ui.label(RichText::new(t!("import.preview")).strong());
    TableBuilder::new(ui)
        .id_salt("import-preview")
        .striped(true)
        .vscroll(true)
        .max_scroll_height(180.0)
        .column(Column::exact(70.0))
        .column(Column::exact(130.0))
        .column(Column::exact(110.0))
        .column(Column::remainder())
        .header(24.0, |mut h| {
            for key in [
                key!("import.line"),
                key!("measurement.date"),
                key!("measurement.value"),
                key!("measurement.source"),
            ] {
                h.col(|ui| {
                    ui.label(RichText::new(t!(key)).strong());
                });
            }
        })
        .body(|body| {
            body.rows(24.0, preview.rows.len(), |mut row| {
                let r = &preview.rows[row.index()];
                row.col(|ui| {
                    ui.weak(r.line.to_string());
                });
                row.col(|ui| {
                    ui.label(fmt_date(r.date));
                });
                row.col(|ui| {
                    ui.label(fmt_number(r.value));
                });
                row.col(|ui| {
                    ui.label(&r.source);
                });
            });
        });
}
