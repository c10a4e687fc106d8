//! The countdown on screen: large digits, start/pause/reset, and at zero a clear but quiet
//! signal (the digits turn red and pulse gently for a few seconds, with "Tijd is om").

use crate::i18n::t;
use crate::state::Timer;
use crate::ui::theme::colour;
use egui::{RichText, Ui};

/// The flash when the time runs out: a broad red frame around the whole window that pulses
/// for ten seconds (no sound), seen from the back of the room.
pub fn flash(ctx: &egui::Context, timer: &Timer, now: f64) {
    if !timer.is_finished(now) {
        return;
    }
    let over = timer.overtime(now);
    if over >= 10.0 {
        return;
    }
    ctx.request_repaint_after(std::time::Duration::from_millis(50));
    let a = (over * std::f64::consts::PI).cos().abs() as f32;
    let rect = ctx.content_rect();
    let width = (rect.height() / 40.0).clamp(12.0, 28.0);
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("timer-flash"),
    ));
    painter.rect_stroke(
        rect.shrink(width / 2.0),
        0.0,
        egui::Stroke::new(width, colour::time_up().gamma_multiply(0.25 + 0.75 * a)),
        egui::StrokeKind::Middle,
    );
}

/// Draws the timer in a row; `size` is the height of the digits.
pub fn show(ui: &mut Ui, timer: &mut Timer, now: f64, size: f32) {
    ui.horizontal(|ui| {
        if !timer.is_set() {
            ui.label(RichText::new("⏱").size(size * 0.8))
                .on_hover_text(t!("timer.set"));
            for minutes in [5.0, 10.0, 15.0] {
                if ui
                    .button(format!("{minutes} {}", t!("timer.min")))
                    .clicked()
                {
                    timer.set(t!("timer.agenda_item"), minutes);
                }
            }
            return;
        }
        let finished = timer.is_finished(now);
        let color = if finished {
            // a gentle pulse for ten seconds, then steady red
            let over = timer.overtime(now);
            if over < 10.0 {
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(50));
                let a = 0.55 + 0.45 * (over * std::f64::consts::PI).cos().abs();
                colour::time_up().gamma_multiply(a as f32)
            } else {
                colour::time_up()
            }
        } else {
            ui.visuals().strong_text_color()
        };
        // fixed widths: the row never shifts as the digits change or the time runs out
        let digits = ui.add_sized(
            [size * 3.4, size * 1.25],
            egui::Label::new(
                RichText::new(format!("⏱ {}", timer.text(now)))
                    .size(size)
                    .strong()
                    .color(color),
            ),
        );
        digits.on_hover_text(&timer.label);
        // "Tijd is om" at the body's size or larger: room for it, so nothing moves at zero
        let body = ui.style().text_styles[&egui::TextStyle::Body].size;
        let up_size = (size * 0.55).max(body);
        let slot = [(size * 3.6).max(up_size * 5.4), size * 1.1];
        if finished {
            // nothing to pause or start at zero: say that the time is up, in the same place
            ui.add_sized(
                slot,
                egui::Label::new(
                    RichText::new(t!("timer.up"))
                        .size(up_size)
                        .strong()
                        .color(colour::time_up()),
                )
                .truncate(),
            );
        } else if timer.is_running() {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(250));
            if ui
                .add_sized(slot, egui::Button::new(t!("timer.pause")))
                .clicked()
            {
                timer.pause(now);
            }
        } else if ui
            .add_sized(slot, egui::Button::new(t!("timer.start")))
            .clicked()
        {
            timer.start(now);
        }
        if ui.button(t!("timer.reset")).clicked() {
            timer.reset();
        }
        if ui
            .small_button("+1")
            .on_hover_text(t!("timer.plus"))
            .clicked()
        {
            timer.add_minutes(1.0);
        }
        if ui
            .small_button("−1")
            .on_hover_text(t!("timer.minus"))
            .clicked()
        {
            timer.add_minutes(-1.0);
        }
        if ui
            .small_button("✖")
            .on_hover_text(t!("timer.clear"))
            .clicked()
        {
            *timer = Timer::default();
        }
    });
}
