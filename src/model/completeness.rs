//! "What is still missing": the completeness findings per step of a cycle.

use super::{
    Ambition, Cycle, DataPoint, Id, Indicator, Intervention, Judgement, Outcome, Signal, Step,
    TextItem,
};

/// Whether an item holds anything a user typed or chose. An item without content (a card
/// just added, or emptied again) counts nowhere: it does not clear a "still missing" finding,
/// and no finding is made about it.
pub trait Content {
    fn has_content(&self) -> bool;
}

fn filled(s: &str) -> bool {
    !s.trim().is_empty()
}

impl Content for TextItem {
    fn has_content(&self) -> bool {
        filled(&self.text)
    }
}

impl Content for Signal {
    fn has_content(&self) -> bool {
        filled(&self.text)
    }
}

impl Content for DataPoint {
    fn has_content(&self) -> bool {
        filled(&self.label) || self.value.is_some()
    }
}

impl Content for Ambition {
    fn has_content(&self) -> bool {
        filled(&self.title) || filled(&self.description)
    }
}

impl Content for Outcome {
    fn has_content(&self) -> bool {
        filled(&self.title) || filled(&self.description)
    }
}

impl Content for Indicator {
    fn has_content(&self) -> bool {
        filled(&self.name) || filled(&self.definition)
    }
}

impl Content for Intervention {
    fn has_content(&self) -> bool {
        filled(&self.title) || filled(&self.description)
    }
}

impl Content for Judgement {
    fn has_content(&self) -> bool {
        self.decision.is_some()
            || filled(&self.evidence)
            || self.contribution != super::ContributionJudgement::Unknown
    }
}

/// The items of a list that have content.
fn with_content<T: Content>(items: &[T]) -> impl Iterator<Item = &T> {
    items.iter().filter(|i| i.has_content())
}

fn none_filled<T: Content>(items: &[T]) -> bool {
    with_content(items).next().is_none()
}

/// One thing that is still missing in a step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub step: Step,
    pub kind: FindingKind,
    /// The item the finding is about, if it is about one item.
    pub item: Option<Id>,
    /// The item's title as shown to the user (may be empty).
    pub title: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FindingKind {
    NoDataPoints,
    NoProblems,
    NoCollaborationModel,
    NoPhase,
    /// A school's counts in the support analysis cannot be right (the grey zone larger than
    /// a part, a part larger than the pupils): they count in no sum until corrected.
    SchoolFiguresWrong,
    /// A school has waiting pupils and nobody is named as responsible.
    SchoolWaitsWithoutResponsible,
    NoAmbitions,
    NoPrinciples,
    AmbitionWithoutOutcome,
    NoOutcomes,
    OutcomeWithoutIndicator,
    OutcomeWithoutIntervention,
    IndicatorWithoutBaseline,
    IndicatorWithoutTarget,
    /// Baseline and target point the other way than the chosen direction.
    IndicatorDirectionConflict,
    /// The target date lies before the baseline date.
    IndicatorTargetBeforeBaseline,
    /// The target date lies before the cycle's start (a date carried over from an earlier
    /// cycle, or typed wrong).
    IndicatorTargetBeforeCycle,
    NoInterventions,
    InterventionWithoutOutcome,
    IndicatorWithoutMeasurements,
    InterventionWithoutJudgement,
    NoLessons,
}

/// All findings for a cycle, in step order.
pub fn findings(cycle: &Cycle) -> Vec<Finding> {
    Step::ALL
        .iter()
        .flat_map(|s| findings_for_step(cycle, *s))
        .collect()
}

