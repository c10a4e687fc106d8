//! The content of each workshop page: the title page, a step (with its quick signal field on
//! the analysis), one outcome with its indicators, the scan, the wrap-up.

use super::{bullet, scaled, section};
use crate::i18n::key;
use crate::i18n::{Label, fmt_date, fmt_number, t, tf};
use crate::model::*;
use crate::state::{Outbox, Page, Workshop};
use crate::ui::steps::partner_options;
use crate::ui::theme::colour;
use crate::ui::widgets::display_name;
use egui::{RichText, Ui};

pub(super) fn page_content(
    ui: &mut Ui,
    project: &mut Project,
    (cycle, page): (usize, Page),
    ws: &mut Workshop,
    pending: &mut Outbox,
) {
    match page {
        Page::Title => title_page(ui, project, cycle, ws.day()),
        Page::Step(Step::Analysis) => analysis_page(ui, project, cycle, ws),
        Page::Step(Step::Ambitions) => {
            let Some(c) = project.cycles.get(cycle) else {
                return;
            };
            for a in &c.ambitions {
                ui.label(
                    RichText::new(display_name(&a.title))
                        .strong()
                        .size(scaled(ui, 28.0)),
                );
                if !a.description.is_empty() {
                    ui.label(&a.description);
                }
                ui.add_space(10.0);
            }
            if !c.principles.is_empty() {
                section(ui, t!("principles.title"));
                for p in &c.principles {
                    bullet(ui, &p.text);
                }
            }
        }
        Page::Step(Step::Outcomes) => {
            let Some(c) = project.cycles.get(cycle) else {
                return;
            };
            for o in &c.outcomes {
                ui.label(
                    RichText::new(display_name(&o.title))
                        .strong()
                        .size(scaled(ui, 26.0)),
                );
                for i in &o.indicators {
                    bullet(ui, display_name(&i.name));
                }
                ui.add_space(8.0);
            }
        }
        Page::Outcome(k) => super::dialogue::outcome_page(ui, project, cycle, k),
        Page::Support => super::support::page(ui, project, cycle),
        Page::Vote => super::vote::page(ui, project, cycle, &mut ws.vote),
        Page::Parking => super::parking::page(ui, project, cycle, &mut ws.parking),
        Page::Step(Step::Interventions) => {
            let Some(c) = project.cycles.get(cycle) else {
                return;
            };
            for iv in &c.interventions {
                ui.label(
                    RichText::new(display_name(&iv.title))
                        .strong()
                        .size(scaled(ui, 26.0)),
                );
                let outcomes: Vec<&str> = iv
                    .contributions
                    .iter()
                    .filter_map(|k| c.outcome(k.outcome))
                    .map(|o| display_name(&o.title))
                    .collect();
                if !outcomes.is_empty() {
                    ui.weak(tf!("workshop.contributes_to", list = &outcomes.join(" · ")));
                }
                let who = project.partner_names(&iv.responsible);
                if !who.is_empty() {
                    ui.weak(who.join(", "));
                }
                ui.add_space(8.0);
            }
        }
        Page::Step(Step::Evaluation) => {
            let Some(c) = project.cycles.get(cycle) else {
                return;
            };
            for iv in &c.interventions {
                let judgement = c.judgement_of(iv.id);
                let line = match judgement {
                    Some(j) => format!(
                        "{}: {}{}",
                        display_name(&iv.title),
                        j.contribution.label(),
                        j.decision
                            .map(|d| format!("  ·  {}", d.label()))
                            .unwrap_or_default()
                    ),
                    None => format!(
                        "{}: {}",
                        display_name(&iv.title),
                        t!("dashboard.not_judged")
                    ),
                };
                bullet(ui, &line);
            }
            if !c.evaluation.lessons.is_empty() {
                ui.add_space(8.0);
                section(ui, t!("lessons.title"));
                for l in &c.evaluation.lessons {
                    bullet(ui, &l.text);
                }
            }
        }
        Page::Scan(moment) => {
            super::scan::page(ui, project, cycle, moment, &mut ws.live_scan, pending)
        }
        // drawn by the chain screen itself (see `super::show`)
        Page::Chain => {}
        Page::WrapUp => {
            super::today::page(ui, project, (cycle, ws.day()), ws, pending);
            wrapup_page(ui, project, cycle);
        }
    }
}

