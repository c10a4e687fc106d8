//! A mapping applied to every row: what can be imported, and per line what cannot.

use super::values::{is_missing, parse_date, read_value, swappable_day_and_month};
use super::{
    CsvTable, ImportNote, ImportPreview, ImportRow, Mapping, NoteKind, Read, RowIssue, RowProblem,
};

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
    // the cells read with a note: (line, kind, cell, what it was read as)
    let mut noted: Vec<(usize, NoteKind, &str, Read)> = Vec::new();
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
        if mapping.counts_people && value < 0.0 {
            out.problems.push(RowProblem {
                line: row.line,
                issue: RowIssue::NegativeCount(value_cell.to_owned()),
            });
            continue;
        }
        if let Some(sign) = ['€', '%'].into_iter().find(|c| value_cell.contains(*c)) {
            let kind = NoteKind::Dropped(sign);
            noted.push((row.line, kind, value_cell, Read::Number(value)));
        }
        if swappable_day_and_month(date_cell) {
            noted.push((row.line, NoteKind::DayFirst, date_cell, Read::Date(date)));
        }
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
    let refused = refuse_same_dates(&mut out);
    for (line, kind, cell, read) in noted {
        if refused.binary_search(&line).is_ok() {
            continue;
        }
        match out.notes.iter_mut().find(|n| n.kind == kind) {
            Some(n) => n.lines.push(line),
            None => out.notes.push(ImportNote {
                kind,
                lines: vec![line],
                cell: cell.to_owned(),
                read,
            }),
        }
    }
    out.problems.sort_by_key(|p| p.line);
    out
}

/// Rows with the same date are not imported: which of the values is meant? Each becomes a
/// problem naming another line with that date. Returns their lines, in order.
fn refuse_same_dates(out: &mut ImportPreview) -> Vec<usize> {
    let rows = &out.rows;
    let mut order: Vec<usize> = (0..rows.len()).collect();
    // stable: within a date, in the order of the file
    order.sort_by_key(|k| rows[*k].date);
    let mut refused = Vec::new();
    for group in order.chunk_by(|a, b| rows[*a].date == rows[*b].date) {
        if let [first, second, ..] = group {
            for k in group {
                let other = if k == first { second } else { first };
                refused.push(*k);
                out.problems.push(RowProblem {
                    line: rows[*k].line,
                    issue: RowIssue::SameDate {
                        date: rows[*k].date,
                        other: rows[*other].line,
                    },
                });
            }
        }
    }
    if refused.is_empty() {
        return refused;
    }
    refused.sort_unstable();
    let mut k = 0;
    out.rows.retain(|_| {
        k += 1;
        refused.binary_search(&(k - 1)).is_err()
    });
    let mut lines: Vec<usize> = out
        .problems
        .iter()
        .filter(|p| matches!(p.issue, RowIssue::SameDate { .. }))
        .map(|p| p.line)
        .collect();
    lines.sort_unstable();
    lines
}
