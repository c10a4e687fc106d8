//! The command line: `kompas [FILE]`, `kompas check FILE`.

use crate::i18n::{Label, Lang, t, tf};
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
            let lang = pick_lang(lang.as_deref(), env_lang.as_deref());
            let mut out = std::io::stdout().lock();
            match export(&file, &format, cycle, &output, force, &mut out, lang) {
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
        Cmd::Overview { folder, lang } => {
            let lang = pick_lang(lang.as_deref(), env_lang.as_deref());
            let mut out = std::io::stdout().lock();
            match overview(&folder, &mut out, lang) {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => {
                    eprintln!("{message}");
                    ExitCode::FAILURE
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
    lang: Lang,
) -> Result<(), (String, u8)> {
    let format = crate::export::Format::parse(format)
        .ok_or_else(|| (tf!(lang, "cli.bad_format", format = format), 1))?;
    let refused = |why| {
        let e = storage::SaveError::Refused {
            path: output.to_path_buf(),
            why,
        };
        (e.message_in(lang), 2)
    };
    if let Some(why) = storage::guard::export_refusal_for(output, file) {
        return Err(refused(why));
    }
    let loaded = load(file, lang).map_err(|e| (e, 1))?;
    let p = &loaded.project;
    let count = p.cycles.len();
    let index = match cycle {
        Some(n) if (1..=count).contains(&n) => n - 1,
        Some(n) => {
            return Err((
                tf!(lang, "cli.no_cycle", n = &n.to_string(), count = count),
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
            tf!(lang, "cli.privacy", n = &findings.len().to_string())
        );
        for f in &findings {
            let _ = writeln!(out, "  ! {}", privacy_line(f, lang));
        }
        if !force {
            return Err((t!(lang, "cli.privacy_refused").to_owned(), 2));
        }
    }
    let text = crate::export::export(p, index, format, lang).map_err(|e| (e, 1))?;
    storage::write_export(output, text.as_bytes()).map_err(|e| match e {
        storage::SaveError::Refused { why, .. } => refused(why),
        e => (e.message_in(lang), 1),
    })?;
    let _ = writeln!(
        out,
        "{}",
        tf!(lang, "cli.exported", file = &output.display().to_string())
    );
    Ok(())
}

/// The largest CSV file read (the same as `MAX_CSV_BYTES` of the window's import).
pub const MAX_CSV_BYTES: u64 = 50 * 1024 * 1024;

/// The column and region asked for on the command line.
#[derive(Clone, Copy, Debug, Default)]
pub struct ImportChoice<'a> {
    /// Counted from 1, or a name (of a series or a header).
    pub column: Option<&'a str>,
    pub region: Option<&'a str>,
}

/// Reads `data` and sets the mapping to the choice. Errors carry the exit code: 1 when the
/// file cannot be read as a table, 2 when the column or region does not exist.
fn prepare_import(
    data: &Path,
    choice: ImportChoice,
    lang: Lang,
) -> Result<
    (
        crate::import::CsvTable,
        crate::import::Detected,
        crate::import::Mapping,
    ),
    (String, u8),
> {
    let failed = |error: String| {
        (
            tf!(
                lang,
                "cli.load_failed",
                file = &data.display().to_string(),
                error = &error
            ),
            1,
        )
    };
    let bytes = storage::guard::read_file(data, MAX_CSV_BYTES).map_err(|e| match e {
        storage::LoadError::TooLarge { .. } => failed(t!(lang, "import.too_large").to_owned()),
        e => failed(e.message_in(lang)),
    })?;
    let name = data.to_string_lossy();
    let table = crate::import::read_file_table(&name, &bytes)
        .map_err(|e| failed(t!(lang, e.key()).to_owned()))?;
    let detected = crate::import::detect(&table);
    let mut mapping = detected.mapping.clone();
    if let Some(col) = choice.column {
        let width = table.headers.len();
        let no_column = || (tf!(lang, "cli.no_column", n = col, count = width), 2);
        let named = |name: &str| name.trim().eq_ignore_ascii_case(col.trim());
        if let Some(s) = detected.series.iter().find(|s| named(&s.name)) {
            mapping.choose_series(s);
        } else if let Some(k) = table.headers.iter().position(|h| named(h)) {
            mapping.value_column = k;
            mapping.more_value_columns.clear();
        } else {
            let k: usize = col.trim().parse().map_err(|_| no_column())?;
            if !(1..=width).contains(&k) {
                return Err(no_column());
            }
            match detected.series_of(k - 1) {
                Some(s) => mapping.choose_series(s),
                None => {
                    mapping.value_column = k - 1;
                    mapping.more_value_columns.clear();
                }
            }
        }
    }
    if let Some(code) = choice.region {
        let code = code.trim();
        if !detected
            .regions
            .iter()
            .any(|r| r.eq_ignore_ascii_case(code))
        {
            return Err((
                tf!(
                    lang,
                    "cli.no_region",
                    region = code,
                    regions = &detected.regions.join(", ")
                ),
                2,
            ));
        }
        mapping.region = detected
            .regions
            .iter()
            .find(|r| r.eq_ignore_ascii_case(code))
            .cloned();
    }
    Ok((table, detected, mapping))
}

/// Prints what importing `data` would do: layout, columns, the rows and the problems per line.
pub fn import_preview(
    data: &Path,
    choice: ImportChoice,
    out: &mut dyn Write,
    lang: Lang,
) -> Result<(), String> {
    let (table, detected, mapping) = prepare_import(data, choice, lang).map_err(|(m, _)| m)?;
    let preview = crate::import::apply(&table, &mapping);
    print_import(&table, &detected, &mapping, &preview, out, lang);
    Ok(())
}

/// Adds the rows of `data` to the indicator `name` of a cycle of `project` and saves it as the
/// window does (atomically, the previous version kept as NAME.bak); a measurement with the
/// same date is replaced. Errors carry the exit code (see [`Cmd::Import`]).
pub fn import_into(
    data: &Path,
    choice: ImportChoice,
    project: &Path,
    name: &str,
    cycle: Option<usize>,
    out: &mut dyn Write,
    lang: Lang,
) -> Result<(), (String, u8)> {
    let mut loaded = load(project, lang).map_err(|e| (e, 1))?;
    let (table, detected, mapping) = prepare_import(data, choice, lang)?;
    let p = &mut loaded.project;
    let count = p.cycles.len();
    let index = match cycle {
        Some(n) if (1..=count).contains(&n) => n - 1,
        Some(n) => {
            return Err((
                tf!(lang, "cli.no_cycle", n = &n.to_string(), count = count),
                2,
            ));
        }
        None => count.saturating_sub(1),
    };
    let wanted = name.trim().to_lowercase();
    let found: Vec<crate::model::Id> = p
        .cycles
        .get(index)
        .map(|c| {
            c.outcomes
                .iter()
                .flat_map(|o| o.indicators.iter())
                .filter(|i| i.name.trim().to_lowercase() == wanted)
                .map(|i| i.id)
                .collect()
        })
        .unwrap_or_default();
    let indicator = match found.as_slice() {
        [one] => *one,
        _ => {
            return Err((
                if found.is_empty() {
                    tf!(lang, "cli.no_indicator", name = name, n = index + 1)
                } else {
                    tf!(lang, "cli.several_indicators", name = name, n = index + 1)
                },
                2,
            ));
        }
    };
    let preview = crate::import::apply(&table, &mapping);
    print_import(&table, &detected, &mapping, &preview, out, lang);
    if preview.needs_region {
        return Err((t!(lang, "cli.needs_region").to_owned(), 2));
    }
    if preview.rows.is_empty() {
        return Err((t!(lang, "cli.nothing_to_import").to_owned(), 2));
    }
    let mut next = p.next_id;
    let (added, replaced) = match p.cycles.get_mut(index) {
        Some(c) => {
            let rows = preview
                .rows
                .iter()
                .map(|r| (r.date, r.value, r.source.clone()));
            c.add_measurements(indicator, rows, true, || {
                next += 1;
                crate::model::Id(next - 1)
            })
        }
        None => (0, 0),
    };
    p.next_id = next;
    storage::save(project, p).map_err(|e| (e.message_in(lang), 1))?;
    let _ = writeln!(
        out,
        "{}",
        tf!(
            lang,
            "import.done",
            added = &added.to_string(),
            replaced = &replaced.to_string()
        )
    );
    let _ = writeln!(
        out,
        "{}",
        tf!(lang, "cli.exported", file = &project.display().to_string())
    );
    Ok(())
}

fn print_import(
    table: &crate::import::CsvTable,
    detected: &crate::import::Detected,
    mapping: &crate::import::Mapping,
    preview: &crate::import::ImportPreview,
    out: &mut dyn Write,
    lang: Lang,
) {
    let mut w = |s: String| {
        let _ = writeln!(out, "{s}");
    };
    w(t!(
        lang,
        match detected.layout {
            crate::import::Layout::StatLine => crate::i18n::key!("import.layout_statline"),
            crate::import::Layout::Simple => crate::i18n::key!("import.layout_simple"),
        }
    )
    .to_owned());
    let name = |k: usize| table.headers.get(k).cloned().unwrap_or_default();
    w(format!(
        "{}: {}",
        t!(lang, "import.date_column"),
        name(mapping.date_column)
    ));
    let value = match detected.series_of(mapping.value_column) {
        Some(s) if s.columns.len() > 1 => {
            let cols: Vec<String> = s.columns.iter().map(|k| name(*k)).collect();
            format!("{} ({})", s.name, cols.join(", "))
        }
        _ => name(mapping.value_column),
    };
    w(format!("{}: {value}", t!(lang, "import.value_column")));
    if let Some(k) = mapping.source_column {
        w(format!("{}: {}", t!(lang, "import.source_column"), name(k)));
    }
    if let Some(r) = &mapping.region {
        w(format!(
            "{}: {}",
            t!(lang, "import.region"),
            detected.region_label(r)
        ));
    }
    if preview.needs_region {
        w(t!(lang, "import.needs_region").to_owned());
        let labels: Vec<String> = detected
            .regions
            .iter()
            .map(|r| detected.region_label(r))
            .collect();
        w(format!("  {}", labels.join(", ")));
    }
    w(String::new());
    w(tf!(lang, "import.summary", n = preview.rows.len()));
    for r in &preview.rows {
        let row = format!(
            "  {} {:>6}  {}  {:>12}  {}",
            t!(lang, "import.line"),
            r.line,
            lang.fmt_date(r.date),
            lang.fmt_number(r.value),
            r.source
        );
        w(row.trim_end().to_owned());
    }
    if preview.other_region > 0 {
        w(tf!(lang, "import.other_region", n = preview.other_region));
    }
    if !preview.problems.is_empty() {
        w(String::new());
        w(tf!(lang, "import.problems", n = preview.problems.len()));
        for p in &preview.problems {
            w(format!("  ! {}", crate::ui::steps::problem_text(p)));
        }
    }
}

/// Prints the overview of a folder of region files.
pub fn overview(folder: &Path, out: &mut dyn Write, lang: Lang) -> Result<(), String> {
    let o = crate::overview::load_folder(folder, lang).map_err(|e| {
        tf!(
            lang,
            "cli.folder_failed",
            folder = &folder.display().to_string(),
            error = &e.to_string()
        )
    })?;
    let num = |v: Option<f64>| {
        v.map(|v| lang.fmt_number((v * 10.0).round() / 10.0))
            .unwrap_or_else(|| "–".into())
    };
    let _ = writeln!(
        out,
        "{:<36} {:<12} {:<14} {:>6} {:>7} {:>9}  {}",
        t!(lang, "overview.region"),
        t!(lang, "analysis.phase"),
        t!(lang, "analysis.model"),
        t!(lang, "overview.wf_short"),
        t!(lang, "overview.borging_short"),
        t!(lang, "overview.on_track_short"),
        t!(lang, "overview.cycle")
    );
    for r in &o.rows {
        let name: String = r.region.chars().take(35).collect();
        let _ = writeln!(
            out,
            "{:<36} {:<12} {:<14} {:>6} {:>7} {:>9}  {}",
            name,
            r.phase.map(|x| x.label_in(lang)).unwrap_or("–"),
            r.model.map(|x| x.label_in(lang)).unwrap_or("–"),
            num(r.working_factors),
            num(r.borging),
            r.on_track
                .map(|v| format!("{:.0}%", v * 100.0))
                .unwrap_or_else(|| "–".into()),
            r.cycle
                .as_ref()
                .map(|(n, s, e)| format!("{n} ({} – {})", lang.fmt_date(*s), lang.fmt_date(*e)))
                .unwrap_or_default()
        );
    }
    if !o.failed.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(out, "{}", tf!(lang, "overview.failed", n = o.failed.len()));
        for f in &o.failed {
            let name = f
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let _ = writeln!(out, "  ! {name}: {}", f.error.replace('\n', " "));
        }
    }
    let _ = writeln!(out, "{}", tf!(lang, "overview.count", n = o.rows.len()));
    Ok(())
}

/// "Cyclus 2024 › Analyse › signaal [cycles[0].analysis.signals[3].text]: lijkt een BSN (12•••••89)"
pub fn privacy_line(f: &crate::privacy::Finding, lang: Lang) -> String {
    let mut place: Vec<String> = Vec::new();
    place.extend(f.cycle.clone());
    place.extend(f.step.map(|s| s.label_in(lang).to_owned()));
    place.push(format!("{} [{}]", t!(lang, f.field), f.path));
    format!(
        "{}: {} ({})",
        place.join(" › "),
        crate::i18n::privacy_text_in(lang, f.kind),
        f.masked
    )
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

/// Writes the check report of `file` to `out`; the error message when it does not load.
pub fn check(file: &Path, out: &mut dyn Write, lang: Lang) -> Result<(), String> {
    let loaded = load(file, lang)?;
    let p = &loaded.project;
    let mut w = |s: String| {
        let _ = writeln!(out, "{s}");
    };
    w(tf!(
        lang,
        "cli.loaded",
        file = &file.display().to_string(),
        region = &p.region.name
    ));
    for warning in &loaded.warnings {
        w(format!("! {}", warning.message_in(lang)));
    }
    w(tf!(
        lang,
        "cli.counts",
        partners = tf!(lang, "cli.partners", n = p.partners.len()),
        cycles = tf!(lang, "cli.cycles", n = p.cycles.len())
    ));
    let privacy = crate::privacy::scan_project(p);
    if !privacy.is_empty() {
        w(String::new());
        w(tf!(lang, "cli.privacy", n = &privacy.len().to_string()));
        for f in &privacy {
            w(format!("  ! {}", privacy_line(f, lang)));
        }
    }
    for c in &p.cycles {
        w(String::new());
        w(format!("{} ({} – {})", c.name, c.start, c.end));
        let list = findings(c);
        if list.is_empty() {
            w(format!("  ✔ {}", t!(lang, "missing.none")));
        }
        for f in list {
            w(format!(
                "  - [{}] {}",
                f.step.label_in(lang),
                crate::i18n::finding_text_in(lang, &f)
            ));
        }
    }
    Ok(())
}
