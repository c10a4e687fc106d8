//! The screens: language, dashboard, scan, long pages and lists built only when in view, the region overview.

use super::*;
use kompas::i18n::key;

#[test]
fn the_interface_switches_to_english() {
    let mut h = harness(None, None);
    click(&mut h, &icon("📘 ", key!("sample.utrecht")));
    h.state_mut()
        .state
        .pending
        .push(kompas::app::Message::SetLang(Lang::En));
    h.run_steps(3);
    assert!(h.query_by_label_contains("3  Societal outcomes").is_some());
    assert_eq!(
        h.state().state.prefs.lang,
        Lang::En,
        "remembered in the preferences"
    );
}

/// In English, no screen shows a Dutch interface text (the content of the sample stays Dutch).
#[test]
fn every_screen_is_english_when_english_is_chosen() {
    use std::cell::RefCell;
    let english: std::collections::HashSet<&str> = kompas::i18n::texts(Lang::En).collect();
    let dutch: std::collections::HashSet<&str> = kompas::i18n::texts(Lang::Nl)
        .filter(|nl| nl.chars().count() > 3 && !english.contains(nl))
        .collect();
    let mut h = harness(None, None);
    click(&mut h, &icon("📘 ", key!("sample.utrecht")));
    h.state_mut()
        .state
        .pending
        .push(kompas::app::Message::SetLang(Lang::En));
    h.run_steps(3);
    let seen = RefCell::new(Vec::<String>::new());
    let collect = |h: &mut Harness<'_, KompasApp>| {
        h.run_steps(3);
        let _ = h
            .query_all(By::new().predicate(|n| {
                if let Some(l) = n.label() {
                    seen.borrow_mut().push(l.to_string());
                }
                false
            }))
            .count();
    };
    // every view of the one list
    for v in View::ALL {
        h.state_mut().state.doc.as_mut().unwrap().view = v;
        collect(&mut h);
    }
    h.key_press(Key::F5);
    for _ in 0..5 {
        collect(&mut h);
        h.key_press(Key::PageDown);
    }
    let labels = seen.into_inner();
    assert!(labels.len() > 300, "only {} labels seen", labels.len());
    let dutch_left: Vec<&String> = labels
        .iter()
        .filter(|l| {
            let text = l.trim_start_matches(|c: char| !c.is_alphanumeric()).trim();
            dutch.contains(text)
        })
        .collect();
    assert!(
        dutch_left.is_empty(),
        "Dutch interface texts in English: {dutch_left:?}"
    );
}

#[test]
fn the_dashboard_shows_every_outcome_with_status_and_interventions() {
    let mut h = harness(None, None);
    click(&mut h, &icon("📘 ", key!("sample.rivierenland")));
    click(&mut h, "📊  Dashboard");
    let c = project(&h).cycles[0].clone();
    for o in &c.outcomes {
        assert!(h.query_by_label(&o.title).is_some(), "outcome {}", o.title);
        for i in &o.indicators {
            assert!(h.query_by_label(&i.name).is_some(), "indicator {}", i.name);
        }
    }
    // a status pill for every indicator, and the judgement of a linked intervention
    let pills = h.query_all_by_label_contains("• ").count();
    assert!(pills >= c.indicators().count(), "{pills} pills");
    assert!(h.query_all_by_label_contains("besluit: ").next().is_some());
    // Ctrl+PageUp goes back to the evaluation step
    h.key_press_modifiers(Modifiers::COMMAND, Key::PageUp);
    h.run_steps(3);
    assert!(h.query_by_label(&nl(key!("guide_doc.step5_h"))).is_some());
}

#[test]
fn scoring_the_scan_shows_the_average_against_the_national_figure() {
    let mut h = harness(None, None);
    click(&mut h, &icon("📘 ", key!("sample.rivierenland")));
    go_to_step(&mut h, "1  Analyse");
    // the sample's first scan shows the largest gap between partners
    assert!(
        h.query_by_label_contains("Onderling vertrouwen: Gemeente")
            .is_some()
    );
    let responses = project(&h).cycles[0].analysis.scan.responses.len();
    let combo = By::new()
        .role(Role::ComboBox)
        .label("➕ Scores invoeren voor");
    h.get(combo.clone()).scroll_to_me();
    h.run_steps(2);
    h.get(combo.clone()).hover();
    h.run_steps(1);
    h.get(combo).click();
    h.run_steps(3);
    click(&mut h, "Regionaal Bureau Leerplicht");
    let scan = &project(&h).cycles[0].analysis.scan;
    assert_eq!(scan.responses.len(), responses + 1);
    // score the first statement 5 by clicking its button
    let statement = kompas::i18n::statement_text("vision.1");
    let buttons = h
        .query_all(By::new().label(&statement).role(Role::Button))
        .count();
    assert_eq!(buttons, 6, "1 to 5 and 'no view'");
    h.query_all(By::new().label(&statement).role(Role::Button))
        .nth(4)
        .expect("the button for 5")
        .click();
    h.run_steps(3);
    let r = project(&h).cycles[0]
        .analysis
        .scan
        .responses
        .last()
        .unwrap();
    assert_eq!(
        r.scores.get("vision.1"),
        Some(&kompas::model::Score::Value(5))
    );
    assert_eq!(r.factor_average(kompas::model::Factor::Vision), Some(5.0));
}

