//! The results chain out of the window: the SVG draws every box, arrow and loose end once, in
//! the window's colours, with its text escaped and no value; the command line writes it as
//! SVG and PNG, with the same refusals and the same privacy check as every export; the HTML
//! report holds it and the Markdown says where it is.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use kompas::export;
use kompas::i18n::{Lang, set_lang};
use kompas::model::chain::{Chain, LOOSE};
use kompas::model::{
    Ambition, Id, Intervention, Outcome, Project, Status, Step, findings_for_step,
};
use std::path::Path;
use std::process::Command;

fn sample(k: usize) -> Project {
    kompas::samples::SAMPLES[k].project().unwrap()
}

/// Every element closed in order (`<?xml …?>` and `<!…>` skipped); the elements in order, each
/// with its attributes and, for text, what it holds with the tags taken out.
fn elements(svg: &str) -> Vec<(String, String, String)> {
    let mut stack: Vec<(String, usize)> = Vec::new();
    let mut out: Vec<(String, String, String)> = Vec::new();
    let mut rest = svg;
    let mut consumed = 0;
    while let Some(i) = rest.find('<') {
        let text = &rest[..i];
        assert!(!text.contains('>'), "a stray '>': {text}");
        for (_, k) in &stack {
            out[*k].2.push_str(text);
        }
        rest = &rest[i + 1..];
        consumed += i + 1;
        let end = rest.find('>').expect("an unclosed tag");
        let tag = &rest[..end];
        assert!(!tag.contains('<'), "a '<' inside a tag: {tag}");
        rest = &rest[end + 1..];
        consumed += end + 1;
        if tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            let (open, _) = stack.pop().expect("a closing tag without an opening one");
            assert_eq!(open, name);
            // the rows of a text are read as one line
            for (_, k) in &stack {
                if name == "tspan" {
                    out[*k].2.push(' ');
                }
            }
            continue;
        }
        let name: String = tag.chars().take_while(|c| c.is_alphanumeric()).collect();
        out.push((name.clone(), tag.to_owned(), String::new()));
        if !tag.ends_with('/') {
            stack.push((name, out.len() - 1));
        }
    }
    assert!(stack.is_empty(), "left open: {stack:?}");
    assert!(consumed <= svg.len());
    for e in &mut out {
        e.2 = e.2.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    out
}

fn with_class<'a>(
    els: &'a [(String, String, String)],
    name: &str,
    class: &str,
) -> Vec<&'a (String, String, String)> {
    let attr = format!("class=\"{class}\"");
    els.iter()
        .filter(|e| e.0 == name && e.1.contains(&attr))
        .collect()
}

/// What the text of an SVG shows, entities read back.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The loose ends "Nog te doen" finds in the chain's steps, each (kind, item) once.
fn loose_findings(p: &Project, cycle: usize) -> usize {
    let c = &p.cycles[cycle];
    let mut seen = std::collections::HashSet::new();
    for step in Step::ALL {
        for f in findings_for_step(c, step) {
            if LOOSE.contains(&f.kind) && f.item.is_some() {
                seen.insert((f.kind, f.item));
            }
        }
    }
    seen.len()
}

/// Sample 0 with a loose end of every kind: an intervention linked to nothing, an outcome
/// without indicators or interventions, an ambition without outcomes.
fn with_loose_ends() -> Project {
    let mut p = sample(0);
    let ids: Vec<Id> = (0..3).map(|_| p.new_id()).collect();
    let c = p.cycles.last_mut().unwrap();
    let mut i = Intervention::new(ids[0]);
    i.title = "Losse interventie".into();
    c.interventions.push(i);
    let mut o = Outcome::new(ids[1]);
    o.title = "Los resultaat".into();
    c.outcomes.push(o);
    let mut a = Ambition::new(ids[2]);
    a.title = "Losse ambitie".into();
    c.ambitions.push(a);
    p
}

