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
