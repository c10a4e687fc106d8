//! Drawing the chain and handling the pointer and keys: arrows, boxes, a link being dragged,
//! an arrow's menu, moving between boxes.

use super::boxes::{accessible_name, arrow_text, box_lines, paint_box};
use super::{Mode, ZOOM};
use crate::i18n::t;
use crate::model::Project;
use crate::model::chain::{Chain, Placement, link, linkable, unlink};
use crate::state::{ChainScreen, Message, Outbox, View};
use egui::{Color32, Pos2, Rect, Sense, Stroke, Ui, pos2, vec2};

impl ChainScreen {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn draw(
        &mut self,
        ui: &mut Ui,
        rect: Rect,
        background: &egui::Response,
        project: &mut Project,
        cycle: usize,
        pending: &mut Outbox,
        mode: Mode,
    ) {
        let Some(cache) = self.cache.take() else {
            return;
        };
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 6.0, ui.visuals().extreme_bg_color);
        let origin = rect.min + vec2(self.pan[0], self.pan[1]);
        let z = self.zoom.max(ZOOM.0);
        let screen = |r: &crate::model::chain::Rect| {
            Rect::from_min_size(origin + vec2(r.x, r.y) * z, vec2(r.w, r.h) * z)
        };
        let chain = &cache.chain;
        let selected = self.selected.and_then(|s| chain.node(s));
        let related = selected.map(|s| chain.related(s));
        let lit = |n: usize| related.as_ref().is_none_or(|r| r[n]);
        let pointer = ui.input(|i| i.pointer.hover_pos());

        // arrows first, under the boxes
        // the arrow under the pointer: the nearest within 6 points (arrows meet at a box)
        let hovered_link = pointer
            .filter(|p| rect.contains(*p) && self.dragging.is_none())
            .and_then(|p| {
                chain
                    .links
                    .iter()
                    .enumerate()
                    .map(|(k, l)| {
                        let (a, b) = (
                            screen(&cache.place.rects[l.from]),
                            screen(&cache.place.rects[l.to]),
                        );
                        (k, curve_distance(&bezier(a, b, z), p))
                    })
                    .filter(|(_, d)| *d < 6.0)
                    .min_by(|x, y| x.1.total_cmp(&y.1))
                    .map(|(k, _)| k)
            });
        for (k, l) in chain.links.iter().enumerate() {
            let (a, b) = (
                screen(&cache.place.rects[l.from]),
                screen(&cache.place.rects[l.to]),
            );
            let curve = bezier(a, b, z);
            let on = lit(l.from) && lit(l.to);
            let strong = related.is_some() && on;
            let mut color = if strong {
                ui.visuals().strong_text_color()
            } else {
                ui.visuals().weak_text_color()
            };
            if !on {
                color = color.gamma_multiply(0.25);
            }
            let near = hovered_link == Some(k);
            if near {
                color = ui.visuals().selection.stroke.color;
            }
            let width = if strong || near { 3.0 } else { 1.5 };
            painter.add(egui::epaint::CubicBezierShape::from_points_stroke(
                curve.points,
                false,
                Color32::TRANSPARENT,
                Stroke::new(width, color),
            ));
            arrow_head(&painter, b.left_center(), color, (6.0 * z).clamp(4.0, 10.0));
        }

        // the boxes: drawn, and each a widget (focus, keys, an accessible name)
        let mut clicked = None;
        let mut opened = None;
        let mut drop_on = None;
        let mut focus_moved = false;
        for col in &chain.columns {
            for &n in col {
                let node = &chain.nodes[n];
                let r = screen(&cache.place.rects[n]);
                let Some(c) = project.cycles.get(cycle) else {
                    continue;
                };
                let id = egui::Id::NULL.with(("chain-box", mode == Mode::Workshop, node.id));
                // boxes out of sight are still widgets (Tab and the screen reader reach them)
                let response = ui.interact(r.intersect(rect), id, Sense::click_and_drag());
                // (made only when asked for: with a screen reader or a test harness)
                response.widget_info(|| {
                    egui::WidgetInfo::selected(
                        egui::accesskit::Role::ListItem,
                        true,
                        self.selected == Some(node.id),
                        accessible_name(c, &cache, n),
                    )
                });
                if response.gained_focus() && self.selected != Some(node.id) {
                    self.selected = Some(node.id);
                    focus_moved = true;
                }
                if response.clicked() {
                    clicked = Some(node.id);
                    // on the screen the keyboard follows the click; in the workshop it stays
                    // with the page (a clicker's Page Down must keep turning pages)
                    if mode == Mode::Screen {
                        response.request_focus();
                    }
                }

                if response.double_clicked() {
                    opened = Some(n);
                }
                if response.drag_started() {
                    self.dragging = Some(node.id);
                }
                if r.intersects(rect) {
                    let lines = box_lines(project, c, &cache, n, mode, ui.visuals());
                    let fade = !lit(n);
                    paint_box(
                        ui,
                        &painter,
                        r,
                        z,
                        node,
                        &lines,
                        &cache,
                        fade,
                        self.selected == Some(node.id),
                        mode,
                    );
                }
                if let (Some(p), Some(_)) = (pointer, self.dragging)
                    && r.contains(p)
                {
                    drop_on = Some(node.id);
                }
            }
        }

