//! The region overview: a folder of region project files (a CoP facilitator's, or a national
//! coordinator's with all 151 samenwerkingsverbanden) as one table. Files load in parallel on
//! background threads; a file that fails is listed with its error and the rest still show.
//! No egui here.

use crate::i18n::Lang;
use crate::model::*;
use crate::storage;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// One region's row.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionRow {
    pub path: PathBuf,
    pub region: String,
    pub phase: Option<Phase>,
    pub model: Option<CollaborationModel>,
    /// The mean of the five working factors in the latest scan, and of the borging elements.
    pub working_factors: Option<f64>,
    pub borging: Option<f64>,
    /// Share of the latest cycle's indicators that are on track or reached (0–1).
    pub on_track: Option<f64>,
    pub indicators: usize,
    pub cycle: Option<(String, NaiveDate, NaiveDate)>,
    /// Its lessons and interventions, tagged (see [`Project::shared_items`]).
    pub items: Vec<SharedItem>,
}

/// A file of lessons a region shared (`.kompaslessen`) found in the folder.
#[derive(Clone, Debug, PartialEq)]
pub struct SharedRow {
    pub path: PathBuf,
    pub region: String,
    pub items: Vec<SharedItem>,
}

/// A lesson or intervention of a region in the folder, with the file it is in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LessonHit<'a> {
    pub region: &'a str,
    pub path: &'a Path,
    pub item: &'a SharedItem,
}

/// A file that could not be read, with the message.
#[derive(Clone, Debug, PartialEq)]
pub struct Failed {
    pub path: PathBuf,
    pub error: String,
}

/// The overview of a folder.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overview {
    pub rows: Vec<RegionRow>,
    /// Files of shared lessons in the folder.
    pub shared: Vec<SharedRow>,
    pub failed: Vec<Failed>,
}

impl Overview {
    /// Every lesson and intervention of every region in the folder (their project files and
    /// the lessons they shared) that has every word of `query` (ignoring case; an empty query
    /// finds all), by region, then as they come in the file. An item both in a region's
    /// file and in what it shared is listed once.
    pub fn lessons(&self, query: &str) -> Vec<LessonHit<'_>> {
        let mut out: Vec<LessonHit> = Vec::new();
        let rows = (self.rows.iter()).map(|r| (r.region.as_str(), r.path.as_path(), &r.items));
        let shared = (self.shared.iter()).map(|s| (s.region.as_str(), s.path.as_path(), &s.items));
        for (region, path, items) in rows.chain(shared) {
            for item in items.iter().filter(|i| i.matches(query, region)) {
                let twice = out.iter().any(|h| h.region == region && h.item == item);
                if !twice {
                    out.push(LessonHit { region, path, item });
                }
            }
        }
        out.sort_by_key(|h| h.region.to_lowercase());
        out
    }
}

/// The row of one project.
pub fn row(path: &Path, p: &Project) -> RegionRow {
    let last = p.cycles.last();
    let scan = last.and_then(|c| {
        [ScanMoment::Evaluation, ScanMoment::Analysis]
            .into_iter()
            .map(|m| c.scan(m))
            .find(|s| !s.is_empty())
    });
    let mean = |fs: &[Factor]| -> Option<f64> {
        let s = scan?;
        let v: Vec<f64> = fs.iter().filter_map(|f| s.factor_average(*f)).collect();
        (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
    };
    let index = SeriesIndex::new(p);
    let today = chrono::Local::now().date_naive();
    let statuses: Vec<Status> = last
        .map(|c| {
            c.indicators()
                .filter(|i| i.has_content())
                .map(|i| assess(i, &index.series(i.id), today).status)
                .collect()
        })
        .unwrap_or_default();
    let good = statuses
        .iter()
        .filter(|s| matches!(s, Status::OnTrack | Status::Reached))
        .count();
    RegionRow {
        path: path.to_path_buf(),
        region: p.region.name.clone(),
        phase: last.and_then(|c| c.analysis.phase),
        model: last.and_then(|c| c.analysis.collaboration_model),
        working_factors: mean(&Factor::WORKING),
        borging: mean(&Factor::BORGING),
        on_track: (!statuses.is_empty()).then(|| good as f64 / statuses.len() as f64),
        indicators: statuses.len(),
        cycle: last.map(|c| (c.name.clone(), c.start, c.end)),
        items: p.shared_items(),
    }
}

/// The project files (`.ron`) and shared lessons (`.kompaslessen`) in a folder, sorted by
/// name. Backups and recovery files are left out.
pub fn files_in(folder: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && (p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron"))
                    || storage::is_shared_file(p))
        })
        .collect();
    files.sort();
    Ok(files)
}

