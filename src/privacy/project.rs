//! Scanning the whole document: every string with its path ([`Seg`]), and for each finding
//! the cycle, the step and the kind of field it is in.

use super::walk;
use super::{Kind, scan_text};
use crate::i18n::key;
use crate::model::{Project, Step};

/// Where in the project a finding is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The cycle's name, when it is in a cycle.
    pub cycle: Option<String>,
    pub step: Option<Step>,
    /// What the field is, as a translation key (`privacy.field.*`).
    pub field: crate::i18n::Key,
    /// The exact place in the document, e.g. `cycles[0].outcomes[2].indicators[0].unit`.
    pub path: String,
    pub kind: Kind,
    /// The text found, partly masked so the finding itself does not spread it.
    pub masked: String,
}

/// Masks all but the first two and last two characters.
pub fn mask(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= 4 {
        return "•".repeat(chars.len());
    }
    let mut out: String = chars[..2].iter().collect();
    out.push_str(&"•".repeat(chars.len() - 4));
    out.extend(&chars[chars.len() - 2..]);
    out
}

/// One step of a path into the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seg {
    /// A field of a struct, or the variant of an enum.
    Field(&'static str),
    /// A position in a list or tuple.
    Index(usize),
    /// The key of a map entry (its value is under it).
    Key(String),
}

/// A path as text: `cycles[0].outcomes[2].indicators[0].unit`, `…scores["x"]`.
pub fn path_text(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Field(name) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
            Seg::Key(k) => out.push_str(&format!("[{k:?}]")),
        }
    }
    out
}

/// Calls `f` with every string in the document and its path: every `String` field, list
/// element and map key, however deep, found by serializing the document (so a field added to
/// the model later is visited without anyone listing it here). Dates are visited too (as
/// their text).
pub fn visit_strings(p: &Project, mut f: impl FnMut(&[Seg], &str)) {
    let mut w = walk::Walker {
        path: Vec::new(),
        f: &mut f,
        key: None,
    };
    // the walker itself never fails; the model's types serialize without errors
    if let Err(e) = serde::Serialize::serialize(p, &mut w) {
        log::error!("the privacy check stopped walking the document early: {e}");
    }
}

/// [`visit_strings`] for any value that serializes (an item shared with other regions, a
/// report's text): every string in it, with its path.
pub fn visit_value<T: serde::Serialize + ?Sized>(value: &T, mut f: impl FnMut(&[Seg], &str)) {
    let mut w = walk::Walker {
        path: Vec::new(),
        f: &mut f,
        key: None,
    };
    if let Err(e) = value.serialize(&mut w) {
        log::error!("the privacy check stopped walking a value early: {e}");
    }
}

/// Every string of the document with its path (for tests and tools).
pub fn strings(p: &Project) -> Vec<(String, String)> {
    let mut out = Vec::new();
    visit_strings(p, |path, s| out.push((path_text(path), s.to_owned())));
    out
}

/// Every finding in every string of the project: names, titles, units, notes, everything.
pub fn scan_project(p: &Project) -> Vec<Finding> {
    let mut out = Vec::new();
    visit_strings(p, |path, text| {
        let hits = scan_text(text);
        if hits.is_empty() {
            return;
        }
        let (cycle, step) = place(p, path);
        for h in hits {
            out.push(Finding {
                cycle: cycle.clone(),
                step,
                field: field_key(path),
                path: path_text(path),
                kind: h.kind,
                masked: mask(&text[h.start..h.end]),
            });
        }
    });
    out
}

/// The cycle's name and the step a path is in.
fn place(p: &Project, path: &[Seg]) -> (Option<String>, Option<Step>) {
    match path {
        [Seg::Field("cycles"), Seg::Index(i), rest @ ..] => {
            let name = p.cycles.get(*i).map(|c| c.name.clone());
            let step = match rest.first() {
                Some(Seg::Field("analysis")) => Some(Step::Analysis),
                Some(Seg::Field("ambitions" | "principles")) => Some(Step::Ambitions),
                Some(Seg::Field("outcomes"))
                    if rest.contains(&Seg::Field("dialogue"))
                        || rest.contains(&Seg::Field("earlier_dialogues")) =>
                {
                    Some(Step::Evaluation)
                }
                Some(Seg::Field("outcomes")) => Some(Step::Outcomes),
                Some(Seg::Field("interventions")) => Some(Step::Interventions),
                Some(Seg::Field("evaluation")) => Some(Step::Evaluation),
                _ => None,
            };
            (name, step)
        }
        [Seg::Field("tips"), Seg::Index(i), ..] => (None, p.tips.get(*i).and_then(|t| t.step)),
        _ => (None, None),
    }
}

/// What a field is, as a translation key: the deepest part of the path that has a name.
fn field_key(path: &[Seg]) -> crate::i18n::Key {
    for (depth, seg) in path.iter().enumerate().rev() {
        let Seg::Field(name) = seg else { continue };
        let key = match *name {
            "region" => key!("privacy.field.region"),
            "partners" => key!("privacy.field.partner"),
            "tables" => key!("privacy.field.table"),
            "cycles" => key!("privacy.field.cycle"),
            "data_points" => key!("privacy.field.data_point"),
            "signals" => key!("privacy.field.signal"),
            "ambitions" => key!("privacy.field.ambition"),
            "outcomes" => key!("privacy.field.outcome"),
            "indicators" => key!("privacy.field.indicator"),
            "dialogue" | "earlier_dialogues" => key!("privacy.field.dialogue"),
            "interventions" => key!("privacy.field.intervention"),
            "measurements" => key!("privacy.field.measurement"),
            "judgements" => key!("privacy.field.judgement"),
            "scan" => key!("privacy.field.scan"),
            "meetings" => key!("privacy.field.meeting"),
            "actions" => key!("privacy.field.action"),
            "agenda" if depth == 0 => key!("privacy.field.agenda"),
            "intervisions" => key!("privacy.field.intervision"),
            "tips" => key!("privacy.field.tip"),
            _ => continue,
        };
        return key;
    }
    key!("privacy.field.text")
}
