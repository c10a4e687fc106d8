//! The log: what went wrong without anyone to tell at that moment (a recovery file that could not
//! be removed, a background job whose result came after the window stopped waiting, a save that
//! failed while the window closed).
//!
//! Code logs through the [`log`] facade (`log::warn!`, `log::error!`, with what it was doing and
//! the path). Where the messages go is set once, at program start, by `main.rs`: the window logs
//! to `kompas.log` in the data folder ([`init_file`]), the command line to standard error
//! ([`init_stderr`]). Tests set up nothing, so their messages go nowhere (or to a file a test
//! names). Setting up never panics and never waits: a folder that cannot be written means no log
//! file, and Kompas runs on.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The name of the log file in the data folder.
pub const FILE_NAME: &str = "kompas.log";

/// A log file larger than this at start is moved aside to `kompas.log.1` (the one before is
/// dropped), so the file never grows without end.
pub const MAX_BYTES: u64 = 1024 * 1024;

static LOG_PATH: OnceLock<PathBuf> = OnceLock::new();

/// The SVG reader behind the chain's PNG warns at every ⚠ that it takes the glyph from the
/// emoji font, as it is meant to: only its errors are logged.
const QUIET_USVG: log::LevelFilter = log::LevelFilter::Error;

/// The log file in use: `None` when there is none (the command line, tests, or a data folder
/// that cannot be written).
pub fn log_path() -> Option<PathBuf> {
    LOG_PATH.get().cloned()
}

/// Where the window's log file goes: `kompas.log` in the data folder.
pub fn default_path() -> Option<PathBuf> {
    crate::paths::data_dir().map(|d| d.join(FILE_NAME))
}

/// Logs to the file at `path` (appending; its folder is made when missing): Kompas's own messages
/// from `info` up, those of the libraries from `warn` up. Returns whether the file is in use.
/// When it cannot be opened, warnings and errors go to standard error instead; when a logger was
/// set up already, that one stays.
pub fn init_file(path: &Path) -> bool {
    let mut notes = Vec::new();
    let file = match open(path, &mut notes) {
        Ok(file) => file,
        Err(e) => {
            eprintln!("Kompas: no log file at {}: {e}", path.display());
            init_stderr();
            return false;
        }
    };
    let applied = fern::Dispatch::new()
        .format(format)
        .level(log::LevelFilter::Warn)
        .level_for("kompas", log::LevelFilter::Info)
        .level_for("usvg", QUIET_USVG)
        .chain(file)
        .apply();
    if let Err(e) = applied {
        eprintln!("Kompas: no log file at {}: {e}", path.display());
        return false;
    }
    // the first set-up wins (apply refuses a second one above, so this is the only one)
    let path = LOG_PATH.get_or_init(|| path.to_path_buf());
    log_panics();
    log::info!(
        "Kompas {} started, logging to {}",
        env!("CARGO_PKG_VERSION"),
        path.display()
    );
    for note in notes {
        log::warn!("{note}");
    }
    true
}

/// A panic (the window stopping on a bug) leaves a line in the log with where it happened,
/// before the usual message on standard error: whoever helps afterwards finds it in the file.
fn log_panics() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        log::error!("Kompas stopped on a bug at {place}: {what}");
        log::logger().flush();
        previous(info);
    }));
}

/// Logs warnings and errors to standard error (the command line). Returns whether this set it up
/// (false when a logger was set up already).
pub fn init_stderr() -> bool {
    fern::Dispatch::new()
        .format(format)
        .level(log::LevelFilter::Warn)
        .level_for("usvg", QUIET_USVG)
        .chain(std::io::stderr())
        .apply()
        .is_ok()
}

/// `2025-01-31 14:02:03 WARN kompas::app::recovery: could not remove …`
fn format(out: fern::FormatCallback, message: &std::fmt::Arguments, record: &log::Record) {
    out.finish(format_args!(
        "{} {} {}: {message}",
        chrono::Local::now().format("%Y-%m-%d %H:%M:%S"),
        record.level(),
        record.target()
    ));
}

/// Opens the log file for appending, moving a large one aside first; what went wrong on the way
/// (but did not stop it) goes into `notes`, to be logged once the log is there.
fn open(path: &Path, notes: &mut Vec<String>) -> std::io::Result<std::fs::File> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    if std::fs::metadata(path).is_ok_and(|m| m.len() > MAX_BYTES) {
        let old = path.with_extension("log.1");
        if let Err(e) = std::fs::rename(path, &old) {
            notes.push(format!(
                "could not move the large log file aside to {}: {e}",
                old.display()
            ));
        }
    }
    fern::log_file(path)
}

/// Removes a file that is no longer needed (a recovery file, a lock file, a temporary file),
/// best effort: when that fails, also because the file is not there, a warning says so, with
/// `what` it is and its path.
pub fn remove_file(path: &Path, what: &str) {
    if let Err(e) = std::fs::remove_file(path) {
        log::warn!("could not remove the {what} {}: {e}", path.display());
    }
}

/// Like [`remove_file`], for a file that may never have been made: that it is not there is no
/// failure.
pub fn remove_file_if_there(path: &Path, what: &str) {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != ErrorKind::NotFound => {
            log::warn!("could not remove the {what} {}: {e}", path.display());
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_folder_that_cannot_be_made_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a-file");
        std::fs::write(&file, "x").unwrap();
        let mut notes = Vec::new();
        assert!(open(&file.join("kompas.log"), &mut notes).is_err());
    }

    #[test]
    fn a_large_log_is_moved_aside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, vec![b'x'; MAX_BYTES as usize + 1]).unwrap();
        let mut notes = Vec::new();
        drop(open(&path, &mut notes).unwrap());
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(std::fs::metadata(&path).unwrap().len(), 0);
        assert_eq!(
            std::fs::metadata(path.with_extension("log.1"))
                .unwrap()
                .len(),
            MAX_BYTES + 1
        );
    }
}
