//! The byte scanner that finds the `cycles: [ … ]` list of a RON project and each cycle in it,
//! skipping RON's strings (escaped and raw), character literals and comments.

/// Where the cycles are in the text: the byte range of the list's content (between `[` and
/// `]`) and the byte range of each element.
#[cfg(test)]
#[derive(Debug, PartialEq)]
struct Cut {
    list: std::ops::Range<usize>,
    cycles: Vec<std::ops::Range<usize>>,
}

/// Finds the `cycles: [ … ]` field of the top-level struct and its elements.
#[cfg(test)]
fn cut(text: &str) -> Option<Cut> {
    let mut cycles = Vec::new();
    let list = cut_with(text, |_, r| cycles.push(r))?;
    Some(Cut { list, cycles })
}

/// Finds the `cycles: [ … ]` field of the top-level struct: calls `found` with the number and
/// byte range of each element as it comes, and returns the range of the list's content.
pub(super) fn cut_with(
    text: &str,
    found: impl FnMut(usize, std::ops::Range<usize>),
) -> Option<std::ops::Range<usize>> {
    let b = text.as_bytes();
    let mut s = Scanner { b, i: 0 };
    s.skip_trivia()?;
    if s.peek()? != b'(' {
        return None; // an attribute (`#![enable(…)]`), a named struct: parse it whole
    }
    s.i += 1;
    // at depth 1: `name: value,` pairs; find `cycles`
    loop {
        s.skip_trivia()?;
        match s.peek()? {
            b')' => return None,
            c if is_ident_start(c) => {
                let start = s.i;
                while s.peek().is_some_and(is_ident_char) {
                    s.i += 1;
                }
                let name = &b[start..s.i];
                s.skip_trivia()?;
                if s.peek()? != b':' {
                    return None;
                }
                s.i += 1;
                s.skip_trivia()?;
                if name == b"cycles" {
                    return s.cycle_list(found);
                }
                s.skip_value()?;
                s.skip_trivia()?;
                match s.peek()? {
                    b',' => s.i += 1,
                    _ => return None,
                }
            }
            _ => return None,
        }
    }
}

/// The bytes [`Scanner::skip_value`] stops at: quotes, `#`, brackets, commas, `/` and every
/// byte outside ASCII.
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        t[c] = c >= 0x80
            || matches!(
                c as u8,
                b'"' | b'\'' | b'#' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b',' | b'/'
            );
        c += 1;
    }
    t
};

fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

