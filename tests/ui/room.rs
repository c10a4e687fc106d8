//! The room's own pages in workshop mode: the dot-vote, the parking lot, and the data dialogue
//! typed on an outcome's page, by keyboard and by mouse.

use super::*;
use kompas::i18n::key;
use kompas::model::{DataDialogue, Project, VoteSource, WorkshopSession};

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// The Rivierenland sample in workshop mode, on the page `page` (as `pages` lists them).
fn on_page(h: &mut Harness<'static, KompasApp>, page: kompas::state::Page) {
    key(h, Key::F5);
    let pages = kompas::state::pages(&project(h).cycles[0]);
    let at = pages.iter().position(|p| *p == page).expect("the page");
    for _ in 0..at {
        key(h, Key::PageDown);
    }
    assert_eq!(workshop_page(h), Some(at));
}

fn sample() -> Harness<'static, KompasApp> {
    let mut h = harness_sized(None, None, egui::vec2(1024.0, 768.0));
    click(&mut h, &icon("📘 ", key!("sample.rivierenland")));
    h
}

fn session(h: &Harness<'_, KompasApp>) -> WorkshopSession {
    let p = project(h);
    p.workshop_on(p.cycles[0].id, today())
        .expect("the day's workshop")
        .clone()
}

/// The texts of the first lines of the vote page: the cycle's signals, then its problems.
fn first_lines(p: &Project) -> Vec<String> {
    let a = &p.cycles[0].analysis;
    (a.signals.iter().map(|s| s.text.clone()))
        .chain(a.problems.iter().map(|x| x.text.clone()))
        .collect()
}

#[test]
fn the_dot_vote_is_counted_and_sorted_with_the_keyboard_and_the_top_item_becomes_an_ambition() {
    let mut h = sample();
    on_page(&mut h, kompas::state::Page::Vote);
    let lines = first_lines(project(&h));
    assert!(
        project(&h).workshops.is_empty(),
        "opening the page records nothing"
    );
    // line 2 gets three dots, line 3 one, line 1 two (then one taken off again)
    for k in [
        Key::Num2,
        Key::Plus,
        Key::Plus,
        Key::Plus,
        Key::ArrowDown,
        Key::Plus,
    ] {
        key(&mut h, k);
    }
    for k in [Key::Num1, Key::Plus, Key::Plus, Key::Plus, Key::Minus] {
        key(&mut h, k);
    }
    assert_eq!(workshop_page(&h), Some(4), "the keys do not turn the page");
    let vote = session(&h).vote;
    let ranked: Vec<(&str, u32)> = vote
        .ranked()
        .iter()
        .map(|i| (i.text.as_str(), i.count))
        .collect();
    assert_eq!(
        ranked,
        [
            (lines[1].as_str(), 3),
            (lines[0].as_str(), 2),
            (lines[2].as_str(), 1)
        ]
    );
    assert_eq!(vote.total(), 6);
    assert!(matches!(vote.items[0].source, VoteSource::Signal(_)));
    assert!(h.query_by_label_contains("6 stippen gegeven").is_some());
    // the top item of the result into the ambitions, from the keyboard
    let ambitions = project(&h).cycles[0].ambitions.len();
    let take = format!("➕ {}", nl(key!("vote.to_ambition")));
    h.get_all_by_label(&take).next().expect("a button").focus();
    h.run_steps(2);
    key(&mut h, Key::Enter);
    let c = &project(&h).cycles[0];
    assert_eq!(c.ambitions.len(), ambitions + 1);
    assert_eq!(c.ambitions.last().unwrap().title, lines[1]);
    assert!(
        h.query_by_label_contains(&nl(key!("vote.in_ambitions")))
            .is_some()
    );
}

