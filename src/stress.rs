//! Large, realistic documents for benchmarks and stress tests, deterministic from a seed:
//! the stress region (20 cycles, 50 ambitions and 1,000 indicators per cycle, 100,000
//! measurements) and regions of ordinary size (for a folder of 151).

use crate::model::*;
use chrono::{Datelike, NaiveDate};

/// How big a generated region is.
#[derive(Clone, Copy, Debug)]
pub struct Size {
    pub cycles: usize,
    pub ambitions: usize,
    pub indicators_per_ambition: usize,
    pub measurements_per_indicator_per_cycle: usize,
    pub interventions: usize,
}

impl Size {
    /// 20 cycles × 50 ambitions × 20 indicators, 5 measurements each per cycle: 1,000
    /// indicators per cycle, 100,000 measurements in all.
    pub const STRESS: Self = Self {
        cycles: 20,
        ambitions: 50,
        indicators_per_ambition: 20,
        measurements_per_indicator_per_cycle: 5,
        interventions: 60,
    };

    /// A region like the samples: a few cycles, a handful of outcomes.
    pub const REGION: Self = Self {
        cycles: 3,
        ambitions: 4,
        indicators_per_ambition: 2,
        measurements_per_indicator_per_cycle: 4,
        interventions: 5,
    };
}

/// A small deterministic generator (xorshift64*).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1).wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const GEMEENTEN: [&str; 12] = [
    "Aalst",
    "Beekdal",
    "Dijkhuizen",
    "Eemoord",
    "Grevelingen",
    "Heuvelrand",
    "Lindewaard",
    "Maasheuvel",
    "Oosterveen",
    "Rijnwijk",
    "Veldhoven-Noord",
    "Zandmeer",
];
const TOPICS: [&str; 10] = [
    "Thuiszitters",
    "Vrijstellingen 5a",
    "Wachttijd jeugdhulp",
    "Voortijdig schoolverlaten",
    "Ouders ervaren één aanpak",
    "Leraren voelen zich gesteund",
    "Jongeren met een beperking aan het werk",
    "Signalen opgepakt",
    "Cliënttevredenheid",
    "Verwijzingen via het kernteam",
];

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

/// A region of `size`, deterministic from `seed`.
pub fn region(seed: u64, size: Size, name: &str) -> Project {
    region_with_ids(seed, size, name, 1)
}

/// [`region`] with ids counted from `first` (a file whose items were made since format
/// version 5 has ids of 19 digits: a session's prefix and a counter).
pub fn region_with_ids(seed: u64, size: Size, name: &str, first: u64) -> Project {
    let mut rng = Rng::new(seed);
    let start_year = 2015 + rng.below(4) as i32;
    let mut p = Project::new_with_ids(
        crate::model::IdSource::starting_at(first),
        name,
        d(start_year, 8, 1),
        d(start_year + 1, 7, 31),
    );
    p.region.samenwerkingsverband = format!("SWV {name} (gegenereerd)");
    p.region.gemeenten = (0..3 + rng.below(5))
        .map(|_| GEMEENTEN[rng.below(GEMEENTEN.len())].to_owned())
        .collect();
    let kinds = [
        PartnerKind::Gemeente,
        PartnerKind::Samenwerkingsverband,
        PartnerKind::Schoolbestuur,
        PartnerKind::Jeugdhulpaanbieder,
        PartnerKind::Wijkteam,
        PartnerKind::Leerplicht,
        PartnerKind::OudersJongeren,
        PartnerKind::Jeugdgezondheidszorg,
    ];
    let partners: Vec<Id> = kinds
        .iter()
        .enumerate()
        .map(|(k, kind)| {
            let id = p.new_id();
            p.partners.push(Partner {
                id,
                name: format!("{} {}", kind_name(*kind), k + 1),
                kind: *kind,
                role: "Partner in de samenwerking (gegenereerd).".into(),
            });
            id
        })
        .collect();
    let oogo = p.new_id();
    p.tables.push(Table {
        id: oogo,
        kind: TableKind::Oogo,
        name: format!("OOGO {name}"),
        partners: partners[..3].to_vec(),
    });
    // the first cycle
    let mut ambitions = Vec::new();
    let mut outcomes = Vec::new();
    for a in 0..size.ambitions {
        let aid = p.new_id();
        ambitions.push(Ambition {
            id: aid,
            title: format!("Ambitie {}: elk kind op zijn plek", a + 1),
            description: "Onderwijs en jeugdhulp werken samen aan een ononderbroken ontwikkeling."
                .into(),
            endorsed_by: partners[..3].to_vec(),
            level: Some(Level::Regionaal),
            table: Some(oogo),
            previous: None,
        });
        let oid = p.new_id();
        let indicators = (0..size.indicators_per_ambition)
            .map(|i| {
                let mut ind = Indicator::new(p.new_id());
                let topic = TOPICS[(a + i) % TOPICS.len()];
                ind.name = format!("{topic} ({})", i + 1);
                ind.unit = if i % 3 == 0 {
                    "%".into()
                } else {
                    "leerlingen".into()
                };
                ind.direction = if i % 4 == 0 {
                    Direction::Increase
                } else {
                    Direction::Decrease
                };
                let base = 20.0 + rng.below(80) as f64;
                ind.baseline_value = Some(base);
                ind.baseline_date = Some(d(start_year, 8, 1));
                ind.target_value = Some(if ind.direction == Direction::Increase {
                    base * 1.3
                } else {
                    base * 0.7
                });
                ind.target_date = Some(d(start_year + size.cycles as i32, 7, 31));
                ind.data_source = "Gegenereerd".into();
                ind.owner = Some(partners[i % partners.len()]);
                ind
            })
            .collect();
        outcomes.push(Outcome {
            id: oid,
            title: format!("Resultaat {}", a + 1),
            description: "Meetbaar resultaat voor kinderen en ouders.".into(),
            ambitions: vec![aid],
            indicators,
            previous: None,
        });
    }
    let outcome_ids: Vec<Id> = outcomes.iter().map(|o| o.id).collect();
    let interventions: Vec<Intervention> = (0..size.interventions)
        .map(|k| {
            let mut iv = Intervention::new(p.new_id());
            iv.title = format!("Interventie {}", k + 1);
            iv.description = "Wat de partners samen doen.".into();
            iv.contributions = vec![Contribution {
                outcome: outcome_ids[k % outcome_ids.len()],
                expected: "Draagt bij aan het resultaat.".into(),
            }];
            iv.responsible = vec![partners[k % partners.len()]];
            iv.budget_eur = Some(10_000 * (1 + rng.below(50) as u64));
            iv.status = InterventionStatus::Running;
            iv
        })
        .collect();
    let first_scan = scan(&mut rng, &partners[..4], &mut p);
    {
        let c = &mut p.cycles[0];
        c.name = format!("Cyclus {start_year}-{}", start_year + 1);
        c.ambitions = ambitions;
        c.outcomes = outcomes;
        c.interventions = interventions;
        c.analysis.phase = Some(Phase::Opbouw);
        c.analysis.collaboration_model = Some(CollaborationModel::Netwerk);
        c.analysis.scan = first_scan;
    }
    for k in 0..size.cycles {
        if k > 0 {
            let Some(i) = p.start_next_cycle(k - 1) else {
                break;
            };
            let year = start_year + k as i32;
            p.cycles[i].name = format!("Cyclus {year}-{}", year + 1);
            let s = scan(&mut rng, &partners[..4], &mut p);
            p.cycles[i].analysis.scan = s;
        }
        add_measurements(&mut p, k, size, &mut rng);
        let judgements: Vec<Judgement> = p.cycles[k]
            .interventions
            .iter()
            .map(|iv| iv.id)
            .collect::<Vec<_>>()
            .into_iter()
            .map(|iv| Judgement {
                id: p.new_id(),
                intervention: iv,
                contribution: ContributionJudgement::Some,
                evidence: "Uit de metingen en gesprekken.".into(),
                decision: Some(Decision::Continue),
            })
            .collect();
        p.cycles[k].evaluation.judgements = judgements;
    }
    p
}

