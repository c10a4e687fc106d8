//! Differences and merge conflicts in the users' words: "Interventie 'Kernteam op elke
//! school': budget € 200.000 ➡ € 250.000". The merge works on the document as a tree
//! (`model::merge`); here a path in that tree becomes the kind and title of the item it is in
//! and the name of the field, and a value becomes a number, date, amount or the names of the
//! items a list links to.

use super::{Key, Lang, key, t, tf};
use crate::model::Id;
use crate::model::merge::{Change, Conflict, ConflictKind, Side, Step, get};
use serde_json::Value;
use std::collections::HashMap;

/// Names of fields, by the name the file uses.
const FIELDS: &[(&str, Key)] = &[
    ("title", key!("change.f.title")),
    ("name", key!("change.f.name")),
    ("description", key!("change.f.description")),
    ("budget_eur", key!("change.f.budget")),
    ("value", key!("change.f.value")),
    ("date", key!("change.f.date")),
    ("target_value", key!("change.f.target_value")),
    ("target_date", key!("change.f.target_date")),
    ("baseline_value", key!("change.f.baseline_value")),
    ("baseline_date", key!("change.f.baseline_date")),
    ("unit", key!("change.f.unit")),
    ("source", key!("change.f.source")),
    ("note", key!("change.f.note")),
    ("notes", key!("change.f.note")),
    ("status", key!("change.f.status")),
    ("text", key!("change.f.text")),
    ("label", key!("change.f.label")),
    ("definition", key!("change.f.definition")),
    ("owner", key!("change.f.owner")),
    ("due", key!("change.f.due")),
    ("partner", key!("change.f.partner")),
    ("partners", key!("change.k.partners")),
    ("ambitions", key!("change.k.ambitions")),
    ("outcomes", key!("change.k.outcomes")),
    ("endorsed_by", key!("change.f.endorsed_by")),
    ("financing", key!("change.f.financing")),
    ("level", key!("change.f.level")),
    ("evidence", key!("change.f.evidence")),
    ("decision", key!("change.f.decision")),
    ("contribution", key!("change.f.contribution")),
    ("role", key!("change.f.role")),
    ("start", key!("change.f.start")),
    ("end", key!("change.f.end")),
    ("gemeenten", key!("change.f.gemeenten")),
    ("pupils", key!("change.f.pupils")),
    ("education_support", key!("change.f.education_support")),
    ("youth_care", key!("change.f.youth_care")),
    ("both", key!("change.f.both")),
    ("waiting", key!("change.f.waiting")),
    ("responsible", key!("change.f.responsible")),
    ("small_numbers_below", key!("change.f.small_numbers_below")),
    ("region", key!("change.f.region")),
];

/// What one item of a list is called, by the list's name in the file.
const KINDS: &[(&str, Key)] = &[
    ("partners", key!("change.i.partner")),
    ("tables", key!("change.i.table")),
    ("cycles", key!("change.i.cycle")),
    ("ambitions", key!("change.i.ambition")),
    ("principles", key!("change.i.principle")),
    ("outcomes", key!("change.i.outcome")),
    ("indicators", key!("change.i.indicator")),
    ("interventions", key!("change.i.intervention")),
    ("measurements", key!("change.i.measurement")),
    ("judgements", key!("change.i.judgement")),
    ("lessons", key!("change.i.lesson")),
    ("data_points", key!("change.i.data_point")),
    ("strengths", key!("change.i.strength")),
    ("problems", key!("change.i.problem")),
    ("signals", key!("change.i.signal")),
    ("bottlenecks", key!("change.i.bottleneck")),
    ("own_bottlenecks", key!("change.i.bottleneck")),
    ("meetings", key!("change.i.meeting")),
    ("actions", key!("change.i.action")),
    ("decisions", key!("change.i.decision")),
    ("themes", key!("change.i.theme")),
    ("intervisions", key!("change.i.intervision")),
    ("tips", key!("change.i.tip")),
    ("workshops", key!("change.i.workshop")),
    ("schools", key!("change.i.school")),
];

/// The fields that name an item, in the order they are tried.
const TITLE_FIELDS: &[&str] = &["title", "name", "label", "text", "what", "case_question"];

/// The document's items by id (kind and title), for the names of links and measurements.
pub struct Names {
    items: HashMap<u64, (String, String)>,
}

impl Names {
    /// The items of one or more trees of the same project (before and after, ours and theirs).
    pub fn of(lang: Lang, trees: &[&Value]) -> Self {
        let mut items = HashMap::new();
        for t in trees {
            collect(lang, t, None, &mut items);
        }
        Self { items }
    }

    /// Adds the items of another value (a conflict's side that the merged tree lacks).
    pub fn add(&mut self, lang: Lang, v: &Value) {
        collect(lang, v, None, &mut self.items);
    }

    fn title(&self, id: u64) -> Option<&str> {
        self.items.get(&id).map(|(_, t)| t.as_str())
    }
}

