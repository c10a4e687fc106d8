//! Before a report is exported: a checkbox per section, all ticked until the user leaves one
//! out; the choice goes with the export and is remembered in the project.

use crate::i18n::t;
use crate::report::SectionKind;
use crate::state::{AppState, Dialog, Message};
use egui::RichText;

pub(super) fn choose(ui: &mut egui::Ui, app: &mut AppState, close: &mut bool) {
    let Some(Dialog::ReportSections { format, chosen }) = &mut app.dialog else {
        return;
    };
    ui.label(RichText::new(t!("sections.title")).heading());
    ui.label(t!("sections.body"));
    ui.add_space(8.0);
    for kind in SectionKind::ALL {
        let mut on = chosen.contains(&kind);
        if ui.checkbox(&mut on, t!(kind.name())).changed() {
            if on {
                chosen.push(kind);
            } else {
                chosen.retain(|k| *k != kind);
            }
        }
    }
    let picked: Vec<SectionKind> = SectionKind::ALL
        .into_iter()
        .filter(|k| chosen.contains(k))
        .collect();
    let format = *format;
    ui.add_space(12.0);
    ui.horizontal(|ui| {
        if ui.button(t!("dialog.cancel")).clicked() {
            *close = true;
        }
        let go = ui.add_enabled(!picked.is_empty(), egui::Button::new(t!("sections.export")));
        if go.clicked() {
            *close = true;
            app.pending
                .push(Message::ExportSections(format, picked.clone()));
        }
    });
}
