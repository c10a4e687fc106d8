//! Reading indicator measurements from CSV: a simple `date,value[,source]` layout and the CBS
//! StatLine export layout (`Perioden` codes such as `2021JJ00`, `RegioS` codes such as
//! `GM0344`, one or more value columns). No egui here: the window shows a preview of what
//! [`read_table`], [`detect`] and [`apply`] produce, and imports only when the user confirms.
//!
//! Nothing here panics on input: every row that cannot be read becomes a [`RowProblem`] with
//! its line number.

use crate::i18n::key;
use chrono::NaiveDate;

/// The file as a table of text cells.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvTable {
    pub delimiter: u8,
    /// Column names: the header row, or "1", "2", … when the file has none.
    pub headers: Vec<String>,
    pub has_header: bool,
    pub rows: Vec<CsvRow>,
    /// Lines that could not be split into cells at all.
    pub problems: Vec<RowProblem>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CsvRow {
    /// 1-based line number in the file.
    pub line: usize,
    pub cells: Vec<String>,
}

/// Why a file could not be read as a table at all.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    #[error("no rows with at least two columns")]
    NoColumns,
    /// A table as StatLine's web page shows it (title lines, periods and regions as header
    /// rows, a `Bron: CBS` footer): not one row per measurement. The CSV "Tabel met de
    /// dataset" / "Ongeformatteerd" download of the same table can be read.
    #[error("a StatLine web table (title lines, pivoted header, 'Bron: CBS' footer)")]
    StatLineWebTable,
    /// A spreadsheet that cannot be opened (damaged, encrypted, or not one).
    #[error("the spreadsheet cannot be read: {0}")]
    Workbook(String),
}

impl ImportError {
    /// The key of the interface text that explains the error.
    pub fn key(&self) -> crate::i18n::Key {
        match self {
            Self::Empty => key!("import.empty"),
            Self::NoColumns => key!("import.no_columns"),
            Self::StatLineWebTable => key!("import.statline_web_table"),
            Self::Workbook(_) => key!("import.workbook"),
        }
    }
}

/// A row that was not imported, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct RowProblem {
    pub line: usize,
    pub issue: RowIssue,
}

#[derive(Clone, Debug, PartialEq)]
pub enum RowIssue {
    /// The cell in the date column is not a date or period.
    BadDate(String),
    /// The cell in the value column is not a number (or not finite, or absurdly large).
    BadValue(String),
    /// `1.250` or `1,250` in a column that shows no convention elsewhere: 1250 or 1.25?
    AmbiguousValue(String),
    /// The value is empty or marked unknown (`.`, `-`, `x`).
    MissingValue,
    /// The row has fewer cells than the mapping needs.
    TooFewColumns,
    /// The CSV reader could not split the line (e.g. an unclosed quote).
    Unreadable(String),
    /// More than one of the columns of one indicator has a value in this row (CBS spreads an
    /// indicator over columns `Name_1`, `Name_2`, … and fills one per row): which is meant?
    SeveralValues(Vec<String>),
}

/// Which layout the file has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// `date,value[,source]`, with or without a header.
    Simple,
    /// A CBS open data table (StatLine's "Tabel met de dataset" CSV): a `Perioden` column or
    /// a column of region codes (`GM0034`, `WK003401`, …), and value columns.
    StatLine,
}

/// Which columns mean what.
#[derive(Clone, Debug, PartialEq)]
pub struct Mapping {
    pub date_column: usize,
    pub value_column: usize,
    /// More columns of the same indicator (`Thuiszitters_2` beside `Thuiszitters_1`): a row's
    /// value is the one of these columns and `value_column` that it fills.
    pub more_value_columns: Vec<usize>,
    /// A column with the source of each row; else `source_text` is used.
    pub source_column: Option<usize>,
    pub source_text: String,
    /// The column with region codes, and the region to keep (trimmed, e.g. `GM0344`).
    pub region_column: Option<usize>,
    pub region: Option<String>,
}

