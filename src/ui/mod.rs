//! Drawing: one file per screen or step, shared widgets in `widgets/`. UI code edits the
//! document in place (every edit is seen by undo and dirty tracking, which compare states) and
//! sends everything else to the app as a message through `state.pending` (see `crate::state`).
//! Nothing here imports `crate::app`.

pub mod chain;
mod dashboard;
mod dialogs;
mod differences;
mod guidance;
pub mod import;
mod intervision;
mod lessons;
mod meetings;
mod menu;
mod merge;
pub mod overview;
mod palette;
mod region;
pub mod scan;
mod start;
mod stepper;
pub mod steps;
mod support_import;
pub mod theme;
pub mod timer;
pub mod widgets;
pub mod workshop;

use crate::i18n::t;
use crate::state::{AppState, Job, View, What};
use crate::ui::theme::colour;
use egui::{CentralPanel, Panel, ScrollArea, Ui};

/// Draws the whole window.
pub fn show(app: &mut AppState, ui: &mut Ui) {
    if app.presenting.is_some() && app.doc.is_some() {
        intervision::projector::show(app, ui);
        dialogs::show(app, ui.ctx());
        return;
    }
    if app.workshop.is_some() && app.doc.is_some() {
        workshop::show(app, ui);
        dialogs::show(app, ui.ctx());
        return;
    }
    Panel::top("menu").show(ui, |ui| menu::bar(app, ui));
    Panel::bottom("status").show(ui, |ui| status_bar(app, ui));
    if let Some(screen) = &mut app.overview {
        let pending = &mut app.pending;
        let keep = CentralPanel::default_margins()
            .show(ui, |ui| {
                ScrollArea::vertical()
                    .id_salt("overview-scroll")
                    .auto_shrink(false)
                    .show(ui, |ui| overview::show(ui, screen, pending))
                    .inner
            })
            .inner;
        if !keep {
            app.overview = None;
        }
        dialogs::show(app, ui.ctx());
        return;
    }
    let now = ui.input(|i| i.time);
    let AppState {
        doc,
        pending,
        prefs,
        timer,
        chain: chain_screen,
        copies,
        merge: merge_window,
        ..
    } = app;
    match doc {
        None if matches!(
            app_job_what(&app.job),
            Some(What::Open(_) | What::Restore(_))
        ) =>
        {
            // opening the first document: say so where it will appear
            CentralPanel::default_margins().show(ui, |ui| {
                ui.add_space(ui.available_height() / 3.0);
                ui.vertical_centered(|ui| {
                    if let Some(job) = &app.job {
                        ui.add(egui::Spinner::new().size(40.0));
                        ui.add_space(12.0);
                        ui.label(
                            egui::RichText::new(job.what.describe())
                                .size(theme::size::BLOCK_TITLE)
                                .strong(),
                        );
                        ui.weak(format!("{}…", job.phase().label()));
                    }
                });
            });
        }
        None => {
            CentralPanel::default_margins().show(ui, |ui| start::show(prefs, pending, ui));
        }
        Some(doc) => {
            let narrow = ui.available_width() < guidance::SIDE_PANEL_FROM;
            Panel::left("steps")
                .resizable(true)
                .default_size(270.0)
                .min_size(200.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("stepper-scroll")
                        .show(ui, |ui| stepper::show(doc, pending, ui));
                });
            if prefs.show_guidance && !narrow {
                Panel::right("guidance")
                    .resizable(true)
                    .default_size(300.0)
                    .min_size(200.0)
                    .show(ui, |ui| guidance::show(doc.view, pending, ui));
            }
            CentralPanel::default_margins().show(ui, |ui| {
                let open = merge_window.is_some();
                merge::offers(ui, &doc.project, copies, open, pending);
                if doc.view == View::Chain {
                    // the chain pans and zooms itself: the whole panel, no scroll bars
                    let stamp = steps::Stamp {
                        cycle: doc.cycle,
                        revision: doc.revision,
                        generations: doc.tracker.generations(),
                    };
                    chain_screen.ui(
                        ui,
                        &mut doc.project,
                        (stamp, doc.serial),
                        pending,
                        chain::Mode::Screen,
                    );
                    return;
                }
                // each view keeps its own scroll position (and a new view starts at the top)
                let scroll_salt = doc.view.index();
                // every screen opens at its top: going to another step or cycle, or opening a
                // file, starts at the top (not where an earlier screen was scrolled to)
                let shown = (scroll_salt, doc.cycle, doc.serial);
                let shown_id = egui::Id::unique("central-shown");
                let arrived =
                    ui.data(|d| d.get_temp::<(usize, usize, u64)>(shown_id)) != Some(shown);
                ui.data_mut(|d| d.insert_temp(shown_id, shown));
                let mut area = ScrollArea::vertical()
                    .id_salt(("central", scroll_salt, doc.cycle))
                    .auto_shrink(false);
                if arrived {
                    area = area.vertical_scroll_offset(0.0);
                }
                area.show(ui, |ui| {
                    // forms read best narrow; the dashboard uses the whole width
                    let max = if doc.view == View::Dashboard {
                        1400.0
                    } else {
                        900.0
                    };
                    // leave room for the scroll bar, which floats over the content
                    ui.set_max_width((ui.available_width() - 16.0).min(max));
                    if prefs.show_guidance && narrow {
                        guidance::strip(doc.view, pending, ui);
                    }
                    let cycle = doc.cycle;
                    match doc.view {
                        View::Region => region::show(ui, &mut doc.project, cycle, pending),
                        View::Step(step) => steps::show(
                            ui,
                            &mut doc.project,
                            steps::Stamp {
                                cycle,
                                revision: doc.revision,
                                generations: doc.tracker.generations(),
                            },
                            step,
                            pending,
                        ),
                        View::Dashboard => dashboard::show(
                            ui,
                            &doc.project,
                            steps::Stamp {
                                cycle,
                                revision: doc.revision,
                                generations: doc.tracker.generations(),
                            },
                            pending,
                        ),
                        View::Meetings => meetings::show(ui, &mut doc.project, pending),
                        View::Chain => {}
                        View::Intervision => intervision::show(
                            ui,
                            &mut doc.project,
                            intervision::Ctx {
                                cycle,
                                timer,
                                now,
                                pending,
                            },
                        ),
                    }
                });
            });
        }
    }
    import::show(app, ui.ctx());
    merge::show(app, ui.ctx());
    differences::show(app, ui.ctx());
    support_import::show(app, ui.ctx());
    palette::show(app, ui.ctx());
    dialogs::show(app, ui.ctx());
}

