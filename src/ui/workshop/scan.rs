//! Scoring the working-factors scan live in a workshop, as a room does it: one partner at a
//! time, each statement with six large buttons under it (they never drift), keys 1–5 and ? for
//! the chosen statement (which then moves on to the next), ↑ and ↓ to choose, and a count of
//! what is scored. The page says which scan it fills: the first scan (after the analysis) or
//! the rescore (in the evaluation).

use crate::i18n::{Label, score_label, statement_text, t, tf};
use crate::model::*;
use crate::state::{LiveScan, Outbox};
use crate::ui::steps::{EditCtx, partner_options};
use crate::ui::widgets::display_name;
use egui::{Key, Modifiers, RichText, Ui, vec2};

/// What a key pressed on the scan page asks for (only while no text field has the keyboard).
#[derive(Clone, Copy, Debug, PartialEq)]
enum KeyAction {
    Score(Score),
    Next,
    Previous,
}

fn key_action(ui: &Ui) -> Option<KeyAction> {
    if ui.ctx().egui_wants_keyboard_input() {
        return None;
    }
    ui.input_mut(|i| {
        let mut take =
            |k: Key| i.consume_key(Modifiers::NONE, k) || i.consume_key(Modifiers::SHIFT, k);
        for (k, n) in [
            (Key::Num1, 1),
            (Key::Num2, 2),
            (Key::Num3, 3),
            (Key::Num4, 4),
            (Key::Num5, 5),
        ] {
            if take(k) {
                return Some(KeyAction::Score(Score::Value(n)));
            }
        }
        if take(Key::Questionmark) || take(Key::Slash) {
            return Some(KeyAction::Score(Score::NoView));
        }
        if take(Key::ArrowDown) {
            return Some(KeyAction::Next);
        }
        if take(Key::ArrowUp) {
            return Some(KeyAction::Previous);
        }
        None
    })
}

