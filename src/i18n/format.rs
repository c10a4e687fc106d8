//! Numbers, money and dates in the format of the interface language:
//! Dutch `1.250,5` and `12-03-2025`, English `1,250.5` and `12 Mar 2025`.

use super::{Lang, lang};
use chrono::{Datelike, NaiveDate};

/// A number with at most two decimals, grouped by thousands, in this thread's language.
pub fn fmt_number(value: f64) -> String {
    lang().fmt_number(value)
}

/// A whole amount of euros: `€ 12.500`, in this thread's language.
pub fn fmt_money(euros: u64) -> String {
    lang().fmt_money(euros)
}

/// A date as shown, in this thread's language: see [`Lang::fmt_date`].
pub fn fmt_date(date: NaiveDate) -> String {
    lang().fmt_date(date)
}

/// A month as an axis label, in this thread's language: see [`Lang::fmt_month`].
pub fn fmt_month(date: NaiveDate) -> String {
    lang().fmt_month(date)
}

impl Lang {
    /// A number with at most two decimals, grouped by thousands.
    pub fn fmt_number(self, value: f64) -> String {
        let (thousands, decimal) = match self {
            Lang::Nl => ('.', ','),
            Lang::En => (',', '.'),
        };
        let rounded = (value * 100.0).round() / 100.0;
        let text = format!("{:.2}", rounded.abs());
        let (int_part, frac) = text.split_once('.').unwrap_or((&text, "00"));
        let mut grouped = String::new();
        for (i, c) in int_part.chars().enumerate() {
            if i > 0 && (int_part.len() - i) % 3 == 0 {
                grouped.push(thousands);
            }
            grouped.push(c);
        }
        let frac = frac.trim_end_matches('0');
        let sign = if rounded < 0.0 { "-" } else { "" };
        if frac.is_empty() {
            format!("{sign}{grouped}")
        } else {
            format!("{sign}{grouped}{decimal}{frac}")
        }
    }

    /// A whole amount of euros: `€ 12.500`.
    pub fn fmt_money(self, euros: u64) -> String {
        format!("€ {}", self.fmt_number(euros as f64))
    }

    /// A date as shown: `12-03-2025` (Dutch) or `12 Mar 2025` (English).
    pub fn fmt_date(self, date: NaiveDate) -> String {
        match self {
            Lang::Nl => date.format("%d-%m-%Y").to_string(),
            Lang::En => format!(
                "{} {} {}",
                date.day(),
                MONTHS_EN[date.month0() as usize],
                date.year()
            ),
        }
    }

    /// A month as an axis label: `mrt 2025` / `Mar 2025`.
    pub fn fmt_month(self, date: NaiveDate) -> String {
        let names = match self {
            Lang::Nl => MONTHS_NL,
            Lang::En => MONTHS_EN,
        };
        format!("{} {}", names[date.month0() as usize], date.year())
    }
}

/// Reads a number as a person types it, in either convention: `3,5`, `3.5`, `1.250,5`,
/// `1,250.5`, `-2`, `12 %`, `€ 1.000`. A single separator followed by exactly three digits
/// groups thousands or is a decimal sign as the interface language says (`1.250` is 1250 in
/// Dutch, 1.25 in English); after `€` it always groups thousands. Returns `None` for
/// anything else: `1.2.3`, `1e5`, `NaN`, `inf`, or a figure beyond
/// [`crate::model::finite::MAX_ABS`].
pub fn parse_number(input: &str) -> Option<f64> {
    parse_number_with(input, lang() == Lang::Nl)
}

/// [`parse_number`] without the interface language: `point_thousands` says whether a single
/// point followed by three digits (`1.250`) groups thousands (Dutch) or is a decimal point;
/// a single comma followed by three digits is then the other way round.
pub fn parse_number_with(input: &str, point_thousands: bool) -> Option<f64> {
    read_number(input, Some(point_thousands)).ok()
}

