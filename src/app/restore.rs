//! Offering, restoring, setting aside and throwing away recovered work: the window's side of
//! [`super::recovery`]. The rule throughout: a recovery file goes only when its work is saved
//! to the real file, or the user threw it away after seeing what it holds; an unsaved document
//! is never replaced without asking.

use super::recovery::{self, Found, Header};
use super::{Dialog, KompasApp, OpenDoc, jobs};
use crate::i18n::{t, tf};

/// The header for the open document's recovery file.
pub(super) fn header_of(doc: &OpenDoc) -> Header {
    Header {
        original: doc.path.clone(),
        name: doc.display_name(),
        written: 0,
        base: doc.disk.as_ref().map(|d| recovery::Base {
            len: d.len,
            hash: d.hash,
        }),
        region: doc.project.region.name.clone(),
        cycle: doc
            .project
            .cycles
            .get(doc.cycle)
            .map(|c| c.name.clone())
            .unwrap_or_default(),
        changes: 0,
    }
}

impl KompasApp {
    /// Shows the next recovery file of the queue, if no other dialog is open.
    pub(super) fn offer_next_recovery(&mut self) {
        if self.state.dialog.is_none() && !self.state.recovery_queue.is_empty() {
            let found = self.state.recovery_queue.remove(0);
            self.state.recovery_shown += 1;
            self.state.dialog = Some(Dialog::Recover(found));
        }
    }

    /// A recovery that was to be restored after a save that failed or was cancelled goes
    /// back to the front of the queue: it, and the offers after it, come back on screen once
    /// the message about the save is closed.
    pub(super) fn offer_again(&mut self, then: &crate::state::Message) {
        if let crate::state::Message::Restore(found) = then
            && !self.state.recovery_queue.contains(found)
        {
            self.state.recovery_queue.insert(0, found.clone());
            self.state.recovery_shown = self.state.recovery_shown.saturating_sub(1);
        }
    }

    /// A file was opened: work on it that was set aside earlier (with "Niet nu" or "Opzij
    /// zetten", or left by a crash) is offered first, saying it is work on this file.
    pub(super) fn offer_work_on(&mut self, path: &std::path::Path) {
        let Some(dir) = self.autosave.dir.clone() else {
            return;
        };
        let own = self.autosave.path();
        let canonical = std::fs::canonicalize(path).ok();
        let same = |a: &std::path::Path| {
            a == path
                || canonical.is_some()
                    && std::fs::canonicalize(a).ok().as_ref() == canonical.as_ref()
        };
        let mut found: Vec<Found> = recovery::scan(&dir)
            .into_iter()
            .filter(|f| f.header.original.as_deref().is_some_and(same))
            .filter(|f| Some(&f.path) != own.as_ref())
            .filter(|f| !self.state.recovery_queue.contains(f) && !self.offering(f))
            .collect();
        if found.is_empty() {
            return;
        }
        log::info!(
            "{} opened: offering {} recovery file(s) of work on it",
            path.display(),
            found.len()
        );
        if self.state.recovery_queue.is_empty()
            && !matches!(self.state.dialog, Some(Dialog::Recover(_)))
        {
            self.state.recovery_shown = 0;
        }
        found.append(&mut self.state.recovery_queue);
        self.state.recovery_queue = found;
        self.offer_next_recovery();
    }

    /// Whether a dialog about `found` is on screen.
    fn offering(&self, found: &Found) -> bool {
        matches!(
            &self.state.dialog,
            Some(Dialog::Recover(f) | Dialog::RecoverReplace(f) | Dialog::RecoverThrowAway(f))
                if f.path == found.path
        )
    }

    /// Offers again the recovery files set aside with "Niet nu" (the File menu), except the
    /// open document's own.
    pub fn offer_set_aside(&mut self, now: f64) {
        let Some(dir) = self.autosave.dir.clone() else {
            return;
        };
        let own = self.autosave.path();
        self.state.recovery_queue = recovery::scan(&dir)
            .into_iter()
            .filter(|f| Some(&f.path) != own.as_ref())
            .collect();
        self.state.recovery_shown = 0;
        if self.state.recovery_queue.is_empty() {
            self.state.status = Some((t!("recover.none_set_aside").to_owned(), now));
        }
        self.offer_next_recovery();
    }

