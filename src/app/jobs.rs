//! Work that touches the disk, on a background thread: opening, saving and exporting a
//! project, and the privacy check before an export. The window only looks for the result once
//! per frame and shows what is going on, so even a project of fifty megabytes never freezes it.
//!
//! A save takes a [`Snapshot`] of the document (cheap: cycles are shared), so the user can go on
//! working while it is written; the snapshot is what counts as saved afterwards.

use super::{Command, DiskState, OpenDoc};
use crate::export::Format;
use crate::i18n::{Lang, set_lang, t};
use crate::model::Snapshot;
use crate::storage::{self, LoadError};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// What a job is busy with right now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Reading the file from disk.
    Reading,
    /// Reading the project from the file's text (and checking it).
    Parsing,
    /// Checking the file on disk or the texts (personal data) before going on.
    Checking,
    /// Turning the project into the file's text.
    Preparing,
    /// Writing the file to disk.
    Writing,
}

impl Phase {
    const ALL: [Phase; 5] = [
        Phase::Reading,
        Phase::Parsing,
        Phase::Checking,
        Phase::Preparing,
        Phase::Writing,
    ];

    pub fn label(self) -> &'static str {
        t(match self {
            Phase::Reading => "job.phase_reading",
            Phase::Parsing => "job.phase_parsing",
            Phase::Checking => "job.phase_checking",
            Phase::Preparing => "job.phase_preparing",
            Phase::Writing => "job.phase_writing",
        })
    }
}

/// The phase, shared between the job's thread and the window.
#[derive(Debug, Default)]
struct Progress(AtomicU8);

impl Progress {
    fn set(&self, phase: Phase) {
        let k = Phase::ALL.iter().position(|p| *p == phase).unwrap_or(0);
        self.0.store(k as u8, Ordering::Relaxed);
    }

    fn get(&self) -> Phase {
        Phase::ALL
            .get(usize::from(self.0.load(Ordering::Relaxed)))
            .copied()
            .unwrap_or(Phase::Reading)
    }
}

/// What a job works on, for the progress shown and for what happens after.
#[derive(Clone, Debug, PartialEq)]
pub enum What {
    Open(PathBuf),
    /// Unsaved work from a recovery file.
    Restore(super::recovery::Found),
    Save(PathBuf),
    Export(PathBuf, Format),
    PrivacyCheck(Format),
    /// A CSV file to import, for one indicator or to choose in the dialog.
    ReadCsv(PathBuf, Option<crate::model::Id>),
    /// A text (the lessons of an intervision session) to write.
    WriteText(PathBuf),
}

impl What {
    /// "regio.ron openen…", as shown in the status bar.
    pub fn describe(&self) -> String {
        let file = |p: &Path| super::file_name(p);
        match self {
            What::Open(p) => crate::i18n::tf("job.opening", &[("file", &file(p))]),
            What::Restore(f) => crate::i18n::tf("job.opening", &[("file", &f.header.name)]),
            What::Save(p) => crate::i18n::tf("job.saving", &[("file", &file(p))]),
            What::Export(p, _) => crate::i18n::tf("job.exporting", &[("file", &file(p))]),
            What::PrivacyCheck(_) => t("job.privacy_check").to_owned(),
            What::ReadCsv(p, _) => crate::i18n::tf("job.opening", &[("file", &file(p))]),
            What::WriteText(p) => crate::i18n::tf("job.saving", &[("file", &file(p))]),
        }
    }
}

/// How a job ended.
pub enum Outcome {
    Opened {
        doc: Box<OpenDoc>,
        warnings: Vec<String>,
    },
    OpenFailed(LoadError),
    /// `snapshot` is on disk now; the other program's version was kept as `kept`, when the
    /// user chose to overwrite it.
    Saved {
        snapshot: Box<Snapshot>,
        disk: Option<DiskState>,
        kept: Option<PathBuf>,
    },
    SaveFailed(String),
    /// Another program changed the file since we read it: nothing was written.
    ChangedOnDisk,
    Exported,
    ExportFailed(String),
    /// The privacy check before an export: what looks like personal data (empty: nothing).
    Checked(Vec<String>),
    CsvRead(Box<crate::import::CsvTable>),
    CsvFailed(String),
}

/// A job on its thread.
pub struct Job {
    pub what: What,
    /// When it started (egui time), to show how long it takes.
    pub started: f64,
    /// What to run once it succeeded (e.g. "quit" after "save, then quit").
    pub then: Option<Command>,
    progress: Arc<Progress>,
    rx: Receiver<Outcome>,
    /// Set by the window when it first looks: the thread wakes it when done, so the result
    /// shows at once instead of at the next timed repaint.
    waker: Arc<std::sync::Mutex<Option<egui::Context>>>,
}

