//! Workshop mode led by today's agenda: the editor, now and next, the jumps, the timer per
//! block, decisions and actions from any page, the "Vandaag" page and its minutes.

use super::*;
use kompas::model::{AgendaBlock, PageRef, ScanMoment, Step};

fn rivierenland() -> Harness<'static, KompasApp> {
    let mut h = harness_sized(None, None, egui::vec2(1024.0, 768.0));
    click(&mut h, &icon("📘 ", key!("sample.rivierenland")));
    h
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

fn session(h: &Harness<'_, KompasApp>) -> Option<kompas::model::WorkshopSession> {
    let p = project(h);
    let cycle = p.cycles[h.state().state.doc.as_ref().unwrap().cycle].id;
    p.workshop_on(cycle, today()).cloned()
}

fn shows(h: &Harness<'_, KompasApp>, text: &str) -> bool {
    h.query_all_by_label_contains(text).next().is_some()
}

#[test]
fn the_agenda_is_made_with_keys_and_leads_now_next_and_the_jumps() {
    let mut h = rivierenland();
    key(&mut h, Key::F5);
    assert!(
        session(&h).is_none(),
        "opening workshop mode records nothing"
    );
    // the editor: the analysis and the first scan on, the analysis 15 minutes
    key(&mut h, Key::E);
    assert!(shows(&h, "Agenda van"));
    key(&mut h, Key::ArrowDown);
    key(&mut h, Key::Space);
    key(&mut h, Key::Plus);
    // past the support analysis' chart to the scan
    key(&mut h, Key::ArrowDown);
    key(&mut h, Key::ArrowDown);
    key(&mut h, Key::Space);
    // the scan moves before the analysis (past the chart's row)
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    h.run_steps(3);
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    h.run_steps(3);
    key(&mut h, Key::Escape);
    assert!(workshop_page(&h).is_some(), "Escape closes the editor only");
    let agenda: Vec<(PageRef, u32)> = session(&h)
        .expect("the day's session is made with the agenda")
        .agenda
        .iter()
        .map(|b| (b.page, b.minutes))
        .collect();
    let scan = PageRef::Scan(ScanMoment::Analysis);
    let analysis = PageRef::Step(Step::Analysis);
    assert_eq!(agenda, [(scan, 10), (analysis, 15)]);
    // the title page shows the agenda; the pages are the title, the agenda's and "Vandaag"
    assert!(shows(&h, "Totaal: 25 min"));
    key(&mut h, Key::PageDown);
    assert_eq!(workshop_page(&h), Some(1));
    assert!(shows(
        &h,
        "nu: Werkzame factoren en borging: scan, 10 min  ·  hierna: 1. Analyse"
    ));
    key(&mut h, Key::End);
    assert_eq!(workshop_page(&h), Some(3));
    assert!(shows(&h, "nu: Vandaag  ·  laatste pagina"));
    key(&mut h, Key::Home);
    assert_eq!(workshop_page(&h), Some(0));
    // the page list: Down twice and Enter
    key(&mut h, Key::G);
    assert!(shows(&h, "Pijltjes omhoog en omlaag kiezen"));
    key(&mut h, Key::ArrowDown);
    key(&mut h, Key::ArrowDown);
    key(&mut h, Key::Enter);
    assert_eq!(workshop_page(&h), Some(2));
    assert!(shows(&h, "nu: 1. Analyse, 15 min  ·  hierna: Vandaag"));
}

#[test]
fn the_page_list_and_the_agenda_work_with_the_mouse() {
    let mut h = rivierenland();
    key(&mut h, Key::F5);
    click(&mut h, &format!("📋 {}", nl(key!("workshop.agenda"))));
    // "+" on the title page's row gives it a block (it stays first, always shown)
    h.get_all_by_label("+").next().unwrap().click();
    h.run_steps(3);
    assert_eq!(
        session(&h).unwrap().agenda,
        [AgendaBlock::new(PageRef::Title, 5)]
    );
    click(&mut h, &format!("📋 {}", nl(key!("workshop.agenda"))));
    click(&mut h, "☰");
    click(&mut h, "6.  2. Gezamenlijke ambities");
    assert_eq!(
        workshop_page(&h),
        Some(5),
        "no agenda chooses pages: all are shown"
    );
    assert!(
        !shows(&h, "Pijltjes omhoog en omlaag kiezen"),
        "the list closed"
    );
}

