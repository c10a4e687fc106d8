//! A decision or an action of the room, added from any page without leaving workshop mode:
//! what; for an action who (a partner, and the role of whoever there does it — never a name)
//! and by when. It lands in the meeting of today, made with the first one and linked from the
//! day's workshop. Enter adds (and the form stays for the next), Escape closes it.

use crate::i18n::{fmt_date, t, tf};
use crate::model::{Action, Project, TextItem};
use crate::state::{Overlay, RoomForm, Workshop};
use egui::{Panel, TextEdit, Ui};

/// Adds what the form holds to the day's meeting; gives whether something was added.
pub fn add(project: &mut Project, cycle: usize, day: chrono::NaiveDate, form: &RoomForm) -> bool {
    let what = form.what.trim();
    let Some(cycle_id) = project.cycles.get(cycle).map(|c| c.id) else {
        return false;
    };
    if what.is_empty() {
        return false;
    }
    let title = tf!("workshop.meeting_title", date = &fmt_date(day));
    let id = project.new_id();
    let m = project.workshop_meeting_mut(cycle_id, day, &title);
    if form.action {
        m.actions.push(Action {
            what: what.to_owned(),
            owner: form.partner,
            role: form.role.trim().to_owned(),
            due: form.due,
            ..Action::new(id)
        });
    } else {
        m.decisions.push(TextItem {
            id,
            text: what.to_owned(),
        });
    }
    true
}

/// The form, in a panel at the bottom of the page.
pub(super) fn form(
    ui: &mut Ui,
    project: &mut Project,
    (cycle, day): (usize, chrono::NaiveDate),
    ws: &mut Workshop,
) {
    let Overlay::Room(form) = &mut ws.overlay else {
        return;
    };
    let partners = crate::ui::steps::partner_options(project);
    let mut close = false;
    let mut added = false;
    Panel::bottom("workshop-room").show(ui, |ui| {
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            ui.selectable_value(
                &mut form.action,
                false,
                format!("✚ {}", t!("workshop.decision")),
            );
            ui.selectable_value(
                &mut form.action,
                true,
                format!("✚ {}", t!("workshop.action")),
            );
            ui.separator();
            let (decisions, actions) = today_counts(project, cycle, day);
            ui.weak(tf!(
                "workshop.room_today",
                decisions = &decisions.to_string(),
                actions = &actions.to_string()
            ));
        });
        let mut enter = false;
        let what = ui
            .horizontal(|ui| {
                let l = ui.label(t!("workshop.what"));
                let r = ui
                    .add(
                        TextEdit::singleline(&mut form.what)
                            .id_salt("workshop-room-what")
                            .desired_width(ui.available_width())
                            .hint_text(if form.action {
                                t!("workshop.action_what_hint")
                            } else {
                                t!("workshop.decision_what_hint")
                            }),
                    )
                    .labelled_by(l.id);
                enter |= r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                r
            })
            .inner;
        if form.action {
            ui.horizontal_wrapped(|ui| {
                crate::ui::widgets::single_pick(
                    ui,
                    t!("workshop.who"),
                    &partners,
                    &mut form.partner,
                    "workshop-room-who",
                );
                let l = ui.label(t!("workshop.role"));
                let r = ui
                    .add(
                        TextEdit::singleline(&mut form.role)
                            .id_salt("workshop-room-role")
                            .desired_width(220.0)
                            .hint_text(t!("workshop.role_hint")),
                    )
                    .labelled_by(l.id);
                enter |= r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                let l = ui.label(t!("workshop.due"));
                let r =
                    crate::ui::widgets::date_input(ui, l.id, &mut form.due, "workshop-room-due");
                enter |= r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            });
        }
        ui.horizontal(|ui| {
            if ui
                .button(format!("{} (Enter)", t!("workshop.add")))
                .clicked()
            {
                enter = true;
            }
            if ui
                .button(format!("{} (Esc)", t!("workshop.close")))
                .clicked()
            {
                close = true;
            }
        });
        if enter {
            added = add(project, cycle, day, form);
            if added {
                form.what.clear();
                form.role.clear();
            }
        }
        // the keyboard is in "what" when the form opens, and again after each addition
        let opened = ui
            .data(|d| d.get_temp::<bool>(what.id.with("open")))
            .is_none();
        if opened || added {
            what.request_focus();
        }
        ui.data_mut(|d| d.insert_temp(what.id.with("open"), true));
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            close = true;
        }
        if close {
            ui.data_mut(|d| d.remove_temp::<bool>(what.id.with("open")));
        }
        ui.add_space(4.0);
    });
    if close {
        ws.overlay = Overlay::None;
    }
}

/// The decisions and actions in the day's meeting so far.
fn today_counts(project: &Project, cycle: usize, day: chrono::NaiveDate) -> (usize, usize) {
    crate::state::session(project, cycle, day)
        .and_then(|w| w.meeting)
        .and_then(|id| project.meetings.iter().find(|m| m.id == id))
        .map_or((0, 0), |m| (m.decisions.len(), m.actions.len()))
}

/// A line about an action: what, who (organisation · role) and by when.
pub(super) fn action_line(project: &Project, a: &Action) -> String {
    let who: Vec<&str> = [
        a.owner.map(|o| project.partner_name(o)).unwrap_or_default(),
        a.role.trim(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect();
    let mut line = a.what.clone();
    if !who.is_empty() {
        line.push_str(&format!("  —  {}", who.join(" · ")));
    }
    if let Some(d) = a.due {
        line.push_str(&format!(
            "  ·  {}",
            tf!("workshop.due_on", date = &fmt_date(d))
        ));
    }
    line
}
