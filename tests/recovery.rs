//! Nothing lost: autosave writes a recovery file in the background; after a crash (a real
//! SIGKILL of a child process) the next start offers it, and restoring brings the work back.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kompas::KompasApp;
use kompas::app::recovery::{self, Autosaver, Header};
use kompas::app::{FileDialogs, FileKind, Prefs};
use kompas::model::Snapshot;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn pick_open(&mut self, _: FileKind) -> Option<PathBuf> {
        None
    }
    fn pick_save(&mut self, _: FileKind, _: &str) -> Option<PathBuf> {
        None
    }
}

fn harness(dir: &Path) -> Harness<'static, KompasApp> {
    let dir = dir.to_path_buf();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 2600.0))
        .build_eframe(move |_| {
            KompasApp::with_dialogs(Prefs::default(), Box::new(NoDialogs))
                .with_recovery_dir(Some(dir))
        });
    h.run_steps(2);
    h
}

fn click(h: &mut Harness<'_, KompasApp>, label: &str) {
    h.get_by_label(label).hover();
    h.run_steps(1);
    h.get_by_label(label).click();
    h.run_steps(3);
    settle(h);
}

fn recovery_files(dir: &Path) -> Vec<PathBuf> {
    recovery::scan(dir).into_iter().map(|f| f.path).collect()
}

/// Opens a sample, edits it through the form, and lets the window lose focus, which autosaves;
/// waits until the recovery file is written.
fn fill_in_and_autosave(dir: &Path) -> Harness<'static, KompasApp> {
    let mut h = harness(dir);
    click(&mut h, "📘 Voorbeeld: Utrecht (naar het Utrechtse model)");
    click(&mut h, "🏠  Regio en partners");
    let field = h.get_by_role_and_label(Role::TextInput, "Naam van de regio");
    field.focus();
    h.run_steps(2);
    h.get_by_role_and_label(Role::TextInput, "Naam van de regio")
        .type_text(" na de stroomstoring");
    h.run_steps(2);
    assert!(h.state().is_dirty());
    assert!(
        recovery_files(dir).is_empty(),
        "nothing written before it is due"
    );
    h.event(egui::Event::WindowFocused(false));
    let start = Instant::now();
    loop {
        h.run_steps(1);
        if !h.state().autosave.busy() && !recovery_files(dir).is_empty() {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "autosave never finished"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    h
}

const CHILD_ENV: &str = "KOMPAS_RECOVERY_CHILD_DIR";

/// Fills in work and autosaves it. Run by the crash test as a child process (with the
/// environment variable set), it then waits to be killed; run on its own it checks the
/// recovery file.
#[test]
fn autosave_writes_a_private_recovery_file_in_the_background() {
    if let Ok(dir) = std::env::var(CHILD_ENV) {
        let _h = fill_in_and_autosave(Path::new(&dir));
        println!("READY");
        loop {
            std::thread::sleep(Duration::from_secs(1));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let h = fill_in_and_autosave(dir.path());
    let files = recovery::scan(dir.path());
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].header.name, "utrecht-voorbeeld.ron");
    assert_eq!(files[0].header.original, None);
    let loaded = kompas::storage::load(&files[0].path).unwrap().project;
    assert_eq!(loaded, h.state().doc.as_ref().unwrap().project);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&files[0].path)
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn after_a_kill_the_next_start_restores_the_work() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "autosave_writes_a_private_recovery_file_in_the_background",
            "--nocapture",
        ])
        .env(CHILD_ENV, dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let ready = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .any(|l| l.contains("READY"));
    assert!(ready, "the child did not get to autosave");
    child.kill().unwrap(); // SIGKILL: no cleanup, no save
    child.wait().unwrap();
    assert_eq!(recovery_files(dir.path()).len(), 1);

    let mut h = harness(dir.path());
    assert!(h.query_by_label("Niet-opgeslagen werk gevonden").is_some());
    assert!(h.query_by_label_contains("utrecht-voorbeeld.ron").is_some());
    click(&mut h, "Herstellen");
    let doc = h.state().doc.as_ref().expect("restored");
    assert!(doc.project.region.name.ends_with(" na de stroomstoring"));
    assert!(h.state().is_dirty(), "restored work is unsaved work");
    // it stays until the work is saved or closed
    assert_eq!(recovery_files(dir.path()).len(), 1);
}

