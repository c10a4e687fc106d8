//! Working together over time: meetings with decisions and actions, the yearly
//! samenwerkingsagenda and its check, intervision sessions, and tips tagged to a step.

use super::{Id, Project, Step, TextItem};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A meeting of the region's partners at one of its tables.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: Id,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// The table (OOGO, inkooptafel, LEA, own) it was held at.
    #[serde(default)]
    pub table: Option<Id>,
    /// Who attended: organisations, each with the role of whoever came.
    #[serde(default)]
    pub attendees: Vec<Attendee>,
    #[serde(default)]
    pub agenda: Vec<TextItem>,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub decisions: Vec<TextItem>,
    #[serde(default)]
    pub actions: Vec<Action>,
}

impl Meeting {
    pub fn new(id: Id) -> Self {
        Self {
            id,
            title: String::new(),
            date: None,
            table: None,
            attendees: Vec::new(),
            agenda: Vec::new(),
            notes: String::new(),
            decisions: Vec::new(),
            actions: Vec::new(),
        }
    }
}

/// An organisation at a meeting, and the role of whoever represented it (never a name).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attendee {
    pub partner: Id,
    #[serde(default)]
    pub role: String,
}

/// Something a partner agreed to do, by a date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Action {
    pub id: Id,
    pub what: String,
    #[serde(default)]
    pub owner: Option<Id>,
    /// The role of whoever at the owner does it ("coördinator"), never a name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    #[serde(default)]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub status: ActionStatus,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActionStatus {
    #[default]
    Open,
    InProgress,
    Done,
    Dropped,
}

impl ActionStatus {
    pub const ALL: [Self; 4] = [Self::Open, Self::InProgress, Self::Done, Self::Dropped];

    /// Still to be done.
    pub fn is_open(self) -> bool {
        matches!(self, Self::Open | Self::InProgress)
    }
}

impl Action {
    /// An open action with nothing filled in yet.
    pub fn new(id: Id) -> Self {
        Self {
            id,
            what: String::new(),
            owner: None,
            role: String::new(),
            due: None,
            status: ActionStatus::default(),
        }
    }

    /// Open and past its due date on `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status.is_open() && self.due.is_some_and(|d| d < today)
    }
}

/// The yearly collaboration agenda: its themes and the yearly checks of it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CollaborationAgenda {
    pub themes: Vec<TextItem>,
    pub checks: Vec<AgendaCheck>,
}

/// The yearly check: is the agenda still current, which themes to add or drop, which hard
/// questions go to the OOGO.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgendaCheck {
    pub id: Id,
    #[serde(default)]
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub still_current: Option<bool>,
    #[serde(default)]
    pub add: String,
    #[serde(default)]
    pub drop: String,
    /// Hard questions escalated to the OOGO.
    #[serde(default)]
    pub escalate: String,
}

impl AgendaCheck {
    /// A check with nothing filled in yet (not even its date).
    pub fn new(id: Id) -> Self {
        Self {
            id,
            date: None,
            still_current: None,
            add: String::new(),
            drop: String::new(),
            escalate: String::new(),
        }
    }
}

/// An intervision session about this region's case: peers from other regions ask, advise and
/// draw lessons.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IntervisionSession {
    pub id: Id,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub case_question: String,
    /// Who sat at the table: their organisation or region and role, and (personal data,
    /// kept out of every export unless the user says so) their name.
    #[serde(default)]
    pub participants: Vec<Participant>,
    #[serde(default)]
    pub rounds: Vec<Round>,
    /// Lessons for every region, kept apart from the tips for this one.
    #[serde(default)]
    pub lessons: Vec<TextItem>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    /// What a tip names as its source (older files have none until one is chosen as a source).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Id>,
    /// The person's name: personal data, shown in the window, left out of exports by default.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// The organisation or region they come from.
    pub region: String,
    /// One of [`ROLES`] or a role of their own.
    #[serde(default)]
    pub role: String,
}

/// The usual roles at an intervision table, in Dutch as the field says them (the file keeps
/// the word; the screen translates the known ones).
pub const ROLES: [&str; 4] = [
    "casusinbrenger",
    "procesbegeleider",
    "notulist",
    "deelnemer",
];

/// The role of whoever brings the case.
pub const CASE_OWNER: &str = ROLES[0];

impl Participant {
    /// What an export says of them: organisation and role, their name only when `names`.
    pub fn described(&self, names: bool, role: &str) -> String {
        let mut parts: Vec<&str> = Vec::new();
        if names && !self.name.trim().is_empty() {
            parts.push(self.name.trim());
        }
        if !self.region.trim().is_empty() {
            parts.push(self.region.trim());
        }
        if !role.trim().is_empty() {
            parts.push(role.trim());
        }
        parts.join(", ")
    }
}

