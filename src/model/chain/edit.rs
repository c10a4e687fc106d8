//! Changing the chain: linking two items of a cycle and removing a link, as the diagram's
//! drag and arrow menu do (through the same document and undo as the step editors).

use super::Kind;
use crate::model::{Contribution, Cycle, Id};

/// Whether a link can be drawn between boxes of these kinds (in either direction).
pub fn linkable(a: Kind, b: Kind) -> bool {
    matches!(
        (a, b),
        (Kind::Intervention, Kind::Outcome)
            | (Kind::Outcome, Kind::Intervention)
            | (Kind::Outcome, Kind::Ambition)
            | (Kind::Ambition, Kind::Outcome)
    )
}

/// Links items `a` and `b` of `c` (an intervention to an outcome, an outcome to an ambition,
/// in either order); nothing when they are of other kinds or already linked.
pub fn link(c: &mut Cycle, a: Id, b: Id) {
    for (x, y) in [(a, b), (b, a)] {
        if c.outcome(y).is_some()
            && let Some(i) = c.interventions.iter_mut().find(|i| i.id == x)
        {
            if !i.contributions.iter().any(|k| k.outcome == y) {
                i.contributions.push(Contribution {
                    outcome: y,
                    expected: String::new(),
                });
            }
            return;
        }
        if c.ambition(y).is_some()
            && let Some(o) = c.outcomes.iter_mut().find(|o| o.id == x)
        {
            if !o.ambitions.contains(&y) {
                o.ambitions.push(y);
            }
            return;
        }
    }
}

/// Removes the link from `from` to `to` (an intervention's contribution, an outcome's
/// ambition).
pub fn unlink(c: &mut Cycle, from: Id, to: Id) {
    if let Some(i) = c.interventions.iter_mut().find(|i| i.id == from) {
        i.contributions.retain(|k| k.outcome != to);
    }
    if let Some(o) = c.outcomes.iter_mut().find(|o| o.id == from) {
        o.ambitions.retain(|a| *a != to);
    }
}
