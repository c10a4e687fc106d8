//! What a finished background job changes in the window.

use super::KompasApp;
use crate::i18n::{t, tf};
use crate::state::{Dialog, ImportDialog, ImportTo, Outcome, SupportImport, What, file_name};
use crate::storage;

impl KompasApp {
    /// Takes in the result of the background job once it is done. Runs at the start of every
    /// frame.
    pub(super) fn poll_job(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.state.job else { return };
        let Some(outcome) = job.poll_waking(ctx) else {
            // the job wakes the window when it is done; the spinner turns meanwhile
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
            return;
        };
        let Some(job) = self.state.job.take() else {
            return;
        };
        let now = ctx.input(|i| i.time);
        let succeeded = self.finish_job(&job.what, outcome, now);
        if let Some(then) = job.then {
            if succeeded {
                self.run_confirmed(ctx, then);
            } else {
                // a failed "Eerst opslaan": the recovery it was for is offered again
                self.offer_again(&then);
            }
        }
        if std::mem::take(&mut self.state.close_when_done) && succeeded {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if self.state.job.is_none()
            && let Some(found) = self.restore_after_job.take()
        {
            self.restore(&found, now);
        }
    }

    /// What a finished job changes in the window. Returns whether it succeeded.
    pub(super) fn finish_job(&mut self, what: &What, outcome: Outcome, now: f64) -> bool {
        match (what, outcome) {
            (What::Open(path), Outcome::Opened { doc, warnings }) => {
                let region = doc.project.region.name.clone();
                self.state.overview = None;
                self.set_doc(*doc, now);
                self.state.prefs.remember(path.clone(), &region);
                if !warnings.is_empty() {
                    self.state.dialog = Some(Dialog::Message {
                        title: t!("dialog.warnings_title").to_owned(),
                        body: warnings.join("\n"),
                    });
                }
                // work on this file that was set aside earlier is said and offered
                self.offer_work_on(path);
                self.after_open(path);
                true
            }
            (What::Restore(found), Outcome::Opened { doc, .. }) => {
                self.restored(found, *doc, now);
                true
            }
            (What::Restore(found), Outcome::OpenFailed(e)) => {
                log::warn!(
                    "restoring the recovery file {} failed: {}",
                    found.path.display(),
                    e.message_in(crate::i18n::Lang::En)
                );
                self.state.dialog = Some(Dialog::Message {
                    title: tf!("dialog.open_failed", file = &found.header.name),
                    body: e.message(),
                });
                self.offer_next_recovery();
                false
            }
            (What::Open(path), Outcome::OpenFailed(e)) => {
                if matches!(
                    e,
                    storage::LoadError::Read {
                        kind: std::io::ErrorKind::NotFound,
                        ..
                    }
                ) {
                    self.state.prefs.forget(path);
                }
                self.state.dialog = Some(Dialog::Message {
                    title: tf!("dialog.open_failed", file = &file_name(path)),
                    body: format!("{}\n\n{}", e.message(), t!("dialog.file_untouched")),
                });
                false
            }
            (
                What::Save(path),
                Outcome::Saved {
                    snapshot,
                    disk,
                    kept,
                },
            ) => {
                let Some(doc) = &mut self.state.doc else {
                    return false;
                };
                doc.mark_saved(*snapshot);
                doc.path = Some(path.clone());
                doc.disk = disk;
                // saved: the recovery file goes (edits from now on are written to it again)
                self.autosave.remove();
                let region = doc.project.region.name.clone();
                self.state.prefs.remember(path.clone(), &region);
                let saved = tf!("status.saved", file = &file_name(path));
                self.state.status = Some(match kept {
                    Some(other) => {
                        let kept = tf!("status.kept_other", file = &file_name(&other));
                        (format!("{saved} {kept}"), now)
                    }
                    None => (saved, now),
                });
                true
            }
            (What::Save(path), Outcome::SaveFailed(body)) => {
                self.state.dialog = Some(Dialog::SaveFailed {
                    title: tf!("dialog.save_failed", file = &file_name(path)),
                    body: format!("{body}\n\n{}", t!("dialog.kept_in_memory")),
                });
                false
            }
            (What::Save(path), Outcome::ChangedOnDisk) => {
                self.state.dialog = Some(Dialog::ChangedOnDisk {
                    file: file_name(path),
                    compare: None,
                });
                false
            }
            (What::PrivacyCheck(format), Outcome::Checked(lines)) => {
                if lines.is_empty() {
                    self.export_to_file(*format, now);
                } else {
                    self.state.dialog = Some(Dialog::PrivacyBeforeExport {
                        format: *format,
                        lines,
                    });
                }
                true
            }
            (What::ReadCsv(path, to), Outcome::CsvRead(table)) => {
                // File › Import with a support analysis' table opens that import
                let cols = crate::import::schools::columns(&table.headers, table.has_header);
                match to {
                    ImportTo::Measurements(None)
                        if crate::import::schools::looks_like_support(&cols) =>
                    {
                        self.state.support_import =
                            Some(SupportImport::new(file_name(path), *table));
                    }
                    ImportTo::Support => {
                        self.state.support_import =
                            Some(SupportImport::new(file_name(path), *table));
                    }
                    ImportTo::Measurements(indicator) => {
                        self.state.import =
                            Some(ImportDialog::new(file_name(path), *table, *indicator));
                    }
                }
                true
            }
            (What::ReadCsv(path, _), Outcome::CsvFailed(body)) => {
                self.state.dialog = Some(Dialog::Message {
                    title: tf!("dialog.import_failed", file = &file_name(path)),
                    body,
                });
                false
            }
            (What::Export(path, _) | What::WriteText(path), Outcome::Exported) => {
                self.state.status = Some((tf!("status.exported", file = &file_name(path)), now));
                true
            }
            (
                What::Export(..) | What::PrivacyCheck(_) | What::WriteText(_),
                Outcome::ExportFailed(body),
            ) => {
                let file = match what {
                    What::Export(path, _) | What::WriteText(path) => file_name(path),
                    _ => String::new(),
                };
                self.state.dialog = Some(Dialog::Message {
                    title: tf!("dialog.export_failed", file = &file),
                    body,
                });
                false
            }
            _ => false,
        }
    }
}
