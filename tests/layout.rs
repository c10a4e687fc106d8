//! Every screen at a meeting room's projector size (1024×768) and at 1280×800, with the
//! guidance panel open and closed, scrolled down a screen at a time: nothing drawn outside the
//! window or its panel, under a side panel or the status bar, no text set a letter per line,
//! cut off or broken inside a word, no status over two lines, no button too narrow for a word
//! of its text, no field too narrow to type in.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kompas::KompasApp;
use kompas::i18n::key;

const SIZES: [egui::Vec2; 2] = [egui::vec2(1024.0, 768.0), egui::vec2(1280.0, 800.0)];

fn check(h: &Harness<'_, KompasApp>, size: egui::Vec2, screen: &str, out: &mut Vec<String>) {
    out.extend(common::layout::problems(&h.root(), size, screen));
    out.extend(common::layout::cut_buttons(&h.root(), &h.ctx, screen));
}

/// [`check`], then down the page a screen at a time: a text's lines are known only where it
/// is drawn, so what lies below the window is checked once scrolled into view.
fn check_scrolling(
    h: &mut Harness<'_, KompasApp>,
    size: egui::Vec2,
    screen: &str,
    out: &mut Vec<String>,
) {
    use egui::accesskit::Role;
    use egui_kittest::kittest::NodeT;
    check(h, size, screen, out);
    let mut last = None;
    for page in 1..=12 {
        // the first label below the window
        let below = h
            .root()
            .children_recursive()
            .filter(|n| n.accesskit_node().role() == Role::Label)
            .filter_map(|n| {
                let b = n.accesskit_node().bounding_box()?;
                (b.y0 > f64::from(size.y)).then_some((b.y0, n.accesskit_node().id()))
            })
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, id)| id);
        let Some(id) = below else { break };
        if last == Some(id) {
            break; // it does not scroll (a side panel's end)
        }
        last = Some(id);
        if let Some(n) = h
            .root()
            .children_recursive()
            .find(|n| n.accesskit_node().id() == id)
        {
            n.scroll_to_me();
        }
        h.run_steps(3);
        check(h, size, &format!("{screen}, scrolled {page}"), out);
    }
}

/// An indicator without measurements in the first outcome of the open cycle, so the
/// dashboard shows a "• Geen gegevens" pill too.
fn add_indicator_without_data(h: &mut Harness<'_, KompasApp>) {
    let doc = h.state_mut().state.doc.as_mut().unwrap();
    let id = doc.project.new_id();
    let cycle = doc.cycle;
    let outcome = doc.project.cycles[cycle].outcomes.first_mut().unwrap();
    outcome.indicators.push(kompas::model::Indicator {
        name: "Thuiszitters zonder passend aanbod".into(),
        ..kompas::model::Indicator::new(id)
    });
}

/// What the room records in workshop mode, so its pages are checked full: today's dot-vote
/// (with an item of its own and a long one), parked items, and on the first outcome's first
/// indicator a dialogue of today beside an earlier, undated one.
fn fill_the_room(h: &mut Harness<'_, KompasApp>) {
    use kompas::model::{TextItem, VoteItem, VoteSource};
    let today = chrono::Local::now().date_naive();
    let doc = h.state_mut().state.doc.as_mut().unwrap();
    let cycle = doc.cycle;
    let p = &mut doc.project;
    let cycle_id = p.cycles[cycle].id;
    let long = "Een heel lang punt dat de groep zelf noemde, over wachtlijsten, vervoer naar \
                school en wie wat betaalt tussen vijf gemeenten"
        .to_owned();
    let mut items = Vec::new();
    for (k, text) in ["Eén loket voor ouders".to_owned(), long.clone()]
        .into_iter()
        .enumerate()
    {
        items.push(VoteItem {
            id: p.new_id(),
            source: VoteSource::Own,
            text,
            count: 3 + k as u32,
        });
    }
    let parked: Vec<TextItem> = ["Vervoer naar school", long.as_str()]
        .into_iter()
        .map(|t| TextItem {
            id: p.new_id(),
            text: t.to_owned(),
        })
        .collect();
    let w = p.workshop_on_mut(cycle_id, today);
    w.vote.items = items;
    w.parked = parked;
    // the support analysis' page: today's dialogue beside an earlier one
    let support = &mut p.cycles[cycle].analysis.support;
    support.dialogue_on_mut(today.pred_opt().unwrap()).opinion = long.clone();
    support.dialogue_on_mut(today).explain = long.clone();
    let ind = &mut p.cycles[cycle].outcomes[0].indicators[0];
    ind.dialogue.recognise = "Ja, de scholen zien het ook".into();
    let d = ind.dialogue_on_mut(today);
    d.recognise = long.clone();
    d.explain = "Meer thuiszitters na de zomer".into();
}

