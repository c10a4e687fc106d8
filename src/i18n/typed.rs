//! The kinds of value a person types into a field (a number, an amount in euros, a
//! percentage, a date): how each is shown in a field and how its text is read. What a field
//! shows reads back as the same value ([`Kind::show`] then [`Kind::read`]), so a value never
//! changes by being typed again.

use super::{Key, Lang, key, lang};
use chrono::NaiveDate;

/// How a value of type `T` is shown in a field and read from what is typed there.
#[derive(Clone, Copy)]
pub struct Kind<T> {
    show: fn(Lang, T) -> String,
    read: fn(Lang, &str) -> Option<T>,
    /// What a field of this kind expects, said when its text is not understood.
    expects: Key,
}

impl<T> Kind<T> {
    /// The text a field shows for `value`, in `lang`.
    pub fn show_in(&self, lang: Lang, value: T) -> String {
        (self.show)(lang, value)
    }

    /// The value of a text fully understood, in `lang`; `None` for anything else (an empty
    /// text too).
    pub fn read_in(&self, lang: Lang, text: &str) -> Option<T> {
        (self.read)(lang, text)
    }

    /// What a field of this kind expects (`verwacht een getal, zoals 12 of 3,5; …`), in this
    /// thread's language.
    pub fn expects(&self) -> &'static str {
        self.expects.text()
    }

    /// [`Kind::show_in`] in this thread's language.
    pub fn show(&self, value: T) -> String {
        self.show_in(lang(), value)
    }

    /// [`Kind::read_in`] in this thread's language.
    pub fn read(&self, text: &str) -> Option<T> {
        self.read_in(lang(), text)
    }
}

/// A number: shown with every decimal it has (`1.250,125`, not rounded as elsewhere), read
/// as [`super::parse_number`] reads it.
pub const NUMBER: Kind<f64> = Kind {
    show: exact_number,
    read: |lang, text| super::parse_number_with(text, lang == Lang::Nl),
    expects: key!("field.expects_number"),
};

/// A share: `12,5 %`; read with or without the `%` (never with a `€`).
pub const PERCENTAGE: Kind<f64> = Kind {
    show: |lang, v| format!("{} %", exact_number(lang, v)),
    read: |lang, text| {
        if text.contains('€') {
            return None;
        }
        super::parse_number_with(text, lang == Lang::Nl)
    },
    expects: key!("field.expects_percentage"),
};

/// Whole euros: `€ 2.500.000`. Read as typed the Dutch way: `2.500.000`, `€ 2.500.000`,
/// `2500000`, `2.500.000,-` or `2.500.000,00` (in English `2,500,000`). Never negative, never
/// cents, never a `%`: `2.5` and `2,5` are not a whole amount, so they stay unread.
pub const AMOUNT: Kind<u64> = Kind {
    show: Lang::fmt_money,
    read: read_amount,
    expects: key!("field.expects_amount"),
};

/// A count of pupils: a whole number, `1.240` or `1240` (in English `1,240`); never
/// negative, never decimals, never a `€` or `%`.
pub const COUNT: Kind<u32> = Kind {
    show: |lang, v| exact_number(lang, f64::from(v)),
    read: |lang, text| {
        let decimal = match lang {
            Lang::Nl => ',',
            Lang::En => '.',
        };
        let t = text.trim();
        if t.contains(['€', '%', decimal]) {
            return None;
        }
        read_amount(lang, t).and_then(|v| u32::try_from(v).ok())
    },
    expects: key!("field.expects_count"),
};

/// A date: `12-03-2025` (Dutch) or `12 Mar 2025` (English), read as [`super::parse_date`]
/// reads it.
pub const DATE: Kind<NaiveDate> = Kind {
    show: |lang, d| lang.fmt_date(d),
    read: |_, text| super::parse_date(text),
    expects: key!("field.expects_date"),
};

/// A number with all its decimals (the shortest text that reads back as the same number),
/// grouped by thousands.
fn exact_number(lang: Lang, value: f64) -> String {
    let (thousands, decimal) = match lang {
        Lang::Nl => ('.', ','),
        Lang::En => (',', '.'),
    };
    // Rust writes the shortest digits that read back as the same f64, never an exponent
    let text = format!("{}", value.abs());
    let (int_part, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = String::new();
    if value < 0.0 {
        out.push('-');
    }
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            out.push(thousands);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(decimal);
        out.push_str(frac);
    }
    out
}

fn read_amount(lang: Lang, text: &str) -> Option<u64> {
    let (thousands, decimal) = match lang {
        Lang::Nl => ('.', ','),
        Lang::En => (',', '.'),
    };
    let s = text.trim();
    let mut s = s.strip_prefix('€').map_or(s, str::trim_start);
    // `,-` or `,00` after whole euros; any other decimals are cents
    if let Some((head, tail)) = s.rsplit_once(decimal) {
        if !(tail == "-" || !tail.is_empty() && tail.bytes().all(|b| b == b'0')) {
            return None;
        }
        s = head;
    }
    let is_sep = |c: char| c == thousands || matches!(c, ' ' | '\u{a0}' | '\u{202f}');
    let mut digits = String::with_capacity(s.len());
    for (k, group) in s.split(is_sep).enumerate() {
        let grouped = k == 0 && (group.len() <= 3 || !s.contains(is_sep)) || group.len() == 3;
        if group.is_empty() || !grouped || !group.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.push_str(group);
    }
    let euros: u64 = digits.parse().ok()?;
    ((euros as f64) <= crate::model::finite::MAX_ABS).then_some(euros)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_whole_euros_typed_the_dutch_way() {
        for text in [
            "2.500.000",
            "€ 2.500.000",
            "€2.500.000",
            "2500000",
            "2.500.000,-",
        ] {
            assert_eq!(AMOUNT.read_in(Lang::Nl, text), Some(2_500_000), "{text}");
        }
        assert_eq!(AMOUNT.read_in(Lang::Nl, "2.500.000,00"), Some(2_500_000));
        assert_eq!(AMOUNT.read_in(Lang::En, "€ 2,500,000"), Some(2_500_000));
        for text in [
            "2.5", "2,5", "2.50", "2,500", "-5", "12%", "2.500,50", "", "€", "1e6",
        ] {
            assert_eq!(AMOUNT.read_in(Lang::Nl, text), None, "{text}");
        }
        assert_eq!(AMOUNT.show_in(Lang::Nl, 2_500_000), "€ 2.500.000");
    }

    #[test]
    fn numbers_show_every_decimal() {
        assert_eq!(NUMBER.show_in(Lang::Nl, 1250.125), "1.250,125");
        assert_eq!(NUMBER.show_in(Lang::En, -1250.5), "-1,250.5");
        assert_eq!(NUMBER.show_in(Lang::Nl, 3.0), "3");
        assert_eq!(PERCENTAGE.show_in(Lang::Nl, 12.5), "12,5 %");
        assert_eq!(PERCENTAGE.read_in(Lang::Nl, "12,5%"), Some(12.5));
        assert_eq!(PERCENTAGE.read_in(Lang::Nl, "€ 12"), None);
    }
}
