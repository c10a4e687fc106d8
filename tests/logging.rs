//! The log: it goes to the file it is given (never the user's real data folder here), and a
//! best-effort operation that fails leaves a line in it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use kompas::app::recovery;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// One logger per process: every test here shares this file in a folder of its own.
fn log_file() -> &'static Path {
    static FILE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = FILE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("logs").join(kompas::logging::FILE_NAME);
        assert!(kompas::logging::init_file(&path), "the log file is set up");
        (dir, path)
    });
    path
}

fn log_text() -> String {
    std::fs::read_to_string(log_file()).unwrap()
}

#[test]
fn the_logger_writes_to_the_file_it_is_given() {
    let path = log_file();
    assert_eq!(kompas::logging::log_path().as_deref(), Some(path));
    log::warn!("a warning for the test 7f3a");
    let text = log_text();
    let line = text
        .lines()
        .find(|l| l.contains("a warning for the test 7f3a"))
        .expect("the warning is in the file");
    assert!(line.contains("WARN"), "{line}");
    assert!(text.contains("started, logging to"), "{text}");
    // a second set-up changes nothing and does not panic
    let other = path.with_file_name("other.log");
    assert!(!kompas::logging::init_file(&other));
    assert_eq!(kompas::logging::log_path().as_deref(), Some(path));
}

#[test]
fn removing_a_recovery_file_that_is_gone_leaves_a_line() {
    log_file();
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("work-gone-e21c.ron");
    kompas::logging::remove_file(&gone, "recovery file");
    let text = log_text();
    assert!(
        text.lines().any(|l| l.contains("WARN")
            && l.contains("could not remove the recovery file")
            && l.contains("work-gone-e21c.ron")),
        "{text}"
    );
    // a file that may never have been made: not being there is no failure
    let never = dir.path().join("never-made-9b0d.ron");
    kompas::logging::remove_file_if_there(&never, "recovery file");
    assert!(!log_text().contains("never-made-9b0d"));
}

#[test]
fn a_stale_lock_that_cannot_be_removed_leaves_a_line() {
    log_file();
    let dir = tempfile::tempdir().unwrap();
    // a "lock file" that is a folder: nobody holds it, its recovery file is gone, and removing
    // it as a file fails
    let lock = dir.path().join("work-stale-44d1.lock");
    std::fs::create_dir(&lock).unwrap();
    recovery::remove_stale_locks(dir.path());
    assert!(lock.exists());
    let text = log_text();
    assert!(
        text.lines()
            .any(|l| l.contains("could not remove the stale lock file")
                && l.contains("work-stale-44d1.lock")),
        "{text}"
    );
}

#[test]
fn a_panic_leaves_a_line_in_the_log() {
    log_file();
    let thread = std::thread::spawn(|| panic!("a panic for the test 91c2"));
    assert!(thread.join().is_err(), "the thread panicked");
    let text = log_text();
    let line = text
        .lines()
        .find(|l| l.contains("a panic for the test 91c2"))
        .expect("the panic is in the log");
    assert!(
        line.contains("ERROR") && line.contains("tests/logging.rs"),
        "{line}"
    );
}

/// The lines of the log that name `needle`.
fn lines_with(needle: &str) -> Vec<String> {
    log_text()
        .lines()
        .filter(|l| l.contains(needle))
        .map(str::to_owned)
        .collect()
}

