//! The command palette (Ctrl+K): every command with its shortcut, found by typing part of its
//! name in either language. Up and Down choose, Enter runs, Escape closes. It falls out of the
//! one command list, so it is never out of date.

use crate::i18n::{Lang, t};
use crate::state::{AppState, Command};
use egui::{Key, Modal, RichText, TextEdit};

/// How well `name` answers the words typed: 0 when it starts with them, 1 when each word
/// starts a word of the name, 2 when each is somewhere in it, 3 when the letters and digits typed
/// are there with other spaces; `None` when one is missing.
fn score(name: &str, query: &str, words: &[String]) -> Option<u8> {
    let name = name.to_lowercase();
    if !words.iter().all(|w| name.contains(w.as_str())) {
        // "stap2" for "stap 2", "zoomin" for "zoom in": letters and digits alone
        let compact = |t: &str| -> String { t.chars().filter(|c| c.is_alphanumeric()).collect() };
        let typed = compact(query);
        return (!typed.is_empty() && compact(&name).contains(&typed)).then_some(3);
    }
    if name.starts_with(query) {
        return Some(0);
    }
    let starts: Vec<&str> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words
        .iter()
        .all(|w| starts.iter().any(|s| s.starts_with(w.as_str())))
    {
        Some(1)
    } else {
        Some(2)
    }
}

/// The commands whose name, in Dutch or in English, holds every word of `query`, best first
/// (a name that starts with what was typed, then names whose words start with it), else in the
/// palette's order; commands that need a document are left out without one.
pub fn matches(query: &str, has_doc: bool) -> Vec<Command> {
    let query = query.trim().to_lowercase();
    let words: Vec<String> = query.split_whitespace().map(str::to_owned).collect();
    let mut found: Vec<(u8, Command)> = Command::ALL
        .into_iter()
        .filter(|c| has_doc || !c.needs_document())
        .filter_map(|c| {
            Lang::ALL
                .iter()
                .filter_map(|l| score(t!(*l, c.label_key()), &query, &words))
                .min()
                .map(|s| (s, c))
        })
        .collect();
    found.sort_by_key(|(s, _)| *s);
    found.into_iter().map(|(_, c)| c).collect()
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
        let l = ui.label(RichText::new(t!("palette.title")).heading());
        let before = palette.query.clone();
        let field = ui
            .add(
                TextEdit::singleline(&mut palette.query)
                    .hint_text(t!("palette.hint"))
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(l.id);
        if palette.query != before {
            palette.selected = 0;
        }
        field.request_focus();
        ui.add_space(6.0);
        if found.is_empty() {
            ui.weak(t!("palette.none"));
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
        ui.weak(t!("palette.keys"));
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
    fn a_name_that_starts_with_what_was_typed_comes_first() {
        // "Regio-overzicht" holds "over" too, and comes earlier in the list
        assert_eq!(matches("over", true).first(), Some(&Command::About));
        assert_eq!(matches("about", true).first(), Some(&Command::About));
        // every word starting a word of the name beats a word found inside one
        let found = matches("next", true);
        assert!(found.contains(&Command::NextStep));
        assert_eq!(matches("opslaan als", true).first(), Some(&Command::SaveAs));
        // typed without the space
        assert_eq!(
            matches("stap2", true).first(),
            Some(&Command::ShowAmbitions)
        );
    }

    #[test]
    fn without_a_document_only_what_works_without_one() {
        let all = matches("", false);
        assert!(all.contains(&Command::Open) && all.contains(&Command::New));
        assert!(!all.contains(&Command::Save));
        assert!(!all.contains(&Command::ExportHtml));
    }
}
