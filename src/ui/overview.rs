//! The region overview on screen: progress while the folder loads (the window never waits),
//! then a chart comparing the regions and a sortable table; a click opens a region.

use crate::i18n::{Label, fmt_date, fmt_number, t, tf};
use crate::overview::RegionRow;
use crate::state::{Measure, Message, Outbox, OverviewScreen};
use crate::ui::theme;
use crate::ui::theme::colour;
use egui::{RichText, Ui};
use egui_extras::{Column, TableBuilder};
use std::sync::atomic::Ordering;

fn value(r: &RegionRow, m: Measure) -> Option<f64> {
    match m {
        Measure::WorkingFactors => r.working_factors,
        Measure::Borging => r.borging,
        Measure::OnTrack => r.on_track.map(|v| v * 100.0),
        _ => None,
    }
}

fn sort_rows(rows: &mut [RegionRow], (m, asc): (Measure, bool)) {
    rows.sort_by(|a, b| {
        let o = match m {
            Measure::Region => a.region.to_lowercase().cmp(&b.region.to_lowercase()),
            Measure::Phase => a.phase.map(|p| p as u8).cmp(&b.phase.map(|p| p as u8)),
            Measure::Model => a.model.map(|p| p as u8).cmp(&b.model.map(|p| p as u8)),
            Measure::Cycle => a
                .cycle
                .as_ref()
                .map(|c| c.2)
                .cmp(&b.cycle.as_ref().map(|c| c.2)),
            _ => value(a, m)
                .partial_cmp(&value(b, m))
                .unwrap_or(std::cmp::Ordering::Equal),
        };
        if asc { o } else { o.reverse() }
    });
}

/// Draws the overview; returns false when the user closes it.
pub fn show(ui: &mut Ui, s: &mut OverviewScreen, pending: &mut Outbox) -> bool {
    let mut keep = true;
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(t!("overview.title"))
                .size(theme::size::PAGE_TITLE)
                .strong(),
        );
        ui.weak(s.folder.display().to_string());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(format!("✖ {}", t!("overview.close"))).clicked() {
                keep = false;
            }
        });
    });
    ui.add_space(6.0);
    if let Some(loading) = &s.loading {
        if let Some(data) = loading.poll() {
            s.data = Some(data);
            s.loading = None;
        } else {
            let done = loading.done.load(Ordering::SeqCst);
            let total = loading.total.max(1);
            ui.add(
                egui::ProgressBar::new(done as f32 / total as f32)
                    .text(tf!(
                        "overview.loading",
                        done = &done.to_string(),
                        total = &loading.total.to_string()
                    ))
                    .animate(true),
            );
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(50));
            return keep;
        }
    }
    let Some(data) = &mut s.data else {
        return keep;
    };
    if data.rows.is_empty() && data.failed.is_empty() {
        ui.weak(t!("overview.empty"));
        return keep;
    }
    sort_rows(&mut data.rows, s.sort);
    chart(ui, &data.rows, &mut s.chart);
    ui.add_space(8.0);
    ui.label(tf!("overview.count", n = data.rows.len()));
    table(ui, &data.rows, &mut s.sort, pending);
    if !data.failed.is_empty() {
        ui.add_space(8.0);
        ui.label(
            RichText::new(tf!("overview.failed", n = data.failed.len()))
                .color(colour::behind())
                .strong(),
        );
        for f in &data.failed {
            let name = f
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            ui.label(format!("• {name}: {}", f.error.replace('\n', " ")));
        }
    }
    keep
}

fn measure_name(m: Measure) -> &'static str {
    match m {
        Measure::Region => t!("overview.region"),
        Measure::Phase => t!("analysis.phase"),
        Measure::Model => t!("analysis.model"),
        Measure::WorkingFactors => t!("overview.wf"),
        Measure::Borging => t!("overview.borging"),
        Measure::OnTrack => t!("overview.on_track"),
        Measure::Cycle => t!("overview.cycle"),
    }
}

