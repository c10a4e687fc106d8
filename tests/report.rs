//! The report, built once and rendered as HTML and Markdown: both samples carry the same facts
//! in each format (every decision, action, tip and lesson, every indicator's latest value or
//! "< N"), a section that was not chosen leaves no text behind, and a person's name written in
//! an intervision session or a meeting's notes is in no export.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use kompas::export::{self, Format};
use kompas::i18n::{Lang, set_lang};
use kompas::model::Project;
use kompas::report::SectionKind;

fn sample(k: usize) -> Project {
    kompas::samples::SAMPLES[k].project().unwrap()
}

/// The text as the HTML report writes it.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The text as Markdown writes it in a list or a table cell: on one line, pipes escaped.
fn md(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}

/// How a format writes a text.
type Shown = fn(&str) -> String;

/// Both renderings of cycle `cycle` of `p` with `sections`, each with a function that gives a
/// text as that format writes it.
fn both(p: &Project, cycle: usize, sections: &[SectionKind]) -> [(String, Shown); 2] {
    let get = |f| {
        String::from_utf8(export::export_sections(p, cycle, f, Lang::Nl, sections).unwrap())
            .unwrap()
    };
    [
        (get(Format::Html), esc as Shown),
        (get(Format::Markdown), md as Shown),
    ]
}

#[path = "common/facts.rs"]
mod facts;
use facts::{latest_values, together_facts};

#[test]
fn both_samples_carry_the_same_facts_in_html_and_markdown() {
    set_lang(Lang::Nl);
    for k in 0..kompas::samples::SAMPLES.len() {
        let mut p = sample(k);
        for threshold in [5, 50] {
            p.settings.small_numbers_below = threshold;
            let last = p.cycles.len() - 1;
            let facts = together_facts(&p);
            assert!(
                k > 0 || facts.len() >= 5,
                "the Utrecht sample has decisions, actions, tips"
            );
            let values = latest_values(&p, last);
            assert!(!values.is_empty());
            if threshold == 50 {
                assert!(values.iter().any(|v| v.starts_with("< 50")), "{values:?}");
            }
            let lessons: Vec<&str> = p.cycles[last]
                .evaluation
                .lessons
                .iter()
                .map(|l| l.text.as_str())
                .collect();
            for (out, shown) in both(&p, last, &SectionKind::ALL) {
                for f in facts.iter().map(String::as_str).chain(lessons.clone()) {
                    assert!(out.contains(&shown(f)), "sample {k}: {f:?} missing");
                }
                for v in &values {
                    assert!(out.contains(&shown(v)), "sample {k}: latest {v:?} missing");
                }
                // the judgements' evidence (Markdown once left it out)
                for j in &p.cycles[last].evaluation.judgements {
                    assert!(out.contains(&shown(&j.evidence)), "{}", j.evidence);
                }
                // borging overall against the national figures of 2021 and 2018
                if !p.cycles[last]
                    .scan(kompas::model::ScanMoment::Analysis)
                    .is_empty()
                {
                    assert!(out.contains("Borging gemiddeld"), "sample {k}");
                    assert!(out.contains("2,9") && out.contains("3,1"));
                }
                assert!(
                    out.contains("VOORBEELDDATA"),
                    "the samples say what they are"
                );
            }
        }
    }
    // borging overall beside the nine factors, against the national figures of 2021 and 2018
    let mut scans = 0;
    for k in 0..kompas::samples::SAMPLES.len() {
        let p = sample(k);
        for (c, cycle) in p.cycles.iter().enumerate() {
            if cycle.scan(kompas::model::ScanMoment::Analysis).is_empty() {
                continue;
            }
            scans += 1;
            for (out, _) in both(&p, c, &[SectionKind::Scan]) {
                assert!(out.contains("Borging gemiddeld"), "sample {k}");
                assert!(out.contains("2,9") && out.contains("3,1"));
                for f in kompas::model::Factor::ALL {
                    use kompas::i18n::Label;
                    assert!(out.contains(f.label_in(Lang::Nl)), "{f:?}");
                }
            }
        }
    }
    assert!(scans > 0, "a sample has a scan");
    // a project of one's own carries no sample mark
    let mut p = sample(0);
    p.region.name = "Eigen regio".into();
    for (out, _) in both(&p, 0, &SectionKind::ALL) {
        assert!(!out.contains("VOORBEELDDATA — "), "{}", &out[..400]);
    }
}

