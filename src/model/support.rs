//! The support analysis per school (ondersteuningsanalyse), part of a cycle's analysis: for
//! each school or location, how many pupils get extra support from the samenwerkingsverband,
//! how many get youth care, how many both (the grey zone between the Wet passend onderwijs
//! and the Jeugdwet), how many wait, and who is responsible where that is unclear. Counts only,
//! never a pupil.
//!
//! A row whose figures cannot be right (both more than either part, a part more than the
//! pupils) is a visible problem and counts in no sum. Outside the window every cell and every
//! sum goes through [`protect`]: small counts show as "< N", and where one small cell could be
//! computed back from a total and the other cells, one more cell is hidden.

mod chart;
pub use chart::*;

use super::{DataDialogue, Id};
use serde::{Deserialize, Serialize};

/// The schools of the region, a row each.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SupportAnalysis {
    pub schools: Vec<SchoolRow>,
    /// What the group said looking at the chart together (the data dialogue's three
    /// questions), dated like an indicator's; not written while empty.
    #[serde(skip_serializing_if = "DataDialogue::is_empty")]
    pub dialogue: DataDialogue,
    /// The dialogues before `dialogue`, oldest first; not written while there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub earlier_dialogues: Vec<DataDialogue>,
}

/// One school or location and its aggregated counts (`None`: not filled in).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SchoolRow {
    pub id: Id,
    pub name: String,
    /// The BRIN code (or location code), the key an import matches on.
    #[serde(default)]
    pub brin: String,
    /// The school board (schoolbestuur).
    #[serde(default)]
    pub board: String,
    #[serde(default)]
    pub sector: Option<Sector>,
    #[serde(default)]
    pub pupils: Option<u32>,
    /// Pupils with an arrangement or other extra support from the samenwerkingsverband.
    #[serde(default)]
    pub education_support: Option<u32>,
    /// Pupils with youth care (via the gemeente or wijkteam, at school or not).
    #[serde(default)]
    pub youth_care: Option<u32>,
    /// Pupils with both: the grey zone.
    #[serde(default)]
    pub both: Option<u32>,
    /// Pupils waiting for support or care.
    #[serde(default)]
    pub waiting: Option<u32>,
    /// The partner responsible where that is unclear (the one that picks it up).
    #[serde(default)]
    pub responsible: Option<Id>,
    /// How support is organised at the school (kernteam, jeugdhulp op school, consultation).
    #[serde(default)]
    pub organisation: String,
    /// The same school in the cycle before (set when the next cycle carries the schools).
    #[serde(default)]
    pub previous: Option<Id>,
}

/// The sector of a school.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Sector {
    /// Primary education.
    Po,
    /// Secondary education.
    Vo,
    /// Special (secondary) education: so/vso.
    So,
}

impl Sector {
    pub const ALL: [Self; 3] = [Self::Po, Self::Vo, Self::So];
}

/// The counted columns, in the order of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Count {
    Pupils,
    EducationSupport,
    YouthCare,
    Both,
    Waiting,
}

impl Count {
    pub const ALL: [Self; 5] = [
        Self::Pupils,
        Self::EducationSupport,
        Self::YouthCare,
        Self::Both,
        Self::Waiting,
    ];
}

/// Why a row's figures cannot be right.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RowProblem {
    /// More pupils in the grey zone than with education support or with youth care.
    BothExceedsPart,
    /// A count larger than the number of pupils.
    MoreThanPupils(Count),
}

impl SchoolRow {
    pub fn new(id: Id) -> Self {
        Self {
            id,
            name: String::new(),
            brin: String::new(),
            board: String::new(),
            sector: None,
            pupils: None,
            education_support: None,
            youth_care: None,
            both: None,
            waiting: None,
            responsible: None,
            organisation: String::new(),
            previous: None,
        }
    }

    pub fn count(&self, c: Count) -> Option<u32> {
        match c {
            Count::Pupils => self.pupils,
            Count::EducationSupport => self.education_support,
            Count::YouthCare => self.youth_care,
            Count::Both => self.both,
            Count::Waiting => self.waiting,
        }
    }

