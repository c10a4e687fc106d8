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
    crate::ui::lessons::across(ui, data, &mut s.lesson_query, pending);
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

/// One bar per region on the chosen measure: a row each, the region's whole name beside its
/// bar (wrapping between words; an axis under a bar chart had room for 14 letters), the value
/// after it.
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
    let max = match measure {
        Measure::OnTrack => 100.0,
        _ => 5.0,
    };
    let size = ui.text_style_height(&egui::TextStyle::Body);
    let width = ui.available_width();
    let name_w = (width * 0.35).clamp(size * 8.0, size * 20.0);
    let value_w = size * 4.0;
    let bar_w = (width - name_w - value_w - ui.spacing().item_spacing.x * 3.0).max(size * 4.0);
    let frame = ui.visuals().widgets.inactive.bg_stroke;
    for r in rows {
        ui.horizontal_top(|ui| {
            ui.allocate_ui_with_layout(
                egui::vec2(name_w, 0.0),
                egui::Layout::top_down(egui::Align::Min),
                |ui| {
                    ui.set_width(name_w);
                    ui.add(egui::Label::new(crate::ui::widgets::display_name(&r.region)).wrap());
                },
            );
            let v = value(r, *measure);
            let (rect, response) =
                ui.allocate_exact_size(egui::vec2(bar_w, size), egui::Sense::hover());
            let p = ui.painter();
            p.rect_stroke(rect, 2.0, frame, egui::StrokeKind::Inside);
            if let Some(v) = v {
                let mut bar = rect;
                bar.set_width(rect.width() * (v / max).clamp(0.0, 1.0) as f32);
                p.rect_filled(bar, 2.0, colour::series());
            }
            let text = match (v, *measure) {
                (None, _) => "–".to_owned(),
                (Some(v), Measure::OnTrack) => format!("{v:.0}%"),
                (Some(v), _) => fmt_number((v * 10.0).round() / 10.0),
            };
            response.on_hover_text(format!("{}: {text}", r.region));
            ui.label(text);
        });
    }
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
    // every column at least as wide as the longest word of its header and the sort arrow, the
    // header two lines high: a header wraps between words, never inside one
    // ("Samenwerking / smodel")
    let font = egui::TextStyle::Button.resolve(ui.style());
    let word = |m: Measure| {
        format!("{} ⬇", measure_name(m))
            .split_whitespace()
            .map(|w| {
                ui.ctx().fonts_mut(|f| {
                    f.layout_no_wrap(w.to_owned(), font.clone(), egui::Color32::PLACEHOLDER)
                        .size()
                        .x
                })
            })
            .fold(0.0, f32::max)
            + ui.spacing().button_padding.x * 2.0
            + 4.0
    };
    // the widths before the table takes the Ui
    let min: Vec<f32> = columns.iter().map(|m| word(*m)).collect();
    let header_h = ui.text_style_height(&egui::TextStyle::Button) * 2.0 + 10.0;
    TableBuilder::new(ui)
        .id_salt("overview-table")
        .striped(true)
        .vscroll(false)
        .column(
            Column::initial(240.0)
                .at_least(min[0].max(140.0))
                .clip(true),
        )
        .column(Column::initial(min[1].max(100.0)).at_least(min[1]))
        .column(Column::initial(min[2].max(110.0)).at_least(min[2]))
        .column(Column::initial(min[3].max(90.0)).at_least(min[3]))
        .column(Column::initial(min[4].max(80.0)).at_least(min[4]))
        .column(Column::initial(min[5].max(90.0)).at_least(min[5]))
        .column(Column::remainder().at_least(min[6].max(120.0)))
        .header(header_h, |mut h| {
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
                            .frame(false)
                            .wrap(),
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
