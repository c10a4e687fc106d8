//! The results chain (veranderingstheorie) on screen: interventions → outcomes (with their
//! indicators' status and trend) → ambitions, arrows along the links, loose ends marked.
//! Select a box and what it leads to and what leads to it stand out; double-click or Enter
//! opens it in its step's editor; drag from a box to one in the next column to link them; an
//! arrow's menu removes the link. Drawn in the window and on the workshop page from one
//! [`ChainScreen`], whose state (zoom, pan, selection, cache) it owns.

use crate::i18n::{t, tf};
use crate::model::chain::{Chain, Kind, Metrics, Placement, link};
use crate::model::*;
use crate::state::chain::ChainCache;
use crate::state::{ChainScreen, Outbox};
use crate::ui::steps::{EditCtx, Stamp};
use crate::ui::theme;
use crate::ui::theme::colour;
mod boxes;
mod draw;

use boxes::{box_lines, measure};
pub use boxes::{kind_name, loose_text};
use egui::{Rect, RichText, Sense, Ui, Vec2, vec2};

/// The smallest and largest zoom.
pub(super) const ZOOM: (f32, f32) = (0.1, 3.0);
/// Inner margin of a box, in layout points.
pub(super) const PAD: f32 = 8.0;
/// Room above the layout for the column headings, in layout points.
pub(super) const HEAD: f32 = 30.0;

/// Where the chain is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A screen of the editor.
    Screen,
    /// A workshop page: larger type.
    Workshop,
}

impl Mode {
    /// How much larger the text is than on the screen.
    fn scale(self) -> f32 {
        match self {
            Mode::Screen => 1.0,
            Mode::Workshop => 1.3,
        }
    }
}

