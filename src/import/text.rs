//! Delimited text into a table: the encoding (UTF-8, UTF-16, Latin-1), the delimiter, the
//! refusal of StatLine web tables, and each record's line number.

use super::table::Builder;
use super::{CsvTable, ImportError, RowIssue, RowProblem};
use std::borrow::Cow;

/// Reads bytes as a CSV table. Accepts UTF-8 (with or without BOM), UTF-16 (with a BOM, or
/// without one when every other byte of the start is zero: Excel's "Unicode text") and, failing
/// that, reads the bytes as Windows-1252/Latin-1 (what Excel on Windows writes). The delimiter
/// (`;`, `,` or tab) is the one that splits the first lines most consistently.
pub fn read_table(bytes: &[u8]) -> Result<CsvTable, ImportError> {
    let text = decode(bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if is_statline_web_table(text) {
        return Err(ImportError::StatLineWebTable);
    }
    let delimiter = sniff_delimiter(text);
    // no `Trim` here: the crate copies every record to trim it; each cell is trimmed (of
    // Unicode white space, as the crate's `StringRecord` does) when it goes into the table
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut table = Builder::with_capacity(text.len());
    let mut problems = Vec::new();
    let mut lines = Lines::new(text);
    let mut record = csv::ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(0, |p| lines.at(p.byte()));
                // the text is UTF-8 and the reader splits it only at ASCII bytes, so the record
                // (its cells one after another) is UTF-8 with a cell starting at a character;
                // one that were not would be unreadable, as before
                let all = std::str::from_utf8(record.as_slice()).ok().filter(|all| {
                    let mut end = 0;
                    record.iter().all(|f| {
                        end += f.len();
                        all.is_char_boundary(end)
                    })
                });
                if let Some(all) = all {
                    let mut start = 0;
                    let cells = record.iter().map(|f| {
                        let cell = all.get(start..start + f.len()).unwrap_or_default();
                        start += f.len();
                        cell.trim()
                    });
                    table.push(line, cells);
                } else {
                    problems.push(RowProblem {
                        line,
                        issue: RowIssue::Unreadable("invalid UTF-8".to_owned()),
                    });
                }
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| lines.at(p.byte()));
                problems.push(RowProblem {
                    line,
                    issue: RowIssue::Unreadable(e.to_string()),
                });
            }
        }
    }
    table.finish(delimiter, problems)
}

/// Line numbers of records, read in order: the text is counted once, from where the previous
/// record was, so reading a file is linear in its size (counting from the start for every
/// row made 200,000 rows take minutes).
struct Lines<'a> {
    bytes: &'a [u8],
    /// Bytes before `pos` hold `newlines` line ends.
    pos: usize,
    newlines: usize,
    /// How many bytes were looked at in all (the work, for a test that it stays linear).
    scanned: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            bytes: text.as_bytes(),
            pos: 0,
            newlines: 0,
            scanned: 0,
        }
    }

    /// The 1-based line where a record starting at `byte` has its first cell. The CSV reader's
    /// own line count, and its record start, include the empty lines it skipped before the
    /// record. Positions go forward; one before the last asked is counted from the start.
    fn at(&mut self, byte: u64) -> usize {
        let bytes = self.bytes;
        let mut end = usize::try_from(byte).unwrap_or(usize::MAX).min(bytes.len());
        while end < bytes.len() && matches!(bytes[end], b'\n' | b'\r') {
            end += 1;
        }
        if end < self.pos {
            self.pos = 0;
            self.newlines = 0;
        }
        self.newlines += bytes[self.pos..end].iter().filter(|b| **b == b'\n').count();
        self.scanned += end - self.pos;
        self.pos = end;
        self.newlines + 1
    }
}

/// The bytes as text: UTF-8 as it is (not copied), else decoded.
fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some(text) = utf16(bytes) {
        return Cow::Owned(text);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        // Windows-1252 differs from Latin-1 only in 0x80–0x9F; the letters Dutch needs (é, ë,
        // ï, ó) are the same in both.
        Err(_) => Cow::Owned(bytes.iter().map(|b| char::from(*b)).collect()),
    }
}

/// UTF-16 text: with a byte order mark, or without one when the first bytes are ASCII with a
/// zero beside every one (what a table of numbers in UTF-16 looks like). A broken pair
/// becomes U+FFFD, so its row is refused, not guessed.
fn utf16(bytes: &[u8]) -> Option<String> {
    let (little, body) = if let Some(b) = bytes.strip_prefix(b"\xFF\xFE") {
        (true, b)
    } else if let Some(b) = bytes.strip_prefix(b"\xFE\xFF") {
        (false, b)
    } else {
        let start = &bytes[..bytes.len().min(64) & !1];
        let zeros = |odd: bool| {
            start.len() >= 4
                && start
                    .chunks(2)
                    .all(|p| (p[usize::from(odd)] == 0) && p[usize::from(!odd)] != 0)
        };
        if zeros(true) {
            (true, bytes)
        } else if zeros(false) {
            (false, bytes)
        } else {
            return None;
        }
    };
    let units = body.chunks(2).map(|p| {
        let pair = [p[0], p.get(1).copied().unwrap_or(0)];
        if little {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    Some(
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}

/// The delimiter every one of the first lines has: `;` first (Dutch files, whose commas are
/// decimal signs), then tab, then `,`.
fn sniff_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(10)
        .collect();
    [b';', b'\t', b',']
        .into_iter()
        .find(|d| lines.iter().all(|l| l.as_bytes().contains(d)))
        .unwrap_or(b',')
}

/// StatLine's web table saved as CSV: a line that is only `Bron: CBS` (the footer), or a
/// first line that is a lone title cell above lines with several cells.
fn is_statline_web_table(text: &str) -> bool {
    fn bare(line: &str) -> &str {
        line.trim()
            .trim_end_matches([';', ',', '\t'])
            .trim()
            .trim_matches('"')
            .trim()
    }
    // `to_lowercase` of the line and then `starts_with("bron: cbs")`, without a copy of every
    // line: no other character lowercases to one of these ASCII letters
    let footer = |s: &str| {
        s.as_bytes()
            .get(..9)
            .is_some_and(|b| b.eq_ignore_ascii_case(b"bron: cbs"))
    };
    text.lines().any(|l| {
        let s = bare(l);
        footer(s) && !s.contains(['"', ';', '\t'])
    })
}

#[cfg(test)]
mod tests {
    use super::Lines;

    /// Line numbers for 200,000 records (with empty lines and CRLF between some) look at each
    /// byte of the text about once: the work grows with the file, not with its square.
    #[test]
    fn line_numbers_are_counted_once() {
        let mut text = String::new();
        let mut starts = Vec::new();
        let mut line = 1;
        for k in 0..200_000 {
            if k % 1000 == 0 {
                text.push('\n');
                line += 1;
            }
            starts.push((text.len(), line));
            text.push_str(&format!("01-01-2024;{k}"));
            text.push_str(if k % 3 == 0 { "\r\n" } else { "\n" });
            line += 1;
        }
        let mut lines = Lines::new(&text);
        for (byte, want) in &starts {
            assert_eq!(lines.at(*byte as u64), *want);
        }
        assert!(
            lines.scanned <= text.len(),
            "{} bytes looked at for a text of {}",
            lines.scanned,
            text.len()
        );
    }
}
