//! Files: round trips, the samples, atomic saving with backup, and errors that never panic
//! and never touch the file.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use kompas::model::*;
use kompas::storage::{self, LoadError, LoadWarning};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn samples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-projects");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_sample_loads_cleanly_and_round_trips_byte_identical() {
    let files = samples();
    assert!(files.len() >= 2);
    for file in files {
        let original = std::fs::read_to_string(&file).unwrap();
        let loaded = storage::load(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        assert!(
            loaded.warnings.is_empty(),
            "{}: {:?}",
            file.display(),
            loaded.warnings
        );
        assert_eq!(
            storage::to_ron_string(&loaded.project).unwrap(),
            original,
            "{}",
            file.display()
        );
        let p = &loaded.project;
        assert!(
            p.region.notes.contains("VOORBEELDDATA"),
            "samples are marked as example data"
        );
        let first = &p.cycles[0];
        assert!(!first.evaluation.measurements.is_empty());
        let dates: std::collections::BTreeSet<_> = first
            .evaluation
            .measurements
            .iter()
            .filter_map(|m| m.date)
            .collect();
        assert!(dates.len() >= 3, "measurements over several dates");
        assert!(
            findings_for_step(first, Step::Outcomes).is_empty(),
            "{}: {:?}",
            file.display(),
            findings_for_step(first, Step::Outcomes)
        );
    }
}

#[test]
fn one_sample_has_a_second_cycle_started() {
    let counts: Vec<usize> = samples()
        .iter()
        .map(|f| storage::load(f).unwrap().project.cycles.len())
        .collect();
    assert!(counts.iter().any(|&n| n >= 2), "{counts:?}");
}

#[test]
fn embedded_samples_match_the_files() {
    for s in kompas::samples::SAMPLES {
        let on_disk = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("sample-projects")
                .join(s.file_name),
        )
        .unwrap();
        assert_eq!(s.content, on_disk);
    }
}

#[test]
fn the_file_starts_with_the_format_version() {
    let text = storage::to_ron_string(&Project::default()).unwrap();
    let first_field = text.lines().nth(1).unwrap().trim();
    assert_eq!(first_field, format!("format_version: {FORMAT_VERSION},"));
}

#[test]
fn save_is_atomic_and_keeps_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("regio.ron");
    let mut p = Project::new(
        "Eerste",
        NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(),
    );
    storage::save(&path, &p).unwrap();
    assert!(
        !storage::backup_path(&path).exists(),
        "no backup of nothing"
    );
    let first = std::fs::read(&path).unwrap();
    p.region.name = "Tweede".into();
    storage::save(&path, &p).unwrap();
    assert_eq!(
        std::fs::read(storage::backup_path(&path)).unwrap(),
        first,
        "previous version kept beside it"
    );
    assert_eq!(storage::load(&path).unwrap().project, p);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temp files left: {leftovers:?}");
}

#[test]
fn saving_into_a_missing_folder_fails_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bestaat-niet").join("regio.ron");
    let err = storage::save(&path, &Project::default()).unwrap_err();
    assert!(!err.message().is_empty());
    assert!(!path.exists());
}

/// Loads `bytes` from a file and checks that it fails as expected and the file is unchanged.
fn load_bad(bytes: &[u8]) -> LoadError {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kapot.ron");
    std::fs::write(&path, bytes).unwrap();
    let err = storage::load(&path).unwrap_err();
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the file must stay untouched"
    );
    assert!(!err.message().is_empty());
    err
}

fn sample_text() -> String {
    std::fs::read_to_string(&samples()[0]).unwrap()
}

