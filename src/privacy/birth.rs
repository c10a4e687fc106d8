//! A date of birth: a date after "geboren" (or "geb.", "geboortedatum", "born"), or next to an
//! age ("(12 jaar)", "12 jaar oud"). Read on the folded text, like every pattern.

use super::text::is_boundary;
use super::{Hit, Kind};

/// Words that say a date is a date of birth, in the few characters before it.
const BIRTH_WORDS: [&[u8]; 8] = [
    b"geboren",
    b"geb.",
    b"geb:",
    b"geb ",
    b"geboortedatum",
    b"born",
    b"birth",
    b"dob",
];

/// A date next to an age, or after "geboren": `geboren 12-03-2012`, `12-03-2012 (12 jaar)`,
/// `Sem (12 jaar), 3 maart 2012`. A warning: a date of birth with an age identifies a child.
pub(super) fn birth_dates(text: &str, hits: &mut Vec<Hit>) {
    let lower = text.to_ascii_lowercase();
    let b = lower.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let Some(end) = date_at(b, i) else {
            i += 1;
            continue;
        };
        let before = &b[i.saturating_sub(30)..i];
        let after = &b[end..(end + 30).min(b.len())];
        let birth = BIRTH_WORDS.iter().any(|w| contains(before, w));
        if birth || has_age(before) || has_age(after) {
            hits.push(Hit {
                kind: Kind::BirthDate,
                start: i,
                end,
            });
        }
        i = end;
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// A date at `i` (lower case): `12-03-2012`, `12/3/2012`, `12.03.2012`, `2012-03-12`,
/// `12 maart 2012`, `12 march 2012`. Returns its end.
fn date_at(b: &[u8], i: usize) -> Option<usize> {
    if !is_boundary(b, i.checked_sub(1)) {
        return None;
    }
    let digits = |at: usize| {
        b[at.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let d1 = digits(i);
    if d1 == 0 {
        return None;
    }
    let sep = *b.get(i + d1)?;
    let numeric = |lens: [(usize, usize); 3]| -> Option<usize> {
        let mut at = i;
        for (k, (lo, hi)) in lens.into_iter().enumerate() {
            let n = digits(at);
            if !(lo..=hi).contains(&n) {
                return None;
            }
            at += n;
            if k < 2 {
                (b.get(at) == Some(&sep)).then_some(())?;
                at += 1;
            }
        }
        is_boundary(b, Some(at)).then_some(at)
    };
    if matches!(sep, b'-' | b'/' | b'.') {
        return numeric([(1, 2), (1, 2), (4, 4)]).or_else(|| numeric([(4, 4), (1, 2), (1, 2)]));
    }
    if sep != b' ' || !(1..=2).contains(&d1) {
        return None;
    }
    let word_start = i + d1 + 1;
    let word = b[word_start..]
        .iter()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    let month = std::str::from_utf8(&b[word_start..word_start + word]).ok()?;
    let months = crate::model::MONTHS;
    let year_at = word_start + word + 1;
    let ok = months.contains(&month) && b.get(year_at - 1) == Some(&b' ') && digits(year_at) == 4;
    (ok && is_boundary(b, Some(year_at + 4))).then_some(year_at + 4)
}

/// An age: `(12 jaar)`, `(12 jr)`, `12 jaar oud`, `12 years old`, `leeftijd 12`, `age 12`.
fn has_age(w: &[u8]) -> bool {
    for (needle, bracket) in [
        (&b"jaar)"[..], true),
        (b"jr)", true),
        (b"jr.)", true),
        (b"years)", true),
        (b"jaar oud", false),
        (b"years old", false),
    ] {
        for p in (0..w.len()).filter(|p| w[*p..].starts_with(needle)) {
            let mut q = p;
            if q > 0 && w[q - 1] == b' ' {
                q -= 1;
            }
            let n = w[..q]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_digit())
                .count();
            let open = q.checked_sub(n + 1).map(|k| w[k]);
            if (1..=2).contains(&n) && (!bracket || open == Some(b'(')) {
                return true;
            }
        }
    }
    ["leeftijd ", "age "].iter().any(|word| {
        (0..w.len()).any(|p| {
            w[p..].starts_with(word.as_bytes())
                && w.get(p + word.len()).is_some_and(u8::is_ascii_digit)
        })
    })
}
