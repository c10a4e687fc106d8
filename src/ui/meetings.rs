//! Meetings and actions: the yearly samenwerkingsagenda with its check, every action across
//! meetings (overdue ones marked, filtered by partner), and the meetings themselves.

use crate::i18n::key;
use crate::i18n::{Label, fmt_date, t, tf};
use crate::model::*;
use crate::ui::steps::{EditCtx, partner_options, table_options};
use crate::ui::theme;
use crate::ui::theme::colour;
use crate::ui::widgets::*;
use egui::{RichText, TextEdit, Ui};

pub fn show(ui: &mut Ui, project: &mut Project, pending: &mut crate::state::Outbox) {
    let partners = partner_options(project);
    let tables = table_options(project);
    let mut ed = EditCtx::new(project);
    ui.add_space(8.0);
    ui.label(
        RichText::new(t!("meetings.title"))
            .size(theme::size::PAGE_TITLE)
            .strong(),
    );
    ui.weak(t!("meetings.intro"));

    actions_overview(ui, project, &partners);
    agenda(ui, &mut project.agenda, &mut ed);

    section_heading(ui, t!("meetings.list"), t!("meetings.list_explain"));
    CardList::new(ListTexts {
        kind: t!("meeting.kind"),
        add: t!("meetings.add"),
        empty: t!("meetings.empty"),
    })
    .on_add(|m: &mut Meeting| m.date = Some(chrono::Local::now().date_naive()))
    .show(ui, &mut ed, &mut project.meetings, |ui, m, ed| {
        meeting_editor(ui, m, &partners, &tables, ed);
    });
    ed.finish(ui, project, pending);
}

fn meeting_editor(
    ui: &mut Ui,
    m: &mut Meeting,
    partners: &[(Id, String)],
    tables: &[(Id, String)],
    ed: &mut EditCtx,
) {
    form_grid(ui, ("meeting", m.id.0), |ui| {
        text_line(ui, t!("meeting.title"), &mut m.title);
        date_field(
            ui,
            t!("meeting.date"),
            &mut m.date,
            ("meeting-date", m.id.0),
        );
        single_pick(
            ui,
            t!("meeting.table"),
            tables,
            &mut m.table,
            ("meeting-table", m.id.0),
        );
    });
    ui.add_space(4.0);
    ui.label(RichText::new(t!("meeting.attendees")).strong());
    egui::Grid::new(("attendees", m.id.0))
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for (pid, name) in partners {
                let pos = m.attendees.iter().position(|a| a.partner == *pid);
                let mut present = pos.is_some();
                if ui.checkbox(&mut present, display_name(name)).changed() {
                    if present {
                        m.attendees.push(Attendee {
                            partner: *pid,
                            role: String::new(),
                        });
                    } else if let Some(k) = pos {
                        m.attendees.remove(k);
                    }
                }
                match m.attendees.iter_mut().find(|a| a.partner == *pid) {
                    Some(a) => {
                        ui.add(
                            TextEdit::singleline(&mut a.role)
                                .hint_text(t!("meeting.role_hint"))
                                .desired_width(260.0),
                        )
                        .on_hover_text(t!("meeting.role_hint"));
                    }
                    None => {
                        ui.label("");
                    }
                }
                ui.end_row();
            }
        });
    if partners.is_empty() {
        ui.weak(t!("scan.no_partners"));
    }
    ui.add_space(4.0);
    ui.label(RichText::new(t!("meeting.agenda")).strong());
    text_list(
        ui,
        ed,
        &mut m.agenda,
        ListTexts {
            kind: t!("meeting.agenda_item"),
            add: t!("meeting.agenda_add"),
            empty: t!("meeting.agenda_empty"),
        },
    );
    form_grid(ui, ("meeting-notes", m.id.0), |ui| {
        text_area(ui, t!("meeting.notes"), &mut m.notes);
    });
    ui.label(RichText::new(t!("meeting.decisions")).strong());
    text_list(
        ui,
        ed,
        &mut m.decisions,
        ListTexts {
            kind: t!("meeting.decision"),
            add: t!("meeting.decision_add"),
            empty: t!("meeting.decisions_empty"),
        },
    );
    ui.add_space(4.0);
    ui.label(RichText::new(t!("meeting.actions")).strong());
    let mut removed = None;
    for a in &mut m.actions {
        egui::Frame::new()
            .inner_margin(6.0)
            .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
            .corner_radius(6.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                form_grid(ui, ("action", a.id.0), |ui| {
                    text_line(ui, t!("action.what"), &mut a.what);
                    single_pick(
                        ui,
                        t!("action.owner"),
                        partners,
                        &mut a.owner,
                        ("action-owner", a.id.0),
                    );
                    date_field(ui, t!("action.due"), &mut a.due, ("action-due", a.id.0));
                    enum_combo(
                        ui,
                        t!("action.status"),
                        &mut a.status,
                        &ActionStatus::ALL,
                        ("action-status", a.id.0),
                    );
                });
                if ui
                    .small_button(format!("🗑 {}", t!("action.remove")))
                    .clicked()
                {
                    removed = Some(a.id);
                }
            });
    }
    ed.apply(removed.map(ListAction::Remove), &mut m.actions);
    if add_button(ui, t!("meeting.action_add")) {
        m.actions.push(Action::new(ed.new_id()));
    }
}

