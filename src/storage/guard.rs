//! What Kompas reads, and where it may write an export. Reading refuses what is not a regular
//! file (a folder, `/dev/zero`, a pipe) and what is absurdly large, before reading a byte of
//! it. An export never lands on a project file (the one exported, or any other), a folder, a
//! device or anything else that is not a regular file: those are refused, and nothing is
//! written.

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
}

/// Reads the file at `path` when it is a regular file of at most `max` bytes.
pub fn read_file(path: &Path, max: u64) -> Result<Vec<u8>, LoadError> {
    let io = |e: std::io::Error| LoadError::Read {
        kind: e.kind(),
        detail: e.to_string(),
    };
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

/// Why an export must not be written to `path`, if it must not. A path that does not exist
/// yet is fine.
pub fn export_refusal(path: &Path) -> Option<Refusal> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() {
        return Some(Refusal::NotAFile);
    }
    let mut start = Vec::new();
    let read = std::fs::File::open(path)
        .and_then(|f| f.take(64 * 1024).read_to_end(&mut start))
        .is_ok();
    (read && looks_like_project(&start)).then_some(Refusal::ProjectFile)
}

/// [`export_refusal`], and whether `path` is `input` itself (by the file, not the name).
pub fn export_refusal_for(path: &Path, input: &Path) -> Option<Refusal> {
    let same = match (std::fs::canonicalize(path), std::fs::canonicalize(input)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same {
        return Some(Refusal::SameAsInput);
    }
    export_refusal(path)
}

#[cfg(test)]
mod tests {
    use super::looks_like_project;

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