#[test]
fn a_truncated_file_says_where_it_ends() {
    let text = sample_text();
    let cut = &text[..text.len() / 2];
    match load_bad(cut.as_bytes()) {
        LoadError::Malformed {
            line, truncated, ..
        } => {
            assert!(truncated);
            assert!(line >= cut.lines().count() - 1, "line {line}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_malformed_file_gives_line_and_column() {
    let text = sample_text().replacen("kind: Gemeente", "kind: Gemeentehuis", 1);
    let expected_line = text
        .lines()
        .position(|l| l.contains("Gemeentehuis"))
        .unwrap()
        + 1;
    match load_bad(text.as_bytes()) {
        LoadError::Malformed {
            line,
            col,
            truncated,
            ..
        } => {
            assert_eq!(line, expected_line);
            assert!(col > 1);
            assert!(!truncated);
        }
        other => panic!("{other:?}"),
    }
    kompas::i18n::set_lang(kompas::i18n::Lang::Nl);
    let msg = load_bad(text.as_bytes()).message();
    assert!(msg.contains(&format!("regel {expected_line}")), "{msg}");
}

#[test]
fn empty_non_utf8_newer_and_foreign_files_are_refused() {
    assert_eq!(load_bad(b""), LoadError::Empty);
    assert_eq!(load_bad(b"  \n\t"), LoadError::Empty);
    assert_eq!(
        load_bad(b"(format_version: 1,\n name: \"\xff\xfe\")"),
        LoadError::NotUtf8 { line: 2, col: 9 }
    );
    let newer = sample_text().replacen(
        &format!("format_version: {FORMAT_VERSION}"),
        "format_version: 99",
        1,
    );
    assert_eq!(
        load_bad(newer.as_bytes()),
        LoadError::NewerVersion {
            found: 99,
            supported: FORMAT_VERSION
        }
    );
    assert_eq!(load_bad(b"(name: \"geen kompas\")"), LoadError::NotAProject);
    assert!(matches!(
        load_bad(b"[1, 2, 3]"),
        LoadError::Malformed { .. }
    ));
    let missing = storage::load(Path::new("/definitely/not/here.ron")).unwrap_err();
    assert!(matches!(
        missing,
        LoadError::Read {
            kind: std::io::ErrorKind::NotFound,
            ..
        }
    ));
}

#[test]
fn a_file_with_a_byte_order_mark_loads() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(sample_text().as_bytes());
    assert!(storage::parse(&bytes).is_ok());
}

#[test]
fn dangling_links_and_a_stale_counter_are_repaired_with_a_warning() {
    let (mut p, _) = (Project::new("x", NaiveDate::MIN, NaiveDate::MIN), ());
    let id = p.new_id();
    p.tables.push(Table {
        id,
        kind: TableKind::Lea,
        name: String::new(),
        partners: vec![Id(4242)],
    });
    let text = storage::to_ron_string(&p).unwrap();
    let loaded = storage::parse(text.as_bytes()).unwrap();
    assert_eq!(
        loaded.warnings,
        vec![storage::LoadWarning::DanglingLinksRemoved(1)]
    );
    assert!(loaded.project.tables[0].partners.is_empty());
    let mut project = loaded.project;
    let fresh = project.new_id();
    assert!(!project.all_ids().contains(&fresh));
}

/// A score of 9 in a hand-edited file is not silently left out of the averages: it is taken
/// out with a warning, in the whole-text parse and in the split one of a large file.
#[test]
fn a_scan_score_outside_one_to_five_is_a_load_warning() {
    let text = sample_text();
    let at = text.find("Value(").expect("the sample has scan scores") + "Value(".len();
    let bad = format!("{}9{}", &text[..at], &text[at + 1..]);
    let size = kompas::stress::Size {
        cycles: 6,
        ambitions: 10,
        indicators_per_ambition: 10,
        measurements_per_indicator_per_cycle: 5,
        interventions: 10,
    };
    let large = storage::to_ron_string(&kompas::stress::region(1, size, "Groot")).unwrap();
    assert!(large.len() > 256 * 1024, "read in pieces");
    let at_large = large.rfind("Value(").unwrap() + "Value(".len();
    let bad_large = format!("{}0{}", &large[..at_large], &large[at_large + 1..]);
    for (bad, value) in [(bad, 9), (bad_large, 0)] {
        let loaded = storage::parse(bad.as_bytes()).unwrap();
        assert_eq!(
            loaded.warnings,
            vec![LoadWarning::ScoresOutOfRange { n: 1, value }]
        );
        let scores = loaded.project.cycles.iter().flat_map(|c| {
            [&c.analysis.scan, &c.evaluation.scan]
                .into_iter()
                .flat_map(|s| s.responses.iter().flat_map(|r| r.scores.values()))
        });
        assert!(scores.clone().count() > 0);
        assert!(
            scores
                .clone()
                .all(|s| s.value().is_some() || *s == Score::NoView)
        );
        let message = loaded.warnings[0].message_in(kompas::i18n::Lang::Nl);
        assert!(message.contains("buiten 1 tot en met 5"), "{message}");
    }
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (1990i32..2040, 1u32..13, 1u32..29)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        -1e9f64..1e9,
        Just(0.0),
        Just(-0.0),
        Just(1e-7),
        // the largest figure a file may hold (beyond it, or NaN, the file is refused)
        Just(kompas::model::finite::MAX_ABS),
        Just(-kompas::model::finite::MAX_ABS)
    ]
}

prop_compose! {
    /// Any document, built from arbitrary texts (quotes, backslashes, newlines, `"#`, emoji),
    /// numbers and dates.
    fn any_project()(
        texts in prop::collection::vec(any::<String>(), 1..20),
        numbers in prop::collection::vec(number(), 1..10),
        dates in prop::collection::vec(date(), 2..6),
        shape in prop::collection::vec(0usize..5, 0..30),
    ) -> Project {
        let text = |i: usize| texts[i % texts.len()].clone();
        let mut p = Project::new(&text(0), dates[0], dates[1]);
        p.region.notes = text(1);
        p.region.gemeenten = texts.iter().take(3).cloned().collect();
        for (k, s) in shape.iter().enumerate() {
            let id = p.new_id();
            let n = numbers[k % numbers.len()];
            let c = &mut p.cycles[0];
            match s {
                0 => p.partners.push(Partner { id, name: text(k), kind: PartnerKind::ALL[k % 10], role: text(k + 1) }),
                1 => c.ambitions.push(Ambition { id, title: text(k), description: text(k + 2), endorsed_by: vec![], level: Some(Level::ALL[k % 3]), table: None, previous: None }),
                2 => {
                    let mut ind = Indicator::new(id);
                    ind.name = text(k);
                    ind.baseline_value = Some(n);
                    ind.target_date = Some(dates[k % dates.len()]);
                    ind.counts_people = [None, Some(true), Some(false)][k % 3];
                    let oid = Id(id.0 + 100_000);
                    c.outcomes.push(Outcome { id: oid, title: text(k), description: String::new(), ambitions: vec![], indicators: vec![ind], previous: None });
                    c.evaluation.measurements.push(Measurement { id: Id(id.0 + 200_000), indicator: id, date: dates.get(k % 3).copied(), value: (k % 4 != 3).then_some(n), source: text(k + 3), note: text(k + 4) });
                }
                3 => {
                    let mut iv = Intervention::new(id);
                    iv.title = text(k);
                    iv.budget_eur = Some(n.abs() as u64);
                    iv.financing = Some(Financing::ALL[k % 5]);
                    c.interventions.push(iv);
                }
                _ => c.analysis.data_points.push(DataPoint { id, label: text(k), value: Some(n), unit: text(k + 1), source: String::new(), date: Some(dates[k % dates.len()]), domain: Domain::ALL[k % 3], counts_people: [None, Some(true), Some(false)][k % 3] }),
            }
        }
        p
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_document_round_trips_through_ron(p in any_project()) {
        let text = storage::to_ron_string(&p).unwrap();
        let loaded = storage::parse(text.as_bytes()).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&loaded.project, &p);
        prop_assert!(loaded.warnings.is_empty());
        prop_assert_eq!(storage::to_ron_string(&loaded.project).unwrap(), text);
    }

    /// Cutting a valid file anywhere gives an error (or, at a harmless place, the document),
    /// never a panic.
    #[test]
    fn any_cut_of_a_sample_never_panics(cut in 0usize..30_000, flip in any::<u8>()) {
        let text = sample_text();
        let mut bytes = text.as_bytes()[..cut.min(text.len())].to_vec();
        if let Some(last) = bytes.last_mut() { *last ^= flip; }
        if let Err(e) = storage::parse(&bytes) {
            prop_assert!(!e.message().is_empty());
        }
    }
}

fn format_fixtures(version: u32) -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&format!("v{version}-")) && n.ends_with(".ron"))
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_older_format_version_has_a_fixture_that_migrates() {
    for version in 1..FORMAT_VERSION {
        let files = format_fixtures(version);
        assert!(!files.is_empty(), "no fixture for format version {version}");
        for file in files {
            let bytes = std::fs::read(&file).unwrap();
            let text = String::from_utf8(bytes.clone()).unwrap();
            assert!(
                text.contains(&format!("format_version: {version},")),
                "{} is not version {version}",
                file.display()
            );
            let loaded = storage::parse(&bytes).unwrap();
            assert_eq!(loaded.project.format_version, FORMAT_VERSION);
            assert!(
                loaded
                    .warnings
                    .contains(&LoadWarning::Migrated { from: version }),
                "{:?}",
                loaded.warnings
            );
            // saved again it is the current version and reads back the same, without warnings
            let saved = storage::to_ron_string(&loaded.project).unwrap();
            let again = storage::parse(saved.as_bytes()).unwrap();
            assert_eq!(again.project, loaded.project);
            assert!(again.warnings.is_empty(), "{:?}", again.warnings);
        }
    }
}

