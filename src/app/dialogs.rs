//! Native file dialogs (rfd) behind a trait, so tests can answer them.

use crate::i18n::t;
use std::path::PathBuf;

/// What kind of file a dialog asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A Kompas project (`.ron`).
    Project,
    /// A spreadsheet file (`.csv`, also `.txt`/`.tsv` to open).
    Csv,
    /// Plain text (`.txt`).
    Text,
    /// A report as a web page (`.html`).
    Html,
    /// A report as Markdown (`.md`).
    Markdown,
    /// A folder (of region project files).
    Folder,
}

impl FileKind {
    fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            Self::Project => (t("dialog.filter"), &["ron"]),
            Self::Csv => (t("dialog.filter_csv"), &["csv", "txt", "tsv"]),
            Self::Text => (t("dialog.filter_text"), &["txt"]),
            Self::Html => (t("dialog.filter_html"), &["html", "htm"]),
            Self::Markdown => (t("dialog.filter_md"), &["md"]),
            Self::Folder => (t("dialog.filter_folder"), &[]),
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Self::Project => "ron",
            Self::Csv => "csv",
            Self::Text => "txt",
            Self::Html => "html",
            Self::Markdown => "md",
            Self::Folder => "",
        }
    }
}

/// Asks the user for a file to open or a place to save.
pub trait FileDialogs {
    fn pick_open(&mut self, kind: FileKind) -> Option<PathBuf>;
    fn pick_save(&mut self, kind: FileKind, suggested_name: &str) -> Option<PathBuf>;
}

/// The system's own dialogs.
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn pick_open(&mut self, kind: FileKind) -> Option<PathBuf> {
        if kind == FileKind::Folder {
            return rfd::FileDialog::new().pick_folder();
        }
        let (name, ext) = kind.filter();
        rfd::FileDialog::new().add_filter(name, ext).pick_file()
    }

    fn pick_save(&mut self, kind: FileKind, suggested_name: &str) -> Option<PathBuf> {
        let (name, ext) = kind.filter();
        rfd::FileDialog::new()
            .add_filter(name, ext)
            .set_file_name(suggested_name)
            .save_file()
            .map(|p| {
                if p.extension().is_none() {
                    p.with_extension(kind.extension())
                } else {
                    p
                }
            })
    }
}
