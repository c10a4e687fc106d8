//! What Kompas reads, and where it may write an export. Reading refuses what is not a regular
//! file (a folder, `/dev/zero`, a pipe) and what is absurdly large, before reading a byte of
//! it. An export never lands on a project file (the one exported, or any other, whatever its
//! content when its name ends in `.ron` or `.ron.bak`), a folder, a device or anything else
//! that is not a regular file: those are refused, and nothing is written. An existing file that
//! is not of the export's own format (a spreadsheet, a document, a CSV of the user's own data
//! under a report's name) is refused unless the user says `--force`.

use super::LoadError;
use std::io::Read;
use std::path::Path;

/// The largest project file Kompas reads (a stress project of ten years is about 50 MB).
pub const MAX_PROJECT_BYTES: u64 = 200 * 1024 * 1024;

/// Why an export was not written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// There is a folder, device, pipe or socket at that path.
    NotAFile,
    /// The file there is a Kompas project (or its backup): an export would destroy it.
    ProjectFile,
    /// The path is the file being exported.
    SameAsInput,
    /// The existing file there is not of the export's own format (without `--force`).
    OtherFormat,
}

/// What an export writes, to recognise a file it may replace: an earlier export of its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    /// A report: starts with `<!DOCTYPE html>` or `<html`.
    Html,
    /// A report as Markdown: text whose first line is a heading (`# `).
    Markdown,
    /// Kompas's table of measurements: text whose first line is its header, in either language.
    Csv,
    /// Plain text (lessons): text without control characters, and not HTML.
    Text,
    /// A picture as SVG: text whose first element is `<svg` (after an XML header and comments).
    Svg,
    /// A picture as PNG: starts with the PNG signature.
    Png,
    /// An Excel workbook: a zip archive with `[Content_Types].xml` and parts under `xl/`.
    Xlsx,
    /// A Word document: a zip archive with `[Content_Types].xml` and parts under `word/`.
    Docx,
    /// Lessons shared with other regions: text that starts with `(` and `kompas_shared`.
    Shared,
}

/// Reads the file at `path` when it is a regular file of at most `max` bytes.
pub fn read_file(path: &Path, max: u64) -> Result<Vec<u8>, LoadError> {
    let io = |e: std::io::Error| LoadError::Read {
        kind: e.kind(),
        detail: e.to_string(),
    };
    // a device on Windows (`CON`, `NUL`, `COM1.ron`): opening CON would wait for the keyboard
    if cfg!(windows) && super::names::reserved_windows_name(path) {
        return Err(LoadError::NotAFile);
    }
    // metadata first: opening a pipe would wait, reading /dev/zero would never end
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(LoadError::NotAFile);
    }
    let too_large = LoadError::TooLarge {
        limit_mb: max / (1024 * 1024),
    };
    if meta.len() > max {
        return Err(too_large);
    }
    // a file that grows while it is read, or reports no size (/proc), stops at the limit too
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    std::fs::File::open(path)
        .map_err(io)?
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > max {
        return Err(too_large);
    }
    Ok(bytes)
}

/// Whether the start of a file is a Kompas project: `(` and `format_version` (after a BOM,
/// white space and comments), as every version writes it.
fn looks_like_project(start: &[u8]) -> bool {
    let text = String::from_utf8_lossy(start);
    let text = text.trim_start_matches('\u{feff}');
    let mut rest = text.trim_start();
    // comments before the document
    loop {
        if let Some(r) = rest.strip_prefix("//") {
            rest = r.split_once('\n').map_or("", |(_, r)| r).trim_start();
        } else if let Some(r) = rest.strip_prefix("/*") {
            rest = r.split_once("*/").map_or("", |(_, r)| r).trim_start();
        } else {
            break;
        }
    }
    rest.starts_with('(') && rest.contains("format_version")
}

/// Whether `path` has the name of a project file or its backup (`.ron`, `.ron.bak`, in any
/// case): an export never gets such a name, whatever is there now (an empty or damaged project
/// is still the user's project).
pub fn has_project_name(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let name = name.trim_end_matches(['.', ' ']);
    name.ends_with(".ron") || name.ends_with(".ron.bak")
}

/// Text without NUL or other control characters (tab, line ends and form feed allowed); a
/// character cut off at the end of what was read is fine.
fn is_text(start: &[u8]) -> bool {
    let text = match std::str::from_utf8(start) {
        Ok(t) => t,
        Err(e) if e.error_len().is_none() => {
            // cut in the middle of a character at the end of the sample
            std::str::from_utf8(&start[..e.valid_up_to()]).unwrap_or_default()
        }
        Err(_) => return false,
    };
    !text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
}