    /// "Weggooien": first shows what the recovery holds and asks once.
    pub fn ask_discard_recovery(&mut self, found: &Found) {
        self.state.dialog = Some(Dialog::RecoverThrowAway(found.clone()));
    }

    /// Throws a recovery file away (the user confirmed) and offers the next.
    pub fn discard_recovery(&mut self, found: &Found) {
        log::info!(
            "threw away the recovery file {} ({} bytes; work on {})",
            found.path.display(),
            file_size(&found.path),
            original_text(found)
        );
        crate::logging::remove_file(&found.path, "recovery file");
        self.state.dialog = None;
        self.offer_next_recovery();
    }

    /// Keeps a recovery file for later (a later start, or the File menu) and offers the next.
    pub fn postpone_recovery(&mut self) {
        if let Some(Dialog::Recover(found)) = &self.state.dialog {
            log::info!("kept the recovery file {} for later", found.path.display());
        }
        self.state.dialog = None;
        self.offer_next_recovery();
    }

    /// "Herstellen": opens the work in a recovery file (in the background). When the open
    /// document has unsaved changes, first asks to save it or set it aside; while a file is
    /// being read or written, restores once that is done.
    pub fn restore(&mut self, found: &Found, now: f64) {
        self.state.dialog = None;
        if self.state.job.is_some() {
            self.restore_after_job = Some(found.clone());
            return;
        }
        if self.is_dirty() {
            self.state.dialog = Some(Dialog::RecoverReplace(found.clone()));
            return;
        }
        self.state.job = Some(jobs::restore(found.clone(), now, self.state.prefs.lang));
    }

    /// The open document's work is written to its own recovery file, which stays (to restore
    /// later, from the File menu or at the next start); then `found` is restored.
    pub fn set_aside_then_restore(&mut self, found: &Found, now: f64) {
        self.state.dialog = None;
        if let Err(e) = self.set_aside(now) {
            self.state.dialog = Some(Dialog::Message {
                title: t!("recover.set_aside_failed").to_owned(),
                body: e,
            });
            return;
        }
        self.restore(found, now);
    }

    /// Closes the open document, keeping its unsaved work in its recovery file.
    fn set_aside(&mut self, now: f64) -> Result<(), String> {
        let Some(doc) = &mut self.state.doc else {
            return Ok(());
        };
        doc.sync(now);
        let name = doc.display_name();
        let aside = self.autosave.path().filter(|_| doc.dirty);
        if doc.dirty {
            let header = header_of(doc);
            self.autosave.write_now(doc.tracker.current(), header)?;
            self.autosave.detach();
        } else {
            self.autosave.stop();
        }
        if let Some(path) = aside {
            log::info!(
                "set aside the open work in {} ({} bytes)",
                path.display(),
                file_size(&path)
            );
        }
        self.state.doc = None;
        self.state.status = Some((tf!("recover.set_aside", name = &name), now));
        Ok(())
    }

    /// A restore finished: the document replaces the open one (which had nothing unsaved, or
    /// was saved or set aside first) and goes on writing into the recovery file it came from,
    /// so the recovered work stays on disk until it is saved.
    pub(super) fn restored(&mut self, found: &Found, doc: OpenDoc, now: f64) {
        self.state.overview = None;
        self.autosave.stop();
        let name = found
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
        self.autosave.start(name.map(|n| (n, found.header.changes)));
        log::info!(
            "restored the recovery file {} ({} bytes; work on {})",
            found.path.display(),
            file_size(&found.path),
            original_text(found)
        );
        self.state.doc = Some(doc);
        self.state.status = Some((tf!("status.restored", name = &found.header.name), now));
        self.offer_next_recovery();
    }
}

/// A file's size in bytes for the log (0 when it cannot be read).
fn file_size(path: &std::path::Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}

/// The file a recovery's work belongs to, for the log ("a project without a file" if none).
fn original_text(found: &Found) -> String {
    found.header.original.as_ref().map_or_else(
        || "a project without a file".to_owned(),
        |p| p.display().to_string(),
    )
}
