//! An indicator's status in words: why it is what it is ([`reason_text_in`]) and what it rests
//! on when the room should know it ([`basis_text_in`]), the same on screen and in the exports.

use super::{Lang, lang, t, tf};
use crate::model::{Assessment, Basis, Indicator, Reason, SeriesPoint};
use chrono::NaiveDate;

/// Why an indicator has its status, with the numbers.
pub fn reason_text_in(lang: Lang, a: &Assessment, ind: &Indicator) -> String {
    let num = |v: f64| {
        if ind.unit.trim().is_empty() {
            lang.fmt_number(v)
        } else {
            format!("{} {}", lang.fmt_number(v), ind.unit.trim())
        }
    };
    let value = a.latest.map(|l| num(l.1)).unwrap_or_default();
    let target = ind.target_value.map(num).unwrap_or_default();
    let date = ind
        .target_date
        .map(|d| lang.fmt_date(d))
        .unwrap_or_default();
    match a.reason {
        Reason::NoMeasurements => t!(lang, "reason.no_measurements").to_owned(),
        Reason::NoReference => t!(lang, "reason.no_reference").to_owned(),
        Reason::TargetMet => tf!(lang, "reason.target_met", value = &value, target = &target),
        Reason::MetByTargetDate { measured, value } => tf!(
            lang,
            "reason.met_by_date",
            date = &date,
            measured = &lang.fmt_date(measured),
            target = &target,
            value = &num(value)
        ),
        Reason::MissedByTargetDate { measured, value } => tf!(
            lang,
            "reason.missed_by_date",
            date = &date,
            measured = &lang.fmt_date(measured),
            target = &target,
            value = &num(value)
        ),
        Reason::NothingByTargetDate => tf!(
            lang,
            "reason.nothing_by_date",
            date = &date,
            target = &target,
            value = &value
        ),
        Reason::FellBack => tf!(lang, "reason.fell_back", value = &value, target = &target),
        Reason::AheadOfPath { expected } => {
            tf!(
                lang,
                "reason.ahead",
                expected = &num(expected),
                value = &value
            )
        }
        Reason::BehindPath { expected } => {
            tf!(
                lang,
                "reason.behind",
                expected = &num(expected),
                value = &value
            )
        }
        Reason::RightDirection { start } => tf!(
            lang,
            "reason.right_direction",
            start = &num(start),
            value = &value
        ),
        Reason::WrongDirection { start } => tf!(
            lang,
            "reason.wrong_direction",
            start = &num(start),
            value = &value
        ),
        Reason::WithinBand { level, band } => tf!(
            lang,
            "reason.within_band",
            level = &num(level),
            band = &num(band),
            value = &value
        ),
        Reason::OutsideBand { level, band } => tf!(
            lang,
            "reason.outside_band",
            level = &num(level),
            band = &num(band),
            value = &value
        ),
    }
}

/// What the status `a` rests on, in words, when it is worth saying (see [`crate::model::basis`]):
/// a measurement from an earlier cycle, or one more than a year old, on `today`.
pub fn basis_text_in(
    lang: Lang,
    a: &Assessment,
    series: &[SeriesPoint],
    today: NaiveDate,
) -> Option<String> {
    Some(match crate::model::basis(a, series, today)? {
        Basis::EarlierCycle {
            date: Some(d),
            old: Some(n),
        } => tf!(
            lang,
            "status.basis_earlier_old",
            date = &lang.fmt_date(d),
            n = n
        ),
        Basis::EarlierCycle {
            date: Some(d),
            old: None,
        } => tf!(lang, "status.basis_earlier", date = &lang.fmt_date(d)),
        Basis::EarlierCycle { date: None, .. } => {
            t!(lang, "status.basis_earlier_undated").to_owned()
        }
        Basis::Old { date, months } => tf!(
            lang,
            "status.basis_old",
            date = &lang.fmt_date(date),
            n = months
        ),
    })
}

/// [`reason_text_in`] in this thread's interface language.
pub fn reason_text(a: &Assessment, ind: &Indicator) -> String {
    reason_text_in(lang(), a, ind)
}

/// [`basis_text_in`] in this thread's interface language, as of today.
pub fn basis_text(a: &Assessment, series: &[SeriesPoint]) -> Option<String> {
    basis_text_in(lang(), a, series, chrono::Local::now().date_naive())
}
