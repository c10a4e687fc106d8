//! Turns `assets/i18n.ron` into Rust at build time (`$OUT_DIR/i18n.rs`, included by
//! `src/i18n/mod.rs`): the `Key` enum, the table of texts as `&'static str`, one struct per
//! text with placeholders (its fields are the placeholder names), and the macros `t!`, `tf!`
//! and `key!` with one arm per key, so an unknown key, a missing, extra or misspelt placeholder
//! fails the build. A small parser of the file's simple shape, so no crate is compiled for it:
//!
//! ```text
//! "key": ("Nederlands", "English"),
//! "key": plural(n, ("één {n}", "meer {n}"), ("one {n}", "other {n}")),
//! ```
//!
//! A plural entry names its count placeholder, then Dutch (one, other) and English (one,
//! other). Both languages: "one" for 1, "other" otherwise.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

const SOURCE: &str = "assets/i18n.ron";

enum Text {
    Plain([String; 2]),
    /// count placeholder; [language][one, other]
    Plural(String, [[String; 2]; 2]),
}

struct Entry {
    key: String,
    line: usize,
    text: Text,
}

impl Entry {
    fn texts(&self) -> Vec<&str> {
        match &self.text {
            Text::Plain(t) => t.iter().map(String::as_str).collect(),
            Text::Plural(_, f) => f.iter().flatten().map(String::as_str).collect(),
        }
    }

    /// The placeholder names, in order of first appearance (the plural count first).
    fn placeholders(&self) -> Vec<String> {
        let mut names = Vec::new();
        if let Text::Plural(count, _) = &self.text {
            names.push(count.clone());
        }
        for text in self.texts() {
            for piece in pieces(text) {
                if let Piece::Arg(name) = piece
                    && !names.iter().any(|n| n == name)
                {
                    names.push(name.to_owned());
                }
            }
        }
        names
    }
}

enum Piece<'a> {
    Lit(&'a str),
    Arg(&'a str),
}

/// A text split at its `{name}` placeholders (a brace not around a name is text).
fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
            .unwrap_or(after.len());
        let name = &after[..name_len];
        if name_len > 0
            && after[name_len..].starts_with('}')
            && !name.starts_with(|c: char| c.is_ascii_digit())
        {
            if open > 0 {
                out.push(Piece::Lit(&rest[..open]));
            }
            out.push(Piece::Arg(name));
            rest = &after[name_len + 1..];
        } else {
            out.push(Piece::Lit(&rest[..=open]));
            rest = after;
        }
    }
    if !rest.is_empty() {
        out.push(Piece::Lit(rest));
    }
    out
}

#[derive(Debug, PartialEq)]
enum Tok {
    Str(String),
    Ident(String),
    Punct(char),
}

struct Lexer<'a> {
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    line: usize,
}

