//! What a user can ask for by name: [`Command`], in a menu, by a shortcut or in the command
//! palette. No payload; each has a label and its shortcuts in one exhaustive match, so a new
//! command cannot be forgotten in the palette, the menus' shortcut texts or Help › Shortcuts
//! (`tests/commands.rs` holds [`Command::ALL`] to every variant). What the screens send with a
//! payload is a [`super::Message`].

use super::View;
use crate::i18n::key;
use crate::i18n::t;
use egui::{Key, KeyboardShortcut, Modifiers};

/// A command a user can give by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    New,
    Open,
    Save,
    SaveAs,
    /// Merge another copy of the region's file into the open one (conflicts asked).
    MergeWith,
    /// What differs between the open project and another copy or an older version.
    CompareWith,
    CloseProject,
    Quit,
    Undo,
    Redo,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    Dutch,
    English,
    ToggleDark,
    ToggleGuidance,
    /// Asks first, saying what will be carried over.
    StartNextCycle,
    NextStep,
    PreviousStep,
    ShowRegion,
    ShowAnalysis,
    ShowAmbitions,
    ShowOutcomes,
    ShowInterventions,
    ShowEvaluation,
    ShowDashboard,
    ShowChain,
    ShowMeetings,
    ShowIntervision,
    /// Open the overview of a folder of region files.
    OpenOverview,
    /// Enter or leave workshop mode (presentation on the projector).
    ToggleWorkshop,
    WorkshopNext,
    WorkshopPrevious,
    /// Show an intervision session on the projector (the one with the latest date), or leave.
    PresentIntervision,
    /// Import measurements from a CSV or spreadsheet file (the indicator chosen in the dialog).
    ImportCsv,
    /// Import the support analysis per school from a CSV or spreadsheet file.
    ImportSupport,
    ExportHtml,
    ExportMarkdown,
    /// The report as a Word document.
    ExportDocx,
    ExportCsv,
    /// The figures as an Excel workbook.
    ExportXlsx,
    /// The results chain as a picture.
    ExportChainSvg,
    ExportChainPng,
    /// The region's lessons and interventions as a file for other regions.
    ShareLessons,
    /// Take in the lessons and interventions another region shared.
    TakeInLessons,
    /// The built-in guide (F1).
    Guide,
    /// The list of every shortcut.
    Shortcuts,
    /// Every command, searchable by name (Ctrl+K).
    Palette,
    About,
    /// Offer again the recovery files set aside with "Niet nu".
    RecoverSetAside,
}

