//! Modal dialogs: unsaved changes, messages, about.

use crate::i18n::{t, tf};
mod help;
mod next_cycle;
mod recover;
mod sections;

use crate::state::{AppState, Command, Dialog, MergeMsg, Message};
use crate::ui::theme::colour;
use egui::{Modal, RichText};

pub fn show(app: &mut AppState, ctx: &egui::Context) {
    let Some(dialog) = app.dialog.clone() else {
        return;
    };
    let mut close = false;
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
                        // what was asked for runs once the file is written
                        app.pending.push(Message::SaveThen(then.clone()));
                    }
                    if ui.button(t!("dialog.discard")).clicked() {
                        close = true;
                        app.pending.push(Message::DiscardThen(then.clone()));
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
                            app.pending.push(Message::CompareWithDisk);
                        }
                    }
                    Some(Ok(c)) => show_comparison(ui, c),
                    Some(Err(e)) => {
                        ui.label(tf!("compare.failed", error = e));
                    }
                }
                ui.add_space(12.0);
                ui.horizontal_wrapped(|ui| {
                    // the first choice: both versions' work kept, only clashes asked
                    if ui
                        .button(RichText::new(t!("dialog.merge")).strong())
                        .clicked()
                    {
                        close = true;
                        app.pending.push(Message::Merge(MergeMsg::WithDisk));
                    }
                    if ui.button(t!("dialog.save_as_new")).clicked() {
                        close = true;
                        app.pending.push(Command::SaveAs);
                    }
                    if ui.button(t!("dialog.overwrite")).clicked() {
                        close = true;
                        app.pending.push(Message::SaveOverwrite);
                    }
                    if ui.button(t!("dialog.cancel")).clicked() {
                        close = true;
                    }
                });
            }
            Dialog::Recover(found) => recover::offer(ui, app, found, &mut close),
            Dialog::RecoverReplace(found) => recover::replace(ui, app, found, &mut close),
            Dialog::RecoverThrowAway(found) => recover::throw_away(ui, app, found, &mut close),
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
                        app.pending.push(Message::ExportChecked(*format));
                    }
                });
            }
            Dialog::PrivacyBeforePaper { lines, then } => {
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
                        app.pending.push((**then).clone());
                    }
                });
            }
            Dialog::ReportSections { .. } => sections::choose(ui, app, &mut close),
            Dialog::ConfirmNextCycle { .. } => next_cycle::confirm(ui, app, &mut close),
            Dialog::Guide => help::guide(ui, app, &mut close),
            Dialog::Shortcuts => help::shortcuts(ui, app, &mut close),
            Dialog::About => help::about(ui, app, &mut close),
        }
    });
    if response.should_close() {
        close = true;
    }
    if close && app.dialog.as_ref() == Some(&dialog) {
        app.dialog = None;
        if matches!(dialog, Dialog::Recover(_)) {
            // Escape or a click beside it: as "Niet nu", and the next one is offered
            app.pending.push(Message::PostponeRecovery);
        }
    }
}

/// The lines that differ between the open document and the file on disk.
fn show_comparison(ui: &mut egui::Ui, c: &crate::state::compare::Comparison) {
    use crate::state::compare::Line;
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
                            .color(colour::open()),
                    ),
                    Line::Theirs(text) => ui.label(
                        RichText::new(format!("+ {text}"))
                            .monospace()
                            .color(colour::done()),
                    ),
                };
            }
            if c.more {
                ui.weak(t!("compare.more"));
            }
        });
}