impl Lexer<'_> {
    fn fail(&self, what: &str) -> ! {
        panic!("{SOURCE}:{}: {what}", self.line)
    }

    fn next(&mut self) -> Option<Tok> {
        loop {
            let (_, c) = *self.chars.peek()?;
            if c == '\n' {
                self.line += 1;
                self.chars.next();
            } else if c.is_whitespace() {
                self.chars.next();
            } else if c == '/' {
                self.chars.next();
                if self.chars.next().map(|p| p.1) != Some('/') {
                    self.fail("a lone '/' (comments start with //)");
                }
                while self.chars.peek().is_some_and(|p| p.1 != '\n') {
                    self.chars.next();
                }
            } else {
                break;
            }
        }
        let (_, c) = self.chars.next()?;
        Some(match c {
            '"' => {
                let mut s = String::new();
                loop {
                    match self.chars.next().map(|p| p.1) {
                        None => self.fail("a string without its closing quote"),
                        Some('"') => break,
                        Some('\n') => self.fail("a string broken over lines"),
                        Some('\\') => match self.chars.next().map(|p| p.1) {
                            Some('"') => s.push('"'),
                            Some('\\') => s.push('\\'),
                            Some('n') => s.push('\n'),
                            Some('t') => s.push('\t'),
                            other => self.fail(&format!("unknown escape \\{other:?}")),
                        },
                        Some(c) => s.push(c),
                    }
                }
                Tok::Str(s)
            }
            '{' | '}' | '(' | ')' | ',' | ':' => Tok::Punct(c),
            c if c.is_ascii_alphabetic() || c == '_' => {
                let mut s = c.to_string();
                while let Some(&(_, c)) = self.chars.peek() {
                    if c.is_ascii_alphanumeric() || c == '_' {
                        s.push(c);
                        self.chars.next();
                    } else {
                        break;
                    }
                }
                Tok::Ident(s)
            }
            c => self.fail(&format!("unexpected character {c:?}")),
        })
    }

    fn expect(&mut self, p: char) {
        match self.next() {
            Some(Tok::Punct(q)) if q == p => {}
            other => self.fail(&format!("expected '{p}', found {other:?}")),
        }
    }

    fn string(&mut self) -> String {
        match self.next() {
            Some(Tok::Str(s)) => s,
            other => self.fail(&format!("expected a string, found {other:?}")),
        }
    }

    /// `("a", "b")` with an optional trailing comma inside.
    fn pair(&mut self) -> [String; 2] {
        self.expect('(');
        let a = self.string();
        self.expect(',');
        let b = self.string();
        match self.next() {
            Some(Tok::Punct(')')) => {}
            Some(Tok::Punct(',')) => self.expect(')'),
            other => self.fail(&format!("expected ')', found {other:?}")),
        }
        [a, b]
    }
}

fn parse(source: &str) -> Vec<Entry> {
    let mut lx = Lexer {
        chars: source.char_indices().peekable(),
        line: 1,
    };
    lx.expect('{');
    let mut entries = Vec::new();
    loop {
        let key = match lx.next() {
            Some(Tok::Punct('}')) => break,
            Some(Tok::Str(key)) => key,
            other => lx.fail(&format!("expected a key or '}}', found {other:?}")),
        };
        let line = lx.line;
        lx.expect(':');
        let text = match lx.next() {
            Some(Tok::Punct('(')) => {
                let nl = lx.string();
                lx.expect(',');
                let en = lx.string();
                match lx.next() {
                    Some(Tok::Punct(')')) => {}
                    Some(Tok::Punct(',')) => lx.expect(')'),
                    other => lx.fail(&format!("expected ')', found {other:?}")),
                }
                Text::Plain([nl, en])
            }
            Some(Tok::Ident(p)) if p == "plural" => {
                lx.expect('(');
                let count = match lx.next() {
                    Some(Tok::Ident(c)) => c,
                    other => lx.fail(&format!("expected the count's name, found {other:?}")),
                };
                lx.expect(',');
                let nl = lx.pair();
                lx.expect(',');
                let en = lx.pair();
                match lx.next() {
                    Some(Tok::Punct(')')) => {}
                    Some(Tok::Punct(',')) => lx.expect(')'),
                    other => lx.fail(&format!("expected ')', found {other:?}")),
                }
                Text::Plural(count, [nl, en])
            }
            other => lx.fail(&format!(
                "expected (\"nl\", \"en\") or plural(…), found {other:?}"
            )),
        };
        entries.push(Entry { key, line, text });
        match lx.next() {
            Some(Tok::Punct(',')) => {}
            Some(Tok::Punct('}')) => break,
            other => lx.fail(&format!("expected ',' or '}}', found {other:?}")),
        }
    }
    if let Some(tok) = lx.next() {
        lx.fail(&format!("text after the closing '}}': {tok:?}"));
    }
    entries
}

/// `status.saved` -> `StatusSaved`, `scan.s.wf_1` -> `ScanSWf1`.
fn ident(key: &str) -> String {
    let mut out = String::new();
    for part in key.split(['.', '_', '-']) {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            out.extend(first.to_uppercase());
            out.push_str(chars.as_str());
        }
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) || out.is_empty() {
        out.insert(0, 'K');
    }
    out
}

