//! Work that touches the disk, on a background thread: opening, saving and exporting a
//! project, and the privacy check before an export. Each function starts a
//! [`Job`](crate::state::Job); the window polls it once per frame.
//!
//! A save takes a [`Snapshot`] of the document (cheap: cycles are shared), so the user can go on
//! working while it is written; the snapshot is what counts as saved afterwards.

use crate::export::Format;
use crate::i18n::{Lang, t};
use crate::model::Snapshot;
use crate::state::{DiskState, Job, OpenDoc, Outcome, Phase, What};
use crate::storage::{self, LoadError};
use std::path::{Path, PathBuf};

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
                let warnings = loaded.warnings.iter().map(|w| w.message_in(lang)).collect();
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
pub fn restore(found: crate::recovery::Found, started: f64, lang: Lang) -> Job {
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
pub fn other_version_path(path: &Path, lang: Lang) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().into_owned())
        .unwrap_or_else(|| "ron".to_owned());
    let when = chrono::Local::now().format("%Y-%m-%d %H.%M.%S");
    let name = format!("{stem} ({} {when}).{ext}", t!(lang, "file.other_version"));
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
        // the log says what was written where and why it failed, never what it holds
        let failed = |e: &storage::SaveError| {
            log::warn!(
                "saving {} failed: {}",
                path.display(),
                e.message_in(Lang::En)
            );
            Outcome::SaveFailed(e.message_in(lang))
        };
        if let Some(disk) = disk {
            progress.set(Phase::Checking);
            if disk.changed(&path) {
                log::info!(
                    "not saved: {} was changed by another program",
                    path.display()
                );
                return Outcome::ChangedOnDisk;
            }
        }
        let mut kept = None;
        if keep_other && let Ok(theirs) = std::fs::read(&path) {
            let other = other_version_path(&path, lang);
            if let Err(e) = storage::write_new_copy(&other, &theirs) {
                // without a copy of their version, it is not overwritten
                return failed(&e);
            }
            log::info!(
                "kept the other version of {} as {} ({} bytes)",
                path.display(),
                other.display(),
                theirs.len()
            );
            kept = Some(other);
        }
        progress.set(Phase::Preparing);
        let text = match storage::to_ron_string(&snapshot.to_project()) {
            Ok(text) => text,
            Err(e) => return failed(&e),
        };
        progress.set(Phase::Writing);
        match storage::write_atomic(&path, text.as_bytes()) {
            Ok(()) => {
                log::info!("saved {} ({} bytes)", path.display(), text.len());
                Outcome::Saved {
                    snapshot: Box::new(snapshot),
                    disk: DiskState::of_bytes(&path, text.as_bytes()),
                    kept,
                }
            }
            Err(e) => failed(&e),
        }
    })
}

/// Looks for personal data in the project before an export of `format`.
pub fn privacy_check(snapshot: Snapshot, format: Format, started: f64, lang: Lang) -> Job {
    Job::spawn(What::PrivacyCheck(format), started, lang, move |progress| {
        progress.set(Phase::Checking);
        let findings = crate::privacy::scan_project(&snapshot.to_project());
        Outcome::Checked(
            findings
                .iter()
                .map(|f| crate::cli::privacy_line(f, lang))
                .collect(),
        )
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
        let bytes = match crate::export::export(&snapshot.to_project(), cycle, format, lang) {
            Ok(bytes) => bytes,
            Err(e) => return Outcome::ExportFailed(e),
        };
        progress.set(Phase::Writing);
        match storage::write_export(&path, &bytes, format.kind(), false) {
            Ok(()) => Outcome::Exported,
            Err(e) => Outcome::ExportFailed(e.message_in(lang)),
        }
    })
}

/// Reads a CSV file (at most `max_bytes`) into a table for the import dialog.
pub fn read_csv(
    path: PathBuf,
    to: crate::state::ImportTo,
    max_bytes: u64,
    started: f64,
    lang: Lang,
) -> Job {
    let what = What::ReadCsv(path.clone(), to);
    Job::spawn(what, started, lang, move |progress| {
        progress.set(Phase::Reading);
        // not a regular file (a folder, /dev/zero, a pipe) or too large: refused unread
        let bytes = match storage::guard::read_file(&path, max_bytes) {
            Ok(b) => b,
            Err(LoadError::TooLarge { .. }) => {
                return Outcome::CsvFailed(t!(lang, "import.too_large").to_owned());
            }
            Err(e) => return Outcome::CsvFailed(e.message_in(lang)),
        };
        progress.set(Phase::Parsing);
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match crate::import::read_file_table(&name, &bytes) {
            Ok(table) => Outcome::CsvRead(Box::new(table)),
            Err(e) => Outcome::CsvFailed(t!(lang, e.key()).to_owned()),
        }
    })
}

/// Writes `text` to `path` (an export the user asked for).
pub fn write_text(path: PathBuf, text: String, started: f64, lang: Lang) -> Job {
    write_file(
        path,
        text.into_bytes(),
        storage::guard::ExportKind::Text,
        started,
        lang,
    )
}

/// Writes `bytes` (a file built already, such as a workshop's minutes) to `path`, by the
/// refusal rules of an export of `kind`.
pub fn write_file(
    path: PathBuf,
    bytes: Vec<u8>,
    kind: storage::guard::ExportKind,
    started: f64,
    lang: Lang,
) -> Job {
    Job::spawn(
        What::WriteText(path.clone()),
        started,
        lang,
        move |progress| {
            progress.set(Phase::Writing);
            match storage::write_export(&path, &bytes, kind, false) {
                Ok(()) => Outcome::Exported,
                Err(e) => Outcome::ExportFailed(e.message_in(lang)),
            }
        },
    )
}

/// Writes an intervision paper (brief or handout), built already, to `path`.
pub fn write_paper(path: PathBuf, bytes: Vec<u8>, format: Format, started: f64, lang: Lang) -> Job {
    Job::spawn(
        What::Export(path.clone(), format),
        started,
        lang,
        move |progress| {
            progress.set(Phase::Writing);
            match storage::write_export(&path, &bytes, format.kind(), false) {
                Ok(()) => Outcome::Exported,
                Err(e) => Outcome::ExportFailed(e.message_in(lang)),
            }
        },
    )
}
