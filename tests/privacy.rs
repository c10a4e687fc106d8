//! The privacy guard on a planted set: valid and invalid citizen service numbers (made with the
//! eleven-test), e-mail addresses, Dutch phone numbers, postcodes with house numbers, and near
//! misses that must not be flagged. And the suppression of small counts.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use kompas::privacy::{self, Kind};

/// Nine-digit numbers that pass the eleven-test, spread over the range.
fn valid_bsns(n: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut x: u64 = 100_000_000;
    while out.len() < n {
        assert!(x < 1_000_000_000, "at most about 120 of them");
        let s = format!("{x:09}");
        let digits: Vec<u8> = s.bytes().map(|b| b - b'0').collect();
        if privacy::passes_eleven_test(&digits) {
            out.push(s);
            x += 7_654_321; // jump ahead, to spread them
        } else {
            x += 1;
        }
    }
    out
}

fn kinds(text: &str) -> Vec<Kind> {
    privacy::scan_text(text)
        .into_iter()
        .map(|h| h.kind)
        .collect()
}

#[test]
fn the_eleven_test() {
    assert!(privacy::passes_eleven_test(&[1, 1, 1, 2, 2, 2, 3, 3, 3]));
    assert!(!privacy::passes_eleven_test(&[1, 1, 1, 2, 2, 2, 3, 3, 4]));
    assert!(
        !privacy::passes_eleven_test(&[0; 9]),
        "all zeros is not a number"
    );
    assert!(!privacy::passes_eleven_test(&[1, 2, 3]), "too short");
}

#[test]
fn every_planted_bsn_is_found_and_every_near_miss_is_not() {
    for bsn in valid_bsns(60) {
        let grouped = format!("{}.{}.{}", &bsn[..4], &bsn[4..6], &bsn[6..]);
        let spaced = format!("{} {} {}", &bsn[..4], &bsn[4..6], &bsn[6..]);
        for form in [&bsn, &grouped, &spaced] {
            let text = format!("Leerling met BSN {form} is doorverwezen.");
            assert_eq!(kinds(&text), vec![Kind::Bsn], "{text}");
            let hit = &privacy::scan_text(&text)[0];
            assert_eq!(&text[hit.start..hit.end], form.as_str());
        }
        // the same number with its last digit changed fails the test: not flagged
        let last = bsn.as_bytes()[8] - b'0';
        let changed = format!("{}{}", &bsn[..8], (last + 1) % 10);
        let text = format!("Dossier {changed} gesloten.");
        assert!(kinds(&text).is_empty(), "{text}");
        // part of a longer number, or a decimal: not a BSN
        assert!(kinds(&format!("{bsn}1")).is_empty());
        assert!(kinds(&format!("1{bsn}")).is_empty());
        assert!(kinds(&format!("3.{bsn}")).is_empty());
    }
    for plain in [
        "12345678",
        "1234567890",
        "2024 2025",
        "100 kinderen",
        "1.250 euro",
    ] {
        assert!(kinds(plain).is_empty(), "{plain}");
    }
}

#[test]
fn emails_are_found_with_their_whole_address() {
    for (text, found) in [
        (
            "Mail naar j.jansen@gemeente.nl voor info.",
            Some("j.jansen@gemeente.nl"),
        ),
        ("contact: info@swv-utrecht.nl.", Some("info@swv-utrecht.nl")),
        (
            "ouder+school@mail.example.com",
            Some("ouder+school@mail.example.com"),
        ),
        ("Zie @gemeente op social media", None),
        ("naam@localhost", None),
        ("a@b.c", None),
        ("prijs: 5 @ 3 euro", None),
    ] {
        let hits = privacy::scan_text(text);
        match found {
            Some(addr) => {
                assert_eq!(hits.len(), 1, "{text}");
                assert_eq!(hits[0].kind, Kind::Email);
                assert_eq!(&text[hits[0].start..hits[0].end], addr);
            }
            None => assert!(hits.is_empty(), "{text}: {hits:?}"),
        }
    }
}