fn check(entries: &[Entry]) {
    let mut problems = Vec::new();
    let mut keys = BTreeMap::new();
    let mut idents = BTreeMap::new();
    for e in entries {
        if !e
            .key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_'))
        {
            problems.push(format!(
                "line {}: key {:?}: only a-z 0-9 . _",
                e.line, e.key
            ));
        }
        if let Some(l) = keys.insert(e.key.as_str(), e.line) {
            problems.push(format!("line {}: key {:?} also on line {l}", e.line, e.key));
        }
        if let Some(k) = idents.insert(ident(&e.key), &e.key) {
            problems.push(format!(
                "line {}: key {:?} and {k:?} give the same name",
                e.line, e.key
            ));
        }
        let names = |t: &str| -> BTreeSet<String> {
            pieces(t)
                .into_iter()
                .filter_map(|p| match p {
                    Piece::Arg(a) => Some(a.to_owned()),
                    Piece::Lit(_) => None,
                })
                .collect()
        };
        match &e.text {
            Text::Plain([nl, en]) => {
                if names(nl) != names(en) {
                    problems.push(format!(
                        "line {}: {:?}: the languages use different placeholders",
                        e.line, e.key
                    ));
                }
            }
            Text::Plural(count, forms) => {
                // the "one" form may leave the count out ("één rij"), nothing else differs
                let mut sets = forms.iter().flatten().map(|t| {
                    let mut s = names(t);
                    s.remove(count);
                    s
                });
                let first = sets.next().unwrap_or_default();
                if sets.any(|s| s != first) {
                    problems.push(format!(
                        "line {}: {:?}: the forms use different placeholders",
                        e.line, e.key
                    ));
                }
                for lang in forms {
                    if !names(&lang[1]).contains(count) {
                        problems.push(format!(
                            "line {}: {:?}: the plural form lacks {{{count}}}",
                            e.line, e.key
                        ));
                    }
                }
            }
        }
        for t in e.texts() {
            if t.trim().is_empty() {
                problems.push(format!("line {}: {:?}: an empty text", e.line, e.key));
            }
        }
    }
    assert!(problems.is_empty(), "{SOURCE}:\n{}", problems.join("\n"));
}

/// A Rust string literal.
fn lit(s: &str) -> String {
    format!("{s:?}")
}

/// `format!(…)` arguments for a text: the format string and the fields in order.
fn format_call(text: &str) -> String {
    let mut fmt = String::new();
    let mut args = String::new();
    for piece in pieces(text) {
        match piece {
            Piece::Lit(l) => fmt.push_str(&l.replace('{', "{{").replace('}', "}}")),
            Piece::Arg(a) => {
                fmt.push_str("{}");
                let _ = write!(args, ", self.{a}");
            }
        }
    }
    format!("::std::format!({}{args})", lit(&fmt))
}

