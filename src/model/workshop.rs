//! A workshop held in workshop mode: the agenda the facilitator planned (today's pages in
//! order, each with a time block), and what the room produced that has no other home: the
//! dot-vote and the parking lot. Decisions and actions land in the meeting of that day
//! (`meeting`); tips, signals and scores go where they always go, marked with the session.

use super::{CommonBottleneck, Id, Project, ScanMoment, Step, TextItem};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One workshop about one cycle.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkshopSession {
    pub id: Id,
    /// The cycle on the projector.
    pub cycle: Id,
    #[serde(default)]
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub title: String,
    /// Today's pages in the order they are shown, each with its time block. Empty: every page
    /// of the cycle, in the usual order, with no time blocks.
    #[serde(default)]
    pub agenda: Vec<AgendaBlock>,
    /// The meeting the room's decisions and actions landed in (made with the first of them).
    #[serde(default)]
    pub meeting: Option<Id>,
    #[serde(default)]
    pub vote: DotVote,
    /// What came up but is not for today.
    #[serde(default)]
    pub parked: Vec<TextItem>,
}

impl WorkshopSession {
    /// A session about `cycle` on `date`, with no agenda yet.
    pub fn new(id: Id, cycle: Id, date: Option<NaiveDate>) -> Self {
        Self {
            id,
            cycle,
            date,
            title: String::new(),
            agenda: Vec::new(),
            meeting: None,
            vote: DotVote::default(),
            parked: Vec::new(),
        }
    }

    /// Minutes planned in all the agenda's blocks.
    pub fn planned_minutes(&self) -> u32 {
        self.agenda.iter().map(|b| b.minutes).sum()
    }
}

/// One page of today's agenda and the time it has.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AgendaBlock {
    pub page: PageRef,
    /// The time block in minutes (0: no time block).
    #[serde(default)]
    pub minutes: u32,
    /// Seconds the block's timer actually ran, kept so the minutes can say what it took.
    #[serde(default)]
    pub used_seconds: u32,
}

impl AgendaBlock {
    pub fn new(page: PageRef, minutes: u32) -> Self {
        Self {
            page,
            minutes,
            used_seconds: 0,
        }
    }
}

/// A page of workshop mode, as the file names it: an outcome by its id (so the agenda
/// survives reordering the outcomes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PageRef {
    Title,
    Step(Step),
    Outcome(Id),
    Scan(ScanMoment),
    Chain,
    /// Dot-voting on signals, problems and bottlenecks.
    Vote,
    /// The parking lot.
    Parking,
    /// "Vandaag": everything this session added.
    Today,
    /// The support analysis per school as a chart, with the data dialogue about it.
    Support,
}

/// Dot-voting: each participant (or partner) has a number of dots to spread over the items.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DotVote {
    /// Dots per voter.
    pub dots: u32,
    pub items: Vec<VoteItem>,
}

impl Default for DotVote {
    fn default() -> Self {
        Self {
            dots: 3,
            items: Vec::new(),
        }
    }
}

impl DotVote {
    /// The items with their counts, most votes first (ties in the order they were added).
    pub fn ranked(&self) -> Vec<&VoteItem> {
        let mut v: Vec<&VoteItem> = self.items.iter().collect();
        v.sort_by_key(|i| std::cmp::Reverse(i.count));
        v
    }

    /// Dots given in all.
    pub fn total(&self) -> u32 {
        self.items.iter().map(|i| i.count).sum()
    }
}

/// One thing voted on: a signal, problem or bottleneck of the cycle's analysis, with its words
/// at the time (so the result reads the same when the source is edited or removed).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VoteItem {
    pub id: Id,
    #[serde(default)]
    pub source: VoteSource,
    pub text: String,
    #[serde(default)]
    pub count: u32,
}

/// Where a vote item comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum VoteSource {
    /// Typed on the voting page itself.
    #[default]
    Own,
    Signal(Id),
    Problem(Id),
    /// A bottleneck in the region's own words.
    OwnBottleneck(Id),
    /// One of the common bottlenecks checked in the analysis.
    Bottleneck(CommonBottleneck),
}

impl Project {
    pub fn workshop(&self, id: Id) -> Option<&WorkshopSession> {
        self.workshops.iter().find(|w| w.id == id)
    }

    pub fn workshop_mut(&mut self, id: Id) -> Option<&mut WorkshopSession> {
        self.workshops.iter_mut().find(|w| w.id == id)
    }

