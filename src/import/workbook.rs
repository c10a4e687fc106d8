//! Spreadsheets (`.xlsx`, `.xlsm`, `.ods`) through calamine, into the same table as a CSV
//! file, so that detection, mapping, preview and problems are one code path.

use super::table::Builder;
use super::{CsvTable, ImportError};

/// Whether `name` is a spreadsheet that [`read_workbook`] reads (`.xlsx`, `.xlsm`, `.ods`).
pub fn is_workbook(name: &str) -> bool {
    let lower = name.to_lowercase();
    [".xlsx", ".xlsm", ".ods"]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// Reads the first sheet with cells of an Excel (`.xlsx`) or OpenDocument (`.ods`) file as a
/// table; its rows keep their spreadsheet row numbers as line numbers. Date cells become
/// dates (`2024-12-31`), numbers are written so that [`apply`](super::apply) reads them as
/// they are.
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
    let mut table = Builder::with_capacity(0);
    let mut filled = false;
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
        filled = true;
        table.push(first_row + k + 1, cells.iter().map(String::as_str));
    }
    if !filled {
        return Err(ImportError::Empty);
    }
    table.finish(b'\t', Vec::new())
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
