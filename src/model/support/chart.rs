//! The support analysis as a chart: per school (and per sector, and for the region) four
//! bars, education support, youth care, both (the grey zone) and waiting, each with the value
//! of the cycle before beside it where the school was there. Only what may be shown outside
//! the editor: every value comes from [`shown_table`] (a small count is `Shown::Small`, a
//! count hidden so that a small one cannot be computed back is `Shown::Hidden`; neither is
//! drawn as a bar), and the schools are sorted by their *shown* grey-zone share, so the order
//! gives away nothing about a hidden count either.
//!
//! The school in the cycle before is the one the row was carried from (`previous`, followed
//! back past cycles in which it had no counts), else the school with the same BRIN code or
//! name in the last earlier cycle that has counts.

use crate::model::{
    Count, Id, Project, SchoolRow, Sector, Shown, ShownTable, SupportAnalysis, shown_table,
};

/// The four bars of a row, top to bottom.
pub const BARS: [Count; 4] = [
    Count::EducationSupport,
    Count::YouthCare,
    Count::Both,
    Count::Waiting,
];

/// What a row of the chart is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKey {
    School(Id),
    Sector(Sector),
    Region,
}

/// One bar: its value in this cycle and in the cycle before (`Shown::Empty`: not there).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bar {
    pub now: Shown,
    pub before: Shown,
}

/// One row of the chart: a school, a sector or the region.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartRow {
    pub key: RowKey,
    /// The school's name (empty for a sector or the region).
    pub name: String,
    pub sector: Option<Sector>,
    /// In the order of [`BARS`].
    pub bars: [Bar; 4],
    /// The grey zone as a share of education support, where both are shown.
    pub share: Option<f64>,
    /// The same in the cycle before.
    pub share_before: Option<f64>,
}

/// The chart of a cycle's support analysis.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SupportChart {
    /// The counted schools, largest shown grey-zone share first; schools without a shown
    /// share last, by name.
    pub schools: Vec<ChartRow>,
    /// The sectors that have schools, then the region.
    pub sectors: Vec<ChartRow>,
    /// Some row has a value of the cycle before.
    pub with_previous: bool,
    /// The name of the cycle before (the last earlier one with counts), when there is one.
    pub previous_name: Option<String>,
}

impl ChartRow {
    /// The largest value drawn as a bar (this cycle's or the one before).
    pub fn largest(&self) -> u32 {
        let value = |s: Shown| match s {
            Shown::Value(v) => v,
            _ => 0,
        };
        (self.bars.iter())
            .map(|b| value(b.now).max(value(b.before)))
            .max()
            .unwrap_or(0)
    }
}

/// The largest value drawn in `rows`: the end of their common scale (at least 1).
pub fn scale_of(rows: &[ChartRow]) -> u32 {
    rows.iter().map(ChartRow::largest).max().unwrap_or(0).max(1)
}

fn row_of(key: RowKey, name: String, sector: Option<Sector>, now: &[Shown; 5]) -> ChartRow {
    let cell = |c: Count| now[Count::ALL.iter().position(|x| *x == c).unwrap_or(0)];
    ChartRow {
        key,
        name,
        sector,
        bars: BARS.map(|c| Bar {
            now: cell(c),
            before: Shown::Empty,
        }),
        share: ShownTable::grey_shares(now).0,
        share_before: None,
    }
}

fn set_before(row: &mut ChartRow, before: &[Shown; 5]) {
    for (bar, c) in row.bars.iter_mut().zip(BARS) {
        bar.before = before[Count::ALL.iter().position(|x| *x == c).unwrap_or(0)];
    }
    row.share_before = ShownTable::grey_shares(before).0;
}

impl Project {
    /// The last cycle before `cycle` whose support analysis has a count.
    pub fn previous_support(&self, cycle: usize) -> Option<usize> {
        let has_counts = |a: &SupportAnalysis| {
            (a.schools.iter()).any(|r| Count::ALL.iter().any(|c| r.count(*c).is_some()))
        };
        (0..cycle.min(self.cycles.len()))
            .rev()
            .find(|k| has_counts(&self.cycles[*k].analysis.support))
    }

    /// The school of an earlier cycle that `row` (of `cycle`) continues, with counts: (cycle,
    /// index in its support analysis).
    pub fn previous_school(&self, cycle: usize, row: &SchoolRow) -> Option<(usize, usize)> {
        let with_counts = |r: &SchoolRow| Count::ALL.iter().any(|c| r.count(*c).is_some());
        // the row it was carried from, and that one's, until one has counts
        let mut id = row.previous;
        let mut before = cycle.min(self.cycles.len());
        while let Some(want) = id {
            let found = (0..before).rev().find_map(|k| {
                let a = &self.cycles[k].analysis.support;
                a.schools.iter().position(|r| r.id == want).map(|j| (k, j))
            });
            let Some((k, j)) = found else { break };
            let r = &self.cycles[k].analysis.support.schools[j];
            if with_counts(r) {
                return Some((k, j));
            }
            (id, before) = (r.previous, k);
        }
        let k = self.previous_support(cycle)?;
        let a = &self.cycles[k].analysis.support;
        let j = a
            .schools
            .iter()
            .position(|r| with_counts(r) && r.same_school(row))?;
        Some((k, j))
    }

