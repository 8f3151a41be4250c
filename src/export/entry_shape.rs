//! The shape of a timeline entry — an arrow, a bar, or a milestone's diamond — computed once,
//! GUI-free, for the screen grid and the printed page alike: its outline, and where its label
//! goes. Each side gives its own text size and padding ([`ShapeMetrics`]); the proportions are
//! the same.

use crate::export::page::Point;
use crate::model::EntryKind;

/// The sizes an entry's shape is measured in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShapeMetrics {
    /// The label's text size.
    pub size: f32,
    /// Padding around the label inside a box.
    pub pad: f32,
    /// The height of one line of the label.
    pub line_height: f32,
}

/// An entry's outline and its label's place.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryShape {
    /// The outline, clockwise from the top left: a box with a pointed right side for an arrow
    /// (or an open end), a plain box for a bar (its right side's middle point on the edge), or
    /// a diamond (top, right, bottom, left) for a milestone.
    pub outline: Vec<Point>,
    /// Whether the outline is a milestone's diamond, filled with the outline's colour; a box
    /// is filled with the entry's fill.
    pub diamond: bool,
    /// Left edge of the label.
    pub text_x: f32,
    /// Width the label may wrap to.
    pub text_width: f32,
    /// Top of the label's first line.
    pub text_top: f32,
}

/// The width of an arrow head (of an arrow, or of an open-ended bar) over `[x0, x1]`; 0 for a
/// bar or milestone that ends.
#[must_use]
pub fn head_width(kind: EntryKind, open_ended: bool, x0: f32, x1: f32, size: f32) -> f32 {
    if kind == EntryKind::Arrow || open_ended {
        (size * 0.9).min((x1 - x0) / 3.0)
    } else {
        0.0
    }
}

/// Where the label of an entry over `[x0, x1]` goes: its left edge and wrap width. A
/// milestone's label follows its diamond; a box's sits inside it, clear of the head.
#[must_use]
pub fn label_span(
    kind: EntryKind,
    open_ended: bool,
    x0: f32,
    x1: f32,
    metrics: ShapeMetrics,
) -> (f32, f32) {
    let ShapeMetrics { size, pad, .. } = metrics;
    match kind {
        EntryKind::Milestone => (x0 + size * 1.2, x1 - x0 - size * 1.2),
        EntryKind::Arrow | EntryKind::Bar => {
            let head = head_width(kind, open_ended, x0, x1, size);
            (x0 + pad, x1 - x0 - 2.0 * pad - head)
        }
    }
}

/// The height of a box around `label_height` of text: half the padding above and below.
#[must_use]
pub fn box_height(label_height: f32, metrics: ShapeMetrics) -> f32 {
    label_height + metrics.pad
}

impl ShapeMetrics {
    /// The proportions of an entry whose label is `size` points: padding 0.4 em, lines 1.3 em
    /// (those of the printed page, which the screen shares at its own text size).
    #[must_use]
    pub fn for_size(size: f32) -> Self {
        Self {
            size,
            pad: size * 0.4,
            line_height: size * 1.3,
        }
    }
}

impl EntryShape {
    /// The shape of an entry of `kind` over `[x0, x1]` from `top`, its box `height` tall (a
    /// diamond is as large as the text, centred on the label's first line).
    #[must_use]
    pub fn new(
        kind: EntryKind,
        open_ended: bool,
        (x0, x1): (f32, f32),
        top: f32,
        height: f32,
        metrics: ShapeMetrics,
    ) -> Self {
        let ShapeMetrics {
            size,
            pad,
            line_height,
        } = metrics;
        let (text_x, text_width) = label_span(kind, open_ended, x0, x1, metrics);
        let text_top = top + pad * 0.5;
        let outline = match kind {
            EntryKind::Milestone => {
                let (cx, cy, r) = (x0 + size * 0.5, text_top + line_height * 0.5, size * 0.45);
                vec![
                    Point::new(cx, cy - r),
                    Point::new(cx + r, cy),
                    Point::new(cx, cy + r),
                    Point::new(cx - r, cy),
                ]
            }
            EntryKind::Arrow | EntryKind::Bar => {
                let body_right = x1 - head_width(kind, open_ended, x0, x1, size);
                let bottom = top + height;
                vec![
                    Point::new(x0, top),
                    Point::new(body_right, top),
                    Point::new(x1, top + height / 2.0),
                    Point::new(body_right, bottom),
                    Point::new(x0, bottom),
                ]
            }
        };
        Self {
            outline,
            diamond: kind == EntryKind::Milestone,
            text_x,
            text_width,
            text_top,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const METRICS: ShapeMetrics = ShapeMetrics {
        size: 10.0,
        pad: 4.0,
        line_height: 13.0,
    };

    #[test]
    fn a_milestone_is_a_diamond_on_its_first_line_and_its_label_follows() {
        let shape = EntryShape::new(
            EntryKind::Milestone,
            false,
            (100.0, 200.0),
            20.0,
            30.0,
            METRICS,
        );
        assert!(shape.diamond);
        let centre = 20.0 + 2.0 + 6.5;
        assert_eq!(
            shape.outline,
            [
                Point::new(105.0, centre - 4.5),
                Point::new(109.5, centre),
                Point::new(105.0, centre + 4.5),
                Point::new(100.5, centre),
            ]
        );
        assert_eq!(
            (shape.text_x, shape.text_width, shape.text_top),
            (112.0, 88.0, 22.0)
        );
    }

    #[test]
    fn an_arrow_has_a_head_and_an_ending_bar_none() {
        let arrow = EntryShape::new(EntryKind::Arrow, false, (0.0, 100.0), 0.0, 20.0, METRICS);
        assert_eq!(arrow.outline[1], Point::new(91.0, 0.0));
        assert_eq!(arrow.outline[2], Point::new(100.0, 10.0));
        assert!((arrow.text_width - (100.0 - 8.0 - 9.0)).abs() < 1e-6);
        let bar = EntryShape::new(EntryKind::Bar, false, (0.0, 100.0), 0.0, 20.0, METRICS);
        assert_eq!(bar.outline[1], Point::new(100.0, 0.0));
        let open = EntryShape::new(EntryKind::Bar, true, (0.0, 100.0), 0.0, 20.0, METRICS);
        assert_eq!(
            open.outline, arrow.outline,
            "an open end is drawn as an arrow head"
        );
        // A short arrow's head takes at most a third of it.
        assert!((head_width(EntryKind::Arrow, false, 0.0, 15.0, 10.0) - 5.0).abs() < 1e-6);
    }
}
