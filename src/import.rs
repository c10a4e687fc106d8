//! Reading indicator measurements from CSV: a simple `date,value[,source]` layout and the CBS
//! StatLine export layout (`Perioden` codes such as `2021JJ00`, `RegioS` codes such as
//! `GM0344`, one or more value columns). No egui here: the window shows a preview of what
//! [`read_table`], [`detect`] and [`apply`] produce, and imports only when the user confirms.
//!
//! Nothing here panics on input: every row that cannot be read becomes a [`RowProblem`] with
//! its line number.

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
}

/// Which layout the file has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// `date,value[,source]`, with or without a header.
    Simple,
    /// A CBS StatLine export: a `Perioden` column, often `RegioS`, and value columns.
    StatLine,
}

/// Which columns mean what.
#[derive(Clone, Debug, PartialEq)]
pub struct Mapping {
    pub date_column: usize,
    pub value_column: usize,
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
    /// The distinct region codes, in order of appearance.
    pub regions: Vec<String>,
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
    let period = find_column(&table.headers, &["perioden", "periode"]);
    let region_column = find_column(&table.headers, &["regios", "regio", "regio's", "gemeente"]);
    let dates = |col: usize| {
        table
            .rows
            .iter()
            .filter(|r| r.cells.get(col).is_some_and(|c| parse_date(c).is_some()))
            .count()
    };
    let (layout, date_column) = match period {
        Some(p) => (Layout::StatLine, p),
        None => {
            let named = find_column(
                &table.headers,
                &["datum", "date", "peildatum", "jaar", "year"],
            );
            // else the column with the most dates
            let best = (0..width)
                .max_by_key(|c| (dates(*c), usize::MAX - c))
                .unwrap_or(0);
            (Layout::Simple, named.unwrap_or(best))
        }
    };
    let skip = |c: usize| {
        c == date_column
            || Some(c) == region_column
            || table.headers[c].trim().eq_ignore_ascii_case("id")
    };
    let value_columns: Vec<usize> = (0..width).filter(|c| !skip(*c) && numeric(*c)).collect();
    let value_column = value_columns
        .first()
        .copied()
        .unwrap_or(if date_column == 0 { 1 } else { 0 });
    let source_column = match layout {
        Layout::StatLine => None,
        Layout::Simple => find_column(&table.headers, &["bron", "source"])
            .or_else(|| (0..width).find(|c| !skip(*c) && *c != value_column && !numeric(*c))),
    };
    let mut regions: Vec<String> = Vec::new();
    if let Some(rc) = region_column {
        for r in &table.rows {
            if let Some(code) = r.cells.get(rc).map(|c| c.trim().to_owned())
                && !code.is_empty()
                && !regions.contains(&code)
            {
                regions.push(code);
            }
        }
    }
    let source_text = match layout {
        Layout::StatLine => "CBS StatLine".to_owned(),
        Layout::Simple => String::new(),
    };
    Detected {
        layout,
        mapping: Mapping {
            date_column,
            value_column,
            source_column,
            source_text,
            region_column,
            region: regions.first().cloned(),
        },
        value_columns,
        regions,
    }
}

/// Reads every row with the mapping.
pub fn apply(table: &CsvTable, mapping: &Mapping) -> ImportPreview {
    let mut out = ImportPreview {
        problems: table.problems.clone(),
        ..ImportPreview::default()
    };
    // `1.250` is read as the rest of the column writes its numbers, or refused
    let convention = crate::i18n::convention_of(
        table
            .rows
            .iter()
            .filter_map(|r| r.cells.get(mapping.value_column).map(String::as_str)),
    );
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
        let (Some(date_cell), Some(value_cell)) =
            (cell(mapping.date_column), cell(mapping.value_column))
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
        if is_missing(value_cell) {
            out.problems.push(RowProblem {
                line: row.line,
                issue: RowIssue::MissingValue,
            });
            continue;
        }
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