#[test]
fn the_dot_vote_is_counted_with_the_mouse_and_an_own_item_goes_on_the_agenda() {
    let mut h = sample();
    on_page(&mut h, kompas::state::Page::Vote);
    let lines = first_lines(project(&h));
    // one "+" per line
    let plus = |h: &mut Harness<'static, KompasApp>, line: usize| {
        h.get_all_by_label("+").nth(line).expect("a +").click();
        h.run_steps(3);
    };
    plus(&mut h, 0);
    plus(&mut h, 1);
    plus(&mut h, 1);
    // "−" and "+" beside the dots per participant
    h.get_all_by_role_and_label(Role::Button, &nl(key!("vote.dots")))
        .nth(1)
        .unwrap()
        .click();
    h.run_steps(3);
    let vote = session(&h).vote;
    assert_eq!(vote.dots, 4);
    assert_eq!(vote.ranked()[0].text, lines[1]);
    assert_eq!(
        (vote.ranked()[1].text.as_str(), vote.total()),
        (lines[0].as_str(), 3)
    );
    type_into(
        &mut h,
        Role::TextInput,
        &nl(key!("vote.own")),
        "Eén loket voor ouders",
    );
    key(&mut h, Key::Enter);
    let own = session(&h).vote.items.last().unwrap().clone();
    assert_eq!(
        (own.text.as_str(), own.source),
        ("Eén loket voor ouders", VoteSource::Own)
    );
    let n = h.get_all_by_label("+").count();
    // the new line is the last, chosen and scrolled into view
    for _ in 0..5 {
        h.get_all_by_label("+").nth(n - 1).unwrap().click();
        h.run_steps(3);
    }
    assert_eq!(session(&h).vote.ranked()[0].text, "Eén loket voor ouders");
    let themes = project(&h).agenda.themes.len();
    h.get_all_by_label(&format!("➕ {}", nl(key!("vote.to_agenda"))))
        .next()
        .unwrap()
        .click();
    h.run_steps(3);
    let p = project(&h);
    assert_eq!(p.agenda.themes.len(), themes + 1);
    assert_eq!(
        p.agenda.themes.last().unwrap().text,
        "Eén loket voor ouders"
    );
}

#[test]
fn an_item_parked_from_any_page_and_on_the_parking_page_is_kept_in_the_day_s_session() {
    let mut h = sample();
    on_page(
        &mut h,
        kompas::state::Page::Step(kompas::model::Step::Ambitions),
    );
    // key P on any page: a small field, Enter parks, still in workshop mode on the same page
    key(&mut h, Key::P);
    h.get_by_role_and_label(Role::TextInput, &format!("🅿 {}", nl(key!("parking.new"))))
        .type_text("Vervoer naar school");
    h.run_steps(2);
    key(&mut h, Key::Enter);
    assert_eq!(workshop_page(&h), Some(5));
    let parked: Vec<String> = session(&h).parked.iter().map(|p| p.text.clone()).collect();
    assert_eq!(parked, ["Vervoer naar school"]);
    assert_eq!(session(&h).date, Some(today()));
    // on the parking page, with the mouse: add one, move the first to the agenda
    key(&mut h, Key::Escape);
    on_page(&mut h, kompas::state::Page::Parking);
    assert!(h.query_by_label("Vervoer naar school").is_some());
    type_into(
        &mut h,
        Role::TextInput,
        &nl(key!("parking.new")),
        "Budget 2027",
    );
    click(&mut h, &nl(key!("workshop.add")));
    let parked: Vec<String> = session(&h).parked.iter().map(|p| p.text.clone()).collect();
    assert_eq!(parked, ["Vervoer naar school", "Budget 2027"]);
    h.get_all_by_label(&format!("➕ {}", nl(key!("parking.to_agenda"))))
        .next()
        .unwrap()
        .click();
    h.run_steps(3);
    let p = project(&h);
    assert_eq!(p.agenda.themes.last().unwrap().text, "Vervoer naar school");
    let parked: Vec<String> = session(&h).parked.iter().map(|p| p.text.clone()).collect();
    assert_eq!(parked, ["Budget 2027"]);
}

