//! The chain as a PNG: the standalone SVG drawn by `resvg`, with the window's own fonts
//! (egui's Ubuntu Light, and its emoji fonts for ⚠) loaded from the bytes built into the
//! program. Nothing is read from the system, so the picture is the same on every machine.

use crate::i18n::Lang;
use crate::model::Project;
use resvg::{tiny_skia, usvg};
use std::sync::Arc;

/// Pixels per SVG point: sharp enough to print a page wide.
const SCALE: f32 = 2.0;
/// The most pixels a picture may have (about 256 MB in memory while drawn): a larger chain
/// is drawn smaller.
const MAX_PIXELS: f32 = 64.0e6;
/// The longest side a picture may have.
const MAX_SIDE: f32 = 30_000.0;

/// The chain of cycle `cycle` as the bytes of a PNG file.
pub fn chain_png(p: &Project, cycle: usize, lang: Lang) -> Result<Vec<u8>, String> {
    let svg = super::chain_svg(p, cycle, lang);
    if svg.is_empty() {
        return Err(crate::i18n::t!(lang, "chain.export_empty").to_owned());
    }
    svg_to_png(&svg)
}

/// Draws an SVG (one of ours) as a PNG, on white.
pub fn svg_to_png(svg: &str) -> Result<Vec<u8>, String> {
    let mut opt = usvg::Options {
        font_family: "Ubuntu".to_owned(),
        ..usvg::Options::default()
    };
    let db = opt.fontdb_mut();
    for font in [
        epaint_default_fonts::UBUNTU_LIGHT,
        epaint_default_fonts::NOTO_EMOJI_REGULAR,
        epaint_default_fonts::EMOJI_ICON,
    ] {
        db.load_font_source(usvg::fontdb::Source::Binary(Arc::new(font)));
    }
    db.set_sans_serif_family("Ubuntu");
    let tree = usvg::Tree::from_str(svg, &opt).map_err(|e| e.to_string())?;
    let size = tree.size();
    let (w, h) = (size.width().max(1.0), size.height().max(1.0));
    let scale = SCALE
        .min((MAX_PIXELS / (w * h)).sqrt())
        .min(MAX_SIDE / w.max(h));
    let (pw, ph) = ((w * scale).ceil() as u32, (h * scale).ceil() as u32);
    let mut pixmap =
        tiny_skia::Pixmap::new(pw.max(1), ph.max(1)).ok_or_else(|| format!("{pw}×{ph}"))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| e.to_string())
}
