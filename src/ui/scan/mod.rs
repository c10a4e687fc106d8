//! The working-factor and borging scan: scoring per partner, the result against the national
//! figures and the previous scan, and where partners see it differently.

use crate::i18n::{Label, fmt_number, score_label, statement_text, t, tf};
use crate::model::*;
use crate::ui::steps::EditCtx;
use crate::ui::theme;
use crate::ui::widgets::*;
use egui::{RichText, Ui, vec2};

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
            chart::factor_chart(ui, scan, Some(previous), cx);
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
    egui::CollapsingHeader::new(RichText::new(title).strong().size(theme::size::ITEM))
        .id_salt(("scan-resp", r.id.0))
        .open(open_now)
        .show(ui, |ui| {
            for f in Factor::ALL {
                ui.add_space(6.0);
                let avg = r
                    .factor_average(f)
                    .map_or("–".to_owned(), |a| fmt_number(results::round1(a)));
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
                    egui::Button::selectable(selected, RichText::new(text).size(theme::size::BODY))
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

mod chart;
mod results;

pub use results::{results, versus_national};
