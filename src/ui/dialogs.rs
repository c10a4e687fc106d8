//! Modal dialogs: unsaved changes, messages, about.

use crate::app::{Command, Dialog, KompasApp};
use crate::i18n::key;
use crate::i18n::{t, tf};
use egui::{Modal, RichText};

pub fn show(app: &mut KompasApp, ctx: &egui::Context) {
    let Some(dialog) = app.dialog.clone() else {
        return;
    };
    let mut close = false;
    let now = ctx.input(|i| i.time);
    let response = Modal::new(egui::Id::unique("kompas-dialog")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        match &dialog {
            Dialog::ConfirmDiscard(then) => {
                ui.label(RichText::new(t!("dialog.unsaved_title")).heading());
                ui.label(t!("dialog.unsaved_body"));
                ui.add_space(12.0);
                ui.horizontal(|ui| {
                    if ui.button(t!("dialog.save")).clicked() {
                        close = true;
                        // the command runs once the file is written
                        app.save_then(now, Some(then.clone()));
                    }
                    if ui.button(t!("dialog.discard")).clicked() {
                        close = true;
                        if *then == Command::Quit {
                            // thrown away on purpose: its recovery file goes too, so the next
                            // start does not offer it as lost work (New and Open remove it
                            // once the other document is there: a cancelled Open keeps it)
                            app.autosave.stop();
                        }
                        app.run_confirmed(ui.ctx(), then.clone());
                    }
                    if ui.button(t!("dialog.cancel")).clicked() {
                        close = true;
                    }
                });
            }
            Dialog::Message { title, body } => {
                ui.label(RichText::new(title).heading());
                ui.label(body);
                ui.add_space(12.0);
                if ui.button(t!("dialog.ok")).clicked() {
                    close = true;
                }
            }
            Dialog::SaveFailed { title, body } => {
                ui.label(RichText::new(title).heading());
                ui.label(body);
                ui.add_space(12.0);
                ui.horizontal(|ui| {
                    if ui.button(t!("cmd.save_as")).clicked() {
                        close = true;
                        app.pending.push(Command::SaveAs);
                    }
                    if ui.button(t!("dialog.ok")).clicked() {
                        close = true;
                    }
                });
            }
            Dialog::ChangedOnDisk { file, compare } => {
                ui.label(RichText::new(t!("dialog.changed_title")).heading());
                ui.label(tf!("dialog.changed_body", file = file));
                match compare {
                    None => {
                        if ui.button(t!("dialog.compare")).clicked() {
                            app.dialog = Some(Dialog::ChangedOnDisk {
                                file: file.clone(),
                                compare: Some(app.compare_with_disk()),
                            });
                        }
                    }
                    Some(Ok(c)) => show_comparison(ui, c),
                    Some(Err(e)) => {
                        ui.label(tf!("compare.failed", error = e));
                    }
                }
                ui.add_space(12.0);
                ui.horizontal(|ui| {
                    if ui.button(t!("dialog.save_as_new")).clicked() {
                        close = true;
                        app.pending.push(Command::SaveAs);
                    }
                    if ui.button(t!("dialog.overwrite")).clicked() {
                        close = true;
                        app.pending.push(Command::SaveOverwrite);
                    }
                    if ui.button(t!("dialog.cancel")).clicked() {
                        close = true;
                    }
                });
            }
            Dialog::Recover(found) => {
                let title = match app.recovery_position() {
                    Some((n, total)) => format!(
                        "{} ({})",
                        t!("recover.title"),
                        tf!(
                            "recover.n_of",
                            n = &n.to_string(),
                            total = &total.to_string()
                        )
                    ),
                    None => t!("recover.title").to_owned(),
                };
                ui.label(RichText::new(title).heading());
                ui.label(tf!(
                    "recover.body",
                    name = &found.header.name,
                    age = &age_text(found.header.written)
                ));
                if let Some(original) = &found.header.original {
                    ui.weak(tf!(
                        "recover.original",
                        file = &original.display().to_string()
                    ));
                }
                ui.add_space(12.0);
                ui.horizontal(|ui| {
                    if ui
                        .button(RichText::new(t!("recover.restore")).strong())
                        .clicked()
                    {
                        app.restore(found, now);
                    }
                    if ui.button(t!("recover.later")).clicked() {
                        app.postpone_recovery();
                    }
                    if ui.button(t!("recover.discard")).clicked() {
                        app.ask_discard_recovery(found);
                    }
                });
            }
            Dialog::RecoverReplace(found) => {
                let open = app
                    .doc
                    .as_ref()
                    .map(crate::app::OpenDoc::display_name)
                    .unwrap_or_default();
                ui.label(RichText::new(t!("recover.replace_title")).heading());
                ui.label(tf!(
                    "recover.replace_body",
                    open = &open,
                    name = &found.header.name
                ));
                ui.add_space(12.0);
                ui.horizontal(|ui| {
                    if ui.button(t!("recover.save_first")).clicked() {
                        close = true;
                        app.save_then(now, Some(Command::Restore(found.clone())));
                    }
                    if ui.button(t!("recover.set_aside_first")).clicked() {
                        app.set_aside_then_restore(found, now);
                    }
                    if ui.button(t!("dialog.cancel")).clicked() {
                        // back to the question about the recovery
                        app.dialog = Some(Dialog::Recover(found.clone()));
                    }
                });
            }
            Dialog::RecoverThrowAway(found) => {
                ui.label(RichText::new(t!("recover.discard_title")).heading());
                ui.label(t!("recover.discard_body"));
                let h = &found.header;
                let name = if h.region.is_empty() {
                    &h.name
                } else {
                    &h.region
                };
                ui.label(format!("• {}", tf!("recover.what_region", region = name)));
                if !h.cycle.is_empty() {
                    ui.label(format!("• {}", tf!("recover.what_cycle", cycle = &h.cycle)));
                }
                if h.changes > 0 {
                    ui.label(format!("• {}", tf!("recover.what_changes", n = h.changes)));
                }
                ui.label(format!(
                    "• {}",
                    tf!("recover.what_age", age = &age_text(h.written))
                ));
                ui.add_space(12.0);
                ui.horizontal(|ui| {
                    if ui.button(t!("recover.discard_confirm")).clicked() {
                        app.discard_recovery(found);
                    }
                    if ui.button(t!("dialog.cancel")).clicked() {
                        app.dialog = Some(Dialog::Recover(found.clone()));
                    }
                });
            }
            Dialog::PrivacyBeforeExport { format, lines } => {
                ui.label(RichText::new(format!("⚠ {}", t!("privacy.export_title"))).heading());
                ui.label(tf!("privacy.export_body", n = lines.len()));
                egui::ScrollArea::vertical()
                    .max_height(220.0)
                    .show(ui, |ui| {
                        for l in lines {
                            ui.label(format!("• {l}"));
                        }
                    });
                ui.add_space(12.0);
                ui.horizontal(|ui| {
                    if ui.button(t!("dialog.cancel")).clicked() {
                        close = true;
                    }
                    if ui.button(t!("privacy.export_anyway")).clicked() {
                        close = true;
                        app.pending.push(Command::ExportChecked(*format));
                    }
                });
            }
            Dialog::ConfirmNextCycle { from, carry } => {
                next_cycle_body(ui, app, *from, carry);
                ui.add_space(12.0);
                ui.horizontal(|ui| {
                    if ui
                        .button(RichText::new(t!("next_cycle.start")).strong())
                        .clicked()
                    {
                        close = true;
                        app.pending.push(Command::StartNextCycleConfirmed);
                    }
                    if ui.button(t!("dialog.cancel")).clicked() {
                        close = true;
                    }
                });
            }
            Dialog::Guide => {
                ui.set_max_width(640.0);
                ui.label(RichText::new(t!("guide_doc.title")).heading());
                egui::ScrollArea::vertical()
                    .max_height(ui.ctx().content_rect().height() * 0.65)
                    .show(ui, |ui| {
                        for (head, body) in GUIDE {
                            ui.add_space(8.0);
                            ui.label(RichText::new(t!(head)).strong().size(17.0));
                            ui.add(egui::Label::new(t!(body)).wrap());
                        }
                    });
                ui.add_space(12.0);
                ui.horizontal(|ui| {
                    if ui.button(t!("cmd.shortcuts")).clicked() {
                        app.pending.push(Command::Shortcuts);
                        close = true;
                    }
                    if ui.button(t!("dialog.ok")).clicked() {
                        close = true;
                    }
                });
            }
            Dialog::Shortcuts => {
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
                                for (keys, what) in crate::app::shortcut_list(ui.ctx()) {
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
                    close = true;
                }
            }
            Dialog::About => {
                ui.label(RichText::new("Kompas").heading());
                ui.label(format!(
                    "{} {}",
                    t!("about.version"),
                    env!("CARGO_PKG_VERSION")
                ));
                ui.label(t!("about.body"));
                ui.add_space(12.0);
                if ui.button(t!("dialog.ok")).clicked() {
                    close = true;
                }
            }
        }
    });
    if response.should_close() {
        close = true;
    }
    if close && app.dialog.as_ref() == Some(&dialog) {
        app.dialog = None;
        if matches!(dialog, Dialog::Recover(_)) {
            // Escape or a click beside it: as "Niet nu", and the next one is offered
            app.postpone_recovery();
        }
    }
}

