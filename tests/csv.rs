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
    let (table, det, _) = preview("statline.csv");
    assert_eq!(table.delimiter, b';');
    assert_eq!(det.layout, Layout::StatLine);
    assert_eq!(table.headers[det.mapping.date_column], "Perioden");
    assert_eq!(det.mapping.region_column, Some(1));
    assert_eq!(det.regions, vec!["GM0344", "GM0363"]);
    // two regions: none is chosen for the user, and nothing is imported until one is
    assert_eq!(det.mapping.region, None);
    assert!(apply(&table, &det.mapping).needs_region);
    let mut chosen = det.mapping.clone();
    chosen.region = Some("GM0344".into());
    let prev = apply(&table, &chosen);
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
    let mut m = chosen.clone();
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
        None,
        "1250 or 1.25: alone, it is not read (see the column test)"
    );
    assert_eq!(parse_value("1.25"), Some(1.25), "CBS writes decimal points");
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
    let text = kompas::export::cycle_csv(&project, 0, kompas::i18n::Lang::Nl).unwrap();
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
        more_value_columns: Vec::new(),
        source_column: None,
        source_text: String::new(),
        region_column: None,
        region: None,
        counts_people: false,
    };
    // one indicator at a time: a series has each date once (the same date twice is refused)
    let mut names: Vec<&str> = rows.iter().map(|r| &r[1]).collect();
    names.sort_unstable();
    names.dedup();
    let mut read_back = 0;
    for name in names {
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(Vec::new());
        w.write_record(&headers).unwrap();
        for r in rows.iter().filter(|r| &r[1] == name) {
            w.write_record(r).unwrap();
        }
        let one = read_table(&w.into_inner().unwrap()).unwrap();
        let back = apply(&one, &m);
        assert!(back.problems.is_empty(), "{name}: {:?}", back.problems);
        read_back += back.rows.len();
    }
    assert_eq!(read_back, measurements);
    // all of them at once: the dates that several indicators share are refused, not mixed
    let back = apply(&table, &m);
    assert!(back.rows.len() < measurements);
    assert!(
        back.problems
            .iter()
            .all(|p| matches!(p.issue, RowIssue::SameDate { .. }))
    );
}

/// Strict values: what is not clearly a date or a number is refused with its line, never
/// guessed. `1-1-25` is not the year 25, `0000-01-01` not a date, `€ 1.000` a thousand,
/// `1.2.3` not 123, and `NaN`, `inf` and `1e308` not numbers.
#[test]
fn unclear_dates_and_numbers_are_refused_per_line() {
    for bad in [
        "1-1-25",
        "0000-01-01",
        "31-12-0024",
        "1-1-225",
        "2024-1",
        "1/1/99999",
    ] {
        assert_eq!(parse_date(bad), None, "{bad}");
        assert_eq!(kompas::i18n::parse_date(bad), None, "{bad}");
    }
    assert_eq!(parse_date("1-1-2025"), Some(d(2025, 1, 1)));
    assert_eq!(parse_date("2025/1/31"), Some(d(2025, 1, 31)));
    assert_eq!(kompas::i18n::parse_date("1 jan 25"), None);
    for (cell, want) in [
        ("€ 1.000", Some(1000.0)),
        ("€ 12.500,50", Some(12500.5)),
        ("1.250.000", Some(1_250_000.0)),
        ("1,250,000", Some(1_250_000.0)),
        ("1 250,5", Some(1250.5)),
        ("0.250", Some(0.25)),
        ("1.2.3", None),
        ("1,2,3", None),
        ("12.34.567", None),
        ("1 2", None),
        ("1..2", None),
        ("--4", None),
        ("4-", None),
        ("NaN", None),
        ("inf", None),
        ("-inf", None),
        ("1e308", None),
        ("1E5", None),
        ("99999999999999", None),
    ] {
        assert_eq!(parse_value(cell), want, "{cell}");
    }
    for lang in [kompas::i18n::Lang::Nl, kompas::i18n::Lang::En] {
        kompas::i18n::set_lang(lang);
        for bad in ["NaN", "inf", "1e308", "1.2.3", "1e5"] {
            assert_eq!(kompas::i18n::parse_number(bad), None, "{bad}");
        }
        assert_eq!(kompas::i18n::parse_number("€ 1.000"), Some(1000.0));
    }
    kompas::i18n::set_lang(kompas::i18n::Lang::Nl);
    let text = "datum;waarde\n1-1-25;3\n0000-01-01;4\n01-01-2025;1.2.3\n01-02-2025;NaN\n\
                01-03-2025;€ 1.000\n01-04-2025;1e308\n01-05-2025;inf\n";
    let table = read_table(text.as_bytes()).unwrap();
    let prev = apply(&table, &detect(&table).mapping);
    let got: Vec<(usize, f64)> = prev.rows.iter().map(|r| (r.line, r.value)).collect();
    assert_eq!(got, vec![(6, 1000.0)]);
    let lines: Vec<usize> = prev.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, vec![2, 3, 4, 5, 7, 8]);
    assert!(matches!(prev.problems[0].issue, RowIssue::BadDate(_)));
    assert!(matches!(prev.problems[2].issue, RowIssue::BadValue(_)));
}

