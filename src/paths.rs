//! Kompas's data folder: where the recovery files and the log file go. No egui here (eframe's
//! function only names the folder of the platform).

use std::path::PathBuf;

/// The data folder of Kompas: `~/.local/share/kompas` on Linux, `%APPDATA%\kompas\data` on
/// Windows, `~/Library/Application Support/kompas` on macOS (eframe's choice, the folder its
/// own storage uses); `None` when the platform names none.
pub fn data_dir() -> Option<PathBuf> {
    eframe::storage_dir("kompas")
}
