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
    /// Export a cycle as a report: html (self-contained, printable), md or csv.
    /// Refuses (exit code 2) when the file holds what looks like personal data, unless --force.
    Export {
        file: PathBuf,
        /// html, md or csv.
        #[arg(long, default_value = "html")]
        format: String,
        /// The cycle, counted from 1 (default: the last).
        #[arg(long)]
        cycle: Option<usize>,
        /// Where to write the report.
        #[arg(short = 'o', long = "output")]
        output: PathBuf,
        #[arg(long)]
        lang: Option<String>,
        /// Export even when personal data seems to be in the file.
        #[arg(long)]
        force: bool,
    },
    /// Show what importing a CSV file of measurements would do: the layout and columns found,
    /// the rows that can be imported and every row that cannot, with its line number. Nothing
    /// is changed (importing into a project happens in the window). Exit code 0 when the file
    /// reads as a table, 1 when it does not.
    Import {
        /// The CSV file (also a CBS StatLine export, or Excel's "Unicode text").
        data: PathBuf,
        /// Only show what would be imported (the one mode: required).
        #[arg(long, required = true)]
        preview: bool,
        /// The value column, counted from 1 (default: the first column with numbers).
        #[arg(long)]
        column: Option<usize>,
        #[arg(long)]
        lang: Option<String>,
    },
    /// Print the overview of a folder of region files: phase, model, scan averages, share of
    /// indicators on track, latest cycle. Files that fail are listed with their error.
    Overview {
        folder: PathBuf,
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
            output,
            lang,
            force,
        } => {
            set_lang(pick_lang(lang.as_deref(), env_lang.as_deref()));
            let mut out = std::io::stdout().lock();
            match export(&file, &format, cycle, &output, force, &mut out) {
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
            column,
            lang,
        } => {
            set_lang(pick_lang(lang.as_deref(), env_lang.as_deref()));
            let mut out = std::io::stdout().lock();
            match import_preview(&data, column, &mut out) {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => {
                    eprintln!("{message}");
                    ExitCode::FAILURE
                }
            }
        }
        Cmd::Overview { folder, lang } => {
            set_lang(pick_lang(lang.as_deref(), env_lang.as_deref()));
            let mut out = std::io::stdout().lock();
            match overview(&folder, &mut out) {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => {
                    eprintln!("{message}");
                    ExitCode::FAILURE
                }
            }
        }
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

/// Writes a cycle of `file` as a report to `output`. Errors carry the exit code: 1 when the
/// file does not load or cannot be written, 2 when personal data was found (and no `force`),
/// and 2 when `output` is the input file, another project file, a folder, a device or anything
/// else that is not a regular file (nothing is written; `--force` does not change that).
pub fn export(
    file: &Path,
    format: &str,
    cycle: Option<usize>,
    output: &Path,
    force: bool,
    out: &mut dyn Write,
) -> Result<(), (String, u8)> {
    let format = crate::export::Format::parse(format)
        .ok_or_else(|| (tf("cli.bad_format", &[("format", format)]), 1))?;
    let refused = |why| {
        let e = storage::SaveError::Refused {
            path: output.to_path_buf(),
            why,
        };
        (e.message(), 2)
    };
    if let Some(why) = storage::guard::export_refusal_for(output, file) {
        return Err(refused(why));
    }
    let loaded = load(file).map_err(|e| (e, 1))?;
    let p = &loaded.project;
    let count = p.cycles.len();
    let index = match cycle {
        Some(n) if (1..=count).contains(&n) => n - 1,
        Some(n) => {
            return Err((
                tf(
                    "cli.no_cycle",
                    &[("n", &n.to_string()), ("count", &count.to_string())],
                ),
                1,
            ));
        }
        None => count.saturating_sub(1),
    };
    let findings = crate::privacy::scan_project(p);
    if !findings.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            tf("cli.privacy", &[("n", &findings.len().to_string())])
        );
        for f in &findings {
            let _ = writeln!(out, "  ! {}", privacy_line(f));
        }
        if !force {
            return Err((t("cli.privacy_refused").to_owned(), 2));
        }
    }
    let text = crate::export::export(p, index, format).map_err(|e| (e, 1))?;
    storage::write_export(output, text.as_bytes()).map_err(|e| match e {
        storage::SaveError::Refused { why, .. } => refused(why),
        e => (e.message(), 1),
    })?;
    let _ = writeln!(
        out,
        "{}",
        tf("cli.exported", &[("file", &output.display().to_string())])
    );
    Ok(())
}

/// The largest CSV file read (the same as `MAX_CSV_BYTES` of the window's import).
pub const MAX_CSV_BYTES: u64 = 50 * 1024 * 1024;

