//! Stable identifiers for every item in a project.

use serde::{Deserialize, Serialize};

/// The id of an item (partner, ambition, outcome, indicator, …). Unique within one project and
/// never reused, so links by id stay valid when items are reordered or renamed; unique across
/// copies of a project too (see [`IdSource`]), so two copies that each add an item can be
/// merged without mistaking one item for the other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(pub u64);

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// Where a project's new ids come from: a random prefix in the high 32 bits, drawn once for each
/// time a project is opened or made (an editing session), and a counter in the low 32 bits.
///
/// Ids used to come from a counter kept in the file, so two copies of one file (the gemeente's
/// and the samenwerkingsverband's, both edited since the last e-mail) handed out the same ids to
/// different items. Now two sessions collide only when they draw the same prefix (one in two
/// billion), and the draw skips every prefix the document already holds. Ids written by older
/// versions (small numbers, prefix 0) keep their value. The source is not part of the
/// document: not written to the file, and equal between any two projects, so it never makes
/// two documents differ.
#[derive(Clone, Debug)]
pub struct IdSource {
    next: u64,
}

impl IdSource {
    /// A source with a newly drawn random prefix.
    pub fn fresh() -> Self {
        Self::with_prefix(random_prefix())
    }

    /// A source that counts from `first` (for generated documents that must be the same on
    /// every run, such as the samples and the benchmark's project).
    pub fn starting_at(first: u64) -> Self {
        Self { next: first.max(1) }
    }

    fn with_prefix(prefix: u32) -> Self {
        Self {
            next: (u64::from(prefix) << 32) | 1,
        }
    }

    /// A fresh id.
    pub fn next_id(&mut self) -> Id {
        let id = Id(self.next);
        self.next += 1;
        id
    }

    /// The id the source will hand out next (without taking it).
    pub fn peek(&self) -> Id {
        Id(self.next)
    }

    /// Takes over what `other` (a copy of this source used elsewhere) has handed out since.
    pub fn catch_up(&mut self, other: &IdSource) {
        self.next = self.next.max(other.next);
    }

    /// Draws a new prefix that none of `used` has (called when a document is opened, with the
    /// ids it holds).
    pub fn redraw_avoiding(&mut self, used: impl IntoIterator<Item = Id>) {
        let taken: std::collections::HashSet<u32> =
            used.into_iter().map(|id| (id.0 >> 32) as u32).collect();
        let mut prefix = random_prefix();
        while taken.contains(&prefix) {
            prefix = random_prefix();
        }
        *self = Self::with_prefix(prefix);
    }
}

impl Default for IdSource {
    fn default() -> Self {
        Self::fresh()
    }
}

/// Every source is equal: where new ids will come from is not part of the document.
impl PartialEq for IdSource {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// A random prefix in `1 .. 2^31` (never 0, the prefix of ids written by older versions; below
/// 2^31 so ids stay below 2^63 and read as a plain integer everywhere).
fn random_prefix() -> u32 {
    use std::hash::BuildHasher;
    use std::sync::atomic::{AtomicU64, Ordering};
    static DRAWS: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    // std's RandomState is seeded from the operating system's random source
    let h = std::collections::hash_map::RandomState::new().hash_one((
        nanos,
        std::process::id(),
        DRAWS.fetch_add(1, Ordering::Relaxed),
    ));
    ((h >> 33) as u32).max(1)
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
