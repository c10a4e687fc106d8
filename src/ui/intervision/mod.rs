//! Intervision sessions: the case question, who took part, the rounds each with its own timer,
//! the tips (tagged to a step of the cycle, marked when taken up) and the general lessons,
//! which can be copied or exported as text for other regions.

mod papers;
pub mod projector;
mod tips;

use crate::i18n::key;
use crate::i18n::{Label, fmt_date, t, tf};
use crate::model::*;
use crate::state::{Message, Outbox, SessionMsg, Timer};
use crate::ui::steps::EditCtx;
use crate::ui::theme;
use crate::ui::theme::colour;
use crate::ui::widgets::*;
use egui::{RichText, TextEdit, Ui};

/// What the view needs besides the project.
pub struct Ctx<'a> {
    pub cycle: usize,
    pub timer: &'a mut Timer,
    pub now: f64,
    pub pending: &'a mut Outbox,
}

pub fn show(ui: &mut Ui, project: &mut Project, cx: Ctx) {
    let Ctx {
        cycle,
        timer,
        now,
        pending,
    } = cx;
    let cycle_id = project.cycles.get(cycle).map(|c| c.id);
    let mut ed = EditCtx::new(project);
    ui.add_space(8.0);
    ui.label(
        RichText::new(t!("intervision.title"))
            .size(theme::size::PAGE_TITLE)
            .strong(),
    );
    ui.weak(t!("intervision.intro"));
    ui.add_space(6.0);
    if timer.is_set() {
        crate::ui::timer::show(ui, timer, now, 28.0);
    }
    let partners: Vec<(Id, String)> = (project.partners.iter())
        .map(|p| (p.id, display_name(&p.name).to_owned()))
        .collect();
    let actions: Vec<(Id, String)> = (project.meetings.iter())
        .flat_map(|m| {
            m.actions
                .iter()
                .map(move |a| (a.id, display_name(&m.title).to_owned()))
        })
        .collect();
    let Project {
        intervisions, tips, ..
    } = project;
    CardList::new(ListTexts {
        kind: t!("intervision.kind"),
        add: t!("intervision.add"),
        empty: t!("intervision.empty"),
    })
    .on_add(|s: &mut IntervisionSession| s.date = Some(chrono::Local::now().date_naive()))
    .show(ui, &mut ed, intervisions, |ui, s, ed| {
        let cx = tips::TipCtx {
            partners: &partners,
            actions: &actions,
            cycle: cycle_id,
        };
        session_editor(ui, s, tips, &cx, timer, now, pending, ed);
    });
    ed.finish(ui, project, pending);
}

