//! Text, number and date fields with labels.

use super::typing::{FieldRule, Typing};
use crate::i18n::t;
use crate::i18n::typed::{AMOUNT, DATE, Kind, NUMBER, PERCENTAGE};
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

/// How a parsed field looks: its hint, what it says it expects when the text is not
/// understood, and its width.
struct Look {
    hint: &'static str,
    expects: &'static str,
    width: f32,
}

/// A field whose text is read as a value (see [`super::typing`] for the rule: the text being
/// typed is never rewritten, the document only ever holds a value the field fully understood,
/// and a text it does not understand stays, in red, with what it expects, also after it
/// loses the focus). Shows the value formatted otherwise, so undo and other changes show at
/// once.
fn parsed_field<T: Copy + PartialEq + Send + Sync + 'static>(
    ui: &mut Ui,
    id: Id,
    label_id: Id,
    value: &mut Option<T>,
    rule: FieldRule<T>,
    look: Look,
) -> (Response, Option<String>) {
    let kept = ui.data(|d| d.get_temp::<Typing<T>>(id));
    let mut typing = Typing::resume(kept, *value, &rule);
    let invalid_before = !rule.understands(&typing.text);
    let mut edit = TextEdit::singleline(&mut typing.text)
        .id(id)
        .hint_text(look.hint)
        .desired_width(look.width)
        .min_size(egui::vec2(look.width, 0.0));
    if invalid_before {
        edit = edit.text_color(colour::invalid());
    }
    let r = ui.add(edit).labelled_by(label_id);
    if r.gained_focus() {
        typing.begin(*value, &rule);
    }
    if r.changed() {
        typing.typed(value, &rule);
    }
    let invalid = !rule.understands(&typing.text);
    if typing.keep(r.has_focus(), &rule) {
        ui.data_mut(|d| d.insert_temp(id, typing));
    } else {
        ui.data_mut(|d| d.remove::<Typing<T>>(id));
    }
    if invalid {
        let message = format!("{} ({})", t!("field.invalid"), look.expects);
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

/// How the values of an indicator or figure are typed, by its unit: a share (`%`, "procent")
/// as a percentage, anything else as a number.
pub fn value_kind(unit: &str) -> Kind<f64> {
    if crate::model::unit_is_share(unit) {
        PERCENTAGE
    } else {
        NUMBER
    }
}

fn look<T>(kind: &Kind<T>, hint: &'static str, width: f32) -> Look {
    Look {
        hint,
        expects: kind.expects(),
        width,
    }
}

/// A number (or percentage, by `kind`) input named by the widget `label_id`; empty means
/// "not known". Text it cannot read is marked with a red ⚠ beside it (the message on hover).
pub fn number_input(
    ui: &mut Ui,
    label_id: Id,
    value: &mut Option<f64>,
    kind: Kind<f64>,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    width: f32,
) -> Response {
    let id = ui.make_persistent_id(id_salt);
    let look = look(&kind, "", width);
    let (r, message) = parsed_field(ui, id, label_id, value, FieldRule::optional(kind), look);
    invalid_mark(ui, message);
    r
}

/// A count of pupils (a whole number) named by the widget `label_id`; empty means not known.
/// Text it cannot read is marked with a red ⚠ beside it.
pub fn count_input(
    ui: &mut Ui,
    label_id: Id,
    value: &mut Option<u32>,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    width: f32,
) -> Response {
    let id = ui.make_persistent_id(id_salt);
    let kind = crate::i18n::typed::COUNT;
    let look = look(&kind, "", width);
    let (r, message) = parsed_field(ui, id, label_id, value, FieldRule::optional(kind), look);
    invalid_mark(ui, message);
    r
}

/// A date input with calendar named by the widget `label_id`; empty means none.
pub fn date_input(
    ui: &mut Ui,
    label_id: Id,
    value: &mut Option<NaiveDate>,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
) -> Response {
    ui.horizontal(|ui| {
        let rule = FieldRule::optional(DATE);
        let (r, message) = date_input_checked(ui, label_id, value, rule, id_salt);
        invalid_mark(ui, message);
        r
    })
    .inner
}

fn date_input_checked(
    ui: &mut Ui,
    label_id: Id,
    value: &mut Option<NaiveDate>,
    rule: FieldRule<NaiveDate>,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
) -> (Response, Option<String>) {
    let id = ui.make_persistent_id(id_salt);
    let look = look(&rule.kind, t!("field.date_hint"), 110.0);
    let out = parsed_field(ui, id, label_id, value, rule, look);
    super::calendar::calendar_button(ui, id, value);
    out
}

/// A labelled field of a value that is read (a grid row): text it cannot read stays, in red,
/// with what it expects on the line below.
fn labelled<T: Copy + PartialEq + Send + Sync + 'static>(
    ui: &mut Ui,
    label: &str,
    value: &mut Option<T>,
    rule: FieldRule<T>,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
) -> Response {
    let l = ui.label(label);
    let id = ui.make_persistent_id(id_salt);
    let r = ui
        .vertical(|ui| {
            let (r, message) = ui
                .horizontal(|ui| {
                    let look = look(&rule.kind, "", 120.0);
                    parsed_field(ui, id, l.id, value, rule, look)
                })
                .inner;
            invalid_line(ui, message);
            r
        })
        .inner;
    ui.end_row();
    r
}

/// A labelled figure typed as its `kind` says ([`value_kind`]: a number or a percentage);
/// empty means "not known". Accepts `3,5` and `3.5`.
pub fn figure_field(
    ui: &mut Ui,
    label: &str,
    value: &mut Option<f64>,
    kind: Kind<f64>,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
) -> Response {
    labelled(ui, label, value, FieldRule::optional(kind), id_salt)
}

/// A labelled amount in whole euros (`2.500.000`, `€ 2.500.000`); empty means "not known".
pub fn amount_field(
    ui: &mut Ui,
    label: &str,
    value: &mut Option<u64>,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
) -> Response {
    labelled(ui, label, value, FieldRule::optional(AMOUNT), id_salt)
}

fn date_row(
    ui: &mut Ui,
    label: &str,
    value: &mut Option<NaiveDate>,
    rule: FieldRule<NaiveDate>,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
) -> Response {
    let l = ui.label(label);
    let r = ui
        .vertical(|ui| {
            let (r, message) = ui
                .horizontal(|ui| date_input_checked(ui, l.id, value, rule, id_salt))
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
    date_row(ui, label, value, FieldRule::optional(DATE), id_salt)
}

/// A labelled date that must have a value (a cycle's start or end): an empty text is not
/// understood, so the date from before stays (and the text is not rewritten while typed).
pub fn date_field_required(
    ui: &mut Ui,
    label: &str,
    value: &mut NaiveDate,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
) -> Response {
    let mut opt = Some(*value);
    let rule = FieldRule {
        kind: DATE,
        required: true,
    };
    let r = date_row(ui, label, &mut opt, rule, id_salt);
    if let Some(d) = opt {
        *value = d;
    }
    r
}

/// "Aantal personen" (a grid row): whether the figures are numbers of people, so small values
/// are shown as "< N" in exports. Ticked until the user unticks it, and the words beside it say
/// so while nobody chose; the unit may only propose unticking it (a button), never untick it.
pub fn counts_people_field(ui: &mut Ui, value: &mut Option<bool>, unit: &str) -> Response {
    let l = ui.label(t!("indicator.counts_people"));
    let mut on = *value != Some(false);
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
                ui.weak(t!("indicator.counts_people_default"));
                if !crate::privacy::unit_counts_people(unit) {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(t!("indicator.counts_people_proposal"));
                        if ui.button(t!("indicator.counts_people_not")).clicked() {
                            *value = Some(false);
                        }
                    });
                }
            }
            r
        })
        .inner;
    ui.end_row();
    r
}
