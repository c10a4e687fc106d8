//! The small writer the builders use: it leaves out what would be empty (a list without
//! items, a table without rows, an empty paragraph), so no renderer has to.

use super::{Align, Block, Figure, Pill, Row, Style, Table};
use crate::model::Status;

#[derive(Default)]
pub(super) struct Blocks(pub(super) Vec<Block>);

impl Blocks {
    pub(super) fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.0.push(Block::Heading {
            level,
            text: text.into(),
            status: None,
        });
    }

    pub(super) fn heading_with(&mut self, level: u8, text: &str, status: Status, word: &str) {
        self.0.push(Block::Heading {
            level,
            text: text.to_owned(),
            status: Some(Pill {
                status,
                text: word.to_owned(),
            }),
        });
    }

    /// A paragraph, unless `text` is blank.
    pub(super) fn para(&mut self, style: Style, text: impl Into<String>) {
        let text = text.into();
        if !text.trim().is_empty() {
            self.0.push(Block::Paragraph(style, text));
        }
    }

    pub(super) fn plain(&mut self, text: impl Into<String>) {
        self.para(Style::Plain, text);
    }

    /// A list of the items that are not blank, unless there are none.
    pub(super) fn list(&mut self, items: impl IntoIterator<Item = String>) {
        let items: Vec<String> = items.into_iter().filter(|s| !s.trim().is_empty()).collect();
        if !items.is_empty() {
            self.0.push(Block::Bullets(items));
        }
    }

    /// A table with left-aligned columns but those in `right`, unless it has no rows.
    pub(super) fn table(&mut self, head: &[&str], right: &[usize], rows: Vec<Vec<String>>) {
        self.marked_table(
            head,
            right,
            rows.into_iter().map(|cells| (cells, false)).collect(),
        );
    }

    /// A table whose rows say whether they are overdue.
    pub(super) fn marked_table(
        &mut self,
        head: &[&str],
        right: &[usize],
        rows: Vec<(Vec<String>, bool)>,
    ) {
        if rows.is_empty() {
            return;
        }
        self.0.push(Block::Table(Table {
            head: head.iter().map(|h| (*h).to_owned()).collect(),
            align: (0..head.len())
                .map(|k| {
                    if right.contains(&k) {
                        Align::Right
                    } else {
                        Align::Left
                    }
                })
                .collect(),
            rows: rows
                .into_iter()
                .map(|(cells, overdue)| Row { cells, overdue })
                .collect(),
        }));
    }

    pub(super) fn figure(&mut self, svg: String, caption: Option<&str>, instead: Option<&str>) {
        self.0.push(Block::Figure(Figure {
            svg,
            caption: caption.map(str::to_owned),
            instead: instead.map(str::to_owned),
        }));
    }
}
