//! Guessing what a table holds: the layout (simple or CBS open data), the date, value,
//! source and region columns, the series of numbered CBS columns, and the regions to offer.

use super::values::{is_missing, looks_numeric, parse_date};
use super::{CsvTable, Detected, Layout, Mapping, Series};
use std::cell::OnceCell;
use std::collections::HashSet;

fn find_column(headers: &[String], names: &[&str]) -> Option<usize> {
    headers.iter().position(|h| {
        let h = h.trim().to_lowercase();
        names.iter().any(|n| h == *n)
    })
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

/// Whether more than half of the cells of column `col` that `judge` counts (`Some`) are
/// `Some(true)`. Stops as soon as the rows still to come cannot change the answer (all of them
/// counted and true, or all counted and false): a column of a large file is decided in about
/// half of it.
fn most(table: &CsvTable, col: usize, judge: impl Fn(&str) -> Option<bool>) -> bool {
    let (mut counted, mut yes) = (0usize, 0usize);
    let mut rest = table.rows.len();
    for r in &table.rows {
        rest -= 1;
        if let Some(j) = table.cell(r, col).and_then(&judge) {
            counted += 1;
            yes += usize::from(j);
        }
        if 2 * yes > counted + rest {
            return true;
        }
        if 2 * yes + rest <= counted {
            return false;
        }
    }
    2 * yes > counted
}

/// Guesses the layout and a mapping.
pub fn detect(table: &CsvTable) -> Detected {
    let width = table.headers.len();
    let column = |col: usize| table.rows.iter().filter_map(move |r| table.cell(r, col));
    // each column is looked at once for each question, and only when it is asked: a 50 MB file
    // has millions of cells
    let numeric_of: Vec<OnceCell<bool>> = (0..width).map(|_| OnceCell::new()).collect();
    let numeric = |col: usize| {
        let compute = || most(table, col, |c| (!is_missing(c)).then(|| looks_numeric(c)));
        numeric_of
            .get(col)
            .map_or_else(compute, |n| *n.get_or_init(compute))
    };
    // a column of region codes: by its name, else by what it holds (most cells a code)
    let codes_of: Vec<OnceCell<bool>> = (0..width).map(|_| OnceCell::new()).collect();
    let codes = |col: usize| {
        let compute = || {
            most(table, col, |c| {
                (!c.trim().is_empty()).then(|| region_level(c).is_some())
            })
        };
        codes_of
            .get(col)
            .map_or_else(compute, |n| *n.get_or_init(compute))
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
    let dates = |col: usize| column(col).filter(|c| parse_date(c).is_some()).count();
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
    let date_column = named.unwrap_or_else(|| {
        (0..width)
            .max_by_key(|c| (dates(*c), usize::MAX - c))
            .unwrap_or(0)
    });
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
        // the codes seen, for a look-up per row instead of a search through all regions
        let mut seen: HashSet<&str> = HashSet::new();
        for r in &table.rows {
            if let Some(code) = table.cell(r, rc).map(str::trim)
                && !code.is_empty()
                && seen.insert(code)
            {
                let name = name_column
                    .and_then(|nc| table.cell(r, nc))
                    .map(|n| n.trim().to_owned())
                    .unwrap_or_default();
                regions.push((code.to_owned(), name));
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
            counts_people: false,
        },
        value_columns,
        series,
        region_names: regions.iter().map(|(_, n)| n.clone()).collect(),
        regions: regions.into_iter().map(|(c, _)| c).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::most;
    use crate::import::table::Builder;
    use proptest::prelude::*;

    proptest! {
        /// Stopping early gives the answer of counting every cell: more than half of the
        /// counted cells true (so none counted is false).
        #[test]
        fn most_is_the_majority_of_all_cells(column in proptest::collection::vec(0u8..4, 0..40)) {
            // a header, then per row: 0 no cell, 1 an empty cell, 2 a code, 3 something else
            let mut rows = Builder::with_capacity(0);
            rows.push(1, ["a", "b"]);
            for (k, what) in column.iter().enumerate() {
                let cell = ["", "", "GM0344", "y"][usize::from(*what)];
                let cells: &[&str] = if *what == 0 { &["x"] } else { &["x", cell] };
                rows.push(k + 2, cells.iter().copied());
            }
            let table = rows.finish(b';', Vec::new()).unwrap();
            let judge = |c: &str| (!c.is_empty()).then_some(c == "GM0344");
            let cells: Vec<bool> = table
                .rows
                .iter()
                .filter_map(|r| table.cell(r, 1).and_then(judge))
                .collect();
            let yes = cells.iter().filter(|c| **c).count();
            prop_assert_eq!(most(&table, 1, judge), yes * 2 > cells.len());
        }
    }
}