/// The lines that differ between the open document and the file on disk.
fn show_comparison(ui: &mut egui::Ui, c: &crate::app::compare::Comparison) {
    use crate::app::compare::Line;
    ui.add_space(8.0);
    if c.lines.is_empty() {
        ui.weak(t!("compare.none"));
        return;
    }
    ui.weak(t!("compare.legend"));
    egui::ScrollArea::vertical()
        .max_height(260.0)
        .show(ui, |ui| {
            for line in &c.lines {
                match line {
                    Line::Ours(text) => ui.label(
                        RichText::new(format!("− {text}"))
                            .monospace()
                            .color(crate::ui::stepper::OPEN),
                    ),
                    Line::Theirs(text) => ui.label(
                        RichText::new(format!("+ {text}"))
                            .monospace()
                            .color(crate::ui::stepper::DONE),
                    ),
                };
            }
            if c.more {
                ui.weak(t!("compare.more"));
            }
        });
}

/// The guide's sections: heading and text keys.
const GUIDE: [(crate::i18n::Key, crate::i18n::Key); 9] = [
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
];

/// What "start the next cycle" takes along and what stays in the old cycle.
fn next_cycle_body(ui: &mut egui::Ui, app: &KompasApp, from: usize, c: &crate::model::CarryOver) {
    let name = app
        .doc
        .as_ref()
        .and_then(|d| d.project.cycles.get(from))
        .map(|c| c.name.clone())
        .unwrap_or_default();
    ui.label(RichText::new(t!("next_cycle.title")).heading());
    ui.label(tf!("next_cycle.intro", name = &name));
    ui.add_space(6.0);
    ui.label(RichText::new(t!("next_cycle.copied")).strong());
    let n = |v: usize| v.to_string();
    let copied = [
        tf!(
            "next_cycle.ambitions",
            n = &n(c.ambitions),
            p = &n(c.principles)
        ),
        tf!(
            "next_cycle.outcomes",
            n = &n(c.outcomes),
            i = &n(c.indicators),
            b = &n(c.new_baselines)
        ),
        tf!(
            "next_cycle.interventions",
            n = &n(c.interventions),
            s = &n(c.stopped)
        ),
        tf!("next_cycle.lessons", n = &n(c.lessons)),
        t!("next_cycle.partners").to_owned(),
    ];
    for line in copied {
        ui.label(format!("• {line}"));
    }
    ui.add_space(6.0);
    ui.label(RichText::new(t!("next_cycle.stays")).strong());
    ui.label(format!(
        "• {}",
        tf!(
            "next_cycle.stays_list",
            m = &n(c.measurements),
            j = &n(c.judgements)
        )
    ));
    ui.add_space(6.0);
    ui.weak(t!("next_cycle.undo"));
}

/// "3 minuten" / "2 uur" / "5 dagen" since a time in seconds since 1970.
fn age_text(written: u64) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let secs = now.saturating_sub(written);
    match secs {
        0..120 => t!("age.just_now").to_owned(),
        120..7_200 => tf!("age.minutes", n = secs / 60),
        7_200..172_800 => tf!("age.hours", n = secs / 3_600),
        _ => tf!("age.days", n = secs / 86_400),
    }
}
