//! The scan's results: averages per working factor against the national figures (chart), the
//! partners' scores side by side with the disagreements marked (table).

use super::Context;
use crate::i18n::{Label, fmt_date, fmt_number, t, tf};
use crate::model::*;
use crate::ui::theme::colour;
use egui::{Color32, RichText, Stroke, Ui};
use egui_extras::{Column, TableBuilder};

pub(super) fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// The result: the chart, the largest differences between partners, and the table.
pub fn results(ui: &mut Ui, scan: &Scan, cx: &Context) {
    let previous = cx.history.last();
    super::chart::factor_chart(ui, scan, previous, cx);
    ui.add_space(8.0);
    let gaps = scan.disagreements(DISAGREEMENT_THRESHOLD);
    if gaps.is_empty() {
        if scan
            .responses
            .iter()
            .filter(|r| !r.scores.is_empty())
            .count()
            > 1
        {
            ui.label(RichText::new(format!("✔ {}", t!("scan.no_gaps"))).color(colour::on_track()));
        }
    } else {
        egui::Frame::new()
            .fill(ui.visuals().faint_bg_color)
            .stroke(Stroke::new(1.5, colour::behind()))
            .corner_radius(6.0)
            .inner_margin(10.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(
                    RichText::new(format!("⚠ {}", t!("scan.gaps_title")))
                        .strong()
                        .color(colour::behind()),
                );
                for g in &gaps {
                    ui.label(tf!(
                        "scan.gap",
                        factor = g.factor.label(),
                        high = cx.partner_name(g.high.0),
                        high_score = &fmt_number(round1(g.high.1)),
                        low = cx.partner_name(g.low.0),
                        low_score = &fmt_number(round1(g.low.1))
                    ));
                }
                ui.weak(t!("scan.gaps_hint"));
            });
    }
    ui.add_space(8.0);
    partner_table(ui, scan, cx, &gaps);
}