    pub fn count_mut(&mut self, c: Count) -> &mut Option<u32> {
        match c {
            Count::Pupils => &mut self.pupils,
            Count::EducationSupport => &mut self.education_support,
            Count::YouthCare => &mut self.youth_care,
            Count::Both => &mut self.both,
            Count::Waiting => &mut self.waiting,
        }
    }

    /// A row with no name and no counts: it counts nowhere.
    pub fn is_empty(&self) -> bool {
        self.name.trim().is_empty() && Count::ALL.iter().all(|c| self.count(*c).is_none())
    }

    /// What cannot be right in the row's figures.
    pub fn problems(&self) -> Vec<RowProblem> {
        let mut out = Vec::new();
        if let Some(both) = self.both
            && [self.education_support, self.youth_care]
                .iter()
                .any(|part| part.is_some_and(|p| both > p))
        {
            out.push(RowProblem::BothExceedsPart);
        }
        if let Some(pupils) = self.pupils {
            for c in &Count::ALL[1..] {
                if self.count(*c).is_some_and(|v| v > pupils) {
                    out.push(RowProblem::MoreThanPupils(*c));
                }
            }
        }
        out
    }

    /// The grey zone as a share (0–1) of the pupils with education support, and of those with
    /// youth care: `None` where a count is missing or zero, or the row has a problem.
    pub fn grey_zone_shares(&self) -> (Option<f64>, Option<f64>) {
        if !self.problems().is_empty() {
            return (None, None);
        }
        let share = |part: Option<u32>| match (self.both, part) {
            (Some(b), Some(p)) if p > 0 => Some(f64::from(b) / f64::from(p)),
            _ => None,
        };
        (share(self.education_support), share(self.youth_care))
    }

    /// Whether `other` is the same school, as an import, a paste or the comparison with the
    /// cycle before match them: by BRIN code (ignoring case) when both have one, else by name
    /// (ignoring case and spaces around it).
    pub fn same_school(&self, other: &SchoolRow) -> bool {
        let (a, b) = (self.brin.trim(), other.brin.trim());
        if !a.is_empty() && !b.is_empty() {
            return a.eq_ignore_ascii_case(b);
        }
        let (a, b) = (self.name.trim(), other.name.trim());
        !a.is_empty() && a.to_lowercase() == b.to_lowercase()
    }

    /// Waiting pupils and nobody named as responsible: worth a finding.
    pub fn waits_without_responsible(&self) -> bool {
        self.waiting.is_some_and(|w| w > 0) && self.responsible.is_none()
    }
}

/// The sums of a group of schools (the region, or one sector). Rows with a problem and empty
/// rows are left out (and counted in `left_out`); a count no row filled in is `None`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Totals {
    pub schools: usize,
    pub pupils: Option<u32>,
    pub education_support: Option<u32>,
    pub youth_care: Option<u32>,
    pub both: Option<u32>,
    pub waiting: Option<u32>,
    pub left_out: usize,
}

impl Totals {
    pub fn count(&self, c: Count) -> Option<u32> {
        match c {
            Count::Pupils => self.pupils,
            Count::EducationSupport => self.education_support,
            Count::YouthCare => self.youth_care,
            Count::Both => self.both,
            Count::Waiting => self.waiting,
        }
    }

    /// The grey zone as a share of education support and of youth care (0–1), over the rows
    /// that have both figures.
    pub fn grey_zone_shares(&self) -> (Option<f64>, Option<f64>) {
        let share = |part: Option<u32>| match (self.both, part) {
            (Some(b), Some(p)) if p > 0 => Some(f64::from(b) / f64::from(p)),
            _ => None,
        };
        (share(self.education_support), share(self.youth_care))
    }
}

impl SupportAnalysis {
    /// No rows and nothing said about them: not written in the file.
    pub fn has_no_rows(&self) -> bool {
        self.schools.is_empty() && self.dialogues().next().is_none()
    }

    /// No row with a name or a count.
    pub fn is_empty(&self) -> bool {
        self.schools.iter().all(SchoolRow::is_empty)
    }

