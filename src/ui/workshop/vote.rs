//! Prioritising together: dot-voting on the cycle's signals, problems and bottlenecks (and
//! what the room adds on the page). Every participant has a number of dots; the facilitator
//! counts them per item with − and + (or ↑ ↓ to choose a line, 1–9 to jump to one, + and −
//! to count); the total is given, and the sorted result beside it, whose items go into the
//! cycle's ambitions or the samenwerkingsagenda with one click. The lines keep their place
//! while counting (nothing moves under the pointer); only the result is sorted.
//!
//! What is counted goes to the day's `WorkshopSession` (made with the first count): an item of
//! the analysis is taken in with its words of that moment once it gets a dot.

use super::{keep_typing, scaled, section};
use crate::i18n::{Label, key, t, tf};
use crate::model::*;
use crate::state::VoteScreen;
use egui::{Key, Modifiers, RichText, Ui};

/// One line on the page: an item of the analysis (counted or not yet) or one of the vote's.
struct Line {
    source: VoteSource,
    text: String,
    count: u32,
    /// Its place among the vote's items, once it is one.
    stored: Option<usize>,
}

/// What the analysis offers to vote on, in its order: signals, problems, the common
/// bottlenecks checked, the region's own bottlenecks.
fn offered(c: &Cycle) -> Vec<(VoteSource, String)> {
    let a = &c.analysis;
    let mut v: Vec<(VoteSource, String)> = Vec::new();
    v.extend(
        a.signals
            .iter()
            .map(|s| (VoteSource::Signal(s.id), s.text.clone())),
    );
    v.extend(
        a.problems
            .iter()
            .map(|p| (VoteSource::Problem(p.id), p.text.clone())),
    );
    v.extend((a.bottlenecks.iter()).map(|b| (VoteSource::Bottleneck(*b), b.label().to_owned())));
    v.extend((a.own_bottlenecks.iter()).map(|b| (VoteSource::OwnBottleneck(b.id), b.text.clone())));
    v.retain(|(_, text)| !text.trim().is_empty());
    v
}

/// The lines: what the analysis offers (with its count when it has one), then the vote's
/// other items (typed here, or whose source has gone) in the order they were added.
fn lines(c: &Cycle, vote: Option<&DotVote>) -> Vec<Line> {
    let items: &[VoteItem] = vote.map_or(&[], |v| &v.items);
    let mut out: Vec<Line> = offered(c)
        .into_iter()
        .map(|(source, text)| {
            let stored = items.iter().position(|i| i.source == source);
            Line {
                source,
                text: stored.map_or(text, |k| items[k].text.clone()),
                count: stored.map_or(0, |k| items[k].count),
                stored,
            }
        })
        .collect();
    for (k, item) in items.iter().enumerate() {
        if !out.iter().any(|l| l.stored == Some(k)) {
            out.push(Line {
                source: item.source,
                text: item.text.clone(),
                count: item.count,
                stored: Some(k),
            });
        }
    }
    out
}

/// A source's kind, in words.
fn kind_word(source: VoteSource) -> &'static str {
    match source {
        VoteSource::Own => t!("vote.kind_own"),
        VoteSource::Signal(_) => t!("vote.kind_signal"),
        VoteSource::Problem(_) => t!("vote.kind_problem"),
        VoteSource::OwnBottleneck(_) | VoteSource::Bottleneck(_) => t!("vote.kind_bottleneck"),
    }
}

/// A key pressed on the page (only while no text field has the keyboard).
enum KeyAction {
    Select(usize),
    Step(i32),
    Count(i32),
}

fn key_action(ui: &Ui) -> Option<KeyAction> {
    if ui.ctx().egui_wants_keyboard_input() {
        return None;
    }
    ui.input_mut(|i| {
        let mut take =
            |k: Key| i.consume_key(Modifiers::NONE, k) || i.consume_key(Modifiers::SHIFT, k);
        if take(Key::ArrowDown) {
            return Some(KeyAction::Step(1));
        }
        if take(Key::ArrowUp) {
            return Some(KeyAction::Step(-1));
        }
        if take(Key::Plus) || take(Key::Equals) {
            return Some(KeyAction::Count(1));
        }
        if take(Key::Minus) {
            return Some(KeyAction::Count(-1));
        }
        let digits = [
            Key::Num1,
            Key::Num2,
            Key::Num3,
            Key::Num4,
            Key::Num5,
            Key::Num6,
            Key::Num7,
            Key::Num8,
            Key::Num9,
        ];
        (digits.iter().position(|k| take(*k))).map(KeyAction::Select)
    })
}

