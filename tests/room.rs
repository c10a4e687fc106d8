//! In the room: what a facilitator typing live in front of a group meets. Numbers are kept only
//! when fully understood, lists typed as text keep their separators, chips wrap, a picker stays
//! open while several are ticked, and the status bar does not call a new project saved.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kompas::KompasApp;
use kompas::i18n::key;
use kompas::model::*;
use std::path::PathBuf;

fn d(y: i32, m: u32, day: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A new project with an outcome and one indicator, on step 3.
fn on_an_indicator() -> Harness<'static, KompasApp> {
    let mut h = harness(None, None);
    click(&mut h, "➕ Nieuw project");
    go_to_step(&mut h, "3  Maatschappelijke resultaten");
    click(&mut h, &icon("➕ ", key!("outcomes.add")));
    click(&mut h, &icon("➕ ", key!("indicators.add")));
    h
}

fn indicator(h: &Harness<'_, KompasApp>) -> Indicator {
    project(h).cycles[0].outcomes[0].indicators[0].clone()
}

fn select_all_and_type(h: &mut Harness<'_, KompasApp>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run_steps(1);
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run_steps(2);
}

#[test]
fn a_number_field_keeps_only_a_number_it_fully_understood() {
    let mut h = on_an_indicator();

    // "12abc": the 12 typed on the way is not kept
    type_into(&mut h, Role::TextInput, "Nulmeting", "12abc");
    assert_eq!(indicator(&h).baseline_value, None);
    // ... also once the field has lost the focus, where the text stays visible and marked
    h.get_by_role_and_label(Role::TextInput, "Indicator")
        .focus();
    h.run_steps(3);
    assert_eq!(indicator(&h).baseline_value, None);
    assert!(
        h.query_all_by_value("12abc").next().is_some(),
        "the typed text stays, so the user sees what is wrong"
    );
    assert!(
        h.query_by_label_contains("verwacht een getal").is_some(),
        "it says what it expects"
    );

    // a date typed over a target keeps the target from before
    type_into(
        &mut h,
        Role::TextInput,
        &nl(key!("indicator.target_value")),
        "20",
    );
    assert_eq!(indicator(&h).target_value, Some(20.0));
    h.get_by_role_and_label(Role::TextInput, "Indicator")
        .focus();
    h.run_steps(2);
    select_all_and_type(&mut h, "Streefwaarde", "31-07-2026");
    assert_eq!(
        indicator(&h).target_value,
        Some(20.0),
        "31-07-2026 is not 31"
    );

    // once it is a whole number again, it is kept
    select_all_and_type(&mut h, "Streefwaarde", "12,5");
    assert_eq!(indicator(&h).target_value, Some(12.5));
    // and emptying a field means "not known"
    h.get_by_role_and_label(Role::TextInput, "Nulmeting")
        .focus();
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    h.run_steps(2);
    assert_eq!(indicator(&h).baseline_value, None);
    assert!(h.query_all_by_value("12abc").next().is_none());
}

#[test]
fn gemeenten_typed_with_commas_stay_separate() {
    let mut h = harness(None, None);
    click(&mut h, "➕ Nieuw project");
    type_into(
        &mut h,
        Role::TextInput,
        &nl(key!("region.gemeenten")),
        "Utrecht, Zeist; Bunnik",
    );
    assert_eq!(
        project(&h).region.gemeenten,
        vec!["Utrecht", "Zeist", "Bunnik"]
    );
    // typing the comma before the next name keeps it
    type_into(&mut h, Role::TextInput, &nl(key!("region.gemeenten")), ",");
    h.run_steps(2);
    type_into(
        &mut h,
        Role::TextInput,
        &nl(key!("region.gemeenten")),
        " De Bilt",
    );
    assert_eq!(
        project(&h).region.gemeenten,
        vec!["Utrecht", "Zeist", "Bunnik", "De Bilt"]
    );
}

#[test]
fn a_new_project_is_not_called_saved() {
    let mut h = harness(None, None);
    click(&mut h, "➕ Nieuw project");
    assert!(h.query_by_label(&nl(key!("status.all_saved"))).is_none());
    assert!(h.query_by_label_contains("Nog niet opgeslagen").is_some());
}

/// A project with many partners, all endorsing one ambition and responsible for one
/// intervention.
fn many_partners(dir: &std::path::Path) -> (PathBuf, Vec<String>) {
    let mut p = Project::new("Regio Breed", d(2025, 8, 1), d(2026, 7, 31));
    let names: Vec<String> = [
        "Gemeente Stichtse Vecht",
        "Gemeente Wijk bij Duurstede",
        "Samenwerkingsverband Passend Onderwijs",
        "Jeugdhulp Midden-Nederland",
        "Ouderplatform",
        "Basisschool De Regenboog",
        "Stichting Leerplicht",
    ]
    .map(str::to_owned)
    .to_vec();
    let mut ids = vec![];
    for name in &names {
        let id = p.new_id();
        ids.push(id);
        p.partners.push(Partner {
            id,
            name: name.clone(),
            kind: PartnerKind::Gemeente,
            role: String::new(),
        });
    }
    let (a, iv) = (p.new_id(), p.new_id());
    let c = &mut p.cycles[0];
    c.ambitions.push(Ambition {
        id: a,
        // untitled, so its card opens by default
        title: String::new(),
        description: String::new(),
        endorsed_by: ids.clone(),
        level: None,
        table: None,
        previous: None,
    });
    let mut i = Intervention::new(iv);
    i.responsible = ids;
    c.interventions.push(i);
    let file = dir.join("breed.ron");
    kompas::storage::save(&file, &p).unwrap();
    (file, names)
}