/// `1.250` is read as the rest of its column writes numbers; when the column does not tell,
/// the row is refused as ambiguous.
#[test]
fn an_ambiguous_number_follows_its_column_or_is_refused() {
    let read = |text: &str| {
        let table = read_table(text.as_bytes()).unwrap();
        apply(&table, &detect(&table).mapping)
    };
    let dutch = read("datum;waarde\n2023;1.250\n2024;3,5\n");
    assert_eq!(dutch.rows[0].value, 1250.0);
    let english = read("datum;waarde\n2023;1.250\n2024;3.5\n");
    assert_eq!(english.rows[0].value, 1.25);
    let unknown = read("datum;waarde\n2023;1.250\n2024;7\n");
    assert_eq!(unknown.rows.len(), 1);
    assert_eq!(
        unknown.problems,
        vec![RowProblem {
            line: 2,
            issue: RowIssue::AmbiguousValue("1.250".into())
        }]
    );
}

fn utf16(text: &str, little: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend(if little { [0xFF, 0xFE] } else { [0xFE, 0xFF] });
    }
    for u in text.encode_utf16() {
        out.extend(if little {
            u.to_le_bytes()
        } else {
            u.to_be_bytes()
        });
    }
    out
}

/// Excel's "Unicode text" is UTF-16 with a BOM and tabs: read as UTF-16, not as Latin-1 with
/// a zero after every letter.
#[test]
fn utf16_files_are_read_as_utf16() {
    let text = "Peildatum\tWaarde\tOpmerking\n31-12-2023\t7,5\tcliënten\n31-12-2024\t8\tné\n";
    let want = read_table(text.as_bytes()).unwrap();
    for (little, bom) in [(true, true), (false, true), (true, false)] {
        let table = read_table(&utf16(text, little, bom)).unwrap();
        assert_eq!(table, want, "little endian {little}, BOM {bom}");
    }
    let prev = apply(&want, &detect(&want).mapping);
    assert_eq!(prev.rows.len(), 2);
    assert_eq!(prev.rows[0].source, "cliënten");
}

/// 200,000 rows: every one read, each with its own line number.
#[test]
fn a_large_file_reads_every_row_with_its_line() {
    let mut text = String::from("datum;waarde\n");
    for k in 0..200_000u32 {
        text.push_str(&format!(
            "{:02}-{:02}-2024;{}\n",
            k % 28 + 1,
            k % 12 + 1,
            k % 997
        ));
    }
    let table = read_table(text.as_bytes()).unwrap();
    assert_eq!(table.rows.len(), 200_000);
    assert_eq!(table.rows[199_999].line, 200_001);
    assert_eq!(table.rows[12_345].line, 12_347);
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

/// CBS open data ("Tabel met de dataset"): region codes padded with spaces in a column named
/// after the table, a name column, `.` for missing, one indicator over two numbered columns.
#[test]
fn cbs_open_data_offers_each_indicator_once_and_regions_by_code_and_name() {
    let (table, det, prev) = preview("cbs-open-data.csv");
    assert_eq!(det.layout, Layout::StatLine);
    assert_eq!(
        table.headers[det.mapping.region_column.unwrap()],
        "WijkenEnBuurten"
    );
    let names: Vec<&str> = det.series.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, vec!["Thuiszitters", "Vrijstellingen"]);
    assert_eq!(det.series[0].columns.len(), 2);
    // gemeenten first, then the others in the file's order
    assert_eq!(
        det.regions,
        vec!["GM0034", "GM0050", "NL01", "WK003401", "BU00340101", "PV24"]
    );
    assert_eq!(det.region_label("GM0050"), "GM0050 Zeewolde");
    assert_eq!(det.region_label("PV24"), "PV24");
    // several regions and none chosen: nothing is imported
    assert_eq!(det.mapping.region, None);
    assert!(prev.needs_region);
    assert!(prev.rows.is_empty());
    let mut m = det.mapping.clone();
    m.choose_series(&det.series[0]);
    m.region = Some("GM0034".into());
    let almere = apply(&table, &m);
    let got: Vec<(NaiveDate, f64)> = almere.rows.iter().map(|r| (r.date, r.value)).collect();
    assert_eq!(got, vec![(d(2024, 1, 1), 61.0), (d(2025, 1, 1), 58.0)]);
    assert!(almere.problems.is_empty(), "{:?}", almere.problems);
    assert!(!almere.needs_region);
    assert_eq!(almere.other_region, 7);
    // a row that fills both columns of one indicator is refused, not guessed
    m.region = Some("GM0050".into());
    let zeewolde = apply(&table, &m);
    assert_eq!(zeewolde.rows.len(), 1);
    assert_eq!(
        zeewolde.problems,
        vec![RowProblem {
            line: 9,
            issue: RowIssue::SeveralValues(vec!["6".into(), "5".into()])
        }]
    );
}

