//! The layers import in one direction: `model ← i18n ← (storage, import, export, privacy,
//! recovery, overview) ← state ← ui ← app`. A file that imports from a layer above its own
//! fails here, with the file and the line, whether it names `crate::x::…` or a group
//! `crate::{…, x::…}` (nested, over several lines).

use std::path::{Path, PathBuf};

/// The modules each layer may not name, as `crate::X` or inside a group `crate::{…, X::…}`.
/// Every path here must exist (a rule for a file that is gone checks nothing).
const RULES: &[(&str, &[&str])] = &[
    (
        "src/model",
        &[
            "storage", "import", "export", "privacy", "recovery", "overview", "state", "ui", "app",
            "cli", "i18n",
        ],
    ),
    // the translation layer sits just above the model: everything that shows text uses it
    (
        "src/i18n",
        &[
            "storage", "import", "export", "privacy", "recovery", "overview", "state", "ui", "app",
            "cli",
        ],
    ),
    ("src/state", &["ui", "app", "cli"]),
    ("src/ui", &["app", "cli"]),
    ("src/storage", &["state", "ui", "app", "cli"]),
    ("src/recovery", &["state", "ui", "app", "cli"]),
    ("src/export", &["state", "ui", "app", "cli"]),
    // the report document: the model, texts, privacy and the charts of `export`; no files
    (
        "src/report",
        &[
            "storage", "import", "recovery", "overview", "state", "ui", "app", "cli",
        ],
    ),
    ("src/import", &["state", "ui", "app", "cli"]),
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

/// `text` without its comments (`//…` to the end of the line, `/* … */`), string literals
/// blanked, line breaks kept, so a position still gives its line.
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut prev = ' ';
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                    }
                    if prev == '*' && c == '/' {
                        break;
                    }
                    prev = c;
                }
            }
            '"' => {
                out.push(' ');
                let mut escaped = false;
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                    }
                    if escaped {
                        escaped = false;
                    } else if c == '\\' {
                        escaped = true;
                    } else if c == '"' {
                        break;
                    }
                }
            }
            c => out.push(c),
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The first segment of every path in a group `{a::b, c::{d, e}, f}` that starts at `at`
/// (just after its `{`), with the byte position of each: `a`, `c`, `f`. Returns them and the
/// position after the group's `}`.
fn group_heads(code: &str, at: usize) -> (Vec<(usize, String)>, usize) {
    let bytes = code.as_bytes();
    let mut heads = vec![];
    let mut depth = 0;
    let mut expect_head = true;
    let mut i = at;
    while i < bytes.len() {
        let c = bytes[i] as char;
        match c {
            '{' => {
                depth += 1;
                expect_head = false;
            }
            '}' if depth == 0 => return (heads, i + 1),
            '}' => depth -= 1,
            ',' if depth == 0 => expect_head = true,
            c if expect_head && is_ident(c) => {
                let end = code[i..]
                    .find(|c: char| !is_ident(c))
                    .map_or(code.len(), |n| i + n);
                heads.push((i, code[i..end].to_owned()));
                expect_head = false;
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    (heads, bytes.len())
}

/// The modules of the crate that `text` names (comments and strings aside), each with the
/// line it is named on: `crate::x::…`, and every head of a group `crate::{x::…, y, z::{…}}`,
/// on one line or several.
fn crate_paths(text: &str) -> Vec<(usize, String)> {
    let code = code_only(text);
    let line_of = |pos: usize| code[..pos].matches('\n').count() + 1;
    let mut out = vec![];
    let mut from = 0;
    while let Some(n) = code[from..].find("crate") {
        let at = from + n;
        from = at + "crate".len();
        if code[..at].chars().next_back().is_some_and(is_ident) {
            continue; // `krate`, `my_crate`
        }
        let rest = code[from..].trim_start();
        let Some(rest) = rest.strip_prefix("::") else {
            continue;
        };
        let start = code.len() - rest.trim_start().len();
        let rest = rest.trim_start();
        if rest.starts_with('{') {
            let (heads, end) = group_heads(&code, start + 1);
            out.extend(heads.into_iter().map(|(p, m)| (line_of(p), m)));
            from = end;
        } else {
            let name: String = rest.chars().take_while(|c| is_ident(*c)).collect();
            if !name.is_empty() {
                out.push((line_of(start), name));
            }
        }
    }
    out
}

/// The lines of `text` that name one of the `forbidden` modules of the crate.
fn offending_lines(text: &str, forbidden: &[&str]) -> Vec<(usize, String)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<(usize, String)> = crate_paths(text)
        .into_iter()
        .filter(|(_, m)| forbidden.contains(&m.as_str()))
        .map(|(line, m)| {
            let code = lines.get(line - 1).map_or("", |l| l.trim());
            (line, format!("{code}   (names crate::{m})"))
        })
        .collect();
    out.dedup();
    out
}

#[test]
fn every_layer_imports_only_from_below() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut problems = Vec::new();
    let mut checked = 0;
    for (layer, forbidden) in RULES {
        assert!(
            root.join(layer).exists(),
            "a rule for {layer}, which does not exist: update RULES"
        );
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
    // a comment, a string or a longer name is not an import
    assert!(offending_lines("// see crate::app\n", &["app"]).is_empty());
    assert!(offending_lines("/* crate::app */ let s = \"crate::app\";\n", &["app"]).is_empty());
    assert!(offending_lines("use crate::apple;\n", &["app"]).is_empty());
    assert!(offending_lines("use my_crate::app;\n", &["app"]).is_empty());
    // grouped, nested and over several lines
    assert_eq!(
        offending_lines("use crate::{model::Project, app::KompasApp};\n", &["app"]),
        vec![(
            1,
            "use crate::{model::Project, app::KompasApp};   (names crate::app)".to_owned()
        )]
    );
    let nested = "use crate::{\n    model::{Id, Project},\n    state::{\n        View,\n    },\n    ui,\n};\n";
    let found: Vec<usize> = offending_lines(nested, &["state", "ui"])
        .into_iter()
        .map(|(l, _)| l)
        .collect();
    assert_eq!(found, vec![3, 6]);
    // a group inside a path of the crate names the module before it
    assert_eq!(
        offending_lines("use crate::app::{A, B};\n", &["app"]).len(),
        1
    );
    assert!(offending_lines("use crate::model::{app, ui};\n", &["app", "ui"]).is_empty());
    assert_eq!(
        offending_lines("use crate :: { ui };\n", &["ui"]).len(),
        1,
        "spaces change nothing"
    );
}

#[test]
fn every_rule_names_a_path_that_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let gone: Vec<&str> = RULES
        .iter()
        .map(|(p, _)| *p)
        .filter(|p| !root.join(p).exists())
        .collect();
    assert!(
        gone.is_empty(),
        "rules for paths that do not exist: {gone:?}"
    );
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