/// Every chip of `names` is drawn on one line (not a letter per line) inside the window.
fn chips_lie_on_lines(h: &Harness<'_, KompasApp>, names: &[String], width: f32) {
    for name in names {
        let chips: Vec<_> = h.query_all_by_label(name).collect();
        assert!(!chips.is_empty(), "a chip for {name}");
        for chip in chips {
            let r = chip.rect();
            assert!(
                r.height() < 40.0 && r.width() > 60.0,
                "the chip {name} is one line, not a letter per line: {r:?}"
            );
            assert!(
                r.max.x <= width + 0.5,
                "the chip {name} is in the window: {r:?}"
            );
        }
    }
}

#[test]
fn chips_wrap_to_the_next_line_and_the_picker_stays_open() {
    let dir = tempfile::tempdir().unwrap();
    let (file, names) = many_partners(dir.path());
    let mut h = harness_sized(Some(file), None, egui::vec2(1024.0, 768.0));
    click(&mut h, &icon("📂 ", key!("start.open")));
    go_to_step(&mut h, "2  Gezamenlijke ambities");
    chips_lie_on_lines(&h, &names, 1024.0);
    let choose = h
        .get_by_role_and_label(Role::Button, &nl(key!("ambition.endorsed_by")))
        .rect();
    assert!(
        choose.max.x <= 1024.0 && choose.width() > 60.0 && choose.height() < 40.0,
        "Kiezen stays in view, on one line: {choose:?}"
    );

    // untick three partners in one go: the menu stays open between the clicks
    h.get_by_role_and_label(Role::Button, &nl(key!("ambition.endorsed_by")))
        .scroll_to_me();
    h.run_steps(2);
    h.get_by_role_and_label(Role::Button, &nl(key!("ambition.endorsed_by")))
        .hover();
    h.run_steps(1);
    h.get_by_role_and_label(Role::Button, &nl(key!("ambition.endorsed_by")))
        .click();
    h.run_steps(3);
    for name in &names[..3] {
        h.get_by_role_and_label(Role::CheckBox, name).hover();
        h.run_steps(1);
        h.get_by_role_and_label(Role::CheckBox, name).click();
        h.run_steps(3);
    }
    assert_eq!(project(&h).cycles[0].ambitions[0].endorsed_by.len(), 4);
    // "Klaar" closes the list
    h.get_by_role_and_label(Role::Button, &nl(key!("ambition.endorsed_by")))
        .click();
    h.run_steps(3);
    assert!(h.query_all_by_role(Role::CheckBox).next().is_none());

    go_to_step(&mut h, "4  Interventies");
    chips_lie_on_lines(&h, &names, 1024.0);
    let choose = h
        .get_by_role_and_label(Role::Button, &nl(key!("intervention.responsible")))
        .rect();
    assert!(choose.max.x <= 1024.0 && choose.width() > 60.0 && choose.height() < 40.0);
}

#[test]
fn keys_in_workshop_mode_never_cut_off_what_is_typed() {
    let mut h = harness(None, None);
    click(&mut h, &icon("📘 ", key!("sample.rivierenland")));
    key(&mut h, Key::F5);
    key(&mut h, Key::PageDown);
    assert_eq!(workshop_page(&h), Some(1));
    type_into(
        &mut h,
        Role::TextInput,
        &icon("💡 ", key!("workshop.tip")),
        "Vraag de ouder",
    );
    // Page Down while typing does not turn the page (Enter would tag the tip to another step)
    key(&mut h, Key::PageDown);
    assert_eq!(workshop_page(&h), Some(1), "Page Down in a field stays");
    // Escape in a field leaves the field, not the workshop
    key(&mut h, Key::Escape);
    assert_eq!(workshop_page(&h), Some(1), "Escape in a field stays");
    assert!(h.query_all_by_value("Vraag de ouder").next().is_some());
    // with no field focused, Page Down and Escape act again
    key(&mut h, Key::PageDown);
    assert_eq!(workshop_page(&h), Some(2));
    key(&mut h, Key::Escape);
    assert_eq!(workshop_page(&h), None, "the second Escape leaves");
    // the half-typed tip is there when the workshop is entered again
    key(&mut h, Key::F5);
    assert!(workshop_page(&h).is_some());
    assert_eq!(
        h.state().state.workshop.as_ref().unwrap().tip,
        "Vraag de ouder",
        "the half-typed tip is kept"
    );
}

#[test]
fn the_calendar_speaks_the_interface_language() {
    let mut h = on_an_indicator();
    h.query_all_by_label("📅")
        .next()
        .expect("a calendar button")
        .click();
    h.run_steps(3);
    for word in ["ma", "di", "zo", "Vandaag"] {
        assert!(h.query_by_label(word).is_some(), "{word} in the calendar");
    }
    let months = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    assert!(
        months
            .iter()
            .any(|m| h.query_by_label_contains(m).is_some()),
        "a Dutch month name"
    );
    for english in ["Cancel", "Save", "Mon", "Sun"] {
        assert!(h.query_by_label(english).is_none(), "no {english}");
    }
    // a click on a day picks it and closes the calendar
    h.get_by_label("15").click();
    h.run_steps(3);
    let picked = indicator(&h).baseline_date.expect("a date was picked");
    assert_eq!(chrono::Datelike::day(&picked), 15);
    assert!(
        h.query_by_label(&nl(key!("calendar.today"))).is_none(),
        "closed after picking"
    );
}

