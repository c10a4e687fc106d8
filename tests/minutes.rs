//! The minutes of a workshop, built once and rendered as HTML, Markdown and Word: each holds
//! the day's decisions and actions (an organisation and a role, never a name) and what the
//! room added, and none holds what was there before the session or a person's name written in
//! the meeting's notes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use kompas::export;
use kompas::i18n::Lang;
use kompas::model::{Action, Project, Signal, TextItem, Tip};
use std::io::Read;

fn day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 3, 12).unwrap()
}

/// The Rivierenland sample before the workshop, and after it added things.
fn before_and_after() -> (Project, Project) {
    let before = kompas::samples::SAMPLES[1].project().unwrap();
    let mut p = before.clone();
    let k = p.cycles.len() - 1;
    let cycle = p.cycles[k].id;
    let partner = p.partners[0].id;
    let id = p.new_id();
    let m = p.workshop_meeting_mut(cycle, day(), "Werksessie 12-03-2026");
    m.decisions.push(TextItem {
        id,
        text: "Het loket komt er".into(),
    });
    m.notes = "Jan de Vries zei dat het loket moet komen".into();
    let id = p.new_id();
    p.workshop_meeting_mut(cycle, day(), "x")
        .actions
        .push(Action {
            what: "Loket onderzoeken".into(),
            owner: Some(partner),
            role: "beleidsadviseur".into(),
            ..Action::new(id)
        });
    let id = p.new_id();
    p.cycles[k].analysis.signals.push(Signal {
        text: "Ouders missen een loket".into(),
        ..Signal::new(id)
    });
    let id = p.new_id();
    p.tips.push(Tip {
        text: "Vraag het jongerenpanel".into(),
        cycle: Some(cycle),
        ..Tip::new(id)
    });
    (before, p)
}

fn docx_text(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

#[test]
fn every_format_holds_the_day_s_decisions_and_additions_and_no_name() {
    let (before, after) = before_and_after();
    let k = after.cycles.len() - 1;
    let report = kompas::report::minutes(&after, k, day(), Some(&before), Lang::Nl, day());
    let html = export::render_html(&report);
    let md = export::render_markdown(&report);
    let docx = docx_text(&export::render_docx(&report).unwrap());
    let partner = after.partners[0].name.clone();
    for (format, text) in [("html", &html), ("md", &md), ("docx", &docx)] {
        for fact in [
            "Het loket komt er",
            "Loket onderzoeken",
            "beleidsadviseur",
            partner.as_str(),
            "Ouders missen een loket",
            "Vraag het jongerenpanel",
            "Verslag werksessie 12-03-2026",
        ] {
            assert!(text.contains(fact), "{format} lacks {fact:?}");
        }
        assert!(!text.contains("Jan de Vries"), "{format} holds a name");
        let old = &before.cycles[k].analysis.signals[0].text;
        assert!(
            !text.contains(old.as_str()),
            "{format} holds an older signal"
        );
    }
}

#[test]
fn a_session_that_added_nothing_says_so() {
    let (before, _) = before_and_after();
    let k = before.cycles.len() - 1;
    let report = kompas::report::minutes(&before, k, day(), Some(&before), Lang::Nl, day());
    let md = export::render_markdown(&report);
    assert!(
        md.contains("Deze werksessie heeft nog niets toegevoegd."),
        "{md}"
    );
}
