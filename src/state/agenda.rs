//! Today's agenda in workshop mode: which pages are shown (the agenda's, in its order, between
//! the title page and "Vandaag"; without an agenda every page), what is on now and next, the
//! timer that follows the agenda's time blocks (keeping the time a block used), and the
//! agenda editor's changes to the day's [`WorkshopSession`].

use super::{OpenDoc, Page, Timer, Workshop, pages};
use crate::model::{AgendaBlock, Cycle, Id, PageRef, Project, WorkshopSession};
use chrono::NaiveDate;
use std::sync::Arc;

impl Page {
    /// The page the file names, if the cycle has it.
    pub fn from_ref(r: PageRef, c: &Cycle) -> Option<Self> {
        Some(match r {
            PageRef::Title => Self::Title,
            PageRef::Step(s) => Self::Step(s),
            PageRef::Outcome(id) => Self::Outcome(c.outcomes.iter().position(|o| o.id == id)?),
            PageRef::Scan(m) => Self::Scan(m),
            PageRef::Chain => Self::Chain,
            PageRef::Vote => Self::Vote,
            PageRef::Parking => Self::Parking,
            PageRef::Today => Self::WrapUp,
            PageRef::Support => Self::Support,
        })
    }
}

/// Where workshop mode began: the document as it was then (what the room added is what it
/// lacks), for which open document, cycle and day.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionStart {
    pub serial: u64,
    pub cycle: Id,
    pub day: NaiveDate,
    pub before: Arc<Project>,
}

impl SessionStart {
    /// The start kept from the last time, when it was the same document, cycle and day;
    /// otherwise one taken now.
    pub fn keep_or_take(kept: Option<Self>, doc: &OpenDoc, day: NaiveDate) -> Option<Self> {
        let cycle = doc.project.cycles.get(doc.cycle)?.id;
        match kept {
            Some(s) if s.serial == doc.serial && s.cycle == cycle && s.day == day => Some(s),
            _ => Some(Self {
                serial: doc.serial,
                cycle,
                day,
                before: Arc::new(doc.project.clone()),
            }),
        }
    }
}

impl Workshop {
    /// The day of the session (today, unless it began before midnight).
    pub fn day(&self) -> NaiveDate {
        self.start
            .as_ref()
            .map_or_else(|| chrono::Local::now().date_naive(), |s| s.day)
    }
}

/// The day's workshop about cycle `cycle` (its index), if the room recorded anything yet.
pub fn session(p: &Project, cycle: usize, day: NaiveDate) -> Option<&WorkshopSession> {
    p.workshop_on(p.cycles.get(cycle)?.id, day)
}

/// Whether the agenda chooses pages (more than the title page and "Vandaag").
fn chooses(agenda: &[AgendaBlock]) -> bool {
    agenda
        .iter()
        .any(|b| !matches!(b.page, PageRef::Title | PageRef::Today))
}

/// The pages shown: with an agenda, the title page, the agenda's pages in its order and
/// "Vandaag"; without one, every page of the cycle.
pub fn shown_pages(p: &Project, cycle: usize, day: NaiveDate) -> Vec<Page> {
    let Some(c) = p.cycles.get(cycle) else {
        return vec![Page::Title];
    };
    match session(p, cycle, day) {
        Some(w) if chooses(&w.agenda) => {
            let mut v = vec![Page::Title];
            v.extend(
                (w.agenda.iter())
                    .filter(|b| !matches!(b.page, PageRef::Title | PageRef::Today))
                    .filter_map(|b| Page::from_ref(b.page, c)),
            );
            v.push(Page::WrapUp);
            v
        }
        _ => pages(c),
    }
}

/// The agenda's block of a page, if it has one.
pub fn block_of(p: &Project, cycle: usize, day: NaiveDate, page: Page) -> Option<&AgendaBlock> {
    let r = page.page_ref(p.cycles.get(cycle)?)?;
    session(p, cycle, day)?.agenda.iter().find(|b| b.page == r)
}

/// The minutes of a page's time block (0: none).
pub fn minutes_of(p: &Project, cycle: usize, day: NaiveDate, page: Page) -> u32 {
    block_of(p, cycle, day, page).map_or(0, |b| b.minutes)
}

