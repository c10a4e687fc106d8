//! Form widgets shared by the editors. Every input is connected to its visible label
//! (`labelled_by`), so screen readers and the test harness find it by that label.

pub mod calendar;
pub mod charts;
mod fields;
mod items;
mod legend;
mod list;
mod pickers;
pub mod sparkline;
mod status;
mod support_chart;
pub mod typing;

pub use fields::{
    amount_field, count_input, counts_people_field, date_field, date_field_required, date_input,
    figure_field, form_grid, list_line, number_input, privacy_warning, split_list, text_area,
    text_line, value_kind,
};
pub use items::{add_button, empty_state, lazy, pager, section_heading};
pub use list::{CardItem, CardList, ListAction, ListItem, ListTexts, card_list, reveal, text_list};
pub use pickers::{
    chip, display as display_name, enum_combo, enum_combo_inline, linked_chips, multi_pick,
    opt_enum_combo, single_pick,
};
pub use support_chart::support_chart;
