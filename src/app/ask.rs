//! File dialogs without waiting: a command asks, the window goes on (drawing, autosaving), and
//! what the command wanted to do with the file happens once the answer comes in.

use super::dialogs::{Pending, Request};
use super::{Dialog, FileKind, KompasApp, jobs};
use crate::i18n::{t, tf};
use crate::model::Snapshot;
use crate::state::Message;
use std::path::PathBuf;

/// What to do with the file the user picks.
pub enum Purpose {
    /// Open it as the document.
    Open,
    /// Show the overview of the folder.
    Overview,
    /// Read it for an import (of measurements, for this indicator if given; or of the
    /// support analysis).
    ImportCsv(crate::state::ImportTo),
    /// Write this text to it (an intervision session's lessons).
    Lessons(String),
    /// Take in the lessons and interventions it holds (shared by another region).
    TakeIn,
    /// Write these bytes, an intervision paper (brief or handout) in a format, to it.
    Paper(Vec<u8>, crate::export::Format),
    /// Export cycle `cycle` of `snapshot` to it.
    Export {
        snapshot: Box<Snapshot>,
        cycle: usize,
        format: crate::export::Format,
    },
    /// Write these bytes to it: a workshop's minutes in `format`, built when asked for.
    Minutes {
        bytes: Vec<u8>,
        format: crate::export::Format,
    },
    /// Save the document to it; then run the command.
    SaveAs(Option<Message>),
    /// Merge the copy it holds into the document.
    MergeWith,
    /// Compare the document with the version it holds.
    CompareWith,
}

/// A dialog that is open, and what its answer is for.
pub struct Asking {
    pending: Pending,
    purpose: Purpose,
}

impl KompasApp {
    /// The folder a dialog starts in: the open project's, else the one last used.
    pub fn dialog_start_dir(&self) -> Option<PathBuf> {
        let from_doc = self
            .state
            .doc
            .as_ref()
            .and_then(|d| d.path.as_deref())
            .and_then(std::path::Path::parent)
            .map(std::path::Path::to_path_buf);
        from_doc
            .or_else(|| self.last_dir.clone())
            .or_else(|| {
                self.state
                    .prefs
                    .recent
                    .first()
                    .and_then(|r| r.path.parent())
                    .map(std::path::Path::to_path_buf)
            })
            .filter(|d| !d.as_os_str().is_empty())
    }

    /// Whether a file dialog is open.
    pub fn dialog_open(&self) -> bool {
        self.asking.is_some()
    }

    /// Opens a file dialog for `purpose`; an answer that is there at once is taken in at once.
    pub(super) fn ask_file(
        &mut self,
        now: f64,
        kind: FileKind,
        save: Option<&str>,
        purpose: Purpose,
    ) {
        if self.asking.is_some() {
            self.state.status = Some((t!("dialog.already_open").to_owned(), now));
            return;
        }
        let request = Request {
            kind,
            save: save.is_some(),
            suggested_name: save.unwrap_or_default().to_owned(),
            start_dir: self.dialog_start_dir(),
        };
        let ctx = self.egui_ctx.clone().unwrap_or_default();
        let pending = self.dialogs.ask(request, &ctx);
        self.asking = Some(Asking { pending, purpose });
        self.poll_file_dialog(now);
    }

    /// Takes in a dialog's answer once it is there. Runs every frame.
    pub(super) fn poll_file_dialog(&mut self, now: f64) {
        let Some(asking) = &self.asking else { return };
        let Some(answer) = asking.pending.poll() else {
            return;
        };
        let Some(asking) = self.asking.take() else {
            return;
        };
        let Some(path) = answer else {
            // cancelled: a recovery that was to be restored after saving is offered again
            if let Purpose::SaveAs(Some(then)) = asking.purpose {
                self.offer_again(&then);
            }
            return;
        };
        self.last_dir = if asking_folder(&asking.purpose) {
            Some(path.clone())
        } else {
            path.parent().map(std::path::Path::to_path_buf)
        };
        self.answered(now, asking.purpose, path);
    }

    /// What each command does with the file picked.
    fn answered(&mut self, now: f64, purpose: Purpose, path: PathBuf) {
        match purpose {
            Purpose::Open => {
                if !self.refuse_when_busy(now) {
                    self.start_open(path, now);
                }
            }
            Purpose::Overview => match crate::overview::files_in(&path) {
                Ok(files) => {
                    let loading = crate::overview::start(files, self.state.prefs.lang);
                    self.state.overview = Some(crate::state::OverviewScreen::new(path, loading));
                }
                Err(e) => {
                    self.state.dialog = Some(Dialog::Message {
                        title: t!("overview.title").to_owned(),
                        body: tf!(
                            "cli.folder_failed",
                            folder = &path.display().to_string(),
                            error = &e.to_string()
                        ),
                    });
                }
            },
            Purpose::ImportCsv(to) => {
                if !self.refuse_when_busy(now) {
                    self.state.job = Some(jobs::read_csv(
                        path,
                        to,
                        super::MAX_CSV_BYTES,
                        now,
                        self.state.prefs.lang,
                    ));
                }
            }
            Purpose::TakeIn => self.take_in_shared(&path, now),
            Purpose::Lessons(text) => {
                if !self.refuse_when_busy(now) {
                    self.state.job = Some(jobs::write_text(path, text, now, self.state.prefs.lang));
                }
            }
            Purpose::Paper(bytes, format) => {
                if !self.refuse_when_busy(now) {
                    self.state.job = Some(jobs::write_paper(
                        path,
                        bytes,
                        format,
                        now,
                        self.state.prefs.lang,
                    ));
                }
            }
            Purpose::Export {
                snapshot,
                cycle,
                format,
            } => {
                if !self.refuse_when_busy(now) {
                    self.state.job = Some(jobs::export(
                        *snapshot,
                        cycle,
                        format,
                        path,
                        now,
                        self.state.prefs.lang,
                    ));
                }
            }
            Purpose::Minutes { bytes, format } => {
                if !self.refuse_when_busy(now) {
                    let lang = self.state.prefs.lang;
                    let job = jobs::write_file(path, bytes, format.kind(), now, lang);
                    self.state.job = Some(job);
                }
            }
            Purpose::SaveAs(then) => self.start_save(path, true, then, now),
            Purpose::MergeWith => self.merge_with_file(&path),
            Purpose::CompareWith => self.compare_with_file(&path),
        }
    }
}

fn asking_folder(purpose: &Purpose) -> bool {
    matches!(purpose, Purpose::Overview)
}