    /// The rows that count: not empty, without a problem, in `sector` (all when `None`).
    pub fn counted(&self, sector: Option<Sector>) -> impl Iterator<Item = &SchoolRow> {
        self.schools.iter().filter(move |r| {
            !r.is_empty() && r.problems().is_empty() && sector.is_none_or(|s| r.sector == Some(s))
        })
    }

    /// The sums for the region (`None`) or one sector.
    pub fn totals(&self, sector: Option<Sector>) -> Totals {
        let mut t = Totals::default();
        for r in &self.schools {
            if r.is_empty() || sector.is_some_and(|s| r.sector != Some(s)) {
                continue;
            }
            if !r.problems().is_empty() {
                t.left_out += 1;
                continue;
            }
            t.schools += 1;
            let add = |sum: &mut Option<u32>, v: Option<u32>| {
                if let Some(v) = v {
                    *sum = Some(sum.unwrap_or(0).saturating_add(v));
                }
            };
            add(&mut t.pupils, r.pupils);
            add(&mut t.education_support, r.education_support);
            add(&mut t.youth_care, r.youth_care);
            add(&mut t.both, r.both);
            add(&mut t.waiting, r.waiting);
        }
        t
    }

    /// Takes in rows typed, pasted or imported elsewhere: a row of a school here (the same
    /// BRIN code, or without codes the same name: [`SchoolRow::same_school`]) fills in that
    /// school's figures that it has (and its code, when it had none); any other row is added
    /// with an id from `new_id`. Returns (added, updated).
    pub fn merge_rows(
        &mut self,
        rows: Vec<SchoolRow>,
        mut new_id: impl FnMut() -> Id,
    ) -> (usize, usize) {
        let (mut added, mut updated) = (0, 0);
        for row in rows {
            match self
                .schools
                .iter_mut()
                .find(|r| !r.is_empty() && r.same_school(&row))
            {
                Some(r) => {
                    if r.brin.trim().is_empty() {
                        r.brin = row.brin.trim().to_owned();
                    }
                    for c in Count::ALL {
                        if let Some(v) = row.count(c) {
                            *r.count_mut(c) = Some(v);
                        }
                    }
                    if row.sector.is_some() {
                        r.sector = row.sector;
                    }
                    if !row.board.trim().is_empty() {
                        r.board = row.board;
                    }
                    updated += 1;
                }
                None => {
                    self.schools.push(SchoolRow {
                        id: new_id(),
                        ..row
                    });
                    added += 1;
                }
            }
        }
        (added, updated)
    }

    /// The counted schools by grey-zone share of education support, largest first (schools
    /// without that share last, by name).
    pub fn by_grey_zone(&self) -> Vec<&SchoolRow> {
        let mut v: Vec<&SchoolRow> = self.counted(None).collect();
        v.sort_by(|a, b| {
            let (x, y) = (a.grey_zone_shares().0, b.grey_zone_shares().0);
            y.partial_cmp(&x)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then_with(|| x.is_none().cmp(&y.is_none()))
                .then_with(|| a.name.cmp(&b.name))
        });
        v
    }
}

/// How a count is shown outside the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// Not filled in.
    Empty,
    Value(u32),
    /// Above zero and below the threshold: "< N".
    Small,
    /// Hidden so that a small count cannot be computed back from a total and the other
    /// cells (secondary suppression).
    Hidden,
}

impl Shown {
    pub fn is_value(self) -> bool {
        matches!(self, Self::Value(_))
    }
}

