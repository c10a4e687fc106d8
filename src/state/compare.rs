//! Comparing the open document with the version another program wrote to its file (the
//! "changed on disk" dialog): the lines of the project file that differ, as both are written
//! by the same serializer, so only real differences show.

/// At most this many differing lines are listed.
const MAX_LINES: usize = 80;

/// Above this many lines (after the common start and end are cut off), the middle is not
/// compared line by line but shown as a block from each side.
const MAX_LCS: usize = 3000;

/// A line that is only in one of the two versions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    /// Only in the open document (would be written by overwriting).
    Ours(String),
    /// Only in the file on disk (the other program's version).
    Theirs(String),
}

/// The comparison of two project texts: the differing lines (at most [`MAX_LINES`]) and
/// whether there were more.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    pub lines: Vec<Line>,
    pub more: bool,
}

/// Compares two texts line by line (whitespace at the start of a line is ignored).
pub fn compare(ours: &str, theirs: &str) -> Comparison {
    let a: Vec<&str> = ours.lines().map(str::trim).collect();
    let b: Vec<&str> = theirs.lines().map(str::trim).collect();
    let start = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let end = a[start..]
        .iter()
        .rev()
        .zip(b[start..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let a = &a[start..a.len() - end];
    let b = &b[start..b.len() - end];
    let mut out = Vec::new();
    if a.len() <= MAX_LCS && b.len() <= MAX_LCS {
        diff(a, b, &mut out);
    } else {
        out.extend(a.iter().map(|l| Line::Ours((*l).to_owned())));
        out.extend(b.iter().map(|l| Line::Theirs((*l).to_owned())));
    }
    // brackets and commas alone say nothing to a reader
    out.retain(|l| {
        let (Line::Ours(t) | Line::Theirs(t)) = l;
        t.chars().any(char::is_alphanumeric)
    });
    let more = out.len() > MAX_LINES;
    out.truncate(MAX_LINES);
    Comparison { lines: out, more }
}

/// A line diff through the longest common subsequence.
fn diff(a: &[&str], b: &[&str], out: &mut Vec<Line>) {
    let (n, m) = (a.len(), b.len());
    // lcs[i][j]: the longest common subsequence of a[i..] and b[j..]
    let mut lcs = vec![0u16; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[at(i, j)] = if a[i] == b[j] {
                lcs[at(i + 1, j + 1)].saturating_add(1)
            } else {
                lcs[at(i + 1, j)].max(lcs[at(i, j + 1)])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if j == m || (i < n && lcs[at(i + 1, j)] >= lcs[at(i, j + 1)]) {
            out.push(Line::Ours(a[i].to_owned()));
            i += 1;
        } else {
            out.push(Line::Theirs(b[j].to_owned()));
            j += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_lines_that_differ_are_listed() {
        let ours = "(\n  name: \"Regio A\",\n  x: 1,\n  notes: \"same\",\n)";
        let theirs = "(\n  name: \"Regio B\",\n  x: 1,\n  notes: \"same\",\n  extra: \"new\",\n)";
        let c = compare(ours, theirs);
        assert_eq!(
            c.lines,
            [
                Line::Ours("name: \"Regio A\",".into()),
                Line::Theirs("name: \"Regio B\",".into()),
                Line::Theirs("extra: \"new\",".into()),
            ]
        );
        assert!(!c.more);
        assert_eq!(compare(ours, ours), Comparison::default());
    }
}