/// The region column is found by its codes, whatever its name, and a file with several
/// regions in it never becomes one series.
#[test]
fn region_codes_are_found_by_content_and_several_regions_need_a_choice() {
    let text = "Code;Jaar;Aantal\nGM0034;2023;61\nGM0050;2023;8\nGM0034;2024;58\n";
    let table = read_table(text.as_bytes()).unwrap();
    let det = detect(&table);
    assert_eq!(det.mapping.region_column, Some(0));
    assert_eq!(det.regions, vec!["GM0034", "GM0050"]);
    let prev = apply(&table, &det.mapping);
    assert!(prev.needs_region);
    assert!(prev.rows.is_empty());
    let one = "Code;Jaar;Aantal\nGM0034;2023;61\nGM0034;2024;58\n";
    let table = read_table(one.as_bytes()).unwrap();
    let det = detect(&table);
    assert_eq!(det.mapping.region.as_deref(), Some("GM0034"));
    assert_eq!(apply(&table, &det.mapping).rows.len(), 2);
    let (table, det, _) = preview("cbs-two-regions.csv");
    let mut m = det.mapping.clone();
    m.region = Some("GM0034".into());
    let got: Vec<(NaiveDate, f64)> = apply(&table, &m)
        .rows
        .iter()
        .map(|r| (r.date, r.value))
        .collect();
    assert_eq!(got, vec![(d(2023, 12, 31), 61.0), (d(2024, 12, 31), 58.0)]);
}

/// StatLine's web table (title lines, periods as a header row, `Bron: CBS`) is refused as
/// what it is, not as "no columns".
#[test]
fn a_statline_web_table_is_refused_by_name() {
    assert_eq!(
        read_table(&fixture("statline-webtable.csv")),
        Err(ImportError::StatLineWebTable)
    );
}

/// Excel and OpenDocument workbooks go through the same detection and mapping: date cells
/// become dates, numbers stay the numbers they are (58.125 is not 58125), rows keep their
/// spreadsheet row numbers, and a file that is no workbook is refused, not guessed.
#[test]
fn xlsx_and_ods_workbooks_are_read_like_csv() {
    let table = read_file_table("thuiszitters.xlsx", &fixture("thuiszitters.xlsx")).unwrap();
    assert!(table.has_header);
    assert_eq!(table.headers, vec!["Peildatum", "Regio", "Aantal", "Bron"]);
    let det = detect(&table);
    assert_eq!(det.mapping.region.as_deref(), Some("GM0034"));
    let prev = apply(&table, &det.mapping);
    let got: Vec<(usize, NaiveDate, f64, &str)> = prev
        .rows
        .iter()
        .map(|r| (r.line, r.date, r.value, r.source.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (2, d(2023, 12, 31), 61.0, "CBS StatLine"),
            (3, d(2024, 12, 31), 58.125, "CBS StatLine"),
        ]
    );
    assert_eq!(
        prev.problems,
        vec![RowProblem {
            line: 5,
            issue: RowIssue::BadDate("morgen".into())
        }]
    );
    let table = read_file_table("Thuiszitters.ODS", &fixture("thuiszitters.ods")).unwrap();
    let prev = apply(&table, &detect(&table).mapping);
    let got: Vec<(NaiveDate, f64)> = prev.rows.iter().map(|r| (r.date, r.value)).collect();
    assert_eq!(
        got,
        vec![(d(2023, 12, 31), 61.0), (d(2024, 12, 31), 1250.5)],
        "{table:?} {prev:?}"
    );
    assert!(matches!(
        read_file_table("kapot.xlsx", b"datum;waarde\n2024;3\n"),
        Err(ImportError::Workbook(_))
    ));
}

