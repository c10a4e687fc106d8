//! The papers of one intervision session, built as report documents like the cycle's report
//! (so every format renders them, with the same suppression and cleaning): the case brief
//! the peers read before (the case question and case owner, the region's figures and its
//! results chain) and the handout after (the rounds with the time they took, the tips with who
//! gave them and their step, the lessons). Persons' names only when the user chose so.

use super::{Block, Blocks, Ctx, Report, Section, SectionKind, Style};
use crate::i18n::{Label, Lang, t, tf};
use crate::model::{Id, IntervisionSession, Project, SeriesIndex};
use chrono::NaiveDate;

/// Which paper.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    /// Before: for the peers.
    Brief,
    /// After: what the session did and gave.
    Handout,
}

/// The brief or handout of session `session`, about cycle `cycle`; participants' names only
/// when `names`. `None` when there is no such session or cycle.
pub fn session_paper(
    p: &Project,
    cycle: usize,
    session: Id,
    paper: Paper,
    names: bool,
    lang: Lang,
    today: NaiveDate,
) -> Option<Report> {
    let s = p.session(session)?;
    let c = p.cycles.get(cycle)?;
    let index = SeriesIndex::new(p);
    let cx = Ctx {
        p,
        cycle,
        c,
        lang,
        today,
        index: &index,
    };
    let mut sections = Vec::new();
    let mut push = |kind, title: String, b: Blocks| {
        let new_page = !sections.is_empty() && kind != SectionKind::Intervision;
        sections.push(Section {
            kind,
            title,
            new_page,
            blocks: b.0,
        });
    };
    let mut b = Blocks::default();
    case(&cx, s, names, &mut b);
    push(
        SectionKind::Intervision,
        t!(lang, "paper.case").to_owned(),
        b,
    );
    let title_key = match paper {
        Paper::Brief => {
            for kind in [SectionKind::Dashboard, SectionKind::Chain] {
                let mut b = Blocks::default();
                let title = cx.section(kind, &mut b);
                push(kind, title, b);
            }
            crate::i18n::key!("paper.brief")
        }
        Paper::Handout => {
            let mut b = Blocks::default();
            rounds(&cx, s, &mut b);
            push(
                SectionKind::Intervision,
                t!(lang, "intervision.rounds").to_owned(),
                b,
            );
            let mut b = Blocks::default();
            tips(&cx, s, names, &mut b);
            push(
                SectionKind::Intervision,
                t!(lang, "intervision.tips").to_owned(),
                b,
            );
            let lessons: Vec<String> = (s.lessons.iter())
                .map(|l| l.text.trim().to_owned())
                .filter(|t| !t.is_empty())
                .collect();
            if !lessons.is_empty() {
                let mut b = Blocks::default();
                b.list(lessons);
                push(
                    SectionKind::Intervision,
                    t!(lang, "intervision.lessons").to_owned(),
                    b,
                );
            }
            crate::i18n::key!("paper.handout")
        }
    };
    let name = if s.title.trim().is_empty() {
        t!(lang, "intervision.kind").to_owned()
    } else {
        s.title.trim().to_owned()
    };
    let mut meta = vec![format!("{} · {}", t!(lang, title_key), name)];
    if let Some(d) = s.date {
        meta.push(lang.fmt_date(d));
    }
    Some(
        Report {
            lang,
            title: p.region.name.clone(),
            page_title: format!("{} — {}", t!(lang, title_key), name),
            meta,
            note: tf!(
                lang,
                "report.note",
                date = &lang.fmt_date(today),
                n = &p.settings.small_numbers_below.to_string()
            ),
            sample_mark: crate::samples::is_sample(p).then(|| t!(lang, "report.sample").to_owned()),
            sections,
        }
        .printable(),
    )
}

/// The case question and who brings it, and who sat at the table.
fn case(cx: &Ctx, s: &IntervisionSession, names: bool, b: &mut Blocks) {
    let lang = cx.lang;
    if s.case_question.trim().is_empty() {
        b.para(Style::Meta, t!(lang, "paper.no_question"));
    } else {
        b.plain(s.case_question.trim());
    }
    if let Some(owner) = s.case_owner() {
        b.para(
            Style::Meta,
            format!(
                "{}: {}",
                t!(lang, "paper.case_owner"),
                owner.described(names, "")
            ),
        );
    }
    let people: Vec<String> = (s.participants.iter())
        .map(|x| x.described(names, &role_in(&x.role, lang)))
        .filter(|t| !t.is_empty())
        .collect();
    if !people.is_empty() {
        b.heading(3, t!(lang, "intervision.participants"));
        b.list(people);
    }
}

/// The rounds with their time box and the time they took.
fn rounds(cx: &Ctx, s: &IntervisionSession, b: &mut Blocks) {
    let lang = cx.lang;
    let rows = (s.rounds.iter().enumerate())
        .map(|(k, r)| {
            vec![
                format!("{}. {}", k + 1, r.kind.label_in(lang)),
                format!("{} {}", r.minutes, t!(lang, "timer.min")),
                minutes_text(r.used_seconds, lang),
                if r.done { "✔" } else { "" }.to_owned(),
            ]
        })
        .collect();
    b.table(
        &[
            t!(lang, "paper.round"),
            t!(lang, "paper.planned"),
            t!(lang, "paper.used"),
            t!(lang, "paper.done"),
        ],
        &[1, 2],
        rows,
    );
    b.para(
        Style::Meta,
        tf!(
            lang,
            "paper.total",
            used = &minutes_text(s.used_seconds(), lang)
        ),
    );
}

