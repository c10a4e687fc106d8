//! The intervision projector view's state: the session on the projector, its round, and what
//! is half typed in its tip field; and what the intervision screens ask of the app. Drawn by
//! `ui::intervision::projector`.

use crate::model::{Id, Step};

/// The projector view of an intervision session, while it is shown.
#[derive(Clone, Debug, PartialEq)]
pub struct IntervisionShow {
    pub session: Id,
    /// The round shown (its place in the session's rounds).
    pub round: usize,
    /// The text of the tip field, the step it is about and who gave it.
    pub tip: String,
    pub tip_step: Option<Step>,
    pub tip_from: Option<Id>,
}

impl IntervisionShow {
    pub fn new(session: Id) -> Self {
        Self {
            session,
            round: 0,
            tip: String::new(),
            tip_step: None,
            tip_from: None,
        }
    }
}

/// What the intervision screens ask of the app.
#[derive(Clone, Debug, PartialEq)]
pub enum SessionMsg {
    /// Show this session on the projector (at its first round not done).
    Present(Id),
    Leave,
    /// The next (+1) or previous (-1) round; going on marks the round left done.
    Round(i32),
    /// Start (or go on with) the timer of a round of a session; the round it timed before
    /// keeps the seconds it used.
    StartRound(Id, usize),
    /// Make a tip an action in the meeting of today.
    TipToAction(Id),
    /// Take a session's lessons into the shown cycle's evaluation.
    LessonsToEvaluation(Id),
    /// Export the case brief (`false`) or the handout (`true`) of a session, in a format,
    /// with the participants' names or without; `checked`: the user saw what the privacy
    /// check found and chose to go on.
    Export {
        session: Id,
        handout: bool,
        format: crate::export::Format,
        names: bool,
        checked: bool,
    },
}
