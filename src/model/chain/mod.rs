//! The results chain of a cycle (veranderingstheorie) as a graph: interventions contribute to
//! outcomes, outcomes make ambitions measurable. Built from the cycle's links, ordered so that
//! few arrows cross, and placed in three columns. No drawing here: the window and the SVG
//! export both draw a [`Placement`] of the same [`Chain`].
//!
//! The layers are given by the kind of item, so of the usual layered ("Sugiyama") layout only
//! two parts are needed: the order within each column (the barycentre heuristic, sweeping down
//! and up and keeping the order with the fewest crossings) and the vertical position (each box
//! as close as it can be to the middle of what it is linked to, without overlapping).

use super::{Content, Cycle, FindingKind, Id, IdMap, Step, findings_for_step};

mod edit;
mod place;

pub use edit::{link, linkable, unlink};
pub use place::{Metrics, Placement, Rect};

/// What a box of the chain is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Intervention,
    Outcome,
    Ambition,
}

impl Kind {
    /// Left to right: interventions, outcomes, ambitions.
    pub const ALL: [Self; 3] = [Self::Intervention, Self::Outcome, Self::Ambition];

    /// The column it is drawn in, 0 on the left.
    pub fn layer(self) -> usize {
        self as usize
    }

    /// The step whose editor holds this kind of item.
    pub fn step(self) -> Step {
        match self {
            Self::Intervention => Step::Interventions,
            Self::Outcome => Step::Outcomes,
            Self::Ambition => Step::Ambitions,
        }
    }
}

/// A box: an intervention, an outcome (with its indicators) or an ambition.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub id: Id,
    pub kind: Kind,
    /// What "Nog te doen" says is missing about it: an intervention linked to nothing, an
    /// outcome without indicators or interventions, an ambition without outcomes.
    pub loose: Vec<FindingKind>,
}

/// An arrow, from a box in one column to a box in the next: an intervention's contribution to
/// an outcome, or an outcome that makes an ambition measurable.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    /// Index in [`Chain::nodes`].
    pub from: usize,
    pub to: usize,
    /// The expected contribution in words (interventions to outcomes; may be empty).
    pub expected: String,
}

/// The chain of one cycle: its boxes, its arrows, and the order of the boxes in each column.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Chain {
    pub nodes: Vec<Node>,
    pub links: Vec<Link>,
    /// Per column (see [`Kind::layer`]), the node indexes from top to bottom.
    pub columns: [Vec<usize>; 3],
}

/// The loose ends the chain marks: the completeness findings about missing links.
pub const LOOSE: [FindingKind; 4] = [
    FindingKind::InterventionWithoutOutcome,
    FindingKind::OutcomeWithoutIndicator,
    FindingKind::OutcomeWithoutIntervention,
    FindingKind::AmbitionWithoutOutcome,
];

impl Chain {
    /// The chain of cycle `c`: every ambition, outcome and intervention (an empty one too, so a
    /// box just added shows), every link between them once, loose ends as "Nog te doen" finds
    /// them, and the columns ordered for few crossings.
    pub fn of(c: &Cycle) -> Self {
        let mut loose: IdMap<Vec<FindingKind>> = IdMap::default();
        for step in [Step::Outcomes, Step::Interventions] {
            for f in findings_for_step(c, step) {
                if let (Some(item), true) = (f.item, LOOSE.contains(&f.kind)) {
                    loose.entry(item).or_default().push(f.kind);
                }
            }
        }
        let mut chain = Chain::default();
        let mut index: IdMap<usize> = IdMap::default();
        let mut add = |chain: &mut Chain, id: Id, kind: Kind| {
            if index.contains_key(&id) {
                return; // an id used twice (a hand-edited file): one box
            }
            index.insert(id, chain.nodes.len());
            chain.columns[kind.layer()].push(chain.nodes.len());
            chain.nodes.push(Node {
                id,
                kind,
                loose: loose.get(&id).cloned().unwrap_or_default(),
            });
        };
        for i in &c.interventions {
            add(&mut chain, i.id, Kind::Intervention);
        }
        for o in &c.outcomes {
            add(&mut chain, o.id, Kind::Outcome);
        }
        for a in &c.ambitions {
            add(&mut chain, a.id, Kind::Ambition);
        }
        let mut seen = std::collections::HashSet::new();
        let kind_of = |chain: &Chain, k: usize| chain.nodes[k].kind;
        for i in &c.interventions {
            for k in &i.contributions {
                if let (Some(&from), Some(&to)) = (index.get(&i.id), index.get(&k.outcome))
                    && kind_of(&chain, from) == Kind::Intervention
                    && kind_of(&chain, to) == Kind::Outcome
                    && seen.insert((from, to))
                {
                    chain.links.push(Link {
                        from,
                        to,
                        expected: k.expected.trim().to_owned(),
                    });
                }
            }
        }
        for o in &c.outcomes {
            for a in &o.ambitions {
                if let (Some(&from), Some(&to)) = (index.get(&o.id), index.get(a))
                    && kind_of(&chain, from) == Kind::Outcome
                    && kind_of(&chain, to) == Kind::Ambition
                    && seen.insert((from, to))
                {
                    chain.links.push(Link {
                        from,
                        to,
                        expected: String::new(),
                    });
                }
            }
        }
        chain.order();
        chain
    }

    /// The box of item `id`.
    pub fn node(&self, id: Id) -> Option<usize> {
        self.nodes.iter().position(|n| n.id == id)
    }

