//! The translations. What can be checked when building is (build.rs and the generated macros:
//! an unknown key, a missing or misspelt placeholder, an empty text, languages with different
//! placeholders do not compile); here: every key is used, plural forms, every placeholder filled,
//! and the language given to work on another thread.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use kompas::i18n::{ENTRIES, Key, Lang, Text, set_lang, t, tf};
use std::collections::BTreeSet;
use std::path::Path;

fn placeholders(s: &str) -> BTreeSet<String> {
    s.split('{')
        .skip(1)
        .filter_map(|p| p.split_once('}').map(|(name, _)| name.to_owned()))
        .collect()
}

/// Every Rust source under `dir`, as one text.
fn sources(dir: &Path, out: &mut String) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push_str(&std::fs::read_to_string(&path).unwrap());
        }
    }
}

#[test]
fn translation_file_is_complete() {
    assert!(ENTRIES.len() > 300, "only {} keys", ENTRIES.len());
    let mut problems = Vec::new();
    for e in &ENTRIES {
        for lang in Lang::ALL {
            for text in e.forms(lang) {
                if text.trim().is_empty() {
                    problems.push(format!("{}: a {lang:?} text is empty", e.key));
                }
            }
        }
        let (nl, en) = (e.forms(Lang::Nl), e.forms(Lang::En));
        if nl.len() != en.len()
            || nl
                .iter()
                .zip(en)
                .any(|(n, e)| placeholders(n) != placeholders(e))
        {
            problems.push(format!("{}: placeholders differ", e.key));
        }
        let declared: BTreeSet<String> = e.placeholders.iter().map(|p| (*p).to_owned()).collect();
        let used: BTreeSet<String> = nl.iter().chain(en).flat_map(|t| placeholders(t)).collect();
        if !used.is_subset(&declared) {
            problems.push(format!("{}: undeclared placeholders", e.key));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A key used nowhere is a text no one reads: every key in assets/i18n.ron appears in the
/// code as a literal (in `t!`, `tf!`, `key!` or a `labels!` table); the scan statements are
/// found by the code stored in the file (`scan.s.<code>`).
#[test]
fn every_key_is_used() {
    let mut code = String::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut code,
    );
    let unused: Vec<&str> = ENTRIES
        .iter()
        .map(|e| e.key)
        .filter(|k| !k.starts_with("scan.s.") && !code.contains(&format!("\"{k}\"")))
        .collect();
    assert!(unused.is_empty(), "keys used nowhere in src/: {unused:?}");
}

#[test]
fn language_switch_changes_the_text() {
    set_lang(Lang::Nl);
    assert_eq!(t!("step.outcomes"), "Maatschappelijke resultaten");
    set_lang(Lang::En);
    assert_eq!(t!("step.outcomes"), "Societal outcomes");
    assert_eq!(t!(Lang::Nl, "step.outcomes"), "Maatschappelijke resultaten");
    let key = kompas::i18n::key!("step.outcomes");
    assert_eq!(key, Key::StepOutcomes);
    assert_eq!(key.name(), "step.outcomes");
    assert_eq!(t!(key), "Societal outcomes");
    assert_eq!(key.text_in(Lang::Nl), "Maatschappelijke resultaten");
    set_lang(Lang::Nl);
}

#[test]
fn every_scan_statement_has_a_text() {
    for (_, code) in kompas::model::all_statements() {
        let key = kompas::i18n::statement_key(code);
        assert!(key.is_some(), "statement {code} has no text");
        assert_ne!(kompas::i18n::statement_text_in(Lang::En, code), code);
    }
}

/// Dutch and English: "one" for 1, "other" for 0, 2, 21, 100 …; a count is any integer.
#[test]
fn plural_forms() {
    for (n, nl, en) in [
        (0_usize, "0 cycli", "0 cycles"),
        (1, "1 cyclus", "1 cycle"),
        (2, "2 cycli", "2 cycles"),
        (21, "21 cycli", "21 cycles"),
    ] {
        assert_eq!(tf!(Lang::Nl, "cli.cycles", n = n), nl);
        assert_eq!(tf!(Lang::En, "cli.cycles", n = n), en);
    }
    assert_eq!(
        tf!(Lang::En, "import.summary", n = 1_u64),
        "1 row can be imported."
    );
    assert_eq!(
        tf!(Lang::Nl, "import.summary", n = &3_i32),
        "3 rijen kunnen worden geïmporteerd."
    );
    // an import's result counts in the singular too ("1 metingen geïmporteerd" before)
    assert_eq!(
        tf!(Lang::Nl, "import.done", added = 1_usize, replaced = 0),
        "1 meting geïmporteerd, 0 vervangen"
    );
    // the count need not be called n, and other placeholders are filled beside it
    assert_eq!(
        tf!(Lang::En, "cli.no_cycle", n = 5, count = 1),
        "Cycle 5 does not exist (the file has 1 cycle)."
    );
    assert_eq!(
        tf!(Lang::Nl, "cli.no_cycle", n = 5, count = 2),
        "Cyclus 5 bestaat niet (het bestand heeft 2 cycli)."
    );
    assert_eq!(
        tf!(
            Lang::En,
            "cli.counts",
            partners = tf!(Lang::En, "cli.partners", n = 1),
            cycles = tf!(Lang::En, "cli.cycles", n = 3)
        ),
        "1 partner, 3 cycles"
    );
    // every plural entry: the two forms differ in at least one language, the count in "other"
    let plurals: Vec<_> = ENTRIES
        .iter()
        .filter_map(|e| match &e.text {
            Text::Plural { count, forms } => Some((e.key, *count, forms)),
            Text::Plain(_) => None,
        })
        .collect();
    assert!(plurals.len() >= 15, "only {} plural texts", plurals.len());
    for (key, count, forms) in plurals {
        assert!(forms.iter().any(|[one, other]| one != other), "{key}");
        for [_, other] in forms {
            assert!(other.contains(&format!("{{{count}}}")), "{key}");
        }
    }
}

/// Every text with placeholders, through the generated `tf!` with exactly its declared
/// arguments (build.rs writes the calls): nothing of the form `{name}` is left, every value is
/// in the text, in both languages; a plural with count 1 and 2.
#[test]
fn tf_fills_every_placeholder() {
    let mut checked = 0;
    for lang in Lang::ALL {
        let all: Vec<(&str, &[&str], String)> =
            include!(concat!(env!("OUT_DIR"), "/i18n_fill_test.rs"));
        for (key, names, text) in all {
            for name in names {
                assert!(
                    !text.contains(&format!("{{{name}}}")),
                    "{key} ({lang:?}): {{{name}}} left in {text:?}"
                );
            }
            assert!(!text.contains('{'), "{key} ({lang:?}): {text:?}");
            checked += 1;
        }
    }
    let with_placeholders = ENTRIES
        .iter()
        .filter(|e| !e.placeholders.is_empty())
        .count();
    assert!(checked >= 2 * with_placeholders, "{checked}");
}

/// Work away from the UI thread takes its language: an export, a storage error and
/// `kompas check` on a fresh thread (whose own language is the default, Dutch) come out in the
/// language they were given, without set_lang.
#[test]
fn work_on_another_thread_is_in_the_language_given() {
    let project = kompas::samples::SAMPLES[0].project().unwrap();
    let run = |lang: Lang| {
        let project = project.clone();
        std::thread::spawn(move || {
            assert_eq!(
                kompas::i18n::lang(),
                Lang::Nl,
                "a new thread's own language"
            );
            let html = kompas::export::cycle_html(&project, 0, lang);
            let md = kompas::export::cycle_markdown(&project, 0, lang);
            let csv = kompas::export::cycle_csv(&project, 0, lang).unwrap();
            let error = kompas::storage::LoadError::Empty.message_in(lang);
            let warning = kompas::storage::LoadWarning::DanglingLinksRemoved(1).message_in(lang);
            let sample =
                Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-projects/utrecht-voorbeeld.ron");
            let mut out = Vec::new();
            kompas::cli::check(&sample, &mut out, lang).unwrap();
            (
                html,
                md,
                csv,
                error,
                warning,
                String::from_utf8(out).unwrap(),
            )
        })
        .join()
        .unwrap()
    };
    let (html, md, csv, error, warning, check) = run(Lang::En);
    assert!(html.contains("<h2>1. Analysis</h2>"), "{html}");
    assert!(md.contains("## 1. Analysis"), "{md}");
    assert!(csv.starts_with("Outcome;"), "{csv}");
    assert_eq!(error, "The file is empty.");
    assert_eq!(
        warning,
        "1 link to an item that no longer exists was removed."
    );
    assert!(check.contains("cycles"), "{check}");
    let (html, md, csv, error, warning, check) = run(Lang::Nl);
    assert!(html.contains("<h2>1. Analyse</h2>"), "{html}");
    assert!(md.contains("## 1. Analyse"), "{md}");
    assert!(csv.starts_with("Maatschappelijk resultaat;"), "{csv}");
    assert_eq!(error, "Het bestand is leeg.");
    assert_eq!(
        warning,
        "1 verwijzing naar een onderdeel dat niet meer bestaat is weggehaald."
    );
    assert!(check.contains("2 cycli"), "{check}");
}
