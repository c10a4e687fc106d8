//! Small counts of people: whether a unit counts people, and whether a value is hidden as
//! "< threshold" outside the window.

/// The default threshold below which counts are suppressed in exports.
pub const DEFAULT_SMALL_NUMBERS: u32 = 5;

pub use crate::model::unit_counts_people;

/// Whether a value must be shown as "< threshold" outside the window: a number of people above
/// zero and below the threshold (zero identifies nobody; 3.5 people is still fewer than 5).
pub fn suppress(value: f64, counts_people: bool, threshold: u32) -> bool {
    counts_people && value > 0.0 && value < f64::from(threshold)
}
