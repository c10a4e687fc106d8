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
        1 | 2 => additive(text),
        v if v == FORMAT_VERSION => ron::from_str(text).map_err(|e| LoadError::from_ron(&e)),
        found => Err(LoadError::NewerVersion {
            found,
            supported: FORMAT_VERSION,
        }),
    }
}

/// Versions 1 and 2 differ from the current one only by additions that start empty, so their
/// text reads as the current document:
/// - 1 → 2: the working-factor scans and the data dialogue per indicator;
/// - 2 → 3: meetings, the samenwerkingsagenda, intervision sessions and tips.
fn additive(text: &str) -> Result<Project, LoadError> {
    ron::from_str(text).map_err(|e| LoadError::from_ron(&e))
}