/// Every action of every meeting: the open ones first by due date, overdue ones marked.
fn actions_overview(ui: &mut Ui, project: &Project, partners: &[(Id, String)]) {
    section_heading(ui, t!("actions.title"), t!("actions.explain"));
    let filter_id = ui.make_persistent_id("actions-filter");
    let open_only_id = ui.make_persistent_id("actions-open-only");
    let mut filter: Option<Id> = ui.data(|d| d.get_temp(filter_id)).flatten();
    let mut open_only: bool = ui.data(|d| d.get_temp(open_only_id)).unwrap_or(true);
    ui.horizontal(|ui| {
        let l = ui.label(t!("actions.filter"));
        let shown = filter
            .and_then(|f| partners.iter().find(|p| p.0 == f))
            .map_or(t!("actions.all_partners"), |p| display_name(&p.1));
        egui::ComboBox::from_id_salt("actions-filter-combo")
            .selected_text(shown)
            .width(260.0)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter, None, t!("actions.all_partners"));
                for (id, name) in partners {
                    ui.selectable_value(&mut filter, Some(*id), display_name(name));
                }
            })
            .response
            .labelled_by(l.id);
        ui.checkbox(&mut open_only, t!("actions.open_only"));
    });
    ui.data_mut(|d| {
        d.insert_temp(filter_id, filter);
        d.insert_temp(open_only_id, open_only);
    });
    let today = chrono::Local::now().date_naive();
    let rows: Vec<(&Meeting, &Action)> = project
        .all_actions()
        .into_iter()
        .filter(|(_, a)| filter.is_none() || a.owner == filter)
        .filter(|(_, a)| !open_only || a.status.is_open())
        .collect();
    if rows.is_empty() {
        empty_state(ui, t!("actions.none"));
        return;
    }
    let overdue = rows.iter().filter(|(_, a)| a.is_overdue(today)).count();
    if overdue > 0 {
        ui.label(
            RichText::new(format!("⚠ {}", tf!("actions.overdue_count", n = overdue)))
                .color(colour::behind())
                .strong(),
        );
    }
    egui::Grid::new("actions-grid")
        .striped(true)
        .spacing([14.0, 6.0])
        .show(ui, |ui| {
            for key in [
                key!("action.what"),
                key!("action.owner"),
                key!("action.due"),
                key!("action.status"),
                key!("meeting.kind"),
            ] {
                ui.label(RichText::new(t!(key)).strong());
            }
            ui.end_row();
            for (m, a) in rows {
                let late = a.is_overdue(today);
                let color = if late { Some(colour::behind()) } else { None };
                let text = |s: String| match color {
                    Some(c) => RichText::new(s).color(c).strong(),
                    None => RichText::new(s),
                };
                // a fixed width, so long actions wrap by word and the columns keep their place
                let width = (ui.available_width() * 0.4).clamp(180.0, 340.0);
                ui.allocate_ui(egui::vec2(width, 0.0), |ui| {
                    ui.set_width(width);
                    ui.add(egui::Label::new(text(display_name(&a.what).to_owned())).wrap());
                });
                ui.label(text(
                    a.owner
                        .map(|p| project.partner_name(p).to_owned())
                        .unwrap_or_default(),
                ));
                let due = a.due.map(fmt_date).unwrap_or_default();
                if late {
                    ui.label(text(format!("{due}  ⚠ {}", t!("actions.overdue"))));
                } else {
                    ui.label(due);
                }
                ui.label(text(a.status.label().to_owned()));
                ui.weak(m.date.map(fmt_date).unwrap_or_else(|| m.title.clone()));
                ui.end_row();
            }
        });
}

/// The samenwerkingsagenda: its themes and the yearly checks.
fn agenda(ui: &mut Ui, agenda: &mut CollaborationAgenda, ed: &mut EditCtx) {
    section_heading(ui, t!("agenda.title"), t!("agenda.explain"));
    text_list(
        ui,
        ed,
        &mut agenda.themes,
        ListTexts {
            kind: t!("agenda.theme"),
            add: t!("agenda.theme_add"),
            empty: t!("agenda.themes_empty"),
        },
    );
    ui.add_space(6.0);
    ui.label(RichText::new(t!("agenda.checks")).strong());
    let mut removed = None;
    for c in agenda.checks.iter_mut().rev() {
        egui::Frame::group(ui.style())
            .inner_margin(8.0)
            .corner_radius(6.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                form_grid(ui, ("check", c.id.0), |ui| {
                    date_field(
                        ui,
                        t!("agenda.check_date"),
                        &mut c.date,
                        ("check-date", c.id.0),
                    );
                    let l = ui.label(t!("agenda.still_current"));
                    ui.horizontal(|ui| {
                        ui.selectable_value(&mut c.still_current, Some(true), t!("agenda.yes"))
                            .labelled_by(l.id);
                        ui.selectable_value(&mut c.still_current, Some(false), t!("agenda.no"))
                            .labelled_by(l.id);
                        ui.selectable_value(&mut c.still_current, None, t!("field.none"))
                            .labelled_by(l.id);
                    });
                    ui.end_row();
                    text_area(ui, t!("agenda.add"), &mut c.add);
                    text_area(ui, t!("agenda.drop"), &mut c.drop);
                    text_area(ui, t!("agenda.escalate"), &mut c.escalate);
                });
                if ui
                    .small_button(format!("🗑 {}", t!("agenda.check_remove")))
                    .clicked()
                {
                    removed = Some(c.id);
                }
            });
    }
    ed.apply(removed.map(ListAction::Remove), &mut agenda.checks);
    if agenda.checks.is_empty() {
        empty_state(ui, t!("agenda.checks_empty"));
    }
    if add_button(ui, t!("agenda.check_new")) {
        let mut check = AgendaCheck::new(ed.new_id());
        check.date = Some(chrono::Local::now().date_naive());
        agenda.checks.push(check);
    }
}

/// A meeting without a name yet shows as untitled, which opens its card.
impl CardItem for Meeting {
    fn title(&self) -> String {
        match self.date {
            Some(d) if !self.title.is_empty() => format!("{}  ·  {}", fmt_date(d), self.title),
            _ => self.title.clone(),
        }
    }
}
