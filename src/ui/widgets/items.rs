//! What lists and pages share around their items: headings, empty states, the add button,
//! pages of a long list and cards built only when in view. The lists themselves: `list.rs`.

use crate::i18n::t;
use egui::{RichText, Ui};

/// A step section heading with a one-line explanation.
pub fn section_heading(ui: &mut Ui, title: &str, explanation: &str) {
    ui.add_space(12.0);
    ui.label(RichText::new(title).heading());
    if !explanation.is_empty() {
        ui.weak(explanation);
    }
    ui.add_space(4.0);
}

/// What belongs here, when nothing is there yet.
pub fn empty_state(ui: &mut Ui, text: &str) {
    egui::Frame::new()
        .inner_margin(8.0)
        .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
        .corner_radius(6.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.weak(RichText::new(text).italics());
        });
}

/// An "Add …" button.
pub fn add_button(ui: &mut Ui, text: &str) -> bool {
    ui.button(format!("➕ {text}")).clicked()
}

/// For long lists: which items to show, with "« previous · 11–20 of 1,000 · next »" when they
/// do not fit on one page. The page is remembered per `id`.
pub fn pager(ui: &mut Ui, id: egui::Id, total: usize, per_page: usize) -> std::ops::Range<usize> {
    if total <= per_page {
        return 0..total;
    }
    let pages = total.div_ceil(per_page);
    let mut page: usize = ui.data(|d| d.get_temp(id)).unwrap_or(0).min(pages - 1);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                page > 0,
                egui::Button::new(format!("« {}", t!("pager.previous"))),
            )
            .clicked()
        {
            page -= 1;
        }
        let from = page * per_page;
        let to = (from + per_page).min(total);
        ui.label(crate::i18n::tf!(
            "pager.range",
            from = &(from + 1).to_string(),
            to = &to.to_string(),
            total = &total.to_string()
        ));
        if ui
            .add_enabled(
                page + 1 < pages,
                egui::Button::new(format!("{} »", t!("pager.next"))),
            )
            .clicked()
        {
            page += 1;
        }
    });
    ui.data_mut(|d| d.insert_temp(id, page));
    let from = page * per_page;
    from..(from + per_page).min(total)
}

/// Draws `add` only when the space it took last time is on screen (or it holds the keyboard
/// focus); otherwise reserves that space, so the scroll bar and the position of what follows
/// stay right. For long pages of cards: a card scrolled out of sight costs nothing.
pub fn lazy(ui: &mut Ui, id: egui::Id, add: impl FnOnce(&mut Ui)) {
    let width = ui.available_width();
    let known: Option<(f32, f32)> = ui.data(|d| d.get_temp(id));
    if let Some((height, at_width)) = known
        && (at_width - width).abs() < 0.5
    {
        let rect = egui::Rect::from_min_size(ui.cursor().min, egui::vec2(width, height));
        let focus_inside = ui.memory(|m| m.focused()).is_some_and(|f| {
            ui.ctx()
                .read_response(f)
                .is_some_and(|r| rect.intersects(r.rect))
        });
        if !ui.is_rect_visible(rect) && !focus_inside {
            ui.allocate_space(egui::vec2(width, height));
            return;
        }
    }
    let height = ui.scope(add).response.rect.height();
    ui.data_mut(|d| d.insert_temp(id, (height, width)));
}
