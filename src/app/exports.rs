//! Exports of a cycle (after the privacy check), the lessons of an intervision session as text,
//! and imports: asking for a file, and applying the import dialog's rows to the document.

use super::files::suggested_file_name;
use super::{FileKind, KompasApp, ask, jobs};
use crate::i18n::{t, tf};

impl KompasApp {
    /// Asks for a CSV or spreadsheet file and reads it in the background; the import dialog
    /// (of measurements, or of the support analysis) opens on it (nothing changes until the
    /// user confirms there).
    pub(super) fn start_import(&mut self, to: crate::state::ImportTo, now: f64) {
        if self.state.doc.is_none() || self.refuse_when_busy(now) {
            return;
        }
        self.ask_file(now, FileKind::Table, None, ask::Purpose::ImportCsv(to));
    }

    /// Writes the general lessons of an intervision session to a text file the user picks.
    pub(super) fn export_lessons(&mut self, session: crate::model::Id, now: f64) {
        if self.refuse_when_busy(now) {
            return;
        }
        let Some(doc) = &self.state.doc else { return };
        let text = crate::export::printable(
            doc.project
                .lessons_text(session, t!("intervision.lessons_heading")),
        );
        let title = doc
            .project
            .session(session)
            .map(|s| s.title.clone())
            .unwrap_or_default();
        let stem = suggested_file_name(&format!("{} {title}", t!("intervision.lessons_file")));
        let suggested = format!("{}.txt", stem.trim_end_matches(".ron"));
        self.ask_file(
            now,
            FileKind::Text,
            Some(&suggested),
            ask::Purpose::Lessons(text),
        );
    }

    /// Exports the cycle (HTML report, Markdown, CSV, the figures as an Excel workbook, or the
    /// results chain as SVG or PNG) to a file the user picks; first looks
    /// (in the background) for what looks like personal data, and asks when it finds some.
    pub(super) fn export(&mut self, format: crate::export::Format, checked: bool, now: f64) {
        if self.refuse_when_busy(now) {
            return;
        }
        let Some(doc) = &mut self.state.doc else {
            return;
        };
        doc.sync(now);
        if checked {
            self.export_to_file(format, now);
        } else {
            let snapshot = doc.tracker.current().clone();
            self.state.job = Some(jobs::privacy_check(
                snapshot,
                format,
                now,
                self.state.prefs.lang,
            ));
        }
    }

    /// Asks which sections the report holds (the project's last choice ticked).
    pub(super) fn ask_sections(&mut self, format: crate::export::Format) {
        let Some(doc) = &self.state.doc else { return };
        let chosen = crate::report::chosen_sections(&doc.project.settings);
        self.state.dialog = Some(crate::state::Dialog::ReportSections { format, chosen });
    }

    /// Keeps the sections chosen in the project (an edit like any other: undone with Ctrl+Z,
    /// saved with the file), unless they are what it holds already.
    pub(super) fn remember_sections(&mut self, chosen: &[crate::report::SectionKind]) {
        let Some(doc) = &mut self.state.doc else {
            return;
        };
        if crate::report::chosen_sections(&doc.project.settings) != chosen {
            crate::report::set_chosen_sections(&mut doc.project.settings, chosen);
            doc.check_all = true;
        }
    }

    /// The minutes of the day's workshop (what the session added, its decisions and actions),
    /// built now as one report and rendered in `format`; written after the privacy check, like
    /// every export.
    pub(super) fn export_minutes(&mut self, format: crate::export::Format, now: f64) {
        use crate::export::Format;
        let (Some(doc), Some(ws)) = (&self.state.doc, &self.state.workshop) else {
            return;
        };
        let lang = self.state.prefs.lang;
        let today = chrono::Local::now().date_naive();
        let before = ws.start.as_ref().map(|s| &*s.before);
        let report = crate::report::minutes(&doc.project, doc.cycle, ws.day(), before, lang, today);
        let bytes = match format {
            Format::Html => Ok(crate::export::render_html(&report).into_bytes()),
            Format::Docx => crate::export::render_docx(&report),
            _ => Ok(crate::export::render_markdown(&report).into_bytes()),
        };
        let bytes = match bytes {
            Ok(b) => b,
            Err(body) => {
                self.state.dialog = Some(crate::state::Dialog::Message {
                    title: tf!("dialog.export_failed", file = ""),
                    body,
                });
                return;
            }
        };
        let stem = suggested_file_name(&format!("{} {}", doc.project.region.name, report.title));
        let name = format!("{}.{}", stem.trim_end_matches(".ron"), format.extension());
        self.minutes_export = Some((format, bytes, name));
        self.export(format, false, now);
    }