/// Keeps the timer with the agenda: arriving on a page with a time block sets the timer to
/// that block, counting on from the time the block used before (kept in the file, so the
/// minutes can say what it took); it runs on if it ran. Leaving a block keeps its time used.
/// A page without a block leaves the timer as the facilitator set it.
pub fn follow_blocks(
    ws: &mut Workshop,
    doc: &mut OpenDoc,
    timer: &mut Timer,
    label: impl Fn(Page, &Cycle) -> String,
    now: f64,
) {
    let day = ws.day();
    let all = shown_pages(&doc.project, doc.cycle, day);
    let Some(&page) = all.get(ws.page.min(all.len().saturating_sub(1))) else {
        return;
    };
    let here = block_of(&doc.project, doc.cycle, day, page)
        .filter(|b| b.minutes > 0)
        .map(|b| (b.page, b.minutes, b.used_seconds));
    let current = here.map(|(r, m, _)| (r, m));
    if ws.timed == current {
        return;
    }
    // a timer that ran when its block was left runs on in the next block, also after pages
    // without one between them
    let running = if ws.timed.is_some() {
        timer.is_running()
    } else {
        ws.ran || timer.is_running()
    };
    ws.ran = running;
    match (ws.timed, here) {
        // the block's length was changed in the agenda: the timer follows, keeping its time
        (Some((was, _)), Some((r, minutes, _))) if was == r => {
            timer.total = f64::from(minutes) * 60.0;
        }
        (was, here) => {
            if let Some((old, _)) = was {
                keep_used(doc, day, old, timer, now);
            }
            match here {
                Some((_, minutes, used)) => {
                    let name = (doc.project.cycles.get(doc.cycle))
                        .map_or(String::new(), |c| label(page, c));
                    timer.set(&name, f64::from(minutes));
                    timer.count_from(f64::from(used), running.then_some(now));
                }
                None if was.is_some() => timer.clear(),
                None => {}
            }
        }
    }
    ws.timed = current;
}

/// Writes the time the timer has run into the block it timed (one undo step of its own;
/// nothing when it did not change).
pub fn keep_used(doc: &mut OpenDoc, day: NaiveDate, page: PageRef, timer: &Timer, now: f64) {
    if !timer.is_set() {
        return;
    }
    let used = timer.elapsed_seconds(now).floor().max(0.0) as u32;
    let Some(cycle) = doc.project.cycles.get(doc.cycle).map(|c| c.id) else {
        return;
    };
    let same = (doc.project.workshop_on(cycle, day))
        .and_then(|w| w.agenda.iter().find(|b| b.page == page))
        .is_none_or(|b| b.used_seconds == used);
    if same {
        return;
    }
    doc.one_step(now, |p| {
        if let Some(b) = (p.workshop_on_mut(cycle, day).agenda.iter_mut()).find(|b| b.page == page)
        {
            b.used_seconds = used;
        }
    });
}

/// The agenda editor's rows: the title page, the agenda's pages in order, the cycle's other
/// pages (not on the agenda), and "Vandaag"; each with its block, if it has one.
pub fn editor_rows(c: &Cycle, agenda: &[AgendaBlock]) -> Vec<(PageRef, Option<AgendaBlock>)> {
    let block = |r: PageRef| agenda.iter().find(|b| b.page == r).cloned();
    let mut rows = vec![(PageRef::Title, block(PageRef::Title))];
    for b in agenda {
        if !matches!(b.page, PageRef::Title | PageRef::Today) && Page::from_ref(b.page, c).is_some()
        {
            rows.push((b.page, Some(b.clone())));
        }
    }
    for p in pages(c) {
        let Some(r) = p.page_ref(c) else { continue };
        if !matches!(r, PageRef::Title | PageRef::Today) && block(r).is_none() {
            rows.push((r, None));
        }
    }
    rows.push((PageRef::Today, block(PageRef::Today)));
    rows
}

