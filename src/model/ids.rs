//! Stable identifiers for every item in a project.

use serde::{Deserialize, Serialize};

/// The id of an item (partner, ambition, outcome, indicator, …). Unique within one project and
/// never reused, so links by id stay valid when items are reordered or renamed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(pub u64);

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#{}", self.0)
    }
}
