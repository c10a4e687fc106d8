//! The command line: `kompas [FILE]`, `kompas check FILE`, `kompas export`, `kompas import`,
//! `kompas overview`, `kompas merge`, `kompas diff`.
//!
//! Here: the arguments ([`Args`], [`Cmd`]), [`run`], and what the commands share; one file per
//! command: `check.rs`, `export.rs` (with [`privacy_line`]), `import.rs`, `overview.rs`.

mod check;
mod export;
mod import;
mod merge;
mod overview;

pub use check::check;
pub use export::{export, privacy_line};
pub use import::{ImportChoice, MAX_CSV_BYTES, import_into, import_preview};
pub use merge::{compare_lines, conflict_lines, diff_files, merge_files};
pub use overview::{overview, overview_lessons};

use crate::i18n::{Lang, tf};
use crate::storage;
use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Kompas: steer the Kwaliteitskompas cycles of a region (education and youth care).
#[derive(Parser, Debug)]
#[command(name = "kompas", version, about)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Cmd>,
    /// A project file (.ron) to open in the window.
    pub file: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Load and validate a project file, print what is still missing per cycle.
    /// Exit code 0 when the file loads, 1 with the error when it does not.
    Check {
        file: PathBuf,
        /// Language of the report: nl or en (default: from LANG, else nl).
        #[arg(long)]
        lang: Option<String>,
    },
    /// Export a cycle as a report: html (self-contained, printable), md, docx (Word) or csv; its
    /// figures as an Excel workbook: xlsx; or its results chain as a picture: svg or png.
    /// Refuses (exit code 2) when the file holds what looks like personal data, unless --force.
    Export {
        file: PathBuf,
        /// html, md, docx, csv, xlsx, svg or png.
        #[arg(long, default_value = "html")]
        format: String,
        /// The cycle, counted from 1 (default: the last).
        #[arg(long)]
        cycle: Option<usize>,
        /// The sections of the report, comma-separated, in any order (default: those chosen
        /// for this project in the window, else all). For html, md and docx; with csv,
        /// `ondersteuning` alone writes the support analysis per school instead of the indicators.
        #[arg(long, value_delimiter = ',', value_parser = clap::builder::PossibleValuesParser::new(
            crate::report::SectionKind::ALL.map(crate::report::SectionKind::key)
        ))]
        sections: Option<Vec<String>>,
        /// Instead of the report: the case brief of intervision session N (counted from 1),
        /// for html, md and docx. Participants' names are left out.
        #[arg(long, value_name = "N", conflicts_with_all = ["sections", "handout"])]
        brief: Option<usize>,
        /// Instead of the report: the handout of intervision session N (counted from 1), for
        /// html, md and docx. Participants' names are left out.
        #[arg(long, value_name = "N", conflicts_with = "sections")]
        handout: Option<usize>,
        /// Where to write the report.
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        #[arg(long)]
        lang: Option<String>,
        /// Export even when personal data seems to be in the file, and over an existing file
        /// of another format (never over a project file, a folder or a device).
        #[arg(long)]
        force: bool,
    },
    /// Import a CSV file of measurements. With --preview: show the layout and columns found,
    /// the rows that can be imported and every row that cannot, with its line number (nothing
    /// is changed; exit code 0 when the file reads as a table, 1 when it does not). With --into:
    /// add the rows to an indicator of a project and save it (atomically, the previous version
    /// kept as NAME.bak). Exit code 0 when saved, 1 when a file cannot be read or saved, 2 when
    /// refused (no such indicator, cycle or column; several regions and none chosen; no row
    /// to import).
    Import {
        /// The CSV file (also a CBS open data table, or Excel's "Unicode text").
        data: PathBuf,
        /// Only show what would be imported.
        #[arg(long, required_unless_present = "into", conflicts_with = "into")]
        preview: bool,
        /// The project file to add the measurements to.
        #[arg(long, requires = "indicator")]
        into: Option<PathBuf>,
        /// The indicator (its name) that gets the measurements.
        #[arg(long, requires = "into")]
        indicator: Option<String>,
        /// The cycle, counted from 1 (default: the last).
        #[arg(long, requires = "into")]
        cycle: Option<usize>,
        /// The value column: counted from 1, or its name (`Thuiszitters` for
        /// `Thuiszitters_1` and `Thuiszitters_2`). Default: the first column with numbers.
        #[arg(long)]
        column: Option<String>,
        /// The region code to import (e.g. GM0034): required when the file has several.
        #[arg(long)]
        region: Option<String>,
        #[arg(long)]
        lang: Option<String>,
    },
    /// Print the overview of a folder of region files: phase, model, scan averages, share of
    /// indicators on track, latest cycle. Files that fail are listed with their error.
    ///
    /// With --lessons: the lessons and interventions of every region in the folder (their
    /// project files and the `.kompaslessen` files they shared), with region, cycle or session,
    /// and step; with a word, only those that hold it (e.g. --lessons thuiszitters).
    /// Merge two copies of one region's project into OUT, three-way from their common
    /// ancestor BASE (an empty or unreadable BASE merges two-way). Exit code 0 when clean; 1
    /// with conflicts: OUT is then a valid project with our side of each conflict and the
    /// conflicts themselves, which the window asks about when OUT is opened. As git's merge
    /// driver: `git config merge.kompas.driver "kompas merge %O %A %B -o %A"` and
    /// `*.ron merge=kompas` in `.gitattributes`.
    Merge {
        base: PathBuf,
        ours: PathBuf,
        theirs: PathBuf,
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        #[arg(long)]
        lang: Option<String>,
    },
    /// Print what differs from project file A to project file B, item by item, in words.
    /// Exit code 0 when they hold the same, 1 when they differ.
    Diff {
        a: PathBuf,
        b: PathBuf,
        #[arg(long)]
        lang: Option<String>,
    },
    Overview {
        folder: PathBuf,
        #[arg(long, value_name = "WORD", num_args = 0..=1, default_missing_value = "")]
        lessons: Option<String>,
        #[arg(long)]
        lang: Option<String>,
    },
}