#[test]
fn the_svg_draws_every_box_arrow_and_loose_end_once() {
    set_lang(Lang::Nl);
    let mut projects: Vec<Project> = (0..kompas::samples::SAMPLES.len()).map(sample).collect();
    projects.push(with_loose_ends());
    let mut loose_seen = 0;
    for p in &projects {
        for cycle in 0..p.cycles.len() {
            let svg = export::chain_svg(p, cycle, Lang::Nl);
            assert!(svg.starts_with("<?xml"), "{svg}");
            let els = elements(&svg);
            assert_eq!(els[0].0, "svg");
            assert!(els[0].1.contains("xmlns=\"http://www.w3.org/2000/svg\""));
            let c = &p.cycles[cycle];
            let chain = Chain::of(c);
            // every box's title once
            let titles: Vec<String> = with_class(&els, "text", "title")
                .iter()
                .map(|e| unescape(&e.2))
                .collect();
            assert_eq!(titles.len(), chain.nodes.len());
            for n in &chain.nodes {
                let title = c
                    .intervention(n.id)
                    .map(|x| x.title.clone())
                    .or_else(|| c.outcome(n.id).map(|x| x.title.clone()))
                    .or_else(|| c.ambition(n.id).map(|x| x.title.clone()))
                    .unwrap();
                let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
                let found = titles.iter().filter(|t| **t == title).count();
                assert_eq!(found, 1, "{title:?} in {titles:?}");
            }
            assert_eq!(
                with_class(&els, "g", "box").len() + with_class(&els, "g", "box loose").len(),
                chain.nodes.len()
            );
            // one path and one head per arrow
            assert_eq!(with_class(&els, "path", "link").len(), chain.links.len());
            assert_eq!(
                with_class(&els, "polygon", "arrow-head").len(),
                chain.links.len()
            );
            // the loose ends: as many marks as "Nog te doen" has findings, each box with one
            // in an orange border
            let marks = with_class(&els, "text", "loose-end");
            assert_eq!(marks.len(), loose_findings(p, cycle), "cycle {cycle}");
            let loose_boxes = chain.nodes.iter().filter(|n| !n.loose.is_empty()).count();
            assert_eq!(with_class(&els, "g", "box loose").len(), loose_boxes);
            for m in marks {
                assert!(m.2.starts_with("⚠ Nog"), "{}", m.2);
            }
            loose_seen += loose_findings(p, cycle);
            // every indicator with content has a pill
            let indicators = c
                .outcomes
                .iter()
                .flat_map(|o| &o.indicators)
                .filter(|i| kompas::model::Content::has_content(*i))
                .count();
            assert_eq!(with_class(&els, "text", "indicator").len(), indicators);
        }
    }
    assert!(loose_seen >= 4, "the loose ends were tested: {loose_seen}");
}

#[test]
fn a_loose_box_has_an_orange_border_and_says_what_it_misses() {
    let p = with_loose_ends();
    let cycle = p.cycles.len() - 1;
    let svg = export::chain_svg(&p, cycle, Lang::Nl);
    let els = elements(&svg);
    let texts: Vec<&str> = with_class(&els, "text", "loose-end")
        .iter()
        .map(|e| e.2.as_str())
        .collect();
    for expected in [
        "⚠ Nog aan geen resultaat gekoppeld",
        "⚠ Nog geen indicator",
        "⚠ Nog geen interventie",
        "⚠ Nog geen resultaat",
    ] {
        assert!(texts.contains(&expected), "{expected} in {texts:?}");
    }
    let orange = export::chain_colour::OPEN;
    let borders = els
        .iter()
        .filter(|e| e.0 == "rect" && e.1.contains(&format!("stroke=\"{orange}\"")))
        .count();
    // three loose boxes and the legend's sample
    assert_eq!(borders, 3 + 1);
    // in English too
    let svg = export::chain_svg(&p, cycle, Lang::En);
    assert!(svg.contains("⚠ No indicator yet"));
    assert!(svg.contains(">Results chain<"));
}

/// The export's colours are the window's light palette (an export may not import the UI).
#[test]
fn the_colours_are_the_window_s() {
    use kompas::ui::theme::colour::LIGHT;
    let hex = |c: egui::Color32| format!("#{:02x}{:02x}{:02x}", c.r(), c.g(), c.b());
    let status = export::chain_colour::status;
    assert_eq!(status(Status::OnTrack), hex(LIGHT.done));
    assert_eq!(status(Status::Behind), hex(LIGHT.behind));
    assert_eq!(status(Status::NotReached), hex(LIGHT.behind));
    assert_eq!(status(Status::Reached), hex(LIGHT.reached));
    assert_eq!(status(Status::NoData), hex(LIGHT.no_data));
    assert_eq!(export::chain_colour::OPEN, hex(LIGHT.open));
    assert_eq!(export::chain_colour::SERIES, hex(LIGHT.series));
    assert_eq!(export::chain_colour::ON_STATUS, hex(LIGHT.on_status));
}

