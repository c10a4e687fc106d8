//! Rows of the support analysis pasted from a spreadsheet or read from a file (CSV or
//! xlsx, as the measurements' import reads them): tab- or semicolon-separated, with a header
//! row that names the columns (found by words in it: "school", "brin", "bestuur", "sector",
//! "leerlingen", "ondersteuning"/"arrangement", "jeugdhulp", "beide", "wacht",
//! "organisatie"), or without one in the order of the table. A count is a whole number; a
//! cell that is not is a problem of that line, and the line is not taken. A school's BRIN
//! code or name is its key: the rows are merged into the analysis by
//! [`crate::model::SupportAnalysis::merge_rows`].

use super::CsvTable;
use crate::i18n::typed::COUNT;
use crate::i18n::{Key, Label, Lang, key};
use crate::model::{Count, SchoolRow, Sector};

/// What a column of a pasted block or a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Col {
    Name,
    Brin,
    Board,
    Sector,
    Count(Count),
    /// How support is organised at the school (a note).
    Organisation,
}

impl Col {
    /// Every kind of column, in the order of the table.
    pub const ALL: [Col; 10] = [
        Col::Name,
        Col::Brin,
        Col::Board,
        Col::Sector,
        Col::Count(Count::Pupils),
        Col::Count(Count::EducationSupport),
        Col::Count(Count::YouthCare),
        Col::Count(Count::Both),
        Col::Count(Count::Waiting),
        Col::Organisation,
    ];

    fn key(self) -> Key {
        match self {
            Col::Name => key!("support.school"),
            Col::Brin => key!("support.brin"),
            Col::Board => key!("support.board"),
            Col::Sector => key!("support.sector"),
            Col::Count(Count::Pupils) => key!("support.pupils"),
            Col::Count(Count::EducationSupport) => key!("support.education_support"),
            Col::Count(Count::YouthCare) => key!("support.youth_care"),
            Col::Count(Count::Both) => key!("support.both"),
            Col::Count(Count::Waiting) => key!("support.waiting"),
            Col::Organisation => key!("support.organisation"),
        }
    }

    /// The column's name in `lang`, as the table's heading says it.
    pub fn label_in(self, lang: Lang) -> &'static str {
        crate::i18n::t!(lang, self.key())
    }
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
    /// The line (or spreadsheet row) each of `rows` was read from.
    pub lines: Vec<usize>,
    pub problems: Vec<LineProblem>,
}

impl PastedRows {
    fn push(&mut self, line: usize, row: SchoolRow) {
        self.rows.push(row);
        self.lines.push(line);
    }
}

/// The column a header cell names, by a word in it.
fn header_col(cell: &str) -> Option<Col> {
    let c = cell.trim().to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| c.contains(w));
    let care = has(&["jeugdhulp", "jeugdzorg", "youth"]);
    let support = has(&["ondersteuning", "arrangement", "support"]);
    // the most specific first: a note on how support is organised is no count; "leerlingen
    // met beide" (or with youth care and an arrangement) is the grey zone, not the pupils
    if has(&[
        "organisatie",
        "georganiseerd",
        "toelichting",
        "opmerking",
        "note",
    ]) {
        Some(Col::Organisation)
    } else if has(&["wacht", "waiting"]) {
        // "wachtend op ondersteuning of jeugdhulp" waits, whatever for
        Some(Col::Count(Count::Waiting))
    } else if has(&["beide", "grijs", "zowel", "both", "grey"]) || (care && support) {
        Some(Col::Count(Count::Both))
    } else if care {
        Some(Col::Count(Count::YouthCare))
    } else if support {
        Some(Col::Count(Count::EducationSupport))
    } else if has(&["bestuur", "board"]) {
        Some(Col::Board)
    } else if has(&["naam", "name"]) {
        // "vestigingsnaam" is the location's name, not its code
        Some(Col::Name)
    } else if has(&["brin", "vestiging", "code"]) {
        Some(Col::Brin)
    } else if has(&["sector", "soort", "type"]) {
        Some(Col::Sector)
    } else if has(&["leerling", "pupil", "aantal"]) {
        Some(Col::Count(Count::Pupils))
    } else if has(&["school", "locatie"]) {
        Some(Col::Name)
    } else {
        None
    }
}