#[test]
fn resolving_an_item_to_do_moves_nothing_under_the_pointer() {
    let mut h = harness(None, None);
    click(&mut h, "➕ Nieuw project");
    go_to_step(&mut h, "2  Gezamenlijke ambities");
    click(&mut h, &icon("➕ ", key!("ambitions.add")));
    let before = h.get_by_role_and_label(Role::TextInput, "Ambitie").rect();
    let findings = |h: &Harness<'_, KompasApp>| {
        findings_for_step(&project(h).cycles[0], Step::Ambitions).len()
    };
    let open_before = findings(&h);
    type_into(&mut h, Role::TextInput, "Ambitie", "Elk kind naar school");
    assert!(
        findings(&h) < open_before,
        "typing the title resolved an item"
    );
    let after = h.get_by_role_and_label(Role::TextInput, "Ambitie").rect();
    assert_eq!(before.min.y, after.min.y, "the field did not move");
}

#[test]
fn every_step_opens_at_its_top() {
    let mut h = harness_sized(None, None, egui::vec2(1024.0, 768.0));
    let sample = "📘 Voorbeeld: Regio Rivierenland (fictief, meerdere gemeenten)";
    click(&mut h, sample);
    go_to_step(&mut h, "1  Analyse");
    let heading = "1. Analyse";
    let top = h.get_by_label(heading).rect().min.y;
    wheel_down(&mut h, heading, 10);
    assert!(
        h.get_by_label(heading).rect().min.y < top - 200.0,
        "the page scrolled"
    );
    go_to_step(&mut h, "5  Evaluatie");
    assert_eq!(
        h.get_by_label(&nl(key!("guide_doc.step5_h"))).rect().min.y,
        top
    );
    go_to_step(&mut h, "1  Analyse");
    assert_eq!(
        h.get_by_label(heading).rect().min.y,
        top,
        "back on step 1 it is at its top again"
    );
}

#[test]
fn a_status_says_when_it_rests_on_an_earlier_cycle() {
    let mut h = harness(None, None);
    click(
        &mut h,
        &format!("📘 {}", kompas::i18n::t!("sample.utrecht")),
    );
    let p = project(&h).clone();
    let current = p.cycles.last().unwrap();
    assert!(
        current.evaluation.measurements.is_empty(),
        "the sample's current cycle has no measurements yet"
    );
    click(&mut h, "📊  Dashboard");
    assert!(
        h.query_by_label_contains("rusten op metingen uit een eerdere cyclus")
            .is_some(),
        "the dashboard says its statuses rest on the earlier cycle"
    );
    let notes = h
        .query_all_by_label_contains("uit een eerdere cyclus: in deze cyclus is nog niet gemeten")
        .count();
    assert!(notes > 0, "each such status says so");
    // step 5 and its list of what is missing use the same words
    go_to_step(&mut h, "5  Evaluatie");
    assert!(
        h.query_all_by_label_contains("uit een eerdere cyclus: in deze cyclus is nog niet gemeten")
            .next()
            .is_some()
    );
    assert!(
        h.query_all_by_label_contains("nog niet gemeten in deze cyclus")
            .next()
            .is_some()
    );
}

#[test]
fn the_workshop_toolbar_keeps_its_place_at_zero_and_with_two_digit_pages() {
    let mut h = harness_sized(None, None, egui::vec2(1024.0, 768.0));
    click(&mut h, &icon("📘 ", key!("sample.rivierenland")));
    key(&mut h, Key::F5);
    let at = |h: &mut Harness<'_, KompasApp>, t: f64| {
        h.input_mut().time = Some(t);
        h.run_steps(2);
    };
    at(&mut h, 100.0);
    click(&mut h, "5 min");
    click(&mut h, "Start");
    at(&mut h, 130.0);
    let toolbar = ["−1", "+1", "✖", "✖ Esc", "»", "«", "Opnieuw"];
    // where each sits along the bar (a pixel up or down as the row's height settles is no move)
    let rects = |h: &Harness<'_, KompasApp>| -> Vec<egui::Rect> {
        toolbar
            .iter()
            .map(|l| {
                let r = h.get_by_label(l).rect();
                egui::Rect::from_x_y_ranges(r.x_range(), (r.min.y / 4.0).round()..=0.0)
            })
            .collect()
    };
    let running = rects(&h);
    at(&mut h, 1000.0);
    assert!(h.query_by_label(&nl(key!("timer.up"))).is_some());
    assert!(
        h.query_by_label(&nl(key!("timer.pause"))).is_none(),
        "nothing to pause at zero"
    );
    let finished = rects(&h);
    assert_eq!(running, finished, "the time running out moves nothing");
    // the bar has two rows (paging above, the countdown below): no two overlap on screen
    let on_screen: Vec<egui::Rect> = toolbar.iter().map(|l| h.get_by_label(l).rect()).collect();
    for (i, a) in on_screen.iter().enumerate() {
        assert!(a.max.x <= 1024.0, "{} in the window: {a:?}", toolbar[i]);
        for (j, b) in on_screen.iter().enumerate().skip(i + 1) {
            assert!(
                !a.shrink(0.5).intersects(*b),
                "{} and {} overlap: {a:?} {b:?}",
                toolbar[i],
                toolbar[j]
            );
        }
    }
    // to a page with a two-digit number
    let pages = kompas::state::pages(&project(&h).cycles[0]).len();
    assert!(pages >= 10, "the sample has ten pages or more: {pages}");
    for _ in 0..9 {
        key(&mut h, Key::PageDown);
    }
    assert_eq!(workshop_page(&h), Some(9));
    assert_eq!(rects(&h), finished, "a two-digit page number moves nothing");
}

