//! The support analysis per school: sums, the grey zone, what the next cycle carries, the
//! findings, and small counts that can never be computed back from what is shown.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use kompas::model::*;
use proptest::prelude::*;

fn project_with_schools() -> Project {
    let d = NaiveDate::from_ymd_opt(2025, 8, 1).unwrap();
    let mut p = Project::new("Regio", d, NaiveDate::from_ymd_opt(2026, 7, 31).unwrap());
    let partner = p.new_id();
    p.partners.push(Partner::new(partner));
    for (name, sector, counts, responsible) in [
        ("De Linde", Sector::Po, [420, 38, 25, 9, 3], Some(partner)),
        ("Het Baken", Sector::Vo, [1200, 95, 70, 31, 6], None),
        ("De Brug", Sector::So, [140, 140, 60, 70, 0], None),
    ] {
        let id = p.new_id();
        let [pupils, edu, youth, both, waiting] = counts.map(Some);
        p.cycles[0].analysis.support.schools.push(SchoolRow {
            name: name.into(),
            brin: format!("{}XX", name.len() + 2),
            sector: Some(sector),
            pupils,
            education_support: edu,
            youth_care: youth,
            both,
            waiting,
            responsible,
            organisation: "kernteam".into(),
            ..SchoolRow::new(id)
        });
    }
    p
}

#[test]
fn the_findings_name_the_school_that_waits_and_the_row_that_cannot_be_right() {
    let p = project_with_schools();
    let found: Vec<(FindingKind, String)> = findings_for_step(&p.cycles[0], Step::Analysis)
        .into_iter()
        .filter(|f| {
            matches!(
                f.kind,
                FindingKind::SchoolFiguresWrong | FindingKind::SchoolWaitsWithoutResponsible
            )
        })
        .map(|f| (f.kind, f.title))
        .collect();
    assert_eq!(
        found,
        [
            (
                FindingKind::SchoolWaitsWithoutResponsible,
                "Het Baken".to_owned()
            ),
            (FindingKind::SchoolFiguresWrong, "De Brug".to_owned()),
        ]
    );
    let t = p.cycles[0].analysis.support.totals(None);
    assert_eq!((t.schools, t.left_out, t.both), (2, 1, Some(40)));
}

#[test]
fn the_next_cycle_carries_the_schools_without_their_counts() {
    let mut p = project_with_schools();
    let k = p.start_next_cycle(0).unwrap();
    let (old, new) = (&p.cycles[0].analysis.support, &p.cycles[k].analysis.support);
    assert_eq!(new.schools.len(), 3);
    for (a, b) in old.schools.iter().zip(&new.schools) {
        assert_eq!((&b.name, &b.brin, b.sector), (&a.name, &a.brin, a.sector));
        assert_eq!(b.previous, Some(a.id));
        assert_ne!(b.id, a.id);
        assert!(
            Count::ALL.iter().all(|c| b.count(*c).is_none()),
            "no counts"
        );
    }
    assert!(p.duplicate_ids().is_empty() && p.dangling_links().is_empty());
    // a partner removed takes its responsibility with it
    let partner = p.partners[0].id;
    p.remove(partner);
    assert!(
        p.cycles
            .iter()
            .flat_map(|c| &c.analysis.support.schools)
            .all(|r| r.responsible.is_none())
    );
}

#[test]
fn a_file_without_a_support_analysis_writes_as_before_and_one_with_it_reads_back() {
    let p = project_with_schools();
    let text = kompas::storage::to_ron_string(&p).unwrap();
    assert!(text.contains("support:"));
    assert_eq!(kompas::storage::parse(text.as_bytes()).unwrap().project, p);
    let mut none = p.clone();
    none.cycles[0].analysis.support.schools.clear();
    let text = kompas::storage::to_ron_string(&none).unwrap();
    assert!(!text.contains("support"));
}

