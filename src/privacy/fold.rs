//! Text as the privacy patterns read it: Unicode's compatibility forms folded (NFKC, as far as
//! the patterns can tell: every character NFKC turns into one printable ASCII character, such as
//! full-width `１２３` and `＠`, mathematical, superscript and circled digits), every kind of
//! space a space, every dash `-`, and invisible characters (zero-width spaces and joiners,
//! soft hyphens, direction marks, control characters) dropped. Each byte remembers the
//! characters of the original text it came from, so a finding names (and masks) the text as
//! written.
//!
//! Why not a crate: the patterns read only ASCII letters, digits and a few signs, so of NFKC
//! only this table matters (1,080 characters in 194 ranges, made by `scripts/nfkc_ascii.py`
//! from Python's `unicodedata`); `unicode-normalization` is not in the dependency tree, and
//! would bring its full tables for nothing more.

/// A folded text, and for each of its bytes the byte range in the original text it came from.
pub(super) struct Folded {
    pub text: String,
    from: Vec<(usize, usize)>,
}

impl Folded {
    pub fn new(original: &str) -> Self {
        let mut f = Self {
            text: String::with_capacity(original.len()),
            from: Vec::with_capacity(original.len()),
        };
        for (i, c) in original.char_indices() {
            if let Some(folded) = fold(c) {
                f.push(folded, (i, i + c.len_utf8()));
            }
        }
        f
    }

    fn push(&mut self, c: char, from: (usize, usize)) {
        self.from.extend(std::iter::repeat_n(from, c.len_utf8()));
        self.text.push(c);
    }

    /// The range in the original text of the folded bytes `start..end` (not empty).
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        (self.from[start].0, self.from[end - 1].1)
    }

    /// The text as an e-mail address is written to fool a program: `jan(at)school.nl`,
    /// `jan [at] school (dot) nl`, `jan @ school.nl` become `jan@school.nl`.
    pub fn email_view(&self) -> Self {
        let b = self.text.as_bytes();
        let mut out = Self {
            text: String::with_capacity(self.text.len()),
            from: Vec::with_capacity(self.from.len()),
        };
        let mut i = 0;
        while i < b.len() {
            if let Some((len, sign)) = marker_at(b, i) {
                let (start, _) = self.original(i, i + 1);
                let (_, end) = self.original(i + len - 1, i + len);
                out.push(sign, (start, end));
                i += len;
                continue;
            }
            let len = self.text[i..].chars().next().map_or(1, char::len_utf8);
            out.text.push_str(&self.text[i..i + len]);
            out.from.extend_from_slice(&self.from[i..i + len]);
            i += len;
        }
        out
    }
}

/// An `@` or `.` written another way at `i`, with the spaces around it: its length and sign.
fn marker_at(b: &[u8], i: usize) -> Option<(usize, char)> {
    let spaces = |from: usize| b[from..].iter().take(2).take_while(|c| **c == b' ').count();
    let j = i + spaces(i);
    let rest = &b[j..];
    let bracketed = |word: &[u8]| {
        let closer = match rest.first()? {
            b'(' => b')',
            b'[' => b']',
            b'{' => b'}',
            b'<' => b'>',
            _ => return None,
        };
        let inner = rest.get(1..1 + word.len())?;
        (inner.eq_ignore_ascii_case(word) && rest.get(1 + word.len()) == Some(&closer))
            .then_some(word.len() + 2)
    };
    let (len, sign) = if rest.first() == Some(&b'@') {
        (1, '@')
    } else if let Some(len) = bracketed(b"at") {
        (len, '@')
    } else if let Some(len) = bracketed(b"dot") {
        (len, '.')
    } else {
        return None;
    };
    let end = j + len + spaces(j + len);
    // a plain `@` is itself
    let plain = len == 1 && end - i == 1;
    (!plain).then_some((end - i, sign))
}