#[test]
fn help_has_a_guide_and_every_shortcut() {
    let mut h = harness_sized(None, None, egui::vec2(1024.0, 768.0));
    key(&mut h, Key::F1);
    assert!(
        h.query_by_label(&nl(key!("guide_doc.title"))).is_some(),
        "F1 opens the guide"
    );
    assert!(h.query_by_label(&nl(key!("guide_doc.cycle_h"))).is_some());
    assert!(
        h.query_by_label(&nl(key!("guide_doc.workshop_h")))
            .is_some()
    );
    click(&mut h, &nl(key!("cmd.shortcuts")));
    // every entry of the generated list is shown, and the list has every command's shortcut
    let list = kompas::app::shortcut_list(&h.ctx);
    assert!(list.len() >= kompas::app::shortcuts().len());
    for (_, cmd) in kompas::app::shortcuts() {
        assert!(
            list.iter().any(|(_, what)| *what == cmd.label()),
            "{cmd:?} listed"
        );
    }
    for (keys, what) in &list {
        assert!(h.query_all_by_label(keys).next().is_some(), "{keys} shown");
        assert!(h.query_all_by_label(what).next().is_some(), "{what} shown");
    }
    assert!(
        h.query_by_label("Ctrl+Page Down").is_some(),
        "key names as on the keys"
    );
    assert!(h.query_by_label(&nl(key!("keys.next"))).is_some());
}

#[test]
fn the_room_scores_the_scan_one_partner_at_a_time_with_keys() {
    let mut h = harness_sized(None, None, egui::vec2(1024.0, 768.0));
    click(&mut h, &icon("📘 ", key!("sample.rivierenland")));
    key(&mut h, Key::F5);
    // the analysis, the support analysis' chart, the first scan
    key(&mut h, Key::PageDown);
    key(&mut h, Key::PageDown);
    key(&mut h, Key::PageDown);
    assert!(
        h.query_by_label_contains("gaan in de eerste scan")
            .is_some(),
        "the page says which scan it fills"
    );
    let codes: Vec<&str> = all_statements().map(|(_, c)| c).collect();
    let scan_before = project(&h).cycles[0].analysis.scan.clone();
    let rescore_before = project(&h).cycles[0].evaluation.scan.clone();
    let first = &scan_before.responses[0];
    let current = first.scores.get(codes[0]).copied();
    let (press, score) = if current == Some(Score::Value(2)) {
        (Key::Num4, Score::Value(4))
    } else {
        (Key::Num2, Score::Value(2))
    };
    // every statement is scored: none is outlined until one is chosen (↓ chooses the first)
    key(&mut h, Key::ArrowDown);
    key(&mut h, press);
    key(&mut h, Key::Questionmark);
    let scan = &project(&h).cycles[0].analysis.scan;
    let scored = scan.response_of(first.partner).unwrap();
    assert_eq!(
        scored.scores.get(codes[0]),
        Some(&score),
        "the key scored it"
    );
    assert_eq!(
        scored.scores.get(codes[1]),
        Some(&Score::NoView),
        "and moved on to the next statement"
    );
    assert_eq!(
        project(&h).cycles[0].evaluation.scan,
        rescore_before,
        "the first scan, not the rescore"
    );
    assert!(
        h.query_by_label_contains(&format!("van {} uitspraken gescoord", codes.len()))
            .is_some(),
        "a count of what is scored"
    );
    // six large buttons per statement, in the same place on every row, inside the window
    let buttons = |code: &str| -> Vec<egui::Rect> {
        let text = kompas::i18n::statement_text(code);
        h.query_all_by_role_and_label(Role::Button, &text)
            .map(|n| n.rect())
            .collect()
    };
    let (a, b) = (buttons(codes[0]), buttons(codes[3]));
    assert_eq!(a.len(), 6);
    assert_eq!(b.len(), 6);
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x.x_range(), y.x_range(), "the buttons do not drift");
        assert!(x.max.x <= 1024.0 && x.width() >= 40.0 && x.height() >= 36.0);
    }
}

#[test]
fn every_workshop_page_opens_at_its_top() {
    let mut h = harness_sized(None, None, egui::vec2(1024.0, 768.0));
    click(&mut h, &icon("📘 ", key!("sample.rivierenland")));
    key(&mut h, Key::F5);
    // the analysis, the support analysis' chart, the first scan
    key(&mut h, Key::PageDown);
    key(&mut h, Key::PageDown);
    key(&mut h, Key::PageDown);
    let which = "gaan in de eerste scan";
    let top = h.get_by_label_contains(which).rect().min.y;
    wheel_down(&mut h, which, 10);
    assert!(
        h.get_by_label_contains(which).rect().min.y < top - 200.0,
        "scrolled"
    );
    key(&mut h, Key::PageDown);
    key(&mut h, Key::PageUp);
    assert_eq!(
        h.get_by_label_contains(which).rect().min.y,
        top,
        "back on the page, at its top"
    );
}

