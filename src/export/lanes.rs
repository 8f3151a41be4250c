//! Stacking timeline entries into lanes — one geometry for the screen grid and the printed page
//! (GUI-free). Each entry starts a margin below the top of its first row and, while it overlaps
//! an entry already placed, moves below it; the last row it spans grows when it needs room.
//!
//! Near-linear: the entries placed are kept sorted by top, so an entry visits only those between
//! its first row's top and where it lands (2,000 entries stacked in one row took tens of seconds
//! when every step rescanned every entry; `layout/body/tests.rs` keeps that algorithm as an
//! oracle).

/// One entry to stack: the rows it spans (first and last, by position) and its box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stacked {
    /// Its first row.
    pub first: usize,
    /// Its last row, which grows when the entry needs room.
    pub last: usize,
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Height.
    pub height: f32,
}

/// The margins of stacking.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spacing {
    /// Above an entry, from the top of its first row.
    pub top: f32,
    /// Between an entry and the one it moved below.
    pub gap: f32,
    /// Below an entry, inside its last row.
    pub bottom: f32,
}

impl Spacing {
    /// The same margin `pad` above, between and below entries (screen and paper alike, each
    /// at its own text size).
    #[must_use]
    pub fn even(pad: f32) -> Self {
        Self {
            top: pad,
            gap: pad,
            bottom: pad,
        }
    }
}

/// The top of each entry of `entries`, stacked in the order given (place them by first row,
/// then document order), growing the rows' `heights` where entries need room.
pub fn stack(entries: &[Stacked], heights: &mut [f32], spacing: Spacing) -> Vec<f32> {
    let mut placed = Placed::default();
    let mut tops_of_entries = Vec::with_capacity(entries.len());
    for entry in entries {
        let tops = prefix_sums(heights);
        let start = tops.get(entry.first).copied().unwrap_or(0.0) + spacing.top;
        let y = placed.land(entry.x0, entry.x1, start, entry.height, spacing.gap);
        if let Some(row_height) = heights.get_mut(entry.last) {
            let span_bottom = tops.get(entry.last).copied().unwrap_or(0.0) + *row_height;
            let needed = y + entry.height + spacing.bottom;
            if needed > span_bottom {
                *row_height += needed - span_bottom;
            }
        }
        placed.insert(entry.x0, entry.x1, y, y + entry.height);
        tops_of_entries.push(y);
    }
    tops_of_entries
}

/// Tops of rows of the given heights.
#[must_use]
pub fn prefix_sums(heights: &[f32]) -> Vec<f32> {
    let mut tops = Vec::with_capacity(heights.len());
    let mut y = 0.0;
    for height in heights {
        tops.push(y);
        y += height;
    }
    tops
}

/// The boxes `(x0, x1, top, bottom)` of the entries placed so far, sorted by top.
#[derive(Debug, Default)]
pub(crate) struct Placed {
    boxes: Vec<(f32, f32, f32, f32)>,
    /// The largest `bottom - top` so far.
    tallest: f32,
}

impl Placed {
    /// Where an entry `height` tall spanning `[x0, x1]` lands when it starts at `y` and, while
    /// it overlaps placed boxes, moves to `pad` below the lowest of those it overlaps.
    ///
    /// The boxes overlapping `[y, y + height)` that span the entry's x are those with a top
    /// above `y + height` and a bottom below `y`; as `y` only grows, the tops in question are a
    /// growing run of the sorted boxes, and the lowest bottom among them (once below `y`) is
    /// the lowest of those overlapping. Boxes with a top more than `tallest` above the start
    /// end above it and are never visited.
    pub(crate) fn land(&self, x0: f32, x1: f32, start: f32, height: f32, pad: f32) -> f32 {
        let mut y = start;
        // The 1 pt margin keeps rounding in `top + height` from hiding a box that reaches `y`.
        let skip_above = start - self.tallest - 1.0;
        let mut next = self.boxes.partition_point(|b| b.2 < skip_above);
        let mut lowest = f32::NEG_INFINITY;
        loop {
            while let Some(&(bx0, bx1, top, bottom)) = self.boxes.get(next) {
                if top >= y + height {
                    break;
                }
                if bx0 < x1 && bx1 > x0 {
                    lowest = lowest.max(bottom);
                }
                next += 1;
            }
            if lowest > y {
                y = lowest + pad;
            } else {
                return y;
            }
        }
    }

    /// Adds a box, keeping the boxes sorted by top.
    pub(crate) fn insert(&mut self, x0: f32, x1: f32, top: f32, bottom: f32) {
        let at = self.boxes.partition_point(|b| b.2 <= top);
        self.boxes.insert(at, (x0, x1, top, bottom));
        self.tallest = self.tallest.max(bottom - top);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_sums_are_tops() {
        assert_eq!(prefix_sums(&[10.0, 5.0, 7.0]), [0.0, 10.0, 15.0]);
        assert!(prefix_sums(&[]).is_empty());
    }

    #[test]
    fn overlapping_entries_stack_and_their_last_row_grows() {
        let spacing = Spacing {
            top: 1.0,
            gap: 2.0,
            bottom: 3.0,
        };
        let bar = |first, last, x0, x1| Stacked {
            first,
            last,
            x0,
            x1,
            height: 10.0,
        };
        let mut heights = [20.0, 20.0];
        // Two overlapping bars in row 0, one beside them, one in row 1 under nothing.
        let tops = stack(
            &[
                bar(0, 0, 0.0, 50.0),
                bar(0, 0, 40.0, 90.0),
                bar(0, 0, 100.0, 150.0),
                bar(1, 1, 0.0, 50.0),
            ],
            &mut heights,
            spacing,
        );
        let expected = [1.0, 1.0 + 10.0 + 2.0, 1.0, 13.0 + 10.0 + 3.0 + 1.0];
        for (top, expected) in tops.iter().zip(expected) {
            // Below the bar it overlaps; beside them at the top; row 1's bar in row 1.
            assert!((top - expected).abs() < 1e-4, "{tops:?}");
        }
        assert!(
            (heights[0] - (13.0 + 10.0 + 3.0)).abs() < 1e-4,
            "row 0 grew for the stacked bar: {heights:?}"
        );
    }
}