/// One round of the session, with its time box, the time it took and notes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Round {
    pub kind: RoundKind,
    pub minutes: u32,
    #[serde(default)]
    pub notes: String,
    /// Seconds its timer actually ran (kept when another round starts).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub used_seconds: u32,
    #[serde(default, skip_serializing_if = "is_false")]
    pub done: bool,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Round {
    pub fn new(kind: RoundKind) -> Self {
        Self {
            kind,
            minutes: kind.default_minutes(),
            notes: String::new(),
            used_seconds: 0,
            done: false,
        }
    }
}

/// The rounds of an intervision session, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RoundKind {
    Presentation,
    Questions,
    Analysis,
    Advice,
    Reflection,
    Lessons,
}

impl RoundKind {
    pub const ALL: [Self; 6] = [
        Self::Presentation,
        Self::Questions,
        Self::Analysis,
        Self::Advice,
        Self::Reflection,
        Self::Lessons,
    ];

    /// A usual time box in minutes.
    pub fn default_minutes(self) -> u32 {
        match self {
            Self::Presentation => 10,
            Self::Questions => 15,
            Self::Analysis => 15,
            Self::Advice => 20,
            Self::Reflection => 10,
            Self::Lessons => 10,
        }
    }
}

impl IntervisionSession {
    /// A session with the usual six rounds.
    pub fn new(id: Id) -> Self {
        Self {
            id,
            title: String::new(),
            date: None,
            case_question: String::new(),
            participants: Vec::new(),
            rounds: RoundKind::ALL.into_iter().map(Round::new).collect(),
            lessons: Vec::new(),
        }
    }
}

/// A tip or piece of advice, tagged to the step of a cycle it concerns; from an intervision
/// session or from a workshop.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tip {
    pub id: Id,
    pub text: String,
    /// The session it was given in, if any.
    #[serde(default)]
    pub session: Option<Id>,
    #[serde(default)]
    pub cycle: Option<Id>,
    #[serde(default)]
    pub step: Option<Step>,
    /// Whether the case owner has taken it up.
    #[serde(default)]
    pub taken_up: bool,
    /// The participant of the session who gave it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub given_by: Option<Id>,
    /// When to look at it again, and the partner who does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up_owner: Option<Id>,
    /// What became of it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub outcome: String,
    /// The action made of it (in a meeting).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<Id>,
}

impl Tip {
    /// A tip with no text, from no session, about no step yet.
    pub fn new(id: Id) -> Self {
        Self {
            id,
            text: String::new(),
            session: None,
            cycle: None,
            step: None,
            taken_up: false,
            given_by: None,
            follow_up: None,
            follow_up_owner: None,
            outcome: String::new(),
            action: None,
        }
    }
}

impl Project {
    /// Every action of every meeting, with its meeting, sorted by due date (undated last).
    pub fn all_actions(&self) -> Vec<(&Meeting, &Action)> {
        let mut v: Vec<(&Meeting, &Action)> = self
            .meetings
            .iter()
            .flat_map(|m| m.actions.iter().map(move |a| (m, a)))
            .collect();
        v.sort_by_key(|(_, a)| (a.due.is_none(), a.due));
        v
    }

    /// The open actions past their due date on `today`.
    pub fn overdue_actions(&self, today: NaiveDate) -> Vec<(&Meeting, &Action)> {
        self.all_actions()
            .into_iter()
            .filter(|(_, a)| a.is_overdue(today))
            .collect()
    }

    /// The tips for one step of one cycle.
    pub fn tips_for(&self, cycle: Id, step: Step) -> impl Iterator<Item = &Tip> {
        self.tips
            .iter()
            .filter(move |t| t.cycle == Some(cycle) && t.step == Some(step))
    }

    pub fn session(&self, id: Id) -> Option<&IntervisionSession> {
        self.intervisions.iter().find(|s| s.id == id)
    }

    /// The general lessons of a session as plain text, to share with other regions.
    pub fn lessons_text(&self, session: Id, heading: &str) -> String {
        let Some(s) = self.session(session) else {
            return String::new();
        };
        let mut out = String::new();
        out.push_str(heading);
        out.push('\n');
        if !s.title.is_empty() {
            out.push_str(&s.title);
            out.push('\n');
        }
        if let Some(d) = s.date {
            out.push_str(&d.format("%d-%m-%Y").to_string());
            out.push('\n');
        }
        if !s.case_question.trim().is_empty() {
            out.push('\n');
            out.push_str(s.case_question.trim());
            out.push('\n');
        }
        out.push('\n');
        for l in s.lessons.iter().filter(|l| !l.text.trim().is_empty()) {
            out.push_str("- ");
            out.push_str(l.text.trim());
            out.push('\n');
        }
        out
    }
}