    /// The workshop about `cycle` held on `date`, if there is one (the last, if several).
    pub fn workshop_on(&self, cycle: Id, date: NaiveDate) -> Option<&WorkshopSession> {
        (self.workshops.iter().rev()).find(|w| w.cycle == cycle && w.date == Some(date))
    }

    /// The workshop about `cycle` held on `date`, made when there is none yet: what the room
    /// records (an agenda, a vote, a parked item, a decision) goes to it. Nothing is made by
    /// only opening workshop mode.
    pub fn workshop_on_mut(&mut self, cycle: Id, date: NaiveDate) -> &mut WorkshopSession {
        let found = self
            .workshops
            .iter()
            .rposition(|w| w.cycle == cycle && w.date == Some(date));
        let k = match found {
            Some(k) => k,
            None => {
                let id = self.new_id();
                self.workshops
                    .push(WorkshopSession::new(id, cycle, Some(date)));
                self.workshops.len() - 1
            }
        };
        &mut self.workshops[k]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vote_ranks_most_dots_first_and_keeps_ties_in_order() {
        let mut v = DotVote::default();
        for (k, (text, count)) in [("a", 2), ("b", 5), ("c", 2), ("d", 0)].iter().enumerate() {
            v.items.push(VoteItem {
                id: Id(k as u64 + 1),
                source: VoteSource::Own,
                text: (*text).into(),
                count: *count,
            });
        }
        let order: Vec<&str> = v.ranked().iter().map(|i| i.text.as_str()).collect();
        assert_eq!(order, ["b", "a", "c", "d"]);
        assert_eq!(v.total(), 9);
    }

    fn with_workshop() -> (Project, Id) {
        let d = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let mut p = Project::new("Regio", d, d);
        let cycle = p.cycles[0].id;
        let outcome = p.new_id();
        p.cycles[0]
            .outcomes
            .push(crate::model::Outcome::new(outcome));
        let signal = p.new_id();
        let mut s = crate::model::Signal::new(signal);
        s.text = "Wachtlijst".into();
        p.cycles[0].analysis.signals.push(s);
        let id = p.new_id();
        let mut w = WorkshopSession::new(id, cycle, Some(d));
        w.agenda = vec![
            AgendaBlock::new(PageRef::Title, 5),
            AgendaBlock::new(PageRef::Outcome(outcome), 10),
        ];
        let item = p.new_id();
        w.vote.items.push(VoteItem {
            id: item,
            source: VoteSource::Signal(signal),
            text: "Wachtlijst".into(),
            count: 4,
        });
        p.workshops.push(w);
        assert!(p.dangling_links().is_empty() && p.duplicate_ids().is_empty());
        (p, outcome)
    }

    #[test]
    fn links_follow_what_is_removed_and_the_vote_keeps_its_words() {
        let (mut p, outcome) = with_workshop();
        let signal = p.cycles[0].analysis.signals[0].id;
        p.remove(signal);
        let w = &p.workshops[0];
        assert_eq!(w.vote.items[0].source, VoteSource::Own);
        assert_eq!(
            (w.vote.items[0].text.as_str(), w.vote.items[0].count),
            ("Wachtlijst", 4)
        );
        p.remove(outcome);
        assert_eq!(
            p.workshops[0].agenda,
            vec![AgendaBlock::new(PageRef::Title, 5)]
        );
        assert!(p.dangling_links().is_empty());
        let cycle = p.cycles[0].id;
        p.remove(cycle);
        assert!(p.workshops.is_empty(), "a workshop goes with its cycle");
    }

    #[test]
    fn the_day_s_workshop_is_found_or_made_once() {
        let (mut p, _) = with_workshop();
        let cycle = p.cycles[0].id;
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let id = p.workshop_on_mut(cycle, day).id;
        assert_eq!(id, p.workshops[0].id, "the day's workshop is continued");
        let next = day.succ_opt().unwrap();
        assert!(p.workshop_on(cycle, next).is_none());
        let made = p.workshop_on_mut(cycle, next).id;
        assert_eq!(p.workshops.len(), 2);
        assert_eq!(p.workshop_on(cycle, next).map(|w| w.id), Some(made));
        assert!(p.duplicate_ids().is_empty());
    }

    #[test]
    fn a_file_without_workshops_reads_and_writes_as_before() {
        let (p, _) = with_workshop();
        let text = ron::to_string(&p).unwrap();
        let back: Project = ron::from_str(&text).unwrap();
        assert_eq!(back, p);
        let mut none = p.clone();
        none.workshops.clear();
        let text = ron::to_string(&none).unwrap();
        assert!(!text.contains("workshops"));
        assert_eq!(ron::from_str::<Project>(&text).unwrap(), none);
    }
}
