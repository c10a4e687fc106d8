//! Intervision sessions: the case question, who took part, the rounds each with its own timer,
//! the tips (tagged to a step of the cycle, marked when taken up) and the general lessons,
//! which can be copied or exported as text for other regions.

use crate::i18n::key;
use crate::i18n::{Label, fmt_date, t};
use crate::model::*;
use crate::state::{Message, Outbox, Timer};
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
        session_editor(ui, s, tips, cycle_id, timer, now, pending, ed);
    });
    ed.finish(ui, project, pending);
}

#[allow(clippy::too_many_arguments)]
fn session_editor(
    ui: &mut Ui,
    s: &mut IntervisionSession,
    tips: &mut Vec<Tip>,
    cycle: Option<Id>,
    timer: &mut Timer,
    now: f64,
    pending: &mut Outbox,
    ed: &mut EditCtx,
) {
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

    ui.add_space(6.0);
    ui.label(RichText::new(t!("intervision.participants")).strong());
    let mut remove_participant = None;
    // fixed shares of the column's width (a grid would size the fields by their headings)
    let w = ui.available_width();
    let (w_region, w_role) = ((w * 0.46).max(120.0), (w * 0.40).max(110.0));
    let row_h = ui.spacing().interact_size.y;
    let (h_region, h_role) = ui
        .horizontal(|ui| {
            let a = ui.add_sized(
                [w_region, row_h],
                egui::Label::new(RichText::new(t!("intervision.region")).weak()),
            );
            let b = ui.add_sized(
                [w_role, row_h],
                egui::Label::new(RichText::new(t!("intervision.role")).weak()),
            );
            (a, b)
        })
        .inner;
    for (k, p) in s.participants.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            ui.add_sized([w_region, row_h], TextEdit::singleline(&mut p.region))
                .labelled_by(h_region.id);
            ui.add_sized([w_role, row_h], TextEdit::singleline(&mut p.role))
                .labelled_by(h_role.id);
            if ui
                .small_button("🗑")
                .on_hover_text(t!("item.remove"))
                .clicked()
            {
                remove_participant = Some(k);
            }
        });
    }
    if let Some(k) = remove_participant {
        s.participants.remove(k);
    }
    if add_button(ui, t!("intervision.participant_add")) {
        s.participants.push(Participant::default());
    }

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
                timer.set(r.kind.label(), f64::from(r.minutes));
                timer.round = Some((s.id, k));
                timer.start(now);
            }
        });
        ui.add(
            TextEdit::multiline(&mut r.notes)
                .desired_rows(1)
                .desired_width(f32::INFINITY)
                .hint_text(t!(round_hint(r.kind))),
        )
        .on_hover_text(t!(round_hint(r.kind)));
    }

    ui.add_space(6.0);
    ui.label(RichText::new(t!("intervision.tips")).strong());
    ui.weak(t!("intervision.tips_explain"));
    let mut remove_tip = None;
    for tip in tips.iter_mut().filter(|tp| tp.session == Some(s.id)) {
        // the tip over the whole width, what it is about below it
        ui.horizontal(|ui| {
            let l = ui.label("💡");
            ui.add(
                TextEdit::multiline(&mut tip.text)
                    .desired_rows(1)
                    .desired_width(ui.available_width()),
            )
            .labelled_by(l.id);
        });
        ui.horizontal_wrapped(|ui| {
            ui.add_space(24.0);
            let step_label = ui.label(t!("intervision.step"));
            egui::ComboBox::from_id_salt(("tip-step", tip.id.0))
                .selected_text(tip.step.map_or(t!("field.none"), |x| x.label()))
                .width(170.0)
                .show_ui(ui, |ui| {
                    for step in Step::ALL {
                        ui.selectable_value(&mut tip.step, Some(step), step.label());
                    }
                })
                .response
                .labelled_by(step_label.id)
                .on_hover_text(t!("intervision.tip_step"));
            ui.checkbox(&mut tip.taken_up, t!("tips.taken_up"));
            if ui
                .small_button("🗑")
                .on_hover_text(t!("item.remove"))
                .clicked()
            {
                remove_tip = Some(tip.id);
            }
        });
    }
    // through the project, like every removal: with an "undo", a double-click taken as one
    ed.apply(remove_tip.map(ListAction::Remove), tips);
    if add_button(ui, t!("intervision.tip_add")) {
        let mut tip = Tip::new(ed.new_id());
        tip.session = Some(s.id);
        tip.cycle = cycle;
        tips.push(tip);
    }

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
    });
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
