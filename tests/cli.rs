//! The command line: `kompas check FILE` and `--help`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

fn kompas(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kompas"))
        .args(args)
        .env("LANG", "nl_NL.UTF-8")
        .output()
        .unwrap()
}

#[test]
fn check_prints_what_is_missing_and_exits_zero() {
    let sample =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-projects/utrecht-voorbeeld.ron");
    let out = kompas(&["check", sample.to_str().unwrap()]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Utrecht (voorbeeld)"), "{text}");
    assert!(text.contains("Cyclus 2024-2025"), "{text}");
    assert!(
        text.contains("Indicator nog niet gemeten in deze cyclus"),
        "the started second cycle has no measurements yet:\n{text}"
    );
}

#[test]
fn check_of_a_broken_file_fails_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kapot.ron");
    std::fs::write(&file, "(\n    format_version: 1,\n    next_id: ,\n)").unwrap();
    let out = kompas(&["check", file.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("regel 3"), "{err}");
    let out = kompas(&["check", file.to_str().unwrap(), "--lang", "en"]);
    assert!(String::from_utf8(out.stderr).unwrap().contains("line 3"));
}

#[test]
fn help_names_the_commands() {
    let out = kompas(&["--help"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("check"));
}

/// `kompas import DATA --preview`: the columns found, the rows that would be imported and every
/// row that would not, with its line; nothing else happens. What is not a file is refused.
#[test]
fn import_preview_shows_rows_and_problems_per_line() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/csv/simple.csv");
    let out = kompas(&["import", data.to_str().unwrap(), "--preview"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{text}");
    assert!(text.contains("Kolom met de waarde: waarde"), "{text}");
    assert!(
        text.contains("4 rijen kunnen worden geïmporteerd"),
        "{text}"
    );
    let row = |line: &str, parts: &[&str]| {
        text.lines().any(|l| {
            l.split_whitespace().take(2).eq(["Regel", line]) && parts.iter().all(|p| l.contains(p))
        })
    };
    assert!(row("2", &["01-10-2023", " 46", "Leerplicht"]), "{text}");
    assert!(row("4", &["01-05-2024", "39,5"]), "{text}");
    assert!(text.contains("regel 5: 'morgen' is geen datum"), "{text}");
    assert!(text.contains("regel 6: 'veel' is geen getal"), "{text}");
    // another value column, counted from 1, that does not exist
    let out = kompas(&[
        "import",
        data.to_str().unwrap(),
        "--preview",
        "--column",
        "9",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Kolom 9 bestaat niet"));
    // not a file
    let out = kompas(&["import", "/dev/zero", "--preview"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("geen gewoon bestand"));
    // the preview is the only mode
    let out = kompas(&["import", data.to_str().unwrap()]);
    assert!(!out.status.success());
}

fn csv_fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/csv")
        .join(name)
        .to_str()
        .unwrap()
        .to_owned()
}

fn measurements_of(file: &Path, indicator: &str) -> Vec<(chrono::NaiveDate, f64)> {
    let p = kompas::storage::load(file).unwrap().project;
    let c = &p.cycles[0];
    let id = c
        .outcomes
        .iter()
        .flat_map(|o| &o.indicators)
        .find(|i| i.name == indicator)
        .unwrap()
        .id;
    c.evaluation
        .measurements
        .iter()
        .filter(|m| m.indicator == id)
        .filter_map(|m| Some((m.date?, m.value?)))
        .collect()
}

/// `kompas import DATA --into PROJECT --indicator NAME --column COL --region CODE` adds the
/// rows of one region to the indicator and saves atomically with a backup; what cannot be done
/// is refused with exit code 2 and the file is left as it was.
#[test]
fn import_into_a_project_saves_with_a_backup_and_refuses_what_is_unclear() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("utrecht.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-projects/utrecht-voorbeeld.ron"),
        &file,
    )
    .unwrap();
    let original = std::fs::read(&file).unwrap();
    let f = file.to_str().unwrap();
    let data = csv_fixture("cbs-open-data.csv");
    let ind = "Thuiszitters > 3 maanden";
    let before = measurements_of(&file, ind);
    let base = [
        "import",
        &data,
        "--into",
        f,
        "--indicator",
        ind,
        "--cycle",
        "1",
    ];
    let run = |extra: &[&str]| {
        let args: Vec<&str> = base.iter().chain(extra).copied().collect();
        kompas(&args)
    };
    // several regions and none chosen: refused, the file unchanged
    let out = run(&["--column", "Thuiszitters"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("--region"));
    assert_eq!(std::fs::read(&file).unwrap(), original);
    // a region that is not in the file, an indicator that is not in the cycle
    let out = run(&["--column", "Thuiszitters", "--region", "GM9999"]);
    assert_eq!(out.status.code(), Some(2));
    let out = kompas(&[
        "import",
        &data,
        "--into",
        f,
        "--indicator",
        "Bestaat niet",
        "--region",
        "GM0034",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(&file).unwrap(), original);
    // the project does not load
    let broken = dir.path().join("kapot.ron");
    std::fs::write(&broken, "(").unwrap();
    let out = kompas(&[
        "import",
        &data,
        "--into",
        broken.to_str().unwrap(),
        "--indicator",
        ind,
    ]);
    assert_eq!(out.status.code(), Some(1));
    // one region, the indicator's two columns as one series
    let out = run(&["--column", "Thuiszitters", "--region", "gm0034"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("GM0034 Almere"), "{text}");
    let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let after = measurements_of(&file, ind);
    let mut want = before.clone();
    want.extend([(d(2024, 1, 1), 61.0), (d(2025, 1, 1), 58.0)]);
    assert_eq!(after, want);
    let backup = dir.path().join("utrecht.ron.bak");
    assert_eq!(std::fs::read(&backup).unwrap(), original);
}

/// One file with what an import must not guess: the same date twice (neither row goes in, also
/// not "replaced"), a count of people below zero (refused for such an indicator), `12%` and
/// `€ 14` (read, with a note saying what was left out) and `01/02/2024` (read day first, with
/// a note) — in `--preview` and in `--into`.
#[test]
fn import_refuses_a_date_twice_and_a_negative_count_and_notes_what_it_read() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("metingen.csv");
    std::fs::write(
        &data,
        "datum,waarde\n01/02/2027,12%\n01-03-2027,€ 14\n01-04-2027,5\n01-04-2027,7\n01-05-2027,-3\n",
    )
    .unwrap();
    let data = data.to_str().unwrap();
    let out = kompas(&["import", data, "--preview"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    for line in [4, 5] {
        let other = 9 - line;
        assert!(
            text.contains(&format!(
                "regel {line}: de datum 01-04-2027 staat ook op regel {other}"
            )),
            "{text}"
        );
    }
    assert!(
        text.contains("het teken % is weggelaten ('12%' gelezen als 12)"),
        "{text}"
    );
    assert!(
        text.contains("het teken € is weggelaten ('€ 14' gelezen als 14)"),
        "{text}"
    );
    assert!(text.contains("'01/02/2027' als 1 feb 2027"), "{text}");

    let file = dir.path().join("utrecht.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-projects/utrecht-voorbeeld.ron"),
        &file,
    )
    .unwrap();
    let ind = "Thuiszitters > 3 maanden";
    let before = measurements_of(&file, ind);
    let f = file.to_str().unwrap();
    let out = kompas(&[
        "import",
        data,
        "--into",
        f,
        "--indicator",
        ind,
        "--cycle",
        "1",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("regel 6: '-3' is kleiner dan nul"), "{text}");
    assert!(
        text.contains("2 metingen geïmporteerd, 0 vervangen"),
        "{text}"
    );
    let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let mut want = before;
    want.extend([(d(2027, 2, 1), 12.0), (d(2027, 3, 1), 14.0)]);
    assert_eq!(measurements_of(&file, ind), want);
}

/// A target date before the cycle's start (as the next cycle used to carry over) is listed by
/// `kompas check`, as in "Nog te doen".
#[test]
fn check_lists_a_target_date_before_the_cycle() {
    use kompas::model::{Indicator, Outcome, Project};
    let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let mut p = Project::new("Testregio", d(2026, 8, 1), d(2027, 7, 31));
    let (o, i) = (p.new_id(), p.new_id());
    let mut ind = Indicator::new(i);
    ind.name = "Thuiszitters".into();
    ind.baseline_value = Some(31.0);
    ind.baseline_date = Some(d(2026, 6, 1));
    ind.target_value = Some(20.0);
    ind.target_date = Some(d(2026, 7, 31));
    let mut outcome = Outcome::new(o);
    outcome.title = "Minder thuiszitters".into();
    outcome.indicators.push(ind);
    p.cycles[0].outcomes.push(outcome);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("regio.ron");
    kompas::storage::save(&file, &p).unwrap();
    let out = kompas(&["check", file.to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Doeldatum ligt vóór het begin van de cyclus: Thuiszitters"),
        "{text}"
    );
}

/// A threshold of 0 (or 1) for small counts hides nothing: `kompas check` says so; the usual
/// threshold says nothing.
#[test]
fn check_warns_about_a_small_numbers_threshold_that_hides_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("drempel.ron");
    let mut p = kompas::samples::SAMPLES[0].project().unwrap();
    for (below, warned) in [(0, true), (1, true), (5, false)] {
        p.settings.small_numbers_below = below;
        kompas::storage::save(&file, &p).unwrap();
        let out = kompas(&["check", file.to_str().unwrap()]);
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        assert_eq!(
            text.contains(&format!("drempel voor kleine aantallen is {below}")),
            warned,
            "{below}: {text}"
        );
    }
}

#[test]
fn export_writes_a_session_s_handout_and_brief_and_refuses_a_session_that_is_not_there() {
    let sample =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-projects/utrecht-voorbeeld.ron");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("hand-out.md");
    let (s, o) = (sample.to_str().unwrap(), out.to_str().unwrap());
    let run = kompas(&["export", s, "--handout", "1", "--format", "md", "-o", o]);
    assert!(run.status.success(), "{run:?}");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.contains("## Rondes") && text.contains("maximale wachttijd"),
        "{text}"
    );
    let brief = dir.path().join("brief.html");
    let run = kompas(&["export", s, "--brief", "1", "-o", brief.to_str().unwrap()]);
    assert!(run.status.success(), "{run:?}");
    assert!(
        std::fs::read_to_string(&brief)
            .unwrap()
            .contains("kernteams overeind")
    );
    let run = kompas(&["export", s, "--handout", "2", "--format", "md", "-o", o]);
    assert_eq!(run.status.code(), Some(1));
    let run = kompas(&["export", s, "--handout", "1", "--format", "csv", "-o", o]);
    assert_ne!(run.status.code(), Some(0), "a paper is no table");
}