fn generate(entries: &[Entry]) -> String {
    let mut o = String::new();
    let n = entries.len();
    o.push_str("// Generated by build.rs from assets/i18n.ron. Do not edit.\n\n");

    // the keys
    o.push_str(
        "/// Every text in `assets/i18n.ron`, by key (`status.saved` is `Key::StatusSaved`).\n\
         #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]\n\
         pub enum Key {\n",
    );
    for e in entries {
        let _ = writeln!(o, "    /// `{}`\n    {},", e.key, ident(&e.key));
    }
    o.push_str("}\n\n");
    let _ = writeln!(
        o,
        "impl Key {{\n    /// Every key, in the file's order.\n    pub const ALL: [Key; {n}] = ["
    );
    for e in entries {
        let _ = writeln!(o, "        Key::{},", ident(&e.key));
    }
    o.push_str("    ];\n}\n\n");
    o.push_str(
        "/// The text of a scan statement by its code as stored in a file (`vision.1` is\n\
         /// `scan.s.vision.1`).\npub fn statement_key(code: &str) -> Option<Key> {\n    match code {\n",
    );
    for e in entries {
        if let Some(code) = e.key.strip_prefix("scan.s.") {
            let _ = writeln!(o, "        {} => Some(Key::{}),", lit(code), ident(&e.key));
        }
    }
    o.push_str("        _ => None,\n    }\n}\n\n");

    // the table
    let _ = writeln!(
        o,
        "/// The texts, in the order of [`Key`].\npub static ENTRIES: [Entry; {n}] = ["
    );
    for e in entries {
        let placeholders = e
            .placeholders()
            .iter()
            .map(|p| lit(p))
            .collect::<Vec<_>>()
            .join(", ");
        let text = match &e.text {
            Text::Plain([nl, en]) => format!("Text::Plain([{}, {}])", lit(nl), lit(en)),
            Text::Plural(c, [[n1, n2], [e1, e2]]) => format!(
                "Text::Plural {{ count: {}, forms: [[{}, {}], [{}, {}]] }}",
                lit(c),
                lit(n1),
                lit(n2),
                lit(e1),
                lit(e2)
            ),
        };
        let _ = writeln!(
            o,
            "    Entry {{ key: {}, text: {text}, placeholders: &[{placeholders}] }},",
            lit(&e.key)
        );
    }
    o.push_str("];\n\n");

    // one struct per text with placeholders
    o.push_str(
        "/// One struct per text with placeholders, its fields named after them: what `tf!`\n\
         /// builds, so a missing, extra or misspelt placeholder is a compile error.\n\
         pub mod args {\n    #![allow(missing_docs)]\n    use super::{Count, Lang};\n    use std::fmt::Display;\n\n",
    );
    for e in entries {
        let names = e.placeholders();
        if names.is_empty() {
            continue;
        }
        let id = ident(&e.key);
        let count = match &e.text {
            Text::Plural(c, _) => Some(c.as_str()),
            Text::Plain(_) => None,
        };
        let params: Vec<String> = (0..names.len()).map(|i| format!("A{i}")).collect();
        let bounds: Vec<String> = names
            .iter()
            .zip(&params)
            .map(|(name, p)| {
                if Some(name.as_str()) == count {
                    format!("{p}: Count")
                } else {
                    format!("{p}: Display")
                }
            })
            .collect();
        let _ = writeln!(o, "    /// `{}`", e.key);
        let _ = writeln!(o, "    pub struct {id}<{}> {{", params.join(", "));
        for (name, p) in names.iter().zip(&params) {
            let _ = writeln!(o, "        pub {name}: {p},");
        }
        o.push_str("    }\n");
        let _ = writeln!(
            o,
            "    impl<{}> {id}<{}> {{",
            bounds.join(", "),
            params.join(", ")
        );
        o.push_str("        /// The text in `lang`, placeholders filled in.\n");
        o.push_str("        pub fn text_in(&self, lang: Lang) -> String {\n");
        match &e.text {
            Text::Plain([nl, en]) => {
                let _ = writeln!(
                    o,
                    "            match lang {{\n                Lang::Nl => {},\n                Lang::En => {},\n            }}",
                    format_call(nl),
                    format_call(en)
                );
            }
            Text::Plural(c, [[n1, n2], [e1, e2]]) => {
                let _ = writeln!(
                    o,
                    "            match (lang, self.{c}.is_one()) {{\n                (Lang::Nl, true) => {},\n                (Lang::Nl, false) => {},\n                (Lang::En, true) => {},\n                (Lang::En, false) => {},\n            }}",
                    format_call(n1),
                    format_call(n2),
                    format_call(e1),
                    format_call(e2)
                );
            }
        }
        o.push_str("        }\n");
        o.push_str(
            "        /// The text in this thread's interface language.\n        pub fn text(&self) -> String {\n            self.text_in(super::lang())\n        }\n",
        );
        o.push_str("    }\n\n");
    }
    o.push_str("}\n\n");

    // key!: every key
    o.push_str(
        "/// The [`Key`] of a literal key: `key!(\"status.saved\")` is `Key::StatusSaved`; an\n\
         /// unknown key does not compile.\n\
         #[doc(hidden)]\n#[macro_export]\nmacro_rules! __kompas_key {\n",
    );
    for e in entries {
        let _ = writeln!(
            o,
            "    ({}) => {{ $crate::i18n::Key::{} }};",
            lit(&e.key),
            ident(&e.key)
        );
    }
    o.push_str(
        "    ($other:literal) => { ::std::compile_error!(::std::concat!(\"no text with the key \", \
         ::std::stringify!($other), \" in assets/i18n.ron\")) };\n    ($key:expr) => { $key };\n}\n\n",
    );

    // plain keys for t!: a key with placeholders asks for tf!
    o.push_str("#[doc(hidden)]\n#[macro_export]\nmacro_rules! __kompas_plain_key {\n");
    for e in entries {
        let names = e.placeholders();
        if names.is_empty() {
            let _ = writeln!(
                o,
                "    ({}) => {{ $crate::i18n::Key::{} }};",
                lit(&e.key),
                ident(&e.key)
            );
        } else {
            let usage = names
                .iter()
                .map(|n| format!("{n} = …"))
                .collect::<Vec<_>>()
                .join(", ");
            let msg = format!(
                "the text {:?} has placeholders: use tf!({:?}, {usage})",
                e.key, e.key
            );
            let _ = writeln!(
                o,
                "    ({}) => {{ ::std::compile_error!({}) }};",
                lit(&e.key),
                lit(&msg)
            );
        }
    }
    o.push_str(
        "    ($other:literal) => { ::std::compile_error!(::std::concat!(\"no text with the key \", \
         ::std::stringify!($other), \" in assets/i18n.ron\")) };\n    ($key:expr) => { $key };\n}\n\n",
    );

    // the struct of a key with placeholders, for tf!
    o.push_str("#[doc(hidden)]\n#[macro_export]\nmacro_rules! __kompas_args {\n");
    for e in entries {
        if e.placeholders().is_empty() {
            let msg = format!(
                "the text {:?} has no placeholders: use t!({:?})",
                e.key, e.key
            );
            let _ = writeln!(
                o,
                "    ({} {{ $($f:tt)* }}) => {{ ::std::compile_error!({}) }};",
                lit(&e.key),
                lit(&msg)
            );
        } else {
            let _ = writeln!(
                o,
                "    ({} {{ $($f:tt)* }}) => {{ $crate::i18n::args::{} {{ $($f)* }} }};",
                lit(&e.key),
                ident(&e.key)
            );
        }
    }
    o.push_str(
        "    ($other:literal { $($f:tt)* }) => { ::std::compile_error!(::std::concat!(\"no text with the key \", \
         ::std::stringify!($other), \" in assets/i18n.ron\")) };\n}\n",
    );
    o
}

