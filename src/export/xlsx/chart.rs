//! The charts sheet: per indicator its dated measurements over time and its target, as a
//! small table with a native Excel line chart beside it (the chart reads that table).
//!
//! Small counts of people are left out of a chart's table altogether, not written as "< N":
//! a chart cannot draw text, and a point drawn at zero or at the threshold would show a value
//! that is not there. A line under the table says how many were left out. A target that is
//! itself a small count is left out the same way. Undated measurements have no place on a time
//! axis and are only on the measurements sheet.

use super::table::{Cell, Formats, write_cell};
use crate::i18n::{Lang, t, tf};
use crate::model::{Cycle, Indicator, Project, SeriesIndex};
use chrono::NaiveDate;
use rust_xlsxwriter::{
    Chart, ChartFormat, ChartLine, ChartLineDashType, ChartMarker, ChartMarkerType, ChartType,
    Workbook, Worksheet, XlsxError,
};

/// Rows a chart covers at the default row height (its default 288 pixels high).
const CHART_ROWS: u32 = 15;
/// The column the chart stands in (after the table's three and an empty one).
const CHART_COL: u16 = 4;

pub fn charts(
    book: &mut Workbook,
    formats: &Formats,
    project: &Project,
    c: &Cycle,
    index: &SeriesIndex,
    lang: Lang,
) -> Result<(), XlsxError> {
    let name = t!(lang, "xlsx.sheet_charts");
    let ws = book.add_worksheet();
    ws.set_name(name)?;
    ws.set_paper_size(9).set_print_fit_to_pages(1, 0);
    ws.set_column_width(0, 14)?;
    ws.set_column_width(1, 12)?;
    ws.set_column_width(2, 12)?;
    ws.set_column_width(3, 3)?;
    let mut row = 0;
    for i in c.indicators() {
        let used = block(ws, formats, project, i, index, name, row, lang)?;
        row += used.max(CHART_ROWS + 1) + 1;
    }
    Ok(())
}

/// The points of an indicator's chart: (date, value) of its dated measurements that are not
/// small counts, by date; and how many small counts were left out.
pub fn chart_points(
    project: &Project,
    ind: &Indicator,
    index: &SeriesIndex,
) -> (Vec<(NaiveDate, f64)>, usize) {
    let below = project.settings.small_numbers_below;
    let counts = ind.is_count_of_people();
    let mut points = Vec::new();
    let mut left_out = 0;
    for p in index.series(ind.id) {
        if crate::privacy::suppress(p.value, counts, below) {
            left_out += 1;
        } else if let Some(d) = p.date {
            points.push((d, p.value));
        }
    }
    points.sort_by_key(|(d, _)| *d);
    (points, left_out)
}

/// One indicator's table and chart from `top`; returns the rows the table takes.
#[allow(clippy::too_many_arguments)]
fn block(
    ws: &mut Worksheet,
    formats: &Formats,
    project: &Project,
    ind: &Indicator,
    index: &SeriesIndex,
    sheet: &str,
    top: u32,
    lang: Lang,
) -> Result<u32, XlsxError> {
    let title = if ind.unit.trim().is_empty() {
        ind.name.clone()
    } else {
        format!("{} ({})", ind.name, ind.unit.trim())
    };
    write_cell(ws, formats, top, 0, &Cell::Text(title.clone()))?;
    ws.set_cell_format(top, 0, &formats.bold)?;
    let (points, left_out) = chart_points(project, ind, index);
    let below = project.settings.small_numbers_below;
    let target = ind
        .target_value
        .filter(|v| !crate::privacy::suppress(*v, ind.is_count_of_people(), below));
    let mut row = top + 1;
    if points.is_empty() {
        write_cell(
            ws,
            formats,
            row,
            0,
            &Cell::Text(t!(lang, "xlsx.no_chart").into()),
        )?;
        row += 1;
    } else {
        for (col, head) in [
            t!(lang, "measurement.date"),
            t!(lang, "measurement.value"),
            t!(lang, "csv.target"),
        ]
        .into_iter()
        .enumerate()
        {
            ws.write_string_with_format(row, col as u16, head, &formats.header)?;
        }
        row += 1;
        let first = row;
        let mut rows: Vec<(NaiveDate, Option<f64>)> =
            points.iter().map(|(d, v)| (*d, Some(*v))).collect();
        // the target where it is due, when that is after the last measurement
        if let (Some(_), Some(due)) = (target, ind.target_date)
            && rows.last().is_some_and(|(d, _)| *d < due)
        {
            rows.push((due, None));
        }
        for (d, v) in &rows {
            write_cell(ws, formats, row, 0, &Cell::Date(*d))?;
            if let Some(v) = v {
                write_cell(ws, formats, row, 1, &Cell::Number(*v))?;
            }
            if let Some(t) = target {
                write_cell(ws, formats, row, 2, &Cell::Number(t))?;
            }
            row += 1;
        }
        let last = row - 1;
        let mut chart = Chart::new(ChartType::Line);
        chart.title().set_name(&title);
        chart
            .add_series()
            .set_name(t!(lang, "measurement.value"))
            .set_categories((sheet, first, 0, last, 0))
            .set_values((sheet, first, 1, last, 1))
            .set_marker(ChartMarker::new().set_type(ChartMarkerType::Circle));
        if target.is_some() {
            chart
                .add_series()
                .set_name(t!(lang, "csv.target"))
                .set_categories((sheet, first, 0, last, 0))
                .set_values((sheet, first, 2, last, 2))
                .set_format(
                    ChartFormat::new().set_line(
                        ChartLine::new()
                            .set_color("#C0504D")
                            .set_dash_type(ChartLineDashType::Dash),
                    ),
                )
                .set_marker(ChartMarker::new().set_none());
        }
        let date_format = match lang {
            Lang::Nl => "mm-yyyy",
            Lang::En => "mmm yyyy",
        };
        chart
            .x_axis()
            .set_date_axis(true)
            .set_num_format(date_format);
        ws.insert_chart(top, CHART_COL, &chart)?;
    }
    if left_out > 0 {
        let note = tf!(lang, "xlsx.chart_left_out", n = left_out, below = below);
        write_cell(ws, formats, row, 0, &Cell::Text(note))?;
        row += 1;
    }
    Ok(row - top)
}