        if chain.nodes.is_empty() {
            // a new cycle: say how to start, where the boxes will be
            let galley = painter.layout(
                t!("chain.empty").to_owned(),
                egui::FontId::proportional(17.0 * mode.scale()),
                ui.visuals().weak_text_color(),
                (rect.width() - 80.0).max(100.0),
            );
            let at = rect.center() - galley.size() / 2.0;
            painter.galley(at, galley, ui.visuals().weak_text_color());
        }

        // the column headings, above the layout
        let m = super::metrics(mode);
        for kind in crate::model::chain::Kind::ALL {
            let x = kind.layer() as f32 * (m.width + m.column_gap);
            painter.text(
                origin + vec2(x, -super::HEAD * 0.85) * z,
                egui::Align2::LEFT_TOP,
                super::boxes::column_name(kind),
                egui::FontId::proportional(16.0 * mode.scale() * z),
                super::boxes::accent(kind),
            );
        }

        // a link being drawn: a line from its box to the pointer, the target outlined
        if let Some(from) = self.dragging {
            let released = ui.input(|i| i.pointer.any_released());
            if let (Some(n), Some(p)) = (chain.node(from), pointer) {
                let a = screen(&cache.place.rects[n]);
                let start = if p.x >= a.center().x {
                    a.right_center()
                } else {
                    a.left_center()
                };
                painter.line_segment(
                    [start, p],
                    Stroke::new(2.5, ui.visuals().selection.stroke.color),
                );
                if let Some(target) = drop_on.and_then(|t| chain.node(t))
                    && linkable(chain.nodes[n].kind, chain.nodes[target].kind)
                {
                    painter.rect_stroke(
                        screen(&cache.place.rects[target]).expand(3.0),
                        8.0,
                        Stroke::new(3.0, ui.visuals().selection.stroke.color),
                        egui::StrokeKind::Outside,
                    );
                }
            }
            if released {
                self.dragging = None;
                if let (Some(target), Some(c)) = (drop_on, project.cycles.get_mut(cycle))
                    && target != from
                {
                    link(c, from, target);
                    self.selected = Some(from);
                }
            }
        }

        // an arrow: its expected contribution on hover, a menu on click
        if let Some(k) = hovered_link {
            let l = &chain.links[k];
            let (from, to) = (chain.nodes[l.from].id, chain.nodes[l.to].id);
            let text = arrow_text(project, cycle, from, to, &l.expected);
            background.clone().on_hover_text_at_pointer(text);
            if background.clicked() || background.secondary_clicked() {
                let p = pointer.unwrap_or(rect.center());
                self.arrow_menu = Some((from, to, [p.x, p.y]));
            }
        } else if background.clicked() {
            self.selected = None;
            self.arrow_menu = None;
        }
        if let Some((from, to, at)) = self.arrow_menu {
            let mut close = false;
            let area =
                egui::Area::new(egui::Id::NULL.with(("chain-arrow-menu", mode == Mode::Workshop)))
                    .order(egui::Order::Foreground)
                    .fixed_pos(pos2(at[0], at[1]))
                    .show(ui.ctx(), |ui| {
                        egui::Frame::popup(ui.style()).show(ui, |ui| {
                            ui.set_max_width(320.0);
                            let expected = project
                                .cycles
                                .get(cycle)
                                .and_then(|c| c.intervention(from))
                                .and_then(|i| i.contributions.iter().find(|k| k.outcome == to))
                                .map(|k| k.expected.clone())
                                .unwrap_or_default();
                            ui.add(
                                egui::Label::new(arrow_text(project, cycle, from, to, &expected))
                                    .wrap(),
                            );
                            ui.horizontal(|ui| {
                                if ui.button(format!("🗑 {}", t!("chain.unlink"))).clicked() {
                                    if let Some(c) = project.cycles.get_mut(cycle) {
                                        unlink(c, from, to);
                                    }
                                    close = true;
                                }
                                if ui.button(t!("chain.close_menu")).clicked() {
                                    close = true;
                                }
                            });
                        });
                    });
            if close || area.response.clicked_elsewhere() && !background.clicked() {
                self.arrow_menu = None;
            }
        }

