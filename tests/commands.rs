//! The one command list: every command is in `Command::ALL` (the palette's and Help's list),
//! no two shortcuts clash, the workshop keys are free; the palette finds and runs them.

mod common;

use common::*;
use egui::accesskit::Role;
use egui::{Key, KeyboardShortcut, Modifiers};
use egui_kittest::kittest::Queryable;
use kompas::i18n::key;
use kompas::model::Step;
use kompas::state::{Command, View, shortcuts};

/// The variants of `enum Command` as written in its source: the list is read from the
/// enum itself, so a command left out of `Command::ALL` cannot be left out here too.
fn variants_in_source() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/state/commands.rs");
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("reads the source of Command ({path}): {e}"));
    let body = text
        .split("pub enum Command {")
        .nth(1)
        .and_then(|rest| rest.split('}').next())
        .unwrap_or_else(|| panic!("{path} declares `pub enum Command {{ … }}`"));
    body.lines()
        .map(|l| l.split("//").next().unwrap_or("").trim())
        .filter(|l| !l.is_empty() && !l.starts_with("#["))
        .map(|l| {
            let name = l.trim_end_matches(',');
            assert!(
                !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_'),
                "a command with fields or an explicit value is not a plain name: {l:?}"
            );
            name.to_owned()
        })
        .collect()
}

#[test]
fn every_command_is_in_the_list() {
    let variants = variants_in_source();
    assert!(variants.len() > 30, "the enum was read: {variants:?}");
    let listed: Vec<String> = Command::ALL.iter().map(|c| format!("{c:?}")).collect();
    let missing: Vec<&String> = variants.iter().filter(|v| !listed.contains(v)).collect();
    assert!(
        missing.is_empty(),
        "commands missing from Command::ALL (the palette and Help › Sneltoetsen): {missing:?}"
    );
    assert_eq!(listed.len(), variants.len(), "Command::ALL: {listed:?}");
    for (i, c) in listed.iter().enumerate() {
        assert!(!listed[i + 1..].contains(c), "{c} is twice in Command::ALL");
    }
    // and every listed command has a name in both languages
    for c in Command::ALL {
        assert!(!c.label().is_empty(), "{c:?} has no name");
    }
}

#[test]
fn no_two_shortcuts_clash() {
    let all: Vec<(KeyboardShortcut, Command)> = Command::ALL
        .into_iter()
        .flat_map(|c| c.shortcuts().iter().map(move |s| (*s, c)))
        .collect();
    for (i, (a, ca)) in all.iter().enumerate() {
        for (b, cb) in all.iter().skip(i + 1) {
            assert!(
                a != b,
                "{ca:?} and {cb:?} share {}",
                a.format(&egui::ModifierNames::NAMES, false)
            );
        }
    }
    // the workshop keys come from the same list, and none is taken twice
    let workshop: Vec<Key> = Command::ALL
        .iter()
        .flat_map(|c| c.workshop_keys().iter().copied())
        .collect();
    assert!(workshop.contains(&Key::PageDown) && workshop.contains(&Key::Escape));
    for (i, k) in workshop.iter().enumerate() {
        assert!(
            !workshop[i + 1..].contains(k),
            "{k:?} is a workshop key twice"
        );
        assert!(
            !all.iter()
                .any(|(s, _)| s.logical_key == *k && s.modifiers == Modifiers::NONE),
            "{k:?} is a workshop key and a shortcut"
        );
    }
    // nor do the scan page's keys
    for k in [
        Key::PageDown,
        Key::PageUp,
        Key::Escape,
        Key::ArrowLeft,
        Key::ArrowRight,
        Key::ArrowUp,
        Key::ArrowDown,
        Key::Num1,
        Key::Num5,
    ] {
        assert!(
            !all.iter()
                .any(|(s, _)| s.logical_key == k && s.modifiers == Modifiers::NONE),
            "{k:?} is a workshop key"
        );
    }
    let keys: Vec<Key> = all.iter().map(|(s, _)| s.logical_key).collect();
    assert!(keys.contains(&Key::F1) && keys.contains(&Key::F5));
}

#[test]
fn shift_shortcuts_are_checked_first() {
    let list = shortcuts();
    let save_as = list.iter().position(|(_, c)| *c == Command::SaveAs);
    let save = list.iter().position(|(_, c)| *c == Command::Save);
    assert!(save_as < save, "Ctrl+Shift+S is not taken for Ctrl+S");
    assert!(
        !list.iter().any(|(_, c)| *c == Command::ZoomIn),
        "egui zooms"
    );
}

// The command palette (Ctrl+K): every command, found by part of its name in either language,
// run with Enter or a click; it falls out of the one command list.

fn open_palette(h: &mut egui_kittest::Harness<'_, kompas::KompasApp>) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::K);
    // a modal's nodes are there a few frames after it opens
    h.run_steps(6);
}

