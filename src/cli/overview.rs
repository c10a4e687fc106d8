//! `kompas overview`: a folder of region files as a table.

use super::Lines;
use crate::i18n::Lang;
use crate::i18n::{Label, t, tf};
use std::io::Write;
use std::path::Path;

fn load(folder: &Path, lang: Lang) -> Result<crate::overview::Overview, String> {
    crate::overview::load_folder(folder, lang).map_err(|e| {
        tf!(
            lang,
            "cli.folder_failed",
            folder = &folder.display().to_string(),
            error = &e.to_string()
        )
    })
}

/// Prints the lessons and interventions of every region in a folder that hold every word of
/// `query` (all, when it is empty): region, where they were learned, step, and the words.
pub fn overview_lessons(
    folder: &Path,
    query: &str,
    out: &mut dyn Write,
    lang: Lang,
) -> Result<(), String> {
    let mut out = Lines::new(out);
    let o = load(folder, lang)?;
    let hits = o.lessons(query);
    for h in &hits {
        let i = h.item;
        let mut place = vec![h.region.to_owned()];
        if !i.source.trim().is_empty() {
            place.push(i.source.trim().to_owned());
        }
        place.push(match i.step {
            Some(s) => s.label_in(lang).to_owned(),
            None => t!(lang, "shared.kind_session").to_owned(),
        });
        out.line(format_args!(
            "{} · {}: {}",
            place.join(" · "),
            i.kind.label_in(lang),
            i.text.replace('\n', " ")
        ));
        if !i.themes.is_empty() {
            out.line(format_args!(
                "    {}: {}",
                t!(lang, "shared.themes"),
                i.themes.join("; ").replace('\n', " ")
            ));
        }
    }
    for f in &o.failed {
        let name = f.path.file_name().map(|n| n.to_string_lossy().into_owned());
        out.line(format_args!(
            "  ! {}: {}",
            name.unwrap_or_default(),
            f.error.replace('\n', " ")
        ));
    }
    out.line(tf!(lang, "shared.found", n = hits.len()));
    Ok(())
}

/// Prints the overview of a folder of region files.
pub fn overview(folder: &Path, out: &mut dyn Write, lang: Lang) -> Result<(), String> {
    let mut out = Lines::new(out);
    let o = load(folder, lang)?;
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
