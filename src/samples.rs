//! The sample projects, embedded so they open from anywhere (also kept in `sample-projects/`).

use crate::i18n::key;

pub struct Sample {
    pub file_name: &'static str,
    /// Translation key of the title shown on the start screen.
    pub title_key: crate::i18n::Key,
    pub content: &'static str,
}

impl Sample {
    /// The sample as a project, read like any project file.
    pub fn project(&self) -> Result<crate::model::Project, crate::storage::LoadError> {
        crate::storage::parse(self.content.as_bytes()).map(|loaded| loaded.project)
    }
}

pub const SAMPLES: [Sample; 2] = [
    Sample {
        file_name: "utrecht-voorbeeld.ron",
        title_key: key!("sample.utrecht"),
        content: include_str!("../sample-projects/utrecht-voorbeeld.ron"),
    },
    Sample {
        file_name: "regio-rivierenland-voorbeeld.ron",
        title_key: key!("sample.rivierenland"),
        content: include_str!("../sample-projects/regio-rivierenland-voorbeeld.ron"),
    },
];

/// Whether `p` is one of the samples (its region is named as a sample's): its report carries
/// the VOORBEELDDATA mark.
pub fn is_sample(p: &crate::model::Project) -> bool {
    static NAMES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    NAMES
        .get_or_init(|| {
            SAMPLES
                .iter()
                .filter_map(|s| s.project().ok())
                .map(|p| p.region.name)
                .collect()
        })
        .contains(&p.region.name)
}
