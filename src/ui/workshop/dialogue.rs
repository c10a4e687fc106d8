//! An outcome's page, made for the data dialogue: per indicator its status in words, the
//! baseline, latest value and target as large numbers with their dates (the room cannot read
//! them off the axes), the chart with its forecast, and the dialogue's three questions with
//! the group's answers typed live. The answers are kept with the indicator and today's date:
//! the first word typed on a new day starts that day's dialogue and keeps the last one among
//! the earlier ones (shown under the fields, with its date).

use super::{bullet, scaled, section};
use crate::i18n::{Label, fmt_date, fmt_number, key, t, tf};
use crate::model::*;
use crate::ui::widgets::charts::{basis_note, indicator_chart, status_pill};
use crate::ui::widgets::display_name;
use chrono::NaiveDate;
use egui::{RichText, Ui};

/// A value with its unit, as the dashboard writes it.
fn with_unit(ind: &Indicator, v: f64) -> String {
    if ind.unit.trim().is_empty() {
        fmt_number(v)
    } else {
        format!("{} {}", fmt_number(v), ind.unit.trim())
    }
}

/// One large number with what it is above it and its date below.
fn figure(
    ui: &mut Ui,
    ind: &Indicator,
    small_below: u32,
    what: &str,
    value: Option<(Option<NaiveDate>, f64)>,
) {
    ui.vertical(|ui| {
        ui.label(RichText::new(what).weak());
        match value {
            Some((date, v)) => {
                ui.horizontal(|ui| {
                    ui.add(
                        egui::Label::new(
                            RichText::new(with_unit(ind, v))
                                .strong()
                                .size(scaled(ui, 38.0)),
                        )
                        .wrap(),
                    );
                    if crate::privacy::suppress(v, ind.is_count_of_people(), small_below) {
                        ui.label("🔒").on_hover_text(tf!(
                            "privacy.small_marker",
                            n = &small_below.to_string()
                        ));
                    }
                });
                match date {
                    Some(d) => ui.weak(fmt_date(d)),
                    None => ui.weak(t!("dialogue.no_date")),
                };
            }
            None => {
                ui.label(RichText::new("–").strong().size(scaled(ui, 38.0)));
                ui.weak(t!("dashboard.no_measurement"));
            }
        }
    });
}

/// The three figures side by side, each in a third of the width.
fn figures(ui: &mut Ui, ind: &Indicator, a: &Assessment, small_below: u32) {
    let base = ind.baseline_value.map(|v| (ind.baseline_date, v));
    let target = ind.target_value.map(|v| (ind.target_date, v));
    ui.columns(3, |cols| {
        figure(&mut cols[0], ind, small_below, t!("chart.baseline"), base);
        figure(
            &mut cols[1],
            ind,
            small_below,
            t!("dialogue.latest"),
            a.latest,
        );
        figure(&mut cols[2], ind, small_below, t!("chart.target"), target);
    });
}

/// What the forecast asks of the room, under the chart.
fn forecast_question(ui: &mut Ui) {
    ui.add(egui::Label::new(RichText::new(format!("? {}", t!("guide.forecast"))).weak()).wrap());
}

/// The three questions with today's answers (`now`), and the dialogues said before under them
/// (`said`: all, oldest first; today's is left out); `Some` with the answers when something
/// was typed this frame. `salt` tells the fields of one page's dialogue from another's.
pub(super) fn questions(
    ui: &mut Ui,
    salt: u64,
    now: Option<&DataDialogue>,
    said: Vec<&DataDialogue>,
    today: NaiveDate,
) -> Option<DataDialogue> {
    let mut d = now.cloned().unwrap_or_default();
    let before = d.clone();
    ui.label(
        RichText::new(format!(
            "💬 {}  ·  {}",
            t!("dialogue.title"),
            fmt_date(today)
        ))
        .strong()
        .size(scaled(ui, 26.0)),
    );
    for (q, answer, field) in [
        (key!("dialogue.recognise"), &mut d.recognise, "recognise"),
        (key!("dialogue.explain_q"), &mut d.explain, "explain"),
        (key!("dialogue.opinion"), &mut d.opinion, "opinion"),
    ] {
        let l = ui.label(RichText::new(t!(q)).strong());
        ui.add(
            egui::TextEdit::multiline(answer)
                .id_salt(("ws-dialogue", salt, field))
                .desired_rows(2)
                .desired_width(f32::INFINITY)
                .hint_text(t!("dialogue.hint")),
        )
        .labelled_by(l.id);
    }
    // what was said before, to compare with
    let earlier: Vec<&DataDialogue> = said.into_iter().filter(|x| x.date != Some(today)).collect();
    if let Some(last) = earlier.last() {
        let when = last
            .date
            .map_or(t!("dialogue.undated").to_owned(), fmt_date);
        egui::CollapsingHeader::new(tf!("dialogue.earlier", date = &when, n = earlier.len()))
            .id_salt(("ws-dialogue-earlier", salt))
            .show(ui, |ui| {
                for x in earlier.iter().rev() {
                    earlier_answers(ui, x);
                }
            });
    }
    (d != before).then_some(d)
}