pub fn run(cmd: Cmd) -> ExitCode {
    let env_lang = std::env::var("LANG").ok();
    match cmd {
        Cmd::Export {
            file,
            format,
            cycle,
            sections,
            brief,
            handout,
            output,
            lang,
            force,
        } => {
            let lang = pick_lang(lang.as_deref(), env_lang.as_deref());
            let mut out = std::io::stdout().lock();
            let what = export::What {
                format: &format,
                cycle,
                sections: sections.map(|keys| {
                    crate::report::SectionKind::ALL
                        .into_iter()
                        .filter(|k| keys.iter().any(|x| x == k.key()))
                        .collect()
                }),
                paper: (brief.map(|n| (crate::report::Paper::Brief, n)))
                    .or(handout.map(|n| (crate::report::Paper::Handout, n))),
            };
            match export(&file, &what, &output, force, &mut out, lang) {
                Ok(()) => ExitCode::SUCCESS,
                Err((message, code)) => {
                    eprintln!("{message}");
                    ExitCode::from(code)
                }
            }
        }
        Cmd::Import {
            data,
            preview: _,
            into,
            indicator,
            cycle,
            column,
            region,
            lang,
        } => {
            let lang = pick_lang(lang.as_deref(), env_lang.as_deref());
            let mut out = std::io::stdout().lock();
            let choice = ImportChoice {
                column: column.as_deref(),
                region: region.as_deref(),
            };
            let result = match (&into, &indicator) {
                (Some(project), Some(name)) => {
                    import_into(&data, choice, project, name, cycle, &mut out, lang)
                }
                _ => import_preview(&data, choice, &mut out, lang).map_err(|m| (m, 1)),
            };
            match result {
                Ok(()) => ExitCode::SUCCESS,
                Err((message, code)) => {
                    eprintln!("{message}");
                    ExitCode::from(code)
                }
            }
        }
        Cmd::Overview {
            folder,
            lessons,
            lang,
        } => {
            let lang = pick_lang(lang.as_deref(), env_lang.as_deref());
            let mut out = std::io::stdout().lock();
            let done = match lessons {
                Some(word) => overview_lessons(&folder, &word, &mut out, lang),
                None => overview(&folder, &mut out, lang),
            };
            match done {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => {
                    eprintln!("{message}");
                    ExitCode::FAILURE
                }
            }
        }
        Cmd::Merge {
            base,
            ours,
            theirs,
            output,
            lang,
        } => {
            let lang = pick_lang(lang.as_deref(), env_lang.as_deref());
            let mut out = std::io::stdout().lock();
            match merge_files(&base, &ours, &theirs, &output, &mut out, lang) {
                Ok(true) => ExitCode::SUCCESS,
                Ok(false) => ExitCode::from(1),
                Err(message) => {
                    eprintln!("{message}");
                    ExitCode::from(2)
                }
            }
        }
        Cmd::Diff { a, b, lang } => {
            let lang = pick_lang(lang.as_deref(), env_lang.as_deref());
            let mut out = std::io::stdout().lock();
            match diff_files(&a, &b, &mut out, lang) {
                Ok(false) => ExitCode::SUCCESS,
                Ok(true) => ExitCode::from(1),
                Err(message) => {
                    eprintln!("{message}");
                    ExitCode::from(2)
                }
            }
        }
        Cmd::Check { file, lang } => {
            let lang = pick_lang(lang.as_deref(), env_lang.as_deref());
            let mut out = std::io::stdout().lock();
            match check(&file, &mut out, lang) {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => {
                    eprintln!("{message}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// The language asked for, or the one of the environment (`LANG=en_GB…` » English).
pub fn pick_lang(arg: Option<&str>, env: Option<&str>) -> Lang {
    match arg.or(env) {
        Some(s) if s.to_lowercase().starts_with("en") => Lang::En,
        _ => Lang::Nl,
    }
}

/// Loads a project, or says in the user's language why it does not load.
fn load(file: &Path, lang: Lang) -> Result<storage::Loaded, String> {
    storage::load(file).map_err(|e| {
        tf!(
            lang,
            "cli.load_failed",
            file = &file.display().to_string(),
            error = &e.message_in(lang)
        )
    })
}

/// The lines a command prints for the user. Printing is best effort: when a line cannot be
/// written (a full disk, a closed terminal), the first failure is logged with [`log::error!`]
/// (on the terminal's error stream; a reader that stopped reading, as `| head` does, only at
/// `info`) and the rest is skipped; the command's own result, and its exit code, stay what they
/// were.
struct Lines<'a> {
    out: &'a mut dyn Write,
    failed: bool,
}

impl<'a> Lines<'a> {
    fn new(out: &'a mut dyn Write) -> Self {
        Self { out, failed: false }
    }

    fn line(&mut self, text: impl std::fmt::Display) {
        if self.failed {
            return;
        }
        if let Err(e) = writeln!(self.out, "{text}") {
            self.failed = true;
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                // `kompas check FILE | head`: the reader has all it wanted
                log::info!("the reader of the output stopped reading; the rest is left out");
            } else {
                log::error!("could not print the command's output (the rest is left out): {e}");
            }
        }
    }
}
