//! The agenda in workshop mode: the keys that jump (Home, End, G for the page list, E for the
//! agenda, B and A for a decision or an action), the page list, and the agenda editor where
//! the facilitator chooses and orders today's pages, each with its time block.

use super::page_title;
use crate::i18n::{fmt_date, t, tf};
use crate::model::{Cycle, PageRef, Project};
use crate::state::{AgendaEdit, Message, Outbox, Overlay, Page, RoomForm, Workshop};
use egui::{Key, Modifiers, RichText, Ui};

/// The keys of workshop mode that open something or jump, while no text field has the
/// keyboard and nothing is open over the page (Page Down and the arrows are the app's).
pub(super) fn keys(ui: &Ui, ws: &mut Workshop, count: usize, pending: &mut Outbox) {
    if ws.overlay != Overlay::None || ui.ctx().egui_wants_keyboard_input() {
        return;
    }
    let pressed = |k: Key| ui.input_mut(|i| i.consume_key(Modifiers::NONE, k));
    if pressed(Key::Home) {
        pending.push(Message::WorkshopGoTo(0));
    } else if pressed(Key::End) {
        pending.push(Message::WorkshopGoTo(count.saturating_sub(1)));
    } else if pressed(Key::G) {
        ws.overlay = Overlay::Pages(ws.page);
    } else if pressed(Key::E) {
        ws.overlay = Overlay::Agenda(0);
    } else if pressed(Key::B) {
        ws.overlay = Overlay::Room(RoomForm::default());
    } else if pressed(Key::A) {
        ws.overlay = Overlay::Room(RoomForm {
            action: true,
            ..RoomForm::default()
        });
    }
}

/// Up and Down move the chosen line of a list of `len`; gives whether Enter or Space was
/// pressed, and closes the list with Escape or `close`.
fn list_keys(ui: &Ui, row: &mut usize, len: usize, close: Key) -> (bool, bool) {
    if ui.ctx().egui_wants_keyboard_input() {
        return (false, false);
    }
    let pressed = |k: Key| ui.input_mut(|i| i.consume_key(Modifiers::NONE, k));
    if pressed(Key::ArrowDown) {
        *row = (*row + 1).min(len.saturating_sub(1));
    }
    if pressed(Key::ArrowUp) {
        *row = row.saturating_sub(1);
    }
    let chosen = pressed(Key::Enter) || pressed(Key::Space);
    let closed = pressed(Key::Escape) || pressed(close);
    (chosen, closed)
}

/// The page list: every page shown today, with its time block; Up/Down and Enter, or a click,
/// jump to one.
pub(super) fn page_list(
    ui: &mut Ui,
    project: &Project,
    (cycle, day): (usize, chrono::NaiveDate),
    ws: &mut Workshop,
    all: &[Page],
    pending: &mut Outbox,
) {
    let Some(c) = project.cycles.get(cycle) else {
        return;
    };
    let Overlay::Pages(mut row) = ws.overlay else {
        return;
    };
    let (chosen, closed) = list_keys(ui, &mut row, all.len(), Key::G);
    ui.label(RichText::new(t!("workshop.pages")).heading().strong());
    ui.weak(t!("workshop.pages_keys"));
    ui.add_space(8.0);
    let mut jump = chosen.then_some(row);
    for (k, page) in all.iter().enumerate() {
        let minutes = crate::state::minutes_of(project, cycle, day, *page);
        let mut line = format!("{}.  {}", k + 1, page_title(*page, c));
        if minutes > 0 {
            line.push_str(&format!("  —  {minutes} {}", t!("timer.min")));
        }
        if k == ws.page {
            line = format!("▶ {line}");
        }
        let r = ui.selectable_label(k == row, line);
        if k == row
            && (chosen
                || ui.input(|i| i.key_pressed(Key::ArrowDown) || i.key_pressed(Key::ArrowUp)))
        {
            r.scroll_to_me(None);
        }
        if r.clicked() {
            jump = Some(k);
        }
    }
    ws.overlay = Overlay::Pages(row);
    if let Some(k) = jump {
        pending.push(Message::WorkshopGoTo(k));
        ws.overlay = Overlay::None;
    } else if closed {
        ws.overlay = Overlay::None;
    }
}

/// A page of the agenda by its name on screen.
fn ref_title(r: PageRef, c: &Cycle) -> String {
    Page::from_ref(r, c).map_or_else(String::new, |p| page_title(p, c))
}

