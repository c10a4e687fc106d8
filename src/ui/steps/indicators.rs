//! One indicator in the evaluation step: its status, chart, the table of measurements (its
//! own and those carried from earlier cycles), paste from a spreadsheet, and the data dialogue.

use super::EditCtx;
use crate::app::Command;
use crate::i18n::{Label, fmt_date, fmt_number, t, tf};
use crate::import;
use crate::model::*;
use crate::ui::widgets::charts::{basis_note, indicator_chart, status_pill};
use crate::ui::widgets::*;
use egui::{RichText, TextEdit, Ui};
use egui_extras::{Column, TableBuilder};

/// What the evaluation step computed about an indicator before drawing (the whole project is
/// needed for the series, while the cycle is being edited).
#[derive(Clone)]
pub struct IndicatorInfo {
    pub id: Id,
    pub outcome: String,
    pub series: Vec<SeriesPoint>,
    pub assessment: Assessment,
    /// Names of the cycles, for rows carried from earlier cycles.
    pub cycle_names: Vec<(Id, String)>,
    /// Counts below this are suppressed in exports (marked here).
    pub small_below: u32,
}

impl IndicatorInfo {
    /// The information of the indicators of a cycle with the given ids.
    pub fn of_cycle(
        project: &Project,
        cycle: usize,
        ids: &[Id],
        index: &SeriesIndex<'_>,
    ) -> Vec<Self> {
        let Some(c) = project.cycles.get(cycle) else {
            return Vec::new();
        };
        let cycle_names: Vec<(Id, String)> = project
            .cycles
            .iter()
            .map(|c| (c.id, c.name.clone()))
            .collect();
        c.outcomes
            .iter()
            .flat_map(|o| o.indicators.iter().map(move |i| (o, i)))
            .filter(|(_, i)| ids.contains(&i.id))
            .map(|(o, i)| {
                let series = index.series(i.id);
                Self {
                    id: i.id,
                    outcome: o.title.clone(),
                    assessment: assess(i, &series),
                    series,
                    cycle_names: cycle_names.clone(),
                    small_below: project.settings.small_numbers_below,
                }
            })
            .collect()
    }
}

/// A row of the measurements table.
enum Row {
    /// A measurement of this cycle (index into the cycle's measurements).
    Own(usize),
    /// A measurement of an earlier cycle: shown, not edited here.
    Earlier(SeriesPoint),
}

/// Draws the card of one indicator. (Every indicator of the cycle can be picked for moving a
/// measurement to another one).
pub fn card(ui: &mut Ui, c: &mut Cycle, info: &IndicatorInfo, ed: &mut EditCtx) {
    let Some(ind) = c.indicator(info.id).cloned() else {
        return;
    };
    egui::Frame::group(ui.style())
        .inner_margin(12.0)
        .corner_radius(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(RichText::new(display_name(&ind.name)).strong().size(19.0));
                status_pill(ui, &info.assessment, &ind);
            });
            basis_note(ui, &info.assessment, &info.series, &ind, 14.0);
            ui.weak(tf!(
                "measurements.for_outcome",
                outcome = display_name(&info.outcome)
            ));
            ui.label(summary(&ind));
            ui.add_space(4.0);
            let chart_id = ui.make_persistent_id(("chart", ind.id.0));
            indicator_chart(ui, chart_id, &ind, &info.series, 220.0);
            ui.add_space(6.0);
            let removed = table(ui, c, &ind, info);
            ed.apply(
                removed.map(ListAction::Remove),
                &mut c.evaluation.measurements,
            );
            ui.horizontal_wrapped(|ui| {
                if ui
                    .button(format!("➕ {}", t!("measurements.add")))
                    .clicked()
                {
                    let id = ed.new_id();
                    let today = chrono::Local::now().date_naive();
                    c.evaluation.measurements.push(Measurement {
                        id,
                        indicator: ind.id,
                        date: Some(today),
                        // no value until one is typed: until then it counts nowhere
                        value: None,
                        source: String::new(),
                        note: String::new(),
                    });
                }
                let paste_open_id = ui.make_persistent_id(("paste-open", ind.id.0));
                let mut open = ui.data(|d| d.get_temp::<bool>(paste_open_id).unwrap_or(false));
                if ui
                    .selectable_label(open, format!("📋 {}", t!("paste.button")))
                    .on_hover_text(t!("paste.help"))
                    .clicked()
                {
                    open = !open;
                    ui.data_mut(|d| d.insert_temp(paste_open_id, open));
                }
                if ui
                    .button(format!("📥 {}", t!("import.button")))
                    .on_hover_text(t!("import.help"))
                    .clicked()
                {
                    ed.commands.push(Command::ImportCsv(Some(ind.id)));
                }
            });
            let paste_open_id = ui.make_persistent_id(("paste-open", ind.id.0));
            if ui.data(|d| d.get_temp::<bool>(paste_open_id).unwrap_or(false)) {
                paste_box(ui, c, &ind, ed, paste_open_id);
            }
            dialogue(ui, c, ind.id);
        });
}

