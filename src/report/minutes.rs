//! The minutes of a workshop: what the day's session added, built once as a [`Report`] like
//! the cycle's report, so HTML, Markdown and Word render the same thing. The agenda with the
//! time each block took, the decisions and actions of the day's meeting, and what the room
//! added (signals, scores, tips, data-dialogue answers), the dot-vote and the parking lot.
//!
//! It holds no figures (so nothing to suppress: no count of people is written) and no persons'
//! names: actions name an organisation and a role, scores an organisation; the meeting's free
//! notes stay in the file. Control characters go as in every report ([`Report::printable`]).

use super::blocks::Blocks;
use super::{Ctx, Report, Section, SectionKind, Style};
use crate::i18n::{Label, Lang, score_label_in, statement_text_in, t, tf};
use crate::model::{Added, Cycle, PageRef, Project, ScanMoment, SeriesIndex, WorkshopSession};
use chrono::NaiveDate;

/// A page of the agenda by its name in `lang`.
pub fn page_name(c: &Cycle, r: PageRef, lang: Lang) -> String {
    match r {
        PageRef::Title => t!(lang, "workshop.title_page").to_owned(),
        PageRef::Step(s) => format!("{}. {}", s.number(), s.label_in(lang)),
        PageRef::Outcome(id) => c.outcome(id).map(|o| o.title.clone()).unwrap_or_default(),
        PageRef::Scan(ScanMoment::Analysis) => t!(lang, "scan.title_first").to_owned(),
        PageRef::Scan(ScanMoment::Evaluation) => t!(lang, "scan.title_rescore").to_owned(),
        PageRef::Chain => t!(lang, "view.chain").to_owned(),
        PageRef::Vote => t!(lang, "minutes.vote").to_owned(),
        PageRef::Parking => t!(lang, "minutes.parked").to_owned(),
        PageRef::Today => t!(lang, "workshop.wrapup_page").to_owned(),
        PageRef::Support => t!(lang, "support.title").to_owned(),
    }
}

/// A dialogue's answers, each after its question.
fn answers(b: &mut Blocks, d: &crate::model::DataDialogue, lang: Lang) {
    b.list(
        [
            (t!(lang, "dialogue.recognise"), &d.recognise),
            (t!(lang, "dialogue.explain_q"), &d.explain),
            (t!(lang, "dialogue.opinion"), &d.opinion),
        ]
        .into_iter()
        .filter(|(_, a)| !a.trim().is_empty())
        .map(|(q, a)| format!("{q} {a}")),
    );
}