#[test]
fn a_target_against_the_direction_is_said_and_fixed_in_one_click() {
    let mut h = on_an_indicator();
    type_into(&mut h, Role::TextInput, "Resultaat", "Minder thuiszitters");
    type_into(&mut h, Role::TextInput, "Indicator", "Thuiszitters");
    type_into(&mut h, Role::TextInput, "Nulmeting", "40");
    type_into(
        &mut h,
        Role::TextInput,
        &nl(key!("indicator.target_value")),
        "12",
    );
    assert_eq!(indicator(&h).direction, Direction::Increase, "the default");
    assert!(
        h.query_by_label_contains("De streefwaarde ligt onder de nulmeting")
            .is_some(),
        "the editor says the target and direction disagree"
    );
    let kinds: Vec<FindingKind> = findings_for_step(&project(&h).cycles[0], Step::Outcomes)
        .into_iter()
        .map(|f| f.kind)
        .collect();
    assert!(kinds.contains(&FindingKind::IndicatorDirectionConflict));
    click(&mut h, "Richting 'Omlaag' kiezen");
    assert_eq!(indicator(&h).direction, Direction::Decrease);
    assert!(
        h.query_by_label_contains("De streefwaarde ligt onder de nulmeting")
            .is_none()
    );
    // a level to keep at least is possible too: "Klopt zo" stops the question
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    assert_eq!(indicator(&h).direction, Direction::Increase);
    click(&mut h, &nl(key!("indicator.direction_meant")));
    assert!(indicator(&h).direction_checked);
    assert!(
        h.query_by_label_contains("De streefwaarde ligt onder de nulmeting")
            .is_none()
    );
}

#[test]
fn the_message_of_a_wrong_number_fits_the_page_at_1024() {
    let size = egui::vec2(1024.0, 768.0);
    let mut h = harness_sized(None, None, size);
    click(&mut h, "➕ Nieuw project");
    go_to_step(&mut h, "3  Maatschappelijke resultaten");
    click(&mut h, &icon("➕ ", key!("outcomes.add")));
    click(&mut h, &icon("➕ ", key!("indicators.add")));
    type_into(
        &mut h,
        Role::TextInput,
        &nl(key!("indicator.target_value")),
        "31-07-2026",
    );
    h.get_by_role_and_label(Role::TextInput, "Indicator")
        .focus();
    h.run_steps(3);
    let message = h.get_by_label_contains("de vorige waarde blijft staan");
    assert!(message.rect().max.x <= size.x, "{:?}", message.rect());
    let problems = common::layout::problems(&h.root(), size, "wrong number");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Empties the field `label`, types `text` into it (key by key, a frame after each, or all at
/// once) and moves the focus to the field `away`. Returns the text the field shows then.
fn type_field(
    h: &mut Harness<'_, KompasApp>,
    label: &str,
    away: &str,
    text: &str,
    key_by_key: bool,
) -> String {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    h.run_steps(2);
    if key_by_key {
        for c in text.chars() {
            h.get_by_role_and_label(Role::TextInput, label)
                .type_text(&c.to_string());
            h.run_steps(2);
        }
    } else {
        h.get_by_role_and_label(Role::TextInput, label)
            .type_text(text);
        h.run_steps(2);
    }
    h.get_by_role_and_label(Role::TextInput, away).focus();
    h.run_steps(3);
    h.get_by_role_and_label(Role::TextInput, label)
        .value()
        .unwrap_or_default()
}

fn budget(h: &Harness<'_, KompasApp>) -> Option<u64> {
    project(h).cycles[0].interventions[0].budget_eur
}

/// "2.500.000" typed into Budget a key at a time is two and a half million euros: the field
/// never rewrote "2.5" under the cursor (it was read as 2,5 and rounded to 3, so the budget
/// became € 300.000). The typed text stays as typed while the field has the focus, and shows
/// as an amount after; "2.5" is no whole amount and stays marked, the budget from before kept.
#[test]
fn a_budget_typed_the_dutch_way_key_by_key_is_stored_whole() {
    let mut h = harness(None, None);
    click(&mut h, "➕ Nieuw project");
    go_to_step(&mut h, "4  Interventies");
    click(&mut h, &icon("➕ ", key!("interventions.add")));
    let label = nl(key!("intervention.budget"));
    h.get_by_role_and_label(Role::TextInput, &label).focus();
    h.run_steps(2);
    for c in "2.500.000".chars() {
        h.get_by_role_and_label(Role::TextInput, &label)
            .type_text(&c.to_string());
        h.run_steps(2);
    }
    assert_eq!(budget(&h), Some(2_500_000));
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, &label).value(),
        Some("2.500.000".into()),
        "the text typed is the text shown while typing"
    );
    let away = nl(key!("intervention.title"));
    h.get_by_role_and_label(Role::TextInput, &away).focus();
    h.run_steps(3);
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, &label).value(),
        Some("€ 2.500.000".into())
    );
    assert_eq!(type_field(&mut h, &label, &away, "2.5", true), "2.5");
    assert_eq!(budget(&h), Some(2_500_000), "2.5 is not a whole amount");
    assert!(
        h.query_by_label_contains("verwacht een bedrag in hele euro")
            .is_some()
    );
}

