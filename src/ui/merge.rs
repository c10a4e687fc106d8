//! The merge window: which common version was used, what comes in without a question, and per
//! conflict the two versions side by side with a choice (or all one way); nothing changes until
//! *Samenvoegen*, which the app applies as one undo step. Also the notice above the editor's
//! page that offers a conflict copy found beside the file, or conflicts still waiting.
//! State in `state::merge`.

use super::differences;
use crate::i18n::{t, tf};
use crate::model::Project;
use crate::model::merge::Side;
use crate::state::differences::count;
use crate::state::merge::{Base, Source, when_text};
use crate::state::{AppState, CopyOffer, MergeMsg, MergeWindow, Message, Outbox, file_name};
use crate::ui::theme;
use egui::{Button, Label, Modal, RichText, ScrollArea, Ui};

enum Outcome {
    Open,
    Cancel,
    Apply,
}

pub fn show(state: &mut AppState, ctx: &egui::Context) {
    let (Some(w), Some(_)) = (&mut state.merge, &state.doc) else {
        return;
    };
    let height = ctx.content_rect().height();
    let width = ctx.content_rect().width();
    let mut outcome = Outcome::Open;
    let response = Modal::new(egui::Id::unique("kompas-merge")).show(ctx, |ui| {
        ui.set_width((width - 80.0).min(860.0));
        let title = match w.source {
            Source::Pending => t!("merge.title_pending").to_owned(),
            Source::Disk { .. } => t!("merge.title_disk").to_owned(),
            _ => tf!("merge.title", file = &w.other_name),
        };
        ui.label(RichText::new(title).heading());
        ui.add(Label::new(RichText::new(base_text(&w.base)).weak()).wrap());
        if let Some(region) = &w.other_region {
            let text = tf!("merge.other_region", file = &w.other_name, region = region);
            ui.add(
                Label::new(RichText::new(format!("⚠ {text}")).color(ui.visuals().warn_fg_color))
                    .wrap(),
            );
        }
        ui.add_space(6.0);
        came_in(ui, w, height);
        ui.add_space(6.0);
        conflicts(ui, w, height);
        ui.add_space(10.0);
        ui.horizontal_wrapped(|ui| {
            let undecided = w.undecided();
            let apply = Button::new(RichText::new(t!("merge.apply")).strong());
            if ui.add_enabled(undecided == 0, apply).clicked() {
                outcome = Outcome::Apply;
            }
            if ui.button(t!("dialog.cancel")).clicked() {
                outcome = Outcome::Cancel;
            }
            if undecided > 0 {
                ui.weak(tf!("merge.undecided", n = undecided));
            }
        });
    });
    if response.should_close() && matches!(outcome, Outcome::Open) {
        outcome = Outcome::Cancel;
    }
    match outcome {
        Outcome::Open => {}
        Outcome::Cancel => state.merge = None,
        // applied by the app after this pass; the window closes there
        Outcome::Apply => state.pending.push(Message::Merge(MergeMsg::Apply)),
    }
}

/// Which common version the two were compared with.
fn base_text(base: &Base) -> String {
    match base {
        Base::Backup(when) => {
            let when = when.map_or_else(|| "—".to_owned(), when_text);
            tf!("merge.base_backup", when = &when)
        }
        Base::LastRead => t!("merge.base_last_read").to_owned(),
        Base::None => t!("merge.base_none").to_owned(),
        Base::Earlier => t!("merge.base_earlier").to_owned(),
    }
}

/// What comes in without a question: the counts, and the changes line by line (folded while
/// there are conflicts to choose, so those stay in view).
fn came_in(ui: &mut Ui, w: &MergeWindow, height: f32) {
    if matches!(w.source, Source::Pending) {
        return;
    }
    let n = count(&w.changes);
    if n == 0 && w.conflicts.is_empty() {
        ui.label(t!("merge.same"));
        return;
    }
    let s = w.summary;
    ui.label(tf!(
        "merge.came_in",
        added = s.added,
        changed = s.changed,
        removed = s.removed
    ));
    if n == 0 {
        return;
    }
    let max = if w.conflicts.is_empty() { 0.45 } else { 0.2 };
    egui::CollapsingHeader::new(tf!("merge.changes", n = n))
        .id_salt("merge-changes")
        .default_open(w.conflicts.is_empty())
        .show(ui, |ui| {
            ScrollArea::vertical()
                .id_salt("merge-changes-scroll")
                .max_height(height * max)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    differences::lines(ui, &differences::all(&w.changes))
                });
        });
}

