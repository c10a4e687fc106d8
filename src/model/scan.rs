//! The working-factor and borging scan: statements scored 1–5 (or "no view") per partner,
//! averaged per factor, compared between partners, with earlier cycles and the national survey.

use super::{Cycle, Id, Project};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The five working factors (werkzame factoren) and the four borging elements.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Factor {
    Vision,
    Trust,
    Steering,
    ParentsAndPupils,
    Conditions,
    Planning,
    PolicyToPractice,
    Finances,
    Monitoring,
}

/// National survey (Oberon 2021): the mean of the borging elements, and in 2018.
pub const NATIONAL_BORGING_2021: f64 = 2.9;
pub const NATIONAL_BORGING_2018: f64 = 3.1;

impl Factor {
    pub const ALL: [Self; 9] = [
        Self::Vision,
        Self::Trust,
        Self::Steering,
        Self::ParentsAndPupils,
        Self::Conditions,
        Self::Planning,
        Self::PolicyToPractice,
        Self::Finances,
        Self::Monitoring,
    ];
    pub const WORKING: [Self; 5] = [
        Self::Vision,
        Self::Trust,
        Self::Steering,
        Self::ParentsAndPupils,
        Self::Conditions,
    ];
    pub const BORGING: [Self; 4] = [
        Self::Planning,
        Self::PolicyToPractice,
        Self::Finances,
        Self::Monitoring,
    ];

    pub fn is_borging(self) -> bool {
        Self::BORGING.contains(&self)
    }

    /// The national mean of 2021 (88 of 151 samenwerkingsverbanden, scale 1–5).
    pub fn national_2021(self) -> f64 {
        match self {
            Self::Vision => 3.5,
            Self::Trust => 3.6,
            Self::Steering => 3.2,
            Self::ParentsAndPupils => 3.2,
            Self::Conditions => 3.1,
            Self::Planning => 3.4,
            Self::PolicyToPractice => 2.8,
            Self::Finances => 2.4,
            Self::Monitoring => 2.8,
        }
    }

    /// The national mean of 2018, where the survey gives one.
    pub fn national_2018(self) -> Option<f64> {
        match self {
            Self::Vision => Some(3.4),
            Self::Trust => Some(3.4),
            Self::Steering => Some(3.2),
            Self::Conditions => Some(3.0),
            _ => None,
        }
    }

    /// The codes of this factor's statements, as stored in the file (`factor.n`). The texts are
    /// translations with the key `scan.s.<code>`.
    pub fn statements(self) -> &'static [&'static str] {
        match self {
            Self::Vision => &["vision.1", "vision.2", "vision.3"],
            Self::Trust => &["trust.1", "trust.2", "trust.3"],
            Self::Steering => &["steering.1", "steering.2", "steering.3"],
            Self::ParentsAndPupils => &["parents.1", "parents.2"],
            Self::Conditions => &["conditions.1", "conditions.2", "conditions.3"],
            Self::Planning => &["planning.1", "planning.2"],
            Self::PolicyToPractice => &["practice.1", "practice.2"],
            Self::Finances => &["finances.1", "finances.2"],
            Self::Monitoring => &["monitoring.1", "monitoring.2"],
        }
    }
}

/// Every statement code, in factor order.
pub fn all_statements() -> impl Iterator<Item = (Factor, &'static str)> {
    Factor::ALL
        .into_iter()
        .flat_map(|f| f.statements().iter().map(move |s| (f, *s)))
}

/// A score on one statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Score {
    /// 1 = helemaal niet zo … 5 = helemaal wel zo.
    Value(u8),
    /// "Geen zicht op": left out of every average.
    NoView,
}

impl Score {
    /// The five values and "no view", in the order they are offered.
    pub const CHOICES: [Self; 6] = [
        Self::Value(1),
        Self::Value(2),
        Self::Value(3),
        Self::Value(4),
        Self::Value(5),
        Self::NoView,
    ];

    /// The value on the 1–5 scale, if it is one (a value outside it, from a hand-edited file,
    /// is taken out with a warning when the file is loaded: see
    /// [`crate::model::Project::remove_scores_out_of_range`]).
    pub fn value(self) -> Option<f64> {
        match self {
            Self::Value(v @ 1..=5) => Some(f64::from(v)),
            _ => None,
        }
    }
}

/// One scoring round: every partner that scored, with its scores.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scan {
    pub date: Option<NaiveDate>,
    pub responses: Vec<ScanResponse>,
}

/// One partner's scores. Statements not in `scores` are not answered yet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScanResponse {
    pub id: Id,
    pub partner: Id,
    #[serde(default)]
    pub scores: BTreeMap<String, Score>,
    #[serde(default)]
    pub note: String,
}

impl crate::model::Project {
    /// Takes out every scan score outside 1–5 (`Value(9)` in a hand-edited file): its
    /// statement is open again instead of silently counting nowhere. Returns how many, and
    /// the first such value.
    pub fn remove_scores_out_of_range(&mut self) -> (usize, Option<u8>) {
        let (mut n, mut first) = (0, None);
        for c in &mut self.cycles {
            for scan in [&mut c.analysis.scan, &mut c.evaluation.scan] {
                for r in &mut scan.responses {
                    r.scores.retain(|_, s| match s {
                        Score::Value(v) if !(1..=5).contains(v) => {
                            n += 1;
                            first = first.or(Some(*v));
                            false
                        }
                        _ => true,
                    });
                }
            }
        }
        (n, first)
    }
}