pub fn page(
    ui: &mut Ui,
    project: &mut Project,
    cycle: usize,
    moment: ScanMoment,
    live: &mut LiveScan,
    pending: &mut Outbox,
) {
    let partners = partner_options(project);
    let cycle_names: Vec<String> = project.cycles.iter().map(|c| c.name.clone()).collect();
    let history = project.scan_history(cycle, moment);
    let Some(cycle_name) = project.cycles.get(cycle).map(|c| c.name.clone()) else {
        return;
    };
    let which = match moment {
        ScanMoment::Analysis => tf!("live_scan.first", cycle = &cycle_name),
        ScanMoment::Evaluation => tf!("live_scan.rescore", cycle = &cycle_name),
    };
    ui.label(RichText::new(which).strong());
    let mut ed = EditCtx::new(project);
    let Some(c) = project.cycles.get_mut(cycle) else {
        return;
    };
    let scan = c.scan_mut(moment);
    let name_of = |id: Id| {
        partners
            .iter()
            .find(|(p, _)| *p == id)
            .map_or(t!("item.untitled"), |(_, n)| display_name(n))
            .to_owned()
    };
    let total = all_statements().count();

    // who is scoring: one partner at a time
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(t!("live_scan.partner"));
        for r in &scan.responses {
            let text = format!("{}  ({}/{total})", name_of(r.partner), r.answered());
            if ui
                .add(egui::Button::selectable(
                    live.partner == Some(r.partner),
                    text,
                ))
                .clicked()
            {
                live.partner = Some(r.partner);
                live.focus = 0;
            }
        }
        let missing: Vec<&(Id, String)> = partners
            .iter()
            .filter(|(id, _)| scan.response_of(*id).is_none())
            .collect();
        if !missing.is_empty() {
            egui::ComboBox::from_id_salt(("live-scan-add", moment as u8))
                .selected_text(format!("➕ {}", t!("scan.add_partner")))
                .show_ui(ui, |ui| {
                    for (id, name) in missing {
                        if ui.selectable_label(false, display_name(name)).clicked() {
                            let rid = ed.new_id();
                            scan.responses.push(ScanResponse::new(rid, *id));
                            live.partner = Some(*id);
                            live.focus = 0;
                        }
                    }
                });
        }
    });
    if live.partner.is_none_or(|p| scan.response_of(p).is_none()) {
        live.partner = scan.responses.first().map(|r| r.partner);
    }
    let Some(response) = live
        .partner
        .and_then(|p| scan.responses.iter_mut().find(|r| r.partner == p))
    else {
        ui.add_space(8.0);
        ui.weak(t!("live_scan.choose_partner"));
        ed.finish(ui, project, pending);
        return;
    };

    let codes: Vec<(Factor, &str)> = all_statements().collect();
    live.focus = live.focus.min(codes.len().saturating_sub(1));
    let action = key_action(ui);
    let before = response.scores.len();
    let mut moved = false;
    match action {
        Some(KeyAction::Score(s)) => {
            if let Some((_, code)) = codes.get(live.focus) {
                response.scores.insert((*code).to_owned(), s);
            }
            live.focus = (live.focus + 1).min(codes.len().saturating_sub(1));
            moved = true;
        }
        Some(KeyAction::Next) => {
            live.focus = (live.focus + 1).min(codes.len().saturating_sub(1));
            moved = true;
        }
        Some(KeyAction::Previous) => {
            live.focus = live.focus.saturating_sub(1);
            moved = true;
        }
        None => {}
    }
    ui.add_space(4.0);
    ui.label(
        RichText::new(tf!(
            "live_scan.count",
            partner = &name_of(response.partner),
            n = &response.answered().to_string(),
            total = &total.to_string()
        ))
        .strong(),
    );
    ui.weak(t!("live_scan.keys"));

    let button = vec2(
        ui.text_style_height(&egui::TextStyle::Button) * 2.4,
        ui.text_style_height(&egui::TextStyle::Button) * 1.9,
    );
    let mut factor = None;
    for (i, (f, code)) in codes.iter().enumerate() {
        if factor != Some(*f) {
            factor = Some(*f);
            ui.add_space(8.0);
            ui.label(RichText::new(f.label()).strong());
        }
        let focused = i == live.focus;
        let frame = egui::Frame::new()
            .inner_margin(6.0)
            .corner_radius(6.0)
            .stroke(if focused {
                egui::Stroke::new(3.0, ui.visuals().selection.stroke.color)
            } else {
                egui::Stroke::NONE
            });
        let r = frame.show(ui, |ui| {
            ui.set_width(ui.available_width());
            let label = ui.add(
                egui::Label::new(statement_text(code))
                    .wrap()
                    .sense(egui::Sense::click()),
            );
            ui.horizontal(|ui| {
                let current = response.scores.get(*code).copied();
                for choice in Score::CHOICES {
                    let text = match choice {
                        Score::Value(v) => v.to_string(),
                        Score::NoView => "?".to_owned(),
                    };
                    let selected = current == Some(choice);
                    // framed also when not chosen, so the six targets are visible in the room
                    let b = ui
                        .add(
                            egui::Button::new(RichText::new(text).strong())
                                .selected(selected)
                                .min_size(button),
                        )
                        .labelled_by(label.id)
                        .on_hover_text(score_label(choice));
                    if b.clicked() {
                        if selected {
                            response.scores.remove(*code);
                        } else {
                            response.scores.insert((*code).to_owned(), choice);
                        }
                        live.focus = i;
                    }
                }
            });
            label
        });
        if r.inner.clicked() {
            live.focus = i;
        }
        if focused && moved {
            r.response.scroll_to_me(Some(egui::Align::Center));
        }
    }
    // a scan scored in the room is dated that day (unless it has a date already)
    if scan.date.is_none()
        && scan
            .responses
            .iter()
            .any(|r| r.partner == live.partner.unwrap_or(Id(u64::MAX)) && r.scores.len() != before)
    {
        scan.date = Some(chrono::Local::now().date_naive());
    }
    // what the scores add up to, against the national figures and the earlier scans
    ui.add_space(12.0);
    crate::ui::scan::results(
        ui,
        scan,
        &crate::ui::scan::Context {
            moment,
            partners: &partners,
            history: &history,
            cycle_names: &cycle_names,
        },
    );
    ed.finish(ui, project, pending);
}
