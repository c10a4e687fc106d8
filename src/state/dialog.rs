//! The modal questions and messages the window can show: one at a time, drawn by
//! `ui::dialogs`; what their buttons ask for goes to the app as a [`Message`].

use super::Message;

/// A modal question or message.
#[derive(Clone, Debug, PartialEq)]
pub enum Dialog {
    /// There are unsaved changes; `then` runs after saving or discarding them.
    ConfirmDiscard(Box<Message>),
    Message {
        title: String,
        body: String,
    },
    /// Saving failed; the document is still in memory and can be saved elsewhere.
    SaveFailed {
        title: String,
        body: String,
    },
    /// The file changed on disk since it was opened: overwrite, save as a new file, or cancel.
    ChangedOnDisk {
        file: String,
        /// The two versions compared, once the user asked to.
        compare: Option<Result<super::compare::Comparison, String>>,
    },
    /// Unsaved work from a session that did not end cleanly: restore, later, or throw away.
    Recover(crate::recovery::Found),
    /// Restoring would replace a document with unsaved changes: save it or set it aside first.
    RecoverReplace(crate::recovery::Found),
    /// "Throw away" was chosen: what the recovery holds, and are you sure.
    RecoverThrowAway(crate::recovery::Found),
    /// Before an export: the project holds what looks like personal data.
    PrivacyBeforeExport {
        format: crate::export::Format,
        lines: Vec<String>,
    },
    /// Before an intervision paper is exported: what looks like personal data in it (and the
    /// participants' names, when they were chosen to go with it); `then` exports it anyway.
    PrivacyBeforePaper {
        lines: Vec<String>,
        then: Box<Message>,
    },
    /// Before a report is exported: which sections it holds (all ticked the first time; the
    /// choice is remembered in the project).
    ReportSections {
        format: crate::export::Format,
        chosen: Vec<crate::report::SectionKind>,
    },
    About,
    /// The built-in guide: what a cycle is, each step, running a workshop.
    Guide,
    /// Every shortcut, generated from the command list.
    Shortcuts,
    /// Before starting the next cycle: what is carried over from the cycle at `from`, and
    /// what happens to target dates that would lie before the new cycle (chosen here).
    ConfirmNextCycle {
        from: usize,
        carry: crate::model::CarryOver,
        targets: NextTargets,
    },
}

/// The next-cycle question's choice for target dates that would lie before the new cycle's
/// start or its new baseline (see [`crate::model::TargetDates`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NextTargets {
    pub choice: TargetChoice,
    /// The date for [`TargetChoice::SetTo`]; kept while another option is chosen.
    pub date: Option<chrono::NaiveDate>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetChoice {
    MoveOn,
    SetTo,
    Keep,
}

impl NextTargets {
    /// The default: move early dates on by a cycle; the date offered for "set to" is where
    /// that takes the earliest one (else the new cycle's end).
    pub fn for_carry(carry: &crate::model::CarryOver) -> Self {
        Self {
            choice: TargetChoice::MoveOn,
            date: Some(carry.early_example.map_or(carry.end, |e| e.1)),
        }
    }

    /// What the model is asked to do; `None` while "set to" has no date.
    pub fn plan(&self) -> Option<crate::model::TargetDates> {
        use crate::model::TargetDates;
        Some(match self.choice {
            TargetChoice::MoveOn => TargetDates::MoveOn,
            TargetChoice::SetTo => TargetDates::SetTo(self.date?),
            TargetChoice::Keep => TargetDates::Keep,
        })
    }
}
