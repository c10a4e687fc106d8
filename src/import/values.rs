//! One cell as a value or a date, strictly: numbers through [`crate::i18n::read_number`]
//! (no exponent, no `NaN`, thousands groups of three, at most a thousand billion), dates and
//! CBS periods with a four-digit year from 1900 to 2200.

use chrono::NaiveDate;

pub(super) fn is_missing(cell: &str) -> bool {
    matches!(cell.trim(), "" | "." | "-" | "x" | "X" | "?")
}

/// A number as spreadsheets write it: `3,5` and `3.5`, `1.250,75` and `1,250.75`, `1.250.000`,
/// with `%` or `€` around it (`€ 1.000` is a thousand). `1.250` and `1,250` alone are
/// ambiguous: `None` here (in a column whose other cells show the convention,
/// [`apply`](super::apply) reads them). Never an exponent, `NaN`, `inf`, `1.2.3` or a figure
/// beyond a thousand billion.
pub fn parse_value(cell: &str) -> Option<f64> {
    read_value(cell, None).ok()
}

pub(super) fn read_value(
    cell: &str,
    convention: Option<bool>,
) -> Result<f64, crate::i18n::NumberError> {
    crate::i18n::read_number(cell, convention)
}

/// Whether a cell holds a number (an ambiguous one too): for finding the value columns and
/// the header.
pub(super) fn looks_numeric(cell: &str) -> bool {
    read_value(cell, None) != Err(crate::i18n::NumberError::Invalid)
}

/// Whether a date with `/` has a day and a month that could be the other way round
/// (`01/02/2024`: 1 February or, as in the United States, January 2?). It is read day first.
pub(super) fn swappable_day_and_month(cell: &str) -> bool {
    let mut parts = cell.trim().split('/');
    let (Some(a), Some(b), Some(y), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let small = |p: &str| p.len() <= 2 && p.parse::<u32>().is_ok_and(|n| (1..=12).contains(&n));
    y.len() == 4 && small(a) && small(b) && a.parse::<u32>().ok() != b.parse::<u32>().ok()
}

/// A date or a period: `31-12-2024`, `31/12/2024`, `2024-12-31` (a four-digit year from 1900
/// to 2200: not `1-1-25`, not `0000-01-01`), a year `2024`, or a CBS
/// period code: `2024JJ00` (year), `2024KW02` (quarter), `2024MM03` (month), `2024HJ01`
/// (half year). A period counts at its last day, when its figure is complete.
pub fn parse_date(cell: &str) -> Option<NaiveDate> {
    let s = cell.trim();
    if let Some(d) = crate::i18n::parse_numeric_date(s) {
        return Some(d);
    }
    let year_of = |t: &str| -> Option<i32> {
        (t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
            .filter(|y| (1900..=2200).contains(y))
    };
    if let Some(y) = year_of(s) {
        return NaiveDate::from_ymd_opt(y, 12, 31);
    }
    // CBS period codes: YYYY + two letters + two digits
    if s.len() == 8 && s.is_ascii() {
        let year = year_of(&s[..4])?;
        let n: u32 = s[6..].parse().ok()?;
        let end_of_month = |m: u32| -> Option<NaiveDate> {
            let first_next = if m == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(year, m + 1, 1)
            };
            first_next?.pred_opt()
        };
        return match &s[4..6] {
            "JJ" => NaiveDate::from_ymd_opt(year, 12, 31),
            "KW" if (1..=4).contains(&n) => end_of_month(n * 3),
            "MM" if (1..=12).contains(&n) => end_of_month(n),
            "HJ" if (1..=2).contains(&n) => end_of_month(n * 6),
            _ => None,
        };
    }
    None
}