    /// Asks where to write the export and starts writing it.
    pub(super) fn export_to_file(&mut self, format: crate::export::Format, now: f64) {
        if let Some((f, bytes, name)) = self.minutes_export.take()
            && f == format
        {
            let kind = match format {
                crate::export::Format::Html => FileKind::Html,
                crate::export::Format::Docx => FileKind::Docx,
                _ => FileKind::Markdown,
            };
            let purpose = ask::Purpose::Minutes { bytes, format };
            self.ask_file(now, kind, Some(&name), purpose);
            return;
        }
        let Some(doc) = &self.state.doc else { return };
        let cycle_name = doc
            .project
            .cycles
            .get(doc.cycle)
            .map(|c| c.name.clone())
            .unwrap_or_default();
        // a picture of the chain says so in its name
        let what = match format {
            crate::export::Format::Svg | crate::export::Format::Png => t!("view.chain"),
            crate::export::Format::Lessons => t!("shared.file_word"),
            _ => "",
        };
        // the lessons are the whole project's, not one cycle's
        let cycle_name = match format {
            crate::export::Format::Lessons => "",
            _ => cycle_name.as_str(),
        };
        let stem = suggested_file_name(&format!("{} {cycle_name} {what}", doc.project.region.name));
        let suggested = format!("{}.{}", stem.trim_end_matches(".ron"), format.extension());
        let kind = match format {
            crate::export::Format::Html => FileKind::Html,
            crate::export::Format::Markdown => FileKind::Markdown,
            crate::export::Format::Csv => FileKind::Csv,
            crate::export::Format::Svg => FileKind::Svg,
            crate::export::Format::Png => FileKind::Png,
            crate::export::Format::Xlsx => FileKind::Xlsx,
            crate::export::Format::Docx => FileKind::Docx,
            crate::export::Format::Lessons => FileKind::Lessons,
        };
        let purpose = ask::Purpose::Export {
            snapshot: Box::new(doc.tracker.current().clone()),
            cycle: doc.cycle,
            format,
        };
        self.ask_file(now, kind, Some(&suggested), purpose);
    }

    /// "Importeren" in the import dialog: its rows go into the chosen indicator, and the
    /// dialog closes with a message saying how many were added and replaced.
    pub(super) fn apply_import(&mut self, now: f64) {
        let (Some(dlg), Some(doc)) = (self.state.import.take(), &mut self.state.doc) else {
            return;
        };
        let project = &mut doc.project;
        let (added, replaced) = match (dlg.indicator, project.cycles.get_mut(doc.cycle)) {
            (Some(ind), Some(c)) => {
                let rows = dlg
                    .preview
                    .rows
                    .iter()
                    .map(|r| (r.date, r.value, r.source.clone()));
                c.add_measurements(ind, rows, dlg.replace, || project.ids.next_id())
            }
            _ => (0, 0),
        };
        self.state.status = Some((
            tf!(
                "import.done",
                added = added,
                replaced = &replaced.to_string()
            ),
            now,
        ));
    }

    /// "Importeren" in the support import dialog: its rows go into the open cycle's support
    /// analysis (a school there already, by BRIN code or name, gets the figures the file has),
    /// one undo step; the status bar says how many were added and updated.
    pub(super) fn apply_support_import(&mut self, now: f64) {
        let (Some(dlg), Some(doc)) = (self.state.support_import.take(), &mut self.state.doc) else {
            return;
        };
        let project = &mut doc.project;
        let Some(c) = project.cycles.get_mut(doc.cycle) else {
            return;
        };
        // taken out while the project hands out the new schools' ids
        let mut support = std::mem::take(&mut c.analysis.support);
        let (added, updated) = support.merge_rows(dlg.read.rows, || project.new_id());
        if let Some(c) = project.cycles.get_mut(doc.cycle) {
            c.analysis.support = support;
        }
        self.state.status = Some((
            tf!(
                "support.paste_done",
                n = added,
                updated = &updated.to_string()
            ),
            now,
        ));
    }
}