/// On a long page (step 5 with its indicator cards) only the cards on screen are built; a card
/// further down appears, with its fields, once it is scrolled to.
#[test]
fn cards_out_of_sight_are_drawn_when_scrolled_to() {
    let mut p = kompas::stress::region(5, kompas::stress::Size::REGION, "Testregio");
    let last = p.cycles.len() - 1;
    let ind = p.cycles[last]
        .outcomes
        .iter_mut()
        .flat_map(|o| o.indicators.iter_mut())
        .last()
        .unwrap();
    ind.name = "Onderaan de pagina".into();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(|_cc| {
            KompasApp::with_dialogs(
                Prefs {
                    lang: Lang::Nl,
                    ..Prefs::default()
                },
                Box::new(Answer {
                    open: None,
                    save: None,
                    csv_open: None,
                    csv_save: None,
                }),
            )
        });
    let mut doc = kompas::app::OpenDoc::new(p.clone(), None, "t.ron".into(), p);
    doc.cycle = last;
    doc.view = View::Step(kompas::model::Step::Evaluation);
    h.state_mut().state.doc = Some(doc);
    h.run_steps(4);
    assert!(
        h.query_by_label_contains("Onderaan de pagina").is_none(),
        "the last card is below the window and not built"
    );
    for _ in 0..40 {
        h.event(egui::Event::PointerMoved(egui::pos2(640.0, 400.0)));
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -400.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: Modifiers::NONE,
        });
        h.run_steps(2);
        if h.query_by_label_contains("Onderaan de pagina").is_some() {
            break;
        }
    }
    assert!(
        h.query_by_label_contains("Onderaan de pagina").is_some(),
        "scrolled to, the card is there"
    );
}

// ---------------------------------------------------------------- no waiting on disk

/// A long series (ten years of weekly figures) scrolls inside its table, which builds only the
/// rows in view.
#[test]
fn a_long_series_builds_only_the_rows_in_view() {
    let mut p = kompas::stress::region(5, kompas::stress::Size::REGION, "Testregio");
    let last = p.cycles.len() - 1;
    let ind = p.cycles[last].indicators().next().unwrap().id;
    let start = chrono::NaiveDate::from_ymd_opt(2015, 1, 5).unwrap();
    for week in 0..520 {
        let id = p.new_id();
        p.cycles[last]
            .evaluation
            .measurements
            .push(kompas::model::Measurement {
                id,
                indicator: ind,
                date: Some(start + chrono::Duration::weeks(week)),
                value: Some(week as f64),
                source: format!("week {week}"),
                note: String::new(),
            });
    }
    let mut h = harness(None, None);
    let mut doc = kompas::app::OpenDoc::new(p.clone(), None, "t.ron".into(), p);
    doc.cycle = last;
    doc.view = View::Step(kompas::model::Step::Evaluation);
    h.state_mut().state.doc = Some(doc);
    h.run_steps(4);
    let built = h
        .query_all_by_role_and_label(Role::TextInput, "Bron")
        .count();
    assert!(
        (5..=40).contains(&built),
        "{built} source fields built for 520+ rows"
    );
    assert!(
        h.query_all_by_value("week 0").count() > 0,
        "the first rows are there"
    );
    assert_eq!(
        h.query_all_by_value("week 519").count(),
        0,
        "the last rows are not built"
    );
}

#[test]
fn the_region_overview_opens_a_folder_without_freezing_and_opens_a_region() {
    let dir = tempfile::tempdir().unwrap();
    for s in kompas::samples::SAMPLES {
        std::fs::write(dir.path().join(s.file_name), s.content).unwrap();
    }
    std::fs::write(dir.path().join("kapot.ron"), "(format_version: 2,").unwrap();
    let mut h = harness_with(Answer {
        open: None,
        save: None,
        csv_open: Some(dir.path().to_path_buf()),
        csv_save: None,
    });
    click(&mut h, &icon("📁 ", key!("overview.open")));
    // loading happens in the background; frames keep coming meanwhile
    wait_for_overview(&mut h);
    h.run_steps(2);
    assert!(h.query_by_label(&nl(key!("overview.title"))).is_some());
    assert!(h.query_by_label("2 regio's").is_some());
    assert!(
        h.query_by_label_contains("kapot.ron").is_some(),
        "the broken file is listed"
    );
    // sorting by a column
    click(&mut h, &nl(key!("overview.on_track")));
    assert_eq!(
        h.state().state.overview.as_ref().unwrap().sort,
        (kompas::state::Measure::OnTrack, true)
    );
    // the name is in the chart (a label) and in the table (a link that opens the region)
    h.query_all(By::new().label("Utrecht (voorbeeld)").role(Role::Link))
        .next()
        .expect("the region's link in the table")
        .click();
    h.run_steps(3);
    common::settle(&mut h);
    assert!(h.state().state.overview.is_none());
    assert_eq!(project(&h).region.name, "Utrecht (voorbeeld)");
}
