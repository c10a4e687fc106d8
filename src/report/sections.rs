//! The sections a report can hold, in their fixed order, and the user's choice of them (kept
//! in the project file as the keys left out, so a section added later is in by default).

use crate::i18n::{Key, key};
use crate::model::Settings;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SectionKind {
    Region,
    Dashboard,
    Analysis,
    Support,
    Ambitions,
    Outcomes,
    Interventions,
    Chain,
    Evaluation,
    Scan,
    Meetings,
    Agenda,
    Intervision,
    Actions,
}

impl SectionKind {
    /// Every section, in the order of the report.
    pub const ALL: [Self; 14] = [
        Self::Region,
        Self::Dashboard,
        Self::Analysis,
        Self::Support,
        Self::Ambitions,
        Self::Outcomes,
        Self::Interventions,
        Self::Chain,
        Self::Evaluation,
        Self::Scan,
        Self::Meetings,
        Self::Agenda,
        Self::Intervision,
        Self::Actions,
    ];

    /// The name on the command line and in the project file.
    pub fn key(self) -> &'static str {
        match self {
            Self::Region => "region",
            Self::Dashboard => "dashboard",
            Self::Analysis => "analysis",
            Self::Support => "ondersteuning",
            Self::Ambitions => "ambitions",
            Self::Outcomes => "outcomes",
            Self::Interventions => "interventions",
            Self::Chain => "chain",
            Self::Evaluation => "evaluation",
            Self::Scan => "scan",
            Self::Meetings => "meetings",
            Self::Agenda => "agenda",
            Self::Intervision => "intervision",
            Self::Actions => "actions",
        }
    }

    /// The name in the section dialog and in `kompas export --help`.
    pub fn name(self) -> Key {
        match self {
            Self::Region => key!("section.region"),
            Self::Dashboard => key!("section.dashboard"),
            Self::Analysis => key!("section.analysis"),
            Self::Support => key!("section.support"),
            Self::Ambitions => key!("section.ambitions"),
            Self::Outcomes => key!("section.outcomes"),
            Self::Interventions => key!("section.interventions"),
            Self::Chain => key!("section.chain"),
            Self::Evaluation => key!("section.evaluation"),
            Self::Scan => key!("section.scan"),
            Self::Meetings => key!("section.meetings"),
            Self::Agenda => key!("section.agenda"),
            Self::Intervision => key!("section.intervision"),
            Self::Actions => key!("section.actions"),
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// The sections the user chose for this project's reports (all, until told otherwise).
pub fn chosen_sections(settings: &Settings) -> Vec<SectionKind> {
    SectionKind::ALL
        .into_iter()
        .filter(|k| !settings.report_left_out.iter().any(|x| x == k.key()))
        .collect()
}

/// Remembers `chosen` as the project's choice.
pub fn set_chosen_sections(settings: &mut Settings, chosen: &[SectionKind]) {
    settings.report_left_out = SectionKind::ALL
        .into_iter()
        .filter(|k| !chosen.contains(k))
        .map(|k| k.key().to_owned())
        .collect();
}