/// What [`detect`] makes of a table: the layout, a first mapping, and the choices to offer.
#[derive(Clone, Debug, PartialEq)]
pub struct Detected {
    pub layout: Layout,
    pub mapping: Mapping,
    /// Columns that hold numbers in most rows: the candidates for the value column.
    pub value_columns: Vec<usize>,
    /// The indicators to offer: value columns grouped by their name without CBS's numeric
    /// suffix (`Thuiszitters_1` and `Thuiszitters_2` are one series, `Thuiszitters`).
    pub series: Vec<Series>,
    /// The distinct region codes (trimmed), gemeenten first, else in order of appearance.
    pub regions: Vec<String>,
    /// The name beside each code in `regions` (from a column such as `Gemeentenaam_1`), or
    /// empty.
    pub region_names: Vec<String>,
}

/// One indicator in a table: its name and the columns that hold it.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub columns: Vec<usize>,
}

impl Detected {
    /// The series whose first column is `column`, if any.
    pub fn series_of(&self, column: usize) -> Option<&Series> {
        self.series
            .iter()
            .find(|s| s.columns.first() == Some(&column))
    }

    /// `GM0034 Almere`, or the code alone.
    pub fn region_label(&self, code: &str) -> String {
        let name = self
            .regions
            .iter()
            .position(|r| r == code)
            .and_then(|k| self.region_names.get(k))
            .filter(|n| !n.is_empty());
        match name {
            Some(n) => format!("{code} {n}"),
            None => code.to_owned(),
        }
    }
}

impl Mapping {
    /// Sets the value column to the series' columns.
    pub fn choose_series(&mut self, series: &Series) {
        if let Some((first, rest)) = series.columns.split_first() {
            self.value_column = *first;
            self.more_value_columns = rest.to_vec();
        }
    }
}

/// One row that can be imported.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportRow {
    pub line: usize,
    pub date: NaiveDate,
    pub value: f64,
    pub source: String,
}

/// The result of applying a mapping: what can be imported and what cannot.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportPreview {
    pub rows: Vec<ImportRow>,
    pub problems: Vec<RowProblem>,
    /// Rows of other regions than the chosen one (not problems: just not wanted).
    pub other_region: usize,
    /// The table holds several regions and none is chosen: nothing is imported, since rows
    /// of several regions never go into one series.
    pub needs_region: bool,
}

/// Reads bytes as a CSV table. Accepts UTF-8 (with or without BOM), UTF-16 (with a BOM, or
/// without one when every other byte of the start is zero: Excel's "Unicode text") and, failing
/// that, reads the bytes as Windows-1252/Latin-1 (what Excel on Windows writes). The delimiter (`;`, `,`
/// or tab) is the one that splits the first lines most consistently.
pub fn read_table(bytes: &[u8]) -> Result<CsvTable, ImportError> {
    let text = decode(bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if is_statline_web_table(text) {
        return Err(ImportError::StatLineWebTable);
    }
    let delimiter = sniff_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut records: Vec<CsvRow> = Vec::new();
    let mut problems = Vec::new();
    let mut lines = Lines::new(text);
    for result in reader.records() {
        match result {
            Ok(rec) => {
                let line = rec.position().map_or(0, |p| lines.at(p.byte()));
                let cells: Vec<String> = rec.iter().map(str::to_owned).collect();
                if cells.iter().all(|c| c.is_empty()) {
                    continue;
                }
                records.push(CsvRow { line, cells });
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| lines.at(p.byte()));
                problems.push(RowProblem {
                    line,
                    issue: RowIssue::Unreadable(e.to_string()),
                });
            }
        }
    }
    table_from_rows(delimiter, records, problems)
}

