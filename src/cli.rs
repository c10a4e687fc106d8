//! The command line: `kompas [FILE]`, `kompas check FILE`.

use crate::i18n::{Label, Lang, finding_text, set_lang, t, tf};
use crate::model::findings;
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
}

pub fn run(cmd: Cmd) -> ExitCode {
    match cmd {
        Cmd::Check { file, lang } => {
            set_lang(pick_lang(
                lang.as_deref(),
                std::env::var("LANG").ok().as_deref(),
            ));
            let mut out = std::io::stdout().lock();
            match check(&file, &mut out) {
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

/// Writes the check report of `file` to `out`; the error message when it does not load.
pub fn check(file: &Path, out: &mut dyn Write) -> Result<(), String> {
    let loaded = storage::load(file).map_err(|e| {
        tf(
            "cli.load_failed",
            &[
                ("file", &file.display().to_string()),
                ("error", &e.message()),
            ],
        )
    })?;
    let p = &loaded.project;
    let mut w = |s: String| {
        let _ = writeln!(out, "{s}");
    };
    w(tf(
        "cli.loaded",
        &[
            ("file", &file.display().to_string()),
            ("region", &p.region.name),
        ],
    ));
    for warning in &loaded.warnings {
        w(format!("! {}", warning.message()));
    }
    w(tf(
        "cli.counts",
        &[
            ("partners", &p.partners.len().to_string()),
            ("cycles", &p.cycles.len().to_string()),
        ],
    ));
    for c in &p.cycles {
        w(String::new());
        w(format!("{} ({} – {})", c.name, c.start, c.end));
        let list = findings(c);
        if list.is_empty() {
            w(format!("  ✔ {}", t("missing.none")));
        }
        for f in list {
            w(format!("  - [{}] {}", f.step.label(), finding_text(&f)));
        }
    }
    Ok(())
}
