//! Guidance questions for the screen shown: what the group should ask itself here.

use crate::i18n::key;
use crate::i18n::t;
use crate::model::Step;
use crate::state::{Command, Outbox, View};
use egui::{RichText, Ui};

/// The translation keys of the questions per screen.
pub fn questions(view: View) -> &'static [crate::i18n::Key] {
    match view {
        View::Region => &[
            key!("guide.region.1"),
            key!("guide.region.2"),
            key!("guide.region.3"),
        ],
        View::Meetings => &[
            key!("guide.meetings.1"),
            key!("guide.meetings.2"),
            key!("guide.meetings.3"),
        ],
        View::Intervision => &[
            key!("guide.intervision.1"),
            key!("guide.intervision.2"),
            key!("guide.intervision.3"),
            key!("guide.intervision.4"),
        ],
        View::Chain => &[
            key!("guide.chain.1"),
            key!("guide.chain.2"),
            key!("guide.chain.3"),
        ],
        View::Dashboard => &[
            key!("guide.dashboard.1"),
            key!("guide.dashboard.2"),
            key!("guide.dashboard.3"),
            key!("guide.dashboard.4"),
        ],
        View::Step(Step::Analysis) => &[
            key!("guide.analysis.1"),
            key!("guide.analysis.2"),
            key!("guide.analysis.3"),
            key!("guide.analysis.4"),
            key!("guide.analysis.5"),
        ],
        View::Step(Step::Ambitions) => &[
            key!("guide.ambitions.1"),
            key!("guide.ambitions.2"),
            key!("guide.ambitions.3"),
            key!("guide.ambitions.4"),
        ],
        View::Step(Step::Outcomes) => &[
            key!("guide.outcomes.1"),
            key!("guide.outcomes.2"),
            key!("guide.outcomes.3"),
            key!("guide.outcomes.4"),
        ],
        View::Step(Step::Interventions) => &[
            key!("guide.interventions.1"),
            key!("guide.interventions.2"),
            key!("guide.interventions.3"),
            key!("guide.interventions.4"),
        ],
        View::Step(Step::Evaluation) => &[
            key!("guide.evaluation.1"),
            key!("guide.evaluation.2"),
            key!("guide.evaluation.3"),
            key!("guide.evaluation.4"),
            key!("guide.evaluation.5"),
        ],
    }
}

/// Below this window width the guidance is not a side panel (it would leave the editor about
/// 440 points at 1024×768) but a strip at the top of the page that opens on a click.
pub const SIDE_PANEL_FROM: f32 = 1200.0;

/// The guidance as a strip at the top of the page, closed until clicked (narrow windows).
pub fn strip(view: View, pending: &mut Outbox, ui: &mut Ui) {
    let title = format!("❓ {}", t!("guide.title"));
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt("guidance-strip")
        .default_open(false)
        .show(ui, |ui| {
            for key in questions(view) {
                ui.horizontal_top(|ui| {
                    ui.label(RichText::new("?").strong());
                    ui.add(egui::Label::new(t!(key)).wrap());
                });
                ui.add_space(4.0);
            }
            if ui.small_button(t!("guide.hide")).clicked() {
                pending.push(Command::ToggleGuidance);
            }
        });
    ui.add_space(4.0);
}

pub fn show(view: View, pending: &mut Outbox, ui: &mut Ui) {
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        ui.label(RichText::new(t!("guide.title")).heading());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .small_button("✖")
                .on_hover_text(t!("guide.hide"))
                .clicked()
            {
                pending.push(Command::ToggleGuidance);
            }
        });
    });
    ui.weak(view.label());
    ui.add_space(6.0);
    egui::ScrollArea::vertical().show(ui, |ui| {
        for key in questions(view) {
            ui.horizontal_top(|ui| {
                ui.label(RichText::new("?").strong());
                ui.add(egui::Label::new(t!(key)).wrap());
            });
            ui.add_space(6.0);
        }
    });
}
