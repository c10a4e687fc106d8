//! Scoring the working-factors scan live in a workshop, as a room does it: one partner at a
//! time, each statement with six large buttons under it (they never drift), keys 1–5 and ? for
//! the outlined statement (which then moves on to the next), ↑ and ↓ or a click on a statement
//! to choose, and a count of what is scored. A key scores only the statement that is outlined
//! and in view: arriving on the page or at another partner outlines the first statement that
//! partner has not scored, and a click on a score moves the outline on, so a key never lands
//! on a score given elsewhere. A score that was there already changes as one undo step and
//! says what it was. The page says which scan it fills: the first scan (after the analysis) or
//! the rescore (in the evaluation).

use crate::i18n::{Label, score_label, statement_text, t, tf};
use crate::model::*;
use crate::state::{LiveScan, Message, Outbox, ScoreChange};
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

/// "4", or "?" for no view.
fn score_text(s: Score) -> String {
    match s {
        Score::Value(v) => v.to_string(),
        Score::NoView => "?".to_owned(),
    }
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

/// Scores statement `i` of `codes` with `new` (`None` clears it). A statement with no score
/// yet is scored at once; a score that was there already is returned as (code, old, new), for
/// the app to change as one undo step.
fn score(
    response: &mut ScanResponse,
    codes: &[(Factor, &str)],
    i: usize,
    new: Option<Score>,
) -> Option<(String, Score, Option<Score>)> {
    let (_, code) = codes.get(i)?;
    match response.scores.get(*code).copied() {
        Some(old) if Some(old) != new => Some(((*code).to_owned(), old, new)),
        Some(_) => None,
        None => {
            if let Some(s) = new {
                response.scores.insert((*code).to_owned(), s);
            }
            None
        }
    }
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
    let last = codes.len().saturating_sub(1);
    // arriving on the page, or at another partner: the keys go to the first statement this
    // partner has not scored (none when all are), never to where they were elsewhere
    let here = (cycle, moment, response.partner);
    let pass = ui.ctx().cumulative_pass_nr();
    let arrived = live.shown != Some(here) || live.drawn.saturating_add(1) < pass;
    if arrived {
        live.focus = codes
            .iter()
            .position(|(_, code)| !response.scores.contains_key(*code));
        live.shown = Some(here);
        live.changed = None;
    }
    live.drawn = pass;
    live.focus = live.focus.map(|f| f.min(last));
    // a key scores only the statement that is outlined and in view; when it is out of view
    // the key first brings it back
    let in_view_id = egui::Id::unique(("live-scan-in-view", moment as u8));
    let in_view = !arrived && ui.data(|d| d.get_temp::<bool>(in_view_id)).unwrap_or(false);
    let action = key_action(ui);
    let before = response.scores.len();
    let mut moved = false;
    let mut changed = None;
    match action {
        Some(KeyAction::Score(s)) => match live.focus {
            Some(f) if in_view => {
                changed = score(response, &codes, f, Some(s));
                live.focus = Some((f + 1).min(last));
                moved = true;
            }
            Some(_) => moved = true,
            None => {}
        },
        Some(KeyAction::Next) => {
            live.focus = Some(live.focus.map_or(0, |f| (f + 1).min(last)));
            moved = true;
        }
        Some(KeyAction::Previous) => {
            live.focus = Some(live.focus.map_or(0, |f| f.saturating_sub(1)));
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
    let mut focused_in_view = false;
    let mut clicked: Option<(usize, Option<Score>)> = None;
    for (i, (f, code)) in codes.iter().enumerate() {
        if factor != Some(*f) {
            factor = Some(*f);
            ui.add_space(8.0);
            ui.label(RichText::new(f.label()).strong());
        }
        let focused = live.focus == Some(i);
        let frame = super::row_frame(ui, focused, 6.0);
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
                    let text = score_text(choice);
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
                        clicked = Some((i, (!selected).then_some(choice)));
                    }
                }
                // a score that was changed says what it was (Ctrl+Z brings it back)
                if let Some(ch) = &live.changed
                    && ch.code == *code
                    && ch.partner == response.partner
                    && current == ch.new
                {
                    ui.label(
                        RichText::new(tf!("live_scan.was", old = &score_text(ch.old)))
                            .strong()
                            .color(crate::ui::theme::colour::open()),
                    );
                }
            });
            label
        });
        if r.inner.clicked() {
            // a click on the statement chooses it for the keys
            live.focus = Some(i);
        }
        if focused {
            focused_in_view = ui.clip_rect().contains_rect(r.inner.rect);
            if moved {
                r.response.scroll_to_me(Some(egui::Align::Center));
            }
        }
    }
    if let Some((i, new)) = clicked {
        changed = changed.or(score(response, &codes, i, new));
        // the keys go on with the next statement, so the next key never scores this one
        // again (not scrolled to: nothing moves under the pointer because of a click); a
        // key before it is drawn outlined only brings it into view
        live.focus = Some((i + 1).min(last));
        focused_in_view = false;
    }
    ui.data_mut(|d| d.insert_temp(in_view_id, focused_in_view));
    if let Some((code, old, new)) = changed {
        let change = ScoreChange {
            cycle,
            moment,
            partner: response.partner,
            code,
            old,
            new,
        };
        live.changed = Some(change.clone());
        pending.push(Message::ChangeScore(Box::new(change)));
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
