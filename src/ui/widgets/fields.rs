//! Text, number and date fields with labels.

use crate::i18n::{fmt_date, fmt_number, parse_date, parse_number, t};
use chrono::NaiveDate;
use egui::{Color32, Id, Response, RichText, TextEdit, Ui};

/// A two-column form: labels left, fields right.
pub fn form_grid<R>(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    add: impl FnOnce(&mut Ui) -> R,
) -> R {
    egui::Grid::new(id_salt)
        .num_columns(2)
        .spacing([16.0, 8.0])
        .min_col_width(140.0)
        .show(ui, add)
        .inner
}

/// A labelled one-line text field (a grid row), warning about personal data in it.
pub fn text_line(ui: &mut Ui, label: &str, value: &mut String) -> Response {
    let l = ui.label(label);
    let r = ui
        .vertical(|ui| {
            let r = ui
                .add(TextEdit::singleline(value).desired_width(f32::INFINITY))
                .labelled_by(l.id);
            privacy_warning(ui, value);
            r
        })
        .inner;
    ui.end_row();
    r
}

/// A labelled multi-line text field (a grid row), warning about personal data in it.
pub fn text_area(ui: &mut Ui, label: &str, value: &mut String) -> Response {
    let l = ui.label(label);
    let r = ui
        .vertical(|ui| {
            let r = ui
                .add(
                    TextEdit::multiline(value)
                        .desired_rows(2)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(l.id);
            privacy_warning(ui, value);
            r
        })
        .inner;
    ui.end_row();
    r
}

/// Under a text field: a warning when the text holds what does not belong in a cycle file
/// (a citizen service number, an e-mail address, a phone number, an address).
pub fn privacy_warning(ui: &mut Ui, text: &str) {
    for kind in crate::privacy::scan_text(text)
        .into_iter()
        .map(|h| h.kind)
        .collect::<std::collections::BTreeSet<_>>()
    {
        ui.label(
            RichText::new(format!("⚠ {}", crate::i18n::privacy_text(kind)))
                .color(Color32::from_rgb(200, 40, 30))
                .small(),
        );
    }
}

/// A field whose text is kept while it is being edited and parsed into a value.
/// Shows the formatted value when not focused, so undo and other changes show at once.
/// How a value of a parsed field is shown and read.
struct Format<T> {
    show: fn(T) -> String,
    read: fn(&str) -> Option<T>,
    hint: &'static str,
    width: f32,
}

fn parsed_field<T: Copy + PartialEq>(
    ui: &mut Ui,
    id: Id,
    label_id: Id,
    value: &mut Option<T>,
    f: Format<T>,
) -> Response {
    let Format {
        show: format,
        read: parse,
        hint,
        width,
    } = f;
    let stored: Option<String> = ui.data(|d| d.get_temp(id));
    let mut text = stored.unwrap_or_else(|| value.map(&format).unwrap_or_default());
    let invalid = !text.trim().is_empty() && parse(&text).is_none();
    let mut edit = TextEdit::singleline(&mut text)
        .id(id)
        .hint_text(hint)
        .desired_width(width)
        .min_size(egui::vec2(width, 0.0));
    if invalid {
        edit = edit.text_color(Color32::from_rgb(200, 30, 30));
    }
    let r = ui.add(edit).labelled_by(label_id);
    if r.changed() {
        if text.trim().is_empty() {
            *value = None;
        } else if let Some(v) = parse(&text) {
            *value = Some(v);
        }
    }
    if r.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    if invalid {
        r.clone().on_hover_text(t("field.invalid"));
        ui.label(
            RichText::new(format!("⚠ {}", t("field.invalid")))
                .color(Color32::from_rgb(200, 30, 30)),
        );
    }
    r
}

/// A number input named by the widget `label_id`; empty means "not known".
pub fn number_input(
    ui: &mut Ui,
    label_id: Id,
    value: &mut Option<f64>,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    width: f32,
) -> Response {
    let id = ui.make_persistent_id(id_salt);
    parsed_field(
        ui,
        id,
        label_id,
        value,
        Format {
            show: fmt_number,
            read: parse_number,
            hint: "",
            width,
        },
    )
}

/// A date input with calendar named by the widget `label_id`; empty means none.
pub fn date_input(
    ui: &mut Ui,
    label_id: Id,
    value: &mut Option<NaiveDate>,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
) -> Response {
    let id = ui.make_persistent_id(id_salt);
    ui.horizontal(|ui| {
        let format = Format {
            show: fmt_date,
            read: parse_date,
            hint: t("field.date_hint"),
            width: 110.0,
        };
        let r = parsed_field(ui, id, label_id, value, format);
        calendar_button(ui, id, value);
        r
    })
    .inner
}

/// A labelled number field; empty means "not known". Accepts `3,5` and `3.5`.
pub fn number_field(
    ui: &mut Ui,
    label: &str,
    value: &mut Option<f64>,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
) -> Response {
    let l = ui.label(label);
    let r = ui
        .horizontal(|ui| number_input(ui, l.id, value, id_salt, 120.0))
        .inner;
    ui.end_row();
    r
}

/// A labelled optional date: typed (`12-03-2025`) or picked from a calendar; empty means none.
pub fn date_field(
    ui: &mut Ui,
    label: &str,
    value: &mut Option<NaiveDate>,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
) -> Response {
    let l = ui.label(label);
    let r = date_input(ui, l.id, value, id_salt);
    ui.end_row();
    r
}

/// A labelled date that must have a value (a cycle's start or end).
pub fn date_field_required(
    ui: &mut Ui,
    label: &str,
    value: &mut NaiveDate,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
) -> Response {
    let mut opt = Some(*value);
    let r = date_field(ui, label, &mut opt, id_salt);
    if let Some(d) = opt {
        *value = d;
    }
    r
}

/// The calendar picker of egui_extras beside a date field.
fn calendar_button(ui: &mut Ui, id: Id, value: &mut Option<NaiveDate>) {
    let today = chrono::Local::now().date_naive();
    let current = value.unwrap_or(today);
    let mut date = to_jiff(current);
    let salt = format!("cal{:?}", id);
    let r = ui
        .add(
            egui_extras::DatePickerButton::new(&mut date)
                .id_salt(&salt)
                .show_icon(false)
                .format("📅")
                .calendar_week(false),
        )
        .on_hover_text(t("field.pick_date"));
    if r.changed()
        && let Some(d) = from_jiff(date)
        && Some(d) != *value
    {
        *value = Some(d);
    }
}

fn to_jiff(d: NaiveDate) -> jiff::civil::Date {
    use chrono::Datelike;
    jiff::civil::Date::new(d.year() as i16, d.month() as i8, d.day() as i8).unwrap_or_default()
}

fn from_jiff(d: jiff::civil::Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(d.year().into(), d.month() as u32, d.day() as u32)
}

/// "Aantal personen" (a grid row): whether the figures are numbers of people, so small values
/// are shown as "< N" in exports. Until the user ticks or unticks it, it follows the unit; the
/// window says which.
pub fn counts_people_field(ui: &mut Ui, value: &mut Option<bool>, unit: &str) -> Response {
    let l = ui.label(t("indicator.counts_people"));
    let mut on = value.unwrap_or_else(|| crate::privacy::unit_counts_people(unit));
    let r = ui
        .vertical(|ui| {
            let r = ui
                .checkbox(&mut on, t("indicator.counts_people_check"))
                .labelled_by(l.id)
                .on_hover_text(t("indicator.counts_people_help"));
            if r.changed() {
                *value = Some(on);
            }
            if value.is_none() {
                ui.weak(t("indicator.counts_people_from_unit"));
            }
            r
        })
        .inner;
    ui.end_row();
    r
}
