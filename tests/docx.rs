//! The report as a Word document, opened as the zip archive it is: its parts (document,
//! styles, numbering, settings, one picture per figure), Word's heading styles and a table of
//! contents field, tables whose header row repeats, the interface language; the same facts as
//! the HTML report (every decision, action, tip and lesson, every indicator's latest value or
//! "< N"), no text of a section not chosen, small counts suppressed in every paragraph and
//! picture text; the command line writes it for both samples and refuses what it refuses for
//! every format. And, where LibreOffice is installed, the document converted to PDF.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use kompas::export::{self, Format};
use kompas::i18n::{Lang, set_lang};
use kompas::model::Project;
use kompas::report::{Block, SectionKind};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

fn sample(k: usize) -> Project {
    kompas::samples::SAMPLES[k].project().unwrap()
}

/// Every part of a `.docx` by name.
fn parts(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = BTreeMap::new();
    for k in 0..zip.len() {
        let mut f = zip.by_index(k).unwrap();
        let mut b = Vec::new();
        f.read_to_end(&mut b).unwrap();
        let name = f.name().unwrap().into_owned();
        out.insert(name, b);
    }
    out
}

fn part(parts: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(parts[name].clone()).unwrap_or_else(|_| panic!("{name} is not UTF-8"))
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The text of `word/document.xml` as a reader sees it: each paragraph on a line, breaks and
/// tabs as they were typed.
fn text(document: &str) -> String {
    let mut out = String::new();
    let mut rest = document;
    while let Some(i) = rest.find('<') {
        let end = rest[i..].find('>').unwrap() + i;
        let tag = &rest[i + 1..end];
        rest = &rest[end + 1..];
        if tag == "w:br/" {
            out.push('\n');
        } else if tag == "w:tab/" {
            out.push('\t');
        } else if tag == "/w:p" {
            out.push('\n');
        } else if tag.starts_with("w:t ") || tag == "w:t" {
            let close = rest.find("</w:t>").unwrap();
            out.push_str(&unescape(&rest[..close]));
            rest = &rest[close..];
        }
    }
    out
}

/// Every value of attribute `name` in `xml`.
fn attributes(xml: &str, name: &str) -> Vec<String> {
    let key = format!(" {name}=\"");
    xml.match_indices(&key)
        .map(|(i, _)| {
            let v = &xml[i + key.len()..];
            unescape(&v[..v.find('"').unwrap()])
        })
        .collect()
}

fn docx(p: &Project, cycle: usize, lang: Lang, sections: &[SectionKind]) -> Vec<u8> {
    export::export_sections(p, cycle, Format::Docx, lang, sections).unwrap()
}

fn figures(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|b| match b {
            Block::Figure(_) => 1,
            Block::Group(_, inner) => figures(inner),
            _ => 0,
        })
        .sum()
}

