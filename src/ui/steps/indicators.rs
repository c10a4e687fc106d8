//! One indicator in the evaluation step: its status, chart, the table of measurements (its
//! own and those carried from earlier cycles), paste from a spreadsheet, and the data dialogue.

use super::EditCtx;
use crate::i18n::{Label, fmt_date, fmt_number, t, tf};
use crate::model::*;
use crate::state::Message;
use crate::ui::theme;
use crate::ui::widgets::charts::{basis_note, indicator_chart, status_pill};
use crate::ui::widgets::*;
use egui::{RichText, Ui};

/// What the evaluation step computed about an indicator before drawing (the whole project is
/// needed for the series, while the cycle is being edited).
#[derive(Clone)]
pub struct IndicatorInfo {
    pub id: Id,
    pub outcome: String,
    pub series: Vec<SeriesPoint>,
    pub assessment: Assessment,
    /// Names of the cycles, for rows carried from earlier cycles.
    pub cycle_names: Vec<(Id, String)>,
    /// Counts below this are suppressed in exports (marked here).
    pub small_below: u32,
}

impl IndicatorInfo {
    /// The information of the indicators of a cycle with the given ids.
    pub fn of_cycle(
        project: &Project,
        cycle: usize,
        ids: &[Id],
        index: &SeriesIndex<'_>,
    ) -> Vec<Self> {
        let Some(c) = project.cycles.get(cycle) else {
            return Vec::new();
        };
        let today = chrono::Local::now().date_naive();
        let cycle_names: Vec<(Id, String)> = project
            .cycles
            .iter()
            .map(|c| (c.id, c.name.clone()))
            .collect();
        c.outcomes
            .iter()
            .flat_map(|o| o.indicators.iter().map(move |i| (o, i)))
            .filter(|(_, i)| ids.contains(&i.id))
            .map(|(o, i)| {
                let series = index.series(i.id);
                Self {
                    id: i.id,
                    outcome: o.title.clone(),
                    assessment: assess(i, &series, today),
                    series,
                    cycle_names: cycle_names.clone(),
                    small_below: project.settings.small_numbers_below,
                }
            })
            .collect()
    }
}

/// Draws the card of one indicator. (Every indicator of the cycle can be picked for moving a
/// measurement to another one).
pub fn card(ui: &mut Ui, c: &mut Cycle, info: &IndicatorInfo, ed: &mut EditCtx) {
    let Some(ind) = c.indicator(info.id).cloned() else {
        return;
    };
    egui::Frame::group(ui.style())
        .inner_margin(12.0)
        .corner_radius(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(
                    RichText::new(display_name(&ind.name))
                        .strong()
                        .size(theme::size::LARGE),
                );
                status_pill(ui, &info.assessment, &ind);
            });
            basis_note(ui, &info.assessment, &info.series, &ind, 14.0);
            ui.weak(tf!(
                "measurements.for_outcome",
                outcome = display_name(&info.outcome)
            ));
            ui.label(summary(&ind));
            ui.add_space(4.0);
            let chart_id = ui.make_persistent_id(("chart", ind.id.0));
            indicator_chart(ui, chart_id, &ind, &info.series, 220.0);
            ui.add_space(6.0);
            let removed = super::measurements::table(ui, c, &ind, info);
            ed.apply(
                removed.map(ListAction::Remove),
                &mut c.evaluation.measurements,
            );
            ui.horizontal_wrapped(|ui| {
                if ui
                    .button(format!("➕ {}", t!("measurements.add")))
                    .clicked()
                {
                    let id = ed.new_id();
                    let today = chrono::Local::now().date_naive();
                    c.evaluation.measurements.push(Measurement {
                        id,
                        indicator: ind.id,
                        date: Some(today),
                        // no value until one is typed: until then it counts nowhere
                        value: None,
                        source: String::new(),
                        note: String::new(),
                    });
                }
                let paste_open_id = ui.make_persistent_id(("paste-open", ind.id.0));
                let mut open = ui.data(|d| d.get_temp::<bool>(paste_open_id).unwrap_or(false));
                if ui
                    .selectable_label(open, format!("📋 {}", t!("paste.button")))
                    .on_hover_text(t!("paste.help"))
                    .clicked()
                {
                    open = !open;
                    ui.data_mut(|d| d.insert_temp(paste_open_id, open));
                }
                if ui
                    .button(format!("📥 {}", t!("import.button")))
                    .on_hover_text(t!("import.help"))
                    .clicked()
                {
                    ed.commands.push(Message::ImportCsv(Some(ind.id)));
                }
            });
            let paste_open_id = ui.make_persistent_id(("paste-open", ind.id.0));
            if ui.data(|d| d.get_temp::<bool>(paste_open_id).unwrap_or(false)) {
                super::paste::paste_box(ui, c, &ind, ed, paste_open_id);
            }
            dialogue(ui, c, ind.id);
        });
}

