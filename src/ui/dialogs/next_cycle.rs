//! The next-cycle question: what is carried over, what stays, and what happens to target dates
//! that would lie before the new cycle (moved on, set to a date typed here, or left).

use crate::i18n::{fmt_date, t, tf};
use crate::state::{AppState, Dialog, Message, TargetChoice};
use crate::ui::widgets::date_input;
use egui::RichText;

/// The dialog's body and buttons; `close` is set when it is answered.
pub(super) fn confirm(ui: &mut egui::Ui, app: &mut AppState, close: &mut bool) {
    let Some(Dialog::ConfirmNextCycle { from, carry, .. }) = app.dialog.clone() else {
        return;
    };
    body(ui, app, from, &carry);
    ui.add_space(6.0);
    targets(ui, app, &carry);
    ui.add_space(6.0);
    ui.weak(t!("next_cycle.undo"));
    ui.add_space(12.0);
    let plan = match &app.dialog {
        Some(Dialog::ConfirmNextCycle { targets, .. }) => targets.plan(),
        _ => None,
    };
    ui.horizontal(|ui| {
        let start = ui.add_enabled(
            plan.is_some(),
            egui::Button::new(RichText::new(t!("next_cycle.start")).strong()),
        );
        if let Some(plan) = plan
            && start.clicked()
        {
            *close = true;
            // the choice made in this frame counts, so the dialog is closed here
            app.dialog = None;
            app.pending.push(Message::StartNextCycleConfirmed(plan));
        }
        if ui.button(t!("dialog.cancel")).clicked() {
            *close = true;
        }
    });
}

/// What goes along and what stays in the old cycle.
fn body(ui: &mut egui::Ui, app: &AppState, from: usize, c: &crate::model::CarryOver) {
    let name = app
        .doc
        .as_ref()
        .and_then(|d| d.project.cycles.get(from))
        .map(|c| c.name.clone())
        .unwrap_or_default();
    ui.label(RichText::new(t!("next_cycle.title")).heading());
    ui.label(tf!("next_cycle.intro", name = &name));
    ui.add_space(6.0);
    ui.label(RichText::new(t!("next_cycle.copied")).strong());
    let copied = [
        tf!(
            "next_cycle.ambitions_line",
            ambitions = &tf!("next_cycle.ambitions", n = c.ambitions),
            principles = &tf!("next_cycle.principles", n = c.principles)
        ),
        tf!(
            "next_cycle.outcomes_line",
            outcomes = &tf!("next_cycle.outcomes", n = c.outcomes),
            indicators = &tf!("next_cycle.indicators", n = c.indicators),
            baselines = &tf!("next_cycle.baselines", n = c.new_baselines)
        ),
        tf!(
            "next_cycle.interventions_line",
            interventions = &tf!("next_cycle.interventions", n = c.interventions),
            stopped = &tf!("next_cycle.stopped", n = c.stopped)
        ),
        tf!("next_cycle.lessons", n = c.lessons),
        t!("next_cycle.partners").to_owned(),
    ];
    for line in copied {
        ui.label(format!("• {line}"));
    }
    ui.add_space(6.0);
    ui.label(RichText::new(t!("next_cycle.stays")).strong());
    ui.label(format!(
        "• {}",
        tf!(
            "next_cycle.stays_list",
            measurements = &tf!("next_cycle.measurements", n = c.measurements),
            judgements = &tf!("next_cycle.judgements", n = c.judgements)
        )
    ));
}

/// What happens to the target dates; for early ones, the choice (edited in `app.dialog`).
fn targets(ui: &mut egui::Ui, app: &mut AppState, c: &crate::model::CarryOver) {
    ui.label(RichText::new(t!("next_cycle.targets")).strong());
    let start = fmt_date(c.start);
    let later = c.target_dates - c.early_targets;
    if c.target_dates == 0 {
        ui.label(format!("• {}", t!("next_cycle.targets_none")));
        return;
    }
    if later > 0 {
        ui.label(format!(
            "• {}",
            tf!("next_cycle.targets_kept", n = later, start = &start)
        ));
    }
    if c.early_targets == 0 {
        return;
    }
    let Some(Dialog::ConfirmNextCycle { targets, .. }) = &mut app.dialog else {
        return;
    };
    ui.add(
        egui::Label::new(format!(
            "• {}",
            tf!(
                "next_cycle.targets_early",
                n = c.early_targets,
                start = &start
            )
        ))
        .wrap(),
    );
    ui.indent("next-cycle-targets", |ui| {
        if let Some((old, new)) = c.early_example {
            ui.radio_value(
                &mut targets.choice,
                TargetChoice::MoveOn,
                tf!(
                    "next_cycle.targets_move",
                    old = &fmt_date(old),
                    new = &fmt_date(new)
                ),
            );
        }
        ui.horizontal(|ui| {
            let set = ui.radio_value(
                &mut targets.choice,
                TargetChoice::SetTo,
                t!("next_cycle.targets_set"),
            );
            let field = date_input(ui, set.id, &mut targets.date, "next-cycle-target-date");
            // typing a date chooses it
            if field.changed() {
                targets.choice = TargetChoice::SetTo;
            }
        });
        if targets.choice == TargetChoice::SetTo && targets.date.is_none() {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                t!("next_cycle.targets_need_date"),
            );
        }
        ui.radio_value(
            &mut targets.choice,
            TargetChoice::Keep,
            t!("next_cycle.targets_keep"),
        );
    });
}