fn collect(lang: Lang, v: &Value, list: Option<&str>, out: &mut HashMap<u64, (String, String)>) {
    match v {
        Value::Object(m) => {
            if let (Some(id), Some(list)) = (m.get("id").and_then(Value::as_u64), list) {
                out.entry(id)
                    .or_insert_with(|| (kind(lang, list), title_of(v).unwrap_or_default()));
            }
            for (k, child) in m {
                collect(lang, child, Some(k), out);
            }
        }
        Value::Array(items) => {
            for child in items {
                collect(lang, child, list, out);
            }
        }
        _ => {}
    }
}

fn title_of(item: &Value) -> Option<String> {
    TITLE_FIELDS
        .iter()
        .filter_map(|f| item.get(*f)?.as_str())
        .map(str::trim)
        .find(|s| !s.is_empty())
        .map(|s| short(s, 60))
}

fn short(s: &str, max: usize) -> String {
    let first = s.lines().next().unwrap_or_default();
    if first.chars().count() > max || first.len() < s.trim_end().len() {
        let cut: String = first.chars().take(max).collect();
        format!("{}…", cut.trim_end())
    } else {
        first.to_owned()
    }
}

fn kind(lang: Lang, list: &str) -> String {
    KINDS.iter().find(|(k, _)| *k == list).map_or_else(
        || t!(lang, "change.i.item").to_owned(),
        |(_, key)| key.text_in(lang).to_owned(),
    )
}

fn field(lang: Lang, name: &str) -> String {
    FIELDS.iter().find(|(k, _)| *k == name).map_or_else(
        || name.replace('_', " "),
        |(_, key)| key.text_in(lang).to_owned(),
    )
}

/// Where a path leads, in words: the item it is in ("Interventie 'Kernteam'") and the fields
/// below it ("budget"). `tree` is a version that holds the item (or its list).
pub fn place(lang: Lang, tree: &Value, path: &[Step], names: &Names) -> String {
    let last_item = path.iter().rposition(|s| matches!(s, Step::Item(_)));
    let mut out = String::new();
    if let Some(i) = last_item {
        let Step::Item(id) = path[i] else { return out };
        let list = match i.checked_sub(1).map(|j| &path[j]) {
            Some(Step::Field(f)) => f.as_str(),
            _ => "",
        };
        let item = get(tree, &path[..=i]);
        let title = item
            .and_then(|v| measurement_title(lang, v, names).or_else(|| title_of(v)))
            .or_else(|| names.title(id).map(str::to_owned))
            .unwrap_or_default();
        out = if title.is_empty() {
            kind(lang, list)
        } else {
            format!("{} '{title}'", kind(lang, list))
        };
    }
    // which cycle (the same intervention is in each cycle)
    if let Some(c) = path
        .windows(2)
        .position(|w| w[0] == Step::Field("cycles".into()))
        && Some(c + 1) != last_item
        && let Some(cycle) = get(tree, &path[..=c + 1]).and_then(title_of)
    {
        out = format!("{cycle} · {out}");
    }
    let fields: Vec<String> = path[last_item.map_or(0, |i| i + 1)..]
        .iter()
        .filter_map(|s| match s {
            Step::Field(f) => Some(field(lang, f)),
            Step::Item(_) => None,
        })
        .collect();
    if !fields.is_empty() {
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&fields.join(" › "));
    }
    out
}

/// "Thuiszitters op 01-12-2026" for a measurement (an item with an indicator and a date).
fn measurement_title(lang: Lang, v: &Value, names: &Names) -> Option<String> {
    let indicator = names.title(v.get("indicator")?.as_u64()?)?;
    let date = v.get("date")?.as_str()?;
    let date = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    Some(format!(
        "{indicator} {} {}",
        t!(lang, "change.on"),
        lang.fmt_date(date)
    ))
}

/// A value in words: numbers and amounts as the interface writes them, dates as dates, links
/// as the names of what they link to, an item as its title.
pub fn value(lang: Lang, v: Option<&Value>, field_name: Option<&str>, names: &Names) -> String {
    let Some(v) = v else {
        return t!(lang, "change.absent").to_owned();
    };
    match v {
        Value::Null => t!(lang, "change.empty").to_owned(),
        Value::Bool(true) => t!(lang, "change.yes").to_owned(),
        Value::Bool(false) => t!(lang, "change.no").to_owned(),
        Value::Number(n) => match (field_name, n.as_u64()) {
            (Some("budget_eur"), Some(e)) => lang.fmt_money(e),
            _ => lang.fmt_number(n.as_f64().unwrap_or_default()),
        },
        Value::String(s) => match chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Ok(date) => lang.fmt_date(date),
            Err(_) if s.trim().is_empty() => t!(lang, "change.empty").to_owned(),
            Err(_) => format!("'{}'", short(s.trim(), 80)),
        },
        Value::Array(list) if list.is_empty() => t!(lang, "change.empty").to_owned(),
        Value::Array(list) => list
            .iter()
            .map(|x| match x.as_u64().and_then(|id| names.title(id)) {
                Some(title) => format!("'{title}'"),
                None => value(lang, Some(x), None, names),
            })
            .collect::<Vec<_>>()
            .join(", "),
        Value::Object(m) => match (title_of(v), m.len(), m.keys().next()) {
            (Some(t), _, _) => format!("'{t}'"),
            (None, 1, Some(variant)) => variant.clone(),
            _ => t!(lang, "change.several").to_owned(),
        },
    }
}

