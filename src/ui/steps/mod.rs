//! The editors of the five steps, and what they share: new ids, deferred removal, the
//! "still missing" box and the step footer. (Their lists: `widgets::CardList`, `text_list`.)

mod ambitions;
mod analysis;
mod evaluation;
mod indicators;
mod interventions;
mod measurements;
mod outcomes;
mod paste;
pub(crate) mod support;

use crate::i18n::key;
use crate::i18n::{Label, t, tf};
use crate::model::{Finding, Id, IdSource, Project, Step, findings_for_step};
use crate::state::{Message, Outbox, View};
use crate::ui::theme;
use crate::ui::widgets::{ListAction, empty_state};
use egui::{RichText, Ui};

/// Edits that need the whole project, collected while a step is drawn and applied after.
pub struct EditCtx {
    ids: IdSource,
    removed: Vec<Id>,
    /// App commands asked for while drawing (e.g. "import CSV for this indicator").
    pub commands: Outbox,
}

impl EditCtx {
    pub fn new(project: &Project) -> Self {
        Self {
            ids: project.ids.clone(),
            removed: Vec::new(),
            commands: Outbox::default(),
        }
    }

    /// A fresh id for a new item.
    pub fn new_id(&mut self) -> Id {
        self.ids.next_id()
    }

    /// Removes an item after the step is drawn (with its links, and an "undo").
    pub fn remove(&mut self, id: Id) {
        self.removed.push(id);
    }

    /// Applies a list action: moves now, removals after the step is drawn.
    pub fn apply<T>(&mut self, action: Option<ListAction>, list: &mut [T]) {
        if let Some(id) = action.and_then(|a| a.apply(list)) {
            self.removed.push(id);
        }
    }

    /// Writes the id counter back and removes what was deleted, with every link to it, and
    /// says what went (with an "undo" in the status bar).
    ///
    /// A second 🗑 click within a double-click's time of a removal is not taken: the next
    /// row's 🗑 has moved under the pointer, and a double-click must not remove two items.
    pub fn finish(self, ui: &Ui, project: &mut Project, pending: &mut Outbox) {
        pending.extend(self.commands);
        project.ids.catch_up(&self.ids);
        if self.removed.is_empty() {
            return;
        }
        let key = egui::Id::NULL.with("kompas-last-removal");
        let now = ui.input(|i| i.time);
        let delay = ui.ctx().options(|o| o.input_options.max_double_click_delay);
        let last: Option<f64> = ui.data(|d| d.get_temp(key));
        if last.is_some_and(|at| now - at >= 0.0 && now - at < delay.max(0.3)) {
            return;
        }
        ui.data_mut(|d| d.insert_temp(key, now));
        pending.push(Message::CheckWholeDocument);
        let mut removed = crate::model::Removed::default();
        for id in self.removed {
            let r = project.remove_counting(id);
            removed.items += r.items;
            removed.links += r.links;
        }
        pending.push(Message::Removed(removed));
    }
}

/// Which state of the document is drawn: the evaluation step keeps what it computes by it.
#[derive(Clone, Copy, Debug)]
pub struct Stamp<'a> {
    /// The index of the cycle shown.
    pub cycle: usize,
    /// The document's revision (see `OpenDoc::revision`).
    pub revision: u64,
    /// Per cycle, a number that changes whenever that cycle does (`Tracker::generations`).
    pub generations: &'a [u64],
}

/// Draws the editor of one step of the cycle `stamp.cycle`.
pub fn show(
    ui: &mut Ui,
    project: &mut Project,
    stamp: Stamp<'_>,
    step: Step,
    pending: &mut Outbox,
) {
    let cycle = stamp.cycle;
    let Some(c) = project.cycles.get(cycle) else {
        empty_state(ui, t!("cycle.none"));
        return;
    };
    ui.add_space(8.0);
    ui.label(
        RichText::new(format!("{}. {}", step.number(), step.label()))
            .size(theme::size::PAGE_TITLE)
            .strong(),
    );
    ui.weak(t!(intro_key(step)));
    missing_box(ui, &findings_for_step(c, step), (step, cycle));
    crate::ui::intervision::tips_box(ui, project, cycle, step);
    crate::ui::lessons::others_box(ui, project, step);
    let mut ed = EditCtx::new(project);
    match step {
        Step::Analysis => analysis::show(ui, project, cycle, &mut ed),
        Step::Ambitions => ambitions::show(ui, project, cycle, &mut ed),
        Step::Outcomes => outcomes::show(ui, project, cycle, &mut ed),
        Step::Interventions => interventions::show(ui, project, cycle, &mut ed),
        Step::Evaluation => evaluation::show(ui, project, stamp, &mut ed),
    }
    ed.finish(ui, project, pending);
    footer(ui, step, pending);
}

