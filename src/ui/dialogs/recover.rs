//! The recovery dialogs: offering unsaved work found at start ("1 van 2"), replacing a
//! document that has unsaved changes of its own, and what throwing it away would lose.

use crate::i18n::{t, tf};
use crate::recovery::Found;
use crate::state::{AppState, Dialog, Message, OpenDoc};
use egui::RichText;

pub(super) fn offer(ui: &mut egui::Ui, app: &mut AppState, found: &Found, _close: &mut bool) {
    let title = match app.recovery_position() {
        Some((n, total)) => format!(
            "{} ({})",
            t!("recover.title"),
            tf!(
                "recover.n_of",
                n = &n.to_string(),
                total = &total.to_string()
            )
        ),
        None => t!("recover.title").to_owned(),
    };
    ui.label(RichText::new(title).heading());
    // work on the file that was just opened, set aside earlier; else work left by a crash
    let opened = found.header.original.is_some()
        && app.doc.as_ref().and_then(|d| d.path.as_ref()) == found.header.original.as_ref();
    if opened {
        ui.label(tf!("recover.body_opened", name = &found.header.name));
    } else {
        ui.label(tf!("recover.body", name = &found.header.name));
    }
    // what it holds, so two recoveries of the same file can be told apart
    what_it_holds(ui, &found.header);
    if let Some(original) = &found.header.original {
        ui.weak(tf!(
            "recover.original",
            file = &original.display().to_string()
        ));
    }
    ui.add_space(12.0);
    ui.horizontal(|ui| {
        if ui
            .button(RichText::new(t!("recover.restore")).strong())
            .clicked()
        {
            app.pending.push(Message::Restore(found.clone()));
        }
        if ui.button(t!("recover.later")).clicked() {
            app.pending.push(Message::PostponeRecovery);
        }
        if ui.button(t!("recover.discard")).clicked() {
            app.pending.push(Message::AskDiscardRecovery(found.clone()));
        }
    });
}

pub(super) fn replace(ui: &mut egui::Ui, app: &mut AppState, found: &Found, close: &mut bool) {
    let open = app
        .doc
        .as_ref()
        .map(OpenDoc::display_name)
        .unwrap_or_default();
    ui.label(RichText::new(t!("recover.replace_title")).heading());
    ui.label(tf!(
        "recover.replace_body",
        open = &open,
        name = &found.header.name
    ));
    ui.add_space(12.0);
    ui.horizontal(|ui| {
        if ui.button(t!("recover.save_first")).clicked() {
            *close = true;
            app.pending
                .push(Message::SaveThen(Box::new(Message::Restore(found.clone()))));
        }
        if ui.button(t!("recover.set_aside_first")).clicked() {
            app.pending
                .push(Message::SetAsideThenRestore(found.clone()));
        }
        if ui.button(t!("dialog.cancel")).clicked() {
            // back to the question about the recovery
            app.dialog = Some(Dialog::Recover(found.clone()));
        }
    });
}

pub(super) fn throw_away(ui: &mut egui::Ui, app: &mut AppState, found: &Found, _close: &mut bool) {
    ui.label(RichText::new(t!("recover.discard_title")).heading());
    ui.label(t!("recover.discard_body"));
    what_it_holds(ui, &found.header);
    ui.add_space(12.0);
    ui.horizontal(|ui| {
        if ui.button(t!("recover.discard_confirm")).clicked() {
            app.pending.push(Message::DiscardRecovery(found.clone()));
        }
        if ui.button(t!("dialog.cancel")).clicked() {
            app.dialog = Some(Dialog::Recover(found.clone()));
        }
    });
}

/// The region, the cycle, how many changes and when it was kept (date and time, and how
/// long ago). A file written before the region and changes were kept shows what it has.
fn what_it_holds(ui: &mut egui::Ui, h: &crate::recovery::Header) {
    let name = if h.region.is_empty() {
        &h.name
    } else {
        &h.region
    };
    ui.label(format!("• {}", tf!("recover.what_region", region = name)));
    if !h.cycle.is_empty() {
        ui.label(format!("• {}", tf!("recover.what_cycle", cycle = &h.cycle)));
    }
    if h.changes > 0 {
        ui.label(format!("• {}", tf!("recover.what_changes", n = h.changes)));
    }
    ui.label(format!(
        "• {}",
        tf!(
            "recover.what_age",
            when = &when_text(h.written),
            age = &age_text(h.written)
        )
    ));
}

/// The date and time (local) of a time in seconds since 1970, in the interface's format:
/// "02-12-2026 14:05".
fn when_text(written: u64) -> String {
    let Some(utc) = i64::try_from(written)
        .ok()
        .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
    else {
        return String::new();
    };
    let local = utc.with_timezone(&chrono::Local).naive_local();
    format!(
        "{} {}",
        crate::i18n::fmt_date(local.date()),
        local.format("%H:%M")
    )
}

/// "3 minuten" / "2 uur" / "5 dagen" since a time in seconds since 1970.
fn age_text(written: u64) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let secs = now.saturating_sub(written);
    match secs {
        0..120 => t!("age.just_now").to_owned(),
        120..7_200 => tf!("age.minutes", n = secs / 60),
        7_200..172_800 => tf!("age.hours", n = secs / 3_600),
        _ => tf!("age.days", n = secs / 86_400),
    }
}
