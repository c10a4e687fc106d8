//! Atomic file writes: temp file in the same folder, flush to disk, rename over the target.
//! The target is at every moment either the old or the new content, whole; a failure at any
//! stage leaves the old file as it was and removes the temp file.

use super::SaveError;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
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

/// The stages of a write, in order; a fault can be injected before each (see
/// [`write_atomic_faulty`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    CreateTemp,
    Write,
    Sync,
    Backup,
    Rename,
}

impl Stage {
    pub const ALL: [Self; 5] = [
        Self::CreateTemp,
        Self::Write,
        Self::Sync,
        Self::Backup,
        Self::Rename,
    ];
}

/// How to write.
#[derive(Clone, Copy, Debug)]
pub struct WriteOptions {
    /// Keep the previous content as [`backup_path`].
    pub backup: bool,
    /// Readable and writable by the user only (mode 0600 on Unix), for recovery files.
    pub private: bool,
}

/// Writes `bytes` to `path` so that `path` is always either the old or the new content, whole.
/// The previous content, if any, is kept as the backup (see [`backup_path`]).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_with(
        path,
        bytes,
        WriteOptions {
            backup: true,
            private: false,
        },
    )
}

/// [`write_atomic`] for exports of `kind`: the same safety, but no backup of the previous file.
/// Refuses (and writes nothing) when the path is a project file or has a project's name, a
/// folder, a device or anything else that is not a regular file, or (unless `force`) an
/// existing file of another format ([`super::guard::export_refusal`]).
pub fn write_export(
    path: &Path,
    bytes: &[u8],
    kind: super::guard::ExportKind,
    force: bool,
) -> Result<(), SaveError> {
    if let Some(why) = super::guard::export_refusal(path, kind, force) {
        return Err(SaveError::Refused {
            path: path.to_path_buf(),
            why,
        });
    }
    write_with(
        path,
        bytes,
        WriteOptions {
            backup: false,
            private: false,
        },
    )
}

/// Writes a copy of a file (the other program's version, kept before overwriting it) to a
/// path where nothing is yet: an existing file there is never replaced.
pub fn write_new_copy(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    if std::fs::symlink_metadata(path).is_ok() {
        return Err(SaveError::Refused {
            path: path.to_path_buf(),
            why: super::guard::Refusal::ProjectFile,
        });
    }
    write_with(
        path,
        bytes,
        WriteOptions {
            backup: false,
            private: false,
        },
    )
}

/// [`write_atomic`] with options.
pub fn write_with(path: &Path, bytes: &[u8], options: WriteOptions) -> Result<(), SaveError> {
    write_atomic_faulty(path, bytes, options, &mut |_| Ok(()))
}

/// [`write_with`], calling `fault` before each stage: an error it returns is treated as that
/// stage failing (a full disk, a folder that went read-only or away). For tests of the
/// promise that a failed save never harms the file on disk.
pub fn write_atomic_faulty(
    path: &Path,
    bytes: &[u8],
    options: WriteOptions,
    fault: &mut dyn FnMut(Stage) -> io::Result<()>,
) -> Result<(), SaveError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = write_then_rename(path, &tmp, bytes, options, fault);
    if result.is_err() {
        // made or not, depending on where the write stopped
        crate::logging::remove_file_if_there(&tmp, "temporary file");
        crate::logging::remove_file_if_there(&tmp.with_extension("bak.tmp"), "temporary backup");
    }
    result.map_err(SaveError::io)
}

// `private` is for Unix file modes only
#[cfg_attr(not(unix), allow(unused_variables))]
fn create(tmp: &Path, private: bool) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    if private {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(tmp)
}

fn write_then_rename(
    path: &Path,
    tmp: &Path,
    bytes: &[u8],
    options: WriteOptions,
    fault: &mut dyn FnMut(Stage) -> io::Result<()>,
) -> io::Result<()> {
    fault(Stage::CreateTemp)?;
    let mut file = create(tmp, options.private)?;
    fault(Stage::Write)?;
    file.write_all(bytes)?;
    fault(Stage::Sync)?;
    file.sync_all()?;
    drop(file);
    if options.backup && path.exists() {
        fault(Stage::Backup)?;
        // Copy (not move) the old version, so the target never disappears.
        let backup = backup_path(path);
        let backup_tmp = tmp.with_extension("bak.tmp");
        fs::copy(path, &backup_tmp)?;
        fs::rename(&backup_tmp, &backup)?;
    }
    fault(Stage::Rename)?;
    fs::rename(tmp, path)?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        // Make the rename itself durable where the platform allows it.
        if let Ok(d) = File::open(dir)
            && let Err(e) = d.sync_all()
        {
            log::warn!(
                "the rename to {} may not survive a power cut: {e}",
                path.display()
            );
        }
    }
    Ok(())
}
