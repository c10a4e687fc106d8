//! The support analysis per school as two sheets: the schools (with their BRIN code and
//! board, the five counts, the grey zone's shares and, when the cycle before had them, its
//! counts beside), and the sums per sector and for the region. Every count as
//! [`crate::model::shown_table`] allows, as the report: a small count the text "< N", one
//! hidden so that a small count cannot be computed back "•"; a share only where both its
//! counts are shown. No sheet when the cycle has no support analysis.

use super::table::{Cell, Formats, Table};
use crate::i18n::{Label, Lang, t, tf};
use crate::model::{BARS, Count, Project, RowKey, Shown, ShownTable, shown_table};
use rust_xlsxwriter::{Workbook, XlsxError};

/// A shown count as a cell.
fn count_cell(s: Shown, below: u32) -> Cell {
    match s {
        Shown::Empty => Cell::Empty,
        Shown::Value(v) => Cell::Number(f64::from(v)),
        Shown::Small => Cell::Text(format!("< {below}")),
        Shown::Hidden => Cell::Text(crate::model::HIDDEN_MARK.to_owned()),
    }
}

fn share_cell(v: Option<f64>) -> Cell {
    v.map_or(Cell::Empty, Cell::Percent)
}

fn count_heads(lang: Lang) -> Vec<String> {
    Count::ALL
        .iter()
        .map(|c| c.label_in(lang).to_owned())
        .collect()
}

pub(super) fn sheets(
    book: &mut Workbook,
    formats: &Formats,
    project: &Project,
    cycle: usize,
    lang: Lang,
) -> Result<(), XlsxError> {
    let Some(c) = project.cycles.get(cycle) else {
        return Ok(());
    };
    let a = &c.analysis.support;
    if a.is_empty() {
        return Ok(());
    }
    let below = project.settings.small_numbers_below;
    let table = shown_table(a, below);
    let chart = project.support_chart(cycle);
    let mut sheet = Table::new(book, formats, t!(lang, "xlsx.sheet_support"))?;
    let mut head: Vec<String> = vec![
        t!(lang, "support.school").to_owned(),
        t!(lang, "support.brin").to_owned(),
        t!(lang, "support.board").to_owned(),
        t!(lang, "support.sector").to_owned(),
    ];
    head.extend(count_heads(lang));
    head.push(t!(lang, "support.grey_of_support").to_owned());
    head.push(t!(lang, "support.grey_of_care").to_owned());
    if chart.with_previous {
        head.extend(
            BARS.iter()
                .map(|c| tf!(lang, "xlsx.previous", what = c.label_in(lang))),
        );
    }
    sheet.header(&head.iter().map(String::as_str).collect::<Vec<_>>())?;
    for (k, cells) in &table.schools {
        let r = &a.schools[*k];
        let mut row = vec![
            Cell::Text(r.name.clone()),
            Cell::Text(r.brin.clone()),
            Cell::Text(r.board.clone()),
            Cell::Text(
                r.sector
                    .map(|s| s.label_in(lang).to_owned())
                    .unwrap_or_default(),
            ),
        ];
        row.extend(cells.iter().map(|s| count_cell(*s, below)));
        let (of_support, of_care) = ShownTable::grey_shares(cells);
        row.extend([share_cell(of_support), share_cell(of_care)]);
        if chart.with_previous {
            let before = chart.schools.iter().find(|x| x.key == RowKey::School(r.id));
            row.extend(
                BARS.iter().enumerate().map(|(j, _)| {
                    before.map_or(Cell::Empty, |x| count_cell(x.bars[j].before, below))
                }),
            );
        }
        sheet.row(row)?;
    }
    sheet.finish()?;

    let mut sums = Table::new(book, formats, t!(lang, "xlsx.sheet_support_totals"))?;
    let mut head: Vec<String> = vec![
        t!(lang, "support.sector").to_owned(),
        t!(lang, "support.schools").to_owned(),
    ];
    head.extend(count_heads(lang));
    head.push(t!(lang, "support.grey_of_support").to_owned());
    head.push(t!(lang, "support.grey_of_care").to_owned());
    sums.header(&head.iter().map(String::as_str).collect::<Vec<_>>())?;
    let groups = (table.sectors.iter())
        .map(|(s, cells)| {
            (
                s.label_in(lang).to_owned(),
                a.totals(Some(*s)).schools,
                cells,
            )
        })
        .chain(std::iter::once((
            t!(lang, "support.region").to_owned(),
            a.totals(None).schools,
            &table.region,
        )));
    for (name, schools, cells) in groups {
        let mut row = vec![Cell::Text(name), Cell::Whole(schools as f64)];
        row.extend(cells.iter().map(|s| count_cell(*s, below)));
        let (of_support, of_care) = ShownTable::grey_shares(cells);
        row.extend([share_cell(of_support), share_cell(of_care)]);
        sums.row(row)?;
    }
    sums.finish()
}