/// Prints what importing `data` would do: layout, columns, the rows and the problems per line.
pub fn import_preview(
    data: &Path,
    column: Option<usize>,
    out: &mut dyn Write,
) -> Result<(), String> {
    let failed = |error: String| {
        tf(
            "cli.load_failed",
            &[("file", &data.display().to_string()), ("error", &error)],
        )
    };
    let bytes = storage::guard::read_file(data, MAX_CSV_BYTES).map_err(|e| match e {
        storage::LoadError::TooLarge { .. } => failed(t("import.too_large").to_owned()),
        e => failed(e.message()),
    })?;
    let table = crate::import::read_table(&bytes).map_err(|e| {
        failed(
            match e {
                crate::import::ImportError::Empty => t("import.empty"),
                crate::import::ImportError::NoColumns => t("import.no_columns"),
            }
            .to_owned(),
        )
    })?;
    let detected = crate::import::detect(&table);
    let mut mapping = detected.mapping.clone();
    if let Some(k) = column {
        if !(1..=table.headers.len()).contains(&k) {
            return Err(tf(
                "cli.no_column",
                &[
                    ("n", &k.to_string()),
                    ("count", &table.headers.len().to_string()),
                ],
            ));
        }
        mapping.value_column = k - 1;
    }
    let preview = crate::import::apply(&table, &mapping);
    let mut w = |s: String| {
        let _ = writeln!(out, "{s}");
    };
    w(t(match detected.layout {
        crate::import::Layout::StatLine => "import.layout_statline",
        crate::import::Layout::Simple => "import.layout_simple",
    })
    .to_owned());
    let name = |k: usize| table.headers.get(k).cloned().unwrap_or_default();
    w(format!(
        "{}: {}",
        t("import.date_column"),
        name(mapping.date_column)
    ));
    w(format!(
        "{}: {}",
        t("import.value_column"),
        name(mapping.value_column)
    ));
    if let Some(k) = mapping.source_column {
        w(format!("{}: {}", t("import.source_column"), name(k)));
    }
    if let Some(r) = &mapping.region {
        w(format!("{}: {r}", t("import.region")));
    }
    w(String::new());
    w(tf(
        "import.summary",
        &[("n", &preview.rows.len().to_string())],
    ));
    for r in &preview.rows {
        let row = format!(
            "  {} {:>6}  {}  {:>12}  {}",
            t("import.line"),
            r.line,
            crate::i18n::fmt_date(r.date),
            crate::i18n::fmt_number(r.value),
            r.source
        );
        w(row.trim_end().to_owned());
    }
    if preview.other_region > 0 {
        w(tf(
            "import.other_region",
            &[("n", &preview.other_region.to_string())],
        ));
    }
    if !preview.problems.is_empty() {
        w(String::new());
        w(tf(
            "import.problems",
            &[("n", &preview.problems.len().to_string())],
        ));
        for p in &preview.problems {
            w(format!("  ! {}", crate::ui::steps::problem_text(p)));
        }
    }
    Ok(())
}

/// Prints the overview of a folder of region files.
pub fn overview(folder: &Path, out: &mut dyn Write) -> Result<(), String> {
    let o = crate::overview::load_folder(folder).map_err(|e| {
        tf(
            "cli.folder_failed",
            &[
                ("folder", &folder.display().to_string()),
                ("error", &e.to_string()),
            ],
        )
    })?;
    let num = |v: Option<f64>| {
        v.map(|v| crate::i18n::fmt_number((v * 10.0).round() / 10.0))
            .unwrap_or_else(|| "–".into())
    };
    let _ = writeln!(
        out,
        "{:<36} {:<12} {:<14} {:>6} {:>7} {:>9}  {}",
        t("overview.region"),
        t("analysis.phase"),
        t("analysis.model"),
        t("overview.wf_short"),
        t("overview.borging_short"),
        t("overview.on_track_short"),
        t("overview.cycle")
    );
    for r in &o.rows {
        let name: String = r.region.chars().take(35).collect();
        let _ = writeln!(
            out,
            "{:<36} {:<12} {:<14} {:>6} {:>7} {:>9}  {}",
            name,
            r.phase.map(|x| x.label()).unwrap_or("–"),
            r.model.map(|x| x.label()).unwrap_or("–"),
            num(r.working_factors),
            num(r.borging),
            r.on_track
                .map(|v| format!("{:.0}%", v * 100.0))
                .unwrap_or_else(|| "–".into()),
            r.cycle
                .as_ref()
                .map(|(n, s, e)| format!(
                    "{n} ({} – {})",
                    crate::i18n::fmt_date(*s),
                    crate::i18n::fmt_date(*e)
                ))
                .unwrap_or_default()
        );
    }
    if !o.failed.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "{}",
            tf("overview.failed", &[("n", &o.failed.len().to_string())])
        );
        for f in &o.failed {
            let name = f
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let _ = writeln!(out, "  ! {name}: {}", f.error.replace('\n', " "));
        }
    }
    let _ = writeln!(
        out,
        "{}",
        tf("overview.count", &[("n", &o.rows.len().to_string())])
    );
    Ok(())
}

/// "Cyclus 2024 › Analyse › signaal [cycles[0].analysis.signals[3].text]: lijkt een BSN (12•••••89)"
pub fn privacy_line(f: &crate::privacy::Finding) -> String {
    let mut place: Vec<String> = Vec::new();
    place.extend(f.cycle.clone());
    place.extend(f.step.map(|s| s.label().to_owned()));
    place.push(format!("{} [{}]", t(f.field), f.path));
    format!(
        "{}: {} ({})",
        place.join(" › "),
        crate::i18n::privacy_text(f.kind),
        f.masked
    )
}

/// Loads a project, or says in the user's language why it does not load.
fn load(file: &Path) -> Result<storage::Loaded, String> {
    storage::load(file).map_err(|e| {
        tf(
            "cli.load_failed",
            &[
                ("file", &file.display().to_string()),
                ("error", &e.message()),
            ],
        )
    })
}

/// Writes the check report of `file` to `out`; the error message when it does not load.
pub fn check(file: &Path, out: &mut dyn Write) -> Result<(), String> {
    let loaded = load(file)?;
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
    let privacy = crate::privacy::scan_project(p);
    if !privacy.is_empty() {
        w(String::new());
        w(tf("cli.privacy", &[("n", &privacy.len().to_string())]));
        for f in &privacy {
            w(format!("  ! {}", privacy_line(f)));
        }
    }
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
