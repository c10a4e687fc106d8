//! Atomic file writes: temp file in the same folder, flush to disk, rename over the target.

use super::SaveError;
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The backup of `path`: the previous version, kept beside it as `NAME.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes `bytes` to `path` so that `path` is always either the old or the new content, whole.
/// The previous content, if any, is kept as the backup (see [`backup_path`]).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomic_with(path, bytes, true)
}

/// [`write_atomic`] for exports: the same safety, but no backup of the previous file.
pub fn write_export(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomic_with(path, bytes, false)
}

fn write_atomic_with(path: &Path, bytes: &[u8], backup: bool) -> Result<(), SaveError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = write_then_rename(path, &tmp, bytes, backup);
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn write_then_rename(path: &Path, tmp: &Path, bytes: &[u8], backup: bool) -> Result<(), SaveError> {
    let mut file = File::create(tmp).map_err(SaveError::io)?;
    file.write_all(bytes).map_err(SaveError::io)?;
    file.sync_all().map_err(SaveError::io)?;
    drop(file);
    if backup && path.exists() {
        // Copy (not move) the old version, so the target never disappears.
        let backup = backup_path(path);
        let backup_tmp = tmp.with_extension("bak.tmp");
        fs::copy(path, &backup_tmp).map_err(SaveError::io)?;
        fs::rename(&backup_tmp, &backup).map_err(|e| {
            let _ = fs::remove_file(&backup_tmp);
            SaveError::io(e)
        })?;
    }
    fs::rename(tmp, path).map_err(SaveError::io)?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        // Make the rename itself durable where the platform allows it.
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
    }
    Ok(())
}
