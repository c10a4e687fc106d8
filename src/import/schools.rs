//! Rows of the support analysis pasted from a spreadsheet (or read from a table): tab- or
//! semicolon-separated, with a header row that names the columns (found by words in it:
//! "school", "brin", "bestuur", "sector", "leerlingen", "ondersteuning", "jeugdhulp",
//! "beide", "wacht"), or without one in the order of the table. A count is a whole number;
//! a cell that is not is a problem of that line, and the line is not taken.

use crate::i18n::typed::COUNT;
use crate::model::{Count, SchoolRow, Sector};

/// The columns a row can have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Col {
    Name,
    Brin,
    Board,
    Sector,
    Count(Count),
}

/// The order of the table, used when there is no header row.
const ORDER: [Col; 9] = [
    Col::Name,
    Col::Brin,
    Col::Board,
    Col::Sector,
    Col::Count(Count::Pupils),
    Col::Count(Count::EducationSupport),
    Col::Count(Count::YouthCare),
    Col::Count(Count::Both),
    Col::Count(Count::Waiting),
];

/// A line that could not be read: its number (from 1) and why, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineProblem {
    pub line: usize,
    pub text: String,
}

/// The rows read (without ids: `SchoolRow::id` is `Id(0)`) and the lines that were not.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PastedRows {
    pub rows: Vec<SchoolRow>,
    pub problems: Vec<LineProblem>,
}

/// The column a header cell names, by a word in it.
fn header_col(cell: &str) -> Option<Col> {
    let c = cell.trim().to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| c.contains(w));
    // the most specific first: "leerlingen met beide" is the grey zone, not the pupils
    if has(&["beide", "grijs", "both", "grey"]) {
        Some(Col::Count(Count::Both))
    } else if has(&["wacht", "waiting"]) {
        Some(Col::Count(Count::Waiting))
    } else if has(&["jeugdhulp", "youth"]) {
        Some(Col::Count(Count::YouthCare))
    } else if has(&["ondersteuning", "arrangement", "support"]) {
        Some(Col::Count(Count::EducationSupport))
    } else if has(&["brin", "vestiging", "code"]) {
        Some(Col::Brin)
    } else if has(&["bestuur", "board"]) {
        Some(Col::Board)
    } else if has(&["sector", "soort", "type"]) {
        Some(Col::Sector)
    } else if has(&["leerling", "pupil", "aantal"]) {
        Some(Col::Count(Count::Pupils))
    } else if has(&["school", "naam", "name", "locatie"]) {
        Some(Col::Name)
    } else {
        None
    }
}

/// A sector as people write it: po, vo, so, vso, so/vso, "primair", "voortgezet", "speciaal".
pub fn read_sector(text: &str) -> Option<Sector> {
    let t = text.trim().to_lowercase();
    match t.as_str() {
        "po" | "bao" | "sbo" | "primary" => Some(Sector::Po),
        "vo" | "secondary" => Some(Sector::Vo),
        "so" | "vso" | "so/vso" | "(v)so" | "special" => Some(Sector::So),
        _ if t.starts_with("primair") || t.starts_with("basis") => Some(Sector::Po),
        _ if t.starts_with("voortgezet") => Some(Sector::Vo),
        _ if t.starts_with("speciaal") => Some(Sector::So),
        _ => None,
    }
}

fn cells(line: &str) -> Vec<&str> {
    if line.contains('\t') {
        line.split('\t').collect()
    } else {
        line.split(';').collect()
    }
}

/// Reads pasted rows. Empty lines are skipped; counts are read in this thread's language.
pub fn read_rows(text: &str) -> PastedRows {
    let mut out = PastedRows::default();
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .peekable();
    let mut cols: Vec<Option<Col>> = ORDER.iter().copied().map(Some).collect();
    if let Some((_, first)) = lines.peek() {
        let named: Vec<Option<Col>> = cells(first).iter().map(|c| header_col(c)).collect();
        // a header: it names columns, and none of its cells is a count
        let is_header = named.iter().any(Option::is_some)
            && cells(first).iter().all(|c| COUNT.read(c).is_none());
        if is_header {
            cols = named;
            lines.next();
        }
    }
    for (k, line) in lines {
        let mut row = SchoolRow::new(crate::model::Id(0));
        let mut bad = Vec::new();
        for (cell, col) in cells(line).iter().zip(&cols) {
            let v = cell.trim();
            match col {
                None => {}
                Some(Col::Name) => row.name = v.to_owned(),
                Some(Col::Brin) => row.brin = v.to_owned(),
                Some(Col::Board) => row.board = v.to_owned(),
                Some(Col::Sector) if v.is_empty() => {}
                Some(Col::Sector) => match read_sector(v) {
                    Some(s) => row.sector = Some(s),
                    None => bad.push(crate::i18n::tf!("support.paste_bad_sector", cell = v)),
                },
                Some(Col::Count(_)) if v.is_empty() => {}
                Some(Col::Count(c)) => match COUNT.read(v) {
                    Some(n) => *row.count_mut(*c) = Some(n),
                    None => bad.push(crate::i18n::tf!(
                        "support.paste_bad_count",
                        cell = v,
                        column = crate::i18n::Label::label(*c)
                    )),
                },
            }
        }
        if row.name.trim().is_empty() && row.brin.trim().is_empty() && bad.is_empty() {
            bad.push(crate::i18n::t!("support.paste_no_name").to_owned());
        }
        if bad.is_empty() {
            out.rows.push(row);
        } else {
            out.problems.push(LineProblem {
                line: k + 1,
                text: bad.join("; "),
            });
        }
    }
    out
}
