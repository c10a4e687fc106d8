//! What an intervision session hands on: its case owner, a tip made into an action in the
//! meeting of the day, and its lessons taken into a cycle's evaluation (once).

use super::{
    Action, CASE_OWNER, Id, IntervisionSession, Meeting, Participant, Project, TextItem, Tip,
};
use chrono::NaiveDate;

impl IntervisionSession {
    /// The participant who brings the case (the first with that role).
    pub fn case_owner(&self) -> Option<&Participant> {
        self.participants
            .iter()
            .find(|p| p.role.trim().eq_ignore_ascii_case(CASE_OWNER))
    }

    /// The participant with this id.
    pub fn participant(&self, id: Id) -> Option<&Participant> {
        self.participants.iter().find(|p| p.id == Some(id))
    }

    /// Seconds used in all rounds.
    pub fn used_seconds(&self) -> u32 {
        self.rounds.iter().map(|r| r.used_seconds).sum()
    }
}

impl Project {
    pub fn session_mut(&mut self, id: Id) -> Option<&mut IntervisionSession> {
        self.intervisions.iter_mut().find(|s| s.id == id)
    }

    pub fn tip(&self, id: Id) -> Option<&Tip> {
        self.tips.iter().find(|t| t.id == id)
    }

    /// The action with this id, with its meeting.
    pub fn action(&self, id: Id) -> Option<(&Meeting, &Action)> {
        self.meetings
            .iter()
            .find_map(|m| m.actions.iter().find(|a| a.id == id).map(|a| (m, a)))
    }

    /// The meeting held on `date` (the last, if several), made when there is none, titled
    /// `title`.
    pub fn meeting_on_mut(&mut self, date: NaiveDate, title: &str) -> &mut Meeting {
        let found = self.meetings.iter().rposition(|m| m.date == Some(date));
        let k = match found {
            Some(k) => k,
            None => {
                let id = self.new_id();
                let mut m = Meeting::new(id);
                m.date = Some(date);
                m.title = title.to_owned();
                self.meetings.push(m);
                self.meetings.len() - 1
            }
        };
        &mut self.meetings[k]
    }

    /// "Maak er een actie van": the tip becomes an open action in the meeting of `today`
    /// (made, titled `title`, when there is none), with the tip's text, its follow-up owner
    /// and date; the tip keeps a link to it. A tip that has an action (still there) keeps it.
    /// Returns the action's id.
    pub fn tip_to_action(&mut self, tip: Id, today: NaiveDate, title: &str) -> Option<Id> {
        let t = self.tip(tip)?.clone();
        if let Some(a) = t.action.filter(|a| self.action(*a).is_some()) {
            return Some(a);
        }
        let id = self.new_id();
        let mut action = Action::new(id);
        action.what = t.text.trim().to_owned();
        action.owner = t.follow_up_owner;
        action.due = t.follow_up;
        self.meeting_on_mut(today, title).actions.push(action);
        if let Some(t) = self.tips.iter_mut().find(|x| x.id == tip) {
            t.action = Some(id);
        }
        Some(id)
    }

    /// Takes the lessons of a session into the evaluation lessons of cycle `cycle` (its
    /// index), leaving out the empty ones and those it holds already (the same words):
    /// a second click adds nothing. Returns how many were added.
    pub fn lessons_into_evaluation(&mut self, session: Id, cycle: usize) -> usize {
        let Some(s) = self.session(session) else {
            return 0;
        };
        let lessons: Vec<String> = s
            .lessons
            .iter()
            .map(|l| l.text.trim().to_owned())
            .filter(|t| !t.is_empty())
            .collect();
        let Some(have) = self.cycles.get(cycle).map(|c| {
            c.evaluation
                .lessons
                .iter()
                .map(|l| same_words(&l.text))
                .collect::<Vec<_>>()
        }) else {
            return 0;
        };
        let mut added = 0;
        let mut seen = have;
        for text in lessons {
            if seen.contains(&same_words(&text)) {
                continue;
            }
            seen.push(same_words(&text));
            let id = self.new_id();
            self.cycles[cycle]
                .evaluation
                .lessons
                .push(TextItem { id, text });
            added += 1;
        }
        added
    }
}

