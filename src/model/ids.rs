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

/// A hasher for [`Id`] keys: ids are unique integers handed out by the project, so one
/// multiplication spreads them well, and the maps that index a large project by id (a hundred
/// thousand measurements) are several times faster than with the default SipHash. Not for
/// keys an attacker chooses (ids come from the user's own file).
#[derive(Clone, Copy, Debug, Default)]
pub struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // only reached for keys other than a plain u64; fold them in
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_u64(&mut self, n: u64) {
        // Fibonacci hashing: the high bits (which the table uses) depend on every input bit
        self.0 = (self.0 ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// A map keyed by [`Id`] with the fast [`IdHasher`].
pub type IdMap<V> = std::collections::HashMap<Id, V, std::hash::BuildHasherDefault<IdHasher>>;
/// A set of [`Id`]s with the fast [`IdHasher`].
pub type IdSet = std::collections::HashSet<Id, std::hash::BuildHasherDefault<IdHasher>>;