        if let Some(id) = clicked {
            self.selected = Some(id);
        }
        // keys on the selected box: arrows move, Enter opens, Escape lets go
        if let Some(s) = self.selected.and_then(|s| chain.node(s))
            && !focus_moved
            && !ui.ctx().text_edit_focused()
        {
            let key = |k| ui.input(|i| i.key_pressed(k));
            let next = if key(egui::Key::ArrowDown) {
                neighbour_in_column(chain, s, 1)
            } else if key(egui::Key::ArrowUp) {
                neighbour_in_column(chain, s, -1)
            } else if key(egui::Key::ArrowRight) {
                neighbour_across(chain, &cache.place, s, 1)
            } else if key(egui::Key::ArrowLeft) {
                neighbour_across(chain, &cache.place, s, -1)
            } else {
                None
            };
            if let Some(n) = next {
                self.selected = Some(chain.nodes[n].id);
                if mode == Mode::Screen {
                    ui.ctx().memory_mut(|m| {
                        m.request_focus(egui::Id::NULL.with((
                            "chain-box",
                            mode == Mode::Workshop,
                            chain.nodes[n].id,
                        )))
                    });
                }
                self.keep_in_sight(rect, screen(&cache.place.rects[n]));
            }
            if key(egui::Key::Enter) {
                opened = Some(s);
            }
            if key(egui::Key::Escape) && mode == Mode::Screen {
                self.selected = None;
            }
        }
        if let Some(n) = opened {
            let node = &chain.nodes[n];
            crate::ui::widgets::reveal(ui.ctx(), node.id);
            pending.push(Message::Show(View::Step(node.kind.step())));
            if mode == Mode::Workshop {
                pending.push(crate::state::Command::ToggleWorkshop);
            }
        }
        self.cache = Some(cache);
        if self.dragging.is_some() {
            ui.ctx().request_repaint();
        }
    }
}

/// How far `p` lies from the curve (measured to its segments: a flat curve flattens to its
/// two ends only).
fn curve_distance(curve: &egui::epaint::CubicBezierShape, p: Pos2) -> f32 {
    let points: Vec<Pos2> = (0..=24).map(|k| curve.sample(k as f32 / 24.0)).collect();
    points
        .windows(2)
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            let ab = b - a;
            let t = if ab.length_sq() > 0.0 {
                ((p - a).dot(ab) / ab.length_sq()).clamp(0.0, 1.0)
            } else {
                0.0
            };
            (a + ab * t).distance(p)
        })
        .fold(f32::INFINITY, f32::min)
}

/// A curve from the right of box `a` to the left of box `b`.
fn bezier(a: Rect, b: Rect, z: f32) -> egui::epaint::CubicBezierShape {
    let (p0, p3) = (
        a.right_center(),
        b.left_center() - vec2((6.0 * z).clamp(4.0, 10.0), 0.0),
    );
    let dx = ((p3.x - p0.x) * 0.5).max(20.0 * z);
    egui::epaint::CubicBezierShape::from_points_stroke(
        [p0, p0 + vec2(dx, 0.0), p3 - vec2(dx, 0.0), p3],
        false,
        Color32::TRANSPARENT,
        Stroke::NONE,
    )
}

fn arrow_head(painter: &egui::Painter, tip: Pos2, color: Color32, size: f32) {
    painter.add(egui::Shape::convex_polygon(
        vec![
            tip,
            tip - vec2(size, size * 0.6),
            tip - vec2(size, -size * 0.6),
        ],
        color,
        Stroke::NONE,
    ));
}

/// The box above (`dir` -1) or below (+1) `n` in its column.
fn neighbour_in_column(chain: &Chain, n: usize, dir: i32) -> Option<usize> {
    let col = &chain.columns[chain.nodes[n].kind.layer()];
    let i = col.iter().position(|&k| k == n)?;
    let j = i as i32 + dir;
    (j >= 0).then(|| col.get(j as usize).copied()).flatten()
}

/// The box in the next column to the right (`dir` +1) or left (-1): the linked one nearest in
/// height, or else the nearest in height.
fn neighbour_across(chain: &Chain, place: &Placement, n: usize, dir: i32) -> Option<usize> {
    let layer = chain.nodes[n].kind.layer() as i32 + dir;
    if !(0..3).contains(&layer) {
        return None;
    }
    let col = &chain.columns[layer as usize];
    let centre = |k: usize| place.rects[k].y + place.rects[k].h / 2.0;
    let linked: Vec<usize> = col
        .iter()
        .copied()
        .filter(|&k| {
            chain
                .links
                .iter()
                .any(|l| (l.from == n && l.to == k) || (l.to == n && l.from == k))
        })
        .collect();
    let pool = if linked.is_empty() {
        col.clone()
    } else {
        linked
    };
    pool.into_iter().min_by(|&a, &b| {
        (centre(a) - centre(n))
            .abs()
            .total_cmp(&(centre(b) - centre(n)).abs())
    })
}
