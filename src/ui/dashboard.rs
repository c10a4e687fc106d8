//! The cycle dashboard: every outcome with its indicators' status and trend, and the
//! interventions that should move it with their latest judgement and decision. The one screen
//! the partners put on the projector in the OOGO.

use crate::i18n::{Label, fmt_date, fmt_number, t, tf};
use crate::model::*;
use crate::state::{Message, Outbox, View};
use crate::ui::theme;
use crate::ui::theme::colour;
use crate::ui::widgets::charts::{basis_note, pill_width, sparkline, status_color, status_pill};
use crate::ui::widgets::{display_name, empty_state, lazy, pager};
use egui::{RichText, Ui, vec2};

/// How many outcomes one page of the dashboard shows.
const OUTCOMES_PER_PAGE: usize = 8;

/// What the dashboard computes from the document, kept while the document's revision stays:
/// the status counts, and each shown indicator's series and assessment.
#[derive(Clone, Default)]
struct Cache {
    /// (cycle, revision, first outcome shown, today): a status changes with the date too
    key: (usize, u64, usize, chrono::NaiveDate),
    counts: [usize; Status::ALL.len()],
    /// Statuses (other than "no data") that rest on an earlier cycle's measurement only.
    from_earlier: usize,
    /// Statuses (other than "no data") that rest on a measurement more than a year old.
    old: usize,
    /// What the statuses were computed from: an edit that leaves it (a title, a cycle's name)
    /// keeps everything here.
    inputs: Option<(crate::ui::steps::StatusKey, usize)>,
    cards: std::sync::Arc<Vec<(Id, Assessment, Vec<SeriesPoint>)>>,
}