/// Every kind of field (a number, a percentage, a date, an amount): what is typed a key at a
/// time ends where typing it at once ends (the value kept and the text shown after), and
/// typing back what a field shows keeps the same value.
#[test]
fn every_kind_of_field_ends_the_same_key_by_key_and_takes_back_what_it_shows() {
    type Get = fn(&Project) -> String;
    let ind = |p: &Project| p.cycles[0].outcomes[0].indicators[0].clone();
    let number: Get = |p| format!("{:?}", p.cycles[0].outcomes[0].indicators[0].baseline_value);
    let date: Get = |p| format!("{:?}", p.cycles[0].outcomes[0].indicators[0].target_date);
    let amount: Get = |p| format!("{:?}", p.cycles[0].interventions[0].budget_eur);
    let numbers = [
        "1.250,5",
        "2.5",
        "-3",
        "12abc",
        "1.250",
        "0,125",
        "12 %",
        "1.2.3",
        "",
        "1.000.000,75",
    ];
    let dates = [
        "31-07-2026",
        "1-2-2025",
        "12 mrt 2025",
        "31-02-2025",
        "2025-03-12",
        "12-3",
    ];
    let amounts = [
        "2.500.000",
        "€ 2.500.000",
        "2500000",
        "2.5",
        "1.000,-",
        "-5",
        "12%",
    ];

    let mut h = on_an_indicator();
    let away = "Indicator";
    let check =
        |h: &mut Harness<'_, KompasApp>, label: &str, away: &str, texts: &[&str], get: Get| {
            for text in texts {
                let shown_keys = type_field(h, label, away, text, true);
                let kept_keys = get(project(h));
                let shown_once = type_field(h, label, away, text, false);
                let kept_once = get(project(h));
                assert_eq!(
                    (&kept_keys, &shown_keys),
                    (&kept_once, &shown_once),
                    "{label}: {text}"
                );
                let again = type_field(h, label, away, &shown_once, true);
                assert_eq!(
                    get(project(h)),
                    kept_once,
                    "{label}: {text} typed back as {shown_once}"
                );
                assert_eq!(again, shown_once, "{label}: {text}");
            }
        };
    check(&mut h, "Nulmeting", away, &numbers, number);
    assert_eq!(ind(project(&h)).baseline_value, Some(1_000_000.75));
    check(&mut h, "Streefdatum", away, &dates, date);
    assert_eq!(ind(project(&h)).target_date, Some(d(2025, 3, 12)));
    // a share: shown as a percentage, read with or without its sign
    type_into(&mut h, Role::TextInput, "Eenheid", "%");
    check(
        &mut h,
        "Nulmeting",
        away,
        &["12,5", "12,5 %", "99%"],
        number,
    );
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, "Nulmeting")
            .value(),
        Some("99 %".into())
    );
    check(&mut h, "Nulmeting", away, &["€ 5"], number);
    assert_eq!(
        ind(project(&h)).baseline_value,
        Some(99.0),
        "€ 5 is no percentage"
    );
    go_to_step(&mut h, "4  Interventies");
    click(&mut h, &icon("➕ ", key!("interventions.add")));
    let budget_label = nl(key!("intervention.budget"));
    check(
        &mut h,
        &budget_label,
        &nl(key!("intervention.title")),
        &amounts,
        amount,
    );
    assert_eq!(budget(&h), Some(1000));
}

// ---- In the room, second pass (issue 19) ----

/// A project whose first scan is fully scored 4 by one partner, and whose rescore has that
/// partner's first three statements scored 4 and the rest open.
fn scanned(dir: &std::path::Path) -> PathBuf {
    let mut p = Project::new("Regio Scan", d(2025, 8, 1), d(2026, 7, 31));
    let partner = p.new_id();
    p.partners.push(Partner {
        id: partner,
        name: "Gemeente Tiel".to_owned(),
        kind: PartnerKind::Gemeente,
        role: String::new(),
    });
    let (first, rescore) = (p.new_id(), p.new_id());
    let codes: Vec<&str> = all_statements().map(|(_, c)| c).collect();
    let mut all = ScanResponse::new(first, partner);
    for code in &codes {
        all.scores.insert((*code).to_owned(), Score::Value(4));
    }
    let mut some = ScanResponse::new(rescore, partner);
    for code in &codes[..3] {
        some.scores.insert((*code).to_owned(), Score::Value(4));
    }
    p.cycles[0].analysis.scan.responses.push(all);
    p.cycles[0].evaluation.scan.responses.push(some);
    let file = dir.join("scan.ron");
    kompas::storage::save(&file, &p).unwrap();
    file
}

fn rescore(h: &Harness<'_, KompasApp>) -> ScanResponse {
    project(h).cycles[0].evaluation.scan.responses[0].clone()
}

/// The six score buttons of a statement (1–5 and ?), scrolled into view.
fn score_buttons(h: &mut Harness<'_, KompasApp>, code: &str) -> Vec<egui::Rect> {
    let text = kompas::i18n::statement_text(code);
    h.query_all_by_role_and_label(Role::Button, &text)
        .next()
        .expect("the statement's buttons")
        .scroll_to_me();
    h.run_steps(3);
    h.query_all_by_role_and_label(Role::Button, &text)
        .map(|n| n.rect())
        .collect()
}