#[test]
fn dutch_phone_numbers_in_every_usual_form() {
    for phone in [
        "06-12345678",
        "06 12345678",
        "06 1234 5678",
        "0612345678",
        "+31 6 12345678",
        "+31612345678",
        "0031 6 12345678",
        "030-1234567",
        "030 123 45 67",
        "(030) 123 45 67",
    ] {
        let text = format!("Bel {phone} na vijf uur");
        assert_eq!(kinds(&text), vec![Kind::Phone], "{text}");
    }
    for near in [
        "06-1234567",
        "2023-2024",
        "0,5 fte",
        "1234567890",
        "00 uur",
        "tel. 112",
        "periode 01-01-2024",
    ] {
        assert!(
            kinds(near).is_empty(),
            "{near}: {:?}",
            privacy::scan_text(near)
        );
    }
}

#[test]
fn a_postcode_with_a_house_number_is_an_address_a_postcode_alone_is_not() {
    for addr in [
        "1234 AB 12",
        "1234AB 5",
        "3511 CE 12a",
        "Dorpsstraat 12, 1234 AB",
        "3511 ab 12",
        "3511ab 12",
        "Oudegracht 12a, 3511AB",
        "Oudegracht 12a, 3511 ab",
    ] {
        let text = format!("Woont op {addr} bij de school.");
        assert_eq!(kinds(&text), vec![Kind::Address], "{text}");
    }
    for near in [
        "postcodegebied 1234 AB",
        "3500 SA 12",
        "0123 AB 5",
        "GM0344",
        "2024KW02",
        "in 2023 en 2024",
        "van 2020 tot 2024 op 12 scholen",
        "1200 km 3",
        "3500 sa 12",
    ] {
        assert!(
            kinds(near).is_empty(),
            "{near}: {:?}",
            privacy::scan_text(near)
        );
    }
}

#[test]
fn the_samples_are_clean_and_a_planted_project_is_not() {
    for s in kompas::samples::SAMPLES {
        let p = kompas::storage::parse(s.content.as_bytes())
            .unwrap()
            .project;
        assert!(privacy::scan_project(&p).is_empty(), "{}", s.file_name);
    }
    let mut p = kompas::samples::SAMPLES[1].project().unwrap();
    let bsn = &valid_bsns(1)[0];
    p.cycles[0].analysis.signals[0].text = format!("Kind met BSN {bsn} wacht al lang");
    p.cycles[0].evaluation.measurements[0].note = "zie mail van a.b@school.nl".into();
    p.meetings
        .push(kompas::model::Meeting::new(kompas::model::Id(9_999)));
    p.meetings[0].notes = "moeder belt 06-12345678".into();
    let found = privacy::scan_project(&p);
    let kinds: Vec<Kind> = found.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, vec![Kind::Bsn, Kind::Email, Kind::Phone]);
    assert_eq!(found[0].cycle.as_deref(), Some(p.cycles[0].name.as_str()));
    assert!(
        !found[0].masked.contains(&bsn[2..7]),
        "the finding does not repeat the number"
    );
}

#[test]
fn small_counts_are_suppressed_and_other_figures_are_not() {
    assert!(privacy::suppress(3.0, true, 5));
    assert!(privacy::suppress(4.0, true, 5));
    assert!(
        !privacy::suppress(5.0, true, 5),
        "the threshold itself is shown"
    );
    assert!(!privacy::suppress(0.0, true, 5), "zero identifies nobody");
    assert!(
        privacy::suppress(3.5, true, 5),
        "3.5 people is still fewer than five"
    );
    assert!(!privacy::suppress(3.0, false, 5), "not a count of people");
    assert!(
        privacy::suppress(9.0, true, 10),
        "the threshold is per project"
    );
}

/// The proposal for "aantal personen" from the unit: a count unless the unit clearly says
/// otherwise. An age range or "per jaar" in the unit does not make it a duration, a count date
/// ("per 1 oktober") is not a rate, "gemiddeld aantal" is still about people.
#[test]
fn a_unit_counts_people_unless_it_clearly_does_not() {
    for unit in [
        "",
        "leerlingen",
        "kinderen",
        "jongeren (12-18 jaar)",
        "kinderen per jaar",
        "thuiszitters (> 3 maanden)",
        "aantal dagen",
        "leerlingen per 1 oktober",
        "kinderen per 1 januari",
        "leerlingen per 01-10-2024",
        "gemiddeld aantal thuiszitters",
        "jaar-thuiszitters",
    ] {
        assert!(privacy::unit_counts_people(unit), "{unit:?}");
    }
    for unit in [
        "%",
        "% leerlingen",
        "€",
        "euro",
        "weken",
        "dagen wachttijd",
        "score (1-10)",
        "gemiddelde wachttijd",
        "per 1.000 leerlingen",
        "kinderen per 1000",
        "rapportcijfer",
        "‰",
    ] {
        assert!(!privacy::unit_counts_people(unit), "{unit:?}");
    }
}

