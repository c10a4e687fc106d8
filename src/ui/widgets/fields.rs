//! Text, number and date fields with labels.

use crate::i18n::{fmt_date, fmt_number, parse_date, parse_number, t};
use crate::ui::theme::colour;
use chrono::NaiveDate;
use egui::{Id, Response, RichText, TextEdit, Ui};

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

/// The items of a short list typed as text: commas, semicolons and line ends separate them.
pub fn split_list(text: &str) -> Vec<String> {
    text.split([',', ';', '\n'])
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

/// A labelled one-line field for a short list typed as text (`Utrecht, Zeist`; a grid row).
/// The typed text is kept while the field has the focus, so a comma typed at the end stays
/// until the next item follows it; the document holds the items.
pub fn list_line(ui: &mut Ui, label: &str, hint: &str, items: &mut Vec<String>) -> Response {
    let l = ui.label(label);
    let id = l.id.with("list");
    let stored: Option<(String, Vec<String>)> = ui
        .data(|d| d.get_temp::<(String, Vec<String>)>(id))
        .filter(|(_, written)| written == items);
    let mut text = stored.map(|(t, _)| t).unwrap_or_else(|| items.join(", "));
    let r = ui
        .vertical(|ui| {
            let r = ui
                .add(
                    TextEdit::singleline(&mut text)
                        .id(id)
                        .desired_width(f32::INFINITY)
                        .hint_text(hint),
                )
                .labelled_by(l.id);
            privacy_warning(ui, &text);
            r
        })
        .inner;
    if r.changed() {
        *items = split_list(&text);
    }
    if r.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, (text, items.clone())));
    } else {
        ui.data_mut(|d| d.remove::<(String, Vec<String>)>(id));
    }
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
            RichText::new(format!("⚠ {}", crate::i18n::Label::label(kind)))
                .color(colour::invalid())
                .small(),
        );
    }
}

/// How a value of a parsed field is shown and read.
struct Format<T> {
    show: fn(T) -> String,
    read: fn(&str) -> Option<T>,
    hint: &'static str,
    /// What the field expects, said when the text cannot be read.
    expects: &'static str,
    width: f32,
}

/// The text of a parsed field while it is being edited, or while it holds text that cannot
/// be read.
#[derive(Clone)]
struct Editing<T> {
    text: String,
    /// The value before this edit began: what the document keeps while the text is invalid.
    before: Option<T>,
    /// The value this field last put into the document; when the document holds something
    /// else (undo, an import), the typed text is stale and goes.
    written: Option<T>,
}

/// A field whose text is parsed into a value. The document only ever holds a value the field
/// fully understood: while the text cannot be read (`12abc`, a date in a number field) the
/// document keeps the value from before the edit, and the field keeps the text, in red, with
/// what it expects — also after it loses the focus. Shows the formatted value otherwise, so
/// undo and other changes show at once.
fn parsed_field<T: Copy + PartialEq + Send + Sync + 'static>(
    ui: &mut Ui,
    id: Id,
    label_id: Id,
    value: &mut Option<T>,
    f: Format<T>,
) -> (Response, Option<String>) {
    let Format {
        show: format,
        read: parse,
        hint,
        expects,
        width,
    } = f;
    let stored: Option<Editing<T>> = ui
        .data(|d| d.get_temp::<Editing<T>>(id))
        .filter(|e| e.written == *value);
    let mut editing = stored.unwrap_or_else(|| Editing {
        text: value.map(format).unwrap_or_default(),
        before: *value,
        written: *value,
    });
    let readable = |text: &str| text.trim().is_empty() || parse(text).is_some();
    let invalid_before = !readable(&editing.text);
    let mut edit = TextEdit::singleline(&mut editing.text)
        .id(id)
        .hint_text(hint)
        .desired_width(width)
        .min_size(egui::vec2(width, 0.0));
    if invalid_before {
        edit = edit.text_color(colour::invalid());
    }
    let r = ui.add(edit).labelled_by(label_id);
    if r.gained_focus() && !invalid_before {
        editing.before = *value;
    }
    if r.changed() {
        *value = if editing.text.trim().is_empty() {
            None
        } else {
            // a text that is not (yet) a whole value leaves the value from before the edit
            parse(&editing.text).or(editing.before)
        };
        editing.written = *value;
    }
    let invalid = !readable(&editing.text);
    if r.has_focus() || invalid {
        ui.data_mut(|d| d.insert_temp(id, editing));
    } else {
        ui.data_mut(|d| d.remove::<Editing<T>>(id));
    }
    if invalid {
        let message = format!("{} ({expects})", t!("field.invalid"));
        return (r.on_hover_text(&message), Some(message));
    }
    (r, None)
}

