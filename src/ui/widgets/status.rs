//! An indicator's status on screen: its colour, the pill with the reason on hover, and the
//! note saying what the status rests on (an earlier cycle's measurement, an old one).

use crate::i18n::{Label, basis_text, reason_text, t};
use crate::model::{Assessment, Indicator, SeriesPoint, Status};
use crate::ui::theme::colour;
use egui::{Color32, Response, RichText, Ui};

pub fn status_color(s: Status) -> Color32 {
    match s {
        Status::OnTrack => colour::on_track(),
        Status::Behind | Status::NotReached => colour::behind(),
        Status::Reached => colour::reached(),
        Status::NoData => colour::no_data(),
    }
}

/// A coloured label with the status; hovering explains the rule and this case.
pub fn status_pill(ui: &mut Ui, a: &Assessment, ind: &Indicator) -> Response {
    let text = RichText::new(format!("• {}", a.status.label()))
        .color(colour::on_status())
        .strong();
    egui::Frame::new()
        .fill(status_color(a.status))
        .corner_radius(10.0)
        .inner_margin(egui::Margin::symmetric(8, 2))
        .show(ui, |ui| ui.add(egui::Label::new(text).extend()))
        .response
        .on_hover_ui(|ui| {
            ui.set_max_width(380.0);
            ui.label(RichText::new(reason_text(a, ind)).strong());
            ui.add_space(4.0);
            ui.weak(t!("status.rule"));
        })
}

/// The width of the widest status pill in the interface language: the column of pills is as
/// wide, so no status breaks over two lines ("• Geen / gegevens") and the rows line up.
pub fn pill_width(ui: &Ui) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let widest = Status::ALL
        .iter()
        .map(|s| {
            ui.ctx().fonts_mut(|f| {
                f.layout_no_wrap(
                    format!("• {}", s.label()),
                    font.clone(),
                    Color32::PLACEHOLDER,
                )
                .size()
                .x
            })
        })
        .fold(0.0, f32::max);
    // the pill's margins, and a little room for the frame
    widest + 16.0 + 4.0
}

/// [`basis_text`] as a line under the status, when there is something to say; first whether
/// the direction and the target disagree (then the status may read "reached" by a slip).
pub fn basis_note(ui: &mut Ui, a: &Assessment, series: &[SeriesPoint], ind: &Indicator, size: f32) {
    let question = ind
        .direction_conflict()
        .map(|_| t!("status.direction_question").to_owned());
    for text in question.into_iter().chain(basis_text(a, series)) {
        ui.add(
            egui::Label::new(
                RichText::new(format!("⚠ {text}"))
                    .size(size)
                    .color(ui.visuals().warn_fg_color),
            )
            .wrap(),
        );
    }
}
