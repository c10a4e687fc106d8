//! Workshop mode's state: the page on the projector, what is half typed in its quick fields,
//! and who is being scored on a live scan page. Drawn by `ui::workshop`.

use crate::model::{Cycle, Id, PageRef, Project, ScanMoment, Score, SignalSource, Step};

/// The state of workshop mode.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Workshop {
    pub page: usize,
    /// The text of the quick "tip" field.
    pub tip: String,
    /// The text and source of the quick "signal" field.
    pub signal: String,
    pub signal_from: SignalSource,
    /// Who is scoring on the scan pages, and which statement has the keys.
    pub live_scan: LiveScan,
    /// The results chain's page: its own zoom, pan and selection.
    pub chain: super::ChainScreen,
    /// The document as it was when the session began (what the room added is what it lacks).
    pub start: Option<super::SessionStart>,
    /// What is open over the page: the page list, the agenda editor, the decision form.
    pub overlay: Overlay,
    /// The agenda block the timer follows, with its minutes.
    pub timed: Option<(crate::model::PageRef, u32)>,
    /// The timer ran when the last block was left (it runs on in the next one).
    pub ran: bool,
    /// The dot-vote's page.
    pub vote: super::VoteScreen,
    /// The parking lot's page and quick field.
    pub parking: super::ParkingScreen,
}

/// What is open over the page in workshop mode. While one is open, the page keys (Page Down,
/// the arrows, Escape) are its own.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Overlay {
    #[default]
    None,
    /// The list of pages to jump to, with the chosen line.
    Pages(usize),
    /// The agenda editor, with the chosen row.
    Agenda(usize),
    /// The form for a decision or an action of the room.
    Room(RoomForm),
}

/// A decision or an action being typed in the room.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RoomForm {
    pub action: bool,
    pub what: String,
    /// Who does it: a partner, and the role of whoever there does it (never a name).
    pub partner: Option<Id>,
    pub role: String,
    pub due: Option<chrono::NaiveDate>,
}

/// One page of the presentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Title,
    Step(Step),
    /// One outcome (index in the cycle) with its indicators.
    Outcome(usize),
    /// The first scan (after the analysis) or the rescore (in the evaluation).
    Scan(ScanMoment),
    /// The results chain, once the interventions are in.
    Chain,
    /// Dot-voting on the analysis' signals, problems and bottlenecks.
    Vote,
    /// The parking lot: what comes up but is not for today.
    Parking,
    /// "Vandaag": what this session added, to read out at the end.
    WrapUp,
    /// The support analysis per school as a chart, and the data dialogue about it.
    Support,
}

impl Page {
    /// The step a page belongs to (tips added on it are tagged with it).
    pub fn step(self) -> Option<Step> {
        match self {
            Self::Title | Self::Parking | Self::WrapUp => None,
            // what is voted on becomes ambitions
            Self::Vote => Some(Step::Ambitions),
            Self::Step(s) => Some(s),
            Self::Support => Some(Step::Analysis),
            Self::Outcome(_) => Some(Step::Outcomes),
            Self::Chain => Some(Step::Interventions),
            Self::Scan(ScanMoment::Analysis) => Some(Step::Analysis),
            Self::Scan(ScanMoment::Evaluation) => Some(Step::Evaluation),
        }
    }

    /// The page as the file names it (an outcome by its id; `None`: an outcome the cycle has
    /// not). The wrap-up is "Vandaag".
    pub fn page_ref(self, c: &Cycle) -> Option<PageRef> {
        Some(match self {
            Self::Title => PageRef::Title,
            Self::Step(s) => PageRef::Step(s),
            Self::Outcome(k) => PageRef::Outcome(c.outcomes.get(k)?.id),
            Self::Scan(m) => PageRef::Scan(m),
            Self::Chain => PageRef::Chain,
            Self::Vote => PageRef::Vote,
            Self::Parking => PageRef::Parking,
            Self::WrapUp => PageRef::Today,
            Self::Support => PageRef::Support,
        })
    }
}

/// The pages for a cycle, in order.
pub fn pages(c: &Cycle) -> Vec<Page> {
    let mut v = vec![Page::Title, Page::Step(Step::Analysis)];
    // the support analysis' chart, when the cycle has schools
    if !c.analysis.support.is_empty() {
        v.push(Page::Support);
    }
    v.extend([Page::Scan(ScanMoment::Analysis), Page::Vote]);
    v.push(Page::Step(Step::Ambitions));
    v.push(Page::Step(Step::Outcomes));
    v.extend((0..c.outcomes.len()).map(Page::Outcome));
    v.push(Page::Step(Step::Interventions));
    v.push(Page::Chain);
    v.push(Page::Step(Step::Evaluation));
    v.push(Page::Scan(ScanMoment::Evaluation));
    v.push(Page::Parking);
    v.push(Page::WrapUp);
    v
}

/// Which partner is being scored and which statement has the keys.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LiveScan {
    pub partner: Option<Id>,
    /// The statement the keys score (its place in `all_statements`), outlined on the page;
    /// `None`: the keys score nothing until one is chosen.
    pub focus: Option<usize>,
    /// The scan page and partner the selection was made on (cycle, moment, partner), and the
    /// pass it was last drawn in: arriving on a page or at another partner chooses anew.
    pub shown: Option<(usize, ScanMoment, Id)>,
    pub drawn: u64,
    /// The last change of a score that was there already (shown beside it, with the old value).
    pub changed: Option<ScoreChange>,
}

/// A score that was there already, changed (or cleared) on a live scan page: applied by the
/// app as one undo step of its own, so one Ctrl+Z brings the old score back.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreChange {
    pub cycle: usize,
    pub moment: ScanMoment,
    pub partner: Id,
    pub code: String,
    pub old: Score,
    pub new: Option<Score>,
}

impl ScoreChange {
    /// Puts the new score in the project (or takes the old one out).
    pub fn apply(&self, project: &mut Project) {
        let Some(c) = project.cycles.get_mut(self.cycle) else {
            return;
        };
        let scan = c.scan_mut(self.moment);
        let Some(r) = scan
            .responses
            .iter_mut()
            .find(|r| r.partner == self.partner)
        else {
            return;
        };
        match self.new {
            Some(s) => {
                r.scores.insert(self.code.clone(), s);
            }
            None => {
                r.scores.remove(&self.code);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vote_follows_the_first_scan_the_parking_lot_comes_before_the_wrap_up() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
        let mut p = Project::new("Regio", d, d);
        let id = p.new_id();
        p.cycles[0].outcomes.push(crate::model::Outcome::new(id));
        let c = &p.cycles[0];
        let all = pages(c);
        let at = |page| all.iter().position(|x| *x == page).unwrap_or(usize::MAX);
        assert_eq!(at(Page::Vote), at(Page::Scan(ScanMoment::Analysis)) + 1);
        assert_eq!(at(Page::Parking) + 1, at(Page::WrapUp));
        assert_eq!(Page::Vote.page_ref(c), Some(PageRef::Vote));
        assert_eq!(Page::Parking.page_ref(c), Some(PageRef::Parking));
        assert_eq!(Page::Outcome(0).page_ref(c), Some(PageRef::Outcome(id)));
        assert_eq!(Page::Outcome(1).page_ref(c), None);
        assert_eq!(Page::WrapUp.page_ref(c), Some(PageRef::Today));
    }
}