/// "Baseline 46 weeks (01-10-2023) · target 30 weeks (01-07-2025) · down"
fn summary(ind: &Indicator) -> String {
    let num = |v: f64| {
        if ind.unit.trim().is_empty() {
            fmt_number(v)
        } else {
            format!("{} {}", fmt_number(v), ind.unit.trim())
        }
    };
    let with_date = |v: Option<f64>, d: Option<chrono::NaiveDate>| match (v, d) {
        (Some(v), Some(d)) => format!("{} ({})", num(v), fmt_date(d)),
        (Some(v), None) => num(v),
        _ => "–".to_owned(),
    };
    format!(
        "{}: {}   ·   {}: {}   ·   {}: {}",
        t!("chart.baseline"),
        with_date(ind.baseline_value, ind.baseline_date),
        t!("chart.target"),
        with_date(ind.target_value, ind.target_date),
        t!("indicator.direction"),
        ind.direction.label()
    )
}

/// The data dialogue: three questions the group answers looking at the figures. The current
/// dialogue is edited here (with its date); "new dialogue today" keeps it with the earlier
/// ones, which are listed under it with their dates.
fn dialogue(ui: &mut Ui, c: &mut Cycle, indicator: Id) {
    let Some(ind) = c
        .outcomes
        .iter_mut()
        .flat_map(|o| o.indicators.iter_mut())
        .find(|i| i.id == indicator)
    else {
        return;
    };
    dialogue_editor(
        ui,
        indicator.0,
        &mut ind.dialogue,
        &mut ind.earlier_dialogues,
    );
}

/// The data dialogue of an indicator or of the support analysis (`current` and the `earlier`
/// ones), folded under its title; `salt` tells one from another.
pub(crate) fn dialogue_editor(
    ui: &mut Ui,
    salt: u64,
    current: &mut DataDialogue,
    earlier: &mut Vec<DataDialogue>,
) {
    let filled = DataDialogue::said(current, earlier).next().is_some();
    let title = if filled {
        format!("💬 {} ✔", t!("dialogue.title"))
    } else {
        format!("💬 {}", t!("dialogue.title"))
    };
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt(("dialogue", salt))
        .default_open(filled)
        .show(ui, |ui| {
            ui.weak(t!("dialogue.explain"));
            let today = chrono::Local::now().date_naive();
            ui.horizontal_wrapped(|ui| {
                if let Some(d) = current.date {
                    ui.label(
                        RichText::new(tf!("dialogue.current_date", date = &fmt_date(d))).strong(),
                    );
                }
                if !current.is_empty()
                    && current.date != Some(today)
                    && ui
                        .button(format!("➕ {}", t!("dialogue.new_today")))
                        .on_hover_text(t!("dialogue.new_today_help"))
                        .clicked()
                {
                    DataDialogue::of_day(current, earlier, today);
                }
            });
            form_grid(ui, ("dialogue-grid", salt), |ui| {
                text_area(ui, t!("dialogue.recognise"), &mut current.recognise);
                text_area(ui, t!("dialogue.explain_q"), &mut current.explain);
                text_area(ui, t!("dialogue.opinion"), &mut current.opinion);
            });
            let earlier: Vec<&DataDialogue> = (earlier.iter()).filter(|d| !d.is_empty()).collect();
            if !earlier.is_empty() {
                ui.add_space(4.0);
                ui.label(RichText::new(t!("dialogue.history")).strong());
                for d in earlier.into_iter().rev() {
                    crate::ui::workshop::earlier_answers(ui, d);
                }
            }
        });
}
