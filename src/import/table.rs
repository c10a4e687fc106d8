//! The table every file becomes: a header and rows of text cells, each row with its line.

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
}

#[derive(Clone, Debug, PartialEq)]
pub struct CsvRow {
    /// 1-based line number in the file.
    pub line: usize,
    pub cells: Vec<String>,
}

pub(super) fn table_from_rows(
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
