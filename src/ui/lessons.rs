//! Learning across regions on screen: in a step's editor, what other regions shared about
//! that step (taken in with *Bestand › Lessen van andere regio's ophalen…*), searchable and
//! removable; in the region overview, the lessons and interventions of every region in the
//! folder, searchable, each opening its region.

use crate::i18n::{Label, fmt_date, t, tf};
use crate::model::{ForeignItem, Project, SharedItem, SharedKind, Step};
use crate::overview::Overview;
use crate::state::{Message, Outbox};
use crate::ui::theme::colour;
use egui::{RichText, Ui};

/// Whether an item of another region belongs with a step: interventions with step 4, lessons
/// (of an evaluation or an intervision session) with step 5, and anything tagged with it.
fn belongs(item: &SharedItem, step: Step) -> bool {
    item.step == Some(step) || (step == Step::Evaluation && item.kind == SharedKind::SessionLesson)
}

/// A search field with its label.
fn search_field(ui: &mut Ui, query: &mut String, id: &str) {
    ui.horizontal(|ui| {
        let l = ui.label(format!("🔎 {}", t!("shared.search")));
        ui.add(
            egui::TextEdit::singleline(query)
                .id_salt(id)
                .hint_text(t!("shared.search_hint"))
                .desired_width(ui.available_width().min(360.0)),
        )
        .labelled_by(l.id);
    });
}

/// One item: its kind and words, then region, where it was learned, themes and judgement.
fn item_lines(ui: &mut Ui, region: Option<&str>, item: &SharedItem) {
    ui.horizontal_top(|ui| {
        ui.label(RichText::new(format!("{}:", item.kind.label())).strong());
        ui.add(egui::Label::new(&item.text).wrap());
    });
    if !item.detail.is_empty() {
        ui.add(egui::Label::new(RichText::new(&item.detail).weak()).wrap());
    }
    let mut place: Vec<String> = region.into_iter().map(str::to_owned).collect();
    if !item.source.trim().is_empty() {
        place.push(item.source.trim().to_owned());
    }
    if let Some(d) = item.date {
        place.push(fmt_date(d));
    }
    if let Some(d) = item.decision {
        place.push(d.label().to_owned());
    }
    if !place.is_empty() {
        ui.add(egui::Label::new(RichText::new(place.join(" · ")).weak()).wrap());
    }
    if !item.themes.is_empty() {
        ui.add(
            egui::Label::new(
                RichText::new(format!(
                    "{}: {}",
                    t!("shared.themes"),
                    item.themes.join("; ")
                ))
                .weak(),
            )
            .wrap(),
        );
    }
}

/// What other regions shared about `step`, in a box under the step's title (nothing when
/// there is none): closed until opened, with a search and a remove button per item.
pub fn others_box(ui: &mut Ui, project: &mut Project, step: Step) {
    let count = (project.from_others.iter())
        .filter(|f| belongs(&f.item, step))
        .count();
    if count == 0 {
        return;
    }
    ui.add_space(6.0);
    let id = ui.make_persistent_id(("others-query", step));
    let mut query: String = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    let mut remove = None;
    egui::Frame::new()
        .fill(ui.visuals().faint_bg_color)
        .stroke(egui::Stroke::new(1.5, colour::series()))
        .corner_radius(6.0)
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            let title = format!("🌐 {} ({count})", t!("shared.from_others"));
            egui::CollapsingHeader::new(RichText::new(title).strong())
                .id_salt(("others", step))
                .default_open(false)
                .show(ui, |ui| {
                    search_field(ui, &mut query, "others-search");
                    let shown: Vec<&ForeignItem> = (project.from_others.iter())
                        .filter(|f| belongs(&f.item, step) && f.item.matches(&query, &f.region))
                        .collect();
                    if shown.is_empty() {
                        ui.weak(t!("shared.none_found"));
                    }
                    for f in shown {
                        ui.separator();
                        item_lines(ui, Some(&f.region), &f.item);
                        if ui.small_button(t!("shared.remove")).clicked() {
                            remove = Some(f.id);
                        }
                    }
                });
        });
    ui.data_mut(|d| d.insert_temp(id, query));
    if let Some(id) = remove {
        project.remove(id);
    }
}

/// The lessons and interventions of every region in the overview's folder, searchable; a
/// region's name opens its file.
pub fn across(ui: &mut Ui, data: &Overview, query: &mut String, pending: &mut Outbox) {
    ui.add_space(10.0);
    ui.label(
        RichText::new(t!("shared.across_title"))
            .size(crate::ui::theme::size::PAGE_TITLE * 0.8)
            .strong(),
    );
    ui.weak(t!("shared.across_intro"));
    search_field(ui, query, "overview-lessons-search");
    let hits = data.lessons(query);
    ui.label(tf!("shared.found", n = hits.len()));
    // by region: its name (opening its file, when there is one) and then what it learned
    let mut at = 0;
    while at < hits.len() {
        let region = hits[at].region;
        let end = at + hits[at..].iter().take_while(|h| h.region == region).count();
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            ui.label(RichText::new(crate::ui::widgets::display_name(region)).strong());
            let project = hits[at..end]
                .iter()
                .find(|h| !crate::storage::is_shared_file(h.path));
            if let Some(h) = project
                && ui
                    .small_button(tf!("shared.open_region", region = region))
                    .clicked()
            {
                pending.push(Message::OpenPath(h.path.to_path_buf()));
            }
        });
        for h in &hits[at..end] {
            ui.separator();
            item_lines(ui, None, h.item);
        }
        at = end;
    }
}