/// Beside a field in a row (a table cell): a red ⚠ with the whole message on hover.
fn invalid_mark(ui: &mut Ui, message: Option<String>) {
    if let Some(m) = message {
        ui.label(RichText::new("⚠").color(colour::invalid()).strong())
            .on_hover_text(m);
    }
}

/// Under a field in a form: the whole message, wrapped to the column.
fn invalid_line(ui: &mut Ui, message: Option<String>) {
    if let Some(m) = message {
        ui.add(egui::Label::new(RichText::new(format!("⚠ {m}")).color(colour::invalid())).wrap());
    }
}

/// A number input named by the widget `label_id`; empty means "not known". Text it cannot
/// read is marked with a red ⚠ beside it (the message on hover).
pub fn number_input(
    ui: &mut Ui,
    label_id: Id,
    value: &mut Option<f64>,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    width: f32,
) -> Response {
    let (r, message) = number_input_checked(ui, label_id, value, id_salt, width);
    invalid_mark(ui, message);
    r
}

fn number_input_checked(
    ui: &mut Ui,
    label_id: Id,
    value: &mut Option<f64>,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    width: f32,
) -> (Response, Option<String>) {
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
            expects: t!("field.expects_number"),
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
    ui.horizontal(|ui| {
        let (r, message) = date_input_checked(ui, label_id, value, id_salt);
        invalid_mark(ui, message);
        r
    })
    .inner
}

fn date_input_checked(
    ui: &mut Ui,
    label_id: Id,
    value: &mut Option<NaiveDate>,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
) -> (Response, Option<String>) {
    let id = ui.make_persistent_id(id_salt);
    let format = Format {
        show: fmt_date,
        read: parse_date,
        hint: t!("field.date_hint"),
        expects: t!("field.expects_date"),
        width: 110.0,
    };
    let out = parsed_field(ui, id, label_id, value, format);
    super::calendar::calendar_button(ui, id, value);
    out
}

/// A labelled number field; empty means "not known". Accepts `3,5` and `3.5`. Text it cannot
/// read stays, in red, with what it expects on the line below.
pub fn number_field(
    ui: &mut Ui,
    label: &str,
    value: &mut Option<f64>,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
) -> Response {
    let l = ui.label(label);
    let r = ui
        .vertical(|ui| {
            let (r, message) = ui
                .horizontal(|ui| number_input_checked(ui, l.id, value, id_salt, 120.0))
                .inner;
            invalid_line(ui, message);
            r
        })
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
    let r = ui
        .vertical(|ui| {
            let (r, message) = ui
                .horizontal(|ui| date_input_checked(ui, l.id, value, id_salt))
                .inner;
            invalid_line(ui, message);
            r
        })
        .inner;
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

/// "Aantal personen" (a grid row): whether the figures are numbers of people, so small values
/// are shown as "< N" in exports. Until the user ticks or unticks it, it follows the unit; the
/// window says which.
pub fn counts_people_field(ui: &mut Ui, value: &mut Option<bool>, unit: &str) -> Response {
    let l = ui.label(t!("indicator.counts_people"));
    let mut on = value.unwrap_or_else(|| crate::privacy::unit_counts_people(unit));
    let r = ui
        .vertical(|ui| {
            let r = ui
                .checkbox(&mut on, t!("indicator.counts_people_check"))
                .labelled_by(l.id)
                .on_hover_text(t!("indicator.counts_people_help"));
            if r.changed() {
                *value = Some(on);
            }
            if value.is_none() {
                ui.weak(t!("indicator.counts_people_from_unit"));
            }
            r
        })
        .inner;
    ui.end_row();
    r
}
