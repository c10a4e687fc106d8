//! Snapshots of a project that share unchanged cycles, and the undo history and "unsaved
//! changes" check built on them.
//!
//! A project with ten years of measurements is tens of megabytes. Comparing or copying all of
//! it on every key press makes typing slow, and two hundred undo points of full copies do not
//! fit in memory. Almost every edit changes one cycle (the one on screen) or the small rest of
//! the project (region, partners, meetings). A [`Snapshot`] keeps each cycle behind an `Arc`:
//! a new snapshot copies only the cycles that changed and shares the others with the previous
//! one, with the undo points and with the saved copy. Whether two snapshots are equal is then
//! mostly a pointer check.
//!
//! [`Tracker`] follows the live project with such snapshots: the caller says which cycles an
//! edit may have touched ([`Scope`]), and only those are compared.
//!
//! - `snapshot.rs`: [`Snapshot`] and [`Scope`];
//! - `tracker.rs`: [`Tracker`] (undo/redo, unsaved changes, generations) and [`UndoSettings`].

mod snapshot;
mod tracker;

pub(crate) use snapshot::shell_of;
pub use snapshot::{Scope, Snapshot};
pub use tracker::{Tracker, UndoSettings};