#[test]
fn a_version_1_file_keeps_everything_and_gets_empty_scans() {
    let file = &format_fixtures(1)[0];
    let p = storage::load(file).unwrap().project;
    assert_eq!(p.region.name, "Utrecht (voorbeeld)");
    assert_eq!(p.cycles.len(), 2);
    let c = &p.cycles[0];
    assert_eq!(c.outcomes.len(), 4);
    assert_eq!(c.evaluation.measurements.len(), 12);
    assert_eq!(c.evaluation.judgements.len(), 4);
    assert!(c.analysis.scan.is_empty() && c.evaluation.scan.is_empty());
    assert!(c.indicators().all(|i| i.dialogue.is_empty()));
    assert!(p.dangling_links().is_empty());
    // the file itself was not touched by loading
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains("format_version: 1,"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// A large file is read in pieces on several threads: for any document with several
    /// cycles (texts with quotes, brackets, commas, `r#"`, newlines, emoji), the pieces give
    /// exactly the document.
    #[test]
    fn reading_in_pieces_gives_the_same_document(p in any_project()) {
        let mut p = p;
        p.start_next_cycle(0);
        p.start_next_cycle(1);
        let text = storage::to_ron_string(&p).unwrap();
        let pieces = storage::split::read_any_size(&text);
        prop_assert!(pieces.is_some(), "a file Kompas wrote is always cut");
        prop_assert_eq!(pieces.unwrap(), p);
    }
}

/// A version 2 file had no "aantal personen": nobody chose, so it stays unchosen and every
/// figure counts as people (small values hidden) until the user says otherwise. The unit's
/// guess decides nothing: "leerlingen per 1 oktober" (a count date, read as a rate by the
/// guess) used to come out of the migration as `Some(false)`, and its 3 was exported.
#[test]
fn a_version_2_file_keeps_its_values_and_leaves_counts_people_to_the_user() {
    let file = &format_fixtures(2)[0];
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains("value: 46.0,"), "format 2 wrote bare values");
    assert!(text.contains("unit: \"leerlingen\""));
    let text = text.replace("unit: \"leerlingen\"", "unit: \"leerlingen per 1 oktober\"");
    let p = storage::parse(text.as_bytes()).unwrap().project;
    let c = &p.cycles[0];
    assert_eq!(c.evaluation.measurements[0].value, Some(46.0));
    assert!(c.evaluation.measurements.iter().all(|m| m.value.is_some()));
    let mut seen = 0;
    for i in p.cycles.iter().flat_map(|c| c.indicators()) {
        assert_eq!(i.counts_people, None, "{}", i.unit);
        assert!(i.is_count_of_people(), "{}", i.unit);
        seen += usize::from(i.unit == "leerlingen per 1 oktober");
    }
    assert!(seen > 0);
    for d in p.cycles.iter().flat_map(|c| &c.analysis.data_points) {
        assert_eq!(d.counts_people, None);
        assert!(d.is_count_of_people());
    }
}

