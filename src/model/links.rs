//! Keeping links valid: every link is by id, and after a deletion the links to items that no
//! longer exist are removed, so a document never holds a dangling id.

use super::IdSet;
use super::{Cycle, Id, Project};

impl Project {
    /// Every id of every item in the project.
    pub fn all_ids(&self) -> Vec<Id> {
        let mut ids: Vec<Id> = self.partners.iter().map(|p| p.id).collect();
        ids.extend(self.tables.iter().map(|t| t.id));
        for c in &self.cycles {
            ids.push(c.id);
            cycle_ids(c, &mut ids);
        }
        for m in &self.meetings {
            ids.push(m.id);
            ids.extend(m.agenda.iter().chain(&m.decisions).map(|t| t.id));
            ids.extend(m.actions.iter().map(|a| a.id));
        }
        ids.extend(self.agenda.themes.iter().map(|t| t.id));
        ids.extend(self.agenda.checks.iter().map(|c| c.id));
        for s in &self.intervisions {
            ids.push(s.id);
            ids.extend(s.lessons.iter().map(|l| l.id));
        }
        ids.extend(self.tips.iter().map(|t| t.id));
        for w in &self.workshops {
            ids.push(w.id);
            ids.extend(w.parked.iter().map(|t| t.id));
            ids.extend(w.vote.items.iter().map(|i| i.id));
        }
        ids.extend(self.from_others.iter().map(|f| f.id));
        ids
    }

    /// Removes every link to an id that does not exist (anymore). Returns how many were removed.
    pub fn prune_links(&mut self) -> usize {
        let partners: IdSet = self.partners.iter().map(|p| p.id).collect();
        let tables: IdSet = self.tables.iter().map(|t| t.id).collect();
        let mut removed = 0;
        for t in &mut self.tables {
            removed += retain(&mut t.partners, |id| partners.contains(id));
        }
        for c in &mut self.cycles {
            removed += prune_cycle(c, &partners, &tables);
        }
        for m in &mut self.meetings {
            removed += retain(&mut m.attendees, |a| partners.contains(&a.partner));
            if m.table.is_some_and(|t| !tables.contains(&t)) {
                m.table = None;
                removed += 1;
            }
            for a in &mut m.actions {
                if a.owner.is_some_and(|p| !partners.contains(&p)) {
                    a.owner = None;
                    removed += 1;
                }
            }
        }
        // A tip of a session (intervision or workshop) or cycle that is gone goes with it.
        let sessions: IdSet = (self.intervisions.iter().map(|s| s.id))
            .chain(self.workshops.iter().map(|w| w.id))
            .collect();
        let cycles: IdSet = self.cycles.iter().map(|c| c.id).collect();
        removed += prune_workshops(self, &cycles);
        removed += retain(&mut self.tips, |t| {
            t.session.is_none_or(|s| sessions.contains(&s))
                && t.cycle.is_none_or(|c| cycles.contains(&c))
        });
        removed
    }

    /// Links that point at nothing, as (from, to) pairs. Empty for a healthy document.
    pub fn dangling_links(&self) -> Vec<(Id, Id)> {
        let mut copy = self.clone();
        let before = link_pairs(&copy);
        copy.prune_links();
        let after = link_pairs(&copy);
        before.into_iter().filter(|l| !after.contains(l)).collect()
    }

    /// Ids used by more than one item.
    pub fn duplicate_ids(&self) -> Vec<Id> {
        let mut seen = IdSet::default();
        let mut dup: Vec<Id> = self
            .all_ids()
            .into_iter()
            .filter(|id| !seen.insert(*id))
            .collect();
        dup.sort();
        dup.dedup();
        dup
    }

    /// Removes the item with this id, wherever it is (partner, table, or any item of any
    /// cycle, with what it contains), then every link to it. Ids are unique project-wide.
    pub fn remove(&mut self, id: Id) {
        self.remove_counting(id);
    }

    /// [`Self::remove`], saying what went with the item: how many other items (what it held,
    /// and what belongs to it such as measurements) and how many links to it.
    pub fn remove_counting(&mut self, id: Id) -> Removed {
        let before = self.all_ids().len();
        self.partners.retain(|p| p.id != id);
        self.tables.retain(|t| t.id != id);
        for c in &mut self.cycles {
            remove_from_cycle(c, id);
        }
        self.cycles.retain(|c| c.id != id);
        self.meetings.retain(|m| m.id != id);
        for m in &mut self.meetings {
            m.agenda.retain(|x| x.id != id);
            m.decisions.retain(|x| x.id != id);
            m.actions.retain(|x| x.id != id);
        }
        self.agenda.themes.retain(|x| x.id != id);
        self.agenda.checks.retain(|x| x.id != id);
        self.intervisions.retain(|x| x.id != id);
        for s in &mut self.intervisions {
            s.lessons.retain(|x| x.id != id);
        }
        self.tips.retain(|x| x.id != id);
        self.workshops.retain(|x| x.id != id);
        self.from_others.retain(|x| x.id != id);
        for w in &mut self.workshops {
            w.parked.retain(|x| x.id != id);
            w.vote.items.retain(|x| x.id != id);
        }
        let after_remove = self.all_ids().len();
        let links = self.prune_links();
        let items = before.saturating_sub(self.all_ids().len());
        Removed {
            // the item itself, and whatever its links held up (a scan response of a partner)
            items: items.saturating_sub(1),
            links: links.saturating_sub(after_remove.saturating_sub(self.all_ids().len())),
        }
    }
}

