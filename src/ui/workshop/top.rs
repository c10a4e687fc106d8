//! Workshop mode's top bar. The first row: the region, paging (« 3 / 12 » and the page list),
//! the agenda, a decision or an action of the room, and leaving. The second: what is on now and
//! next ("nu: Datadialoog, 10 min · hierna: Interventies") and the countdown, in digits the
//! back row reads.

use crate::i18n::{t, tf};
use crate::state::{Command, Message, Outbox, Overlay, RoomForm, Timer, Workshop};
use crate::ui::widgets::display_name;
use egui::{Panel, RichText, TextStyle, Ui};

/// What is on now and next.
pub(super) struct NowNext {
    pub now: String,
    /// The time block of the page now (0: none).
    pub minutes: u32,
    pub next: Option<String>,
}

impl NowNext {
    pub(super) fn text(&self) -> String {
        let now = if self.minutes > 0 {
            tf!(
                "workshop.now_minutes",
                page = &self.now,
                n = &self.minutes.to_string()
            )
        } else {
            tf!("workshop.now", page = &self.now)
        };
        match &self.next {
            Some(next) => format!("{now}  ·  {}", tf!("workshop.then", page = next)),
            None => format!("{now}  ·  {}", t!("workshop.last")),
        }
    }
}

/// The digits' height of the countdown in workshop mode, for 1024×768 (grown with the type).
const TIMER_SIZE: f32 = 40.0;

pub(super) fn bar(
    ui: &mut Ui,
    (region, cycle_name): (&str, &str),
    ws: &mut Workshop,
    count: usize,
    now_next: &NowNext,
    pending: &mut Outbox,
    (timer, now): (&mut Timer, f64),
) {
    Panel::top("workshop-top").show(ui, |ui| {
        ui.spacing_mut().item_spacing.y = 2.0;
        ui.add_space(2.0);
        ui.horizontal(|ui| {
            let wide = ui.available_width() > 1200.0;
            let name = if wide {
                format!("{}  ·  {cycle_name}", display_name(region))
            } else {
                display_name(region).to_owned()
            };
            // the region's name gets the room the toolbar leaves (as wide as it was last
            // frame), on a second line when it must; so the toolbar keeps its place. Only
            // with no room at all is it cut (whole on hover).
            let toolbar_id = ui.scope_id().with("workshop-toolbar-width");
            let toolbar: f32 = ui.data(|d| d.get_temp(toolbar_id)).unwrap_or(640.0);
            let room = ui.available_width() - toolbar - ui.spacing().item_spacing.x;
            let room = if wide { room.min(600.0) } else { room };
            let text = RichText::new(&name).strong();
            ui.scope(|ui| {
                if room >= ui.text_style_height(&TextStyle::Body) * 5.0 {
                    ui.set_max_width(room);
                    ui.add(egui::Label::new(text).wrap());
                } else {
                    ui.set_max_width(room.max(48.0));
                    ui.add(egui::Label::new(text).truncate())
                        .on_hover_text(&name);
                }
            });
            let toolbar_start = ui.cursor().min.x;
            ui.separator();
            if ui
                .button("«")
                .on_hover_text(t!("workshop.previous"))
                .clicked()
            {
                pending.push(Message::WorkshopPage(-1));
            }
            // room for "99 / 99", so the buttons do not move when the number grows
            let counter_width = ui.text_style_height(&TextStyle::Body) * 3.6;
            ui.add_sized(
                [counter_width, ui.spacing().interact_size.y],
                egui::Label::new(format!("{} / {count}", ws.page + 1)),
            );
            if ui.button("»").on_hover_text(t!("workshop.next")).clicked() {
                pending.push(Message::WorkshopPage(1));
            }
            if ui
                .button("☰")
                .on_hover_text(t!("workshop.pages_hint"))
                .clicked()
            {
                ws.overlay = toggled(&ws.overlay, Overlay::Pages(ws.page));
            }
            ui.separator();
            let left = ui.cursor().min.x - toolbar_start;
            let right = ui
                .with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui
                        .button("✖ Esc")
                        .on_hover_text(t!("workshop.leave"))
                        .clicked()
                    {
                        pending.push(Command::ToggleWorkshop);
                    }
                    ui.separator();
                    let room = |action| {
                        Overlay::Room(RoomForm {
                            action,
                            ..RoomForm::default()
                        })
                    };
                    if ui
                        .button(format!("✚ {}", t!("workshop.action")))
                        .on_hover_text(t!("workshop.action_hint"))
                        .clicked()
                    {
                        ws.overlay = toggled(&ws.overlay, room(true));
                    }
                    if ui
                        .button(format!("✚ {}", t!("workshop.decision")))
                        .on_hover_text(t!("workshop.decision_hint"))
                        .clicked()
                    {
                        ws.overlay = toggled(&ws.overlay, room(false));
                    }
                    if ui
                        .button(format!("📋 {}", t!("workshop.agenda")))
                        .on_hover_text(t!("workshop.agenda_hint"))
                        .clicked()
                    {
                        ws.overlay = toggled(&ws.overlay, Overlay::Agenda(0));
                    }
                    ui.min_rect().width()
                })
                .inner;
            let toolbar = left + right;
            ui.data_mut(|d| d.insert_temp(toolbar_id, toolbar));
        });
        // what is on now and next, and the countdown
        ui.horizontal(|ui| {
            // as high as two lines of text and the digits, whatever the line says: the
            // countdown never moves when the page changes
            let line = ui.text_style_height(&TextStyle::Body);
            let size = super::scaled(ui, TIMER_SIZE);
            ui.set_min_height((line * 2.0 + 4.0).max(size * 1.3));
            let timer_id = ui.scope_id().with("workshop-timer-width");
            let timer_width: f32 = ui.data(|d| d.get_temp(timer_id)).unwrap_or(size * 12.0);
            let room = (ui.available_width() - timer_width - ui.spacing().item_spacing.x).max(80.0);
            ui.scope(|ui| {
                ui.set_width(room);
                // at most two lines, cut with "…" (whole on hover)
                let text = now_next.text();
                let mut job = egui::text::LayoutJob::simple(
                    text.clone(),
                    TextStyle::Body.resolve(ui.style()),
                    ui.visuals().strong_text_color(),
                    room,
                );
                job.wrap.max_rows = 2;
                ui.add(egui::Label::new(job).wrap()).on_hover_text(text);
            });
            let width = ui
                .with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        crate::ui::timer::show(ui, timer, now, size);
                        ui.min_rect().width()
                    })
                    .inner
                })
                .inner;
            ui.data_mut(|d| d.insert_temp(timer_id, width));
        });
        ui.add_space(2.0);
    });
    crate::ui::timer::flash(ui.ctx(), timer, now);
}

/// `open` unless it is open already (a second click closes it).
fn toggled(current: &Overlay, open: Overlay) -> Overlay {
    if std::mem::discriminant(current) == std::mem::discriminant(&open)
        && matches!(
            (current, &open),
            (Overlay::Room(a), Overlay::Room(b)) if a.action == b.action
        ) == matches!(current, Overlay::Room(_))
    {
        Overlay::None
    } else {
        open
    }
}
