//! What the UI tests share: file dialogs with fixed answers, a harness around the real app,
//! and the ways a person acts on it (click by label, type into a labelled field, wait for a job).

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kompas::KompasApp;
use kompas::app::{FileDialogs, FileKind, Prefs};
use kompas::i18n::{Key, Lang};
use std::path::PathBuf;

pub mod layout;

/// File dialogs that answer with fixed paths: a project file from `open`/`save`, any other kind
/// (a CSV, a copy to merge or compare) from `csv_open`/`csv_save`.
pub struct Answer {
    pub open: Option<PathBuf>,
    pub save: Option<PathBuf>,
    pub csv_open: Option<PathBuf>,
    pub csv_save: Option<PathBuf>,
}

impl FileDialogs for Answer {
    fn pick_open(&mut self, kind: FileKind) -> Option<PathBuf> {
        match kind {
            FileKind::Project => self.open.clone(),
            _ => self.csv_open.clone(),
        }
    }
    fn pick_save(&mut self, kind: FileKind, _suggested: &str) -> Option<PathBuf> {
        match kind {
            FileKind::Project => self.save.clone(),
            _ => self.csv_save.clone(),
        }
    }
}

pub fn harness(open: Option<PathBuf>, save: Option<PathBuf>) -> Harness<'static, KompasApp> {
    harness_with(Answer {
        open,
        save,
        csv_open: None,
        csv_save: None,
    })
}

pub fn harness_with(answer: Answer) -> Harness<'static, KompasApp> {
    harness_answer_sized(answer, egui::vec2(1400.0, 2600.0))
}

/// A window of the given size (1024×768 is a meeting room's projector).
pub fn harness_sized(
    open: Option<PathBuf>,
    save: Option<PathBuf>,
    size: egui::Vec2,
) -> Harness<'static, KompasApp> {
    let answer = Answer {
        open,
        save,
        csv_open: None,
        csv_save: None,
    };
    harness_answer_sized(answer, size)
}

pub fn harness_answer_sized(answer: Answer, size: egui::Vec2) -> Harness<'static, KompasApp> {
    harness_stepped(answer, size, None)
}

/// A window of `size` whose frames are `step_dt` seconds apart (the harness's default is a
/// quarter second, too slow for two clicks to make a double-click).
pub fn harness_stepped(
    answer: Answer,
    size: egui::Vec2,
    step_dt: Option<f32>,
) -> Harness<'static, KompasApp> {
    let prefs = Prefs {
        lang: Lang::Nl,
        ..Prefs::default()
    };
    let mut builder = Harness::builder().with_size(size);
    if let Some(dt) = step_dt {
        builder = builder.with_step_dt(dt);
    }
    let mut h = builder.build_eframe(move |_cc| KompasApp::with_dialogs(prefs, Box::new(answer)));
    h.run_steps(2);
    h
}

/// The app with autosave into `dir` (recovery files offered at start) and dialogs that
/// answer nothing.
pub fn harness_recovering(dir: &std::path::Path) -> Harness<'static, KompasApp> {
    let dir = dir.to_path_buf();
    let answer = Answer {
        open: None,
        save: None,
        csv_open: None,
        csv_save: None,
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 2600.0))
        .build_eframe(move |_| {
            KompasApp::with_dialogs(Prefs::default(), Box::new(answer)).with_recovery_dir(Some(dir))
        });
    h.run_steps(2);
    h
}

pub fn type_into(h: &mut Harness<'_, KompasApp>, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).focus();
    h.run_steps(2);
    h.get_by_role_and_label(role, label).type_text(text);
    h.run_steps(2);
}

/// Moves the pointer onto the widget for a frame first (a modal dialog only takes a click once
/// the pointer has been over it), then clicks.
pub fn click(h: &mut Harness<'_, KompasApp>, label: &str) {
    h.get_by_label(label).hover();
    h.run_steps(1);
    h.get_by_label(label).click();
    h.run_steps(3);
    settle(h);
}

/// Runs frames until the background job (opening, saving, exporting) is done.
pub fn settle(h: &mut Harness<'_, KompasApp>) {
    let start = std::time::Instant::now();
    h.run_steps(1);
    while h.state().state.job.is_some() {
        assert!(start.elapsed().as_secs() < 20, "the job finishes");
        std::thread::sleep(std::time::Duration::from_millis(2));
        h.run_steps(1);
    }
    h.run_steps(2);
}

pub fn go_to_step(h: &mut Harness<'_, KompasApp>, number_and_name: &str) {
    h.get_by_label_contains(number_and_name).click();
    h.run_steps(3);
}

pub fn project<'a>(h: &'a Harness<'_, KompasApp>) -> &'a kompas::model::Project {
    &h.state()
        .state
        .doc
        .as_ref()
        .expect("a project is open")
        .project
}

/// The workshop page shown, or `None` outside workshop mode.
pub fn workshop_page(h: &Harness<'_, KompasApp>) -> Option<usize> {
    h.state().state.workshop.as_ref().map(|w| w.page)
}

pub fn key(h: &mut Harness<'_, KompasApp>, k: egui::Key) {
    h.key_press(k);
    h.run_steps(3);
}

/// Turns the mouse wheel over the widget labelled `over` (300 points a notch), as a person
/// scrolls a page down.
pub fn wheel_down(h: &mut Harness<'_, KompasApp>, over: &str, notches: usize) {
    h.get_by_label_contains(over).hover();
    for _ in 0..notches {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -300.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
        h.run_steps(2);
    }
    h.run_steps(5);
}

/// Runs frames until the region overview has loaded its folder (it loads in the background).
pub fn wait_for_overview(h: &mut Harness<'_, KompasApp>) {
    let start = std::time::Instant::now();
    while h
        .state()
        .state
        .overview
        .as_ref()
        .is_some_and(|o| o.data.is_none())
    {
        h.run_steps(1);
        assert!(
            start.elapsed().as_secs() < 20,
            "the overview never finished"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}

/// A text of the Dutch interface, by its translation key: tests find widgets by the text the
/// program shows, so a reworded label does not break them.
pub fn nl(key: Key) -> String {
    key.text_in(Lang::Nl).to_owned()
}

/// A Dutch label with its icon in front, as buttons show it: `icon("➕ ", key!("cmd.new"))` is
/// "➕ Nieuw project" (the stepper puts two spaces after its icons).
pub fn icon(icon: &str, key: Key) -> String {
    format!("{icon}{}", nl(key))
}