/// `NaN`, infinities and absurd sizes are not figures: a file with one does not load, and the
/// error says on which line it is (so no export can show "NaN leerlingen").
#[test]
fn a_file_with_nan_infinite_or_huge_figures_is_refused_with_its_line() {
    let p = kompas::samples::SAMPLES[1].content;
    let text = storage::to_ron_string(&storage::parse(p.as_bytes()).unwrap().project).unwrap();
    let (at, _) = text.match_indices("value: Some(").nth(3).unwrap();
    let line = text[..at].matches('\n').count() + 1;
    let end = at + text[at..].find(')').unwrap();
    for bad in ["NaN", "inf", "-inf", "1e308", "-2e13"] {
        for shape in [format!("value: Some({bad}"), format!("value: {bad}")] {
            let changed = format!("{}{shape}{}", &text[..at], &text[end..]);
            let changed = if shape.contains("Some") {
                changed
            } else {
                // the bare value of format 2 has no closing bracket
                changed.replacen(&format!("{shape})"), &shape, 1)
            };
            match storage::parse(changed.as_bytes()) {
                Err(LoadError::Malformed { line: l, .. }) => assert_eq!(l, line, "{shape}"),
                other => panic!("{shape}: {other:?}"),
            }
        }
    }
    // a baseline too
    let at = text.find("baseline_value: Some(").unwrap() + "baseline_value: Some(".len();
    let end = at + text[at..].find(')').unwrap();
    let changed = format!("{}inf{}", &text[..at], &text[end..]);
    assert!(matches!(
        storage::parse(changed.as_bytes()),
        Err(LoadError::Malformed { .. })
    ));
}