/// Per conflict: where, and the two versions side by side, each a choice.
fn conflicts(ui: &mut Ui, w: &mut MergeWindow, height: f32) {
    if w.conflicts.is_empty() {
        if !matches!(w.source, Source::Pending) {
            ui.label(t!("merge.no_conflicts"));
        }
        return;
    }
    ui.label(
        RichText::new(tf!("merge.choose", n = w.conflicts.len()))
            .strong()
            .size(theme::size::ITEM),
    );
    ui.horizontal_wrapped(|ui| {
        if ui.button(t!("merge.all_yours")).clicked() {
            w.choose_all(Side::Ours);
        }
        if ui.button(t!("merge.all_theirs")).clicked() {
            w.choose_all(Side::Theirs);
        }
    });
    ui.add_space(4.0);
    let other = w.other_name.clone();
    ScrollArea::vertical()
        .id_salt("merge-conflicts")
        .max_height(height * 0.4)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (words, choice) in w.words.iter().zip(w.choices.iter_mut()) {
                ui.separator();
                ui.add(Label::new(RichText::new(&words.place).strong()).wrap());
                ui.columns(2, |cols| {
                    let ours = format!("{}: {}", t!("merge.yours"), words.ours);
                    if cols[0].radio(*choice == Some(Side::Ours), ours).clicked() {
                        *choice = Some(Side::Ours);
                    }
                    let theirs = format!("{other}: {}", words.theirs);
                    if cols[1]
                        .radio(*choice == Some(Side::Theirs), theirs)
                        .clicked()
                    {
                        *choice = Some(Side::Theirs);
                    }
                });
            }
        });
}

/// Above the editor's page: a conflict copy a sync service left beside the file (merge it, or
/// not now), and the conflicts a merge outside the window left, while they wait for a choice.
/// Drawn in the central panel, so the stepper keeps its height.
pub fn offers(
    ui: &mut Ui,
    project: &Project,
    copies: &mut Vec<CopyOffer>,
    window_open: bool,
    pending: &mut Outbox,
) {
    let conflicts = project.merge_conflicts.len();
    let ask_conflicts = conflicts > 0 && !window_open;
    if copies.is_empty() && !ask_conflicts {
        return;
    }
    let warn = ui.visuals().warn_fg_color;
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(1.5, warn))
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            if let Some(first) = copies.first().cloned() {
                let when = first.modified.map_or_else(|| "—".to_owned(), when_text);
                let name = file_name(&first.path);
                let text = tf!("merge.copy_offer", file = &name, when = &when);
                ui.add(Label::new(format!("⚠ {text}")).wrap());
                ui.horizontal_wrapped(|ui| {
                    if ui
                        .button(RichText::new(t!("dialog.merge")).strong())
                        .clicked()
                    {
                        pending.push(Message::Merge(MergeMsg::Copy(first.path.clone())));
                    }
                    if ui.button(t!("recover.later")).clicked() {
                        copies.clear();
                    }
                    if copies.len() > 1 {
                        ui.weak(tf!("merge.copy_more", n = copies.len() - 1));
                    }
                });
            }
            if ask_conflicts {
                let text = tf!("merge.pending_bar", n = conflicts);
                ui.add(Label::new(format!("⚠ {text}")).wrap());
                if ui
                    .button(RichText::new(t!("merge.choose_now")).strong())
                    .clicked()
                {
                    pending.push(Message::Merge(MergeMsg::ResolvePending));
                }
            }
        });
    ui.add_space(8.0);
}
