//! Step 1's support analysis per school, typed like a spreadsheet: a row per school (name,
//! sector, the five counts; details under ▸), Tab moves along the row and on to the next,
//! rows pasted from Excel are taken in by their header, and the sums per sector and for the
//! region with the grey zone as a share stand under the table. The window shows the real
//! counts; outside it small ones are hidden (`model::protect`).

use super::EditCtx;
use crate::i18n::{Label, fmt_number, t, tf};
use crate::model::*;
use crate::ui::theme::colour;
use crate::ui::widgets::*;
use egui::{RichText, Ui};

const COUNT_WIDTH: f32 = 60.0;

/// A column heading that wraps between its words (never inside one), so a column is as
/// wide as the longest word of its heading or its cells.
pub(crate) fn head(ui: &mut Ui, text: &str) -> egui::Id {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let widest = text
        .split_whitespace()
        .map(|w| {
            ui.ctx().fonts_mut(|f| {
                f.layout_no_wrap(w.to_owned(), font.clone(), egui::Color32::PLACEHOLDER)
                    .size()
                    .x
            })
        })
        .fold(0.0, f32::max);
    ui.scope(|ui| {
        ui.set_max_width(widest + 6.0);
        ui.add(egui::Label::new(RichText::new(text).strong()).wrap())
            .id
    })
    .inner
}

/// The support analysis of an analysis; a school's "waiting, nobody responsible" can be taken
/// up as a signal of the analysis, linked to the school.
pub fn show(
    ui: &mut Ui,
    an: &mut Analysis,
    partners: &[(Id, String)],
    chart: &SupportChart,
    below: u32,
    ed: &mut EditCtx,
) {
    section_heading(ui, t!("support.title"), t!("support.explain"));
    let signals: Vec<Id> = an.signals.iter().filter_map(|s| s.school).collect();
    let Analysis {
        support: a,
        signals: signal_list,
        ..
    } = an;
    let open_id = ui.make_persistent_id("support-details-open");
    let mut open: Vec<Id> = ui.data(|d| d.get_temp(open_id)).unwrap_or_default();
    if a.schools.is_empty() {
        ui.weak(t!("support.empty"));
    } else {
        egui::ScrollArea::horizontal()
            .id_salt("support-table")
            .show(ui, |ui| table(ui, a, &mut open));
        let to_signal = row_notes(ui, a, &signals);
        if let Some(row) = to_signal.and_then(|id| a.schools.iter().find(|r| r.id == id)) {
            signal_list.push(Signal {
                from: SignalSource::SupportAnalysis,
                text: tf!(
                    "support.signal_text",
                    n = row.waiting.unwrap_or(0) as usize,
                    school = display_name(&row.name)
                ),
                school: Some(row.id),
                ..Signal::new(ed.new_id())
            });
        }
        // a school's details under the table, as a form of its own (a row of the table has no
        // room for them)
        for row in a.schools.iter_mut().filter(|r| open.contains(&r.id)) {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.label(RichText::new(display_name(&row.name)).strong());
                details(ui, row, partners);
                if ui.button(format!("🗑 {}", t!("support.remove"))).clicked() {
                    ed.remove(row.id);
                }
            });
        }
    }
    ui.data_mut(|d| d.insert_temp(open_id, open));
    if ui.button(format!("➕ {}", t!("support.add"))).clicked() {
        a.schools.push(SchoolRow::new(ed.new_id()));
    }
    paste_box(ui, a, ed);
    if ui
        .button(format!("📥 {}", t!("support.import_button")))
        .clicked()
    {
        ed.commands.push(crate::state::Message::ImportSupport);
    }
    totals(ui, a);
    if !chart.schools.is_empty() {
        ui.add_space(8.0);
        ui.label(RichText::new(t!("support.chart_title")).strong());
        support_chart(ui, chart, below);
        // what the group said looking at it (typed live in workshop mode)
        // (an id no indicator has: the editor shows one cycle's analysis at a time)
        super::indicators::dialogue_editor(ui, u64::MAX, &mut a.dialogue, &mut a.earlier_dialogues);
    }
}

