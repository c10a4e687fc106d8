//! The support analysis in the Excel export: a sheet of the schools and one of the sums, with
//! the same suppression as the report: a small count is the text "< 5", the count that would
//! give it away "•", never the number; counts that may be shown are numbers, shares
//! percentages; the cycle before beside this one.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use calamine::{Data, Reader};
use kompas::i18n::Lang;
use kompas::model::Project;

fn sample(name: &str) -> Project {
    (kompas::samples::SAMPLES.iter())
        .map(|s| s.project().unwrap())
        .find(|p| p.region.name.contains(name))
        .unwrap()
}

fn sheet(bytes: &[u8], name: &str) -> calamine::Range<Data> {
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    book.worksheet_range(name).unwrap()
}

/// The row of the sheet whose first cell is `name`.
fn row_of(range: &calamine::Range<Data>, name: &str) -> Vec<Data> {
    range
        .rows()
        .find(|r| r.first().is_some_and(|c| c.to_string().contains(name)))
        .unwrap_or_else(|| panic!("no row {name}"))
        .to_vec()
}

#[test]
fn a_small_count_is_never_a_number_in_the_workbook() {
    kompas::i18n::set_lang(Lang::Nl);
    let p = sample("Rivierenland");
    let bytes = kompas::export::cycle_xlsx(&p, 0, Lang::Nl).unwrap();
    let schools = sheet(&bytes, "Ondersteuning per school");
    let head: Vec<String> = schools
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        head[..9],
        [
            "School",
            "BRIN-code",
            "Schoolbestuur",
            "Sector",
            "Leerlingen",
            "Ondersteuning swv",
            "Jeugdhulp",
            "Beide (grijs)",
            "Wachtend"
        ]
    );
    // Uiterwaarden: 3 in the grey zone; De Waard: 7 in it (hidden, else po's sum gives the 3
    // back) and 4 waiting
    let uiterwaarden = row_of(&schools, "Uiterwaarden");
    assert_eq!(uiterwaarden[4], Data::Float(224.0));
    assert_eq!(uiterwaarden[7], Data::String("< 5".into()));
    assert_eq!(uiterwaarden[9], Data::Empty, "no share from a small count");
    let waard = row_of(&schools, "De Waard");
    assert_eq!(waard[7], Data::String("•".into()));
    assert_eq!(waard[8], Data::String("< 5".into()));
    for (row, small) in [(&uiterwaarden, 3.0), (&waard, 7.0), (&waard, 4.0)] {
        assert!(!row.contains(&Data::Float(small)), "{row:?}");
    }
    // a share that may be shown is a number (Dijkzicht: 9 of 14)
    let dijkzicht = row_of(&schools, "Dijkzicht");
    assert!(matches!(dijkzicht[9], Data::Float(v) if (v - 9.0 / 14.0).abs() < 1e-9));
    // the sums: po's waiting (4 + 0 + 0) is small
    let sums = sheet(&bytes, "Ondersteuning totalen");
    let po = row_of(&sums, "po");
    assert_eq!(po[6], Data::String("< 5".into()));
    assert!(!po.contains(&Data::Float(4.0)));
    let region = row_of(&sums, "Regio");
    assert_eq!(region[1], Data::Float(6.0), "six schools");
    // no small count anywhere: every number in a count column is 0 or at least 5
    for range in [&schools, &sums] {
        for r in range.rows().skip(1) {
            for c in r
                .iter()
                .skip(if std::ptr::eq(range, &sums) { 2 } else { 4 })
                .take(5)
            {
                if let Data::Float(v) = c {
                    assert!(*v == 0.0 || *v >= 5.0, "{r:?}");
                }
            }
        }
    }
}

#[test]
fn the_cycle_before_stands_beside_this_one() {
    kompas::i18n::set_lang(Lang::Nl);
    let p = sample("Utrecht");
    let last = p.cycles.len() - 1;
    let bytes = kompas::export::cycle_xlsx(&p, last, Lang::Nl).unwrap();
    let schools = sheet(&bytes, "Ondersteuning per school");
    let head: Vec<String> = schools
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(head[11], "Ondersteuning swv, vorige cyclus");
    let vakcollege = row_of(&schools, "Vakcollege Oost");
    assert_eq!(vakcollege[5], Data::Float(85.0));
    assert_eq!(vakcollege[11], Data::Float(88.0));
    // De Esdoorn waited 3 before: "< 5" there too
    let esdoorn = row_of(&schools, "De Esdoorn");
    assert_eq!(esdoorn[14], Data::String("< 5".into()));
}
