//! The autosave thread: it gets the document as of each frame (cheap: a [`Snapshot`] shares
//! unchanged cycles) and writes it to the session's recovery file a few seconds after the last
//! edit, or at once when asked, on its own clock.

use super::{AUTOSAVE_DELAY, Header, lock_path, new_file_name, now_secs, take_lock, write};
use crate::model::Snapshot;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// The state shared between the window and the autosave thread.
struct State {
    /// The recovery file of the open document; `None`: nothing to write to.
    path: Option<PathBuf>,
    /// The unsaved document as last handed over, with its header; `None` when it has nothing
    /// unsaved.
    latest: Option<(Snapshot, Header)>,
    /// What the recovery file holds now.
    written: Option<Snapshot>,
    /// When `latest` first differed from `written`.
    since: Option<Instant>,
    /// Write as soon as possible (focus lost), not after the delay.
    now_please: bool,
    /// A write is on its way (the file may not be removed meanwhile).
    writing: bool,
    error: Option<String>,
    quit: bool,
    delay: Duration,
    /// Writes done so far (for tests and the status bar).
    writes: u64,
}

impl State {
    /// When the next write is due, if one is.
    fn due(&self) -> Option<Instant> {
        self.path.as_ref()?;
        let (latest, _) = self.latest.as_ref()?;
        if self.written.as_ref().is_some_and(|w| w.same(latest)) {
            return None;
        }
        let since = self.since.unwrap_or_else(Instant::now);
        Some(if self.now_please {
            since.min(Instant::now())
        } else {
            since + self.delay
        })
    }
}

struct Shared {
    state: Mutex<State>,
    /// Wakes the thread (new work, quit) and whoever waits for a write to end.
    wake: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        // a panic while holding the lock leaves plain data behind: go on with it
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Waits until no write is on its way.
    fn idle<'a>(&self, mut st: MutexGuard<'a, State>) -> MutexGuard<'a, State> {
        while st.writing {
            st = self
                .wake
                .wait(st)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
        st
    }
}

/// The autosave thread: sleeps until a write is due, writes, and sleeps again.
fn run(shared: &Shared) {
    loop {
        let mut st = shared.lock();
        let (path, snapshot, mut header) = loop {
            if st.quit {
                return;
            }
            match st.due() {
                Some(due) if due <= Instant::now() => {
                    if let (Some(path), Some((snapshot, header))) = (&st.path, &st.latest) {
                        break (path.clone(), snapshot.clone(), header.clone());
                    }
                }
                Some(due) => {
                    let wait = due.saturating_duration_since(Instant::now());
                    st = shared
                        .wake
                        .wait_timeout(st, wait)
                        .map_or_else(|e| e.into_inner().0, |(g, _)| g);
                    continue;
                }
                None => {}
            }
            st = shared
                .wake
                .wait(st)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        };
        st.writing = true;
        st.now_please = false;
        drop(st);
        header.written = now_secs();
        let result = write(&path, &header, &snapshot.to_project()).map_err(|e| e.message());
        let mut st = shared.lock();
        st.writing = false;
        match result {
            Ok(()) => {
                st.error = None;
                st.writes += 1;
                // what came in during the write is due a delay from now
                st.since = Some(Instant::now());
                st.written = Some(snapshot);
            }
            Err(e) => {
                st.error = Some(e);
                st.since = Some(Instant::now());
            }
        }
        drop(st);
        shared.wake.notify_all();
    }
}

/// The autosave of the open document: the window hands over its state after edits; a thread
/// writes it.
pub struct Autosaver {
    /// The recovery folder; `None` when there is none (autosave off).
    pub dir: Option<PathBuf>,
    /// The file name used for the open document.
    pub file: Option<String>,
    /// The last autosave failure, shown in the status bar.
    pub error: Option<String>,
    shared: Arc<Shared>,
    thread: Option<std::thread::JoinHandle<()>>,
    /// What was last handed over (the document's revision and whether it was unsaved), to hand
    /// over only what changed.
    handed: Option<(u64, bool)>,
    /// Edits handed over since the work was last saved (or in the recovery it came from).
    changes: usize,
    /// The lock on the recovery file's lock file (see [`lock_path`]).
    lock: Option<std::fs::File>,
}

impl Default for Autosaver {
    fn default() -> Self {
        Self::with_dir(None)
    }
}

impl Autosaver {
    /// Autosave into `dir` (its thread starts here); `None`: autosave off.
    pub fn with_dir(dir: Option<PathBuf>) -> Self {
        let shared = Arc::new(Shared {
            state: Mutex::new(State {
                path: None,
                latest: None,
                written: None,
                since: None,
                now_please: false,
                writing: false,
                error: None,
                quit: false,
                delay: AUTOSAVE_DELAY,
                writes: 0,
            }),
            wake: Condvar::new(),
        });
        let thread = dir.as_ref().and_then(|_| {
            let s = Arc::clone(&shared);
            std::thread::Builder::new()
                .name("kompas-autosave".into())
                .spawn(move || run(&s))
                .ok()
        });
        Self {
            dir,
            file: None,
            error: None,
            shared,
            thread,
            handed: None,
            changes: 0,
            lock: None,
        }
    }

