//! Undo history and "unsaved changes" on shared snapshots (`model::Tracker`): the same answers
//! as egui's `Undoer` on full copies, while unchanged cycles are shared, not copied.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use egui::util::undoer::{Settings, Undoer};
use kompas::model::*;
use proptest::prelude::*;

fn project(cycles: usize) -> Project {
    let d = |y| NaiveDate::from_ymd_opt(y, 8, 1).unwrap();
    let mut p = Project::new("Testregio", d(2020), d(2021));
    for _ in 1..cycles {
        let last = p.cycles.len() - 1;
        p.start_next_cycle(last).unwrap();
    }
    p
}

fn settings() -> UndoSettings {
    UndoSettings {
        max_undos: 20,
        stable_time: 0.8,
        auto_save_interval: 30.0,
    }
}

/// An edit of the kind the window makes, and the scope it promises.
#[derive(Clone, Debug)]
enum Op {
    /// Type a character into the name of cycle `i % n`.
    TypeInCycle(usize, char),
    /// Type into the region's name (outside the cycles).
    TypeInRegion(char),
    /// Delete the last character of cycle `i % n`'s name.
    Backspace(usize),
    /// Time passes without input.
    Wait(u8),
    Undo,
    Redo,
    Save,
    /// Start a new cycle (a change that touches the list of cycles).
    NewCycle,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0usize..4, prop::char::range('a', 'e')).prop_map(|(i, c)| Op::TypeInCycle(i, c)),
        1 => prop::char::range('a', 'e').prop_map(Op::TypeInRegion),
        1 => (0usize..4).prop_map(Op::Backspace),
        3 => (1u8..20).prop_map(Op::Wait),
        2 => Just(Op::Undo),
        1 => Just(Op::Redo),
        1 => Just(Op::Save),
        1 => Just(Op::NewCycle),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Random editing sessions: after every step the tracker and egui's `Undoer` (fed full
    /// copies) hold the same project, agree on undo and redo, and "unsaved" is exactly
    /// "differs from the last save".
    #[test]
    fn tracker_matches_egui_undoer(ops in prop::collection::vec(op(), 1..60)) {
        let mut p = project(2);
        let mut q = p.clone();
        let mut saved = p.clone();
        let mut tracker = Tracker::new(&p, &p, settings());
        let mut undoer: Undoer<Project> = Undoer::with_settings(Settings {
            max_undos: 20,
            stable_time: 0.8,
            auto_save_interval: 30.0,
        });
        let mut now = 0.0;
        undoer.feed_state(now, &q);
        for op in ops {
            now += 0.1;
            let scope = match &op {
                Op::TypeInCycle(i, c) => {
                    let i = i % p.cycles.len();
                    p.cycles[i].name.push(*c);
                    q.cycles[i].name.push(*c);
                    Scope::Cycle(i)
                }
                Op::Backspace(i) => {
                    let i = i % p.cycles.len();
                    p.cycles[i].name.pop();
                    q.cycles[i].name.pop();
                    Scope::Cycle(i)
                }
                Op::TypeInRegion(c) => {
                    p.region.name.push(*c);
                    q.region.name.push(*c);
                    Scope::Cycle(0)
                }
                Op::Wait(tenths) => {
                    now += f64::from(*tenths) / 10.0;
                    Scope::Cycle(0)
                }
                Op::NewCycle => {
                    let last = p.cycles.len() - 1;
                    p.start_next_cycle(last);
                    q.start_next_cycle(last);
                    Scope::All
                }
                Op::Undo => {
                    tracker.sync(&p, Scope::All, now);
                    undoer.feed_state(now, &q);
                    let a = tracker.undo(&mut p);
                    let b = undoer.undo(&q).cloned();
                    prop_assert_eq!(a, b.is_some());
                    if let Some(b) = b {
                        // undo and redo never turn the id counter back
                        let ids = q.ids.clone();
                        q = b;
                        q.ids = ids;
                    }
                    Scope::All
                }
                Op::Redo => {
                    tracker.sync(&p, Scope::All, now);
                    undoer.feed_state(now, &q);
                    let a = tracker.redo(&mut p);
                    let b = undoer.redo(&q).cloned();
                    prop_assert_eq!(a, b.is_some());
                    if let Some(b) = b {
                        // undo and redo never turn the id counter back
                        let ids = q.ids.clone();
                        q = b;
                        q.ids = ids;
                    }
                    Scope::All
                }
                Op::Save => {
                    tracker.sync(&p, Scope::All, now);
                    undoer.feed_state(now, &q);
                    tracker.mark_saved();
                    saved = p.clone();
                    Scope::All
                }
            };
            tracker.sync(&p, scope, now);
            undoer.feed_state(now, &q);
            prop_assert_eq!(&p, &q);
            prop_assert!(p.duplicate_ids().is_empty(), "{:?}", p.duplicate_ids());
            prop_assert!(tracker.current().matches(&p));
            prop_assert_eq!(tracker.has_undo(), undoer.has_undo(&q));
            prop_assert_eq!(tracker.has_redo(), undoer.has_redo(&q));
            prop_assert_eq!(tracker.is_in_flux(), undoer.is_in_flux());
            prop_assert_eq!(tracker.dirty(), p != saved);
            prop_assert_eq!(tracker.differs_from_saved(&p), p != saved);
        }
    }
}