/// An earlier dialogue's answers under its date (in the editor and on the projector).
pub(crate) fn earlier_answers(ui: &mut Ui, d: &DataDialogue) {
    let when = d.date.map_or(t!("dialogue.undated").to_owned(), fmt_date);
    ui.label(RichText::new(when).strong());
    for (q, a) in [
        (t!("dialogue.recognise"), &d.recognise),
        (t!("dialogue.explain_q"), &d.explain),
        (t!("dialogue.opinion"), &d.opinion),
    ] {
        if !a.trim().is_empty() {
            ui.add(egui::Label::new(format!("{q} {a}")).wrap());
        }
    }
}

pub(super) fn outcome_page(ui: &mut Ui, project: &mut Project, cycle: usize, k: usize) {
    let today = chrono::Local::now().date_naive();
    let small_below = project.settings.small_numbers_below;
    let mut typed: Vec<(usize, DataDialogue)> = Vec::new();
    {
        let Some(c) = project.cycles.get(cycle) else {
            return;
        };
        let Some(o) = c.outcomes.get(k) else { return };
        if !o.description.is_empty() {
            ui.label(&o.description);
        }
        let index = SeriesIndex::new(project);
        for (j, ind) in o.indicators.iter().enumerate() {
            let series = index.series(ind.id);
            let a = assess(ind, &series, today);
            ui.add_space(6.0);
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(display_name(&ind.name))
                        .strong()
                        .size(scaled(ui, 28.0)),
                );
                status_pill(ui, &a, ind);
            });
            basis_note(ui, &a, &series, ind, scaled(ui, 18.0));
            figures(ui, ind, &a, small_below);
            ui.add_space(4.0);
            let chart_id = ui.make_persistent_id(("ws-chart", ind.id.0));
            // side by side where the page is wide enough, the questions under the chart else
            if ui.available_width() >= 880.0 {
                let mut answer = None;
                ui.columns(2, |cols| {
                    // the legend takes rows of its own in a half-wide column
                    let height = (cols[0].available_height() * 0.5).clamp(300.0, 420.0);
                    indicator_chart(&mut cols[0], chart_id, ind, &series, height);
                    forecast_question(&mut cols[0]);
                    answer = questions(
                        &mut cols[1],
                        ind.id.0,
                        ind.dialogue_on(today),
                        ind.dialogues().collect(),
                        today,
                    );
                });
                typed.extend(answer.map(|d| (j, d)));
            } else {
                let height = (ui.available_height() * 0.4).clamp(200.0, 320.0);
                indicator_chart(ui, chart_id, ind, &series, height);
                forecast_question(ui);
                ui.add_space(4.0);
                let said = ind.dialogues().collect();
                let answer = questions(ui, ind.id.0, ind.dialogue_on(today), said, today);
                typed.extend(answer.map(|d| (j, d)));
            }
            ui.add_space(8.0);
            ui.separator();
        }
        let ivs: Vec<&Intervention> = c.interventions_for(o.id).collect();
        if !ivs.is_empty() {
            section(ui, t!("dashboard.interventions"));
            for iv in ivs {
                let j = c
                    .judgement_of(iv.id)
                    .map(|j| format!(" — {}", j.contribution.label()))
                    .unwrap_or_default();
                bullet(ui, &format!("{}{j}", display_name(&iv.title)));
            }
        }
    }
    // what was typed goes to the indicator's dialogue of today
    for (j, d) in typed {
        let Some(ind) = project
            .cycles
            .get_mut(cycle)
            .and_then(|c| c.outcomes.get_mut(k))
            .and_then(|o| o.indicators.get_mut(j))
        else {
            continue;
        };
        let to = ind.dialogue_on_mut(today);
        to.recognise = d.recognise;
        to.explain = d.explain;
        to.opinion = d.opinion;
    }
}