#[test]
fn saves_autosaves_restores_and_discards_are_logged_without_content() {
    use kompas::app::jobs;
    use kompas::i18n::Lang;
    use kompas::model::{Project, Snapshot};
    log_file();
    let dir = tempfile::tempdir().unwrap();
    let day = |m, d| chrono::NaiveDate::from_ymd_opt(2025, m, d).unwrap();
    let secret = "Regio Geheim 5521";
    let project = Project::new(secret, day(8, 1), day(12, 31));

    // a save: where and how large
    let file = dir.path().join("bewaard-71c4.ron");
    let outcome = jobs::save(
        Snapshot::of(&project),
        file.clone(),
        None,
        false,
        0.0,
        Lang::Nl,
    )
    .wait();
    assert!(matches!(outcome, kompas::state::Outcome::Saved { .. }));
    let size = std::fs::metadata(&file).unwrap().len();
    let saved = lines_with("bewaard-71c4.ron");
    assert!(
        saved.iter().any(|l| l.contains("INFO")
            && l.contains("saved")
            && l.contains(&format!("{size} bytes"))),
        "{saved:?}"
    );
    // a save that fails: where, and why
    let nowhere = dir.path().join("weg").join("mislukt-93ab.ron");
    let outcome = jobs::save(Snapshot::of(&project), nowhere, None, false, 0.0, Lang::Nl).wait();
    assert!(matches!(outcome, kompas::state::Outcome::SaveFailed(_)));
    let failed = lines_with("mislukt-93ab.ron");
    assert!(
        failed
            .iter()
            .any(|l| l.contains("WARN") && l.contains("failed")),
        "{failed:?}"
    );

    // an autosave: the recovery file and its size
    let rec = dir.path().join("herstel");
    let work = rec.join("work-log-5e2a.ron");
    let header = recovery::Header {
        original: Some(file.clone()),
        name: "bewaard-71c4.ron".to_owned(),
        written: 0,
        base: None,
        region: secret.to_owned(),
        cycle: String::new(),
        changes: 1,
    };
    recovery::write(&work, &header, &project).unwrap();
    let autosaved = lines_with("work-log-5e2a.ron");
    assert!(
        autosaved
            .iter()
            .any(|l| l.contains("autosaved") && l.contains("bytes")),
        "{autosaved:?}"
    );

    // restored and thrown away, through the window
    let other = rec.join("work-log-0d17.ron");
    recovery::write(&other, &header, &project).unwrap();
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1200.0, 900.0))
        .build_eframe({
            let rec = rec.clone();
            move |_| {
                kompas::KompasApp::with_dialogs(kompas::app::Prefs::default(), Box::new(NoDialogs))
                    .with_recovery_dir(Some(rec))
            }
        });
    h.run_steps(2);
    let offered = |h: &egui_kittest::Harness<'_, kompas::KompasApp>| match &h.state().state.dialog {
        Some(kompas::app::Dialog::Recover(f)) => f.path.clone(),
        d => panic!("a recovery is offered, not {d:?}"),
    };
    // the first offered is thrown away, the second restored
    let first = offered(&h);
    h.state_mut()
        .state
        .pending
        .push(kompas::app::Message::DiscardRecovery(recovery::Found {
            path: first.clone(),
            header: header.clone(),
        }));
    h.run_steps(3);
    let second = offered(&h);
    h.state_mut()
        .state
        .pending
        .push(kompas::app::Message::Restore(recovery::Found {
            path: second.clone(),
            header: header.clone(),
        }));
    let start = std::time::Instant::now();
    while h.state().state.doc.is_none() {
        assert!(start.elapsed().as_secs() < 20, "restored");
        h.run_steps(1);
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let name = |p: &Path| p.file_name().unwrap().to_string_lossy().into_owned();
    let thrown = lines_with(&name(&first));
    assert!(
        thrown
            .iter()
            .any(|l| l.contains("threw away") && l.contains("bytes")),
        "{thrown:?}"
    );
    let restored = lines_with(&name(&second));
    assert!(
        restored
            .iter()
            .any(|l| l.contains("restored") && l.contains("bytes")),
        "{restored:?}"
    );
    // never what the work holds
    assert!(!log_text().contains(secret), "no content in the log");
}

/// File dialogs that answer nothing.
struct NoDialogs;

impl kompas::app::FileDialogs for NoDialogs {
    fn pick_open(&mut self, _: kompas::app::FileKind) -> Option<PathBuf> {
        None
    }
    fn pick_save(&mut self, _: kompas::app::FileKind, _: &str) -> Option<PathBuf> {
        None
    }
}
