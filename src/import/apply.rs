//! A mapping applied to every row: what can be imported, and per line what cannot.

use super::values::{is_missing, parse_date, read_value};
use super::{CsvTable, ImportPreview, ImportRow, Mapping, RowIssue, RowProblem};

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
            let code = table.cell(row, rc).map_or("", str::trim);
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
    // `1.250` is read as the rest of the column writes its numbers, or refused. The convention
    // changes only what is ambiguous without one, so it is looked for (in every cell of the
    // columns, as always) only when such a value comes: most files have none.
    let mut convention: Option<Option<bool>> = None;
    let mut convention_of_columns = || {
        *convention.get_or_insert_with(|| {
            crate::i18n::convention_of(
                table
                    .rows
                    .iter()
                    .flat_map(|r| columns.iter().filter_map(|c| table.cell(r, *c))),
            )
        })
    };
    out.rows.reserve(table.rows.len());
    for row in &table.rows {
        let cells = table.cells(row);
        let cell = |c: usize| cells.get(c);
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
        // the one column of the series this row fills (the list only made when there are more)
        let mut filled = columns
            .iter()
            .filter_map(|c| cell(*c))
            .filter(|c| !is_missing(c));
        let value_cell = match (filled.next(), filled.next()) {
            (None, _) => {
                out.problems.push(RowProblem {
                    line: row.line,
                    issue: RowIssue::MissingValue,
                });
                continue;
            }
            (Some(one), None) => one,
            (Some(first), Some(second)) => {
                let several = [first, second].into_iter().chain(filled);
                out.problems.push(RowProblem {
                    line: row.line,
                    issue: RowIssue::SeveralValues(several.map(str::to_owned).collect()),
                });
                continue;
            }
        };
        let value = match read_value(value_cell, None) {
            Err(crate::i18n::NumberError::Ambiguous) => {
                read_value(value_cell, convention_of_columns())
            }
            other => other,
        };
        let value = match value {
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