#[test]
fn two_copies_of_one_file_hand_out_different_ids() {
    // the gemeente and the samenwerkingsverband each open their copy and add an item
    let text = sample_text();
    let mut ours = storage::parse(text.as_bytes()).unwrap().project;
    let mut theirs = storage::parse(text.as_bytes()).unwrap().project;
    let before = ours.all_ids();
    let a: Vec<Id> = (0..50).map(|_| ours.new_id()).collect();
    let b: Vec<Id> = (0..50).map(|_| theirs.new_id()).collect();
    assert!(a.iter().all(|id| !b.contains(id) && !before.contains(id)));
    assert!(b.iter().all(|id| !before.contains(id)));
    // saved and opened again, the next session draws again and avoids every id in the file
    ours.cycles[0].ambitions.push(Ambition::new(a[0]));
    let saved = storage::to_ron_string(&ours).unwrap();
    assert!(!saved.contains("next_id"), "the counter is not written");
    let mut again = storage::parse(saved.as_bytes()).unwrap().project;
    let c = again.new_id();
    assert!(!again.all_ids().contains(&c));
    assert_ne!(c.0 >> 32, a[0].0 >> 32, "a new session draws a new prefix");
}

#[test]
fn a_new_prefix_skips_every_prefix_in_the_document() {
    let mut source = IdSource::starting_at(1);
    // every prefix but a handful is "taken": the draw still finds a free one, never 0
    let used: Vec<Id> = (0..200u64).map(|p| Id(p << 32 | 7)).collect();
    for _ in 0..20 {
        source.redraw_avoiding(used.iter().copied());
        let id = source.next_id();
        assert!(!used.iter().any(|u| u.0 >> 32 == id.0 >> 32));
        assert_ne!(id.0 >> 32, 0);
        assert!(id.0 < 1 << 63);
    }
}

// ---- what differs between Windows and Unix, kept the same on every platform (files travel
// between them through OneDrive, SharePoint and USB sticks)

/// A project with a text of two lines (written as it is, so CRLF would reach it).
fn two_line_project() -> Project {
    let d = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let mut p = Project::new("Regio Noord", d, d);
    let id = p.new_id();
    p.cycles[0].evaluation.lessons.push(TextItem {
        id,
        text: "Eerste regel\nTweede regel".into(),
    });
    p
}

#[test]
fn a_file_with_crlf_line_ends_reads_as_with_lf() {
    let p = two_line_project();
    let lf = storage::to_ron_string(&p).unwrap();
    assert!(!lf.contains('\r'), "Kompas writes LF on every platform");
    let crlf = lf.replace('\n', "\r\n");
    let loaded = storage::parse(crlf.as_bytes()).unwrap();
    assert_eq!(loaded.project, p, "no \\r in the texts");
    assert_eq!(storage::to_ron_string(&loaded.project).unwrap(), lf);
    // lessons shared from a CRLF file too
    let shared = storage::parse_shared(crlf.as_bytes()).unwrap();
    assert_eq!(shared.items[0].text, "Eerste regel\nTweede regel");
    // and a malformed CRLF file still says the right line
    let broken = crlf.replacen("lessons", "lessons]", 1);
    let line = lf.lines().position(|l| l.contains("lessons")).unwrap() + 1;
    match storage::parse(broken.as_bytes()).unwrap_err() {
        LoadError::Malformed { line: l, .. } => assert_eq!(l, line),
        e => panic!("{e:?}"),
    }
}

#[test]
fn a_saved_file_has_lf_line_ends_on_every_platform() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("regio.ron");
    storage::save(&path, &two_line_project()).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert!(!bytes.contains(&b'\r'));
    let shared = storage::SharedFile::of(&two_line_project(), NaiveDate::MIN).to_text();
    assert!(!shared.contains('\r'));
}