#[test]
fn a_block_s_timer_keeps_the_time_it_used_when_the_room_comes_back() {
    let mut h = rivierenland();
    key(&mut h, Key::F5);
    let analysis = PageRef::Step(Step::Analysis);
    let chain = PageRef::Chain;
    {
        let doc = h.state_mut().state.doc.as_mut().unwrap();
        let cycle = doc.project.cycles[doc.cycle].id;
        doc.project.workshop_on_mut(cycle, today()).agenda = vec![
            AgendaBlock::new(analysis, 10),
            AgendaBlock::new(PageRef::Step(Step::Ambitions), 0),
            AgendaBlock::new(chain, 5),
        ];
    }
    let at = |h: &mut Harness<'_, KompasApp>, t: f64| {
        h.input_mut().time = Some(t);
        h.run_steps(2);
    };
    at(&mut h, 100.0);
    key(&mut h, Key::PageDown);
    assert!(shows(&h, "⏱ 10:00"), "arriving sets the block's time");
    click(&mut h, &nl(key!("timer.start")));
    at(&mut h, 190.0);
    assert!(shows(&h, "⏱ 8:3"), "it runs");
    // to a page without a block, and on to the chain's five minutes
    key(&mut h, Key::PageDown);
    assert!(!h.state().state.timer.is_set(), "no block, no countdown");
    let used = session(&h).unwrap().agenda[0].used_seconds;
    assert!((89..=92).contains(&used), "the block kept its time: {used}");
    key(&mut h, Key::PageDown);
    assert!(shows(&h, "⏱ 5:00") || shows(&h, "⏱ 4:5"), "the next block");
    assert!(
        h.state().state.timer.is_running(),
        "a running timer runs on"
    );
    // back to the analysis: the countdown goes on where it was, not from the start
    key(&mut h, Key::PageUp);
    key(&mut h, Key::PageUp);
    at(&mut h, 200.0);
    assert!(
        !shows(&h, "⏱ 10:00") && (shows(&h, "⏱ 8:") || shows(&h, "⏱ 7:5")),
        "the used time is kept"
    );
    assert!(h.state().state.timer.remaining(200.0) < 520.0);
}

#[test]
fn decisions_and_actions_from_a_page_land_in_today_s_meeting() {
    let mut h = rivierenland();
    let meetings = project(&h).meetings.len();
    key(&mut h, Key::F5);
    key(&mut h, Key::PageDown);
    // keyboard: B, the text, Enter; the form stays for the next one
    key(&mut h, Key::B);
    let what = nl(key!("workshop.what"));
    h.get_by_role_and_label(Role::TextInput, &what)
        .type_text("Pilot thuiszitters starten");
    h.run_steps(2);
    key(&mut h, Key::Enter);
    h.get_by_role_and_label(Role::TextInput, &what)
        .type_text("Wachtlijst agenderen");
    h.run_steps(2);
    key(&mut h, Key::Enter);
    assert_eq!(project(&h).meetings.len(), meetings + 1, "one meeting");
    let m = project(&h).meetings.last().unwrap().clone();
    assert_eq!(m.date, Some(today()));
    assert!(m.title.starts_with("Werksessie"), "{}", m.title);
    let texts: Vec<&str> = m.decisions.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(
        texts,
        ["Pilot thuiszitters starten", "Wachtlijst agenderen"]
    );
    assert_eq!(
        session(&h).unwrap().meeting,
        Some(m.id),
        "linked from the session"
    );
    // Escape closes the form, not workshop mode
    key(&mut h, Key::Escape);
    assert!(workshop_page(&h).is_some());
    assert!(h.query_by_label(&what).is_none(), "the form is closed");
    // the mouse: an action with a role, in the same meeting
    click(&mut h, &format!("✚ {}", nl(key!("workshop.action"))));
    type_into(&mut h, Role::TextInput, &what, "Plan van aanpak schrijven");
    type_into(
        &mut h,
        Role::TextInput,
        &nl(key!("workshop.role")),
        "coördinator",
    );
    click(&mut h, &format!("{} (Enter)", nl(key!("workshop.add"))));
    assert_eq!(project(&h).meetings.len(), meetings + 1, "the same meeting");
    let m = project(&h).meetings.last().unwrap();
    assert_eq!(m.actions.len(), 1);
    assert_eq!(
        (m.actions[0].what.as_str(), m.actions[0].role.as_str()),
        ("Plan van aanpak schrijven", "coördinator")
    );
    assert!(workshop_page(&h).is_some());
}

/// A workshop that added a signal, a tip and a decision, on its "Vandaag" page.
fn a_session_that_added_things() -> Harness<'static, KompasApp> {
    let mut h = rivierenland();
    key(&mut h, Key::F5);
    key(&mut h, Key::PageDown);
    type_into(
        &mut h,
        Role::TextInput,
        &nl(key!("workshop.new_signal")),
        "Ouders missen een loket",
    );
    key(&mut h, Key::Enter);
    type_into(
        &mut h,
        Role::TextInput,
        &icon("💡 ", key!("workshop.tip")),
        "Vraag het jongerenpanel",
    );
    key(&mut h, Key::Enter);
    key(&mut h, Key::Escape);
    key(&mut h, Key::B);
    h.get_by_role_and_label(Role::TextInput, &nl(key!("workshop.what")))
        .type_text("Loket onderzoeken");
    h.run_steps(2);
    key(&mut h, Key::Enter);
    key(&mut h, Key::Escape);
    key(&mut h, Key::End);
    h
}

