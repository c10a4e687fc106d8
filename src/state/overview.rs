//! The region overview screen's state: the folder, its loading, what is sorted and charted.
//! Drawn by `ui::overview`.

use crate::overview::{Loading, Overview};
use std::path::PathBuf;

/// What can be compared and sorted on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    Region,
    Phase,
    Model,
    WorkingFactors,
    Borging,
    OnTrack,
    Cycle,
}

/// The overview screen's state.
pub struct OverviewScreen {
    pub folder: PathBuf,
    pub loading: Option<Loading>,
    pub data: Option<Overview>,
    pub sort: (Measure, bool),
    pub chart: Measure,
    /// The words the lessons of the folder's regions are searched for.
    pub lesson_query: String,
}

impl OverviewScreen {
    pub fn new(folder: PathBuf, loading: Loading) -> Self {
        Self {
            folder,
            loading: Some(loading),
            data: None,
            sort: (Measure::Region, true),
            chart: Measure::OnTrack,
            lesson_query: String::new(),
        }
    }
}
