//! Every screen at a meeting room's projector size (1024×768) and at 1280×800, with the
//! guidance panel open and closed: nothing drawn outside the window or its panel, under a side
//! panel or the status bar, no text set a letter per line, no field too narrow to type in.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use kompas::KompasApp;

const SIZES: [egui::Vec2; 2] = [egui::vec2(1024.0, 768.0), egui::vec2(1280.0, 800.0)];

fn check(h: &Harness<'_, KompasApp>, size: egui::Vec2, screen: &str, out: &mut Vec<String>) {
    out.extend(common::layout::problems(&h.root(), size, screen));
}

const VIEWS: [&str; 9] = [
    "🏠  Regio en partners",
    "1  Analyse",
    "2  Gezamenlijke ambities",
    "3  Maatschappelijke resultaten",
    "4  Interventies",
    "5  Evaluatie",
    "📊  Dashboard",
    "📅  Overleggen en acties",
    "💬  Intervisie",
];

fn every_screen_of(sample: &str) -> Vec<String> {
    let mut out = vec![];
    for size in SIZES {
        for guidance in [true, false] {
            let mut h = harness_sized(None, None, size);
            click(&mut h, sample);
            h.state_mut().prefs.show_guidance = guidance;
            h.run_steps(3);
            let tag = format!(
                "{}×{} guidance {}",
                size.x,
                size.y,
                if guidance { "on" } else { "off" }
            );
            for view in VIEWS {
                h.get_by_label_contains(view).click();
                h.run_steps(4);
                check(&h, size, &format!("{tag} {view}"), &mut out);
            }
            // the workshop, every page
            key(&mut h, Key::F5);
            let pages = kompas::ui::workshop::pages(
                &project(&h).cycles[h.state().doc.as_ref().unwrap().cycle],
            )
            .len();
            for page in 0..pages {
                h.run_steps(3);
                check(
                    &h,
                    size,
                    &format!("{tag} workshop page {}", page + 1),
                    &mut out,
                );
                key(&mut h, Key::PageDown);
            }
            key(&mut h, Key::Escape);
            // dialogs
            h.get_by_label_contains("⟳ Volgende cyclus starten").click();
            h.run_steps(4);
            check(&h, size, &format!("{tag} next-cycle dialog"), &mut out);
            click(&mut h, "Annuleren");
            key(&mut h, Key::F1);
            check(&h, size, &format!("{tag} guide"), &mut out);
            click(&mut h, "Sneltoetsen");
            check(&h, size, &format!("{tag} shortcuts"), &mut out);
            click(&mut h, "OK");
        }
    }
    out
}

fn report(problems: &[String]) {
    assert!(
        problems.is_empty(),
        "{} layout problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_screen_of_the_utrecht_sample_fits() {
    let sample = format!("📘 {}", kompas::i18n::t("sample.utrecht"));
    report(&every_screen_of(&sample));
}

#[test]
fn every_screen_of_the_rivierenland_sample_fits() {
    let sample = format!("📘 {}", kompas::i18n::t("sample.rivierenland"));
    report(&every_screen_of(&sample));
}
