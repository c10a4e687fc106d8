//! A cycle and the content of its five steps.

use super::Id;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The five steps of a cycle, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Step {
    Analysis,
    Ambitions,
    Outcomes,
    Interventions,
    Evaluation,
}

impl Step {
    pub const ALL: [Self; 5] = [
        Self::Analysis,
        Self::Ambitions,
        Self::Outcomes,
        Self::Interventions,
        Self::Evaluation,
    ];

    /// 1-based number as shown to the user.
    pub fn number(self) -> usize {
        self as usize + 1
    }

    pub fn next(self) -> Option<Self> {
        Self::ALL.get(self as usize + 1).copied()
    }

    pub fn previous(self) -> Option<Self> {
        (self as usize).checked_sub(1).map(|i| Self::ALL[i])
    }
}

/// One pass through the five steps for a period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cycle {
    pub id: Id,
    pub name: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    #[serde(default)]
    pub status: CycleStatus,
    /// The cycle this one was started from, if any.
    #[serde(default)]
    pub previous: Option<Id>,
    #[serde(default)]
    pub analysis: Analysis,
    #[serde(default)]
    pub ambitions: Vec<Ambition>,
    #[serde(default)]
    pub principles: Vec<TextItem>,
    #[serde(default)]
    pub outcomes: Vec<Outcome>,
    #[serde(default)]
    pub interventions: Vec<Intervention>,
    #[serde(default)]
    pub evaluation: Evaluation,
}

impl Cycle {
    pub fn new(id: Id, name: &str, start: NaiveDate, end: NaiveDate) -> Self {
        Self {
            id,
            name: name.to_owned(),
            start,
            end,
            status: CycleStatus::default(),
            previous: None,
            analysis: Analysis::default(),
            ambitions: Vec::new(),
            principles: Vec::new(),
            outcomes: Vec::new(),
            interventions: Vec::new(),
            evaluation: Evaluation::default(),
        }
    }

    /// Every indicator of every outcome, in order.
    pub fn indicators(&self) -> impl Iterator<Item = &Indicator> {
        self.outcomes.iter().flat_map(|o| o.indicators.iter())
    }

    pub fn indicator(&self, id: Id) -> Option<&Indicator> {
        self.indicators().find(|i| i.id == id)
    }

    pub fn outcome(&self, id: Id) -> Option<&Outcome> {
        self.outcomes.iter().find(|o| o.id == id)
    }

    pub fn ambition(&self, id: Id) -> Option<&Ambition> {
        self.ambitions.iter().find(|a| a.id == id)
    }

    pub fn intervention(&self, id: Id) -> Option<&Intervention> {
        self.interventions.iter().find(|i| i.id == id)
    }

    /// Measurements of one indicator, sorted by date (undated last, in entry order).
    pub fn measurements_of(&self, indicator: Id) -> Vec<&Measurement> {
        let mut list: Vec<&Measurement> = self
            .evaluation
            .measurements
            .iter()
            .filter(|m| m.indicator == indicator)
            .collect();
        list.sort_by_key(|m| (m.date.is_none(), m.date));
        list
    }

