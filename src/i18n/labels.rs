//! The translated names of the model's enums.

use super::{Key, Lang, lang, t, tf};
use crate::model::*;

/// An enum value with a translated name.
pub trait Label: Copy + PartialEq + 'static {
    /// The translation key of this value.
    fn key(self) -> Key;

    /// The name in this thread's interface language.
    fn label(self) -> &'static str {
        self.key().text()
    }

    /// The name in `lang`.
    fn label_in(self, lang: Lang) -> &'static str {
        self.key().text_in(lang)
    }
}

macro_rules! labels {
    ($ty:ty { $($variant:ident => $key:tt),* $(,)? }) => {
        impl Label for $ty {
            fn key(self) -> Key {
                match self {
                    $(<$ty>::$variant => super::key!($key)),*
                }
            }
        }
    };
}

labels!(Step {
    Analysis => "step.analysis",
    Ambitions => "step.ambitions",
    Outcomes => "step.outcomes",
    Interventions => "step.interventions",
    Evaluation => "step.evaluation",
});

labels!(SharedKind {
    Lesson => "shared.lesson",
    SessionLesson => "shared.session_lesson",
    Intervention => "shared.intervention",
});

labels!(Sector {
    Po => "sector.po",
    Vo => "sector.vo",
    So => "sector.so",
});

labels!(Count {
    Pupils => "support.pupils",
    EducationSupport => "support.education_support",
    YouthCare => "support.youth_care",
    Both => "support.both",
    Waiting => "support.waiting",
});

labels!(PartnerKind {
    Gemeente => "partner_kind.gemeente",
    Samenwerkingsverband => "partner_kind.swv",
    Schoolbestuur => "partner_kind.schoolbestuur",
    School => "partner_kind.school",
    Jeugdhulpaanbieder => "partner_kind.jeugdhulp",
    Wijkteam => "partner_kind.wijkteam",
    Jeugdgezondheidszorg => "partner_kind.jgz",
    Leerplicht => "partner_kind.leerplicht",
    OudersJongeren => "partner_kind.ouders",
    Overig => "partner_kind.overig",
});

labels!(TableKind {
    Oogo => "table_kind.oogo",
    Inkooptafel => "table_kind.inkoop",
    Lea => "table_kind.lea",
    Own => "table_kind.own",
});

labels!(Level {
    Lokaal => "level.lokaal",
    Regionaal => "level.regionaal",
    Bovenregionaal => "level.bovenregionaal",
});

labels!(CycleStatus {
    Preparation => "cycle_status.preparation",
    Running => "cycle_status.running",
    Completed => "cycle_status.completed",
});

labels!(Domain {
    Onderwijs => "domain.onderwijs",
    Jeugdhulp => "domain.jeugdhulp",
    Overig => "domain.overig",
});

labels!(SignalSource {
    Professionals => "signal_source.professionals",
    Parents => "signal_source.parents",
    YoungPeople => "signal_source.young",
    Partner => "signal_source.partner",
    PreviousCycle => "signal_source.previous",
});

labels!(CollaborationModel {
    Schotten => "model.schotten",
    Keten => "model.keten",
    Netwerk => "model.netwerk",
    Integraal => "model.integraal",
});

labels!(Phase {
    Start => "phase.start",
    Opbouw => "phase.opbouw",
    Verankering => "phase.verankering",
});

labels!(CommonBottleneck {
    WaitingLists => "bottleneck.waiting_lists",
    FinancingDisputes => "bottleneck.financing",
    UnclearRoles => "bottleneck.roles",
    MissingAgreements => "bottleneck.agreements",
    StaffTurnover => "bottleneck.turnover",
    LackOfTime => "bottleneck.time",
    LackingExpertise => "bottleneck.expertise",
    ParentsNotInvolved => "bottleneck.parents",
});

labels!(Direction {
    Increase => "direction.increase",
    Decrease => "direction.decrease",
    Maintain => "direction.maintain",
});

labels!(IndicatorKind {
    Population => "indicator_kind.population",
    Provider => "indicator_kind.provider",
});

labels!(Financing {
    Gemeente => "financing.gemeente",
    Samenwerkingsverband => "financing.swv",
    Gezamenlijk => "financing.joint",
    Frictiepot => "financing.frictiepot",
    Other => "financing.other",
});

labels!(InterventionStatus {
    Planned => "intervention_status.planned",
    Running => "intervention_status.running",
    Completed => "intervention_status.completed",
    Stopped => "intervention_status.stopped",
});

labels!(ContributionJudgement {
    Unknown => "judgement.unknown",
    None => "judgement.none",
    Some => "judgement.some",
    Clear => "judgement.clear",
});

labels!(Decision {
    Continue => "decision.continue",
    Strengthen => "decision.strengthen",
    Adjust => "decision.adjust",
    Stop => "decision.stop",
});

