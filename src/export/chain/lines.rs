//! What a box of the exported chain shows, as on screen (`ui::chain::boxes`): its kind, title,
//! an intervention's partners and judgement, an outcome's indicators with their status and
//! trend, and its loose ends. And how tall that is, estimated without fonts: each line is
//! wrapped between words by an estimated width per character.

use super::colour;
use crate::i18n::{Label, Lang, basis_text_in, t, tf};
use crate::model::chain::{Kind, Node};
use crate::model::{
    Content, ContributionJudgement, Cycle, FindingKind, Id, Project, SeriesIndex, Status, assess,
};

/// Inner margin of a box, as on screen.
pub const PAD: f32 = 8.0;
/// Line height as a multiple of the type size.
pub const LEADING: f32 = 1.3;
/// Space between the lines of a box.
const GAP: f32 = 2.0;

/// One line of a box: a text, wrapped into rows when drawn.
#[derive(Clone, Debug)]
pub struct Line {
    pub text: String,
    pub size: f32,
    pub colour: &'static str,
    pub strong: bool,
    /// What the line is, as its class in the SVG (the tests count them).
    pub class: &'static str,
    /// An indicator row: its status pill, and its trend (dated values not suppressed).
    pub status: Option<(Status, Vec<(f64, f64)>)>,
}

impl Line {
    fn new(text: String, size: f32, colour: &'static str, class: &'static str) -> Self {
        Self {
            text,
            size,
            colour,
            strong: false,
            class,
            status: None,
        }
    }

    fn strong(mut self) -> Self {
        self.strong = true;
        self
    }

    /// The pill's and the trend line's widths in an indicator row (as on screen).
    pub fn pill_and_trend(&self) -> (f32, f32) {
        (self.size * 7.2, self.size * 4.0)
    }

    /// Room for the text in a box `width` wide: less the margins, and in an indicator row
    /// less the pill and the trend.
    pub fn text_width(&self, width: f32) -> f32 {
        let inner = width - 2.0 * PAD - 2.0;
        match self.status {
            Some(_) => {
                let (pill, trend) = self.pill_and_trend();
                (inner - pill - trend - 12.0).max(20.0)
            }
            None => inner,
        }
    }

    /// The rows of the text in a box `width` wide.
    pub fn rows(&self, width: f32) -> Vec<String> {
        wrap(&self.text, self.text_width(width), self.size, self.strong)
    }

    /// The height of the line in a box `width` wide: its rows, and at least the pill.
    pub fn height(&self, width: f32) -> f32 {
        let rows = self.rows(width).len().max(1) as f32;
        let h = rows * self.size * LEADING;
        if self.status.is_some() {
            h.max(self.size * 1.5)
        } else {
            h
        }
    }
}

/// The height of a box with these lines, `width` wide.
pub fn box_height(lines: &[Line], width: f32) -> f32 {
    PAD + lines.iter().map(|l| l.height(width) + GAP).sum::<f32>() + PAD
}

/// The name of a kind of box.
pub fn kind_name(kind: Kind, lang: Lang) -> &'static str {
    match kind {
        Kind::Intervention => t!(lang, "chain.kind.intervention"),
        Kind::Outcome => t!(lang, "chain.kind.outcome"),
        Kind::Ambition => t!(lang, "chain.kind.ambition"),
    }
}

/// What a loose end misses, in a few words.
pub fn loose_text(kind: FindingKind, lang: Lang) -> &'static str {
    match kind {
        FindingKind::InterventionWithoutOutcome => t!(lang, "chain.loose.intervention"),
        FindingKind::OutcomeWithoutIndicator => t!(lang, "chain.loose.no_indicator"),
        FindingKind::OutcomeWithoutIntervention => t!(lang, "chain.loose.no_intervention"),
        FindingKind::AmbitionWithoutOutcome => t!(lang, "chain.loose.ambition"),
        _ => "",
    }
}

/// The title of an item of the chain ("(nog zonder naam)" when it has none).
pub fn title_of(c: &Cycle, id: Id, lang: Lang) -> String {
    let title = c
        .intervention(id)
        .map(|i| i.title.as_str())
        .or_else(|| c.outcome(id).map(|o| o.title.as_str()))
        .or_else(|| c.ambition(id).map(|a| a.title.as_str()))
        .unwrap_or("");
    if title.trim().is_empty() {
        t!(lang, "item.untitled").to_owned()
    } else {
        title.trim().to_owned()
    }
}

