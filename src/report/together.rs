//! What the partners did together: meetings with their decisions and actions, the
//! samenwerkingsagenda and its yearly checks, intervision sessions with their tips and lessons,
//! and the open (and overdue) actions.
//!
//! Names of persons are never taken in: attendees and participants are organisations or
//! regions with a role, and the free notes of a meeting or of an intervision round (where
//! who-said-what is written) stay in the project file.

use super::blocks::Blocks;
use super::{Ctx, Style};
use crate::i18n::{Label, t, tf};
use crate::model::{Action, IntervisionSession, Tip};

fn date(cx: &Ctx, d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| cx.lang.fmt_date(d)).unwrap_or_default()
}

fn or_untitled(title: &str, untitled: &str) -> String {
    if title.trim().is_empty() {
        untitled.to_owned()
    } else {
        title.to_owned()
    }
}

/// An action as a row: what, who, due (overdue said in words), status; and whether overdue.
pub(super) fn action_row(cx: &Ctx, a: &Action) -> (Vec<String>, bool) {
    let lang = cx.lang;
    let late = a.is_overdue(cx.today);
    let due = date(cx, a.due);
    let due = if late {
        format!("{due} ({})", t!(lang, "actions.overdue"))
    } else {
        due
    };
    (
        vec![
            a.what.clone(),
            // the organisation, and the role of whoever there does it (never a name)
            [
                a.owner
                    .map(|o| cx.p.partner_name(o).to_owned())
                    .unwrap_or_default(),
                a.role.trim().to_owned(),
            ]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · "),
            due,
            a.status.label_in(lang).to_owned(),
        ],
        late,
    )
}

pub(super) fn action_head(cx: &Ctx) -> [&'static str; 4] {
    let lang = cx.lang;
    [
        t!(lang, "action.what"),
        t!(lang, "action.owner"),
        t!(lang, "action.due"),
        t!(lang, "action.status"),
    ]
}

/// Every meeting: when, at which table, who was there (organisation and role), the agenda,
/// the decisions and the actions.
pub(super) fn meetings(cx: &Ctx, b: &mut Blocks) {
    let (p, lang) = (cx.p, cx.lang);
    if p.meetings.is_empty() {
        b.plain(t!(lang, "meetings.empty"));
    }
    for m in &p.meetings {
        b.heading(3, or_untitled(&m.title, t!(lang, "meeting.kind")));
        let mut facts = vec![date(cx, m.date)];
        facts.extend(
            m.table
                .and_then(|id| p.table(id))
                .map(|tb| crate::i18n::table_name_in(lang, tb)),
        );
        facts.retain(|f| !f.is_empty());
        b.para(Style::Meta, facts.join(" · "));
        let present: Vec<String> = m
            .attendees
            .iter()
            .map(|x| {
                let who = p.partner_name(x.partner);
                match x.role.trim() {
                    "" => who.to_owned(),
                    role => format!("{who} ({role})"),
                }
            })
            .filter(|s| !s.is_empty())
            .collect();
        if !present.is_empty() {
            b.para(
                Style::Meta,
                format!("{}: {}", t!(lang, "meeting.attendees"), present.join(", ")),
            );
        }
        if m.agenda.iter().any(|x| !x.text.trim().is_empty()) {
            b.heading(4, t!(lang, "meeting.agenda"));
            b.list(m.agenda.iter().map(|x| x.text.clone()));
        }
        if m.decisions.iter().any(|x| !x.text.trim().is_empty()) {
            b.heading(4, t!(lang, "meeting.decisions"));
            b.list(m.decisions.iter().map(|x| x.text.clone()));
        }
        if !m.actions.is_empty() {
            b.heading(4, t!(lang, "meeting.actions"));
            b.marked_table(
                &action_head(cx),
                &[],
                m.actions.iter().map(|a| action_row(cx, a)).collect(),
            );
        }
    }
}

/// The themes of the samenwerkingsagenda and its yearly checks.
pub(super) fn agenda(cx: &Ctx, b: &mut Blocks) {
    let (ag, lang) = (&cx.p.agenda, cx.lang);
    if ag.themes.iter().all(|x| x.text.trim().is_empty()) {
        b.plain(t!(lang, "agenda.themes_empty"));
    }
    b.list(ag.themes.iter().map(|x| x.text.clone()));
    b.heading(3, t!(lang, "agenda.checks"));
    if ag.checks.is_empty() {
        b.plain(t!(lang, "agenda.checks_empty"));
    }
    b.table(
        &[
            t!(lang, "agenda.check_date"),
            t!(lang, "agenda.still_current"),
            t!(lang, "agenda.add"),
            t!(lang, "agenda.drop"),
            t!(lang, "agenda.escalate"),
        ],
        &[],
        ag.checks
            .iter()
            .map(|k| {
                vec![
                    date(cx, k.date),
                    match k.still_current {
                        Some(true) => t!(lang, "agenda.yes").to_owned(),
                        Some(false) => t!(lang, "agenda.no").to_owned(),
                        None => String::new(),
                    },
                    k.add.clone(),
                    k.drop.clone(),
                    k.escalate.clone(),
                ]
            })
            .collect(),
    );
}

