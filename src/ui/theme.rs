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

/// The palette: what a colour means, wherever it is used. Each colour has a light and a dark
/// version; the one of the theme in use is given (the theme is set once per frame, like the
/// language, by [`apply`]). `tests/contrast.rs` holds both to WCAG 2.1 AA against the
/// backgrounds the app installs: text 4.5:1, lines and marks 3:1.
pub mod colour {
    use egui::Color32;
    use std::cell::Cell;

    thread_local! {
        static DARK: Cell<bool> = const { Cell::new(false) };
    }

    /// The theme of this thread's interface (the UI thread's; each test its own).
    pub fn set_dark(dark: bool) {
        DARK.with(|d| d.set(dark));
    }

    pub fn is_dark() -> bool {
        DARK.with(Cell::get)
    }

    /// Every named colour of one theme.
    #[derive(Clone, Copy, Debug, PartialEq)]
    pub struct Palette {
        /// Done, complete, on track (text and marks).
        pub done: Color32,
        /// Still open, needs attention; warnings in forms and the status bar (text).
        pub open: Color32,
        /// An indicator behind its path; a gap; something late (text and marks).
        pub behind: Color32,
        /// An indicator that reached its target (text, marks, the pill's fill).
        pub reached: Color32,
        /// No data, no status (the pill's fill).
        pub no_data: Color32,
        /// A series of measurements in a chart; a section title in workshop mode (text).
        pub series: Color32,
        /// A value that is not understood, a privacy warning (text).
        pub invalid: Color32,
        /// The timer's digits at zero (text).
        pub time_up: Color32,
        /// The text on a status pill (on `done`, `behind`, `reached`, `no_data`).
        pub on_status: Color32,
        /// A chart's dashed path from baseline to target (a line).
        pub path: Color32,
        /// A chart's baseline mark.
        pub baseline: Color32,
        /// A chart's dashed forecast "als er niets verandert" (a line).
        pub forecast: Color32,
        /// The results chain's kinds of box: their band, border and column heading (text).
        pub intervention: Color32,
        pub outcome: Color32,
        pub ambition: Color32,
        /// The support analysis' chart: pupils with youth care, and the grey zone (both).
        pub youth_care: Color32,
        pub grey_zone: Color32,
    }

    pub const LIGHT: Palette = Palette {
        done: Color32::from_rgb(20, 115, 50),
        open: Color32::from_rgb(160, 80, 0),
        behind: Color32::from_rgb(180, 55, 10),
        reached: Color32::from_rgb(25, 95, 175),
        no_data: Color32::from_rgb(100, 100, 100),
        series: Color32::from_rgb(25, 95, 175),
        invalid: Color32::from_rgb(190, 25, 25),
        time_up: Color32::from_rgb(190, 25, 25),
        on_status: Color32::WHITE,
        path: Color32::from_gray(115),
        baseline: Color32::from_gray(95),
        forecast: Color32::from_rgb(165, 60, 125),
        intervention: Color32::from_rgb(0x6a, 0x3d, 0x9a),
        outcome: Color32::from_rgb(0x1f, 0x5f, 0xa8),
        ambition: Color32::from_rgb(0x0b, 0x6e, 0x4f),
        youth_care: Color32::from_rgb(30, 130, 90),
        grey_zone: Color32::from_gray(85),
    };

    pub const DARK_PALETTE: Palette = Palette {
        done: Color32::from_rgb(95, 200, 115),
        open: Color32::from_rgb(240, 160, 60),
        behind: Color32::from_rgb(255, 125, 85),
        reached: Color32::from_rgb(115, 170, 240),
        no_data: Color32::from_gray(170),
        series: Color32::from_rgb(115, 170, 240),
        invalid: Color32::from_rgb(255, 115, 115),
        time_up: Color32::from_rgb(255, 115, 115),
        on_status: Color32::from_gray(12),
        path: Color32::from_gray(150),
        baseline: Color32::from_gray(175),
        forecast: Color32::from_rgb(235, 150, 200),
        intervention: Color32::from_rgb(195, 165, 235),
        outcome: Color32::from_rgb(125, 175, 240),
        ambition: Color32::from_rgb(105, 205, 165),
        youth_care: Color32::from_rgb(95, 200, 150),
        grey_zone: Color32::from_gray(185),
    };