    /// The judgement of an intervention, if one was made.
    pub fn judgement_of(&self, intervention: Id) -> Option<&Judgement> {
        self.evaluation
            .judgements
            .iter()
            .find(|j| j.intervention == intervention)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CycleStatus {
    #[default]
    Preparation,
    Running,
    Completed,
}

impl CycleStatus {
    pub const ALL: [Self; 3] = [Self::Preparation, Self::Running, Self::Completed];
}

/// A short text with an id: a strength, problem, principle, own bottleneck or lesson.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TextItem {
    pub id: Id,
    pub text: String,
}

impl TextItem {
    /// An empty text, as a list adds it.
    pub fn new(id: Id) -> Self {
        Self {
            id,
            text: String::new(),
        }
    }
}

// ---------------------------------------------------------------- step 1: analysis

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Analysis {
    pub data_points: Vec<DataPoint>,
    pub strengths: Vec<TextItem>,
    pub problems: Vec<TextItem>,
    pub signals: Vec<Signal>,
    pub collaboration_model: Option<CollaborationModel>,
    pub phase: Option<Phase>,
    /// The common bottlenecks that apply here (checked on the list).
    pub bottlenecks: Vec<CommonBottleneck>,
    /// Bottlenecks in the region's own words.
    pub own_bottlenecks: Vec<TextItem>,
    /// The first scan of the working factors and borging.
    pub scan: super::Scan,
    /// The support analysis per school (not written while it has no rows, so files without
    /// one read and write as before).
    #[serde(skip_serializing_if = "super::SupportAnalysis::has_no_rows")]
    pub support: super::SupportAnalysis,
}

/// An aggregated figure about how children in the region are doing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DataPoint {
    pub id: Id,
    pub label: String,
    #[serde(default, deserialize_with = "super::finite::optional")]
    pub value: Option<f64>,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub domain: Domain,
    /// Whether the figure is a number of people (see [`super::Indicator::counts_people`]).
    #[serde(default)]
    pub counts_people: Option<bool>,
}

impl DataPoint {
    /// A figure with nothing filled in yet.
    pub fn new(id: Id) -> Self {
        Self {
            id,
            label: String::new(),
            value: None,
            unit: String::new(),
            source: String::new(),
            date: None,
            domain: Domain::default(),
            counts_people: None,
        }
    }

    /// Whether the figure is a number of people: yes, unless the user said it is not (see
    /// [`super::Indicator::is_count_of_people`]).
    pub fn is_count_of_people(&self) -> bool {
        self.counts_people != Some(false)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Domain {
    #[default]
    Onderwijs,
    Jeugdhulp,
    Overig,
}

impl Domain {
    pub const ALL: [Self; 3] = [Self::Onderwijs, Self::Jeugdhulp, Self::Overig];
}

/// What professionals, parents, young people or a partner notice.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Signal {
    pub id: Id,
    pub from: SignalSource,
    /// The partner that gave it, when `from` is [`SignalSource::Partner`].
    #[serde(default)]
    pub partner: Option<Id>,
    pub text: String,
}

impl Signal {
    /// A signal from professionals (the first source), with no text yet.
    pub fn new(id: Id) -> Self {
        Self {
            id,
            from: SignalSource::default(),
            partner: None,
            text: String::new(),
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SignalSource {
    #[default]
    Professionals,
    Parents,
    YoungPeople,
    Partner,
    /// A lesson learned in the previous cycle's evaluation.
    PreviousCycle,
}

impl SignalSource {
    pub const ALL: [Self; 5] = [
        Self::Professionals,
        Self::Parents,
        Self::YoungPeople,
        Self::Partner,
        Self::PreviousCycle,
    ];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CollaborationModel {
    Schotten,
    Keten,
    Netwerk,
    Integraal,
}

impl CollaborationModel {
    pub const ALL: [Self; 4] = [Self::Schotten, Self::Keten, Self::Netwerk, Self::Integraal];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Phase {
    Start,
    Opbouw,
    Verankering,
}

impl Phase {
    pub const ALL: [Self; 3] = [Self::Start, Self::Opbouw, Self::Verankering];
}

/// The bottlenecks regions name most often (national survey, 2021).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CommonBottleneck {
    WaitingLists,
    FinancingDisputes,
    UnclearRoles,
    MissingAgreements,
    StaffTurnover,
    LackOfTime,
    LackingExpertise,
    ParentsNotInvolved,
}

impl CommonBottleneck {
    pub const ALL: [Self; 8] = [
        Self::WaitingLists,
        Self::FinancingDisputes,
        Self::UnclearRoles,
        Self::MissingAgreements,
        Self::StaffTurnover,
        Self::LackOfTime,
        Self::LackingExpertise,
        Self::ParentsNotInvolved,
    ];
}

pub use super::plan::*;