fn click_at(h: &mut Harness<'_, KompasApp>, at: egui::Pos2) {
    h.event(egui::Event::PointerMoved(at));
    h.run_steps(1);
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        h.run_steps(1);
    }
    h.run_steps(2);
}

#[test]
fn a_key_never_changes_a_score_that_is_not_outlined() {
    let dir = tempfile::tempdir().unwrap();
    let file = scanned(dir.path());
    let codes: Vec<&str> = all_statements().map(|(_, c)| c).collect();
    let mut h = harness_sized(Some(file), None, egui::vec2(1024.0, 768.0));
    click(&mut h, &icon("📂 ", key!("start.open")));
    key(&mut h, Key::F5);
    // on the first scan, the keys are moved down a statement
    key(&mut h, Key::PageDown);
    key(&mut h, Key::PageDown);
    assert!(
        h.query_by_label_contains("gaan in de eerste scan")
            .is_some()
    );
    key(&mut h, Key::ArrowDown);
    // on to the rescore: "2" on arrival goes to the first statement not scored there
    while h.query_by_label_contains("gaan in de herscore").is_none() {
        key(&mut h, Key::PageDown);
    }
    key(&mut h, Key::Num2);
    key(&mut h, Key::Num2);
    let r = rescore(&h);
    for code in &codes[..3] {
        assert_eq!(
            r.scores.get(*code),
            Some(&Score::Value(4)),
            "a score given before is not changed by a key on arrival"
        );
    }
    assert_eq!(
        r.scores.get(codes[3]),
        Some(&Score::Value(2)),
        "the first statement not scored has the keys"
    );

    // a click on a score moves the keys on: the next key scores the next statement
    let buttons = score_buttons(&mut h, codes[6]);
    click_at(&mut h, buttons[3].center());
    assert_eq!(rescore(&h).scores.get(codes[6]), Some(&Score::Value(4)));
    key(&mut h, Key::Num1);
    key(&mut h, Key::Num1);
    let r = rescore(&h);
    assert_eq!(
        r.scores.get(codes[6]),
        Some(&Score::Value(4)),
        "the key does not overwrite the clicked score"
    );
    assert_eq!(r.scores.get(codes[7]), Some(&Score::Value(1)));
}

#[test]
fn a_changed_score_says_what_it_was_and_is_one_undo() {
    let dir = tempfile::tempdir().unwrap();
    let file = scanned(dir.path());
    let codes: Vec<&str> = all_statements().map(|(_, c)| c).collect();
    let mut h = harness_sized(Some(file), None, egui::vec2(1024.0, 768.0));
    click(&mut h, &icon("📂 ", key!("start.open")));
    key(&mut h, Key::F5);
    while h.query_by_label_contains("gaan in de herscore").is_none() {
        key(&mut h, Key::PageDown);
    }
    // a new score, and at once a change of a score that was there
    let buttons = score_buttons(&mut h, codes[5]);
    click_at(&mut h, buttons[2].center());
    let buttons = score_buttons(&mut h, codes[0]);
    click_at(&mut h, buttons[1].center());
    h.run_steps(2);
    let r = rescore(&h);
    assert_eq!(r.scores.get(codes[5]), Some(&Score::Value(3)));
    assert_eq!(r.scores.get(codes[0]), Some(&Score::Value(2)));
    assert!(
        h.query_by_label_contains("was 4").is_some(),
        "the old score is shown beside the changed one"
    );
    // one Ctrl+Z takes back the change, and only the change
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    let r = rescore(&h);
    assert_eq!(r.scores.get(codes[0]), Some(&Score::Value(4)), "undone");
    assert_eq!(
        r.scores.get(codes[5]),
        Some(&Score::Value(3)),
        "the score given before it stays"
    );
    assert!(h.query_by_label_contains("was 4").is_none());
}

#[test]
fn shortcuts_that_do_nothing_in_workshop_mode_are_dropped_not_kept() {
    let mut h = harness(None, None);
    click(&mut h, &icon("📘 ", key!("sample.rivierenland")));
    let view = h.state().state.doc.as_ref().unwrap().view;
    let idle: Vec<_> = kompas::app::shortcuts()
        .iter()
        .filter(|(_, c)| !c.acts_in_workshop())
        .collect();
    assert!(
        idle.iter()
            .any(|(_, c)| *c == kompas::app::Command::Palette)
    );
    assert!(
        idle.iter()
            .any(|(_, c)| *c == kompas::app::Command::NextStep)
    );
    for (shortcut, cmd) in idle {
        key(&mut h, Key::F5);
        assert!(workshop_page(&h).is_some(), "in workshop mode for {cmd:?}");
        h.key_press_modifiers(shortcut.modifiers, shortcut.logical_key);
        h.run_steps(3);
        assert!(workshop_page(&h).is_some(), "{cmd:?} did not leave");
        key(&mut h, Key::Escape);
        assert_eq!(workshop_page(&h), None);
        // what does nothing in workshop mode does nothing once it is left either
        let s = &h.state().state;
        assert!(
            s.palette.is_none(),
            "{cmd:?}: no palette waits behind workshop mode"
        );
        assert!(s.overview.is_none() && s.import.is_none(), "{cmd:?}");
        assert!(s.dialog.is_none(), "{cmd:?}");
        assert_eq!(s.doc.as_ref().unwrap().view, view, "{cmd:?} did nothing");
    }
    // the case of the issue: Ctrl+K, Escape, and Enter starts nothing
    key(&mut h, Key::F5);
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run_steps(3);
    key(&mut h, Key::Escape);
    assert_eq!(workshop_page(&h), None);
    key(&mut h, Key::Enter);
    assert!(h.state().state.palette.is_none());
    assert_eq!(
        project(&h).region.name,
        "Regio Rivierenland (fictief)",
        "no new project was started"
    );
}