/// Step 1's support analysis chart, each of its rows scrolled into view (a row is one node,
/// its values in words).
fn check_support_chart(
    h: &mut Harness<'_, KompasApp>,
    size: egui::Vec2,
    tag: &str,
    out: &mut Vec<String>,
) {
    use egui_kittest::kittest::NodeT;
    h.get_by_label_contains("1  Analyse").click();
    h.run_steps(4);
    let words = format!(": {} ", nl(key!("support.education_support")));
    let rows: Vec<_> = h
        .root()
        .children_recursive()
        .filter(|n| {
            let a = n.accesskit_node();
            (a.label().or_else(|| a.value())).is_some_and(|l| l.contains(&words))
        })
        .map(|n| n.accesskit_node().id())
        .collect();
    assert!(rows.len() >= 4, "{tag}: the chart's rows ({})", rows.len());
    for (k, id) in rows.into_iter().enumerate() {
        if let Some(n) = h
            .root()
            .children_recursive()
            .find(|n| n.accesskit_node().id() == id)
        {
            n.scroll_to_me();
        }
        h.run_steps(3);
        check(h, size, &format!("{tag} step 1 chart, row {}", k + 1), out);
    }
}

/// The stepper's text of every view, from the one list of views.
fn views() -> Vec<String> {
    kompas::state::View::ALL
        .into_iter()
        .map(|v| match v {
            kompas::state::View::Step(s) => format!("{}  {}", s.number(), v.label()),
            _ => format!("{}  {}", v.icon(), v.label()),
        })
        .collect()
}

/// Opens every closed card on the screen (the arrow before its title), to check what is inside.
/// Returns whether there was any.
fn expand_cards(h: &mut Harness<'_, KompasApp>) -> bool {
    use egui::accesskit::Role;
    use egui_kittest::kittest::NodeT;
    let mut any = false;
    // a few rounds: opening a card can show cards inside it
    for _ in 0..3 {
        let arrows: Vec<_> = h
            .root()
            .children_recursive()
            .filter(|n| {
                n.accesskit_node().role() == Role::Unknown
                    && n.accesskit_node()
                        .bounding_box()
                        .is_some_and(|b| b.width() < 24.0 && b.height() < 24.0)
            })
            .map(|n| n.accesskit_node().id())
            .collect();
        if arrows.is_empty() {
            break;
        }
        for id in arrows {
            if let Some(n) = h
                .root()
                .children_recursive()
                .find(|n| n.accesskit_node().id() == id)
            {
                n.click_accesskit();
                any = true;
            }
        }
        h.run_steps(4);
    }
    any
}