#[test]
fn the_vandaag_page_shows_what_this_session_added_and_not_what_was_there() {
    let mut h = a_session_that_added_things();
    // the room answered the data dialogue of an indicator (as its outcome's page does)
    let name = {
        let doc = h.state_mut().state.doc.as_mut().unwrap();
        let k = doc.cycle;
        let ind = &mut doc.project.cycles[k].outcomes[0].indicators[0];
        ind.dialogue.recognise = "Ja, dit herkennen we".into();
        let name = ind.name.clone();
        // and parked something (as the parking lot does)
        let id = doc.project.new_id();
        let cycle = doc.project.cycles[k].id;
        (doc.project.workshop_on_mut(cycle, today()).parked).push(kompas::model::TextItem {
            id,
            text: "Vervoer naar school".into(),
        });
        name
    };
    h.run_steps(3);
    assert!(
        shows(&h, &format!("{name}: Ja, dit herkennen we")),
        "the dialogue's answer"
    );
    assert!(shows(&h, "Vervoer naar school"), "the parked item");
    assert!(shows(&h, &nl(key!("workshop.wrapup_page"))));
    assert!(shows(&h, "Loket onderzoeken"), "the decision");
    assert!(shows(&h, "Ouders missen een loket"), "the signal");
    assert!(shows(&h, "Vraag het jongerenpanel"), "the tip");
    let old = project(&h).cycles[h.state().state.doc.as_ref().unwrap().cycle]
        .analysis
        .signals[0]
        .text
        .clone();
    assert!(
        !shows(&h, &old),
        "a signal from before the session is not today's"
    );
}

#[test]
fn the_minutes_hold_the_decision_and_no_name() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("verslag.md");
    let mut h = harness_answer_sized(
        Answer {
            open: None,
            save: None,
            csv_open: None,
            csv_save: Some(out.clone()),
        },
        egui::vec2(1024.0, 768.0),
    );
    click(&mut h, &icon("📘 ", key!("sample.rivierenland")));
    key(&mut h, Key::F5);
    key(&mut h, Key::A);
    let what = nl(key!("workshop.what"));
    type_into(&mut h, Role::TextInput, &what, "Loket onderzoeken");
    type_into(
        &mut h,
        Role::TextInput,
        &nl(key!("workshop.role")),
        "beleidsadviseur",
    );
    key(&mut h, Key::Enter);
    key(&mut h, Key::B);
    h.get_by_role_and_label(Role::TextInput, &what)
        .type_text("Het loket komt er");
    h.run_steps(2);
    key(&mut h, Key::Enter);
    key(&mut h, Key::Escape);
    // a name in the meeting's notes (where who-said-what is written) stays in the file
    h.state_mut()
        .state
        .doc
        .as_mut()
        .unwrap()
        .project
        .meetings
        .last_mut()
        .unwrap()
        .notes = "Jan de Vries zei dat".into();
    key(&mut h, Key::End);
    click(&mut h, "⬇ Markdown");
    settle(&mut h);
    if h.query_by_label(&nl(key!("privacy.export_anyway")))
        .is_some()
    {
        click(&mut h, &nl(key!("privacy.export_anyway")));
        settle(&mut h);
    }
    let text = std::fs::read_to_string(&out).expect("the minutes were written");
    assert!(text.contains("Het loket komt er"), "{text}");
    assert!(text.contains("Loket onderzoeken") && text.contains("beleidsadviseur"));
    assert!(text.contains("Verslag werksessie"));
    assert!(!text.contains("Jan de Vries"), "no name: {text}");
    assert!(workshop_page(&h).is_some(), "still in workshop mode");
}

#[test]
fn the_agenda_is_planned_from_the_window_s_menu_before_the_room_comes_in() {
    let mut h = rivierenland();
    assert!(workshop_page(&h).is_none());
    // the menu "Cyclus" (the sidebar also says "Cyclus", over its cycle picker)
    h.get_all_by_role_and_label(Role::Button, &nl(key!("menu.cycle")))
        .next()
        .unwrap()
        .click();
    h.run_steps(3);
    click(&mut h, &nl(key!("workshop.plan_agenda")));
    assert_eq!(workshop_page(&h), Some(0), "in workshop mode");
    assert!(shows(&h, "Agenda van"), "with the agenda editor open");
    key(&mut h, Key::ArrowDown);
    key(&mut h, Key::Space);
    key(&mut h, Key::Escape);
    assert_eq!(session(&h).unwrap().agenda.len(), 1);
    assert!(workshop_page(&h).is_some());
}