/// The agenda editor: the title page, today's pages in order, the pages left out, and
/// "Vandaag", each with its time block. Up/Down choose a row, Space puts it on the agenda or
/// takes it off, + and − change its minutes by five, Alt+Up/Down move it; a click on the
/// buttons does the same. Escape (or E) closes it. Changes go into the day's session (an edit
/// like any other: Ctrl+Z takes it back).
pub(super) fn editor(
    ui: &mut Ui,
    project: &mut Project,
    (cycle, day): (usize, chrono::NaiveDate),
    ws: &mut Workshop,
) {
    let Some(c) = project.cycles.get(cycle) else {
        return;
    };
    let Overlay::Agenda(mut row) = ws.overlay else {
        return;
    };
    let cycle_id = c.id;
    let agenda = project
        .workshop_on(cycle_id, day)
        .map(|w| w.agenda.clone())
        .unwrap_or_default();
    let rows = crate::state::editor_rows(c, &agenda);
    let names: Vec<String> = rows.iter().map(|(r, _)| ref_title(*r, c)).collect();
    let mut edit = None;
    // keys first: Alt+Up/Down move the chosen row, before Up/Down choose another
    let alt = |k: Key| ui.input_mut(|i| i.consume_key(Modifiers::ALT, k));
    if let Some((r, _)) = rows.get(row) {
        if alt(Key::ArrowUp) {
            edit = Some(AgendaEdit::Move(*r, -1));
            row = row.saturating_sub(1);
        } else if alt(Key::ArrowDown) {
            edit = Some(AgendaEdit::Move(*r, 1));
            row += 1;
        }
    }
    let was = row;
    let (toggle, closed) = list_keys(ui, &mut row, rows.len(), Key::E);
    // the chosen row stays in view as the keys move down a long agenda
    let moved = row != was;
    let plus = ui.input_mut(|i| {
        i.consume_key(Modifiers::NONE, Key::Plus)
            || i.consume_key(Modifiers::NONE, Key::Equals)
            || i.consume_key(Modifiers::SHIFT, Key::Equals)
    });
    let minus = ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Minus));
    if let Some((r, _)) = rows.get(row) {
        if toggle {
            edit = Some(AgendaEdit::Toggle(*r));
        } else if plus {
            edit = Some(AgendaEdit::Minutes(*r, 5));
        } else if minus {
            edit = Some(AgendaEdit::Minutes(*r, -5));
        }
    }
    ui.label(
        RichText::new(tf!("workshop.agenda_of", date = &fmt_date(day)))
            .heading()
            .strong(),
    );
    ui.add(egui::Label::new(RichText::new(t!("workshop.agenda_keys")).weak()).wrap());
    ui.add_space(8.0);
    for (k, ((r, block), name)) in rows.iter().zip(&names).enumerate() {
        let fixed = matches!(r, PageRef::Title | PageRef::Today);
        let on = fixed || block.is_some();
        let frame = egui::Frame::new().inner_margin(4.0).corner_radius(6.0);
        let frame = if k == row {
            frame.stroke(egui::Stroke::new(3.0, ui.visuals().selection.stroke.color))
        } else {
            frame
        };
        let shown = frame.show(ui, |ui| {
            ui.horizontal(|ui| {
                let mut ticked = on;
                let tick = ui.add_enabled(!fixed, egui::Checkbox::new(&mut ticked, ""));
                if tick.clicked() {
                    edit = Some(AgendaEdit::Toggle(*r));
                    row = k;
                }
                let text = if on {
                    RichText::new(name).strong()
                } else {
                    RichText::new(name).weak()
                };
                ui.add(egui::Label::new(text).truncate());
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if !fixed && block.is_some() {
                        if ui
                            .small_button("⬇")
                            .on_hover_text(t!("workshop.later"))
                            .clicked()
                        {
                            edit = Some(AgendaEdit::Move(*r, 1));
                        }
                        if ui
                            .small_button("⬆")
                            .on_hover_text(t!("workshop.earlier"))
                            .clicked()
                        {
                            edit = Some(AgendaEdit::Move(*r, -1));
                        }
                    }
                    if on {
                        if ui
                            .small_button("+")
                            .on_hover_text(t!("workshop.plus_five"))
                            .clicked()
                        {
                            edit = Some(AgendaEdit::Minutes(*r, 5));
                            row = k;
                        }
                        let minutes = block.as_ref().map_or(0, |b| b.minutes);
                        ui.label(format!("{minutes} {}", t!("timer.min")));
                        if ui
                            .small_button("−")
                            .on_hover_text(t!("workshop.minus_five"))
                            .clicked()
                        {
                            edit = Some(AgendaEdit::Minutes(*r, -5));
                            row = k;
                        }
                    }
                });
            });
        });
        if k == row && moved {
            shown.response.scroll_to_me(None);
        }
    }
    let total: u32 = agenda.iter().map(|b| b.minutes).sum();
    ui.add_space(6.0);
    ui.label(RichText::new(tf!("workshop.agenda_total", n = &total.to_string())).strong());
    if let Some(e) = edit {
        crate::state::edit_agenda(&mut project.workshop_on_mut(cycle_id, day).agenda, e);
    }
    ws.overlay = if closed {
        Overlay::None
    } else {
        Overlay::Agenda(row.min(rows.len().saturating_sub(1)))
    };
}