/// "12:30": minutes and seconds.
fn clock(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// The minutes of the day's workshop about cycle `cycle` (its index) on `day`; `before` is the
/// document as it was when the session began (without it, only what the session itself holds:
/// the agenda, the meeting, the vote, the parking lot, the tips that name it).
pub fn minutes(
    p: &Project,
    cycle: usize,
    day: NaiveDate,
    before: Option<&Project>,
    lang: Lang,
    today: NaiveDate,
) -> Report {
    let mut out = Vec::new();
    let c = p.cycles.get(cycle);
    let session = c.and_then(|c| p.workshop_on(c.id, day));
    if let Some(c) = c {
        let index = SeriesIndex::new(p);
        let cx = Ctx {
            p,
            cycle,
            c,
            lang,
            today,
            index: &index,
        };
        let added = match (before, session) {
            (Some(b), s) => p.added_since(b, c.id, s.map(|s| s.id)),
            (None, s) => p.added_since(p, c.id, s.map(|s| s.id)),
        };
        sections(&cx, session, &added, &mut out);
    }
    let title = tf!(lang, "minutes.title", date = &lang.fmt_date(day));
    Report {
        lang,
        title: title.clone(),
        page_title: format!("{} — {title}", p.region.name),
        meta: vec![
            c.map(|c| format!("{} · {}", p.region.name, c.name))
                .unwrap_or_default(),
        ],
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

fn push(out: &mut Vec<Section>, kind: SectionKind, title: &str, b: Blocks) {
    if b.0.is_empty() {
        return;
    }
    out.push(Section {
        kind,
        title: title.to_owned(),
        new_page: false,
        blocks: b.0,
    });
}

fn sections(cx: &Ctx, session: Option<&WorkshopSession>, added: &Added, out: &mut Vec<Section>) {
    let (p, c, lang) = (cx.p, cx.c, cx.lang);
    // the agenda, with the time each block took
    let mut b = Blocks::default();
    if let Some(w) = session {
        let rows = (w.agenda.iter())
            .filter(|a| a.minutes > 0 || a.used_seconds > 0 || a.page != PageRef::Title)
            .map(|a| {
                vec![
                    page_name(c, a.page, lang),
                    if a.minutes > 0 {
                        format!("{} {}", a.minutes, t!(lang, "timer.min"))
                    } else {
                        String::new()
                    },
                    if a.used_seconds > 0 {
                        clock(a.used_seconds)
                    } else {
                        String::new()
                    },
                ]
            })
            .collect();
        let head = [
            t!(lang, "minutes.page"),
            t!(lang, "minutes.planned"),
            t!(lang, "minutes.used"),
        ];
        b.table(&head, &[1, 2], rows);
    }
    push(out, SectionKind::Agenda, t!(lang, "minutes.agenda"), b);
    // the decisions and actions of the day's meeting
    let meeting = session
        .and_then(|w| w.meeting)
        .and_then(|id| p.meetings.iter().find(|m| m.id == id));
    let mut b = Blocks::default();
    if let Some(m) = meeting {
        b.list(m.decisions.iter().map(|d| d.text.clone()));
    }
    push(out, SectionKind::Meetings, t!(lang, "minutes.decisions"), b);
    let mut b = Blocks::default();
    if let Some(m) = meeting {
        let rows = m
            .actions
            .iter()
            .map(|a| super::together::action_row(cx, a))
            .collect();
        b.marked_table(&super::together::action_head(cx), &[], rows);
    }
    push(out, SectionKind::Actions, t!(lang, "minutes.actions"), b);
    // what the room added
    let mut b = Blocks::default();
    b.list(added.signals.iter().map(|s| {
        let from = match s.partner {
            Some(id) => p.partner_name(id).to_owned(),
            None => s.from.label_in(lang).to_owned(),
        };
        format!("{from}: {}", s.text)
    }));
    push(out, SectionKind::Analysis, t!(lang, "analysis.signals"), b);
    let mut b = Blocks::default();
    let rows = (added.scores.iter())
        .map(|s| {
            vec![
                p.partner_name(s.partner).to_owned(),
                statement_text_in(lang, &s.code),
                match s.before {
                    Some(was) => format!(
                        "{} ({})",
                        score_label_in(lang, s.score),
                        tf!(lang, "minutes.was", old = score_label_in(lang, was))
                    ),
                    None => score_label_in(lang, s.score).to_owned(),
                },
            ]
        })
        .collect();
    let head = [
        t!(lang, "minutes.partner"),
        t!(lang, "minutes.statement"),
        t!(lang, "minutes.score"),
    ];
    b.table(&head, &[], rows);
    push(out, SectionKind::Scan, t!(lang, "minutes.scores"), b);
    let mut b = Blocks::default();
    b.list(added.tips.iter().map(|tip| match tip.step {
        Some(s) => format!("{} ({})", tip.text, s.label_in(lang)),
        None => tip.text.clone(),
    }));
    push(out, SectionKind::Intervision, t!(lang, "minutes.tips"), b);
    let mut b = Blocks::default();
    for id in &added.dialogue {
        let Some(ind) = c
            .outcomes
            .iter()
            .flat_map(|o| &o.indicators)
            .find(|i| i.id == *id)
        else {
            continue;
        };
        b.heading(3, ind.name.clone());
        answers(&mut b, &ind.dialogue, lang);
    }
    if added.support_dialogue {
        b.heading(3, t!(lang, "support.title"));
        answers(&mut b, &c.analysis.support.dialogue, lang);
    }
    push(out, SectionKind::Outcomes, t!(lang, "dialogue.title"), b);
    // the dot-vote and the parking lot
    let mut b = Blocks::default();
    if let Some(w) = session {
        let rows = (w.vote.ranked().iter())
            .filter(|i| i.count > 0)
            .map(|i| vec![i.text.clone(), i.count.to_string()])
            .collect();
        b.table(
            &[t!(lang, "minutes.item"), t!(lang, "minutes.votes")],
            &[1],
            rows,
        );
    }
    push(out, SectionKind::Evaluation, t!(lang, "minutes.vote"), b);
    let mut b = Blocks::default();
    if let Some(w) = session {
        b.list(w.parked.iter().map(|x| x.text.clone()));
    }
    push(out, SectionKind::Chain, t!(lang, "minutes.parked"), b);
    if out.is_empty() {
        let mut b = Blocks::default();
        b.para(Style::Meta, t!(lang, "minutes.nothing"));
        push(
            out,
            SectionKind::Meetings,
            t!(lang, "workshop.wrapup_page"),
            b,
        );
    }
}
