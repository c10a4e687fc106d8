//! Merging another copy of the region's file into the open document, and comparing with one:
//! *Bestand › Samenvoegen met…* and *Vergelijken met…*, the "changed on disk" question's
//! *Samenvoegen*, the conflicts a merge outside the window left in a file, and the conflict
//! copies a sync service left beside it. The windows' state is in `state::merge` and
//! `state::differences`; applying a merge replaces the document as one undo step.

use super::{Dialog, FileKind, KompasApp, ask};
use crate::i18n::{t, tf};
use crate::model::merge::MergeError;
use crate::model::{Project, Snapshot};
use crate::state::merge::{Base, Source, modified_local};
use crate::state::{CompareWindow, CopyOffer, DiskState, MergeMsg, MergeWindow, file_name};
use crate::storage;
use std::path::Path;

impl KompasApp {
    /// Asks for the copy to merge.
    pub(super) fn ask_merge(&mut self, now: f64) {
        if self.state.doc.is_some() {
            self.ask_file(now, FileKind::Copy, None, ask::Purpose::MergeWith);
        }
    }

    /// Asks for the copy or older version to compare with.
    pub(super) fn ask_compare(&mut self, now: f64) {
        if self.state.doc.is_some() {
            self.ask_file(now, FileKind::Copy, None, ask::Purpose::CompareWith);
        }
    }

    /// Reads another version of the project; one that cannot be read is said as when opening.
    fn read_copy(&mut self, path: &Path) -> Option<Project> {
        match storage::load(path) {
            Ok(loaded) => Some(loaded.project),
            Err(e) => {
                self.state.dialog = Some(Dialog::Message {
                    title: tf!("dialog.open_failed", file = &file_name(path)),
                    body: format!("{}\n\n{}", e.message(), t!("dialog.file_untouched")),
                });
                None
            }
        }
    }

    /// Merges the copy at `path` into the document (the window asks what conflicts).
    pub(super) fn merge_with_file(&mut self, path: &Path) {
        if let Some(theirs) = self.read_copy(path) {
            self.open_merge(&theirs, Source::File(path.to_path_buf()), file_name(path));
        }
    }

    /// The merge window for `theirs`, three-way with the backup beside the document's file
    /// as the common base when there is one.
    fn open_merge(&mut self, theirs: &Project, source: Source, other_name: String) {
        let Some(doc) = &self.state.doc else { return };
        let base = doc.path.as_deref().and_then(backup_base);
        let base = base.as_ref().map(|(p, b)| (p, b.clone()));
        let window = MergeWindow::new(&doc.project, theirs, base, source, other_name);
        self.show_merge(window);
    }

    fn show_merge(&mut self, window: Result<MergeWindow, MergeError>) {
        match window {
            Ok(w) => {
                self.state.differences = None;
                self.state.merge = Some(w);
            }
            Err(e) => self.merge_failed(&e),
        }
    }

    fn merge_failed(&mut self, e: &MergeError) {
        log::error!("merging failed: {e}");
        self.state.dialog = Some(Dialog::Message {
            title: t!("merge.apply").to_owned(),
            body: tf!("merge.failed", error = &e.to_string()),
        });
    }

    /// The window listing what differs between the document and the version at `path`.
    pub(super) fn compare_with_file(&mut self, path: &Path) {
        let Some(other) = self.read_copy(path) else {
            return;
        };
        let Some(doc) = &self.state.doc else { return };
        match CompareWindow::new(&doc.project, other, path.to_path_buf()) {
            Ok(w) => self.state.differences = Some(w),
            Err(e) => self.merge_failed(&e),
        }
    }