impl Job {
    fn spawn(
        what: What,
        started: f64,
        lang: Lang,
        work: impl FnOnce(&Progress) -> Outcome + Send + 'static,
    ) -> Self {
        let progress = Arc::new(Progress::default());
        let (tx, rx) = channel();
        let p = Arc::clone(&progress);
        let waker: Arc<std::sync::Mutex<Option<egui::Context>>> = Arc::default();
        let w = Arc::clone(&waker);
        std::thread::spawn(move || {
            set_lang(lang);
            if let Err(std::sync::mpsc::SendError(outcome)) = tx.send(work(&p)) {
                let failure = match &outcome {
                    Outcome::OpenFailed(e) => e.message(),
                    Outcome::SaveFailed(m) | Outcome::ExportFailed(m) | Outcome::CsvFailed(m) => {
                        m.clone()
                    }
                    _ => "no error".to_owned(),
                };
                log::warn!("a job ended after the window stopped waiting for it ({failure})");
            }
            // (the window sets the waker before it looks for the result: either it finds the
            // result, or it is woken here)
            if let Ok(w) = w.lock()
                && let Some(ctx) = &*w
            {
                ctx.request_repaint();
            }
        });
        Self {
            what,
            started,
            then: None,
            progress,
            rx,
            waker,
        }
    }

    pub fn phase(&self) -> Phase {
        self.progress.get()
    }

    /// The outcome, once the job is done. A job whose thread died (it never should) ends as
    /// a failure with a message, not as a job that never finishes.
    pub fn poll(&self) -> Option<Outcome> {
        match self.rx.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(self.died()),
        }
    }

    /// [`Job::poll`], and wakes `ctx` as soon as the job is done.
    pub fn poll_waking(&self, ctx: &egui::Context) -> Option<Outcome> {
        if let Ok(mut w) = self.waker.lock()
            && w.is_none()
        {
            *w = Some(ctx.clone());
        }
        self.poll()
    }

    /// Waits for the outcome (when the window closes while a save is being written).
    pub fn wait(&self) -> Outcome {
        self.rx.recv().unwrap_or_else(|_| self.died())
    }

    fn died(&self) -> Outcome {
        let msg = t("job.died").to_owned();
        match self.what {
            What::Open(_) | What::Restore(_) => Outcome::OpenFailed(LoadError::Read {
                kind: std::io::ErrorKind::Other,
                detail: msg,
            }),
            What::Save(_) => Outcome::SaveFailed(msg),
            What::Export(..) | What::PrivacyCheck(_) | What::WriteText(_) => {
                Outcome::ExportFailed(msg)
            }
            What::ReadCsv(..) => Outcome::CsvFailed(msg),
        }
    }
}

/// Opens the project file at `path`: reads, parses and prepares the document for the window.
pub fn open(path: PathBuf, started: f64, lang: Lang) -> Job {
    let what = What::Open(path.clone());
    Job::spawn(what, started, lang, move |progress| {
        progress.set(Phase::Reading);
        let bytes = match storage::read_project(&path) {
            Ok(b) => b,
            Err(e) => return Outcome::OpenFailed(e),
        };
        progress.set(Phase::Parsing);
        match storage::parse(&bytes) {
            Ok(loaded) => {
                let warnings = loaded.warnings.iter().map(|w| w.message()).collect();
                let mut doc = OpenDoc::opened(loaded.project, Some(path.clone()), String::new());
                doc.disk = DiskState::of_bytes(&path, &bytes);
                Outcome::Opened {
                    doc: Box::new(doc),
                    warnings,
                }
            }
            Err(e) => Outcome::OpenFailed(e),
        }
    })
}

/// Reads the work in a recovery file, and the file it belongs to (if any) as the saved state
/// it differs from.
pub fn restore(found: super::recovery::Found, started: f64, lang: Lang) -> Job {
    Job::spawn(
        What::Restore(found.clone()),
        started,
        lang,
        move |progress| {
            progress.set(Phase::Reading);
            let loaded = match storage::load(&found.path) {
                Ok(loaded) => loaded,
                Err(e) => return Outcome::OpenFailed(e),
            };
            // the file it belongs to as it is now: what counts as saved
            let original = found.header.original.clone();
            let bytes = original.as_deref().and_then(|p| std::fs::read(p).ok());
            let saved = bytes
                .as_deref()
                .and_then(|b| storage::parse(b).ok())
                .map(|l| l.project)
                .unwrap_or_default();
            // Saving compares with the file as it was when the recovered work began, not as it
            // is now: a change synced in while Kompas was down is noticed, not overwritten. A
            // recovery file from before this was kept says nothing: then saving asks once.
            let disk = match (&original, found.header.base) {
                (None, _) => None,
                (Some(_), Some(base)) => Some(DiskState {
                    modified: None,
                    len: base.len,
                    hash: base.hash,
                }),
                (Some(_), None) => Some(DiskState {
                    modified: None,
                    len: u64::MAX,
                    hash: 0,
                }),
            };
            let mut doc = OpenDoc::new(loaded.project, original.clone(), found.header.name, saved);
            doc.disk = disk;
            Outcome::Opened {
                doc: Box::new(doc),
                warnings: Vec::new(),
            }
        },
    )
}

