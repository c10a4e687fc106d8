//! The papers of a session: the case brief (before) and the handout (after), in a format
//! chosen here, with the participants' names only when ticked here (off each time the
//! screen is opened: names are personal data, so the choice is made at export time).

use crate::export::Format;
use crate::i18n::t;
use crate::model::Id;
use crate::state::{Message, Outbox, SessionMsg};
use egui::{RichText, Ui};

/// The choice for one session's papers, kept while the screen is shown (egui's temp memory:
/// it may be forgotten, and then names are out again).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Choice {
    format: Format,
    names: bool,
}

pub fn row(ui: &mut Ui, session: Id, pending: &mut Outbox) {
    let id = ui.make_persistent_id(("paper-choice", session.0));
    let mut choice = ui.data(|d| d.get_temp::<Choice>(id)).unwrap_or(Choice {
        format: Format::Html,
        names: false,
    });
    ui.add_space(6.0);
    ui.label(RichText::new(format!("{} / {}", t!("paper.brief"), t!("paper.handout"))).strong());
    ui.weak(t!("paper.explain"));
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(t!("paper.format"));
        egui::ComboBox::from_id_salt(("paper-format", session.0))
            .selected_text(format_name(choice.format))
            .show_ui(ui, |ui| {
                for f in [Format::Html, Format::Markdown, Format::Docx] {
                    ui.selectable_value(&mut choice.format, f, format_name(f));
                }
            })
            .response
            .labelled_by(l.id);
        ui.checkbox(&mut choice.names, t!("paper.names"))
            .on_hover_text(t!("paper.names_explain"));
    });
    ui.horizontal_wrapped(|ui| {
        for (handout, label) in [
            (false, t!("paper.brief_button")),
            (true, t!("paper.handout_button")),
        ] {
            if ui.button(format!("💾 {label}")).clicked() {
                pending.push(Message::Session(SessionMsg::Export {
                    session,
                    handout,
                    format: choice.format,
                    names: choice.names,
                    checked: false,
                }));
            }
        }
    });
    ui.data_mut(|d| d.insert_temp(id, choice));
}

fn format_name(f: Format) -> &'static str {
    match f {
        Format::Markdown => "Markdown",
        Format::Docx => "Word",
        _ => "HTML",
    }
}
