//! The figures of a cycle as an Excel workbook: a sheet of indicators, one of measurements,
//! one of interventions, one of actions, and a sheet with a native line chart per indicator.
//! Dates are date cells and values numbers (formatted by the cell, so Excel shows them in its
//! own language: `1.250,5` and `12-03-2025` in a Dutch Excel); a value of an indicator that
//! counts people below the project's threshold is the text "< N" in every cell, and it is left
//! out of the charts' data altogether (see `chart.rs`).
//!
//! - `mod.rs`: the workbook, the four tables;
//! - `table.rs`: writing a table (cells, header, frozen row, autofilter, column widths);
//! - `chart.rs`: the charts sheet;
//! - `support.rs`: the support analysis per school and its sums, small counts hidden as in
//!   the report.

mod chart;
mod support;
mod table;

use crate::i18n::{Label, Lang, t};
use crate::model::{Project, SeriesIndex, assess};
use rust_xlsxwriter::{Workbook, XlsxError};
use table::{Cell, Formats, Table};

/// A cycle's figures as the bytes of an `.xlsx` file, in `lang`.
pub fn cycle_xlsx(project: &Project, cycle: usize, lang: Lang) -> Result<Vec<u8>, String> {
    build(project, cycle, lang).map_err(|e| e.to_string())
}

fn build(project: &Project, cycle: usize, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let formats = Formats::new(lang);
    let index = SeriesIndex::new(project);
    let today = chrono::Local::now().date_naive();
    if let Some(c) = project.cycles.get(cycle) {
        indicators(&mut book, &formats, project, c, &index, today, lang)?;
        measurements(&mut book, &formats, project, c, &index, lang)?;
        interventions(&mut book, &formats, project, c, lang)?;
        actions(&mut book, &formats, project, c, lang)?;
        support::sheets(&mut book, &formats, project, cycle, lang)?;
        chart::charts(&mut book, &formats, project, c, &index, lang)?;
    } else {
        // no such cycle: an empty workbook still opens
        book.add_worksheet()
            .set_name(t!(lang, "xlsx.sheet_indicators"))?;
    }
    book.save_to_buffer()
}

/// A value as an export writes it in a cell: a number, or "< N" for a small count of people.
pub(super) fn value_cell(project: &Project, value: f64, counts_people: bool) -> Cell {
    let below = project.settings.small_numbers_below;
    if crate::privacy::suppress(value, counts_people, below) {
        Cell::Text(format!("< {below}"))
    } else {
        Cell::Number(value)
    }
}

fn opt_value(project: &Project, value: Option<f64>, counts_people: bool) -> Cell {
    value.map_or(Cell::Empty, |v| value_cell(project, v, counts_people))
}

fn partner_name(project: &Project, id: Option<crate::model::Id>) -> String {
    id.and_then(|id| project.partners.iter().find(|p| p.id == id))
        .map(|p| p.name.clone())
        .unwrap_or_default()
}

fn indicators(
    book: &mut Workbook,
    formats: &Formats,
    project: &Project,
    c: &crate::model::Cycle,
    index: &SeriesIndex,
    today: chrono::NaiveDate,
    lang: Lang,
) -> Result<(), XlsxError> {
    let mut table = Table::new(book, formats, t!(lang, "xlsx.sheet_indicators"))?;
    table.header(&[
        t!(lang, "csv.outcome"),
        t!(lang, "csv.indicator"),
        t!(lang, "indicator.unit"),
        t!(lang, "indicator.direction"),
        t!(lang, "csv.baseline"),
        t!(lang, "csv.baseline_date"),
        t!(lang, "csv.target"),
        t!(lang, "csv.target_date"),
        t!(lang, "xlsx.latest"),
        t!(lang, "xlsx.latest_date"),
        t!(lang, "csv.status"),
    ])?;
    for o in &c.outcomes {
        for i in &o.indicators {
            let series = index.series(i.id);
            let a = assess(i, &series, today);
            let counts = i.is_count_of_people();
            let (latest_date, latest) = a.latest.map_or((None, None), |(d, v)| (d, Some(v)));
            table.row(vec![
                Cell::Text(o.title.clone()),
                Cell::Text(i.name.clone()),
                Cell::Text(i.unit.clone()),
                Cell::Text(i.direction.label_in(lang).to_owned()),
                opt_value(project, i.baseline_value, counts),
                Cell::date(i.baseline_date),
                opt_value(project, i.target_value, counts),
                Cell::date(i.target_date),
                opt_value(project, latest, counts),
                Cell::date(latest_date),
                Cell::Text(crate::export::status_words(&a, &series, today, lang)),
            ])?;
        }
    }
    table.finish()
}