const fn ctrl(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn ctrl_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

/// The keys of workshop mode, which act only while no text field has the keyboard: the
/// translation keys of the keys and of what they do.
pub const WORKSHOP_KEYS: [(crate::i18n::Key, crate::i18n::Key); 11] = [
    (key!("keys.next"), key!("keys.workshop_next")),
    (key!("keys.previous"), key!("keys.workshop_previous")),
    (key!("keys.home_end"), key!("keys.workshop_first_last")),
    (key!("keys.g"), key!("keys.workshop_pages")),
    (key!("keys.e"), key!("keys.workshop_agenda")),
    (key!("keys.b_a"), key!("keys.workshop_room")),
    (key!("keys.esc"), key!("keys.workshop_leave")),
    (key!("keys.scores"), key!("keys.workshop_score")),
    (key!("keys.up_down"), key!("keys.workshop_choose")),
    (key!("keys.plus_minus"), key!("keys.workshop_vote")),
    (key!("keys.park"), key!("keys.workshop_park")),
];

impl Command {
    /// Every command, in the order of the palette.
    pub const ALL: [Command; 51] = [
        Command::New,
        Command::Open,
        Command::Save,
        Command::SaveAs,
        Command::MergeWith,
        Command::CompareWith,
        Command::CloseProject,
        Command::Quit,
        Command::Undo,
        Command::Redo,
        Command::ShowRegion,
        Command::ShowAnalysis,
        Command::ShowAmbitions,
        Command::ShowOutcomes,
        Command::ShowInterventions,
        Command::ShowEvaluation,
        Command::ShowDashboard,
        Command::ShowChain,
        Command::ShowMeetings,
        Command::ShowIntervision,
        Command::NextStep,
        Command::PreviousStep,
        Command::StartNextCycle,
        Command::ToggleWorkshop,
        Command::WorkshopNext,
        Command::WorkshopPrevious,
        Command::PresentIntervision,
        Command::ImportCsv,
        Command::ImportSupport,
        Command::ExportHtml,
        Command::ExportMarkdown,
        Command::ExportDocx,
        Command::ExportCsv,
        Command::ExportXlsx,
        Command::ExportChainSvg,
        Command::ExportChainPng,
        Command::ShareLessons,
        Command::TakeInLessons,
        Command::OpenOverview,
        Command::RecoverSetAside,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ZoomReset,
        Command::ToggleGuidance,
        Command::ToggleDark,
        Command::Dutch,
        Command::English,
        Command::Palette,
        Command::Guide,
        Command::Shortcuts,
        Command::About,
    ];

    /// The shortcuts of a command; the first is the one menus show. Zoom is handled by egui
    /// itself (its keys are listed, not consumed); workshop paging has its own keys
    /// ([`WORKSHOP_KEYS`]), which act only in workshop mode.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            Self::New => const { &[ctrl(Key::N)] },
            Self::Open => const { &[ctrl(Key::O)] },
            Self::Save => const { &[ctrl(Key::S)] },
            Self::SaveAs => const { &[ctrl_shift(Key::S)] },
            Self::Quit => const { &[ctrl(Key::Q)] },
            Self::Undo => const { &[ctrl(Key::Z)] },
            Self::Redo => const { &[ctrl_shift(Key::Z), ctrl(Key::Y)] },
            Self::NextStep => const { &[ctrl(Key::PageDown)] },
            Self::PreviousStep => const { &[ctrl(Key::PageUp)] },
            Self::ToggleWorkshop => const { &[plain(Key::F5)] },
            Self::PresentIntervision => {
                const { &[KeyboardShortcut::new(Modifiers::SHIFT, Key::F5)] }
            }
            Self::Guide => const { &[plain(Key::F1)] },
            Self::Palette => const { &[ctrl(Key::K)] },
            Self::ZoomIn => const { &[ctrl(Key::Plus)] },
            Self::ZoomOut => const { &[ctrl(Key::Minus)] },
            Self::ZoomReset => const { &[ctrl(Key::Num0)] },
            Self::CloseProject
            | Self::MergeWith
            | Self::CompareWith
            | Self::Dutch
            | Self::English
            | Self::ToggleDark
            | Self::ToggleGuidance
            | Self::StartNextCycle
            | Self::ShowRegion
            | Self::ShowAnalysis
            | Self::ShowAmbitions
            | Self::ShowOutcomes
            | Self::ShowInterventions
            | Self::ShowEvaluation
            | Self::ShowDashboard
            | Self::ShowChain
            | Self::ShowMeetings
            | Self::ShowIntervision
            | Self::OpenOverview
            | Self::WorkshopNext
            | Self::WorkshopPrevious
            | Self::ImportCsv
            | Self::ImportSupport
            | Self::ExportHtml
            | Self::ExportMarkdown
            | Self::ExportDocx
            | Self::ExportCsv
            | Self::ExportXlsx
            | Self::ExportChainSvg
            | Self::ExportChainPng
            | Self::ShareLessons
            | Self::TakeInLessons
            | Self::Shortcuts
            | Self::About
            | Self::RecoverSetAside => &[],
        }
    }

    /// The keys of a command in workshop mode (what presentation clickers send), which act
    /// only while no text field has the keyboard, so typing a tip is never cut off.
    pub fn workshop_keys(self) -> &'static [Key] {
        match self {
            Self::WorkshopNext => &[Key::PageDown, Key::ArrowRight],
            Self::WorkshopPrevious => &[Key::PageUp, Key::ArrowLeft],
            // the first Escape in a field only leaves the field
            Self::ToggleWorkshop => &[Key::Escape],
            _ => &[],
        }
    }

    /// Whether the command does something in workshop mode, which draws only its pages and
    /// the dialogs: one that does not (the palette, going to a step of the editor, the
    /// overview) is dropped there, never kept to act once workshop mode is left.
    pub fn acts_in_workshop(self) -> bool {
        match self {
            Self::New
            | Self::Open
            | Self::Save
            | Self::SaveAs
            | Self::Quit
            | Self::Undo
            | Self::Redo
            | Self::ZoomIn
            | Self::ZoomOut
            | Self::ZoomReset
            | Self::Dutch
            | Self::English
            | Self::ToggleDark
            | Self::ToggleGuidance
            | Self::StartNextCycle
            | Self::ToggleWorkshop
            | Self::WorkshopNext
            | Self::WorkshopPrevious
            | Self::PresentIntervision
            | Self::ExportHtml
            | Self::ExportMarkdown
            | Self::ExportDocx
            | Self::ExportCsv
            | Self::ExportXlsx
            | Self::ExportChainSvg
            | Self::ExportChainPng
            | Self::Guide
            | Self::Shortcuts
            | Self::About
            | Self::RecoverSetAside => true,
            Self::CloseProject
            | Self::MergeWith
            | Self::CompareWith
            | Self::NextStep
            | Self::PreviousStep
            | Self::ShowRegion
            | Self::ShowAnalysis
            | Self::ShowAmbitions
            | Self::ShowOutcomes
            | Self::ShowInterventions
            | Self::ShowEvaluation
            | Self::ShowDashboard
            | Self::ShowChain
            | Self::ShowMeetings
            | Self::ShowIntervision
            | Self::OpenOverview
            | Self::ImportCsv
            | Self::ImportSupport
            | Self::ShareLessons
            | Self::TakeInLessons
            | Self::Palette => false,
        }
    }

    /// Whether the command does something while the region overview is shown (it draws the
    /// menu, the status bar and the dialogs, but no palette and no step of the editor).
    pub fn acts_in_overview(self) -> bool {
        !matches!(
            self,
            Self::Palette
                | Self::ImportCsv
                | Self::MergeWith
                | Self::CompareWith
                | Self::ImportSupport
                | Self::NextStep
                | Self::PreviousStep
        )
    }

    /// Whether the app consumes the shortcuts itself (egui does zoom).
    fn app_consumes(self) -> bool {
        !matches!(self, Self::ZoomIn | Self::ZoomOut | Self::ZoomReset)
    }

    /// The command's name in the interface language.
    pub fn label(self) -> String {
        t!(self.label_key()).to_owned()
    }

    /// The shortcut shown in menus and the palette, as printed on the keys.
    pub fn shortcut_text(self, ctx: &egui::Context) -> Option<String> {
        self.shortcuts()
            .first()
            .map(|s| key_names(&ctx.format_shortcut(s)))
    }

    /// Whether it needs an open document (greyed out in menus and left out of the palette
    /// without one).
    pub fn needs_document(self) -> bool {
        !matches!(
            self,
            Self::New
                | Self::Open
                | Self::Quit
                | Self::ZoomIn
                | Self::ZoomOut
                | Self::ZoomReset
                | Self::Dutch
                | Self::English
                | Self::ToggleDark
                | Self::ToggleGuidance
                | Self::OpenOverview
                | Self::Guide
                | Self::Shortcuts
                | Self::Palette
                | Self::About
                | Self::RecoverSetAside
        )
    }

    /// The view a `Show…` command goes to (read from [`View::ALL`]).
    pub fn view(self) -> Option<View> {
        View::ALL.into_iter().find(|v| v.command() == self)
    }
}

