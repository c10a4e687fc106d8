//! The support analysis in the report and as CSV: a small count is "< N" and the cell that
//! would give it away is hidden ("•"), in HTML, Markdown and CSV; never the raw value.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use kompas::export::{self, Format};
use kompas::i18n::{Lang, set_lang};
use kompas::report::SectionKind;

/// The Rivierenland sample: Uiterwaarden has 3 pupils in the grey zone (small), so De Waard's
/// 7 is hidden too (else 19 − 9 − 7 gives the 3 back).
fn rivierenland() -> (kompas::model::Project, usize) {
    let p = (kompas::samples::SAMPLES.iter())
        .map(|s| s.project().unwrap())
        .find(|p| p.region.name.contains("Rivierenland"))
        .unwrap();
    let last = p.cycles.len() - 1;
    (p, last)
}

fn get(p: &kompas::model::Project, cycle: usize, f: Format) -> String {
    String::from_utf8(
        export::export_sections(p, cycle, f, Lang::Nl, &[SectionKind::Support]).unwrap(),
    )
    .unwrap()
}

/// The line of `text` that holds `name`.
fn line_of<'a>(text: &'a str, name: &str) -> &'a str {
    text.lines()
        .find(|l| l.contains(name) && (l.contains('|') || l.contains(';') || l.contains("<td")))
        .unwrap_or_else(|| panic!("no line with {name}"))
}

#[test]
fn small_counts_and_the_cell_that_gives_them_away_are_hidden_in_every_format() {
    set_lang(Lang::Nl);
    let (p, c) = rivierenland();
    let md = get(&p, c, Format::Markdown);
    assert!(md.contains("## Ondersteuningsanalyse"), "{md}");
    let small = line_of(&md, "Uiterwaarden");
    assert!(small.contains("| < 5 |"), "{small}");
    assert!(!small.contains("| 3 |"), "{small}");
    let hidden = line_of(&md, "De Waard");
    assert!(hidden.contains("| • |"), "{hidden}");
    assert!(!hidden.contains("| 7 |"), "{hidden}");
    assert!(md.contains("•: verborgen"), "the mark is explained");

    let html = get(&p, c, Format::Html);
    // the table's row (the chart before it names the schools too)
    let table = html.find("<table").unwrap();
    let row = |name: &str| {
        let at = table + html[table..].find(name).unwrap();
        let end = at + html[at..].find("</tr>").unwrap();
        html[at..end].to_owned()
    };
    let small = row("Uiterwaarden");
    assert!(small.contains("&lt; 5"), "{small}");
    assert!(!small.contains(">3<"), "{small}");
    let hidden = row("De Waard");
    assert!(hidden.contains(">•<"), "{hidden}");
    assert!(!hidden.contains(">7<"), "{hidden}");

    let csv = get(&p, c, Format::Csv);
    assert!(csv.starts_with("School;Sector;Leerlingen;"), "{csv}");
    let small = line_of(&csv, "Uiterwaarden");
    assert_eq!(small.split(';').nth(5), Some("< 5"), "{small}");
    let hidden = line_of(&csv, "De Waard");
    assert_eq!(hidden.split(';').nth(5), Some("•"), "{hidden}");
    // a share rests only on shown counts
    assert_eq!(hidden.split(';').nth(7), Some(""), "{hidden}");
    assert!(csv.lines().any(|l| l.starts_with("Regio;")), "{csv}");
}

#[test]
fn the_section_has_its_key_and_stands_after_step_one() {
    let s = SectionKind::from_key("ondersteuning");
    assert_eq!(s, Some(SectionKind::Support));
    let order = SectionKind::ALL;
    let at = |k| order.iter().position(|x| *x == k).unwrap();
    assert_eq!(at(SectionKind::Support), at(SectionKind::Analysis) + 1);
}

