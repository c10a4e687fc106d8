//! The support analysis per school (ondersteuningsanalyse): the schools with their counts and
//! grey-zone share, the sums per sector and for the region, where the grey zone is largest,
//! and a chart. Every cell and every sum as [`crate::model::shown_table`] allows: "< N" for a
//! small count, "•" for one hidden so that a small count cannot be computed back; a share only
//! where both its counts are shown. The same rows make the CSV (`kompas export --format csv
//! --sections ondersteuning`).

use super::Ctx;
use super::blocks::Blocks;
use crate::i18n::{Label, Lang, t, tf};
use crate::model::{BARS, SchoolRow, Shown};
use crate::model::{Count, Project, Sector, ShownTable, SupportAnalysis, shown_table};

/// The mark of a count hidden so that a small one cannot be computed back.
pub const HIDDEN: &str = crate::model::HIDDEN_MARK;

/// A shown count as text.
pub fn cell(s: Shown, below: u32) -> String {
    match s {
        Shown::Empty => String::new(),
        Shown::Value(v) => v.to_string(),
        Shown::Small => format!("< {below}"),
        Shown::Hidden => HIDDEN.to_owned(),
    }
}

/// A share (0–1) as a percentage, or nothing.
pub fn percent(v: Option<f64>, lang: Lang) -> String {
    v.map(|v| format!("{} %", lang.fmt_number((v * 1000.0).round() / 10.0)))
        .unwrap_or_default()
}

/// The tables of the section (and the CSV): the head and rows of the schools, and of the sums.
pub struct Tables {
    pub schools_head: Vec<String>,
    pub schools: Vec<Vec<String>>,
    pub sums_head: Vec<String>,
    pub sums: Vec<Vec<String>>,
}

fn count_heads(lang: Lang) -> Vec<String> {
    Count::ALL
        .iter()
        .map(|c| t!(lang, count_key(*c)).to_owned())
        .collect()
}

fn count_key(c: Count) -> crate::i18n::Key {
    use crate::i18n::key;
    match c {
        Count::Pupils => key!("support.pupils"),
        Count::EducationSupport => key!("support.education_support"),
        Count::YouthCare => key!("support.youth_care"),
        Count::Both => key!("support.both"),
        Count::Waiting => key!("support.waiting"),
    }
}

/// The grey-zone share (of support) of the school in the cycle before that `row` continues
/// (carried from it, or the same BRIN code or name), as shown there.
fn previous_share(p: &Project, cycle: usize, row: &SchoolRow) -> Option<Option<f64>> {
    let (k, j) = p.previous_school(cycle, row)?;
    let table = shown_table(
        &p.cycles[k].analysis.support,
        p.settings.small_numbers_below,
    );
    Some(table.school(j).and_then(|s| ShownTable::grey_shares(s).0))
}

/// A count in the cycle before and in this one, as shown in each, with an arrow (U+2192)
/// between. The arrow is written as an escape: the report is read in a browser or Word,
/// whose fonts have it; the window's fonts do not, and `tests/glyphs.rs` reads the
/// characters of every literal.
fn change(before: Shown, now: Shown, below: u32) -> String {
    let side = |s: Shown| match s {
        Shown::Empty => "–".to_owned(),
        s => cell(s, below),
    };
    format!("{} \u{2192} {}", side(before), side(now))
}

/// The change per school: its counts in the cycle before beside this cycle's (both as shown
/// in their own cycle), for the schools that were there; with its grey-zone share.
fn changes(p: &Project, cycle: usize, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let below = p.settings.small_numbers_below;
    let chart = p.support_chart(cycle);
    let mut head = vec![t!(lang, "support.school").to_owned()];
    head.extend(BARS.iter().map(|c| t!(lang, count_key(*c)).to_owned()));
    head.push(t!(lang, "support.grey_of_support").to_owned());
    let share = |v: Option<f64>| {
        let v = percent(v, lang);
        if v.is_empty() { "–".to_owned() } else { v }
    };
    let rows = (chart.schools.iter())
        .filter(|r| r.bars.iter().any(|b| b.before != Shown::Empty))
        .map(|r| {
            let mut row = vec![r.name.clone()];
            row.extend(r.bars.iter().map(|b| change(b.before, b.now, below)));
            row.push(format!(
                "{} \u{2192} {}",
                share(r.share_before),
                share(r.share)
            ));
            row
        })
        .collect();
    (head, rows)
}

