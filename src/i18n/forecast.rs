//! The forecast "als er niets verandert" in words: how it was made (the legend's tooltip, the
//! report's caption) and what it reaches at the target date, the same on screen and in the
//! exports.

use super::{Lang, lang, tf};
use crate::model::Forecast;

/// How the forecast was made: "Voorspelling als er niets verandert: rechte lijn door de 5
/// gemeten waarden (kleinste kwadraten), doorgetrokken tot de streefdatum 31-07-2027".
pub fn forecast_method_in(lang: Lang, f: &Forecast) -> String {
    tf!(
        lang,
        "forecast.method",
        n = f.n,
        date = &lang.fmt_date(f.to.0)
    )
}

/// What the line reaches at the target date, against the target when there is one: "Zo
/// bereikt de lijn op 31-07-2027 ongeveer 41, het streefdoel is 30." `shown` writes a value
/// as the output shows it (with its unit; in an export, small counts suppressed).
pub fn forecast_reach_in(
    lang: Lang,
    f: &Forecast,
    target: Option<f64>,
    shown: impl Fn(f64) -> String,
) -> String {
    let date = lang.fmt_date(f.to.0);
    let value = shown(f.reached());
    match target {
        Some(t) => tf!(
            lang,
            "forecast.reach",
            date = &date,
            value = &value,
            target = &shown(t)
        ),
        None => tf!(
            lang,
            "forecast.reach_no_target",
            date = &date,
            value = &value
        ),
    }
}

/// [`forecast_method_in`] in this thread's language.
pub fn forecast_method(f: &Forecast) -> String {
    forecast_method_in(lang(), f)
}

/// [`forecast_reach_in`] in this thread's language.
pub fn forecast_reach(f: &Forecast, target: Option<f64>, shown: impl Fn(f64) -> String) -> String {
    forecast_reach_in(lang(), f, target, shown)
}