/// "Baseline 46 weeks (01-10-2023) · target 30 weeks (01-07-2025) · down"
fn summary(ind: &Indicator) -> String {
    let num = |v: f64| {
        if ind.unit.trim().is_empty() {
            fmt_number(v)
        } else {
            format!("{} {}", fmt_number(v), ind.unit.trim())
        }
    };
    let with_date = |v: Option<f64>, d: Option<chrono::NaiveDate>| match (v, d) {
        (Some(v), Some(d)) => format!("{} ({})", num(v), fmt_date(d)),
        (Some(v), None) => num(v),
        _ => "–".to_owned(),
    };
    format!(
        "{}: {}   ·   {}: {}   ·   {}: {}",
        t!("chart.baseline"),
        with_date(ind.baseline_value, ind.baseline_date),
        t!("chart.target"),
        with_date(ind.target_value, ind.target_date),
        t!("indicator.direction"),
        ind.direction.label()
    )
}

/// With more rows than this, the measurements table scrolls on its own.
const VISIBLE_ROWS: usize = 12;

/// How many measurements of earlier cycles the table shows before "show all".
const EARLIER_ROWS: usize = 3;

/// The measurements table; returns the id of a measurement to remove.
fn table(ui: &mut Ui, c: &mut Cycle, ind: &Indicator, info: &IndicatorInfo) -> Option<Id> {
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
    let row_height = 32.0;
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
        .column(Column::initial(150.0).at_least(90.0).clip(true))
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
                        number_input(ui, headers[1], &mut m.value, ("mv", m.id.0), 95.0);
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
                        ui.weak(&p.source);
                    });
                    r.col(|ui| {
                        ui.weak(
                            RichText::new(tf!("measurements.from_cycle", cycle = cycle)).italics(),
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

/// What the paste box last read from its text (shared, so a frame copies a pointer).
type PastePreview = std::sync::Arc<Option<import::ImportPreview>>;

/// Rows pasted from a spreadsheet (date and value, tab- or semicolon-separated), previewed
/// before they are added.
fn paste_box(ui: &mut Ui, c: &mut Cycle, ind: &Indicator, ed: &mut EditCtx, open_id: egui::Id) {
    let text_id = ui.make_persistent_id(("paste-text", ind.id.0));
    let mut text: String = ui.data(|d| d.get_temp(text_id)).unwrap_or_default();
    egui::Frame::new()
        .inner_margin(8.0)
        .corner_radius(6.0)
        .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let l = ui.label(RichText::new(t!("paste.title")).strong());
            ui.weak(t!("paste.explain"));
            let r = ui
                .add(
                    TextEdit::multiline(&mut text)
                        .desired_rows(4)
                        .desired_width(f32::INFINITY)
                        .hint_text("01-10-2024\t42\n01-01-2025\t39"),
                )
                .labelled_by(l.id);
            // The preview is read once per change of the text, not every frame: a pasted
            // sheet of many rows costs one frame, not all of them.
            let preview_id = text_id.with("preview");
            let cached: Option<PastePreview> = ui.data(|d| d.get_temp(preview_id));
            let preview = match cached {
                Some(p) if !r.changed() => p,
                _ => {
                    let p: PastePreview = std::sync::Arc::new(
                        import::read_table(text.as_bytes()).ok().map(|table| {
                            let det = import::detect(&table);
                            import::apply(&table, &det.mapping)
                        }),
                    );
                    ui.data_mut(|d| {
                        d.insert_temp(text_id, text.clone());
                        d.insert_temp(preview_id, p.clone());
                    });
                    p
                }
            };
            let Some(preview) = preview.as_ref() else {
                return;
            };
            problems_list(ui, &preview.problems);
            ui.horizontal(|ui| {
                let n = preview.rows.len();
                let add = ui.add_enabled(n > 0, egui::Button::new(tf!("paste.add", n = n)));
                if add.clicked() {
                    let rows = preview
                        .rows
                        .iter()
                        .map(|r| (r.date, r.value, r.source.clone()));
                    c.add_measurements(ind.id, rows, true, || ed.new_id());
                    ui.data_mut(|d| {
                        d.remove::<String>(text_id);
                        d.remove::<PastePreview>(text_id.with("preview"));
                        d.insert_temp(open_id, false);
                    });
                }
                if ui.button(t!("dialog.cancel")).clicked() {
                    ui.data_mut(|d| {
                        d.remove::<String>(text_id);
                        d.remove::<PastePreview>(text_id.with("preview"));
                        d.insert_temp(open_id, false);
                    });
                }
            });
        });
}

/// The rows that could not be read, with line number and reason.
pub fn problems_list(ui: &mut Ui, problems: &[import::RowProblem]) {
    if problems.is_empty() {
        return;
    }
    ui.label(
        RichText::new(tf!("import.problems", n = problems.len()))
            .color(crate::ui::stepper::OPEN)
            .strong(),
    );
    for p in problems.iter().take(8) {
        ui.label(format!("• {}", problem_text(p)));
    }
    if problems.len() > 8 {
        ui.weak(tf!("import.more", n = &(problems.len() - 8).to_string()));
    }
}

pub fn problem_text(p: &import::RowProblem) -> String {
    let line = p.line.to_string();
    match &p.issue {
        import::RowIssue::BadDate(v) => tf!("import.bad_date", line = &line, value = v),
        import::RowIssue::BadValue(v) => tf!("import.bad_value", line = &line, value = v),
        import::RowIssue::AmbiguousValue(v) => {
            tf!("import.ambiguous_value", line = &line, value = v)
        }
        import::RowIssue::MissingValue => tf!("import.missing_value", line = &line),
        import::RowIssue::TooFewColumns => tf!("import.too_few", line = &line),
        import::RowIssue::Unreadable(_) => tf!("import.unreadable", line = &line),
        import::RowIssue::SeveralValues(v) => tf!(
            "import.several_values",
            line = &line,
            values = &v.join(", ")
        ),
    }
}

/// The data dialogue: three questions the group answers looking at the figures.
fn dialogue(ui: &mut Ui, c: &mut Cycle, indicator: Id) {
    let Some(ind) = c
        .outcomes
        .iter_mut()
        .flat_map(|o| o.indicators.iter_mut())
        .find(|i| i.id == indicator)
    else {
        return;
    };
    let filled = !ind.dialogue.is_empty();
    let title = if filled {
        format!("💬 {} ✔", t!("dialogue.title"))
    } else {
        format!("💬 {}", t!("dialogue.title"))
    };
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt(("dialogue", indicator.0))
        .default_open(filled)
        .show(ui, |ui| {
            ui.weak(t!("dialogue.explain"));
            form_grid(ui, ("dialogue-grid", indicator.0), |ui| {
                text_area(ui, t!("dialogue.recognise"), &mut ind.dialogue.recognise);
                text_area(ui, t!("dialogue.explain_q"), &mut ind.dialogue.explain);
                text_area(ui, t!("dialogue.opinion"), &mut ind.dialogue.opinion);
            });
        });
}
