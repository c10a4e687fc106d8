//! Saving survives being killed: a child process saves a large project over and over,
//! alternating two versions, and is killed (SIGKILL) at hundreds of random moments. After
//! every kill the file on disk loads, and is one of the two versions, whole.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use kompas::model::*;
use kompas::storage;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CHILD_ENV: &str = "KOMPAS_CRASH_CHILD_FILE";

/// A project of realistic size: 2 cycles, 40 indicators, 4,000 measurements (about 1 MB).
fn big_project(name: &str) -> Project {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let mut p = Project::new_with_ids(
        IdSource::starting_at(1),
        name,
        d(2024, 1, 1),
        d(2024, 12, 31),
    );
    for o in 0..10 {
        let oid = p.new_id();
        let mut indicators = Vec::new();
        for i in 0..4 {
            let mut ind = Indicator::new(p.new_id());
            ind.name = format!("Indicator {o}.{i} met een wat langere naam");
            ind.definition = "Aandeel leerlingen dat ... (toelichting)\nover twee regels".into();
            indicators.push(ind);
        }
        p.cycles[0].outcomes.push(Outcome {
            id: oid,
            title: format!("Resultaat {o}"),
            description: "Een beschrijving van het resultaat.".into(),
            ambitions: vec![],
            indicators,
            previous: None,
        });
    }
    let ids: Vec<Id> = p.cycles[0].indicators().map(|i| i.id).collect();
    for k in 0..4000 {
        let id = p.new_id();
        p.cycles[0].evaluation.measurements.push(Measurement {
            id,
            indicator: ids[k % ids.len()],
            date: d(
                2014 + (k % 10) as i32,
                1 + (k % 12) as u32,
                1 + (k % 28) as u32,
            )
            .into(),
            value: Some(k as f64 * 0.25),
            source: "CBS StatLine".into(),
            note: if k % 7 == 0 {
                "opmerking".into()
            } else {
                String::new()
            },
        });
    }
    p.start_next_cycle(0);
    p
}

fn versions() -> (Project, Project) {
    let a = big_project("Versie A");
    let mut b = big_project("Versie B");
    b.cycles[0].evaluation.measurements.truncate(3000);
    (a, b)
}

/// The save loop itself. Run normally it saves 10 times and checks each result; run as the
/// child of the crash test (with the environment variable set) it saves until it is killed.
#[test]
fn save_loop_alternates_whole_documents() {
    let (a, b) = versions();
    if let Ok(file) = std::env::var(CHILD_ENV) {
        let file = Path::new(&file);
        for k in 0u64.. {
            let p = if k % 2 == 0 { &a } else { &b };
            storage::save(file, p).unwrap();
            if k == 0 {
                println!("started");
            }
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("loop.ron");
    for k in 0..10 {
        let p = if k % 2 == 0 { &a } else { &b };
        storage::save(&file, p).unwrap();
        assert_eq!(&storage::load(&file).unwrap().project, p);
    }
}

#[test]
fn killed_while_saving_the_file_is_old_or_new_whole() {
    let (a, b) = versions();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("regio.ron");
    storage::save(&file, &a).unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let kills = 200;
    let (mut saw_a, mut saw_b) = (0, 0);
    for round in 0..kills {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "save_loop_alternates_whole_documents",
                "--nocapture",
            ])
            .env(CHILD_ENV, &file)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // let it get going, then kill it at a pseudo-random moment within a few saves
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let wait = Duration::from_micros(30_000 + seed % 60_000);
        let start = Instant::now();
        while start.elapsed() < wait {
            std::thread::sleep(Duration::from_millis(1));
        }
        child.kill().unwrap();
        child.wait().unwrap();
        let loaded = storage::load(&file)
            .unwrap_or_else(|e| panic!("round {round}: the file does not load: {e}"));
        if loaded.project == a {
            saw_a += 1;
        } else if loaded.project == b {
            saw_b += 1;
        } else {
            panic!("round {round}: the file is neither version");
        }
        // the backup, when there is one, is whole too
        let backup = storage::backup_path(&file);
        if backup.exists() {
            let bak = storage::load(&backup)
                .unwrap_or_else(|e| panic!("round {round}: the backup does not load: {e}"));
            assert!(
                bak.project == a || bak.project == b,
                "round {round}: backup"
            );
        }
    }
    println!("{kills} kills: version A {saw_a} times, version B {saw_b} times");
    // the kills really landed while saving was going on, not before it started
    assert!(saw_a > 0 && saw_b > 0, "A {saw_a}, B {saw_b}");
}
