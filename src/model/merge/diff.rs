//! What differs between two versions of a project, item by item and field by field.

use super::Step;
use super::tree::id_of;
use serde_json::Value;

/// One difference: the value at `path` before and after (`None`: the item is not there).
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub path: Vec<Step>,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

impl Change {
    /// [`diff`]: the changes from one tree of a project to another.
    pub fn list(before: &Value, after: &Value) -> Vec<Change> {
        diff(before, after)
    }
}

/// The differences from `before` to `after` (two trees of a project, see [`super::tree`]):
/// items added and removed as a whole, fields of items in both compared one by one, lists of
/// links and names as one value each.
pub fn diff(before: &Value, after: &Value) -> Vec<Change> {
    let mut out = Vec::new();
    let mut path = Vec::new();
    walk(before, after, &mut path, &mut out);
    out
}

fn walk(before: &Value, after: &Value, path: &mut Vec<Step>, out: &mut Vec<Change>) {
    if before == after {
        return;
    }
    match (before, after) {
        (Value::Object(b), Value::Object(a)) if id_of(before) == id_of(after) => {
            let keys = b.keys().chain(a.keys().filter(|k| !b.contains_key(*k)));
            for key in keys {
                if key == super::CONFLICTS_FIELD {
                    continue;
                }
                let empty = Value::Array(Vec::new());
                let absent = |v: Option<&Value>| match v {
                    Some(Value::Array(_)) => empty.clone(),
                    _ => Value::Null,
                };
                let (bv, av) = (b.get(key), a.get(key));
                let (bv, av) = (
                    bv.cloned().unwrap_or_else(|| absent(av)),
                    av.cloned().unwrap_or_else(|| absent(bv)),
                );
                path.push(Step::Field(key.clone()));
                walk(&bv, &av, path, out);
                path.pop();
            }
        }
        (Value::Array(b), Value::Array(a))
            if b.iter().chain(a).all(|v| id_of(v).is_some()) && !(b.is_empty() && a.is_empty()) =>
        {
            let after_ix: std::collections::HashMap<u64, &Value> =
                a.iter().filter_map(|v| Some((id_of(v)?, v))).collect();
            let before_ids: std::collections::HashSet<u64> = b.iter().filter_map(id_of).collect();
            for bi in b {
                let Some(id) = id_of(bi) else { continue };
                path.push(Step::Item(id));
                match after_ix.get(&id).copied() {
                    Some(ai) => walk(bi, ai, path, out),
                    None => out.push(Change {
                        path: path.clone(),
                        before: Some(bi.clone()),
                        after: None,
                    }),
                }
                path.pop();
            }
            for ai in a {
                let Some(id) = id_of(ai) else { continue };
                if !before_ids.contains(&id) {
                    path.push(Step::Item(id));
                    out.push(Change {
                        path: path.clone(),
                        before: None,
                        after: Some(ai.clone()),
                    });
                    path.pop();
                }
            }
        }
        _ => out.push(Change {
            path: path.clone(),
            before: Some(before.clone()),
            after: Some(after.clone()),
        }),
    }
}