/// The first line of a text sample, without a BOM.
fn first_line(start: &[u8]) -> String {
    let text = String::from_utf8_lossy(start);
    let text = text.trim_start_matches('\u{feff}');
    text.lines().next().unwrap_or("").to_owned()
}

fn looks_like_html(start: &[u8]) -> bool {
    let text = String::from_utf8_lossy(&start[..start.len().min(1024)]).to_lowercase();
    let text = text.trim_start_matches('\u{feff}').trim_start();
    text.starts_with("<!doctype html") || text.starts_with("<html")
}

/// Whether the start of an existing file is of the kind an export of `kind` writes.
fn is_of_kind(start: &[u8], kind: ExportKind) -> bool {
    use crate::i18n::{Lang, t};
    match kind {
        ExportKind::Html => looks_like_html(start),
        ExportKind::Markdown => is_text(start) && first_line(start).starts_with("# "),
        ExportKind::Csv => {
            let line = first_line(start);
            is_text(start)
                && [Lang::Nl, Lang::En].into_iter().any(|lang| {
                    let head =
                        format!("{};{};", t!(lang, "csv.outcome"), t!(lang, "csv.indicator"));
                    line.starts_with(&head)
                })
        }
        ExportKind::Text => is_text(start) && !looks_like_html(start),
        ExportKind::Svg => is_text(start) && looks_like_svg(start),
        ExportKind::Png => start.starts_with(PNG_SIGNATURE),
        ExportKind::Xlsx => looks_like_xlsx(start),
        ExportKind::Shared => {
            let text = String::from_utf8_lossy(start);
            let rest = text.trim_start_matches('\u{feff}').trim_start();
            is_text(start)
                && rest
                    .strip_prefix('(')
                    .is_some_and(|r| r.trim_start().starts_with("kompas_shared"))
        }
        ExportKind::Docx => {
            let has = |name: &[u8]| start.windows(name.len()).any(|w| w == name);
            start.starts_with(b"PK\x03\x04") && has(b"[Content_Types].xml") && has(b"word/")
        }
    }
}

/// Whether the start (and, for a larger file, the end) of a file is an Office Open XML
/// workbook: a zip archive (its first local file header) naming `[Content_Types].xml` and a
/// part under `xl/`; a Word document (`word/`) or another zip is not a workbook.
fn looks_like_xlsx(start: &[u8]) -> bool {
    let has = |needle: &[u8]| start.windows(needle.len()).any(|w| w == needle);
    start.starts_with(b"PK\x03\x04") && has(b"[Content_Types].xml") && has(b"xl/")
}

/// The first eight bytes of every PNG file.
pub const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// Whether the first element of a text is `<svg`: after a BOM, white space, an XML
/// declaration, comments and a doctype.
fn looks_like_svg(start: &[u8]) -> bool {
    let text = String::from_utf8_lossy(&start[..start.len().min(4096)]);
    let mut rest = text.trim_start_matches('\u{feff}').trim_start();
    loop {
        if let Some(r) = rest.strip_prefix("<?") {
            rest = r.split_once("?>").map_or("", |(_, r)| r).trim_start();
        } else if let Some(r) = rest.strip_prefix("<!--") {
            rest = r.split_once("-->").map_or("", |(_, r)| r).trim_start();
        } else if let Some(r) = rest.strip_prefix("<!") {
            rest = r.split_once('>').map_or("", |(_, r)| r).trim_start();
        } else {
            break;
        }
    }
    rest.starts_with("<svg")
}

/// Why an export of `kind` must not be written to `path`, if it must not. A path that does
/// not exist yet is fine, unless it has a project's name; so is an empty file. With `force`,
/// an existing file of another format may be replaced; a project, a folder or a device never.
pub fn export_refusal(path: &Path, kind: ExportKind, force: bool) -> Option<Refusal> {
    if has_project_name(path) {
        return Some(Refusal::ProjectFile);
    }
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() {
        return Some(Refusal::NotAFile);
    }
    let mut start = Vec::new();
    let read = std::fs::File::open(path)
        .and_then(|f| f.take(64 * 1024).read_to_end(&mut start))
        .is_ok();
    if !read || looks_like_project(&start) {
        // what cannot be read cannot be told apart from a project
        return Some(Refusal::ProjectFile);
    }
    if kind == ExportKind::Xlsx && meta.len() > start.len() as u64 {
        // a zip names its parts again in its central directory at the end, and some writers
        // (LibreOffice) put `[Content_Types].xml` last
        start.extend(tail(path, 64 * 1024).unwrap_or_default());
    }
    let replaceable = start.is_empty() || force || is_of_kind(&start, kind);
    (!replaceable).then_some(Refusal::OtherFormat)
}

