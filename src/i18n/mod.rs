//! The one translation layer: every text a user reads goes through [`t!`] or [`tf!`].
//!
//! Texts live in `assets/i18n.ron` as `"key": ("Nederlands", "English")`, or with plural forms
//! as `"key": plural(n, ("één …", "{n} …"), ("one …", "{n} …"))`. `build.rs` turns the file
//! into Rust (`$OUT_DIR/i18n.rs`): the [`Key`] enum, the table [`ENTRIES`], one struct per text
//! with placeholders in [`args`], and the macros, with one arm per key:
//!
//! - `t!("status.all_saved")`: the text in this thread's interface language; `t!(lang, "…")`
//!   in a given one. An unknown key, or a key with placeholders, does not compile.
//! - `tf!("status.saved", file = name)`, `tf!(lang, "status.saved", file = name)`: the text
//!   with its placeholders filled in (any `Display` value; a plural's count any integer). A
//!   missing, extra or misspelt placeholder does not compile.
//! - `key!("step.analysis")`: the [`Key`] itself, for tables of keys (labels, commands);
//!   `t!(key)` and `key.text_in(lang)` show it.
//!
//! The interface language is per thread (the UI thread in the app, each test its own), Dutch by
//! default; it is set once per frame from the preferences. Work done away from the UI thread
//! (jobs, exports, the command line, storage errors, the privacy check) takes a [`Lang`] and
//! uses `t!(lang, …)`, `tf!(lang, …)` and `lang.fmt_number(…)` instead.

pub mod changes;
mod forecast;
mod format;
mod labels;
mod status;
pub mod typed;

pub use forecast::{forecast_method, forecast_method_in, forecast_reach, forecast_reach_in};
pub use format::{
    NumberError, convention_of, fmt_date, fmt_money, fmt_month, fmt_number, parse_date,
    parse_number, parse_number_with, parse_numeric_date, read_number,
};
pub use labels::{
    Label, finding_text, finding_text_in, score_label, score_label_in, statement_text,
    statement_text_in, table_name, table_name_in,
};
pub use status::{basis_text, basis_text_in, reason_text, reason_text_in};

use serde::{Deserialize, Serialize};
use std::cell::Cell;

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

/// One text of `assets/i18n.ron`.
#[derive(Debug)]
pub struct Entry {
    /// The key as written in the file (`status.saved`).
    pub key: &'static str,
    pub text: Text,
    /// The placeholder names, in order of first appearance (a plural's count first).
    pub placeholders: &'static [&'static str],
}

/// The texts of an entry, by language (`[nl, en]`, `Lang as usize`).
#[derive(Debug)]
pub enum Text {
    Plain([&'static str; 2]),
    /// `forms[lang] = [one, other]`; `count` is the placeholder that chooses.
    Plural {
        count: &'static str,
        forms: [[&'static str; 2]; 2],
    },
}

include!(concat!(env!("OUT_DIR"), "/i18n.rs"));

impl Entry {
    /// The text in `lang`: one, or a plural's two forms (one, other); placeholders unfilled.
    pub fn forms(&'static self, lang: Lang) -> &'static [&'static str] {
        match &self.text {
            Text::Plain(t) => std::slice::from_ref(&t[lang as usize]),
            Text::Plural { forms, .. } => &forms[lang as usize],
        }
    }
}

/// Every text in `lang`, every form of a plural (placeholders unfilled).
pub fn texts(lang: Lang) -> impl Iterator<Item = &'static str> {
    ENTRIES
        .iter()
        .flat_map(move |e| e.forms(lang).iter().copied())
}

impl Key {
    /// The key as written in the file.
    pub fn name(self) -> &'static str {
        self.entry().key
    }

    pub fn entry(self) -> &'static Entry {
        &ENTRIES[self as usize]
    }

    /// The text in `lang` (a plural's "other" form, placeholders unfilled).
    pub fn text_in(self, lang: Lang) -> &'static str {
        match &self.entry().text {
            Text::Plain(t) => t[lang as usize],
            Text::Plural { forms, .. } => forms[lang as usize][1],
        }
    }

    /// The text in this thread's interface language.
    pub fn text(self) -> &'static str {
        self.text_in(lang())
    }
}

impl From<&Key> for Key {
    fn from(key: &Key) -> Self {
        *key
    }
}

/// A plural's count: Dutch and English say "one" for 1 and "other" for every other number.
pub trait Count: std::fmt::Display {
    fn is_one(&self) -> bool;
}

macro_rules! counts {
    ($($ty:ty),*) => {
        $(impl Count for $ty {
            fn is_one(&self) -> bool {
                *self == 1
            }
        })*
    };
}
counts!(
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize
);

impl<T: Count + ?Sized> Count for &T {
    fn is_one(&self) -> bool {
        (**self).is_one()
    }
}

/// The text of a key: `t!("status.all_saved")` in this thread's interface language,
/// `t!(lang, "status.all_saved")` in `lang`; `t!(key)` / `t!(lang, key)` for a [`Key`] value.
#[doc(hidden)]
#[macro_export]
macro_rules! __kompas_t {
    ($key:tt) => {
        $crate::i18n::Key::text($crate::i18n::Key::from($crate::i18n::__plain_key!($key)))
    };
    ($lang:expr, $key:tt) => {
        $crate::i18n::Key::text_in(
            $crate::i18n::Key::from($crate::i18n::__plain_key!($key)),
            $lang,
        )
    };
    ($key:expr) => {
        $crate::i18n::Key::text($crate::i18n::Key::from($key))
    };
    ($lang:expr, $key:expr) => {
        $crate::i18n::Key::text_in($crate::i18n::Key::from($key), $lang)
    };
}

/// A text with its placeholders filled in: `tf!("status.saved", file = name)` in this thread's
/// interface language, `tf!(lang, "status.saved", file = name)` in `lang`.
#[doc(hidden)]
#[macro_export]
macro_rules! __kompas_tf {
    ($key:tt $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::__args!($key { $($name: $value),* }).text()
    };
    ($lang:expr, $key:tt $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::__args!($key { $($name: $value),* }).text_in($lang)
    };
}

#[doc(hidden)]
pub use __kompas_args as __args;
#[doc(inline)]
pub use __kompas_key as key;
#[doc(hidden)]
pub use __kompas_plain_key as __plain_key;
#[doc(inline)]
pub use __kompas_t as t;
#[doc(inline)]
pub use __kompas_tf as tf;

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
