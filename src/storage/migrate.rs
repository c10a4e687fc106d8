//! Reading files of older format versions. Each older version has a function that turns its
//! text into the current [`Project`]. When a change is only additive (new fields that start
//! empty), the current types read the old text as it is; when a change renames, moves or splits
//! something, the old shape is kept here as its own serde types and converted.
//!
//! Every version has a fixture in `tests/fixtures/format/` that a test loads.

use super::LoadError;
use crate::model::{FORMAT_VERSION, Project};

/// The current project from the text of a file of version `version` (1 ..= current).
pub fn read(text: &str, version: u32) -> Result<Project, LoadError> {
    match version {
        1 | 2 => additive(text).map(from_v2),
        3 | 4 => additive(text),
        v if v == FORMAT_VERSION => whole_or_split(text),
        found => Err(LoadError::NewerVersion {
            found,
            supported: FORMAT_VERSION,
        }),
    }
}

/// Version 3 made a measurement's value optional (older files wrote a bare number, which the
/// current type still reads as a value) and added `counts_people` to indicators and figures.
/// Nobody chose it in an older file, so it stays `None`: counted as people (small values
/// hidden) until the user says otherwise. (It used to be set here from a guess at the unit,
/// which switched protection off for units such as "leerlingen per 1 oktober".)
fn from_v2(mut p: Project) -> Project {
    for c in &mut p.cycles {
        for d in &mut c.analysis.data_points {
            d.counts_people = None;
        }
        for o in &mut c.outcomes {
            for i in &mut o.indicators {
                i.counts_people = None;
            }
        }
    }
    p
}

/// Versions 1, 3 and 4 differ from the next one only by additions that start empty (version 2:
/// scans, data dialogues, meetings, the samenwerkingsagenda, intervision, tips, privacy
/// settings; version 4: workshops, shared lessons, the support analysis, dated dialogues and
/// the rest listed at [`FORMAT_VERSION`]; version 5: no `next_id`, which is now ignored), so
/// their text reads as the current document.
fn additive(text: &str) -> Result<Project, LoadError> {
    whole_or_split(text)
}

/// A large file is parsed in pieces on every core ([`super::split`]); anything unusual, and
/// every error, goes through the parse of the whole text (which reports line and column).
fn whole_or_split(text: &str) -> Result<Project, LoadError> {
    match super::split::read(text) {
        Some(project) => Ok(project),
        None => ron::from_str(text).map_err(|e| LoadError::from_ron_in(&e, text)),
    }
}