/// Why a text is not a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberError {
    /// Not a number at all (or not finite, or absurdly large).
    Invalid,
    /// `1.250` or `1,250` without knowing the convention: 1250 or 1.25?
    Ambiguous,
}

/// The shape of a number's text, before the convention decides an ambiguous separator: its
/// digit groups and the separators between them, summed up while reading it once (no list of
/// groups: the import reads millions of cells).
struct Shape<'a> {
    negative: bool,
    money: bool,
    /// The digits and separators.
    body: &'a str,
    /// How many digit groups (one more than separators).
    groups: usize,
    first: &'a str,
    last: &'a str,
    /// Where the last separator starts in `body`.
    last_sep_at: usize,
    /// The first and the last separator (spaces as ' ').
    first_sep: Option<char>,
    last_sep: Option<char>,
    /// Whether every separator is the first one, and whether every one before the last is.
    all_same: bool,
    before_last_same: bool,
    dots: usize,
    commas: usize,
    /// Whether every group after the first has three digits, and every one between the
    /// first and the last.
    rest_three: bool,
    middle_three: bool,
}

fn shape(input: &str) -> Option<Shape<'_>> {
    let mut s = input.trim();
    let mut money = false;
    if let Some(r) = s.strip_suffix('%') {
        s = r.trim_end();
    }
    if let Some(r) = s.strip_prefix('€') {
        s = r.trim_start();
        money = true;
    }
    let (negative, mut body) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    if !money && let Some(r) = body.strip_prefix('€') {
        body = r.trim_start();
        money = true;
    }
    let is_space = |c: char| matches!(c, ' ' | '\u{a0}' | '\u{202f}');
    let mut out = Shape {
        negative,
        money,
        body,
        groups: 1,
        first: "",
        last: "",
        last_sep_at: 0,
        first_sep: None,
        last_sep: None,
        all_same: true,
        before_last_same: true,
        dots: 0,
        commas: 0,
        rest_three: true,
        middle_three: true,
    };
    let mut start = 0;
    for (i, c) in body.char_indices() {
        if c.is_ascii_digit() {
            continue;
        }
        if !(c == '.' || c == ',' || is_space(c)) {
            return None;
        }
        // every group has digits: no `1..2`, `,5`, `5,`, `- 5`
        let group = &body[start..i];
        if group.is_empty() {
            return None;
        }
        if out.groups == 1 {
            out.first = group;
        } else {
            out.middle_three &= group.len() == 3;
        }
        let sep = if is_space(c) { ' ' } else { c };
        out.before_last_same = out.all_same;
        out.all_same &= out.first_sep.is_none_or(|f| f == sep);
        out.first_sep = out.first_sep.or(Some(sep));
        out.last_sep = Some(sep);
        out.last_sep_at = i;
        out.dots += usize::from(sep == '.');
        out.commas += usize::from(sep == ',');
        out.groups += 1;
        start = i + c.len_utf8();
    }
    out.last = &body[start..];
    if out.last.is_empty() {
        return None;
    }
    if out.groups == 1 {
        out.first = out.last;
    } else {
        out.rest_three = out.middle_three && out.last.len() == 3;
    }
    Some(out)
}

impl Shape<'_> {
    /// Thousands groups: the first of one to three digits, every next one of exactly three.
    /// Digits before a decimal sign: one run of any length (`1250`), or thousands groups
    /// (`1.250`).
    fn grouped(&self) -> bool {
        self.groups == 1 || self.first.len() <= 3 && self.rest_three
    }

    /// [`Shape::grouped`] for the groups before the last.
    fn grouped_before_last(&self) -> bool {
        self.groups <= 2 || self.first.len() <= 3 && self.middle_three
    }

    /// How many separators are `c`.
    fn count(&self, c: char) -> usize {
        match c {
            '.' => self.dots,
            ',' => self.commas,
            _ => self.groups - 1 - self.dots - self.commas,
        }
    }
}