/// What one file of the folder is.
enum Entry {
    Region(Box<RegionRow>),
    Shared(SharedRow),
}

fn read_entry(path: &Path) -> Result<Entry, storage::LoadError> {
    if storage::is_shared_file(path) {
        let mut f = storage::read_shared(path)?;
        // what a region shared was checked when it was written; a file changed since is
        // checked again
        f.without_personal_data();
        return Ok(Entry::Shared(SharedRow {
            path: path.to_path_buf(),
            region: f.region,
            items: f.items,
        }));
    }
    storage::load(path).map(|l| Entry::Region(Box::new(row(path, &l.project))))
}

/// A load in progress: how many files are done, and the result when all are.
pub struct Loading {
    pub total: usize,
    pub done: Arc<AtomicUsize>,
    result: mpsc::Receiver<Overview>,
}

impl Loading {
    /// The overview, once every file is read (never blocks).
    pub fn poll(&self) -> Option<Overview> {
        self.result.try_recv().ok()
    }

    /// Waits for the overview (the command line).
    pub fn wait(self) -> Overview {
        self.result.recv().unwrap_or_default()
    }
}

/// Starts loading `files` on background threads (as many as the machine has cores); error
/// messages are in `lang`.
pub fn start(files: Vec<PathBuf>, lang: crate::i18n::Lang) -> Loading {
    let total = files.len();
    let done = Arc::new(AtomicUsize::new(0));
    let (tx, rx) = mpsc::channel();
    let counter = done.clone();
    std::thread::spawn(move || {
        let workers = std::thread::available_parallelism()
            .map_or(2, |n| n.get())
            .clamp(1, 8);
        let files = Arc::new(files);
        let next = Arc::new(AtomicUsize::new(0));
        let (rtx, rrx) = mpsc::channel();
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let (files, next, rtx, counter) =
                    (files.clone(), next.clone(), rtx.clone(), counter.clone());
                // the language is given to the messages, not set on the thread
                std::thread::spawn(move || {
                    loop {
                        let k = next.fetch_add(1, Ordering::SeqCst);
                        let Some(path) = files.get(k) else { break };
                        let result = read_entry(path).map_err(|e| Failed {
                            path: path.clone(),
                            error: e.message_in(lang),
                        });
                        counter.fetch_add(1, Ordering::SeqCst);
                        if rtx.send((k, result)).is_err() {
                            // cannot happen: the receiver waits below until every worker ends
                            log::error!("the overview lost the row of {}", path.display());
                        }
                    }
                })
            })
            .collect();
        drop(rtx);
        let mut results: Vec<(usize, Result<Entry, Failed>)> = rrx.iter().collect();
        for h in handles {
            if h.join().is_err() {
                log::error!("a thread reading the overview's files stopped with a panic");
            }
        }
        results.sort_by_key(|r| r.0);
        let mut o = Overview::default();
        for (_, r) in results {
            match r {
                Ok(Entry::Region(row)) => o.rows.push(*row),
                Ok(Entry::Shared(s)) => o.shared.push(s),
                Err(f) => o.failed.push(f),
            }
        }
        if tx.send(o).is_err() {
            log::info!("the overview was read after its screen was closed");
        }
    });
    Loading {
        total,
        done,
        result: rx,
    }
}

/// Loads a folder and waits (the command line and tests).
pub fn load_folder(folder: &Path, lang: Lang) -> std::io::Result<Overview> {
    Ok(start(files_in(folder)?, lang).wait())
}
