//! The real app driven through its accessibility tree, as a person would: by role and label.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};
use kompas::KompasApp;
use kompas::app::{Prefs, View};
use kompas::i18n::Lang;
use kompas::i18n::key;
use std::path::PathBuf;

#[path = "../common/mod.rs"]
mod common;
use common::*;

mod agenda;
mod chain;
mod editing;
mod facilitation;
mod files;
mod forecast;
mod import;
mod intervision;
mod lessons;
mod merge;
mod next_cycle;
mod room;
mod screens;
mod support;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/csv")
        .join(name)
}

/// Opens `file` in a fresh window and changes the region's name through the form.
fn open_and_edit(answer: Answer, file: &std::path::Path) -> Harness<'static, KompasApp> {
    assert_eq!(answer.open.as_deref(), Some(file));
    let mut h = harness_with(answer);
    click(&mut h, &icon("📂 ", key!("start.open")));
    go_to_step(&mut h, &nl(key!("view.region")));
    type_into(
        &mut h,
        Role::TextInput,
        &nl(key!("region.name")),
        " (bewerkt)",
    );
    assert!(h.state().is_dirty());
    h
}

fn asked_to_close(h: &Harness<'_, KompasApp>) -> bool {
    h.output()
        .viewport_output
        .values()
        .any(|v| v.commands.contains(&egui::ViewportCommand::Close))
}

/// A large project file (several megabytes) written to a temporary folder.
fn large_file(dir: &std::path::Path) -> (PathBuf, kompas::model::Project) {
    let size = kompas::stress::Size {
        cycles: 6,
        ambitions: 20,
        indicators_per_ambition: 10,
        measurements_per_indicator_per_cycle: 5,
        interventions: 20,
    };
    let p = kompas::stress::region(8, size, "Grote regio");
    let file = dir.join("groot.ron");
    kompas::storage::save(&file, &p).unwrap();
    (file, p)
}
