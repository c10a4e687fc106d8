//! The report of a cycle as one document, built once: sections of headings, paragraphs,
//! lists, tables and figures (charts as SVG). HTML, Markdown (and any later format) render it
//! and decide nothing about what is in it.
//!
//! Everything that keeps the report safe is done here, where the document is built: values of
//! an indicator or figure that counts people below the project's threshold are "< N"
//! (through [`crate::export::shown_value`]), charts leave them out and draw no forecast that
//! rests on them, names of persons are never taken in (no meeting notes, no round notes of an
//! intervision session: that is where who-said-what is written), and control characters are
//! taken out of every text once ([`Report::printable`]).
//!
//! Here: the document's types and the order of the sections; `sections.rs`: the sections and
//! the user's choice; `plan.rs`: region and steps 1 to 4 with the chain; `review.rs`: step 5,
//! the dashboard and the scan; `together.rs`: meetings, agenda, intervision, actions;
//! `blocks.rs`: the small writer the builders use.

mod blocks;
mod minutes;
mod plan;
mod review;
mod sections;
mod session;
mod support;
mod together;

pub use minutes::{minutes, page_name};
pub use sections::{SectionKind, chosen_sections, set_chosen_sections};
pub use session::{Paper, minutes_text, paper_findings, role_in, session_paper, texts};
pub use support::csv_rows as support_csv_rows;

use crate::i18n::{Label, Lang, t, tf};
use crate::model::{Project, SeriesIndex, Status};
use blocks::Blocks;
use chrono::NaiveDate;

/// The whole report of one cycle.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub lang: Lang,
    /// The document's title: the region.
    pub title: String,
    /// The name of the file's window or tab: region and cycle.
    pub page_title: String,
    /// Lines under the title: the cycle, its period and status.
    pub meta: Vec<String>,
    /// When it was exported and how small counts are shown.
    pub note: String,
    /// "VOORBEELDDATA": the project is one of the samples.
    pub sample_mark: Option<String>,
    pub sections: Vec<Section>,
}

/// One chosen part of the report, with its heading (level 2).
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub kind: SectionKind,
    pub title: String,
    /// Starts on a new page when printed (every section but the first).
    pub new_page: bool,
    pub blocks: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading below the section's (level 3 or 4), with an indicator's status pill.
    Heading {
        level: u8,
        text: String,
        status: Option<Pill>,
    },
    Paragraph(Style, String),
    /// A list; never empty, no empty items.
    Bullets(Vec<String>),
    /// Never without rows.
    Table(Table),
    Figure(Figure),
    /// Blocks that belong together (kept on one page where they fit).
    Group(Group, Vec<Block>),
}

/// An indicator's status beside its name: the status (for its colour) and its word.
#[derive(Clone, Debug, PartialEq)]
pub struct Pill {
    pub status: Status,
    pub text: String,
}

/// How a paragraph reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Plain,
    /// Facts about what precedes (dates, who endorsed), quieter.
    Meta,
    /// A warning: what a status rests on.
    Warning,
    /// What a figure shows.
    Legend,
    /// The forecast under an indicator's chart, in words.
    Forecast,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Indicator,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub head: Vec<String>,
    pub align: Vec<Align>,
    pub rows: Vec<Row>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    /// Numbers.
    Right,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub cells: Vec<String>,
    /// An overdue action: shown as such.
    pub overdue: bool,
}

/// A chart: SVG drawn from the data (suppressed values left out), with its legend, and what a
/// format without pictures shows instead (nothing, when a table beside it says it all).
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub svg: String,
    pub caption: Option<String>,
    pub instead: Option<String>,
}

/// The report of cycle `cycle`, with the `sections` chosen (in their fixed order), as of
/// `today`.
pub fn build(
    p: &Project,
    cycle: usize,
    lang: Lang,
    sections: &[SectionKind],
    today: NaiveDate,
) -> Report {
    let Some(c) = p.cycles.get(cycle) else {
        return Report {
            lang,
            title: p.region.name.clone(),
            page_title: p.region.name.clone(),
            meta: Vec::new(),
            note: String::new(),
            sample_mark: None,
            sections: Vec::new(),
        }
        .printable();
    };
    let index = SeriesIndex::new(p);
    let ctx = Ctx {
        p,
        cycle,
        c,
        lang,
        today,
        index: &index,
    };
    let mut out = Vec::new();
    for kind in SectionKind::ALL {
        if !sections.contains(&kind) {
            continue;
        }
        let mut b = Blocks::default();
        let title = ctx.section(kind, &mut b);
        out.push(Section {
            kind,
            title,
            new_page: !out.is_empty(),
            blocks: b.0,
        });
    }
    Report {
        lang,
        title: p.region.name.clone(),
        page_title: format!("{} — {}", p.region.name, c.name),
        meta: vec![format!(
            "{} · {} – {} · {}",
            c.name,
            lang.fmt_date(c.start),
            lang.fmt_date(c.end),
            c.status.label_in(lang)
        )],
        note: tf!(
            lang,
            "report.note",
            date = &lang.fmt_date(today),
            n = &p.settings.small_numbers_below.to_string()
        ),
        sample_mark: crate::samples::is_sample(p).then(|| t!(lang, "report.sample").to_owned()),
        sections: out,
    }
    .printable()
}