/// Every measurement of the cycle's indicators: their whole series, earlier cycles included
/// (as the CSV and the charts).
fn measurements(
    book: &mut Workbook,
    formats: &Formats,
    project: &Project,
    c: &crate::model::Cycle,
    index: &SeriesIndex,
    lang: Lang,
) -> Result<(), XlsxError> {
    let mut table = Table::new(book, formats, t!(lang, "xlsx.sheet_measurements"))?;
    table.header(&[
        t!(lang, "csv.indicator"),
        t!(lang, "measurement.date"),
        t!(lang, "measurement.value"),
        t!(lang, "indicator.unit"),
        t!(lang, "measurement.source"),
        t!(lang, "measurement.note"),
        t!(lang, "csv.cycle"),
    ])?;
    for i in c.indicators() {
        let counts = i.is_count_of_people();
        for p in index.series(i.id) {
            let cycle_name = project
                .cycles
                .iter()
                .find(|x| x.id == p.cycle)
                .map(|x| x.name.clone())
                .unwrap_or_default();
            table.row(vec![
                Cell::Text(i.name.clone()),
                Cell::date(p.date),
                value_cell(project, p.value, counts),
                Cell::Text(i.unit.clone()),
                Cell::Text(p.source.clone()),
                Cell::Text(p.note.clone()),
                Cell::Text(cycle_name),
            ])?;
        }
    }
    table.finish()
}

fn interventions(
    book: &mut Workbook,
    formats: &Formats,
    project: &Project,
    c: &crate::model::Cycle,
    lang: Lang,
) -> Result<(), XlsxError> {
    let mut table = Table::new(book, formats, t!(lang, "xlsx.sheet_interventions"))?;
    table.header(&[
        t!(lang, "intervention.title"),
        t!(lang, "step.outcomes"),
        t!(lang, "intervention.responsible"),
        t!(lang, "intervention.start"),
        t!(lang, "intervention.end"),
        t!(lang, "intervention.budget"),
        t!(lang, "intervention.financing"),
        t!(lang, "intervention.status"),
        t!(lang, "judgement.contribution"),
        t!(lang, "judgement.decision"),
        t!(lang, "judgement.evidence"),
    ])?;
    for iv in &c.interventions {
        let outcomes: Vec<String> = iv
            .contributions
            .iter()
            .filter_map(|k| c.outcome(k.outcome).map(|o| o.title.clone()))
            .collect();
        let partners: Vec<String> = iv
            .responsible
            .iter()
            .map(|id| partner_name(project, Some(*id)))
            .filter(|n| !n.is_empty())
            .collect();
        let judgement = c.judgement_of(iv.id);
        table.row(vec![
            Cell::Text(iv.title.clone()),
            Cell::Text(outcomes.join("; ")),
            Cell::Text(partners.join("; ")),
            Cell::date(iv.start),
            Cell::date(iv.end),
            iv.budget_eur.map_or(Cell::Empty, |b| Cell::Whole(b as f64)),
            Cell::Text(
                iv.financing
                    .map(|f| f.label_in(lang).to_owned())
                    .unwrap_or_default(),
            ),
            Cell::Text(iv.status.label_in(lang).to_owned()),
            Cell::Text(
                judgement
                    .map(|j| j.contribution.label_in(lang).to_owned())
                    .unwrap_or_default(),
            ),
            Cell::Text(
                judgement
                    .and_then(|j| j.decision)
                    .map(|d| d.label_in(lang).to_owned())
                    .unwrap_or_default(),
            ),
            Cell::Text(judgement.map(|j| j.evidence.clone()).unwrap_or_default()),
        ])?;
    }
    table.finish()
}

/// The actions agreed in the meetings of the cycle's period (and in undated meetings, which
/// belong to no period and would otherwise be in no workbook), by due date.
fn actions(
    book: &mut Workbook,
    formats: &Formats,
    project: &Project,
    c: &crate::model::Cycle,
    lang: Lang,
) -> Result<(), XlsxError> {
    let mut table = Table::new(book, formats, t!(lang, "xlsx.sheet_actions"))?;
    table.header(&[
        t!(lang, "meeting.kind"),
        t!(lang, "meeting.date"),
        t!(lang, "action.what"),
        t!(lang, "action.owner"),
        t!(lang, "action.due"),
        t!(lang, "action.status"),
    ])?;
    let in_period = |d: Option<chrono::NaiveDate>| d.is_none_or(|d| c.start <= d && d <= c.end);
    for (m, a) in project.all_actions() {
        if !in_period(m.date) {
            continue;
        }
        table.row(vec![
            Cell::Text(m.title.clone()),
            Cell::date(m.date),
            Cell::Text(a.what.clone()),
            Cell::Text(partner_name(project, a.owner)),
            Cell::date(a.due),
            Cell::Text(a.status.label_in(lang).to_owned()),
        ])?;
    }
    table.finish()
}
