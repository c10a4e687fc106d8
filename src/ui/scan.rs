//! The working-factor and borging scan: scoring per partner, the result against the national
//! figures and the previous scan, and where partners see it differently.

use crate::i18n::{Label, fmt_date, fmt_number, score_label, statement_text, t, tf};
use crate::model::*;
use crate::ui::steps::EditCtx;
use crate::ui::widgets::charts::{BEHIND, ON_TRACK, SERIES};
use crate::ui::widgets::*;
use egui::{Align2, Color32, FontId, RichText, Sense, Stroke, Ui, pos2, vec2};
use egui_extras::{Column, TableBuilder};

/// What the scan section needs from outside the scan itself.
pub struct Context<'a> {
    pub moment: ScanMoment,
    /// (id, name) of every partner.
    pub partners: &'a [(Id, String)],
    /// Earlier scans, oldest first.
    pub history: &'a [ScanHistoryPoint],
    pub cycle_names: &'a [String],
}

impl Context<'_> {
    fn partner_name(&self, id: Id) -> &str {
        self.partners
            .iter()
            .find(|p| p.0 == id)
            .map_or("", |p| display_name(&p.1))
    }

    /// "Cyclus 2023-2024, begin" for a history point.
    fn history_name(&self, h: &ScanHistoryPoint) -> String {
        let cycle = self.cycle_names.get(h.cycle).map_or("", String::as_str);
        let moment = match h.moment {
            ScanMoment::Analysis => t!("scan.moment_start"),
            ScanMoment::Evaluation => t!("scan.moment_end"),
        };
        format!("{cycle}, {moment}")
    }
}

/// The whole scan section of a step.
pub fn section(ui: &mut Ui, scan: &mut Scan, cx: &Context, ed: &mut EditCtx) {
    let (title, explain) = match cx.moment {
        ScanMoment::Analysis => (t!("scan.title_first"), t!("scan.explain_first")),
        ScanMoment::Evaluation => (t!("scan.title_rescore"), t!("scan.explain_rescore")),
    };
    section_heading(ui, title, explain);
    form_grid(ui, ("scan-date", cx.moment as u8), |ui| {
        date_field(
            ui,
            t!("scan.date"),
            &mut scan.date,
            ("scan-date-f", cx.moment as u8),
        );
    });
    ui.add_space(6.0);
    if scan.is_empty() {
        empty_state(ui, t!("scan.empty"));
        // still show where the region stood, against the national figures
        if let Some(previous) = cx.history.last() {
            ui.add_space(6.0);
            factor_chart(ui, scan, Some(previous), cx);
        }
    } else {
        results(ui, scan, cx);
    }
    ui.add_space(8.0);
    ui.label(RichText::new(t!("scan.scores")).strong());
    let mut remove = None;
    for r in &mut scan.responses {
        response_editor(ui, r, cx, &mut remove);
    }
    if let Some(id) = remove {
        ed.apply(Some(ListAction::Remove(id)), &mut scan.responses);
    }
    add_partner(ui, scan, cx, ed);
}

/// Picks a partner that has not scored yet and adds an empty response for it.
fn add_partner(ui: &mut Ui, scan: &mut Scan, cx: &Context, ed: &mut EditCtx) {
    let missing: Vec<&(Id, String)> = cx
        .partners
        .iter()
        .filter(|(id, _)| scan.response_of(*id).is_none())
        .collect();
    if cx.partners.is_empty() {
        ui.weak(t!("scan.no_partners"));
        return;
    }
    if missing.is_empty() {
        return;
    }
    ui.horizontal(|ui| {
        let l = ui.label(format!("➕ {}", t!("scan.add_partner")));
        egui::ComboBox::from_id_salt(("scan-add", cx.moment as u8))
            .selected_text(t!("scan.choose_partner"))
            .width(280.0)
            .show_ui(ui, |ui| {
                for (id, name) in missing {
                    if ui.selectable_label(false, display_name(name)).clicked() {
                        let rid = ed.new_id();
                        scan.responses.push(ScanResponse::new(rid, *id));
                        // open the new response's card
                        let open_id = egui::Id::unique(("scan-open", rid.0));
                        ui.data_mut(|d| d.insert_temp(open_id, true));
                    }
                }
            })
            .response
            .labelled_by(l.id);
    });
}