/// Only the chosen sections: every heading of a section left out is gone, and so is every
/// fact only that section holds.
#[test]
fn a_section_not_chosen_leaves_no_text_behind() {
    set_lang(Lang::Nl);
    let headings = [
        (SectionKind::Meetings, "Overleggen"),
        (SectionKind::Agenda, "Samenwerkingsagenda"),
        (SectionKind::Intervision, "Intervisie"),
        (SectionKind::Actions, "Open acties"),
        (SectionKind::Evaluation, "5. Evaluatie"),
        (SectionKind::Scan, "Werkzame factoren en borging"),
        (SectionKind::Dashboard, "Dashboard"),
        (SectionKind::Chain, "Resultatenketen"),
    ];
    for k in 0..kompas::samples::SAMPLES.len() {
        let p = sample(k);
        let last = p.cycles.len() - 1;
        let chosen = [SectionKind::Region, SectionKind::Outcomes];
        for (out, _) in both(&p, last, &chosen) {
            for (_, h) in headings {
                assert!(
                    !out.contains(&format!("<h2>{h}</h2>")) && !out.contains(&format!("## {h}\n")),
                    "{h}"
                );
            }
            assert!(out.contains("3. Maatschappelijke resultaten"));
            for f in together_facts(&p) {
                assert!(!out.contains(&esc(&f)) && !out.contains(&md(&f)), "{f}");
            }
            for j in &p.cycles[last].evaluation.judgements {
                assert!(!j.evidence.is_empty() && !out.contains(&esc(&j.evidence)));
            }
            assert!(!out.contains("<svg viewBox=\"0 0 680"), "no scan chart");
            assert!(!out.contains("class=\"chain\""), "no chain");
        }
        // and the other way round: the meetings alone, without the steps
        for (out, shown) in both(&p, last, &[SectionKind::Meetings]) {
            for m in &p.meetings {
                for d in &m.decisions {
                    assert!(out.contains(&shown(&d.text)));
                }
            }
            for o in &p.cycles[last].outcomes {
                assert!(!out.contains(&shown(&o.title)), "{}", o.title);
            }
            assert!(!out.contains("Regio en partners") && !out.contains("1. Analyse"));
        }
    }
}

/// A name typed into an intervision round's notes, a participant list's free notes or a
/// meeting's notes (where who-said-what is written) reaches no export; the roles do.
#[test]
fn a_person_s_name_in_a_session_is_in_no_export() {
    set_lang(Lang::Nl);
    const NAME: &str = "Marieke Jansen-Verhoeven";
    for k in 0..kompas::samples::SAMPLES.len() {
        let mut p = sample(k);
        assert!(!p.intervisions.is_empty() || k > 0);
        if p.intervisions.is_empty() {
            let id = p.new_id();
            p.intervisions
                .push(kompas::model::IntervisionSession::new(id));
        }
        for s in &mut p.intervisions {
            for r in &mut s.rounds {
                r.notes = format!("{NAME} vraagt door op de casus.");
            }
            s.participants.push(kompas::model::Participant {
                region: "Regio Oost".into(),
                role: "procesbegeleider".into(),
            });
        }
        for m in &mut p.meetings {
            m.notes = format!("{NAME} zat voor.");
        }
        let last = p.cycles.len() - 1;
        for f in [Format::Html, Format::Markdown, Format::Csv, Format::Svg] {
            let out = export::export_sections(&p, last, f, Lang::Nl, &SectionKind::ALL).unwrap();
            let text = String::from_utf8(out).unwrap();
            assert!(!text.contains("Marieke"), "{f:?}");
            if matches!(f, Format::Html | Format::Markdown) {
                assert!(text.contains("procesbegeleider"), "the role is reported");
            }
        }
    }
}

/// `kompas export --sections` writes only those; an unknown section is refused with the list.
#[test]
fn the_command_line_takes_sections() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("u.ron");
    std::fs::write(&input, kompas::samples::SAMPLES[0].content).unwrap();
    let out = dir.path().join("r.md");
    let run = |sections: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_kompas"))
            .args([
                "export",
                "--format",
                "md",
                "--sections",
                sections,
                "--lang",
                "nl",
            ])
            .arg(&input)
            .arg("-o")
            .arg(&out)
            .output()
            .unwrap()
    };
    let r = run("meetings,intervision");
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let md = std::fs::read_to_string(&out).unwrap();
    let h2: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(h2, ["## Overleggen", "## Intervisie"]);
    let r = run("meetings,nope");
    assert!(!r.status.success());
    assert!(String::from_utf8_lossy(&r.stderr).contains("intervision"));
    let help = std::process::Command::new(env!("CARGO_BIN_EXE_kompas"))
        .args(["export", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    for k in SectionKind::ALL {
        assert!(help.contains(k.key()), "{}", k.key());
    }
}

#[test]
fn the_data_dialogues_are_in_the_report_each_under_its_date() {
    set_lang(Lang::Nl);
    let mut p = sample(1);
    let cycle = p
        .cycles
        .iter()
        .position(|c| !c.outcomes.is_empty())
        .unwrap();
    let ind = &mut p.cycles[cycle].outcomes[0].indicators[0];
    ind.dialogue.recognise = "Herkenbaar voor de scholen".into();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 12).unwrap();
    ind.dialogue_on_mut(day).explain = "Meer thuiszitters na de zomer".into();
    for (text, shown) in both(&p, cycle, &[SectionKind::Outcomes]) {
        for expected in [
            "Herkenbaar voor de scholen",
            "Meer thuiszitters na de zomer",
            "12-03-2026",
            "Zonder datum (eerder)",
        ] {
            assert!(text.contains(&shown(expected)), "{expected} in:\n{text}");
        }
        let undated = text.find("Herkenbaar voor de scholen").unwrap();
        let dated = text.find("Meer thuiszitters na de zomer").unwrap();
        assert!(undated < dated, "the earlier dialogue first");
    }
}
