//! What differs between two versions of a project, in words and grouped by where it is (the
//! region, a cycle's step, the meetings), and the window *Bestand › Vergelijken met…* that
//! shows it (drawn by `ui::differences`). The merge window lists what came in the same way.

use super::View;
use crate::i18n::changes::{self, Names};
use crate::i18n::{Label, lang, t};
use crate::model::merge::{self, Change, MergeError, Step, Summary};
use crate::model::{Project, Step as CycleStep};
use serde_json::Value;
use std::path::PathBuf;

/// The differences in one part of the document: its title and one line per change.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub title: String,
    pub lines: Vec<String>,
}

/// What differs from `before` to `after`, one line per change ("Interventie 'X': budget
/// € 200.000 ➡ € 250.000"), grouped by the part of the document it is in (the region, each
/// cycle's steps in order, meetings, intervision, the rest), in the interface language; and
/// how many items were added, values changed and items removed.
pub fn in_words(before: &Project, after: &Project) -> Result<(Vec<Group>, Summary), MergeError> {
    let lang = lang();
    // the cycles both hold unchanged are left out (a large project's history)
    let (b, a) = merge::differing_trees(before, after)?;
    let names = Names::of(lang, &[&b, &a]);
    let several = before.cycles.len().max(after.cycles.len()) > 1;
    let mut groups: Vec<(Place, Group)> = Vec::new();
    let mut counts = Summary::default();
    for c in Change::list(&b, &a) {
        match (&c.before, &c.after) {
            (None, _) => counts.added += 1,
            (_, None) => counts.removed += 1,
            _ => counts.changed += 1,
        }
        let (place, title, cycle) = group_of(&b, &a, &c, several);
        let mut line = changes::change(lang, &b, &a, &c, &names);
        // the heading names the cycle (or the project has only one)
        if let Some(cycle) = cycle {
            line = line.replacen(&format!("{cycle} · "), "", 1);
        }
        match groups.iter_mut().find(|(_, g)| g.title == title) {
            Some((_, g)) => g.lines.push(line),
            None => groups.push((
                place,
                Group {
                    title,
                    lines: vec![line],
                },
            )),
        }
    }
    groups.sort_by_key(|(place, _)| *place);
    Ok((groups.into_iter().map(|(_, g)| g).collect(), counts))
}

/// Where a group comes in the list: its part of the document, then the cycle's place and
/// the step's number.
type Place = (u8, usize, usize);

/// Where a change goes: the group's place, its heading, and the name of the cycle it is in.
fn group_of(
    before: &Value,
    after: &Value,
    c: &Change,
    several: bool,
) -> (Place, String, Option<String>) {
    let field = |i: usize| match c.path.get(i) {
        Some(Step::Field(f)) => Some(f.as_str()),
        _ => None,
    };
    match field(0) {
        Some("cycles") if c.path.len() > 2 => {
            let cycle = merge::get(after, &c.path[..2])
                .or_else(|| merge::get(before, &c.path[..2]))
                .and_then(|v| v.get("name"))
                .and_then(Value::as_str)
                .map(str::to_owned);
            let step = match field(2) {
                Some("analysis") => Some(CycleStep::Analysis),
                Some("ambitions" | "principles") => Some(CycleStep::Ambitions),
                Some("outcomes") => Some(CycleStep::Outcomes),
                Some("interventions") => Some(CycleStep::Interventions),
                Some("evaluation") => Some(CycleStep::Evaluation),
                _ => None,
            };
            let cycle_name = cycle.clone().unwrap_or_default();
            let title = match step {
                Some(s) if !several => format!("{}. {}", s.number(), s.label()),
                Some(s) => format!("{cycle_name} · {}. {}", s.number(), s.label()),
                None => format!("{} {cycle_name}", t!("change.i.cycle")),
            };
            let at = cycle_index(after, &c.path[1]).or_else(|| cycle_index(before, &c.path[1]));
            let place = (
                1,
                at.unwrap_or(usize::MAX),
                step.map_or(0, CycleStep::number),
            );
            (place, title, cycle)
        }
        Some("cycles") => (
            (1, usize::MAX, 0),
            t!("differences.cycles").to_owned(),
            None,
        ),
        Some("region" | "partners" | "tables" | "settings") => {
            ((0, 0, 0), View::Region.label().to_owned(), None)
        }
        Some("meetings" | "agenda") => ((2, 0, 0), View::Meetings.label().to_owned(), None),
        Some("intervisions" | "tips") => ((3, 0, 0), View::Intervision.label().to_owned(), None),
        _ => ((4, 0, 0), t!("differences.other").to_owned(), None),
    }
}

/// The place in the document's list of cycles of the cycle a path step names.
fn cycle_index(tree: &Value, step: &Step) -> Option<usize> {
    let Step::Item(id) = step else { return None };
    merge::get(tree, &[Step::Field("cycles".into())])?
        .as_array()?
        .iter()
        .position(|c| c.get("id").and_then(Value::as_u64) == Some(*id))
}

/// The number of lines in `groups`.
pub fn count(groups: &[Group]) -> usize {
    groups.iter().map(|g| g.lines.len()).sum()
}

