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
    let width = ui.available_width();
    let spacing = ui.spacing().item_spacing.x;
    let columns = earlier.len() + 2;
    let mut heads: Vec<String> = earlier.iter().map(|h| cx.history_name(h)).collect();
    heads.push(t!("scan.legend_region").to_owned());
    heads.push(t!("scan.legend_national").to_owned());
    // a column is as wide as the longest word of its header, so a header wraps between
    // words and is never cut ("Landelijk 2…"); the factor names take what is left
    let col_w = (size * 4.0).max(widest_word(ui, &heads) + size * 0.5);
    let name_w = (width - spacing * (columns as f32 + 1.0) - col_w * columns as f32)
        .min(size * 12.0)
        .max(size * 6.0);
    // each row as high as its factor's name wrapped in its column
    let row_h: Vec<f32> = Factor::ALL
        .iter()
        .map(|f| (wrapped_height(ui, f.label(), name_w) + size * 0.5).max(size * 1.6))
        .collect();
    let header_h = heads
        .iter()
        .map(|h| wrapped_height(ui, h, col_w))
        .fold(size, f32::max)
        + size * 0.6;
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
                        ui.add(egui::Label::new(RichText::new(cx.history_name(h)).weak()).wrap());
                    });
                }
                row.col(|ui| {
                    ui.add(
                        egui::Label::new(RichText::new(t!("scan.legend_region")).strong()).wrap(),
                    );
                });
                row.col(|ui| {
                    ui.add(
                        egui::Label::new(RichText::new(t!("scan.legend_national")).strong()).wrap(),
                    );
                });
            })
            .body(|mut body| {
                for (k, f) in Factor::ALL.iter().enumerate() {
                    body.row(row_h[k], |mut row| {
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
    // a partner's name wraps between words; one with a word wider than its column is cut
    // (whole on hover): there is no room for it
    let names: Vec<&str> = shown.iter().map(|r| cx.partner_name(r.partner)).collect();
    let wraps: Vec<bool> = names
        .iter()
        .map(|n| widest_word(ui, &[(*n).to_owned()]) <= col_w - 2.0)
        .collect();
    let partner_header_h = names
        .iter()
        .zip(&wraps)
        .filter(|(_, w)| **w)
        .map(|(n, _)| wrapped_height(ui, n, col_w))
        .fold(size, f32::max)
        + size * 0.6;
    ui.push_id(("scan-partner-table", cx.moment as u8), |ui| {
        let mut table = TableBuilder::new(ui)
            .striped(true)
            .vscroll(false)
            .column(Column::exact(name_w));
        for _ in &shown {
            table = table.column(Column::exact(col_w));
        }
        table
            .header(partner_header_h, |mut row| {
                row.col(|ui| {
                    ui.strong(t!("scan.factor"));
                });
                for (name, wraps) in names.iter().zip(&wraps) {
                    row.col(|ui| {
                        let label = egui::Label::new(RichText::new(*name).strong());
                        if *wraps {
                            ui.add(label.wrap());
                        } else {
                            ui.add(label.truncate()).on_hover_text(*name);
                        }
                    });
                }
            })
            .body(|mut body| {
                for (k, f) in Factor::ALL.into_iter().enumerate() {
                    let gap = gaps.iter().find(|g| g.factor == f);
                    body.row(row_h[k], |mut row| {
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

/// The width of the widest word in `texts`, in the body font.
fn widest_word(ui: &Ui, texts: &[String]) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    texts
        .iter()
        .flat_map(|t| t.split_whitespace())
        .map(|w| {
            ui.ctx().fonts_mut(|f| {
                f.layout_no_wrap(w.to_owned(), font.clone(), Color32::PLACEHOLDER)
                    .size()
                    .x
            })
        })
        .fold(0.0, f32::max)
}

/// The height of `text` in the body font, wrapped at `width`.
fn wrapped_height(ui: &Ui, text: &str, width: f32) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    ui.ctx().fonts_mut(|f| {
        f.layout(text.to_owned(), font, Color32::PLACEHOLDER, width)
            .size()
            .y
    })
}

/// Green at or above the national figure, orange below it.
pub fn versus_national(avg: f64, national: f64) -> Color32 {
    if avg + 0.05 < national {
        colour::behind()
    } else {
        colour::on_track()
    }
}
