//! The tips of a session in its editor: the tip, the step it concerns, who gave it, when to
//! follow it up and by whom, what became of it, and "Maak er een actie van".

use crate::i18n::{Label, t, tf};
use crate::model::*;
use crate::state::{Message, Outbox, SessionMsg};
use crate::ui::steps::EditCtx;
use crate::ui::widgets::*;
use egui::{RichText, TextEdit, Ui};

/// What the tips need from the rest of the project.
pub struct TipCtx<'a> {
    /// The partners (for the follow-up owner).
    pub partners: &'a [(Id, String)],
    /// Every action with the title of its meeting.
    pub actions: &'a [(Id, String)],
    /// The cycle shown (a new tip is about it).
    pub cycle: Option<Id>,
}

pub fn editor(
    ui: &mut Ui,
    s: &mut IntervisionSession,
    tips: &mut Vec<Tip>,
    cx: &TipCtx,
    pending: &mut Outbox,
    ed: &mut EditCtx,
) {
    ui.add_space(6.0);
    ui.label(RichText::new(t!("intervision.tips")).strong());
    ui.weak(t!("intervision.tips_explain"));
    let mut remove_tip = None;
    let sid = s.id;
    for tip in tips.iter_mut().filter(|tp| tp.session == Some(sid)) {
        egui::Frame::new()
            .inner_margin(6.0)
            .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
            .corner_radius(6.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                one_tip(ui, s, tip, cx, pending, ed, &mut remove_tip);
            });
    }
    // through the project, like every removal: with an "undo", a double-click taken as one
    ed.apply(remove_tip.map(ListAction::Remove), tips);
    if add_button(ui, t!("intervision.tip_add")) {
        let mut tip = Tip::new(ed.new_id());
        tip.session = Some(s.id);
        tip.cycle = cx.cycle;
        tips.push(tip);
    }
}

fn one_tip(
    ui: &mut Ui,
    s: &mut IntervisionSession,
    tip: &mut Tip,
    cx: &TipCtx,
    pending: &mut Outbox,
    ed: &mut EditCtx,
    remove: &mut Option<Id>,
) {
    // the tip over the whole width, what it is about below it
    ui.horizontal(|ui| {
        let l = ui.label("💡");
        ui.add(
            TextEdit::multiline(&mut tip.text)
                .desired_rows(1)
                .desired_width(ui.available_width() - 40.0),
        )
        .labelled_by(l.id);
        if ui
            .small_button("🗑")
            .on_hover_text(t!("item.remove"))
            .clicked()
        {
            *remove = Some(tip.id);
        }
    });
    ui.horizontal_wrapped(|ui| {
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
        super::giver_choice(
            ui,
            &mut s.participants,
            &mut || ed.new_id(),
            &mut tip.given_by,
            ("tip-from", tip.id.0),
        );
        ui.checkbox(&mut tip.taken_up, t!("tips.taken_up"));
    });
    form_grid(ui, ("tip-follow", tip.id.0), |ui| {
        date_field(
            ui,
            t!("tip.follow_up"),
            &mut tip.follow_up,
            ("tip-follow-date", tip.id.0),
        );
        single_pick(
            ui,
            t!("tip.owner"),
            cx.partners,
            &mut tip.follow_up_owner,
            ("tip-owner", tip.id.0),
        );
        text_line(ui, t!("tip.outcome"), &mut tip.outcome);
    });
    let action = tip
        .action
        .and_then(|a| cx.actions.iter().find(|(id, _)| *id == a));
    match action {
        Some((_, meeting)) => {
            ui.weak(format!("✔ {}", tf!("tip.action_in", meeting = meeting)));
        }
        None => {
            let enabled = !tip.text.trim().is_empty();
            if ui
                .add_enabled(
                    enabled,
                    egui::Button::new(format!("➕ {}", t!("tip.to_action"))),
                )
                .on_hover_text(t!("tip.to_action_hint"))
                .clicked()
            {
                pending.push(Message::Session(SessionMsg::TipToAction(tip.id)));
            }
        }
    }
}
