//! `kompas overview`: a folder of region files as a table.

use super::Lines;
use crate::i18n::{Label, t, tf};
use std::io::Write;
use std::path::Path;

/// Prints the overview of a folder of region files.
pub fn overview(folder: &Path, out: &mut dyn Write) -> Result<(), String> {
    let mut out = Lines::new(out);
    let o = crate::overview::load_folder(folder).map_err(|e| {
        tf(
            "cli.folder_failed",
            &[
                ("folder", &folder.display().to_string()),
                ("error", &e.to_string()),
            ],
        )
    })?;
    let num = |v: Option<f64>| {
        v.map(|v| crate::i18n::fmt_number((v * 10.0).round() / 10.0))
            .unwrap_or_else(|| "–".into())
    };
    out.line(format_args!(
        "{:<36} {:<12} {:<14} {:>6} {:>7} {:>9}  {}",
        t("overview.region"),
        t("analysis.phase"),
        t("analysis.model"),
        t("overview.wf_short"),
        t("overview.borging_short"),
        t("overview.on_track_short"),
        t("overview.cycle")
    ));
    for r in &o.rows {
        let name: String = r.region.chars().take(35).collect();
        out.line(format_args!(
            "{:<36} {:<12} {:<14} {:>6} {:>7} {:>9}  {}",
            name,
            r.phase.map(|x| x.label()).unwrap_or("–"),
            r.model.map(|x| x.label()).unwrap_or("–"),
            num(r.working_factors),
            num(r.borging),
            r.on_track
                .map(|v| format!("{:.0}%", v * 100.0))
                .unwrap_or_else(|| "–".into()),
            r.cycle
                .as_ref()
                .map(|(n, s, e)| format!(
                    "{n} ({} – {})",
                    crate::i18n::fmt_date(*s),
                    crate::i18n::fmt_date(*e)
                ))
                .unwrap_or_default()
        ));
    }
    if !o.failed.is_empty() {
        out.line("");
        out.line(tf("overview.failed", &[("n", &o.failed.len().to_string())]));
        for f in &o.failed {
            let name = f
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            out.line(format_args!("  ! {name}: {}", f.error.replace('\n', " ")));
        }
    }
    out.line(tf("overview.count", &[("n", &o.rows.len().to_string())]));
    Ok(())
}