    /// What the merge and compare windows, the "changed on disk" question and the offer of a
    /// conflict copy ask.
    pub(super) fn run_merge(&mut self, m: MergeMsg, now: f64) {
        match m {
            MergeMsg::Apply => self.apply_merge(now),
            MergeMsg::WithDisk => self.merge_with_disk(),
            MergeMsg::FromCompare => {
                if let Some(w) = self.state.differences.take() {
                    self.open_merge(&w.other, Source::File(w.other_path), w.other_name);
                }
            }
            MergeMsg::ResolvePending => {
                if let Some(doc) = &self.state.doc
                    && !doc.project.merge_conflicts.is_empty()
                {
                    let window = MergeWindow::pending(&doc.project);
                    self.show_merge(window);
                }
            }
            MergeMsg::Copy(path) => {
                self.state.copies.retain(|c| c.path != path);
                self.merge_with_file(&path);
            }
        }
    }

    /// The "changed on disk" question's *Samenvoegen*: the file as another program left it,
    /// merged with the document; the common base is the file as Kompas last read or wrote it.
    fn merge_with_disk(&mut self) {
        let Some(doc) = &self.state.doc else { return };
        let Some(path) = doc.path.clone() else { return };
        let read = storage::read_project(&path).and_then(|b| Ok((storage::parse(&b)?, b)));
        let (loaded, bytes) = match read {
            Ok(r) => r,
            Err(e) => {
                self.state.dialog = Some(Dialog::Message {
                    title: tf!("dialog.open_failed", file = &file_name(&path)),
                    body: e.message(),
                });
                return;
            }
        };
        let saved = doc.tracker.saved().to_project();
        let theirs = loaded.project;
        let source = Source::Disk {
            disk: DiskState::of_bytes(&path, &bytes),
            theirs: Box::new(theirs.clone()),
        };
        let name = t!("merge.disk_version").to_owned();
        let window = MergeWindow::new(
            &doc.project,
            &theirs,
            Some((&saved, Base::LastRead)),
            source,
            name,
        );
        self.show_merge(window);
    }

    /// "Samenvoegen": the document becomes the merge with every conflict as chosen, in one
    /// undo step; the status bar says what came in (with an undo).
    fn apply_merge(&mut self, now: f64) {
        let Some(w) = self.state.merge.take() else {
            return;
        };
        if w.undecided() > 0 {
            self.state.merge = Some(w);
            return;
        }
        let resolved = match w.result() {
            Ok(p) => p,
            Err(e) => return self.merge_failed(&e),
        };
        let Some(doc) = &mut self.state.doc else {
            return;
        };
        doc.one_step(now, |p| *p = resolved);
        doc.clamp_cycle();
        let s = w.summary;
        let mut text = tf!(
            "merge.done",
            file = &w.other_name,
            added = s.added,
            changed = s.changed,
            removed = s.removed
        );
        match w.source {
            Source::Disk { disk, theirs } => {
                // the file holds their version now, as far as the document knows: saving
                // writes the merge without asking again
                doc.mark_saved(Snapshot::of(&theirs));
                doc.disk = disk;
                text = tf!(
                    "merge.done_disk",
                    added = s.added,
                    changed = s.changed,
                    removed = s.removed
                );
            }
            Source::Pending => text.clear(),
            Source::File(_) => {}
        }
        if !w.conflicts.is_empty() {
            text = format!("{text} {}", tf!("merge.decided", n = w.conflicts.len()));
        }
        self.state.status = Some((text.trim().to_owned(), now));
        self.state.undo_offer = Some(now);
    }

    /// After a file was opened: conflicts a merge outside the window left in it are asked at
    /// once, and conflict copies beside it are offered.
    pub(super) fn after_open(&mut self, path: &Path) {
        self.state.copies = storage::conflict_copies(path)
            .into_iter()
            .map(CopyOffer::of)
            .collect();
        self.run_merge(MergeMsg::ResolvePending, 0.0);
    }
}

/// The backup beside the file as the common base of a merge, if there is one that reads.
fn backup_base(path: &Path) -> Option<(Project, Base)> {
    let bak = storage::merge_base(path)?;
    let project = storage::load(&bak).ok()?.project;
    Some((project, Base::Backup(modified_local(&bak))))
}
