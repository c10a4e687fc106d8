//! Numbers in a project file: finite and of a sane size. A file with `NaN`, `inf` or `1e308`
//! as a value does not load (the error carries its line and column), so no export can ever show
//! "NaN leerlingen".

use serde::de::{self, Deserializer, Visitor};

/// The largest size a figure may have (a thousand billion): far beyond any count, share or
/// amount of a region, far below where arithmetic on it loses whole numbers.
pub const MAX_ABS: f64 = 1e12;

/// Whether a number can be a figure in the document.
pub fn is_sane(v: f64) -> bool {
    v.is_finite() && v.abs() <= MAX_ABS
}

fn checked<E: de::Error>(v: f64) -> Result<Option<f64>, E> {
    if is_sane(v) {
        Ok(Some(v))
    } else {
        Err(E::custom(format_args!(
            "the number {v:e} is not a figure (not finite, or larger than {MAX_ABS:e})"
        )))
    }
}

struct OptionalFigure;

impl<'de> Visitor<'de> for OptionalFigure {
    type Value = Option<f64>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a number, Some(number) or None")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        let v: f64 = serde::Deserialize::deserialize(d)?;
        checked(v)
    }

    // a bare number: how format 2 and older wrote a measurement's value
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        checked(v)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        checked(v as f64)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        checked(v as f64)
    }
}

/// Reads an optional figure: `None`, `Some(3.5)`, or (older files) a bare `3.5`; refuses
/// `NaN`, infinities and numbers beyond [`MAX_ABS`].
pub fn optional<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    d.deserialize_any(OptionalFigure)
}
