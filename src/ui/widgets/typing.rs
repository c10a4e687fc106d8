//! The text of a field that reads a value ([`crate::i18n::typed`]) while it is typed, without
//! egui: the field widgets keep a [`Typing`] per field between frames and call it as the
//! text changes, so the rule can be tested by typing into it directly.
//!
//! The rule: the text being typed is never rewritten. The document gets a value only when the
//! whole text is understood; while it is not (`2.5` in an amount, `12abc`), the document keeps
//! the value from before the edit, and the field keeps the text, marked, also after it loses
//! the focus. Once the focus leaves a text that is understood, the field shows the value
//! formatted ([`crate::i18n::typed::Kind::show`]).

use crate::i18n::typed::Kind;

/// What a field is: the kind of value, and whether it may be empty.
#[derive(Clone, Copy)]
pub struct FieldRule<T> {
    pub kind: Kind<T>,
    /// An empty text is not understood (a cycle's start date) instead of "no value".
    pub required: bool,
}

impl<T> FieldRule<T> {
    /// An optional field of `kind`: empty means "no value".
    pub const fn optional(kind: Kind<T>) -> Self {
        Self {
            kind,
            required: false,
        }
    }

    /// Whether `text` is understood: a value, or empty where that is allowed.
    pub fn understands(&self, text: &str) -> bool {
        if text.trim().is_empty() {
            !self.required
        } else {
            self.kind.read(text).is_some()
        }
    }
}

/// The text of one field while it is edited, or while it holds text that is not understood.
#[derive(Clone, Debug)]
pub struct Typing<T> {
    /// The text as typed.
    pub text: String,
    /// The value before this edit began: what the document keeps while the text is not
    /// understood.
    before: Option<T>,
    /// The value this field last put into the document. When the document holds something
    /// else (an undo, an import, the calendar), the kept text is stale and goes.
    written: Option<T>,
}

impl<T: Copy + PartialEq> Typing<T> {
    /// The field for a document holding `value`: the text kept from the last frame while the
    /// document still holds what the field wrote, else the value shown afresh.
    pub fn resume(kept: Option<Self>, value: Option<T>, rule: &FieldRule<T>) -> Self {
        kept.filter(|t| t.written == value).unwrap_or_else(|| Self {
            text: value.map(|v| rule.kind.show(v)).unwrap_or_default(),
            before: value,
            written: value,
        })
    }

    /// The focus came to the field: an edit begins from `value` (unless the field still holds
    /// text it did not understand, whose edit began earlier).
    pub fn begin(&mut self, value: Option<T>, rule: &FieldRule<T>) {
        if rule.understands(&self.text) {
            self.before = value;
        }
    }

    /// `text` was changed by typing: the document's `value` becomes what it says when it is
    /// understood, else the value from before the edit.
    pub fn typed(&mut self, value: &mut Option<T>, rule: &FieldRule<T>) {
        *value = if self.text.trim().is_empty() && !rule.required {
            None
        } else {
            rule.kind.read(&self.text).or(self.before)
        };
        self.written = *value;
    }

    /// Whether the text is kept for the next frame: while it is being edited, and while it is
    /// not understood (it stays, marked, so the user sees what is wrong).
    pub fn keep(&self, focused: bool, rule: &FieldRule<T>) -> bool {
        focused || !rule.understands(&self.text)
    }
}
