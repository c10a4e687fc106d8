//! `kompas overview`: a folder of region files as a table.

use super::Lines;
use crate::i18n::Lang;
use crate::i18n::{Label, t, tf};
use std::io::Write;
use std::path::Path;

/// Prints the overview of a folder of region files.
pub fn overview(folder: &Path, out: &mut dyn Write, lang: Lang) -> Result<(), String> {
    let mut out = Lines::new(out);
    let o = crate::overview::load_folder(folder, lang).map_err(|e| {
        tf!(
            lang,
            "cli.folder_failed",
            folder = &folder.display().to_string(),
            error = &e.to_string()
        )
    })?;
    let num = |v: Option<f64>| {
        v.map(|v| lang.fmt_number((v * 10.0).round() / 10.0))
            .unwrap_or_else(|| "–".into())
    };
    out.line(format_args!(
        "{:<36} {:<12} {:<14} {:>6} {:>7} {:>9}  {}",
        t!(lang, "overview.region"),
        t!(lang, "analysis.phase"),
        t!(lang, "analysis.model"),
        t!(lang, "overview.wf_short"),
        t!(lang, "overview.borging_short"),
        t!(lang, "overview.on_track_short"),
        t!(lang, "overview.cycle")
    ));
    for r in &o.rows {
        let name: String = r.region.chars().take(35).collect();
        out.line(format_args!(
            "{:<36} {:<12} {:<14} {:>6} {:>7} {:>9}  {}",
            name,
            r.phase.map(|x| x.label_in(lang)).unwrap_or("–"),
            r.model.map(|x| x.label_in(lang)).unwrap_or("–"),
            num(r.working_factors),
            num(r.borging),
            r.on_track
                .map(|v| format!("{:.0}%", v * 100.0))
                .unwrap_or_else(|| "–".into()),
            r.cycle
                .as_ref()
                .map(|(n, s, e)| format!("{n} ({} – {})", lang.fmt_date(*s), lang.fmt_date(*e)))
                .unwrap_or_default()
        ));
    }
    if !o.failed.is_empty() {
        out.line("");
        out.line(tf!(lang, "overview.failed", n = o.failed.len()));
        for f in &o.failed {
            let name = f
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            out.line(format_args!("  ! {name}: {}", f.error.replace('\n', " ")));
        }
    }
    out.line(tf!(lang, "overview.count", n = o.rows.len()));
    Ok(())
}
