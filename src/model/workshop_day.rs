//! What a workshop added to the document, and the meeting its decisions land in. What was
//! added is found by comparing the document with how it was when workshop mode began (a copy
//! kept by the screen): signals, scores and dialogue answers carry no mark of the session, and
//! a comparison also holds when an item is edited or removed again. Tips count as well when
//! they name the session.

use super::{Id, Meeting, Project, ScanMoment, Score, Signal, Tip};
use chrono::NaiveDate;

/// Everything a workshop added to one cycle.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Added {
    pub signals: Vec<Signal>,
    pub scores: Vec<AddedScore>,
    pub tips: Vec<Tip>,
    /// Indicators whose data dialogue was answered or changed.
    pub dialogue: Vec<Id>,
    /// The data dialogue about the support analysis was answered or changed.
    pub support_dialogue: bool,
}

impl Added {
    pub fn is_empty(&self) -> bool {
        self.signals.is_empty()
            && self.scores.is_empty()
            && self.tips.is_empty()
            && self.dialogue.is_empty()
            && !self.support_dialogue
    }
}

/// A scan score given (or changed) in the room.
#[derive(Clone, Debug, PartialEq)]
pub struct AddedScore {
    pub moment: ScanMoment,
    pub partner: Id,
    pub code: String,
    pub score: Score,
    /// What it was before, if it was there.
    pub before: Option<Score>,
}

impl Project {
    /// What was added to cycle `cycle` since `before` (the same document, earlier): new
    /// signals, new or changed scores, new tips (and tips naming `session`), indicators whose
    /// data dialogue changed.
    pub fn added_since(&self, before: &Project, cycle: Id, session: Option<Id>) -> Added {
        let mut out = Added::default();
        let Some(c) = self.cycles.iter().find(|c| c.id == cycle) else {
            return out;
        };
        let old = before.cycles.iter().find(|c| c.id == cycle);
        let had_signal =
            |id: Id| old.is_some_and(|o| o.analysis.signals.iter().any(|s| s.id == id));
        out.signals = (c.analysis.signals.iter())
            .filter(|s| !had_signal(s.id))
            .cloned()
            .collect();
        for moment in [ScanMoment::Analysis, ScanMoment::Evaluation] {
            for r in &c.scan(moment).responses {
                let was = old.and_then(|o| {
                    (o.scan(moment).responses.iter()).find(|x| x.partner == r.partner)
                });
                for (code, score) in &r.scores {
                    let before = was.and_then(|w| w.scores.get(code)).copied();
                    if before != Some(*score) {
                        out.scores.push(AddedScore {
                            moment,
                            partner: r.partner,
                            code: code.clone(),
                            score: *score,
                            before,
                        });
                    }
                }
            }
        }
        let had_tip = |id: Id| before.tips.iter().any(|t| t.id == id);
        out.tips = (self.tips.iter())
            .filter(|t| {
                (t.cycle == Some(cycle) && !had_tip(t.id))
                    || (session.is_some() && t.session == session)
            })
            .cloned()
            .collect();
        for o in &c.outcomes {
            for ind in &o.indicators {
                let was = old
                    .and_then(|oc| oc.outcomes.iter().find(|x| x.id == o.id))
                    .and_then(|x| x.indicators.iter().find(|i| i.id == ind.id));
                let changed = match was {
                    Some(w) => w.dialogue != ind.dialogue,
                    None => ind.dialogue != Default::default(),
                };
                if changed {
                    out.dialogue.push(ind.id);
                }
            }
        }
        let support = &c.analysis.support.dialogue;
        out.support_dialogue = match old {
            Some(o) => o.analysis.support.dialogue != *support,
            None => !support.is_empty(),
        };
        out
    }

    /// The meeting a workshop's decisions and actions land in: the one the day's workshop
    /// about `cycle` links to, made (dated `day`, titled `title`) with the first of them.
    pub fn workshop_meeting_mut(&mut self, cycle: Id, day: NaiveDate, title: &str) -> &mut Meeting {
        let linked = self.workshop_on(cycle, day).and_then(|w| w.meeting);
        let k = match linked.and_then(|id| self.meetings.iter().position(|m| m.id == id)) {
            Some(k) => k,
            None => {
                let id = self.new_id();
                self.meetings.push(Meeting {
                    title: title.to_owned(),
                    date: Some(day),
                    ..Meeting::new(id)
                });
                self.workshop_on_mut(cycle, day).meeting = Some(id);
                self.meetings.len() - 1
            }
        };
        &mut self.meetings[k]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, ScanResponse, TextItem};

    fn project() -> (Project, Id, NaiveDate) {
        let d = NaiveDate::from_ymd_opt(2026, 3, 12).unwrap();
        let p = Project::new("Regio", d, d);
        let cycle = p.cycles[0].id;
        (p, cycle, d)
    }

    #[test]
    fn decisions_of_a_day_land_in_one_meeting_linked_from_the_workshop() {
        let (mut p, cycle, d) = project();
        let id = p.new_id();
        p.workshop_meeting_mut(cycle, d, "Werksessie")
            .decisions
            .push(TextItem {
                id,
                text: "Besluit".into(),
            });
        let id = p.new_id();
        p.workshop_meeting_mut(cycle, d, "Werksessie")
            .actions
            .push(Action::new(id));
        assert_eq!(p.meetings.len(), 1, "the second lands in the same meeting");
        let m = &p.meetings[0];
        assert_eq!(
            (m.date, m.decisions.len(), m.actions.len()),
            (Some(d), 1, 1)
        );
        assert_eq!(p.workshop_on(cycle, d).unwrap().meeting, Some(m.id));
        assert!(p.dangling_links().is_empty() && p.duplicate_ids().is_empty());
        // another day: another meeting
        let next = d.succ_opt().unwrap();
        p.workshop_meeting_mut(cycle, next, "Werksessie");
        assert_eq!(p.meetings.len(), 2);
    }

    #[test]
    fn what_was_added_is_what_the_copy_from_the_start_lacks() {
        let (mut p, cycle, _) = project();
        let partner = p.new_id();
        let id = p.new_id();
        let mut s = Signal::new(id);
        s.text = "oud".into();
        p.cycles[0].analysis.signals.push(s);
        let rid = p.new_id();
        let mut r = ScanResponse {
            id: rid,
            partner,
            scores: Default::default(),
            note: String::new(),
        };
        r.scores.insert("A1".into(), Score::Value(2));
        p.cycles[0].analysis.scan.responses.push(r);
        let before = p.clone();
        assert!(p.added_since(&before, cycle, None).is_empty());
        let id = p.new_id();
        let mut s = Signal::new(id);
        s.text = "nieuw".into();
        p.cycles[0].analysis.signals.push(s);
        let scores = &mut p.cycles[0].analysis.scan.responses[0].scores;
        scores.insert("A1".into(), Score::Value(4));
        scores.insert("A2".into(), Score::NoView);
        let id = p.new_id();
        p.tips.push(Tip {
            text: "tip".into(),
            cycle: Some(cycle),
            ..Tip::new(id)
        });
        let added = p.added_since(&before, cycle, None);
        assert_eq!(added.signals.len(), 1);
        assert_eq!(added.signals[0].text, "nieuw");
        assert_eq!(added.scores.len(), 2);
        assert_eq!(added.scores[0].before, Some(Score::Value(2)));
        assert_eq!(added.tips.len(), 1);
        assert!(added.dialogue.is_empty());
    }
}
