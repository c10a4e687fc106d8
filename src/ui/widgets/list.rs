//! The one list editor. Every editable list of the document (partners, tables, figures,
//! signals, ambitions, outcomes, indicators, interventions, meetings, intervision sessions,
//! and the short texts: strengths, problems, principles, lessons, agenda items, …) is drawn
//! here: [`CardList`] (or [`card_list`]) for items with fields, [`text_list`] for a line of
//! text each. Both draw the items with the same ⬆ ⬇ 🗑 buttons (always both arrows, greyed
//! when the item cannot move, so the buttons of every item line up), the empty state when
//! there are none, apply what was clicked through [`EditCtx`] (a move at once; a removal after
//! the step is drawn, with the links to it, an "undo" in the status bar, and a double-click
//! taken as one), and end with the add button, which pushes `T::new(ed.new_id())`.

use super::{add_button, empty_state, privacy_warning};
use crate::i18n::key;
use crate::i18n::t;
use crate::model::*;
use crate::ui::steps::EditCtx;
use crate::ui::theme;
use egui::{RichText, TextEdit, Ui};

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

/// An item of an editable list: its id, and a new empty one (the model's `T::new`).
pub trait ListItem: Sized {
    fn id(&self) -> Id;
    fn new(id: Id) -> Self;
}

/// An item drawn as a card: the title in its header (an empty title shows as untitled, and
/// an untitled card starts open).
pub trait CardItem: ListItem {
    fn title(&self) -> String;
}

macro_rules! list_items {
    ($($t:ty),* $(,)?) => {
        $(impl ListItem for $t {
            fn id(&self) -> Id {
                self.id
            }
            fn new(id: Id) -> Self {
                <$t>::new(id)
            }
        })*
    };
}

list_items!(
    TextItem,
    DataPoint,
    Signal,
    Ambition,
    Outcome,
    Indicator,
    Intervention,
    Partner,
    Table,
    Meeting,
    IntervisionSession,
);

/// The texts of a list: what one item is called (a card's kind, or the label before a
/// row's number), the add button (without its ➕) and the empty state.
#[derive(Clone, Copy, Debug)]
pub struct ListTexts<'a> {
    pub kind: &'a str,
    pub add: &'a str,
    pub empty: &'a str,
}

/// A card's kind from its item.
type KindOf<'a, T> = Box<dyn Fn(&T) -> String + 'a>;
/// What a new item gets besides `T::new`.
type OnAdd<'a, T> = Box<dyn FnOnce(&mut T) + 'a>;

/// A list of cards with options; [`card_list`] without any.
pub struct CardList<'a, T> {
    texts: ListTexts<'a>,
    kind_of: Option<KindOf<'a, T>>,
    on_add: Option<OnAdd<'a, T>>,
}

impl<'a, T: CardItem> CardList<'a, T> {
    pub fn new(texts: ListTexts<'a>) -> Self {
        Self {
            texts,
            kind_of: None,
            on_add: None,
        }
    }

    /// Each card's kind from its item (a status, a domain, who gave it) instead of
    /// `texts.kind`.
    pub fn kind_of(mut self, kind_of: impl Fn(&T) -> String + 'a) -> Self {
        self.kind_of = Some(Box::new(kind_of));
        self
    }

    /// What a new item gets besides `T::new` (a meeting: today's date).
    pub fn on_add(mut self, on_add: impl FnOnce(&mut T) + 'a) -> Self {
        self.on_add = Some(Box::new(on_add));
        self
    }

    /// Draws the cards of `list`, each with `body` (its fields) below the header.
    pub fn show(
        self,
        ui: &mut Ui,
        ed: &mut EditCtx,
        list: &mut Vec<T>,
        mut body: impl FnMut(&mut Ui, &mut T, &mut EditCtx),
    ) {
        let mut action = None;
        let len = list.len();
        for (i, item) in list.iter_mut().enumerate() {
            let kind = self.kind_of.as_ref().map(|f| f(item));
            let kind = kind.as_deref().unwrap_or(self.texts.kind);
            let head = (item.id(), kind, item.title());
            card(ui, head, (i, len), &mut action, |ui| body(ui, item, ed));
        }
        end(ui, ed, list, action, self.texts, self.on_add);
    }
}

/// A list of cards: see [`CardList`].
pub fn card_list<T: CardItem>(
    ui: &mut Ui,
    ed: &mut EditCtx,
    list: &mut Vec<T>,
    texts: ListTexts<'_>,
    body: impl FnMut(&mut Ui, &mut T, &mut EditCtx),
) {
    CardList::new(texts).show(ui, ed, list, body);
}