/// What each column holds: found by its header (each kind once, the first column that
/// names it), or without a header in the order of the table.
pub fn columns(headers: &[String], has_header: bool) -> Vec<Option<Col>> {
    if !has_header {
        return (0..headers.len()).map(|k| ORDER.get(k).copied()).collect();
    }
    let mut out: Vec<Option<Col>> = Vec::new();
    for h in headers {
        let col = header_col(h).filter(|c| !out.contains(&Some(*c)));
        out.push(col);
    }
    out
}

/// Whether columns found by their header make a support analysis: a school's name or code
/// and at least two counts (a file of measurements has a date and a value).
pub fn looks_like_support(cols: &[Option<Col>]) -> bool {
    let has = |c: Col| cols.contains(&Some(c));
    let counts = cols
        .iter()
        .filter(|c| matches!(c, Some(Col::Count(_))))
        .count();
    (has(Col::Name) || has(Col::Brin)) && counts >= 2
}

/// One row's cells read by `cols`: the school, or why the line cannot be taken.
fn read_cells<'a>(
    cells: impl Iterator<Item = &'a str>,
    cols: &[Option<Col>],
) -> Result<SchoolRow, String> {
    let mut row = SchoolRow::new(crate::model::Id(0));
    let mut bad = Vec::new();
    for (cell, col) in cells.zip(cols) {
        let v = cell.trim();
        match col {
            None => {}
            Some(Col::Name) => row.name = v.to_owned(),
            Some(Col::Brin) => row.brin = v.to_owned(),
            Some(Col::Board) => row.board = v.to_owned(),
            Some(Col::Organisation) => row.organisation = v.to_owned(),
            Some(Col::Sector) if v.is_empty() => {}
            Some(Col::Sector) => match read_sector(v) {
                Some(s) => row.sector = Some(s),
                None => bad.push(crate::i18n::tf!("support.paste_bad_sector", cell = v)),
            },
            // an empty cell, or one marked unknown, is not a zero
            Some(Col::Count(_)) if v.is_empty() || matches!(v, "-" | "." | "x" | "?") => {}
            Some(Col::Count(c)) => match COUNT.read(v) {
                Some(n) => *row.count_mut(*c) = Some(n),
                None => bad.push(crate::i18n::tf!(
                    "support.paste_bad_count",
                    cell = v,
                    column = c.label()
                )),
            },
        }
    }
    if row.name.trim().is_empty() && row.brin.trim().is_empty() && bad.is_empty() {
        bad.push(crate::i18n::t!("support.paste_no_name").to_owned());
    }
    // the sum a spreadsheet adds under its schools is no school
    let name = row.name.trim().to_lowercase();
    let total = [
        "totaal",
        "eindtotaal",
        "subtotaal",
        "total",
        "grand total",
        "som",
    ];
    if row.brin.trim().is_empty() && (total.contains(&name.as_str()) || name.starts_with("totaal "))
    {
        return Err(crate::i18n::t!("support.import_total_row").to_owned());
    }
    if bad.is_empty() {
        Ok(row)
    } else {
        Err(bad.join("; "))
    }
}

/// The rows of a table from a file (CSV or a spreadsheet) read by `cols`, each problem with
/// the line (or spreadsheet row) it is on. Counts are read in this thread's language.
pub fn read_table_rows(table: &CsvTable, cols: &[Option<Col>]) -> PastedRows {
    let mut out = PastedRows::default();
    for p in &table.problems {
        out.problems.push(LineProblem {
            line: p.line,
            text: p.text(crate::i18n::lang()),
        });
    }
    for r in &table.rows {
        match read_cells(table.cells(r).iter(), cols) {
            Ok(row) => out.push(r.line, row),
            Err(text) => out.problems.push(LineProblem { line: r.line, text }),
        }
    }
    out.problems.sort_by_key(|p| p.line);
    out
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
        let cells = cells(first);
        // a header: it names columns, and none of its cells is a count
        let named = columns(
            &cells.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>(),
            true,
        );
        let is_header =
            named.iter().any(Option::is_some) && cells.iter().all(|c| COUNT.read(c).is_none());
        if is_header {
            cols = named;
            lines.next();
        }
    }
    for (k, line) in lines {
        match read_cells(cells(line).into_iter(), &cols) {
            Ok(row) => out.push(k + 1, row),
            Err(text) => out.problems.push(LineProblem { line: k + 1, text }),
        }
    }
    out
}
