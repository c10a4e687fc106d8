//! Files: asking before work is thrown away, saving (also when it fails or the file changed on disk), closing, large files, exports.

use super::*;
use kompas::i18n::key;

#[test]
fn unsaved_changes_are_asked_about_before_they_are_thrown_away() {
    let mut h = harness(None, None);
    click(&mut h, "➕ Nieuw project");
    type_into(&mut h, Role::TextInput, &nl(key!("region.name")), " West");
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run_steps(3);
    assert!(
        h.query_by_label(&nl(key!("dialog.unsaved_title")))
            .is_some(),
        "the prompt appears"
    );
    click(&mut h, &nl(key!("dialog.cancel")));
    assert!(
        h.query_by_label(&nl(key!("dialog.unsaved_title")))
            .is_none()
    );
    assert_eq!(
        project(&h).region.name,
        "Nieuwe regio West",
        "nothing was lost"
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run_steps(3);
    click(&mut h, &nl(key!("dialog.discard")));
    assert_eq!(
        project(&h).region.name,
        "Nieuwe regio",
        "a new project after discarding"
    );
}

#[test]
fn the_cycle_exports_to_csv_from_the_file_menu() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("rivierenland.csv");
    let mut h = harness_with(Answer {
        open: None,
        save: None,
        csv_open: None,
        csv_save: Some(out.clone()),
    });
    click(&mut h, &icon("📘 ", key!("sample.rivierenland")));
    click(&mut h, &nl(key!("menu.file")));
    click(&mut h, &nl(key!("cmd.export_csv")));
    let text = std::fs::read_to_string(&out).expect("the export was written");
    let c = &project(&h).cycles[0];
    assert_eq!(text.lines().count(), 1 + c.evaluation.measurements.len());
    assert!(text.starts_with("Maatschappelijk resultaat;Indicator;"));
    assert!(
        h.query_by_label_contains("Geëxporteerd naar rivierenland.csv")
            .is_some()
    );
    // exporting is not an edit
    assert!(!h.state().is_dirty());
}

/// The results chain as a picture, from the file menu, through the same export job (and the
/// same privacy check) as the reports.
#[test]
fn the_chain_exports_as_svg_and_png_from_the_file_menu() {
    let dir = tempfile::tempdir().unwrap();
    for (command, name) in [
        (key!("cmd.export_chain_svg"), "keten.svg"),
        (key!("cmd.export_chain_png"), "keten.png"),
    ] {
        let out = dir.path().join(name);
        let mut h = harness_with(Answer {
            open: None,
            save: None,
            csv_open: None,
            csv_save: Some(out.clone()),
        });
        click(&mut h, &icon("📘 ", key!("sample.rivierenland")));
        click(&mut h, &nl(key!("menu.file")));
        click(&mut h, &nl(command));
        let bytes = std::fs::read(&out).expect("the export was written");
        if name.ends_with(".svg") {
            let svg = String::from_utf8(bytes).unwrap();
            assert!(svg.contains("<svg"));
            assert!(
                svg.contains("Geen kind tussen wal en schip"),
                "an ambition's title"
            );
        } else {
            assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
        }
        assert!(
            h.query_by_label_contains(&format!("Geëxporteerd naar {name}"))
                .is_some()
        );
        assert!(!h.state().is_dirty());
    }
}

/// The figures as an Excel workbook, from the file menu, through the same export job (and the
/// same privacy check) as the reports.
#[test]
fn the_figures_export_to_excel_from_the_file_menu() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cijfers.xlsx");
    let mut h = harness_with(Answer {
        open: None,
        save: None,
        csv_open: None,
        csv_save: Some(out.clone()),
    });
    click(&mut h, &icon("📘 ", key!("sample.rivierenland")));
    click(&mut h, &nl(key!("menu.file")));
    click(&mut h, &nl(key!("cmd.export_xlsx")));
    let bytes = std::fs::read(&out).expect("the export was written");
    assert!(bytes.starts_with(b"PK\x03\x04"), "a zip archive");
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("a workbook");
    assert_eq!(
        calamine::Reader::sheet_names(&book),
        [
            "Indicatoren",
            "Metingen",
            "Interventies",
            "Acties",
            "Ondersteuning per school",
            "Ondersteuning totalen",
            "Grafieken"
        ]
    );
    let indicators = calamine::Reader::worksheet_range(&mut book, "Indicatoren").unwrap();
    assert_eq!(
        indicators.height(),
        1 + project(&h).cycles[0].indicators().count()
    );
    assert!(
        h.query_by_label_contains("Geëxporteerd naar cijfers.xlsx")
            .is_some()
    );
    assert!(!h.state().is_dirty());
}