/// A list of short texts (strengths, problems, principles, lessons): one line each,
/// labelled "`texts.kind` 1", "… 2", with the privacy warning under a line that needs it.
pub fn text_list(ui: &mut Ui, ed: &mut EditCtx, list: &mut Vec<TextItem>, texts: ListTexts<'_>) {
    let mut action = None;
    let len = list.len();
    for (i, item) in list.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            let l = ui.label(RichText::new(format!("{} {}", texts.kind, i + 1)).weak());
            ui.add(
                TextEdit::multiline(&mut item.text)
                    .desired_rows(1)
                    // room for the three buttons (a row wider than the page would widen
                    // every row after it)
                    .desired_width(
                        ui.available_width() - 3.0 * 32.0 - 4.0 * ui.spacing().item_spacing.x,
                    ),
            )
            .labelled_by(l.id);
            move_remove(ui, item.id, (i, len), &mut action);
        });
        privacy_warning(ui, &item.text);
    }
    end(ui, ed, list, action, texts, None);
}

/// After the items: the empty state, the action applied, the add button.
fn end<T: ListItem>(
    ui: &mut Ui,
    ed: &mut EditCtx,
    list: &mut Vec<T>,
    action: Option<ListAction>,
    texts: ListTexts<'_>,
    on_add: Option<OnAdd<'_, T>>,
) {
    if list.is_empty() {
        empty_state(ui, texts.empty);
    }
    ed.apply(action, list);
    if add_button(ui, texts.add) {
        let mut item = T::new(ed.new_id());
        if let Some(on_add) = on_add {
            on_add(&mut item);
        }
        list.push(item);
    }
}

/// ⬆ ⬇ 🗑 for item `index` of `len`: always both arrows, greyed when the item cannot move
/// that way, so the buttons of every item line up. In a right-to-left layout (a card's
/// header) they are laid out from the right, so they read the same.
fn move_remove(ui: &mut Ui, id: Id, (index, len): (usize, usize), action: &mut Option<ListAction>) {
    let (up, down) = (index > 0, index + 1 < len);
    let mut buttons = [
        ("⬆", up, key!("item.up"), ListAction::MoveUp(index)),
        ("⬇", down, key!("item.down"), ListAction::MoveDown(index)),
        ("🗑", true, key!("item.remove"), ListAction::Remove(id)),
    ];
    if ui.layout().prefer_right_to_left() {
        buttons.reverse();
    }
    for (icon, enabled, hover, asked) in buttons {
        if ui
            .add_enabled(enabled, egui::Button::new(icon).small())
            .on_hover_text(t!(hover))
            .clicked()
        {
            *action = Some(asked);
        }
    }
}

/// A card for item `index` of `len`: a header with its kind, title and the buttons, and its
/// fields below (collapsible, open while it is untitled, as a new item is).
fn card(
    ui: &mut Ui,
    (id, kind, title): (Id, &str, String),
    pos: (usize, usize),
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
            let mut state = egui::collapsing_header::CollapsingState::load_with_default_open(
                ui.ctx(),
                state_id,
                title == t!("item.untitled"),
            );
            // opened from elsewhere (the results chain): open, and brought into view
            if take_reveal(ui, id) {
                state.set_open(true);
                ui.scroll_to_cursor(Some(egui::Align::TOP));
            }
            state
                .show_header(ui, |ui| {
                    // the buttons first, from the right; a long title wraps before them
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        move_remove(ui, id, pos, action);
                        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                            ui.label(RichText::new(kind).weak());
                            ui.add(
                                egui::Label::new(
                                    RichText::new(&title).strong().size(theme::size::ITEM),
                                )
                                .wrap(),
                            );
                        });
                    });
                })
                .body(|ui| body(ui));
        });
    ui.add_space(6.0);
}

/// The key under which an item to bring into view waits for its card.
fn reveal_key() -> egui::Id {
    egui::Id::NULL.with("kompas-reveal")
}

/// Asks the card of item `id` to open and scroll into view the next time it is drawn (for
/// a screen that opens an item in its step's editor).
pub fn reveal(ctx: &egui::Context, id: Id) {
    // a few frames: the first frame of a newly shown step scrolls to its top
    ctx.data_mut(|d| d.insert_temp(reveal_key(), (id, 3u8)));
}

/// Whether the card of `id` is asked to reveal itself (for a few frames after [`reveal`]).
fn take_reveal(ui: &Ui, id: Id) -> bool {
    let asked: Option<(Id, u8)> = ui.data(|d| d.get_temp(reveal_key()));
    match asked {
        Some((want, left)) if want == id => {
            ui.data_mut(|d| {
                if left > 1 {
                    d.insert_temp(reveal_key(), (want, left - 1));
                } else {
                    d.remove::<(Id, u8)>(reveal_key());
                }
            });
            true
        }
        _ => false,
    }
}