/// The shortcuts the app consumes before the UI runs, in the order they are checked: with
/// more modifiers first, since Ctrl+S also matches when Shift is held. Built once (the frame
/// logic reads it every frame).
pub fn shortcuts() -> &'static [(KeyboardShortcut, Command)] {
    static LIST: std::sync::OnceLock<Vec<(KeyboardShortcut, Command)>> = std::sync::OnceLock::new();
    LIST.get_or_init(|| {
        let mut out: Vec<(KeyboardShortcut, Command)> = Command::ALL
            .into_iter()
            .filter(|c| c.app_consumes())
            .flat_map(|c| c.shortcuts().iter().map(move |s| (*s, c)))
            .collect();
        let weight = |m: Modifiers| u8::from(m.shift) + u8::from(m.alt) + u8::from(m.command);
        out.sort_by_key(|(s, _)| std::cmp::Reverse(weight(s.modifiers)));
        out
    })
}

/// A shortcut as printed on the keys: `Ctrl +` rather than egui's `Ctrl+Plus`.
fn key_names(shortcut: &str) -> String {
    shortcut
        .replace("Plus", "+")
        .replace("Minus", "-")
        .replace("PageDown", "Page Down")
        .replace("PageUp", "Page Up")
}

/// Every shortcut with what it does, for Help › Shortcuts: generated from the commands and
/// [`WORKSHOP_KEYS`], so the list is never out of date.
pub fn shortcut_list(ctx: &egui::Context) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for c in Command::ALL {
        for s in c.shortcuts() {
            out.push((key_names(&ctx.format_shortcut(s)), c.label()));
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
