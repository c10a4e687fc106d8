//! Whether an indicator's unit counts people: the default for `counts_people` when the user
//! has not said (the privacy rules hide small counts of people outside the window).

/// Words that, as the first word of a unit, say the figure is not a number of people: shares,
/// money, scores, averages, rates and durations. Anything else counts people: "leerlingen",
/// "jongeren (12-18 jaar)", "kinderen per jaar", an empty unit.
const NOT_PEOPLE: [&str; 48] = [
    "procent",
    "percent",
    "percentage",
    "promille",
    "aandeel",
    "share",
    "euro",
    "euros",
    "eur",
    "score",
    "scores",
    "cijfer",
    "rapportcijfer",
    "gemiddeld",
    "gemiddelde",
    "average",
    "mean",
    "rate",
    "ratio",
    "index",
    "fte",
    "dag",
    "dagen",
    "week",
    "weken",
    "maand",
    "maanden",
    "jaar",
    "jaren",
    "uur",
    "uren",
    "minuut",
    "minuten",
    "day",
    "days",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "hour",
    "hours",
    "minute",
    "minutes",
    "kalenderdagen",
    "schooldagen",
    "werkdagen",
    "lesuren",
];

/// Whether a unit says its values are a share (`%`, "procent", "percentage"): such values are
/// typed and shown as percentages.
pub fn unit_is_share(unit: &str) -> bool {
    let u = unit.trim().to_lowercase();
    let first = u.split_whitespace().next().unwrap_or("");
    u.contains('%') || matches!(first, "procent" | "percent" | "percentage")
}

/// A guess at "is this a number of people" from the unit, which the window may only propose:
/// it never switches protection off (see [`super::Indicator::is_count_of_people`]). Yes, unless
/// the unit clearly says otherwise (a `%`, `‰` or `€` in it; a rate such as "per 1.000 leerlingen"; or a first
/// word such as "weken", "score", "gemiddelde"). In doubt it is a count, so in doubt small
/// values are hidden.
pub fn unit_counts_people(unit: &str) -> bool {
    let u = unit.trim().to_lowercase();
    if ['%', '‰', '€'].iter().any(|c| u.contains(*c)) {
        return false;
    }
    // "per 1.000 leerlingen" is a rate; "per 1 oktober" (a count date) is not
    let rate = u.match_indices("per ").any(|(i, _)| {
        let rest = u[i + 4..].trim_start();
        rest.starts_with(|c: char| c.is_ascii_digit()) && !is_count_date(rest)
    });
    if rate {
        return false;
    }
    // the first word as written: "jaar-thuiszitters" is not "jaar"
    let mut words = u
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty());
    let first = words.next().unwrap_or("");
    // "gemiddeld aantal thuiszitters" is still about a number of people
    if matches!(first, "gemiddeld" | "gemiddelde" | "average" | "mean")
        && matches!(words.next(), Some("aantal" | "number"))
    {
        return true;
    }
    !NOT_PEOPLE.contains(&first)
}

/// Month names (Dutch, English, short forms), in lower case.
pub(crate) const MONTHS: [&str; 24] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
    "january",
    "february",
    "march",
    "may",
    "june",
    "july",
    "august",
    "october",
    "jan",
    "feb",
    "okt",
    "oct",
];

/// Whether `rest` (after "per ") is a date: "1 oktober", "1-10", "01-10-2024", "1/10".
fn is_count_date(rest: &str) -> bool {
    let digits = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let after = &rest[digits..];
    let day_month =
        after.starts_with(['-', '/']) && after[1..].starts_with(|c: char| c.is_ascii_digit());
    let month = after
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| MONTHS.contains(&w));
    digits <= 2 && (day_month || month)
}
