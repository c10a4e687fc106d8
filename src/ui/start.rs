//! The start screen: what Kompas is, big buttons to begin, recent files.

use crate::i18n::t;
use crate::state::{Command, Message, Outbox, Prefs};
use crate::ui::theme;
use egui::{Button, RichText, Ui, vec2};

pub fn show(prefs: &Prefs, pending: &mut Outbox, ui: &mut Ui) {
    ui.vertical_centered(|ui| {
        ui.add_space(40.0);
        ui.label(RichText::new("Kompas").size(theme::size::BRAND).strong());
        ui.label(RichText::new(t!("start.tagline")).size(theme::size::LARGE));
        ui.add_space(28.0);
        let size = vec2(260.0, 48.0);
        if ui
            .add(
                Button::new(
                    RichText::new(format!("➕ {}", t!("start.new"))).size(theme::size::LARGE),
                )
                .min_size(size),
            )
            .clicked()
        {
            pending.push(Command::New);
        }
        if ui
            .add(
                Button::new(
                    RichText::new(format!("📂 {}", t!("start.open"))).size(theme::size::LARGE),
                )
                .min_size(size),
            )
            .clicked()
        {
            pending.push(Command::Open);
        }
        if ui
            .add(
                Button::new(
                    RichText::new(format!("📁 {}", t!("overview.open"))).size(theme::size::ITEM),
                )
                .min_size(size),
            )
            .clicked()
        {
            pending.push(Command::OpenOverview);
        }
        ui.add_space(24.0);
        ui.label(RichText::new(t!("start.samples")).heading());
        for (i, s) in crate::samples::SAMPLES.iter().enumerate() {
            let text = format!("📘 {}", t!(s.title_key));
            if ui
                .add(
                    Button::new(RichText::new(text).size(theme::size::ITEM))
                        .min_size(vec2(420.0, 36.0)),
                )
                .clicked()
            {
                pending.push(Message::OpenSample(i));
            }
        }
        ui.add_space(24.0);
        ui.label(RichText::new(t!("start.recent")).heading());
        if prefs.recent.is_empty() {
            ui.weak(t!("start.no_recent"));
        }
        for r in &prefs.recent {
            let region = if r.region.is_empty() {
                t!("item.untitled")
            } else {
                &r.region
            };
            let text = format!(
                "{region}   ·   {}   ·   {}",
                shown_when(&r.modified),
                r.path.display()
            );
            if ui
                .add(Button::new(text).min_size(vec2(420.0, 30.0)).truncate())
                .on_hover_text(r.path.display().to_string())
                .clicked()
            {
                pending.push(Message::OpenPath(r.path.clone()));
            }
        }
    });
}

/// When a recent file was saved, in the interface's date format (kept as `YYYY-MM-DD HH:MM`).
pub fn shown_when(stored: &str) -> String {
    match chrono::NaiveDateTime::parse_from_str(stored, "%Y-%m-%d %H:%M") {
        Ok(when) => format!(
            "{} {}",
            crate::i18n::fmt_date(when.date()),
            when.format("%H:%M")
        ),
        Err(_) => stored.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn recent_files_show_dates_as_the_interface_does() {
        crate::i18n::set_lang(crate::i18n::Lang::Nl);
        assert_eq!(super::shown_when("2025-03-12 14:05"), "12-03-2025 14:05");
        crate::i18n::set_lang(crate::i18n::Lang::En);
        assert_eq!(super::shown_when("2025-03-12 14:05"), "12 Mar 2025 14:05");
        crate::i18n::set_lang(crate::i18n::Lang::Nl);
        assert_eq!(super::shown_when("onbekend"), "onbekend");
    }
}
