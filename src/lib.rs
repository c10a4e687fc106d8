//! Kompas: steer a region's Kwaliteitskompas cycles (education and youth care).
//!
//! The library holds everything; `main.rs` only parses arguments. Tests and the command line
//! use the same model, storage and app as the window.
//!
//! The layers import in one direction (a test holds them to it, see `tests/layers.rs`):
//! `model` (the document) ← `i18n` (texts, numbers, dates) ← `storage`, `import`, `export`,
//! `privacy`, `recovery` (files in and out) ← `state` (the window's runtime state, no drawing)
//! ← `ui` (drawing) ← `app` (the eframe shell that owns the state and applies what the UI
//! sent).

pub mod app;
pub mod cli;
pub mod export;
pub mod i18n;
pub mod import;
pub mod logging;
pub mod model;
pub mod overview;
pub mod paths;
pub mod privacy;
pub mod recovery;
pub mod report;
pub mod samples;
pub mod state;
pub mod storage;
pub mod stress;
pub mod ui;

pub use app::KompasApp;

/// The application id: the name of the Linux desktop file (`packaging/linux/kompas.desktop`),
/// which is how Wayland compositors and X11 docks find the icon and group the windows.
pub const APP_ID: &str = "kompas";

/// The application icon at 256 px, rendered from `assets/icon/kompas.svg` by
/// `scripts/render-icon.sh`: the window's and the taskbar's (the packages install the other
/// sizes, and `kompas.exe` carries them all, see `build.rs`).
pub const ICON_PNG: &[u8] = include_bytes!("../assets/icon/kompas-256.png");

/// [`ICON_PNG`] decoded for the viewport (`None` only if the embedded file were broken; then
/// eframe's own icon shows).
pub fn icon() -> Option<egui::IconData> {
    eframe::icon_data::from_png_bytes(ICON_PNG).ok()
}

/// Starts the window, on `file` if given.
pub fn run_window(file: Option<std::path::PathBuf>) -> eframe::Result {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Kompas")
        .with_app_id(APP_ID)
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([800.0, 560.0])
        .with_drag_and_drop(true);
    if let Some(icon) = icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    eframe::run_native(
        "Kompas",
        options,
        Box::new(move |cc| Ok(Box::new(KompasApp::new(cc, file)))),
    )
}