pub fn show(
    ui: &mut Ui,
    project: &Project,
    stamp: crate::ui::steps::Stamp<'_>,
    pending: &mut Outbox,
) {
    let crate::ui::steps::Stamp {
        cycle,
        revision,
        generations,
    } = stamp;
    let Some(c) = project.cycles.get(cycle) else {
        empty_state(ui, t!("cycle.none"));
        return;
    };
    ui.add_space(8.0);
    ui.label(
        RichText::new(t!("dashboard.title"))
            .size(theme::size::PAGE_TITLE)
            .strong(),
    );
    ui.weak(format!(
        "{}   ·   {} – {}",
        c.name,
        fmt_date(c.start),
        fmt_date(c.end)
    ));
    ui.add_space(8.0);

    let cache_id = ui.make_persistent_id("dashboard-cache");
    // kept behind an Arc: fetching it from egui's memory every frame copies no series
    let mut cache: std::sync::Arc<Cache> = ui.data(|d| d.get_temp(cache_id)).unwrap_or_default();
    let page_id = ui.make_persistent_id(("dashboard-page", cycle));
    let page_start: usize =
        ui.data(|d| d.get_temp::<usize>(page_id)).unwrap_or(0) * OUTCOMES_PER_PAGE;
    let today = chrono::Local::now().date_naive();
    let key = (cycle, revision, page_start, today);
    if cache.key != key || cache.cards.is_empty() && !c.outcomes.is_empty() {
        // the status of every indicator (for the counts), shared with the results chain;
        // series only for the cards shown
        let statuses = crate::ui::steps::cycle_statuses(ui, project, stamp, today);
        let inputs = Some((statuses.key(), page_start));
        if cache.inputs == inputs && (c.outcomes.is_empty() || !cache.cards.is_empty()) {
            // nothing the figures rest on changed: keep them, under the new revision
            cache = std::sync::Arc::new(Cache {
                key,
                cards: cache.cards.clone(),
                ..(*cache).clone_counts()
            });
            ui.data_mut(|d| d.insert_temp(cache_id, cache.clone()));
        }
    }
    if cache.key != key || cache.cards.is_empty() && !c.outcomes.is_empty() {
        let statuses = crate::ui::steps::cycle_statuses(ui, project, stamp, today);
        let inputs = Some((statuses.key(), page_start));
        let indexes = crate::ui::steps::cycle_indexes(ui, project, generations);
        let refs: Vec<&CycleIndex> = indexes.iter().map(|(_, i)| &**i).collect();
        // a measurement without a value counts nowhere
        let measured_here: crate::model::IdSet = c
            .evaluation
            .measurements
            .iter()
            .filter(|m| m.value.is_some())
            .map(|m| m.indicator)
            .collect();
        let mut counts = [0; Status::ALL.len()];
        let (mut from_earlier, mut old) = (0, 0);
        for &(id, a) in &statuses.all {
            let k = Status::ALL.iter().position(|s| *s == a.status);
            counts[k.unwrap_or(Status::ALL.len() - 1)] += 1;
            if a.status == Status::NoData {
                continue;
            }
            if !measured_here.contains(&id) {
                from_earlier += 1;
            }
            if a.rests_on
                .and_then(|r| r.0)
                .is_some_and(|d| is_old(d, today))
            {
                old += 1;
            }
        }
        let shown: Vec<Id> = c
            .outcomes
            .iter()
            .skip(page_start)
            .take(OUTCOMES_PER_PAGE)
            .flat_map(|o| o.indicators.iter().map(|i| i.id))
            .collect();
        let index = SeriesIndex::from_cycle_indexes(project, &shown, &refs);
        let cards: Vec<(Id, Assessment, Vec<SeriesPoint>)> = c
            .outcomes
            .iter()
            .skip(page_start)
            .take(OUTCOMES_PER_PAGE)
            .flat_map(|o| o.indicators.iter())
            .map(|i| {
                let (series, a) = index.assessed(i, today);
                (i.id, a, series)
            })
            .collect();
        cache = std::sync::Arc::new(Cache {
            key,
            counts,
            from_earlier,
            old,
            inputs,
            cards: std::sync::Arc::new(cards),
        });
        ui.data_mut(|d| d.insert_temp(cache_id, cache.clone()));
    }
    ui.horizontal_wrapped(|ui| {
        for (k, s) in Status::ALL.into_iter().enumerate() {
            let n = cache.counts[k];
            egui::Frame::new()
                .stroke(egui::Stroke::new(2.0, status_color(s)))
                .corner_radius(8.0)
                .inner_margin(egui::Margin::symmetric(12, 6))
                .show(ui, |ui| {
                    ui.label(
                        RichText::new(format!("{n}  {}", s.label()))
                            .size(theme::size::KEY_FIGURE)
                            .strong()
                            .color(status_color(s)),
                    );
                });
        }
    });
    let warnings = [
        (cache.from_earlier > 0).then(|| tf!("dashboard.from_earlier", n = cache.from_earlier)),
        (cache.old > 0).then(|| tf!("dashboard.old", n = cache.old)),
    ];
    for text in warnings.into_iter().flatten() {
        ui.add(
            egui::Label::new(RichText::new(format!("⚠ {text}")).color(ui.visuals().warn_fg_color))
                .wrap(),
        );
    }
    ui.add_space(8.0);
    if c.outcomes.is_empty() {
        empty_state(ui, t!("dashboard.no_outcomes"));
        return;
    }
    let page = pager(ui, page_id, c.outcomes.len(), OUTCOMES_PER_PAGE);
    for o in &c.outcomes[page] {
        lazy(ui, ui.make_persistent_id(("outcome-card", o.id.0)), |ui| {
            outcome_card(ui, project, c, o, &cache.cards, pending);
        });
        ui.add_space(10.0);
    }
}

fn outcome_card(
    ui: &mut Ui,
    project: &Project,
    c: &Cycle,
    o: &Outcome,
    cards: &[(Id, Assessment, Vec<SeriesPoint>)],
    pending: &mut Outbox,
) {
    egui::Frame::group(ui.style())
        .inner_margin(14.0)
        .corner_radius(10.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(display_name(&o.title))
                    .size(theme::size::BLOCK_TITLE)
                    .strong(),
            );
            let ambitions: Vec<&str> = o
                .ambitions
                .iter()
                .filter_map(|a| c.ambition(*a))
                .map(|a| display_name(&a.title))
                .collect();
            if !ambitions.is_empty() {
                ui.weak(tf!(
                    "dashboard.for_ambitions",
                    list = &ambitions.join(" · ")
                ));
            }
            ui.add_space(6.0);
            if o.indicators.is_empty() {
                ui.label(RichText::new(t!("dashboard.no_indicators")).color(colour::behind()));
            }
            for ind in &o.indicators {
                let Some((_, a, series)) = cards.iter().find(|x| x.0 == ind.id) else {
                    continue;
                };
                indicator_row(ui, ind, a, series, pending);
                ui.add_space(6.0);
            }
            ui.add_space(6.0);
            ui.label(RichText::new(t!("dashboard.interventions")).strong());
            let mut any = false;
            for iv in c.interventions_for(o.id) {
                any = true;
                intervention_line(ui, project, c, iv);
            }
            if !any {
                ui.label(RichText::new(t!("dashboard.no_interventions")).color(colour::behind()));
            }
        });
}