#[test]
fn the_document_is_a_real_word_document() {
    for (lang, tag) in [(Lang::Nl, "nl-NL"), (Lang::En, "en-GB")] {
        set_lang(lang);
        for k in 0..kompas::samples::SAMPLES.len() {
            let p = sample(k);
            let last = p.cycles.len() - 1;
            let bytes = docx(&p, last, lang, &SectionKind::ALL);
            assert!(bytes.starts_with(b"PK\x03\x04"));
            let parts = parts(&bytes);
            for name in [
                "[Content_Types].xml",
                "_rels/.rels",
                "docProps/core.xml",
                "word/document.xml",
                "word/styles.xml",
                "word/numbering.xml",
                "word/settings.xml",
                "word/_rels/document.xml.rels",
            ] {
                assert!(parts.contains_key(name), "{name}");
            }
            let doc = part(&parts, "word/document.xml");
            // Word's own headings, so the navigation pane and the TOC find them
            for style in ["Title", "Heading1", "Heading2", "TOC1", "ListBullet"] {
                assert!(
                    doc.contains(&format!("<w:pStyle w:val=\"{style}\"/>")),
                    "sample {k}: {style}"
                );
            }
            let report = export::report(&p, last, lang, &SectionKind::ALL);
            let h1 = doc.matches("<w:pStyle w:val=\"Heading1\"/>").count();
            assert_eq!(h1, report.sections.len());
            // a page break before every section (the first after the table of contents)
            assert_eq!(
                doc.matches("<w:pageBreakBefore/>").count(),
                report.sections.len()
            );
            // the table of contents: one field, begun and ended
            assert_eq!(
                doc.matches(r#"<w:instrText xml:space="preserve"> TOC \o"#)
                    .count(),
                1
            );
            assert_eq!(doc.matches(r#"w:fldCharType="begin""#).count(), 1);
            assert_eq!(doc.matches(r#"w:fldCharType="end""#).count(), 1);
            // tables: each with a header row that repeats on every page
            let tables = doc.matches("<w:tbl>").count();
            assert!(tables >= 5, "sample {k}: {tables} tables");
            assert_eq!(doc.matches("<w:tblHeader/>").count(), tables);
            // one picture per figure, each in the media folder and related
            let n = report
                .sections
                .iter()
                .map(|s| figures(&s.blocks))
                .sum::<usize>();
            assert!(n >= 3, "sample {k}: {n} figures");
            let media: Vec<&String> = parts
                .keys()
                .filter(|n| n.starts_with("word/media/"))
                .collect();
            assert_eq!(media.len(), n, "{media:?}");
            assert_eq!(doc.matches("<w:drawing>").count(), n);
            let rels = part(&parts, "word/_rels/document.xml.rels");
            for m in &media {
                assert!(parts[*m].starts_with(b"\x89PNG\r\n\x1a\n"), "{m}");
                assert!(rels.contains(m.trim_start_matches("word/")), "{m}");
            }
            // A4 and the language of the interface
            assert!(doc.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#));
            let styles = part(&parts, "word/styles.xml");
            assert!(
                styles.contains(&format!("<w:lang w:val=\"{tag}\"")),
                "{tag}"
            );
            assert!(part(&parts, "docProps/core.xml").contains(&format!(">{tag}<")));
            for n in 1..=3 {
                assert!(styles.contains(&format!(
                    "w:styleId=\"Heading{n}\"><w:name w:val=\"heading {n}\"/>"
                )));
                assert!(styles.contains(&format!("<w:outlineLvl w:val=\"{}\"/>", n - 1)));
            }
            assert!(part(&parts, "word/numbering.xml").contains(r#"<w:numFmt w:val="bullet"/>"#));
            assert!(part(&parts, "word/settings.xml").contains("<w:updateFields w:val=\"true\"/>"));
            // the head: the sample mark, the title, the date of the export
            let text = text(&doc);
            let mark = if lang == Lang::Nl {
                "VOORBEELDDATA"
            } else {
                "SAMPLE DATA"
            };
            assert!(text.starts_with(mark), "{}", &text[..80]);
            assert!(text.contains(&format!("\n{}\n", p.region.name)));
            let today = lang.fmt_date(chrono::Local::now().date_naive());
            assert!(text.contains(&today), "{today}");
            // every part is well-formed enough for our reader: tags balanced in the document
            assert_eq!(
                doc.matches("<w:p>").count() + doc.matches("<w:p ").count(),
                doc.matches("</w:p>").count()
            );
        }
    }
}

#[path = "common/facts.rs"]
mod facts;
use facts::{latest_values, together_facts};

#[test]
fn both_samples_carry_the_same_facts_as_the_html_report() {
    set_lang(Lang::Nl);
    for k in 0..kompas::samples::SAMPLES.len() {
        let mut p = sample(k);
        for threshold in [5, 50] {
            p.settings.small_numbers_below = threshold;
            let last = p.cycles.len() - 1;
            let out = text(&part(
                &parts(&docx(&p, last, Lang::Nl, &SectionKind::ALL)),
                "word/document.xml",
            ));
            let facts = together_facts(&p);
            assert!(k > 0 || facts.len() >= 5);
            for f in &facts {
                assert!(out.contains(f.as_str()), "sample {k}: {f:?} missing");
            }
            for l in &p.cycles[last].evaluation.lessons {
                assert!(out.contains(&l.text), "sample {k}: lesson {:?}", l.text);
            }
            for j in &p.cycles[last].evaluation.judgements {
                assert!(out.contains(&j.evidence), "{}", j.evidence);
            }
            let values = latest_values(&p, last);
            assert!(!values.is_empty());
            if threshold == 50 {
                assert!(values.iter().any(|v| v.starts_with("< 50")), "{values:?}");
            }
            for v in &values {
                assert!(out.contains(v.as_str()), "sample {k}: latest {v:?} missing");
            }
        }
    }
}

#[test]
fn a_section_not_chosen_leaves_no_text_behind() {
    set_lang(Lang::Nl);
    for k in 0..kompas::samples::SAMPLES.len() {
        let p = sample(k);
        let last = p.cycles.len() - 1;
        let chosen = [SectionKind::Region, SectionKind::Outcomes];
        let parts = parts(&docx(&p, last, Lang::Nl, &chosen));
        let doc = part(&parts, "word/document.xml");
        let out = text(&doc);
        assert!(out.contains("3. Maatschappelijke resultaten"));
        for h in [
            "Overleggen",
            "Samenwerkingsagenda",
            "Intervisie",
            "Open acties",
            "5. Evaluatie",
            "Dashboard",
            "Resultatenketen",
        ] {
            assert!(!out.contains(&format!("\n{h}\n")), "{h}");
        }
        for f in together_facts(&p) {
            assert!(!out.contains(&f), "{f}");
        }
        for j in &p.cycles[last].evaluation.judgements {
            assert!(!out.contains(&j.evidence));
        }
        // the pictures are those of the chosen sections only
        let report = export::report(&p, last, Lang::Nl, &chosen);
        let n: usize = report.sections.iter().map(|s| figures(&s.blocks)).sum();
        assert_eq!(
            parts
                .keys()
                .filter(|n| n.starts_with("word/media/"))
                .count(),
            n
        );
        // and the meetings alone
        let out = text(&part(
            &self::parts(&docx(&p, last, Lang::Nl, &[SectionKind::Meetings])),
            "word/document.xml",
        ));
        for m in &p.meetings {
            for d in &m.decisions {
                assert!(out.contains(&d.text));
            }
        }
        for o in &p.cycles[last].outcomes {
            assert!(!out.contains(&o.title), "{}", o.title);
        }
    }
}

/// A project with one count indicator: baseline, target and measurements all below five.
fn small_counts(baseline: f64, values: [f64; 4]) -> Project {
    use kompas::model::{Direction, Id, Measurement};
    let d = |y, m| chrono::NaiveDate::from_ymd_opt(y, m, 1).unwrap();
    let mut p = Project::new("Klein", d(2024, 8), d(2025, 7));
    let (oid, iid) = (p.new_id(), p.new_id());
    let mut ind = kompas::model::Indicator::new(iid);
    ind.name = "Thuiszitters".into();
    ind.unit = "leerlingen".into();
    ind.direction = Direction::Decrease;
    ind.baseline_value = Some(baseline);
    ind.baseline_date = Some(d(2024, 8));
    ind.target_value = Some(1.0);
    ind.target_date = Some(d(2025, 7));
    p.cycles[0].outcomes.push(kompas::model::Outcome {
        id: oid,
        title: "Minder thuiszitters".into(),
        description: String::new(),
        ambitions: vec![],
        indicators: vec![ind],
        previous: None,
    });
    for (k, v) in values.into_iter().enumerate() {
        p.cycles[0].evaluation.measurements.push(Measurement {
            id: Id(100 + k as u64),
            indicator: iid,
            date: Some(d(2024, 9 + k as u32)),
            value: Some(v),
            source: "Leerplicht".into(),
            note: String::new(),
        });
    }
    p
}

/// Two projects that differ only in small counts of people give the same document, paragraph
/// for paragraph and picture for picture (alt texts included), with "< 5" in it; a sample with
/// a high threshold shows no suppressed number anywhere, in paragraphs or picture texts.
#[test]
fn small_counts_are_in_no_paragraph_and_no_picture() {
    set_lang(Lang::Nl);
    let a = parts(&docx(
        &small_counts(4.0, [3.0, 2.0, 4.0, 1.0]),
        0,
        Lang::Nl,
        &SectionKind::ALL,
    ));
    let b = parts(&docx(
        &small_counts(3.0, [4.0, 3.0, 2.0, 1.0]),
        0,
        Lang::Nl,
        &SectionKind::ALL,
    ));
    assert!(text(&part(&a, "word/document.xml")).contains("< 5 leerlingen"));
    assert!(a.keys().any(|n| n.starts_with("word/media/")), "a chart");
    assert_eq!(a, b, "a part depends on a small count");

    let mut p = sample(1);
    p.settings.small_numbers_below = 50;
    let parts = parts(&docx(&p, 0, Lang::Nl, &SectionKind::ALL));
    let doc = part(&parts, "word/document.xml");
    let out = text(&doc);
    assert!(out.contains("< 50 leerlingen"));
    assert!(
        !out.contains("41 leerlingen"),
        "the real value is not in the report"
    );
    let alts = attributes(&doc, "descr");
    assert!(!alts.is_empty());
    for alt in alts {
        assert!(!alt.contains("41"), "{alt}");
    }
    assert!(export::cycle_html(&sample(1), 0, Lang::Nl).contains("41 leerlingen"));
}

/// A name typed where who-said-what is written reaches no paragraph and no picture.
#[test]
fn a_person_s_name_in_a_session_is_not_in_the_document() {
    set_lang(Lang::Nl);
    const NAME: &str = "Marieke Jansen-Verhoeven";
    let mut p = sample(0);
    for s in &mut p.intervisions {
        for r in &mut s.rounds {
            r.notes = format!("{NAME} vraagt door op de casus.");
        }
    }
    for m in &mut p.meetings {
        m.notes = format!("{NAME} zat voor.");
    }
    let last = p.cycles.len() - 1;
    let parts = parts(&docx(&p, last, Lang::Nl, &SectionKind::ALL));
    for (name, bytes) in &parts {
        if !name.ends_with(".png") {
            assert!(
                !String::from_utf8_lossy(bytes).contains("Marieke"),
                "{name}"
            );
        }
    }
}

fn kompas() -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_kompas"));
    c.env("LANG", "nl_NL.UTF-8");
    c
}

#[test]
fn the_command_line_writes_both_samples_and_refuses_what_it_must() {
    let dir = tempfile::tempdir().unwrap();
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-projects");
    for s in kompas::samples::SAMPLES {
        let input = samples.join(s.file_name);
        let out = dir.path().join(format!("{}.docx", s.file_name));
        let r = kompas()
            .args([
                "export",
                input.to_str().unwrap(),
                "--format",
                "docx",
                "--sections",
                "meetings,intervision",
                "-o",
            ])
            .arg(&out)
            .output()
            .unwrap();
        assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
        let parts = parts(&std::fs::read(&out).unwrap());
        let out = text(&part(&parts, "word/document.xml"));
        let sections: Vec<&str> = out
            .lines()
            .filter(|l| *l == "Overleggen" || *l == "Intervisie" || *l == "Dashboard")
            .collect();
        assert!(
            sections.contains(&"Overleggen") && !sections.contains(&"Dashboard"),
            "{sections:?}"
        );
    }
    let input = dir.path().join("X.ron");
    kompas::storage::save(&input, &sample(0)).unwrap();
    let export = |out: &Path, force: bool| {
        let mut c = kompas();
        c.args(["export", input.to_str().unwrap(), "--format", "docx"]);
        if force {
            c.arg("--force");
        }
        c.arg("-o").arg(out).output().unwrap()
    };
    // never onto a project, the input or a folder, even with --force
    for out in [
        dir.path().join("ander.ron"),
        input.clone(),
        dir.path().to_path_buf(),
    ] {
        let before = std::fs::read(&out).ok();
        let r = export(&out, true);
        assert_eq!(r.status.code(), Some(2), "{}", out.display());
        assert_eq!(std::fs::read(&out).ok(), before);
    }
    // a file of another format: a spreadsheet (a zip too), a text; refused without --force
    let others = [
        (
            "begroting.xlsx",
            &b"PK\x03\x04\x14\x00\x06\x00\x08\x00[Content_Types].xml xl/workbook.xml"[..],
        ),
        ("notities.docx", b"mijn aantekeningen\n"),
    ];
    for (name, bytes) in others {
        let out = dir.path().join(name);
        std::fs::write(&out, bytes).unwrap();
        let r = export(&out, false);
        let err = String::from_utf8_lossy(&r.stderr);
        assert_eq!(r.status.code(), Some(2), "{name}: {err}");
        assert!(err.contains("--force"), "{err}");
        assert_eq!(std::fs::read(&out).unwrap(), bytes);
        assert!(export(&out, true).status.success());
        // now an earlier export: replaced without --force
        let r = export(&out, false);
        assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    }
    // personal data: exit 2 and nothing written, unless --force
    let mut p = sample(0);
    p.cycles[0].analysis.signals[0].text = "Moeder bereikbaar op 06-12345678".into();
    kompas::storage::save(&input, &p).unwrap();
    let out = dir.path().join("persoonlijk.docx");
    let r = export(&out, false);
    assert_eq!(r.status.code(), Some(2));
    assert!(!out.exists());
    assert!(export(&out, true).status.success());
    assert!(out.exists());
}

/// Both samples converted to PDF by LibreOffice (headless): it reads the document, lays it
/// out on several A4 pages (a page per section at least), and the title and a decision are
/// in the text. Needs `soffice` with Writer and `pdfinfo`/`pdftotext` (poppler-utils).
#[test]
#[ignore = "needs LibreOffice (libreoffice-writer-nogui) and poppler-utils"]
fn libreoffice_converts_the_document_to_pdf() {
    let run = |cmd: &str, args: &[&std::ffi::OsStr]| {
        let r = std::process::Command::new(cmd)
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("{cmd}: {e}"));
        assert!(
            r.status.success(),
            "{cmd}: {}",
            String::from_utf8_lossy(&r.stderr)
        );
        String::from_utf8_lossy(&r.stdout).into_owned()
    };
    let dir = tempfile::tempdir().unwrap();
    set_lang(Lang::Nl);
    for k in 0..kompas::samples::SAMPLES.len() {
        let p = sample(k);
        let last = p.cycles.len() - 1;
        let file = dir.path().join(format!("rapport{k}.docx"));
        std::fs::write(&file, docx(&p, last, Lang::Nl, &SectionKind::ALL)).unwrap();
        let profile = format!("-env:UserInstallation=file://{}/lo", dir.path().display());
        run(
            "soffice",
            &[
                profile.as_ref(),
                "--headless".as_ref(),
                "--convert-to".as_ref(),
                "pdf".as_ref(),
                "--outdir".as_ref(),
                dir.path().as_os_str(),
                file.as_os_str(),
            ],
        );
        let pdf = dir.path().join(format!("rapport{k}.pdf"));
        assert!(pdf.exists(), "no PDF written");
        let info = run("pdfinfo", &[pdf.as_os_str()]);
        let pages: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .expect("a page count");
        let sections = kompas::report::SectionKind::ALL.len();
        assert!(
            pages > sections && pages < 60,
            "sample {k}: {pages} pages for {sections} sections"
        );
        assert!(info.contains("(A4)"), "A4: {info}");
        let text = run("pdftotext", &[pdf.as_os_str(), "-".as_ref()]);
        assert!(text.contains(&p.region.name), "sample {k}: the title");
        assert!(text.contains("VOORBEELDDATA"));
        let decision = &p.meetings.iter().flat_map(|m| &m.decisions).next();
        if let Some(d) = decision {
            let words: String = d
                .text
                .split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(text.contains(&words), "sample {k}: {words}");
        }
    }
}

/// The same document on every platform, byte for byte: no clock time in it, and every part
/// says it was made on Unix (the zip crate would write the system it runs on, MS-DOS on
/// Windows). `scripts/windows-check.sh` compares the Windows build's document with this one's.
#[test]
fn the_document_is_the_same_bytes_on_every_platform() {
    let p = sample(0);
    let last = p.cycles.len() - 1;
    let bytes = docx(&p, last, Lang::Nl, &SectionKind::ALL);
    assert_eq!(bytes, docx(&p, last, Lang::Nl, &SectionKind::ALL));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    for k in 0..zip.len() {
        let f = zip.by_index(k).unwrap();
        assert_eq!(f.system(), zip::System::Unix, "{:?}", f.name());
    }
}