/// A workshop goes with its cycle; its link to a meeting that is gone, the pages of outcomes
/// that are gone and the sources of vote items that are gone are removed (a vote item keeps its
/// words and its count).
fn prune_workshops(p: &mut Project, cycles: &IdSet) -> usize {
    let meetings: IdSet = p.meetings.iter().map(|m| m.id).collect();
    let mut outcomes = IdSet::default();
    let mut sources = IdSet::default();
    for c in &p.cycles {
        outcomes.extend(c.outcomes.iter().map(|o| o.id));
        let a = &c.analysis;
        sources.extend(a.signals.iter().map(|s| s.id));
        sources.extend(a.problems.iter().chain(&a.own_bottlenecks).map(|t| t.id));
    }
    let mut removed = retain(&mut p.workshops, |w| cycles.contains(&w.cycle));
    for w in &mut p.workshops {
        if w.meeting.is_some_and(|m| !meetings.contains(&m)) {
            w.meeting = None;
            removed += 1;
        }
        removed += retain(&mut w.agenda, |b| match b.page {
            super::PageRef::Outcome(o) => outcomes.contains(&o),
            _ => true,
        });
        for i in &mut w.vote.items {
            use super::VoteSource::*;
            if let Signal(id) | Problem(id) | OwnBottleneck(id) = i.source
                && !sources.contains(&id)
            {
                i.source = Own;
                removed += 1;
            }
        }
    }
    removed
}

/// What went with a removed item (see [`Project::remove_counting`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Removed {
    pub items: usize,
    pub links: usize,
}

fn retain<T>(v: &mut Vec<T>, keep: impl Fn(&T) -> bool) -> usize {
    let before = v.len();
    v.retain(|x| keep(x));
    before - v.len()
}

fn cycle_ids(c: &Cycle, ids: &mut Vec<Id>) {
    ids.extend(c.analysis.support.schools.iter().map(|r| r.id));
    let a = &c.analysis;
    ids.extend(a.data_points.iter().map(|d| d.id));
    ids.extend(
        a.strengths
            .iter()
            .chain(&a.problems)
            .chain(&a.own_bottlenecks)
            .map(|t| t.id),
    );
    ids.extend(a.signals.iter().map(|s| s.id));
    ids.extend(a.scan.responses.iter().map(|r| r.id));
    ids.extend(c.ambitions.iter().map(|x| x.id));
    ids.extend(c.principles.iter().map(|x| x.id));
    for o in &c.outcomes {
        ids.push(o.id);
        ids.extend(o.indicators.iter().map(|i| i.id));
    }
    ids.extend(c.interventions.iter().map(|x| x.id));
    let e = &c.evaluation;
    ids.extend(e.measurements.iter().map(|m| m.id));
    ids.extend(e.judgements.iter().map(|j| j.id));
    ids.extend(e.lessons.iter().map(|l| l.id));
    ids.extend(e.scan.responses.iter().map(|r| r.id));
}

fn remove_from_cycle(c: &mut Cycle, id: Id) {
    let a = &mut c.analysis;
    a.data_points.retain(|x| x.id != id);
    a.strengths.retain(|x| x.id != id);
    a.problems.retain(|x| x.id != id);
    a.own_bottlenecks.retain(|x| x.id != id);
    a.signals.retain(|x| x.id != id);
    c.ambitions.retain(|x| x.id != id);
    c.principles.retain(|x| x.id != id);
    c.outcomes.retain(|x| x.id != id);
    for o in &mut c.outcomes {
        o.indicators.retain(|x| x.id != id);
    }
    c.interventions.retain(|x| x.id != id);
    c.analysis.support.schools.retain(|x| x.id != id);
    let e = &mut c.evaluation;
    e.measurements.retain(|x| x.id != id);
    e.judgements.retain(|x| x.id != id);
    e.lessons.retain(|x| x.id != id);
    for scan in [&mut c.analysis.scan, &mut e.scan] {
        scan.responses.retain(|x| x.id != id);
    }
}

