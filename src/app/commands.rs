//! The one list of commands: menus, buttons, shortcuts and tests all go through it.

use super::View;
use crate::i18n::key;
use crate::i18n::{Lang, t};
use egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// An edit reached beyond the shown cycle (a removal took links out of every cycle): the
    /// next check compares the whole document.
    CheckWholeDocument,
    New,
    Open,
    OpenPath(PathBuf),
    OpenSample(usize),
    Save,
    /// Save over a file that changed on disk since it was opened.
    SaveOverwrite,
    SaveAs,
    CloseProject,
    Quit,
    Undo,
    Redo,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    SetLang(Lang),
    ToggleDark,
    ToggleGuidance,
    /// Asks first, saying what will be carried over.
    StartNextCycle,
    /// Starts the next cycle after the user saw what is carried over.
    StartNextCycleConfirmed,
    SelectCycle(usize),
    Show(View),
    NextStep,
    PreviousStep,
    /// Open the overview of a folder of region files.
    OpenOverview,
    /// Enter or leave workshop mode (presentation on the projector).
    ToggleWorkshop,
    /// Move through the workshop pages (+1 next, -1 previous).
    WorkshopPage(i32),
    /// Import measurements from a CSV file, for this indicator if given.
    ImportCsv(Option<crate::model::Id>),
    /// Export the cycle: HTML report, Markdown, or indicators and measurements as CSV.
    Export(crate::export::Format),
    /// Export after the user saw the privacy findings and chose to go on.
    ExportChecked(crate::export::Format),
    /// Copy an intervision session's general lessons to the clipboard.
    CopyLessons(crate::model::Id),
    /// Save an intervision session's general lessons as a text file.
    ExportLessons(crate::model::Id),
    /// The built-in guide (F1).
    Guide,
    /// The list of every shortcut.
    Shortcuts,
    About,
    /// Restore the work in a recovery file (after the open document was saved).
    Restore(super::recovery::Found),
    /// Offer again the recovery files set aside with "Niet nu".
    RecoverSetAside,
    /// An item was removed, with this much going with it: say so, with an "undo".
    Removed(crate::model::Removed),
}

const fn ctrl(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn ctrl_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

/// Shortcuts in the order they are checked: with Shift before without, since Ctrl+S also
/// matches when Shift is held.
pub const SHORTCUTS: [(KeyboardShortcut, Command); 12] = [
    (ctrl_shift(Key::S), Command::SaveAs),
    (ctrl_shift(Key::Z), Command::Redo),
    (ctrl(Key::Y), Command::Redo),
    (ctrl(Key::Z), Command::Undo),
    (ctrl(Key::N), Command::New),
    (ctrl(Key::O), Command::Open),
    (ctrl(Key::S), Command::Save),
    (ctrl(Key::Q), Command::Quit),
    (ctrl(Key::PageDown), Command::NextStep),
    (ctrl(Key::PageUp), Command::PreviousStep),
    (
        KeyboardShortcut::new(Modifiers::NONE, Key::F5),
        Command::ToggleWorkshop,
    ),
    (
        KeyboardShortcut::new(Modifiers::NONE, Key::F1),
        Command::Guide,
    ),
];

/// The keys of workshop mode, which act only while no text field has the keyboard: the
/// translation keys of the keys and of what they do.
pub const WORKSHOP_KEYS: [(crate::i18n::Key, crate::i18n::Key); 5] = [
    (key!("keys.next"), key!("keys.workshop_next")),
    (key!("keys.previous"), key!("keys.workshop_previous")),
    (key!("keys.esc"), key!("keys.workshop_leave")),
    (key!("keys.scores"), key!("keys.workshop_score")),
    (key!("keys.up_down"), key!("keys.workshop_choose")),
];

/// A shortcut as printed on the keys: `Ctrl +` rather than egui's `Ctrl+Plus`.
fn key_names(shortcut: &str) -> String {
    shortcut
        .replace("Plus", "+")
        .replace("Minus", "-")
        .replace("PageDown", "Page Down")
        .replace("PageUp", "Page Up")
}

/// Every shortcut with what it does, for Help › Shortcuts: generated from [`SHORTCUTS`], the
/// zoom keys and [`WORKSHOP_KEYS`], so the list is never out of date.
pub fn shortcut_list(ctx: &egui::Context) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = SHORTCUTS
        .iter()
        .map(|(s, c)| (key_names(&ctx.format_shortcut(s)), c.label()))
        .collect();
    for c in [Command::ZoomIn, Command::ZoomOut, Command::ZoomReset] {
        if let Some(s) = c.shortcut_text(ctx) {
            out.push((key_names(&s), c.label()));
        }
    }
    for (keys, what) in WORKSHOP_KEYS {
        out.push((
            t!(keys).to_owned(),
            format!("{}: {}", t!("cmd.workshop"), t!(what)),
        ));
    }
    out
}