proptest! {
    /// Whatever the counts: no shown total minus the shown cells gives away exactly one
    /// cell that is not shown, and every cell shown below the threshold is zero.
    #[test]
    fn no_small_cell_is_computed_back(
        cells in proptest::collection::vec(proptest::option::of(0u32..40), 1..8),
        threshold in 2u32..11,
    ) {
        let total: u32 = cells.iter().flatten().sum();
        let (shown, t) = protect(&cells, Some(total), threshold);
        prop_assert_eq!(shown.len(), cells.len());
        for (s, v) in shown.iter().zip(&cells) {
            match s {
                Shown::Value(x) => prop_assert!(Some(*x) == *v && (*x == 0 || *x >= threshold)),
                Shown::Small => prop_assert!(v.is_some_and(|x| x > 0 && x < threshold)),
                Shown::Hidden => prop_assert!(v.is_some()),
                Shown::Empty => prop_assert!(v.is_none()),
            }
        }
        let unknown = shown.iter().filter(|s| matches!(s, Shown::Small | Shown::Hidden)).count();
        if t.is_value() {
            prop_assert!(unknown != 1, "{:?} {:?} {:?}", cells, shown, t);
        }
    }
}

#[test]
fn rows_pasted_from_a_spreadsheet_are_read_by_their_header_and_merged_by_brin() {
    kompas::i18n::set_lang(kompas::i18n::Lang::Nl);
    let text = "BRIN\tSchool\tSector\tLeerlingen\tJeugdhulp\tMet beide\tWachtend\tExtra ondersteuning\n\
                10XX\tDe Linde\tpo\t1.420\t25\t9\t3\t38\n\
                77ZZ\tDe Nieuwe\tvso\t90\t40\t30\t\t90\n\
                \n\
                88YY\tFout\tpo\tveel\t1\t1\t0\t1\n\
                99YY\tOok fout\thbo\t10\t1\t1\t0\t1\n";
    let read = kompas::import::schools::read_rows(text);
    assert_eq!(read.rows.len(), 2);
    let linde = &read.rows[0];
    assert_eq!(
        (linde.brin.as_str(), linde.name.as_str(), linde.sector),
        ("10XX", "De Linde", Some(Sector::Po))
    );
    assert_eq!(
        Count::ALL.map(|c| linde.count(c)),
        [Some(1420), Some(38), Some(25), Some(9), Some(3)]
    );
    assert_eq!(read.rows[1].waiting, None, "an empty cell is not a zero");
    assert_eq!(read.rows[1].sector, Some(Sector::So));
    let lines: Vec<usize> = read.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, [5, 6], "{:?}", read.problems);
    assert!(
        read.problems[0]
            .text
            .contains("'veel' is geen aantal (Leerlingen)")
    );

    // without a header: the order of the table
    let plain = kompas::import::schools::read_rows("De Esch;;Bestuur;vo;800;60;50;20;4");
    assert_eq!(plain.rows[0].both, Some(20));
    assert_eq!(plain.rows[0].board, "Bestuur");

    // merged: the school with BRIN 10XX is updated, the new one added
    let mut p = project_with_schools();
    let before = p.cycles[0].analysis.support.schools.len();
    let ids = &mut p.ids;
    let (added, updated) = p.cycles[0]
        .analysis
        .support
        .merge_rows(read.rows, || ids.next_id());
    assert_eq!((added, updated), (1, 1));
    let support = &p.cycles[0].analysis.support;
    assert_eq!(support.schools.len(), before + 1);
    assert_eq!(support.schools[0].pupils, Some(1420));
    assert!(p.duplicate_ids().is_empty());
}

