//! CSV import (simple and CBS StatLine layouts, good and bad rows) and export.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use kompas::import::*;
use proptest::prelude::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/csv/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn preview(name: &str) -> (CsvTable, Detected, ImportPreview) {
    let table = read_table(&fixture(name)).unwrap();
    let det = detect(&table);
    let prev = apply(&table, &det.mapping);
    (table, det, prev)
}

#[test]
fn simple_layout_with_header_and_bad_rows() {
    let (table, det, prev) = preview("simple.csv");
    assert_eq!(table.delimiter, b',');
    assert!(table.has_header);
    assert_eq!(det.layout, Layout::Simple);
    assert_eq!(det.mapping.date_column, 0);
    assert_eq!(det.mapping.value_column, 1);
    assert_eq!(det.mapping.source_column, Some(2));
    let got: Vec<(NaiveDate, f64, &str)> = prev
        .rows
        .iter()
        .map(|r| (r.date, r.value, r.source.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (d(2023, 10, 1), 46.0, "Leerplicht"),
            (d(2024, 2, 1), 42.0, "Leerplicht"),
            (d(2024, 5, 1), 39.5, ""),
            (d(2024, 11, 1), 36.0, ""),
        ]
    );
    // line numbers count the header and the empty line
    assert_eq!(prev.rows[3].line, 9);
    let problems: Vec<(usize, RowIssue)> = prev
        .problems
        .iter()
        .map(|p| (p.line, p.issue.clone()))
        .collect();
    assert_eq!(
        problems,
        vec![
            (5, RowIssue::BadDate("morgen".into())),
            (6, RowIssue::BadValue("veel".into())),
            (7, RowIssue::MissingValue),
        ]
    );
}

#[test]
fn dutch_semicolons_decimal_commas_bom_and_no_header() {
    let (table, det, prev) = preview("simple-dutch.csv");
    assert_eq!(table.delimiter, b';');
    assert!(!table.has_header);
    assert_eq!(table.headers, vec!["1", "2", "3"]);
    assert_eq!(det.mapping.source_column, Some(2));
    let values: Vec<f64> = prev.rows.iter().map(|r| r.value).collect();
    assert_eq!(values, vec![46.5, 1250.75, 63.0]);
    assert_eq!(prev.rows[2].source, "Ouderpeiling één");
    assert_eq!(prev.rows[0].line, 1);
    assert!(prev.problems.is_empty());
}

#[test]
fn statline_layout_with_region_filter_and_period_codes() {
    let (table, det, prev) = preview("statline.csv");
    assert_eq!(table.delimiter, b';');
    assert_eq!(det.layout, Layout::StatLine);
    assert_eq!(table.headers[det.mapping.date_column], "Perioden");
    assert_eq!(det.mapping.region_column, Some(1));
    assert_eq!(det.regions, vec!["GM0344", "GM0363"]);
    assert_eq!(det.mapping.region.as_deref(), Some("GM0344"));
    let names: Vec<&str> = det
        .value_columns
        .iter()
        .map(|c| table.headers[*c].as_str())
        .collect();
    assert_eq!(names, vec!["Thuiszitters_1", "Vrijstellingen_2"]);
    assert_eq!(det.mapping.source_text, "CBS StatLine");
    let got: Vec<(NaiveDate, f64)> = prev.rows.iter().map(|r| (r.date, r.value)).collect();
    assert_eq!(
        got,
        vec![
            (d(2019, 12, 31), 52.0),
            (d(2020, 12, 31), 48.0),
            (d(2021, 6, 30), 45.0),
            (d(2023, 3, 31), 41.5),
        ]
    );
    assert_eq!(prev.other_region, 2);
    assert_eq!(
        prev.problems,
        vec![
            RowProblem {
                line: 6,
                issue: RowIssue::BadDate("2021XX00".into())
            },
            RowProblem {
                line: 7,
                issue: RowIssue::BadValue("4x4".into())
            },
        ]
    );
    // the other value column and the other region
    let mut m = det.mapping.clone();
    m.value_column = det.value_columns[1];
    m.region = Some("GM0363".into());
    let other = apply(&table, &m);
    let got: Vec<(NaiveDate, f64)> = other.rows.iter().map(|r| (r.date, r.value)).collect();
    assert_eq!(got, vec![(d(2020, 12, 31), 40.0), (d(2022, 12, 31), 38.0)]);
    assert!(other.rows.iter().all(|r| r.source == "CBS StatLine"));
    // a missing value in the chosen column is reported, not imported as 0
    m.region = Some("GM0344".into());
    let with_missing = apply(&table, &m);
    assert!(with_missing.problems.contains(&RowProblem {
        line: 3,
        issue: RowIssue::MissingValue
    }));
}