/// The window *Vergelijken met…*: the open project against another copy or an older version.
pub struct CompareWindow {
    /// The other file's name, as the window names it.
    pub other_name: String,
    pub other_path: PathBuf,
    /// The other version (kept for *Samenvoegen…*).
    pub other: Project,
    /// From the other version to the open one (an older version), instead of from the open
    /// one to the other (a partner's copy).
    pub reversed: bool,
    pub groups: Vec<Group>,
    /// What is typed in the search field: only lines (or groups) holding it are shown.
    pub query: String,
}

impl CompareWindow {
    /// The differences from the open project `ours` to `other`, read from `path`.
    pub fn new(ours: &Project, other: Project, path: PathBuf) -> Result<Self, MergeError> {
        let (groups, _) = in_words(ours, &other)?;
        Ok(Self {
            other_name: super::file_name(&path),
            other_path: path,
            other,
            reversed: false,
            groups,
            query: String::new(),
        })
    }

    /// Compares the other way round.
    pub fn reverse(&mut self, ours: &Project) -> Result<(), MergeError> {
        self.reversed = !self.reversed;
        self.groups = if self.reversed {
            in_words(&self.other, ours)?.0
        } else {
            in_words(ours, &self.other)?.0
        };
        Ok(())
    }

    /// The groups and lines the search leaves (a group whose title matches keeps all its
    /// lines), case-insensitive.
    pub fn shown(&self) -> Vec<(&str, Vec<&str>)> {
        let q = self.query.trim().to_lowercase();
        self.groups
            .iter()
            .filter_map(|g| {
                let whole = q.is_empty() || g.title.to_lowercase().contains(&q);
                let lines: Vec<&str> = g
                    .lines
                    .iter()
                    .filter(|l| whole || l.to_lowercase().contains(&q))
                    .map(String::as_str)
                    .collect();
                (!lines.is_empty()).then_some((g.title.as_str(), lines))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_cycles() -> Project {
        let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default();
        let mut p = Project::new("Regio", d(2025, 8, 1), d(2026, 7, 31));
        let id = p.new_id();
        p.cycles.push(crate::model::Cycle::new(
            id,
            "2026-2027",
            d(2026, 8, 1),
            d(2027, 7, 31),
        ));
        p
    }

    #[test]
    fn changes_are_grouped_by_cycle_and_step_without_the_cycle_in_each_line() {
        crate::i18n::set_lang(crate::i18n::Lang::Nl);
        let before = two_cycles();
        let mut after = before.clone();
        let id = after.new_id();
        let mut i = crate::model::Intervention::new(id);
        i.title = "Kernteam".into();
        after.cycles[1].interventions.push(i);
        after.region.name = "Regio Oost".into();
        let (groups, counts) = in_words(&before, &after).unwrap_or_default();
        assert_eq!((counts.added, counts.changed, counts.removed), (1, 1, 0));
        let titles: Vec<&str> = groups.iter().map(|g| g.title.as_str()).collect();
        assert_eq!(titles, ["Regio en partners", "2026-2027 · 4. Interventies"]);
        assert_eq!(groups[1].lines, ["Nieuw: Interventie 'Kernteam'"]);
        assert_eq!(count(&groups), 2);
    }

    #[test]
    fn a_long_text_changed_at_its_end_is_said_from_where_it_differs() {
        crate::i18n::set_lang(crate::i18n::Lang::Nl);
        let mut before = two_cycles();
        before.region.name = "Regio".into();
        let id = before.new_id();
        let mut i = crate::model::Intervention::new(id);
        i.title = "Inkoop".into();
        i.description = "Inkoop bij twee aanbieders, elk voor de helft van de stad, met de \
                         bestaande professionals."
            .into();
        before.cycles[0].interventions.push(i);
        let mut after = before.clone();
        after.cycles[0].interventions[0].description = after.cycles[0].interventions[0]
            .description
            .replace(".", "; en een wachtlijst.");
        let (groups, _) = in_words(&before, &after).unwrap_or_default();
        assert_eq!(
            groups[0].lines,
            [
                "Interventie 'Inkoop': beschrijving '…met de bestaande professionals.' ➡ '…met de \
              bestaande professionals; en een wachtlijst.'"
            ]
        );
    }

    #[test]
    fn the_search_keeps_matching_lines_and_whole_groups_whose_title_matches() {
        let w = CompareWindow {
            other_name: "b.ron".into(),
            other_path: PathBuf::from("b.ron"),
            other: Project::default(),
            reversed: false,
            groups: vec![
                Group {
                    title: "Regio".into(),
                    lines: vec!["naam: 'A' ➡ 'B'".into(), "Nieuw: Partner 'Gemeente'".into()],
                },
                Group {
                    title: "4. Interventies".into(),
                    lines: vec!["Nieuw: Interventie 'Kernteam'".into()],
                },
            ],
            query: "gemeente".into(),
        };
        assert_eq!(w.shown(), [("Regio", vec!["Nieuw: Partner 'Gemeente'"])]);
        let w = CompareWindow {
            query: "INTERVENTIES".into(),
            ..w
        };
        assert_eq!(
            w.shown(),
            [("4. Interventies", vec!["Nieuw: Interventie 'Kernteam'"])]
        );
    }
}