/// The byte ranges of the contents of every string literal in RON text as Kompas writes it
/// (escaped quotes and backslashes; no raw strings, no comments).
fn string_literals(text: &str) -> Vec<std::ops::Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'"' {
            let start = i + 1;
            let mut j = start;
            while b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            out.push(start..j);
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

const PLANT: &str = "BSN 111222333, mail a.b@school.nl, bel 06-12345678";

/// Plants a BSN, an e-mail address and a phone number into each string of a whole document in
/// turn (found in the file's text, not by the guard's own walk) and asks the guard: it must find
/// all three, at the path of that string. A field added to the model is covered without
/// changing this test.
#[test]
fn every_string_of_the_document_is_scanned_and_named() {
    for s in kompas::samples::SAMPLES {
        let p = kompas::storage::parse(s.content.as_bytes())
            .unwrap()
            .project;
        let text = kompas::storage::to_ron_string(&p).unwrap();
        let literals = string_literals(&text);
        let walked = privacy::strings(&p);
        assert_eq!(
            literals.len(),
            walked.len(),
            "{}: the guard visits as many strings as the file holds",
            s.file_name
        );
        let mut planted = 0;
        for r in literals {
            let original = &text[r.clone()];
            let changed = format!("{}{PLANT}{}", &text[..r.start], &text[r.end..]);
            let Ok(q) = ron::from_str::<kompas::model::Project>(&changed) else {
                // only a date cannot hold another text
                assert!(
                    chrono::NaiveDate::parse_from_str(original, "%Y-%m-%d").is_ok(),
                    "{}: {original:?} refused a text",
                    s.file_name
                );
                continue;
            };
            planted += 1;
            let found = privacy::scan_project(&q);
            let kinds: Vec<Kind> = found.iter().map(|f| f.kind).collect();
            assert_eq!(
                kinds,
                vec![Kind::Bsn, Kind::Email, Kind::Phone],
                "{}: planted in place of {original:?}",
                s.file_name
            );
            let at = privacy::strings(&q);
            for f in &found {
                assert!(
                    at.iter()
                        .any(|(path, v)| *path == f.path && v.contains(PLANT)),
                    "{}: the finding names the place {} where the text is",
                    s.file_name,
                    f.path
                );
                assert_eq!(f.path, found[0].path);
            }
        }
        assert!(planted > 300, "{}: {planted} strings planted", s.file_name);
    }
}

/// The places the brief names are among the strings the guard visits (the sample holds one of
/// each), with a readable path.
#[test]
fn names_titles_units_agenda_checks_and_participants_are_visited() {
    let p = kompas::samples::SAMPLES[0].project().unwrap();
    let shapes: std::collections::BTreeSet<String> = privacy::strings(&p)
        .into_iter()
        .map(|(path, _)| {
            let mut out = String::new();
            let mut skip = false;
            for c in path.chars() {
                match c {
                    '[' => {
                        skip = true;
                        out.push_str("[]");
                    }
                    ']' => skip = false,
                    c if !skip => out.push(c),
                    _ => {}
                }
            }
            out
        })
        .collect();
    for shape in [
        "region.name",
        "region.samenwerkingsverband",
        "region.gemeenten[]",
        "partners[].name",
        "tables[].name",
        "cycles[].name",
        "cycles[].ambitions[].title",
        "cycles[].outcomes[].title",
        "cycles[].outcomes[].indicators[].name",
        "cycles[].outcomes[].indicators[].unit",
        "cycles[].outcomes[].indicators[].data_source",
        "cycles[].interventions[].title",
        "meetings[].title",
        "meetings[].attendees[].role",
        "agenda.checks[].add",
        "intervisions[].title",
        "intervisions[].participants[].region",
        "intervisions[].participants[].role",
    ] {
        assert!(shapes.contains(shape), "{shape} not visited: {shapes:#?}");
    }
}

/// The same on a generated region (three cycles with scans, measurements, meetings): the guard
/// visits as many strings as the file holds, and a plant in every fifth one is found there.
#[test]
fn a_generated_region_is_scanned_everywhere_too() {
    let p = kompas::stress::region(7, kompas::stress::Size::REGION, "Testregio");
    let text = kompas::storage::to_ron_string(&p).unwrap();
    let literals = string_literals(&text);
    assert_eq!(literals.len(), privacy::strings(&p).len());
    let mut planted = 0;
    for r in literals.into_iter().step_by(5) {
        let changed = format!("{}{PLANT}{}", &text[..r.start], &text[r.end..]);
        let Ok(q) = ron::from_str::<kompas::model::Project>(&changed) else {
            assert!(chrono::NaiveDate::parse_from_str(&text[r], "%Y-%m-%d").is_ok());
            continue;
        };
        planted += 1;
        let found = privacy::scan_project(&q);
        assert_eq!(found.len(), 3, "in place of {:?}", &text[r]);
        let at = privacy::strings(&q);
        assert!(
            at.iter()
                .any(|(path, v)| *path == found[0].path && v.contains(PLANT))
        );
    }
    assert!(planted > 50, "{planted}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
    /// Any text (digits, postcodes, separators, letters with accents, emoji): the guard never
    /// panics and every hit is a range of whole characters in the text.
    #[test]
    fn any_text_is_scanned_without_panicking(
        text in "([0-9]{1,5}|[A-Za-z]{1,3}|[ ,.@+()-]|é|ë|€|😀|\n){0,40}"
    ) {
        for h in privacy::scan_text(&text) {
            proptest::prop_assert!(text.get(h.start..h.end).is_some());
        }
    }
}

/// A BSN, an e-mail address and a postcode written the ways people (and pasted text) write
/// them: spaces, dots, dashes, non-breaking and zero-width spaces, full-width characters,
/// `(at)`, glued to a word. Every spelling is found, and the hit is the text as written.
#[test]
fn every_spelling_of_a_bsn_an_email_and_a_postcode_is_found() {
    for bsn in valid_bsns(20) {
        let d = |r: std::ops::Range<usize>| &bsn[r];
        let full_width: String = bsn
            .chars()
            .map(|c| char::from_u32(u32::from(c) - 0x30 + 0xFF10).unwrap())
            .collect();
        let zero_width: String = bsn.chars().flat_map(|c| [c, '\u{200B}']).collect();
        for form in [
            format!("{} {} {}", d(0..3), d(3..6), d(6..9)),
            format!("{}.{}.{}", d(0..3), d(3..6), d(6..9)),
            format!("{}-{}-{}", d(0..3), d(3..6), d(6..9)),
            format!("{} {} {} {}", d(0..3), d(3..5), d(5..7), d(7..9)),
            format!("{}\u{a0}{}\u{a0}{}", d(0..3), d(3..6), d(6..9)),
            format!("{}\u{202f}{}\u{2009}{}", d(0..3), d(3..6), d(6..9)),
            format!("{}\u{2011}{}\u{2011}{}", d(0..3), d(3..6), d(6..9)),
            zero_width.trim_end_matches('\u{200B}').to_owned(),
            full_width,
            format!("{}\u{ad}{}", d(0..4), d(4..9)),
        ] {
            for text in [
                format!("Leerling met BSN {form} is doorverwezen."),
                format!("bsn{form}"),
                format!("({form})"),
            ] {
                let hits = privacy::scan_text(&text);
                assert_eq!(
                    hits.iter().map(|h| h.kind).collect::<Vec<_>>(),
                    vec![Kind::Bsn],
                    "{text:?}"
                );
                assert_eq!(&text[hits[0].start..hits[0].end], form.as_str(), "{text:?}");
            }
        }
    }
    for (text, found) in [
        ("mail jan(at)school.nl", "jan(at)school.nl"),
        ("mail jan (at) school.nl", "jan (at) school.nl"),
        ("mail jan[at]school[dot]nl", "jan[at]school[dot]nl"),
        ("mail jan @ school.nl", "jan @ school.nl"),
        ("mail jan@ school.nl", "jan@ school.nl"),
        (
            "mail ｊａｎ＠ｓｃｈｏｏｌ．ｎｌ nu",
            "ｊａｎ＠ｓｃｈｏｏｌ．ｎｌ",
        ),
        ("mail jan\u{200b}@school.nl", "jan\u{200b}@school.nl"),
    ] {
        let hits = privacy::scan_text(text);
        assert_eq!(hits.len(), 1, "{text}: {hits:?}");
        assert_eq!(hits[0].kind, Kind::Email, "{text}");
        assert_eq!(&text[hits[0].start..hits[0].end], found, "{text}");
    }
    for addr in [
        "3511AB12",
        "3511-AB 12",
        "3511 AB-12",
        "3511\u{a0}AB\u{a0}12",
        "３５１１ＡＢ １２",
    ] {
        let text = format!("Woont op {addr} bij de school.");
        assert_eq!(kinds(&text), vec![Kind::Address], "{text}");
    }
    for phone in [
        "06.12.34.56.78",
        "０６-１２３４５６７８",
        "06\u{a0}1234\u{a0}5678",
    ] {
        let text = format!("Bel {phone} na vijf uur");
        assert_eq!(kinds(&text), vec![Kind::Phone], "{text}");
    }
}

/// Numbers, dates and amounts as a report writes them are not a BSN, whatever their digits:
/// a date next to a count, a decimal, a period, an amount, a list of counts, a phone number.
#[test]
fn ordinary_numbers_dates_and_amounts_are_not_a_bsn() {
    for bsn in valid_bsns(40) {
        let d = |r: std::ops::Range<usize>| &bsn[r];
        for text in [
            format!(
                "op {}-{}-20{} {} aanmeldingen",
                d(0..2),
                d(2..4),
                d(4..6),
                d(6..9)
            ),
            format!("2023 {} {} {} 2024", d(0..3), d(3..6), d(6..9)),
            format!("3.{bsn}"),
            format!("{bsn},5"),
            format!("1.{}.{}.{}", d(0..3), d(3..6), d(6..9)),
            format!("€ {}.{}.{}", d(0..3), d(3..6), d(6..9)),
            format!("{bsn}1"),
            format!("1 {} {} {} {}", d(0..2), d(2..4), d(4..6), d(6..9)),
        ] {
            assert!(
                !kinds(&text).contains(&Kind::Bsn),
                "{text}: {:?}",
                privacy::scan_text(&text)
            );
        }
    }
    for near in [
        "0.123456789",
        "2023-2024 123 45",
        "12-03-2012",
        "1.250.000 euro",
    ] {
        assert!(
            kinds(near).is_empty(),
            "{near}: {:?}",
            privacy::scan_text(near)
        );
    }
}

/// A date of birth next to an age, or after "geboren", is flagged; a date alone, or an age
/// range in a unit, is not.
#[test]
fn a_date_of_birth_next_to_an_age_is_flagged() {
    for text in [
        "Sem, geboren 12-03-2012, zit thuis",
        "geb. 3 maart 2012",
        "Sem 12-03-2012 (12 jaar)",
        "Sem (12 jaar), 12/3/2012",
        "geboortedatum: 2012-03-12",
        "born 12.03.2012",
        "12 maart 2012, nu 12 jaar oud",
    ] {
        assert_eq!(kinds(text), vec![Kind::BirthDate], "{text}");
    }
    for near in [
        "Evaluatie op 12-03-2025",
        "jongeren (12-18 jaar)",
        "peildatum 1 oktober 2024",
        "over 2 jaar, op 01-03-2026",
        "2012-03-12",
    ] {
        assert!(
            kinds(near).is_empty(),
            "{near}: {:?}",
            privacy::scan_text(near)
        );
    }
}

/// A BSN, e-mail address or postcode in one of its spellings (separators, invisible and
/// non-breaking spaces, full-width forms, `(at)`).
fn spelling() -> impl proptest::strategy::Strategy<Value = (String, Kind)> {
    use proptest::prelude::*;
    let seps = prop_oneof![
        Just(" "),
        Just("."),
        Just("-"),
        Just("\u{a0}"),
        Just("\u{200b}"),
        Just("\u{202f}"),
        Just(""),
    ];
    let bsn = (0..100usize, seps.clone(), any::<bool>(), any::<bool>()).prop_map(
        |(k, sep, four, wide)| {
            let b = &valid_bsns(k + 1)[k];
            let s = if four {
                format!(
                    "{}{sep}{}{sep}{}{sep}{}",
                    &b[..3],
                    &b[3..5],
                    &b[5..7],
                    &b[7..]
                )
            } else {
                format!("{}{sep}{}{sep}{}", &b[..3], &b[3..6], &b[6..])
            };
            (widen(&s, wide), Kind::Bsn)
        },
    );
    let at = prop_oneof![
        Just("@"),
        Just("(at)"),
        Just(" @ "),
        Just("[at]"),
        Just("＠")
    ];
    let email = ("[a-z]{1,6}", at, "[a-z]{2,8}", any::<bool>())
        .prop_map(|(n, at, d, wide)| (widen(&format!("{n}{at}{d}.nl"), wide), Kind::Email));
    let pc_sep = prop_oneof![Just(""), Just(" "), Just("-"), Just("\u{a0}")];
    let postcode = (
        1000u32..9999,
        "[A-RT-Z]{2}",
        pc_sep.clone(),
        pc_sep,
        1u32..999,
        any::<bool>(),
    )
        .prop_map(|(n, l, s1, s2, h, wide)| {
            (widen(&format!("{n}{s1}{l}{s2}{h}"), wide), Kind::Address)
        });
    prop_oneof![bsn, email, postcode]
}

/// Full-width letters and digits (when `wide`).
fn widen(s: &str, wide: bool) -> String {
    if !wide {
        return s.to_owned();
    }
    s.chars()
        .map(|c| match c {
            '!'..='~' => char::from_u32(u32::from(c) - 0x21 + 0xFF01).unwrap(),
            c => c,
        })
        .collect()
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
    /// Any spelling, planted in a dozen strings spread over a generated project (a different
    /// dozen each case, so all strings get their turn): the guard (which every export asks
    /// first) finds exactly it, at that place.
    #[test]
    fn every_spelling_planted_in_every_string_is_found_there(
        (plant, kind) in spelling(),
        seed in 0u64..50,
        offset in 0usize..1000,
    ) {
        let p = kompas::stress::region(seed, kompas::stress::Size::REGION, "Testregio");
        let text = kompas::storage::to_ron_string(&p).unwrap();
        let escaped: String = plant.chars().flat_map(char::escape_default).collect();
        let literals = string_literals(&text);
        let step = literals.len() / 12;
        let mut planted = 0;
        for r in literals.into_iter().skip(offset % step).step_by(step) {
            let changed = format!("{}Zie {escaped} hier{}", &text[..r.start], &text[r.end..]);
            let Ok(q) = ron::from_str::<kompas::model::Project>(&changed) else {
                continue;
            };
            planted += 1;
            let found = privacy::scan_project(&q);
            proptest::prop_assert_eq!(
                found.iter().map(|f| f.kind).collect::<Vec<_>>(),
                vec![kind],
                "{:?} in place of {:?}",
                plant,
                &text[r]
            );
            let at = privacy::strings(&q);
            proptest::prop_assert!(
                at.iter().any(|(path, v)| *path == found[0].path && v.contains(&plant))
            );
        }
        proptest::prop_assert!(planted >= 6, "{}", planted);
    }
}

#[test]
fn a_participant_s_name_written_in_another_text_is_found_not_in_its_own_field() {
    use kompas::model::*;
    let d = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let mut p = Project::new("Utrecht", d, d);
    let id = p.new_id();
    let mut s = IntervisionSession::new(id);
    s.participants.push(Participant {
        name: "Marieke Jansen".into(),
        region: "Eemland".into(),
        ..Participant::default()
    });
    p.intervisions.push(s);
    let none = privacy::scan_project(&p);
    assert!(none.is_empty(), "the name in its own field: {none:?}");
    let tid = p.new_id();
    p.tips.push(Tip {
        text: "Volgens marieke jansen werkt dit".into(),
        ..Tip::new(tid)
    });
    let found = privacy::scan_project(&p);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].kind, Kind::PersonName);
    assert!(found[0].path.starts_with("tips[0]"));
}
