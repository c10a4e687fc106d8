//! Kompas's data folder: where the recovery files and the log file go. No egui here (eframe's
//! function only names the folder of the platform).

use std::ffi::OsString;
use std::path::PathBuf;

/// The data folder of Kompas: `~/.local/share/kompas` on Linux and
/// `~/Library/Application Support/kompas` on macOS (eframe's choice, the folder its own storage
/// uses), `%LOCALAPPDATA%\kompas` on Windows; `None` when the platform names none.
pub fn data_dir() -> Option<PathBuf> {
    data_dir_on(cfg!(windows), |key| std::env::var_os(key))
}

/// [`data_dir`] on Windows (`windows`) or elsewhere, with `env` for the environment.
///
/// On Windows not eframe's `%APPDATA%\kompas\data`: `%APPDATA%` is the *roaming* profile, which
/// organisations copy to a server at logoff or redirect to a network share. Recovery files are
/// written every few seconds, can be large, must work offline, and hold work in progress (a
/// lock on them means "a Kompas on this machine is writing"); the log is about this machine.
/// So both stay on the machine, in `%LOCALAPPDATA%` (eframe's own settings, such as the recent
/// files, may roam). Without `LOCALAPPDATA`, eframe's folder.
pub fn data_dir_on(windows: bool, env: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    if windows && let Some(local) = env("LOCALAPPDATA").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(local).join("kompas"));
    }
    eframe::storage_dir("kompas")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_keeps_recovery_and_log_on_the_machine() {
        let env = |key: &str| match key {
            "LOCALAPPDATA" => Some(OsString::from(r"C:\Users\an\AppData\Local")),
            "APPDATA" => Some(OsString::from(r"C:\Users\an\AppData\Roaming")),
            _ => None,
        };
        assert_eq!(
            data_dir_on(true, env),
            Some(PathBuf::from(r"C:\Users\an\AppData\Local").join("kompas"))
        );
        // without it (or elsewhere), eframe's folder
        assert_eq!(data_dir_on(true, |_| None), eframe::storage_dir("kompas"));
        assert_eq!(data_dir_on(false, env), eframe::storage_dir("kompas"));
        if cfg!(windows) {
            let local = std::env::var_os("LOCALAPPDATA").map(PathBuf::from);
            assert_eq!(data_dir(), local.map(|l| l.join("kompas")));
        }
    }
}
