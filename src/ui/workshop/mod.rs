//! Workshop mode: the cycle on the projector, one page at a time (the start, each step, one
//! outcome per page, the scan, the wrap-up), in large type and high contrast, with the
//! guidance questions beside it and a countdown. The group can still add a signal, a tip or a
//! score without leaving it. Page Down / Page Up (what presentation clickers send) and the
//! arrow keys move; Escape leaves.

mod agenda;
mod dialogue;
pub(crate) use dialogue::earlier_answers;
mod pages;
mod parking;
mod room;
mod scan;
mod support;
mod today;
mod top;
mod vote;

use crate::i18n::key;
use crate::i18n::{Label, t, tf};
use crate::model::*;
use crate::state::{AppState, Overlay, Page, View};
use crate::ui::theme::colour;
use crate::ui::widgets::display_name;
use egui::{FontFamily, FontId, Panel, RichText, ScrollArea, TextStyle, Ui};

/// A page's heading.
pub fn page_title(page: Page, c: &Cycle) -> String {
    match page {
        Page::Title => t!("workshop.title_page").to_owned(),
        Page::Step(s) => format!("{}. {}", s.number(), s.label()),
        Page::Outcome(k) => c
            .outcomes
            .get(k)
            .map(|o| display_name(&o.title).to_owned())
            .unwrap_or_default(),
        Page::Scan(ScanMoment::Analysis) => t!("scan.title_first").to_owned(),
        Page::Scan(ScanMoment::Evaluation) => t!("scan.title_rescore").to_owned(),
        Page::Chain => t!("view.chain").to_owned(),
        Page::Vote => t!("vote.title").to_owned(),
        Page::Parking => t!("parking.title").to_owned(),
        Page::WrapUp => t!("workshop.wrapup_page").to_owned(),
        Page::Support => t!("support.title").to_owned(),
    }
}

/// The guidance questions beside a page (on an outcome's page, with its charts, the data
/// dialogue's).
fn page_questions(page: Page) -> &'static [crate::i18n::Key] {
    match page {
        // the outcome's page asks the data dialogue's questions in its own fields; voting and
        // parking say on the page what to do
        Page::Title | Page::Outcome(_) | Page::Support | Page::Vote | Page::Parking => &[],
        Page::Step(s) => crate::ui::guidance::questions(View::Step(s)),
        Page::Scan(_) => &[
            key!("guide.scan.1"),
            key!("guide.scan.2"),
            key!("guide.scan.3"),
        ],
        Page::Chain => crate::ui::guidance::questions(View::Chain),
        Page::WrapUp => crate::ui::guidance::questions(View::Dashboard),
    }
}

/// Larger type and full contrast for the projector. The type grows with the screen: sized for
/// 1024×768 (the resolution projectors are designed for), up to 1.5× on a large screen.
pub(crate) fn projector_style(ui: &mut Ui, dark: bool) {
    let k = (ui.max_rect().height() / 768.0).clamp(1.0, 1.5);
    let style = ui.style_mut();
    let font = |size: f32| FontId::new(size * k, FontFamily::Proportional);
    style.text_styles = [
        (TextStyle::Heading, font(38.0)),
        (TextStyle::Body, font(23.0)),
        (TextStyle::Button, font(21.0)),
        (
            TextStyle::Monospace,
            FontId::new(21.0 * k, FontFamily::Monospace),
        ),
        (TextStyle::Small, font(18.0)),
    ]
    .into();
    style.spacing.item_spacing = egui::vec2(12.0, 10.0);
    style.spacing.interact_size.y = 34.0;
    // checkboxes and radio buttons large enough to see and hit from the room
    style.spacing.icon_width = 26.0 * k;
    style.spacing.icon_width_inner = 14.0 * k;
    style.spacing.icon_spacing = 8.0 * k;
    crate::ui::theme::projector_visuals(&mut style.visuals, dark);
}