/// The rows of cycle `cycle`'s support analysis as shown outside the window.
pub fn tables(p: &Project, cycle: usize, lang: Lang) -> Tables {
    let below = p.settings.small_numbers_below;
    let empty = SupportAnalysis::default();
    let a = p.cycles.get(cycle).map_or(&empty, |c| &c.analysis.support);
    let table = shown_table(a, below);
    let sector = |s: Option<Sector>| s.map(|s| s.label_in(lang).to_owned()).unwrap_or_default();
    let with_previous = table
        .schools
        .iter()
        .any(|(k, _)| a.schools[*k].previous.is_some());
    let mut schools_head = vec![
        t!(lang, "support.school").to_owned(),
        t!(lang, "support.sector").to_owned(),
    ];
    schools_head.extend(count_heads(lang));
    schools_head.push(t!(lang, "support.grey_of_support").to_owned());
    if with_previous {
        schools_head.push(t!(lang, "report.support_previous").to_owned());
    }
    let schools = table
        .schools
        .iter()
        .map(|(k, cells)| {
            let r = &a.schools[*k];
            let mut row = vec![r.name.clone(), sector(r.sector)];
            row.extend(cells.iter().map(|s| cell(*s, below)));
            row.push(percent(ShownTable::grey_shares(cells).0, lang));
            if with_previous {
                row.push(percent(previous_share(p, cycle, r).flatten(), lang));
            }
            row
        })
        .collect();
    let mut sums_head = vec![
        t!(lang, "support.sector").to_owned(),
        t!(lang, "support.schools").to_owned(),
    ];
    sums_head.extend(count_heads(lang));
    sums_head.push(t!(lang, "support.grey_of_support").to_owned());
    sums_head.push(t!(lang, "support.grey_of_care").to_owned());
    let sum_row = |name: String, schools: usize, cells: &[Shown; 5]| {
        let mut row = vec![name, schools.to_string()];
        row.extend(cells.iter().map(|s| cell(*s, below)));
        let (of_support, of_care) = ShownTable::grey_shares(cells);
        row.extend([percent(of_support, lang), percent(of_care, lang)]);
        row
    };
    let mut sums: Vec<Vec<String>> = table
        .sectors
        .iter()
        .map(|(s, cells)| sum_row(sector(Some(*s)), a.totals(Some(*s)).schools, cells))
        .collect();
    if !table.schools.is_empty() {
        sums.push(sum_row(
            t!(lang, "support.region").to_owned(),
            a.totals(None).schools,
            &table.region,
        ));
    }
    Tables {
        schools_head,
        schools,
        sums_head,
        sums,
    }
}

/// The section: the schools, the note on hidden cells, the sums, the largest grey zones, the
/// schools left out, and the chart.
pub(super) fn section(cx: &Ctx, b: &mut Blocks) {
    let (p, lang) = (cx.p, cx.lang);
    let below = p.settings.small_numbers_below;
    let a = &cx.c.analysis.support;
    if a.is_empty() {
        b.plain(t!(lang, "report.support_none"));
        return;
    }
    b.plain(t!(lang, "report.support_intro"));
    if let Some(svg) = crate::export::support_svg(&p.support_chart(cx.cycle), below, lang) {
        b.figure(svg, Some(t!(lang, "report.support_chart")), None);
    }
    let tb = tables(p, cx.cycle, lang);
    let head: Vec<&str> = tb.schools_head.iter().map(String::as_str).collect();
    let right: Vec<usize> = (2..head.len()).collect();
    b.table(&head, &right, tb.schools);
    b.para(
        super::Style::Legend,
        tf!(
            lang,
            "report.support_marks",
            n = &below.to_string(),
            mark = HIDDEN
        ),
    );
    let left_out = a.totals(None).left_out;
    if left_out > 0 {
        b.para(
            super::Style::Warning,
            tf!(lang, "support.left_out", n = left_out),
        );
    }
    let (head, rows) = changes(p, cx.cycle, lang);
    if !rows.is_empty() {
        b.heading(3, t!(lang, "report.support_change"));
        let head: Vec<&str> = head.iter().map(String::as_str).collect();
        let right: Vec<usize> = (1..head.len()).collect();
        b.table(&head, &right, rows);
    }
    b.heading(3, t!(lang, "support.totals"));
    let head: Vec<&str> = tb.sums_head.iter().map(String::as_str).collect();
    let right: Vec<usize> = (1..head.len()).collect();
    b.table(&head, &right, tb.sums);
    let table = shown_table(a, below);
    let mut largest: Vec<(f64, &str)> = (table.schools.iter())
        .filter_map(|(k, cells)| {
            let share = ShownTable::grey_shares(cells).0?;
            Some((share, a.schools[*k].name.as_str()))
        })
        .collect();
    largest.sort_by(|x, y| y.0.total_cmp(&x.0));
    let largest: Vec<String> = (largest.iter().take(3))
        .map(|(v, name)| format!("{name} ({})", percent(Some(*v), lang)))
        .collect();
    if !largest.is_empty() {
        b.plain(tf!(lang, "support.largest", schools = &largest.join(", ")));
    }
    super::plan::dialogues(b, a.dialogues(), lang);
}

/// One table of the schools, then the sectors and the region, for a spreadsheet: name, sector,
/// the five counts, the grey-zone share of support and of youth care (and of support in the
/// cycle before, when a school has one), as in the report.
pub fn csv_rows(p: &Project, cycle: usize, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let tb = tables(p, cycle, lang);
    let with_previous = tb.schools_head.len() > 8;
    let mut head = tb.schools_head.clone();
    head.insert(8, t!(lang, "support.grey_of_care").to_owned());
    let below = p.settings.small_numbers_below;
    let a = p.cycles.get(cycle).map(|c| &c.analysis.support);
    let table = a.map(|a| shown_table(a, below));
    let mut rows = Vec::new();
    for (k, mut row) in tb.schools.into_iter().enumerate() {
        let care = table
            .as_ref()
            .map(|t| ShownTable::grey_shares(&t.schools[k].1).1);
        row.insert(8, percent(care.flatten(), lang));
        rows.push(row);
    }
    for sum in tb.sums {
        // name, (schools), counts, shares: the sector's name stands in both first columns
        let mut row = vec![sum[0].clone(), sum[0].clone()];
        row.extend(sum[2..].iter().cloned());
        if with_previous {
            row.push(String::new());
        }
        rows.push(row);
    }
    (head, rows)
}
