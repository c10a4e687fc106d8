//! The parking lot: what comes up in the room but is not for today, written down so it is not
//! lost (and the discussion can go on). Added live on its page or from any page with the key
//! P (a small field over the page, Enter keeps it, Esc closes it); removed, or moved into the
//! samenwerkingsagenda's themes with one click. Kept in the day's `WorkshopSession.parked`.

use super::{keep_typing, scaled, section};
use crate::i18n::t;
use crate::model::*;
use crate::state::ParkingScreen;
use egui::{Key, RichText, Ui};

/// Parks `text` in the day's session of `cycle`.
fn park(project: &mut Project, cycle: Id, text: &str) {
    let today = chrono::Local::now().date_naive();
    let id = project.new_id();
    (project.workshop_on_mut(cycle, today).parked).push(TextItem {
        id,
        text: text.trim().to_owned(),
    });
}

/// A text field with "Add" at its right; whether what is typed is to be added.
fn entry(ui: &mut Ui, text: &mut String, salt: &str, label: egui::Id) -> (egui::Response, bool) {
    ui.horizontal(|ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let clicked = ui.button(t!("workshop.add")).clicked();
            let r = ui
                .add(
                    egui::TextEdit::singleline(text)
                        .id_salt(salt)
                        .desired_width(ui.available_width())
                        .hint_text(t!("parking.hint")),
                )
                .labelled_by(label);
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            (r, clicked || enter)
        })
        .inner
    })
    .inner
}

pub(super) fn page(ui: &mut Ui, project: &mut Project, cycle: usize, screen: &mut ParkingScreen) {
    let Some(cycle_id) = project.cycles.get(cycle).map(|c| c.id) else {
        return;
    };
    let today = chrono::Local::now().date_naive();
    ui.weak(t!("parking.explain"));
    ui.add_space(6.0);
    let l = ui.label(RichText::new(t!("parking.new")).strong());
    let (field, add) = entry(ui, &mut screen.draft, "workshop-parking", l.id);
    let added = add && !screen.draft.trim().is_empty();
    keep_typing(ui, &field, added);
    if added {
        park(project, cycle_id, &screen.draft);
        screen.draft.clear();
    }
    ui.add_space(8.0);
    section(ui, t!("parking.today"));
    let parked: Vec<TextItem> = project
        .workshop_on(cycle_id, today)
        .map(|w| w.parked.clone())
        .unwrap_or_default();
    if parked.is_empty() {
        ui.weak(t!("parking.empty"));
    }
    let mut remove = None;
    let mut to_agenda = None;
    for item in &parked {
        ui.horizontal(|ui| {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("🗑").on_hover_text(t!("parking.remove")).clicked() {
                    remove = Some(item.id);
                }
                if ui
                    .button(format!("➕ {}", t!("parking.to_agenda")))
                    .clicked()
                {
                    to_agenda = Some(item.clone());
                }
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    ui.label(RichText::new("🅿").size(scaled(ui, 24.0)));
                    ui.add(egui::Label::new(&item.text).wrap());
                });
            });
        });
    }
    if let Some(item) = &to_agenda {
        let id = project.new_id();
        project.agenda.themes.push(TextItem {
            id,
            text: item.text.clone(),
        });
        remove = Some(item.id);
    }
    if let Some(id) = remove
        && let Some(w) = project.workshops.iter_mut().find(|w| {
            w.cycle == cycle_id && w.date == Some(today) && w.parked.iter().any(|p| p.id == id)
        })
    {
        w.parked.retain(|p| p.id != id);
    }
}

/// Key P on any page (while no field has the keyboard) opens the quick field; drawn over the
/// page while it is open. Enter parks what is typed and closes it, Esc closes it.
pub(super) fn quick(ui: &mut Ui, project: &mut Project, cycle: usize, screen: &mut ParkingScreen) {
    if screen.quick.is_none()
        && !ui.ctx().egui_wants_keyboard_input()
        && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::P))
    {
        screen.quick = Some(String::new());
    }
    let Some(cycle_id) = project.cycles.get(cycle).map(|c| c.id) else {
        return;
    };
    let Some(text) = &mut screen.quick else {
        return;
    };
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("workshop-park-quick")).show(ui.ctx(), |ui| {
        super::projector_style(ui, ui.visuals().dark_mode);
        ui.set_width((ui.ctx().content_rect().width() * 0.6).clamp(300.0, 700.0));
        let l = ui.label(RichText::new(format!("🅿 {}", t!("parking.new"))).strong());
        let (field, add) = entry(ui, text, "workshop-parking-quick", l.id);
        if !field.has_focus() && !field.lost_focus() {
            field.request_focus();
        }
        if add && !text.trim().is_empty() {
            park(project, cycle_id, text);
            close = true;
        }
        if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Escape)) {
            close = true;
        }
        ui.weak(t!("parking.quick_keys"));
    });
    if close || modal.should_close() {
        screen.quick = None;
    }
}
