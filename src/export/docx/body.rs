//! The body of `word/document.xml`: each kind of block as WordprocessingML, every text
//! escaped; the figures drawn as PNG from the report's own SVG and collected for
//! `word/media/`.

use super::super::svg::esc;
use crate::model::Status;
use crate::report::{Align, Block, Figure, Style, Table};

/// The width of the text on the page: A4 (210 mm) less two margins of 20 mm, in twips.
pub(super) const TEXT_TWIPS: u32 = 9638;
/// The same in EMU (36,000 a millimetre): what a figure is as wide as.
const TEXT_EMU: u64 = 170 * 36_000;
/// The highest a figure may be (a tall chain is made smaller), in EMU.
const MAX_FIGURE_EMU: u64 = 225 * 36_000;

/// The body being written, and the pictures it holds.
#[derive(Default)]
pub(super) struct Body {
    pub xml: String,
    /// Each figure's PNG, in order: `word/media/figureN.png`, relationship `rIdFigN`.
    pub media: Vec<Vec<u8>>,
}

/// A text as runs with these run properties: line ends as breaks, tabs as tabs.
pub(super) fn runs(text: &str, rpr: &str) -> String {
    let mut o = String::new();
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            put!(o, "<w:r>{rpr}<w:br/></w:r>");
        }
        for (j, part) in line.split('\t').enumerate() {
            if j > 0 {
                put!(o, "<w:r>{rpr}<w:tab/></w:r>");
            }
            if !part.is_empty() {
                put!(
                    o,
                    r#"<w:r>{rpr}<w:t xml:space="preserve">{}</w:t></w:r>"#,
                    xml_text(part)
                );
            }
        }
    }
    o
}

/// Escaped for XML, without the two characters XML 1.0 cannot hold at all (control
/// characters are out of the report already).
pub(super) fn xml_text(s: &str) -> String {
    if s.contains(['\u{fffe}', '\u{ffff}']) {
        esc(&s.replace(['\u{fffe}', '\u{ffff}'], ""))
    } else {
        esc(s)
    }
}

/// A paragraph of style `style` (with `keep`: kept on the page of the next one).
pub(super) fn paragraph(o: &mut String, style: &str, keep: bool, content: &str) {
    let keep = if keep { "<w:keepNext/>" } else { "" };
    put!(
        o,
        r#"<w:p><w:pPr><w:pStyle w:val="{style}"/>{keep}</w:pPr>{content}</w:p>"#
    );
}

/// A status pill's colour, as in the HTML report.
fn status_fill(s: Status) -> &'static str {
    match s {
        Status::OnTrack => "1E823C",
        Status::Behind | Status::NotReached => "C84614",
        Status::Reached => "195FAF",
        Status::NoData => "777777",
    }
}

impl Body {
    /// Writes `blocks`; `keep` keeps every paragraph with the next (a group: one page where it
    /// fits), but the last of the group.
    pub(super) fn blocks(&mut self, blocks: &[Block], keep: bool) {
        for (k, b) in blocks.iter().enumerate() {
            let keep = keep && k + 1 < blocks.len();
            match b {
                Block::Heading {
                    level,
                    text,
                    status,
                } => {
                    // level 3 and 4 under the section's level 2: Word's Heading2 and Heading3
                    let n = (*level).clamp(3, 4) - 1;
                    let mut content = runs(text, "");
                    if let Some(p) = status {
                        content.push_str(&runs(" ", ""));
                        let rpr = format!(
                            r#"<w:rPr><w:b/><w:color w:val="FFFFFF"/><w:shd w:val="clear" w:color="auto" w:fill="{}"/><w:sz w:val="19"/></w:rPr>"#,
                            status_fill(p.status)
                        );
                        content.push_str(&runs(&format!("\u{a0}{}\u{a0}", p.text), &rpr));
                    }
                    paragraph(&mut self.xml, &format!("Heading{n}"), false, &content);
                }
                Block::Paragraph(style, text) => {
                    let (name, text) = match style {
                        Style::Plain => ("Normal", text.clone()),
                        Style::Meta => ("Meta", text.clone()),
                        Style::Warning => ("Warning", format!("⚠ {text}")),
                        Style::Legend => ("Legend", text.clone()),
                        Style::Forecast => ("Forecast", text.clone()),
                    };
                    paragraph(&mut self.xml, name, keep, &runs(&text, ""));
                }
                Block::Bullets(items) => {
                    for (j, i) in items.iter().enumerate() {
                        let keep = keep || j + 1 < items.len();
                        paragraph(&mut self.xml, "ListBullet", keep, &runs(i, ""));
                    }
                }
                Block::Table(t) => self.table(t),
                Block::Figure(f) => self.figure(f, keep),
                Block::Group(_, inner) => self.blocks(inner, true),
            }
        }
    }

