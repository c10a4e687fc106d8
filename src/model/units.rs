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