#[test]
fn csv_with_other_sections_stays_the_indicators() {
    set_lang(Lang::Nl);
    let (p, c) = rivierenland();
    let csv = String::from_utf8(
        export::export_sections(&p, c, Format::Csv, Lang::Nl, &[SectionKind::Outcomes]).unwrap(),
    )
    .unwrap();
    assert!(!csv.contains("Uiterwaarden"));
}

/// The chart in the report draws no small count: Uiterwaarden's 3 in the grey zone, De
/// Waard's 4 waiting and po's 4 waiting are "< 5" without a bar, De Waard's 7 (which would give
/// the 3 back) "• verborgen"; the dialogue held about it stands under it with its date.
#[test]
fn the_report_s_chart_draws_no_small_count_and_the_dialogue_follows_it() {
    set_lang(Lang::Nl);
    let (p, c) = rivierenland();
    let html = get(&p, c, Format::Html);
    let at = html.find("<svg").unwrap();
    let svg = &html[at..at + html[at..].find("</svg>").unwrap()];
    assert!(
        svg.contains("Basisschool Uiterwaarden"),
        "the support chart"
    );
    let texts: Vec<&str> = svg
        .split("<text")
        .skip(1)
        .filter_map(|t| t.split('>').nth(1)?.split('<').next())
        .collect();
    for small in ["3", "4", "7"] {
        assert!(!texts.contains(&small), "{small} in {texts:?}");
    }
    assert!(texts.contains(&"&lt; 5"), "{texts:?}");
    assert!(texts.contains(&"• verborgen"), "{texts:?}");
    // sorted by the shown share: Dijkzicht (9 of 14) before De Kolk (64 of 118)
    let dijkzicht = svg.find("Dijkzicht").unwrap();
    assert!(dijkzicht < svg.find("De Kolk").unwrap());

    // Utrecht's first cycle: the dialogue about the chart, dated
    let u = (kompas::samples::SAMPLES.iter())
        .map(|s| s.project().unwrap())
        .find(|p| p.region.name.contains("Utrecht"))
        .unwrap();
    let md = get(&u, 0, Format::Markdown);
    assert!(md.contains("Datadialoog: 14-03-2024"), "{md}");
    assert!(md.contains("Herkennen we dit? Ja: in het vo is het grijze gebied"));
}

/// The next cycle's report compares: per school the counts of the cycle before beside this
/// cycle's, each as shown in its own cycle (De Esdoorn waited 3 before and 2 now: "< 5" both
/// times, never the count).
#[test]
fn the_report_shows_the_change_per_school_between_cycles() {
    set_lang(Lang::Nl);
    let u = (kompas::samples::SAMPLES.iter())
        .map(|s| s.project().unwrap())
        .find(|p| p.region.name.contains("Utrecht"))
        .unwrap();
    let last = u.cycles.len() - 1;
    let md = get(&u, last, Format::Markdown);
    let at = md
        .find("### Verandering per school, van de vorige cyclus naar deze")
        .expect("the change table");
    let change = &md[at..at + md[at..].find("### Totalen").unwrap()];
    let vakcollege = line_of(change, "Vakcollege Oost");
    assert!(
        vakcollege.contains("| 88 → 85 | 81 → 78 | 46 → 41 | 11 → 9 | 52,3 % → 48,2 % |"),
        "{vakcollege}"
    );
    let esdoorn = line_of(change, "De Esdoorn");
    assert!(esdoorn.contains("| < 5 → < 5 |"), "{esdoorn}");
    assert!(
        !esdoorn.contains(" 3 ") && !esdoorn.contains(" 2 "),
        "{esdoorn}"
    );
    // a school whose counts have not come in yet: what it had, and a dash
    let vlinder = line_of(change, "De Vlinder");
    assert!(vlinder.contains("| 15 → – |"), "{vlinder}");
    // the first cycle has nothing to compare with
    let first = get(&u, 0, Format::Markdown);
    assert!(!first.contains("Verandering per school"));
}
