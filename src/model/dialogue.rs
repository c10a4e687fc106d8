//! The data dialogue: what the group says when it looks at an indicator's figures together,
//! one per day it is held; a new day's dialogue keeps the earlier ones. An indicator keeps its
//! dialogues, and so does the support analysis per school.

use super::Indicator;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The data dialogue: three questions the group answers looking at an indicator's figures.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct DataDialogue {
    /// The day the group said it (`None`: from before dialogues were dated, or typed in the
    /// editor without one). Not written when `None`, so an older file writes as it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Do we recognise these figures?
    pub recognise: String,
    /// How do we explain them?
    pub explain: String,
    /// What do we think of them?
    pub opinion: String,
}

impl DataDialogue {
    pub fn is_empty(&self) -> bool {
        self.recognise.trim().is_empty()
            && self.explain.trim().is_empty()
            && self.opinion.trim().is_empty()
    }
}

impl DataDialogue {
    /// The dialogue of `date` in a place that keeps a current dialogue and the earlier ones (an
    /// indicator, the support analysis), to type into: the current one when it is that day's
    /// (or empty); otherwise the current one is kept among the earlier ones and a new one
    /// begins.
    pub fn of_day<'a>(
        current: &'a mut DataDialogue,
        earlier: &mut Vec<DataDialogue>,
        date: NaiveDate,
    ) -> &'a mut DataDialogue {
        if current.date != Some(date) {
            if !current.is_empty() {
                earlier.push(std::mem::take(current));
            }
            current.date = Some(date);
        }
        current
    }

    /// Every dialogue with something said in it, oldest first (the current one last).
    pub fn said<'a>(
        current: &'a DataDialogue,
        earlier: &'a [DataDialogue],
    ) -> impl Iterator<Item = &'a DataDialogue> {
        earlier
            .iter()
            .chain(std::iter::once(current))
            .filter(|d| !d.is_empty())
    }
}

impl Indicator {
    /// Every dialogue with something said in it, oldest first (the current one last).
    pub fn dialogues(&self) -> impl Iterator<Item = &DataDialogue> {
        DataDialogue::said(&self.dialogue, &self.earlier_dialogues)
    }

    /// The dialogue held on `date`, if there is one with something said in it.
    pub fn dialogue_on(&self, date: NaiveDate) -> Option<&DataDialogue> {
        Some(&self.dialogue).filter(|d| d.date == Some(date) && !d.is_empty())
    }

    /// The dialogue of `date`, to type into (see [`DataDialogue::of_day`]).
    pub fn dialogue_on_mut(&mut self, date: NaiveDate) -> &mut DataDialogue {
        DataDialogue::of_day(&mut self.dialogue, &mut self.earlier_dialogues, date)
    }
}

impl super::SupportAnalysis {
    /// Every dialogue about the support analysis with something said in it, oldest first.
    pub fn dialogues(&self) -> impl Iterator<Item = &DataDialogue> {
        DataDialogue::said(&self.dialogue, &self.earlier_dialogues)
    }

    /// The dialogue held on `date`, if there is one with something said in it.
    pub fn dialogue_on(&self, date: NaiveDate) -> Option<&DataDialogue> {
        Some(&self.dialogue).filter(|d| d.date == Some(date) && !d.is_empty())
    }

    /// The dialogue of `date`, to type into (see [`DataDialogue::of_day`]).
    pub fn dialogue_on_mut(&mut self, date: NaiveDate) -> &mut DataDialogue {
        DataDialogue::of_day(&mut self.dialogue, &mut self.earlier_dialogues, date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Id, Project};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap_or_default()
    }

    #[test]
    fn a_new_day_keeps_the_last_dialogue_and_the_same_day_continues_it() {
        let mut ind = Indicator::new(Id(1));
        // an undated dialogue from an older file
        ind.dialogue.recognise = "ja".into();
        ind.dialogue_on_mut(day(3)).explain = "wachtlijst".into();
        assert_eq!(ind.earlier_dialogues.len(), 1);
        assert_eq!(ind.earlier_dialogues[0].date, None);
        assert_eq!(ind.earlier_dialogues[0].recognise, "ja");
        assert_eq!(ind.dialogue.date, Some(day(3)));
        assert_eq!(ind.dialogue.recognise, "");
        ind.dialogue_on_mut(day(3)).opinion = "zorgelijk".into();
        assert_eq!(ind.earlier_dialogues.len(), 1, "the same day goes on");
        assert_eq!(
            ind.dialogue_on(day(3)).map(|d| d.opinion.as_str()),
            Some("zorgelijk")
        );
        assert!(ind.dialogue_on(day(4)).is_none());
        // an empty dialogue is not kept: it only gets the new date
        let mut empty = Indicator::new(Id(2));
        empty.dialogue_on_mut(day(5));
        assert!(empty.earlier_dialogues.is_empty());
        let dates: Vec<_> = ind.dialogues().map(|d| d.date).collect();
        assert_eq!(dates, [None, Some(day(3))]);
    }

    #[test]
    fn an_undated_dialogue_of_an_older_file_reads_and_writes_unchanged() {
        let mut p = Project::new("Regio", day(1), day(1));
        let mut o = crate::model::Outcome::new(Id(500));
        let mut ind = Indicator::new(Id(501));
        ind.dialogue.recognise = "herkenbaar".into();
        o.indicators.push(ind);
        p.cycles[0].outcomes.push(o);
        let old = ron::to_string(&p).unwrap_or_default();
        assert!(!old.contains("earlier_dialogues") && !old.contains("date:Some"));
        let back: Project = ron::from_str(&old).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, p);
        assert_eq!(ron::to_string(&back).unwrap_or_default(), old);
        // dated and with history: a round trip keeps both
        let mut dated = back.clone();
        let ind = &mut dated.cycles[0].outcomes[0].indicators[0];
        ind.dialogue_on_mut(day(9)).recognise = "nu wel".into();
        let text = ron::to_string(&dated).unwrap_or_default();
        let again: Project = ron::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(again, dated);
        let ind = &again.cycles[0].outcomes[0].indicators[0];
        assert_eq!(ind.earlier_dialogues[0].recognise, "herkenbaar");
        assert_eq!(ind.dialogue.date, Some(day(9)));
    }
}
