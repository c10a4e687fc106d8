//! The privacy guard: what does not belong in a cycle file. Free text is scanned for a citizen
//! service number (nine digits that pass the eleven-test), e-mail addresses, Dutch phone
//! numbers, and a postcode with a house number. Small counts (below a threshold, default 5)
//! can identify a child: exports show them as "< 5". No egui here.

use crate::model::{Project, Step};

/// What was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Bsn,
    Email,
    Phone,
    Address,
}

/// One match in a text: its kind and byte range.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

/// The default threshold below which counts are suppressed in exports.
pub const DEFAULT_SMALL_NUMBERS: u32 = 5;

/// The eleven-test of a citizen service number: nine digits d1..d9 with
/// 9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11 (and not all zeros).
pub fn passes_eleven_test(digits: &[u8]) -> bool {
    if digits.len() != 9 || digits.iter().all(|d| *d == 0) {
        return false;
    }
    let sum: i32 = digits
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let w = if i == 8 { -1 } else { 9 - i as i32 };
            w * i32::from(*d)
        })
        .sum();
    sum % 11 == 0
}

fn is_boundary(bytes: &[u8], i: Option<usize>) -> bool {
    match i {
        None => true,
        Some(i) => bytes.get(i).is_none_or(|b| !b.is_ascii_alphanumeric()),
    }
}

/// Every hit in a text, in order.
pub fn scan_text(text: &str) -> Vec<Hit> {
    let mut hits = Vec::new();
    bsns(text, &mut hits);
    emails(text, &mut hits);
    phones(text, &mut hits);
    addresses(text, &mut hits);
    hits.sort_by_key(|h| h.start);
    // one place, one finding: a BSN inside something already found is not reported twice
    let mut out: Vec<Hit> = Vec::new();
    for h in hits {
        if out.last().is_none_or(|l| h.start >= l.end) {
            out.push(h);
        }
    }
    out
}

/// Nine digits, written together or as `1234.56.789` / `1234 56 789`, passing the eleven-test.
fn bsns(text: &str, hits: &mut Vec<Hit>) {
    let b = text.as_bytes();
    // the runs of digits, as (start, end)
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let s = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            runs.push((s, i));
        } else {
            i += 1;
        }
    }
    let digits = |(s, e): (usize, usize)| -> Vec<u8> { b[s..e].iter().map(|d| d - b'0').collect() };
    let bounded = |s: usize, e: usize| {
        is_boundary(b, s.checked_sub(1))
            && is_boundary(b, Some(e))
            // not part of a decimal number like 3.123456789 or 123456789,5
            && !(s >= 2 && matches!(b[s - 1], b'.' | b',') && b[s - 2].is_ascii_digit())
            && !(matches!(b.get(e), Some(b'.' | b',')) && b.get(e + 1).is_some_and(u8::is_ascii_digit))
    };
    for (k, run) in runs.iter().enumerate() {
        // nine digits together
        if run.1 - run.0 == 9 && bounded(run.0, run.1) && passes_eleven_test(&digits(*run)) {
            hits.push(Hit {
                kind: Kind::Bsn,
                start: run.0,
                end: run.1,
            });
        }
        // 4-2-3 with the same separator
        let (Some(m), Some(z)) = (runs.get(k + 1).copied(), runs.get(k + 2).copied()) else {
            continue;
        };
        let a = *run;
        let sep = b.get(a.1).copied();
        let grouped = a.1 - a.0 == 4
            && m.1 - m.0 == 2
            && z.1 - z.0 == 3
            && m.0 == a.1 + 1
            && z.0 == m.1 + 1
            && matches!(sep, Some(b'.' | b' '))
            && b.get(m.1).copied() == sep;
        if grouped && bounded(a.0, z.1) {
            let mut d = digits(a);
            d.extend(digits(m));
            d.extend(digits(z));
            if passes_eleven_test(&d) {
                hits.push(Hit {
                    kind: Kind::Bsn,
                    start: a.0,
                    end: z.1,
                });
            }
        }
    }
}

fn emails(text: &str, hits: &mut Vec<Hit>) {
    let b = text.as_bytes();
    let local = |c: u8| c.is_ascii_alphanumeric() || b"._%+-".contains(&c);
    let domain = |c: u8| c.is_ascii_alphanumeric() || c == b'.' || c == b'-';
    for (at, _) in text.match_indices('@') {
        let mut s = at;
        while s > 0 && local(b[s - 1]) {
            s -= 1;
        }
        let mut e = at + 1;
        while e < b.len() && domain(b[e]) {
            e += 1;
        }
        // no trailing dot, and a top-level domain of two letters or more
        while e > at + 1 && b[e - 1] == b'.' {
            e -= 1;
        }
        let dom = &text[at + 1..e];
        let tld_ok = dom.rsplit_once('.').is_some_and(|(name, tld)| {
            !name.is_empty() && tld.len() >= 2 && tld.bytes().all(|c| c.is_ascii_alphabetic())
        });
        if s < at && tld_ok {
            hits.push(Hit {
                kind: Kind::Email,
                start: s,
                end: e,
            });
        }
    }
}