/// Draws workshop mode over the whole window.
pub fn show(app: &mut AppState, ui: &mut Ui) {
    let now = ui.input(|i| i.time);
    let AppState {
        doc,
        pending,
        prefs,
        workshop,
        timer,
        ..
    } = app;
    let (Some(doc), Some(ws)) = (doc, workshop) else {
        return;
    };
    let cycle = doc.cycle;
    let Some(c) = doc.project.cycles.get(cycle) else {
        return;
    };
    let all = crate::state::shown_pages(&doc.project, cycle, ws.day());
    ws.page = ws.page.min(all.len() - 1);
    let page = all[ws.page];
    let title = page_title(page, c);
    let region = doc.project.region.name.clone();
    projector_style(ui, prefs.dark);

    let now_next = top::NowNext {
        now: title.clone(),
        minutes: crate::state::minutes_of(&doc.project, cycle, ws.day(), page),
        next: all.get(ws.page + 1).map(|p| page_title(*p, c)),
    };
    top::bar(
        ui,
        (&region, &c.name),
        ws,
        all.len(),
        &now_next,
        pending,
        (timer, now),
    );
    agenda::keys(ui, ws, all.len(), pending);
    let day = ws.day();
    let cycle_id = c.id;
    let room = matches!(ws.overlay, Overlay::Room(_));
    if room {
        room::form(ui, &mut doc.project, (cycle, day), ws);
    }
    if let Some(step) = page.step().filter(|_| !room) {
        Panel::bottom("workshop-tip").show(ui, |ui| {
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                let l = ui.label(format!("💡 {}", t!("workshop.tip")));
                // "Add" at the right, the field takes the width between
                let (clicked, field) = ui
                    .with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        let clicked = ui.button(t!("workshop.add")).clicked();
                        let field = ui
                            .add(
                                egui::TextEdit::singleline(&mut ws.tip)
                                    .id_salt("workshop-tip")
                                    .desired_width(ui.available_width())
                                    .hint_text(tf!("workshop.tip_hint", step = step.label())),
                            )
                            .labelled_by(l.id);
                        (clicked, field)
                    })
                    .inner;
                let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                let added = (clicked || enter) && !ws.tip.trim().is_empty();
                keep_typing(ui, &field, added);
                if added {
                    let id = doc.project.new_id();
                    doc.project.tips.push(Tip {
                        text: ws.tip.trim().to_owned(),
                        cycle: Some(cycle_id),
                        step: Some(step),
                        ..Tip::new(id)
                    });
                    ws.tip.clear();
                }
            });
            ui.add_space(4.0);
        });
    }
    let questions = page_questions(page);
    // the chain needs the whole width on the projector: its questions are behind its "?";
    // while a decision or action is typed the form has the room
    if !questions.is_empty() && prefs.show_guidance && page != Page::Chain && !room {
        Panel::right("workshop-guidance")
            .resizable(false)
            .exact_size((ui.available_width() * 0.32).clamp(240.0, 480.0))
            .show(ui, |ui| {
                // below the top bar and above the tip's bar; what does not fit scrolls
                ScrollArea::vertical()
                    .id_salt("workshop-guidance")
                    .auto_shrink(false)
                    .show(ui, |ui| {
                        ui.add_space(8.0);
                        ui.label(
                            RichText::new(t!("guide.title"))
                                .heading()
                                .size(scaled(ui, 28.0)),
                        );
                        ui.add_space(8.0);
                        for key in questions {
                            ui.horizontal_top(|ui| {
                                ui.label(RichText::new("?").strong());
                                ui.add(egui::Label::new(t!(key)).wrap());
                            });
                            ui.add_space(4.0);
                        }
                    });
            });
    }
    egui::CentralPanel::default_margins().show(ui, |ui| {
        // the page list and the agenda editor take the page's place while open
        if matches!(ws.overlay, Overlay::Pages(_) | Overlay::Agenda(_)) {
            ScrollArea::vertical()
                .id_salt("workshop-overlay")
                .auto_shrink(false)
                .show(ui, |ui| match ws.overlay {
                    Overlay::Pages(_) => {
                        agenda::page_list(ui, &doc.project, (cycle, day), ws, &all, pending)
                    }
                    _ => agenda::editor(ui, &mut doc.project, (cycle, day), ws),
                });
            return;
        }
        if page == Page::Chain {
            // the chain pans and zooms itself, and has its own title
            let stamp = crate::ui::steps::Stamp {
                cycle,
                revision: doc.revision,
                generations: doc.tracker.generations(),
            };
            ws.chain.ui(
                ui,
                &mut doc.project,
                (stamp, doc.serial),
                pending,
                crate::ui::chain::Mode::Workshop,
            );
            return;
        }
        // every page opens at its top, also when it was scrolled before
        let shown_id = egui::Id::unique("workshop-page-shown");
        let arrived = ui.data(|d| d.get_temp::<usize>(shown_id)) != Some(ws.page);
        ui.data_mut(|d| d.insert_temp(shown_id, ws.page));
        let mut area = ScrollArea::vertical()
            .id_salt(("workshop-page", ws.page))
            .auto_shrink(false);
        if arrived {
            area = area.vertical_scroll_offset(0.0);
        }
        area.show(ui, |ui| {
            ui.add_space(6.0);
            ui.label(RichText::new(&title).heading().strong());
            ui.add_space(10.0);
            pages::page_content(ui, &mut doc.project, (cycle, page), ws, pending);
        });
    });
    // "park it" from any page (key P), unless the page list, the agenda or a decision is open
    if ws.overlay == Overlay::None {
        parking::quick(ui, &mut doc.project, cycle, &mut ws.parking);
    }
}

/// A live entry field (a tip, a signal) once what was typed in it is added: the keyboard stays
/// in the field, and in the next frame, when the added line has pushed it down, the field is
/// scrolled back into view, so the next words typed are not lost.
pub(crate) fn keep_typing(ui: &Ui, field: &egui::Response, added: bool) {
    let again = field.id.with("keep-typing");
    if added {
        field.request_focus();
        ui.data_mut(|d| d.insert_temp(again, true));
    } else if ui.data_mut(|d| d.remove_temp::<bool>(again)).is_some() {
        field.request_focus();
        field.scroll_to_me(None);
    }
}

/// The frame of a row on a page that the keys act on (a statement being scored, a line being
/// counted): outlined in the selection colour while it has the keys.
pub(super) fn row_frame(ui: &Ui, has_keys: bool, margin: f32) -> egui::Frame {
    egui::Frame::new()
        .inner_margin(margin)
        .corner_radius(6.0)
        .stroke(if has_keys {
            egui::Stroke::new(3.0, ui.visuals().selection.stroke.color)
        } else {
            egui::Stroke::NONE
        })
}

/// A size given for 1024×768, grown with the page's type.
pub(crate) fn scaled(ui: &Ui, size: f32) -> f32 {
    size * ui.style().text_styles[&TextStyle::Body].size / 23.0
}

/// A section title on a page: larger, in the series colour.
pub(super) fn section(ui: &mut Ui, text: &str) {
    let size = ui.style().text_styles[&TextStyle::Body].size * 1.15;
    ui.add_space(4.0);
    ui.label(
        RichText::new(text)
            .size(size)
            .strong()
            .color(colour::series()),
    );
}

pub(super) fn bullet(ui: &mut Ui, text: &str) {
    ui.horizontal_top(|ui| {
        ui.label("•");
        ui.add(egui::Label::new(text).wrap());
    });
}