#[test]
fn not_now_keeps_the_file_and_throwing_away_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    drop(fill_in_and_autosave(dir.path()));
    let mut h = harness(dir.path());
    click(&mut h, "Niet nu");
    assert!(h.state().doc.is_none());
    drop(h);
    assert_eq!(
        recovery_files(dir.path()).len(),
        1,
        "kept for a later start"
    );
    let mut h = harness(dir.path());
    click(&mut h, "Weggooien");
    assert!(recovery_files(dir.path()).is_empty());
    drop(h);
    let h = harness(dir.path());
    assert!(h.state().dialog.is_none(), "nothing to offer any more");
}

#[test]
fn saving_removes_the_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = fill_in_and_autosave(dir.path());
    let file = dir.path().join("opgeslagen").join("utrecht.ron");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    let now = 0.0;
    {
        let app = h.state_mut();
        app.doc.as_mut().unwrap().path = Some(file.clone());
        app.save_then(now, None);
        assert!(app.job.is_some(), "saving runs in the background");
    }
    settle(&mut h);
    assert!(recovery_files(dir.path()).is_empty());
    assert!(file.exists());
}

#[test]
fn the_autosaver_writes_only_when_due_dirty_and_changed() {
    let dir = tempfile::tempdir().unwrap();
    let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let mut p = kompas::model::Project::new("R", d(2024, 1, 1), d(2024, 12, 31));
    let mut a = Autosaver::with_dir(Some(dir.path().to_path_buf()));
    a.start(None, None, 0.0);
    let header = || Header {
        original: None,
        name: "r.ron".into(),
        written: 0,
    };
    let wait = |a: &mut Autosaver| {
        while a.busy() {
            a.poll();
            std::thread::sleep(Duration::from_millis(5));
        }
    };
    assert!(
        !a.tick(&Snapshot::of(&p), true, header, 10.0, false),
        "not due yet"
    );
    assert!(
        !a.tick(&Snapshot::of(&p), false, header, 40.0, false),
        "not dirty"
    );
    assert!(
        a.tick(&Snapshot::of(&p), true, header, 40.0, false),
        "due after 30 s"
    );
    wait(&mut a);
    assert!(
        !a.tick(&Snapshot::of(&p), true, header, 80.0, false),
        "unchanged since"
    );
    p.region.name = "R2".into();
    assert!(
        a.tick(&Snapshot::of(&p), true, header, 81.0, true),
        "focus lost: at once"
    );
    wait(&mut a);
    assert_eq!(recovery_files(dir.path()).len(), 1, "one file per document");
    let found = recovery::scan(dir.path());
    assert_eq!(
        kompas::storage::load(&found[0].path)
            .unwrap()
            .project
            .region
            .name,
        "R2"
    );
    assert!(found[0].header.written > 1_700_000_000);
    a.remove();
    assert!(recovery_files(dir.path()).is_empty());
    // a folder that cannot be written reports, never panics
    let blocked = dir.path().join("bestand");
    std::fs::write(&blocked, "x").unwrap();
    let mut b = Autosaver::with_dir(Some(blocked.join("sub")));
    b.start(None, None, 0.0);
    assert!(b.tick(&Snapshot::of(&p), true, header, 31.0, false));
    wait(&mut b);
    assert!(b.error.is_some());
}

/// Runs frames until the background job (opening, saving) is done.
fn settle(h: &mut Harness<'_, KompasApp>) {
    let start = Instant::now();
    h.run_steps(1);
    while h.state().job.is_some() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the job finishes"
        );
        std::thread::sleep(Duration::from_millis(2));
        h.run_steps(1);
    }
    h.run_steps(2);
}
