//! Lists of items: cards with a title and move/delete buttons, headings, empty states.

use crate::i18n::t;
use crate::model::Id;
use crate::ui::theme;
use egui::{Response, RichText, Ui};

/// What the user asked to do with an item in a list; applied after the list is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListAction {
    MoveUp(usize),
    MoveDown(usize),
    Remove(Id),
}

impl ListAction {
    /// Applies a move to `list`; returns the id to remove for [`ListAction::Remove`]
    /// (removal goes through the project, which also removes links to it).
    pub fn apply<T>(self, list: &mut [T]) -> Option<Id> {
        match self {
            Self::MoveUp(i) if i > 0 && i < list.len() => list.swap(i, i - 1),
            Self::MoveDown(i) if i + 1 < list.len() => list.swap(i, i + 1),
            Self::Remove(id) => return Some(id),
            _ => {}
        }
        None
    }
}

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

/// A card for item `index` of `len` in a list (`pos` = (index, len)): a header with its kind, title and
/// move/delete buttons, and its fields below (collapsible, open for new items).
pub fn item_card(
    ui: &mut Ui,
    id: Id,
    kind: &str,
    title: String,
    (index, len): (usize, usize),
    action: &mut Option<ListAction>,
    body: impl FnOnce(&mut Ui),
) {
    let title = super::pickers::display(&title).to_owned();
    egui::Frame::group(ui.style())
        .inner_margin(10.0)
        .corner_radius(8.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let state_id = ui.make_persistent_id(("card", id.0));
            let state = egui::collapsing_header::CollapsingState::load_with_default_open(
                ui.ctx(),
                state_id,
                title == t("item.untitled"),
            );
            state
                .show_header(ui, |ui| {
                    // the buttons first, from the right, so a long title is cut before them
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if small(ui, "🗑", "item.remove").clicked() {
                            *action = Some(ListAction::Remove(id));
                        }
                        // always both arrows (greyed when they cannot move), so the buttons of
                        // every card line up
                        if ui
                            .add_enabled(index + 1 < len, egui::Button::new("⬇").small())
                            .on_hover_text(t("item.down"))
                            .clicked()
                        {
                            *action = Some(ListAction::MoveDown(index));
                        }
                        if ui
                            .add_enabled(index > 0, egui::Button::new("⬆").small())
                            .on_hover_text(t("item.up"))
                            .clicked()
                        {
                            *action = Some(ListAction::MoveUp(index));
                        }
                        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                            ui.label(RichText::new(kind).weak());
                            ui.add(
                                egui::Label::new(
                                    RichText::new(&title).strong().size(theme::size::ITEM),
                                )
                                .truncate(),
                            );
                        });
                    });
                })
                .body(|ui| body(ui));
        });
    ui.add_space(6.0);
}

fn small(ui: &mut Ui, icon: &str, key: &str) -> Response {
    ui.small_button(icon).on_hover_text(t(key))
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
                egui::Button::new(format!("« {}", t("pager.previous"))),
            )
            .clicked()
        {
            page -= 1;
        }
        let from = page * per_page;
        let to = (from + per_page).min(total);
        ui.label(crate::i18n::tf(
            "pager.range",
            &[
                ("from", &(from + 1).to_string()),
                ("to", &to.to_string()),
                ("total", &total.to_string()),
            ],
        ));
        if ui
            .add_enabled(
                page + 1 < pages,
                egui::Button::new(format!("{} »", t("pager.next"))),
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