#[test]
fn a_failed_save_keeps_the_work_and_save_as_elsewhere_works() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("gedeelde-map");
    std::fs::create_dir(&sub).unwrap();
    let file = sub.join("regio.ron");
    let elsewhere = dir.path().join("elders.ron");
    let sample = &kompas::samples::SAMPLES[1];
    std::fs::write(&file, sample.content).unwrap();
    let mut h = open_and_edit(
        Answer {
            open: Some(file.clone()),
            save: Some(elsewhere.clone()),
            csv_open: None,
            csv_save: None,
        },
        &file,
    );
    // the folder disappears (a USB stick pulled, a network share gone)
    std::fs::remove_dir_all(&sub).unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(
        h.query_by_label("regio.ron kon niet worden opgeslagen")
            .is_some()
    );
    assert!(
        h.query_by_label_contains(&nl(key!("err.save.not_found")))
            .is_some()
    );
    assert!(h.state().is_dirty(), "the work is still there, unsaved");
    click(&mut h, &nl(key!("cmd.save_as")));
    assert!(!h.state().is_dirty());
    let saved = kompas::storage::load(&elsewhere).unwrap().project;
    assert!(saved.region.name.ends_with("(bewerkt)"));
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("regio.ron");
    let copy = dir.path().join("regio-kopie.ron");
    let sample = &kompas::samples::SAMPLES[1];
    std::fs::write(&file, sample.content).unwrap();
    let mut h = open_and_edit(
        Answer {
            open: Some(file.clone()),
            save: Some(copy.clone()),
            csv_open: None,
            csv_save: None,
        },
        &file,
    );
    // a colleague's version arrives through the sync client
    let mut theirs = kompas::storage::load(&file).unwrap().project;
    theirs.region.name = "Versie van een collega".into();
    kompas::storage::save(&file, &theirs).unwrap();
    let their_bytes = std::fs::read(&file).unwrap();

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(
        h.query_by_label(&nl(key!("dialog.changed_title")))
            .is_some()
    );
    click(&mut h, &nl(key!("dialog.cancel")));
    assert_eq!(std::fs::read(&file).unwrap(), their_bytes, "untouched");
    assert!(h.state().is_dirty());

    // save ours as a new file: both versions exist
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    click(&mut h, &nl(key!("dialog.save_as_new")));
    assert_eq!(std::fs::read(&file).unwrap(), their_bytes);
    let ours = kompas::storage::load(&copy).unwrap().project;
    assert!(ours.region.name.ends_with("(bewerkt)"));
    assert!(!h.state().is_dirty());

    // and our own new file, unchanged by others, saves without a question
    type_into(&mut h, Role::TextInput, &nl(key!("region.name")), "!");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(h.state().state.dialog.is_none());
    assert!(
        kompas::storage::load(&copy)
            .unwrap()
            .project
            .region
            .name
            .ends_with('!')
    );
}