fn every_screen_of(sample: &str) -> Vec<String> {
    let mut out = vec![];
    for size in SIZES {
        for guidance in [true, false] {
            let mut h = harness_sized(None, None, size);
            click(&mut h, sample);
            add_indicator_without_data(&mut h);
            fill_the_room(&mut h);
            h.state_mut().state.prefs.show_guidance = guidance;
            h.run_steps(3);
            let tag = format!(
                "{}×{} guidance {}",
                size.x,
                size.y,
                if guidance { "on" } else { "off" }
            );
            for view in views() {
                h.get_by_label_contains(&view).click();
                h.run_steps(4);
                check(&h, size, &format!("{tag} {view}"), &mut out);
                if expand_cards(&mut h) {
                    check_scrolling(&mut h, size, &format!("{tag} {view}, cards open"), &mut out);
                } else {
                    check_scrolling(&mut h, size, &format!("{tag} {view}"), &mut out);
                }
            }
            check_support_chart(&mut h, size, &tag, &mut out);
            // the workshop, every page; the room's own pages (the dialogue on an outcome's
            // page, the vote, the parking lot) down to their end
            key(&mut h, Key::F5);
            let pages = kompas::state::pages(
                &project(&h).cycles[h.state().state.doc.as_ref().unwrap().cycle],
            );
            for (k, page) in pages.iter().enumerate() {
                use kompas::state::Page;
                h.run_steps(3);
                let screen = format!("{tag} workshop page {} ({page:?})", k + 1);
                if matches!(
                    page,
                    Page::Outcome(_) | Page::Support | Page::Vote | Page::Parking
                ) {
                    check_scrolling(&mut h, size, &screen, &mut out);
                } else {
                    check(&h, size, &screen, &mut out);
                }
                if *page == Page::Vote {
                    // the quick "park it" field over the page
                    key(&mut h, Key::P);
                    check(&h, size, &format!("{screen}, parking field"), &mut out);
                    key(&mut h, Key::Escape);
                    assert!(h.state().state.workshop.is_some());
                }
                key(&mut h, Key::PageDown);
            }
            // what opens over a page: the agenda editor, the page list, the decision and
            // action forms; then today's agenda on the title page and the Vandaag page with
            // what the room recorded
            for (open, what) in [
                (Key::E, "agenda editor"),
                (Key::G, "page list"),
                (Key::B, "decision form"),
                (Key::A, "action form"),
            ] {
                key(&mut h, open);
                check_scrolling(&mut h, size, &format!("{tag} workshop {what}"), &mut out);
                if open == Key::A {
                    h.get_by_role_and_label(
                        egui::accesskit::Role::TextInput,
                        &nl(key!("workshop.what")),
                    )
                    .type_text("Een actie met een lange omschrijving die over de regel loopt");
                    h.run_steps(2);
                    key(&mut h, Key::Enter);
                }
                key(&mut h, Key::Escape);
            }
            check_scrolling(&mut h, size, &format!("{tag} workshop Vandaag"), &mut out);
            key(&mut h, Key::E);
            for _ in 0..3 {
                key(&mut h, Key::ArrowDown);
                key(&mut h, Key::Space);
            }
            key(&mut h, Key::Escape);
            key(&mut h, Key::Home);
            check_scrolling(&mut h, size, &format!("{tag} workshop agenda"), &mut out);
            key(&mut h, Key::PageDown);
            check(&h, size, &format!("{tag} workshop first block"), &mut out);
            key(&mut h, Key::Escape);
            // an intervision session on the projector, every round (a session is made when
            // the sample has none)
            if project(&h).intervisions.is_empty() {
                click(&mut h, &icon("💬  ", key!("view.intervision")));
                click(&mut h, &icon("➕ ", key!("intervision.add")));
            }
            h.key_press_modifiers(egui::Modifiers::SHIFT, Key::F5);
            h.run_steps(4);
            assert!(
                h.state().state.presenting.is_some(),
                "{tag}: the projector view"
            );
            let rounds = project(&h)
                .intervisions
                .iter()
                .map(|s| s.rounds.len())
                .max()
                .unwrap();
            for round in 0..rounds {
                h.run_steps(3);
                check(
                    &h,
                    size,
                    &format!("{tag} intervision round {}", round + 1),
                    &mut out,
                );
                key(&mut h, Key::PageDown);
            }
            key(&mut h, Key::Escape);
            // dialogs
            h.get_by_label_contains(&icon("⟳ ", key!("cmd.next_cycle")))
                .click();
            h.run_steps(4);
            check(&h, size, &format!("{tag} next-cycle dialog"), &mut out);
            click(&mut h, &nl(key!("dialog.cancel")));
            key(&mut h, Key::F1);
            check(&h, size, &format!("{tag} guide"), &mut out);
            click(&mut h, &nl(key!("cmd.shortcuts")));
            check(&h, size, &format!("{tag} shortcuts"), &mut out);
            click(&mut h, "OK");
        }
    }
    out
}

