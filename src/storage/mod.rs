//! Reading and writing project files (RON).
//!
//! Files are pretty-printed RON in the field order of the model types, so they diff well.
//! Loading never panics: every problem is a [`LoadError`] with a line and column where the file
//! has one. Saving is atomic and keeps the previous version beside the file as `NAME.bak`.

mod atomic;
mod copies;
mod error;
pub mod guard;
mod migrate;
pub mod names;
mod shared;
pub mod split;

pub use atomic::{
    Stage, WriteOptions, backup_path, write_atomic, write_atomic_faulty, write_export,
    write_new_copy, write_with,
};
pub use copies::{conflict_copies, is_conflict_copy, merge_base};
pub use error::{LoadError, LoadWarning, SaveError};
pub use shared::{
    MAX_SHARED_BYTES, SHARED_EXTENSION, SHARED_VERSION, SharedFile, is_shared_file, parse_shared,
    read_shared,
};

use crate::model::{FORMAT_VERSION, Project};
use serde::Deserialize;
use std::path::Path;

/// A loaded project with what was odd but repaired while loading.
#[derive(Debug)]
pub struct Loaded {
    pub project: Project,
    pub warnings: Vec<LoadWarning>,
}

/// The RON text of a project, as it is written to disk.
pub fn to_ron_string(project: &Project) -> Result<String, SaveError> {
    let config = ron::ser::PrettyConfig::new()
        // one tab per level: the file stays readable and diff-friendly, and is about half the
        // size of four spaces per level, which makes reading a large project ~20 % faster
        .indentor("\t")
        // the same bytes on every platform (ron's default is CRLF on Windows): a file saved on
        // Windows and one saved on Linux differ only where the project does
        .new_line("\n")
        .struct_names(false)
        .separate_tuple_members(false)
        .escape_strings(false);
    let mut text = ron::ser::to_string_pretty(project, config)
        .map_err(|e| SaveError::Serialize(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// Saves atomically: the file on disk is always either the old or the new version, whole.
pub fn save(path: &Path, project: &Project) -> Result<(), SaveError> {
    let text = to_ron_string(project)?;
    write_atomic(path, text.as_bytes())
}

/// Reads and parses a project file. The file itself is never changed. What is not a regular
/// file, or is larger than [`guard::MAX_PROJECT_BYTES`], is refused without reading it.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    parse(&read_project(path)?)
}

/// The bytes of a project file (see [`load`]).
pub fn read_project(path: &Path) -> Result<Vec<u8>, LoadError> {
    guard::read_file(path, guard::MAX_PROJECT_BYTES)
}

#[derive(Deserialize)]
struct VersionProbe {
    /// 0 when the field is missing.
    #[serde(default)]
    format_version: u32,
}

/// Parses the bytes of a project file.
pub fn parse(bytes: &[u8]) -> Result<Loaded, LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, col) = line_col(&bytes[..e.valid_up_to()]);
        LoadError::NotUtf8 { line, col }
    })?;
    let text = lf_only(text);
    let text = text.as_ref();
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    // Kompas writes `format_version` as the first field: read it from the first lines without
    // parsing the whole document twice; anything else gets the full (slower) probe.
    let version = match quick_version(text) {
        Some(v) => v,
        None => {
            let probe: VersionProbe =
                ron::from_str(text).map_err(|e| LoadError::from_ron_in(&e, text))?;
            probe.format_version
        }
    };
    let probe = VersionProbe {
        format_version: version,
    };
    match probe.format_version {
        0 => return Err(LoadError::NotAProject),
        v if v > FORMAT_VERSION => {
            return Err(LoadError::NewerVersion {
                found: v,
                supported: FORMAT_VERSION,
            });
        }
        _ => {}
    }
    let mut project = migrate::read(text, probe.format_version)?;
    let mut warnings = Vec::new();
    if probe.format_version < FORMAT_VERSION {
        warnings.push(LoadWarning::Migrated {
            from: probe.format_version,
        });
    }
    warnings.extend(repair(&mut project));
    Ok(Loaded { project, warnings })
}

/// `text` with CRLF line ends as LF. Kompas writes LF, but a file can come back with CRLF
/// (edited in Notepad, through Git's `autocrlf`, written by an older Windows build): texts of
/// several lines are written as they are, so their `\r` would otherwise end up in the project.
/// No one can type a lone `\r` in Kompas, so nothing of the project is lost.
pub(crate) fn lf_only(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\r') {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// `format_version: N` as the first field of the document, as Kompas writes it.
fn quick_version(text: &str) -> Option<u32> {
    let rest = text.trim_start().strip_prefix('(')?.trim_start();
    let rest = rest
        .strip_prefix("format_version")?
        .trim_start()
        .strip_prefix(':')?;
    let digits: String = rest
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let after = rest.trim_start()[digits.len()..].trim_start();
    if digits.is_empty() || !(after.starts_with(',') || after.starts_with(')')) {
        return None;
    }
    digits.parse().ok()
}

/// Repairs what is odd but usable (links to nothing) and draws the session's id prefix.
fn repair(project: &mut Project) -> Vec<LoadWarning> {
    let mut warnings = Vec::new();
    let duplicates = project.duplicate_ids();
    if !duplicates.is_empty() {
        warnings.push(LoadWarning::DuplicateIds(duplicates.len()));
    }
    project.ids.redraw_avoiding(project.all_ids());
    if let (n @ 1.., Some(value)) = project.remove_scores_out_of_range() {
        warnings.push(LoadWarning::ScoresOutOfRange { n, value });
    }
    let removed = project.prune_links();
    if removed > 0 {
        warnings.push(LoadWarning::DanglingLinksRemoved(removed));
    }
    project.format_version = FORMAT_VERSION;
    warnings
}

/// 1-based line and column (in characters) of the end of `prefix`.
fn line_col(prefix: &[u8]) -> (usize, usize) {
    let text = String::from_utf8_lossy(prefix);
    let line = text.matches('\n').count() + 1;
    let col = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}
