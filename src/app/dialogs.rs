//! Native file dialogs (rfd) behind a trait, so tests can answer them.

use std::path::PathBuf;

/// Asks the user for a file to open or a place to save.
pub trait FileDialogs {
    fn pick_open(&mut self) -> Option<PathBuf>;
    fn pick_save(&mut self, suggested_name: &str) -> Option<PathBuf>;
}

/// The system's own dialogs.
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn pick_open(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter(crate::i18n::t("dialog.filter"), &["ron"])
            .pick_file()
    }

    fn pick_save(&mut self, suggested_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter(crate::i18n::t("dialog.filter"), &["ron"])
            .set_file_name(suggested_name)
            .save_file()
            .map(|p| {
                if p.extension().is_none() {
                    p.with_extension("ron")
                } else {
                    p
                }
            })
    }
}
