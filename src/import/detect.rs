//! Guessing what a table holds: the layout (simple or CBS open data), the date, value,
//! source and region columns, the series of numbered CBS columns, and the regions to offer.

use super::values::{is_missing, looks_numeric, parse_date};
use super::{CsvTable, Detected, Layout, Mapping, Series};

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
