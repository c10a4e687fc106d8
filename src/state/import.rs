//! The import dialog's state: the table read from the file, what was recognised, the mapping
//! the user chose and the preview it gives. Nothing changes in the document until the app
//! applies it ([`crate::state::Message::ApplyImport`]). Drawn by `ui::import`.

use crate::import::{self, CsvTable, Detected, ImportPreview, Mapping, schools};
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

/// What a file is read for: measurements (for this indicator, if given; a file that reads
/// like a support analysis opens that import instead, when no indicator was given), or the
/// support analysis per school.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportTo {
    Measurements(Option<Id>),
    Support,
}

/// The support analysis' import dialog: the table read from the file, what each column holds
/// (found by its header; the user can change it) and the rows that gives, with the lines that
/// cannot be read. Nothing changes until the app applies it
/// ([`crate::state::Message::ApplySupportImport`]); one Ctrl+Z takes it back.
pub struct SupportImport {
    pub file_name: String,
    pub table: CsvTable,
    pub columns: Vec<Option<schools::Col>>,
    pub read: schools::PastedRows,
}

impl SupportImport {
    pub fn new(file_name: String, table: CsvTable) -> Self {
        let columns = schools::columns(&table.headers, table.has_header);
        let read = schools::read_table_rows(&table, &columns);
        Self {
            file_name,
            table,
            columns,
            read,
        }
    }

    /// Reads the rows again after a column was changed.
    pub fn reread(&mut self) {
        self.read = schools::read_table_rows(&self.table, &self.columns);
    }
}