/// The table: a header row, then each school with its counts and its problems.
fn table(ui: &mut Ui, a: &mut SupportAnalysis, open: &mut Vec<Id>) {
    egui::Grid::new("support-grid")
        .striped(true)
        .spacing([6.0, 4.0])
        .show(ui, |ui| {
            ui.label("");
            let name = head(ui, t!("support.school"));
            let sector = head(ui, t!("support.sector"));
            // the counts' headings wrap over two lines above their narrow columns
            let heads: Vec<egui::Id> = Count::ALL.iter().map(|c| head(ui, c.label())).collect();
            ui.end_row();
            for row in &mut a.schools {
                let is_open = open.contains(&row.id);
                let arrow = if is_open { "⬆" } else { "⬇" };
                if ui
                    .small_button(arrow)
                    .on_hover_text(t!("support.details"))
                    .clicked()
                {
                    if is_open {
                        open.retain(|x| *x != row.id);
                    } else {
                        open.push(row.id);
                    }
                }
                ui.add(
                    egui::TextEdit::singleline(&mut row.name)
                        .id_salt(("school-name", row.id.0))
                        .hint_text(t!("support.name_hint"))
                        .desired_width(120.0)
                        .min_size(egui::vec2(120.0, 0.0)),
                )
                .labelled_by(name);
                sector_combo(ui, sector, &mut row.sector, row.id);
                let row_id = row.id.0;
                for (c, head) in Count::ALL.iter().zip(&heads) {
                    count_input(
                        ui,
                        *head,
                        row.count_mut(*c),
                        ("school-count", row_id, *c as u8),
                        COUNT_WIDTH,
                    );
                }
                ui.end_row();
            }
        });
}

/// Under the table, per school, what cannot be right in its counts, and where pupils wait
/// with nobody responsible (with a button to take that up as a signal, once). Returns the
/// school to take up.
fn row_notes(ui: &mut Ui, a: &SupportAnalysis, signals: &[Id]) -> Option<Id> {
    let mut to_signal = None;
    for row in a.schools.iter().filter(|r| !r.is_empty()) {
        let name = display_name(&row.name);
        for p in row.problems() {
            let text = format!("⚠ {name}: {}", problem_text(p));
            ui.add(egui::Label::new(RichText::new(text).color(colour::invalid())).wrap());
        }
        if row.problems().is_empty() && row.waits_without_responsible() {
            ui.horizontal_wrapped(|ui| {
                let text = format!("⚠ {name}: {}", t!("support.waits"));
                ui.label(RichText::new(text).color(colour::behind()));
                if signals.contains(&row.id) {
                    ui.weak(format!("✔ {}", t!("support.is_signal")));
                } else if ui.small_button(t!("support.to_signal")).clicked() {
                    to_signal = Some(row.id);
                }
            });
        }
    }
    to_signal
}

fn sector_combo(ui: &mut Ui, label: egui::Id, value: &mut Option<Sector>, id: Id) {
    egui::ComboBox::from_id_salt(("school-sector", id.0))
        .selected_text(value.map_or("–", |s| s.label()))
        .width(70.0)
        .show_ui(ui, |ui| {
            ui.selectable_value(value, None, "–");
            for s in Sector::ALL {
                ui.selectable_value(value, Some(s), s.label());
            }
        })
        .response
        .labelled_by(label);
}

/// Under ▸: BRIN code, board, who is responsible where it is unclear, how support is
/// organised.
fn details(ui: &mut Ui, row: &mut SchoolRow, partners: &[(Id, String)]) {
    form_grid(ui, ("school-details", row.id.0), |ui| {
        text_line(ui, t!("support.brin"), &mut row.brin);
        text_line(ui, t!("support.board"), &mut row.board);
        single_pick(
            ui,
            t!("support.responsible"),
            partners,
            &mut row.responsible,
            ("school-resp", row.id.0),
        );
        text_area(ui, t!("support.organisation"), &mut row.organisation);
    });
}

pub fn problem_text(p: RowProblem) -> String {
    match p {
        RowProblem::BothExceedsPart => t!("support.problem_both").to_owned(),
        RowProblem::MoreThanPupils(c) => tf!("support.problem_more", count = c.label()),
    }
}

