//! The one translation layer: every text a user reads goes through [`t`] or [`tf`].
//!
//! Texts live in `assets/i18n.ron` as `"key": ("Nederlands", "English")`, embedded in the binary.
//! The language is per thread (the UI thread in the app, each test its own), Dutch by default.
//! A key missing from the file shows as the key itself, never a panic; a test keeps the file
//! complete (see `tests/i18n.rs`).

mod format;
mod labels;

pub use format::{
    NumberError, convention_of, fmt_date, fmt_money, fmt_month, fmt_number, parse_date,
    parse_number, parse_number_with, parse_numeric_date, read_number,
};
pub use labels::{
    Label, finding_text, privacy_text, reason_text, score_label, statement_text, table_name,
};

use serde::{Deserialize, Serialize};
use std::cell::Cell;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The languages of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    pub const ALL: [Self; 2] = [Self::Nl, Self::En];

    /// The language's own name, the same in every interface language.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::Nl => "Nederlands",
            Self::En => "English",
        }
    }
}

/// The raw translation file, as embedded.
pub const SOURCE: &str = include_str!("../../assets/i18n.ron");

type Table = HashMap<String, (String, String)>;

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| parse_table(SOURCE).unwrap_or_default())
}

/// Parses a translation file (used for the embedded one, and by the completeness test).
pub fn parse_table(source: &str) -> Result<Table, ron::error::SpannedError> {
    ron::from_str(source)
}

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::Nl) };
}

/// Sets the interface language for this thread.
pub fn set_lang(lang: Lang) {
    LANG.with(|l| l.set(lang));
}

/// The interface language of this thread.
pub fn lang() -> Lang {
    LANG.with(Cell::get)
}

/// The text for `key` in the current language (the key itself when it is missing).
pub fn t(key: &str) -> &str {
    t_in(key, lang())
}

/// The text for `key` in `lang` (the key itself when it is missing).
pub fn t_in(key: &str, lang: Lang) -> &str {
    match table().get(key) {
        Some((nl, en)) => match lang {
            Lang::Nl => nl,
            Lang::En => en,
        },
        None => key,
    }
}

/// The text for `key` with `{name}` placeholders filled in.
pub fn tf(key: &str, args: &[(&str, &str)]) -> String {
    let mut text = t(key).to_owned();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}
