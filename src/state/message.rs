//! What the screens send to the app: a [`Message`], a [`Command`] among them, with what it
//! needs (a path, a cycle, a view, an id), into the [`Outbox`]. The UI only sends; the app
//! applies each after the UI pass, in one place (`app::dispatch`), the way rerun separates
//! `UICommand` from `SystemCommand`.

use super::{Command, View};
use crate::export::Format;
use crate::i18n::Lang;
use crate::model::Id;
use std::path::PathBuf;

/// What the screens ask of the app: a command, or an action with what it needs.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    Command(Command),
    /// An edit reached beyond the shown cycle (a removal took links out of every cycle): the
    /// next check compares the whole document.
    CheckWholeDocument,
    OpenPath(PathBuf),
    OpenSample(usize),
    /// Save over a file that changed on disk since it was opened.
    SaveOverwrite,
    /// Save (asking where if the document has no file yet), then do `then`.
    SaveThen(Box<Message>),
    /// Throw away the unsaved changes (the user said so), then do `then`.
    DiscardThen(Box<Message>),
    /// The "changed on disk" dialog's *Vergelijken*: compare the document with the file.
    CompareWithDisk,
    SetLang(Lang),
    /// Starts the next cycle after the user saw what is carried over, with what they chose
    /// for target dates that would lie before it.
    StartNextCycleConfirmed(crate::model::TargetDates),
    SelectCycle(usize),
    Show(View),
    /// Move through the workshop pages (+1 next, -1 previous).
    WorkshopPage(i32),
    /// Workshop mode with today's agenda editor open (from the window's menu).
    WorkshopAgenda,
    /// Jump to a workshop page (by its place; past the end: the last).
    WorkshopGoTo(usize),
    /// Export the minutes of the day's workshop (what the session added, its decisions and
    /// actions) after the privacy check.
    ExportMinutes(Format),
    /// A score that was there already changed on a live scan page: one undo step of its own.
    ChangeScore(Box<super::ScoreChange>),
    /// Import measurements, for this indicator if given.
    ImportCsv(Option<Id>),
    /// Apply the open import dialog to the document.
    ApplyImport,
    /// What the merge and compare windows ask (merging another version, applying a merge).
    Merge(super::MergeMsg),
    /// Import the support analysis per school from a CSV or spreadsheet file.
    ImportSupport,
    /// Apply the open support import dialog to the cycle's support analysis.
    ApplySupportImport,
    Export(Format),
    /// Export a report with these sections, remembered as the project's choice.
    ExportSections(Format, Vec<crate::report::SectionKind>),
    /// Export after the user saw the privacy findings and chose to go on.
    ExportChecked(Format),
    /// What the intervision screens ask (the projector view, round timers, a tip made an
    /// action, lessons taken into the evaluation, the brief and the handout).
    Session(super::SessionMsg),
    /// Copy an intervision session's general lessons to the clipboard.
    CopyLessons(Id),
    /// Save an intervision session's general lessons as a text file.
    ExportLessons(Id),
    /// Restore the work in a recovery file (after the open document was saved).
    Restore(crate::recovery::Found),
    /// "Niet nu" on a recovery: keep it, offer the next one.
    PostponeRecovery,
    /// "Weggooien" on a recovery: say what would be lost and ask.
    AskDiscardRecovery(crate::recovery::Found),
    /// The user confirmed throwing a recovery away.
    DiscardRecovery(crate::recovery::Found),
    /// Set the open document's work aside (it stays a recovery file), then restore this one.
    SetAsideThenRestore(crate::recovery::Found),
    /// An item was removed, with this much going with it: say so, with an "undo".
    Removed(crate::model::Removed),
}

impl From<Command> for Message {
    fn from(c: Command) -> Self {
        Message::Command(c)
    }
}

/// The messages sent during a frame, applied after the UI pass.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outbox(Vec<Message>);

impl Outbox {
    /// Sends a command or a message.
    pub fn push(&mut self, m: impl Into<Message>) {
        self.0.push(m.into());
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn contains(&self, m: &Message) -> bool {
        self.0.contains(m)
    }

    /// The messages sent so far, in order; the outbox is empty afterwards.
    pub fn take(&mut self) -> Vec<Message> {
        std::mem::take(&mut self.0)
    }

    /// Sends everything in `other`, in order.
    pub fn extend(&mut self, other: Outbox) {
        self.0.extend(other.0);
    }
}

impl Message {
    /// Whether it would throw away unsaved changes, and so asks first.
    pub fn replaces_document(&self) -> bool {
        matches!(
            self,
            Self::Command(Command::New | Command::Open | Command::CloseProject | Command::Quit)
                | Self::OpenPath(_)
                | Self::OpenSample(_)
        )
    }
}
