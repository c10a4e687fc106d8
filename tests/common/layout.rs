//! A layout check on the accessibility tree: what a projector's back row would see as broken.
//! Every widget must lie inside the window and inside its own panel (nothing drawn under a side
//! panel or past the window's edge), a text must not be set a letter per line, be cut off
//! ("In vo…") or broken inside a word, a status must stay on one line, and a text field must be
//! wide enough to type in. [`cut_buttons`] finds a button too narrow for a word of its text.

use egui::accesskit::Role;
use egui::{Rect, pos2};
use egui_kittest::Node;
use egui_kittest::kittest::NodeT;

/// The widgets whose place is checked (containers have no bounds of their own).
fn is_widget(role: Role) -> bool {
    matches!(
        role,
        Role::Label
            | Role::Button
            | Role::TextInput
            | Role::MultilineTextInput
            | Role::CheckBox
            | Role::ComboBox
            | Role::RadioButton
            | Role::Link
            | Role::Slider
            | Role::SpinButton
    )
}

fn rect_of(n: &Node<'_>) -> Option<Rect> {
    let b = n.accesskit_node().bounding_box()?;
    // the harness runs at one pixel per point
    Some(Rect::from_min_max(
        pos2(b.x0 as f32, b.y0 as f32),
        pos2(b.x1 as f32, b.y1 as f32),
    ))
}

fn name(n: &Node<'_>) -> String {
    let a = n.accesskit_node();
    let text = a
        .label()
        .or_else(|| a.value())
        .or_else(|| a.children().find_map(|c| c.value().or_else(|| c.label())))
        .unwrap_or_default();
    format!(
        "{:?} {:?}",
        a.role(),
        text.chars().take(40).collect::<String>()
    )
}

fn widgets<'t>(n: &Node<'t>, out: &mut Vec<Node<'t>>) {
    for c in n.children() {
        if is_widget(c.accesskit_node().role()) && rect_of(&c).is_some() {
            out.push(c);
        }
        widgets(&c, out);
    }
}

/// A panel of the window and its widgets.
struct Pane<'t> {
    widgets: Vec<Node<'t>>,
    kind: Kind,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Top,
    Bottom,
    Left,
    Right,
    Central,
    /// A dialog, menu or popup: it floats over the panels and must stay inside the window.
    Floating,
}

fn bounds(p: &Pane<'_>) -> Option<Rect> {
    p.widgets
        .iter()
        .filter_map(rect_of)
        .reduce(|a, b| a.union(b))
}