    /// The chart of cycle `cycle`'s support analysis, as it may be shown outside the editor.
    pub fn support_chart(&self, cycle: usize) -> SupportChart {
        let Some(c) = self.cycles.get(cycle) else {
            return SupportChart::default();
        };
        let below = self.settings.small_numbers_below;
        let a = &c.analysis.support;
        let table = shown_table(a, below);
        let mut tables: Vec<(usize, ShownTable)> = Vec::new();
        let mut table_of = |k: usize| -> ShownTable {
            if let Some((_, t)) = tables.iter().find(|(x, _)| *x == k) {
                return t.clone();
            }
            let t = shown_table(&self.cycles[k].analysis.support, below);
            tables.push((k, t.clone()));
            t
        };
        let mut with_previous = false;
        let mut schools: Vec<ChartRow> = Vec::new();
        for (k, cells) in &table.schools {
            let r = &a.schools[*k];
            let mut row = row_of(RowKey::School(r.id), r.name.clone(), r.sector, cells);
            if let Some((pc, pj)) = self.previous_school(cycle, r)
                && let Some(before) = table_of(pc).school(pj)
            {
                set_before(&mut row, before);
                with_previous = true;
            }
            schools.push(row);
        }
        schools.sort_by(|x, y| {
            (y.share
                .partial_cmp(&x.share)
                .unwrap_or(std::cmp::Ordering::Equal))
            .then_with(|| x.share.is_none().cmp(&y.share.is_none()))
            .then_with(|| x.name.to_lowercase().cmp(&y.name.to_lowercase()))
        });
        let before = self.previous_support(cycle).map(&mut table_of);
        let mut sectors: Vec<ChartRow> = Vec::new();
        for (s, cells) in &table.sectors {
            let mut row = row_of(RowKey::Sector(*s), String::new(), Some(*s), cells);
            if let Some((_, b)) = before.iter().flat_map(|t| &t.sectors).find(|x| x.0 == *s) {
                set_before(&mut row, b);
            }
            sectors.push(row);
        }
        if !table.schools.is_empty() {
            let mut row = row_of(RowKey::Region, String::new(), None, &table.region);
            if let Some(b) = &before {
                set_before(&mut row, &b.region);
            }
            sectors.push(row);
        }
        with_previous |= sectors
            .iter()
            .any(|r| r.bars.iter().any(|b| b.before != Shown::Empty));
        let previous_name = (self.previous_support(cycle))
            .filter(|_| with_previous)
            .map(|k| self.cycles[k].name.clone());
        SupportChart {
            schools,
            sectors,
            with_previous,
            previous_name,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn school(p: &mut Project, cycle: usize, name: &str, counts: [u32; 5]) -> Id {
        let id = p.new_id();
        let [pupils, edu, youth, both, waiting] = counts.map(Some);
        p.cycles[cycle].analysis.support.schools.push(SchoolRow {
            name: name.into(),
            sector: Some(Sector::Po),
            pupils,
            education_support: edu,
            youth_care: youth,
            both,
            waiting,
            ..SchoolRow::new(id)
        });
        id
    }

    #[test]
    fn the_school_before_is_found_by_its_link_past_an_empty_cycle_or_by_its_name() {
        let d = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default();
        let mut p = Project::new("Regio", d, d);
        school(&mut p, 0, "De Linde", [400, 40, 30, 12, 0]);
        school(&mut p, 0, "Het Baken", [300, 30, 30, 10, 0]);
        p.start_next_cycle(0);
        p.start_next_cycle(1);
        // the third cycle: De Linde carried twice (no counts in between); a new row typed
        // with Het Baken's name; a school that was not there
        assert_eq!(p.previous_support(2), Some(0));
        let linde = p.cycles[2].analysis.support.schools[0].clone();
        assert_eq!(p.previous_school(2, &linde), Some((0, 0)));
        let typed = SchoolRow {
            name: " het baken ".into(),
            ..SchoolRow::new(Id(999))
        };
        assert_eq!(p.previous_school(2, &typed), Some((0, 1)));
        let new = SchoolRow {
            name: "De Esch".into(),
            ..SchoolRow::new(Id(998))
        };
        assert_eq!(p.previous_school(2, &new), None);
        assert_eq!(p.previous_support(0), None);
    }
}
