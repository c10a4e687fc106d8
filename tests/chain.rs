//! The results chain: every link of the model drawn once, boxes that never overlap, loose ends
//! that agree with "Nog te doen", and an order with fewer crossings than the document's.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use kompas::model::chain::{Chain, Kind, LOOSE, Metrics};
use kompas::model::*;
use proptest::prelude::*;
use std::collections::BTreeSet;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A cycle with `a` ambitions, `o` outcomes (each with `ind[k]` indicators) and `i`
/// interventions, linked as `links` says: (intervention, outcome) and (outcome, ambition)
/// pairs by position (duplicates included, as a hand-edited file may have them).
fn cycle(
    a: usize,
    o: &[usize],
    i: usize,
    contributes: &[(usize, usize)],
    measures: &[(usize, usize)],
    empty: &[usize],
) -> Cycle {
    let mut next = 0;
    let mut id = || {
        next += 1;
        Id(next)
    };
    let mut c = Cycle::new(id(), "Cyclus", d(2025, 1, 1), d(2026, 12, 31));
    for k in 0..a {
        let mut x = Ambition::new(id());
        x.title = format!("Ambitie {k}");
        c.ambitions.push(x);
    }
    for (k, n) in o.iter().enumerate() {
        let mut x = Outcome::new(id());
        // some items stay empty: they are drawn, but count nowhere
        if !empty.contains(&k) {
            x.title = format!("Resultaat {k}");
        }
        for m in 0..*n {
            let mut ind = Indicator::new(id());
            ind.name = format!("Indicator {k}.{m}");
            x.indicators.push(ind);
        }
        c.outcomes.push(x);
    }
    for k in 0..i {
        let mut x = Intervention::new(id());
        x.title = format!("Interventie {k}");
        c.interventions.push(x);
    }
    for &(iv, oc) in contributes {
        if iv < c.interventions.len() && oc < c.outcomes.len() {
            let outcome = c.outcomes[oc].id;
            c.interventions[iv].contributions.push(Contribution {
                outcome,
                expected: format!("verwacht {iv}-{oc}"),
            });
        }
    }
    for &(oc, am) in measures {
        if oc < c.outcomes.len() && am < c.ambitions.len() {
            let ambition = c.ambitions[am].id;
            c.outcomes[oc].ambitions.push(ambition);
        }
    }
    c
}

/// Every (from, to) link of the cycle, once.
fn model_links(c: &Cycle) -> BTreeSet<(Id, Id)> {
    let mut out = BTreeSet::new();
    for i in &c.interventions {
        out.extend(i.contributions.iter().map(|k| (i.id, k.outcome)));
    }
    for o in &c.outcomes {
        out.extend(o.ambitions.iter().map(|a| (o.id, *a)));
    }
    out
}

fn drawn_links(chain: &Chain) -> Vec<(Id, Id)> {
    chain
        .links
        .iter()
        .map(|l| (chain.nodes[l.from].id, chain.nodes[l.to].id))
        .collect()
}

fn heights(c: &Cycle, chain: &Chain) -> Vec<f32> {
    chain
        .nodes
        .iter()
        .map(|n| match n.kind {
            Kind::Outcome => 50.0 + 30.0 * c.outcome(n.id).unwrap().indicators.len() as f32,
            _ => 48.0,
        })
        .collect()
}

fn arb_cycle() -> impl Strategy<Value = Cycle> {
    (
        0usize..8,
        proptest::collection::vec(0usize..4, 0..10),
        0usize..12,
        proptest::collection::vec((0usize..12, 0usize..10), 0..30),
        proptest::collection::vec((0usize..10, 0usize..8), 0..20),
        proptest::collection::vec(0usize..10, 0..3),
    )
        .prop_map(|(a, o, i, con, mea, empty)| cycle(a, &o, i, &con, &mea, &empty))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Every link of the model is drawn exactly once, and nothing else is drawn.
    #[test]
    fn every_link_is_drawn_once(c in arb_cycle()) {
        let chain = Chain::of(&c);
        let drawn = drawn_links(&chain);
        let unique: BTreeSet<(Id, Id)> = drawn.iter().copied().collect();
        prop_assert_eq!(unique.len(), drawn.len(), "a link drawn twice");
        prop_assert_eq!(unique, model_links(&c));
        // every item is a box, once, in the column of its kind
        prop_assert_eq!(chain.nodes.len(), c.ambitions.len() + c.outcomes.len() + c.interventions.len());
        for (col, kind) in Kind::ALL.iter().enumerate() {
            let mut ids: Vec<usize> = chain.columns[col].clone();
            ids.sort_unstable();
            let expected: Vec<usize> = (0..chain.nodes.len()).filter(|&n| chain.nodes[n].kind == *kind).collect();
            prop_assert_eq!(ids, expected);
        }
    }

    /// Boxes never overlap, and each column is in its own band left to right.
    #[test]
    fn boxes_never_overlap(c in arb_cycle()) {
        let chain = Chain::of(&c);
        let place = chain.place(&heights(&c, &chain), Metrics::default());
        for (a, ra) in place.rects.iter().enumerate() {
            prop_assert!(ra.x >= 0.0 && ra.y >= 0.0);
            prop_assert!(ra.x + ra.w <= place.width + 0.01 && ra.y + ra.h <= place.height + 0.01);
            for rb in &place.rects[a + 1..] {
                prop_assert!(!ra.overlaps(rb), "{ra:?} overlaps {rb:?}");
            }
        }
        for l in &chain.links {
            prop_assert!(place.rects[l.from].x < place.rects[l.to].x, "arrows run left to right");
        }
        // within a column, the order of the boxes is the column's order
        for col in &chain.columns {
            for w in col.windows(2) {
                prop_assert!(place.rects[w[0]].y < place.rects[w[1]].y);
            }
        }
    }

    /// The loose ends marked in the picture are exactly the completeness findings about
    /// missing links.
    #[test]
    fn loose_ends_agree_with_the_findings(c in arb_cycle()) {
        let chain = Chain::of(&c);
        let marked: BTreeSet<(Id, String)> = chain
            .nodes
            .iter()
            .flat_map(|n| n.loose.iter().map(move |k| (n.id, format!("{k:?}"))))
            .collect();
        let found: BTreeSet<(Id, String)> = findings(&c)
            .into_iter()
            .filter(|f| LOOSE.contains(&f.kind))
            .map(|f| (f.item.unwrap(), format!("{:?}", f.kind)))
            .collect();
        prop_assert_eq!(marked, found);
    }

    /// The chosen order has no more crossings than the document's order.
    #[test]
    fn ordering_never_adds_crossings(c in arb_cycle()) {
        let chain = Chain::of(&c);
        let mut as_typed = chain.clone();
        for col in &mut as_typed.columns {
            col.sort_unstable();
        }
        prop_assert!(chain.crossings() <= as_typed.crossings());
    }
}

