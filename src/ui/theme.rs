//! Legible on a projector: larger type than egui's default, light theme unless dark is chosen.
//! The one palette and the one set of type sizes: screens name a size or a colour from here,
//! never a number of their own.

use egui::{FontFamily, FontId, TextStyle};

/// Type sizes in points (before zoom), largest first. Body text is [`size::BODY`].
pub mod size {
    /// The program's name on the start screen.
    pub const BRAND: f32 = 44.0;
    /// A screen's title ("Regio en partners", "Dashboard").
    pub const PAGE_TITLE: f32 = 28.0;
    /// A block's title on a page (an outcome on the dashboard; the file being opened).
    pub const BLOCK_TITLE: f32 = 22.0;
    /// The region's name above the steps.
    pub const REGION_NAME: f32 = 21.0;
    /// A key figure (the dashboard's counts).
    pub const KEY_FIGURE: f32 = 20.0;
    /// A main choice (the start screen's buttons) and an indicator's name on its card.
    pub const LARGE: f32 = 19.0;
    /// An indicator's latest value on the dashboard.
    pub const VALUE: f32 = 18.0;
    /// An item's title on its card, a section heading, a step in the stepper.
    pub const ITEM: f32 = 17.0;
    /// Running text (also [`egui::TextStyle::Body`]).
    pub const BODY: f32 = 16.0;
}

/// The palette: what a colour means, wherever it is used.
pub mod colour {
    use egui::Color32;

    /// Done, complete, on track.
    pub const DONE: Color32 = Color32::from_rgb(30, 130, 60);
    /// Still open, needs attention (also warnings in forms).
    pub const OPEN: Color32 = Color32::from_rgb(190, 110, 0);
    /// An indicator on track.
    pub const ON_TRACK: Color32 = DONE;
    /// An indicator behind its path.
    pub const BEHIND: Color32 = Color32::from_rgb(200, 70, 20);
    /// An indicator that reached its target.
    pub const REACHED: Color32 = Color32::from_rgb(25, 95, 175);
    /// No data, no status.
    pub const NO_DATA: Color32 = Color32::from_rgb(120, 120, 120);
    /// A series of measurements in a chart.
    pub const SERIES: Color32 = REACHED;
}

pub fn apply(ctx: &egui::Context, dark: bool) {
    ctx.set_theme(if dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(24.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Body,
                FontId::new(size::BODY, FontFamily::Proportional),
            ),
            (
                TextStyle::Button,
                FontId::new(16.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(15.0, FontFamily::Monospace),
            ),
            (
                TextStyle::Small,
                FontId::new(13.0, FontFamily::Proportional),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
        style.spacing.interact_size.y = 26.0;
    });
}
