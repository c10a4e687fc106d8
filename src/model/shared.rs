//! Learning across regions: the lessons (of the evaluation and of intervision sessions) and
//! the interventions of a region, each tagged with its step and themes, as items another
//! region can take into its own file and a Community of Practice can search across a folder.
//! Words only: no figures, no partners, no persons.

use super::{ContributionJudgement, Decision, Id, Level, Project, Step};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A lesson or an intervention as it travels to another region.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharedItem {
    pub kind: SharedKind,
    /// The lesson, or the intervention's title.
    pub text: String,
    /// An intervention's description.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
    #[serde(default)]
    pub step: Option<Step>,
    /// What it is about: the ambitions an intervention serves, the case question of the
    /// session a lesson was drawn in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<String>,
    /// Where it was learned: the cycle's name, or the session's title.
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// An intervention's level, judged contribution and decision, when there are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contribution: Option<ContributionJudgement>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SharedKind {
    /// A lesson of a cycle's evaluation.
    Lesson,
    /// A general lesson of an intervision session.
    SessionLesson,
    Intervention,
}

/// An item another region shared, kept in this region's file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ForeignItem {
    pub id: Id,
    /// The region it comes from.
    pub region: String,
    pub item: SharedItem,
}

impl SharedItem {
    /// Whether every word of `query` is in its text, detail, themes or source (ignoring
    /// case); an empty query matches everything.
    pub fn matches(&self, query: &str, region: &str) -> bool {
        let hay = [
            self.text.as_str(),
            &self.detail,
            &self.source,
            region,
            &self.themes.join(" "),
        ]
        .join(" ")
        .to_lowercase();
        query
            .split_whitespace()
            .all(|w| hay.contains(&w.to_lowercase()))
    }

    /// Whether two items are the same (taking an item in twice keeps one).
    fn same(&self, other: &SharedItem) -> bool {
        self.kind == other.kind
            && self.text.trim() == other.text.trim()
            && self.source == other.source
    }
}

impl Project {
    /// The region's lessons and interventions, tagged, in the order of the cycles and
    /// sessions; empty ones are left out.
    pub fn shared_items(&self) -> Vec<SharedItem> {
        let mut out = Vec::new();
        let item = |kind, text: &str| SharedItem {
            kind,
            text: text.trim().to_owned(),
            detail: String::new(),
            step: None,
            themes: Vec::new(),
            source: String::new(),
            date: None,
            level: None,
            contribution: None,
            decision: None,
        };
        // an intervention carried into a later cycle is shared once, as it is there
        let carried: super::IdSet = (self.cycles.iter())
            .flat_map(|c| c.interventions.iter().filter_map(|i| i.previous))
            .collect();
        for c in &self.cycles {
            for l in c
                .evaluation
                .lessons
                .iter()
                .filter(|l| !l.text.trim().is_empty())
            {
                out.push(SharedItem {
                    step: Some(Step::Evaluation),
                    source: c.name.clone(),
                    date: Some(c.end),
                    ..item(SharedKind::Lesson, &l.text)
                });
            }
            let shared = (c.interventions.iter())
                .filter(|i| !i.title.trim().is_empty() && !carried.contains(&i.id));
            for i in shared {
                let themes = c
                    .ambitions
                    .iter()
                    .filter(|a| {
                        c.outcomes.iter().any(|o| {
                            o.ambitions.contains(&a.id)
                                && i.contributions.iter().any(|k| k.outcome == o.id)
                        })
                    })
                    .map(|a| a.title.trim().to_owned())
                    .filter(|t| !t.is_empty())
                    .collect();
                let judgement = c
                    .evaluation
                    .judgements
                    .iter()
                    .find(|j| j.intervention == i.id);
                out.push(SharedItem {
                    detail: i.description.trim().to_owned(),
                    step: Some(Step::Interventions),
                    themes,
                    source: c.name.clone(),
                    date: i.start,
                    level: i.level,
                    contribution: judgement
                        .map(|j| j.contribution)
                        .filter(|k| *k != ContributionJudgement::Unknown),
                    decision: judgement.and_then(|j| j.decision),
                    ..item(SharedKind::Intervention, &i.title)
                });
            }
        }
        for s in &self.intervisions {
            for l in s.lessons.iter().filter(|l| !l.text.trim().is_empty()) {
                let theme = s.case_question.trim();
                out.push(SharedItem {
                    themes: (!theme.is_empty())
                        .then(|| theme.to_owned())
                        .into_iter()
                        .collect(),
                    source: s.title.clone(),
                    date: s.date,
                    ..item(SharedKind::SessionLesson, &l.text)
                });
            }
        }
        out
    }

    /// Takes in what another region shared; items already here (same kind, words and source,
    /// from the same region) are not taken twice. Returns how many were added.
    pub fn take_in_shared(&mut self, region: &str, items: &[SharedItem]) -> usize {
        let mut added = 0;
        for it in items {
            let known = self
                .from_others
                .iter()
                .any(|f| f.region == region && f.item.same(it));
            if known || it.text.trim().is_empty() {
                continue;
            }
            let id = self.new_id();
            self.from_others.push(ForeignItem {
                id,
                region: region.to_owned(),
                item: it.clone(),
            });
            added += 1;
        }
        added
    }
}
