//! Saving under faults: a full disk, a folder that is read-only or gone, a busy file. The save
//! fails with a clear message, and the file on disk is the old version, whole, with no temp
//! files left behind.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use kompas::model::Project;
use kompas::storage::{self, Stage, WriteOptions};
use std::io::{Error, ErrorKind};
use std::path::Path;

fn project(name: &str) -> Project {
    let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
    Project::new(name, d(2024, 1, 1), d(2024, 12, 31))
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn a_fault_at_any_stage_leaves_the_old_file_whole() {
    kompas::i18n::set_lang(kompas::i18n::Lang::Nl);
    let old = project("Oud");
    let new = project("Nieuw");
    let new_text = storage::to_ron_string(&new).unwrap();
    for kind in [
        ErrorKind::StorageFull,
        ErrorKind::PermissionDenied,
        ErrorKind::NotFound,
        ErrorKind::ResourceBusy,
    ] {
        for stage in Stage::ALL {
            let dir = tempfile::tempdir().unwrap();
            let file = dir.path().join("regio.ron");
            storage::save(&file, &old).unwrap();
            let before = std::fs::read(&file).unwrap();
            let listing = files_in(dir.path());
            let result = storage::write_atomic_faulty(
                &file,
                new_text.as_bytes(),
                WriteOptions {
                    backup: true,
                    private: false,
                },
                &mut |s| {
                    if s == stage {
                        Err(Error::new(kind, "injected"))
                    } else {
                        Ok(())
                    }
                },
            );
            let err = result.expect_err("the injected fault makes the save fail");
            assert_eq!(
                std::fs::read(&file).unwrap(),
                before,
                "{kind:?} at {stage:?}: the file changed"
            );
            // no temp files; a backup, if the failure came after it, is the old version
            let mut after = files_in(dir.path());
            after.retain(|f| f != "regio.ron.bak");
            assert_eq!(after, listing, "{kind:?} at {stage:?}: files left behind");
            let backup = storage::backup_path(&file);
            if backup.exists() {
                assert_eq!(std::fs::read(&backup).unwrap(), before);
            }
            let message = err.message();
            let expected = match kind {
                ErrorKind::StorageFull => "vol",
                ErrorKind::PermissionDenied => "toestemming",
                ErrorKind::NotFound => "bestaat niet",
                _ => "in gebruik",
            };
            assert!(
                message.contains(expected),
                "{kind:?}: message '{message}' does not mention '{expected}'"
            );
        }
    }
}

#[test]
fn a_folder_that_vanished_or_is_a_file_gives_a_message_not_a_panic() {
    kompas::i18n::set_lang(kompas::i18n::Lang::Nl);
    let dir = tempfile::tempdir().unwrap();
    let gone = dir.path().join("weg").join("regio.ron");
    let err = storage::save(&gone, &project("R")).unwrap_err();
    assert!(err.message().contains("bestaat niet"), "{}", err.message());
    let a_file = dir.path().join("bestand");
    std::fs::write(&a_file, "x").unwrap();
    let err = storage::save(&a_file.join("regio.ron"), &project("R")).unwrap_err();
    assert!(err.message().contains("bestaat niet"), "{}", err.message());
}

/// A real read-only folder. Root may write anyway, so there the injected fault above is what
/// shows the promise; this test then checks that saving as root worked and harmed nothing.
#[cfg(unix)]
#[test]
fn a_read_only_folder_refuses_and_keeps_the_old_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("regio.ron");
    storage::save(&file, &project("Oud")).unwrap();
    let before = std::fs::read(&file).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let result = storage::save(&file, &project("Nieuw"));
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    match result {
        Err(e) => {
            assert_eq!(std::fs::read(&file).unwrap(), before);
            assert!(
                matches!(e, storage::SaveError::Io(ref io) if io.kind() == ErrorKind::PermissionDenied)
            );
        }
        Ok(()) => {
            // running as root: permissions do not apply; the new file must be whole
            let loaded = storage::load(&file).unwrap();
            assert_eq!(loaded.project.region.name, "Nieuw");
            println!("running as root: the folder's permissions did not apply");
        }
    }
}

#[cfg(unix)]
#[test]
fn recovery_style_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("herstel.ron");
    storage::write_with(
        &file,
        b"(format_version: 2)",
        WriteOptions {
            backup: false,
            private: true,
        },
    )
    .unwrap();
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}
