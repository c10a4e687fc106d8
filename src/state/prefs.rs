//! Preferences kept between sessions in eframe's storage: language, zoom, theme, recent files.
//! Never the document itself.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

pub const STORAGE_KEY: &str = "kompas.prefs";
const MAX_RECENT: usize = 8;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub lang: Lang,
    pub zoom: f32,
    pub dark: bool,
    pub show_guidance: bool,
    pub recent: Vec<RecentFile>,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            lang: Lang::Nl,
            zoom: 1.0,
            dark: false,
            show_guidance: true,
            recent: Vec::new(),
        }
    }
}

/// A recently used file, with what the start screen shows of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecentFile {
    pub path: PathBuf,
    pub region: String,
    /// When the file was last saved, as `YYYY-MM-DD HH:MM` local time.
    pub modified: String,
}

impl Prefs {
    /// Puts `path` at the top of the recent files.
    pub fn remember(&mut self, path: PathBuf, region: &str) {
        let modified = std::fs::metadata(&path)
            .and_then(|m| m.modified())
            .map(|t| {
                chrono::DateTime::<chrono::Local>::from(t)
                    .format("%Y-%m-%d %H:%M")
                    .to_string()
            })
            .unwrap_or_default();
        self.recent.retain(|r| r.path != path);
        self.recent.insert(
            0,
            RecentFile {
                path,
                region: region.to_owned(),
                modified,
            },
        );
        self.recent.truncate(MAX_RECENT);
    }

    pub fn forget(&mut self, path: &std::path::Path) {
        self.recent.retain(|r| r.path != path);
    }
}
