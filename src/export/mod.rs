//! Taking a cycle out of Kompas: the report (built once as a [`crate::report::Report`] and
//! rendered as a self-contained HTML page, print-friendly with charts as inline SVG, as
//! Markdown, or as a Word document), CSV of the indicators, the figures as an Excel workbook,
//! and the results chain as SVG or PNG. Every format shows small counts as "< N" (see
//! [`crate::privacy::suppress`]; the chain shows no values) and is written in the interface
//! language.

/// `write!` into a `String`: appends the formatted text. Writing into a `String` cannot fail
/// (a `Display` that returns an error is a bug, for which `format!` panics), so there is no
/// result to check or to throw away.
macro_rules! put {
    ($out:expr, $($arg:tt)*) => {
        $out.push_str(&format!($($arg)*))
    };
}

/// `writeln!` into a `String`, like [`put!`] with a line end.
macro_rules! putln {
    ($out:expr, $($arg:tt)*) => {{
        $out.push_str(&format!($($arg)*));
        $out.push('\n');
    }};
}

mod chain;
mod csv;
mod docx;
mod html;
mod markdown;
mod support_svg;
pub(crate) mod svg;
mod xlsx;

pub use chain::{chain_png, chain_svg, chain_svg_inline, colour as chain_colour};
pub use csv::{cycle_csv, support_csv};
pub use support_svg::support as support_svg;
pub use xlsx::cycle_xlsx;

use crate::i18n::Lang;
use crate::model::Project;
use crate::report::{Report, SectionKind};

/// The report of a cycle with these sections, as of today.
pub fn report(project: &Project, cycle: usize, lang: Lang, sections: &[SectionKind]) -> Report {
    let today = chrono::Local::now().date_naive();
    crate::report::build(project, cycle, lang, sections, today)
}

/// The HTML report of a cycle with the sections the user chose for this project.
pub fn cycle_html(project: &Project, cycle: usize, lang: Lang) -> String {
    let sections = crate::report::chosen_sections(&project.settings);
    html::render(&report(project, cycle, lang, &sections))
}

/// The Markdown report of a cycle with the sections the user chose for this project.
pub fn cycle_markdown(project: &Project, cycle: usize, lang: Lang) -> String {
    let sections = crate::report::chosen_sections(&project.settings);
    markdown::render(&report(project, cycle, lang, &sections))
}

/// A report as HTML (self-contained, printable).
pub fn render_html(report: &Report) -> String {
    html::render(report)
}

/// A report as Markdown.
pub fn render_markdown(report: &Report) -> String {
    markdown::render(report)
}

/// A report as the bytes of a Word document (`.docx`).
pub fn render_docx(report: &Report) -> Result<Vec<u8>, String> {
    docx::render(report)
}

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Html,
    Markdown,
    Csv,
    /// The results chain as a picture (SVG).
    Svg,
    /// The results chain as a picture (PNG).
    Png,
    /// The figures as an Excel workbook.
    Xlsx,
    /// The report as a Word document.
    Docx,
    /// The region's lessons and interventions, tagged, for other regions
    /// ([`crate::storage::SharedFile`]; the whole project, not one cycle).
    Lessons,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Self::Html => "html",
            Self::Markdown => "md",
            Self::Csv => "csv",
            Self::Svg => "svg",
            Self::Png => "png",
            Self::Xlsx => "xlsx",
            Self::Docx => "docx",
            Self::Lessons => crate::storage::SHARED_EXTENSION,
        }
    }

    /// What an existing file must be for this export to replace it.
    pub fn kind(self) -> crate::storage::guard::ExportKind {
        use crate::storage::guard::ExportKind;
        match self {
            Self::Html => ExportKind::Html,
            Self::Markdown => ExportKind::Markdown,
            Self::Csv => ExportKind::Csv,
            Self::Svg => ExportKind::Svg,
            Self::Png => ExportKind::Png,
            Self::Xlsx => ExportKind::Xlsx,
            Self::Docx => ExportKind::Docx,
            Self::Lessons => ExportKind::Shared,
        }
    }

    /// Reads `html`, `md`/`markdown`, `csv`, `svg`, `png`, `xlsx`, `docx`, `lessons`.
    pub fn parse(s: &str) -> Option<Self> {
        match s.to_lowercase().as_str() {
            "html" | "htm" => Some(Self::Html),
            "md" | "markdown" => Some(Self::Markdown),
            "csv" => Some(Self::Csv),
            "svg" => Some(Self::Svg),
            "png" => Some(Self::Png),
            "xlsx" => Some(Self::Xlsx),
            "docx" => Some(Self::Docx),
            "lessons" | "lessen" => Some(Self::Lessons),
            _ => None,
        }
    }
}