/// For tests/i18n.rs: every text with placeholders through `tf!`, each placeholder given as
/// `‹name›` (a plural's count as 1 and as 2), in a `lang` the test has in scope.
fn generate_fill_test(entries: &[Entry]) -> String {
    let mut o = String::from(
        "// Generated by build.rs: every tf! key with its declared arguments.\nvec![\n",
    );
    for e in entries {
        let names = e.placeholders();
        if names.is_empty() {
            continue;
        }
        let count = match &e.text {
            Text::Plural(c, _) => Some(c.clone()),
            Text::Plain(_) => None,
        };
        let counts: &[u32] = if count.is_some() { &[1, 2] } else { &[0] };
        for n in counts {
            let args = names
                .iter()
                .map(|name| {
                    if Some(name) == count.as_ref() {
                        format!("{name} = {n}u32")
                    } else {
                        format!("{name} = \"‹{name}›\"")
                    }
                })
                .collect::<Vec<_>>()
                .join(", ");
            let _ = writeln!(
                o,
                "    ({}, &[{}][..], kompas::i18n::tf!(lang, {}, {args})),",
                lit(&e.key),
                names.iter().map(|n| lit(n)).collect::<Vec<_>>().join(", "),
                lit(&e.key)
            );
        }
    }
    o.push_str("]\n");
    o
}

