//! Autosave and recovery. While a document has unsaved changes it is written, a few seconds
//! after each edit and at once when the window loses focus, to a recovery file in the user's
//! data folder. A thread of its own does the writing, on its own clock: a file dialog that is
//! open, or a window that draws no frames, never holds it up. After a crash the next start
//! offers to restore it.
//!
//! Each editing session has its own recovery file (never one per document path): work that was
//! set aside with "Niet nu" is never overwritten by new work on the same file. A recovery file
//! goes only when its work is safe: saved to the real file, or thrown away by the user. A
//! restored document goes on writing into the file it came from, so the recovered work is on
//! disk the whole time.
//!
//! A recovery file is an ordinary project file (so the normal loader, with its versions and
//! error messages, reads it) whose first line is a RON comment with where it came from:
//! `// kompas-recovery: (original: Some("/pad/regio.ron"), name: "regio.ron", written: 1732350000, base: Some((len: 5120, hash: 1234)))`

mod autosave;

pub use autosave::Autosaver;

use crate::model::Project;
use crate::storage::{self, WriteOptions};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::Duration;
use std::time::{SystemTime, UNIX_EPOCH};

/// How long after an edit it is written to the recovery file (while typing: at most this
/// often). A crash costs at most these last seconds.
pub const AUTOSAVE_DELAY: Duration = Duration::from_secs(3);

/// The environment variable that moves the recovery folder (tests, portable installs).
pub const DIR_ENV: &str = "KOMPAS_RECOVERY_DIR";

const HEADER: &str = "// kompas-recovery: ";

/// Where a recovery file came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Header {
    /// The project's own file, if it had one.
    pub original: Option<PathBuf>,
    /// The name shown to the user (file name or sample name).
    pub name: String,
    /// When it was written (seconds since 1970).
    pub written: u64,
    /// The original file as it was when this work began (read or last saved), so a restore
    /// still notices a change made to it by another program while Kompas was down. `None`
    /// for a project without a file, and in files written before this was kept.
    #[serde(default)]
    pub base: Option<Base>,
    /// The region's name, the cycle shown and how many edits (undo steps) the work holds
    /// since it was last saved: what the user is told before throwing it away.
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub cycle: String,
    #[serde(default)]
    pub changes: usize,
}

/// The size and content hash of a file (see [`crate::state::DiskState`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Base {
    pub len: u64,
    pub hash: u64,
}

/// A recovery file found at start.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub path: PathBuf,
    pub header: Header,
}

/// The default recovery folder: `recovery` in Kompas's data folder.
pub fn default_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(DIR_ENV) {
        return Some(PathBuf::from(dir));
    }
    crate::paths::data_dir().map(|d| d.join("recovery"))
}

/// A new recovery file name, unique to this editing session (process, time and a counter):
/// never derived from the document's path, so two sessions on the same file, or new work on a
/// file whose earlier work was set aside, never write into each other's file.
pub fn new_file_name() -> String {
    use std::hash::{Hash, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    (
        std::process::id(),
        nanos,
        COUNTER.fetch_add(1, Ordering::Relaxed),
    )
        .hash(&mut h);
    format!("work-{}-{:016x}.ron", now_secs(), h.finish())
}

pub(crate) fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The text of a recovery file.
pub fn to_text(header: &Header, project: &Project) -> Result<String, storage::SaveError> {
    let head = ron::to_string(header).map_err(|e| storage::SaveError::Serialize(e.to_string()))?;
    let body = storage::to_ron_string(project)?;
    Ok(format!("{HEADER}{head}\n{body}"))
}

/// Writes a recovery file now (atomic, readable by the user only).
pub fn write(path: &Path, header: &Header, project: &Project) -> Result<(), storage::SaveError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(storage::SaveError::Io)?;
        #[cfg(unix)]
        {
            // the folder too is the user's only
            use std::os::unix::fs::PermissionsExt;
            if let Err(e) = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)) {
                log::warn!(
                    "could not make the recovery folder {} the user's only: {e}",
                    dir.display()
                );
            }
        }
    }
    let text = to_text(header, project)?;
    let result = storage::write_with(
        path,
        text.as_bytes(),
        WriteOptions {
            backup: false,
            private: true,
        },
    );
    // what was written where, never what it holds
    match &result {
        Ok(()) => log::info!("autosaved {} bytes to {}", text.len(), path.display()),
        Err(e) => log::warn!(
            "autosave to {} failed: {}",
            path.display(),
            e.message_in(crate::i18n::Lang::En)
        ),
    }
    result
}

/// The lock file beside a recovery file: held (an OS file lock) by the Kompas that writes it,
/// so another Kompas running at the same time does not offer live work as lost work. The OS
/// lets go of it when that Kompas ends in any way, a crash or a kill too.
pub fn lock_path(path: &Path) -> PathBuf {
    path.with_extension("lock")
}

/// Takes the lock of the recovery file at `path`; `None` when another Kompas holds it or it
/// cannot be made.
pub(crate) fn take_lock(path: &Path) -> Option<std::fs::File> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).ok()?;
    }
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(lock_path(path))
        .ok()?;
    file.try_lock().ok()?;
    Some(file)
}

/// Removes the lock files in `dir` that no running Kompas holds and whose recovery file is
/// gone (left by a session that was killed before it wrote anything, or whose work was thrown
/// away).
pub fn remove_stale_locks(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        if path.extension().is_some_and(|e| e == "lock") {
            let ron = path.with_extension("ron");
            if !ron.exists() && !in_use(&ron) {
                crate::logging::remove_file(&path, "stale lock file");
            }
        }
    }
}

/// Whether a running Kompas (this one too) is writing the recovery file at `path`.
pub fn in_use(path: &Path) -> bool {
    let Ok(file) = std::fs::OpenOptions::new()
        .write(true)
        .open(lock_path(path))
    else {
        return false;
    };
    matches!(file.try_lock(), Err(std::fs::TryLockError::WouldBlock))
}

/// The recovery files in `dir` to offer, newest first: all but those a running Kompas is
/// writing.
pub fn scan(dir: &Path) -> Vec<Found> {
    let mut found = list(dir);
    found.retain(|f| !in_use(&f.path));
    found
}

/// All recovery files in `dir`, newest first. Files that are not recovery files are ignored.
pub fn list(dir: &Path) -> Vec<Found> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<Found> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .filter_map(|path| {
            let text = std::fs::read_to_string(&path).ok()?;
            let first = text.lines().next()?.strip_prefix(HEADER)?;
            let header: Header = ron::from_str(first).ok()?;
            Some(Found { path, header })
        })
        .collect();
    found.sort_by_key(|f| std::cmp::Reverse(f.header.written));
    found
}
