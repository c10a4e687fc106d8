//! The table every file becomes: a header and rows of text cells, each row with its line.
//!
//! The cells of all rows sit in one text, one after another, with where each one starts: a
//! 50 MB file has millions of cells, and a `String` for each (and a `Vec` for each row) made
//! reading it mostly allocating and freeing memory.

use super::values::looks_numeric;
use super::{ImportError, RowProblem};

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
    /// The text of every cell of every row, one after another.
    text: String,
    /// Where each cell starts in `text`, and at the end where the last one ends: the table's
    /// cell `k` (counted over all rows) is `text[bounds[k]..bounds[k + 1]]`.
    bounds: Vec<usize>,
}

/// A row of a [`CsvTable`]; its cells are [`CsvTable::cells`].
#[derive(Clone, Debug, PartialEq)]
pub struct CsvRow {
    /// 1-based line number in the file.
    pub line: usize,
    /// The row's cells are the table's cells `first..first + len`.
    first: usize,
    len: usize,
}

/// The cells of one row (trimmed text, in column order).
#[derive(Clone, Copy, Debug)]
pub struct Cells<'a> {
    text: &'a str,
    /// One more than there are cells: where each starts, and where the last ends.
    bounds: &'a [usize],
}

impl<'a> Cells<'a> {
    /// How many cells the row has (rows can be shorter or longer than the header).
    pub fn len(&self) -> usize {
        self.bounds.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The cell in column `k`, if the row has one.
    pub fn get(&self, k: usize) -> Option<&'a str> {
        let start = *self.bounds.get(k)?;
        let end = *self.bounds.get(k + 1)?;
        self.text.get(start..end)
    }

    pub fn iter(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        let cells = *self;
        (0..cells.len()).filter_map(move |k| cells.get(k))
    }
}

impl CsvTable {
    /// The cells of `row`, one of this table's rows (of another table's: no cells).
    pub fn cells(&self, row: &CsvRow) -> Cells<'_> {
        let bounds = row
            .first
            .checked_add(row.len)
            .and_then(|last| self.bounds.get(row.first..=last))
            .unwrap_or(&[]);
        Cells {
            text: &self.text,
            bounds,
        }
    }

    /// The cell of `row` in column `col`, if the row has one.
    pub fn cell(&self, row: &CsvRow, col: usize) -> Option<&str> {
        self.cells(row).get(col)
    }
}

/// Builds a table row by row, the cells into one text.
pub(super) struct Builder {
    text: String,
    bounds: Vec<usize>,
    rows: Vec<CsvRow>,
    /// The first row with a cell, when it holds no number: the header.
    header: Option<Vec<String>>,
    /// Whether a row with a cell came yet (the first decides about the header).
    seen_first: bool,
    width: usize,
}

impl Builder {
    /// For about `bytes` of cell text.
    pub(super) fn with_capacity(bytes: usize) -> Self {
        let mut bounds = Vec::with_capacity(bytes / 8 + 1);
        bounds.push(0);
        Self {
            text: String::with_capacity(bytes),
            bounds,
            rows: Vec::with_capacity(bytes / 32),
            header: None,
            seen_first: false,
            width: 0,
        }
    }

    /// Adds a row, unless all its cells are empty.
    pub(super) fn push<'c>(&mut self, line: usize, cells: impl IntoIterator<Item = &'c str>) {
        let first = self.bounds.len() - 1;
        let start = self.text.len();
        let mut filled = false;
        for cell in cells {
            self.text.push_str(cell);
            self.bounds.push(self.text.len());
            filled |= !cell.is_empty();
        }
        let len = self.bounds.len() - 1 - first;
        if !filled {
            self.text.truncate(start);
            self.bounds.truncate(first + 1);
            return;
        }
        self.width = self.width.max(len);
        let row = CsvRow { line, first, len };
        if !self.seen_first {
            self.seen_first = true;
            let cells = Cells {
                text: &self.text,
                bounds: &self.bounds[first..],
            };
            if cells.iter().all(|c| !looks_numeric(c)) {
                self.header = Some(cells.iter().map(str::to_owned).collect());
                return;
            }
        }
        self.rows.push(row);
    }

    /// The table: the header if the first row holds no number, else columns `1`, `2`, ….
    pub(super) fn finish(
        self,
        delimiter: u8,
        problems: Vec<RowProblem>,
    ) -> Result<CsvTable, ImportError> {
        let width = self.width;
        if width < 2 {
            return Err(ImportError::NoColumns);
        }
        let has_header = self.header.is_some();
        let headers = match self.header {
            Some(mut h) => {
                h.resize(width, String::new());
                h
            }
            None => (1..=width).map(|k| k.to_string()).collect(),
        };
        Ok(CsvTable {
            delimiter,
            headers,
            has_header,
            rows: self.rows,
            problems,
            text: self.text,
            bounds: self.bounds,
        })
    }
}