/// Whether `name` is a spreadsheet that [`read_workbook`] reads (`.xlsx`, `.xlsm`, `.ods`).
pub fn is_workbook(name: &str) -> bool {
    let lower = name.to_lowercase();
    [".xlsx", ".xlsm", ".ods"]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// A table from a file: a workbook when its name says so, else CSV.
pub fn read_file_table(name: &str, bytes: &[u8]) -> Result<CsvTable, ImportError> {
    if is_workbook(name) {
        read_workbook(bytes)
    } else {
        read_table(bytes)
    }
}

/// Reads the first sheet with cells of an Excel (`.xlsx`) or OpenDocument (`.ods`) file as a
/// table; its rows keep their spreadsheet row numbers as line numbers. Date cells become
/// dates (`2024-12-31`), numbers are written so that [`apply`] reads them as they are.
pub fn read_workbook(bytes: &[u8]) -> Result<CsvTable, ImportError> {
    use calamine::{Data, Reader};
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| ImportError::Workbook(e.to_string()))?;
    let names = book.sheet_names();
    let mut range = None;
    for name in names {
        if let Ok(r) = book.worksheet_range(&name)
            && !r.is_empty()
        {
            range = Some(r);
            break;
        }
    }
    let Some(range) = range else {
        return Err(ImportError::Empty);
    };
    let first_row = range.start().map_or(0, |(r, _)| r as usize);
    let first_col = range.start().map_or(0, |(_, c)| c as usize);
    let mut records = Vec::new();
    for (k, row) in range.rows().enumerate() {
        let mut cells: Vec<String> = vec![String::new(); first_col];
        cells.extend(row.iter().map(|cell| match cell {
            Data::Int(i) => i.to_string(),
            Data::Float(f) => number_text(*f),
            Data::String(s) | Data::DateTimeIso(s) => s.trim().to_owned(),
            Data::Bool(b) => b.to_string(),
            Data::DateTime(d) if d.is_datetime() => {
                let (y, m, day, ..) = d.to_ymd_hms_milli();
                format!("{y:04}-{m:02}-{day:02}")
            }
            Data::DateTime(d) => number_text(d.as_f64()),
            Data::DurationIso(s) => s.clone(),
            Data::Error(_) | Data::Empty => String::new(),
        }));
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        records.push(CsvRow {
            line: first_row + k + 1,
            cells,
        });
    }
    if records.is_empty() {
        return Err(ImportError::Empty);
    }
    table_from_rows(b'\t', records, Vec::new())
}

/// A spreadsheet number as text that [`crate::i18n::read_number`] reads back as that number:
/// a decimal point, and never exactly three decimals (`12.345` could be twelve thousand).
fn number_text(f: f64) -> String {
    let mut s = f.to_string();
    if let Some((_, decimals)) = s.split_once('.')
        && decimals.len() == 3
    {
        s.push('0');
    }
    s
}

fn table_from_rows(
    delimiter: u8,
    mut records: Vec<CsvRow>,
    problems: Vec<RowProblem>,
) -> Result<CsvTable, ImportError> {
    let width = records.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    if width < 2 {
        return Err(ImportError::NoColumns);
    }
    let has_header = records
        .first()
        .is_some_and(|r| r.cells.iter().all(|c| !looks_numeric(c)));
    let headers = if has_header {
        let mut h = records.remove(0).cells;
        h.resize(width, String::new());
        h
    } else {
        (1..=width).map(|k| k.to_string()).collect()
    };
    Ok(CsvTable {
        delimiter,
        headers,
        has_header,
        rows: records,
        problems,
    })
}

/// Line numbers of records, read in order: the text is counted once, from where the previous
/// record was, so reading a file is linear in its size (counting from the start for every
/// row made 200,000 rows take minutes).
struct Lines<'a> {
    bytes: &'a [u8],
    /// Bytes before `pos` hold `newlines` line ends.
    pos: usize,
    newlines: usize,
    /// How many bytes were looked at in all (the work, for a test that it stays linear).
    scanned: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            bytes: text.as_bytes(),
            pos: 0,
            newlines: 0,
            scanned: 0,
        }
    }

    /// The 1-based line where a record starting at `byte` has its first cell. The CSV reader's
    /// own line count, and its record start, include the empty lines it skipped before the
    /// record. Positions go forward; one before the last asked is counted from the start.
    fn at(&mut self, byte: u64) -> usize {
        let bytes = self.bytes;
        let mut end = usize::try_from(byte).unwrap_or(usize::MAX).min(bytes.len());
        while end < bytes.len() && matches!(bytes[end], b'\n' | b'\r') {
            end += 1;
        }
        if end < self.pos {
            self.pos = 0;
            self.newlines = 0;
        }
        self.newlines += bytes[self.pos..end].iter().filter(|b| **b == b'\n').count();
        self.scanned += end - self.pos;
        self.pos = end;
        self.newlines + 1
    }
}