fn response_editor(ui: &mut Ui, r: &mut ScanResponse, cx: &Context, remove: &mut Option<Id>) {
    let total = all_statements().count();
    let title = format!(
        "{}   ·   {}",
        cx.partner_name(r.partner),
        tf!(
            "scan.answered",
            n = &r.answered().to_string(),
            total = &total.to_string()
        )
    );
    let open_id = egui::Id::unique(("scan-open", r.id.0));
    let open_now: Option<bool> = ui.data_mut(|d| d.remove_temp(open_id));
    egui::CollapsingHeader::new(RichText::new(title).strong().size(17.0))
        .id_salt(("scan-resp", r.id.0))
        .open(open_now)
        .show(ui, |ui| {
            for f in Factor::ALL {
                ui.add_space(6.0);
                let avg = r
                    .factor_average(f)
                    .map_or("–".to_owned(), |a| fmt_number(round1(a)));
                ui.label(
                    RichText::new(format!("{}   ({}: {avg})", f.label(), t!("scan.average")))
                        .strong(),
                );
                for code in f.statements() {
                    statement_row(ui, r, code);
                }
            }
            ui.add_space(6.0);
            form_grid(ui, ("scan-note", r.id.0), |ui| {
                text_area(ui, t!("scan.note"), &mut r.note);
            });
            if ui
                .button(format!("🗑 {}", t!("scan.remove_partner")))
                .clicked()
            {
                *remove = Some(r.id);
            }
        });
}