#[allow(clippy::too_many_arguments)]
fn session_editor(
    ui: &mut Ui,
    s: &mut IntervisionSession,
    tips: &mut Vec<Tip>,
    cx: &tips::TipCtx,
    timer: &mut Timer,
    now: f64,
    pending: &mut Outbox,
    ed: &mut EditCtx,
) {
    if ui
        .button(format!("📽 {}", t!("intervision.present")))
        .on_hover_text(t!("intervision.present_hint"))
        .clicked()
    {
        pending.push(Message::Session(SessionMsg::Present(s.id)));
    }
    form_grid(ui, ("session", s.id.0), |ui| {
        text_line(ui, t!("intervision.session_title"), &mut s.title);
        date_field(
            ui,
            t!("intervision.date"),
            &mut s.date,
            ("session-date", s.id.0),
        );
        text_area(ui, t!("intervision.case_question"), &mut s.case_question);
    });

    participants(ui, s, ed);

    ui.add_space(6.0);
    ui.label(RichText::new(t!("intervision.rounds")).strong());
    for (k, r) in s.rounds.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("{}. {}", k + 1, r.kind.label())).strong());
            let l = ui.label(t!("intervision.minutes"));
            ui.add(egui::DragValue::new(&mut r.minutes).range(1..=120))
                .labelled_by(l.id);
            let running_this = timer.round == Some((s.id, k)) && timer.is_set();
            let text = if running_this && timer.is_running() {
                format!("⏱ {}", timer.text(now))
            } else {
                format!("⏱ {}", t!("intervision.start_round"))
            };
            if ui.button(text).clicked() && !(running_this && timer.is_running()) {
                pending.push(Message::Session(SessionMsg::StartRound(s.id, k)));
            }
            let used = if running_this {
                timer.used_seconds(now)
            } else {
                r.used_seconds
            };
            if used > 0 {
                ui.weak(tf!(
                    "intervision.used",
                    used = &crate::report::minutes_text(used, crate::i18n::lang())
                ));
            }
            ui.checkbox(&mut r.done, t!("intervision.round_done"));
        });
        ui.add(
            TextEdit::multiline(&mut r.notes)
                .desired_rows(1)
                .desired_width(f32::INFINITY)
                .hint_text(t!(round_hint(r.kind))),
        )
        .on_hover_text(t!(round_hint(r.kind)));
    }

    tips::editor(ui, s, tips, cx, pending, ed);

    ui.add_space(6.0);
    ui.label(RichText::new(t!("intervision.lessons")).strong());
    ui.weak(t!("intervision.lessons_explain"));
    text_list(
        ui,
        ed,
        &mut s.lessons,
        ListTexts {
            kind: t!("intervision.lesson"),
            add: t!("intervision.lesson_add"),
            empty: t!("intervision.lessons_empty"),
        },
    );
    ui.horizontal(|ui| {
        if ui
            .button(format!("📋 {}", t!("intervision.copy_lessons")))
            .clicked()
        {
            pending.push(Message::CopyLessons(s.id));
        }
        if ui
            .button(format!("💾 {}", t!("intervision.export_lessons")))
            .clicked()
        {
            pending.push(Message::ExportLessons(s.id));
        }
        if ui
            .button(format!("➡ {}", t!("intervision.to_evaluation")))
            .on_hover_text(t!("intervision.to_evaluation_hint"))
            .clicked()
        {
            pending.push(Message::Session(SessionMsg::LessonsToEvaluation(s.id)));
        }
    });
    papers::row(ui, s.id, pending);
}

/// Who sits at the table: name, organisation or region, and a role chosen from the list or
/// typed.
fn participants(ui: &mut Ui, s: &mut IntervisionSession, ed: &mut EditCtx) {
    ui.add_space(6.0);
    ui.label(RichText::new(t!("intervision.participants")).strong());
    let mut remove = None;
    // fixed shares of the column's width (a grid would size the fields by their headings)
    let w = ui.available_width() - 90.0;
    let widths = [
        (w * 0.3).max(90.0),
        (w * 0.36).max(100.0),
        (w * 0.3).max(90.0),
    ];
    let row_h = ui.spacing().interact_size.y;
    let heads = ui
        .horizontal(|ui| {
            [
                t!("intervision.name"),
                t!("intervision.region"),
                t!("intervision.role"),
            ]
            .iter()
            .zip(widths)
            .map(|(h, w)| {
                ui.add_sized(
                    [w, row_h],
                    egui::Label::new(RichText::new(*h).weak()).truncate(),
                )
                .id
            })
            .collect::<Vec<_>>()
        })
        .inner;
    for (k, p) in s.participants.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            ui.add_sized([widths[0], row_h], TextEdit::singleline(&mut p.name))
                .labelled_by(heads[0]);
            ui.add_sized([widths[1], row_h], TextEdit::singleline(&mut p.region))
                .labelled_by(heads[1]);
            ui.add_sized([widths[2], row_h], TextEdit::singleline(&mut p.role))
                .labelled_by(heads[2]);
            ui.menu_button("⬇", |ui| {
                for role in ROLES {
                    if ui
                        .button(crate::report::role_in(role, crate::i18n::lang()))
                        .clicked()
                    {
                        p.role = role.to_owned();
                        ui.close();
                    }
                }
            })
            .response
            .on_hover_text(t!("intervision.choose_role"));
            if ui
                .small_button("🗑")
                .on_hover_text(t!("item.remove"))
                .clicked()
            {
                remove = Some(k);
            }
        });
    }
    if let Some(k) = remove {
        s.participants.remove(k);
    }
    if add_button(ui, t!("intervision.participant_add")) {
        s.participants.push(Participant {
            id: Some(ed.new_id()),
            ..Participant::default()
        });
    }
}

