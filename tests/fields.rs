//! The fields that read what is typed (a number, a percentage, a date, an amount in euros),
//! through the rule the widgets keep between frames (`ui::widgets::typing`): typing back what a
//! field shows keeps the same value, and typing a text a key at a time ends where typing it at
//! once ends, in both languages. `tests/room.rs` types into the real fields.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use kompas::i18n::typed::{AMOUNT, COUNT, DATE, Kind, NUMBER, PERCENTAGE};
use kompas::i18n::{Lang, set_lang};
use kompas::ui::widgets::typing::{FieldRule, Typing};
use proptest::prelude::*;

/// One field as the window has it: the document's value and what the field keeps.
struct Field<T> {
    value: Option<T>,
    kept: Option<Typing<T>>,
    rule: FieldRule<T>,
}

impl<T: Copy + PartialEq> Field<T> {
    fn new(value: Option<T>, rule: FieldRule<T>) -> Self {
        Self {
            value,
            kept: None,
            rule,
        }
    }

    fn resume(&mut self) -> Typing<T> {
        Typing::resume(self.kept.take(), self.value, &self.rule)
    }

    fn focus(&mut self) {
        let mut t = self.resume();
        t.begin(self.value, &self.rule);
        self.kept = Some(t);
    }

    /// A frame in which the text became `text`.
    fn edit(&mut self, text: &str) {
        let mut t = self.resume();
        t.text = text.to_owned();
        t.typed(&mut self.value, &self.rule);
        self.kept = Some(t);
    }

    /// A frame without the focus: the text the field shows in the next one.
    fn leave(&mut self) -> String {
        let t = self.resume();
        if t.keep(false, &self.rule) {
            self.kept = Some(t);
        }
        let next = self.resume();
        let shown = next.text.clone();
        self.kept = Some(next).filter(|t| t.keep(false, &self.rule));
        shown
    }

    /// Empties the field and types `text`, a key at a time or at once; the focus leaves.
    fn type_in(&mut self, text: &str, key_by_key: bool) -> (Option<T>, String) {
        self.focus();
        self.edit("");
        if key_by_key {
            let mut typed = String::new();
            for c in text.chars() {
                typed.push(c);
                self.edit(&typed);
                let shown = self.kept.as_ref().map(|t| t.text.clone());
                assert_eq!(shown.as_deref(), Some(typed.as_str()), "never rewritten");
            }
        } else {
            self.edit(text);
        }
        let shown = self.leave();
        (self.value, shown)
    }
}

fn lang() -> impl Strategy<Value = Lang> {
    prop_oneof![Just(Lang::Nl), Just(Lang::En)]
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        -1e12..1e12f64,
        (-1_000_000_000i64..1_000_000_000, 0u32..5)
            .prop_map(|(n, k)| n as f64 / 10f64.powi(k as i32)),
        (0u32..1000).prop_map(f64::from),
    ]
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (1900i32..=2200, 1u32..=366).prop_map(|(y, d)| {
        NaiveDate::from_yo_opt(y, d).unwrap_or_else(|| NaiveDate::from_yo_opt(y, 365).unwrap())
    })
}

/// What people type into such fields: digits, both separators, signs, spaces, letters.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        r"[0-9.,€% -]{0,12}",
        r"[0-9]{1,3}([.,][0-9]{3}){0,3}([.,][0-9]{1,2})?",
        r"[0-9]{1,2}[-/ ][0-9]{1,2}[-/ ][0-9]{2,4}",
        r"[0-9]{1,2} (mrt|Mar|mei|okt) [0-9]{4}",
        r"€ ?[0-9.]{1,12}(,-)?",
        r"[0-9a-z,.]{0,8}",
    ]
}

/// Typing back what a field shows for `value` keeps `value`, and the field then shows the same.
fn typed_back<T: Copy + PartialEq + std::fmt::Debug>(
    lang: Lang,
    kind: Kind<T>,
    value: T,
) -> Result<(), TestCaseError> {
    set_lang(lang);
    let shown = kind.show(value);
    for key_by_key in [true, false] {
        let mut f = Field::new(Some(value), FieldRule::optional(kind));
        prop_assert_eq!(f.leave(), shown.clone());
        let (kept, again) = f.type_in(&shown, key_by_key);
        prop_assert_eq!(kept, Some(value), "{:?} typed back as {}", value, shown);
        prop_assert_eq!(again, shown.clone());
    }
    Ok(())
}

