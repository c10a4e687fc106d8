//! Readable on a projector: the theme the app installs, light and dark (and workshop mode's
//! projector style on top of each), meets WCAG 2.1 AA. Text 4.5:1 against what it is drawn
//! on; field borders, check marks, focus rings and chart lines 3:1 (success criteria 1.4.3 and
//! 1.4.11). The colours are read from the egui `Style` that `theme::apply` installs and from
//! the app's own named colours (`theme::colour`), which every screen uses.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui::{Color32, Theme, Visuals};
use kompas::ui::theme::{self, colour};

/// `fg` painted over the opaque `bg` (egui's colours are premultiplied; an additive colour has
/// alpha 0).
fn over(fg: Color32, bg: Color32) -> Color32 {
    let k = 1.0 - f32::from(fg.a()) / 255.0;
    let mix = |f: u8, b: u8| (f32::from(f) + f32::from(b) * k).round().min(255.0) as u8;
    Color32::from_rgb(
        mix(fg.r(), bg.r()),
        mix(fg.g(), bg.g()),
        mix(fg.b(), bg.b()),
    )
}

/// WCAG's relative luminance of an sRGB colour.
fn luminance(c: Color32) -> f64 {
    let lin = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.04045 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
}

/// WCAG's contrast ratio of `fg` drawn on `bg`, 1 to 21.
fn ratio(fg: Color32, bg: Color32) -> f64 {
    let bg = over(bg, Color32::BLACK); // an opaque background
    let (a, b) = (luminance(over(fg, bg)), luminance(bg));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

struct Check {
    theme: String,
    failures: Vec<String>,
    count: usize,
}

impl Check {
    fn need(&mut self, what: &str, fg: Color32, on: &str, bg: Color32, min: f64) {
        self.count += 1;
        let r = ratio(fg, bg);
        if r + 1e-9 < min {
            self.failures.push(format!(
                "{}: {what} {fg:?} on {on} {bg:?} is {r:.2}:1, needs {min}:1",
                self.theme
            ));
        }
    }
}

const TEXT: f64 = 4.5;
const PART: f64 = 3.0;

/// The backgrounds text is set on: the page, a dialog, a striped row, a field or chart.
fn grounds(v: &Visuals) -> Vec<(&'static str, Color32)> {
    vec![
        ("the page", v.panel_fill),
        ("a dialog", v.window_fill),
        ("a striped row", over(v.faint_bg_color, v.panel_fill)),
        ("a field or chart", v.text_edit_bg_color()),
    ]
}

fn check_visuals(c: &mut Check, v: &Visuals) {
    let grounds = grounds(v);
    let page = [("the page", v.panel_fill), ("a dialog", v.window_fill)];
    for (on, bg) in &grounds {
        c.need("text", v.text_color(), on, *bg, TEXT);
        c.need("weak text", v.weak_text_color(), on, *bg, TEXT);
        c.need("strong text", v.strong_text_color(), on, *bg, TEXT);
        c.need("a warning", v.warn_fg_color, on, *bg, TEXT);
        c.need("an error", v.error_fg_color, on, *bg, TEXT);
    }
    for (on, bg) in page {
        c.need("a link", v.hyperlink_color, on, bg, TEXT);
    }
    let w = &v.widgets;
    let states = [
        ("noninteractive", &w.noninteractive),
        ("inactive", &w.inactive),
        ("hovered", &w.hovered),
        ("active", &w.active),
        ("open", &w.open),
    ];
    for (state, wv) in states {
        let text = v.override_text_color.unwrap_or(wv.fg_stroke.color);
        // a button's text on the button; a check box's or frameless button's on the page
        c.need(
            &format!("{state} widget text"),
            text,
            &format!("its {state} fill"),
            wv.weak_bg_fill,
            TEXT,
        );
        for (on, bg) in page {
            c.need(&format!("{state} widget text"), text, on, bg, TEXT);
        }
        if state == "noninteractive" {
            continue; // separators and indentation lines: decoration
        }
        // the check mark in its box
        c.need(
            &format!("{state} check mark"),
            wv.fg_stroke.color,
            &format!("its {state} box"),
            wv.bg_fill,
            PART,
        );
        // a field's, check box's or button's border against the page it is on
        for (on, bg) in page {
            c.need(&format!("{state} border"), wv.bg_stroke.color, on, bg, PART);
        }
    }
    // a field's text, and the field's own text colour (egui draws it with `inactive`)
    let field_text = v.override_text_color.unwrap_or(w.inactive.fg_stroke.color);
    c.need(
        "typed text",
        field_text,
        "a field",
        v.text_edit_bg_color(),
        TEXT,
    );
    c.need(
        "the text cursor",
        v.text_cursor.stroke.color,
        "a field",
        v.text_edit_bg_color(),
        PART,
    );
    // the selected item (a chosen tab, a selected line) and a focused field's outline
    c.need(
        "selected text",
        v.selection.stroke.color,
        "the selection",
        v.selection.bg_fill,
        TEXT,
    );
    for (on, bg) in page {
        c.need("the focus outline", v.selection.stroke.color, on, bg, PART);
    }
    c.need(
        "a dialog's edge",
        v.window_stroke.color,
        "the page",
        v.panel_fill,
        PART,
    );
}

fn check_palette(c: &mut Check, v: &Visuals, p: &colour::Palette) {
    let texts = [
        ("done", p.done),
        ("open", p.open),
        ("behind", p.behind),
        ("reached", p.reached),
        ("no data", p.no_data),
        ("series", p.series),
        ("invalid", p.invalid),
        ("time up", p.time_up),
    ];
    for (name, fg) in texts {
        for (on, bg) in grounds(v) {
            c.need(&format!("colour::{name} as text"), fg, on, bg, TEXT);
        }
    }
    for (name, fill) in [
        ("done", p.done),
        ("behind", p.behind),
        ("reached", p.reached),
        ("no data", p.no_data),
    ] {
        c.need(
            "a status pill's text",
            p.on_status,
            &format!("the {name} pill"),
            fill,
            TEXT,
        );
    }
    for (name, fg) in [
        ("path", p.path),
        ("baseline", p.baseline),
        ("forecast", p.forecast),
        ("youth care bar", p.youth_care),
        ("grey zone bar", p.grey_zone),
    ] {
        for (on, bg) in grounds(v) {
            c.need(&format!("a chart's {name}"), fg, on, bg, PART);
        }
    }
    // the results chain's column headings are text in these colours
    for (name, fg) in [
        ("intervention", p.intervention),
        ("outcome", p.outcome),
        ("ambition", p.ambition),
    ] {
        for (on, bg) in grounds(v) {
            c.need(&format!("the chain's {name} heading"), fg, on, bg, TEXT);
        }
    }
}

/// The visuals `theme::apply` installs for `dark`.
fn installed(dark: bool) -> Visuals {
    let ctx = egui::Context::default();
    theme::apply(&ctx, dark);
    assert_eq!(colour::is_dark(), dark, "the palette follows the theme");
    let theme = if dark { Theme::Dark } else { Theme::Light };
    assert_eq!(ctx.theme(), theme);
    ctx.style_of(theme).visuals.clone()
}

#[test]
fn every_colour_of_both_themes_meets_wcag_aa() {
    let mut failures = vec![];
    let mut count = 0;
    for dark in [false, true] {
        let visuals = installed(dark);
        let palette = *colour::palette();
        let mut projector = visuals.clone();
        theme::projector_visuals(&mut projector, dark);
        let name = if dark { "dark" } else { "light" };
        for (theme, v) in [
            (name.to_owned(), &visuals),
            (format!("{name}, workshop mode"), &projector),
        ] {
            let mut c = Check {
                theme,
                failures: vec![],
                count: 0,
            };
            check_visuals(&mut c, v);
            check_palette(&mut c, v, &palette);
            failures.extend(c.failures);
            count += c.count;
        }
    }
    assert!(count > 300, "the colours were checked ({count})");
    assert!(
        failures.is_empty(),
        "{} colours below WCAG AA:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_contrast_is_computed_as_wcag_says() {
    assert!((ratio(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
    assert!((ratio(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 1e-9);
    // #767676 on white is the well-known 4.54:1
    let r = ratio(Color32::from_gray(0x76), Color32::WHITE);
    assert!((r - 4.54).abs() < 0.01, "{r}");
    // half-transparent black over white is mid grey, not black
    let half = Color32::from_black_alpha(128);
    assert!(ratio(half, Color32::WHITE) < 5.0);
    // egui's own light theme fails: weak text, links and warnings are too light
    let mut c = Check {
        theme: "egui light".into(),
        failures: vec![],
        count: 0,
    };
    check_visuals(&mut c, &Visuals::light());
    assert!(c.failures.iter().any(|f| f.contains("weak text")));
    assert!(c.failures.iter().any(|f| f.contains("a warning")));
    assert!(c.failures.iter().any(|f| f.contains("inactive border")));
}
