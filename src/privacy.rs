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

/// A Dutch postcode starting at `i`: 4 digits (not starting with 0), an optional space, two
/// letters (not SA, SD, SS; in lower case not a common short word or unit). Returns its end.
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
    /// The exact place in the document, e.g. `cycles[0].outcomes[2].indicators[0].unit`.
    pub path: String,
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

/// One step of a path into the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    /// A field of a struct, or the variant of an enum.
    Field(&'static str),
    /// A position in a list or tuple.
    Index(usize),
    /// The key of a map entry (its value is under it).
    Key(String),
}

/// A path as text: `cycles[0].outcomes[2].indicators[0].unit`, `…scores["x"]`.
pub fn path_text(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Field(name) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
            Seg::Key(k) => out.push_str(&format!("[{k:?}]")),
        }
    }
    out
}

/// Calls `f` with every string in the document and its path: every `String` field, list
/// element and map key, however deep, found by serializing the document (so a field added to
/// the model later is visited without anyone listing it here). Dates are visited too (as
/// their text).
pub fn visit_strings(p: &Project, mut f: impl FnMut(&[Seg], &str)) {
    let mut w = walk::Walker {
        path: Vec::new(),
        f: &mut f,
        key: None,
    };
    // the walker itself never fails; the model's types serialize without errors
    let _ = serde::Serialize::serialize(p, &mut w);
}

/// Every string of the document with its path (for tests and tools).
pub fn strings(p: &Project) -> Vec<(String, String)> {
    let mut out = Vec::new();
    visit_strings(p, |path, s| out.push((path_text(path), s.to_owned())));
    out
}

/// Every finding in every string of the project: names, titles, units, notes, everything.
pub fn scan_project(p: &Project) -> Vec<Finding> {
    let mut out = Vec::new();
    visit_strings(p, |path, text| {
        let hits = scan_text(text);
        if hits.is_empty() {
            return;
        }
        let (cycle, step) = place(p, path);
        for h in hits {
            out.push(Finding {
                cycle: cycle.clone(),
                step,
                field: field_key(path),
                path: path_text(path),
                kind: h.kind,
                masked: mask(&text[h.start..h.end]),
            });
        }
    });
    out
}

/// The cycle's name and the step a path is in.
fn place(p: &Project, path: &[Seg]) -> (Option<String>, Option<Step>) {
    match path {
        [Seg::Field("cycles"), Seg::Index(i), rest @ ..] => {
            let name = p.cycles.get(*i).map(|c| c.name.clone());
            let step = match rest.first() {
                Some(Seg::Field("analysis")) => Some(Step::Analysis),
                Some(Seg::Field("ambitions" | "principles")) => Some(Step::Ambitions),
                Some(Seg::Field("outcomes")) if rest.contains(&Seg::Field("dialogue")) => {
                    Some(Step::Evaluation)
                }
                Some(Seg::Field("outcomes")) => Some(Step::Outcomes),
                Some(Seg::Field("interventions")) => Some(Step::Interventions),
                Some(Seg::Field("evaluation")) => Some(Step::Evaluation),
                _ => None,
            };
            (name, step)
        }
        [Seg::Field("tips"), Seg::Index(i), ..] => (None, p.tips.get(*i).and_then(|t| t.step)),
        _ => (None, None),
    }
}

/// What a field is, as a translation key: the deepest part of the path that has a name.
fn field_key(path: &[Seg]) -> &'static str {
    for (depth, seg) in path.iter().enumerate().rev() {
        let Seg::Field(name) = seg else { continue };
        let key = match *name {
            "region" => "privacy.field.region",
            "partners" => "privacy.field.partner",
            "tables" => "privacy.field.table",
            "cycles" => "privacy.field.cycle",
            "data_points" => "privacy.field.data_point",
            "signals" => "privacy.field.signal",
            "ambitions" => "privacy.field.ambition",
            "outcomes" => "privacy.field.outcome",
            "indicators" => "privacy.field.indicator",
            "dialogue" => "privacy.field.dialogue",
            "interventions" => "privacy.field.intervention",
            "measurements" => "privacy.field.measurement",
            "judgements" => "privacy.field.judgement",
            "scan" => "privacy.field.scan",
            "meetings" => "privacy.field.meeting",
            "actions" => "privacy.field.action",
            "agenda" if depth == 0 => "privacy.field.agenda",
            "intervisions" => "privacy.field.intervision",
            "tips" => "privacy.field.tip",
            _ => continue,
        };
        return key;
    }
    "privacy.field.text"
}

