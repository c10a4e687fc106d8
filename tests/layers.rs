//! The layers import in one direction: `model ← (storage, import, export, privacy, recovery,
//! overview) ← state ← ui ← app`. A file that imports from a layer above its own fails here,
//! with the file and the line.

use std::path::{Path, PathBuf};

/// The modules each layer may not name, as `crate::X` (or `super::…` reaching out of it).
const RULES: &[(&str, &[&str])] = &[
    (
        "src/model",
        &[
            "storage", "import", "export", "privacy", "recovery", "overview", "state", "ui", "app",
            "cli", "i18n",
        ],
    ),
    ("src/state", &["ui", "app", "cli"]),
    ("src/ui", &["app", "cli"]),
    ("src/storage", &["state", "ui", "app", "cli"]),
    ("src/recovery", &["state", "ui", "app", "cli"]),
    ("src/export", &["state", "ui", "app", "cli"]),
    ("src/import.rs", &["state", "ui", "app", "cli"]),
    ("src/import", &["state", "ui", "app", "cli"]),
    ("src/privacy.rs", &["state", "ui", "app", "cli"]),
    ("src/privacy", &["state", "ui", "app", "cli"]),
    ("src/overview.rs", &["state", "ui", "app", "cli"]),
    ("src/cli", &["state", "ui", "app"]),
];

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_file() {
        if path.extension().is_some_and(|e| e == "rs") {
            out.push(path.to_path_buf());
        }
        return;
    }
    let Ok(entries) = std::fs::read_dir(path) else {
        return;
    };
    for e in entries.flatten() {
        rust_files(&e.path(), out);
    }
}

/// The lines of `text` that name `crate::<module>` for one of `forbidden` (comments aside).
fn offending_lines(text: &str, forbidden: &[&str]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (k, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        for m in forbidden {
            let pattern = format!("crate::{m}");
            if let Some(at) = code.find(&pattern) {
                // `crate::import` must not match `crate::imports_of_something`
                let after = code[at + pattern.len()..].chars().next();
                if after.is_none_or(|c| !(c.is_alphanumeric() || c == '_')) {
                    out.push((k + 1, line.trim().to_owned()));
                }
            }
        }
    }
    out
}

#[test]
fn every_layer_imports_only_from_below() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut problems = Vec::new();
    let mut checked = 0;
    for (layer, forbidden) in RULES {
        let mut files = Vec::new();
        rust_files(&root.join(layer), &mut files);
        for f in files {
            checked += 1;
            let text = std::fs::read_to_string(&f).expect("reads a source file");
            for (line, code) in offending_lines(&text, forbidden) {
                let rel = f.strip_prefix(root).unwrap_or(&f).display().to_string();
                problems.push(format!("{rel}:{line}: {code}"));
            }
        }
    }
    assert!(checked > 60, "the source files were found ({checked})");
    assert!(
        problems.is_empty(),
        "imports against the direction of the layers:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_check_finds_what_it_should() {
    let ui_file = "use crate::app::KompasApp;\nfn f() { crate::state::View::Region; }\n";
    assert_eq!(offending_lines(ui_file, &["app"]).len(), 1);
    // a comment or a longer name is not an import
    assert!(offending_lines("// see crate::app\n", &["app"]).is_empty());
    assert!(offending_lines("use crate::apple;\n", &["app"]).is_empty());
}

#[test]
fn no_source_file_is_a_god_file() {
    // about 400 lines of code at most (a file's own unit tests may take it somewhat further);
    // more, and it has more than one concern: split it
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    assert!(files.len() > 100, "the source files were found");
    let mut long = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("reads");
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        let n = code.lines().count();
        if n > 420 {
            long.push(format!("{} ({n} lines before its tests)", f.display()));
        }
    }
    assert!(long.is_empty(), "split by concern: {long:?}");
}
