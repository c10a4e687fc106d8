//! The document's styles (Word's own heading, title, caption, list and TOC styles, so the
//! navigation pane, the table of contents and a reader's "apply style" work as in any Word
//! document; a few of ours for the report's quieter paragraphs) and the one bullet list.

/// `word/styles.xml`: the language of the whole document (`w:lang` in the defaults), a sans
/// font, and every style the body uses.
pub(super) fn styles(lang: &str) -> String {
    let mut s = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    );
    put!(
        s,
        r#"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="{lang}" w:eastAsia="{lang}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#
    );
    s.push_str(
        r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="1A1A1A"/></w:rPr></w:style>"#,
    );
    s.push_str(
        r#"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>"#,
    );
    s.push_str(
        r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#,
    );
    s.push_str(
        r#"<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:after="60"/></w:pPr><w:rPr><w:b/><w:sz w:val="48"/><w:szCs w:val="48"/></w:rPr></w:style>"#,
    );
    // Word's built-in headings: names "heading N", outline levels 0..2
    for (n, size, space, border) in [(1, 32, 360, true), (2, 26, 240, false), (3, 22, 200, false)] {
        let border = if border {
            r#"<w:pBdr><w:bottom w:val="single" w:sz="18" w:space="2" w:color="195FAF"/></w:pBdr>"#
        } else {
            ""
        };
        put!(
            s,
            r#"<w:style w:type="paragraph" w:styleId="Heading{n}"><w:name w:val="heading {n}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>{border}<w:spacing w:before="{space}" w:after="80"/><w:outlineLvl w:val="{}"/></w:pPr><w:rPr><w:b/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr></w:style>"#,
            n - 1
        );
    }
    for (id, name, colour, size, italic) in [
        ("Meta", "Kompas Meta", "555555", 21, false),
        ("Warning", "Kompas Warning", "8A4B00", 21, false),
        ("Legend", "Kompas Legend", "444444", 19, false),
        ("Forecast", "Kompas Forecast", "444444", 19, true),
        ("Caption", "caption", "444444", 19, false),
    ] {
        let i = if italic { "<w:i/>" } else { "" };
        put!(
            s,
            r#"<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:qFormat/><w:rPr>{i}<w:color w:val="{colour}"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr></w:style>"#
        );
    }
    s.push_str(
        r#"<w:style w:type="paragraph" w:styleId="SampleMark"><w:name w:val="Kompas Sample Mark"/><w:basedOn w:val="Normal"/><w:pPr><w:pBdr><w:top w:val="single" w:sz="12" w:space="1" w:color="C84614"/><w:left w:val="single" w:sz="12" w:space="4" w:color="C84614"/><w:bottom w:val="single" w:sz="12" w:space="1" w:color="C84614"/><w:right w:val="single" w:sz="12" w:space="4" w:color="C84614"/></w:pBdr></w:pPr><w:rPr><w:b/><w:color w:val="C84614"/><w:spacing w:val="10"/></w:rPr></w:style>"#,
    );
    s.push_str(
        r#"<w:style w:type="paragraph" w:styleId="Figure"><w:name w:val="Kompas Figure"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="40"/></w:pPr></w:style>"#,
    );
    s.push_str(
        r#"<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="40"/></w:pPr></w:style>"#,
    );
    s.push_str(
        r#"<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Kompas Table Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr></w:style>"#,
    );
    s.push_str(
        r#"<w:style w:type="paragraph" w:styleId="TableHead"><w:name w:val="Kompas Table Head"/><w:basedOn w:val="TableText"/><w:pPr><w:keepNext/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"#,
    );
    s.push_str(
        r#"<w:style w:type="table" w:styleId="ReportTable"><w:name w:val="Kompas Table"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="CCCCCC"/><w:left w:val="single" w:sz="4" w:space="0" w:color="CCCCCC"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="CCCCCC"/><w:right w:val="single" w:sz="4" w:space="0" w:color="CCCCCC"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="CCCCCC"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="CCCCCC"/></w:tblBorders><w:tblCellMar><w:left w:w="100" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#,
    );
    s.push_str(
        r#"<w:style w:type="paragraph" w:styleId="TOCHeading"><w:name w:val="TOC Heading"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style>"#,
    );
    for (n, indent) in [(1, 0), (2, 220), (3, 440)] {
        put!(
            s,
            r#"<w:style w:type="paragraph" w:styleId="TOC{n}"><w:name w:val="toc {n}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9628"/></w:tabs><w:spacing w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:left="{indent}"/></w:pPr></w:style>"#
        );
    }
    s.push_str("</w:styles>");
    s
}

/// `word/numbering.xml`: one bullet list (numId 1), used by the style `ListBullet`.
pub(super) const NUMBERING: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;