/// Dutch phone numbers: `06-12345678`, `06 1234 5678`, `0612345678`, `+31 6 12345678`,
/// `0031 30 1234567`, `030-1234567`, `(030) 123 45 67`.
fn phones(text: &str, hits: &mut Vec<Hit>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let starts = (b[i] == b'+' && b.get(i + 1..i + 3) == Some(b"31"))
            || (b[i] == b'(' && b.get(i + 1) == Some(&b'0'))
            || b[i] == b'0';
        if !starts || !is_boundary(b, i.checked_sub(1)) || (i > 0 && b[i - 1] == b'+') {
            i += 1;
            continue;
        }
        let mut digits = String::new();
        let mut j = i;
        let mut last_digit_end = i;
        while j < b.len() {
            let c = b[j];
            if c.is_ascii_digit() {
                digits.push(c as char);
                j += 1;
                last_digit_end = j;
            } else if matches!(c, b' ' | b'-' | b'(' | b')' | b'+') && digits.len() < 13 {
                j += 1;
            } else {
                break;
            }
            if digits.len() > 13 {
                break;
            }
        }
        let national = if let Some(rest) = digits.strip_prefix("0031") {
            Some(format!("0{rest}"))
        } else if b[i] == b'+' {
            digits.strip_prefix("31").map(|rest| format!("0{rest}"))
        } else {
            Some(digits.clone())
        };
        let ok = national.as_ref().is_some_and(|n| {
            n.len() == 10 && n.starts_with('0') && !n.starts_with("00") && n.as_bytes()[1] != b'0'
        });
        // at least one separator or a leading +/0 pattern; a bare 10-digit number starting
        // with 0 is a phone number too
        if ok && is_boundary(b, Some(last_digit_end)) {
            hits.push(Hit {
                kind: Kind::Phone,
                start: i,
                end: last_digit_end,
            });
            i = last_digit_end;
        } else {
            i += 1;
        }
    }
}

/// A postcode (`1234 AB`) with a house number after it (`1234 AB 12`), or a house number
/// before it (`Dorpsstraat 12, 1234 AB`).
fn addresses(text: &str, hits: &mut Vec<Hit>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i + 6 <= b.len() {
        let Some((pc_end, _)) = postcode_at(b, i) else {
            i += 1;
            continue;
        };
        // house number after: spaces or a comma, then 1-5 digits
        let mut j = pc_end;
        while j < b.len() && (b[j] == b' ' || b[j] == b',') {
            j += 1;
        }
        let num_start = j;
        while j < b.len() && b[j].is_ascii_digit() && j - num_start < 5 {
            j += 1;
        }
        let after = j > num_start && num_start > pc_end && is_boundary_or_letter(b, j);
        // house number before: "<digits>, " or "<digits> " right before the postcode
        let mut k = i;
        while k > 0 && (b[k - 1] == b' ' || b[k - 1] == b',') {
            k -= 1;
        }
        let num_end = k;
        while k > 0 && b[k - 1].is_ascii_digit() && num_end - k < 5 {
            k -= 1;
        }
        let before = k < num_end
            && num_end < i
            && text[num_end..i].contains(',')
            && is_boundary(b, k.checked_sub(1));
        if after || before {
            hits.push(Hit {
                kind: Kind::Address,
                start: if before { k } else { i },
                end: if after { j } else { pc_end },
            });
            i = pc_end;
        } else {
            i += 1;
        }
    }
}

fn is_boundary_or_letter(b: &[u8], j: usize) -> bool {
    match b.get(j) {
        None => true,
        Some(c) if c.is_ascii_alphabetic() => {
            b.get(j + 1).is_none_or(|d| !d.is_ascii_alphanumeric())
        }
        Some(c) => !c.is_ascii_digit(),
    }
}

/// A Dutch postcode starting at `i`: 4 digits (not starting with 0), an optional space, two
/// capital letters (not SA, SD, SS). Returns its end.
fn postcode_at(b: &[u8], i: usize) -> Option<(usize, ())> {
    if !is_boundary(b, i.checked_sub(1)) {
        return None;
    }
    let digits = b.get(i..i + 4)?;
    if !digits.iter().all(u8::is_ascii_digit) || digits[0] == b'0' {
        return None;
    }
    let mut j = i + 4;
    if b.get(j) == Some(&b' ') {
        j += 1;
    }
    let letters = b.get(j..j + 2)?;
    if !letters.iter().all(u8::is_ascii_uppercase) || matches!(letters, b"SA" | b"SD" | b"SS") {
        return None;
    }
    let end = j + 2;
    is_boundary(b, Some(end)).then_some((end, ()))
}

/// Where in the project a finding is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The cycle's name, when it is in a cycle.
    pub cycle: Option<String>,
    pub step: Option<Step>,
    /// What the field is, as a translation key (`privacy.field.*`).
    pub field: &'static str,
    pub kind: Kind,
    /// The text found, partly masked so the finding itself does not spread it.
    pub masked: String,
}