#[test]
fn an_edit_in_one_cycle_copies_only_that_cycle() {
    let mut p = project(10);
    let mut tracker = Tracker::new(&p, &p, settings());
    let mut now = 0.0;
    for word in ["een", "twee", "drie"] {
        for ch in word.chars() {
            p.cycles[7].name.push(ch);
            now += 0.1;
            assert!(tracker.sync(&p, Scope::Cycle(7), now));
        }
        now += 2.0;
        assert!(!tracker.sync(&p, Scope::Cycle(7), now), "nothing changed");
    }
    let (steps, copies) = tracker.undo_cost();
    assert_eq!(steps, 4, "the start and one step per word");
    assert_eq!(
        copies, 3,
        "each earlier step holds its own copy of cycle 7 only; the other nine are shared"
    );
    assert!(tracker.dirty());
    assert!(tracker.undo(&mut p));
    assert!(p.cycles[7].name.ends_with("twee"));
    assert!(tracker.undo(&mut p) && tracker.undo(&mut p));
    assert!(!p.cycles[7].name.contains("een"));
    assert!(!tracker.dirty(), "back at the opened state");
    assert!(!tracker.has_undo());
    assert!(tracker.redo(&mut p));
    assert!(p.cycles[7].name.ends_with("een"));
}

#[test]
fn a_change_outside_the_scope_is_found_by_a_full_check() {
    let mut p = project(3);
    let mut tracker = Tracker::new(&p, &p, settings());
    p.cycles[0].name.push('x');
    assert!(
        !tracker.sync(&p, Scope::Cycle(2), 0.1),
        "the caller promised only cycle 2 could change"
    );
    assert!(tracker.sync(&p, Scope::All, 0.2));
    assert!(tracker.dirty());
    p.cycles[0].name.pop();
    assert!(tracker.sync(&p, Scope::All, 0.3));
    assert!(!tracker.dirty(), "typed and deleted again: nothing unsaved");
}

#[test]
fn saving_then_editing_then_undoing_is_clean_again() {
    let mut p = project(2);
    let mut tracker = Tracker::new(&p, &p, settings());
    p.region.name.push_str(" Noord");
    tracker.sync(&p, Scope::Cycle(1), 0.1);
    tracker.sync(&p, Scope::Cycle(1), 2.0);
    tracker.mark_saved();
    assert!(!tracker.dirty());
    p.cycles[1].name.push_str(" (concept)");
    tracker.sync(&p, Scope::Cycle(1), 2.1);
    assert!(tracker.dirty());
    assert!(tracker.undo(&mut p));
    assert!(!tracker.dirty(), "the undo step is the saved state");
    assert_eq!(p.region.name, "Testregio Noord");
}

#[test]
fn a_snapshot_restores_the_whole_project() {
    let p = kompas::stress::region(7, kompas::stress::Size::REGION, "Testregio");
    let s = Snapshot::of(&p);
    assert!(s.matches(&p));
    assert_eq!(s.to_project(), p);
    assert!(p.cycles.len() >= 2);
    let mut q = p.clone();
    q.cycles[1].name.push('!');
    let t = s.update(&q, Scope::All).expect("changed");
    assert_eq!(t.unshared_cycles(&s), 1);
    let mut r = q.clone();
    s.restore_into(&mut r, &t);
    assert_eq!(r, p);
}

#[test]
fn a_cycle_gets_a_new_generation_exactly_when_it_changes() {
    let mut p = project(4);
    let mut tracker = Tracker::new(&p, &p, settings());
    let other = Tracker::new(&p, &p, settings());
    let start = tracker.generations().to_vec();
    assert_eq!(start.len(), 4);
    assert!(
        start.iter().all(|g| !other.generations().contains(g)),
        "never the same numbers as another document"
    );
    p.cycles[2].name.push('x');
    tracker.sync(&p, Scope::Cycle(2), 0.1);
    let after = tracker.generations().to_vec();
    for k in 0..4 {
        assert_eq!(after[k] != start[k], k == 2, "cycle {k}");
    }
    p.region.name.push('y');
    tracker.sync(&p, Scope::Cycle(2), 0.2);
    assert_eq!(
        tracker.generations(),
        &after[..],
        "outside the cycles: no cycle changed"
    );
    tracker.sync(&p, Scope::Cycle(2), 2.0);
    assert!(tracker.undo(&mut p));
    let undone = tracker.generations().to_vec();
    assert_ne!(undone[2], after[2], "undo changes the cycle back");
    assert_ne!(undone[2], start[2], "with a number never used before");
    assert_eq!(undone[0], start[0]);
}