labels!(FindingKind {
    NoDataPoints => "finding.no_data_points",
    NoProblems => "finding.no_problems",
    NoCollaborationModel => "finding.no_model",
    NoPhase => "finding.no_phase",
    NoAmbitions => "finding.no_ambitions",
    NoPrinciples => "finding.no_principles",
    AmbitionWithoutOutcome => "finding.ambition_without_outcome",
    NoOutcomes => "finding.no_outcomes",
    OutcomeWithoutIndicator => "finding.outcome_without_indicator",
    OutcomeWithoutIntervention => "finding.outcome_without_intervention",
    IndicatorWithoutBaseline => "finding.indicator_without_baseline",
    IndicatorWithoutTarget => "finding.indicator_without_target",
    IndicatorDirectionConflict => "finding.indicator_direction_conflict",
    IndicatorTargetBeforeBaseline => "finding.indicator_target_before_baseline",
    IndicatorTargetBeforeCycle => "finding.indicator_target_before_cycle",
    NoInterventions => "finding.no_interventions",
    InterventionWithoutOutcome => "finding.intervention_without_outcome",
    IndicatorWithoutMeasurements => "finding.indicator_without_measurements",
    InterventionWithoutJudgement => "finding.intervention_without_judgement",
    NoLessons => "finding.no_lessons",
    SchoolFiguresWrong => "finding.school_figures_wrong",
    SchoolWaitsWithoutResponsible => "finding.school_waits",
});

/// A finding as a sentence: "Ambitie zonder resultaat: Minder thuiszitters".
pub fn finding_text_in(lang: Lang, f: &Finding) -> String {
    if f.item.is_some() {
        let item = if f.title.trim().is_empty() {
            t!(lang, "item.untitled")
        } else {
            &f.title
        };
        tf!(
            lang,
            "finding.with_item",
            what = f.kind.label_in(lang),
            item = item
        )
    } else {
        f.kind.label_in(lang).to_owned()
    }
}

labels!(Status {
    OnTrack => "status.on_track",
    Behind => "status.behind",
    Reached => "status.reached",
    NotReached => "status.not_reached",
    NoData => "status.no_data",
});

labels!(Factor {
    Vision => "factor.vision",
    Trust => "factor.trust",
    Steering => "factor.steering",
    ParentsAndPupils => "factor.parents",
    Conditions => "factor.conditions",
    Planning => "factor.planning",
    PolicyToPractice => "factor.practice",
    Finances => "factor.finances",
    Monitoring => "factor.monitoring",
});

/// The answer on the scale as the statement's respondent reads it.
pub fn score_label_in(lang: Lang, score: Score) -> &'static str {
    match score {
        Score::Value(1) => t!(lang, "score.1"),
        Score::Value(2) => t!(lang, "score.2"),
        Score::Value(3) => t!(lang, "score.3"),
        Score::Value(4) => t!(lang, "score.4"),
        Score::Value(5) => t!(lang, "score.5"),
        Score::Value(_) => t!(lang, "score.invalid"),
        Score::NoView => t!(lang, "score.no_view"),
    }
}

/// The text of a scan statement (its code is stored in the file).
pub fn statement_text_in(lang: Lang, code: &str) -> String {
    match super::statement_key(code) {
        Some(key) => key.text_in(lang).to_owned(),
        None => code.to_owned(),
    }
}

labels!(ActionStatus {
    Open => "action_status.open",
    InProgress => "action_status.in_progress",
    Done => "action_status.done",
    Dropped => "action_status.dropped",
});

labels!(RoundKind {
    Presentation => "round.presentation",
    Questions => "round.questions",
    Analysis => "round.analysis",
    Advice => "round.advice",
    Reflection => "round.reflection",
    Lessons => "round.lessons",
});

/// A table's name as shown: "OOGO Utrecht (OOGO)", or just its kind when it has no name.
pub fn table_name_in(lang: Lang, tb: &Table) -> String {
    if tb.name.is_empty() {
        tb.kind.label_in(lang).to_owned()
    } else {
        format!("{} ({})", tb.name, tb.kind.label_in(lang))
    }
}

/// [`finding_text_in`] in this thread's interface language.
pub fn finding_text(f: &Finding) -> String {
    finding_text_in(lang(), f)
}

/// [`score_label_in`] in this thread's interface language.
pub fn score_label(score: Score) -> &'static str {
    score_label_in(lang(), score)
}

/// [`statement_text_in`] in this thread's interface language.
pub fn statement_text(code: &str) -> String {
    statement_text_in(lang(), code)
}

/// [`table_name_in`] in this thread's interface language.
pub fn table_name(tb: &Table) -> String {
    table_name_in(lang(), tb)
}
