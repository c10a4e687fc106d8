//! `kompas check`: does a file load, what is still missing per cycle, possible personal data.

use super::{Lines, load, privacy_line};
use crate::i18n::{Label, finding_text, t, tf};
use crate::model::findings;
use std::io::Write;
use std::path::Path;

/// Writes the check report of `file` to `out`; the error message when it does not load.
pub fn check(file: &Path, out: &mut dyn Write) -> Result<(), String> {
    let loaded = load(file)?;
    let p = &loaded.project;
    let mut out = Lines::new(out);
    let mut w = |s: String| out.line(s);
    w(tf(
        "cli.loaded",
        &[
            ("file", &file.display().to_string()),
            ("region", &p.region.name),
        ],
    ));
    for warning in &loaded.warnings {
        w(format!("! {}", warning.message()));
    }
    w(tf(
        "cli.counts",
        &[
            ("partners", &p.partners.len().to_string()),
            ("cycles", &p.cycles.len().to_string()),
        ],
    ));
    let privacy = crate::privacy::scan_project(p);
    if !privacy.is_empty() {
        w(String::new());
        w(tf("cli.privacy", &[("n", &privacy.len().to_string())]));
        for f in &privacy {
            w(format!("  ! {}", privacy_line(f)));
        }
    }
    for c in &p.cycles {
        w(String::new());
        w(format!("{} ({} – {})", c.name, c.start, c.end));
        let list = findings(c);
        if list.is_empty() {
            w(format!("  ✔ {}", t("missing.none")));
        }
        for f in list {
            w(format!("  - [{}] {}", f.step.label(), finding_text(&f)));
        }
    }
    Ok(())
}