/// Masks all but the first two and last two characters.
pub fn mask(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= 4 {
        return "•".repeat(chars.len());
    }
    let mut out: String = chars[..2].iter().collect();
    out.push_str(&"•".repeat(chars.len() - 4));
    out.extend(&chars[chars.len() - 2..]);
    out
}

/// Every finding in every free-text field of the project.
pub fn scan_project(p: &Project) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut check = |cycle: Option<&str>, step: Option<Step>, field: &'static str, text: &str| {
        for h in scan_text(text) {
            out.push(Finding {
                cycle: cycle.map(str::to_owned),
                step,
                field,
                kind: h.kind,
                masked: mask(&text[h.start..h.end]),
            });
        }
    };
    check(None, None, "privacy.field.region", &p.region.notes);
    for partner in &p.partners {
        check(None, None, "privacy.field.partner", &partner.role);
    }
    for c in &p.cycles {
        let n = Some(c.name.as_str());
        let a = &c.analysis;
        for d in &a.data_points {
            check(
                n,
                Some(Step::Analysis),
                "privacy.field.data_point",
                &d.label,
            );
            check(
                n,
                Some(Step::Analysis),
                "privacy.field.data_point",
                &d.source,
            );
        }
        for t in a
            .strengths
            .iter()
            .chain(&a.problems)
            .chain(&a.own_bottlenecks)
        {
            check(n, Some(Step::Analysis), "privacy.field.text", &t.text);
        }
        for s in &a.signals {
            check(n, Some(Step::Analysis), "privacy.field.signal", &s.text);
        }
        for x in &c.ambitions {
            check(
                n,
                Some(Step::Ambitions),
                "privacy.field.ambition",
                &x.description,
            );
        }
        for x in &c.principles {
            check(n, Some(Step::Ambitions), "privacy.field.text", &x.text);
        }
        for o in &c.outcomes {
            check(
                n,
                Some(Step::Outcomes),
                "privacy.field.outcome",
                &o.description,
            );
            for i in &o.indicators {
                check(
                    n,
                    Some(Step::Outcomes),
                    "privacy.field.indicator",
                    &i.definition,
                );
                for q in [
                    &i.dialogue.recognise,
                    &i.dialogue.explain,
                    &i.dialogue.opinion,
                ] {
                    check(n, Some(Step::Evaluation), "privacy.field.dialogue", q);
                }
            }
        }
        for iv in &c.interventions {
            check(
                n,
                Some(Step::Interventions),
                "privacy.field.intervention",
                &iv.description,
            );
            for k in &iv.contributions {
                check(
                    n,
                    Some(Step::Interventions),
                    "privacy.field.intervention",
                    &k.expected,
                );
            }
        }
        let e = &c.evaluation;
        for m in &e.measurements {
            check(
                n,
                Some(Step::Evaluation),
                "privacy.field.measurement",
                &m.note,
            );
            check(
                n,
                Some(Step::Evaluation),
                "privacy.field.measurement",
                &m.source,
            );
        }
        for j in &e.judgements {
            check(
                n,
                Some(Step::Evaluation),
                "privacy.field.judgement",
                &j.evidence,
            );
        }
        for l in &e.lessons {
            check(n, Some(Step::Evaluation), "privacy.field.text", &l.text);
        }
        for scan in [&a.scan, &e.scan] {
            for r in &scan.responses {
                check(n, None, "privacy.field.scan", &r.note);
            }
        }
    }
    for m in &p.meetings {
        check(None, None, "privacy.field.meeting", &m.notes);
        for t in m.agenda.iter().chain(&m.decisions) {
            check(None, None, "privacy.field.meeting", &t.text);
        }
        for a in &m.actions {
            check(None, None, "privacy.field.action", &a.what);
        }
    }
    for s in &p.intervisions {
        check(None, None, "privacy.field.intervision", &s.case_question);
        for r in &s.rounds {
            check(None, None, "privacy.field.intervision", &r.notes);
        }
        for l in &s.lessons {
            check(None, None, "privacy.field.intervision", &l.text);
        }
    }
    for t in &p.tips {
        check(None, t.step, "privacy.field.tip", &t.text);
    }
    out
}

/// Whether a value with this unit is a count of children (so small values are suppressed):
/// whole numbers of anything that is not a share, a duration, money or a score.
pub fn is_count(value: f64, unit: &str) -> bool {
    let u = unit.to_lowercase();
    let not_counts = [
        "%", "‰", "€", "euro", "week", "weken", "dag", "maand", "jaar", "uur", "minu", "score",
        "cijfer", "gemiddel", "per ", "day", "month", "year", "hour", "average", "rate",
    ];
    value.fract() == 0.0 && !not_counts.iter().any(|n| u.contains(n))
}

/// Whether a value must be shown as "< threshold" outside the window.
pub fn suppress(value: f64, unit: &str, threshold: u32) -> bool {
    is_count(value, unit) && value > 0.0 && value < f64::from(threshold)
}
