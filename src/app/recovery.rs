//! Autosave and recovery. While a document has unsaved changes it is written every 30 seconds
//! (and when the window loses focus) to a recovery file in the user's data folder, on a
//! background thread, so a frame never waits on the disk. After a crash the next start offers
//! to restore it. A save, or closing the document cleanly, removes it.
//!
//! A recovery file is an ordinary project file (so the normal loader, with its versions and
//! error messages, reads it) whose first line is a RON comment with where it came from:
//! `// kompas-recovery: (original: Some("/pad/regio.ron"), name: "regio.ron", written: 1732350000)`

use crate::model::{Project, Snapshot};
use crate::storage::{self, WriteOptions};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{SystemTime, UNIX_EPOCH};

/// How often a dirty document is written to its recovery file, in seconds.
pub const AUTOSAVE_SECONDS: f64 = 30.0;

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
    eframe::storage_dir("kompas").map(|d| d.join("recovery"))
}

/// The recovery file name for a document: stable for a saved file (so a restored document
/// keeps writing to the same recovery file), unique for an unsaved one.
pub fn file_name_for(original: Option<&Path>) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    match original {
        Some(p) => {
            std::fs::canonicalize(p)
                .unwrap_or_else(|_| p.to_path_buf())
                .hash(&mut h);
            format!("file-{:016x}.ron", h.finish())
        }
        None => {
            let nanos = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos());
            (std::process::id(), nanos).hash(&mut h);
            format!("new-{:016x}.ron", h.finish())
        }
    }
}

fn now_secs() -> u64 {
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
            let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
        }
    }
    let text = to_text(header, project)?;
    storage::write_with(
        path,
        text.as_bytes(),
        WriteOptions {
            backup: false,
            private: true,
        },
    )
}

/// The recovery files in `dir`, newest first. Files that are not recovery files are ignored.
pub fn scan(dir: &Path) -> Vec<Found> {
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

/// A background write: its result, and the thread to join.
type InFlight = (Receiver<Result<(), String>>, std::thread::JoinHandle<()>);

/// The autosave state of the open document.
#[derive(Default)]
pub struct Autosaver {
    /// The recovery folder; `None` when there is none (autosave off).
    pub dir: Option<PathBuf>,
    /// The file name used for the open document.
    pub file: Option<String>,
    /// When the last autosave started (egui time).
    last: f64,
    /// The document as last written, to skip writing the same again.
    written: Option<Snapshot>,
    /// A write on its way: its result arrives here.
    in_flight: Option<InFlight>,
    /// The last autosave failure, shown in the status bar.
    pub error: Option<String>,
}

impl Autosaver {
    pub fn with_dir(dir: Option<PathBuf>) -> Self {
        Self {
            dir,
            ..Self::default()
        }
    }

    /// The recovery file of the open document.
    pub fn path(&self) -> Option<PathBuf> {
        Some(self.dir.as_ref()?.join(self.file.as_ref()?))
    }

    /// A document was opened or created: start its own recovery file (an existing one, from a
    /// restore, is kept by passing its name).
    pub fn start(&mut self, original: Option<&Path>, existing: Option<String>, now: f64) {
        self.finish_in_flight();
        self.file = Some(existing.unwrap_or_else(|| file_name_for(original)));
        self.written = None;
        self.last = now;
    }

    /// Whether a write is on its way.
    pub fn busy(&self) -> bool {
        self.in_flight.is_some()
    }

    /// Picks up the result of a finished background write.
    pub fn poll(&mut self) {
        if let Some((rx, _)) = &self.in_flight
            && let Ok(result) = rx.try_recv()
        {
            self.error = result.err();
            if let Some((_, handle)) = self.in_flight.take() {
                let _ = handle.join();
            }
        }
    }

    /// Waits for a write on its way (at close, before removing the file).
    fn finish_in_flight(&mut self) {
        if let Some((rx, handle)) = self.in_flight.take() {
            let _ = handle.join();
            if let Ok(result) = rx.try_recv() {
                self.error = result.err();
            }
        }
    }

    /// Starts a background write when it is time: the document is dirty and differs from what
    /// was last written, and 30 seconds have passed or `now_please` (focus lost).
    pub fn tick(
        &mut self,
        project: &Snapshot,
        dirty: bool,
        header: impl FnOnce() -> Header,
        now: f64,
        now_please: bool,
    ) -> bool {
        self.poll();
        let due = now_please || now - self.last >= AUTOSAVE_SECONDS;
        if !dirty || !due || self.busy() || self.written.as_ref().is_some_and(|w| w.same(project)) {
            return false;
        }
        let Some(path) = self.path() else {
            return false;
        };
        self.last = now;
        // a snapshot shares its cycles: cloning it here costs nothing; the thread makes the copy
        self.written = Some(project.clone());
        let snapshot = project.clone();
        let mut header = header();
        header.written = now_secs();
        let (tx, rx) = channel();
        let handle = std::thread::spawn(move || {
            let project = snapshot.to_project();
            let result = write(&path, &header, &project).map_err(|e| e.message());
            let _ = tx.send(result);
        });
        self.in_flight = Some((rx, handle));
        true
    }

    /// The document was saved or closed cleanly: its recovery file goes.
    pub fn remove(&mut self) {
        self.finish_in_flight();
        if let Some(path) = self.path() {
            let _ = std::fs::remove_file(path);
        }
        self.written = None;
    }

    /// The document is gone (closed): remove its file and stop.
    pub fn stop(&mut self) {
        self.remove();
        self.file = None;
    }
}