fn report(problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{} layout problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_screen_of_the_utrecht_sample_fits() {
    let sample = format!("📘 {}", kompas::i18n::t!("sample.utrecht"));
    report(&every_screen_of(&sample));
}

#[test]
fn every_screen_of_the_rivierenland_sample_fits() {
    let sample = format!("📘 {}", kompas::i18n::t!("sample.rivierenland"));
    report(&every_screen_of(&sample));
}

#[test]
fn the_start_screen_the_overview_and_every_dialog_fit() {
    use kompas::app::{Command, Dialog};
    let dir = tempfile::tempdir().unwrap();
    for s in kompas::samples::SAMPLES {
        std::fs::write(dir.path().join(s.file_name), s.content).unwrap();
    }
    std::fs::write(dir.path().join("kapot.ron"), "(format_version: 2,").unwrap();
    let long = "Een lange tekst die in een dialoog op een beamer moet passen zonder dat er iets \
                buiten het venster valt of onder een paneel verdwijnt. "
        .repeat(4);
    let mut out = vec![];
    for size in SIZES {
        let mut h = harness_answer_sized(
            Answer {
                open: None,
                save: None,
                csv_open: Some(dir.path().to_path_buf()),
                csv_save: None,
            },
            size,
        );
        let tag = format!("{}×{}", size.x, size.y);
        check(&h, size, &format!("{tag} start screen"), &mut out);
        click(&mut h, &icon("📁 ", key!("overview.open")));
        wait_for_overview(&mut h);
        h.run_steps(4);
        check_scrolling(&mut h, size, &format!("{tag} overview"), &mut out);
        h.state_mut().state.overview = None;
        h.run_steps(3);
        click(&mut h, &icon("📘 ", key!("sample.rivierenland")));
        let dialogs = [
            ("about", Dialog::About),
            ("unsaved changes", Dialog::ConfirmDiscard(Box::new(Command::New.into()))),
            (
                "message",
                Dialog::Message {
                    title: "Kan het bestand niet openen".into(),
                    body: long.clone(),
                },
            ),
            (
                "save failed",
                Dialog::SaveFailed {
                    title: "Opslaan mislukt".into(),
                    body: long.clone(),
                },
            ),
            (
                "changed on disk",
                Dialog::ChangedOnDisk {
                    file: "/home/gebruiker/Documenten/Samenwerkingsverband/regio-rivierenland-2025-definitief.ron".into(),
                    compare: None,
                },
            ),
            (
                "privacy before export",
                Dialog::PrivacyBeforeExport {
                    format: kompas::export::Format::Html,
                    lines: (0..12)
                        .map(|i| format!("cycles[0].analysis.problems[{i}].text: {long}"))
                        .collect(),
                },
            ),
            (
                "report sections",
                Dialog::ReportSections {
                    format: kompas::export::Format::Html,
                    chosen: kompas::report::SectionKind::ALL.to_vec(),
                },
            ),
        ];
        for (name, dialog) in dialogs {
            h.state_mut().state.dialog = Some(dialog);
            h.run_steps(4);
            check(&h, size, &format!("{tag} {name} dialog"), &mut out);
            h.state_mut().state.dialog = None;
            h.run_steps(2);
        }
        // the support analysis' import, on a file as an administration exports it
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/csv/ondersteuningsanalyse.csv");
        let table = kompas::import::read_file_table(
            "ondersteuningsanalyse.csv",
            &std::fs::read(path).unwrap(),
        )
        .unwrap();
        h.state_mut().state.support_import = Some(kompas::state::SupportImport::new(
            "ondersteuningsanalyse-2025-samenwerkingsverband-rivierenland.csv".into(),
            table,
        ));
        h.run_steps(4);
        check(&h, size, &format!("{tag} support import dialog"), &mut out);
        h.state_mut().state.support_import = None;
        h.run_steps(2);
    }
    report(&out);
}

/// Two copies of the Utrecht sample edited apart: ours and the partner's disagree on eight
/// measurements and two long descriptions, and the partner changed thirty titles besides.
fn apart() -> (
    kompas::model::Project,
    kompas::model::Project,
    kompas::model::Project,
) {
    let base = kompas::samples::SAMPLES[0].project().unwrap();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let long = "Een lange beschrijving die de partner in zijn eigen kopie heeft herschreven, \
                met wie wat doet, op welke scholen en met welk geld, zodat de regel breekt";
    for (k, c) in theirs.cycles.iter_mut().enumerate() {
        for (i, m) in c.evaluation.measurements.iter_mut().enumerate().take(8) {
            m.value = m.value.map(|v| v + 2.0);
            ours.cycles[k].evaluation.measurements[i].value = m.value.map(|v| v - 1.0);
        }
        for (i, iv) in c.interventions.iter_mut().enumerate().take(2) {
            iv.description = format!("{long} ({i}, partner)");
            ours.cycles[k].interventions[i].description = format!("{long} ({i}, wij)");
        }
        for a in c
            .outcomes
            .iter_mut()
            .flat_map(|o| o.indicators.iter_mut())
            .take(15)
        {
            a.name = format!("{} (herzien door de gemeente)", a.name);
        }
    }
    (base, ours, theirs)
}

#[test]
fn the_merge_and_compare_windows_and_the_copy_offer_fit() {
    use kompas::state::merge::{Base, Source};
    use kompas::state::{CompareWindow, CopyOffer, MergeWindow};
    let (base, ours, theirs) = apart();
    let name = "regio-utrecht (Jans conflicted copy 2026-12-01 101530).ron";
    let path = std::path::PathBuf::from("/home/gebruiker/OneDrive - Regio Utrecht").join(name);
    let when = chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
        .unwrap()
        .and_hms_opt(10, 15, 0);
    let mut out = vec![];
    for size in SIZES {
        let mut h = harness_sized(None, None, size);
        let tag = format!("{}×{}", size.x, size.y);
        click(&mut h, &icon("📘 ", key!("sample.utrecht")));
        let merged = kompas::model::merge::merge(Some(&base), &ours, &theirs).unwrap();
        assert!(merged.conflicts.len() > 8, "{}", merged.conflicts.len());
        {
            let state = &mut h.state_mut().state;
            let doc = state.doc.as_mut().unwrap();
            doc.project = ours.clone();
            doc.project.merge_conflicts = merged.conflicts.clone();
            state.copies = vec![CopyOffer {
                path: path.clone(),
                modified: when,
            }];
        }
        h.run_steps(4);
        check(
            &h,
            size,
            &format!("{tag} conflict copy and pending conflicts bar"),
            &mut out,
        );
        let window = MergeWindow::new(
            &ours,
            &theirs,
            Some((&base, Base::Backup(when))),
            Source::File(path.clone()),
            name.to_owned(),
        )
        .unwrap();
        h.state_mut().state.merge = Some(window);
        h.run_steps(4);
        check(&h, size, &format!("{tag} merge window"), &mut out);
        // what comes in, unfolded
        h.get_by_label_contains(&nl(key!("merge.apply")).replace("Samenvoegen", "Wat binnenkomt"))
            .click();
        h.run_steps(4);
        check(
            &h,
            size,
            &format!("{tag} merge window, changes open"),
            &mut out,
        );
        h.state_mut().state.merge = Some(MergeWindow::pending(&project(&h).clone()).unwrap());
        h.run_steps(4);
        check(
            &h,
            size,
            &format!("{tag} conflicts left in the file"),
            &mut out,
        );
        h.state_mut().state.merge = None;
        let compare = CompareWindow::new(&ours, theirs.clone(), path.clone()).unwrap();
        h.state_mut().state.differences = Some(compare);
        h.run_steps(4);
        check(&h, size, &format!("{tag} compare window"), &mut out);
        h.state_mut().state.differences = None;
        h.run_steps(2);
    }
    report(&out);
}
