//! The left panel: region, cycle selector, and the five steps with what is still missing.

use crate::i18n::{Label, fmt_date, t, tf};
use crate::model::{Step, findings_for_step};
use crate::state::{Command, Message, OpenDoc, Outbox, View};
use crate::ui::theme;
use crate::ui::theme::colour;
use egui::{ComboBox, RichText, Ui};

pub fn show(doc: &mut OpenDoc, pending: &mut Outbox, ui: &mut Ui) {
    ui.add_space(8.0);
    let region = &doc.project.region;
    let name = if region.name.is_empty() {
        t!("item.untitled")
    } else {
        &region.name
    };
    // whole, wrapping between words (the panel scrolls when the steps do not fit)
    ui.add(egui::Label::new(RichText::new(name).size(theme::size::REGION_NAME).strong()).wrap());
    if !region.samenwerkingsverband.is_empty() {
        ui.add(egui::Label::new(RichText::new(&region.samenwerkingsverband).weak()).wrap());
    }
    ui.add_space(6.0);

    let cycles = &doc.project.cycles;
    if let Some(cycle) = cycles.get(doc.cycle) {
        // "Cyclus" and the choice on one line (the panel must hold every view at 1024×768)
        ui.horizontal(|ui| {
            let l = ui.label(t!("stepper.cycle"));
            ComboBox::from_id_salt("cycle-select")
                .selected_text(&cycle.name)
                .width(ui.available_width() - 8.0)
                .show_ui(ui, |ui| {
                    for (i, c) in cycles.iter().enumerate() {
                        if ui.selectable_label(i == doc.cycle, &c.name).clicked() {
                            pending.push(Message::SelectCycle(i));
                        }
                    }
                })
                .response
                .labelled_by(l.id);
        });
        // the dates, then the status: whole, on a second line when the panel is narrow
        ui.add(
            egui::Label::new(format!(
                "{} – {}  ·  {}",
                fmt_date(cycle.start),
                fmt_date(cycle.end),
                cycle.status.label()
            ))
            .wrap(),
        );
    }
    if ui
        .button(format!("⟳ {}", t!("cmd.next_cycle")))
        .on_hover_text(t!("stepper.next_cycle_help"))
        .clicked()
    {
        pending.push(Command::StartNextCycle);
    }
    ui.add_space(2.0);
    ui.separator();

    let Some(cycle) = doc.project.cycles.get(doc.cycle) else {
        view_button(ui, doc.view, View::Region, pending);
        return;
    };
    // every view from the one list, in its blocks
    let mut group = 0;
    for view in View::ALL {
        if view.group() != group {
            group = view.group();
            ui.add_space(2.0);
            if group != 1 {
                ui.separator();
            }
        }
        match view {
            View::Step(step) => step_button(ui, doc.view, step, cycle, pending),
            _ => view_button(ui, doc.view, view, pending),
        }
    }
    ui.add_space(2.0);
    if ui
        .add(
            egui::Button::new(
                RichText::new(format!("🎦  {}", t!("cmd.workshop"))).size(theme::size::ITEM),
            )
            .min_size(egui::vec2(ui.available_width(), 34.0)),
        )
        .on_hover_text(format!("{} (F5)", t!("workshop.help")))
        .clicked()
    {
        pending.push(Command::ToggleWorkshop);
    }
}

/// A view's button: its icon and name, selected while it is shown.
fn view_button(ui: &mut Ui, shown: View, view: View, pending: &mut Outbox) {
    let r = ui.add(
        egui::Button::selectable(
            shown == view,
            RichText::new(format!("{}  {}", view.icon(), view.label())).size(theme::size::ITEM),
        )
        .min_size(egui::vec2(ui.available_width(), 32.0)),
    );
    let r = match view.help() {
        Some(help) => r.on_hover_text(help),
        None => r,
    };
    if r.clicked() {
        pending.push(Message::Show(view));
    }
}

/// A step's button: its number and name, and below it what is still missing.
fn step_button(
    ui: &mut Ui,
    shown: View,
    step: Step,
    cycle: &crate::model::Cycle,
    pending: &mut Outbox,
) {
    let missing = findings_for_step(cycle, step);
    let selected = shown == View::Step(step);
    let (mark, color) = if missing.is_empty() {
        (format!("✔ {}", t!("stepper.complete")), colour::done())
    } else {
        (
            format!(
                "⚠ {}",
                tf!("stepper.missing", n = &missing.len().to_string())
            ),
            colour::open(),
        )
    };
    // the step's name over the whole width (words are never broken), what is open below it
    let mut job = egui::text::LayoutJob::default();
    let body = ui.visuals().text_color();
    job.append(
        &format!("{}  {}\n", step.number(), step.label()),
        0.0,
        egui::TextFormat::simple(egui::FontId::proportional(17.0), body),
    );
    job.append(
        &mark,
        0.0,
        egui::TextFormat::simple(egui::FontId::proportional(13.0), color),
    );
    let r = ui.add(
        egui::Button::selectable(selected, job).min_size(egui::vec2(ui.available_width(), 34.0)),
    );
    let r = if missing.is_empty() {
        r
    } else {
        r.on_hover_ui(|ui| {
            for f in &missing {
                ui.label(crate::ui::steps::finding_text(f));
            }
        })
    };
    if r.clicked() {
        pending.push(Message::Show(View::Step(step)));
    }
}
