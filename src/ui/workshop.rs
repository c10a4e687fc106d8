//! Workshop mode: the cycle on the projector, one page at a time (the start, each step, one
//! outcome per page, the scan, the wrap-up), in large type and high contrast, with the
//! guidance questions beside it and a countdown. The group can still add a signal, a tip or a
//! score without leaving it. Page Down / Page Up (what presentation clickers send) and the
//! arrow keys move; Escape leaves.

use crate::app::{Command, KompasApp, View};
use crate::i18n::key;
use crate::i18n::{Label, fmt_date, fmt_number, t, tf};
use crate::model::*;
use crate::ui::steps::partner_options;
use crate::ui::widgets::charts::{basis_note, indicator_chart, status_pill};
use crate::ui::widgets::display_name;
use egui::{Color32, FontFamily, FontId, Panel, RichText, ScrollArea, TextStyle, Ui};

/// The state of workshop mode.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Workshop {
    pub page: usize,
    /// The text of the quick "tip" field.
    pub tip: String,
    /// The text and source of the quick "signal" field.
    pub signal: String,
    pub signal_from: SignalSource,
    /// Who is scoring on the scan pages, and which statement has the keys.
    pub live_scan: crate::ui::workshop_scan::LiveScan,
}

/// One page of the presentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Title,
    Step(Step),
    /// One outcome (index in the cycle) with its indicators.
    Outcome(usize),
    /// The first scan (after the analysis) or the rescore (in the evaluation).
    Scan(ScanMoment),
    WrapUp,
}

impl Page {
    /// The step a page belongs to (tips added on it are tagged with it).
    pub fn step(self) -> Option<Step> {
        match self {
            Self::Title | Self::WrapUp => None,
            Self::Step(s) => Some(s),
            Self::Outcome(_) => Some(Step::Outcomes),
            Self::Scan(ScanMoment::Analysis) => Some(Step::Analysis),
            Self::Scan(ScanMoment::Evaluation) => Some(Step::Evaluation),
        }
    }

    fn title(self, c: &Cycle) -> String {
        match self {
            Self::Title => t!("workshop.title_page").to_owned(),
            Self::Step(s) => format!("{}. {}", s.number(), s.label()),
            Self::Outcome(k) => c
                .outcomes
                .get(k)
                .map(|o| display_name(&o.title).to_owned())
                .unwrap_or_default(),
            Self::Scan(ScanMoment::Analysis) => t!("scan.title_first").to_owned(),
            Self::Scan(ScanMoment::Evaluation) => t!("scan.title_rescore").to_owned(),
            Self::WrapUp => t!("workshop.wrapup_page").to_owned(),
        }
    }

    fn questions(self) -> &'static [crate::i18n::Key] {
        match self {
            Self::Title => &[],
            Self::Step(s) => crate::ui::guidance::questions(View::Step(s)),
            Self::Outcome(_) => crate::ui::guidance::questions(View::Step(Step::Outcomes)),
            Self::Scan(_) => &[
                key!("guide.scan.1"),
                key!("guide.scan.2"),
                key!("guide.scan.3"),
            ],
            Self::WrapUp => crate::ui::guidance::questions(View::Dashboard),
        }
    }
}

/// The pages for a cycle, in order.
pub fn pages(c: &Cycle) -> Vec<Page> {
    let mut v = vec![
        Page::Title,
        Page::Step(Step::Analysis),
        Page::Scan(ScanMoment::Analysis),
    ];
    v.push(Page::Step(Step::Ambitions));
    v.push(Page::Step(Step::Outcomes));
    v.extend((0..c.outcomes.len()).map(Page::Outcome));
    v.push(Page::Step(Step::Interventions));
    v.push(Page::Step(Step::Evaluation));
    v.push(Page::Scan(ScanMoment::Evaluation));
    v.push(Page::WrapUp);
    v
}