/// A serde serializer that produces nothing: it walks a value and calls a function for every
/// string, with the path to it.
mod walk {
    use super::Seg;
    use serde::ser::{self, Serialize};

    #[derive(Debug)]
    pub struct Never;

    impl std::fmt::Display for Never {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("walk error")
        }
    }

    impl std::error::Error for Never {}

    impl ser::Error for Never {
        fn custom<T: std::fmt::Display>(_: T) -> Self {
            Never
        }
    }

    pub struct Walker<'a, F: FnMut(&[Seg], &str)> {
        pub path: Vec<Seg>,
        pub f: &'a mut F,
        /// While a map key is serialized: its text, to name the value's place.
        pub key: Option<String>,
    }

    impl<F: FnMut(&[Seg], &str)> Walker<'_, F> {
        fn under<T: Serialize + ?Sized>(&mut self, seg: Seg, v: &T) -> Result<(), Never> {
            self.path.push(seg);
            let r = v.serialize(&mut *self);
            self.path.pop();
            r
        }
    }

    pub struct Compound<'w, 'a, F: FnMut(&[Seg], &str)> {
        w: &'w mut Walker<'a, F>,
        index: usize,
        /// Under a variant: its name is on the path until the end.
        variant: bool,
        key: Option<String>,
    }

    impl<'w, 'a, F: FnMut(&[Seg], &str)> Compound<'w, 'a, F> {
        fn new(w: &'w mut Walker<'a, F>, variant: Option<&'static str>) -> Self {
            if let Some(v) = variant {
                w.path.push(Seg::Field(v));
            }
            Self {
                w,
                index: 0,
                variant: variant.is_some(),
                key: None,
            }
        }

        fn element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Never> {
            let i = self.index;
            self.index += 1;
            self.w.under(Seg::Index(i), v)
        }

        fn finish(self) -> Result<(), Never> {
            if self.variant {
                self.w.path.pop();
            }
            Ok(())
        }
    }

    macro_rules! nothing {
        ($($name:ident: $t:ty),*) => {
            $(fn $name(self, _: $t) -> Result<(), Never> { Ok(()) })*
        };
    }

    impl<'w, 'a, F: FnMut(&[Seg], &str)> ser::Serializer for &'w mut Walker<'a, F> {
        type Ok = ();
        type Error = Never;
        type SerializeSeq = Compound<'w, 'a, F>;
        type SerializeTuple = Compound<'w, 'a, F>;
        type SerializeTupleStruct = Compound<'w, 'a, F>;
        type SerializeTupleVariant = Compound<'w, 'a, F>;
        type SerializeMap = Compound<'w, 'a, F>;
        type SerializeStruct = Compound<'w, 'a, F>;
        type SerializeStructVariant = Compound<'w, 'a, F>;

        nothing!(
            serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
            serialize_i64: i64, serialize_i128: i128, serialize_u8: u8, serialize_u16: u16,
            serialize_u32: u32, serialize_u64: u64, serialize_u128: u128, serialize_f32: f32,
            serialize_f64: f64, serialize_bytes: &[u8], serialize_unit_struct: &'static str
        );

        fn serialize_char(self, v: char) -> Result<(), Never> {
            self.serialize_str(v.encode_utf8(&mut [0; 4]))
        }

        fn serialize_str(self, v: &str) -> Result<(), Never> {
            if let Some(key) = self.key.as_mut() {
                key.push_str(v);
            }
            (self.f)(&self.path, v);
            Ok(())
        }

        fn serialize_none(self) -> Result<(), Never> {
            Ok(())
        }

        fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), Never> {
            v.serialize(self)
        }

        fn serialize_unit(self) -> Result<(), Never> {
            Ok(())
        }

        fn serialize_unit_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
        ) -> Result<(), Never> {
            Ok(())
        }

        fn serialize_newtype_struct<T: Serialize + ?Sized>(
            self,
            _: &'static str,
            v: &T,
        ) -> Result<(), Never> {
            v.serialize(self)
        }

        fn serialize_newtype_variant<T: Serialize + ?Sized>(
            self,
            _: &'static str,
            _: u32,
            variant: &'static str,
            v: &T,
        ) -> Result<(), Never> {
            self.under(Seg::Field(variant), v)
        }

        fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Never> {
            Ok(Compound::new(self, None))
        }

        fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Never> {
            Ok(Compound::new(self, None))
        }

        fn serialize_tuple_struct(
            self,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleStruct, Never> {
            Ok(Compound::new(self, None))
        }

        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            variant: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleVariant, Never> {
            Ok(Compound::new(self, Some(variant)))
        }

        fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Never> {
            Ok(Compound::new(self, None))
        }

        fn serialize_struct(
            self,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStruct, Never> {
            Ok(Compound::new(self, None))
        }

        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            variant: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStructVariant, Never> {
            Ok(Compound::new(self, Some(variant)))
        }
    }

    impl<F: FnMut(&[Seg], &str)> ser::SerializeSeq for Compound<'_, '_, F> {
        type Ok = ();
        type Error = Never;
        fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Never> {
            self.element(v)
        }
        fn end(self) -> Result<(), Never> {
            self.finish()
        }
    }

    impl<F: FnMut(&[Seg], &str)> ser::SerializeTuple for Compound<'_, '_, F> {
        type Ok = ();
        type Error = Never;
        fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Never> {
            self.element(v)
        }
        fn end(self) -> Result<(), Never> {
            self.finish()
        }
    }

    impl<F: FnMut(&[Seg], &str)> ser::SerializeTupleStruct for Compound<'_, '_, F> {
        type Ok = ();
        type Error = Never;
        fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Never> {
            self.element(v)
        }
        fn end(self) -> Result<(), Never> {
            self.finish()
        }
    }

    impl<F: FnMut(&[Seg], &str)> ser::SerializeTupleVariant for Compound<'_, '_, F> {
        type Ok = ();
        type Error = Never;
        fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Never> {
            self.element(v)
        }
        fn end(self) -> Result<(), Never> {
            self.finish()
        }
    }

    impl<F: FnMut(&[Seg], &str)> ser::SerializeMap for Compound<'_, '_, F> {
        type Ok = ();
        type Error = Never;
        fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> Result<(), Never> {
            // the key is a string of the document too: visited under its entry's position
            let i = self.index;
            self.w.key = Some(String::new());
            let r = self.w.under(Seg::Index(i), k);
            self.key = self.w.key.take();
            r
        }
        fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Never> {
            let i = self.index;
            self.index += 1;
            let seg = match self.key.take() {
                Some(k) if !k.is_empty() => Seg::Key(k),
                _ => Seg::Index(i),
            };
            self.w.under(seg, v)
        }
        fn end(self) -> Result<(), Never> {
            self.finish()
        }
    }

    impl<F: FnMut(&[Seg], &str)> ser::SerializeStruct for Compound<'_, '_, F> {
        type Ok = ();
        type Error = Never;
        fn serialize_field<T: Serialize + ?Sized>(
            &mut self,
            name: &'static str,
            v: &T,
        ) -> Result<(), Never> {
            self.w.under(Seg::Field(name), v)
        }
        fn end(self) -> Result<(), Never> {
            self.finish()
        }
    }

    impl<F: FnMut(&[Seg], &str)> ser::SerializeStructVariant for Compound<'_, '_, F> {
        type Ok = ();
        type Error = Never;
        fn serialize_field<T: Serialize + ?Sized>(
            &mut self,
            name: &'static str,
            v: &T,
        ) -> Result<(), Never> {
            self.w.under(Seg::Field(name), v)
        }
        fn end(self) -> Result<(), Never> {
            self.finish()
        }
    }
}

pub use crate::model::unit_counts_people;

/// Whether a value must be shown as "< threshold" outside the window: a number of people above
/// zero and below the threshold (zero identifies nobody; 3.5 people is still fewer than 5).
pub fn suppress(value: f64, counts_people: bool, threshold: u32) -> bool {
    counts_people && value > 0.0 && value < f64::from(threshold)
}