impl Command {
    /// The shortcut shown in menus.
    pub fn shortcut_text(&self, ctx: &egui::Context) -> Option<String> {
        let text = match self {
            Self::ZoomIn => ctx.format_shortcut(&ctrl(Key::Plus)),
            Self::ZoomOut => ctx.format_shortcut(&ctrl(Key::Minus)),
            Self::ZoomReset => ctx.format_shortcut(&ctrl(Key::Num0)),
            _ => {
                let (s, _) = SHORTCUTS.iter().find(|(_, c)| c == self)?;
                ctx.format_shortcut(s)
            }
        };
        Some(text)
    }

    /// The menu label.
    pub fn label(&self) -> String {
        let key = match self {
            Self::New => key!("cmd.new"),
            Self::Open => key!("cmd.open"),
            Self::OpenPath(_) => key!("cmd.open"),
            Self::OpenSample(_) => key!("cmd.open_sample"),
            Self::Save | Self::SaveOverwrite => key!("cmd.save"),
            Self::SaveAs => key!("cmd.save_as"),
            Self::CloseProject => key!("cmd.close"),
            Self::Quit => key!("cmd.quit"),
            Self::Undo => key!("cmd.undo"),
            Self::Redo => key!("cmd.redo"),
            Self::ZoomIn => key!("cmd.zoom_in"),
            Self::ZoomOut => key!("cmd.zoom_out"),
            Self::ZoomReset => key!("cmd.zoom_reset"),
            Self::SetLang(_) => key!("cmd.language"),
            Self::ToggleDark => key!("cmd.dark"),
            Self::ToggleGuidance => key!("cmd.guidance"),
            Self::StartNextCycle | Self::StartNextCycleConfirmed => key!("cmd.next_cycle"),
            Self::SelectCycle(_) => key!("cmd.select_cycle"),
            Self::Show(_) => key!("cmd.show"),
            Self::NextStep => key!("cmd.next_step"),
            Self::PreviousStep => key!("cmd.previous_step"),
            Self::ToggleWorkshop => key!("cmd.workshop"),
            Self::OpenOverview => key!("overview.open"),
            Self::WorkshopPage(_) => key!("cmd.next_step"),
            Self::ImportCsv(_) => key!("cmd.import_csv"),
            Self::Export(f) | Self::ExportChecked(f) => match f {
                crate::export::Format::Html => key!("cmd.export_html"),
                crate::export::Format::Markdown => key!("cmd.export_md"),
                crate::export::Format::Csv => key!("cmd.export_csv"),
            },
            Self::CopyLessons(_) => key!("intervision.copy_lessons"),
            Self::ExportLessons(_) => key!("intervision.export_lessons"),
            Self::About => key!("cmd.about"),
            Self::Guide => key!("cmd.guide"),
            Self::Shortcuts => key!("cmd.shortcuts"),
            Self::CheckWholeDocument => key!("cmd.check_document"),
            Self::Restore(_) => key!("recover.restore"),
            Self::RecoverSetAside => key!("cmd.recover_set_aside"),
            Self::Removed(_) => key!("cmd.undo"),
        };
        t!(key).to_owned()
    }

    /// Commands that would throw away unsaved changes, and so ask first.
    pub fn replaces_document(&self) -> bool {
        matches!(
            self,
            Self::New
                | Self::Open
                | Self::OpenPath(_)
                | Self::OpenSample(_)
                | Self::CloseProject
                | Self::Quit
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_shortcuts_clash() {
        for (i, (a, ca)) in SHORTCUTS.iter().enumerate() {
            for (b, cb) in SHORTCUTS.iter().skip(i + 1) {
                assert!(
                    a != b,
                    "{ca:?} and {cb:?} share {}",
                    a.format(&egui::ModifierNames::NAMES, false)
                );
                assert!(ca != cb || ca == &Command::Redo, "{ca:?} has two shortcuts");
            }
        }
        // the workshop keys do not take a key of the command list
        let keys: Vec<Key> = SHORTCUTS.iter().map(|(s, _)| s.logical_key).collect();
        for k in [
            Key::PageDown,
            Key::PageUp,
            Key::Escape,
            Key::ArrowLeft,
            Key::ArrowRight,
        ] {
            assert!(
                !SHORTCUTS
                    .iter()
                    .any(|(s, _)| s.logical_key == k && s.modifiers == Modifiers::NONE),
                "{k:?} is a workshop key"
            );
        }
        assert!(keys.contains(&Key::F1) && keys.contains(&Key::F5));
    }
}