/// Larger type and full contrast for the projector. The type grows with the screen: sized for
/// 1024×768 (the resolution projectors are designed for), up to 1.5× on a large screen.
fn projector_style(ui: &mut Ui, dark: bool) {
    let k = (ui.max_rect().height() / 768.0).clamp(1.0, 1.5);
    let style = ui.style_mut();
    let font = |size: f32| FontId::new(size * k, FontFamily::Proportional);
    style.text_styles = [
        (TextStyle::Heading, font(38.0)),
        (TextStyle::Body, font(23.0)),
        (TextStyle::Button, font(21.0)),
        (
            TextStyle::Monospace,
            FontId::new(21.0 * k, FontFamily::Monospace),
        ),
        (TextStyle::Small, font(18.0)),
    ]
    .into();
    style.spacing.item_spacing = egui::vec2(12.0, 10.0);
    style.spacing.interact_size.y = 34.0;
    // checkboxes and radio buttons large enough to see and hit from the room
    style.spacing.icon_width = 26.0 * k;
    style.spacing.icon_width_inner = 14.0 * k;
    style.spacing.icon_spacing = 8.0 * k;
    let (bg, fg) = if dark {
        (Color32::BLACK, Color32::WHITE)
    } else {
        (Color32::WHITE, Color32::BLACK)
    };
    let v = &mut style.visuals;
    v.panel_fill = bg;
    v.window_fill = bg;
    // text fields stand out from the page, with a clear border
    v.extreme_bg_color = if dark {
        Color32::from_gray(35)
    } else {
        Color32::from_gray(240)
    };
    v.widgets.inactive.bg_stroke = egui::Stroke::new(1.5, Color32::from_gray(120));
    v.override_text_color = Some(fg);
}

/// Draws workshop mode over the whole window.
pub fn show(app: &mut KompasApp, ui: &mut Ui) {
    let now = ui.input(|i| i.time);
    let KompasApp {
        doc,
        pending,
        prefs,
        workshop,
        timer,
        ..
    } = app;
    let (Some(doc), Some(ws)) = (doc, workshop) else {
        return;
    };
    let cycle = doc.cycle;
    let Some(c) = doc.project.cycles.get(cycle) else {
        return;
    };
    let all = pages(c);
    ws.page = ws.page.min(all.len() - 1);
    let page = all[ws.page];
    let title = page.title(c);
    let region = doc.project.region.name.clone();
    projector_style(ui, prefs.dark);

    Panel::top("workshop-top").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            let wide = ui.available_width() > 1200.0;
            // the region's name is cut to fit, so the toolbar keeps its place
            let name = if wide {
                format!("{}  ·  {}", display_name(&region), c.name)
            } else {
                display_name(&region).to_owned()
            };
            ui.scope(|ui| {
                ui.set_max_width(if wide { 420.0 } else { 200.0 });
                ui.add(egui::Label::new(RichText::new(name).strong()).truncate());
            });
            ui.separator();
            if ui
                .button("«")
                .on_hover_text(t!("workshop.previous"))
                .clicked()
            {
                pending.push(Command::WorkshopPage(-1));
            }
            // room for "99 / 99", so the buttons do not move when the number grows
            let counter_width = ui.text_style_height(&TextStyle::Body) * 3.6;
            ui.add_sized(
                [counter_width, ui.spacing().interact_size.y],
                egui::Label::new(format!("{} / {}", ws.page + 1, all.len())),
            );
            if ui.button("»").on_hover_text(t!("workshop.next")).clicked() {
                pending.push(Command::WorkshopPage(1));
            }
            ui.separator();
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button("✖ Esc")
                    .on_hover_text(t!("workshop.leave"))
                    .clicked()
                {
                    pending.push(Command::ToggleWorkshop);
                }
                ui.separator();
                ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    crate::ui::timer::show(ui, timer, now, 26.0);
                });
            });
        });
        ui.add_space(4.0);
    });
    let questions = page.questions();
    if !questions.is_empty() && prefs.show_guidance {
        Panel::right("workshop-guidance")
            .resizable(false)
            .exact_size((ui.available_width() * 0.3).clamp(240.0, 480.0))
            .show(ui, |ui| {
                ui.add_space(8.0);
                ui.label(
                    RichText::new(t!("guide.title"))
                        .heading()
                        .size(scaled(ui, 28.0)),
                );
                ui.add_space(8.0);
                for key in questions {
                    ui.horizontal_top(|ui| {
                        ui.label(RichText::new("?").strong());
                        ui.add(egui::Label::new(t!(key)).wrap());
                    });
                    ui.add_space(8.0);
                }
            });
    }
    let cycle_id = c.id;
    if let Some(step) = page.step() {
        Panel::bottom("workshop-tip").show(ui, |ui| {
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                let l = ui.label(format!("💡 {}", t!("workshop.tip")));
                // "Add" at the right, the field takes the width between
                let (clicked, field) = ui
                    .with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        let clicked = ui.button(t!("workshop.add")).clicked();
                        let field = ui
                            .add(
                                egui::TextEdit::singleline(&mut ws.tip)
                                    .desired_width(ui.available_width())
                                    .hint_text(tf!("workshop.tip_hint", step = step.label())),
                            )
                            .labelled_by(l.id);
                        (clicked, field)
                    })
                    .inner;
                let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if (clicked || enter) && !ws.tip.trim().is_empty() {
                    let id = doc.project.new_id();
                    doc.project.tips.push(Tip {
                        id,
                        text: ws.tip.trim().to_owned(),
                        session: None,
                        cycle: Some(cycle_id),
                        step: Some(step),
                        taken_up: false,
                    });
                    ws.tip.clear();
                }
            });
            ui.add_space(4.0);
        });
    }
    egui::CentralPanel::default_margins().show(ui, |ui| {
        // every page opens at its top, also when it was scrolled before
        let shown_id = egui::Id::unique("workshop-page-shown");
        let arrived = ui.data(|d| d.get_temp::<usize>(shown_id)) != Some(ws.page);
        ui.data_mut(|d| d.insert_temp(shown_id, ws.page));
        let mut area = ScrollArea::vertical()
            .id_salt(("workshop-page", ws.page))
            .auto_shrink(false);
        if arrived {
            area = area.vertical_scroll_offset(0.0);
        }
        area.show(ui, |ui| {
            ui.add_space(6.0);
            ui.label(RichText::new(&title).heading().strong());
            ui.add_space(10.0);
            page_content(ui, &mut doc.project, (cycle, page), ws, pending);
        });
    });
}

