//! A calendar beside a date field, in the interface language: month names, weekdays (the
//! week starts on Monday), today. A click on a day picks it; a click outside closes it.

use crate::i18n::{Lang, lang, t};
use chrono::{Datelike, Months, NaiveDate};
use egui::{Id, RichText, Ui};

const WEEKDAYS_NL: [&str; 7] = ["ma", "di", "wo", "do", "vr", "za", "zo"];
const WEEKDAYS_EN: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The weekday names, Monday first, in the interface language.
pub fn weekday_names() -> [&'static str; 7] {
    match lang() {
        Lang::Nl => WEEKDAYS_NL,
        Lang::En => WEEKDAYS_EN,
    }
}

/// "maart 2025" / "March 2025".
pub fn month_title(first: NaiveDate) -> String {
    let names = match lang() {
        Lang::Nl => MONTHS_NL,
        Lang::En => MONTHS_EN,
    };
    format!("{} {}", names[first.month0() as usize], first.year())
}

/// The days shown for the month that starts on `first`: whole weeks from Monday.
pub fn month_grid(first: NaiveDate) -> Vec<NaiveDate> {
    let start = first - chrono::Days::new(u64::from(first.weekday().num_days_from_monday()));
    let next = first + Months::new(1);
    let mut days = Vec::with_capacity(42);
    let mut day = start;
    while day < next || days.len() % 7 != 0 {
        days.push(day);
        day = match day.succ_opt() {
            Some(d) => d,
            None => break,
        };
    }
    days
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// The calendar button: opens the month of `value` (or today), picks a day into `value`.
pub fn calendar_button(ui: &mut Ui, id: Id, value: &mut Option<NaiveDate>) {
    let button = ui.button("📅").on_hover_text(t!("field.pick_date"));
    let month_id = id.with("calendar-month");
    if button.clicked() {
        let today = chrono::Local::now().date_naive();
        ui.data_mut(|d| d.insert_temp(month_id, first_of_month(value.unwrap_or(today))));
    }
    egui::Popup::menu(&button)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            let today = chrono::Local::now().date_naive();
            let mut month: NaiveDate = ui
                .data(|d| d.get_temp(month_id))
                .unwrap_or_else(|| first_of_month(value.unwrap_or(today)));
            ui.horizontal(|ui| {
                if ui
                    .button("«")
                    .on_hover_text(t!("calendar.previous"))
                    .clicked()
                {
                    month = month - Months::new(1);
                }
                ui.label(RichText::new(month_title(month)).strong());
                if ui.button("»").on_hover_text(t!("calendar.next")).clicked() {
                    month = month + Months::new(1);
                }
            });
            egui::Grid::new(id.with("calendar-grid"))
                .num_columns(7)
                .spacing([2.0, 2.0])
                .show(ui, |ui| {
                    for name in weekday_names() {
                        ui.weak(name);
                    }
                    ui.end_row();
                    for (i, day) in month_grid(month).into_iter().enumerate() {
                        let mut text = RichText::new(day.day().to_string());
                        if day.month() != month.month() {
                            text = text.weak();
                        }
                        if day == today {
                            text = text.strong().underline();
                        }
                        let chosen = *value == Some(day);
                        if ui
                            .add(
                                egui::Button::selectable(chosen, text)
                                    .min_size(egui::vec2(30.0, 26.0)),
                            )
                            .clicked()
                        {
                            *value = Some(day);
                            ui.close();
                        }
                        if i % 7 == 6 {
                            ui.end_row();
                        }
                    }
                });
            ui.horizontal(|ui| {
                if ui.button(t!("calendar.today")).clicked() {
                    *value = Some(today);
                    ui.close();
                }
                if value.is_some() && ui.button(t!("calendar.clear")).clicked() {
                    *value = None;
                    ui.close();
                }
            });
            ui.data_mut(|d| d.insert_temp(month_id, month));
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn a_month_is_whole_weeks_from_monday() {
        // 1 March 2025 is a Saturday
        let days = month_grid(d(2025, 3, 1));
        assert_eq!(days[0], d(2025, 2, 24));
        assert_eq!(days[0].weekday(), chrono::Weekday::Mon);
        assert_eq!(days.len() % 7, 0);
        assert!(days.contains(&d(2025, 3, 31)));
        assert_eq!(*days.last().unwrap_or(&days[0]), d(2025, 4, 6));
        // February 2027 starts on a Monday and has exactly four weeks
        assert_eq!(month_grid(d(2027, 2, 1)).len(), 28);
    }

    #[test]
    fn names_follow_the_interface_language() {
        crate::i18n::set_lang(Lang::Nl);
        assert_eq!(month_title(d(2025, 3, 1)), "maart 2025");
        assert_eq!(weekday_names()[0], "ma");
        crate::i18n::set_lang(Lang::En);
        assert_eq!(month_title(d(2025, 3, 1)), "March 2025");
        assert_eq!(weekday_names()[6], "Su");
        crate::i18n::set_lang(Lang::Nl);
    }
}
