//! The figures of a cycle as an Excel workbook: read back as a zip archive (its parts) and with
//! calamine (its cells): the sheets in the interface language, dates as date cells and values
//! as numbers, the header frozen and filtered, a chart per indicator with its target; small
//! counts of people as "< N" in every cell and in no chart; both samples from the command line;
//! the refusals of the other exports. And, with LibreOffice, the workbook as PDF.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use calamine::{Data, Reader};
use kompas::export::{self, Format};
use kompas::i18n::Lang;
use kompas::model::{Direction, Id, Indicator, Measurement, Outcome, Project, SeriesIndex};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::process::Command;

fn sample(k: usize) -> Project {
    kompas::samples::SAMPLES[k].project().unwrap()
}

fn last_cycle(p: &Project) -> usize {
    p.cycles.len() - 1
}

fn xlsx(p: &Project, cycle: usize, lang: Lang) -> Vec<u8> {
    export::export(p, cycle, Format::Xlsx, lang).unwrap()
}

/// Every part of the archive by name, as text.
fn parts(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut out = BTreeMap::new();
    for k in 0..zip.len() {
        let mut f = zip.by_index(k).unwrap();
        let mut text = String::new();
        f.read_to_string(&mut text).unwrap();
        out.insert(f.name().unwrap().into_owned(), text);
    }
    out
}

/// Every sheet by name, its cells as calamine reads them.
fn sheets(bytes: &[u8]) -> Vec<(String, calamine::Range<Data>)> {
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).unwrap();
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            (name, range)
        })
        .collect()
}

fn sheet<'a>(all: &'a [(String, calamine::Range<Data>)], name: &str) -> &'a calamine::Range<Data> {
    &all.iter().find(|(n, _)| n == name).expect(name).1
}

/// The date an Excel date cell holds.
fn date_of(cell: &Data) -> chrono::NaiveDate {
    let Data::DateTime(d) = cell else {
        panic!("not a date cell: {cell:?}")
    };
    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
    base + chrono::Days::new(d.as_f64() as u64)
}

/// The numbers in a chart part's caches (the points it draws), categories included.
fn chart_numbers(xml: &str) -> Vec<f64> {
    xml.split("<c:pt ")
        .skip(1)
        .filter_map(|pt| {
            let v = pt.split("<c:v>").nth(1)?.split("</c:v>").next()?;
            v.parse().ok()
        })
        .collect()
}

/// Indicators with at least one dated measurement that is not a small count: those that have
/// a chart.
fn charted(p: &Project, cycle: usize) -> Vec<String> {
    let index = SeriesIndex::new(p);
    let below = p.settings.small_numbers_below;
    p.cycles[cycle]
        .indicators()
        .filter(|i| {
            index.series(i.id).iter().any(|m| {
                m.date.is_some()
                    && !kompas::privacy::suppress(m.value, i.is_count_of_people(), below)
            })
        })
        .map(|i| i.name.clone())
        .collect()
}