/// What a character is to the patterns: `None` for an invisible one.
fn fold(c: char) -> Option<char> {
    // line ends and tabs stay: they end a row of numbers (a pasted table), not join it
    if matches!(c, '\n' | '\r' | '\t') {
        return Some(c);
    }
    if c.is_whitespace() {
        return Some(' ');
    }
    if c.is_ascii() {
        return (!c.is_ascii_control()).then_some(c);
    }
    let u = u32::from(c);
    if c.is_control() || is_invisible(u) {
        return None;
    }
    if matches!(u, 0x2010..=0x2015 | 0x2043 | 0x2212 | 0xFE58) {
        return Some('-');
    }
    let at = NFKC_ASCII.partition_point(|(first, _, _)| *first <= u);
    match at.checked_sub(1).map(|k| NFKC_ASCII[k]) {
        Some((first, last, to)) if u <= last => Some(char::from(to + (u - first) as u8)),
        _ => Some(c),
    }
}

/// Characters that show nothing: format characters (zero-width space, joiners, direction
/// marks, soft hyphen, word joiner, BOM, tags), fillers and variation selectors.
fn is_invisible(u: u32) -> bool {
    matches!(
        u,
        0xAD | 0x34F
            | 0x61C
            | 0x115F..=0x1160
            | 0x17B4..=0x17B5
            | 0x180B..=0x180F
            | 0x200B..=0x200F
            | 0x202A..=0x202E
            | 0x2060..=0x206F
            | 0x3164
            | 0xFE00..=0xFE0F
            | 0xFEFF
            | 0xFFA0
            | 0xFFF9..=0xFFFB
            | 0x1BCA0..=0x1BCA3
            | 0x1D173..=0x1D17A
            | 0xE0000..=0xE0FFF
    )
}