/// A decimal number without thousands separators and more than three digits before the sign
/// (`1250.5`, as CBS and spreadsheets write it) is read; `1250.500` as thousands is not.
#[test]
fn long_numbers_with_a_decimal_sign_are_read() {
    assert_eq!(parse_value("1250.5"), Some(1250.5));
    assert_eq!(parse_value("1250,5"), Some(1250.5));
    assert_eq!(parse_value("-98765.25"), Some(-98765.25));
    assert_eq!(
        kompas::i18n::read_number("1250.500", Some(true)),
        Err(kompas::i18n::NumberError::Invalid)
    );
    assert_eq!(
        kompas::i18n::read_number("1250.500", Some(false)),
        Ok(1250.5)
    );
    assert_eq!(parse_value("1.250,5"), Some(1250.5));
}

/// What `read_table` made of a text when it kept a `String` per cell: the `csv` crate's
/// records, trimmed as its `Trim::All` trims a `StringRecord` (Unicode white space), rows with
/// only empty cells left out, each row with the line of its first cell.
fn records_as_before(text: &str, delimiter: u8) -> Vec<(usize, Vec<String>)> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    for rec in reader.records() {
        let rec = rec.unwrap();
        let cells: Vec<String> = rec.iter().map(str::to_owned).collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        let bytes = text.as_bytes();
        let mut at = rec.position().unwrap().byte() as usize;
        while at < bytes.len() && matches!(bytes[at], b'\n' | b'\r') {
            at += 1;
        }
        let line = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
        out.push((line, cells));
    }
    out
}

/// The rows and cells of a table as the tests compare them.
fn rows_of(table: &CsvTable) -> Vec<(usize, Vec<String>)> {
    let mut out = Vec::new();
    if table.has_header {
        out.push((0, table.headers.clone()));
    }
    for r in &table.rows {
        out.push((r.line, table.cells(r).iter().map(str::to_owned).collect()));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]
    /// The cells kept in one text read exactly as the records did: quotes, doubled quotes,
    /// white space of any kind around cells (also inside quotes), empty lines, CRLF, rows of
    /// different lengths.
    #[test]
    fn cells_are_the_records_of_before(
        cells in proptest::collection::vec(
            prop_oneof![
                Just("2021JJ00".to_owned()), Just("3,5".to_owned()), Just(" 12 ".to_owned()),
                Just("\u{a0}7,5\u{a0}".to_owned()), Just("\u{3000}bron\t".to_owned()),
                Just("\"".to_owned()), Just("\"\"".to_owned()), Just("\" a;b \"".to_owned()),
                Just(";".to_owned()), Just("\n".to_owned()), Just("\r\n".to_owned()),
                Just("é".to_owned()), "[0-9a-z.,-]{0,6}",
            ],
            0..60,
        )
    ) {
        let text = format!("datum;waarde\n{}", cells.concat());
        if let Ok(table) = read_table(text.as_bytes()) {
            prop_assert!(table.has_header);
            let mut want = records_as_before(&text, table.delimiter);
            // the header row, as wide as the widest row
            want[0].0 = 0;
            want[0].1.resize(table.headers.len(), String::new());
            prop_assert_eq!(rows_of(&table), want);
        }
    }
}

/// The footer of a StatLine web table is found whatever its case, and a line that only
/// starts like it is not one.
#[test]
fn the_statline_footer_is_found_in_any_case() {
    for footer in [
        "Bron: CBS",
        "BRON: CBS",
        "bron: cbs",
        "\"Bron: CBS\";;",
        "  Bron: CBS 2024",
    ] {
        let text = format!("datum;waarde\n2024;3\n{footer}\n");
        assert_eq!(
            read_table(text.as_bytes()),
            Err(ImportError::StatLineWebTable),
            "{footer}"
        );
    }
    for other in [
        "Bron: CBS;2024",
        "Bron: CBX;",
        "Bron:CBS;",
        "\"Bron: CBS\";\"x\"",
    ] {
        let text = format!("datum;waarde\n2024;3\n{other}\n");
        assert!(read_table(text.as_bytes()).is_ok(), "{other}");
    }
}

