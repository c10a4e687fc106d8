//! `kompas check`: does a file load, what is still missing per cycle, possible personal data.

use super::{Lines, load, privacy_line};
use crate::i18n::Lang;
use crate::i18n::{Label, t, tf};
use crate::model::findings;
use std::io::Write;
use std::path::Path;

/// Writes the check report of `file` to `out`; the error message when it does not load.
pub fn check(file: &Path, out: &mut dyn Write, lang: Lang) -> Result<(), String> {
    let loaded = load(file, lang)?;
    let p = &loaded.project;
    let mut out = Lines::new(out);
    let mut w = |s: String| out.line(s);
    w(tf!(
        lang,
        "cli.loaded",
        file = &file.display().to_string(),
        region = &p.region.name
    ));
    for warning in &loaded.warnings {
        w(format!("! {}", warning.message_in(lang)));
    }
    w(tf!(
        lang,
        "cli.counts",
        partners = tf!(lang, "cli.partners", n = p.partners.len()),
        cycles = tf!(lang, "cli.cycles", n = p.cycles.len())
    ));
    let below = p.settings.small_numbers_below;
    if below <= 1 {
        w(format!(
            "! {}",
            tf!(lang, "region.small_numbers_off", n = below)
        ));
    }
    let privacy = crate::privacy::scan_project(p);
    if !privacy.is_empty() {
        w(String::new());
        w(tf!(lang, "cli.privacy", n = &privacy.len().to_string()));
        for f in &privacy {
            w(format!("  ! {}", privacy_line(f, lang)));
        }
    }
    for c in &p.cycles {
        w(String::new());
        w(format!("{} ({} – {})", c.name, c.start, c.end));
        let list = findings(c);
        if list.is_empty() {
            w(format!("  ✔ {}", t!(lang, "missing.none")));
        }
        for f in list {
            w(format!(
                "  - [{}] {}",
                f.step.label_in(lang),
                crate::i18n::finding_text_in(lang, &f)
            ));
        }
    }
    Ok(())
}