#[test]
fn ctrl_k_finds_a_command_by_part_of_its_name_and_enter_runs_it() {
    let mut h = harness_sized(None, None, egui::vec2(1024.0, 768.0));
    click(
        &mut h,
        &format!("📘 {}", kompas::i18n::t!("sample.utrecht")),
    );
    assert!(h.state().state.doc.is_some(), "a sample is open");
    open_palette(&mut h);
    assert!(
        h.state().state.palette.is_some(),
        "Ctrl+K opens the palette"
    );
    assert!(h.query_by_label(&nl(key!("palette.title"))).is_some());
    // the field has the keyboard at once: typing goes into it
    h.get_by_role_and_label(Role::TextInput, &nl(key!("palette.title")))
        .type_text("dashb");
    h.run_steps(3);
    assert!(h.query_by_label(&nl(key!("cmd.show_dashboard"))).is_some());
    assert!(
        h.query_by_label(&nl(key!("cmd.show_analysis"))).is_none(),
        "only what matches is listed"
    );
    key(&mut h, egui::Key::Enter);
    assert!(h.state().state.palette.is_none(), "Enter runs and closes");
    let view = h.state().state.doc.as_ref().map(|d| d.view);
    assert_eq!(view, Some(View::Dashboard));
}

#[test]
fn english_names_count_in_the_dutch_interface_and_arrows_choose() {
    let mut h = harness_sized(None, None, egui::vec2(1024.0, 768.0));
    click(
        &mut h,
        &format!("📘 {}", kompas::i18n::t!("sample.utrecht")),
    );
    open_palette(&mut h);
    h.get_by_role_and_label(Role::TextInput, &nl(key!("palette.title")))
        .type_text("step");
    h.run_steps(3);
    // "Go to step 1: analysis" … in English; shown by their Dutch names
    assert!(h.query_by_label(&nl(key!("cmd.show_analysis"))).is_some());
    assert!(h.query_by_label(&nl(key!("cmd.show_evaluation"))).is_some());
    key(&mut h, egui::Key::ArrowDown);
    key(&mut h, egui::Key::Enter);
    let view = h.state().state.doc.as_ref().map(|d| d.view);
    assert_ne!(
        view,
        Some(View::Step(Step::Analysis)),
        "Down chose the next line"
    );
    assert!(
        matches!(view, Some(View::Step(_))),
        "a step was opened: {view:?}"
    );
}

#[test]
fn escape_closes_and_nothing_runs_and_shortcuts_are_shown() {
    let mut h = harness_sized(None, None, egui::vec2(1024.0, 768.0));
    open_palette(&mut h);
    assert!(h.state().state.palette.is_some());
    // without a document, what needs one is not offered
    // (a line with a shortcut is labelled with both: "Openen…  Ctrl+O")
    let listed = |h: &egui_kittest::Harness<'_, kompas::KompasApp>, c: Command| {
        h.query_all_by_label_contains(&c.label()).next().is_some()
    };
    assert!(!listed(&h, Command::Save));
    assert!(!listed(&h, Command::ExportHtml));
    assert!(listed(&h, Command::Open));
    assert!(listed(&h, Command::New));
    assert!(
        h.query_all_by_label_contains("Ctrl+O").next().is_some(),
        "the shortcut is beside its command"
    );
    key(&mut h, egui::Key::Escape);
    assert!(h.state().state.palette.is_none());
    assert!(h.state().state.doc.is_none());
    assert!(h.state().state.dialog.is_none());
}

#[test]
fn the_palette_is_in_the_help_menu() {
    let mut h = harness_sized(None, None, egui::vec2(1024.0, 768.0));
    h.get_by_role_and_label(Role::Button, &nl(key!("menu.help")))
        .click();
    h.run_steps(2);
    h.get_by_label_contains(&Command::Palette.label()).click();
    h.run_steps(3);
    assert!(h.state().state.palette.is_some());
}

/// Ctrl+Page Down walks the one list of views from the region through the steps to the
/// dashboard and the results chain, and stays at the ends; meetings and intervision stay put.
/// Every view has a command that goes to it and back.
#[test]
fn views_are_one_list() {
    let mut v = View::Region;
    let mut seen = vec![v];
    loop {
        let next = v.step(true);
        if next == v {
            break;
        }
        seen.push(next);
        v = next;
    }
    assert_eq!(seen.last(), Some(&View::Chain));
    assert_eq!(seen.len(), 8, "{seen:?}");
    assert_eq!(View::Region.step(false), View::Region);
    assert_eq!(View::Chain.step(false), View::Dashboard);
    assert_eq!(View::Meetings.step(true), View::Meetings);
    for view in View::ALL {
        assert_eq!(view.command().view(), Some(view));
        assert_eq!(View::ALL[view.index()], view);
        assert!(!view.label().is_empty());
    }
    assert_eq!(Command::Open.view(), None);
}
