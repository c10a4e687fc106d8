//! The translation file is complete: every key used in the code exists in both languages,
//! no text is empty, and both languages use the same placeholders.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use kompas::i18n::{Lang, SOURCE, parse_table, set_lang, t};
use std::collections::BTreeSet;
use std::path::Path;

fn placeholders(s: &str) -> BTreeSet<String> {
    s.split('{')
        .skip(1)
        .filter_map(|p| p.split_once('}').map(|(name, _)| name.to_owned()))
        .collect()
}

/// Every string literal in the sources that looks like a translation key.
fn keys_in_code(dir: &Path, namespaces: &BTreeSet<String>, out: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            keys_in_code(&path, namespaces, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            for literal in text.split('"').skip(1).step_by(2) {
                let is_key = literal.contains('.')
                    && literal.chars().all(|c| {
                        c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.'
                    });
                let ns = literal.split('.').next().unwrap_or("");
                if is_key && namespaces.contains(ns) {
                    out.insert(literal.to_owned());
                }
            }
        }
    }
}

#[test]
fn translation_file_is_complete() {
    let table = parse_table(SOURCE).expect("assets/i18n.ron parses");
    assert!(table.len() > 300, "only {} keys", table.len());
    let mut problems = Vec::new();
    for (key, (nl, en)) in &table {
        if nl.trim().is_empty() {
            problems.push(format!("{key}: Dutch text missing"));
        }
        if en.trim().is_empty() {
            problems.push(format!("{key}: English text missing"));
        }
        if placeholders(nl) != placeholders(en) {
            problems.push(format!("{key}: placeholders differ"));
        }
    }
    let namespaces: BTreeSet<String> = table
        .keys()
        .map(|k| k.split('.').next().unwrap().to_owned())
        .collect();
    let mut used = BTreeSet::new();
    keys_in_code(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &namespaces,
        &mut used,
    );
    assert!(
        used.len() > 250,
        "found only {} keys in the code",
        used.len()
    );
    for key in &used {
        if !table.contains_key(key) {
            problems.push(format!(
                "{key}: used in the code, missing in assets/i18n.ron"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn language_switch_changes_the_text() {
    set_lang(Lang::Nl);
    assert_eq!(t!("step.outcomes"), "Maatschappelijke resultaten");
    set_lang(Lang::En);
    assert_eq!(t!("step.outcomes"), "Societal outcomes");
    assert_eq!(
        t!("no.such.key"),
        "no.such.key",
        "a missing key shows itself, no panic"
    );
}

#[test]
fn every_scan_statement_has_a_text() {
    let table = parse_table(SOURCE).unwrap();
    for (_, code) in kompas::model::all_statements() {
        assert!(
            table.contains_key(&format!("scan.s.{code}")),
            "statement {code} has no text"
        );
    }
}
