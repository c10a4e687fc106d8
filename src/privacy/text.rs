//! Scanning free text: nine digits that pass the eleven-test (BSN), e-mail addresses, Dutch
//! phone numbers, a postcode with a house number, a date of birth. Every pattern reads the text
//! folded ([`Folded`]: full-width and other compatibility forms, every space a space, invisible
//! characters gone), and every hit is a range of the text as written.

use super::birth::birth_dates;
use super::fold::Folded;
use super::{Hit, Kind};

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

pub(super) fn is_boundary(bytes: &[u8], i: Option<usize>) -> bool {
    match i {
        None => true,
        Some(i) => bytes.get(i).is_none_or(|b| !b.is_ascii_alphanumeric()),
    }
}

/// Every hit in a text, in order.
pub fn scan_text(text: &str) -> Vec<Hit> {
    let folded = Folded::new(text);
    let mut found = Vec::new();
    bsns(&folded.text, &mut found);
    phones(&folded.text, &mut found);
    addresses(&folded.text, &mut found);
    birth_dates(&folded.text, &mut found);
    let back = |f: &Folded, h: Hit| {
        let (start, end) = f.original(h.start, h.end);
        Hit {
            kind: h.kind,
            start,
            end,
        }
    };
    let mut hits: Vec<Hit> = found.into_iter().map(|h| back(&folded, h)).collect();
    let view = folded.email_view();
    let mut mails = Vec::new();
    emails(&view.text, &mut mails);
    hits.extend(mails.into_iter().map(|h| back(&view, h)));
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

/// Nine digits passing the eleven-test, written together (also right after letters:
/// `bsn111222333`) or in groups of two digits or more with spaces, dots or dashes between them
/// (`111 222 333`, `1234.56.789`, `111-222-333`, `111 22 23 33`). Grouped digits count only as
/// a whole: in a longer row of numbers (a date next to a count, a pasted table row, a decimal
/// number) nine digits are not picked out, and amounts (`€ 123.456.789`) are not a BSN.
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
    // how two runs are joined: None (not), Some(true) with a space, Some(false) by a sign only
    let join = |a: (usize, usize), z: (usize, usize)| -> Option<bool> {
        let gap = &b[a.1..z.0];
        let signs = gap.iter().filter(|c| matches!(c, b'.' | b'-')).count();
        let ok = (1..=3).contains(&gap.len())
            && signs <= 1
            && gap.iter().all(|c| matches!(c, b' ' | b'.' | b'-'));
        ok.then(|| gap.contains(&b' '))
    };
    let amount = |s: usize| {
        let before = text[..s].trim_end().to_ascii_lowercase();
        before.ends_with('€') || before.ends_with("eur") || before.ends_with("euro")
    };
    let decimal_around = |s: usize, e: usize| {
        (s >= 2 && matches!(b[s - 1], b'.' | b',') && b[s - 2].is_ascii_digit())
            || (b.get(e) == Some(&b',') && b.get(e + 1).is_some_and(u8::is_ascii_digit))
    };
    let digits = |r: &[(usize, usize)]| -> Vec<u8> {
        r.iter()
            .flat_map(|(s, e)| b[*s..*e].iter().map(|d| d - b'0'))
            .collect()
    };
    let mut check = |group: &[(usize, usize)]| {
        let (s, e) = (group[0].0, group[group.len() - 1].1);
        let d = digits(group);
        if !decimal_around(s, e) && !amount(s) && passes_eleven_test(&d) {
            hits.push(Hit {
                kind: Kind::Bsn,
                start: s,
                end: e,
            });
        }
    };
    let mut start = 0;
    while start < runs.len() {
        // the chain of runs joined to this one
        let mut end = start + 1;
        while end < runs.len() && join(runs[end - 1], runs[end]).is_some() {
            end += 1;
        }
        let chain = &runs[start..end];
        let length: usize = chain.iter().map(|(s, e)| e - s).sum();
        if chain.len() > 1 && length == 9 && chain.iter().all(|(s, e)| e - s >= 2) {
            check(chain);
        } else {
            // nine digits together, set apart by spaces from the numbers around them
            for (k, r) in chain.iter().enumerate() {
                let apart_before = k == 0 || join(chain[k - 1], *r) == Some(true);
                let apart_after = k + 1 == chain.len() || join(*r, chain[k + 1]) == Some(true);
                if r.1 - r.0 == 9 && apart_before && apart_after {
                    check(std::slice::from_ref(r));
                }
            }
        }
        start = end;
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
/// `0031 30 1234567`, `030-1234567`, `(030) 123 45 67`, `06.12.34.56.78`.
fn phones(text: &str, hits: &mut Vec<Hit>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let starts = (b[i] == b'+' && b.get(i + 1..i + 3) == Some(b"31"))
            || (b[i] == b'(' && b.get(i + 1) == Some(&b'0'))
            || b[i] == b'0';
        // `0.5`, `0,5`: a number, not the start of a phone number
        let decimal = b[i] == b'0' && matches!(b.get(i + 1), Some(b'.' | b','));
        if !starts || decimal || !is_boundary(b, i.checked_sub(1)) || (i > 0 && b[i - 1] == b'+') {
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
            } else if matches!(c, b' ' | b'-' | b'.' | b'(' | b')' | b'+') && digits.len() < 13 {
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
        // house number after: spaces, a comma or a dash, then 1-5 digits; or the digits
        // right after the letters (`3511AB12`), not starting with 0 (`2024KW02` is a period)
        let mut j = pc_end;
        while j < b.len() && matches!(b[j], b' ' | b',' | b'-') {
            j += 1;
        }
        let num_start = j;
        while j < b.len() && b[j].is_ascii_digit() && j - num_start < 5 {
            j += 1;
        }
        let apart = num_start > pc_end || b.get(num_start).is_some_and(|d| *d != b'0');
        let after = j > num_start && apart && is_boundary_or_letter(b, j);
        // house number before: "<digits>, " or "<digits> " right before the postcode
        let mut k = i;
        while k > 0 && (b[k - 1] == b' ' || b[k - 1] == b',') {
            k -= 1;
        }
        let mut num_end = k;
        // a letter after the house number: `12a, 3511 AB`
        if k >= 2 && b[k - 1].is_ascii_alphabetic() && b[k - 2].is_ascii_digit() {
            k -= 1;
            num_end = k;
        }
        let letter_end =
            if num_end < i && text[num_end..i].starts_with(|c: char| c.is_ascii_alphabetic()) {
                num_end + 1
            } else {
                num_end
            };
        while k > 0 && b[k - 1].is_ascii_digit() && num_end - k < 5 {
            k -= 1;
        }
        let before = k < num_end
            && num_end < i
            && text[letter_end..i].contains(',')
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

/// Two-letter words and units that follow a number in ordinary text (`2024 en 2025`, `12 km`):
/// in lower case they are not the letters of a postcode.
const NOT_POSTCODE_LETTERS: [&[u8; 2]; 40] = [
    b"en", b"of", b"in", b"op", b"te", b"na", b"om", b"is", b"nu", b"zo", b"al", b"er", b"ik",
    b"je", b"we", b"ze", b"de", b"an", b"at", b"to", b"or", b"on", b"as", b"by", b"be", b"it",
    b"if", b"no", b"so", b"up", b"km", b"kg", b"cm", b"mm", b"ml", b"mg", b"nr", b"pp", b"ca",
    b"vs",
];

/// A Dutch postcode starting at `i`: 4 digits (not starting with 0), an optional space or
/// dash, two letters (not SA, SD, SS; in lower case not a common short word or unit). Returns its end.
fn postcode_at(b: &[u8], i: usize) -> Option<(usize, ())> {
    if !is_boundary(b, i.checked_sub(1)) {
        return None;
    }
    let digits = b.get(i..i + 4)?;
    if !digits.iter().all(u8::is_ascii_digit) || digits[0] == b'0' {
        return None;
    }
    // `3511 AB`, `3511AB`, `3511-AB`
    let mut j = i + 4;
    if matches!(b.get(j), Some(b' ' | b'-')) {
        j += 1;
    }
    let letters = b.get(j..j + 2)?;
    let upper = letters.iter().all(u8::is_ascii_uppercase);
    let lower = letters.iter().all(u8::is_ascii_lowercase);
    let word = NOT_POSTCODE_LETTERS.iter().any(|w| w.as_slice() == letters);
    if !(upper || (lower && !word)) {
        return None;
    }
    let l = letters.to_ascii_uppercase();
    if matches!(l.as_slice(), b"SA" | b"SD" | b"SS") {
        return None;
    }
    let end = j + 2;
    // a word goes on after the letters; a house number may follow right away
    let word = b.get(end).is_some_and(u8::is_ascii_alphabetic);
    (!word).then_some((end, ()))
}
