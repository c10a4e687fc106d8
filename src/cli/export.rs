//! `kompas export`: a cycle as a report, refused when the file seems to hold personal data.

use super::{Lines, load};
use crate::i18n::Lang;
use crate::i18n::{Label, t, tf};
use crate::storage;
use std::io::Write;
use std::path::Path;

/// What to export: the format's name, the cycle (counted from 1; the last when not given) and
/// the sections of a report (those chosen for the project when not given).
pub struct What<'a> {
    pub format: &'a str,
    pub cycle: Option<usize>,
    pub sections: Option<Vec<crate::report::SectionKind>>,
    /// Instead of the report: the brief or handout of an intervision session (counted from 1),
    /// without participants' names.
    pub paper: Option<(crate::report::Paper, usize)>,
}

/// Writes a cycle of `file` as a report to `output`. Errors carry the exit code: 1 when the
/// file does not load or cannot be written, 2 when personal data was found (and no `force`),
/// and 2 when `output` is the input file, another project file or has a project's name
/// (`.ron`, `.ron.bak`), a folder, a device or anything else that is not a regular file, or a
/// name Windows cannot hold (`CON.html`, `verslag.html.`; see [`storage::names`]) (nothing is
/// written; `--force` does not change that), and 2 when it is an existing file of another
/// format (unless `--force`).
pub fn export(
    file: &Path,
    what: &What,
    output: &Path,
    force: bool,
    out: &mut dyn Write,
    lang: Lang,
) -> Result<(), (String, u8)> {
    let mut out = Lines::new(out);
    let (format, cycle) = (what.format, what.cycle);
    let format = crate::export::Format::parse(format)
        .ok_or_else(|| (tf!(lang, "cli.bad_format", format = format), 1))?;
    let refused = |why| {
        let e = storage::SaveError::Refused {
            path: output.to_path_buf(),
            why,
        };
        let mut message = e.message_in(lang);
        if why == storage::guard::Refusal::OtherFormat {
            message = format!("{message} {}", t!(lang, "cli.other_format_force"));
        }
        (message, 2)
    };
    if let Some(problem) = storage::names::path_name_problem(output) {
        let path = output.to_path_buf();
        return Err((
            storage::SaveError::Name { path, problem }.message_in(lang),
            2,
        ));
    }
    if let Some(why) = storage::guard::export_refusal_for(output, file, format.kind(), force) {
        return Err(refused(why));
    }
    let loaded = load(file, lang).map_err(|e| (e, 1))?;
    let p = &loaded.project;
    let count = p.cycles.len();
    let index = match cycle {
        Some(n) if (1..=count).contains(&n) => n - 1,
        Some(n) => {
            return Err((
                tf!(lang, "cli.no_cycle", n = &n.to_string(), count = count),
                1,
            ));
        }
        None => count.saturating_sub(1),
    };
    let findings = crate::privacy::scan_project(p);
    if !findings.is_empty() {
        out.line(tf!(lang, "cli.privacy", n = &findings.len().to_string()));
        for f in &findings {
            out.line(format_args!("  ! {}", privacy_line(f, lang)));
        }
        if !force {
            return Err((t!(lang, "cli.privacy_refused").to_owned(), 2));
        }
    }
    let bytes = match (&what.paper, &what.sections) {
        (Some((paper, n)), _) => paper_bytes(p, index, (*paper, *n), format, lang)?,
        (None, Some(sections)) => crate::export::export_sections(p, index, format, lang, sections),
        (None, None) => crate::export::export(p, index, format, lang),
    }
    .map_err(|e| (e, 1))?;
    storage::write_export(output, &bytes, format.kind(), force).map_err(|e| match e {
        storage::SaveError::Refused { why, .. } => refused(why),
        e @ storage::SaveError::Name { .. } => (e.message_in(lang), 2),
        e => (e.message_in(lang), 1),
    })?;
    out.line(tf!(
        lang,
        "cli.exported",
        file = &output.display().to_string()
    ));
    Ok(())
}

/// The brief or handout of session `n` (from 1) as `format` (html, md or docx), without names.
fn paper_bytes(
    p: &crate::model::Project,
    cycle: usize,
    (paper, n): (crate::report::Paper, usize),
    format: crate::export::Format,
    lang: Lang,
) -> Result<Result<Vec<u8>, String>, (String, u8)> {
    use crate::export::Format;
    let count = p.intervisions.len();
    let session = (n.checked_sub(1).and_then(|k| p.intervisions.get(k))).ok_or_else(|| {
        (
            tf!(
                lang,
                "cli.no_session",
                n = &n.to_string(),
                count = &count.to_string()
            ),
            1,
        )
    })?;
    let today = chrono::Local::now().date_naive();
    let r = crate::report::session_paper(p, cycle, session.id, paper, false, lang, today)
        .ok_or_else(|| {
            (
                tf!(
                    lang,
                    "cli.no_session",
                    n = &n.to_string(),
                    count = &count.to_string()
                ),
                1,
            )
        })?;
    Ok(match format {
        Format::Html => Ok(crate::export::render_html(&r).into_bytes()),
        Format::Markdown => Ok(crate::export::render_markdown(&r).into_bytes()),
        Format::Docx => crate::export::render_docx(&r),
        _ => Err(t!(lang, "cli.paper_format").to_owned()),
    })
}

/// "Cyclus 2024 › Analyse › signaal [cycles[0].analysis.signals[3].text]: lijkt een BSN (12•••••89)"
pub fn privacy_line(f: &crate::privacy::Finding, lang: Lang) -> String {
    let mut place: Vec<String> = Vec::new();
    place.extend(f.cycle.clone());
    place.extend(f.step.map(|s| s.label_in(lang).to_owned()));
    place.push(format!("{} [{}]", t!(lang, f.field), f.path));
    format!(
        "{}: {} ({})",
        place.join(" › "),
        crate::i18n::Label::label_in(f.kind, lang),
        f.masked
    )
}
