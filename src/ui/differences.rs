//! *Bestand › Vergelijken met…*: what differs between the open project and another copy or an
//! older version, in words, grouped per part of the document, searchable; *Samenvoegen…* goes
//! on to the merge window. State in `state::differences`.

use crate::i18n::{t, tf};
use crate::state::differences::{Group, count};
use crate::state::{AppState, MergeMsg, Message};
use crate::ui::theme;
use egui::{Button, Label, Modal, RichText, ScrollArea, TextEdit, Ui};

/// At most this many lines are drawn (a large project may differ in thousands of places; the
/// search finds the others).
const MAX_LINES: usize = 400;

pub fn show(state: &mut AppState, ctx: &egui::Context) {
    let (Some(w), Some(doc)) = (&mut state.differences, &state.doc) else {
        return;
    };
    let screen = ctx.content_rect();
    let (mut close, mut merge, mut reverse) = (false, false, false);
    let response = Modal::new(egui::Id::unique("kompas-differences")).show(ctx, |ui| {
        ui.set_width((screen.width() - 80.0).min(860.0));
        ui.label(RichText::new(tf!("differences.title", file = &w.other_name)).heading());
        let legend = if w.reversed {
            tf!("differences.legend_reversed", file = &w.other_name)
        } else {
            tf!("differences.legend", file = &w.other_name)
        };
        ui.add(Label::new(RichText::new(legend).weak()).wrap());
        ui.add_space(6.0);
        let total = count(&w.groups);
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(t!("shared.search"));
            ui.add(TextEdit::singleline(&mut w.query).desired_width(240.0))
                .labelled_by(l.id);
            if ui.button(t!("differences.reverse")).clicked() {
                reverse = true;
            }
            ui.weak(tf!("differences.count", n = total));
        });
        ui.add_space(6.0);
        let shown = w.shown();
        if total == 0 {
            ui.label(t!("merge.no_differences"));
        } else if shown.is_empty() {
            ui.label(tf!("differences.none_found", query = w.query.trim()));
        } else {
            ScrollArea::vertical()
                .id_salt("differences-scroll")
                .max_height(screen.height() * 0.5)
                .auto_shrink([false, true])
                .show(ui, |ui| lines(ui, &shown));
        }
        ui.add_space(10.0);
        ui.horizontal_wrapped(|ui| {
            let b = Button::new(RichText::new(t!("dialog.merge")).strong());
            if ui.add_enabled(total > 0, b).clicked() {
                merge = true;
            }
            if ui.button(t!("dialog.close")).clicked() {
                close = true;
            }
        });
    });
    if reverse && let Err(e) = w.reverse(&doc.project) {
        log::error!("comparing the other way round failed: {e}");
    }
    if merge {
        // the app takes the window's version into the merge window
        state.pending.push(Message::Merge(MergeMsg::FromCompare));
    } else if close || response.should_close() {
        state.differences = None;
    }
}

/// The groups as a list: each heading, and its lines below it (at most [`MAX_LINES`]).
pub(super) fn lines(ui: &mut Ui, shown: &[(&str, Vec<&str>)]) {
    let mut left = MAX_LINES;
    for (title, lines) in shown {
        if left == 0 {
            ui.weak(t!("compare.more"));
            return;
        }
        ui.add_space(4.0);
        let heading = RichText::new(*title).strong().size(theme::size::ITEM);
        ui.add(Label::new(heading).wrap());
        for l in lines.iter().take(left) {
            ui.add(Label::new(format!("• {l}")).wrap());
        }
        if lines.len() > left {
            ui.weak(t!("compare.more"));
            return;
        }
        left -= lines.len();
    }
}

/// [`Group`]s as [`lines`] takes them.
pub(super) fn all(groups: &[Group]) -> Vec<(&str, Vec<&str>)> {
    groups
        .iter()
        .map(|g| {
            let lines = g.lines.iter().map(String::as_str).collect();
            (g.title.as_str(), lines)
        })
        .collect()
}