impl ChainScreen {
    /// Draws the chain of cycle `stamp.cycle` of the document numbered `serial` (see
    /// `OpenDoc::serial`), with its toolbar, in the space left in `ui`.
    pub fn ui(
        &mut self,
        ui: &mut Ui,
        project: &mut Project,
        (stamp, serial): (Stamp<'_>, u64),
        pending: &mut Outbox,
        mode: Mode,
    ) {
        let cycle = stamp.cycle;
        if project.cycles.get(cycle).is_none() {
            crate::ui::widgets::empty_state(ui, t!("cycle.none"));
            return;
        }
        self.refresh(ui, project, (stamp, serial), mode);
        let mut ed = EditCtx::new(project);
        self.toolbar(ui, project, cycle, &mut ed, mode);
        let (rect, background) = ui.allocate_exact_size(
            ui.available_size().max(vec2(100.0, 100.0)),
            Sense::click_and_drag(),
        );
        if self.zoom <= 0.0 || self.fit {
            self.fit_to(rect);
        }
        self.pan_and_zoom(ui, rect, &background);
        self.draw(ui, rect, &background, project, cycle, pending, mode);
        ed.finish(ui, project, pending);
    }

    /// Computes the chain, its layout and the statuses again when the document changed.
    fn refresh(
        &mut self,
        ui: &Ui,
        project: &Project,
        (stamp, serial): (Stamp<'_>, u64),
        mode: Mode,
    ) {
        let today = chrono::Local::now().date_naive();
        let key = (
            serial,
            stamp.cycle,
            stamp.revision,
            today,
            mode.scale().to_bits(),
        );
        if self.cache.as_ref().is_some_and(|c| c.key == key) {
            return;
        }
        let Some(c) = project.cycles.get(stamp.cycle) else {
            return;
        };
        let statuses = crate::ui::steps::cycle_statuses(ui, project, stamp, today);
        let inputs = statuses.key();
        // statuses and series are kept while what they rest on stays (typing a title)
        let kept = self
            .cache
            .as_ref()
            .filter(|c| c.inputs == inputs && c.key.0 == serial)
            .map(|c| (c.statuses.clone(), c.series.clone()));
        let (by_id, series) = kept.unwrap_or_else(|| {
            let indexes = crate::ui::steps::cycle_indexes(ui, project, stamp.generations);
            let refs: Vec<&CycleIndex> = indexes.iter().map(|(_, i)| &**i).collect();
            let ids: Vec<Id> = statuses.all.iter().map(|(id, _)| *id).collect();
            let index = SeriesIndex::from_cycle_indexes(project, &ids, &refs);
            let series: IdMap<Vec<SeriesPoint>> =
                ids.iter().map(|id| (*id, index.series(*id))).collect();
            (
                std::sync::Arc::new(statuses.by_id.clone()),
                std::sync::Arc::new(series),
            )
        });
        let chain = Chain::of(c);
        let mut cache = ChainCache {
            key,
            chain,
            place: Placement::default(),
            inputs,
            statuses: by_id,
            series,
        };
        let heights: Vec<f32> = (0..cache.chain.nodes.len())
            .map(|n| {
                let lines = box_lines(project, c, &cache, n, mode, ui.visuals());
                measure(ui, &lines, metrics(mode).width)
            })
            .collect();
        cache.place = cache.chain.place(&heights, metrics(mode));
        // a selection whose item is gone is dropped
        if self.selected.is_some_and(|s| cache.chain.node(s).is_none()) {
            self.selected = None;
        }
        let first = self.cache.is_none();
        self.cache = Some(cache);
        if first {
            self.fit = true;
        }
    }

    /// The zoom and pan that show the whole chain in `rect`.
    fn fit_to(&mut self, rect: Rect) {
        self.fit = false;
        let Some(cache) = &self.cache else {
            return;
        };
        // the column headings sit above the layout, HEAD points high
        let (w, h) = (
            cache.place.width.max(1.0),
            cache.place.height.max(1.0) + HEAD,
        );
        let margin = 16.0;
        let zoom = ((rect.width() - 2.0 * margin) / w)
            .min((rect.height() - 2.0 * margin) / h)
            .clamp(ZOOM.0, 1.25);
        self.zoom = zoom;
        self.pan = [
            ((rect.width() - w * zoom) / 2.0).max(margin),
            margin + HEAD * zoom,
        ];
    }

    /// Zoom with Ctrl+wheel or a pinch (around the pointer) and the + and - keys; pan with the
    /// wheel, by dragging the background, and with the arrow keys while nothing is selected.
    fn pan_and_zoom(&mut self, ui: &Ui, rect: Rect, background: &egui::Response) {
        let hovered = ui.rect_contains_pointer(rect);
        let (zoom_delta, scroll, pointer) =
            ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta, i.pointer.hover_pos()));
        if hovered {
            if zoom_delta != 1.0 {
                // damped: a notch of Ctrl+wheel is a step, not a leap
                let factor = zoom_delta.powf(0.5).clamp(0.85, 1.18);
                self.zoom_around(pointer.unwrap_or(rect.center()) - rect.min, factor);
            } else if scroll != Vec2::ZERO {
                self.pan[0] += scroll.x;
                self.pan[1] += scroll.y;
            }
        }
        if background.dragged() && self.dragging.is_none() {
            let d = background.drag_delta();
            self.pan[0] += d.x;
            self.pan[1] += d.y;
        }
        if !ui.ctx().text_edit_focused() && (hovered || self.selected.is_some()) {
            let (plus, minus, zero) = ui.input(|i| {
                (
                    i.key_pressed(egui::Key::Plus) || i.key_pressed(egui::Key::Equals),
                    i.key_pressed(egui::Key::Minus),
                    i.key_pressed(egui::Key::Num0),
                )
            });
            let centre = rect.size() / 2.0;
            if plus && !ui.input(|i| i.modifiers.command) {
                self.zoom_around(centre, 1.25);
            }
            if minus && !ui.input(|i| i.modifiers.command) {
                self.zoom_around(centre, 0.8);
            }
            if zero && !ui.input(|i| i.modifiers.command) {
                self.fit = true;
            }
        }
    }

    fn zoom_around(&mut self, at: Vec2, factor: f32) {
        let old = self.zoom.max(ZOOM.0);
        let new = (old * factor).clamp(ZOOM.0, ZOOM.1);
        // the layout point under `at` stays under it
        self.pan[0] = at.x - (at.x - self.pan[0]) * new / old;
        self.pan[1] = at.y - (at.y - self.pan[1]) * new / old;
        self.zoom = new;
    }