/// A column of fixed width in a row, its content top-aligned.
fn cell(ui: &mut Ui, width: f32, add: impl FnOnce(&mut Ui)) {
    ui.allocate_ui_with_layout(
        vec2(width, 0.0),
        egui::Layout::top_down(egui::Align::Min),
        |ui| {
            ui.set_width(width);
            add(ui);
        },
    );
}

impl Cache {
    /// The counts without the cards (which are shared, not copied).
    fn clone_counts(&self) -> Self {
        Self {
            key: self.key,
            counts: self.counts,
            from_earlier: self.from_earlier,
            old: self.old,
            inputs: self.inputs,
            cards: std::sync::Arc::default(),
        }
    }
}

/// Status, name, trend, latest value and target of one indicator, in fixed columns so the
/// rows of all outcomes line up.
fn indicator_row(
    ui: &mut Ui,
    ind: &Indicator,
    a: &Assessment,
    series: &[SeriesPoint],
    pending: &mut Outbox,
) {
    let unit = |v: f64| {
        if ind.unit.trim().is_empty() {
            fmt_number(v)
        } else {
            format!("{} {}", fmt_number(v), ind.unit.trim())
        }
    };
    let spacing = ui.spacing().item_spacing.x * 4.0 + 8.0;
    // narrower trend and value columns when the window (or the guidance panel) leaves less room
    let narrow = ui.available_width() < 800.0;
    let (spark, col) = if narrow {
        (110.0, 118.0)
    } else {
        (160.0, 135.0)
    };
    let pill = pill_width(ui);
    let name_width = (ui.available_width() - pill - spark - 2.0 * col - spacing).max(110.0);
    ui.horizontal_top(|ui| {
        cell(ui, pill, |ui| {
            status_pill(ui, a, ind);
        });
        cell(ui, name_width, |ui| {
            let name = ui.add(
                egui::Button::new(
                    RichText::new(display_name(&ind.name))
                        .size(theme::size::ITEM)
                        .strong(),
                )
                .frame(false)
                .wrap(),
            );
            if name.on_hover_text(t!("dashboard.open_indicator")).clicked() {
                pending.push(Message::Show(View::Step(Step::Evaluation)));
            }
            basis_note(ui, a, series, ind, 13.0);
        });
        cell(ui, spark, |ui| {
            sparkline(ui, ind, series, vec2(spark - 10.0, 44.0));
        });
        cell(ui, col, |ui| match a.latest {
            Some((date, v)) => {
                ui.add(
                    egui::Label::new(RichText::new(unit(v)).size(theme::size::VALUE).strong())
                        .wrap(),
                );
                if let Some(d) = date {
                    ui.weak(fmt_date(d));
                }
            }
            None => {
                ui.weak(t!("dashboard.no_measurement"));
            }
        });
        cell(ui, col, |ui| match ind.target_value {
            Some(tv) => {
                ui.add(egui::Label::new(tf!("dashboard.target", value = &unit(tv))).wrap());
                if let Some(d) = ind.target_date {
                    ui.weak(fmt_date(d));
                }
            }
            None => {
                ui.weak(t!("dashboard.no_target"));
            }
        });
    });
}

fn intervention_line(ui: &mut Ui, project: &Project, c: &Cycle, iv: &Intervention) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("• {}", display_name(&iv.title))).size(theme::size::BODY));
        let who: Vec<&str> = project.partner_names(&iv.responsible);
        if !who.is_empty() {
            ui.weak(format!("({})", who.join(", ")));
        }
        match c.judgement_of(iv.id) {
            Some(j) => {
                let color = match j.contribution {
                    ContributionJudgement::Clear => colour::on_track(),
                    ContributionJudgement::Some => ui.visuals().text_color(),
                    ContributionJudgement::None => colour::behind(),
                    ContributionJudgement::Unknown => ui.visuals().weak_text_color(),
                };
                ui.label(
                    RichText::new(tf!(
                        "dashboard.contribution",
                        value = j.contribution.label()
                    ))
                    .color(color),
                );
                if let Some(d) = j.decision {
                    ui.label(RichText::new(tf!("dashboard.decision", value = d.label())).strong());
                }
            }
            None => {
                ui.weak(t!("dashboard.not_judged"));
            }
        }
    });
}