fn decode(bytes: &[u8]) -> String {
    if let Some(text) = utf16(bytes) {
        return text;
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        // Windows-1252 differs from Latin-1 only in 0x80–0x9F; the letters Dutch needs (é, ë,
        // ï, ó) are the same in both.
        Err(_) => bytes.iter().map(|b| char::from(*b)).collect(),
    }
}

/// UTF-16 text: with a byte order mark, or without one when the first bytes are ASCII with a
/// zero beside every one (what a table of numbers in UTF-16 looks like). A broken pair
/// becomes U+FFFD, so its row is refused, not guessed.
fn utf16(bytes: &[u8]) -> Option<String> {
    let (little, body) = if let Some(b) = bytes.strip_prefix(b"\xFF\xFE") {
        (true, b)
    } else if let Some(b) = bytes.strip_prefix(b"\xFE\xFF") {
        (false, b)
    } else {
        let start = &bytes[..bytes.len().min(64) & !1];
        let zeros = |odd: bool| {
            start.len() >= 4
                && start
                    .chunks(2)
                    .all(|p| (p[usize::from(odd)] == 0) && p[usize::from(!odd)] != 0)
        };
        if zeros(true) {
            (true, bytes)
        } else if zeros(false) {
            (false, bytes)
        } else {
            return None;
        }
    };
    let units = body.chunks(2).map(|p| {
        let pair = [p[0], p.get(1).copied().unwrap_or(0)];
        if little {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    Some(
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}

/// The delimiter every one of the first lines has: `;` first (Dutch files, whose commas are
/// decimal signs), then tab, then `,`.
fn sniff_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(10)
        .collect();
    [b';', b'\t', b',']
        .into_iter()
        .find(|d| lines.iter().all(|l| l.as_bytes().contains(d)))
        .unwrap_or(b',')
}

fn find_column(headers: &[String], names: &[&str]) -> Option<usize> {
    headers.iter().position(|h| {
        let h = h.trim().to_lowercase();
        names.iter().any(|n| h == *n)
    })
}

/// StatLine's web table saved as CSV: a line that is only `Bron: CBS` (the footer), or a
/// first line that is a lone title cell above lines with several cells.
fn is_statline_web_table(text: &str) -> bool {
    let bare = |line: &str| {
        line.trim()
            .trim_end_matches([';', ',', '\t'])
            .trim()
            .trim_matches('"')
            .trim()
            .to_lowercase()
    };
    text.lines()
        .any(|l| bare(l).starts_with("bron: cbs") && !bare(l).contains(['"', ';', '\t']))
}

/// The level of a CBS region code (`GM0034`, `WK003401`, `BU00340101`, `PV24`, `NL01`),
/// gemeenten first; `None` when the cell is not one.
pub fn region_level(cell: &str) -> Option<u8> {
    let s = cell.trim();
    let digits =
        |n: usize| s.len() == 2 + n && s.is_ascii() && s[2..].bytes().all(|b| b.is_ascii_digit());
    match s.get(..2)? {
        "GM" if digits(4) => Some(0),
        "WK" if digits(6) => Some(1),
        "BU" if digits(8) => Some(2),
        "PV" if digits(2) => Some(3),
        "NL" if s == "NL01" => Some(4),
        _ => None,
    }
}

/// `Thuiszitters_2` → `Thuiszitters`: CBS numbers every column of a table.
fn series_name(header: &str) -> &str {
    let h = header.trim();
    match h.rsplit_once('_') {
        Some((name, n))
            if !name.is_empty() && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) =>
        {
            name
        }
        _ => h,
    }
}

/// Guesses the layout and a mapping.
pub fn detect(table: &CsvTable) -> Detected {
    let width = table.headers.len();
    let numeric = |col: usize| {
        let cells: Vec<&str> = table
            .rows
            .iter()
            .filter_map(|r| r.cells.get(col).map(String::as_str))
            .filter(|c| !is_missing(c))
            .collect();
        let ok = cells.iter().filter(|c| looks_numeric(c)).count();
        !cells.is_empty() && ok * 2 > cells.len()
    };
    // a column of region codes: by its name, else by what it holds (most cells a code)
    let codes = |col: usize| {
        let cells: Vec<&str> = table
            .rows
            .iter()
            .filter_map(|r| r.cells.get(col).map(String::as_str))
            .filter(|c| !c.trim().is_empty())
            .collect();
        let ok = cells.iter().filter(|c| region_level(c).is_some()).count();
        ok > 0 && ok * 2 > cells.len()
    };
    let period = find_column(&table.headers, &["perioden", "periode"]);
    let region_column = find_column(&table.headers, &["regios", "regio", "regio's", "gemeente"])
        .filter(|c| codes(*c))
        .or_else(|| (0..width).find(|c| codes(*c)))
        .or_else(|| find_column(&table.headers, &["regios", "regio", "regio's", "gemeente"]));
    let name_column = region_column.and_then(|rc| {
        (0..width).find(|c| {
            let h = table.headers[*c].to_lowercase();
            *c != rc && (h.contains("naam") || h.contains("name")) && !numeric(*c)
        })
    });
    let dates = |col: usize| {
        table
            .rows
            .iter()
            .filter(|r| r.cells.get(col).is_some_and(|c| parse_date(c).is_some()))
            .count()
    };
    let cbs = period.is_some() || region_column.is_some_and(codes);
    let named = find_column(
        &table.headers,
        &[
            "perioden",
            "periode",
            "datum",
            "date",
            "peildatum",
            "jaar",
            "year",
        ],
    );
    // else the column with the most dates
    let best = (0..width)
        .max_by_key(|c| (dates(*c), usize::MAX - c))
        .unwrap_or(0);
    let date_column = named.unwrap_or(best);
    let layout = if cbs {
        Layout::StatLine
    } else {
        Layout::Simple
    };
    let skip = |c: usize| {
        c == date_column
            || Some(c) == region_column
            || Some(c) == name_column
            || table.headers[c].trim().eq_ignore_ascii_case("id")
    };
    let value_columns: Vec<usize> = (0..width).filter(|c| !skip(*c) && numeric(*c)).collect();
    let mut series: Vec<Series> = Vec::new();
    for &c in &value_columns {
        let name = if table.has_header {
            series_name(&table.headers[c]).to_owned()
        } else {
            table.headers[c].clone()
        };
        match series.iter_mut().find(|s| s.name == name) {
            Some(s) => s.columns.push(c),
            None => series.push(Series {
                name,
                columns: vec![c],
            }),
        }
    }
    let value_column = value_columns
        .first()
        .copied()
        .unwrap_or(if date_column == 0 { 1 } else { 0 });
    let more_value_columns = series
        .iter()
        .find(|s| s.columns.first() == Some(&value_column))
        .map(|s| s.columns[1..].to_vec())
        .unwrap_or_default();
    let source_column = match layout {
        Layout::StatLine => None,
        Layout::Simple => find_column(&table.headers, &["bron", "source"])
            .or_else(|| (0..width).find(|c| !skip(*c) && *c != value_column && !numeric(*c))),
    };
    let mut regions: Vec<(String, String)> = Vec::new();
    if let Some(rc) = region_column {
        for r in &table.rows {
            if let Some(code) = r.cells.get(rc).map(|c| c.trim().to_owned())
                && !code.is_empty()
                && !regions.iter().any(|(c, _)| *c == code)
            {
                let name = name_column
                    .and_then(|nc| r.cells.get(nc))
                    .map(|n| n.trim().to_owned())
                    .unwrap_or_default();
                regions.push((code, name));
            }
        }
    }
    // gemeenten first (a stable sort keeps the file's order within a level)
    regions.sort_by_key(|(c, _)| region_level(c).map_or(1, |l| u8::from(l != 0)));
    let source_text = match layout {
        Layout::StatLine => "CBS StatLine".to_owned(),
        Layout::Simple => String::new(),
    };
    let region = match regions.as_slice() {
        [(only, _)] => Some(only.clone()),
        _ => None,
    };
    Detected {
        layout,
        mapping: Mapping {
            date_column,
            value_column,
            more_value_columns,
            source_column,
            source_text,
            region_column,
            region,
        },
        value_columns,
        series,
        region_names: regions.iter().map(|(_, n)| n.clone()).collect(),
        regions: regions.into_iter().map(|(c, _)| c).collect(),
    }
}

/// Reads every row with the mapping.
pub fn apply(table: &CsvTable, mapping: &Mapping) -> ImportPreview {
    let mut out = ImportPreview {
        problems: table.problems.clone(),
        ..ImportPreview::default()
    };
    // rows of several regions never go into one series: with no region chosen, refuse
    if let (Some(rc), None) = (mapping.region_column, &mapping.region) {
        let mut seen: Option<&str> = None;
        for row in &table.rows {
            let code = row.cells.get(rc).map_or("", |c| c.trim());
            if code.is_empty() {
                continue;
            }
            match seen {
                Some(first) if first != code => {
                    out.needs_region = true;
                    return out;
                }
                _ => seen = Some(code),
            }
        }
    }
    let columns: Vec<usize> = std::iter::once(mapping.value_column)
        .chain(mapping.more_value_columns.iter().copied())
        .collect();
    // `1.250` is read as the rest of the column writes its numbers, or refused
    let convention = crate::i18n::convention_of(table.rows.iter().flat_map(|r| {
        columns
            .iter()
            .filter_map(|c| r.cells.get(*c).map(String::as_str))
    }));
    for row in &table.rows {
        let cell = |c: usize| row.cells.get(c).map(String::as_str);
        if let (Some(rc), Some(want)) = (mapping.region_column, &mapping.region) {
            match cell(rc) {
                Some(code) if code.trim() == want => {}
                _ => {
                    out.other_region += 1;
                    continue;
                }
            }
        }
        let (Some(date_cell), Some(_)) = (cell(mapping.date_column), cell(mapping.value_column))
        else {
            out.problems.push(RowProblem {
                line: row.line,
                issue: RowIssue::TooFewColumns,
            });
            continue;
        };
        let Some(date) = parse_date(date_cell) else {
            out.problems.push(RowProblem {
                line: row.line,
                issue: RowIssue::BadDate(date_cell.to_owned()),
            });
            continue;
        };
        // the one column of the series this row fills
        let filled: Vec<&str> = columns
            .iter()
            .filter_map(|c| cell(*c))
            .filter(|c| !is_missing(c))
            .collect();
        let value_cell = match filled.as_slice() {
            [] => {
                out.problems.push(RowProblem {
                    line: row.line,
                    issue: RowIssue::MissingValue,
                });
                continue;
            }
            [one] => *one,
            several => {
                out.problems.push(RowProblem {
                    line: row.line,
                    issue: RowIssue::SeveralValues(
                        several.iter().map(|c| (*c).to_owned()).collect(),
                    ),
                });
                continue;
            }
        };
        let value = match read_value(value_cell, convention) {
            Ok(v) => v,
            Err(e) => {
                let cell = value_cell.to_owned();
                out.problems.push(RowProblem {
                    line: row.line,
                    issue: match e {
                        crate::i18n::NumberError::Ambiguous => RowIssue::AmbiguousValue(cell),
                        crate::i18n::NumberError::Invalid => RowIssue::BadValue(cell),
                    },
                });
                continue;
            }
        };
        let source = mapping
            .source_column
            .and_then(cell)
            .filter(|s| !s.is_empty())
            .map_or_else(|| mapping.source_text.clone(), str::to_owned);
        out.rows.push(ImportRow {
            line: row.line,
            date,
            value,
            source,
        });
    }
    out.problems.sort_by_key(|p| p.line);
    out
}

fn is_missing(cell: &str) -> bool {
    matches!(cell.trim(), "" | "." | "-" | "x" | "X" | "?")
}

/// A number as spreadsheets write it: `3,5` and `3.5`, `1.250,75` and `1,250.75`, `1.250.000`,
/// with `%` or `€` around it (`€ 1.000` is a thousand). `1.250` and `1,250` alone are
/// ambiguous: `None` here (in a column whose other cells show the convention, [`apply`] reads
/// them). Never an exponent, `NaN`, `inf`, `1.2.3` or a figure beyond a thousand billion.
pub fn parse_value(cell: &str) -> Option<f64> {
    read_value(cell, None).ok()
}

fn read_value(cell: &str, convention: Option<bool>) -> Result<f64, crate::i18n::NumberError> {
    crate::i18n::read_number(cell, convention)
}

/// Whether a cell holds a number (an ambiguous one too): for finding the value columns and
/// the header.
fn looks_numeric(cell: &str) -> bool {
    read_value(cell, None) != Err(crate::i18n::NumberError::Invalid)
}

/// A date or a period: `31-12-2024`, `31/12/2024`, `2024-12-31` (a four-digit year from 1900
/// to 2200: not `1-1-25`, not `0000-01-01`), a year `2024`, or a CBS
/// period code: `2024JJ00` (year), `2024KW02` (quarter), `2024MM03` (month), `2024HJ01`
/// (half year). A period counts at its last day, when its figure is complete.
pub fn parse_date(cell: &str) -> Option<NaiveDate> {
    let s = cell.trim();
    if let Some(d) = crate::i18n::parse_numeric_date(s) {
        return Some(d);
    }
    let year_of = |t: &str| -> Option<i32> {
        (t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
            .filter(|y| (1900..=2200).contains(y))
    };
    if let Some(y) = year_of(s) {
        return NaiveDate::from_ymd_opt(y, 12, 31);
    }
    // CBS period codes: YYYY + two letters + two digits
    if s.len() == 8 && s.is_ascii() {
        let year = year_of(&s[..4])?;
        let n: u32 = s[6..].parse().ok()?;
        let end_of_month = |m: u32| -> Option<NaiveDate> {
            let first_next = if m == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(year, m + 1, 1)
            };
            first_next?.pred_opt()
        };
        return match &s[4..6] {
            "JJ" => NaiveDate::from_ymd_opt(year, 12, 31),
            "KW" if (1..=4).contains(&n) => end_of_month(n * 3),
            "MM" if (1..=12).contains(&n) => end_of_month(n),
            "HJ" if (1..=2).contains(&n) => end_of_month(n * 6),
            _ => None,
        };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::Lines;

    /// Line numbers for 200,000 records (with empty lines and CRLF between some) look at each
    /// byte of the text about once: the work grows with the file, not with its square.
    #[test]
    fn line_numbers_are_counted_once() {
        let mut text = String::new();
        let mut starts = Vec::new();
        let mut line = 1;
        for k in 0..200_000 {
            if k % 1000 == 0 {
                text.push('\n');
                line += 1;
            }
            starts.push((text.len(), line));
            text.push_str(&format!("01-01-2024;{k}"));
            text.push_str(if k % 3 == 0 { "\r\n" } else { "\n" });
            line += 1;
        }
        let mut lines = Lines::new(&text);
        for (byte, want) in &starts {
            assert_eq!(lines.at(*byte as u64), *want);
        }
        assert!(
            lines.scanned <= text.len(),
            "{} bytes looked at for a text of {}",
            lines.scanned,
            text.len()
        );
    }
}
