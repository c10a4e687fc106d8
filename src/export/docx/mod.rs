//! The report as a Word document (`.docx`, Office Open XML), written part by part into a zip
//! archive: Word's own heading styles (so the navigation pane works) and a table of contents
//! field at the start, tables as Word tables whose header row repeats on every page, the
//! charts as PNG pictures drawn from the report's own SVG (as wide as the text), a page break
//! where a section asks for one, A4, and the interface language as the document's language.
//!
//! A renderer of [`crate::report::Report`], like the HTML and Markdown ones: what is in the
//! report, and every value in it, is decided there. Here: the package (its parts and their
//! relationships) and the head of the document; `body.rs`: each kind of block; `styles.rs`:
//! the styles and the bullet list.

mod body;
mod styles;

use crate::i18n::{Lang, t};
use crate::report::{Block, Report};
use body::{Body, paragraph, runs, xml_text};
use std::io::Write;

/// The language tag of the document.
fn lang_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "nl-NL",
        Lang::En => "en-GB",
    }
}

/// The report as the bytes of a `.docx` file.
pub fn render(r: &Report) -> Result<Vec<u8>, String> {
    let tag = lang_tag(r.lang);
    let mut body = Body::default();
    head(&mut body.xml, r);
    for (k, s) in r.sections.iter().enumerate() {
        // the first section too: the title page holds the table of contents
        let brk = if s.new_page || k == 0 {
            "<w:pageBreakBefore/>"
        } else {
            ""
        };
        put!(
            body.xml,
            r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/>{brk}</w:pPr>{}</w:p>"#,
            runs(&s.title, "")
        );
        body.blocks(&s.blocks, false);
    }
    let mut document = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>"#,
    );
    document.push_str(&body.xml);
    // A4 portrait, margins of 20 mm
    document.push_str(
        r#"<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>"#,
    );

    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // "made by Unix" on every platform (the zip crate writes the system it runs on), so a
    // document exported on Windows is byte for byte the one exported on Linux
    let options = zip::write::SimpleFileOptions::default().system(zip::System::Unix);
    let deflated = options.compression_method(zip::CompressionMethod::Deflated);
    // PNG is compressed already
    let stored = options.compression_method(zip::CompressionMethod::Stored);
    let mut part = |name: &str, bytes: &[u8], png: bool| -> Result<(), String> {
        zip.start_file(name, if png { stored } else { deflated })
            .map_err(|e| e.to_string())?;
        zip.write_all(bytes).map_err(|e| e.to_string())
    };
    // the content types first: how an earlier export is recognised (`storage::guard`)
    part("[Content_Types].xml", CONTENT_TYPES.as_bytes(), false)?;
    part("_rels/.rels", RELS.as_bytes(), false)?;
    part("docProps/core.xml", core(r, tag).as_bytes(), false)?;
    part("word/document.xml", document.as_bytes(), false)?;
    part("word/styles.xml", styles::styles(tag).as_bytes(), false)?;
    part("word/numbering.xml", styles::NUMBERING.as_bytes(), false)?;
    part("word/settings.xml", settings(tag).as_bytes(), false)?;
    part(
        "word/_rels/document.xml.rels",
        document_rels(body.media.len()).as_bytes(),
        false,
    )?;
    for (k, png) in body.media.iter().enumerate() {
        part(&format!("word/media/figure{}.png", k + 1), png, true)?;
    }
    zip.finish()
        .map(std::io::Cursor::into_inner)
        .map_err(|e| e.to_string())
}

/// The sample mark, the title, the meta lines, the note, and the table of contents: a TOC
/// field over heading levels 1 and 2, holding the headings as they are (Word fills in the
/// page numbers when it updates the field, which it offers on opening).
fn head(o: &mut String, r: &Report) {
    if let Some(mark) = &r.sample_mark {
        paragraph(o, "SampleMark", true, &runs(mark, ""));
    }
    paragraph(o, "Title", true, &runs(&r.title, ""));
    for m in &r.meta {
        paragraph(o, "Meta", true, &runs(m, ""));
    }
    paragraph(o, "Meta", false, &runs(&r.note, "<w:rPr><w:i/></w:rPr>"));
    if r.sections.is_empty() {
        return;
    }
    paragraph(
        o,
        "TOCHeading",
        true,
        &runs(t!(r.lang, "report.contents"), ""),
    );
    let mut entries: Vec<(u8, &str)> = Vec::new();
    for s in &r.sections {
        entries.push((1, &s.title));
        toc_entries(&s.blocks, &mut entries);
    }
    let last = entries.len() - 1;
    for (k, (level, text)) in entries.into_iter().enumerate() {
        let mut content = String::new();
        if k == 0 {
            content.push_str(r#"<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-2" \h \z \u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#);
        }
        content.push_str(&runs(text, ""));
        if k == last {
            content.push_str(r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#);
        }
        paragraph(o, &format!("TOC{level}"), false, &content);
    }
}

/// The headings of level 3 (Word's Heading2) in `blocks`, for the table of contents.
fn toc_entries<'a>(blocks: &'a [Block], out: &mut Vec<(u8, &'a str)>) {
    for b in blocks {
        match b {
            Block::Heading { level: 3, text, .. } => out.push((2, text)),
            Block::Group(_, inner) => toc_entries(inner, out),
            _ => {}
        }
    }
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

/// The relationships of the document: its styles, list, settings and each figure.
fn document_rels(figures: usize) -> String {
    let mut s = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>"#,
    );
    for n in 1..=figures {
        put!(
            s,
            r#"<Relationship Id="rIdFig{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/figure{n}.png"/>"#
        );
    }
    s.push_str("</Relationships>");
    s
}

/// The settings: fields (the table of contents) updated on opening, the language.
fn settings(tag: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:updateFields w:val="true"/><w:defaultTabStop w:val="708"/><w:characterSpacingControl w:val="doNotCompress"/><w:themeFontLang w:val="{tag}"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#
    )
}

/// The document's properties: its title and language.
fn core(r: &Report, tag: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>Kompas</dc:creator><dc:language>{tag}</dc:language></cp:coreProperties>"#,
        xml_text(&r.page_title)
    )
}