/// A change the agenda editor makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgendaEdit {
    /// Puts the page on the agenda (at its end) or takes it off.
    Toggle(PageRef),
    /// Moves the page one place earlier (-1) or later (+1) among the agenda's pages.
    Move(PageRef, i32),
    /// Adds (or with a negative number takes) minutes from the page's block.
    Minutes(PageRef, i32),
}

/// Applies an editor's change to an agenda. The title page and "Vandaag" are always shown
/// (first and last): they only get minutes.
pub fn edit_agenda(agenda: &mut Vec<AgendaBlock>, e: AgendaEdit) {
    let fixed = |r: PageRef| matches!(r, PageRef::Title | PageRef::Today);
    let at = |agenda: &Vec<AgendaBlock>, r: PageRef| agenda.iter().position(|b| b.page == r);
    match e {
        AgendaEdit::Toggle(r) if fixed(r) => {}
        AgendaEdit::Toggle(r) => match at(agenda, r) {
            Some(k) => {
                agenda.remove(k);
            }
            None => {
                let k = at(agenda, PageRef::Today).unwrap_or(agenda.len());
                agenda.insert(k, AgendaBlock::new(r, 10));
            }
        },
        AgendaEdit::Move(r, delta) => {
            let Some(k) = at(agenda, r).filter(|_| !fixed(r)) else {
                return;
            };
            let mut j = k;
            loop {
                j = match j.checked_add_signed(delta as isize) {
                    Some(j) if j < agenda.len() => j,
                    _ => return,
                };
                if !fixed(agenda[j].page) {
                    break;
                }
            }
            agenda.swap(k, j);
        }
        AgendaEdit::Minutes(r, delta) => {
            let k = match at(agenda, r) {
                Some(k) => k,
                None if fixed(r) => {
                    let k = if r == PageRef::Title { 0 } else { agenda.len() };
                    agenda.insert(k, AgendaBlock::new(r, 0));
                    k
                }
                None => return,
            };
            let b = &mut agenda[k];
            b.minutes = b.minutes.saturating_add_signed(delta).min(240);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Outcome, Step};

    fn cycle() -> Cycle {
        let d = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let mut p = Project::new("R", d, d);
        let id = p.new_id();
        p.cycles[0].outcomes.push(Outcome::new(id));
        p.cycles.remove(0)
    }

    #[test]
    fn the_editor_adds_moves_and_times_pages_and_keeps_title_and_today_in_place() {
        let c = cycle();
        let mut a = Vec::new();
        let chain = PageRef::Chain;
        let analysis = PageRef::Step(Step::Analysis);
        edit_agenda(&mut a, AgendaEdit::Toggle(chain));
        edit_agenda(&mut a, AgendaEdit::Toggle(analysis));
        edit_agenda(&mut a, AgendaEdit::Minutes(PageRef::Today, 5));
        edit_agenda(&mut a, AgendaEdit::Minutes(PageRef::Title, 5));
        edit_agenda(&mut a, AgendaEdit::Move(analysis, -1));
        edit_agenda(&mut a, AgendaEdit::Move(analysis, -1));
        edit_agenda(&mut a, AgendaEdit::Minutes(chain, -15));
        edit_agenda(&mut a, AgendaEdit::Toggle(PageRef::Today));
        let order: Vec<(PageRef, u32)> = a.iter().map(|b| (b.page, b.minutes)).collect();
        assert_eq!(
            order,
            [
                (PageRef::Title, 5),
                (analysis, 10),
                (chain, 0),
                (PageRef::Today, 5)
            ]
        );
        let rows = editor_rows(&c, &a);
        assert_eq!(rows[1].0, analysis);
        assert_eq!(rows[2].0, chain);
        assert!(rows[3].1.is_none(), "the pages not on the agenda follow");
        assert_eq!(rows.last().unwrap().0, PageRef::Today);
        assert_eq!(rows.len(), pages(&c).len());
        edit_agenda(&mut a, AgendaEdit::Toggle(chain));
        assert_eq!(a.len(), 3);
    }

    #[test]
    fn every_page_names_itself_and_back() {
        let c = cycle();
        for p in pages(&c) {
            assert_eq!(Page::from_ref(p.page_ref(&c).unwrap(), &c), Some(p));
        }
    }
}
