//! Steps 2 to 5: ambitions, outcomes with indicators, interventions, evaluation.

use super::{DataDialogue, Id, Level, TextItem};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------- step 2: ambitions

/// A shared ambition: part of the vision the partners endorse.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ambition {
    pub id: Id,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// Partners that endorse it.
    #[serde(default)]
    pub endorsed_by: Vec<Id>,
    #[serde(default)]
    pub level: Option<Level>,
    /// The table where it was agreed.
    #[serde(default)]
    pub table: Option<Id>,
    /// The ambition in the previous cycle this one continues.
    #[serde(default)]
    pub previous: Option<Id>,
}

impl Ambition {
    /// An ambition with nothing filled in yet.
    pub fn new(id: Id) -> Self {
        Self {
            id,
            title: String::new(),
            description: String::new(),
            endorsed_by: Vec::new(),
            level: None,
            table: None,
            previous: None,
        }
    }
}

// ---------------------------------------------------------------- step 3: outcomes

/// A societal outcome that makes one or more ambitions measurable.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub id: Id,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// The ambitions it makes measurable.
    #[serde(default)]
    pub ambitions: Vec<Id>,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    pub previous: Option<Id>,
}

impl Outcome {
    /// An outcome with nothing filled in yet and no indicators.
    pub fn new(id: Id) -> Self {
        Self {
            id,
            title: String::new(),
            description: String::new(),
            ambitions: Vec::new(),
            indicators: Vec::new(),
            previous: None,
        }
    }
}

/// What is measured to see whether an outcome comes closer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub definition: String,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub direction: Direction,
    #[serde(default, deserialize_with = "super::finite::optional")]
    pub baseline_value: Option<f64>,
    #[serde(default)]
    pub baseline_date: Option<NaiveDate>,
    #[serde(default, deserialize_with = "super::finite::optional")]
    pub target_value: Option<f64>,
    #[serde(default)]
    pub target_date: Option<NaiveDate>,
    #[serde(default)]
    pub data_source: String,
    /// The partner that owns the figure.
    #[serde(default)]
    pub owner: Option<Id>,
    #[serde(default)]
    pub kind: IndicatorKind,
    #[serde(default)]
    pub previous: Option<Id>,
    /// What the partners said when they last looked at the figures together (dated since
    /// workshops keep one per day; older files have it undated).
    #[serde(default)]
    pub dialogue: DataDialogue,
    /// The dialogues before `dialogue`, oldest first: a new day's dialogue does not overwrite
    /// the last one. Not written while there are none, so older files write as before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier_dialogues: Vec<DataDialogue>,
    /// Whether the figures are numbers of people ("aantal personen"): then small values are
    /// shown as "< N" outside the window. `None` until someone decides, and until then they
    /// count as people: only `Some(false)`, the user's own choice, switches suppression off.
    /// The unit ([`super::unit_counts_people`]) may only propose that choice in the window.
    #[serde(default)]
    pub counts_people: Option<bool>,
    /// The user said that a target on the other side of the baseline than the direction is
    /// meant so (a level to keep at least, or at most): no longer asked about.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub direction_checked: bool,
}

impl Indicator {
    pub fn new(id: Id) -> Self {
        Self {
            id,
            name: String::new(),
            definition: String::new(),
            unit: String::new(),
            direction: Direction::default(),
            baseline_value: None,
            baseline_date: None,
            target_value: None,
            target_date: None,
            data_source: String::new(),
            owner: None,
            kind: IndicatorKind::default(),
            previous: None,
            dialogue: DataDialogue::default(),
            earlier_dialogues: Vec::new(),
            counts_people: None,
            direction_checked: false,
        }
    }

    /// Whether the figures are numbers of people: yes, unless the user said they are not (the
    /// unit never decides this, so a unit the guess misreads cannot switch protection off).
    pub fn is_count_of_people(&self) -> bool {
        self.counts_people != Some(false)
    }

    pub fn has_baseline(&self) -> bool {
        self.baseline_value.is_some()
    }

    pub fn has_target(&self) -> bool {
        self.target_value.is_some()
    }