    fn toolbar(
        &mut self,
        ui: &mut Ui,
        project: &mut Project,
        cycle: usize,
        ed: &mut EditCtx,
        mode: Mode,
    ) {
        let title_size = match mode {
            Mode::Screen => theme::size::PAGE_TITLE,
            Mode::Workshop => theme::size::PAGE_TITLE * 1.2,
        };
        // the title with the loose ends, and the zoom at the right: one line
        ui.horizontal(|ui| {
            ui.label(RichText::new(t!("view.chain")).size(title_size).strong());
            if let Some(cache) = &self.cache {
                let loose = cache
                    .chain
                    .nodes
                    .iter()
                    .filter(|n| !n.loose.is_empty())
                    .count();
                if loose > 0 {
                    ui.label(
                        RichText::new(format!("⚠ {}", tf!("chain.loose_count", n = loose)))
                            .color(colour::open())
                            .size(theme::size::BODY),
                    );
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("➕").on_hover_text(t!("chain.zoom_in")).clicked() {
                    self.zoom = (self.zoom * 1.25).clamp(ZOOM.0, ZOOM.1);
                }
                ui.label(format!("{:.0} %", self.zoom * 100.0));
                if ui
                    .button("➖")
                    .on_hover_text(t!("chain.zoom_out"))
                    .clicked()
                {
                    self.zoom = (self.zoom * 0.8).clamp(ZOOM.0, ZOOM.1);
                }
                if ui
                    .button(format!("⛶ {}", t!("chain.fit")))
                    .on_hover_text(t!("chain.fit_help"))
                    .clicked()
                {
                    self.fit = true;
                }
                if mode == Mode::Workshop {
                    // on the projector the room sees the diagram; the questions for the group
                    // and how it works are behind the "?"
                    ui.button("?").on_hover_ui(|ui| {
                        for key in crate::ui::guidance::questions(crate::state::View::Chain) {
                            ui.label(RichText::new(format!("? {}", t!(key))).strong());
                        }
                        ui.separator();
                        ui.label(t!("chain.help"));
                    });
                }
            });
        });
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(t!("chain.new"));
            ui.add(
                egui::TextEdit::singleline(&mut self.new_title)
                    .hint_text(t!("chain.new_hint"))
                    .desired_width(160.0),
            )
            .labelled_by(l.id);
            let typed = !self.new_title.trim().is_empty();
            for kind in Kind::ALL {
                let r = ui
                    .add_enabled(typed, egui::Button::new(format!("➕ {}", kind_name(kind))))
                    .on_disabled_hover_text(t!("chain.new_first"));
                if r.clicked() {
                    let id = self.add_box(project, cycle, kind, ed);
                    self.selected = Some(id);
                }
            }
        });
        if mode == Mode::Screen {
            ui.add(egui::Label::new(RichText::new(t!("chain.help")).weak()).wrap());
            legend(ui);
        }
        ui.add_space(4.0);
    }

    /// Adds a box of `kind` with the typed title; linked to the selected box when that is in
    /// the next or the previous column.
    fn add_box(&mut self, project: &mut Project, cycle: usize, kind: Kind, ed: &mut EditCtx) -> Id {
        let id = ed.new_id();
        let title = std::mem::take(&mut self.new_title).trim().to_owned();
        let selected = self.selected;
        let Some(c) = project.cycles.get_mut(cycle) else {
            return id;
        };
        match kind {
            Kind::Intervention => {
                let mut x = Intervention::new(id);
                x.title = title;
                c.interventions.push(x);
            }
            Kind::Outcome => {
                let mut x = Outcome::new(id);
                x.title = title;
                c.outcomes.push(x);
            }
            Kind::Ambition => {
                let mut x = Ambition::new(id);
                x.title = title;
                c.ambitions.push(x);
            }
        }
        if let Some(other) = selected {
            link(c, id, other);
        }
        id
    }
    /// Pans so that `r` (on screen) is inside `rect`.
    fn keep_in_sight(&mut self, rect: Rect, r: Rect) {
        let inner = rect.shrink(12.0);
        if r.top() < inner.top() {
            self.pan[1] += inner.top() - r.top();
        } else if r.bottom() > inner.bottom() {
            self.pan[1] -= (r.bottom() - inner.bottom()).min(r.top() - inner.top());
        }
        if r.left() < inner.left() {
            self.pan[0] += inner.left() - r.left();
        } else if r.right() > inner.right() {
            self.pan[0] -= (r.right() - inner.right()).min(r.left() - inner.left());
        }
    }
}

/// What the colours mean: a pill per status with its word, and the orange border of a loose
/// end (the status words are those of the dashboard).
fn legend(ui: &mut Ui) {
    use crate::i18n::Label;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        for status in Status::ALL {
            egui::Frame::new()
                .fill(crate::ui::widgets::charts::status_color(status))
                .corner_radius(8.0)
                .inner_margin(egui::Margin::symmetric(6, 1))
                .show(ui, |ui| {
                    ui.label(
                        RichText::new(status.label())
                            .size(12.5)
                            .color(colour::on_status()),
                    );
                });
        }
        egui::Frame::new()
            .stroke(egui::Stroke::new(2.0, colour::open()))
            .corner_radius(4.0)
            .inner_margin(egui::Margin::symmetric(6, 1))
            .show(ui, |ui| {
                ui.label(RichText::new(t!("chain.legend_loose")).size(12.5));
            });
    });
}

/// The layout's sizes for a mode: the workshop's boxes grow with its larger type.
pub(super) fn metrics(mode: Mode) -> Metrics {
    let s = mode.scale();
    let m = Metrics::default();
    Metrics {
        width: m.width * s,
        column_gap: m.column_gap * s,
        row_gap: m.row_gap * s,
        min_height: m.min_height * s,
    }
}
