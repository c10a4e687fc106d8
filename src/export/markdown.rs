//! The report as Markdown, for wikis and e-mail: a renderer of [`crate::report::Report`], the
//! same sections and facts as the HTML report; a chart is left out (the table beside it says
//! the same) unless the report gives words for it instead.

use crate::report::{Align, Block, Report, Style};

/// A table cell: one line, pipes escaped.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// One line: a list item or a heading cannot hold a line end.
fn line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}

/// The report as Markdown.
pub fn render(r: &Report) -> String {
    let mut o = String::new();
    // the title first: an earlier export is known by it (`storage::guard`)
    putln!(o, "# {}\n", line(&r.title));
    if let Some(mark) = &r.sample_mark {
        putln!(o, "**{}**\n", line(mark));
    }
    for m in &r.meta {
        putln!(o, "{m}\n");
    }
    putln!(o, "_{}_\n", line(&r.note));
    for s in &r.sections {
        putln!(o, "## {}\n", line(&s.title));
        blocks(&mut o, &s.blocks);
    }
    o
}

fn blocks(o: &mut String, blocks: &[Block]) {
    for b in blocks {
        match b {
            Block::Heading {
                level,
                text,
                status,
            } => {
                let hashes = "#".repeat(usize::from((*level).clamp(3, 6)));
                match status {
                    Some(p) => putln!(o, "{hashes} {} — {}\n", line(text), p.text),
                    None => putln!(o, "{hashes} {}\n", line(text)),
                }
            }
            Block::Paragraph(style, text) => match style {
                Style::Warning => putln!(o, "⚠ {text}\n"),
                Style::Legend => putln!(o, "_{}_\n", line(text)),
                Style::Plain | Style::Meta | Style::Forecast => putln!(o, "{text}\n"),
            },
            Block::Bullets(items) => {
                for i in items {
                    putln!(o, "- {}", line(i));
                }
                o.push('\n');
            }
            Block::Table(t) => {
                let row = |cells: &[String]| {
                    cells
                        .iter()
                        .map(|c| cell(c))
                        .collect::<Vec<_>>()
                        .join(" | ")
                };
                putln!(o, "| {} |", row(&t.head));
                let rule: String = t
                    .align
                    .iter()
                    .map(|a| match a {
                        Align::Left => " --- |",
                        Align::Right => " ---: |",
                    })
                    .collect();
                putln!(o, "|{rule}");
                for r in &t.rows {
                    putln!(o, "| {} |", row(&r.cells));
                }
                o.push('\n');
            }
            Block::Figure(f) => {
                if let Some(text) = &f.instead {
                    putln!(o, "{text}\n");
                }
            }
            Block::Group(_, inner) => self::blocks(o, inner),
        }
    }
}