fn mean(values: impl Iterator<Item = f64>) -> Option<f64> {
    let (sum, n) = values.fold((0.0, 0u32), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / f64::from(n))
}

impl ScanResponse {
    pub fn new(id: Id, partner: Id) -> Self {
        Self {
            id,
            partner,
            scores: BTreeMap::new(),
            note: String::new(),
        }
    }

    /// The mean of this partner's 1–5 scores on a factor's statements ("no view" left out).
    pub fn factor_average(&self, f: Factor) -> Option<f64> {
        mean(
            f.statements()
                .iter()
                .filter_map(|s| self.scores.get(*s).and_then(|v| v.value())),
        )
    }

    /// How many statements have an answer (a value or "no view").
    pub fn answered(&self) -> usize {
        all_statements()
            .filter(|(_, s)| self.scores.contains_key(*s))
            .count()
    }
}

/// Two partners that see a factor differently.
#[derive(Clone, Debug, PartialEq)]
pub struct Disagreement {
    pub factor: Factor,
    pub high: (Id, f64),
    pub low: (Id, f64),
}

impl Disagreement {
    pub fn spread(&self) -> f64 {
        self.high.1 - self.low.1
    }
}

/// A gap between partners from which a factor counts as seen differently (on the 1–5 scale).
pub const DISAGREEMENT_THRESHOLD: f64 = 1.0;

impl Scan {
    pub fn is_empty(&self) -> bool {
        self.responses.iter().all(|r| r.scores.is_empty())
    }

    /// The region's average on a factor: the mean of the partners' averages, so every partner
    /// weighs the same however many statements it answered.
    pub fn factor_average(&self, f: Factor) -> Option<f64> {
        mean(self.responses.iter().filter_map(|r| r.factor_average(f)))
    }

    /// The mean of the borging elements that have an average.
    pub fn borging_average(&self) -> Option<f64> {
        mean(
            Factor::BORGING
                .iter()
                .filter_map(|f| self.factor_average(*f)),
        )
    }

    /// The averages of all factors, in [`Factor::ALL`] order.
    pub fn averages(&self) -> [Option<f64>; 9] {
        Factor::ALL.map(|f| self.factor_average(f))
    }

    /// Factors where the highest and lowest partner averages are at least `threshold` apart,
    /// largest gap first. It takes two partners to disagree.
    pub fn disagreements(&self, threshold: f64) -> Vec<Disagreement> {
        let mut out: Vec<Disagreement> = Factor::ALL
            .iter()
            .filter_map(|f| {
                let avgs: Vec<(Id, f64)> = self
                    .responses
                    .iter()
                    .filter_map(|r| r.factor_average(*f).map(|a| (r.partner, a)))
                    .collect();
                if avgs.len() < 2 {
                    return None;
                }
                let high = avgs.iter().copied().max_by(|a, b| a.1.total_cmp(&b.1))?;
                let low = avgs.iter().copied().min_by(|a, b| a.1.total_cmp(&b.1))?;
                (high.1 - low.1 >= threshold - 1e-9).then_some(Disagreement {
                    factor: *f,
                    high,
                    low,
                })
            })
            .collect();
        out.sort_by(|a, b| b.spread().total_cmp(&a.spread()));
        out
    }

    pub fn response_of(&self, partner: Id) -> Option<&ScanResponse> {
        self.responses.iter().find(|r| r.partner == partner)
    }
}

/// Which scan of a cycle: the first scan in the analysis or the rescore in the evaluation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum ScanMoment {
    Analysis,
    Evaluation,
}

impl Cycle {
    pub fn scan(&self, moment: ScanMoment) -> &Scan {
        match moment {
            ScanMoment::Analysis => &self.analysis.scan,
            ScanMoment::Evaluation => &self.evaluation.scan,
        }
    }

    pub fn scan_mut(&mut self, moment: ScanMoment) -> &mut Scan {
        match moment {
            ScanMoment::Analysis => &mut self.analysis.scan,
            ScanMoment::Evaluation => &mut self.evaluation.scan,
        }
    }
}

/// An earlier scan to compare with.
#[derive(Clone, Debug, PartialEq)]
pub struct ScanHistoryPoint {
    pub cycle: usize,
    pub moment: ScanMoment,
    pub date: Option<NaiveDate>,
    pub averages: [Option<f64>; 9],
}

impl Project {
    /// The scans made before this one, oldest first: all scans of earlier cycles, and for the
    /// evaluation rescore also the cycle's own first scan. Empty scans are left out.
    pub fn scan_history(&self, cycle: usize, moment: ScanMoment) -> Vec<ScanHistoryPoint> {
        let mut out = Vec::new();
        for (k, c) in self.cycles.iter().enumerate().take(cycle + 1) {
            for m in [ScanMoment::Analysis, ScanMoment::Evaluation] {
                let before =
                    k < cycle || (m == ScanMoment::Analysis && moment == ScanMoment::Evaluation);
                let scan = c.scan(m);
                if before && !scan.is_empty() {
                    out.push(ScanHistoryPoint {
                        cycle: k,
                        moment: m,
                        date: scan.date,
                        averages: scan.averages(),
                    });
                }
            }
        }
        out
    }
}