    /// The palette of this thread's theme.
    pub fn palette() -> &'static Palette {
        if is_dark() { &DARK_PALETTE } else { &LIGHT }
    }

    /// Done, complete, on track.
    pub fn done() -> Color32 {
        palette().done
    }
    /// Still open, needs attention (also warnings in forms).
    pub fn open() -> Color32 {
        palette().open
    }
    /// An indicator on track.
    pub fn on_track() -> Color32 {
        palette().done
    }
    /// An indicator behind its path.
    pub fn behind() -> Color32 {
        palette().behind
    }
    /// An indicator that reached its target.
    pub fn reached() -> Color32 {
        palette().reached
    }
    /// No data, no status.
    pub fn no_data() -> Color32 {
        palette().no_data
    }
    /// A series of measurements in a chart.
    pub fn series() -> Color32 {
        palette().series
    }
    /// A value not understood; a privacy warning.
    pub fn invalid() -> Color32 {
        palette().invalid
    }
    /// The timer at zero.
    pub fn time_up() -> Color32 {
        palette().time_up
    }
    /// Text on a status pill.
    pub fn on_status() -> Color32 {
        palette().on_status
    }
    /// A chart's path from baseline to target.
    pub fn path() -> Color32 {
        palette().path
    }
    /// A chart's baseline mark.
    pub fn baseline() -> Color32 {
        palette().baseline
    }
    /// A chart's forecast "als er niets verandert".
    pub fn forecast() -> Color32 {
        palette().forecast
    }

    /// The support analysis' chart: the bar of pupils with youth care.
    pub fn youth_care() -> Color32 {
        palette().youth_care
    }
    /// The support analysis' chart: the bar of the grey zone (pupils with both).
    pub fn grey_zone() -> Color32 {
        palette().grey_zone
    }

    /// The colour of a kind of box in the results chain.
    pub fn chain_kind(kind: crate::model::chain::Kind) -> Color32 {
        use crate::model::chain::Kind;
        let p = palette();
        match kind {
            Kind::Intervention => p.intervention,
            Kind::Outcome => p.outcome,
            Kind::Ambition => p.ambition,
        }
    }
}

/// egui's light or dark visuals, made legible on a projector: text, fields, check marks and
/// borders at WCAG AA contrast (egui's own leave fields white on near-white without a border,
/// weak text at 3:1 and warnings in light orange).
pub fn visuals(dark: bool) -> egui::Visuals {
    use egui::{Color32, Stroke};
    let mut v = if dark {
        egui::Visuals::dark()
    } else {
        egui::Visuals::light()
    };
    let w = &mut v.widgets;
    if dark {
        v.override_text_color = None;
        w.noninteractive.fg_stroke.color = Color32::from_gray(210);
        v.weak_text_color = Some(Color32::from_gray(165));
        // a field, a check box and a button have a border that can be seen
        w.inactive.bg_stroke = Stroke::new(1.0, Color32::from_gray(135));
        w.inactive.fg_stroke.color = Color32::from_gray(225);
        w.hovered.bg_stroke = Stroke::new(1.0, Color32::from_gray(190));
        w.open.bg_stroke = Stroke::new(1.0, Color32::from_gray(135));
        v.window_stroke = Stroke::new(1.0, Color32::from_gray(120));
        v.hyperlink_color = Color32::from_rgb(120, 180, 255);
        v.warn_fg_color = colour::DARK_PALETTE.open;
        v.error_fg_color = colour::DARK_PALETTE.invalid;
    } else {
        w.noninteractive.fg_stroke.color = Color32::from_gray(40);
        v.weak_text_color = Some(Color32::from_gray(95));
        w.inactive.bg_stroke = Stroke::new(1.0, Color32::from_gray(115));
        w.inactive.fg_stroke.color = Color32::from_gray(30);
        w.hovered.bg_stroke = Stroke::new(1.0, Color32::from_gray(70));
        w.open.bg_stroke = Stroke::new(1.0, Color32::from_gray(115));
        v.window_stroke = Stroke::new(1.0, Color32::from_gray(120));
        v.hyperlink_color = Color32::from_rgb(0, 90, 170);
        v.warn_fg_color = colour::LIGHT.open;
        v.error_fg_color = colour::LIGHT.invalid;
    }
    v
}

/// Workshop mode's visuals: the theme's, on pure black or white, text at full contrast and
/// fields that stand out from the page with a clear border.
pub fn projector_visuals(v: &mut egui::Visuals, dark: bool) {
    use egui::Color32;
    let (bg, fg) = if dark {
        (Color32::BLACK, Color32::WHITE)
    } else {
        (Color32::WHITE, Color32::BLACK)
    };
    v.panel_fill = bg;
    v.window_fill = bg;
    v.extreme_bg_color = if dark {
        Color32::from_gray(35)
    } else {
        Color32::from_gray(240)
    };
    v.widgets.inactive.bg_stroke = egui::Stroke::new(1.5, Color32::from_gray(120));
    v.override_text_color = Some(fg);
}

/// Installs the theme: `dark` or light, the type sizes, and the palette of [`colour`].
pub fn apply(ctx: &egui::Context, dark: bool) {
    colour::set_dark(dark);
    ctx.set_theme(if dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    });
    ctx.set_visuals_of(egui::Theme::Light, visuals(false));
    ctx.set_visuals_of(egui::Theme::Dark, visuals(true));
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
