//! The results chain on screen: every item a box with its status, a box opens in its editor, a
//! link dragged from box to box and undone, a link removed from its arrow.

use super::*;
use egui::{Event, PointerButton, Pos2};
use egui_kittest::kittest::NodeT;
use kompas::i18n::Label;
use kompas::model::Status;

fn open_chain(h: &mut Harness<'static, KompasApp>) {
    click(h, &icon("📘 ", key!("sample.rivierenland")));
    click(h, &format!("🔗  {}", nl(key!("view.chain"))));
    h.run_steps(3);
}

fn box_rect(h: &Harness<'_, KompasApp>, kind: kompas::i18n::Key, title: &str) -> egui::Rect {
    let label = format!("{}: {title}", nl(kind));
    h.query_all_by_role(Role::ListItem)
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with(&label))
        })
        .unwrap_or_else(|| panic!("a box {label:?}"))
        .rect()
}

fn pointer(h: &mut Harness<'_, KompasApp>, at: Pos2, pressed: Option<bool>) {
    h.event(Event::PointerMoved(at));
    if let Some(pressed) = pressed {
        h.event(Event::PointerButton {
            pos: at,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run_steps(1);
}

#[test]
fn every_item_is_a_box_with_the_dashboards_status() {
    let mut h = harness(None, None);
    open_chain(&mut h);
    let p = project(&h).clone();
    let c = &p.cycles[0];
    let today = chrono::Local::now().date_naive();
    let boxes: Vec<String> = h
        .query_all_by_role(Role::ListItem)
        .filter_map(|n| n.accesskit_node().label().map(|l| l.to_string()))
        .collect();
    assert_eq!(
        boxes.len(),
        c.interventions.len() + c.outcomes.len() + c.ambitions.len(),
        "{boxes:#?}"
    );
    for o in &c.outcomes {
        let label = boxes
            .iter()
            .find(|b| b.starts_with(&format!("{}: {}", nl(key!("chain.kind.outcome")), o.title)))
            .unwrap_or_else(|| panic!("a box for {}", o.title));
        for i in &o.indicators {
            // the same status as the dashboard's, by the same rule
            let status: Status = p.assess_indicator(i.id, today).unwrap().status;
            assert!(
                label.contains(&format!("{} {}", i.name, status.label())),
                "{label} has {} {}",
                i.name,
                status.label()
            );
        }
    }
}

#[test]
fn a_box_opens_in_its_editor_and_a_dragged_link_is_one_undo() {
    let mut h = harness_sized(None, None, egui::vec2(1024.0, 768.0));
    open_chain(&mut h);
    let c = project(&h).cycles[0].clone();
    // an intervention and an outcome it is not linked to
    let (iv, o) = c
        .interventions
        .iter()
        .find_map(|i| {
            c.outcomes
                .iter()
                .find(|o| !i.contributions.iter().any(|k| k.outcome == o.id))
                .map(|o| (i.clone(), o.clone()))
        })
        .expect("an unlinked pair in the sample");
    let from = box_rect(&h, key!("chain.kind.intervention"), &iv.title);
    let to = box_rect(&h, key!("chain.kind.outcome"), &o.title);
    pointer(&mut h, from.center(), None);
    pointer(&mut h, from.center(), Some(true));
    for k in 1..=10 {
        let t = k as f32 / 10.0;
        pointer(
            &mut h,
            from.center() + (to.center() - from.center()) * t,
            None,
        );
    }
    pointer(&mut h, to.center(), Some(false));
    h.run_steps(3);
    let linked = |h: &Harness<'_, KompasApp>| {
        project(h).cycles[0]
            .intervention(iv.id)
            .unwrap()
            .contributions
            .iter()
            .any(|k| k.outcome == o.id)
    };
    assert!(linked(&h), "the drag linked {} to {}", iv.title, o.title);
    // one undo takes the link back, and nothing else
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert!(!linked(&h));
    assert_eq!(project(&h).cycles[0], c);

    // a click selects, Enter opens the step's editor
    let r = box_rect(&h, key!("chain.kind.outcome"), &o.title);
    pointer(&mut h, r.center(), Some(true));
    pointer(&mut h, r.center(), Some(false));
    h.run_steps(2);
    assert_eq!(h.state().state.chain.selected, Some(o.id));
    key(&mut h, Key::Enter);
    assert_eq!(
        h.state().state.doc.as_ref().unwrap().view,
        View::Step(kompas::model::Step::Outcomes)
    );
    // its card is open (cards with a title start closed): its title is in a field
    h.run_steps(3);
    let open = h
        .query_all_by_role(Role::TextInput)
        .chain(h.query_all_by_role(Role::MultilineTextInput))
        .any(|n| n.accesskit_node().value().is_some_and(|v| v == o.title));
    assert!(open, "the card of {} is open in step 3", o.title);
}

/// A double-click on a box opens its step's editor (in a window whose frames come quickly
/// enough for two clicks to make a double-click).
#[test]
fn a_double_click_opens_the_box() {
    let answer = Answer {
        open: None,
        save: None,
        csv_open: None,
        csv_save: None,
    };
    let mut h = harness_stepped(answer, egui::vec2(1024.0, 768.0), Some(1.0 / 30.0));
    open_chain(&mut h);
    let c = project(&h).cycles[0].clone();
    let a = &c.ambitions[0];
    let r = box_rect(&h, key!("chain.kind.ambition"), &a.title);
    h.event(Event::PointerMoved(r.center()));
    h.run_steps(1);
    for _ in 0..2 {
        for pressed in [true, false] {
            h.event(Event::PointerButton {
                pos: r.center(),
                button: PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
            h.run_steps(1);
        }
    }
    h.run_steps(3);
    assert_eq!(
        h.state().state.doc.as_ref().unwrap().view,
        View::Step(kompas::model::Step::Ambitions)
    );
}

#[test]
fn a_link_is_removed_from_its_arrow() {
    let mut h = harness(None, None);
    open_chain(&mut h);
    let c = project(&h).cycles[0].clone();
    let (o, a) = c
        .outcomes
        .iter()
        .find_map(|o| o.ambitions.first().map(|a| (o.clone(), *a)))
        .expect("an outcome linked to an ambition");
    let ambition = c.ambition(a).unwrap().title.clone();
    let from = box_rect(&h, key!("chain.kind.outcome"), &o.title);
    let to = box_rect(&h, key!("chain.kind.ambition"), &ambition);
    // the middle of the curve between the two boxes (it ends a little before the arrow head)
    let mid = egui::pos2(
        (from.right() + to.left() - 8.0) / 2.0,
        (from.center().y + to.center().y) / 2.0,
    );
    pointer(&mut h, mid, None);
    pointer(&mut h, mid, Some(true));
    pointer(&mut h, mid, Some(false));
    h.run_steps(2);
    assert!(
        h.state().state.chain.arrow_menu.is_some(),
        "the arrow's menu is open"
    );
    let before: usize = c.outcomes.iter().map(|o| o.ambitions.len()).sum();
    click(&mut h, &format!("🗑 {}", nl(key!("chain.unlink"))));
    let after: usize = project(&h).cycles[0]
        .outcomes
        .iter()
        .map(|o| o.ambitions.len())
        .sum();
    assert_eq!(after, before - 1, "one link fewer");
    assert!(
        !project(&h).cycles[0]
            .outcome(o.id)
            .unwrap()
            .ambitions
            .contains(&a),
        "the link under the pointer is gone"
    );
}

/// On the workshop's chain page, once a box is chosen, Left and Right move between the columns
/// instead of turning the page; Page Down still turns it.
#[test]
fn in_the_workshop_the_arrows_move_between_boxes_once_one_is_chosen() {
    let mut h = harness_sized(None, None, egui::vec2(1024.0, 768.0));
    click(&mut h, &icon("📘 ", key!("sample.rivierenland")));
    let c = project(&h).cycles[0].clone();
    let chain_page = kompas::state::pages(&c)
        .iter()
        .position(|p| *p == kompas::state::Page::Chain)
        .expect("a chain page");
    key(&mut h, Key::F5);
    while workshop_page(&h) != Some(chain_page) {
        key(&mut h, Key::PageDown);
    }
    let o = &c.outcomes[0];
    let r = box_rect(&h, key!("chain.kind.outcome"), &o.title);
    pointer(&mut h, r.center(), Some(true));
    pointer(&mut h, r.center(), Some(false));
    h.run_steps(2);
    let chosen =
        |h: &Harness<'_, KompasApp>| h.state().state.workshop.as_ref().unwrap().chain.selected;
    assert_eq!(chosen(&h), Some(o.id));
    key(&mut h, Key::ArrowRight);
    assert_eq!(
        workshop_page(&h),
        Some(chain_page),
        "Right did not turn the page"
    );
    let now = chosen(&h).expect("a box is chosen");
    assert!(c.ambition(now).is_some(), "Right went to an ambition");
    key(&mut h, Key::PageDown);
    assert_eq!(workshop_page(&h), Some(chain_page + 1));
}