/// Averages per factor in two tables that fit the column without scrolling sideways: the region
/// (earlier scans, the last four, oldest first; this scan; the national figure), and the
/// partners, as many side by side as fit, with "« »" to see the others. The highest and lowest
/// partner on a factor where they differ much are marked.
fn partner_table(ui: &mut Ui, scan: &Scan, cx: &Context, gaps: &[Disagreement]) {
    let earlier = &cx.history[cx.history.len().saturating_sub(4)..];
    let responders: Vec<&ScanResponse> = scan
        .responses
        .iter()
        .filter(|r| !r.scores.is_empty())
        .collect();
    let size = ui.text_style_height(&egui::TextStyle::Body);
    // factor names wrap between words, never inside one
    let width = ui.available_width();
    let spacing = ui.spacing().item_spacing.x;
    let name_w = (size * 12.0).min(width * 0.4);
    let columns = earlier.len() + 2;
    // the region's columns share what is left, up to five characters' room each
    let col_w = (size * 5.0)
        .min((width - name_w - spacing * (columns as f32 + 1.0)) / columns as f32)
        .max(size * 2.5);
    let row_h = size * 1.6;
    let header_h = size * 2.6;
    let value = |v: Option<f64>| v.map_or("–".to_owned(), |a| fmt_number(round1(a)));

    // the region against the national figure and its own earlier scans
    ui.push_id(("scan-region-table", cx.moment as u8), |ui| {
        let mut table = TableBuilder::new(ui)
            .striped(true)
            .vscroll(false)
            .column(Column::exact(name_w));
        for _ in 0..columns {
            table = table.column(Column::exact(col_w));
        }
        table
            .header(header_h, |mut row| {
                row.col(|ui| {
                    ui.strong(t!("scan.factor"));
                });
                for h in earlier {
                    row.col(|ui| {
                        ui.add(
                            egui::Label::new(RichText::new(cx.history_name(h)).weak()).truncate(),
                        );
                    });
                }
                row.col(|ui| {
                    ui.add(
                        egui::Label::new(RichText::new(t!("scan.legend_region")).strong())
                            .truncate(),
                    );
                });
                row.col(|ui| {
                    ui.add(
                        egui::Label::new(RichText::new(t!("scan.legend_national")).strong())
                            .truncate(),
                    );
                });
            })
            .body(|mut body| {
                for (k, f) in Factor::ALL.iter().enumerate() {
                    body.row(row_h, |mut row| {
                        row.col(|ui| {
                            ui.add(egui::Label::new(f.label()).wrap());
                        });
                        for h in earlier {
                            row.col(|ui| {
                                ui.weak(value(h.averages[k]));
                            });
                        }
                        let avg = scan.factor_average(*f);
                        let national = f.national_2021();
                        row.col(|ui| {
                            let color = avg.map_or(ui.visuals().weak_text_color(), |a| {
                                versus_national(a, national)
                            });
                            ui.label(RichText::new(value(avg)).strong().color(color));
                        });
                        row.col(|ui| {
                            ui.label(fmt_number(national));
                        });
                    });
                }
            });
    });
    if responders.is_empty() {
        if let Some(d) = scan.date {
            ui.weak(tf!("scan.dated", date = &fmt_date(d)));
        }
        return;
    }

    // per partner: as many columns as fit, the others a click away
    ui.add_space(10.0);
    let fit = (((ui.available_width() - name_w - 8.0) / (col_w + spacing)).floor() as usize).max(1);
    let page_id = ui.make_persistent_id(("scan-partner-page", cx.moment as u8));
    let pages = responders.len().div_ceil(fit);
    let mut page: usize = ui.data(|d| d.get_temp(page_id)).unwrap_or(0).min(pages - 1);
    ui.horizontal(|ui| {
        ui.strong(t!("scan.per_partner"));
        if pages > 1 {
            if ui
                .add_enabled(page > 0, egui::Button::new("«"))
                .on_hover_text(t!("pager.previous"))
                .clicked()
            {
                page -= 1;
            }
            let first = page * fit;
            let last = (first + fit).min(responders.len());
            ui.label(tf!(
                "scan.partners_shown",
                from = &(first + 1).to_string(),
                to = &last.to_string(),
                n = &responders.len().to_string()
            ));
            if ui
                .add_enabled(page + 1 < pages, egui::Button::new("»"))
                .on_hover_text(t!("pager.next"))
                .clicked()
            {
                page += 1;
            }
        }
    });
    ui.data_mut(|d| d.insert_temp(page_id, page));
    let shown: Vec<&ScanResponse> = responders
        .iter()
        .skip(page * fit)
        .take(fit)
        .copied()
        .collect();
    ui.push_id(("scan-partner-table", cx.moment as u8), |ui| {
        let mut table = TableBuilder::new(ui)
            .striped(true)
            .vscroll(false)
            .column(Column::exact(name_w));
        for _ in &shown {
            table = table.column(Column::exact(col_w));
        }
        table
            .header(header_h, |mut row| {
                row.col(|ui| {
                    ui.strong(t!("scan.factor"));
                });
                for r in &shown {
                    row.col(|ui| {
                        let name = cx.partner_name(r.partner);
                        ui.add(egui::Label::new(RichText::new(name).strong()).truncate())
                            .on_hover_text(name);
                    });
                }
            })
            .body(|mut body| {
                for f in Factor::ALL {
                    let gap = gaps.iter().find(|g| g.factor == f);
                    body.row(row_h, |mut row| {
                        row.col(|ui| {
                            ui.add(egui::Label::new(f.label()).wrap());
                        });
                        for r in &shown {
                            row.col(|ui| {
                                let text = value(r.factor_average(f));
                                let mark = gap.and_then(|g| {
                                    if g.high.0 == r.partner {
                                        Some(("⬆", colour::on_track()))
                                    } else if g.low.0 == r.partner {
                                        Some(("⬇", colour::behind()))
                                    } else {
                                        None
                                    }
                                });
                                match mark {
                                    Some((m, c)) => ui.label(
                                        RichText::new(format!("{text} {m}")).strong().color(c),
                                    ),
                                    None => ui.label(text),
                                };
                            });
                        }
                    });
                }
            });
    });
    if let Some(d) = scan.date {
        ui.weak(tf!("scan.dated", date = &fmt_date(d)));
    }
}

/// Green at or above the national figure, orange below it.
pub fn versus_national(avg: f64, national: f64) -> Color32 {
    if avg + 0.05 < national {
        colour::behind()
    } else {
        colour::on_track()
    }
}
