//! The projector view of an intervision session: the round now (its name and what it asks and
//! forbids), the case question and who brings it, a timer the back row reads, and a tip field
//! whose tips are linked to this session and the step chosen. Page Down / Up go to the next
//! or previous round (going on marks the round done); Escape leaves.

use crate::i18n::key;
use crate::i18n::{Label, t, tf};
use crate::model::*;
use crate::state::{AppState, IntervisionShow, Message, SessionMsg, Timer};
use crate::ui::theme::colour;
use crate::ui::widgets::display_name;
use egui::{Panel, RichText, TextStyle, Ui};

/// What a round asks and forbids: the translation keys of its "do" and "don't".
pub fn rule(kind: RoundKind) -> (crate::i18n::Key, crate::i18n::Key) {
    match kind {
        RoundKind::Presentation => (key!("rule.do.presentation"), key!("rule.dont.presentation")),
        RoundKind::Questions => (key!("rule.do.questions"), key!("rule.dont.questions")),
        RoundKind::Analysis => (key!("rule.do.analysis"), key!("rule.dont.analysis")),
        RoundKind::Advice => (key!("rule.do.advice"), key!("rule.dont.advice")),
        RoundKind::Reflection => (key!("rule.do.reflection"), key!("rule.dont.reflection")),
        RoundKind::Lessons => (key!("rule.do.lessons"), key!("rule.dont.lessons")),
    }
}

/// Draws the projector view over the whole window.
pub fn show(app: &mut AppState, ui: &mut Ui) {
    let now = ui.input(|i| i.time);
    let AppState {
        doc,
        pending,
        prefs,
        presenting,
        timer,
        ..
    } = app;
    let (Some(doc), Some(show)) = (doc, presenting) else {
        return;
    };
    let cycle_id = doc.project.cycles.get(doc.cycle).map(|c| c.id);
    let region = doc.project.region.name.clone();
    let Some(s) = doc.project.session(show.session).cloned() else {
        pending.push(Message::Session(SessionMsg::Leave));
        return;
    };
    show.round = show.round.min(s.rounds.len().saturating_sub(1));
    crate::ui::workshop::projector_style(ui, prefs.dark);
    let send = |pending: &mut crate::state::Outbox, m| pending.push(Message::Session(m));

    Panel::top("present-top").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            let title = if s.title.trim().is_empty() {
                display_name(&region).to_owned()
            } else {
                format!("{}  ·  {}", display_name(&region), s.title.trim())
            };
            // whole, on a second line when it must (the toolbar keeps its place)
            ui.scope(|ui| {
                ui.set_max_width((ui.available_width() - 520.0).max(120.0));
                ui.add(egui::Label::new(RichText::new(&title).strong()).wrap());
            });
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button("✖ Esc")
                    .on_hover_text(t!("present.leave"))
                    .clicked()
                {
                    send(pending, SessionMsg::Leave);
                }
                ui.separator();
                let last = show.round + 1 >= s.rounds.len();
                if ui
                    .add_enabled(
                        !last,
                        egui::Button::new(format!("{} »", t!("present.next"))),
                    )
                    .clicked()
                {
                    send(pending, SessionMsg::Round(1));
                }
                ui.label(tf!(
                    "present.round_of",
                    n = &(show.round + 1).to_string(),
                    total = &s.rounds.len().to_string()
                ));
                if ui
                    .add_enabled(show.round > 0, egui::Button::new("«"))
                    .on_hover_text(t!("present.previous"))
                    .clicked()
                {
                    send(pending, SessionMsg::Round(-1));
                }
            });
        });
        ui.add_space(4.0);
    });

    Panel::bottom("present-tip").show(ui, |ui| {
        ui.add_space(4.0);
        tip_row(ui, &mut doc.project, show, cycle_id);
        ui.add_space(4.0);
    });

    egui::CentralPanel::default_margins().show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("present-round")
            .auto_shrink(false)
            .show(ui, |ui| {
                let Some(r) = s.rounds.get(show.round) else {
                    return;
                };
                ui.add_space(4.0);
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(format!("{}. {}", show.round + 1, r.kind.label()))
                            .heading()
                            .strong(),
                    );
                    if r.done {
                        ui.label(
                            RichText::new(format!("✔ {}", t!("intervision.round_done")))
                                .color(colour::reached())
                                .strong(),
                        );
                    }
                });
                round_strip(ui, &s.rounds, show.round, pending);
                ui.add_space(6.0);
                let (yes, no) = rule(r.kind);
                rule_line(ui, "✔", t!("present.do"), t!(yes), colour::reached());
                rule_line(ui, "✖", t!("present.dont"), t!(no), colour::time_up());
                ui.add_space(10.0);
                round_timer(ui, timer, now, (s.id, show.round, r), pending);
                ui.add_space(10.0);
                let small = ui.style().text_styles[&TextStyle::Small].clone();
                ui.label(
                    RichText::new(t!("present.case_question"))
                        .font(small.clone())
                        .weak(),
                );
                let big = ui.style().text_styles[&TextStyle::Body].size * 1.25;
                if s.case_question.trim().is_empty() {
                    ui.weak(t!("paper.no_question"));
                } else {
                    let q = RichText::new(s.case_question.trim()).size(big).strong();
                    ui.add(egui::Label::new(q).wrap());
                }
                if let Some(owner) = s.case_owner() {
                    ui.add_space(6.0);
                    ui.label(RichText::new(t!("present.case_owner")).font(small).weak());
                    ui.label(owner_text(owner));
                }
            });
    });
}