/// Where the other program's version of `path` is kept when the user overwrites it:
/// `regio (andere versie 2026-12-01 14.05).ron`, beside it.
pub fn other_version_path(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_else(|| "ron".to_owned());
    let when = chrono::Local::now().format("%Y-%m-%d %H.%M.%S");
    let name = format!("{stem} ({} {when}).{ext}", t("file.other_version"));
    path.with_file_name(name)
}

/// Saves `snapshot` to `path`. With `disk` (the file as we last saw it), first checks that no
/// other program changed the file since; if one did, nothing is written. With `keep_other`
/// (the user chose to overwrite a file another program changed), the file as it is now is
/// first copied beside it, so that version is not lost.
pub fn save(
    snapshot: Snapshot,
    path: PathBuf,
    disk: Option<DiskState>,
    keep_other: bool,
    started: f64,
    lang: Lang,
) -> Job {
    let what = What::Save(path.clone());
    Job::spawn(what, started, lang, move |progress| {
        if let Some(disk) = disk {
            progress.set(Phase::Checking);
            if disk.changed(&path) {
                return Outcome::ChangedOnDisk;
            }
        }
        let mut kept = None;
        if keep_other && let Ok(theirs) = std::fs::read(&path) {
            let other = other_version_path(&path);
            if let Err(e) = storage::write_export(&other, &theirs) {
                // without a copy of their version, it is not overwritten
                return Outcome::SaveFailed(e.message());
            }
            kept = Some(other);
        }
        progress.set(Phase::Preparing);
        let text = match storage::to_ron_string(&snapshot.to_project()) {
            Ok(text) => text,
            Err(e) => return Outcome::SaveFailed(e.message()),
        };
        progress.set(Phase::Writing);
        match storage::write_atomic(&path, text.as_bytes()) {
            Ok(()) => Outcome::Saved {
                snapshot: Box::new(snapshot),
                disk: DiskState::of_bytes(&path, text.as_bytes()),
                kept,
            },
            Err(e) => Outcome::SaveFailed(e.message()),
        }
    })
}

/// Looks for personal data in the project before an export of `format`.
pub fn privacy_check(snapshot: Snapshot, format: Format, started: f64, lang: Lang) -> Job {
    Job::spawn(What::PrivacyCheck(format), started, lang, move |progress| {
        progress.set(Phase::Checking);
        let findings = crate::privacy::scan_project(&snapshot.to_project());
        Outcome::Checked(findings.iter().map(crate::cli::privacy_line).collect())
    })
}

/// Exports cycle `cycle` of `snapshot` as `format` to `path`.
pub fn export(
    snapshot: Snapshot,
    cycle: usize,
    format: Format,
    path: PathBuf,
    started: f64,
    lang: Lang,
) -> Job {
    let what = What::Export(path.clone(), format);
    Job::spawn(what, started, lang, move |progress| {
        progress.set(Phase::Preparing);
        let text = match crate::export::export(&snapshot.to_project(), cycle, format) {
            Ok(text) => text,
            Err(e) => return Outcome::ExportFailed(e),
        };
        progress.set(Phase::Writing);
        match storage::write_export(&path, text.as_bytes()) {
            Ok(()) => Outcome::Exported,
            Err(e) => Outcome::ExportFailed(e.message()),
        }
    })
}

/// Reads a CSV file (at most `max_bytes`) into a table for the import dialog.
pub fn read_csv(
    path: PathBuf,
    indicator: Option<crate::model::Id>,
    max_bytes: u64,
    started: f64,
    lang: Lang,
) -> Job {
    let what = What::ReadCsv(path.clone(), indicator);
    Job::spawn(what, started, lang, move |progress| {
        progress.set(Phase::Reading);
        // not a regular file (a folder, /dev/zero, a pipe) or too large: refused unread
        let bytes = match storage::guard::read_file(&path, max_bytes) {
            Ok(b) => b,
            Err(LoadError::TooLarge { .. }) => {
                return Outcome::CsvFailed(t("import.too_large").to_owned());
            }
            Err(e) => return Outcome::CsvFailed(e.message()),
        };
        progress.set(Phase::Parsing);
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match crate::import::read_file_table(&name, &bytes) {
            Ok(table) => Outcome::CsvRead(Box::new(table)),
            Err(e) => Outcome::CsvFailed(t(e.key()).to_owned()),
        }
    })
}

/// Writes `text` to `path` (an export the user asked for).
pub fn write_text(path: PathBuf, text: String, started: f64, lang: Lang) -> Job {
    Job::spawn(
        What::WriteText(path.clone()),
        started,
        lang,
        move |progress| {
            progress.set(Phase::Writing);
            match storage::write_export(&path, text.as_bytes()) {
                Ok(()) => Outcome::Exported,
                Err(e) => Outcome::ExportFailed(e.message()),
            }
        },
    )
}
