//! `kompas import`: a CSV or workbook file of measurements, previewed or added to an
//! indicator of a project.

use super::{Lines, load};
use crate::i18n::Lang;
use crate::i18n::{t, tf};
use crate::storage;
use std::io::Write;
use std::path::Path;

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
    let mut out = Lines::new(out);
    let (table, detected, mapping) = prepare_import(data, choice, lang).map_err(|(m, _)| m)?;
    let preview = crate::import::apply(&table, &mapping);
    print_import(&table, &detected, &mapping, &preview, &mut out, lang);
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
    let mut out = Lines::new(out);
    let mut loaded = load(project, lang).map_err(|e| (e, 1))?;
    let (table, detected, mut mapping) = prepare_import(data, choice, lang)?;
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
    let found: Vec<(crate::model::Id, bool)> = p
        .cycles
        .get(index)
        .map(|c| {
            c.outcomes
                .iter()
                .flat_map(|o| o.indicators.iter())
                .filter(|i| i.name.trim().to_lowercase() == wanted)
                .map(|i| (i.id, i.is_count_of_people()))
                .collect()
        })
        .unwrap_or_default();
    let indicator = match found.as_slice() {
        [(one, counts_people)] => {
            mapping.counts_people = *counts_people;
            *one
        }
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
    print_import(&table, &detected, &mapping, &preview, &mut out, lang);
    if preview.needs_region {
        return Err((t!(lang, "cli.needs_region").to_owned(), 2));
    }
    if preview.rows.is_empty() {
        return Err((t!(lang, "cli.nothing_to_import").to_owned(), 2));
    }
    let ids = &mut p.ids;
    let (added, replaced) = match p.cycles.get_mut(index) {
        Some(c) => {
            let rows = preview
                .rows
                .iter()
                .map(|r| (r.date, r.value, r.source.clone()));
            c.add_measurements(indicator, rows, true, || ids.next_id())
        }
        None => (0, 0),
    };
    storage::save(project, p).map_err(|e| (e.message_in(lang), 1))?;
    out.line(tf!(
        lang,
        "import.done",
        added = added,
        replaced = &replaced.to_string()
    ));
    out.line(tf!(
        lang,
        "cli.exported",
        file = &project.display().to_string()
    ));
    Ok(())
}

fn print_import(
    table: &crate::import::CsvTable,
    detected: &crate::import::Detected,
    mapping: &crate::import::Mapping,
    preview: &crate::import::ImportPreview,
    out: &mut Lines,
    lang: Lang,
) {
    let mut w = |s: String| out.line(s);
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
    for n in &preview.notes {
        w(n.text(lang));
    }
    if !preview.problems.is_empty() {
        w(String::new());
        w(tf!(lang, "import.problems", n = preview.problems.len()));
        for p in &preview.problems {
            w(format!("  ! {}", p.text(lang)));
        }
    }
}
