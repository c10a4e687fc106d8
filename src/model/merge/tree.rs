//! The three-way (or two-way) merge of two documents as generic trees (`serde_json::Value`):
//! structs field by field, lists of items by id, lists of plain values (links, names) as sets,
//! anything else as one value. Nothing here knows a field of the model, so a field added later
//! merges without code; the one rule that knows the model's shape is that two measurements of
//! one indicator on one date are one point, not two.

use super::{Conflict, ConflictKind, Step, Summary};
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};

/// The merge in progress: its conflicts and what came in.
pub(super) struct Merger {
    /// No common base: an item on one side only may be new there or removed on the other.
    pub two_way: bool,
    pub conflicts: Vec<Conflict>,
    pub summary: Summary,
    path: Vec<Step>,
}

impl Merger {
    pub fn new(two_way: bool) -> Self {
        Self {
            two_way,
            conflicts: Vec::new(),
            summary: Summary::default(),
            path: Vec::new(),
        }
    }

    fn conflict(
        &mut self,
        kind: ConflictKind,
        base: Option<&Value>,
        ours: Option<&Value>,
        theirs: Option<&Value>,
    ) {
        self.conflicts
            .push(Conflict::new(self.path.clone(), kind, base, ours, theirs));
    }

    /// The merge of one value. `base` is `None` when there is no base (two-way) or the base
    /// does not hold this value.
    pub fn value(&mut self, base: Option<&Value>, ours: &Value, theirs: &Value) -> Value {
        if ours == theirs {
            return ours.clone();
        }
        if base == Some(ours) {
            self.summary.changed += 1;
            return theirs.clone();
        }
        if base == Some(theirs) {
            return ours.clone();
        }
        match (ours, theirs) {
            (Value::Object(o), Value::Object(t))
                if (!is_item(ours) || same_id(ours, theirs)) && !other_variant(o, t) =>
            {
                let b = base.and_then(Value::as_object);
                Value::Object(self.object(b, o, t))
            }
            (Value::Array(o), Value::Array(t)) if item_list(o) && item_list(t) => {
                let b = base.and_then(Value::as_array).map(Vec::as_slice);
                Value::Array(self.items(b, o, t))
            }
            (Value::Array(o), Value::Array(t)) if plain_set(o) && plain_set(t) => {
                let b = base.and_then(Value::as_array).map(Vec::as_slice);
                Value::Array(self.set(b, o, t))
            }
            _ => {
                self.conflict(ConflictKind::BothChanged, base, Some(ours), Some(theirs));
                ours.clone()
            }
        }
    }

    fn object(
        &mut self,
        base: Option<&Map<String, Value>>,
        ours: &Map<String, Value>,
        theirs: &Map<String, Value>,
    ) -> Map<String, Value> {
        let mut out = Map::new();
        let keys = ours
            .keys()
            .chain(theirs.keys().filter(|k| !ours.contains_key(*k)));
        for key in keys {
            if key == super::CONFLICTS_FIELD {
                if let Some(v) = ours.get(key) {
                    out.insert(key.clone(), v.clone());
                }
                continue;
            }
            let (o, t) = (ours.get(key), theirs.get(key));
            // a field left out of the file (an empty list) is that empty value
            let absent = absent_like(o.or(t));
            let (o, t) = (o.unwrap_or(&absent), t.unwrap_or(&absent));
            let b = if self.two_way {
                None
            } else {
                Some(base.and_then(|b| b.get(key)).unwrap_or(&absent))
            };
            self.path.push(Step::Field(key.clone()));
            let v = self.value(b, o, t);
            self.path.pop();
            out.insert(key.clone(), v);
        }
        out
    }

