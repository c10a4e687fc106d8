//! Reading a large project on every core: the text is cut into the project without its cycles
//! and one piece per cycle, and the pieces are parsed side by side.
//!
//! The RON parser works one character at a time; on a two-core laptop, a project with ten
//! years of measurements reads in about half the time this way. The cut is made by a small
//! scanner that knows RON's strings (escaped and raw), character literals and comments, so a
//! bracket or comma inside a text never counts. Whenever anything is unusual (no `cycles`
//! list at the top, an empty element, a piece that does not parse), [`read`] returns `None` and
//! the caller parses the whole text as before, which also gives the exact error position. Tests
//! hold the result equal to a whole-text parse on generated and garbled documents.
//!
//! Here: [`read`], the workers and putting the pieces together; `cut.rs`: the scanner that finds
//! the cycles in the text.

mod cut;

use crate::model::{Cycle, Project};
use cut::cut_with;

/// Below this size a whole-text parse is as fast (threads cost more than they save).
const MIN_BYTES: usize = 256 * 1024;

/// The project in `text`, parsed in pieces on several threads; `None` when the text is small,
/// unusual or does not parse (then parse it whole).
pub fn read(text: &str) -> Option<Project> {
    if text.len() < MIN_BYTES {
        return None;
    }
    read_any_size(text)
}

/// [`read`] without the size threshold (for tests: the same result as a whole-text parse,
/// or `None`).
pub fn read_any_size(text: &str) -> Option<Project> {
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 8);
    // The main thread finds the cycles and hands each to the workers as soon as it is found,
    // so parsing starts while the rest of the text is still being scanned.
    let (tx, rx) = std::sync::mpsc::channel::<(usize, std::ops::Range<usize>)>();
    let rx = std::sync::Mutex::new(rx);
    let (shell, parsed) = std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let next = rx.lock().ok()?.recv();
                        let Ok((k, r)) = next else { break };
                        done.push((k, ron::from_str::<Cycle>(&text[r]).ok()?));
                    }
                    Some(done)
                })
            })
            .collect();
        // (a send cannot fail: the receiver lives until the scope ends; if one did, the cycle
        // would be missing, so the text is then parsed whole)
        let mut lost = false;
        let list = cut_with(text, |k, r| lost |= tx.send((k, r)).is_err());
        drop(tx);
        if lost {
            log::error!("a cycle could not be handed to a worker; the file is read whole");
        }
        let list = list.filter(|_| !lost);
        let shell = list.and_then(|list| {
            let mut shell_text = String::with_capacity(text.len() - list.len());
            shell_text.push_str(&text[..list.start]);
            shell_text.push_str(&text[list.end..]);
            ron::from_str::<Project>(&shell_text).ok()
        });
        let parsed: Option<Vec<Vec<(usize, Cycle)>>> = handles
            .into_iter()
            .map(|h| h.join().ok().flatten())
            .collect();
        (shell, parsed)
    });
    let mut project = shell?;
    if !project.cycles.is_empty() {
        return None;
    }
    let mut cycles: Vec<(usize, Cycle)> = parsed?.into_iter().flatten().collect();
    cycles.sort_by_key(|(k, _)| *k);
    project.cycles = cycles.into_iter().map(|(_, c)| c).collect();
    Some(project)
}