#[test]
fn text_is_escaped_and_long_titles_wrap_inside_their_box() {
    let mut p = sample(1);
    let cycle = p.cycles.len() - 1;
    let c = &mut p.cycles[cycle];
    c.interventions[0].title = "<script>alert('x')</script> & \"meer\"".into();
    c.outcomes[0].title = "Een heel lange titel van een maatschappelijk resultaat die nooit op \
                           één regel past, ook niet in een breed vak"
        .into();
    let svg = export::chain_svg(&p, cycle, Lang::Nl);
    assert!(!svg.contains("<script"));
    assert!(svg.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    let els = elements(&svg);
    let titles: Vec<String> = with_class(&els, "text", "title")
        .iter()
        .map(|e| unescape(&e.2))
        .collect();
    assert!(
        titles.contains(&"<script>alert('x')</script> & \"meer\"".to_owned()),
        "{titles:?}"
    );
    let long = with_class(&els, "text", "title")
        .into_iter()
        .find(|e| e.2.starts_with("Een heel lange"))
        .unwrap();
    assert!(long.2.ends_with("in een breed vak"), "{}", long.2);
    let start = els.iter().position(|e| std::ptr::eq(e, long)).unwrap();
    let rows = els[start + 1..]
        .iter()
        .take_while(|e| e.0 == "tspan")
        .count();
    assert!(rows >= 3, "{rows} rows");
}

fn small_counts(values: [f64; 3], people: bool) -> Project {
    use kompas::model::{Direction, Indicator, Measurement};
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
    for (k, v) in values.into_iter().enumerate() {
        p.cycles[0].evaluation.measurements.push(Measurement {
            id: Id(100 + k as u64),
            indicator: iid,
            date: Some(d(2024, 9 + k as u32)),
            value: Some(v),
            source: String::new(),
            note: String::new(),
        });
    }
    p
}

/// The chain shows no values: two projects that differ only in small counts of people give
/// the same SVG (no point of the trend line is drawn from them); once the user says they are
/// not people, the trend line follows them. A value is never written out.
#[test]
fn no_value_is_shown_and_small_counts_leave_no_trace() {
    let a = export::chain_svg(&small_counts([3.0, 2.0, 4.0], true), 0, Lang::Nl);
    let b = export::chain_svg(&small_counts([4.0, 3.0, 2.0], true), 0, Lang::Nl);
    assert_eq!(a, b);
    assert!(!a.contains("<polyline"), "no trend from suppressed counts");
    let a = export::chain_svg(&small_counts([3.0, 2.0, 4.0], false), 0, Lang::Nl);
    let b = export::chain_svg(&small_counts([4.0, 3.0, 2.0], false), 0, Lang::Nl);
    assert_ne!(a, b);
    assert!(a.contains("<polyline"));
    let big = export::chain_svg(
        &small_counts([98765.4, 87654.3, 76543.2], true),
        0,
        Lang::Nl,
    );
    for shown in ["98765", "98.765", "87654", "87.654", "76543", "76.543"] {
        assert!(!big.contains(shown), "{shown}");
    }
    assert!(big.contains("<polyline"), "large counts have a trend");
}

#[test]
fn the_report_holds_the_chain_and_the_markdown_says_where_it_is() {
    let p = sample(0);
    let cycle = p.cycles.len() - 1;
    let html = export::cycle_html(&p, cycle, Lang::Nl);
    let at = html.find("<h2>Resultatenketen</h2>").expect("a section");
    let svg = &html[at..];
    assert!(svg.contains("<svg viewBox="));
    assert!(svg.contains("width=\"100%\""));
    assert!(!html.contains("<?xml"), "no XML header inside the page");
    assert!(
        !svg.contains("class=\"heading\""),
        "the section's heading is the picture's"
    );
    assert!(svg.contains("class=\"column\""));
    let md = export::cycle_markdown(&p, cycle, Lang::Nl);
    assert!(md.contains("## Resultatenketen"));
    assert!(md.contains("--format svg"));
    let md = export::cycle_markdown(&p, cycle, Lang::En);
    assert!(md.contains("## Results chain"));
}

fn kompas() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kompas"));
    c.env("LANG", "nl_NL.UTF-8");
    c
}

/// Width and height from a PNG's header.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG signature");
    assert_eq!(&bytes[12..16], b"IHDR");
    let n = |k: usize| u32::from_be_bytes(bytes[k..k + 4].try_into().unwrap());
    (n(16), n(20))
}