/// The case owner as the room sees them: their name (this is the room, not an export) and
/// organisation.
fn owner_text(p: &Participant) -> String {
    [p.name.trim(), p.region.trim()]
        .into_iter()
        .filter(|x| !x.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// What the round asks or forbids, a size above the body text.
fn rule_line(ui: &mut Ui, icon: &str, word: &str, text: &str, color: egui::Color32) {
    let size = ui.style().text_styles[&TextStyle::Body].size * 1.15;
    ui.horizontal_top(|ui| {
        ui.label(
            RichText::new(format!("{icon} {word}:"))
                .size(size)
                .strong()
                .color(color),
        );
        ui.add(egui::Label::new(RichText::new(text).size(size)).wrap());
    });
}

/// Every round in a row, the one now outlined and the done ones ticked: where the session is.
/// A click goes to that round (as the next and previous buttons do).
fn round_strip(ui: &mut Ui, rounds: &[Round], now: usize, pending: &mut crate::state::Outbox) {
    let small = ui.style().text_styles[&TextStyle::Small].clone();
    ui.horizontal_wrapped(|ui| {
        for (k, r) in rounds.iter().enumerate() {
            let mark = if r.done { "✔ " } else { "" };
            let text =
                RichText::new(format!("{mark}{}. {}", k + 1, r.kind.label())).font(small.clone());
            let text = if k == now { text.strong() } else { text };
            if ui.add(egui::Button::selectable(k == now, text)).clicked() && k != now {
                let delta = k as i32 - now as i32;
                pending.push(Message::Session(SessionMsg::Round(delta)));
            }
        }
    });
}

/// The round's timer in large digits: the app's countdown when it times this round, else the
/// time the round has left as the file keeps it, with a button to start it.
fn round_timer(
    ui: &mut Ui,
    timer: &mut Timer,
    now: f64,
    (session, k, r): (Id, usize, &Round),
    pending: &mut crate::state::Outbox,
) {
    let size = crate::ui::workshop::scaled(ui, 88.0);
    let mine = timer.round == Some((session, k)) && timer.is_set();
    let (text, finished, running) = if mine {
        (timer.text(now), timer.is_finished(now), timer.is_running())
    } else {
        let left = (r.minutes * 60).saturating_sub(r.used_seconds);
        (
            format!("{}:{:02}", left / 60, left % 60),
            left == 0 && r.minutes > 0,
            false,
        )
    };
    let over = if mine { timer.overtime(now) } else { 10.0 };
    // at zero: the panel turns red and back each second for ten seconds, then stays outlined
    let flash = finished && over < 10.0 && (over.floor() as i64) % 2 == 0;
    if finished && over < 10.0 {
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(100));
    } else if running {
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(250));
    }
    let (fill, fg) = if flash {
        (colour::time_up(), egui::Color32::WHITE)
    } else if finished {
        (ui.visuals().faint_bg_color, colour::time_up())
    } else {
        (
            ui.visuals().faint_bg_color,
            ui.visuals().strong_text_color(),
        )
    };
    let outline = if finished {
        egui::Stroke::new(4.0, colour::time_up())
    } else {
        egui::Stroke::NONE
    };
    egui::Frame::new()
        .fill(fill)
        .stroke(outline)
        .corner_radius(8.0)
        .inner_margin(egui::Margin::symmetric(16, 6))
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(format!("⏱ {text}"))
                        .size(size)
                        .strong()
                        .color(fg),
                )
                .on_hover_text(r.kind.label());
                ui.vertical(|ui| {
                    if finished {
                        let body = ui.style().text_styles[&TextStyle::Body].size;
                        ui.label(
                            RichText::new(t!("timer.up"))
                                .size(body * 1.4)
                                .strong()
                                .color(fg),
                        );
                    }
                    ui.horizontal(|ui| {
                        if running {
                            if ui.button(t!("timer.pause")).clicked() {
                                timer.pause(now);
                            }
                        } else {
                            let label =
                                if r.used_seconds > 0 || (mine && timer.used_seconds(now) > 0) {
                                    t!("present.go_on")
                                } else {
                                    t!("present.start")
                                };
                            if ui.button(format!("▶ {label}")).clicked() {
                                pending.push(Message::Session(SessionMsg::StartRound(session, k)));
                            }
                        }
                        if mine
                            && ui
                                .small_button("+1")
                                .on_hover_text(t!("timer.plus"))
                                .clicked()
                        {
                            timer.add_minutes(1.0);
                        }
                    });
                    let used = if mine {
                        timer.used_seconds(now)
                    } else {
                        r.used_seconds
                    };
                    let text = tf!(
                        "intervision.used",
                        used = &crate::report::minutes_text(used, crate::i18n::lang())
                    );
                    // on the red of the flash in the digits' colour, else quiet
                    if flash {
                        ui.label(RichText::new(text).color(fg));
                    } else {
                        ui.weak(text);
                    }
                });
            });
        });
}

