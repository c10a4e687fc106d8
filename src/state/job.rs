//! A job on its background thread, as the window sees it: what it works on, the phase it is
//! in, and how it ended. The work itself is started by `app::jobs`; the window only looks for
//! the result once per frame and shows the phase, so a large file never freezes it.

use super::{DiskState, Message, OpenDoc};
use crate::export::Format;
use crate::i18n::{Lang, t};
use crate::model::Snapshot;
use crate::storage::LoadError;
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
        t!(match self {
            Phase::Reading => crate::i18n::key!("job.phase_reading"),
            Phase::Parsing => crate::i18n::key!("job.phase_parsing"),
            Phase::Checking => crate::i18n::key!("job.phase_checking"),
            Phase::Preparing => crate::i18n::key!("job.phase_preparing"),
            Phase::Writing => crate::i18n::key!("job.phase_writing"),
        })
    }
}

/// The phase, shared between the job's thread and the window.
#[derive(Debug, Default)]
pub struct Progress(AtomicU8);

impl Progress {
    pub fn set(&self, phase: Phase) {
        let k = Phase::ALL.iter().position(|p| *p == phase).unwrap_or(0);
        self.0.store(k as u8, Ordering::Relaxed);
    }

    pub fn get(&self) -> Phase {
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
    Restore(crate::recovery::Found),
    Save(PathBuf),
    Export(PathBuf, Format),
    PrivacyCheck(Format),
    /// A CSV or spreadsheet file to import: measurements (for one indicator or to choose in
    /// the dialog) or the support analysis.
    ReadCsv(PathBuf, super::ImportTo),
    /// A text (the lessons of an intervision session) to write.
    WriteText(PathBuf),
}

impl What {
    /// "regio.ron openen…", as shown in the status bar.
    pub fn describe(&self) -> String {
        let file = |p: &Path| super::file_name(p);
        match self {
            What::Open(p) => crate::i18n::tf!("job.opening", file = &file(p)),
            What::Restore(f) => crate::i18n::tf!("job.opening", file = &f.header.name),
            What::Save(p) => crate::i18n::tf!("job.saving", file = &file(p)),
            What::Export(p, _) => crate::i18n::tf!("job.exporting", file = &file(p)),
            What::PrivacyCheck(_) => t!("job.privacy_check").to_owned(),
            What::ReadCsv(p, _) => crate::i18n::tf!("job.opening", file = &file(p)),
            What::WriteText(p) => crate::i18n::tf!("job.saving", file = &file(p)),
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
    pub then: Option<Message>,
    progress: Arc<Progress>,
    rx: Receiver<Outcome>,
    /// Set by the window when it first looks: the thread wakes it when done, so the result
    /// shows at once instead of at the next timed repaint.
    waker: Arc<std::sync::Mutex<Option<egui::Context>>>,
}

impl Job {
    /// Runs `work` on a thread of its own, reporting its phase through the [`Progress`] it is
    /// given. The work has its language (`lang`): it is given to every text, not set on the
    /// thread.
    pub fn spawn(
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
            if let Err(std::sync::mpsc::SendError(outcome)) = tx.send(work(&p)) {
                let failure = match &outcome {
                    Outcome::OpenFailed(e) => e.message_in(lang),
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
        let msg = t!("job.died").to_owned();
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
