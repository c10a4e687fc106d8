//! Learning across regions in the window: taking in the lessons and interventions another
//! region shared (a `.kompaslessen` file, or that region's project file itself). Sharing them
//! is an export like the others (`Format::Lessons`, after the privacy check).

use super::{Dialog, FileKind, KompasApp, ask};
use crate::i18n::{t, tf};

impl KompasApp {
    /// Asks for the file another region shared.
    pub(super) fn ask_take_in(&mut self, now: f64) {
        if self.state.doc.is_none() {
            return;
        }
        self.ask_file(now, FileKind::Lessons, None, ask::Purpose::TakeIn);
    }

    /// Takes in what `path` shares: one edit (undone with Ctrl+Z), and a message saying how
    /// much came in, what was there already and what was left out as personal data.
    pub(super) fn take_in_shared(&mut self, path: &std::path::Path, now: f64) {
        let Some(doc) = &mut self.state.doc else {
            return;
        };
        let mut file = match crate::storage::read_shared(path) {
            Ok(f) => f,
            Err(e) => {
                self.state.dialog = Some(Dialog::Message {
                    title: t!("shared.take_in_title").to_owned(),
                    body: tf!(
                        "shared.read_failed",
                        file = &path.display().to_string(),
                        error = &e.message()
                    ),
                });
                return;
            }
        };
        let region = file.region.trim().to_owned();
        if region.is_empty() || region == doc.project.region.name.trim() {
            self.state.dialog = Some(Dialog::Message {
                title: t!("shared.take_in_title").to_owned(),
                body: t!("shared.own_region").to_owned(),
            });
            return;
        }
        let personal = file.without_personal_data();
        let offered = file.items.len();
        let added = doc.project.take_in_shared(&region, &file.items);
        let mut text = tf!("shared.taken_in", n = added, region = &region);
        if added < offered {
            text = format!("{text} {}", tf!("shared.known", n = offered - added));
        }
        if personal > 0 {
            text = format!("{text} {}", tf!("shared.personal", n = personal));
        }
        if added > 0 {
            doc.check_all = true;
        }
        self.state.status = Some((text, now));
    }
}