fn title_page(ui: &mut Ui, project: &Project, cycle: usize, day: chrono::NaiveDate) {
    let Some(c) = project.cycles.get(cycle) else {
        return;
    };
    let shown = crate::state::shown_pages(project, cycle, day);
    ui.label(
        RichText::new(display_name(&project.region.name))
            .size(scaled(ui, 46.0))
            .strong(),
    );
    ui.label(RichText::new(format!(
        "{}  ·  {} – {}",
        c.name,
        fmt_date(c.start),
        fmt_date(c.end)
    )));
    ui.add_space(16.0);
    // with today's agenda: the agenda, with the date and each block's minutes
    if shown != crate::state::pages(c) {
        section(ui, &tf!("workshop.agenda_of", date = &fmt_date(day)));
        let mut total = 0;
        for (k, page) in shown.iter().enumerate() {
            let minutes = crate::state::minutes_of(project, cycle, day, *page);
            total += minutes;
            let time = if minutes > 0 {
                format!("  —  {minutes} {}", t!("timer.min"))
            } else {
                String::new()
            };
            ui.label(format!("{}. {}{time}", k + 1, super::page_title(*page, c)));
        }
        ui.label(RichText::new(tf!("workshop.agenda_total", n = &total.to_string())).strong());
        ui.add_space(16.0);
        ui.weak(t!("workshop.keys"));
        return;
    }
    for s in Step::ALL {
        let open = findings_for_step(c, s).len();
        let mark = if open == 0 {
            format!("✔ {}", t!("stepper.complete"))
        } else {
            format!("⚠ {}", tf!("stepper.missing", n = &open.to_string()))
        };
        ui.label(format!("{}. {}    {mark}", s.number(), s.label()));
    }
    ui.add_space(16.0);
    ui.weak(t!("workshop.keys"));
}

fn analysis_page(ui: &mut Ui, project: &mut Project, cycle: usize, ws: &mut Workshop) {
    let partners = partner_options(project);
    let Some(c) = project.cycles.get(cycle) else {
        return;
    };
    if !c.analysis.data_points.is_empty() {
        section(ui, t!("analysis.data"));
        for d in &c.analysis.data_points {
            let value = d
                .value
                .map(|v| format!("{} {}", fmt_number(v), d.unit))
                .unwrap_or_default();
            bullet(ui, &format!("{}: {value}", display_name(&d.label)));
        }
        ui.add_space(8.0);
    }
    for (key, list) in [
        (key!("analysis.strengths"), &c.analysis.strengths),
        (key!("analysis.problems"), &c.analysis.problems),
    ] {
        if !list.is_empty() {
            section(ui, t!(key));
            for x in list {
                bullet(ui, &x.text);
            }
            ui.add_space(8.0);
        }
    }
    section(ui, t!("analysis.signals"));
    for s in &c.analysis.signals {
        let from = match s.partner {
            Some(p) => partners
                .iter()
                .find(|x| x.0 == p)
                .map_or(s.from.label().to_owned(), |x| x.1.clone()),
            None => s.from.label().to_owned(),
        };
        bullet(ui, &format!("{from}: {}", s.text));
    }
    // add a signal live, without leaving the mode
    ui.add_space(6.0);
    let mut add = false;
    // who it comes from on one line, the text and "Add" below it, so both fit any width
    let l = ui
        .horizontal(|ui| {
            let l = ui.label(t!("workshop.new_signal"));
            crate::ui::widgets::enum_combo_inline(
                ui,
                l.id,
                &mut ws.signal_from,
                &SignalSource::ALL,
                "ws-signal-from",
            );
            l
        })
        .inner;
    let field = ui
        .horizontal(|ui| {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let clicked = ui.button(t!("workshop.add")).clicked();
                let r = ui
                    .add(
                        // an id of its own: the signal added above it does not make it
                        // another field (which would take the keyboard away)
                        egui::TextEdit::singleline(&mut ws.signal)
                            .id_salt("workshop-signal")
                            .desired_width(ui.available_width()),
                    )
                    .labelled_by(l.id);
                add = clicked || (r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)));
                r
            })
            .inner
        })
        .inner;
    let added = add && !ws.signal.trim().is_empty();
    super::keep_typing(ui, &field, added);
    if added {
        let id = project.new_id();
        if let Some(c) = project.cycles.get_mut(cycle) {
            c.analysis.signals.push(Signal {
                from: ws.signal_from,
                text: ws.signal.trim().to_owned(),
                ..Signal::new(id)
            });
        }
        ws.signal.clear();
    }
}

fn wrapup_page(ui: &mut Ui, project: &mut Project, cycle: usize) {
    let Some(cycle_id) = project.cycles.get(cycle).map(|c| c.id) else {
        return;
    };
    section(ui, t!("workshop.tips_title"));
    let mut any = false;
    for tip in project
        .tips
        .iter_mut()
        .filter(|t| t.cycle == Some(cycle_id))
    {
        any = true;
        ui.horizontal(|ui| {
            let step = tip.step.map(|s| s.label()).unwrap_or_default();
            ui.checkbox(&mut tip.taken_up, "")
                .on_hover_text(t!("tips.taken_up"));
            ui.add(egui::Label::new(format!("{}  ({step})", tip.text)).wrap());
        });
    }
    if !any {
        ui.weak(t!("workshop.no_tips"));
    }
    ui.add_space(12.0);
    section(ui, t!("actions.open_title"));
    let today = chrono::Local::now().date_naive();
    let mut open = 0;
    for (_, a) in project.all_actions() {
        if !a.status.is_open() {
            continue;
        }
        open += 1;
        // what, who (organisation · role) and by when, leaving out what is not known
        let text = super::room::action_line(project, a);
        if a.is_overdue(today) {
            ui.label(
                RichText::new(format!("⚠ {text}  ({})", t!("actions.overdue")))
                    .color(colour::behind()),
            );
        } else {
            bullet(ui, &text);
        }
    }
    if open == 0 {
        ui.weak(t!("actions.none_open"));
    }
}