/// A text typed a key at a time ends where it ends typed at once.
fn same_either_way<T: Copy + PartialEq + std::fmt::Debug>(
    lang: Lang,
    rule: FieldRule<T>,
    start: Option<T>,
    text: &str,
) -> Result<(), TestCaseError> {
    set_lang(lang);
    let by_key = Field::new(start, rule).type_in(text, true);
    let at_once = Field::new(start, rule).type_in(text, false);
    prop_assert_eq!(&by_key, &at_once, "{:?}", text);
    // what is kept is what the whole text says, or the value from before when it says nothing
    let read = if text.trim().is_empty() && !rule.required {
        None
    } else {
        rule.kind.read(text).or(start)
    };
    prop_assert_eq!(by_key.0, read, "{:?}", text);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn a_number_typed_back_is_the_same(lang in lang(), v in number()) {
        typed_back(lang, NUMBER, v)?;
    }

    #[test]
    fn a_percentage_typed_back_is_the_same(lang in lang(), v in number()) {
        typed_back(lang, PERCENTAGE, v)?;
    }

    #[test]
    fn an_amount_typed_back_is_the_same(
        lang in lang(),
        v in prop_oneof![0u64..=1_000_000_000_000, 0u64..10_000],
    ) {
        typed_back(lang, AMOUNT, v)?;
    }

    #[test]
    fn a_count_typed_back_is_the_same(lang in lang(), v in prop_oneof![0u32..=u32::MAX, 0u32..2_000]) {
        typed_back(lang, COUNT, v)?;
    }

    #[test]
    fn a_date_typed_back_is_the_same(lang in lang(), v in date()) {
        typed_back(lang, DATE, v)?;
    }

    #[test]
    fn every_kind_ends_the_same_typed_a_key_at_a_time(
        lang in lang(),
        text in text(),
        n in proptest::option::of(number()),
        a in proptest::option::of(0u64..10_000_000),
        c in proptest::option::of(0u32..100_000),
        d in date(),
        required in any::<bool>(),
    ) {
        same_either_way(lang, FieldRule::optional(NUMBER), n, &text)?;
        same_either_way(lang, FieldRule::optional(PERCENTAGE), n, &text)?;
        same_either_way(lang, FieldRule::optional(AMOUNT), a, &text)?;
        same_either_way(lang, FieldRule::optional(COUNT), c, &text)?;
        same_either_way(lang, FieldRule { kind: DATE, required }, Some(d), &text)?;
    }
}

/// The amounts of the issue: whole euros the Dutch way, and "2.5" is none.
#[test]
fn a_budget_is_whole_euros_typed_the_dutch_way() {
    set_lang(Lang::Nl);
    for text in ["2.500.000", "€ 2.500.000", "2500000"] {
        let mut f = Field::new(None, FieldRule::optional(AMOUNT));
        assert_eq!(
            f.type_in(text, true),
            (Some(2_500_000), "€ 2.500.000".to_owned())
        );
    }
    let mut f = Field::new(Some(7), FieldRule::optional(AMOUNT));
    assert_eq!(f.type_in("2.5", true), (Some(7), "2.5".to_owned()));
    assert!(!FieldRule::optional(AMOUNT).understands("2.5"));
}

/// Pupils are counted whole: "1.240" is 1240, "12,5" and "3 %" are no count.
#[test]
fn a_count_of_pupils_is_whole() {
    set_lang(Lang::Nl);
    for (text, v) in [("1.240", Some(1240)), ("1240", Some(1240)), ("0", Some(0))] {
        assert_eq!(COUNT.read(text), v, "{text}");
    }
    for text in ["12,5", "3 %", "€ 5", "-3", "1.24", "abc"] {
        assert_eq!(COUNT.read(text), None, "{text}");
    }
    assert_eq!(COUNT.show(1240), "1.240");
}
