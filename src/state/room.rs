//! What the room's own pages in workshop mode keep while they are shown: the dot-vote's
//! chosen line and the item being typed, the parking lot's field and the quick "park it"
//! field that opens on any page. Drawn by `ui::workshop::{vote, parking}`; what they record
//! goes to the day's `WorkshopSession`.

/// The dot-vote page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct VoteScreen {
    /// The line the keys change (its place on the page, 0-based).
    pub selected: Option<usize>,
    /// An item of the room's own, half typed.
    pub draft: String,
    /// Scroll the chosen line into view in the next frame (a line was just added).
    pub reveal: bool,
}

/// The parking lot: its page's field, and the quick field any page opens (key P).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParkingScreen {
    pub draft: String,
    /// The quick field while it is open, with what is typed in it.
    pub quick: Option<String>,
}