/// What is wrong with the layout of the screen shown, one line per widget; `screen` names it.
pub fn problems(root: &Node<'_>, size: egui::Vec2, screen: &str) -> Vec<String> {
    let (w, h) = (size.x, size.y);
    let mut splitters = vec![];
    let mut panes: Vec<Pane<'_>> = vec![];
    let mut floating = vec![];
    collect(root, &mut splitters, &mut panes, &mut floating);
    let n = panes.len();
    for (i, p) in panes.iter_mut().enumerate() {
        // egui draws the central panel last; the others are told apart by where they are
        p.kind = if i + 1 == n {
            Kind::Central
        } else {
            match bounds(p) {
                // a bar at the top (workshop mode's has two rows: paging, and now/next
                // with the countdown)
                Some(b) if b.max.y <= 60.0 || (b.min.y <= 12.0 && b.max.y <= h * 0.2) => Kind::Top,
                // a bar at the bottom (workshop mode's decision form has three rows; a
                // projector's bar of two rows in large type is up to 140 high)
                Some(b) if b.min.y >= h - 140.0 || (b.max.y >= h - 40.0 && b.min.y >= h * 0.6) => {
                    Kind::Bottom
                }
                Some(b) if b.center().x >= w / 2.0 => Kind::Right,
                _ => Kind::Left,
            }
        };
    }
    let vertical: Vec<Rect> = splitters
        .iter()
        .copied()
        .filter(|r| r.height() > r.width())
        .collect();
    // a side panel ends at its splitter, or (not resizable) just before its first widget
    let edge_of = |kind: Kind| -> Option<f32> {
        let split = match kind {
            Kind::Left => vertical
                .iter()
                .filter(|r| r.center().x < w / 2.0)
                .map(|r| r.min.x)
                .reduce(f32::max),
            _ => vertical
                .iter()
                .filter(|r| r.center().x >= w / 2.0)
                .map(|r| r.max.x)
                .reduce(f32::min),
        };
        split.or_else(|| {
            let b = panes
                .iter()
                .filter(|p| p.kind == kind)
                .filter_map(bounds)
                .reduce(|a, b| a.union(b))?;
            Some(if kind == Kind::Left {
                b.max.x + 6.0
            } else {
                b.min.x - 6.0
            })
        })
    };
    let left = edge_of(Kind::Left);
    let right = edge_of(Kind::Right);
    let band = |kind: Kind| {
        panes
            .iter()
            .filter(|p| p.kind == kind)
            .filter_map(bounds)
            .reduce(|a, b| a.union(b))
    };
    let top = band(Kind::Top).map_or(0.0, |b| b.max.y);
    let bottom = band(Kind::Bottom).map_or(h, |b| b.min.y - 4.0);
    panes.push(Pane {
        widgets: floating,
        kind: Kind::Floating,
    });
    let mut out = vec![];
    let tol = 1.0;
    for p in &panes {
        for node in &p.widgets {
            let Some(r) = rect_of(node) else { continue };
            let role = node.accesskit_node().role();
            let what = || format!("{screen}: {} at {r:?}", name(node));
            if r.min.x < -tol || r.max.x > w + tol {
                out.push(format!("{} lies outside the window", what()));
                continue;
            }
            match p.kind {
                Kind::Central => {
                    if let Some(e) = left
                        && r.min.x < e - tol
                    {
                        out.push(format!("{} lies under the left panel (edge {e})", what()));
                    }
                    if let Some(e) = right
                        && r.max.x > e + tol
                    {
                        out.push(format!("{} runs under the right panel (edge {e})", what()));
                    }
                }
                Kind::Left | Kind::Right => {
                    let edge = if p.kind == Kind::Left { left } else { right };
                    if let Some(e) = edge {
                        let past = if p.kind == Kind::Left {
                            r.max.x > e + tol
                        } else {
                            r.min.x < e - tol
                        };
                        if past {
                            out.push(format!("{} runs past its panel's edge {e}", what()));
                        }
                    }
                    // side panels do not scroll: all of them must be above the status bar
                    if r.max.y > bottom + tol || r.min.y < top - tol {
                        out.push(format!(
                            "{} runs under the bars (between {top} and {bottom})",
                            what()
                        ));
                    }
                }
                Kind::Top | Kind::Bottom => {}
                Kind::Floating => {
                    // a dialog's text may scroll inside it; its buttons must be reachable
                    if role == Role::Button && (r.min.y < -tol || r.max.y > h + tol) {
                        out.push(format!("{} is a button above or below the window", what()));
                    }
                }
            }
            if matches!(role, Role::Label) {
                let a = node.accesskit_node();
                let full = a.label().or_else(|| a.value()).unwrap_or_default();
                let shown: Vec<String> = node
                    .children()
                    .filter(|c| c.accesskit_node().role() == Role::TextRun)
                    .filter_map(|c| c.accesskit_node().value())
                    .collect();
                // egui ends a text it cut short with "…"; the label still carries the whole
                if shown.last().is_some_and(|l| l.trim_end().ends_with('…'))
                    && !full.trim_end().ends_with('…')
                {
                    out.push(format!("{} is cut off: {:?}", what(), shown.concat()));
                }
                // a status ("• Geen gegevens", "• Niet opgeslagen") is read at a glance: one line
                if full.starts_with("• ") && full.split_whitespace().count() <= 4 && shown.len() > 1
                {
                    out.push(format!(
                        "{} is a status broken over lines: {shown:?}",
                        what()
                    ));
                }
                let runs: Vec<Rect> = node
                    .children()
                    .filter(|c| c.accesskit_node().role() == Role::TextRun)
                    .filter_map(|c| rect_of(&c))
                    .collect();
                if runs.len() >= 3 && runs.iter().all(|r| r.width() < 16.0) {
                    out.push(format!("{} is set a letter per line", what()));
                }
            }
            // a line that ends inside a word: egui breaks between words when it can, so a
            // word longer than its column is cut in two ("Maatschappelijk / e")
            let lines: Vec<String> = node
                .children()
                .filter(|c| c.accesskit_node().role() == Role::TextRun)
                .filter_map(|c| c.accesskit_node().value())
                .collect();
            for pair in lines.windows(2) {
                let end = pair[0].chars().last();
                let start = pair[1].chars().next();
                if end.is_some_and(char::is_alphanumeric)
                    && start.is_some_and(char::is_alphanumeric)
                {
                    out.push(format!(
                        "{} breaks a word: {:?} / {:?}",
                        what(),
                        pair[0],
                        pair[1]
                    ));
                    break;
                }
            }
            if matches!(role, Role::TextInput | Role::MultilineTextInput) && r.width() < 60.0 {
                out.push(format!("{} is too narrow to type in", what()));
            }
        }
    }
    out
}