#[test]
fn overwriting_a_changed_file_is_possible_when_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("regio.ron");
    std::fs::write(&file, kompas::samples::SAMPLES[1].content).unwrap();
    let mut h = open_and_edit(
        Answer {
            open: Some(file.clone()),
            save: None,
            csv_open: None,
            csv_save: None,
        },
        &file,
    );
    let mut theirs = kompas::storage::load(&file).unwrap().project;
    theirs.region.name = "Versie van een collega".into();
    kompas::storage::save(&file, &theirs).unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    // first a look at what differs: their region name against ours
    click(&mut h, &nl(key!("dialog.compare")));
    assert!(
        h.query_by_label_contains("+ name: \"Versie van een collega\"")
            .is_some()
    );
    assert!(h.query_by_label_contains("− name: \"").is_some());
    click(&mut h, &nl(key!("dialog.overwrite")));
    settle(&mut h);
    assert!(!h.state().is_dirty());
    let on_disk = kompas::storage::load(&file).unwrap().project;
    assert!(on_disk.region.name.ends_with("(bewerkt)"));
    // their version is kept beside the file, not only in the .bak until the next save
    let others: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("regio (andere versie "))
        .collect();
    assert_eq!(others.len(), 1, "{others:?}");
    let kept = kompas::storage::load(&others[0]).unwrap().project;
    assert_eq!(kept.region.name, "Versie van een collega");
    assert!(
        h.query_by_label_contains("De andere versie staat ernaast")
            .is_some()
    );
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let mut h = harness(None, None);
    click(&mut h, "➕ Nieuw project");
    type_into(&mut h, Role::TextInput, &nl(key!("region.name")), " Oost");
    // the window's close button
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run_steps(3);
    assert!(
        h.query_by_label(&nl(key!("dialog.unsaved_title")))
            .is_some()
    );
    click(&mut h, &nl(key!("dialog.cancel")));
    assert!(h.state().state.doc.is_some() && h.state().is_dirty());
    assert!(!asked_to_close(&h));
    // Ctrl+Q asks the same; "don't save" then really closes
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run_steps(3);
    assert!(
        h.query_by_label(&nl(key!("dialog.unsaved_title")))
            .is_some()
    );
    h.get_by_label(&nl(key!("dialog.discard"))).hover();
    h.run_steps(1);
    h.get_by_label(&nl(key!("dialog.discard"))).click();
    h.run_steps(1);
    assert!(asked_to_close(&h), "the window closes after 'don't save'");
}

#[test]
fn opening_a_large_file_shows_progress_and_the_window_keeps_running() {
    let dir = tempfile::tempdir().unwrap();
    let (file, p) = large_file(dir.path());
    let mut h = harness(Some(file.clone()), None);
    h.get_by_label(&icon("📂 ", key!("start.open"))).click();
    h.run_steps(1);
    assert!(
        h.state().state.job.is_some() && h.state().state.doc.is_none(),
        "the frame that asked ended without waiting for the file"
    );
    h.run_steps(1);
    assert!(
        h.query_all_by_label_contains("groot.ron openen").count() > 0,
        "the window says what it is doing"
    );
    settle(&mut h);
    assert_eq!(project(&h), &p);
    assert!(!h.state().is_dirty());
    assert_eq!(h.query_all_by_label_contains("groot.ron openen").count(), 0);
}

#[test]
fn editing_during_a_save_stays_unsaved_and_the_file_holds_the_moment_of_saving() {
    let dir = tempfile::tempdir().unwrap();
    let (file, p) = large_file(dir.path());
    let mut h = harness(Some(file.clone()), None);
    click(&mut h, &icon("📂 ", key!("start.open")));
    go_to_step(&mut h, &nl(key!("view.region")));
    type_into(&mut h, Role::TextInput, &nl(key!("region.name")), " Noord");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(1);
    assert!(
        h.state().state.job.is_some(),
        "saving runs in the background"
    );
    // the user goes on typing while the file is written
    type_into(
        &mut h,
        Role::TextInput,
        &nl(key!("region.name")),
        " en Zuid",
    );
    settle(&mut h);
    let on_disk = kompas::storage::load(&file).unwrap().project;
    assert_eq!(on_disk.region.name, format!("{} Noord", p.region.name));
    assert_eq!(
        project(&h).region.name,
        format!("{} Noord en Zuid", p.region.name)
    );
    assert!(
        h.state().is_dirty(),
        "what was typed after saving began is unsaved"
    );
    assert!(h.state().window_title().starts_with('•'));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    assert!(!h.state().is_dirty());
}