    /// The direction that baseline and target point to, when they contradict the chosen
    /// direction: a target below the baseline with "omhoog" (or above it with "omlaag"). That
    /// is a slip more often than a level to keep, so the window asks (and offers this
    /// direction) until the user says it is meant so.
    pub fn direction_conflict(&self) -> Option<Direction> {
        if self.direction_checked {
            return None;
        }
        let (b, t) = (self.baseline_value?, self.target_value?);
        match self.direction {
            Direction::Increase if t < b => Some(Direction::Decrease),
            Direction::Decrease if t > b => Some(Direction::Increase),
            _ => None,
        }
    }
}

/// Which way the figure should move.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Direction {
    #[default]
    Increase,
    Decrease,
    Maintain,
}

impl Direction {
    pub const ALL: [Self; 3] = [Self::Increase, Self::Decrease, Self::Maintain];
}

/// A result for the population (all children in the region) or an outcome of one provider.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum IndicatorKind {
    #[default]
    Population,
    Provider,
}

impl IndicatorKind {
    pub const ALL: [Self; 2] = [Self::Population, Self::Provider];
}

// ---------------------------------------------------------------- step 4: interventions

/// What partners do to move one or more outcomes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Intervention {
    pub id: Id,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// The outcomes it should contribute to, each with the expected contribution in words.
    #[serde(default)]
    pub contributions: Vec<Contribution>,
    #[serde(default)]
    pub responsible: Vec<Id>,
    #[serde(default)]
    pub level: Option<Level>,
    #[serde(default)]
    pub start: Option<NaiveDate>,
    #[serde(default)]
    pub end: Option<NaiveDate>,
    /// Budget in whole euros.
    #[serde(default)]
    pub budget_eur: Option<u64>,
    #[serde(default)]
    pub financing: Option<Financing>,
    #[serde(default)]
    pub status: InterventionStatus,
    #[serde(default)]
    pub previous: Option<Id>,
}

impl Intervention {
    pub fn new(id: Id) -> Self {
        Self {
            id,
            title: String::new(),
            description: String::new(),
            contributions: Vec::new(),
            responsible: Vec::new(),
            level: None,
            start: None,
            end: None,
            budget_eur: None,
            financing: None,
            status: InterventionStatus::default(),
            previous: None,
        }
    }
}

/// The link from an intervention to an outcome, with what it is expected to add.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contribution {
    pub outcome: Id,
    #[serde(default)]
    pub expected: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Financing {
    Gemeente,
    Samenwerkingsverband,
    /// A joint or integral budget.
    Gezamenlijk,
    Frictiepot,
    Other,
}

impl Financing {
    pub const ALL: [Self; 5] = [
        Self::Gemeente,
        Self::Samenwerkingsverband,
        Self::Gezamenlijk,
        Self::Frictiepot,
        Self::Other,
    ];
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum InterventionStatus {
    #[default]
    Planned,
    Running,
    Completed,
    Stopped,
}

impl InterventionStatus {
    pub const ALL: [Self; 4] = [Self::Planned, Self::Running, Self::Completed, Self::Stopped];
}

// ---------------------------------------------------------------- step 5: evaluation

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Evaluation {
    pub measurements: Vec<Measurement>,
    pub judgements: Vec<Judgement>,
    pub lessons: Vec<TextItem>,
    /// The rescore of the working factors and borging.
    pub scan: super::Scan,
}

/// One measured value of an indicator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measurement {
    pub id: Id,
    pub indicator: Id,
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// `None` until a value is typed: such a measurement counts nowhere (status, charts,
    /// completeness, exports).
    #[serde(default, deserialize_with = "super::finite::optional")]
    pub value: Option<f64>,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub note: String,
}

/// Did an intervention contribute, on what evidence, and what do the partners decide.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Judgement {
    pub id: Id,
    pub intervention: Id,
    #[serde(default)]
    pub contribution: ContributionJudgement,
    #[serde(default)]
    pub evidence: String,
    #[serde(default)]
    pub decision: Option<Decision>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ContributionJudgement {
    #[default]
    Unknown,
    None,
    Some,
    Clear,
}

impl ContributionJudgement {
    pub const ALL: [Self; 4] = [Self::Unknown, Self::None, Self::Some, Self::Clear];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Decision {
    Continue,
    Strengthen,
    Adjust,
    Stop,
}

impl Decision {
    pub const ALL: [Self; 4] = [Self::Continue, Self::Strengthen, Self::Adjust, Self::Stop];
}