fn intro_key(step: Step) -> crate::i18n::Key {
    match step {
        Step::Analysis => key!("intro.analysis"),
        Step::Ambitions => key!("intro.ambitions"),
        Step::Outcomes => key!("intro.outcomes"),
        Step::Interventions => key!("intro.interventions"),
        Step::Evaluation => key!("intro.evaluation"),
    }
}

pub use crate::i18n::finding_text;
use crate::ui::theme::colour;
pub use paste::{notes_list, problems_list};

/// The "still to do" box. Its size is set when a step is shown and does not change while the
/// same step stays on screen: when an edit below resolves an item (or adds one) nothing under
/// the pointer moves, so the next click lands where the user aimed. Up to six items show; a
/// longer list scrolls inside the box, and the title always gives the current count (hover
/// it for the whole list). Another step or cycle sizes it anew.
fn missing_box(ui: &mut Ui, findings: &[Finding], shown: (Step, usize)) {
    const SHOWN_ITEMS: usize = 6;
    ui.add_space(8.0);
    let rows_id = egui::Id::unique("missing-box-rows");
    let kept: Option<((Step, usize), usize)> = ui.data(|d| d.get_temp(rows_id));
    let rows = match kept {
        Some((s, rows)) if s == shown => rows,
        _ => findings.len().min(SHOWN_ITEMS),
    };
    ui.data_mut(|d| d.insert_temp(rows_id, (shown, rows)));
    let (title, color) = if findings.is_empty() {
        (format!("✔ {}", t!("missing.none")), colour::done())
    } else {
        (
            format!(
                "⚠ {}",
                tf!("missing.title", n = &findings.len().to_string())
            ),
            colour::open(),
        )
    };
    let header = ui.label(RichText::new(title).color(color).strong());
    if !findings.is_empty() {
        header.on_hover_ui(|ui| {
            for f in findings {
                ui.label(format!("• {}", finding_text(f)));
            }
        });
    }
    if rows == 0 {
        return;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
    let height = rows as f32 * row_height;
    egui::ScrollArea::vertical()
        .id_salt("missing-list")
        .max_height(height)
        .min_scrolled_height(height)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.set_min_height(height);
            for f in findings {
                ui.add(egui::Label::new(format!("• {}", finding_text(f))).truncate());
            }
        });
}

fn footer(ui: &mut Ui, step: Step, pending: &mut Outbox) {
    ui.add_space(20.0);
    ui.separator();
    ui.horizontal(|ui| {
        if let Some(p) = step.previous()
            && ui
                .button(format!("« {}", p.label()))
                .on_hover_text(format!("{} (Ctrl+PageUp)", t!("cmd.previous_step")))
                .clicked()
        {
            pending.push(Message::Show(View::Step(p)));
        }
        if let Some(n) = step.next()
            && ui
                .button(format!("{} »", n.label()))
                .on_hover_text(format!("{} (Ctrl+PageDown)", t!("cmd.next_step")))
                .clicked()
        {
            pending.push(Message::Show(View::Step(n)));
        }
        if step.next().is_none() && ui.button(format!("{} »", t!("view.dashboard"))).clicked() {
            pending.push(Message::Show(View::Dashboard));
        }
    });
    ui.add_space(20.0);
}

/// (id, name) of every partner, for pickers.
pub fn partner_options(project: &Project) -> Vec<(Id, String)> {
    project
        .partners
        .iter()
        .map(|p| (p.id, p.name.clone()))
        .collect()
}

/// (id, name) of every table, for pickers.
pub fn table_options(project: &Project) -> Vec<(Id, String)> {
    project
        .tables
        .iter()
        .map(|tb| (tb.id, crate::i18n::table_name(tb)))
        .collect()
}