#[test]
fn after_adding_a_signal_or_a_tip_the_keyboard_stays_in_its_field_in_view() {
    let mut h = harness_sized(None, None, egui::vec2(1024.0, 768.0));
    click(&mut h, &icon("📘 ", key!("sample.rivierenland")));
    key(&mut h, Key::F5);
    key(&mut h, Key::PageDown);
    let signal = nl(key!("workshop.new_signal"));
    // the page scrolled to its end: the field is at the bottom edge
    h.get_by_role_and_label(Role::TextInput, &signal).hover();
    for _ in 0..10 {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -300.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: Modifiers::NONE,
        });
        h.run_steps(2);
    }
    h.run_steps(5);
    let bottom = h
        .get_by_role_and_label(Role::TextInput, &icon("💡 ", key!("workshop.tip")))
        .rect()
        .min
        .y;
    let signals = project(&h).cycles[0].analysis.signals.len();
    for (i, text) in ["Wachtlijst jeugdhulp", "Ouders haken af"]
        .iter()
        .enumerate()
    {
        if i == 0 {
            h.get_by_role_and_label(Role::TextInput, &signal).focus();
            h.run_steps(2);
        }
        h.get_by_role_and_label(Role::TextInput, &signal)
            .type_text(text);
        h.run_steps(2);
        key(&mut h, Key::Enter);
        h.run_steps(3);
        let field = h.get_by_role_and_label(Role::TextInput, &signal);
        assert!(field.is_focused(), "the keyboard stays in the field");
        assert!(
            field.rect().max.y <= bottom + 0.5,
            "the field stays in view: {:?} above {bottom}",
            field.rect()
        );
    }
    let c = &project(&h).cycles[0];
    assert_eq!(c.analysis.signals.len(), signals + 2, "both were added");
    assert_eq!(c.analysis.signals.last().unwrap().text, "Ouders haken af");

    // the same for a tip
    let tip = icon("💡 ", key!("workshop.tip"));
    h.get_by_role_and_label(Role::TextInput, &tip).focus();
    h.run_steps(2);
    h.get_by_role_and_label(Role::TextInput, &tip)
        .type_text("Vraag de ouders");
    h.run_steps(2);
    key(&mut h, Key::Enter);
    h.run_steps(3);
    assert!(
        h.get_by_role_and_label(Role::TextInput, &tip).is_focused(),
        "the keyboard stays in the tip field"
    );
}

#[test]
fn ticking_a_partner_never_moves_the_list_under_the_pointer() {
    let dir = tempfile::tempdir().unwrap();
    let (file, names) = many_partners(dir.path());
    let mut h = harness_sized(Some(file), None, egui::vec2(1024.0, 768.0));
    click(&mut h, &icon("📂 ", key!("start.open")));
    go_to_step(&mut h, "2  Gezamenlijke ambities");
    let choose = nl(key!("ambition.endorsed_by"));
    h.get_by_role_and_label(Role::Button, &choose)
        .scroll_to_me();
    h.run_steps(2);
    h.get_by_role_and_label(Role::Button, &choose).hover();
    h.run_steps(1);
    h.get_by_role_and_label(Role::Button, &choose).click();
    h.run_steps(3);
    let places = |h: &Harness<'_, KompasApp>| -> Vec<egui::Rect> {
        names
            .iter()
            .map(|n| h.get_by_role_and_label(Role::CheckBox, n).rect())
            .collect()
    };
    let before = places(&h);
    // untick and tick again, each partner: the chips change, the list stays where it is
    for name in names.iter().chain(names.iter()) {
        let at = h
            .get_by_role_and_label(Role::CheckBox, name)
            .rect()
            .center();
        click_at(&mut h, at);
        assert_eq!(places(&h), before, "the list moved after clicking {name}");
    }
    assert_eq!(
        project(&h).cycles[0].ambitions[0].endorsed_by.len(),
        names.len()
    );
}

#[test]
fn a_running_timer_stays_with_its_project() {
    let mut h = harness(None, None);
    click(&mut h, &icon("📘 ", key!("sample.rivierenland")));
    key(&mut h, Key::F5);
    click(&mut h, &format!("5 {}", nl(key!("timer.min"))));
    click(&mut h, &nl(key!("timer.start")));
    assert!(
        h.query_by_label_contains("⏱ 5:00").is_some()
            || h.query_by_label_contains("⏱ 4:").is_some(),
        "the timer runs"
    );
    key(&mut h, Key::Escape);
    // another project is opened
    h.state_mut()
        .state
        .pending
        .push(kompas::app::Message::OpenSample(0));
    h.run_steps(2);
    settle(&mut h);
    assert_ne!(project(&h).region.name, "Regio Rivierenland (fictief)");
    key(&mut h, Key::F5);
    assert!(
        h.query_by_label_contains("⏱ ").is_none(),
        "the other project's timer does not show"
    );
    assert!(!h.state().state.timer.is_set());
}