/// Sets the count of `line`, making it one of the day's vote items when it is not yet.
fn set_count(project: &mut Project, cycle: Id, line: &Line, count: u32) {
    let today = chrono::Local::now().date_naive();
    if line.stored.is_none() && count == 0 {
        return;
    }
    // an id only for an item that is new (taking one marks the document changed)
    let id = line.stored.is_none().then(|| project.new_id());
    let vote = &mut project.workshop_on_mut(cycle, today).vote;
    match (line.stored.and_then(|k| vote.items.get_mut(k)), id) {
        (Some(item), _) => item.count = count,
        (None, Some(id)) => vote.items.push(VoteItem {
            id,
            source: line.source,
            text: line.text.clone(),
            count,
        }),
        (None, None) => {}
    }
}

fn same(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

pub(super) fn page(ui: &mut Ui, project: &mut Project, cycle: usize, screen: &mut VoteScreen) {
    let today = chrono::Local::now().date_naive();
    let Some(c) = project.cycles.get(cycle) else {
        return;
    };
    let cycle_id = c.id;
    let vote = project.workshop_on(cycle_id, today).map(|w| &w.vote);
    let dots = vote.map_or(DotVote::default().dots, |v| v.dots);
    let lines = lines(c, vote);
    let total: u32 = lines.iter().map(|l| l.count).sum();

    // dots per participant, and how many were given
    let mut new_dots = dots;
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(t!("vote.dots"));
        if ui.button("−").labelled_by(l.id).clicked() {
            new_dots = dots.saturating_sub(1).max(1);
        }
        ui.label(
            RichText::new(dots.to_string())
                .strong()
                .size(scaled(ui, 30.0)),
        );
        if ui.button("+").labelled_by(l.id).clicked() {
            new_dots = (dots + 1).min(20);
        }
        ui.add_space(16.0);
        ui.label(RichText::new(tf!("vote.total", n = total)).strong());
        if total > 0 && dots > 0 {
            ui.weak(tf!("vote.voters", n = total.div_ceil(dots)));
        }
    });
    if new_dots != dots {
        project.workshop_on_mut(cycle_id, today).vote.dots = new_dots;
    }
    ui.weak(t!("vote.keys"));
    ui.add_space(4.0);

    if lines.is_empty() {
        ui.weak(t!("vote.empty"));
    }
    let n = lines.len();
    screen.selected = screen.selected.filter(|k| *k < n);
    let mut moved = std::mem::take(&mut screen.reveal);
    let mut change: Option<(usize, u32)> = None;
    match key_action(ui) {
        Some(KeyAction::Select(k)) if k < n => {
            screen.selected = Some(k);
            moved = true;
        }
        Some(KeyAction::Step(d)) if n > 0 => {
            let k = screen
                .selected
                .map_or(0, |k| (k as i32 + d).clamp(0, n as i32 - 1) as usize);
            screen.selected = Some(k);
            moved = true;
        }
        Some(KeyAction::Count(d)) => {
            if let Some(k) = screen.selected {
                change = Some((k, lines[k].count.saturating_add_signed(d)));
            }
        }
        _ => {}
    }

    let wide = ui.available_width() >= 820.0;
    let mut take: Option<(bool, String)> = None;
    let mut counting = |ui: &mut Ui| {
        let button = egui::vec2(ui.text_style_height(&egui::TextStyle::Button) * 1.6, 0.0);
        for (k, line) in lines.iter().enumerate() {
            let chosen = screen.selected == Some(k);
            let frame = super::row_frame(ui, chosen, 4.0);
            let r = frame.show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    let minus = ui.add(egui::Button::new("−").min_size(button));
                    ui.add_sized(
                        [button.x, ui.spacing().interact_size.y],
                        egui::Label::new(
                            RichText::new(line.count.to_string())
                                .strong()
                                .size(scaled(ui, 28.0)),
                        ),
                    );
                    let plus = ui.add(egui::Button::new("+").min_size(button));
                    let number = if k < 9 {
                        format!("{}. ", k + 1)
                    } else {
                        String::new()
                    };
                    let text = format!("{number}{}", line.text);
                    let label = ui.add(egui::Label::new(text).wrap().sense(egui::Sense::click()));
                    let label = label.on_hover_text(kind_word(line.source));
                    if minus.clicked() {
                        change = Some((k, line.count.saturating_sub(1)));
                    }
                    if plus.clicked() {
                        change = Some((k, line.count + 1));
                    }
                    (minus.clicked() || plus.clicked() || label.clicked()).then_some(k)
                })
                .inner
            });
            if let Some(k) = r.inner {
                screen.selected = Some(k);
            }
            if chosen && moved {
                r.response.scroll_to_me(Some(egui::Align::Center));
            }
        }
    };
    let mut result = |ui: &mut Ui| {
        section(ui, t!("vote.result"));
        let mut ranked: Vec<&Line> = lines.iter().filter(|l| l.count > 0).collect();
        ranked.sort_by_key(|l| std::cmp::Reverse(l.count));
        if ranked.is_empty() {
            ui.weak(t!("vote.no_result"));
        }
        let c = &project.cycles[cycle];
        for (place, line) in ranked.iter().enumerate() {
            let text = format!("{}. {}  ({})", place + 1, line.text, line.count);
            let mut rich = RichText::new(text);
            if place < 3 {
                rich = rich.strong();
            }
            ui.add(egui::Label::new(rich).wrap());
            ui.horizontal_wrapped(|ui| {
                let in_ambitions = c.ambitions.iter().any(|a| same(&a.title, &line.text));
                let in_agenda = (project.agenda.themes.iter()).any(|t| same(&t.text, &line.text));
                for (ambition, done, key, done_key) in [
                    (
                        true,
                        in_ambitions,
                        key!("vote.to_ambition"),
                        key!("vote.in_ambitions"),
                    ),
                    (
                        false,
                        in_agenda,
                        key!("vote.to_agenda"),
                        key!("vote.in_agenda"),
                    ),
                ] {
                    if done {
                        ui.weak(format!("✔ {}", t!(done_key)));
                    } else if ui.button(format!("➕ {}", t!(key))).clicked() {
                        take = Some((ambition, line.text.clone()));
                    }
                }
            });
        }
    };
    if wide {
        // the lines scroll on their own, so the result beside them stays in view
        let room = ui.clip_rect().bottom() - ui.cursor().top();
        // less the section's title above them and the own item's label and field below
        let title = ui.text_style_height(&egui::TextStyle::Body) * 1.15 + 8.0;
        let below = ui.spacing().interact_size.y * 2.0 + ui.spacing().item_spacing.y * 4.0 + 16.0;
        let height =
            (room - title - below - ui.text_style_height(&egui::TextStyle::Body)).max(240.0);
        ui.columns(2, |cols| {
            section(&mut cols[0], t!("vote.items"));
            egui::ScrollArea::vertical()
                .id_salt("workshop-vote-lines")
                .max_height(height)
                .auto_shrink([false, true])
                .show(&mut cols[0], |ui| counting(ui));
            cols[1].with_layout(egui::Layout::top_down(egui::Align::Min), |ui| result(ui));
        });
    } else {
        section(ui, t!("vote.items"));
        counting(ui);
        ui.add_space(8.0);
        result(ui);
    }
    if let Some((k, count)) = change
        && let Some(line) = lines.get(k)
    {
        set_count(project, cycle_id, line, count);
    }
    if let Some((ambition, text)) = take {
        let id = project.new_id();
        if ambition {
            if let Some(c) = project.cycles.get_mut(cycle) {
                c.ambitions.push(Ambition {
                    title: text,
                    ..Ambition::new(id)
                });
            }
        } else {
            project.agenda.themes.push(TextItem { id, text });
        }
    }

    // an item of the room's own
    ui.add_space(8.0);
    let l = ui.label(t!("vote.own"));
    let field = ui
        .horizontal(|ui| {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let clicked = ui.button(t!("workshop.add")).clicked();
                let r = ui
                    .add(
                        egui::TextEdit::singleline(&mut screen.draft)
                            .id_salt("workshop-vote-own")
                            .desired_width(ui.available_width()),
                    )
                    .labelled_by(l.id);
                let enter = r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                (r, clicked || enter)
            })
            .inner
        })
        .inner;
    let added = field.1 && !screen.draft.trim().is_empty();
    keep_typing(ui, &field.0, added);
    if added {
        let id = project.new_id();
        let text = screen.draft.trim().to_owned();
        (project.workshop_on_mut(cycle_id, today).vote.items).push(VoteItem {
            id,
            source: VoteSource::Own,
            text,
            count: 0,
        });
        screen.draft.clear();
        // the new line is chosen and shown
        screen.selected = Some(n);
        screen.reveal = true;
    }
}
