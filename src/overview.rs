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
    pub failed: Vec<Failed>,
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
    }
}

/// The project files (`.ron`) in a folder, sorted by name. Backups and recovery files are
/// left out.
pub fn files_in(folder: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")))
        .collect();
    files.sort();
    Ok(files)
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
                        let result =
                            storage::load(path)
                                .map(|l| row(path, &l.project))
                                .map_err(|e| Failed {
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
        let mut results: Vec<(usize, Result<RegionRow, Failed>)> = rrx.iter().collect();
        for h in handles {
            if h.join().is_err() {
                log::error!("a thread reading the overview's files stopped with a panic");
            }
        }
        results.sort_by_key(|r| r.0);
        let mut o = Overview::default();
        for (_, r) in results {
            match r {
                Ok(row) => o.rows.push(row),
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