#[test]
fn dialogue_answers_typed_on_an_outcome_page_are_kept_with_the_indicator_and_today() {
    // a file with an undated dialogue, as older versions wrote it
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("regio.ron");
    let mut p = kompas::samples::SAMPLES[1].project().unwrap();
    for c in p.cycles.iter_mut().filter(|c| !c.outcomes.is_empty()) {
        c.outcomes[0].indicators[0].dialogue = DataDialogue {
            recognise: "Herkenbaar voor de scholen".into(),
            ..DataDialogue::default()
        };
    }
    kompas::storage::save(&file, &p).unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(!text.contains("earlier_dialogues"));
    let mut h = harness_sized(Some(file), None, egui::vec2(1024.0, 768.0));
    click(&mut h, &icon("📂 ", key!("start.open")));
    let cycle = h.state().state.doc.as_ref().unwrap().cycle;
    let ind = &project(&h).cycles[cycle].outcomes[0].indicators[0];
    assert_eq!(ind.dialogue.recognise, "Herkenbaar voor de scholen");
    assert_eq!(ind.dialogue.date, None);
    key(&mut h, Key::F5);
    let pages = kompas::state::pages(&project(&h).cycles[cycle]);
    let at = (pages.iter())
        .position(|p| *p == kompas::state::Page::Outcome(0))
        .unwrap();
    for _ in 0..at {
        key(&mut h, Key::PageDown);
    }
    // the earlier dialogue is shown, the fields are today's and empty
    assert!(
        h.query_by_label_contains(&nl(key!("dialogue.undated")))
            .is_some()
    );
    h.get_all_by_role_and_label(Role::MultilineTextInput, &nl(key!("dialogue.explain_q")))
        .next()
        .expect("the question's field")
        .focus();
    h.run_steps(2);
    h.get_all_by_role_and_label(Role::MultilineTextInput, &nl(key!("dialogue.explain_q")))
        .next()
        .unwrap()
        .type_text("Meer thuiszitters na de zomer");
    h.run_steps(3);
    assert_eq!(workshop_page(&h), Some(at), "typing does not turn the page");
    let ind = &project(&h).cycles[cycle].outcomes[0].indicators[0];
    assert_eq!(ind.dialogue.date, Some(today()));
    assert_eq!(ind.dialogue.explain, "Meer thuiszitters na de zomer");
    assert_eq!(ind.dialogue.recognise, "");
    assert_eq!(ind.earlier_dialogues.len(), 1, "the undated one is kept");
    assert_eq!(
        ind.earlier_dialogues[0].recognise,
        "Herkenbaar voor de scholen"
    );
}

#[test]
fn a_count_is_undone_with_ctrl_z_in_workshop_mode() {
    let mut h = sample();
    on_page(&mut h, kompas::state::Page::Vote);
    for k in [Key::Num1, Key::Plus, Key::Plus] {
        key(&mut h, k);
    }
    assert_eq!(session(&h).vote.total(), 2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(3);
    let total = project(&h)
        .workshop_on(project(&h).cycles[0].id, today())
        .map_or(0, |w| w.vote.total());
    assert!(total < 2, "{total}");
    assert!(workshop_page(&h).is_some());
}

#[test]
fn the_editor_shows_the_dialogue_s_date_and_the_earlier_ones_and_starts_one_today() {
    let mut h = harness(None, None);
    click(&mut h, &icon("📘 ", key!("sample.rivierenland")));
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    {
        let doc = h.state_mut().state.doc.as_mut().unwrap();
        let cycle = doc.cycle;
        let ind = &mut doc.project.cycles[cycle].outcomes[0].indicators[0];
        ind.earlier_dialogues = vec![DataDialogue {
            date: Some(day(2025, 3, 12)),
            recognise: "Vorig voorjaar herkenbaar".into(),
            ..DataDialogue::default()
        }];
        ind.dialogue = DataDialogue {
            date: Some(day(2025, 9, 1)),
            opinion: "Nu zorgelijk".into(),
            ..DataDialogue::default()
        };
    }
    go_to_step(&mut h, "5  Evaluatie");
    for text in [
        "Gesprek van 01-09-2025".to_owned(),
        nl(key!("dialogue.history")),
        "12-03-2025".to_owned(),
        format!(
            "{} Vorig voorjaar herkenbaar",
            nl(key!("dialogue.recognise"))
        ),
    ] {
        assert!(h.query_by_label(&text).is_some(), "{text}");
    }
    assert!(h.query_all_by_value("Nu zorgelijk").next().is_some());
    click(&mut h, &format!("➕ {}", nl(key!("dialogue.new_today"))));
    let cycle = h.state().state.doc.as_ref().unwrap().cycle;
    let ind = &project(&h).cycles[cycle].outcomes[0].indicators[0];
    assert_eq!(ind.dialogue.date, Some(today()));
    assert!(ind.dialogue.is_empty());
    let kept: Vec<_> = ind.earlier_dialogues.iter().map(|d| d.date).collect();
    assert_eq!(kept, [Some(day(2025, 3, 12)), Some(day(2025, 9, 1))]);
}