/// One bar per region on the chosen measure.
fn chart(ui: &mut Ui, rows: &[RegionRow], measure: &mut Measure) {
    ui.horizontal(|ui| {
        let l = ui.label(t!("overview.chart"));
        egui::ComboBox::from_id_salt("overview-measure")
            .selected_text(measure_name(*measure))
            .show_ui(ui, |ui| {
                for m in [Measure::OnTrack, Measure::WorkingFactors, Measure::Borging] {
                    ui.selectable_value(measure, m, measure_name(m));
                }
            })
            .response
            .labelled_by(l.id);
    });
    let bars: Vec<egui_plot::Bar> = rows
        .iter()
        .enumerate()
        .filter_map(|(k, r)| {
            value(r, *measure).map(|v| {
                egui_plot::Bar::new(k as f64, v)
                    .name(&r.region)
                    .fill(colour::series())
            })
        })
        .collect();
    let names: Vec<String> = rows.iter().map(|r| r.region.clone()).collect();
    let max = match measure {
        Measure::OnTrack => 100.0,
        _ => 5.0,
    };
    egui_plot::Plot::new("overview-chart")
        .height(220.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .include_y(0.0)
        .include_y(max)
        .show_x(false)
        .x_axis_formatter(move |mark, _| {
            let k = mark.value.round();
            if (mark.value - k).abs() < 1e-6 && k >= 0.0 {
                names
                    .get(k as usize)
                    .map(|n| n.chars().take(14).collect())
                    .unwrap_or_default()
            } else {
                String::new()
            }
        })
        .show(ui, |plot| {
            plot.bar_chart(egui_plot::BarChart::new(measure_name(*measure), bars).width(0.7));
        });
}

fn table(ui: &mut Ui, rows: &[RegionRow], sort: &mut (Measure, bool), pending: &mut Outbox) {
    let num =
        |v: Option<f64>| v.map_or("–".to_owned(), |v| fmt_number((v * 10.0).round() / 10.0));
    let columns = [
        Measure::Region,
        Measure::Phase,
        Measure::Model,
        Measure::WorkingFactors,
        Measure::Borging,
        Measure::OnTrack,
        Measure::Cycle,
    ];
    TableBuilder::new(ui)
        .id_salt("overview-table")
        .striped(true)
        .vscroll(false)
        .column(Column::initial(260.0).at_least(140.0).clip(true))
        .column(Column::initial(100.0))
        .column(Column::initial(110.0))
        .column(Column::initial(90.0))
        .column(Column::initial(80.0))
        .column(Column::initial(90.0))
        .column(Column::remainder().at_least(120.0))
        .header(28.0, |mut h| {
            for m in columns {
                h.col(|ui| {
                    let arrow = if sort.0 == m {
                        if sort.1 { " ⬆" } else { " ⬇" }
                    } else {
                        ""
                    };
                    if ui
                        .add(
                            egui::Button::new(
                                RichText::new(format!("{}{arrow}", measure_name(m))).strong(),
                            )
                            .frame(false),
                        )
                        .clicked()
                    {
                        *sort = if sort.0 == m { (m, !sort.1) } else { (m, true) };
                    }
                });
            }
        })
        .body(|body| {
            body.rows(28.0, rows.len(), |mut row| {
                let r = &rows[row.index()];
                row.col(|ui| {
                    if ui
                        .link(crate::ui::widgets::display_name(&r.region))
                        .on_hover_text(t!("overview.open_region"))
                        .clicked()
                    {
                        pending.push(Message::OpenPath(r.path.clone()));
                    }
                });
                row.col(|ui| {
                    ui.label(r.phase.map_or("–", |p| p.label()));
                });
                row.col(|ui| {
                    ui.label(r.model.map_or("–", |p| p.label()));
                });
                row.col(|ui| {
                    ui.label(num(r.working_factors));
                });
                row.col(|ui| {
                    ui.label(num(r.borging));
                });
                row.col(|ui| {
                    ui.label(
                        r.on_track
                            .map_or("–".to_owned(), |v| format!("{:.0}%", v * 100.0)),
                    );
                });
                row.col(|ui| {
                    ui.label(r.cycle.as_ref().map_or(String::new(), |(n, s, e)| {
                        format!("{n} ({} – {})", fmt_date(*s), fmt_date(*e))
                    }));
                });
            });
        });
}
