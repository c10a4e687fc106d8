//! Every indicator of a cycle with its measurements as CSV.

use crate::i18n::{Label, Lang, t};
use crate::model::{Project, assess};

/// Every indicator of a cycle with its measurements (its whole series, earlier cycles
/// included), one row per measurement; an indicator without measurements gets one row.
/// Semicolon-separated with the decimal sign of the interface language, dates as
/// `yyyy-mm-dd`: what Excel in that language opens without an import wizard.
pub fn cycle_csv(project: &Project, cycle: usize, lang: Lang) -> Result<String, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    w.write_record([
        t!(lang, "csv.outcome"),
        t!(lang, "csv.indicator"),
        t!(lang, "indicator.unit"),
        t!(lang, "indicator.direction"),
        t!(lang, "csv.baseline"),
        t!(lang, "csv.baseline_date"),
        t!(lang, "csv.target"),
        t!(lang, "csv.target_date"),
        t!(lang, "csv.status"),
        t!(lang, "csv.cycle"),
        t!(lang, "measurement.date"),
        t!(lang, "measurement.value"),
        t!(lang, "measurement.source"),
        t!(lang, "measurement.note"),
        // last, so the columns of before keep their place
        t!(lang, "csv.status_basis"),
    ])?;
    let Some(c) = project.cycles.get(cycle) else {
        return into_string(w);
    };
    let below = project.settings.small_numbers_below;
    // every number of an indicator that counts people follows the threshold
    let shown = |v: f64, counts: bool| {
        if crate::privacy::suppress(v, counts, below) {
            format!("< {below}")
        } else {
            decimal(v, lang)
        }
    };
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let index = crate::model::SeriesIndex::new(project);
    let today = chrono::Local::now().date_naive();
    for o in &c.outcomes {
        for i in &o.indicators {
            let series = index.series(i.id);
            let a = assess(i, &series, today);
            let status = a.status.label_in(lang);
            let rests_on = crate::i18n::basis_text_in(lang, &a, &series, today).unwrap_or_default();
            let counts = i.is_count_of_people();
            let num = |v: Option<f64>| v.map(|v| shown(v, counts)).unwrap_or_default();
            let fixed = [
                o.title.clone(),
                i.name.clone(),
                i.unit.clone(),
                i.direction.label_in(lang).to_owned(),
                num(i.baseline_value),
                date(i.baseline_date),
                num(i.target_value),
                date(i.target_date),
                status.to_owned(),
            ];
            if series.is_empty() {
                let mut row = fixed.to_vec();
                row.extend([
                    c.name.clone(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    rests_on.clone(),
                ]);
                w.write_record(&row)?;
            }
            for p in &series {
                let cycle_name = project
                    .cycles
                    .iter()
                    .find(|x| x.id == p.cycle)
                    .map(|x| x.name.clone())
                    .unwrap_or_default();
                let value = shown(p.value, counts);
                let mut row = fixed.to_vec();
                row.extend([
                    cycle_name,
                    date(p.date),
                    value,
                    p.source.clone(),
                    p.note.clone(),
                    rests_on.clone(),
                ]);
                w.write_record(&row)?;
            }
        }
    }
    into_string(w)
}

/// The support analysis of a cycle as one table (`--sections ondersteuning`): the schools,
/// then the sums per sector and for the region, every count as the report shows it ("< N",
/// "•" where a small count could be computed back).
pub fn support_csv(project: &Project, cycle: usize, lang: Lang) -> Result<String, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    let (head, rows) = crate::report::support_csv_rows(project, cycle, lang);
    w.write_record(&head)?;
    for row in rows {
        w.write_record(&row)?;
    }
    into_string(w)
}

/// A number with the interface language's decimal sign and no thousands separator, so a
/// spreadsheet reads it as a number.
fn decimal(v: f64, lang: Lang) -> String {
    let text = format!("{v}");
    match lang {
        crate::i18n::Lang::Nl => text.replace('.', ","),
        crate::i18n::Lang::En => text,
    }
}

fn into_string(w: csv::Writer<Vec<u8>>) -> Result<String, csv::Error> {
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(super::printable(
        String::from_utf8_lossy(&bytes).into_owned(),
    ))
}
