//! The menu bar: every command with its shortcut.

use crate::i18n::{Lang, t};
use crate::state::{AppState, Command, Message, View};
use egui::{Button, Ui};

pub fn bar(app: &mut AppState, ui: &mut Ui) {
    let has_doc = app.doc.is_some();
    let (can_undo, can_redo) = app
        .doc
        .as_ref()
        .map_or((false, false), |d| (d.can_undo, d.can_redo));
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(t!("menu.file"), |ui| {
            item(app, ui, Command::New, true);
            item(app, ui, Command::Open, true);
            item(app, ui, Command::OpenOverview, true);
            ui.menu_button(t!("menu.recent"), |ui| {
                if app.prefs.recent.is_empty() {
                    ui.weak(t!("start.no_recent"));
                }
                for r in app.prefs.recent.clone() {
                    let text = format!("{} — {}", r.region, r.path.display());
                    if ui.button(text).clicked() {
                        app.pending.push(Message::OpenPath(r.path));
                    }
                }
            });
            ui.menu_button(t!("menu.samples"), |ui| {
                for (i, s) in crate::samples::SAMPLES.iter().enumerate() {
                    if ui.button(t!(s.title_key)).clicked() {
                        app.pending.push(Message::OpenSample(i));
                    }
                }
            });
            ui.separator();
            item(app, ui, Command::Save, has_doc);
            item(app, ui, Command::SaveAs, has_doc);
            ui.separator();
            item(app, ui, Command::MergeWith, has_doc);
            item(app, ui, Command::CompareWith, has_doc);
            ui.separator();
            item(app, ui, Command::ImportCsv, has_doc);
            item(app, ui, Command::ImportSupport, has_doc);
            item(app, ui, Command::ExportHtml, has_doc);
            item(app, ui, Command::ExportMarkdown, has_doc);
            item(app, ui, Command::ExportDocx, has_doc);
            item(app, ui, Command::ExportCsv, has_doc);
            item(app, ui, Command::ExportXlsx, has_doc);
            item(app, ui, Command::ExportChainSvg, has_doc);
            item(app, ui, Command::ExportChainPng, has_doc);
            ui.separator();
            item(app, ui, Command::ShareLessons, has_doc);
            item(app, ui, Command::TakeInLessons, has_doc);
            ui.separator();
            let has_recovery = app.has_recovery_dir;
            item(app, ui, Command::RecoverSetAside, has_recovery);
            item(app, ui, Command::CloseProject, has_doc);
            item(app, ui, Command::Quit, true);
        });
        ui.menu_button(t!("menu.edit"), |ui| {
            item(app, ui, Command::Undo, can_undo);
            item(app, ui, Command::Redo, can_redo);
        });
        ui.menu_button(t!("menu.cycle"), |ui| {
            item(app, ui, Command::PreviousStep, has_doc);
            item(app, ui, Command::NextStep, has_doc);
            item(app, ui, Command::ToggleWorkshop, has_doc);
            let sessions = app
                .doc
                .as_ref()
                .is_some_and(|d| !d.project.intervisions.is_empty());
            item(app, ui, Command::PresentIntervision, sessions);
            // today's agenda is made before the room comes in: workshop mode, with its editor
            if ui
                .add_enabled(has_doc, Button::new(t!("workshop.plan_agenda")))
                .clicked()
            {
                app.pending.push(crate::state::Message::WorkshopAgenda);
                ui.close();
            }
            for view in [View::Dashboard, View::Chain] {
                if ui
                    .add_enabled(
                        has_doc,
                        Button::new(format!("{} {}", view.icon(), view.label())),
                    )
                    .clicked()
                {
                    app.pending.push(view.command());
                    ui.close();
                }
            }
            ui.separator();
            item(app, ui, Command::StartNextCycle, has_doc);
        });
        ui.menu_button(t!("menu.view"), |ui| {
            item(app, ui, Command::ZoomIn, true);
            item(app, ui, Command::ZoomOut, true);
            item(app, ui, Command::ZoomReset, true);
            ui.separator();
            let mut guidance = app.prefs.show_guidance;
            if ui.checkbox(&mut guidance, t!("cmd.guidance")).clicked() {
                app.pending.push(Command::ToggleGuidance);
                ui.close();
            }
            let mut dark = app.prefs.dark;
            if ui.checkbox(&mut dark, t!("cmd.dark")).clicked() {
                app.pending.push(Command::ToggleDark);
                ui.close();
            }
            ui.separator();
            ui.label(t!("cmd.language"));
            for lang in Lang::ALL {
                if ui
                    .radio(app.prefs.lang == lang, lang.native_name())
                    .clicked()
                {
                    app.pending.push(Message::SetLang(lang));
                    ui.close();
                }
            }
        });
        ui.menu_button(t!("menu.help"), |ui| {
            item(app, ui, Command::Guide, true);
            item(app, ui, Command::Shortcuts, true);
            item(app, ui, Command::Palette, true);
            ui.separator();
            item(app, ui, Command::About, true);
        });
    });
}

fn item(app: &mut AppState, ui: &mut Ui, cmd: Command, enabled: bool) {
    let mut button = Button::new(cmd.label());
    if let Some(s) = cmd.shortcut_text(ui.ctx()) {
        button = button.shortcut_text(s);
    }
    if ui.add_enabled(enabled, button).clicked() {
        app.pending.push(cmd);
        ui.close();
    }
}