/// One change in words: "Nieuw: Ambitie 'X'", "Verwijderd: …", or "place before ➡ after".
pub fn change(lang: Lang, before: &Value, after: &Value, c: &Change, names: &Names) -> String {
    match (&c.before, &c.after) {
        (None, _) => tf!(
            lang,
            "change.added",
            what = place(lang, after, &c.path, names)
        ),
        (_, None) => tf!(
            lang,
            "change.removed",
            what = place(lang, before, &c.path, names)
        ),
        (b, a) => {
            let f = field_of(&c.path);
            let (b, a) = values(lang, b.as_ref(), a.as_ref(), f, names);
            // the item as it was called (a renamed partner under its old name); "…: budget
            // € 200.000 ➡ …" after a field's name, "…: € 200.000 ➡ …" after an item's; ➡, not
            // →: the window's fonts have no → (tests/glyphs.rs)
            format!(
                "{}{} {b} ➡ {a}",
                place(lang, before, &c.path, names),
                if f.is_some() { "" } else { ":" },
            )
        }
    }
}

/// Two versions of a value in words: as [`value`] says them, but two long texts that read the
/// same there (the change is past the first 80 characters or the first line) each from a
/// little before where they differ.
fn values(
    lang: Lang,
    b: Option<&Value>,
    a: Option<&Value>,
    field_name: Option<&str>,
    names: &Names,
) -> (String, String) {
    let (vb, va) = (
        value(lang, b, field_name, names),
        value(lang, a, field_name, names),
    );
    match (b, a) {
        (Some(Value::String(x)), Some(Value::String(y))) if vb == va && x != y => {
            let (x, y) = (x.trim(), y.trim());
            let same = x.chars().zip(y.chars()).take_while(|(p, q)| p == q).count();
            let head: Vec<char> = x.chars().take(same).collect();
            // from the start of a word some way before the difference
            let mut start = same.saturating_sub(30);
            while start > 0 && !head[start - 1].is_whitespace() {
                start -= 1;
            }
            let from = |s: &str| {
                let rest: String = s.chars().skip(start).collect();
                let rest = short(&rest.replace('\n', " "), 80);
                if start > 0 {
                    format!("'…{rest}'")
                } else {
                    format!("'{rest}'")
                }
            };
            (from(x), from(y))
        }
        _ => (vb, va),
    }
}

fn field_of(path: &[Step]) -> Option<&str> {
    match path.last()? {
        Step::Field(f) => Some(f.as_str()),
        Step::Item(_) => None,
    }
}

/// A conflict in words: where, and each side's value ("31 op 01-12-2026", "verwijderd").
pub struct ConflictWords {
    pub place: String,
    pub ours: String,
    pub theirs: String,
}

/// `tree` is the merged document (it holds our side of every conflict).
pub fn conflict(lang: Lang, tree: &Value, c: &Conflict, names: &Names) -> ConflictWords {
    let (ours, theirs) = (c.value(Side::Ours), c.value(Side::Theirs));
    // two texts are said from where they differ
    let both = values(
        lang,
        ours.as_ref(),
        theirs.as_ref(),
        field_of(&c.path),
        names,
    );
    let side = |s: Side| -> String {
        let v = c.value(s);
        match (c.kind, v) {
            (_, None) => t!(lang, "change.gone").to_owned(),
            (ConflictKind::SameDate, Some(v)) => value(lang, v.get("value"), None, names),
            (ConflictKind::BothChanged, Some(_)) if s == Side::Ours => both.0.clone(),
            (ConflictKind::BothChanged, Some(_)) => both.1.clone(),
            (_, Some(v)) if Some(&v) == c.base_value().as_ref() => {
                t!(lang, "change.unchanged").to_owned()
            }
            (ConflictKind::OnlyOneSide { .. }, Some(_)) => t!(lang, "change.present").to_owned(),
            (ConflictKind::EditedRemoved { .. }, Some(_)) => t!(lang, "change.edited").to_owned(),
        }
    };
    ConflictWords {
        // the merged tree holds every item a conflict is about (each is kept until chosen)
        place: place(lang, tree, &c.path, names),
        ours: side(Side::Ours),
        theirs: side(Side::Theirs),
    }
}

/// The ids of the items a conflict is about (for tests and for showing the item).
pub fn conflict_item(c: &Conflict) -> Option<Id> {
    c.path.iter().rev().find_map(|s| match s {
        Step::Item(id) => Some(Id(*id)),
        Step::Field(_) => None,
    })
}