/// What every part of the builder needs.
pub(crate) struct Ctx<'a> {
    pub p: &'a Project,
    pub cycle: usize,
    pub c: &'a crate::model::Cycle,
    pub lang: Lang,
    pub today: NaiveDate,
    pub index: &'a SeriesIndex<'a>,
}

impl Ctx<'_> {
    /// Writes the section `kind` into `b` and gives its title.
    fn section(&self, kind: SectionKind, b: &mut Blocks) -> String {
        use crate::model::Step;
        let step = |s: Step, n: u8| format!("{n}. {}", s.label_in(self.lang));
        match kind {
            SectionKind::Region => {
                plan::region(self, b);
                t!(self.lang, "view.region").to_owned()
            }
            SectionKind::Dashboard => {
                review::dashboard(self, b);
                t!(self.lang, "dashboard.title").to_owned()
            }
            SectionKind::Analysis => {
                plan::analysis(self, b);
                step(Step::Analysis, 1)
            }
            SectionKind::Support => {
                support::section(self, b);
                t!(self.lang, "section.support").to_owned()
            }
            SectionKind::Ambitions => {
                plan::ambitions(self, b);
                step(Step::Ambitions, 2)
            }
            SectionKind::Outcomes => {
                plan::outcomes(self, b);
                step(Step::Outcomes, 3)
            }
            SectionKind::Interventions => {
                plan::interventions(self, b);
                step(Step::Interventions, 4)
            }
            SectionKind::Chain => {
                plan::chain(self, b);
                t!(self.lang, "view.chain").to_owned()
            }
            SectionKind::Evaluation => {
                review::evaluation(self, b);
                step(Step::Evaluation, 5)
            }
            SectionKind::Scan => {
                review::scan(self, b);
                t!(self.lang, "report.scan_title").to_owned()
            }
            SectionKind::Meetings => {
                together::meetings(self, b);
                t!(self.lang, "meetings.list").to_owned()
            }
            SectionKind::Agenda => {
                together::agenda(self, b);
                t!(self.lang, "agenda.title").to_owned()
            }
            SectionKind::Intervision => {
                together::intervision(self, b);
                t!(self.lang, "intervision.title").to_owned()
            }
            SectionKind::Actions => {
                together::open_actions(self, b);
                t!(self.lang, "actions.open_title").to_owned()
            }
        }
    }
}

impl Report {
    /// Every text without NUL and other control characters (see [`crate::export::printable`]):
    /// done once, on the whole document, so no renderer has to.
    fn printable(mut self) -> Self {
        let clean = |s: &mut String| *s = crate::export::printable(std::mem::take(s));
        clean(&mut self.title);
        clean(&mut self.page_title);
        clean(&mut self.note);
        self.meta.iter_mut().for_each(clean);
        self.sample_mark.iter_mut().for_each(clean);
        for s in &mut self.sections {
            clean(&mut s.title);
            clean_blocks(&mut s.blocks, &clean);
        }
        self
    }
}

fn clean_blocks(blocks: &mut [Block], clean: &impl Fn(&mut String)) {
    for b in blocks {
        match b {
            Block::Heading { text, status, .. } => {
                clean(text);
                status.iter_mut().for_each(|p| clean(&mut p.text));
            }
            Block::Paragraph(_, text) => clean(text),
            Block::Bullets(items) => items.iter_mut().for_each(clean),
            Block::Table(t) => {
                t.head.iter_mut().for_each(clean);
                t.rows
                    .iter_mut()
                    .flat_map(|r| r.cells.iter_mut())
                    .for_each(clean);
            }
            Block::Figure(f) => {
                clean(&mut f.svg);
                f.caption.iter_mut().for_each(clean);
                f.instead.iter_mut().for_each(clean);
            }
            Block::Group(_, inner) => clean_blocks(inner, clean),
        }
    }
}
