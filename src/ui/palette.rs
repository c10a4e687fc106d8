//! The command palette (Ctrl+K): every command with its shortcut, found by typing part of its
//! name in either language. Up and Down choose, Enter runs, Escape closes. It falls out of the
//! one command list, so it is never out of date.

use crate::i18n::{Lang, t, t_in};
use crate::state::{AppState, Command};
use egui::{Key, Modal, RichText, TextEdit};

/// The commands whose name (in Dutch or English) contains every word of `query`, in the
/// palette's order; commands that need a document are left out without one.
pub fn matches(query: &str, has_doc: bool) -> Vec<Command> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    Command::ALL
        .into_iter()
        .filter(|c| has_doc || !c.needs_document())
        .filter(|c| {
            let names: Vec<String> = Lang::ALL
                .iter()
                .map(|l| t_in(c.label_key(), *l).to_lowercase())
                .collect();
            words
                .iter()
                .all(|w| names.iter().any(|n| n.contains(w.as_str())))
        })
        .collect()
}

pub fn show(app: &mut AppState, ctx: &egui::Context) {
    let Some(palette) = &mut app.palette else {
        return;
    };
    let found = matches(&palette.query, app.doc.is_some());
    let (up, down, enter) = ctx.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
            i.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
            i.consume_key(egui::Modifiers::NONE, Key::Enter),
        )
    });
    if down {
        palette.selected = (palette.selected + 1).min(found.len().saturating_sub(1));
    }
    if up {
        palette.selected = palette.selected.saturating_sub(1);
    }
    palette.selected = palette.selected.min(found.len().saturating_sub(1));
    let mut chosen = enter
        .then(|| found.get(palette.selected).copied())
        .flatten();
    let mut close = false;
    let response = Modal::new(egui::Id::unique("kompas-palette")).show(ctx, |ui| {
        ui.set_width(520.0_f32.min(ctx.content_rect().width() - 60.0));
        let l = ui.label(RichText::new(t("palette.title")).heading());
        let before = palette.query.clone();
        let field = ui
            .add(
                TextEdit::singleline(&mut palette.query)
                    .hint_text(t("palette.hint"))
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(l.id);
        if palette.query != before {
            palette.selected = 0;
        }
        field.request_focus();
        ui.add_space(6.0);
        if found.is_empty() {
            ui.weak(t("palette.none"));
        }
        egui::ScrollArea::vertical()
            .max_height(ctx.content_rect().height() * 0.55)
            .show(ui, |ui| {
                for (k, c) in found.iter().enumerate() {
                    let selected = k == palette.selected;
                    let mut button = egui::Button::selectable(selected, c.label())
                        .min_size(egui::vec2(ui.available_width(), 0.0));
                    if let Some(s) = c.shortcut_text(ui.ctx()) {
                        button = button.shortcut_text(s);
                    }
                    let r = ui.add(button);
                    if selected && (up || down) {
                        r.scroll_to_me(None);
                    }
                    if r.clicked() {
                        chosen = Some(*c);
                    }
                }
            });
        ui.add_space(4.0);
        ui.weak(t("palette.keys"));
    });
    if response.should_close() {
        close = true;
    }
    if let Some(c) = chosen {
        close = true;
        if c != Command::Palette {
            app.pending.push(c);
        }
    }
    if close {
        app.palette = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn found_by_part_of_the_name_in_either_language() {
        let nl = matches("opsla", true);
        assert!(nl.contains(&Command::Save) && nl.contains(&Command::SaveAs));
        let en = matches("save as", true);
        assert_eq!(en, vec![Command::SaveAs]);
        assert!(matches("", true).len() == Command::ALL.len());
        assert!(matches("qqqq", true).is_empty());
    }

    #[test]
    fn without_a_document_only_what_works_without_one() {
        let all = matches("", false);
        assert!(all.contains(&Command::Open) && all.contains(&Command::New));
        assert!(!all.contains(&Command::Save));
        assert!(!all.contains(&Command::ExportHtml));
    }
}