/// A chain drawn in document order with crossing arrows is untangled.
#[test]
fn a_tangled_chain_is_untangled() {
    // interventions 0,1,2 move outcomes 2,1,0: in document order all three pairs cross
    let c = cycle(0, &[1, 1, 1], 3, &[(0, 2), (1, 1), (2, 0)], &[], &[]);
    let chain = Chain::of(&c);
    let mut as_typed = chain.clone();
    for col in &mut as_typed.columns {
        col.sort_unstable();
    }
    assert_eq!(as_typed.crossings(), 3);
    assert_eq!(chain.crossings(), 0);
}

/// Selecting a box highlights what it leads to and what leads to it, and nothing beside.
#[test]
fn related_follows_the_arrows_both_ways() {
    // intervention 0 → outcome 0 → ambition 0; intervention 1 → outcome 1 → ambition 0;
    // outcome 2 alone
    let c = cycle(1, &[1, 1, 1], 2, &[(0, 0), (1, 1)], &[(0, 0), (1, 0)], &[]);
    let chain = Chain::of(&c);
    let node = |id: Id| chain.node(id).unwrap();
    let iv0 = node(c.interventions[0].id);
    let marked = chain.related(iv0);
    let ids: BTreeSet<Id> = (0..chain.nodes.len())
        .filter(|&n| marked[n])
        .map(|n| chain.nodes[n].id)
        .collect();
    // the intervention, its outcome and that outcome's ambition; not the other intervention
    // (which only shares the ambition further on), nor the loose outcome
    let expected: BTreeSet<Id> = [c.interventions[0].id, c.outcomes[0].id, c.ambitions[0].id]
        .into_iter()
        .collect();
    assert_eq!(ids, expected);
    // from the ambition: everything that leads to it
    let marked = chain.related(node(c.ambitions[0].id));
    assert_eq!(marked.iter().filter(|m| **m).count(), 5);
    assert!(!marked[node(c.outcomes[2].id)]);
}

/// Both samples: every link of every cycle drawn once, no overlap.
#[test]
fn the_samples_draw_whole() {
    for sample in kompas::samples::SAMPLES {
        let p = sample.project().unwrap();
        for c in &p.cycles {
            let chain = Chain::of(c);
            let drawn: BTreeSet<(Id, Id)> = drawn_links(&chain).into_iter().collect();
            assert_eq!(drawn, model_links(c), "{}", sample.file_name);
            let place = chain.place(&heights(c, &chain), Metrics::default());
            for (a, ra) in place.rects.iter().enumerate() {
                for rb in &place.rects[a + 1..] {
                    assert!(!ra.overlaps(rb));
                }
            }
        }
    }
}

/// Linking from the diagram: an intervention to an outcome and an outcome to an ambition, in
/// either order, once; nothing between other kinds; a removed link is gone and nothing else.
#[test]
fn link_and_unlink() {
    use kompas::model::chain::{link, unlink};
    let mut c = cycle(1, &[1, 1], 1, &[], &[], &[]);
    let (iv, o0, o1, am) = (
        c.interventions[0].id,
        c.outcomes[0].id,
        c.outcomes[1].id,
        c.ambitions[0].id,
    );
    link(&mut c, iv, o0);
    link(&mut c, o1, iv); // the other way round
    link(&mut c, am, o0);
    link(&mut c, iv, o0); // twice: once
    link(&mut c, iv, am); // not neighbours: nothing
    link(&mut c, o0, o1); // same column: nothing
    let expected: BTreeSet<(Id, Id)> = [(iv, o0), (iv, o1), (o0, am)].into_iter().collect();
    assert_eq!(model_links(&c), expected);
    assert_eq!(c.interventions[0].contributions.len(), 2);
    unlink(&mut c, iv, o0);
    let expected: BTreeSet<(Id, Id)> = [(iv, o1), (o0, am)].into_iter().collect();
    assert_eq!(model_links(&c), expected);
    unlink(&mut c, o0, am);
    assert_eq!(model_links(&c).len(), 1);
}
