//! Other copies of a project file: the conflict copies sync services leave beside it, and the
//! versions that can serve as the common base of a merge.

use std::path::{Path, PathBuf};

/// Whether `name` (a file name) is a conflict copy a sync service made of the file `original`
/// (a file name too): OneDrive and SharePoint add the computer's name (`regio-LAPTOP-3F2.ron`),
/// Dropbox and Nextcloud "(… conflicted copy …)", Syncthing `.sync-conflict-…`.
pub fn is_conflict_copy(original: &str, name: &str) -> bool {
    let (Some((stem, ext)), Some((cstem, cext))) =
        (original.rsplit_once('.'), name.rsplit_once('.'))
    else {
        return false;
    };
    if !ext.eq_ignore_ascii_case(cext) || name == original || stem.is_empty() {
        return false;
    }
    let Some(rest) = cstem.strip_prefix(stem) else {
        return false;
    };
    if let Some(computer) = rest.strip_prefix('-') {
        // a NetBIOS computer name: up to 15 capitals, digits and hyphens, with a capital
        return (1..=15).contains(&computer.len())
            && computer
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
            && computer.chars().any(|c| c.is_ascii_uppercase());
    }
    if let Some(inner) = rest.strip_prefix(" (").and_then(|r| r.strip_suffix(')')) {
        let inner = inner.to_lowercase();
        return inner.contains("conflicted copy") || inner.contains("conflicting copy");
    }
    rest.starts_with(".sync-conflict-")
}

/// The conflict copies of `path` in its folder, sorted by name.
pub fn conflict_copies(path: &Path) -> Vec<PathBuf> {
    let (Some(dir), Some(original)) = (path.parent(), path.file_name().and_then(|n| n.to_str()))
    else {
        return Vec::new();
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| {
            e.file_name()
                .to_str()
                .is_some_and(|n| is_conflict_copy(original, n))
        })
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}

/// A version that can be the common base of merging the open file with another copy: the
/// backup Kompas keeps beside the file (the version before the last save here), when there is
/// one. Git's merge driver gets its base from git.
pub fn merge_base(path: &Path) -> Option<PathBuf> {
    let bak = super::backup_path(path);
    bak.is_file().then_some(bak)
}

#[cfg(test)]
mod tests {
    use super::is_conflict_copy;

    #[test]
    fn the_names_sync_services_give_their_conflict_copies() {
        let o = "regio-utrecht.ron";
        for yes in [
            "regio-utrecht-LAPTOP-3F2.ron",
            "regio-utrecht-DESKTOP-AB12CD.ron",
            "regio-utrecht (conflicted copy).ron",
            "regio-utrecht (Jan's conflicted copy 2026-12-01).ron",
            "regio-utrecht (conflicted copy 2026-12-01 101530).ron",
            "regio-utrecht.sync-conflict-20261201-101530-ABCDEFG.ron",
            "regio-utrecht-LAPTOP-3F2.RON",
        ] {
            assert!(is_conflict_copy(o, yes), "{yes}");
        }
        for no in [
            "regio-utrecht.ron",
            "regio-utrecht.ron.bak",
            "regio-utrecht-2.ron",
            "regio-utrecht-oud.ron",
            "regio-utrecht (kopie).ron",
            "regio-utrecht-LAPTOP-3F2.csv",
            "regio-amersfoort-LAPTOP-3F2.ron",
            "regio-utrecht-EEN-HELE-LANGE-NAAM-X.ron",
        ] {
            assert!(!is_conflict_copy(o, no), "{no}");
        }
    }
}