    /// A Word table as wide as the text, its header row repeated on every page; columns as
    /// wide as what they hold, more or less.
    fn table(&mut self, t: &Table) {
        let cols = t.head.len().max(1);
        let cells = |k: usize| {
            std::iter::once(t.head.get(k))
                .chain(t.rows.iter().map(move |r| r.cells.get(k)))
                .flatten()
        };
        let longest = |k: usize| cells(k).map(|s| s.chars().count()).max().unwrap_or(0);
        let longest_word = |k: usize| {
            cells(k)
                .flat_map(|s| s.split_whitespace())
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0)
        };
        // every column as wide as its longest word (within reason), the rest of the width
        // shared by how long its texts are
        let least: Vec<u32> = (0..cols)
            .map(|k| (longest_word(k) as u32 * 105 + 220).clamp(600, 2400))
            .collect();
        let weights: Vec<u32> = (0..cols).map(|k| longest(k).clamp(4, 40) as u32).collect();
        let (sum_least, sum_weights) = (least.iter().sum::<u32>(), weights.iter().sum::<u32>());
        let widths: Vec<u32> = if sum_least >= TEXT_TWIPS {
            least.iter().map(|w| w * TEXT_TWIPS / sum_least).collect()
        } else {
            let spare = TEXT_TWIPS - sum_least;
            least
                .iter()
                .zip(&weights)
                .map(|(l, w)| l + spare * w / sum_weights.max(1))
                .collect()
        };
        let o = &mut self.xml;
        o.push_str(
            r#"<w:tbl><w:tblPr><w:tblStyle w:val="ReportTable"/><w:tblW w:w="5000" w:type="pct"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>"#,
        );
        for w in &widths {
            put!(o, r#"<w:gridCol w:w="{w}"/>"#);
        }
        o.push_str("</w:tblGrid>");
        let cell = |o: &mut String, k: usize, text: &str, head: bool, rpr: &str| {
            let shade = if head {
                r#"<w:shd w:val="clear" w:color="auto" w:fill="EEF3FA"/>"#
            } else {
                ""
            };
            let jc = if t.align.get(k) == Some(&Align::Right) {
                r#"<w:jc w:val="right"/>"#
            } else {
                ""
            };
            let style = if head { "TableHead" } else { "TableText" };
            put!(
                o,
                r#"<w:tc><w:tcPr><w:tcW w:w="{}" w:type="dxa"/>{shade}</w:tcPr><w:p><w:pPr><w:pStyle w:val="{style}"/>{jc}</w:pPr>{}</w:p></w:tc>"#,
                widths.get(k).copied().unwrap_or(0),
                runs(text, rpr)
            );
        };
        o.push_str(r#"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"#);
        for (k, h) in t.head.iter().enumerate() {
            cell(o, k, h, true, "");
        }
        o.push_str("</w:tr>");
        for r in &t.rows {
            o.push_str(r#"<w:tr><w:trPr><w:cantSplit/></w:trPr>"#);
            let rpr = if r.overdue {
                r#"<w:rPr><w:b/><w:color w:val="C82814"/></w:rPr>"#
            } else {
                ""
            };
            for k in 0..cols {
                cell(o, k, r.cells.get(k).map_or("", String::as_str), false, rpr);
            }
            o.push_str("</w:tr>");
        }
        o.push_str("</w:tbl>");
        // a table is followed by a paragraph, or two tables would merge into one
        paragraph(o, "Normal", false, "");
    }

    /// The figure as a PNG drawn from its SVG, as wide as the text, then its caption; what a
    /// format without pictures shows instead when it cannot be drawn.
    fn figure(&mut self, f: &Figure, keep: bool) {
        let alt = f.instead.as_deref().or(f.caption.as_deref()).unwrap_or("");
        let png = super::super::chain::svg_to_png(&standalone(&f.svg));
        let Some((png, (w, h))) = png.ok().and_then(|p| png_size(&p).map(|s| (p, s))) else {
            if let Some(text) = &f.instead {
                paragraph(&mut self.xml, "Normal", keep, &runs(text, ""));
            }
            return;
        };
        self.media.push(png);
        let n = self.media.len();
        let mut cx = TEXT_EMU;
        let mut cy = cx * u64::from(h) / u64::from(w.max(1));
        if cy > MAX_FIGURE_EMU {
            cx = cx * MAX_FIGURE_EMU / cy;
            cy = MAX_FIGURE_EMU;
        }
        let alt = xml_text(alt);
        let drawing = format!(
            r#"<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="{n}" name="Figure {n}" descr="{alt}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="{n}" name="figure{n}.png" descr="{alt}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdFig{n}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"#
        );
        let has_caption = f.caption.is_some();
        paragraph(&mut self.xml, "Figure", keep || has_caption, &drawing);
        if let Some(c) = &f.caption {
            paragraph(&mut self.xml, "Caption", keep, &runs(c, ""));
        }
    }
}

/// The report's SVG as a file of its own: the SVG namespace, which a page's inline SVG does
/// without.
fn standalone(svg: &str) -> String {
    let start = svg.find("<svg").unwrap_or(0);
    let head_end = svg[start..].find('>').map_or(svg.len(), |e| start + e);
    if svg[start..head_end].contains("xmlns=") {
        svg.to_owned()
    } else {
        svg.replacen("<svg", r#"<svg xmlns="http://www.w3.org/2000/svg""#, 1)
    }
}

/// The width and height in pixels of a PNG (its IHDR chunk).
fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    let be = |at: usize| {
        png.get(at..at + 4)
            .and_then(|b| b.try_into().ok())
            .map(u32::from_be_bytes)
    };
    Some((be(16)?, be(20)?)).filter(|(w, h)| *w > 0 && *h > 0)
}