    /// Lists of items (objects with an id): matched by id, in our order, with their new items
    /// after the item they follow in their list.
    fn items(&mut self, base: Option<&[Value]>, ours: &[Value], theirs: &[Value]) -> Vec<Value> {
        let by_id = |list: &[Value]| -> HashMap<u64, usize> {
            list.iter()
                .enumerate()
                .filter_map(|(i, v)| Some((id_of(v)?, i)))
                .collect()
        };
        let (b_ix, o_ix, t_ix) = (by_id(base.unwrap_or(&[])), by_id(ours), by_id(theirs));
        let base_item = |id: u64| base.and_then(|b| b.get(*b_ix.get(&id)?));
        let mut kept: Vec<Value> = Vec::with_capacity(ours.len());
        for o in ours {
            let Some(id) = id_of(o) else { continue };
            self.path.push(Step::Item(id));
            match (t_ix.get(&id), base_item(id)) {
                (Some(&ti), b) => kept.push(self.value(b, o, &theirs[ti])),
                (None, _) if self.two_way => {
                    self.conflict(
                        ConflictKind::OnlyOneSide { ours: true },
                        None,
                        Some(o),
                        None,
                    );
                    kept.push(o.clone());
                }
                (None, Some(b)) if b == o => self.summary.removed += 1,
                (None, Some(b)) => {
                    let kind = ConflictKind::EditedRemoved {
                        removed_by_ours: false,
                    };
                    self.conflict(kind, Some(b), Some(o), None);
                    kept.push(o.clone());
                }
                (None, None) => kept.push(o.clone()),
            }
            self.path.pop();
        }
        // measurements of ours by indicator and date: theirs on the same date is one point
        let dated: HashMap<(String, String), usize> = kept
            .iter()
            .enumerate()
            .filter_map(|(i, v)| Some((date_key(v)?, i)))
            .collect();
        let kept_ids: HashSet<u64> = kept.iter().filter_map(id_of).collect();
        let mut after: HashMap<Option<u64>, Vec<Value>> = HashMap::new();
        let mut anchor = None;
        for t in theirs {
            let Some(id) = id_of(t) else { continue };
            if o_ix.contains_key(&id) {
                if kept_ids.contains(&id) {
                    anchor = Some(id);
                }
                continue;
            }
            let b = base_item(id);
            if let Some(&oi) = date_key(t).and_then(|k| dated.get(&k))
                && b.is_none()
            {
                let o = &kept[oi];
                if o.get("value") != t.get("value") {
                    let oid = id_of(o).unwrap_or(id);
                    let mut as_ours = t.clone();
                    if let Some(m) = as_ours.as_object_mut() {
                        m.insert("id".into(), Value::from(oid));
                    }
                    self.path.push(Step::Item(oid));
                    self.conflict(ConflictKind::SameDate, None, Some(o), Some(&as_ours));
                    self.path.pop();
                }
                continue;
            }
            self.path.push(Step::Item(id));
            let keep = match b {
                _ if self.two_way => {
                    let kind = ConflictKind::OnlyOneSide { ours: false };
                    self.conflict(kind, None, None, Some(t));
                    true
                }
                Some(b) if b == t => false,
                Some(b) => {
                    let kind = ConflictKind::EditedRemoved {
                        removed_by_ours: true,
                    };
                    self.conflict(kind, Some(b), None, Some(t));
                    true
                }
                None => {
                    self.summary.added += 1;
                    true
                }
            };
            self.path.pop();
            if keep {
                after.entry(anchor).or_default().push(t.clone());
            }
        }
        if after.is_empty() {
            return kept;
        }
        let mut out = after.remove(&None).unwrap_or_default();
        for v in kept {
            let id = id_of(&v);
            out.push(v);
            if let Some(more) = after.remove(&id) {
                out.extend(more);
            }
        }
        out
    }

    /// Lists of plain values (links to ids, names): what either side added is in, what either
    /// side removed is out (without a base: everything either side has).
    fn set(&mut self, base: Option<&[Value]>, ours: &[Value], theirs: &[Value]) -> Vec<Value> {
        let mut out: Vec<Value> = match base {
            Some(b) if !self.two_way => ours
                .iter()
                .filter(|v| !b.contains(v) || theirs.contains(v))
                .cloned()
                .collect(),
            _ => ours.to_vec(),
        };
        for t in theirs {
            let added = self.two_way || base.is_none_or(|b| !b.contains(t));
            if added && !out.contains(t) {
                out.push(t.clone());
            }
        }
        if out != ours {
            self.summary.changed += 1;
        }
        out
    }
}

/// The id of an item (an object with a numeric `id`).
pub(super) fn id_of(v: &Value) -> Option<u64> {
    v.as_object()?.get("id")?.as_u64()
}

fn is_item(v: &Value) -> bool {
    id_of(v).is_some()
}

fn same_id(a: &Value, b: &Value) -> bool {
    id_of(a) == id_of(b)
}

/// Two different variants of an enum (serde writes a variant with data as an object with one
/// key, the variant's name): one value, never merged key by key.
fn other_variant(a: &Map<String, Value>, b: &Map<String, Value>) -> bool {
    let variant = |m: &Map<String, Value>| {
        m.len() == 1
            && m.keys()
                .all(|k| k.starts_with(|c: char| c.is_ascii_uppercase()))
    };
    (variant(a) || variant(b)) && a.keys().ne(b.keys())
}

/// A list whose elements are all items (an empty list is one too).
fn item_list(list: &[Value]) -> bool {
    list.iter().all(is_item)
}

/// A list of plain values without repeats (a set of links or names).
fn plain_set(list: &[Value]) -> bool {
    list.iter().all(|v| !v.is_object() && !v.is_array())
        && list.iter().enumerate().all(|(i, v)| !list[..i].contains(v))
}

/// A measurement's indicator and date, when it is dated.
fn date_key(v: &Value) -> Option<(String, String)> {
    let m = v.as_object()?;
    let indicator = m.get("indicator")?;
    let date = m.get("date")?.as_str()?;
    m.get("value")?;
    Some((indicator.to_string(), date.to_owned()))
}

/// The value a field left out of the file stands for: an empty list beside a list.
fn absent_like(other: Option<&Value>) -> Value {
    match other {
        Some(Value::Array(_)) => Value::Array(Vec::new()),
        _ => Value::Null,
    }
}