    /// How many pairs of arrows cross, with the columns in their current order.
    pub fn crossings(&self) -> usize {
        let pos = self.positions();
        let mut total = 0;
        for layer in 0..2 {
            let edges: Vec<(usize, usize)> = self
                .links
                .iter()
                .filter(|l| self.nodes[l.from].kind.layer() == layer)
                .map(|l| (pos[l.from], pos[l.to]))
                .collect();
            total += count_crossings(edges);
        }
        total
    }

    /// Each node's place in its column.
    fn positions(&self) -> Vec<usize> {
        let mut pos = vec![0; self.nodes.len()];
        for col in &self.columns {
            for (p, &n) in col.iter().enumerate() {
                pos[n] = p;
            }
        }
        pos
    }

    /// Orders the columns for few crossings: barycentre sweeps, keeping the best order seen.
    fn order(&mut self) {
        let mut best = (self.crossings(), self.columns.clone());
        if best.0 == 0 {
            return;
        }
        for _ in 0..6 {
            // down: outcomes by their interventions, ambitions by their outcomes
            self.sort_column(1, 0);
            self.sort_column(2, 1);
            self.keep_best(&mut best);
            // up: outcomes by their ambitions, interventions by their outcomes
            self.sort_column(1, 2);
            self.sort_column(0, 1);
            self.keep_best(&mut best);
            if best.0 == 0 {
                break;
            }
        }
        self.columns = best.1;
    }

    fn keep_best(&self, best: &mut (usize, [Vec<usize>; 3])) {
        let n = self.crossings();
        if n < best.0 {
            *best = (n, self.columns.clone());
        }
    }

    /// Sorts column `col` by the mean place of each box's neighbours in column `by` (a box
    /// without neighbours there keeps its place).
    fn sort_column(&mut self, col: usize, by: usize) {
        let pos = self.positions();
        let mut sum: Vec<(f64, usize)> = vec![(0.0, 0); self.nodes.len()];
        for l in &self.links {
            for (me, other) in [(l.from, l.to), (l.to, l.from)] {
                if self.nodes[me].kind.layer() == col && self.nodes[other].kind.layer() == by {
                    sum[me].0 += pos[other] as f64;
                    sum[me].1 += 1;
                }
            }
        }
        let key = |n: usize| {
            let (s, k) = sum[n];
            if k == 0 { pos[n] as f64 } else { s / k as f64 }
        };
        self.columns[col].sort_by(|&a, &b| key(a).total_cmp(&key(b)));
    }

    /// The boxes linked to `node` directly or through others, in both directions along the
    /// arrows (what it leads to and what leads to it), `node` itself included.
    pub fn related(&self, node: usize) -> Vec<bool> {
        let mut mark = vec![false; self.nodes.len()];
        if node >= self.nodes.len() {
            return mark;
        }
        mark[node] = true;
        // forward (towards the ambitions), then backward, each only along its direction
        for forward in [true, false] {
            let mut stack = vec![node];
            let mut seen = vec![false; self.nodes.len()];
            seen[node] = true;
            while let Some(n) = stack.pop() {
                for l in &self.links {
                    let (a, b) = if forward {
                        (l.from, l.to)
                    } else {
                        (l.to, l.from)
                    };
                    if a == n && !seen[b] {
                        seen[b] = true;
                        mark[b] = true;
                        stack.push(b);
                    }
                }
            }
        }
        mark
    }
}

/// How many pairs of edges (given as (upper place, lower place)) cross.
fn count_crossings(mut edges: Vec<(usize, usize)>) -> usize {
    // sorted by the upper end, a crossing is a pair out of order at the lower end: count
    // the inversions with a merge sort (n log n; the stress project has thousands of arrows)
    edges.sort_unstable();
    let mut lower: Vec<usize> = edges.into_iter().map(|e| e.1).collect();
    inversions(&mut lower)
}

/// The pairs i < j with v[i] > v[j]; sorts `v`.
fn inversions(v: &mut [usize]) -> usize {
    if v.len() < 2 {
        return 0;
    }
    let mid = v.len() / 2;
    let mut n = inversions(&mut v[..mid]) + inversions(&mut v[mid..]);
    let mut merged = Vec::with_capacity(v.len());
    let (mut i, mut j) = (0, mid);
    while i < mid && j < v.len() {
        if v[j] < v[i] {
            n += mid - i;
            merged.push(v[j]);
            j += 1;
        } else {
            merged.push(v[i]);
            i += 1;
        }
    }
    merged.extend_from_slice(&v[i..mid]);
    merged.extend_from_slice(&v[j..]);
    v.copy_from_slice(&merged);
    n
}

/// Whether an item of the chain has anything typed in it (an empty box is drawn but titled
/// "untitled").
pub fn has_content(c: &Cycle, id: Id) -> bool {
    c.intervention(id).is_some_and(|i| i.has_content())
        || c.outcome(id).is_some_and(|o| o.has_content())
        || c.ambition(id).is_some_and(|a| a.has_content())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inversions_count_crossing_pairs() {
        // (0→1) and (1→0) cross; (0→0) and (1→1) do not
        assert_eq!(count_crossings(vec![(0, 1), (1, 0)]), 1);
        assert_eq!(count_crossings(vec![(0, 0), (1, 1)]), 0);
        // brute force on a fixed set
        let edges = vec![(0, 3), (1, 1), (2, 0), (2, 2), (3, 1), (0, 0)];
        let mut brute = 0;
        for (i, a) in edges.iter().enumerate() {
            for b in &edges[i + 1..] {
                if (a.0 < b.0 && a.1 > b.1) || (a.0 > b.0 && a.1 < b.1) {
                    brute += 1;
                }
            }
        }
        assert_eq!(count_crossings(edges), brute);
        assert!(brute > 0);
    }
}