#[test]
fn tabs_latin1_and_year_only_dates() {
    let (table, det, prev) = preview("tabs.csv");
    assert_eq!(table.delimiter, b'\t');
    assert_eq!(det.mapping.source_column, Some(2));
    assert_eq!(prev.rows.len(), 2);
    assert_eq!(prev.rows[1].source, "na kernteams");
    let (table, _, prev) = preview("latin1.csv");
    assert_eq!(table.headers[0], "Schéma");
    let got: Vec<(NaiveDate, f64)> = prev.rows.iter().map(|r| (r.date, r.value)).collect();
    assert_eq!(got, vec![(d(2023, 12, 31), 7.5), (d(2024, 12, 31), 8.0)]);
}

#[test]
fn unclosed_quote_and_empty_files_do_not_crash() {
    let (_, _, prev) = preview("unclosed-quote.csv");
    // the quote swallows the rest of the file: that row is reported, nothing made up
    assert!(prev.rows.is_empty());
    assert_eq!(prev.problems.len(), 1);
    assert_eq!(prev.problems[0].line, 2);
    assert_eq!(read_table(b""), Err(ImportError::Empty));
    assert_eq!(read_table(b"\xef\xbb\xbf  \n\n"), Err(ImportError::Empty));
    assert_eq!(
        read_table(b"alleen\neen\nkolom\n"),
        Err(ImportError::NoColumns)
    );
}

#[test]
fn dates_and_numbers_as_spreadsheets_write_them() {
    assert_eq!(parse_date("2021JJ00"), Some(d(2021, 12, 31)));
    assert_eq!(parse_date("2021KW01"), Some(d(2021, 3, 31)));
    assert_eq!(parse_date("2024MM02"), Some(d(2024, 2, 29)));
    assert_eq!(parse_date("2021HJ01"), Some(d(2021, 6, 30)));
    assert_eq!(parse_date("2021KW05"), None);
    assert_eq!(parse_date("31-02-2024"), None);
    assert_eq!(parse_date("1899"), None);
    assert_eq!(parse_value("3,5"), Some(3.5));
    assert_eq!(parse_value("1.250,5"), Some(1250.5));
    assert_eq!(parse_value("1,250.5"), Some(1250.5));
    assert_eq!(parse_value("12 %"), Some(12.0));
    assert_eq!(
        parse_value("1.250"),
        Some(1.25),
        "a single point is a decimal point"
    );
    assert_eq!(parse_value("-4"), Some(-4.0));
    assert_eq!(parse_value("GM0344"), None);
    assert_eq!(parse_value("01-10-2023"), None);
    assert_eq!(parse_value("."), None);
}

#[test]
fn cycle_export_lists_every_indicator_and_measurement() {
    let sample = &kompas::samples::SAMPLES[1];
    let project = kompas::storage::parse(sample.content.as_bytes())
        .unwrap()
        .project;
    kompas::i18n::set_lang(kompas::i18n::Lang::Nl);
    let text = kompas::export::cycle_csv(&project, 0).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[1], "Indicator");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let measurements: usize = project.cycles[0].evaluation.measurements.len();
    assert_eq!(rows.len(), measurements);
    // Dutch decimal comma, ISO dates, and the export reads back through the importer
    let table = read_table(text.as_bytes()).unwrap();
    assert!(table.has_header);
    let first = &rows[0];
    assert!(
        first[10].len() == 10 && first[10].starts_with("20"),
        "{first:?}"
    );
    let value_col = headers.iter().position(|h| h == "Waarde").unwrap();
    let date_col = headers.iter().position(|h| h == "Datum").unwrap();
    let m = Mapping {
        date_column: date_col,
        value_column: value_col,
        source_column: None,
        source_text: String::new(),
        region_column: None,
        region: None,
    };
    let back = apply(&table, &m);
    assert_eq!(back.rows.len(), measurements);
    assert!(back.problems.is_empty(), "{:?}", back.problems);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]
    /// Any bytes: an error or a table, never a panic, and every problem has a line.
    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(table) = read_table(&bytes) {
            let det = detect(&table);
            let prev = apply(&table, &det.mapping);
            prop_assert!(prev.rows.len() + prev.problems.len() + prev.other_region
                >= table.rows.len());
        }
    }

    /// CSV-like text built from plausible cells.
    #[test]
    fn csv_like_text_never_panics(
        cells in proptest::collection::vec(
            prop_oneof![
                Just("2021JJ00".to_owned()), Just("31-12-2024".to_owned()), Just("3,5".to_owned()),
                Just("\"".to_owned()), Just(";".to_owned()), Just(",".to_owned()),
                Just("\n".to_owned()), Just("GM0344".to_owned()), "[0-9.,-]{0,6}",
            ],
            0..60,
        )
    ) {
        let text = cells.concat();
        if let Ok(table) = read_table(text.as_bytes()) {
            let det = detect(&table);
            let _ = apply(&table, &det.mapping);
        }
    }
}
