//! The results-chain screen's own state: zoom, pan, the selected box, a link being dragged,
//! and what it computed from the document (kept while the document does not change). Drawn
//! by `ui::chain`; in the window and on the workshop page alike.

use crate::model::chain::{Chain, Placement};
use crate::model::{Assessment, Id, IdMap, SeriesPoint};

/// The state of one chain view (the screen and the workshop page each have one).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChainScreen {
    /// Points on screen per point of the layout; 0 until first fitted to the window.
    pub zoom: f32,
    /// Where the layout's origin is, from the top-left of the drawing area, in screen points.
    pub pan: [f32; 2],
    /// The box chosen by click or keys: it and what it is linked to stand out, the rest fades.
    pub selected: Option<Id>,
    /// A link being drawn: from this box to the pointer.
    pub dragging: Option<Id>,
    /// The arrow whose menu is open (from, to) and where.
    pub arrow_menu: Option<(Id, Id, [f32; 2])>,
    /// The title typed for a new box.
    pub new_title: String,
    /// Fit the whole chain in the window on the next frame.
    pub fit: bool,
    pub cache: Option<ChainCache>,
}

/// What the statuses of a cycle depend on: the cycle, what its indicators and measurements
/// hold ([`crate::model::Cycle::status_fingerprint`]), every other cycle's generation (a
/// series reaches into earlier cycles), and the day. An edit that changes none of these
/// (a title, a description, a cycle's name) keeps the statuses and the series.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct StatusKey {
    pub cycle: usize,
    pub fingerprint: u64,
    pub others: u64,
    pub today: Option<chrono::NaiveDate>,
}

/// What the screen computed from the document: kept while `key` stays the same.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChainCache {
    /// (document serial, cycle, revision, today, text scale as its bits)
    pub key: (u64, usize, u64, chrono::NaiveDate, u32),
    pub chain: Chain,
    /// At zoom 1.
    pub place: Placement,
    /// What the statuses and series were computed from (see [`StatusKey`]).
    pub inputs: StatusKey,
    /// The status of every indicator with content, as the dashboard has it.
    pub statuses: std::sync::Arc<IdMap<Assessment>>,
    /// Each indicator's series, for its trend line.
    pub series: std::sync::Arc<IdMap<Vec<SeriesPoint>>>,
}

impl ChainScreen {
    /// A view that fits the chain in the window when first drawn.
    pub fn new() -> Self {
        Self {
            fit: true,
            ..Self::default()
        }
    }
}