/// A size given for 1024×768, grown with the page's type.
fn scaled(ui: &Ui, size: f32) -> f32 {
    size * ui.style().text_styles[&TextStyle::Body].size / 23.0
}

/// A section title on a page: larger, in the series colour.
fn section(ui: &mut Ui, text: &str) {
    let size = ui.style().text_styles[&TextStyle::Body].size * 1.15;
    ui.add_space(4.0);
    ui.label(
        RichText::new(text)
            .size(size)
            .strong()
            .color(crate::ui::widgets::charts::SERIES),
    );
}

fn bullet(ui: &mut Ui, text: &str) {
    ui.horizontal_top(|ui| {
        ui.label("•");
        ui.add(egui::Label::new(text).wrap());
    });
}

fn page_content(
    ui: &mut Ui,
    project: &mut Project,
    (cycle, page): (usize, Page),
    ws: &mut Workshop,
    pending: &mut Vec<Command>,
) {
    match page {
        Page::Title => title_page(ui, project, cycle),
        Page::Step(Step::Analysis) => analysis_page(ui, project, cycle, ws),
        Page::Step(Step::Ambitions) => {
            let Some(c) = project.cycles.get(cycle) else {
                return;
            };
            for a in &c.ambitions {
                ui.label(
                    RichText::new(display_name(&a.title))
                        .strong()
                        .size(scaled(ui, 28.0)),
                );
                if !a.description.is_empty() {
                    ui.label(&a.description);
                }
                ui.add_space(10.0);
            }
            if !c.principles.is_empty() {
                section(ui, t!("principles.title"));
                for p in &c.principles {
                    bullet(ui, &p.text);
                }
            }
        }
        Page::Step(Step::Outcomes) => {
            let Some(c) = project.cycles.get(cycle) else {
                return;
            };
            for o in &c.outcomes {
                ui.label(
                    RichText::new(display_name(&o.title))
                        .strong()
                        .size(scaled(ui, 26.0)),
                );
                for i in &o.indicators {
                    bullet(ui, display_name(&i.name));
                }
                ui.add_space(8.0);
            }
        }
        Page::Outcome(k) => outcome_page(ui, project, cycle, k),
        Page::Step(Step::Interventions) => {
            let Some(c) = project.cycles.get(cycle) else {
                return;
            };
            for iv in &c.interventions {
                ui.label(
                    RichText::new(display_name(&iv.title))
                        .strong()
                        .size(scaled(ui, 26.0)),
                );
                let outcomes: Vec<&str> = iv
                    .contributions
                    .iter()
                    .filter_map(|k| c.outcome(k.outcome))
                    .map(|o| display_name(&o.title))
                    .collect();
                if !outcomes.is_empty() {
                    ui.weak(tf!("workshop.contributes_to", list = &outcomes.join(" · ")));
                }
                let who: Vec<&str> = iv
                    .responsible
                    .iter()
                    .map(|p| project.partner_name(*p))
                    .collect();
                if !who.is_empty() {
                    ui.weak(who.join(", "));
                }
                ui.add_space(8.0);
            }
        }
        Page::Step(Step::Evaluation) => {
            let Some(c) = project.cycles.get(cycle) else {
                return;
            };
            for iv in &c.interventions {
                let judgement = c.judgement_of(iv.id);
                let line = match judgement {
                    Some(j) => format!(
                        "{}: {}{}",
                        display_name(&iv.title),
                        j.contribution.label(),
                        j.decision
                            .map(|d| format!("  ·  {}", d.label()))
                            .unwrap_or_default()
                    ),
                    None => format!(
                        "{}: {}",
                        display_name(&iv.title),
                        t!("dashboard.not_judged")
                    ),
                };
                bullet(ui, &line);
            }
            if !c.evaluation.lessons.is_empty() {
                ui.add_space(8.0);
                section(ui, t!("lessons.title"));
                for l in &c.evaluation.lessons {
                    bullet(ui, &l.text);
                }
            }
        }
        Page::Scan(moment) => {
            crate::ui::workshop_scan::page(ui, project, cycle, moment, &mut ws.live_scan, pending)
        }
        Page::WrapUp => wrapup_page(ui, project, cycle),
    }
}

