//! Every character the interface can show has a glyph in the fonts the program ships, so no
//! text ever shows as empty boxes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::Path;

fn chars_in(dir: &Path, out: &mut BTreeSet<char>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            chars_in(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            // Only string literals: comments may use any character.
            for literal in text.split('"').skip(1).step_by(2) {
                out.extend(literal.chars().filter(|c| !c.is_ascii()));
            }
        }
    }
}

#[test]
fn every_character_of_the_interface_has_a_glyph() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut chars = BTreeSet::new();
    chars_in(&root.join("src"), &mut chars);
    let translations = std::fs::read_to_string(root.join("assets/i18n.ron")).unwrap();
    for line in translations
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
    {
        chars.extend(line.chars().filter(|c| !c.is_ascii()));
    }
    assert!(chars.contains(&'ë'), "the scan found the Dutch texts");
    let ctx = egui::Context::default();
    let mut missing: Vec<String> = Vec::new();
    let mut output = ctx.run_ui(Default::default(), |ui| {
        missing = ui.ctx().fonts_mut(|f| {
            chars
                .iter()
                .filter(|c| !f.has_glyph(&egui::FontId::proportional(16.0), **c))
                .map(|c| format!("{c} (U+{:04X})", *c as u32))
                .collect()
        });
    });
    output.textures_delta.clear();
    assert!(missing.is_empty(), "no glyph for: {}", missing.join(", "));
}
