//! An indicator's measurements table: this cycle's rows to edit, earlier cycles' rows shown,
//! sorting, moving a measurement to another indicator; it scrolls inside itself and builds
//! only the rows in view.

use super::indicators::IndicatorInfo;
use crate::i18n::{fmt_date, fmt_number, t, tf};
use crate::model::*;
use crate::ui::widgets::*;
use egui::{RichText, TextEdit, Ui};
use egui_extras::{Column, TableBuilder};

/// A row of the measurements table.
enum Row {
    /// A measurement of this cycle (index into the cycle's measurements).
    Own(usize),
    /// A measurement of an earlier cycle: shown, not edited here.
    Earlier(SeriesPoint),
}

/// With more rows than this, the measurements table scrolls on its own.
const VISIBLE_ROWS: usize = 12;

/// How many measurements of earlier cycles the table shows before "show all".
const EARLIER_ROWS: usize = 3;

/// The measurements table; returns the id of a measurement to remove.
pub(super) fn table(
    ui: &mut Ui,
    c: &mut Cycle,
    ind: &Indicator,
    info: &IndicatorInfo,
) -> Option<Id> {
    let sort_id = ui.make_persistent_id(("sort-desc", ind.id.0));
    let descending = ui.data(|d| d.get_temp::<bool>(sort_id).unwrap_or(false));
    let mut rows: Vec<(Option<chrono::NaiveDate>, Row)> = c
        .evaluation
        .measurements
        .iter()
        .enumerate()
        .filter(|(_, m)| m.indicator == ind.id)
        .map(|(k, m)| (m.date, Row::Own(k)))
        .collect();
    // earlier cycles' measurements: the last few, unless the user asks for all (the chart
    // always shows them all)
    let all_id = ui.make_persistent_id(("all-earlier", ind.id.0));
    let show_all = ui.data(|d| d.get_temp::<bool>(all_id).unwrap_or(false));
    let earlier: Vec<&SeriesPoint> = info.series.iter().filter(|p| p.earlier_cycle).collect();
    let hidden = if show_all {
        0
    } else {
        earlier.len().saturating_sub(EARLIER_ROWS)
    };
    rows.extend(
        earlier[hidden..]
            .iter()
            .map(|p| (p.date, Row::Earlier((*p).clone()))),
    );
    rows.sort_by_key(|(d, _)| (d.is_none(), *d));
    if descending {
        let undated = rows.iter().filter(|(d, _)| d.is_none()).count();
        let split = rows.len() - undated;
        rows[..split].reverse();
    }
    if rows.is_empty() {
        ui.weak(RichText::new(t!("measurements.none")).italics());
        return None;
    }
    let value_header = if ind.unit.trim().is_empty() {
        t!("measurement.value").to_owned()
    } else {
        tf!("measurement.value_unit", unit = ind.unit.trim())
    };
    let mut removed = None;
    let mut headers = [egui::Id::NULL; 4];
    // an earlier cycle's rows are read, not typed: their source and cycle are shown whole,
    // the source column as wide as its longest word, the rows two lines high to wrap in
    let earlier_sources: Vec<&str> = rows
        .iter()
        .filter_map(|(_, r)| match r {
            Row::Earlier(p) => Some(p.source.as_str()),
            Row::Own(_) => None,
        })
        .collect();
    let body_font = egui::TextStyle::Body.resolve(ui.style());
    let source_w = earlier_sources
        .iter()
        .flat_map(|s| s.split_whitespace())
        .map(|w| {
            ui.ctx().fonts_mut(|f| {
                f.layout_no_wrap(w.to_owned(), body_font.clone(), egui::Color32::PLACEHOLDER)
                    .size()
                    .x
            })
        })
        .fold(150.0_f32, f32::max)
        + 12.0;
    let row_height = if earlier_sources.is_empty() {
        32.0
    } else {
        (ui.text_style_height(&egui::TextStyle::Body) * 2.0 + 10.0).max(32.0)
    };
    // a long series scrolls inside its own table, which builds only the rows in view
    let many = rows.len() > VISIBLE_ROWS;
    TableBuilder::new(ui)
        .id_salt(("measurements", ind.id.0))
        .striped(true)
        .vscroll(many)
        .min_scrolled_height(VISIBLE_ROWS as f32 * (row_height + 4.0))
        .max_scroll_height(VISIBLE_ROWS as f32 * (row_height + 4.0))
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(170.0))
        .column(Column::exact(140.0))
        .column(Column::initial(source_w).at_least(90.0).clip(true))
        .column(Column::remainder().at_least(100.0).clip(true))
        .column(Column::exact(64.0))
        .header(28.0, |mut h| {
            h.col(|ui| {
                let arrow = if descending { "⬇" } else { "⬆" };
                let r = ui
                    .add(
                        egui::Button::new(
                            RichText::new(format!("{} {arrow}", t!("measurement.date"))).strong(),
                        )
                        .frame(false),
                    )
                    .on_hover_text(t!("measurements.sort"));
                if r.clicked() {
                    ui.data_mut(|d| d.insert_temp(sort_id, !descending));
                }
                headers[0] = r.id;
            });
            h.col(|ui| headers[1] = ui.label(RichText::new(&value_header).strong()).id);
            h.col(|ui| {
                headers[2] = ui
                    .label(RichText::new(t!("measurement.source")).strong())
                    .id
            });
            h.col(|ui| headers[3] = ui.label(RichText::new(t!("measurement.note")).strong()).id);
            h.col(|_| {});
        })
        .body(|mut body| {
            let mut draw = |r: &mut egui_extras::TableRow<'_, '_>, row: &Row| match row {
                Row::Own(k) => {
                    let m = &mut c.evaluation.measurements[*k];
                    r.col(|ui| {
                        date_input(ui, headers[0], &mut m.date, ("md", m.id.0));
                    });
                    r.col(|ui| {
                        let kind = value_kind(&ind.unit);
                        number_input(ui, headers[1], &mut m.value, kind, ("mv", m.id.0), 95.0);
                        if m.value.is_some_and(|v| {
                            crate::privacy::suppress(v, ind.is_count_of_people(), info.small_below)
                        }) {
                            ui.label("🔒").on_hover_text(tf!(
                                "privacy.small_marker",
                                n = &info.small_below.to_string()
                            ));
                        }
                    });
                    r.col(|ui| {
                        ui.add(TextEdit::singleline(&mut m.source).desired_width(f32::INFINITY))
                            .labelled_by(headers[2]);
                    });
                    r.col(|ui| {
                        ui.add(TextEdit::singleline(&mut m.note).desired_width(f32::INFINITY))
                            .labelled_by(headers[3]);
                    });
                    r.col(|ui| {
                        move_menu(ui, m, &c.outcomes);
                        if ui
                            .small_button("🗑")
                            .on_hover_text(t!("item.remove"))
                            .clicked()
                        {
                            removed = Some(m.id);
                        }
                    });
                }
                Row::Earlier(p) => {
                    let cycle = info
                        .cycle_names
                        .iter()
                        .find(|(id, _)| *id == p.cycle)
                        .map(|(_, n)| n.as_str())
                        .unwrap_or_default();
                    r.col(|ui| {
                        ui.weak(p.date.map(fmt_date).unwrap_or_default());
                    });
                    r.col(|ui| {
                        ui.weak(fmt_number(p.value));
                    });
                    r.col(|ui| {
                        ui.add(egui::Label::new(RichText::new(&p.source).weak()).wrap());
                    });
                    r.col(|ui| {
                        ui.add(
                            egui::Label::new(
                                RichText::new(tf!("measurements.from_cycle", cycle = cycle))
                                    .weak()
                                    .italics(),
                            )
                            .wrap(),
                        );
                    });
                    r.col(|_| {});
                }
            };
            if many {
                // only the rows in view of the table's own scroll area are built
                body.rows(row_height, rows.len(), |mut r| {
                    let k = r.index();
                    draw(&mut r, &rows[k].1);
                });
            } else {
                for (_, row) in &rows {
                    body.row(row_height, |mut r| draw(&mut r, row));
                }
            }
        });
    if hidden > 0 || show_all && earlier.len() > EARLIER_ROWS {
        let text = if show_all {
            t!("measurements.show_fewer").to_owned()
        } else {
            tf!("measurements.show_all", n = hidden)
        };
        if ui.small_button(text).clicked() {
            ui.data_mut(|d| d.insert_temp(all_id, !show_all));
        }
    }
    removed
}

/// The measurement → indicator link: move a measurement entered under the wrong indicator.
fn move_menu(ui: &mut Ui, m: &mut Measurement, outcomes: &[Outcome]) {
    // the list is made only while the menu is open (a cycle may have a thousand indicators)
    ui.menu_button("…", |ui| {
        ui.label(RichText::new(t!("measurement.move")).strong());
        let current = m.indicator;
        let targets = outcomes
            .iter()
            .flat_map(|o| o.indicators.iter().map(move |i| (i.id, &i.name, &o.title)));
        for (id, name, outcome) in targets.filter(|i| i.0 != current) {
            let text = format!("{} ({})", display_name(name), display_name(outcome));
            if ui.button(text).clicked() {
                m.indicator = id;
                ui.close();
            }
        }
    })
    .response
    .on_hover_text(t!("measurement.move"));
}
