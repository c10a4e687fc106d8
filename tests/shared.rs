//! Learning across regions: lessons and interventions shared as a file, taken into another
//! region's file, and searched across a folder (`kompas overview FOLDER --lessons WORD`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use kompas::model::{Project, SharedItem, SharedKind};
use kompas::storage::{self, SharedFile};
use std::path::{Path, PathBuf};
use std::process::Command;

fn kompas(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kompas"))
        .args(args)
        .env("LANG", "nl_NL.UTF-8")
        .output()
        .unwrap()
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("sample-projects/{name}.ron"))
}

fn item(kind: SharedKind, text: &str) -> SharedItem {
    SharedItem {
        kind,
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
fn lessons_travel_from_one_region_file_to_another_once() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("utrecht.kompaslessen");
    let out = kompas(&[
        "export",
        sample("utrecht-voorbeeld").to_str().unwrap(),
        "--format",
        "lessons",
        "-o",
        shared.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file = storage::read_shared(&shared).unwrap();
    assert_eq!(file.region, "Utrecht (voorbeeld)");
    let utrecht = storage::load(&sample("utrecht-voorbeeld")).unwrap().project;
    assert_eq!(file.items, utrecht.shared_items());
    let lessons = utrecht
        .cycles
        .iter()
        .map(|c| c.evaluation.lessons.len())
        .sum::<usize>();
    let tagged = file
        .items
        .iter()
        .filter(|i| i.kind == SharedKind::Lesson)
        .count();
    assert_eq!(
        tagged, lessons,
        "every lesson of every cycle, one item each"
    );
    assert!(
        file.items
            .iter()
            .filter(|i| i.kind == SharedKind::Intervention)
            .all(|i| i.step.is_some() && !i.themes.is_empty()),
        "interventions carry their step and the ambitions they serve"
    );
    // an intervention carried into the next cycle is shared once
    let titles: Vec<&str> = (file.items.iter())
        .filter(|i| i.kind == SharedKind::Intervention)
        .map(|i| i.text.as_str())
        .collect();
    let mut unique = titles.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(titles.len(), unique.len(), "{titles:?}");

    // taken into Rivierenland's file, saved and read back
    let target = dir.path().join("rivierenland.ron");
    std::fs::copy(sample("regio-rivierenland-voorbeeld"), &target).unwrap();
    let mut p: Project = storage::load(&target).unwrap().project;
    let added = p.take_in_shared(&file.region, &file.items);
    assert_eq!(added, file.items.len());
    assert_eq!(
        p.take_in_shared(&file.region, &file.items),
        0,
        "twice is once"
    );
    assert!(p.duplicate_ids().is_empty() && p.dangling_links().is_empty());
    storage::save(&target, &p).unwrap();
    let back = storage::load(&target).unwrap().project;
    assert_eq!(back.from_others.len(), added);
    assert!(
        back.from_others
            .iter()
            .all(|f| f.region == "Utrecht (voorbeeld)")
    );
    assert_eq!(back, p);
    // the region's own file can be read the same way
    let direct = storage::read_shared(&sample("utrecht-voorbeeld")).unwrap();
    assert_eq!(direct.items, file.items);
}

#[test]
fn what_looks_like_personal_data_is_left_out_when_taken_in() {
    let mut file = SharedFile {
        kompas_shared: 1,
        region: "Regio West".into(),
        exported: None,
        items: vec![
            item(
                SharedKind::SessionLesson,
                "Bel ouders eerder, niet pas na drie weken.",
            ),
            item(
                SharedKind::SessionLesson,
                "Casus van leerling 123456782 besproken.",
            ),
            SharedItem {
                detail: "Contact: j.jansen@voorbeeld.nl".into(),
                ..item(SharedKind::Intervention, "Thuiszittersoverleg")
            },
        ],
    };
    assert_eq!(file.without_personal_data(), 2);
    assert_eq!(file.items.len(), 1);
    assert!(file.items[0].text.starts_with("Bel ouders"));
}

#[test]
fn the_overview_finds_the_lessons_of_every_region_by_word() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["utrecht-voorbeeld", "regio-rivierenland-voorbeeld"] {
        std::fs::copy(sample(name), dir.path().join(format!("{name}.ron"))).unwrap();
    }
    let west = SharedFile {
        kompas_shared: 1,
        region: "Regio West".into(),
        exported: None,
        items: vec![
            item(
                SharedKind::SessionLesson,
                "Thuiszitters vragen één vaste regisseur.",
            ),
            item(SharedKind::SessionLesson, "Begin klein, met twee scholen."),
        ],
    };
    std::fs::write(dir.path().join("west.kompaslessen"), west.to_text()).unwrap();
    let folder = dir.path().to_str().unwrap();

    let out = kompas(&["overview", folder, "--lessons", "THUISZITTERS"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with("    ")).collect();
    assert!(
        lines.iter().any(
            |l| l.starts_with("Regio West · Intervisie maart · intervisie · ")
                && l.ends_with("Thuiszitters vragen één vaste regisseur.")
        ),
        "{text}"
    );
    assert!(
        lines.iter().any(|l| l
            .starts_with("Regio Rivierenland (fictief) · Cyclus 2024 · Evaluatie · Les: ")
            && l.contains("thuiszittersoverleg")),
        "{text}"
    );
    assert!(
        !text.contains("Begin klein"),
        "only what holds the word:\n{text}"
    );
    // every item found is one line (its themes indented below it), then the count
    let found = format!("{} lessen en interventies gevonden.", lines.len() - 1);
    assert!(
        lines.len() >= 3 && text.trim_end().ends_with(&found),
        "{text}"
    );

    let all = String::from_utf8(kompas(&["overview", folder, "--lessons"]).stdout).unwrap();
    assert!(
        all.contains("Begin klein") && all.contains("Kernteam op elke school"),
        "{all}"
    );
    let none =
        String::from_utf8(kompas(&["overview", folder, "--lessons", "xyzzy"]).stdout).unwrap();
    assert!(
        none.trim_end()
            .ends_with("0 lessen en interventies gevonden."),
        "{none}"
    );
    // the table of regions is as before: the shared file is not a region
    let table = String::from_utf8(kompas(&["overview", folder]).stdout).unwrap();
    assert!(table.trim_end().ends_with("2 regio's"), "{table}");
}

#[test]
fn sharing_never_writes_over_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("andere.ron");
    std::fs::copy(sample("utrecht-voorbeeld"), &target).unwrap();
    let before = std::fs::read(&target).unwrap();
    let out = kompas(&[
        "export",
        sample("regio-rivierenland-voorbeeld").to_str().unwrap(),
        "--format",
        "lessons",
        "--force",
        "-o",
        target.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(&target).unwrap(), before);
}