/// The last `n` bytes of a file (or all of it, when it is shorter).
fn tail(path: &Path, n: u64) -> std::io::Result<Vec<u8>> {
    use std::io::{Seek, SeekFrom};
    let mut f = std::fs::File::open(path)?;
    let len = f.metadata()?.len();
    f.seek(SeekFrom::Start(len.saturating_sub(n)))?;
    let mut bytes = Vec::new();
    f.take(n).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// [`export_refusal`], and whether `path` is `input` itself (by the file, not the name).
pub fn export_refusal_for(
    path: &Path,
    input: &Path,
    kind: ExportKind,
    force: bool,
) -> Option<Refusal> {
    let same = match (std::fs::canonicalize(path), std::fs::canonicalize(input)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same {
        return Some(Refusal::SameAsInput);
    }
    export_refusal(path, kind, force)
}

#[cfg(test)]
mod tests {
    use super::{ExportKind, has_project_name, is_of_kind, looks_like_project};
    use std::path::Path;

    #[test]
    fn project_names_and_the_formats_of_exports() {
        for name in [
            "a.ron",
            "A.RON",
            "a.ron.bak",
            "a.Ron.Bak",
            "a.ron.",
            "map/b.ron",
        ] {
            assert!(has_project_name(Path::new(name)), "{name}");
        }
        for name in ["a.html", "ron", "a.ron.html", "a.bak", "a.rons"] {
            assert!(!has_project_name(Path::new(name)), "{name}");
        }
        assert!(is_of_kind(b"\n<!DOCTYPE html>\n<html>", ExportKind::Html));
        assert!(!is_of_kind(b"# Rapport", ExportKind::Html));
        assert!(is_of_kind(b"# Regio\n\ntekst", ExportKind::Markdown));
        assert!(!is_of_kind(b"PK\x03\x04\x00", ExportKind::Markdown));
        assert!(!is_of_kind(b"notities\n# kop", ExportKind::Markdown));
        assert!(is_of_kind(
            b"Maatschappelijk resultaat;Indicator;Eenheid\n",
            ExportKind::Csv
        ));
        assert!(is_of_kind(b"Outcome;Indicator;Unit\n", ExportKind::Csv));
        assert!(!is_of_kind(b"datum;waarde\n2024-01-01;3", ExportKind::Csv));
        assert!(is_of_kind(b"lessen\n", ExportKind::Text));
        assert!(is_of_kind(b"(\n\tkompas_shared: 1,", ExportKind::Shared));
        assert!(!is_of_kind(b"(\n\tformat_version: 3,", ExportKind::Shared));
        assert!(!is_of_kind(b"lessen\n", ExportKind::Shared));
        assert!(!is_of_kind(b"<html>", ExportKind::Text));
        assert!(!is_of_kind(b"\x00\x01", ExportKind::Text));
        assert!(is_of_kind(
            b"<?xml version=\"1.0\"?>\n<!-- x -->\n<svg xmlns=\"\">",
            ExportKind::Svg
        ));
        assert!(is_of_kind(b"<svg viewBox=\"0 0 1 1\">", ExportKind::Svg));
        assert!(!is_of_kind(b"<!DOCTYPE html><html><svg>", ExportKind::Svg));
        assert!(!is_of_kind(b"# Regio", ExportKind::Svg));
        assert!(is_of_kind(b"\x89PNG\r\n\x1a\n\x00\x00", ExportKind::Png));
        assert!(!is_of_kind(b"GIF89a", ExportKind::Png));
        assert!(!is_of_kind(b"<svg>", ExportKind::Png));
        let zip = |names: &[&str]| {
            let mut bytes = b"PK\x03\x04\x14\x00".to_vec();
            for n in names {
                bytes.extend_from_slice(n.as_bytes());
                bytes.extend_from_slice(b"\x00\x01PK\x03\x04");
            }
            bytes
        };
        assert!(is_of_kind(
            &zip(&["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml"]),
            ExportKind::Xlsx
        ));
        assert!(!is_of_kind(
            &zip(&["[Content_Types].xml", "word/document.xml"]),
            ExportKind::Xlsx
        ));
        assert!(!is_of_kind(&zip(&["foto.jpg", "xl/x"]), ExportKind::Xlsx));
        assert!(!is_of_kind(b"[Content_Types].xml xl/", ExportKind::Xlsx));
    }

    #[test]
    fn a_project_is_recognised_by_its_start() {
        assert!(looks_like_project(b"(\n\tformat_version: 3,"));
        assert!(looks_like_project(
            b"\xEF\xBB\xBF// notes\n/* x */ (format_version: 1)"
        ));
        assert!(!looks_like_project(b"# Rapport\n(format_version)"));
        assert!(!looks_like_project(b"<!doctype html>"));
    }
}