/// The file of a cycle in a format: text, or the bytes of a PNG, a workbook or a Word
/// document; a report with the sections the user chose for this project.
pub fn export(
    project: &Project,
    cycle: usize,
    format: Format,
    lang: Lang,
) -> Result<Vec<u8>, String> {
    let sections = crate::report::chosen_sections(&project.settings);
    export_sections(project, cycle, format, lang, &sections)
}

/// The file of a cycle in a format, a report with these `sections`.
pub fn export_sections(
    project: &Project,
    cycle: usize,
    format: Format,
    lang: Lang,
    sections: &[SectionKind],
) -> Result<Vec<u8>, String> {
    let report = || report(project, cycle, lang, sections);
    match format {
        Format::Html => Ok(html::render(&report()).into_bytes()),
        Format::Markdown => Ok(markdown::render(&report()).into_bytes()),
        // the support analysis alone is its own table; any other choice, the indicators
        Format::Csv if sections == [SectionKind::Support] => support_csv(project, cycle, lang)
            .map(String::into_bytes)
            .map_err(|e| e.to_string()),
        Format::Csv => cycle_csv(project, cycle, lang)
            .map(String::into_bytes)
            .map_err(|e| e.to_string()),
        Format::Svg => Ok(chain_svg(project, cycle, lang).into_bytes()),
        Format::Png => chain_png(project, cycle, lang),
        Format::Xlsx => cycle_xlsx(project, cycle, lang),
        Format::Docx => docx::render(&report()),
        Format::Lessons => {
            let today = chrono::Local::now().date_naive();
            let text = crate::storage::SharedFile::of(project, today).to_text();
            if text.is_empty() {
                return Err("the lessons could not be written as text".into());
            }
            Ok(printable(text).into_bytes())
        }
    }
}

/// An indicator's status as an export writes it: the word, and what it rests on when that is
/// worth saying (an earlier cycle's measurement, one more than a year old), as on screen.
pub fn status_words(
    a: &crate::model::Assessment,
    series: &[crate::model::SeriesPoint],
    today: chrono::NaiveDate,
    lang: Lang,
) -> String {
    use crate::i18n::Label;
    match crate::i18n::basis_text_in(lang, a, series, today) {
        Some(basis) => format!("{} ({basis})", a.status.label_in(lang)),
        None => a.status.label_in(lang).to_owned(),
    }
}

/// `text` without NUL and other control characters (line ends and tabs stay): a text field can
/// hold them (pasted, or in a file written by another program), and no export carries them —
/// every format's own text has none, so this is done once on the whole output of each format.
pub fn printable(mut text: String) -> String {
    if text.chars().any(is_unprintable) {
        text.retain(|c| !is_unprintable(c));
    }
    text
}

fn is_unprintable(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\t')
}

/// A value as shown outside the window: small counts of people become "< N".
pub fn shown_value(project: &Project, value: f64, counts_people: bool, lang: Lang) -> String {
    let below = project.settings.small_numbers_below;
    if crate::privacy::suppress(value, counts_people, below) {
        format!("< {below}")
    } else {
        lang.fmt_number(value)
    }
}

/// The rows (date, value, source) of an indicator's series, values as shown outside the window.
pub fn measurement_rows(
    project: &Project,
    ind: &crate::model::Indicator,
    series: &[crate::model::SeriesPoint],
    lang: Lang,
) -> Vec<Vec<String>> {
    let counts = ind.is_count_of_people();
    series
        .iter()
        .map(|m| {
            vec![
                m.date.map(|v| lang.fmt_date(v)).unwrap_or_default(),
                shown_with_unit(project, m.value, &ind.unit, counts, lang),
                m.source.clone(),
            ]
        })
        .collect()
}

/// A value with its unit, as shown outside the window.
pub fn shown_with_unit(
    project: &Project,
    value: f64,
    unit: &str,
    counts_people: bool,
    lang: Lang,
) -> String {
    let v = shown_value(project, value, counts_people, lang);
    if unit.trim().is_empty() {
        v
    } else {
        format!("{v} {}", unit.trim())
    }
}