/// The findings for one step of a cycle.
pub fn findings_for_step(c: &Cycle, step: Step) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut add = |kind, item: Option<(Id, &str)>| {
        out.push(Finding {
            step,
            kind,
            item: item.map(|i| i.0),
            title: item.map(|i| i.1.to_owned()).unwrap_or_default(),
        })
    };
    match step {
        Step::Analysis => {
            let a = &c.analysis;
            if none_filled(&a.data_points) {
                add(FindingKind::NoDataPoints, None);
            }
            if none_filled(&a.problems) {
                add(FindingKind::NoProblems, None);
            }
            if a.collaboration_model.is_none() {
                add(FindingKind::NoCollaborationModel, None);
            }
            if a.phase.is_none() {
                add(FindingKind::NoPhase, None);
            }
            for r in a.support.schools.iter().filter(|r| !r.is_empty()) {
                if !r.problems().is_empty() {
                    add(FindingKind::SchoolFiguresWrong, Some((r.id, &r.name)));
                } else if r.waits_without_responsible() {
                    add(
                        FindingKind::SchoolWaitsWithoutResponsible,
                        Some((r.id, &r.name)),
                    );
                }
            }
        }
        Step::Ambitions => {
            if none_filled(&c.ambitions) {
                add(FindingKind::NoAmbitions, None);
            }
            if none_filled(&c.principles) {
                add(FindingKind::NoPrinciples, None);
            }
        }
        Step::Outcomes => {
            for a in with_content(&c.ambitions) {
                if !with_content(&c.outcomes).any(|o| o.ambitions.contains(&a.id)) {
                    add(FindingKind::AmbitionWithoutOutcome, Some((a.id, &a.title)));
                }
            }
            if none_filled(&c.outcomes) {
                add(FindingKind::NoOutcomes, None);
            }
            for o in with_content(&c.outcomes) {
                if none_filled(&o.indicators) {
                    add(FindingKind::OutcomeWithoutIndicator, Some((o.id, &o.title)));
                }
                for i in with_content(&o.indicators) {
                    if !i.has_baseline() {
                        add(FindingKind::IndicatorWithoutBaseline, Some((i.id, &i.name)));
                    }
                    if !i.has_target() {
                        add(FindingKind::IndicatorWithoutTarget, Some((i.id, &i.name)));
                    }
                    if i.direction_conflict().is_some() {
                        add(
                            FindingKind::IndicatorDirectionConflict,
                            Some((i.id, &i.name)),
                        );
                    }
                    if let Some(td) = i.target_date {
                        if i.baseline_date.is_some_and(|b| td < b) {
                            add(
                                FindingKind::IndicatorTargetBeforeBaseline,
                                Some((i.id, &i.name)),
                            );
                        } else if td < c.start {
                            add(
                                FindingKind::IndicatorTargetBeforeCycle,
                                Some((i.id, &i.name)),
                            );
                        }
                    }
                }
            }
        }
        Step::Interventions => {
            if none_filled(&c.interventions) {
                add(FindingKind::NoInterventions, None);
            }
            let filled_outcomes: super::IdSet = with_content(&c.outcomes).map(|o| o.id).collect();
            for i in with_content(&c.interventions) {
                if !i
                    .contributions
                    .iter()
                    .any(|k| filled_outcomes.contains(&k.outcome))
                {
                    add(
                        FindingKind::InterventionWithoutOutcome,
                        Some((i.id, &i.title)),
                    );
                }
            }
            let moved: super::IdSet = with_content(&c.interventions)
                .flat_map(|i| i.contributions.iter().map(|k| k.outcome))
                .collect();
            for o in with_content(&c.outcomes) {
                if !moved.contains(&o.id) {
                    add(
                        FindingKind::OutcomeWithoutIntervention,
                        Some((o.id, &o.title)),
                    );
                }
            }
        }
        Step::Evaluation => {
            let measured: super::IdSet = c
                .evaluation
                .measurements
                .iter()
                .filter(|m| m.value.is_some())
                .map(|m| m.indicator)
                .collect();
            let judged: super::IdSet = with_content(&c.evaluation.judgements)
                .map(|j| j.intervention)
                .collect();
            for i in with_content(&c.outcomes).flat_map(|o| with_content(&o.indicators)) {
                if !measured.contains(&i.id) {
                    add(
                        FindingKind::IndicatorWithoutMeasurements,
                        Some((i.id, &i.name)),
                    );
                }
            }
            for i in with_content(&c.interventions) {
                if !judged.contains(&i.id) {
                    add(
                        FindingKind::InterventionWithoutJudgement,
                        Some((i.id, &i.title)),
                    );
                }
            }
            if none_filled(&c.evaluation.lessons) {
                add(FindingKind::NoLessons, None);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a list adds (`T::new`) is empty: it counts nowhere until something is typed.
    #[test]
    fn a_new_item_has_no_content() {
        let id = Id(7);
        assert!(!TextItem::new(id).has_content());
        assert!(!DataPoint::new(id).has_content());
        assert!(!Signal::new(id).has_content());
        assert!(!Ambition::new(id).has_content());
        assert!(!Outcome::new(id).has_content());
        assert!(!Indicator::new(id).has_content());
        assert!(!Intervention::new(id).has_content());
        assert_eq!(Outcome::new(id).id, id);
    }

    /// A new ambition does not clear the step's "no ambitions yet" finding.
    #[test]
    fn a_new_ambition_leaves_the_finding() {
        let d = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        let mut c = Cycle::new(Id(1), "c", d, d);
        let before = findings_for_step(&c, Step::Ambitions);
        c.ambitions.push(Ambition::new(Id(2)));
        assert_eq!(findings_for_step(&c, Step::Ambitions), before);
        assert!(!before.is_empty());
    }
}