fn title_page(ui: &mut Ui, project: &Project, cycle: usize) {
    let Some(c) = project.cycles.get(cycle) else {
        return;
    };
    ui.label(
        RichText::new(display_name(&project.region.name))
            .size(scaled(ui, 46.0))
            .strong(),
    );
    ui.label(RichText::new(format!(
        "{}  ·  {} – {}",
        c.name,
        fmt_date(c.start),
        fmt_date(c.end)
    )));
    ui.add_space(16.0);
    for s in Step::ALL {
        let open = findings_for_step(c, s).len();
        let mark = if open == 0 {
            format!("✔ {}", t!("stepper.complete"))
        } else {
            format!("⚠ {}", tf!("stepper.missing", n = &open.to_string()))
        };
        ui.label(format!("{}. {}    {mark}", s.number(), s.label()));
    }
    ui.add_space(16.0);
    ui.weak(t!("workshop.keys"));
}

fn analysis_page(ui: &mut Ui, project: &mut Project, cycle: usize, ws: &mut Workshop) {
    let partners = partner_options(project);
    let Some(c) = project.cycles.get(cycle) else {
        return;
    };
    if !c.analysis.data_points.is_empty() {
        section(ui, t!("analysis.data"));
        for d in &c.analysis.data_points {
            let value = d
                .value
                .map(|v| format!("{} {}", fmt_number(v), d.unit))
                .unwrap_or_default();
            bullet(ui, &format!("{}: {value}", display_name(&d.label)));
        }
        ui.add_space(8.0);
    }
    for (key, list) in [
        (key!("analysis.strengths"), &c.analysis.strengths),
        (key!("analysis.problems"), &c.analysis.problems),
    ] {
        if !list.is_empty() {
            section(ui, t!(key));
            for x in list {
                bullet(ui, &x.text);
            }
            ui.add_space(8.0);
        }
    }
    section(ui, t!("analysis.signals"));
    for s in &c.analysis.signals {
        let from = match s.partner {
            Some(p) => partners
                .iter()
                .find(|x| x.0 == p)
                .map_or(s.from.label().to_owned(), |x| x.1.clone()),
            None => s.from.label().to_owned(),
        };
        bullet(ui, &format!("{from}: {}", s.text));
    }
    // add a signal live, without leaving the mode
    ui.add_space(6.0);
    let mut add = false;
    // who it comes from on one line, the text and "Add" below it, so both fit any width
    let l = ui
        .horizontal(|ui| {
            let l = ui.label(t!("workshop.new_signal"));
            crate::ui::widgets::enum_combo_inline(
                ui,
                l.id,
                &mut ws.signal_from,
                &SignalSource::ALL,
                "ws-signal-from",
            );
            l
        })
        .inner;
    ui.horizontal(|ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let clicked = ui.button(t!("workshop.add")).clicked();
            let r = ui
                .add(egui::TextEdit::singleline(&mut ws.signal).desired_width(ui.available_width()))
                .labelled_by(l.id);
            add = clicked || (r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)));
        });
    });
    if add && !ws.signal.trim().is_empty() {
        let id = project.new_id();
        if let Some(c) = project.cycles.get_mut(cycle) {
            c.analysis.signals.push(Signal {
                id,
                from: ws.signal_from,
                partner: None,
                text: ws.signal.trim().to_owned(),
            });
        }
        ws.signal.clear();
    }
}