/// Rows pasted from a spreadsheet: a box to paste into (opened by its button), what would be
/// taken and which lines cannot be read, and afterwards what was taken.
fn paste_box(ui: &mut Ui, a: &mut SupportAnalysis, ed: &mut EditCtx) {
    let id = ui.make_persistent_id("support-paste");
    let said_id = id.with("said");
    let mut text: Option<String> = ui.data(|d| d.get_temp(id));
    if text.is_none() && ui.button(format!("📋 {}", t!("support.paste"))).clicked() {
        text = Some(String::new());
        ui.data_mut(|d| d.remove::<String>(said_id));
    }
    let mut close = false;
    if let Some(t) = &mut text {
        let l = ui.label(t!("support.paste_explain"));
        ui.add(
            egui::TextEdit::multiline(t)
                .id_salt("support-paste-text")
                .desired_rows(4)
                .desired_width(ui.available_width().min(640.0)),
        )
        .labelled_by(l.id);
        let read = crate::import::schools::read_rows(t);
        for p in &read.problems {
            let line = tf!(
                "support.paste_line",
                line = &p.line.to_string(),
                text = &p.text
            );
            ui.label(RichText::new(line).color(colour::invalid()));
        }
        ui.horizontal(|ui| {
            let take = ui.add_enabled(
                !read.rows.is_empty(),
                egui::Button::new(tf!("support.paste_take", n = read.rows.len())),
            );
            if take.clicked() {
                let (added, updated) = a.merge_rows(read.rows.clone(), || ed.new_id());
                let said = tf!(
                    "support.paste_done",
                    n = added,
                    updated = &updated.to_string()
                );
                ui.data_mut(|d| d.insert_temp(said_id, said));
                close = true;
            }
            close |= ui.button(t!("support.paste_cancel")).clicked();
        });
    }
    match text {
        Some(t) if !close => ui.data_mut(|d| {
            d.insert_temp(id, t);
        }),
        _ => ui.data_mut(|d| {
            d.remove::<String>(id);
        }),
    }
    if let Some(said) = ui.data(|d| d.get_temp::<String>(said_id)) {
        ui.label(RichText::new(said).color(colour::reached()));
    }
}

/// The sums per sector and for the region, with the grey zone as a share of each part.
fn totals(ui: &mut Ui, a: &SupportAnalysis) {
    if a.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.label(RichText::new(t!("support.totals")).strong());
    let groups: Vec<(String, Totals)> = Sector::ALL
        .iter()
        .map(|s| (s.label().to_owned(), a.totals(Some(*s))))
        .filter(|(_, t)| t.schools > 0)
        .chain([(t!("support.region").to_owned(), a.totals(None))])
        .collect();
    let share = |v: Option<f64>| {
        v.map_or("–".to_owned(), |v| {
            format!("{} %", fmt_number((v * 1000.0).round() / 10.0))
        })
    };
    egui::ScrollArea::horizontal()
        .id_salt("support-totals-scroll")
        .show(ui, |ui| {
            egui::Grid::new("support-totals")
                .striped(true)
                .spacing([5.0, 4.0])
                .show(ui, |ui| {
                    ui.label("");
                    head(ui, t!("support.schools"));
                    for c in Count::ALL {
                        head(ui, c.label());
                    }
                    head(ui, t!("support.grey_of_support"));
                    head(ui, t!("support.grey_of_care"));
                    ui.end_row();
                    for (name, t) in &groups {
                        ui.label(RichText::new(name).strong());
                        ui.label(t.schools.to_string());
                        for c in Count::ALL {
                            ui.label(
                                t.count(c)
                                    .map_or("–".to_owned(), |v| fmt_number(f64::from(v))),
                            );
                        }
                        let (of_support, of_care) = t.grey_zone_shares();
                        ui.label(share(of_support));
                        ui.label(share(of_care));
                        ui.end_row();
                    }
                });
        });
    let left_out = a.totals(None).left_out;
    if left_out > 0 {
        ui.label(RichText::new(tf!("support.left_out", n = left_out)).color(colour::invalid()));
    }
    let top: Vec<String> = a
        .by_grey_zone()
        .iter()
        .filter(|r| r.grey_zone_shares().0.is_some())
        .take(3)
        .map(|r| {
            format!(
                "{} ({})",
                display_name(&r.name),
                share(r.grey_zone_shares().0)
            )
        })
        .collect();
    if !top.is_empty() {
        ui.add(egui::Label::new(tf!("support.largest", schools = &top.join(", "))).wrap());
    }
}