/// Made by `scripts/nfkc_ascii.py` (Unicode 14.0.0: 1080 characters in 194 ranges)
const NFKC_ASCII: [(u32, u32, u8); 194] = [
    (0xAA, 0xAA, b'a'),
    (0xB2, 0xB3, b'2'),
    (0xB9, 0xB9, b'1'),
    (0xBA, 0xBA, b'o'),
    (0x17F, 0x17F, b's'),
    (0x2B0, 0x2B0, b'h'),
    (0x2B2, 0x2B2, b'j'),
    (0x2B3, 0x2B3, b'r'),
    (0x2B7, 0x2B7, b'w'),
    (0x2B8, 0x2B8, b'y'),
    (0x2E1, 0x2E1, b'l'),
    (0x2E2, 0x2E2, b's'),
    (0x2E3, 0x2E3, b'x'),
    (0x37E, 0x37E, b';'),
    (0x1D2C, 0x1D2C, b'A'),
    (0x1D2E, 0x1D2E, b'B'),
    (0x1D30, 0x1D31, b'D'),
    (0x1D33, 0x1D3A, b'G'),
    (0x1D3C, 0x1D3C, b'O'),
    (0x1D3E, 0x1D3E, b'P'),
    (0x1D3F, 0x1D3F, b'R'),
    (0x1D40, 0x1D41, b'T'),
    (0x1D42, 0x1D42, b'W'),
    (0x1D43, 0x1D43, b'a'),
    (0x1D47, 0x1D47, b'b'),
    (0x1D48, 0x1D49, b'd'),
    (0x1D4D, 0x1D4D, b'g'),
    (0x1D4F, 0x1D4F, b'k'),
    (0x1D50, 0x1D50, b'm'),
    (0x1D52, 0x1D52, b'o'),
    (0x1D56, 0x1D56, b'p'),
    (0x1D57, 0x1D58, b't'),
    (0x1D5B, 0x1D5B, b'v'),
    (0x1D62, 0x1D62, b'i'),
    (0x1D63, 0x1D63, b'r'),
    (0x1D64, 0x1D65, b'u'),
    (0x1D9C, 0x1D9C, b'c'),
    (0x1DA0, 0x1DA0, b'f'),
    (0x1DBB, 0x1DBB, b'z'),
    (0x1FEF, 0x1FEF, b'`'),
    (0x2024, 0x2024, b'.'),
    (0x2070, 0x2070, b'0'),
    (0x2071, 0x2071, b'i'),
    (0x2074, 0x2079, b'4'),
    (0x207A, 0x207A, b'+'),
    (0x207C, 0x207C, b'='),
    (0x207D, 0x207E, b'('),
    (0x207F, 0x207F, b'n'),
    (0x2080, 0x2089, b'0'),
    (0x208A, 0x208A, b'+'),
    (0x208C, 0x208C, b'='),
    (0x208D, 0x208E, b'('),
    (0x2090, 0x2090, b'a'),
    (0x2091, 0x2091, b'e'),
    (0x2092, 0x2092, b'o'),
    (0x2093, 0x2093, b'x'),
    (0x2095, 0x2095, b'h'),
    (0x2096, 0x2099, b'k'),
    (0x209A, 0x209A, b'p'),
    (0x209B, 0x209C, b's'),
    (0x2102, 0x2102, b'C'),
    (0x210A, 0x210A, b'g'),
    (0x210B, 0x210B, b'H'),
    (0x210C, 0x210C, b'H'),
    (0x210D, 0x210D, b'H'),
    (0x210E, 0x210E, b'h'),
    (0x2110, 0x2110, b'I'),
    (0x2111, 0x2111, b'I'),
    (0x2112, 0x2112, b'L'),
    (0x2113, 0x2113, b'l'),
    (0x2115, 0x2115, b'N'),
    (0x2119, 0x211B, b'P'),
    (0x211C, 0x211C, b'R'),
    (0x211D, 0x211D, b'R'),
    (0x2124, 0x2124, b'Z'),
    (0x2128, 0x2128, b'Z'),
    (0x212A, 0x212A, b'K'),
    (0x212C, 0x212D, b'B'),
    (0x212F, 0x212F, b'e'),
    (0x2130, 0x2131, b'E'),
    (0x2133, 0x2133, b'M'),
    (0x2134, 0x2134, b'o'),
    (0x2139, 0x2139, b'i'),
    (0x2145, 0x2145, b'D'),
    (0x2146, 0x2147, b'd'),
    (0x2148, 0x2149, b'i'),
    (0x2160, 0x2160, b'I'),
    (0x2164, 0x2164, b'V'),
    (0x2169, 0x2169, b'X'),
    (0x216C, 0x216C, b'L'),
    (0x216D, 0x216E, b'C'),
    (0x216F, 0x216F, b'M'),
    (0x2170, 0x2170, b'i'),
    (0x2174, 0x2174, b'v'),
    (0x2179, 0x2179, b'x'),
    (0x217C, 0x217C, b'l'),
    (0x217D, 0x217E, b'c'),
    (0x217F, 0x217F, b'm'),
    (0x2460, 0x2468, b'1'),
    (0x24B6, 0x24CF, b'A'),
    (0x24D0, 0x24E9, b'a'),
    (0x24EA, 0x24EA, b'0'),
    (0x2C7C, 0x2C7C, b'j'),
    (0x2C7D, 0x2C7D, b'V'),
    (0xA7F2, 0xA7F2, b'C'),
    (0xA7F3, 0xA7F3, b'F'),
    (0xA7F4, 0xA7F4, b'Q'),
    (0xFB29, 0xFB29, b'+'),
    (0xFE10, 0xFE10, b','),
    (0xFE13, 0xFE14, b':'),
    (0xFE15, 0xFE15, b'!'),
    (0xFE16, 0xFE16, b'?'),
    (0xFE33, 0xFE33, b'_'),
    (0xFE34, 0xFE34, b'_'),
    (0xFE35, 0xFE36, b'('),
    (0xFE37, 0xFE37, b'{'),
    (0xFE38, 0xFE38, b'}'),
    (0xFE47, 0xFE47, b'['),
    (0xFE48, 0xFE48, b']'),
    (0xFE4D, 0xFE4D, b'_'),
    (0xFE4E, 0xFE4E, b'_'),
    (0xFE4F, 0xFE4F, b'_'),
    (0xFE50, 0xFE50, b','),
    (0xFE52, 0xFE52, b'.'),
    (0xFE54, 0xFE54, b';'),
    (0xFE55, 0xFE55, b':'),
    (0xFE56, 0xFE56, b'?'),
    (0xFE57, 0xFE57, b'!'),
    (0xFE59, 0xFE5A, b'('),
    (0xFE5B, 0xFE5B, b'{'),
    (0xFE5C, 0xFE5C, b'}'),
    (0xFE5F, 0xFE5F, b'#'),
    (0xFE60, 0xFE60, b'&'),
    (0xFE61, 0xFE62, b'*'),
    (0xFE63, 0xFE63, b'-'),
    (0xFE64, 0xFE64, b'<'),
    (0xFE65, 0xFE65, b'>'),
    (0xFE66, 0xFE66, b'='),
    (0xFE68, 0xFE68, b'\\'),
    (0xFE69, 0xFE6A, b'$'),
    (0xFE6B, 0xFE6B, b'@'),
    (0xFF01, 0xFF5E, b'!'),
    (0x107A5, 0x107A5, b'q'),
    (0x1D400, 0x1D419, b'A'),
    (0x1D41A, 0x1D433, b'a'),
    (0x1D434, 0x1D44D, b'A'),
    (0x1D44E, 0x1D454, b'a'),
    (0x1D456, 0x1D467, b'i'),
    (0x1D468, 0x1D481, b'A'),
    (0x1D482, 0x1D49B, b'a'),
    (0x1D49C, 0x1D49C, b'A'),
    (0x1D49E, 0x1D49F, b'C'),
    (0x1D4A2, 0x1D4A2, b'G'),
    (0x1D4A5, 0x1D4A6, b'J'),
    (0x1D4A9, 0x1D4AC, b'N'),
    (0x1D4AE, 0x1D4B5, b'S'),
    (0x1D4B6, 0x1D4B9, b'a'),
    (0x1D4BB, 0x1D4BB, b'f'),
    (0x1D4BD, 0x1D4C3, b'h'),
    (0x1D4C5, 0x1D4CF, b'p'),
    (0x1D4D0, 0x1D4E9, b'A'),
    (0x1D4EA, 0x1D503, b'a'),
    (0x1D504, 0x1D505, b'A'),
    (0x1D507, 0x1D50A, b'D'),
    (0x1D50D, 0x1D514, b'J'),
    (0x1D516, 0x1D51C, b'S'),
    (0x1D51E, 0x1D537, b'a'),
    (0x1D538, 0x1D539, b'A'),
    (0x1D53B, 0x1D53E, b'D'),
    (0x1D540, 0x1D544, b'I'),
    (0x1D546, 0x1D546, b'O'),
    (0x1D54A, 0x1D550, b'S'),
    (0x1D552, 0x1D56B, b'a'),
    (0x1D56C, 0x1D585, b'A'),
    (0x1D586, 0x1D59F, b'a'),
    (0x1D5A0, 0x1D5B9, b'A'),
    (0x1D5BA, 0x1D5D3, b'a'),
    (0x1D5D4, 0x1D5ED, b'A'),
    (0x1D5EE, 0x1D607, b'a'),
    (0x1D608, 0x1D621, b'A'),
    (0x1D622, 0x1D63B, b'a'),
    (0x1D63C, 0x1D655, b'A'),
    (0x1D656, 0x1D66F, b'a'),
    (0x1D670, 0x1D689, b'A'),
    (0x1D68A, 0x1D6A3, b'a'),
    (0x1D7CE, 0x1D7D7, b'0'),
    (0x1D7D8, 0x1D7E1, b'0'),
    (0x1D7E2, 0x1D7EB, b'0'),
    (0x1D7EC, 0x1D7F5, b'0'),
    (0x1D7F6, 0x1D7FF, b'0'),
    (0x1F12B, 0x1F12B, b'C'),
    (0x1F12C, 0x1F12C, b'R'),
    (0x1F130, 0x1F149, b'A'),
    (0x1FBF0, 0x1FBF9, b'0'),
];