fn outcome_page(ui: &mut Ui, project: &Project, cycle: usize, k: usize) {
    let Some(c) = project.cycles.get(cycle) else {
        return;
    };
    let Some(o) = c.outcomes.get(k) else { return };
    if !o.description.is_empty() {
        ui.label(&o.description);
    }
    let index = SeriesIndex::new(project);
    for ind in &o.indicators {
        let series = index.series(ind.id);
        let a = assess(ind, &series);
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(display_name(&ind.name))
                    .strong()
                    .size(scaled(ui, 26.0)),
            );
            status_pill(ui, &a, ind);
        });
        basis_note(ui, &a, &series, ind, scaled(ui, 18.0));
        let height = (ui.available_height() * 0.45).clamp(200.0, 380.0);
        indicator_chart(
            ui,
            ui.make_persistent_id(("ws-chart", ind.id.0)),
            ind,
            &series,
            height,
        );
    }
    let ivs: Vec<&Intervention> = c.interventions_for(o.id).collect();
    if !ivs.is_empty() {
        ui.add_space(8.0);
        section(ui, t!("dashboard.interventions"));
        for iv in ivs {
            let j = c
                .judgement_of(iv.id)
                .map(|j| format!(" — {}", j.contribution.label()))
                .unwrap_or_default();
            bullet(ui, &format!("{}{j}", display_name(&iv.title)));
        }
    }
}

fn wrapup_page(ui: &mut Ui, project: &mut Project, cycle: usize) {
    let Some(cycle_id) = project.cycles.get(cycle).map(|c| c.id) else {
        return;
    };
    section(ui, t!("workshop.tips_title"));
    let mut any = false;
    for tip in project
        .tips
        .iter_mut()
        .filter(|t| t.cycle == Some(cycle_id))
    {
        any = true;
        ui.horizontal(|ui| {
            let step = tip.step.map(|s| s.label()).unwrap_or_default();
            ui.checkbox(&mut tip.taken_up, "")
                .on_hover_text(t!("tips.taken_up"));
            ui.add(egui::Label::new(format!("{}  ({step})", tip.text)).wrap());
        });
    }
    if !any {
        ui.weak(t!("workshop.no_tips"));
    }
    ui.add_space(12.0);
    section(ui, t!("actions.open_title"));
    let today = chrono::Local::now().date_naive();
    let mut open = 0;
    for (_, a) in project.all_actions() {
        if !a.status.is_open() {
            continue;
        }
        open += 1;
        let owner = a.owner.map(|p| project.partner_name(p)).unwrap_or_default();
        let due = a.due.map(fmt_date).unwrap_or_default();
        let text = format!("{}  —  {owner}  {due}", a.what);
        if a.is_overdue(today) {
            ui.label(
                RichText::new(format!("⚠ {text}  ({})", t!("actions.overdue")))
                    .color(crate::ui::widgets::charts::BEHIND),
            );
        } else {
            bullet(ui, &text);
        }
    }
    if open == 0 {
        ui.weak(t!("actions.none_open"));
    }
}