/// "12:05 min": minutes and seconds.
pub fn minutes_text(seconds: u32, lang: Lang) -> String {
    format!(
        "{}:{:02} {}",
        seconds / 60,
        seconds % 60,
        t!(lang, "timer.min")
    )
}

/// The tips of the session: the tip, who gave it (role and region), the step, what became of it.
fn tips(cx: &Ctx, s: &IntervisionSession, names: bool, b: &mut Blocks) {
    let lang = cx.lang;
    let rows: Vec<Vec<String>> = (cx.p.tips.iter())
        .filter(|x| x.session == Some(s.id) && !x.text.trim().is_empty())
        .map(|x| {
            let from = (x.given_by)
                .and_then(|id| s.participant(id))
                .map(|g| g.described(names, &role_in(&g.role, lang)))
                .unwrap_or_default();
            let step = x.step.map(|st| st.label_in(lang).to_owned());
            let mut became = x.outcome.trim().to_owned();
            if became.is_empty() && x.taken_up {
                became = t!(lang, "report.tip_taken_up").to_owned();
            }
            vec![
                x.text.trim().to_owned(),
                from,
                step.unwrap_or_default(),
                became,
            ]
        })
        .collect();
    if rows.is_empty() {
        b.para(Style::Meta, t!(lang, "paper.no_tips"));
        return;
    }
    b.table(
        &[
            t!(lang, "report.tip"),
            t!(lang, "paper.given_by"),
            t!(lang, "intervision.step"),
            t!(lang, "report.tip_outcome"),
        ],
        &[],
        rows,
    );
}

/// A role as the export's language says it (the known ones translated, one's own as typed).
pub fn role_in(role: &str, lang: Lang) -> String {
    let k = match role.trim().to_lowercase().as_str() {
        "casusinbrenger" => crate::i18n::key!("role.case_owner"),
        "procesbegeleider" => crate::i18n::key!("role.facilitator"),
        "notulist" => crate::i18n::key!("role.minutes"),
        "deelnemer" => crate::i18n::key!("role.participant"),
        _ => return role.trim().to_owned(),
    };
    t!(lang, k).to_owned()
}

/// Every text of a report (for the privacy check of what is exported).
pub fn texts(r: &Report) -> Vec<&str> {
    fn walk<'a>(blocks: &'a [Block], out: &mut Vec<&'a str>) {
        for b in blocks {
            match b {
                Block::Heading { text, .. } | Block::Paragraph(_, text) => out.push(text),
                Block::Bullets(items) => out.extend(items.iter().map(String::as_str)),
                Block::Table(t) => out.extend(
                    t.rows
                        .iter()
                        .flat_map(|r| r.cells.iter().map(String::as_str)),
                ),
                Block::Figure(_) => {}
                Block::Group(_, inner) => walk(inner, out),
            }
        }
    }
    let mut out: Vec<&str> = vec![&r.title];
    out.extend(r.meta.iter().map(String::as_str));
    for s in &r.sections {
        walk(&s.blocks, &mut out);
    }
    out
}

/// What the privacy check finds in a paper before it is exported: what looks like personal
/// data in its texts, and each participant's name when the names go with it.
pub fn paper_findings(r: &Report, s: &IntervisionSession, names: bool, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for text in texts(r) {
        for hit in crate::privacy::scan_text(text) {
            let found = text.get(hit.start..hit.end).unwrap_or_default();
            out.push(format!(
                "{}: {}",
                hit.kind.label_in(lang),
                crate::privacy::mask(found)
            ));
        }
    }
    // a name written in a tip or lesson goes along even when the names are left out
    for text in texts(r) {
        let lower = text.to_lowercase();
        for x in &s.participants {
            let name = x.name.trim();
            if name.chars().count() >= 3 && !names && lower.contains(&name.to_lowercase()) {
                out.push(format!(
                    "{}: {}",
                    crate::privacy::Kind::PersonName.label_in(lang),
                    crate::privacy::mask(name)
                ));
            }
        }
    }
    if names {
        out.extend(
            (s.participants.iter())
                .filter(|x| !x.name.trim().is_empty())
                .map(|x| tf!(lang, "paper.name_finding", name = x.name.trim())),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CASE_OWNER, Participant, Tip};

    #[test]
    fn the_brief_has_the_case_figures_and_chain_and_the_check_finds_a_name_in_a_tip() {
        let mut p = crate::samples::SAMPLES[0].project().unwrap();
        let s = p.intervisions[0].id;
        p.intervisions[0].participants.push(Participant {
            name: "Marieke Jansen".into(),
            region: "Eemland".into(),
            role: CASE_OWNER.into(),
            ..Participant::default()
        });
        let today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let last = p.cycles.len() - 1;
        let brief = session_paper(&p, last, s, Paper::Brief, false, Lang::Nl, today).unwrap();
        let kinds: Vec<SectionKind> = brief.sections.iter().map(|x| x.kind).collect();
        assert_eq!(
            kinds,
            [
                SectionKind::Intervision,
                SectionKind::Dashboard,
                SectionKind::Chain
            ]
        );
        let all = texts(&brief).join("\n");
        assert!(all.contains("kernteams overeind"), "the case question");
        assert!(!all.contains("Marieke"));
        assert!(paper_findings(&brief, p.session(s).unwrap(), false, Lang::Nl).is_empty());
        let id = p.new_id();
        p.tips.push(Tip {
            text: "Marieke Jansen belt de aanbieder".into(),
            session: Some(s),
            ..Tip::new(id)
        });
        let handout = session_paper(&p, last, s, Paper::Handout, false, Lang::Nl, today).unwrap();
        let found = paper_findings(&handout, p.session(s).unwrap(), false, Lang::Nl);
        assert_eq!(found.len(), 1, "{found:?}");
    }
}