fn main() {
    println!("cargo:rerun-if-changed={SOURCE}");
    println!("cargo:rerun-if-changed=build.rs");
    let source = std::fs::read_to_string(SOURCE).unwrap_or_else(|e| panic!("{SOURCE}: {e}"));
    let entries = parse(&source);
    check(&entries);
    let out = std::env::var("OUT_DIR").unwrap_or_else(|e| panic!("OUT_DIR: {e}"));
    let path = std::path::Path::new(&out).join("i18n.rs");
    std::fs::write(&path, generate(&entries)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let path = std::path::Path::new(&out).join("i18n_fill_test.rs");
    std::fs::write(&path, generate_fill_test(&entries))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    windows_resource(Path::new(&out));
}

/// The application icon, as embedded in `kompas.exe` (rendered by `scripts/render-icon.sh`).
const ICO: &str = "assets/icon/kompas.ico";

/// For a Windows target: the icon and the version information in `kompas.exe` (what Explorer,
/// the taskbar, the installer's shortcuts and the file's properties show). One resource script,
/// compiled by `winresource` on a Windows host (it finds the SDK's `rc.exe` or MinGW's
/// `windres`), and by MinGW's `windres` when cross-building from Linux (Debian's
/// `binutils-mingw-w64-x86-64`, which `gcc-mingw-w64-x86-64` brings). Nothing at all for any
/// other target.
fn windows_resource(out: &Path) {
    println!("cargo:rerun-if-changed={ICO}");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let ico = std::fs::canonicalize(ICO).unwrap_or_else(|e| panic!("{ICO}: {e}"));
    let version = |part: &str| {
        std::env::var(format!("CARGO_PKG_VERSION_{part}"))
            .ok()
            .and_then(|v| v.parse::<u16>().ok())
            .unwrap_or(0)
    };
    let (major, minor, patch) = (version("MAJOR"), version("MINOR"), version("PATCH"));
    let full = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    // forward slashes: both resource compilers take them, and they need no escaping
    let ico = ico.to_string_lossy().replace('\\', "/");
    let ico = ico.strip_prefix("//?/").unwrap_or(&ico);
    let rc = format!(
        r#"1 ICON "{ico}"
1 VERSIONINFO
FILEVERSION {major},{minor},{patch},0
PRODUCTVERSION {major},{minor},{patch},0
FILEOS 0x40004
FILETYPE 0x1
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "041304B0"
    BEGIN
      VALUE "CompanyName", "Kompas"
      VALUE "FileDescription", "Kompas"
      VALUE "FileVersion", "{full}"
      VALUE "InternalName", "kompas"
      VALUE "LegalCopyright", "EUPL-1.2"
      VALUE "OriginalFilename", "kompas.exe"
      VALUE "ProductName", "Kompas"
      VALUE "ProductVersion", "{full}"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x0413, 1200
  END
END
"#
    );
    let rc_path = out.join("kompas.rc");
    std::fs::write(&rc_path, rc).unwrap_or_else(|e| panic!("{}: {e}", rc_path.display()));
    compile_resource(&rc_path, out);
}

/// On a Windows host: `winresource` compiles the script and tells cargo to link it.
#[cfg(windows)]
fn compile_resource(rc: &Path, _out: &Path) {
    let mut res = winresource::WindowsResource::new();
    res.set_resource_file(&rc.to_string_lossy());
    res.compile_for("kompas")
        .unwrap_or_else(|e| panic!("the Windows resource (icon) did not compile: {e}"));
}

/// Cross-building from Linux (or macOS): MinGW's `windres` (`$WINDRES` to name another) turns
/// the script into an object file that the MinGW linker takes like any other.
#[cfg(not(windows))]
fn compile_resource(rc: &Path, out: &Path) {
    println!("cargo:rerun-if-env-changed=WINDRES");
    let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_else(|_| "x86_64".into());
    let windres =
        std::env::var("WINDRES").unwrap_or_else(|_| format!("{arch}-w64-mingw32-windres"));
    let obj = out.join("kompas-resource.o");
    let status = std::process::Command::new(&windres)
        .arg("--input")
        .arg(rc)
        .args(["--output-format", "coff", "--output"])
        .arg(&obj)
        .status()
        .unwrap_or_else(|e| {
            panic!(
                "{windres}: {e} (for the icon in kompas.exe: apt-get install \
                 binutils-mingw-w64-x86-64, or set WINDRES)"
            )
        });
    assert!(status.success(), "{windres} failed on {}", rc.display());
    println!("cargo:rustc-link-arg-bin=kompas={}", obj.display());
}
