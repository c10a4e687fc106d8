//! Atomic file writes: temp file in the same folder, flush to disk, rename over the target.
//! The target is at every moment either the old or the new content, whole; a failure at any
//! stage leaves the old file as it was and removes the temp file.

use super::SaveError;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

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
    if let Some(problem) = super::names::path_name_problem(path) {
        return Err(SaveError::Name {
            path: path.to_path_buf(),
            problem,
        });
    }
    if is_read_only_file(path) {
        return Err(SaveError::ReadOnly {
            path: path.to_path_buf(),
        });
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(temp_name(&name));
    let result = write_then_rename(path, &tmp, bytes, options, fault);
    if result.is_err() {
        // made or not, depending on where the write stopped
        crate::logging::remove_file_if_there(&tmp, "temporary file");
        crate::logging::remove_file_if_there(&tmp.with_extension("bak.tmp"), "temporary backup");
    }
    result.map_err(SaveError::io)
}

/// Whether a regular file is at `path` that is read-only: the attribute on Windows, no write
/// permission for anyone on Unix. Windows refuses to replace such a file, Unix would replace it
/// silently; Kompas refuses on every platform, so the user's "do not change" holds everywhere.
fn is_read_only_file(path: &Path) -> bool {
    fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().readonly())
}

/// The name of the temp file for a file called `name`: hidden on Unix, ending in `.tmp` (which
/// OneDrive does not sync), unique to this process and write, and short enough for any file
/// system (the name is cut to 64 bytes: a name of 250 would otherwise make one of more than
/// 255, which no file system takes).
fn temp_name(name: &str) -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut cut = name.len().min(64);
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    let short = &name[..cut];
    format!(
        ".{short}.{}-{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// How long a rename over a file held open by another program is tried again: a virus
/// scanner, the search indexer or OneDrive reading the file usually lets go within a second.
const RENAME_RETRIES: [Duration; 6] = [
    Duration::from_millis(50),
    Duration::from_millis(100),
    Duration::from_millis(200),
    Duration::from_millis(400),
    Duration::from_millis(800),
    Duration::from_millis(1000),
];

/// Whether a failed rename on Windows means that another program has the target open (or, on
/// Windows, is deleting it): `ERROR_ACCESS_DENIED` (the temp file was just made in the same
/// folder, and a read-only target is refused before, so this is the target being held),
/// `ERROR_SHARING_VIOLATION`, `ERROR_LOCK_VIOLATION`. Never on Unix, where a rename does not
/// care who has the file open (the codes mean other things there).
pub(crate) fn held_by_another_program(e: &io::Error) -> bool {
    cfg!(windows) && e.raw_os_error().is_some_and(is_windows_sharing_error)
}

/// The Windows error codes of a file held open by another program (see
/// [`held_by_another_program`]).
fn is_windows_sharing_error(code: i32) -> bool {
    matches!(code, 5 | 32 | 33)
}

/// Runs `rename`; while it fails because the target is `held` by another program, waits and
/// tries again (see [`RENAME_RETRIES`]). When the file stays held, the error is
/// [`io::ErrorKind::ResourceBusy`] ("in use by another program"), not a missing permission.
fn rename_retrying(
    mut rename: impl FnMut() -> io::Result<()>,
    held: impl Fn(&io::Error) -> bool,
    mut sleep: impl FnMut(Duration),
) -> io::Result<()> {
    let mut delays = RENAME_RETRIES.iter();
    loop {
        match rename() {
            Err(e) if held(&e) => match delays.next() {
                Some(d) => sleep(*d),
                None => return Err(io::Error::new(io::ErrorKind::ResourceBusy, e)),
            },
            other => return other,
        }
    }
}

/// Renames `from` over `to` (see [`rename_retrying`]).
fn rename_over(from: &Path, to: &Path) -> io::Result<()> {
    rename_retrying(
        || fs::rename(from, to),
        held_by_another_program,
        std::thread::sleep,
    )
}

/// Windows does not replace a read-only file, and a copy keeps the attribute: a backup left
/// read-only (copied from a read-only share, or marked so by hand) would stop every later
/// save of its project. The backup is Kompas's own, so it loses the attribute. (Unix replaces
/// it whatever its mode, so nothing is changed there.)
#[cfg(windows)]
fn let_backup_be_replaced(backup: &Path) {
    if let Ok(meta) = fs::metadata(backup)
        && meta.permissions().readonly()
    {
        let mut permissions = meta.permissions();
        // Windows: only the read-only attribute is cleared (on Unix this would mean 0o777)
        #[allow(clippy::permissions_set_readonly_false)]
        permissions.set_readonly(false);
        if let Err(e) = fs::set_permissions(backup, permissions) {
            log::warn!(
                "could not make the backup {} writable: {e}",
                backup.display()
            );
        }
    }
}

#[cfg(not(windows))]
fn let_backup_be_replaced(_backup: &Path) {}

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
        let_backup_be_replaced(&backup_tmp);
        let_backup_be_replaced(&backup);
        rename_over(&backup_tmp, &backup)?;
    }
    fault(Stage::Rename)?;
    rename_over(tmp, path)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn held() -> io::Error {
        io::Error::from(io::ErrorKind::PermissionDenied)
    }

    #[test]
    fn a_rename_over_a_held_file_is_tried_again_then_said_to_be_busy() {
        let is_held = |e: &io::Error| e.kind() == io::ErrorKind::PermissionDenied;
        let (mut tries, mut slept) = (0, Vec::new());
        let done = rename_retrying(
            || {
                tries += 1;
                if tries < 3 { Err(held()) } else { Ok(()) }
            },
            is_held,
            |d| slept.push(d),
        );
        assert!(done.is_ok());
        assert_eq!(slept, RENAME_RETRIES[..2]);

        let mut slept = Vec::new();
        let err = rename_retrying(|| Err(held()), is_held, |d| slept.push(d)).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::ResourceBusy);
        assert_eq!(slept, RENAME_RETRIES);
        assert!(slept.iter().sum::<Duration>() <= Duration::from_secs(3));

        // anything else fails at once
        let mut slept = Vec::new();
        let err = rename_retrying(
            || Err(io::Error::from(io::ErrorKind::StorageFull)),
            is_held,
            |d| slept.push(d),
        )
        .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::StorageFull);
        assert!(slept.is_empty());
    }

    #[test]
    fn only_windows_codes_of_a_held_file_count_as_held() {
        for code in [5, 32, 33] {
            assert!(is_windows_sharing_error(code), "{code}");
        }
        for code in [2, 3, 39, 112] {
            assert!(!is_windows_sharing_error(code), "{code}");
        }
        // on Unix 5 is EIO and 32 EPIPE: never taken for a held file
        let eio = io::Error::from_raw_os_error(5);
        assert_eq!(held_by_another_program(&eio), cfg!(windows));
    }

    #[test]
    fn temp_names_stay_short_and_unique() {
        let long = "é".repeat(120) + ".ron";
        let a = temp_name(&long);
        let b = temp_name(&long);
        assert_ne!(a, b);
        assert!(a.len() < 100, "{a}");
        assert!(a.starts_with(".éé") && a.ends_with(".tmp"), "{a}");
        assert!(temp_name("regio.ron").starts_with(".regio.ron."));
    }
}