/// The tip field: a tip of the group, linked to this session, the step chosen and (if chosen)
/// the participant who gave it.
fn tip_row(ui: &mut Ui, project: &mut Project, show: &mut IntervisionShow, cycle: Option<Id>) {
    let count = project
        .tips
        .iter()
        .filter(|x| x.session == Some(show.session))
        .count();
    ui.horizontal_wrapped(|ui| {
        let step_label = ui.label(t!("present.step"));
        egui::ComboBox::from_id_salt("present-tip-step")
            .selected_text(show.tip_step.map_or(t!("field.none"), |x| x.label()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut show.tip_step, None, t!("field.none"));
                for step in Step::ALL {
                    ui.selectable_value(&mut show.tip_step, Some(step), step.label());
                }
            })
            .response
            .labelled_by(step_label.id);
        let ids = &mut project.ids;
        if let Some(s) = project
            .intervisions
            .iter_mut()
            .find(|s| s.id == show.session)
        {
            let mut new_id = || ids.next_id();
            super::giver_choice(
                ui,
                &mut s.participants,
                &mut new_id,
                &mut show.tip_from,
                "present-tip-from",
            );
        }
        ui.weak(tf!("present.tips_count", n = count));
    });
    ui.horizontal(|ui| {
        let l = ui.label(format!("💡 {}", t!("present.tip")));
        let (clicked, field) = ui
            .with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let clicked = ui.button(t!("present.add")).clicked();
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut show.tip)
                            .id_salt("present-tip")
                            .desired_width(ui.available_width())
                            .hint_text(t!("present.tip_hint")),
                    )
                    .labelled_by(l.id);
                (clicked, field)
            })
            .inner;
        let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let added = (clicked || enter) && !show.tip.trim().is_empty();
        crate::ui::workshop::keep_typing(ui, &field, added);
        if added {
            let id = project.new_id();
            project.tips.push(Tip {
                text: show.tip.trim().to_owned(),
                session: Some(show.session),
                cycle,
                step: show.tip_step,
                given_by: show.tip_from,
                ..Tip::new(id)
            });
            show.tip.clear();
        }
    });
}
