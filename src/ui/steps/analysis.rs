//! Step 1, analysis: figures, strengths, problems, signals, how the partners work together.

use super::{EditCtx, partner_options};
use crate::i18n::{Label, fmt_number, t};
use crate::model::*;
use crate::ui::widgets::*;
use egui::Ui;

pub fn show(ui: &mut Ui, project: &mut Project, cycle: usize, ed: &mut EditCtx) {
    let partners = partner_options(project);
    let history = project.scan_history(cycle, ScanMoment::Analysis);
    let cycle_names: Vec<String> = project.cycles.iter().map(|c| c.name.clone()).collect();
    // drawn from the analysis as it was at the start of this frame
    let chart = project.support_chart(cycle);
    let below = project.settings.small_numbers_below;
    let Some(c) = project.cycles.get_mut(cycle) else {
        return;
    };
    let a = &mut c.analysis;

    section_heading(ui, t!("analysis.data"), t!("analysis.data_explain"));
    CardList::new(ListTexts {
        kind: "",
        add: t!("analysis.data_add"),
        empty: t!("analysis.data_empty"),
    })
    .kind_of(|d: &DataPoint| d.domain.label().to_owned())
    .show(ui, ed, &mut a.data_points, |ui, d, _| {
        form_grid(ui, ("dp", d.id.0), |ui| {
            text_line(ui, t!("data.label"), &mut d.label);
            let kind = value_kind(&d.unit);
            figure_field(ui, t!("data.value"), &mut d.value, kind, ("dpv", d.id.0));
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
    });

    super::support::show(ui, a, &partners, &chart, below, ed);

    section_heading(
        ui,
        t!("analysis.strengths"),
        t!("analysis.strengths_explain"),
    );
    text_list(
        ui,
        ed,
        &mut a.strengths,
        ListTexts {
            kind: t!("analysis.strength"),
            add: t!("analysis.strengths_add"),
            empty: t!("analysis.strengths_empty"),
        },
    );

    section_heading(ui, t!("analysis.problems"), t!("analysis.problems_explain"));
    text_list(
        ui,
        ed,
        &mut a.problems,
        ListTexts {
            kind: t!("analysis.problem"),
            add: t!("analysis.problems_add"),
            empty: t!("analysis.problems_empty"),
        },
    );

    section_heading(ui, t!("analysis.signals"), t!("analysis.signals_explain"));
    CardList::new(ListTexts {
        kind: "",
        add: t!("analysis.signals_add"),
        empty: t!("analysis.signals_empty"),
    })
    .kind_of(|s: &Signal| {
        match s
            .partner
            .and_then(|p| partners.iter().find(|(id, _)| *id == p))
        {
            Some((_, name)) if s.from == SignalSource::Partner => name.clone(),
            _ => s.from.label().to_owned(),
        }
    })
    .show(ui, ed, &mut a.signals, |ui, s, _| {
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
    });

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
        ListTexts {
            kind: t!("analysis.own_bottleneck"),
            add: t!("analysis.own_bottlenecks_add"),
            empty: t!("analysis.own_bottlenecks_empty"),
        },
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

impl CardItem for DataPoint {
    fn title(&self) -> String {
        match self.value {
            Some(v) => format!(
                "{}: {} {}",
                display_name(&self.label),
                fmt_number(v),
                self.unit
            ),
            None => self.label.clone(),
        }
    }
}

impl CardItem for Signal {
    fn title(&self) -> String {
        self.text.clone()
    }
}
