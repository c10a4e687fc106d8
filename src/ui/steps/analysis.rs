//! Step 1, analysis: figures, strengths, problems, signals, how the partners work together.

use super::{EditCtx, partner_options, text_list};
use crate::i18n::{Label, fmt_number, t};
use crate::model::*;
use crate::ui::widgets::*;
use egui::Ui;

pub fn show(ui: &mut Ui, project: &mut Project, cycle: usize, ed: &mut EditCtx) {
    let partners = partner_options(project);
    let history = project.scan_history(cycle, ScanMoment::Analysis);
    let cycle_names: Vec<String> = project.cycles.iter().map(|c| c.name.clone()).collect();
    let Some(c) = project.cycles.get_mut(cycle) else {
        return;
    };
    let a = &mut c.analysis;

    section_heading(ui, t!("analysis.data"), t!("analysis.data_explain"));
    let mut action = None;
    let len = a.data_points.len();
    for (i, d) in a.data_points.iter_mut().enumerate() {
        let title = match d.value {
            Some(v) => format!("{}: {} {}", display_name(&d.label), fmt_number(v), d.unit),
            None => d.label.clone(),
        };
        item_card(
            ui,
            d.id,
            d.domain.label(),
            title,
            (i, len),
            &mut action,
            |ui| {
                form_grid(ui, ("dp", d.id.0), |ui| {
                    text_line(ui, t!("data.label"), &mut d.label);
                    number_field(ui, t!("data.value"), &mut d.value, ("dpv", d.id.0));
                    text_line(ui, t!("data.unit"), &mut d.unit);
                    counts_people_field(ui, &mut d.counts_people, &d.unit);
                    text_line(ui, t!("data.source"), &mut d.source);
                    date_field(ui, t!("data.date"), &mut d.date, ("dpd", d.id.0));
                    enum_combo(
                        ui,
                        t!("data.domain"),
                        &mut d.domain,
                        &Domain::ALL,
                        ("dpdom", d.id.0),
                    );
                });
            },
        );
    }
    if a.data_points.is_empty() {
        empty_state(ui, t!("analysis.data_empty"));
    }
    ed.apply(action, &mut a.data_points);
    if add_button(ui, t!("analysis.data_add")) {
        let id = ed.new_id();
        a.data_points.push(DataPoint {
            id,
            label: String::new(),
            value: None,
            unit: String::new(),
            source: String::new(),
            date: None,
            domain: Domain::default(),
            counts_people: None,
        });
    }

    section_heading(
        ui,
        t!("analysis.strengths"),
        t!("analysis.strengths_explain"),
    );
    text_list(
        ui,
        ed,
        &mut a.strengths,
        t!("analysis.strength"),
        t!("analysis.strengths_add"),
        t!("analysis.strengths_empty"),
    );

    section_heading(ui, t!("analysis.problems"), t!("analysis.problems_explain"));
    text_list(
        ui,
        ed,
        &mut a.problems,
        t!("analysis.problem"),
        t!("analysis.problems_add"),
        t!("analysis.problems_empty"),
    );

    section_heading(ui, t!("analysis.signals"), t!("analysis.signals_explain"));
    let mut action = None;
    let len = a.signals.len();
    for (i, s) in a.signals.iter_mut().enumerate() {
        let kind = match s
            .partner
            .and_then(|p| partners.iter().find(|(id, _)| *id == p))
        {
            Some((_, name)) if s.from == SignalSource::Partner => name.clone(),
            _ => s.from.label().to_owned(),
        };
        item_card(
            ui,
            s.id,
            &kind,
            s.text.clone(),
            (i, len),
            &mut action,
            |ui| {
                form_grid(ui, ("sig", s.id.0), |ui| {
                    enum_combo(
                        ui,
                        t!("signal.from"),
                        &mut s.from,
                        &SignalSource::ALL,
                        ("sigf", s.id.0),
                    );
                    if s.from == SignalSource::Partner {
                        single_pick(
                            ui,
                            t!("signal.partner"),
                            &partners,
                            &mut s.partner,
                            ("sigp", s.id.0),
                        );
                    }
                    text_area(ui, t!("signal.text"), &mut s.text);
                });
            },
        );
    }
    if a.signals.is_empty() {
        empty_state(ui, t!("analysis.signals_empty"));
    }
    ed.apply(action, &mut a.signals);
    if add_button(ui, t!("analysis.signals_add")) {
        let id = ed.new_id();
        a.signals.push(Signal {
            id,
            from: SignalSource::default(),
            partner: None,
            text: String::new(),
        });
    }

    section_heading(
        ui,
        t!("analysis.collaboration"),
        t!("analysis.collaboration_explain"),
    );
    form_grid(ui, "collab", |ui| {
        opt_enum_combo(
            ui,
            t!("analysis.model"),
            &mut a.collaboration_model,
            &CollaborationModel::ALL,
            "model",
        );
        opt_enum_combo(ui, t!("analysis.phase"), &mut a.phase, &Phase::ALL, "phase");
    });

    section_heading(
        ui,
        t!("analysis.bottlenecks"),
        t!("analysis.bottlenecks_explain"),
    );
    for b in CommonBottleneck::ALL {
        let mut on = a.bottlenecks.contains(&b);
        if ui.checkbox(&mut on, b.label()).changed() {
            if on {
                a.bottlenecks.push(b);
                a.bottlenecks.sort();
            } else {
                a.bottlenecks.retain(|x| *x != b);
            }
        }
    }
    ui.add_space(6.0);
    text_list(
        ui,
        ed,
        &mut a.own_bottlenecks,
        t!("analysis.own_bottleneck"),
        t!("analysis.own_bottlenecks_add"),
        t!("analysis.own_bottlenecks_empty"),
    );
    crate::ui::scan::section(
        ui,
        &mut a.scan,
        &crate::ui::scan::Context {
            moment: ScanMoment::Analysis,
            partners: &partners,
            history: &history,
            cycle_names: &cycle_names,
        },
        ed,
    );
}