/// Windows refuses to replace a read-only file and Unix replaces it silently: Kompas refuses
/// on every platform, and says so, leaving the file, its backup and the folder as they were.
#[test]
fn a_read_only_file_is_not_replaced_on_any_platform() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("regio.ron");
    let p = two_line_project();
    storage::save(&path, &p).unwrap();
    storage::save(&path, &p).unwrap();
    let (before, backup) = (
        std::fs::read(&path).unwrap(),
        std::fs::read(storage::backup_path(&path)).unwrap(),
    );
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions).unwrap();
    let mut other = p.clone();
    other.region.name = "Anders".into();
    let err = storage::save(&path, &other).unwrap_err();
    assert!(
        matches!(err, storage::SaveError::ReadOnly { .. }),
        "{err:?}"
    );
    kompas::i18n::set_lang(kompas::i18n::Lang::Nl);
    assert!(err.message().contains("alleen-lezen"), "{}", err.message());
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(std::fs::read(storage::backup_path(&path)).unwrap(), backup);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        2,
        "no temp file"
    );
    // an export over a read-only earlier export: the same
    let html = dir.path().join("verslag.html");
    std::fs::write(&html, "<!DOCTYPE html>").unwrap();
    let mut permissions = std::fs::metadata(&html).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&html, permissions).unwrap();
    let err = storage::write_export(&html, b"<html>", storage::guard::ExportKind::Html, false)
        .unwrap_err();
    assert!(
        matches!(err, storage::SaveError::ReadOnly { .. }),
        "{err:?}"
    );
}

/// A backup that is read-only (copied from a read-only share, or marked so by hand) does not
/// stop saving its project (Windows would refuse to replace it).
#[test]
fn a_read_only_backup_does_not_stop_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("regio.ron");
    let p = two_line_project();
    storage::save(&path, &p).unwrap();
    let first = std::fs::read(&path).unwrap();
    let backup = storage::backup_path(&path);
    std::fs::write(&backup, "oud").unwrap();
    let mut permissions = std::fs::metadata(&backup).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&backup, permissions).unwrap();
    let mut other = p.clone();
    other.region.name = "Anders".into();
    storage::save(&path, &other).unwrap();
    assert_eq!(storage::load(&path).unwrap().project, other);
    assert_eq!(std::fs::read(&backup).unwrap(), first);
}

/// Names Windows and OneDrive cannot hold are refused on every platform, before anything is
/// written: a device name, a trailing dot or space, a forbidden character, a name too long.
#[test]
fn a_name_windows_cannot_hold_is_refused_on_every_platform() {
    use kompas::storage::names::NameProblem;
    let dir = tempfile::tempdir().unwrap();
    let p = two_line_project();
    kompas::i18n::set_lang(kompas::i18n::Lang::Nl);
    for (name, problem) in [
        ("CON.ron", NameProblem::Reserved),
        ("aux.ron", NameProblem::Reserved),
        ("Nul.html", NameProblem::Reserved),
        ("com1.ron", NameProblem::Reserved),
        ("regio.ron.", NameProblem::TrailingDotOrSpace),
        ("regio.ron ", NameProblem::TrailingDotOrSpace),
        ("regio 14:05.ron", NameProblem::Character(':')),
        ("vraag?.ron", NameProblem::Character('?')),
    ] {
        let path = dir.path().join(name);
        match storage::save(&path, &p) {
            Err(storage::SaveError::Name { problem: found, .. }) => {
                assert_eq!(found, problem, "{name}")
            }
            other => panic!("{name}: {other:?}"),
        }
        // an export of that name (not a project's name, which is refused for that)
        let text = dir.path().join(name.replace(".ron", ".txt"));
        let err =
            storage::write_export(&text, b"x", storage::guard::ExportKind::Text, true).unwrap_err();
        assert!(
            err.message().starts_with("Niet opgeslagen"),
            "{}",
            err.message()
        );
    }
    let long = format!("{}.ron", "a".repeat(250));
    let err = storage::save(&dir.path().join(&long), &p).unwrap_err();
    assert!(
        matches!(
            err,
            storage::SaveError::Name {
                problem: NameProblem::TooLong,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
    // the longest name allowed saves, with its backup beside it
    let longest = format!(
        "{}.ron",
        "é".repeat((storage::names::MAX_NAME_BYTES - 4) / 2)
    );
    let path = dir.path().join(&longest);
    storage::save(&path, &p).unwrap();
    storage::save(&path, &p).unwrap();
    assert!(storage::backup_path(&path).exists());
}