fn prune_cycle(c: &mut Cycle, partners: &IdSet, tables: &IdSet) -> usize {
    let ambitions: IdSet = c.ambitions.iter().map(|a| a.id).collect();
    let outcomes: IdSet = c.outcomes.iter().map(|o| o.id).collect();
    let indicators: IdSet = c.indicators().map(|i| i.id).collect();
    let interventions: IdSet = c.interventions.iter().map(|i| i.id).collect();
    let mut n = 0;
    for s in &mut c.analysis.signals {
        if s.partner.is_some_and(|p| !partners.contains(&p)) {
            s.partner = None;
            n += 1;
        }
    }
    for r in &mut c.analysis.support.schools {
        if r.responsible.is_some_and(|p| !partners.contains(&p)) {
            r.responsible = None;
            n += 1;
        }
    }
    // A scan response belongs to its partner: without the partner it goes too.
    for scan in [&mut c.analysis.scan, &mut c.evaluation.scan] {
        n += retain(&mut scan.responses, |r| partners.contains(&r.partner));
    }
    for a in &mut c.ambitions {
        n += retain(&mut a.endorsed_by, |p| partners.contains(p));
        if a.table.is_some_and(|t| !tables.contains(&t)) {
            a.table = None;
            n += 1;
        }
    }
    for o in &mut c.outcomes {
        n += retain(&mut o.ambitions, |a| ambitions.contains(a));
        for i in &mut o.indicators {
            if i.owner.is_some_and(|p| !partners.contains(&p)) {
                i.owner = None;
                n += 1;
            }
        }
    }
    for i in &mut c.interventions {
        n += retain(&mut i.contributions, |k| outcomes.contains(&k.outcome));
        n += retain(&mut i.responsible, |p| partners.contains(p));
    }
    // A measurement or judgement without its indicator or intervention means nothing: remove it.
    n += retain(&mut c.evaluation.measurements, |m| {
        indicators.contains(&m.indicator)
    });
    n += retain(&mut c.evaluation.judgements, |j| {
        interventions.contains(&j.intervention)
    });
    n
}

/// All (from, to) link pairs in the document, for finding dangling ones.
fn link_pairs(p: &Project) -> Vec<(Id, Id)> {
    let mut pairs = Vec::new();
    for t in &p.tables {
        pairs.extend(t.partners.iter().map(|x| (t.id, *x)));
    }
    for m in &p.meetings {
        pairs.extend(m.attendees.iter().map(|a| (m.id, a.partner)));
        pairs.extend(m.table.map(|t| (m.id, t)));
        pairs.extend(m.actions.iter().filter_map(|a| a.owner.map(|o| (a.id, o))));
    }
    for w in &p.workshops {
        pairs.push((w.id, w.cycle));
        pairs.extend(w.meeting.map(|m| (w.id, m)));
        for b in &w.agenda {
            if let super::PageRef::Outcome(o) = b.page {
                pairs.push((w.id, o));
            }
        }
        for i in &w.vote.items {
            use super::VoteSource::*;
            if let Signal(id) | Problem(id) | OwnBottleneck(id) = i.source {
                pairs.push((i.id, id));
            }
        }
    }
    for t in &p.tips {
        pairs.extend(t.session.map(|s| (t.id, s)));
        pairs.extend(t.cycle.map(|c| (t.id, c)));
    }
    for c in &p.cycles {
        for s in &c.analysis.signals {
            pairs.extend(s.partner.map(|x| (s.id, x)));
        }
        for r in &c.analysis.support.schools {
            pairs.extend(r.responsible.map(|x| (r.id, x)));
        }
        for scan in [&c.analysis.scan, &c.evaluation.scan] {
            pairs.extend(scan.responses.iter().map(|r| (r.id, r.partner)));
        }
        for a in &c.ambitions {
            pairs.extend(a.endorsed_by.iter().map(|x| (a.id, *x)));
            pairs.extend(a.table.map(|x| (a.id, x)));
        }
        for o in &c.outcomes {
            pairs.extend(o.ambitions.iter().map(|x| (o.id, *x)));
            for i in &o.indicators {
                pairs.extend(i.owner.map(|x| (i.id, x)));
            }
        }
        for i in &c.interventions {
            pairs.extend(i.contributions.iter().map(|x| (i.id, x.outcome)));
            pairs.extend(i.responsible.iter().map(|x| (i.id, *x)));
        }
        pairs.extend(
            c.evaluation
                .measurements
                .iter()
                .map(|m| (m.id, m.indicator)),
        );
        pairs.extend(
            c.evaluation
                .judgements
                .iter()
                .map(|j| (j.id, j.intervention)),
        );
    }
    pairs
}
