//! Numbers, money and dates in the format of the interface language:
//! Dutch `1.250,5` and `12-03-2025`, English `1,250.5` and `12 Mar 2025`.

use super::{Lang, lang};
use chrono::{Datelike, NaiveDate};

/// A number with at most two decimals, grouped by thousands.
pub fn fmt_number(value: f64) -> String {
    let (thousands, decimal) = match lang() {
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
pub fn fmt_money(euros: u64) -> String {
    format!("€ {}", fmt_number(euros as f64))
}

/// Reads a number as a person types it, in either convention: `3,5`, `3.5`, `1.250,5`,
/// `1,250.5`, `-2`, `12 %`. A separator followed by exactly three digits with another separator
/// kind elsewhere is read as a thousands separator. Returns `None` for anything else.
pub fn parse_number(input: &str) -> Option<f64> {
    parse_number_with(input, lang() == Lang::Nl)
}

/// [`parse_number`] without the interface language: `point_thousands` says whether a single
/// point followed by three digits (`1.250`) groups thousands (Dutch) or is a decimal point.
pub fn parse_number_with(input: &str, point_thousands: bool) -> Option<f64> {
    let s: String = input
        .trim()
        .trim_end_matches('%')
        .trim_start_matches('€')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if s.is_empty() {
        return None;
    }
    let last_comma = s.rfind(',');
    let last_dot = s.rfind('.');
    let normalized = match (last_comma, last_dot) {
        (Some(c), Some(d)) if c > d => s.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => s.replace(',', ""),
        (Some(_), None) if s.matches(',').count() > 1 => s.replace(',', ""),
        (Some(_), None) => s.replace(',', "."),
        (None, Some(_)) if s.matches('.').count() > 1 => s.replace('.', ""),
        (None, Some(d)) if point_thousands && s.len() - d == 4 && !s.starts_with("0.") => {
            s.replace('.', "")
        }
        _ => s,
    };
    normalized.parse::<f64>().ok().filter(|v| v.is_finite())
}

const MONTHS_NL: [&str; 12] = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A date as shown: `12-03-2025` (Dutch) or `12 Mar 2025` (English).
pub fn fmt_date(date: NaiveDate) -> String {
    match lang() {
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
pub fn fmt_month(date: NaiveDate) -> String {
    let names = match lang() {
        Lang::Nl => MONTHS_NL,
        Lang::En => MONTHS_EN,
    };
    format!("{} {}", names[date.month0() as usize], date.year())
}

/// Reads a date typed as `12-03-2025`, `12-3-2025`, `12/03/2025`, `2025-03-12`,
/// `12 mrt 2025` or `12 Mar 2025`.
pub fn parse_date(input: &str) -> Option<NaiveDate> {
    let s = input.trim();
    for f in ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            return Some(d);
        }
    }
    let parts: Vec<&str> = s.split_whitespace().collect();
    if let [day, month, year] = parts[..] {
        let m = month.to_lowercase();
        let m = m.trim_end_matches('.');
        let index = MONTHS_NL
            .iter()
            .chain(MONTHS_EN.iter())
            .position(|name| name.to_lowercase() == m.get(..3.min(m.len())).unwrap_or(""))?;
        return NaiveDate::from_ymd_opt(
            year.parse().ok()?,
            (index % 12) as u32 + 1,
            day.parse().ok()?,
        );
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
}