#[test]
fn closing_while_saving_waits_for_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let (file, p) = large_file(dir.path());
    let mut h = harness(Some(file.clone()), None);
    click(&mut h, &icon("📂 ", key!("start.open")));
    go_to_step(&mut h, &nl(key!("view.region")));
    type_into(&mut h, Role::TextInput, &nl(key!("region.name")), " Oost");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run_steps(1);
    assert!(h.state().state.job.is_some());
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.run_steps(1);
    assert!(
        h.state().state.closing_after_job(),
        "the close waits for the save"
    );
    assert!(h.query_by_label(&nl(key!("job.closing"))).is_some());
    assert!(
        h.state().state.dialog.is_none(),
        "nothing to ask: the work is being saved"
    );
    settle(&mut h);
    let on_disk = kompas::storage::load(&file).unwrap().project;
    assert_eq!(on_disk.region.name, format!("{} Oost", p.region.name));
    assert!(!h.state().is_dirty());
}

#[test]
fn an_export_with_personal_data_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("rapport.html");
    let mut h = harness_with(Answer {
        open: None,
        save: None,
        csv_open: None,
        csv_save: Some(out.clone()),
    });
    click(&mut h, &icon("📘 ", key!("sample.utrecht")));
    go_to_step(&mut h, "1  Analyse");
    click(&mut h, &icon("➕ ", key!("analysis.problems_add")));
    type_into(
        &mut h,
        Role::MultilineTextInput,
        "Aandachtspunt 1",
        "Mail j.jansen@school.nl",
    );
    // the field warns at once
    assert!(
        h.query_by_label_contains("Dit lijkt een e-mailadres")
            .is_some()
    );
    click(&mut h, &nl(key!("menu.file")));
    click(&mut h, &nl(key!("cmd.export_html")));
    // first the sections, all ticked
    click(&mut h, &nl(key!("sections.export")));
    assert!(
        h.query_by_label(&icon("⚠ ", key!("privacy.export_title")))
            .is_some()
    );
    click(&mut h, &nl(key!("dialog.cancel")));
    assert!(!out.exists(), "nothing exported after cancel");
    click(&mut h, &nl(key!("menu.file")));
    click(&mut h, &nl(key!("cmd.export_html")));
    // leave the intervision out: the report has no such section, and the project remembers
    click(&mut h, &nl(key!("section.intervision")));
    click(&mut h, &nl(key!("sections.export")));
    click(&mut h, &nl(key!("privacy.export_anyway")));
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("<h2>1. Analyse</h2>"));
    assert!(html.contains("<h2>Overleggen</h2>"));
    assert!(!html.contains("<h2>Intervisie</h2>"));
    let settings = &h.state().state.doc.as_ref().unwrap().project.settings;
    assert_eq!(settings.report_left_out, ["intervision"]);
}

/// *Bestand › Rapport exporteren (Word)…* asks for the sections like HTML and Markdown and
/// writes a Word document with only those.
#[test]
fn the_report_exports_as_a_word_document_from_the_menu() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("rapport.docx");
    let mut h = harness_with(Answer {
        open: None,
        save: None,
        csv_open: None,
        csv_save: Some(out.clone()),
    });
    click(&mut h, &icon("📘 ", key!("sample.utrecht")));
    click(&mut h, &nl(key!("menu.file")));
    click(&mut h, &nl(key!("cmd.export_docx")));
    click(&mut h, &nl(key!("section.intervision")));
    click(&mut h, &nl(key!("sections.export")));
    settle(&mut h);
    let bytes = std::fs::read(&out).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut doc = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut doc)
        .unwrap();
    assert!(doc.contains(">1. Analyse<"));
    assert!(doc.contains(">Overleggen<"));
    assert!(!doc.contains(">Intervisie<"));
    let settings = &h.state().state.doc.as_ref().unwrap().project.settings;
    assert_eq!(settings.report_left_out, ["intervision"]);
}
