//! Opening, saving and samples: each starts a background job or asks for a file first.

use super::{FileKind, KompasApp, ask, jobs};
use crate::i18n::tf;
use crate::state::{Dialog, Message, OpenDoc};
use crate::{samples, storage};
use std::path::PathBuf;

impl KompasApp {
    /// While a job runs, another that needs the disk waits: says so and returns `true`.
    pub(super) fn refuse_when_busy(&mut self, now: f64) -> bool {
        match &self.state.job {
            Some(job) => {
                let what = job.what.describe();
                self.state.status = Some((tf!("job.busy", what = &what), now));
                true
            }
            None => false,
        }
    }

    pub(super) fn start_open(&mut self, path: PathBuf, now: f64) {
        self.state.job = Some(jobs::open(path, now, self.state.prefs.lang));
    }

    pub(super) fn open_sample(&mut self, i: usize, now: f64) {
        let Some(sample) = samples::SAMPLES.get(i) else {
            return;
        };
        match storage::parse(sample.content.as_bytes()) {
            Ok(loaded) => {
                let p = loaded.project;
                let doc = OpenDoc::new(p.clone(), None, sample.file_name.to_owned(), p);
                self.set_doc(doc, now);
            }
            Err(e) => {
                self.state.dialog = Some(Dialog::Message {
                    title: tf!("dialog.open_failed", file = sample.file_name),
                    body: e.message(),
                });
            }
        }
    }

    /// Saves to the document's own path, or asks for one, in the background; `then` runs once
    /// it is saved.
    pub fn save_then(&mut self, now: f64, then: Option<Message>) {
        match self.state.doc.as_ref().and_then(|d| d.path.clone()) {
            Some(path) => self.start_save(path, true, then, now),
            None => self.save_as(now, then),
        }
    }

    /// Asks where to save and saves there.
    pub fn save_as(&mut self, now: f64, then: Option<Message>) {
        let Some(doc) = &self.state.doc else { return };
        let suggested = suggested_file_name(&doc.project.region.name);
        self.ask_file(
            now,
            FileKind::Project,
            Some(&suggested),
            ask::Purpose::SaveAs(then),
        );
    }

    /// Starts writing the document to `path` on a background thread. With `check_disk`, when
    /// `path` is the document's own file and another program changed it since we read or wrote
    /// it, nothing is written and the user is asked.
    pub(super) fn start_save(
        &mut self,
        path: PathBuf,
        check_disk: bool,
        then: Option<Message>,
        now: f64,
    ) {
        self.start_save_keeping(path, check_disk, false, then, now);
    }

    /// [`Self::start_save`]; with `keep_other`, the file as it is on disk is first kept beside
    /// it (the user chose to overwrite another program's version).
    pub(super) fn start_save_keeping(
        &mut self,
        path: PathBuf,
        check_disk: bool,
        keep_other: bool,
        then: Option<Message>,
        now: f64,
    ) {
        if self.refuse_when_busy(now) {
            return;
        }
        let Some(doc) = &mut self.state.doc else {
            return;
        };
        doc.sync(now);
        let own_file = doc.path.as_deref() == Some(path.as_path());
        let disk = if check_disk && own_file {
            doc.disk.clone()
        } else {
            None
        };
        let snapshot = doc.tracker.current().clone();
        let mut job = jobs::save(snapshot, path, disk, keep_other, now, self.state.prefs.lang);
        job.then = then;
        self.state.job = Some(job);
    }
}

/// A file name made from the region's name: "Regio Utrecht" » "regio-utrecht.ron". Every
/// platform can hold it (see [`crate::storage::names`]): letters, digits and dashes, at most
/// 100 bytes before the extension, and never a Windows device name ("Con" » "con-regio.ron").
pub fn suggested_file_name(region: &str) -> String {
    let slug: String = region
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    let mut slug = slug
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if slug.len() > 100 {
        let mut cut = 100;
        while !slug.is_char_boundary(cut) {
            cut -= 1;
        }
        slug.truncate(cut);
        slug.truncate(slug.trim_end_matches('-').len());
    }
    if slug.is_empty() {
        "kompas.ron".to_owned()
    } else if crate::storage::names::reserved_windows_name(std::path::Path::new(&slug)) {
        format!("{slug}-regio.ron")
    } else {
        format!("{slug}.ron")
    }
}

impl KompasApp {
    /// The "changed on disk" dialog's *Vergelijken*: the open document against its file as
    /// it is now (both written by the same serializer when the file reads as a project).
    pub fn compare_with_disk(&self) -> Result<crate::state::compare::Comparison, String> {
        let doc = self.state.doc.as_ref().ok_or_default()?;
        let path = doc.path.as_deref().ok_or_default()?;
        let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
        let theirs = match crate::storage::parse(&bytes) {
            Ok(loaded) => {
                crate::storage::to_ron_string(&loaded.project).map_err(|e| e.message())?
            }
            Err(_) => String::from_utf8_lossy(&bytes).into_owned(),
        };
        let ours = crate::storage::to_ron_string(&doc.project).map_err(|e| e.message())?;
        Ok(crate::state::compare::compare(&ours, &theirs))
    }
}

/// `ok_or(String::new())` for the few lookups above that cannot fail while the dialog shows.
trait OrDefault<T> {
    fn ok_or_default(self) -> Result<T, String>;
}

impl<T> OrDefault<T> for Option<T> {
    fn ok_or_default(self) -> Result<T, String> {
        self.ok_or_else(String::new)
    }
}

#[cfg(test)]
mod tests {
    use super::suggested_file_name;
    use crate::storage::names::name_problem;

    #[test]
    fn a_suggested_name_is_one_every_platform_can_hold() {
        assert_eq!(suggested_file_name("Regio Utrecht"), "regio-utrecht.ron");
        assert_eq!(suggested_file_name("Con"), "con-regio.ron");
        assert_eq!(suggested_file_name("AUX"), "aux-regio.ron");
        assert_eq!(suggested_file_name("Nul."), "nul-regio.ron");
        assert_eq!(suggested_file_name("com1"), "com1-regio.ron");
        assert_eq!(suggested_file_name("Regio Con"), "regio-con.ron");
        assert_eq!(suggested_file_name("?:*"), "kompas.ron");
        for region in [
            "Regio: Noord/Oost <2026>",
            &"Samenwerkingsverband ".repeat(30),
            &"één ".repeat(80),
            "lpt3 ",
        ] {
            let name = suggested_file_name(region);
            assert_eq!(name_problem(&name), None, "{region} » {name}");
            assert!(name.len() <= 104, "{name}");
            // the exports' names: the same stem with another extension
            let export = format!("{}.html", name.trim_end_matches(".ron"));
            assert_eq!(name_problem(&export), None, "{export}");
        }
    }
}