fn collect<'t>(
    n: &Node<'t>,
    splitters: &mut Vec<Rect>,
    panes: &mut Vec<Pane<'t>>,
    floating: &mut Vec<Node<'t>>,
) {
    for c in n.children() {
        match c.accesskit_node().role() {
            Role::Splitter => {
                if let Some(r) = rect_of(&c) {
                    splitters.push(r);
                }
            }
            Role::Pane => {
                let mut ws = vec![];
                widgets(&c, &mut ws);
                panes.push(Pane {
                    widgets: ws,
                    kind: Kind::Central,
                });
            }
            role => {
                // outside every panel: a dialog, a menu, a popup
                if is_widget(role) && rect_of(&c).is_some() {
                    floating.push(c);
                }
                collect(&c, splitters, panes, floating);
            }
        }
    }
}

/// Buttons too narrow for their text: a word wider than the button (egui then breaks it, as
/// in "Samenwerking / smodel", or cuts it), or a one-line button narrower than its text (cut).
/// Widths are measured in the fonts of `ctx` at the size of [`egui::TextStyle::Button`], which
/// is the smallest a button uses (workshop mode's are larger), so what it finds is really cut.
pub fn cut_buttons(root: &Node<'_>, ctx: &egui::Context, screen: &str) -> Vec<String> {
    let size = ctx.style_of(ctx.theme()).text_styles[&egui::TextStyle::Button].size;
    let font = egui::FontId::proportional(size);
    let width_of = |text: &str| {
        ctx.fonts_mut(|f| {
            f.layout_no_wrap(text.to_owned(), font.clone(), egui::Color32::PLACEHOLDER)
                .size()
                .x
        })
    };
    let mut all = vec![];
    widgets(root, &mut all);
    let mut out = vec![];
    for node in all {
        let a = node.accesskit_node();
        if a.role() != Role::Button {
            continue;
        }
        // a button named by another widget (`labelled_by`) shows its own text, not its name
        if a.labelled_by().next().is_some() {
            continue;
        }
        let (Some(r), Some(text)) = (rect_of(&node), a.label()) else {
            continue;
        };
        let what = || format!("{screen}: {} at {r:?}", name(&node));
        let tol = 1.0;
        if let Some(word) = text
            .split_whitespace()
            .find(|w| w.chars().count() > 1 && width_of(w) > r.width() + tol)
        {
            out.push(format!("{} is too narrow for the word {word:?}", what()));
        } else if r.height() < 2.0 * size && width_of(&text) > r.width() + tol {
            out.push(format!("{} is one line narrower than its text", what()));
        }
    }
    out
}