fn is_ident_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    /// Skips whitespace and comments (`// …` and nested `/* … */`).
    fn skip_trivia(&mut self) -> Option<()> {
        loop {
            match self.peek() {
                Some(c) if c.is_ascii_whitespace() => self.i += 1,
                Some(b'/') => match self.b.get(self.i + 1)? {
                    b'/' => {
                        while self.peek().is_some_and(|c| c != b'\n') {
                            self.i += 1;
                        }
                    }
                    b'*' => {
                        self.i += 2;
                        let mut depth = 1;
                        while depth > 0 {
                            match (self.peek()?, self.b.get(self.i + 1).copied()) {
                                (b'*', Some(b'/')) => {
                                    depth -= 1;
                                    self.i += 2;
                                }
                                (b'/', Some(b'*')) => {
                                    depth += 1;
                                    self.i += 2;
                                }
                                _ => self.i += 1,
                            }
                        }
                    }
                    _ => return None,
                },
                Some(c) if c >= 0x80 => return None, // Unicode whitespace: parse it whole
                _ => return Some(()),
            }
        }
    }

    /// Skips a string (`"…"`, `r"…"`, `r#"…"#`, and the `b` forms) or a character literal,
    /// starting at its first byte. Returns `None` if there is none here.
    fn skip_quoted(&mut self) -> Option<bool> {
        let start = self.i;
        if self.peek() == Some(b'b') {
            self.i += 1;
        }
        match self.peek()? {
            b'"' => {
                self.i += 1;
                loop {
                    match self.peek()? {
                        b'\\' => self.i += 2,
                        b'"' => {
                            self.i += 1;
                            return Some(true);
                        }
                        _ => self.i += 1,
                    }
                }
            }
            b'r' if matches!(self.b.get(self.i + 1), Some(b'"' | b'#')) => {
                self.i += 1;
                let mut hashes = 0;
                while self.peek() == Some(b'#') {
                    hashes += 1;
                    self.i += 1;
                }
                if self.peek()? != b'"' {
                    // a raw identifier (`r#Some`, as RON writes a variant named like a keyword)
                    return (hashes == 1 && is_ident_start(self.peek()?)).then_some(true);
                }
                self.i += 1;
                loop {
                    let closes = self.peek()? == b'"'
                        && self
                            .b
                            .get(self.i + 1..self.i + 1 + hashes)
                            .is_some_and(|h| h.iter().all(|c| *c == b'#'));
                    if closes {
                        self.i += 1 + hashes;
                        return Some(true);
                    }
                    self.i += 1;
                }
            }
            b'\'' => {
                self.i += 1;
                loop {
                    match self.peek()? {
                        b'\\' => self.i += 2,
                        b'\'' => {
                            self.i += 1;
                            return Some(true);
                        }
                        b'\n' => return None,
                        _ => self.i += 1,
                    }
                }
            }
            _ => {
                self.i = start;
                Some(false)
            }
        }
    }

    /// Skips one value: up to the `,` or closing bracket at its own level. It runs over the
    /// whole list of cycles before the threads can start, so it jumps over the bytes that
    /// cannot matter (letters, digits, spaces, `:` …) with a lookup table.
    fn skip_value(&mut self) -> Option<()> {
        let b = self.b;
        let mut depth = 0usize;
        // a value that closed its brackets must be followed by `,` or the closing bracket
        let mut complete = false;
        loop {
            while b.get(self.i).is_some_and(|c| !SPECIAL[usize::from(*c)]) {
                if complete && !b[self.i].is_ascii_whitespace() {
                    return None;
                }
                self.i += 1;
            }
            let c = *b.get(self.i)?;
            if complete && !matches!(c, b',' | b')' | b']' | b'}' | b'/') {
                return None;
            }
            match c {
                b'"' | b'#' => {
                    // a raw string or identifier starts at its `r` (or `br`), already passed
                    let mut start = self.i;
                    while start > 0 && b[start - 1] == b'#' {
                        start -= 1;
                    }
                    let raw = start > 0
                        && b[start - 1] == b'r'
                        && (start < 2
                            || !is_ident_char(b[start - 2])
                            || (b[start - 2] == b'b'
                                && (start < 3 || !is_ident_char(b[start - 3]))));
                    if raw {
                        self.i = start - 1;
                        if !self.skip_quoted()? {
                            return None;
                        }
                    } else if c == b'"' {
                        self.i += 1;
                        loop {
                            let k = b
                                .get(self.i..)?
                                .iter()
                                .position(|&x| x == b'"' || x == b'\\')?;
                            self.i += k;
                            if b[self.i] == b'"' {
                                self.i += 1;
                                break;
                            }
                            self.i += 2;
                        }
                    } else {
                        return None; // a `#` that is not part of a raw string or identifier
                    }
                }
                b'\'' => {
                    if !self.skip_quoted()? {
                        return None;
                    }
                }
                b'/' => self.skip_trivia()?,
                b'(' | b'[' | b'{' => {
                    depth += 1;
                    self.i += 1;
                }
                b')' | b']' | b'}' => {
                    if depth == 0 {
                        return Some(());
                    }
                    depth -= 1;
                    complete = depth == 0;
                    self.i += 1;
                }
                b',' => {
                    if depth == 0 {
                        return Some(());
                    }
                    self.i += 1;
                }
                _ => return None, // not ASCII outside a string: parse it whole
            }
        }
    }

    /// At the `[` of the cycles: the ranges of the list and of each element.
    fn cycle_list(
        &mut self,
        mut found: impl FnMut(usize, std::ops::Range<usize>),
    ) -> Option<std::ops::Range<usize>> {
        if self.peek()? != b'[' {
            return None;
        }
        self.i += 1;
        let list_start = self.i;
        let mut n = 0;
        loop {
            self.skip_trivia()?;
            if self.peek()? == b']' {
                return Some(list_start..self.i);
            }
            let start = self.i;
            self.skip_value()?;
            let mut end = self.i;
            while end > start && self.b[end - 1].is_ascii_whitespace() {
                end -= 1;
            }
            if end == start {
                return None; // an empty element (`,,`)
            }
            found(n, start..end);
            n += 1;
            match self.peek()? {
                b',' => self.i += 1,
                b']' => {}
                _ => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_around_strings_comments_and_brackets() {
        let text = r##"// kompas-recovery: (original: Some("/a/b.ron"), name: "[")
        ( // a comment with ( and [
            format_version: 2, region: (name: "cycles: [ ) ] ,", notes: r#"a "quote" ]"#),
            cycles: [ /* ] */ (id: 1, name: "a, b"), (id: 2, c: 'x', d: '\''),
            ],
            tips: [],
        )"##;
        let Some(cut) = cut(text) else {
            panic!("a well-formed text with a cycle list is cut");
        };
        let parts: Vec<&str> = cut.cycles.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(
            parts,
            vec![r#"(id: 1, name: "a, b")"#, r"(id: 2, c: 'x', d: '\'')"]
        );
        assert!(text[cut.list.clone()].contains("/* ] */"));
    }

    #[test]
    fn refuses_what_it_does_not_know() {
        for text in [
            "#![enable(implicit_some)] (cycles: [])",
            "Project(cycles: [])",
            "(cycles: [(a: 1),,(b: 2)])",
            "(cycles: [(a: 1)",
            "(region: (name: \"open",
            "(cycles: [(a: 1) (b: 2)])",
        ] {
            assert!(cut(text).is_none(), "{text}");
        }
    }
}