/// What the separators of a shape say about the convention: `Some(true)` when a point groups
/// thousands or a comma is a decimal sign (Dutch), `Some(false)` the other way round, `None`
/// when nothing tells.
fn evidence(s: &Shape<'_>) -> Option<bool> {
    let last = s.last_sep?;
    let single = s.groups == 2;
    let ambiguous = single && s.last.len() == 3 && s.first != "0";
    match last {
        ' ' => None,
        _ if ambiguous => None,
        '.' if single || s.dots == 1 => Some(false),
        ',' if single || s.commas == 1 => Some(true),
        // several of the same: they group thousands
        '.' => Some(true),
        _ => Some(false),
    }
}

/// Reads a number strictly. `point_thousands`: the convention when the text does not say
/// (`Some(true)` Dutch, `Some(false)` English); with `None`, `1.250` and `1,250` are
/// [`NumberError::Ambiguous`]. Thousands groups must have three digits (`1.2.3` is not a
/// number), there is no exponent, and the result is finite and at most
/// [`crate::model::finite::MAX_ABS`].
pub fn read_number(input: &str, point_thousands: Option<bool>) -> Result<f64, NumberError> {
    let s = shape(input).ok_or(NumberError::Invalid)?;
    // the digits of the whole number, and the decimals if there is a decimal sign
    let (int, frac): (&str, Option<&str>) = match s.last_sep {
        None => (s.body, None),
        Some(last) => {
            if last == ' ' || s.count(last) > 1 {
                // only thousands separators, all the same
                if !(s.all_same && s.grouped()) {
                    return Err(NumberError::Invalid);
                }
                (s.body, None)
            } else {
                // one `last`, the others (if any) group thousands and are all one kind
                let single = s.groups == 2;
                let one_kind = single || s.before_last_same && s.first_sep != Some(last);
                if !one_kind || !s.grouped_before_last() {
                    return Err(NumberError::Invalid);
                }
                let decimal = if !single || s.last.len() != 3 || s.first == "0" {
                    true
                } else if s.money {
                    false
                } else {
                    match point_thousands {
                        Some(dutch) => (last == ',') == dutch,
                        None => return Err(NumberError::Ambiguous),
                    }
                };
                if decimal {
                    (&s.body[..s.last_sep_at], Some(s.last))
                } else if s.grouped() {
                    (s.body, None)
                } else {
                    // `1250.500` read as thousands: not grouped in threes
                    return Err(NumberError::Invalid);
                }
            }
        }
    };
    // the number as Rust reads it: sign, the digits without separators, `.` and decimals; on
    // the stack unless it is long
    let mut stack = [0u8; 48];
    let mut heap = Vec::new();
    let need = input.len() + 2;
    let buf: &mut [u8] = if need <= stack.len() {
        &mut stack
    } else {
        heap.resize(need, 0);
        &mut heap
    };
    let mut n = 0;
    let mut put = |b: u8| {
        buf[n] = b;
        n += 1;
    };
    if s.negative {
        put(b'-');
    }
    int.bytes().filter(u8::is_ascii_digit).for_each(&mut put);
    if let Some(f) = frac {
        put(b'.');
        f.bytes().for_each(&mut put);
    }
    std::str::from_utf8(&buf[..n])
        .ok()
        .and_then(|t| t.parse::<f64>().ok())
        .filter(|v| crate::model::finite::is_sane(*v))
        .ok_or(NumberError::Invalid)
}