/// An index per cycle of where its indicators and measurements are, kept by the cycle's
/// generation: while someone types in one cycle, only that cycle is indexed again.
pub fn cycle_indexes(
    ui: &Ui,
    project: &Project,
    generations: &[u64],
) -> Vec<(u64, std::sync::Arc<crate::model::CycleIndex>)> {
    // one for the whole window: step 5 and the dashboard share it
    let id = egui::Id::NULL.with("kompas-cycle-indexes");
    let mut indexes: Vec<(u64, std::sync::Arc<crate::model::CycleIndex>)> =
        ui.data(|d| d.get_temp(id)).unwrap_or_default();
    indexes.resize_with(project.cycles.len(), Default::default);
    for (k, c) in project.cycles.iter().enumerate() {
        // without a generation (a document not tracked), index every time
        match generations.get(k) {
            Some(g) if indexes[k].0 == *g => {}
            g => {
                indexes[k] = (
                    g.copied().unwrap_or(0),
                    std::sync::Arc::new(crate::model::CycleIndex::of(c)),
                )
            }
        }
    }
    ui.data_mut(|d| d.insert_temp(id, indexes.clone()));
    indexes
}

/// The status of every indicator with content in one cycle, as of one revision and day: the
/// dashboard and the results chain share it (one computation per edit, not one per screen).
#[derive(Clone, Debug, Default)]
pub struct CycleStatuses {
    key: StatusKey,
    /// In the order of the cycle's indicators.
    pub all: Vec<(Id, crate::model::Assessment)>,
    pub by_id: crate::model::IdMap<crate::model::Assessment>,
}

/// [`CycleStatuses`] of cycle `stamp.cycle` on `today`, computed when the document changed.
pub fn cycle_statuses(
    ui: &Ui,
    project: &Project,
    stamp: Stamp<'_>,
    today: chrono::NaiveDate,
) -> std::sync::Arc<CycleStatuses> {
    use crate::model::{Content, CycleIndex, SeriesIndex};
    let id = egui::Id::NULL.with("kompas-cycle-statuses");
    let Some(c) = project.cycles.get(stamp.cycle) else {
        return std::sync::Arc::default();
    };
    let key = status_key(project, stamp, today);
    let kept: Option<std::sync::Arc<CycleStatuses>> = ui.data(|d| d.get_temp(id));
    if let Some(kept) = kept
        && kept.key == key
    {
        return kept;
    }
    // from an index per cycle that is kept while the cycle does not change
    let indexes = cycle_indexes(ui, project, stamp.generations);
    let refs: Vec<&crate::model::CycleIndex> = indexes.iter().map(|(_, i)| &**i).collect();
    // an indicator without a name or definition counts nowhere
    let filled: crate::model::IdSet = c
        .indicators()
        .filter(|i| i.has_content())
        .map(|i| i.id)
        .collect();
    let all: Vec<(Id, crate::model::Assessment)> =
        match CycleIndex::assess_cycle(project, stamp.cycle, &refs, today) {
            Some(all) => all
                .into_iter()
                .filter(|(id, _)| filled.contains(id))
                .collect(),
            None => {
                let index = SeriesIndex::new(project);
                c.indicators()
                    .filter(|i| i.has_content())
                    .map(|i| (i.id, index.assess(i, today)))
                    .collect()
            }
        };
    let statuses = std::sync::Arc::new(CycleStatuses {
        key,
        by_id: all.iter().copied().collect(),
        all,
    });
    ui.data_mut(|d| d.insert_temp(id, statuses.clone()));
    statuses
}

pub use crate::state::chain::StatusKey;

impl CycleStatuses {
    /// What these statuses were computed from: a screen that keeps more by it (the
    /// dashboard's series) recomputes when it changes.
    pub fn key(&self) -> StatusKey {
        self.key
    }
}

fn status_key(project: &Project, stamp: Stamp<'_>, today: chrono::NaiveDate) -> StatusKey {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    project.cycles.len().hash(&mut h);
    if stamp.generations.len() == project.cycles.len() {
        for (k, g) in stamp.generations.iter().enumerate() {
            if k != stamp.cycle {
                (k, g).hash(&mut h);
            }
        }
    } else {
        // a document whose cycles are not tracked: any change counts
        stamp.revision.hash(&mut h);
    }
    StatusKey {
        cycle: stamp.cycle,
        fingerprint: project
            .cycles
            .get(stamp.cycle)
            .map_or(0, crate::model::Cycle::status_fingerprint),
        others: h.finish(),
        today: Some(today),
    }
}
