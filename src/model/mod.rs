//! The document: one region's project with its partners, tables and cycles.
//!
//! Plain serde types without any egui. Every item carries a stable [`Id`]; links between items
//! are by id, so they survive reordering and renaming, and [`Project::prune_links`] removes links
//! to items that no longer exist.

mod basis;
pub mod chain;
mod completeness;
mod cycle;
mod dialogue;
mod facilitation;
pub mod finite;
mod history;
mod ids;
mod intervision;
mod links;
pub mod merge;
mod monitor;
mod next_cycle;
pub use next_cycle::{CarryOver, TargetDates, move_on, target_too_early};
mod plan;
mod region;
mod scan;
mod shared;
mod support;
mod support_shown;
mod units;
mod workshop;
mod workshop_day;

pub use basis::{Basis, basis, is_old, months_between};
pub use completeness::{Content, Finding, FindingKind, findings, findings_for_step};
pub use cycle::*;
pub use dialogue::DataDialogue;
pub use facilitation::*;
pub use history::{Scope, Snapshot, Tracker, UndoSettings};
pub use ids::{Id, IdHasher, IdMap, IdSet, IdSource};
pub use links::Removed;
pub use monitor::*;
pub use region::*;
pub use scan::*;
pub use shared::*;
pub use support::*;
pub use support_shown::*;
pub(crate) use units::MONTHS;
pub use units::{unit_counts_people, unit_is_share};
pub use workshop::*;
pub use workshop_day::{Added, AddedScore};

use serde::{Deserialize, Serialize};

/// The version of the file format this build writes. Bump it (and add a migration in
/// `storage::migrate`) whenever a file of this version would lose something in an older build,
/// or an older file would not read. History:
/// 1. the first format;
/// 2. the working-factor scans, the data dialogue per indicator, meetings with actions, the
///    samenwerkingsagenda, intervision sessions, tips, and the privacy settings. A version-1
///    build would silently drop them, so it must refuse these files;
/// 3. a measurement's value is optional (`None` until typed; was a bare number), and
///    indicators and figures say whether they count people (`counts_people`; older files get
///    it from the unit when they are read). Every figure is finite;
/// 4. workshops (agenda, vote, parking lot), lessons taken in from other regions, the support
///    analysis per school, dated data dialogues, intervision participants' names, round
///    times and tip follow-ups, and signals from the support analysis. A version-3 build
///    would drop them silently (or not read the new signal source), so it must refuse these
///    files; a version-3 file reads as it is (all additions start empty).
/// 5. ids that never collide between copies (a random prefix per editing session, see
///    [`IdSource`]): the file no longer holds a `next_id` counter. A version-4 build would
///    hand out ids from 1 again and mix up items, so it must refuse these files; a version-4
///    file reads as it is (its counter is ignored, its ids keep their value).
pub const FORMAT_VERSION: u32 = 5;

/// One region's project: what one `.ron` file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Project {
    pub format_version: u32,
    /// Where new ids come from (not written; see [`IdSource`]).
    #[serde(skip)]
    pub ids: IdSource,
    pub region: Region,
    pub partners: Vec<Partner>,
    pub tables: Vec<Table>,
    pub cycles: Vec<Cycle>,
    pub meetings: Vec<Meeting>,
    /// The yearly samenwerkingsagenda and its checks.
    pub agenda: CollaborationAgenda,
    pub intervisions: Vec<IntervisionSession>,
    /// Tips and advice tagged to a step of a cycle (from intervision or a workshop).
    pub tips: Vec<Tip>,
    /// Workshops held in workshop mode: their agendas, votes and parking lots. Not written
    /// while there are none, so files without them read and write as before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub workshops: Vec<WorkshopSession>,
    /// Lessons and interventions other regions shared, taken into this file. Not written
    /// while there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub from_others: Vec<ForeignItem>,
    pub settings: Settings,
    /// Conflicts `kompas merge` could not decide (a git merge): resolved in the window when
    /// the file is opened. Not written while there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge_conflicts: Vec<merge::Conflict>,
}

/// Settings of the project.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Counts below this are shown as "< N" in every export (small numbers can identify a child).
    pub small_numbers_below: u32,
    /// The sections of the report the user left out (their keys, see
    /// `report::SectionKind::key`): empty, and not written, until a section is left out, so a
    /// section added later is in by default and files without a choice read and write as
    /// before.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub report_left_out: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            small_numbers_below: 5,
            report_left_out: Vec::new(),
        }
    }
}

impl Default for Project {
    fn default() -> Self {
        Self {
            format_version: FORMAT_VERSION,
            ids: IdSource::fresh(),
            region: Region::default(),
            partners: Vec::new(),
            tables: Vec::new(),
            cycles: Vec::new(),
            meetings: Vec::new(),
            agenda: CollaborationAgenda::default(),
            intervisions: Vec::new(),
            tips: Vec::new(),
            workshops: Vec::new(),
            from_others: Vec::new(),
            settings: Settings::default(),
            merge_conflicts: Vec::new(),
        }
    }
}

impl Project {
    /// A new project with one empty cycle for the given period.
    pub fn new(region_name: &str, start: chrono::NaiveDate, end: chrono::NaiveDate) -> Self {
        Self::new_with_ids(IdSource::fresh(), region_name, start, end)
    }

    /// [`Project::new`] with ids from `ids` (generated documents that must be equal on every
    /// run use [`IdSource::starting_at`]).
    pub fn new_with_ids(
        ids: IdSource,
        region_name: &str,
        start: chrono::NaiveDate,
        end: chrono::NaiveDate,
    ) -> Self {
        let mut project = Self {
            ids,
            ..Self::default()
        };
        project.region.name = region_name.to_owned();
        let id = project.new_id();
        project.cycles.push(Cycle::new(id, "Cyclus 1", start, end));
        project
    }

    /// Hands out a fresh id, unique within this project.
    pub fn new_id(&mut self) -> Id {
        self.ids.next_id()
    }

    pub fn partner(&self, id: Id) -> Option<&Partner> {
        self.partners.iter().find(|p| p.id == id)
    }

    /// The partner's name, or an empty string when the id is unknown.
    pub fn partner_name(&self, id: Id) -> &str {
        self.partner(id).map_or("", |p| p.name.as_str())
    }

    /// The names of these partners that are known and named, in order.
    pub fn partner_names(&self, ids: &[Id]) -> Vec<&str> {
        ids.iter()
            .map(|p| self.partner_name(*p))
            .filter(|n| !n.is_empty())
            .collect()
    }

    pub fn table(&self, id: Id) -> Option<&Table> {
        self.tables.iter().find(|t| t.id == id)
    }
}