fn read(text: &str, counts_people: bool) -> ImportPreview {
    let table = read_table(text.as_bytes()).unwrap();
    let mut mapping = detect(&table).mapping;
    mapping.counts_people = counts_people;
    apply(&table, &mapping)
}

/// The same date twice in one file: which value is meant cannot be told, so neither row is
/// imported and each names the other line (a third names the first).
#[test]
fn the_same_date_twice_is_a_problem_on_each_row() {
    let prev = read(
        "datum,waarde\n01-01-2024,5\n01-02-2024,6\n2024-01-01,7\n31-12-2024,8\n2024,9\n01-01-2024,5\n",
        false,
    );
    let dates: Vec<NaiveDate> = prev.rows.iter().map(|r| r.date).collect();
    assert_eq!(dates, vec![d(2024, 2, 1)]);
    let problems: Vec<(usize, RowIssue)> = prev
        .problems
        .iter()
        .map(|p| (p.line, p.issue.clone()))
        .collect();
    let same = |date, other| RowIssue::SameDate { date, other };
    assert_eq!(
        problems,
        vec![
            (2, same(d(2024, 1, 1), 4)),
            (4, same(d(2024, 1, 1), 2)),
            // a year counts at its last day: `2024` is the same date as 31-12-2024
            (5, same(d(2024, 12, 31), 6)),
            (6, same(d(2024, 12, 31), 5)),
            (7, same(d(2024, 1, 1), 2)),
        ]
    );
    assert!(
        prev.problems[0]
            .text(kompas::i18n::Lang::En)
            .contains("also on line 4")
    );
}

/// Below zero is refused for an indicator that counts people, and kept for one that does not
/// (a change, a balance).
#[test]
fn a_negative_count_of_people_is_refused() {
    let text = "datum,waarde\n01-01-2024,-3\n01-02-2024,4\n";
    let people = read(text, true);
    assert_eq!(people.rows.len(), 1);
    assert_eq!(
        people.problems[0].issue,
        RowIssue::NegativeCount("-3".into())
    );
    assert_eq!(read(text, false).rows[0].value, -3.0);
}

/// `12%` and `€ 12` are read as 12 with a note naming the sign left out; `01/02/2024` is read
/// day first with a note, and only where day and month could be swapped.
#[test]
fn signs_left_out_and_dates_read_day_first_are_noted() {
    let prev = read(
        "datum;waarde\n01/02/2024;12%\n13/02/2024;€ 12\n02/02/2024;12 %\n01-03-2024;12\n03/04/2024;7\n",
        false,
    );
    let got: Vec<(NaiveDate, f64)> = prev.rows.iter().map(|r| (r.date, r.value)).collect();
    assert_eq!(
        got,
        vec![
            (d(2024, 2, 1), 12.0),
            (d(2024, 2, 13), 12.0),
            (d(2024, 2, 2), 12.0),
            (d(2024, 3, 1), 12.0),
            (d(2024, 4, 3), 7.0),
        ]
    );
    let notes: Vec<(NoteKind, Vec<usize>, &str)> = prev
        .notes
        .iter()
        .map(|n| (n.kind, n.lines.clone(), n.cell.as_str()))
        .collect();
    assert_eq!(
        notes,
        vec![
            (NoteKind::Dropped('%'), vec![2, 4], "12%"),
            (NoteKind::DayFirst, vec![2, 6], "01/02/2024"),
            (NoteKind::Dropped('€'), vec![3], "€ 12"),
        ]
    );
    let nl = kompas::i18n::Lang::Nl;
    assert_eq!(
        prev.notes[1].text(nl),
        "Let op, 2 regels (2, 6): de datums zijn gelezen met de dag eerst (bijvoorbeeld \
         '01/02/2024' als 1 feb 2024, niet als in de Verenigde Staten met de maand eerst)."
    );
    assert!(
        prev.notes[2]
            .text(nl)
            .starts_with("Let op, regel 3: het teken €")
    );
}