    /// Writes `delay` after an edit instead of [`AUTOSAVE_DELAY`] (tests).
    pub fn set_delay(&mut self, delay: Duration) {
        self.shared.lock().delay = delay;
    }

    /// The recovery file of the open document.
    pub fn path(&self) -> Option<PathBuf> {
        Some(self.dir.as_ref()?.join(self.file.as_ref()?))
    }

    /// A document was opened or created: start a recovery file of its own, or go on writing
    /// into `existing` (the file a restored document came from, with its count of edits).
    pub fn start(&mut self, existing: Option<(String, usize)>) {
        self.unlock();
        let (file, changes) = existing.unwrap_or_else(|| (new_file_name(), 0));
        self.file = Some(file);
        self.changes = changes;
        let path = self.path();
        self.lock = path.as_deref().and_then(take_lock);
        let mut st = self.shared.idle(self.shared.lock());
        st.path = path;
        st.latest = None;
        st.written = None;
        st.since = None;
        st.now_please = false;
        self.handed = None;
    }

    /// Hands over the document: `snapshot` at `revision` (goes up with every change), unsaved
    /// or not. Cheap when nothing changed since the last call; the thread does the rest.
    pub fn update(
        &mut self,
        snapshot: &Snapshot,
        revision: u64,
        dirty: bool,
        header: impl FnOnce() -> Header,
    ) {
        self.poll();
        if self.handed == Some((revision, dirty)) {
            return;
        }
        if dirty && self.handed.is_some_and(|(r, _)| r != revision) {
            self.changes += 1;
        }
        self.handed = Some((revision, dirty));
        let mut st = self.shared.lock();
        if dirty {
            let mut header = header();
            header.changes = self.changes.max(1);
            st.latest = Some((snapshot.clone(), header));
            if st.since.is_none() {
                st.since = Some(Instant::now());
            }
        } else {
            // saved, or undone back to the saved state: nothing to recover
            st.latest = None;
            st.since = None;
        }
        drop(st);
        self.shared.wake.notify_all();
    }

    /// Writes what was handed over as soon as possible (the window lost focus).
    pub fn save_now(&mut self) {
        self.shared.lock().now_please = true;
        self.shared.wake.notify_all();
    }

    /// Writes `snapshot` now, on this thread, and waits for it (before a document is set
    /// aside). Returns the error message when it could not be written.
    pub fn write_now(&mut self, snapshot: &Snapshot, header: Header) -> Result<(), String> {
        let Some(path) = self.path() else {
            return Err(crate::i18n::t!("recover.no_folder").to_owned());
        };
        let mut st = self.shared.idle(self.shared.lock());
        if st.written.as_ref().is_some_and(|w| w.same(snapshot)) && path.exists() {
            return Ok(());
        }
        let mut header = header;
        header.written = now_secs();
        write(&path, &header, &snapshot.to_project()).map_err(|e| e.message())?;
        st.written = Some(snapshot.clone());
        st.writes += 1;
        Ok(())
    }

    /// Whether a write is due at once or on its way.
    pub fn busy(&self) -> bool {
        let st = self.shared.lock();
        st.writing || (st.now_please && st.due().is_some())
    }

    /// How many writes were done so far.
    pub fn writes(&self) -> u64 {
        self.shared.lock().writes
    }

    /// Picks up the last write's failure (or its end).
    pub fn poll(&mut self) {
        self.error = self.shared.lock().error.clone();
    }

    /// The work was saved to its real file (or thrown away): its recovery file goes, after any
    /// write on its way. The session goes on: new edits are written to the same name again.
    pub fn remove(&mut self) {
        let mut st = self.shared.idle(self.shared.lock());
        st.latest = None;
        st.written = None;
        st.since = None;
        st.now_please = false;
        if let Some(path) = &st.path {
            // never written when nothing was edited since the last save
            crate::logging::remove_file_if_there(path, "recovery file");
        }
        drop(st);
        self.handed = None;
        self.changes = 0;
    }

    /// The document is gone (closed, replaced, its changes thrown away): remove its file and
    /// stop.
    pub fn stop(&mut self) {
        self.remove();
        self.shared.lock().path = None;
        self.unlock();
        self.file = None;
    }

    /// Lets go of the recovery file's lock (and removes the lock file).
    fn unlock(&mut self) {
        if let Some(lock) = self.lock.take() {
            drop(lock);
            if let Some(path) = self.path() {
                crate::logging::remove_file_if_there(&lock_path(&path), "lock file");
            }
        }
    }

    /// The document is set aside: its recovery file stays, for a later restore, and nothing
    /// more is written to it.
    pub fn detach(&mut self) {
        let mut st = self.shared.idle(self.shared.lock());
        st.path = None;
        st.latest = None;
        st.written = None;
        st.since = None;
        drop(st);
        self.unlock();
        self.file = None;
        self.handed = None;
    }
}

impl Drop for Autosaver {
    fn drop(&mut self) {
        self.shared.lock().quit = true;
        self.shared.wake.notify_all();
        if let Some(t) = self.thread.take()
            && t.join().is_err()
        {
            log::error!("the autosave thread stopped with a panic");
        }
        self.unlock();
    }
}