/// Every intervision session: its case question, who took part (region and role), the tips
/// with the step they concern and whether they were taken up, and the general lessons; then
/// the tips given outside a session (in a workshop).
pub(super) fn intervision(cx: &Ctx, b: &mut Blocks) {
    let (p, lang) = (cx.p, cx.lang);
    if p.intervisions.is_empty() {
        b.plain(t!(lang, "intervision.empty"));
    }
    for s in &p.intervisions {
        session(cx, s, b);
    }
    let loose: Vec<&Tip> = p.tips.iter().filter(|x| x.session.is_none()).collect();
    if !loose.is_empty() {
        b.heading(3, t!(lang, "report.workshop_tips"));
        tips(cx, &loose, b);
    }
}

fn session(cx: &Ctx, s: &IntervisionSession, b: &mut Blocks) {
    let (p, lang) = (cx.p, cx.lang);
    b.heading(3, or_untitled(&s.title, t!(lang, "intervision.kind")));
    b.para(Style::Meta, date(cx, s.date));
    if !s.case_question.trim().is_empty() {
        b.plain(format!(
            "{}: {}",
            t!(lang, "intervision.case_question"),
            s.case_question.trim()
        ));
    }
    if !s.participants.is_empty() {
        b.heading(4, t!(lang, "intervision.participants"));
        b.table(
            &[t!(lang, "intervision.region"), t!(lang, "intervision.role")],
            &[],
            s.participants
                .iter()
                .map(|x| vec![x.region.clone(), x.role.clone()])
                .collect(),
        );
    }
    let given: Vec<&Tip> = p.tips.iter().filter(|x| x.session == Some(s.id)).collect();
    if !given.is_empty() {
        b.heading(4, t!(lang, "intervision.tips"));
        tips(cx, &given, b);
    }
    if s.lessons.iter().any(|x| !x.text.trim().is_empty()) {
        b.heading(4, t!(lang, "intervision.lessons"));
        b.list(s.lessons.iter().map(|x| x.text.clone()));
    }
}

/// Tips as a table: the tip, the step it concerns (with its cycle when that is another one),
/// and what became of it.
fn tips(cx: &Ctx, tips: &[&Tip], b: &mut Blocks) {
    let lang = cx.lang;
    b.table(
        &[
            t!(lang, "report.tip"),
            t!(lang, "intervision.step"),
            t!(lang, "report.tip_outcome"),
        ],
        &[],
        tips.iter()
            .filter(|x| !x.text.trim().is_empty())
            .map(|x| {
                let mut step = x
                    .step
                    .map(|s| s.label_in(lang).to_owned())
                    .unwrap_or_default();
                if let Some(other) = x
                    .cycle
                    .filter(|id| *id != cx.c.id)
                    .and_then(|id| cx.p.cycles.iter().find(|c| c.id == id))
                {
                    step = format!("{step} ({})", other.name);
                }
                let became = if x.taken_up {
                    t!(lang, "report.tip_taken_up")
                } else {
                    t!(lang, "report.tip_not_taken_up")
                };
                vec![x.text.clone(), step, became.to_owned()]
            })
            .collect(),
    );
}

/// The open actions of every meeting, by due date, the overdue ones marked.
pub(super) fn open_actions(cx: &Ctx, b: &mut Blocks) {
    let lang = cx.lang;
    let open: Vec<&Action> =
        cx.p.all_actions()
            .into_iter()
            .filter(|(_, a)| a.status.is_open())
            .map(|(_, a)| a)
            .collect();
    if open.is_empty() {
        b.plain(t!(lang, "actions.none_open"));
    }
    let late = open.iter().filter(|a| a.is_overdue(cx.today)).count();
    if late > 0 {
        b.para(Style::Warning, tf!(lang, "actions.overdue_count", n = late));
    }
    b.marked_table(
        &action_head(cx),
        &[],
        open.iter().map(|a| action_row(cx, a)).collect(),
    );
}
