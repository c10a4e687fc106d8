//! Reading indicator measurements from CSV and spreadsheets: a simple `date,value[,source]`
//! layout and the CBS StatLine export layout (`Perioden` codes such as `2021JJ00`, `RegioS`
//! codes such as `GM0344`, one or more value columns). No egui here: the window shows a
//! preview of what [`read_table`], [`detect`] and [`apply`] produce, and imports only when the
//! user confirms.
//!
//! Nothing here panics on input: every row that cannot be read becomes a [`RowProblem`] with
//! its line number.
//!
//! - `table`: the table of text cells that every file becomes ([`CsvTable`]);
//! - `text`: CSV and other delimited text (decoding, delimiter, StatLine web tables, lines);
//! - `workbook`: `.xlsx` and `.ods` through calamine;
//! - `detect`: the layout, the region column and its regions, the series, a first mapping;
//! - `apply`: a mapping applied to every row, with the problems per line;
//! - `values`: reading one cell as a date or a number, strictly.

mod apply;
mod detect;
pub mod schools;
mod table;
mod text;
mod values;
mod workbook;

pub use apply::apply;
pub use detect::{detect, region_level};
pub use table::{Cells, CsvRow, CsvTable};
pub use text::read_table;
pub use values::{parse_date, parse_value};
pub use workbook::{is_workbook, read_workbook};

use crate::i18n::{key, tf};
use chrono::{Datelike, NaiveDate};

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

impl RowProblem {
    /// What is wrong with the row, with its line number, in `lang`.
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        let line = self.line.to_string();
        match &self.issue {
            RowIssue::BadDate(v) => tf!(lang, "import.bad_date", line = &line, value = v),
            RowIssue::BadValue(v) => tf!(lang, "import.bad_value", line = &line, value = v),
            RowIssue::AmbiguousValue(v) => {
                tf!(lang, "import.ambiguous_value", line = &line, value = v)
            }
            RowIssue::MissingValue => tf!(lang, "import.missing_value", line = &line),
            RowIssue::TooFewColumns => tf!(lang, "import.too_few", line = &line),
            RowIssue::Unreadable(_) => tf!(lang, "import.unreadable", line = &line),
            RowIssue::SameDate { date, other } => tf!(
                lang,
                "import.same_date",
                line = &line,
                date = &lang.fmt_date(*date),
                other = &other.to_string()
            ),
            RowIssue::NegativeCount(v) => {
                tf!(lang, "import.negative_count", line = &line, value = v)
            }
            RowIssue::SeveralValues(v) => tf!(
                lang,
                "import.several_values",
                line = &line,
                values = &v.join(", ")
            ),
        }
    }
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
    /// Another row of the file has the same date (`other`, a line): which value is meant?
    /// Neither row is imported.
    SameDate { date: NaiveDate, other: usize },
    /// A value below zero for an indicator that counts people.
    NegativeCount(String),
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
    /// The indicator the rows go to counts people: a value below zero is refused.
    pub counts_people: bool,
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

/// A note on rows that were read, but not exactly as written: a `%` or `€` left out of the
/// value (`12%` is read as 12), a date with `/` read day first (`01/02/2024` is 1 February).
#[derive(Clone, Debug, PartialEq)]
pub struct ImportNote {
    pub kind: NoteKind,
    /// The lines it is about, in order.
    pub lines: Vec<usize>,
    /// The first such cell as written, and what it was read as.
    pub cell: String,
    pub read: Read,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteKind {
    /// A `%` or `€` sign left out of values.
    Dropped(char),
    /// Dates with `/` whose day and month could be swapped, read day first.
    DayFirst,
}

/// What a cell was read as.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Read {
    Number(f64),
    Date(NaiveDate),
}

impl ImportNote {
    /// The note in `lang`, with at most five of its lines.
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        let mut lines: Vec<String> = self.lines.iter().take(5).map(|l| l.to_string()).collect();
        if self.lines.len() > 5 {
            lines.push("…".into());
        }
        let (lines, n, cell) = (lines.join(", "), self.lines.len(), self.cell.trim());
        let read = match self.read {
            Read::Number(v) => lang.fmt_number(v),
            Read::Date(d) => format!("{} {}", d.day(), lang.fmt_month(d)),
        };
        match self.kind {
            NoteKind::Dropped(sign) => tf!(
                lang,
                "import.note_dropped",
                n = n,
                lines = &lines,
                sign = &sign.to_string(),
                cell = cell,
                read = &read
            ),
            NoteKind::DayFirst => tf!(
                lang,
                "import.note_day_first",
                n = n,
                lines = &lines,
                cell = cell,
                read = &read
            ),
        }
    }
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
    /// What was read, but not exactly as written (one note per kind, with its lines).
    pub notes: Vec<ImportNote>,
}

/// A table from a file: a workbook when its name says so, else CSV.
pub fn read_file_table(name: &str, bytes: &[u8]) -> Result<CsvTable, ImportError> {
    if is_workbook(name) {
        read_workbook(bytes)
    } else {
        read_table(bytes)
    }
}