fn status_bar(app: &mut AppState, ui: &mut Ui) {
    ui.horizontal(|ui| {
        let now = ui.input(|i| i.time);
        if let Some(doc) = &app.doc {
            if doc.dirty {
                ui.label(format!("• {}", t!("status.unsaved")));
            } else if doc.path.is_none() {
                // a new project, or a sample, that has no file yet
                ui.label(format!("• {}", t!("status.never_saved")));
            } else {
                ui.weak(t!("status.all_saved"));
            }
            if let Some(path) = &doc.path {
                ui.separator();
                // a long path is cut (whole on hover), so the messages after it keep their room
                let text = path.display().to_string();
                ui.scope(|ui| {
                    ui.set_max_width((ui.available_width() * 0.4).max(120.0));
                    ui.add(egui::Label::new(egui::RichText::new(&text).weak()).truncate())
                        .on_hover_text(&text);
                });
            }
        }
        if let Some(job) = &app.job {
            ui.separator();
            job_progress(ui, job, now);
            if app.closing_after_job() {
                ui.weak(t!("job.closing"));
            }
        }
        if let Some(err) = &app.autosave_error {
            ui.separator();
            let text = format!(
                "⚠ {}",
                crate::i18n::tf!("status.autosave_failed", detail = err)
            );
            // whole, wrapping (the status bar grows a line), never cut
            ui.add(egui::Label::new(egui::RichText::new(&text).color(colour::open())).wrap());
        }
        if let Some((msg, at)) = &app.status {
            if now - at < 6.0 {
                ui.separator();
                // the undo button first, so a long message cannot push it out of the window
                if app.undo_offer == Some(*at) && ui.button(t!("status.undo")).clicked() {
                    app.pending.push(crate::state::Command::Undo);
                    app.undo_offer = None;
                }
                ui.add(egui::Label::new(msg.as_str()).wrap());
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_secs(1));
            } else {
                app.status = None;
            }
        }
    });
}

fn app_job_what(job: &Option<Job>) -> Option<&What> {
    job.as_ref().map(|j| &j.what)
}

/// A spinner with what is being done ("stress.ron openen: inhoud lezen en controleren… 2 s").
fn job_progress(ui: &mut Ui, job: &Job, now: f64) {
    ui.horizontal(|ui| {
        ui.spinner();
        let seconds = (now - job.started).max(0.0);
        let mut text = format!("{}: {}…", job.what.describe(), job.phase().label());
        if seconds >= 1.0 {
            text.push_str(&format!(" {seconds:.0} s"));
        }
        ui.label(text);
    });
}