#[test]
fn the_command_line_writes_the_chain_as_svg_and_png() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-projects");
    for name in ["utrecht-voorbeeld", "regio-rivierenland-voorbeeld"] {
        let src = root.join(format!("{name}.ron"));
        for cycle in [None, Some("1")] {
            let svg_out = dir.path().join(format!("{name}.svg"));
            let png_out = dir.path().join(format!("{name}.png"));
            for (format, out) in [("svg", &svg_out), ("png", &png_out)] {
                let mut c = kompas();
                c.args(["export", src.to_str().unwrap(), "--format", format]);
                if let Some(n) = cycle {
                    c.args(["--cycle", n]);
                }
                let r = c.arg("-o").arg(out).output().unwrap();
                assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
                // the PNG's font fallback for ⚠ is not worth a warning
                assert!(
                    r.stderr.is_empty(),
                    "{}",
                    String::from_utf8_lossy(&r.stderr)
                );
            }
            let svg = std::fs::read_to_string(&svg_out).unwrap();
            assert!(svg.starts_with("<?xml"));
            assert!(svg.contains("Resultatenketen"));
            let png = std::fs::read(&png_out).unwrap();
            let (w, h) = png_size(&png);
            // two pixels per point of the SVG's size
            let declared = |attr: &str| -> f32 {
                let at = svg.find(&format!(" {attr}=\"")).unwrap() + attr.len() + 3;
                svg[at..].split('"').next().unwrap().parse().unwrap()
            };
            assert_eq!(w, (declared("width") * 2.0).ceil() as u32);
            assert_eq!(h, (declared("height") * 2.0).ceil() as u32);
            assert!(
                (1500..6000).contains(&w) && (800..8000).contains(&h),
                "{w}×{h}"
            );
            assert!(
                png.len() > 50_000,
                "{} bytes: something is drawn",
                png.len()
            );
        }
    }
}

/// A picture is never written over a project (not even with --force), nor over a file that is
/// not an earlier picture of its kind (unless --force); an earlier one is replaced.
#[test]
fn a_picture_is_refused_where_an_export_is_refused() {
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
    for format in ["svg", "png"] {
        for name in ["keten.ron", "keten.svg.ron", "oud.ron.bak"] {
            let out = dir.path().join(name);
            let r = export(&out, format, true);
            assert_eq!(r.status.code(), Some(2), "{name}");
            assert!(String::from_utf8_lossy(&r.stderr).contains("Kompas-projectbestand"));
            assert!(!out.exists(), "{name}");
        }
        // the input itself
        let before = std::fs::read(&input).unwrap();
        assert_eq!(export(&input, format, true).status.code(), Some(2));
        assert_eq!(std::fs::read(&input).unwrap(), before);
        // a file of another kind: refused unless --force
        let out = dir.path().join(format!("notities.{format}"));
        std::fs::write(&out, b"mijn aantekeningen\n").unwrap();
        let r = export(&out, format, false);
        assert_eq!(r.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&r.stderr).contains("--force"));
        assert_eq!(std::fs::read(&out).unwrap(), b"mijn aantekeningen\n");
        assert!(export(&out, format, true).status.success());
        // now an earlier picture of its kind: replaced without --force
        assert!(export(&out, format, false).status.success());
    }
    // an SVG is not a PNG, nor a PNG an SVG
    let svg = dir.path().join("keten.svg");
    assert!(export(&svg, "svg", false).status.success());
    assert_eq!(export(&svg, "png", false).status.code(), Some(2));
    let png = dir.path().join("keten.png");
    assert!(export(&png, "png", false).status.success());
    assert_eq!(export(&png, "svg", false).status.code(), Some(2));
}

/// A BSN typed into an intervention's title stops the chain's export like any other: nothing
/// is written without --force.
#[test]
fn a_bsn_in_a_title_stops_the_picture() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = sample(0);
    let cycle = p.cycles.len() - 1;
    p.cycles[cycle].interventions[0].title = "Casus BSN 111222333".into();
    let planted = dir.path().join("planted.ron");
    kompas::storage::save(&planted, &p).unwrap();
    for format in ["svg", "png"] {
        let out = dir.path().join(format!("keten.{format}"));
        let r = kompas()
            .args([
                "export",
                planted.to_str().unwrap(),
                "--format",
                format,
                "-o",
            ])
            .arg(&out)
            .output()
            .unwrap();
        assert_eq!(r.status.code(), Some(2), "{format}");
        let said = String::from_utf8_lossy(&r.stdout);
        assert!(said.contains("burgerservicenummer"), "{said}");
        assert!(said.contains("Interventies"), "where it is: {said}");
        assert!(!out.exists(), "{format}");
        let r = kompas()
            .args([
                "export",
                planted.to_str().unwrap(),
                "--format",
                format,
                "--force",
                "-o",
            ])
            .arg(&out)
            .output()
            .unwrap();
        assert!(r.status.success());
        assert!(out.exists());
    }
    // with --force it is the user's call, and the title is in the picture
    let svg = std::fs::read_to_string(dir.path().join("keten.svg")).unwrap();
    assert!(svg.contains("Casus BSN 111222333"));
}
