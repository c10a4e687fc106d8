//! Learning across regions: taking in what another region shared, finding it in the step it
//! belongs to, and searching the lessons of every region in a folder.

use super::*;
use kompas::model::{SharedItem, SharedKind};
use kompas::storage::SharedFile;

fn lesson(text: &str) -> SharedItem {
    SharedItem {
        kind: SharedKind::SessionLesson,
        text: text.into(),
        detail: String::new(),
        step: None,
        themes: Vec::new(),
        source: "Intervisie maart".into(),
        date: None,
        level: None,
        contribution: None,
        decision: None,
    }
}

#[test]
fn lessons_of_another_region_are_taken_in_once_found_in_their_step_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("west.kompaslessen");
    let file = SharedFile {
        kompas_shared: 1,
        region: "Regio West".into(),
        exported: None,
        items: vec![
            lesson("Een vaste regisseur per thuiszitter werkt."),
            lesson("Begin klein, met twee scholen."),
            lesson("Casus van leerling 123456782."),
        ],
    };
    std::fs::write(&shared, file.to_text()).unwrap();
    let mut h = harness_with(Answer {
        open: None,
        save: None,
        csv_open: Some(shared),
        csv_save: None,
    });
    click(&mut h, &icon("📘 ", key!("sample.rivierenland")));
    click(&mut h, &nl(key!("menu.file")));
    click(&mut h, &nl(key!("cmd.take_in_lessons")));
    let others = &project(&h).from_others;
    assert_eq!(others.len(), 2, "the one with a BSN is left out");
    assert!(others.iter().all(|f| f.region == "Regio West"));
    assert!(
        h.query_by_label_contains(
            "2 lessen en interventies van Regio West opgehaald. 1 weggelaten"
        )
        .is_some()
    );
    // a second time adds nothing, and says so
    click(&mut h, &nl(key!("menu.file")));
    click(&mut h, &nl(key!("cmd.take_in_lessons")));
    assert_eq!(project(&h).from_others.len(), 2);
    assert!(h.query_by_label_contains("2 stonden er al").is_some());

    // lessons belong with the evaluation: the box is there, closed, and searchable
    go_to_step(&mut h, "5  Evaluatie");
    click(
        &mut h,
        &format!("🌐 {} (2)", nl(key!("shared.from_others"))),
    );
    assert!(h.query_by_label("Begin klein, met twee scholen.").is_some());
    type_into(
        &mut h,
        Role::TextInput,
        &format!("🔎 {}", nl(key!("shared.search"))),
        "regisseur",
    );
    assert!(
        h.query_by_label("Een vaste regisseur per thuiszitter werkt.")
            .is_some()
    );
    assert!(h.query_by_label("Begin klein, met twee scholen.").is_none());
    // not in a step they do not belong to
    go_to_step(&mut h, "2  Gezamenlijke ambities");
    assert!(
        h.query_by_label_contains(&nl(key!("shared.from_others")))
            .is_none()
    );

    // taking in was one edit
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert!(project(&h).from_others.is_empty());
}

#[test]
fn the_overview_searches_the_lessons_of_every_region_and_opens_one() {
    let dir = tempfile::tempdir().unwrap();
    for s in kompas::samples::SAMPLES {
        std::fs::write(dir.path().join(s.file_name), s.content).unwrap();
    }
    let west = SharedFile {
        kompas_shared: 1,
        region: "Regio West".into(),
        exported: None,
        items: vec![
            SharedItem {
                themes: vec!["Thuiszitters".into()],
                ..lesson("Een vaste regisseur per kind werkt.")
            },
            lesson("Begin klein, met twee scholen."),
        ],
    };
    std::fs::write(dir.path().join("west.kompaslessen"), west.to_text()).unwrap();
    let mut h = harness_with(Answer {
        open: None,
        save: None,
        csv_open: Some(dir.path().to_path_buf()),
        csv_save: None,
    });
    click(&mut h, &icon("📁 ", key!("overview.open")));
    wait_for_overview(&mut h);
    assert!(h.query_by_label("Begin klein, met twee scholen.").is_some());
    type_into(
        &mut h,
        Role::TextInput,
        &format!("🔎 {}", nl(key!("shared.search"))),
        "thuiszitters",
    );
    assert!(
        h.query_by_label("Een vaste regisseur per kind werkt.")
            .is_some(),
        "found by its theme"
    );
    assert!(h.query_by_label("Begin klein, met twee scholen.").is_none());
    click(&mut h, "Regio Rivierenland (fictief) openen");
    settle(&mut h);
    assert_eq!(project(&h).region.name, "Regio Rivierenland (fictief)");
}
