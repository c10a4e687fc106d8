//! Where the boxes of a [`Chain`] go: three columns, outcomes stacked, interventions and
//! ambitions as near as they can be to the middle of the outcomes they are linked to.

use super::Chain;

impl Chain {
    /// Places the boxes: three columns of width `m.width`, each box as high as `heights[node]`.
    /// Outcomes are stacked; interventions and ambitions sit as near to the middle of the
    /// outcomes they are linked to as they can without overlapping.
    pub fn place(&self, heights: &[f32], m: Metrics) -> Placement {
        let n = self.nodes.len();
        let mut rects = vec![Rect::default(); n];
        let h = |k: usize| heights.get(k).copied().unwrap_or(m.min_height).max(1.0);
        let x = |layer: usize| layer as f32 * (m.width + m.column_gap);
        let mut y = 0.0;
        for &k in &self.columns[1] {
            rects[k] = Rect {
                x: x(1),
                y,
                w: m.width,
                h: h(k),
            };
            y += h(k) + m.row_gap;
        }
        for col in [0, 2] {
            let mut bottom = f32::NEG_INFINITY;
            for &k in &self.columns[col] {
                let centres: Vec<f32> = self
                    .links
                    .iter()
                    .filter_map(|l| {
                        let other = if l.from == k {
                            l.to
                        } else if l.to == k {
                            l.from
                        } else {
                            return None;
                        };
                        Some(rects[other].y + rects[other].h / 2.0)
                    })
                    .collect();
                let wanted = if centres.is_empty() {
                    bottom.max(0.0)
                } else {
                    centres.iter().sum::<f32>() / centres.len() as f32 - h(k) / 2.0
                };
                let top = if bottom.is_finite() {
                    wanted.max(bottom + m.row_gap)
                } else {
                    wanted.max(0.0)
                };
                rects[k] = Rect {
                    x: x(col),
                    y: top,
                    w: m.width,
                    h: h(k),
                };
                bottom = top + h(k);
            }
        }
        let width = x(2) + m.width;
        let height = rects.iter().map(|r| r.y + r.h).fold(0.0, f32::max);
        Placement {
            rects,
            width,
            height,
        }
    }
}

/// The sizes the layout works with, in points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Metrics {
    pub width: f32,
    pub column_gap: f32,
    pub row_gap: f32,
    pub min_height: f32,
}

impl Default for Metrics {
    fn default() -> Self {
        Self {
            width: 260.0,
            column_gap: 70.0,
            row_gap: 16.0,
            min_height: 48.0,
        }
    }
}

/// A box's place: top-left corner and size.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    /// Whether two boxes share any area.
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }
}

/// Where every box of a chain is, and how large the whole is.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Placement {
    /// By node index.
    pub rects: Vec<Rect>,
    pub width: f32,
    pub height: f32,
}
