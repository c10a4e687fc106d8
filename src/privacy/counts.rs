//! Small counts of people: whether a unit counts people, and whether a value is hidden as
//! "< threshold" outside the window.

/// The default threshold below which counts are suppressed in exports.
pub const DEFAULT_SMALL_NUMBERS: u32 = 5;

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

/// The default for "is this a number of people", from the unit: yes, unless the unit clearly
/// says otherwise (a `%`, `‰` or `€` in it; a rate such as "per 1.000 leerlingen"; or a first
/// word such as "weken", "score", "gemiddelde"). In doubt it is a count, so in doubt small
/// values are hidden.
pub fn unit_counts_people(unit: &str) -> bool {
    let u = unit.trim().to_lowercase();
    if ['%', '‰', '€'].iter().any(|c| u.contains(*c)) {
        return false;
    }
    let rate = u.match_indices("per ").any(|(i, _)| {
        u[i + 4..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit())
    });
    if rate {
        return false;
    }
    let first = u
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    !NOT_PEOPLE.contains(&first)
}

/// Whether a value must be shown as "< threshold" outside the window: a number of people above
/// zero and below the threshold (zero identifies nobody; 3.5 people is still fewer than 5).
pub fn suppress(value: f64, counts_people: bool, threshold: u32) -> bool {
    counts_people && value > 0.0 && value < f64::from(threshold)
}
