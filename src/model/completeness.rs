//! "What is still missing": the completeness findings per step of a cycle.

use super::{Cycle, Id, Step};

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
    NoAmbitions,
    NoPrinciples,
    AmbitionWithoutOutcome,
    NoOutcomes,
    OutcomeWithoutIndicator,
    OutcomeWithoutIntervention,
    IndicatorWithoutBaseline,
    IndicatorWithoutTarget,
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
            if a.data_points.is_empty() {
                add(FindingKind::NoDataPoints, None);
            }
            if a.problems.is_empty() {
                add(FindingKind::NoProblems, None);
            }
            if a.collaboration_model.is_none() {
                add(FindingKind::NoCollaborationModel, None);
            }
            if a.phase.is_none() {
                add(FindingKind::NoPhase, None);
            }
        }
        Step::Ambitions => {
            if c.ambitions.is_empty() {
                add(FindingKind::NoAmbitions, None);
            }
            if c.principles.is_empty() {
                add(FindingKind::NoPrinciples, None);
            }
        }
        Step::Outcomes => {
            for a in &c.ambitions {
                if !c.outcomes.iter().any(|o| o.ambitions.contains(&a.id)) {
                    add(FindingKind::AmbitionWithoutOutcome, Some((a.id, &a.title)));
                }
            }
            if c.outcomes.is_empty() {
                add(FindingKind::NoOutcomes, None);
            }
            for o in &c.outcomes {
                if o.indicators.is_empty() {
                    add(FindingKind::OutcomeWithoutIndicator, Some((o.id, &o.title)));
                }
                for i in &o.indicators {
                    if !i.has_baseline() {
                        add(FindingKind::IndicatorWithoutBaseline, Some((i.id, &i.name)));
                    }
                    if !i.has_target() {
                        add(FindingKind::IndicatorWithoutTarget, Some((i.id, &i.name)));
                    }
                }
            }
        }
        Step::Interventions => {
            if c.interventions.is_empty() {
                add(FindingKind::NoInterventions, None);
            }
            for i in &c.interventions {
                if i.contributions.is_empty() {
                    add(
                        FindingKind::InterventionWithoutOutcome,
                        Some((i.id, &i.title)),
                    );
                }
            }
            let moved: super::IdSet = c
                .interventions
                .iter()
                .flat_map(|i| i.contributions.iter().map(|k| k.outcome))
                .collect();
            for o in &c.outcomes {
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
            let judged: super::IdSet = c
                .evaluation
                .judgements
                .iter()
                .map(|j| j.intervention)
                .collect();
            for i in c.indicators() {
                if !measured.contains(&i.id) {
                    add(
                        FindingKind::IndicatorWithoutMeasurements,
                        Some((i.id, &i.name)),
                    );
                }
            }
            for i in &c.interventions {
                if !judged.contains(&i.id) {
                    add(
                        FindingKind::InterventionWithoutJudgement,
                        Some((i.id, &i.title)),
                    );
                }
            }
            if c.evaluation.lessons.is_empty() {
                add(FindingKind::NoLessons, None);
            }
        }
    }
    out
}
