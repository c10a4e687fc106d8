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