#[test]
fn both_samples_give_typed_filtered_sheets_and_a_chart_per_indicator() {
    for k in 0..kompas::samples::SAMPLES.len() {
        let p = sample(k);
        for cycle in 0..p.cycles.len() {
            let c = &p.cycles[cycle];
            let bytes = xlsx(&p, cycle, Lang::Nl);
            let all = sheets(&bytes);
            let names: Vec<&str> = all.iter().map(|(n, _)| n.as_str()).collect();
            // the support analysis' two sheets where the cycle has one (tests/support_xlsx.rs)
            let mut expected = vec!["Indicatoren", "Metingen", "Interventies", "Acties"];
            if !c.analysis.support.is_empty() {
                expected.extend(["Ondersteuning per school", "Ondersteuning totalen"]);
            }
            expected.push("Grafieken");
            assert_eq!(names, expected);

            let ind = sheet(&all, "Indicatoren");
            assert_eq!(ind.height(), 1 + c.indicators().count());
            assert_eq!(
                ind.get((0, 0)),
                Some(&Data::String("Maatschappelijk resultaat".into()))
            );
            for (r, i) in c.indicators().enumerate() {
                let row = r + 1;
                assert_eq!(ind.get((row, 1)), Some(&Data::String(i.name.clone())));
                // baseline and target: a number, or "< N" for a small count
                for (col, value) in [(4, i.baseline_value), (6, i.target_value)] {
                    match (ind.get((row, col)), value) {
                        (Some(Data::Float(v)), Some(x)) => assert_eq!(*v, x),
                        (Some(Data::String(s)), Some(_)) => assert_eq!(s, "< 5"),
                        (None | Some(Data::Empty), None) => {}
                        (cell, value) => panic!("{cell:?} for {value:?}"),
                    }
                }
                if let Some(d) = i.baseline_date {
                    assert_eq!(date_of(ind.get((row, 5)).unwrap()), d);
                }
                if let Some(d) = i.target_date {
                    assert_eq!(date_of(ind.get((row, 7)).unwrap()), d);
                }
                assert!(matches!(ind.get((row, 10)), Some(Data::String(s)) if !s.is_empty()));
            }

            let index = SeriesIndex::new(&p);
            let m = sheet(&all, "Metingen");
            let series: usize = c.indicators().map(|i| index.series(i.id).len()).sum();
            assert_eq!(m.height(), 1 + series);
            let mut numbers = 0;
            for row in m.rows().skip(1) {
                match &row[2] {
                    Data::Float(_) => numbers += 1,
                    Data::String(s) => assert_eq!(s, "< 5"),
                    other => panic!("a value as {other:?}"),
                }
                if !matches!(row[1], Data::Empty) {
                    date_of(&row[1]);
                }
            }
            assert!(numbers > 0, "values are numbers");

            let iv = sheet(&all, "Interventies");
            assert_eq!(iv.height(), 1 + c.interventions.len());
            for (r, x) in c.interventions.iter().enumerate() {
                match x.budget_eur {
                    Some(b) => assert_eq!(iv.get((r + 1, 5)), Some(&Data::Float(b as f64))),
                    None => assert!(matches!(iv.get((r + 1, 5)), None | Some(Data::Empty))),
                }
                if let Some(d) = x.start {
                    assert_eq!(date_of(iv.get((r + 1, 3)).unwrap()), d);
                }
            }

            let parts = parts(&bytes);
            for n in 1..=4 {
                let xml = &parts[&format!("xl/worksheets/sheet{n}.xml")];
                assert!(
                    xml.contains(r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#),
                    "sheet {n} frozen"
                );
                assert!(xml.contains("<autoFilter ref=\"A1:"), "sheet {n} filtered");
                assert!(xml.contains("<cols>"), "sheet {n} has column widths");
            }
            let styles = &parts["xl/styles.xml"];
            assert!(styles.contains(r#"formatCode="dd-mm-yyyy""#));
            assert!(styles.contains(r##"formatCode="#,##0""##));
            let charts: Vec<&String> = parts
                .iter()
                .filter(|(n, _)| n.starts_with("xl/charts/chart"))
                .map(|(_, x)| x)
                .collect();
            let expected = charted(&p, cycle);
            assert_eq!(charts.len(), expected.len(), "{}", c.name);
            for (xml, name) in charts.iter().zip(&expected) {
                assert!(xml.contains("<c:lineChart>"));
                assert!(xml.contains("<c:dateAx>"), "a time axis");
                let escaped = name
                    .replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;");
                assert!(xml.contains(&escaped), "{name} as title");
            }
            let with_target = p.cycles[cycle]
                .indicators()
                .filter(|i| expected.contains(&i.name) && i.target_value.is_some())
                .count();
            let target_series = charts
                .iter()
                .filter(|x| x.contains("<c:v>Doel</c:v>"))
                .count();
            assert_eq!(target_series, with_target, "the target as a second series");
        }
    }
}

#[test]
fn the_sheets_are_named_in_the_interface_language() {
    let p = sample(0);
    let all = sheets(&xlsx(&p, 0, Lang::En));
    let names: Vec<&str> = all.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Indicators",
            "Measurements",
            "Interventions",
            "Actions",
            "Support per school",
            "Support totals",
            "Charts"
        ]
    );
    assert_eq!(
        sheet(&all, "Indicators").get((0, 0)),
        Some(&Data::String("Outcome".into()))
    );
    let styles = &parts(&xlsx(&p, 0, Lang::En))["xl/styles.xml"];
    assert!(styles.contains(r#"formatCode="d mmm yyyy""#));
}

/// The actions of the meetings in the cycle's period.
#[test]
fn the_actions_are_those_of_the_cycle_s_meetings() {
    let p = sample(0);
    for (cycle, c) in p.cycles.iter().enumerate() {
        let all = sheets(&xlsx(&p, cycle, Lang::Nl));
        let a = sheet(&all, "Acties");
        let expected: Vec<String> = p
            .all_actions()
            .into_iter()
            .filter(|(m, _)| m.date.is_none_or(|d| c.start <= d && d <= c.end))
            .map(|(_, a)| a.what.clone())
            .collect();
        let got: Vec<String> = a.rows().skip(1).map(|r| r[2].to_string()).collect();
        assert_eq!(got, expected, "{}", c.name);
        for row in a.rows().skip(1) {
            if !matches!(row[4], Data::Empty) {
                date_of(&row[4]);
            }
        }
    }
    let total: usize = (0..p.cycles.len())
        .map(|k| sheet(&sheets(&xlsx(&p, k, Lang::Nl)), "Acties").height() - 1)
        .sum();
    assert!(total > 0, "the sample's actions are in some workbook");
}

/// A counting indicator with small and large values, baseline 4 and target 1.
fn small_counts(values: &[f64], people: bool) -> Project {
    let d = |y, m| chrono::NaiveDate::from_ymd_opt(y, m, 1).unwrap();
    let mut p = Project::new("Klein", d(2024, 8), d(2025, 7));
    let (oid, iid) = (p.new_id(), p.new_id());
    let mut ind = Indicator::new(iid);
    ind.name = "Thuiszitters".into();
    ind.unit = "leerlingen".into();
    ind.direction = Direction::Decrease;
    ind.baseline_value = Some(4.0);
    ind.baseline_date = Some(d(2024, 8));
    ind.target_value = Some(1.0);
    ind.target_date = Some(d(2025, 7));
    if !people {
        ind.counts_people = Some(false);
    }
    let mut o = Outcome::new(oid);
    o.title = "Minder thuiszitters".into();
    o.indicators.push(ind);
    p.cycles[0].outcomes.push(o);
    for (k, v) in values.iter().enumerate() {
        p.cycles[0].evaluation.measurements.push(Measurement {
            id: Id(100 + k as u64),
            indicator: iid,
            date: Some(d(2024, 9 + k as u32)),
            value: Some(*v),
            source: String::new(),
            note: String::new(),
        });
    }
    p
}

/// Every number of every cell, and of every chart.
fn all_numbers(bytes: &[u8]) -> Vec<f64> {
    let mut out = Vec::new();
    for (_, range) in sheets(bytes) {
        for cell in range.used_cells() {
            match cell.2 {
                Data::Float(v) => out.push(*v),
                Data::Int(v) => out.push(*v as f64),
                _ => {}
            }
        }
    }
    for (name, xml) in parts(bytes) {
        if name.starts_with("xl/charts/") {
            out.extend(chart_numbers(&xml));
        }
    }
    out
}

fn all_texts(bytes: &[u8]) -> Vec<String> {
    sheets(bytes)
        .iter()
        .flat_map(|(_, r)| {
            r.used_cells()
                .filter_map(|c| match c.2 {
                    Data::String(s) => Some(s.clone()),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn small_counts_are_text_in_every_cell_and_in_no_chart() {
    let small = |v: f64| v > 0.0 && v < 5.0;
    let p = small_counts(&[3.0, 12.0, 2.0, 7.5], true);
    let bytes = xlsx(&p, 0, Lang::Nl);
    let numbers = all_numbers(&bytes);
    assert!(
        !numbers.iter().any(|v| small(*v)),
        "a small count as a number: {numbers:?}"
    );
    assert!(numbers.contains(&12.0) && numbers.contains(&7.5));
    let texts = all_texts(&bytes);
    // baseline, target, two measurements (the latest value is 7.5)
    assert_eq!(texts.iter().filter(|t| *t == "< 5").count(), 4, "{texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("2 metingen onder 5")));
    let chart = &parts(&bytes)["xl/charts/chart1.xml"];
    assert!(
        !chart.contains("<c:v>Doel</c:v>"),
        "a small target is not drawn"
    );
    assert_eq!(
        chart_numbers(chart).iter().filter(|v| **v < 1000.0).count(),
        2,
        "two values drawn"
    );

    // only small counts: no chart at all
    let bytes = xlsx(&small_counts(&[3.0, 2.0], true), 0, Lang::Nl);
    assert!(!parts(&bytes).keys().any(|n| n.starts_with("xl/charts/")));
    assert!(!all_numbers(&bytes).iter().any(|v| small(*v)));
    assert!(
        all_texts(&bytes)
            .iter()
            .any(|t| t.starts_with("Geen gedateerde metingen"))
    );

    // not people: every value is a number, and drawn
    let bytes = xlsx(&small_counts(&[3.0, 12.0, 2.0, 7.5], false), 0, Lang::Nl);
    let numbers = all_numbers(&bytes);
    for v in [3.0, 2.0, 4.0, 1.0] {
        assert!(numbers.contains(&v), "{v}");
    }
    assert!(!all_texts(&bytes).iter().any(|t| t.contains("< 5")));
    assert!(parts(&bytes)["xl/charts/chart1.xml"].contains("<c:v>Doel</c:v>"));

    // a higher threshold of the project
    let mut p = small_counts(&[3.0, 12.0, 2.0, 7.5], true);
    p.settings.small_numbers_below = 10;
    let bytes = xlsx(&p, 0, Lang::Nl);
    assert!(!all_numbers(&bytes).iter().any(|v| *v > 0.0 && *v < 10.0));
    assert!(all_texts(&bytes).iter().any(|t| t == "< 10"));
}

fn kompas() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kompas"));
    c.env("LANG", "nl_NL.UTF-8");
    c
}

#[test]
fn the_command_line_writes_both_samples() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-projects");
    for name in ["utrecht-voorbeeld", "regio-rivierenland-voorbeeld"] {
        let src = root.join(format!("{name}.ron"));
        for cycle in [None, Some("1")] {
            let out = dir.path().join(format!("{name}.xlsx"));
            let mut c = kompas();
            c.args(["export", src.to_str().unwrap(), "--format", "xlsx"]);
            if let Some(n) = cycle {
                c.args(["--cycle", n]);
            }
            let r = c.arg("-o").arg(&out).output().unwrap();
            assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
            let bytes = std::fs::read(&out).unwrap();
            let p = kompas::storage::load(&src).unwrap().project;
            let k = cycle.map_or(last_cycle(&p), |_| 0);
            // The same workbook as the library writes, part by part; only the creation time in
            // docProps/core.xml differs between two runs (and with it, by a byte or so, the size
            // of the compressed archive).
            let mut written = parts(&bytes);
            let mut expected = parts(&xlsx(&p, k, Lang::Nl));
            assert!(written.remove("docProps/core.xml").is_some());
            assert!(expected.remove("docProps/core.xml").is_some());
            assert_eq!(written, expected, "{name} {cycle:?}");
            let support = !p.cycles[k].analysis.support.is_empty();
            assert_eq!(sheets(&bytes).len(), if support { 7 } else { 5 });
        }
    }
}

/// Never over a project (not even with --force), nor over a file that is not a workbook
/// (unless --force); an earlier workbook is replaced.
#[test]
fn a_workbook_is_refused_where_an_export_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("X.ron");
    kompas::storage::save(&input, &sample(0)).unwrap();
    let export = |out: &Path, format: &str, force: bool| {
        let mut c = kompas();
        c.args(["export", input.to_str().unwrap(), "--format", format]);
        if force {
            c.arg("--force");
        }
        c.arg("-o").arg(out).output().unwrap()
    };
    for name in ["cijfers.ron", "cijfers.xlsx.ron", "oud.ron.bak"] {
        let out = dir.path().join(name);
        let r = export(&out, "xlsx", true);
        assert_eq!(r.status.code(), Some(2), "{name}");
        assert!(String::from_utf8_lossy(&r.stderr).contains("Kompas-projectbestand"));
        assert!(!out.exists(), "{name}");
    }
    let before = std::fs::read(&input).unwrap();
    assert_eq!(export(&input, "xlsx", true).status.code(), Some(2));
    assert_eq!(std::fs::read(&input).unwrap(), before);

    // not a workbook: text, a Word document (a zip with word/), a CSV: refused unless --force
    let mut docx = b"PK\x03\x04\x14\x00[Content_Types].xml".to_vec();
    docx.extend_from_slice(b"PK\x03\x04\x14\x00word/document.xml");
    for (name, content) in [
        ("notities.xlsx", b"mijn aantekeningen\n".to_vec()),
        ("verslag.xlsx", docx),
        ("tabel.xlsx", b"a;b\n1;2\n".to_vec()),
    ] {
        let out = dir.path().join(name);
        std::fs::write(&out, &content).unwrap();
        let r = export(&out, "xlsx", false);
        assert_eq!(r.status.code(), Some(2), "{name}");
        assert!(String::from_utf8_lossy(&r.stderr).contains("--force"));
        assert_eq!(std::fs::read(&out).unwrap(), content, "{name}");
        assert!(export(&out, "xlsx", true).status.success(), "{name}");
        // now an earlier workbook: replaced without --force
        assert!(export(&out, "xlsx", false).status.success(), "{name}");
    }
    // a workbook is not a report, a picture or a CSV, and they are not a workbook
    let book = dir.path().join("cijfers.xlsx");
    assert!(export(&book, "xlsx", false).status.success());
    for other in ["html", "md", "csv", "png", "svg"] {
        assert_eq!(
            export(&book, other, false).status.code(),
            Some(2),
            "{other}"
        );
        let out = dir.path().join(format!("x.{other}"));
        assert!(export(&out, other, false).status.success(), "{other}");
        assert_eq!(
            export(&out, "xlsx", false).status.code(),
            Some(2),
            "{other}"
        );
    }
}

/// A BSN in the project stops the workbook as it stops every export.
#[test]
fn personal_data_stops_the_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = sample(0);
    let last = last_cycle(&p);
    p.cycles[last].interventions[0].title = "Casus 111222333".into();
    let input = dir.path().join("X.ron");
    kompas::storage::save(&input, &p).unwrap();
    let out = dir.path().join("cijfers.xlsx");
    let run = |force: bool| {
        let mut c = kompas();
        c.args(["export", input.to_str().unwrap(), "--format", "xlsx"]);
        if force {
            c.arg("--force");
        }
        c.arg("-o").arg(&out).output().unwrap()
    };
    assert_eq!(run(false).status.code(), Some(2));
    assert!(!out.exists());
    assert!(run(true).status.success());
    assert!(all_texts(&std::fs::read(&out).unwrap()).contains(&"Casus 111222333".to_owned()));
}

/// The workbook as LibreOffice prints it: a PDF with every sheet on its own pages, the
/// figures in Dutch notation and the charts drawn. Run it with `--ignored` where LibreOffice
/// is installed; without it, it fails (it never passes silently).
#[test]
#[ignore = "needs LibreOffice (libreoffice-calc-nogui) and pdftotext (poppler-utils)"]
fn libreoffice_prints_the_workbook() {
    let found = |tool: &str| Command::new(tool).arg("--version").output().is_ok();
    assert!(
        found("soffice"),
        "soffice is not on PATH: install libreoffice-calc-nogui"
    );
    assert!(
        found("pdftotext"),
        "pdftotext is not on PATH: install poppler-utils"
    );
    let dir = tempfile::tempdir().unwrap();
    let p = sample(1);
    let cycle = last_cycle(&p);
    let book = dir.path().join("cijfers.xlsx");
    std::fs::write(&book, xlsx(&p, cycle, Lang::Nl)).unwrap();
    let profile = dir.path().join("profile");
    let r = Command::new("soffice")
        // the figures in Dutch notation, as a Dutch Excel shows them
        .env("LC_ALL", "nl_NL.UTF-8")
        .env("LANG", "nl_NL.UTF-8")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&book)
        .output()
        .unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let pdf = dir.path().join("cijfers.pdf");
    let bytes = std::fs::read(&pdf).expect("a PDF");
    let pages = String::from_utf8_lossy(&bytes)
        .matches("/Type/Page")
        .count()
        - String::from_utf8_lossy(&bytes)
            .matches("/Type/Pages")
            .count();
    // four tables of a page each (fit to the page's width), and the charts
    assert!((5..=12).contains(&pages), "{pages} pages");
    let text = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    let c = &p.cycles[cycle];
    for i in c.indicators() {
        assert!(text.contains(&i.name), "{}", i.name);
    }
    for iv in &c.interventions {
        assert!(text.contains(&iv.title), "{}", iv.title);
    }
    // a date as a Dutch date, a budget with a thousands point
    let start = c.interventions.iter().find_map(|i| i.start).unwrap();
    assert!(text.contains(&start.format("%d-%m-%Y").to_string()));
    let budget = c.interventions.iter().find_map(|i| i.budget_eur).unwrap();
    assert!(
        text.contains(&Lang::Nl.fmt_number(budget as f64)),
        "{budget}"
    );
    std::fs::copy(&pdf, std::env::temp_dir().join("kompas-xlsx-test.pdf")).ok();
}