/// The lines of box `node`. No value is shown: an indicator has its status word and a trend
/// line drawn from the values that are not suppressed as small counts.
pub fn box_lines(
    p: &Project,
    c: &Cycle,
    node: &Node,
    index: &SeriesIndex,
    today: chrono::NaiveDate,
    lang: Lang,
) -> Vec<Line> {
    let mut out = vec![
        Line::new(
            kind_name(node.kind, lang).to_uppercase(),
            11.0,
            colour::WEAK,
            "kind",
        )
        .strong(),
        Line::new(title_of(c, node.id, lang), 15.0, colour::BODY, "title").strong(),
    ];
    match node.kind {
        Kind::Intervention => {
            if let Some(i) = c.intervention(node.id) {
                let who: Vec<&str> = i
                    .responsible
                    .iter()
                    .map(|id| p.partner_name(*id))
                    .filter(|n| !n.trim().is_empty())
                    .collect();
                if !who.is_empty() {
                    let text = format!("{}: {}", t!(lang, "report.partners"), who.join(", "));
                    out.push(Line::new(text, 12.5, colour::WEAK, "partners"));
                }
                if let Some(j) = c.judgement_of(i.id).filter(|j| j.has_content()) {
                    let mut text = tf!(
                        lang,
                        "dashboard.contribution",
                        value = j.contribution.label_in(lang)
                    );
                    if let Some(d) = j.decision {
                        text.push_str(" · ");
                        text.push_str(&tf!(lang, "dashboard.decision", value = d.label_in(lang)));
                    }
                    let tint = match j.contribution {
                        ContributionJudgement::Clear => colour::status(Status::OnTrack),
                        ContributionJudgement::None => colour::status(Status::Behind),
                        _ => colour::BODY,
                    };
                    let line = Line::new(text, 12.5, tint, "judgement");
                    out.push(if j.decision.is_some() {
                        line.strong()
                    } else {
                        line
                    });
                }
            }
        }
        Kind::Outcome => {
            if let Some(o) = c.outcome(node.id) {
                let below = p.settings.small_numbers_below;
                for ind in o.indicators.iter().filter(|i| i.has_content()) {
                    let series = index.series(ind.id);
                    let a = assess(ind, &series, today);
                    let counts = ind.is_count_of_people();
                    let trend = series
                        .iter()
                        .filter(|m| !crate::privacy::suppress(m.value, counts, below))
                        .filter_map(|m| {
                            m.date.map(|d| {
                                (f64::from(chrono::Datelike::num_days_from_ce(&d)), m.value)
                            })
                        })
                        .collect();
                    let mut row =
                        Line::new(ind.name.trim().to_owned(), 12.5, colour::BODY, "indicator");
                    row.status = Some((a.status, trend));
                    out.push(row);
                    if let Some(note) = basis_text_in(lang, &a, &series, today) {
                        out.push(Line::new(format!("⚠ {note}"), 11.5, colour::OPEN, "basis"));
                    }
                }
            }
        }
        Kind::Ambition => {}
    }
    for k in &node.loose {
        out.push(
            Line::new(
                format!("⚠ {}", loose_text(*k, lang)),
                12.5,
                colour::OPEN,
                "loose-end",
            )
            .strong(),
        );
    }
    out
}

/// The estimated width of `text` at type size `size`, without fonts: a width per kind of
/// character, a little on the wide side of the sans-serif fonts the SVG names (Ubuntu, Segoe
/// UI, Helvetica, Arial), so that text stays inside its box whichever of them draws it.
pub fn text_width(text: &str, size: f32, strong: bool) -> f32 {
    let em: f32 = text.chars().map(char_width).sum();
    em * size * if strong { 1.08 } else { 1.0 }
}

fn char_width(c: char) -> f32 {
    match c {
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' | 'í' | 'ï' => 0.28,
        ' ' | 'f' | 't' | 'r' | 'I' | '(' | ')' | '[' | ']' | '/' | '-' | '·' => 0.36,
        'm' | 'w' | 'M' | 'W' | '@' | '%' => 0.85,
        '⚠' | '…' | '—' | '–' => 1.0,
        c if c.is_uppercase() => 0.68,
        c if c.is_ascii_digit() => 0.56,
        _ => 0.54,
    }
}

/// `text` in rows of at most `width`, broken between words; a word longer than a row is
/// broken inside. At least one row.
pub fn wrap(text: &str, width: f32, size: f32, strong: bool) -> Vec<String> {
    let mut rows = Vec::new();
    for para in text.split('\n') {
        let mut row = String::new();
        for word in para.split_whitespace() {
            let candidate = if row.is_empty() {
                word.to_owned()
            } else {
                format!("{row} {word}")
            };
            if text_width(&candidate, size, strong) <= width {
                row = candidate;
                continue;
            }
            if !row.is_empty() {
                rows.push(std::mem::take(&mut row));
            }
            // the word alone: broken where it does not fit
            for c in word.chars() {
                let mut longer = row.clone();
                longer.push(c);
                if !row.is_empty() && text_width(&longer, size, strong) > width {
                    rows.push(std::mem::take(&mut row));
                    row.push(c);
                } else {
                    row = longer;
                }
            }
        }
        rows.push(row);
    }
    if rows.is_empty() {
        rows.push(String::new());
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word_and_each_row_within_the_width() {
        let text =
            "Minder thuiszitters in de regio door snellere toeleiding naar passend onderwijs";
        let rows = wrap(text, 150.0, 12.5, false);
        assert!(rows.len() > 2, "{rows:?}");
        assert_eq!(rows.join(" "), text);
        for r in &rows {
            assert!(text_width(r, 12.5, false) <= 150.0, "{r}");
        }
        // a word longer than a row is broken inside
        let long = "a".repeat(80);
        let rows = wrap(&long, 100.0, 12.5, false);
        assert!(rows.len() > 1);
        assert_eq!(rows.concat(), long);
        assert_eq!(wrap("", 100.0, 12.5, false), vec![String::new()]);
    }
}