/// A choice of who gave a tip among the session's participants (by name on the screen); one
/// from an older file gets an id when it is chosen.
pub(crate) fn giver_choice(
    ui: &mut Ui,
    participants: &mut [Participant],
    new_id: &mut dyn FnMut() -> Id,
    value: &mut Option<Id>,
    salt: impl std::hash::Hash + std::fmt::Debug,
) {
    let described = |p: &Participant| {
        let text = p.described(true, &crate::report::role_in(&p.role, crate::i18n::lang()));
        if text.is_empty() {
            t!("field.none").to_owned()
        } else {
            text
        }
    };
    let current = value
        .and_then(|v| participants.iter().find(|p| p.id == Some(v)))
        .map_or(t!("field.none").to_owned(), described);
    let l = ui.label(t!("tip.given_by"));
    egui::ComboBox::from_id_salt(salt)
        .selected_text(current)
        .show_ui(ui, |ui| {
            if ui
                .selectable_label(value.is_none(), t!("field.none"))
                .clicked()
            {
                *value = None;
            }
            for p in participants.iter_mut() {
                let chosen = p.id.is_some() && *value == p.id;
                if ui.selectable_label(chosen, described(p)).clicked() {
                    let id = *p.id.get_or_insert_with(&mut *new_id);
                    *value = Some(id);
                }
            }
        })
        .response
        .labelled_by(l.id);
}

fn round_hint(kind: RoundKind) -> crate::i18n::Key {
    match kind {
        RoundKind::Presentation => key!("round.hint.presentation"),
        RoundKind::Questions => key!("round.hint.questions"),
        RoundKind::Analysis => key!("round.hint.analysis"),
        RoundKind::Advice => key!("round.hint.advice"),
        RoundKind::Reflection => key!("round.hint.reflection"),
        RoundKind::Lessons => key!("round.hint.lessons"),
    }
}

/// The tips for a step of a cycle, shown in that step's editor, where the case owner marks
/// which are taken up.
pub fn tips_box(ui: &mut Ui, project: &mut Project, cycle: usize, step: Step) {
    let Some(cycle_id) = project.cycles.get(cycle).map(|c| c.id) else {
        return;
    };
    let sessions: Vec<(Id, String)> = project
        .intervisions
        .iter()
        .map(|s| (s.id, s.title.clone()))
        .collect();
    let mut tips: Vec<&mut Tip> = project
        .tips
        .iter_mut()
        .filter(|tp| tp.cycle == Some(cycle_id) && tp.step == Some(step))
        .collect();
    if tips.is_empty() {
        return;
    }
    ui.add_space(8.0);
    egui::Frame::new()
        .fill(ui.visuals().faint_bg_color)
        .stroke(egui::Stroke::new(1.5, colour::reached()))
        .corner_radius(6.0)
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(format!("💡 {} ({})", t!("tips.title"), tips.len())).strong());
            for tip in &mut tips {
                ui.horizontal(|ui| {
                    ui.checkbox(&mut tip.taken_up, t!("tips.taken_up"));
                    ui.add(egui::Label::new(&tip.text).wrap());
                });
                let from = tip
                    .session
                    .and_then(|id| sessions.iter().find(|s| s.0 == id))
                    .map_or(t!("tips.from_workshop").to_owned(), |s| {
                        display_name(&s.1).to_owned()
                    });
                ui.weak(format!("    {from}"));
            }
        });
}

/// A session without a name yet shows as untitled, which opens its card.
impl CardItem for IntervisionSession {
    fn title(&self) -> String {
        match self.date {
            Some(d) if !self.title.is_empty() => format!("{}  ·  {}", fmt_date(d), self.title),
            _ => self.title.clone(),
        }
    }
}