/// How the cells of one group and its total are shown outside the window, below `threshold`
/// (counts of pupils always count people): every cell above zero and below it is small; and
/// when the total is shown and exactly one cell of the group is not, the smallest shown
/// cell above zero is hidden as well, so that no small cell equals the total minus the others.
/// Returns the cells and the total.
pub fn protect(cells: &[Option<u32>], total: Option<u32>, threshold: u32) -> (Vec<Shown>, Shown) {
    let small = |v: u32| v > 0 && v < threshold;
    let show = |v: Option<u32>| match v {
        None => Shown::Empty,
        Some(v) if small(v) => Shown::Small,
        Some(v) => Shown::Value(v),
    };
    let mut out: Vec<Shown> = cells.iter().map(|v| show(*v)).collect();
    let total = show(total);
    let not_shown = |out: &[Shown]| {
        out.iter()
            .filter(|s| matches!(s, Shown::Small | Shown::Hidden))
            .count()
    };
    if total.is_value() && not_shown(&out) == 1 {
        let smallest = (out.iter().enumerate())
            .filter_map(|(k, s)| match s {
                Shown::Value(v) if *v > 0 => Some((*v, k)),
                _ => None,
            })
            .min();
        match smallest {
            Some((_, k)) => out[k] = Shown::Hidden,
            // nothing else to hide: the total would give the small cell away
            None => return (out, Shown::Hidden),
        }
    }
    (out, total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: u64, sector: Sector, counts: [u32; 5]) -> SchoolRow {
        let [pupils, edu, youth, both, waiting] = counts.map(Some);
        SchoolRow {
            name: format!("School {id}"),
            sector: Some(sector),
            pupils,
            education_support: edu,
            youth_care: youth,
            both,
            waiting,
            ..SchoolRow::new(Id(id))
        }
    }

    #[test]
    fn sums_and_shares_leave_out_rows_that_cannot_be_right() {
        let mut a = SupportAnalysis::default();
        a.schools.push(row(1, Sector::Po, [400, 40, 30, 10, 2]));
        a.schools.push(row(2, Sector::Po, [300, 20, 20, 12, 0]));
        a.schools.push(row(3, Sector::Vo, [900, 60, 50, 61, 8])); // both > part
        a.schools.push(SchoolRow::new(Id(4))); // empty: nowhere
        let region = a.totals(None);
        assert_eq!(region.schools, 2);
        assert_eq!(region.left_out, 1);
        assert_eq!(region.pupils, Some(700));
        assert_eq!(region.both, Some(22));
        let (of_edu, of_youth) = region.grey_zone_shares();
        assert_eq!(of_edu, Some(22.0 / 60.0));
        assert_eq!(of_youth, Some(22.0 / 50.0));
        assert_eq!(a.schools[2].problems(), vec![RowProblem::BothExceedsPart]);
        assert_eq!(a.schools[2].grey_zone_shares(), (None, None));
        assert_eq!(a.totals(Some(Sector::Vo)).schools, 0);
        let order: Vec<u64> = a.by_grey_zone().iter().map(|r| r.id.0).collect();
        assert_eq!(order, [2, 1], "12 of 20 before 10 of 40");
        let mut more = row(5, Sector::So, [50, 60, 5, 5, 0]);
        assert_eq!(
            more.problems(),
            vec![RowProblem::MoreThanPupils(Count::EducationSupport)]
        );
        more.education_support = Some(50);
        assert!(more.problems().is_empty());
    }

    #[test]
    fn a_small_cell_cannot_be_computed_back_from_the_total() {
        // one small cell: the smallest other cell above zero is hidden too
        let (cells, total) = protect(&[Some(3), Some(40), Some(12), Some(0)], Some(55), 5);
        assert_eq!(
            cells,
            [
                Shown::Small,
                Shown::Value(40),
                Shown::Hidden,
                Shown::Value(0)
            ]
        );
        assert_eq!(total, Shown::Value(55));
        // two small cells: their sum is known, neither one is
        let (cells, _) = protect(&[Some(3), Some(4), Some(12)], Some(19), 5);
        assert_eq!(cells, [Shown::Small, Shown::Small, Shown::Value(12)]);
        // nothing else to hide: the total goes
        let (cells, total) = protect(&[Some(3), Some(0)], Some(3), 5);
        assert_eq!(cells, [Shown::Small, Shown::Value(0)]);
        assert_eq!(total, Shown::Small);
        let (_, total) = protect(&[Some(3), Some(0), None], Some(9), 5);
        assert_eq!(total, Shown::Hidden);
        // nothing small: everything shows
        let (cells, total) = protect(&[Some(30), None], Some(30), 5);
        assert_eq!(cells, [Shown::Value(30), Shown::Empty]);
        assert_eq!(total, Shown::Value(30));
    }
}
