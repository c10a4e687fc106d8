//! The import dialog's state: the table read from the file, what was recognised, the mapping
//! the user chose and the preview it gives. Nothing changes in the document until the app
//! applies it ([`crate::state::Message::ApplyImport`]). Drawn by `ui::import`.

use crate::import::{self, CsvTable, Detected, ImportPreview, Mapping};
use crate::model::Id;

/// The open import dialog.
pub struct ImportDialog {
    pub file_name: String,
    pub table: CsvTable,
    pub detected: Detected,
    pub mapping: Mapping,
    /// The indicator the measurements go to (of the cycle that is open).
    pub indicator: Option<Id>,
    /// Replace a measurement with the same date instead of adding a second one.
    pub replace: bool,
    pub preview: ImportPreview,
}

impl ImportDialog {
    pub fn new(file_name: String, table: CsvTable, indicator: Option<Id>) -> Self {
        let detected = import::detect(&table);
        let mapping = detected.mapping.clone();
        let preview = import::apply(&table, &mapping);
        Self {
            file_name,
            table,
            detected,
            mapping,
            indicator,
            replace: true,
            preview,
        }
    }
}