/// A text compared by its words (case and spacing aside).
fn same_words(s: &str) -> String {
    s.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project() -> (Project, Id) {
        let d = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let mut p = Project::new("Utrecht", d, d);
        let id = p.new_id();
        let mut s = IntervisionSession::new(id);
        for text in ["Begin klein", "Meet vaker", "  "] {
            let lid = p.new_id();
            s.lessons.push(TextItem {
                id: lid,
                text: text.into(),
            });
        }
        p.intervisions.push(s);
        (p, id)
    }

    #[test]
    fn lessons_go_into_the_evaluation_once() {
        let (mut p, s) = project();
        p.cycles[0].evaluation.lessons.push(TextItem {
            id: Id(900),
            text: "meet  VAKER".into(),
        });
        assert_eq!(p.lessons_into_evaluation(s, 0), 1, "only the new one");
        assert_eq!(
            p.lessons_into_evaluation(s, 0),
            0,
            "a second click adds none"
        );
        let texts: Vec<&str> = (p.cycles[0].evaluation.lessons.iter())
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(texts, ["meet  VAKER", "Begin klein"]);
        assert!(p.duplicate_ids().is_empty());
    }

    #[test]
    fn a_tip_becomes_an_action_in_todays_meeting_once() {
        let (mut p, s) = project();
        let partner = p.new_id();
        p.partners.push(crate::model::Partner::new(partner));
        let id = p.new_id();
        let due = NaiveDate::from_ymd_opt(2026, 3, 1);
        p.tips.push(Tip {
            text: "Bel de school".into(),
            session: Some(s),
            follow_up: due,
            follow_up_owner: Some(partner),
            ..Tip::new(id)
        });
        let today = NaiveDate::from_ymd_opt(2026, 2, 2).unwrap();
        let a = p.tip_to_action(id, today, "Intervisie").unwrap();
        assert_eq!(p.tip_to_action(id, today, "Intervisie"), Some(a), "once");
        assert_eq!(p.meetings.len(), 1);
        let (m, action) = p.action(a).unwrap();
        assert_eq!(m.date, Some(today));
        assert_eq!(action.what, "Bel de school");
        assert_eq!((action.owner, action.due), (Some(partner), due));
        assert_eq!(p.tip(id).unwrap().action, Some(a));
        assert!(p.dangling_links().is_empty());
    }

    #[test]
    fn new_fields_round_trip_and_older_files_read_and_write_as_before() {
        let (mut p, s) = project();
        // an older file: none of the new fields written
        let old = ron::to_string(&p).unwrap();
        let parts = ron::to_string(&(&p.intervisions, &p.tips)).unwrap();
        for field in [
            "used_seconds",
            "done",
            "given_by",
            "follow_up",
            "outcome",
            "name:",
        ] {
            assert!(!parts.contains(field), "{field} written while empty");
        }
        assert_eq!(ron::from_str::<Project>(&old).unwrap(), p);
        let pid = p.new_id();
        let session = p.session_mut(s).unwrap();
        session.rounds[1].used_seconds = 312;
        session.rounds[1].done = true;
        session.participants.push(Participant {
            id: Some(pid),
            name: "Marieke".into(),
            region: "Utrecht".into(),
            role: CASE_OWNER.into(),
        });
        let tid = p.new_id();
        p.tips.push(Tip {
            text: "Bel".into(),
            given_by: Some(pid),
            follow_up: NaiveDate::from_ymd_opt(2026, 4, 1),
            outcome: "Gedaan".into(),
            ..Tip::new(tid)
        });
        let text = ron::to_string(&p).unwrap();
        let back: Project = ron::from_str(&text).unwrap();
        assert_eq!(back, p);
        assert_eq!(
            back.session(s).unwrap().case_owner().unwrap().region,
            "Utrecht"
        );
        assert!(back.duplicate_ids().is_empty() && back.dangling_links().is_empty());
    }
}
