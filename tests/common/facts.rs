//! The facts every report format must carry, read from the project itself: shared by
//! tests/report.rs (HTML, Markdown) and tests/docx.rs (Word).

use kompas::export;
use kompas::i18n::Lang;
use kompas::model::{Project, assess};

/// What the partners decided and learnt, as the project holds it: every decision, action,
/// tip and intervision lesson, and the agenda's themes.
pub fn together_facts(p: &Project) -> Vec<String> {
    let mut v = Vec::new();
    for m in &p.meetings {
        v.extend(m.decisions.iter().map(|d| d.text.clone()));
        v.extend(m.actions.iter().map(|a| a.what.clone()));
    }
    v.extend(p.tips.iter().map(|t| t.text.clone()));
    for s in &p.intervisions {
        v.extend(s.lessons.iter().map(|l| l.text.clone()));
        v.push(s.case_question.clone());
    }
    v.extend(p.agenda.themes.iter().map(|t| t.text.clone()));
    v.retain(|s| !s.trim().is_empty());
    v
}

/// Every indicator's latest value as shown outside the window ("< N" when suppressed).
pub fn latest_values(p: &Project, cycle: usize) -> Vec<String> {
    let today = chrono::Local::now().date_naive();
    p.cycles[cycle]
        .indicators()
        .filter_map(|i| {
            let a = assess(i, &p.indicator_series(i.id), today);
            let (_, v) = a.latest?;
            Some(export::shown_with_unit(
                p,
                v,
                &i.unit,
                i.is_count_of_people(),
                Lang::Nl,
            ))
        })
        .collect()
}