/// A support analysis as an administration exports it (Dutch headers, `;`, a BOM, CRLF, a
/// name with a `;` in quotes, a count that is a word, the sum under the schools), as CSV and
/// as a workbook: every column found by its header, the two bad lines said with their number,
/// and merged by BRIN code into the sample's schools.
#[test]
fn a_support_analysis_file_is_read_by_its_headers_as_csv_and_as_xlsx() {
    use kompas::import::schools::{Col, columns, looks_like_support, read_table_rows};
    kompas::i18n::set_lang(kompas::i18n::Lang::Nl);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/csv/ondersteuningsanalyse.csv");
    let bytes = std::fs::read(&path).unwrap();
    let table = kompas::import::read_file_table("ondersteuningsanalyse.csv", &bytes).unwrap();
    let cols = columns(&table.headers, table.has_header);
    assert_eq!(
        cols,
        [
            Some(Col::Brin),
            Some(Col::Name),
            Some(Col::Board),
            Some(Col::Sector),
            Some(Col::Count(Count::Pupils)),
            Some(Col::Count(Count::EducationSupport)),
            Some(Col::Count(Count::YouthCare)),
            Some(Col::Count(Count::Both)),
            Some(Col::Count(Count::Waiting)),
            Some(Col::Organisation),
        ]
    );
    assert!(looks_like_support(&cols));
    let read = read_table_rows(&table, &cols);
    assert_eq!(read.lines, [2, 3, 4]);
    let problems: Vec<(usize, &str)> = (read.problems.iter())
        .map(|p| (p.line, p.text.as_str()))
        .collect();
    assert_eq!(
        problems,
        [
            (5, "'onbekend' is geen aantal (Leerlingen)"),
            (6, "een totaalregel, geen school (Kompas telt zelf op)"),
        ]
    );
    let waard = &read.rows[0];
    assert_eq!(
        (
            waard.brin.as_str(),
            waard.sector,
            waard.organisation.as_str()
        ),
        (
            "91AA",
            Some(Sector::Po),
            "Lokaal team op afroep; sinds januari elke maand overleg"
        )
    );
    assert_eq!(read.rows[2].pupils, Some(1204), "1.204 in Dutch");
    assert_eq!(
        Count::ALL.map(|c| read.rows[0].count(c)),
        [Some(318), Some(28), Some(19), Some(8), Some(4)]
    );

    // the same as a workbook: the same rows, on the same spreadsheet rows
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let text = String::from_utf8(bytes).unwrap();
    for (r, line) in text.trim_start_matches('\u{feff}').lines().enumerate() {
        let mut cells = Vec::new();
        let mut quoted = false;
        let mut cell = String::new();
        for ch in line.trim_end_matches('\r').chars() {
            match ch {
                '"' => quoted = !quoted,
                ';' if !quoted => cells.push(std::mem::take(&mut cell)),
                _ => cell.push(ch),
            }
        }
        cells.push(cell);
        for (c, v) in cells.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match v.replace('.', "").parse::<f64>() {
                Ok(n) if r > 0 && c > 3 => sheet.write_number(r, c, n).map(|_| ()),
                _ if v.is_empty() => Ok(()),
                _ => sheet.write_string(r, c, v).map(|_| ()),
            }
            .unwrap();
        }
    }
    let xlsx = book.save_to_buffer().unwrap();
    let table = kompas::import::read_file_table("ondersteuningsanalyse.xlsx", &xlsx).unwrap();
    let from_xlsx = read_table_rows(&table, &columns(&table.headers, table.has_header));
    assert_eq!(from_xlsx.rows, read.rows);
    assert_eq!(from_xlsx.lines, read.lines);
    assert_eq!(from_xlsx.problems.len(), 2);

    // merged into the Rivierenland sample: De Waard and Dijkzicht by their code, De Linge new
    let mut p = (kompas::samples::SAMPLES.iter())
        .map(|s| s.project().unwrap())
        .find(|p| p.region.name.contains("Rivierenland"))
        .unwrap();
    let before = p.cycles[0].analysis.support.schools.len();
    let mut support = std::mem::take(&mut p.cycles[0].analysis.support);
    let (added, updated) = support.merge_rows(read.rows, || p.new_id());
    p.cycles[0].analysis.support = support;
    assert_eq!((added, updated), (1, 2));
    let schools = &p.cycles[0].analysis.support.schools;
    assert_eq!(schools.len(), before + 1);
    assert_eq!(schools[0].pupils, Some(318));
    assert!(p.duplicate_ids().is_empty());
}