fn kind_name(k: PartnerKind) -> &'static str {
    match k {
        PartnerKind::Gemeente => "Gemeente",
        PartnerKind::Samenwerkingsverband => "Samenwerkingsverband",
        PartnerKind::Schoolbestuur => "Schoolbestuur",
        PartnerKind::Jeugdhulpaanbieder => "Jeugdhulp",
        PartnerKind::Wijkteam => "Wijkteam",
        PartnerKind::Leerplicht => "Leerplicht",
        PartnerKind::OudersJongeren => "Ouderraad",
        _ => "Partner",
    }
}

fn scan(rng: &mut Rng, partners: &[Id], p: &mut Project) -> Scan {
    let responses = partners
        .iter()
        .map(|partner| {
            let mut r = ScanResponse::new(p.new_id(), *partner);
            for (_, code) in all_statements() {
                let s = if rng.below(12) == 0 {
                    Score::NoView
                } else {
                    Score::Value(1 + rng.below(5) as u8)
                };
                r.scores.insert(code.to_owned(), s);
            }
            r
        })
        .collect();
    Scan {
        date: None,
        responses,
    }
}

fn add_measurements(p: &mut Project, cycle: usize, size: Size, rng: &mut Rng) {
    let Some(c) = p.cycles.get(cycle) else { return };
    let year = c.start.year();
    let ids: Vec<(Id, f64)> = c
        .indicators()
        .map(|i| (i.id, i.baseline_value.unwrap_or(50.0)))
        .collect();
    let n = size.measurements_per_indicator_per_cycle;
    let mut ms = Vec::with_capacity(ids.len() * n);
    for (ind, base) in ids {
        for k in 0..n {
            let month = 1 + (k * 12 / n.max(1)) as u32;
            let y = if month >= 8 { year } else { year + 1 };
            ms.push(Measurement {
                id: p.new_id(),
                indicator: ind,
                date: Some(d(y, month, 1)),
                value: Some(((base * (0.8 + 0.4 * rng.unit())) * 10.0).round() / 10.0),
                source: "Gegenereerd".into(),
                note: String::new(),
            });
        }
    }
    p.cycles[cycle].evaluation.measurements = ms;
}

/// The stress region.
pub fn stress(seed: u64) -> Project {
    region(seed, Size::STRESS, "Stressregio (gegenereerd)")
}

/// The stress region with the ids an editing session of format version 5 hands out.
pub fn stress_with_session_ids(seed: u64) -> Project {
    region_with_ids(
        seed,
        Size::STRESS,
        "Stressregio (gegenereerd)",
        (0x5A3C_9E1F_u64 << 32) | 1,
    )
}

/// `n` regions of ordinary size, as (file name, project).
pub fn regions(seed: u64, n: usize) -> Vec<(String, Project)> {
    (0..n)
        .map(|k| {
            let name = format!("Regio {:03} (gegenereerd)", k + 1);
            let file = format!("regio-{:03}.ron", k + 1);
            (
                file,
                region(seed.wrapping_add(k as u64 * 7919), Size::REGION, &name),
            )
        })
        .collect()
}
