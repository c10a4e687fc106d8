//! Writing a table on a sheet: typed cells, a bold header row that stays in view, an
//! autofilter over the whole table, and columns as wide as what they show.

use crate::i18n::Lang;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

/// One cell of a table.
pub enum Cell {
    Text(String),
    /// A measured value: decimals shown up to two, thousands grouped.
    Number(f64),
    /// A whole amount (euros): thousands grouped, no decimals.
    Whole(f64),
    Date(NaiveDate),
    /// A share (0–1), shown as a percentage with one decimal.
    Percent(f64),
    Empty,
}

impl Cell {
    pub fn date(d: Option<NaiveDate>) -> Self {
        d.map_or(Self::Empty, Self::Date)
    }
}

/// The longest text a cell holds (Excel's limit).
const MAX_TEXT: usize = 32_767;
/// The widest a column gets, in characters; longer text runs on in the cell.
const MAX_WIDTH: usize = 60;

/// The cell formats of a workbook. Number formats are written in Excel's own (English)
/// notation and shown by Excel in its language: `#,##0.0#` is `1.250,5` in a Dutch Excel.
pub struct Formats {
    pub header: Format,
    pub bold: Format,
    whole: Format,
    decimal: Format,
    percent: Format,
    pub date: Format,
    lang: Lang,
}

impl Formats {
    pub fn new(lang: Lang) -> Self {
        let date = match lang {
            Lang::Nl => "dd-mm-yyyy",
            Lang::En => "d mmm yyyy",
        };
        Self {
            header: Format::new()
                .set_bold()
                .set_background_color(0xDDE6F0)
                .set_border_bottom(rust_xlsxwriter::FormatBorder::Thin),
            bold: Format::new().set_bold(),
            whole: Format::new().set_num_format("#,##0"),
            decimal: Format::new().set_num_format("#,##0.0#"),
            percent: Format::new().set_num_format("0.0%"),
            date: Format::new().set_num_format(date),
            lang,
        }
    }

    /// The number format of a value: whole numbers without a decimal sign.
    pub fn number(&self, v: f64) -> &Format {
        if v.fract() == 0.0 {
            &self.whole
        } else {
            &self.decimal
        }
    }
}

/// An Excel date cell's value.
pub fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    // Excel's dates run from 1900 to 9999; a year outside them is a typing error, written as
    // the nearest date Excel can hold rather than failing the whole export
    let d = d.clamp(
        NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default(),
        NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or_default(),
    );
    ExcelDateTime::from_ymd(
        u16::try_from(d.year()).unwrap_or(1900),
        d.month() as u8,
        d.day() as u8,
    )
}

/// Writes one cell with its format, and returns how many characters it shows.
pub fn write_cell(
    ws: &mut Worksheet,
    formats: &Formats,
    row: u32,
    col: u16,
    cell: &Cell,
) -> Result<usize, XlsxError> {
    Ok(match cell {
        Cell::Text(s) => {
            let s = text(s);
            if !s.is_empty() {
                ws.write_string(row, col, &s)?;
            }
            s.lines().map(|l| l.chars().count()).max().unwrap_or(0)
        }
        Cell::Number(v) => {
            ws.write_number_with_format(row, col, *v, formats.number(*v))?;
            formats.lang.fmt_number(*v).chars().count()
        }
        Cell::Whole(v) => {
            ws.write_number_with_format(row, col, *v, &formats.whole)?;
            formats.lang.fmt_number(*v).chars().count()
        }
        Cell::Percent(v) => {
            ws.write_number_with_format(row, col, *v, &formats.percent)?;
            // "42,9 %"
            formats
                .lang
                .fmt_number((v * 1000.0).round() / 10.0)
                .chars()
                .count()
                + 2
        }
        Cell::Date(d) => {
            ws.write_datetime_with_format(row, col, &excel_date(*d)?, &formats.date)?;
            formats.lang.fmt_date(*d).chars().count()
        }
        Cell::Empty => 0,
    })
}

/// Text as a cell holds it: without control characters, cut at Excel's limit.
fn text(s: &str) -> String {
    let s = crate::export::printable(s.to_owned());
    if s.chars().count() > MAX_TEXT {
        s.chars().take(MAX_TEXT).collect()
    } else {
        s
    }
}

/// A table being written on its own sheet.
pub struct Table<'a> {
    ws: &'a mut Worksheet,
    formats: &'a Formats,
    widths: Vec<usize>,
    row: u32,
}

impl<'a> Table<'a> {
    /// A new sheet named `name` for a table.
    pub fn new(
        book: &'a mut Workbook,
        formats: &'a Formats,
        name: &str,
    ) -> Result<Self, XlsxError> {
        let ws = book.add_worksheet();
        ws.set_name(name)?;
        // on paper: A4 landscape, as wide as a page, the header on every page
        ws.set_paper_size(9)
            .set_landscape()
            .set_print_fit_to_pages(1, 0);
        ws.set_repeat_rows(0, 0)?;
        Ok(Self {
            ws,
            formats,
            widths: Vec::new(),
            row: 0,
        })
    }

    pub fn header(&mut self, names: &[&str]) -> Result<(), XlsxError> {
        for (col, name) in names.iter().enumerate() {
            let col = col as u16;
            self.ws
                .write_string_with_format(0, col, *name, &self.formats.header)?;
            // room for the autofilter's button
            self.widen(col, name.chars().count() + 3);
        }
        self.row = 1;
        Ok(())
    }

    pub fn row(&mut self, cells: Vec<Cell>) -> Result<(), XlsxError> {
        for (col, cell) in cells.iter().enumerate() {
            let col = col as u16;
            let width = write_cell(self.ws, self.formats, self.row, col, cell)?;
            self.widen(col, width);
        }
        self.row += 1;
        Ok(())
    }

    fn widen(&mut self, col: u16, width: usize) {
        let col = usize::from(col);
        if self.widths.len() <= col {
            self.widths.resize(col + 1, 0);
        }
        self.widths[col] = self.widths[col].max(width);
    }

    /// The header row frozen, the autofilter over every row, and the column widths.
    pub fn finish(self) -> Result<(), XlsxError> {
        let last_col = self.widths.len().saturating_sub(1) as u16;
        self.ws.set_freeze_panes(1, 0)?;
        self.ws
            .autofilter(0, 0, self.row.saturating_sub(1), last_col)?;
        for (col, w) in self.widths.iter().enumerate() {
            let w = (*w).clamp(6, MAX_WIDTH) + 2;
            self.ws.set_column_width(col as u16, w as f64)?;
        }
        Ok(())
    }
}
