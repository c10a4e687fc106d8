//! The file a region shares its lessons and interventions in (`.kompaslessen`): RON, words
//! only, read back with the same care as a project (line and column on an error, never a
//! panic). Taking lessons in also accepts another region's project file itself.

use super::LoadError;
use crate::model::SharedItem;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The extension of a shared-lessons file.
pub const SHARED_EXTENSION: &str = "kompaslessen";
/// The version of the shared-lessons format this build writes.
pub const SHARED_VERSION: u32 = 1;
/// Larger than any real set of lessons; a file beyond it is refused without reading it.
pub const MAX_SHARED_BYTES: u64 = 20 * 1024 * 1024;

/// What one region shares.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharedFile {
    /// The format version (and the mark that this is a shared-lessons file).
    pub kompas_shared: u32,
    pub region: String,
    #[serde(default)]
    pub exported: Option<NaiveDate>,
    #[serde(default)]
    pub items: Vec<SharedItem>,
}

impl SharedFile {
    /// What `project` shares, on `today`.
    pub fn of(project: &crate::model::Project, today: NaiveDate) -> Self {
        Self {
            kompas_shared: SHARED_VERSION,
            region: project.region.name.trim().to_owned(),
            exported: Some(today),
            items: project.shared_items(),
        }
    }

    /// The RON text, as it is written (empty only if serializing failed, which plain
    /// strings, dates and enums cannot).
    pub fn to_text(&self) -> String {
        let config = ron::ser::PrettyConfig::new()
            .indentor("\t")
            .new_line("\n")
            .struct_names(false)
            .escape_strings(false);
        match ron::ser::to_string_pretty(self, config) {
            Ok(text) => text + "\n",
            Err(e) => {
                log::error!("the shared lessons could not be written as text: {e}");
                String::new()
            }
        }
    }
}

impl SharedFile {
    /// Takes out every item with something in it that looks like personal data (a BSN, a
    /// date of birth, an e-mail address, …) anywhere in its words; returns how many.
    pub fn without_personal_data(&mut self) -> usize {
        let before = self.items.len();
        self.items.retain(|item| {
            let mut clean = true;
            crate::privacy::visit_value(item, |_, text| {
                clean &= crate::privacy::scan_text(text).is_empty();
            });
            clean
        });
        before - self.items.len()
    }
}

/// Reads a shared-lessons file, or a region's project file (its own lessons and
/// interventions).
pub fn read_shared(path: &Path) -> Result<SharedFile, LoadError> {
    let max = if is_shared_file(path) {
        MAX_SHARED_BYTES
    } else {
        super::guard::MAX_PROJECT_BYTES
    };
    parse_shared(&super::guard::read_file(path, max)?)
}

/// Parses the bytes of a shared-lessons file or of a project file.
pub fn parse_shared(bytes: &[u8]) -> Result<SharedFile, LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, col) = super::line_col(&bytes[..e.valid_up_to()]);
        LoadError::NotUtf8 { line, col }
    })?;
    let text = super::lf_only(text);
    let text = text.as_ref();
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    let head: String = text.chars().take(4096).collect();
    if !head.contains("kompas_shared") && head.contains("format_version") {
        let project = super::parse(bytes)?.project;
        return Ok(SharedFile::of(&project, chrono::Local::now().date_naive()));
    }
    let file: SharedFile = ron::from_str(text).map_err(|e| LoadError::from_ron_in(&e, text))?;
    if file.kompas_shared == 0 {
        return Err(LoadError::NotAProject);
    }
    if file.kompas_shared > SHARED_VERSION {
        return Err(LoadError::NewerVersion {
            found: file.kompas_shared,
            supported: SHARED_VERSION,
        });
    }
    Ok(file)
}

/// Whether a file's name is that of a shared-lessons file.
pub fn is_shared_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(SHARED_EXTENSION))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Project, SharedKind, TextItem};

    fn sample() -> Project {
        let d = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let mut p = Project::new("Regio Noord", d, d);
        let id = p.new_id();
        p.cycles[0].evaluation.lessons.push(TextItem {
            id,
            text: "Thuiszitters eerder in beeld met één loket".into(),
        });
        p
    }

    #[test]
    fn a_shared_file_round_trips_and_a_project_file_is_read_as_its_lessons() {
        let p = sample();
        let file = SharedFile::of(&p, NaiveDate::from_ymd_opt(2026, 2, 1).unwrap());
        assert_eq!(file.items.len(), 1);
        assert_eq!(file.items[0].kind, SharedKind::Lesson);
        let text = file.to_text();
        assert!(text.trim_start().starts_with("(\n\tkompas_shared: 1"));
        assert_eq!(parse_shared(text.as_bytes()).unwrap(), file);
        let project = crate::storage::to_ron_string(&p).unwrap();
        let from_project = parse_shared(project.as_bytes()).unwrap();
        assert_eq!(
            (from_project.region.as_str(), from_project.items),
            ("Regio Noord", file.items)
        );
    }

    #[test]
    fn a_broken_file_says_where_and_a_newer_one_is_refused() {
        let err = parse_shared(b"(\n\tkompas_shared: 1,\n\tregion: \"x\",\n\titems: [(kind: Les")
            .unwrap_err();
        assert!(
            matches!(err, LoadError::Malformed { line: 4, .. }),
            "{err:?}"
        );
        let err = parse_shared(b"(kompas_shared: 9, region: \"x\")").unwrap_err();
        assert!(matches!(err, LoadError::NewerVersion { found: 9, .. }));
        assert_eq!(parse_shared(b"  ").unwrap_err(), LoadError::Empty);
    }
}