fn statement_row(ui: &mut Ui, r: &mut ScanResponse, code: &str) {
    ui.horizontal(|ui| {
        let text_width = (ui.available_width() - 6.0 * 44.0 - 20.0).max(220.0);
        let l = ui
            .add_sized(
                [text_width, 24.0],
                egui::Label::new(statement_text(code)).wrap(),
            )
            .on_hover_text(statement_text(code));
        let current = r.scores.get(code).copied();
        for choice in Score::CHOICES {
            let text = match choice {
                Score::Value(v) => v.to_string(),
                Score::NoView => "?".to_owned(),
            };
            let selected = current == Some(choice);
            let b = ui
                .add(
                    egui::Button::selectable(selected, RichText::new(text).size(16.0))
                        .min_size(vec2(36.0, 26.0)),
                )
                .labelled_by(l.id)
                .on_hover_text(score_label(choice));
            if b.clicked() {
                if selected {
                    r.scores.remove(code);
                } else {
                    r.scores.insert(code.to_owned(), choice);
                }
            }
        }
    });
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// The result: the chart, the largest differences between partners, and the table.
pub fn results(ui: &mut Ui, scan: &Scan, cx: &Context) {
    let previous = cx.history.last();
    factor_chart(ui, scan, previous, cx);
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
            ui.label(RichText::new(format!("✔ {}", t!("scan.no_gaps"))).color(ON_TRACK));
        }
    } else {
        egui::Frame::new()
            .fill(ui.visuals().faint_bg_color)
            .stroke(Stroke::new(1.5, BEHIND))
            .corner_radius(6.0)
            .inner_margin(10.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(
                    RichText::new(format!("⚠ {}", t!("scan.gaps_title")))
                        .strong()
                        .color(BEHIND),
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

/// Factor by factor: the region (bar), the national figure of 2021 (black tick) and 2018
/// (grey tick), and the previous scan (open circle), on the 1–5 scale.
fn factor_chart(ui: &mut Ui, scan: &Scan, previous: Option<&ScanHistoryPoint>, cx: &Context) {
    let label_w = 270.0_f32.min(ui.available_width() * 0.38);
    let row_h = 30.0;
    let rows = Factor::ALL.len() as f32 + 1.0; // plus the "borging" divider
    let width = ui.available_width();
    let height = 56.0 + rows * row_h;
    let (rect, resp) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    let p = ui.painter_at(rect);
    let text = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    let x0 = rect.left() + label_w + 10.0;
    let x1 = rect.right() - 50.0;
    let sx = |v: f64| x0 + ((v - 1.0) / 4.0) as f32 * (x1 - x0);
    // legend
    let mut lx = rect.left();
    let ly = rect.top() + 10.0;
    let small = FontId::proportional(14.0);
    p.rect_filled(
        egui::Rect::from_min_size(pos2(lx, ly - 6.0), vec2(22.0, 12.0)),
        2.0,
        SERIES,
    );
    lx += 28.0;
    lx += p
        .text(
            pos2(lx, ly),
            Align2::LEFT_CENTER,
            t!("scan.legend_region"),
            small.clone(),
            text,
        )
        .width()
        + 24.0;
    p.line_segment(
        [pos2(lx, ly - 9.0), pos2(lx, ly + 9.0)],
        Stroke::new(3.0, text),
    );
    lx += 8.0;
    lx += p
        .text(
            pos2(lx, ly),
            Align2::LEFT_CENTER,
            t!("scan.legend_national"),
            small.clone(),
            text,
        )
        .width()
        + 24.0;
    p.line_segment(
        [pos2(lx, ly - 6.0), pos2(lx, ly + 6.0)],
        Stroke::new(2.0, weak),
    );
    lx += 8.0;
    lx += p
        .text(
            pos2(lx, ly),
            Align2::LEFT_CENTER,
            t!("scan.legend_2018"),
            small.clone(),
            text,
        )
        .width()
        + 24.0;
    if let Some(h) = previous {
        p.circle_stroke(pos2(lx + 6.0, ly), 6.0, Stroke::new(2.5, BEHIND));
        lx += 18.0;
        p.text(
            pos2(lx, ly),
            Align2::LEFT_CENTER,
            tf!("scan.legend_previous", scan = &cx.history_name(h)),
            small.clone(),
            text,
        );
    }
    // scale
    let top = rect.top() + 40.0;
    let bottom = rect.bottom() - 4.0;
    for v in 1..=5 {
        let x = sx(f64::from(v));
        p.line_segment(
            [pos2(x, top), pos2(x, bottom)],
            Stroke::new(1.0, ui.visuals().faint_bg_color.gamma_multiply(3.0)),
        );
        p.line_segment(
            [pos2(x, top), pos2(x, bottom)],
            Stroke::new(0.5, weak.gamma_multiply(0.5)),
        );
        p.text(
            pos2(x, top - 2.0),
            Align2::CENTER_BOTTOM,
            v.to_string(),
            small.clone(),
            weak,
        );
    }
    let mut y = top + 4.0;
    let averages = scan.averages();
    let mut hover_lines = Vec::new();
    for (k, f) in Factor::ALL.iter().enumerate() {
        if *f == Factor::BORGING[0] {
            p.text(
                pos2(rect.left(), y + row_h / 2.0),
                Align2::LEFT_CENTER,
                t!("scan.borging"),
                FontId::proportional(15.0),
                weak,
            );
            y += row_h;
        }
        let cy = y + row_h / 2.0;
        let label = p.layout(
            f.label().to_owned(),
            FontId::proportional(16.0),
            text,
            label_w,
        );
        p.galley(pos2(rect.left(), cy - label.size().y / 2.0), label, text);
        if let Some(a) = averages[k] {
            let bar = egui::Rect::from_min_max(pos2(sx(1.0), cy - 8.0), pos2(sx(a), cy + 8.0));
            p.rect_filled(bar, 3.0, SERIES);
            p.text(
                pos2(sx(5.0) + 8.0, cy),
                Align2::LEFT_CENTER,
                fmt_number(round1(a)),
                FontId::proportional(16.0),
                text,
            );
        }
        if let Some(o) = f.national_2018() {
            let x = sx(o);
            p.line_segment(
                [pos2(x, cy - 8.0), pos2(x, cy + 8.0)],
                Stroke::new(2.0, weak),
            );
        }
        let n = sx(f.national_2021());
        p.line_segment(
            [pos2(n, cy - 12.0), pos2(n, cy + 12.0)],
            Stroke::new(3.0, text),
        );
        if let Some(prev) = previous.and_then(|h| h.averages[k]) {
            p.circle_stroke(pos2(sx(prev), cy), 6.0, Stroke::new(2.5, BEHIND));
        }
        let mut line = format!(
            "{}: {} {}, {} {}",
            f.label(),
            t!("scan.legend_region"),
            averages[k].map_or("–".to_owned(), |a| fmt_number(round1(a))),
            t!("scan.legend_national"),
            fmt_number(f.national_2021())
        );
        if let Some(prev) = previous.and_then(|h| h.averages[k]) {
            line.push_str(&format!(
                ", {} {}",
                t!("scan.previous"),
                fmt_number(round1(prev))
            ));
        }
        hover_lines.push(line);
        y += row_h;
    }
    resp.on_hover_ui(|ui| {
        for l in &hover_lines {
            ui.label(l);
        }
    });
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
                                        Some(("⬆", ON_TRACK))
                                    } else if g.low.0 == r.partner {
                                        Some(("⬇", BEHIND))
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
        BEHIND
    } else {
        ON_TRACK
    }
}
