//! Guidance questions for the screen shown: what the group should ask itself here.

use crate::i18n::{Label, t};
use crate::model::Step;
use crate::state::{Command, Outbox, View};
use egui::{RichText, Ui};

/// The translation keys of the questions per screen.
pub fn questions(view: View) -> &'static [&'static str] {
    match view {
        View::Region => &["guide.region.1", "guide.region.2", "guide.region.3"],
        View::Meetings => &["guide.meetings.1", "guide.meetings.2", "guide.meetings.3"],
        View::Intervision => &[
            "guide.intervision.1",
            "guide.intervision.2",
            "guide.intervision.3",
            "guide.intervision.4",
        ],
        View::Dashboard => &[
            "guide.dashboard.1",
            "guide.dashboard.2",
            "guide.dashboard.3",
            "guide.dashboard.4",
        ],
        View::Step(Step::Analysis) => &[
            "guide.analysis.1",
            "guide.analysis.2",
            "guide.analysis.3",
            "guide.analysis.4",
            "guide.analysis.5",
        ],
        View::Step(Step::Ambitions) => &[
            "guide.ambitions.1",
            "guide.ambitions.2",
            "guide.ambitions.3",
            "guide.ambitions.4",
        ],
        View::Step(Step::Outcomes) => &[
            "guide.outcomes.1",
            "guide.outcomes.2",
            "guide.outcomes.3",
            "guide.outcomes.4",
        ],
        View::Step(Step::Interventions) => &[
            "guide.interventions.1",
            "guide.interventions.2",
            "guide.interventions.3",
            "guide.interventions.4",
        ],
        View::Step(Step::Evaluation) => &[
            "guide.evaluation.1",
            "guide.evaluation.2",
            "guide.evaluation.3",
            "guide.evaluation.4",
            "guide.evaluation.5",
        ],
    }
}

/// Below this window width the guidance is not a side panel (it would leave the editor about
/// 440 points at 1024×768) but a strip at the top of the page that opens on a click.
pub const SIDE_PANEL_FROM: f32 = 1200.0;

/// The guidance as a strip at the top of the page, closed until clicked (narrow windows).
pub fn strip(view: View, pending: &mut Outbox, ui: &mut Ui) {
    let title = format!("❓ {}", t("guide.title"));
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt("guidance-strip")
        .default_open(false)
        .show(ui, |ui| {
            for key in questions(view) {
                ui.horizontal_top(|ui| {
                    ui.label(RichText::new("?").strong());
                    ui.add(egui::Label::new(t(key)).wrap());
                });
                ui.add_space(4.0);
            }
            if ui.small_button(t("guide.hide")).clicked() {
                pending.push(Command::ToggleGuidance);
            }
        });
    ui.add_space(4.0);
}

pub fn show(view: View, pending: &mut Outbox, ui: &mut Ui) {
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        ui.label(RichText::new(t("guide.title")).heading());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .small_button("✖")
                .on_hover_text(t("guide.hide"))
                .clicked()
            {
                pending.push(Command::ToggleGuidance);
            }
        });
    });
    let about = match view {
        View::Region => t("view.region"),
        View::Step(s) => s.label(),
        View::Dashboard => t("view.dashboard"),
        View::Meetings => t("view.meetings"),
        View::Intervision => t("view.intervision"),
    };
    ui.weak(about);
    ui.add_space(6.0);
    egui::ScrollArea::vertical().show(ui, |ui| {
        for key in questions(view) {
            ui.horizontal_top(|ui| {
                ui.label(RichText::new("?").strong());
                ui.add(egui::Label::new(t(key)).wrap());
            });
            ui.add_space(6.0);
        }
    });
}