/// The convention that the cells of a column show (see [`read_number`]): `Some(true)` when
/// some cell has a decimal comma or thousands points and none shows the opposite.
pub fn convention_of<'a>(cells: impl IntoIterator<Item = &'a str>) -> Option<bool> {
    let mut seen = (false, false);
    for c in cells {
        match shape(c).as_ref().and_then(evidence) {
            Some(true) => seen.0 = true,
            Some(false) => seen.1 = true,
            None => {}
        }
    }
    match seen {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// A date written with numbers: `31-12-2024`, `31/12/2024`, `31.12.2024`, `1-1-2025`,
/// `2024-12-31`, `2024/12/31`. The year has four digits and lies in 1900–2200: `1-1-25` and
/// `0000-01-01` are not dates.
pub fn parse_numeric_date(input: &str) -> Option<NaiveDate> {
    // on bytes: the separators and digits are ASCII, which no other character contains
    let s = input.trim().as_bytes();
    let sep = *s.iter().find(|c| matches!(c, b'-' | b'/' | b'.'))?;
    let mut parts = s.split(|c| *c == sep);
    let (Some(a), Some(b), Some(c), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let (y, m, d) = match (a.len(), b.len(), c.len()) {
        (4, 1..=2, 1..=2) => (a, b, c),
        (1..=2, 1..=2, 4) => (c, b, a),
        _ => return None,
    };
    // at most four digits each: no overflow
    let number = |p: &[u8]| -> Option<u32> {
        p.iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let (year, month, day) = (number(y)?, number(m)?, number(d)?);
    if !(1900..=2200).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

const MONTHS_NL: [&str; 12] = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Reads a date typed as `12-03-2025`, `12-3-2025`, `12/03/2025`, `2025-03-12`,
/// `12 mrt 2025` or `12 Mar 2025` (a four-digit year from 1900 to 2200).
pub fn parse_date(input: &str) -> Option<NaiveDate> {
    let s = input.trim();
    if let Some(d) = parse_numeric_date(s) {
        return Some(d);
    }
    let parts: Vec<&str> = s.split_whitespace().collect();
    if let [day, month, year] = parts[..] {
        let m = month.to_lowercase();
        let m = m.trim_end_matches('.');
        let index = MONTHS_NL
            .iter()
            .chain(MONTHS_EN.iter())
            .position(|name| name.to_lowercase() == m.get(..3.min(m.len())).unwrap_or(""))?;
        let year: i32 = (year.len() == 4).then(|| year.parse().ok()).flatten()?;
        if !(1900..=2200).contains(&year) || day.len() > 2 {
            return None;
        }
        return NaiveDate::from_ymd_opt(year, (index % 12) as u32 + 1, day.parse().ok()?);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::set_lang;

    #[test]
    fn dutch_numbers_use_comma_and_dots() {
        set_lang(Lang::Nl);
        assert_eq!(fmt_number(1250.5), "1.250,5");
        assert_eq!(fmt_number(3.0), "3");
        assert_eq!(fmt_number(-0.25), "-0,25");
        assert_eq!(fmt_number(1_234_567.0), "1.234.567");
        assert_eq!(parse_number("3,5"), Some(3.5));
        assert_eq!(parse_number("1.250,5"), Some(1250.5));
        assert_eq!(parse_number("1.250"), Some(1250.0));
        assert_eq!(parse_number("0.5"), Some(0.5));
        assert_eq!(parse_number("12 %"), Some(12.0));
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("NaN"), None);
    }

    #[test]
    fn english_numbers_use_dot_and_commas() {
        set_lang(Lang::En);
        assert_eq!(fmt_number(1250.5), "1,250.5");
        assert_eq!(parse_number("1,250.5"), Some(1250.5));
        assert_eq!(parse_number("1.250"), Some(1.25));
        assert_eq!(parse_number("3,5"), Some(3.5));
    }

    #[test]
    fn dates_read_and_write_in_both_languages() {
        let d = NaiveDate::from_ymd_opt(2025, 3, 12).unwrap();
        set_lang(Lang::Nl);
        assert_eq!(fmt_date(d), "12-03-2025");
        set_lang(Lang::En);
        assert_eq!(fmt_date(d), "12 Mar 2025");
        for input in [
            "12-03-2025",
            "12-3-2025",
            "2025-03-12",
            "12 mrt 2025",
            "12 Mar 2025",
            "12/03/2025",
        ] {
            assert_eq!(parse_date(input), Some(d), "{input}");
        }
        assert_eq!(parse_date("31-02-2025"), None);
        assert_eq!(parse_date("morgen"), None);
    }

    // The implementation before it read each number without lists of groups (it made the
    // import of a large file mostly allocation), kept to hold the new one to it.
    /// The shape of a number's text, before the convention decides an ambiguous separator.
    struct OldShape<'a> {
        negative: bool,
        money: bool,
        /// The digit groups, in order.
        groups: Vec<&'a str>,
        /// The separators between them (spaces as ' ').
        seps: Vec<char>,
    }

    fn old_shape(input: &str) -> Option<OldShape<'_>> {
        let mut s = input.trim();
        let mut money = false;
        if let Some(r) = s.strip_suffix('%') {
            s = r.trim_end();
        }
        if let Some(r) = s.strip_prefix('€') {
            s = r.trim_start();
            money = true;
        }
        let (negative, mut body) = match s.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, s.strip_prefix('+').unwrap_or(s)),
        };
        if !money && let Some(r) = body.strip_prefix('€') {
            body = r.trim_start();
            money = true;
        }
        let is_space = |c: char| matches!(c, ' ' | '\u{a0}' | '\u{202f}');
        let mut groups = Vec::new();
        let mut seps = Vec::new();
        let mut start = 0;
        for (i, c) in body.char_indices() {
            if c.is_ascii_digit() {
                continue;
            }
            if !(c == '.' || c == ',' || is_space(c)) {
                return None;
            }
            groups.push(&body[start..i]);
            seps.push(if is_space(c) { ' ' } else { c });
            start = i + c.len_utf8();
        }
        groups.push(&body[start..]);
        // every group has digits: no `1..2`, `,5`, `5,`, `- 5`
        if groups.iter().any(|g| g.is_empty()) {
            return None;
        }
        Some(OldShape {
            negative,
            money,
            groups,
            seps,
        })
    }

    /// Thousands groups: the first of one to three digits, every next one of exactly three.
    /// Digits before a decimal sign: one run of any length (`1250`), or thousands groups (`1.250`).
    fn old_grouped(groups: &[&str]) -> bool {
        groups.len() == 1
            || groups.first().is_some_and(|g| g.len() <= 3)
                && groups.iter().skip(1).all(|g| g.len() == 3)
    }

    /// What the separators of a shape say about the convention: `Some(true)` when a point groups
    /// thousands or a comma is a decimal sign (Dutch), `Some(false)` the other way round, `None`
    /// when nothing tells.
    fn old_evidence(s: &OldShape<'_>) -> Option<bool> {
        let last = *s.seps.last()?;
        let single = s.seps.len() == 1;
        let ambiguous = single && s.groups[1].len() == 3 && s.groups[0] != "0";
        match last {
            ' ' => None,
            _ if ambiguous => None,
            '.' if single || s.seps.iter().filter(|c| **c == '.').count() == 1 => Some(false),
            ',' if single || s.seps.iter().filter(|c| **c == ',').count() == 1 => Some(true),
            // several of the same: they group thousands
            '.' => Some(true),
            _ => Some(false),
        }
    }

    /// Reads a number strictly. `point_thousands`: the convention when the text does not say
    /// (`Some(true)` Dutch, `Some(false)` English); with `None`, `1.250` and `1,250` are
    /// [`NumberError::Ambiguous`]. Thousands groups must have three digits (`1.2.3` is not a
    /// number), there is no exponent, and the result is finite and at most
    /// [`crate::model::finite::MAX_ABS`].
    fn old_read_number(input: &str, point_thousands: Option<bool>) -> Result<f64, NumberError> {
        let s = old_shape(input).ok_or(NumberError::Invalid)?;
        let (int, frac): (Vec<&str>, Option<&str>) = match s.seps.last().copied() {
            None => (s.groups.clone(), None),
            Some(last) => {
                let kinds: Vec<char> = {
                    let mut k = s.seps.clone();
                    k.dedup();
                    k
                };
                let count = s.seps.iter().filter(|c| **c == last).count();
                if last == ' ' || count > 1 {
                    // only thousands separators, all the same
                    if !(kinds.iter().all(|k| *k == last) && old_grouped(&s.groups)) {
                        return Err(NumberError::Invalid);
                    }
                    (s.groups.clone(), None)
                } else {
                    // one `last`, the others (if any) group thousands and are all one kind
                    let (int, frac) = s.groups.split_at(s.groups.len() - 1);
                    let others: Vec<char> = s.seps[..s.seps.len() - 1].to_vec();
                    let one_kind = others.windows(2).all(|w| w[0] == w[1])
                        && others.first().is_none_or(|c| *c != last);
                    if !one_kind || !old_grouped(int) {
                        return Err(NumberError::Invalid);
                    }
                    let decimal = if !others.is_empty() || frac[0].len() != 3 || int == ["0"] {
                        true
                    } else if s.money {
                        false
                    } else {
                        match point_thousands {
                            Some(dutch) => (last == ',') == dutch,
                            None => return Err(NumberError::Ambiguous),
                        }
                    };
                    if decimal {
                        (int.to_vec(), Some(frac[0]))
                    } else if old_grouped(&s.groups) {
                        (s.groups.clone(), None)
                    } else {
                        // `1250.500` read as thousands: not grouped in threes
                        return Err(NumberError::Invalid);
                    }
                }
            }
        };
        let mut text = String::with_capacity(input.len());
        if s.negative {
            text.push('-');
        }
        text.extend(int);
        if let Some(f) = frac {
            text.push('.');
            text.push_str(f);
        }
        text.parse::<f64>()
            .ok()
            .filter(|v| crate::model::finite::is_sane(*v))
            .ok_or(NumberError::Invalid)
    }

    fn old_convention(cells: &[&str]) -> Option<bool> {
        let mut seen = (false, false);
        for c in cells {
            match old_shape(c).as_ref().and_then(old_evidence) {
                Some(true) => seen.0 = true,
                Some(false) => seen.1 = true,
                None => {}
            }
        }
        match seen {
            (true, false) => Some(true),
            (false, true) => Some(false),
            _ => None,
        }
    }

    fn old_numeric_date(input: &str) -> Option<NaiveDate> {
        let s = input.trim();
        let sep = s.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
        let parts: Vec<&str> = s.split(sep).collect();
        let [a, b, c] = parts[..] else { return None };
        if ![a, b, c]
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        let (y, m, d) = match (a.len(), b.len(), c.len()) {
            (4, 1..=2, 1..=2) => (a, b, c),
            (1..=2, 1..=2, 4) => (c, b, a),
            _ => return None,
        };
        let year: i32 = y.parse().ok()?;
        if !(1900..=2200).contains(&year) {
            return None;
        }
        NaiveDate::from_ymd_opt(year, m.parse().ok()?, d.parse().ok()?)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        /// Numbers, the convention of a column and numeric dates read exactly as before, for
        /// every text made of digits, separators, signs, `%`, `€` and spaces of any kind.
        #[test]
        fn numbers_and_dates_read_as_before(
            cells in proptest::collection::vec(
                r"[0-9.,+%€ /\u{a0}\u{202f}a-]{0,12}|[0-9]{1,4}[.,][0-9]{1,4}|[0-9]{1,3}([., ][0-9]{3}){1,5}([.,][0-9]{1,3})?|0*[.,]0{0,30}[0-9]{0,20}|[0-9]{1,5}[-/.][0-9]{1,3}[-/.][0-9]{1,5}",
                1..4,
            )
        ) {
            for c in &cells {
                for conv in [None, Some(true), Some(false)] {
                    let (new, old) = (read_number(c, conv), old_read_number(c, conv));
                    proptest::prop_assert_eq!(
                        new.map(f64::to_bits),
                        old.map(f64::to_bits),
                        "{:?} {:?}: {:?} against {:?}",
                        c,
                        conv,
                        new,
                        old
                    );
                }
                proptest::prop_assert_eq!(parse_numeric_date(c), old_numeric_date(c), "{:?}", c);
            }
            let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
            proptest::prop_assert_eq!(convention_of(refs.iter().copied()), old_convention(&refs));
        }
    }
}
