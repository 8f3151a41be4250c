//! Laid-out pages: positioned boxes, lines, polygons and text runs in points (1/72 inch),
//! origin at the page's top left, y downwards. Every backend (PDF, SVG, PNG, the screen's
//! print preview) draws exactly these.

use serde::{Deserialize, Serialize};

/// A colour, 8-bit sRGB.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Black, for text.
    pub const BLACK: Self = Self(0, 0, 0);
    /// As `#rrggbb`.
    #[must_use]
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// A point on the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// From the left edge.
    pub x: f32,
    /// From the top edge.
    pub y: f32,
}

impl Point {
    /// The point (x, y).
    #[must_use]
    pub const fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }
}

/// An axis-aligned rectangle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

impl Rect {
    /// The rectangle from its left, top, width and height.
    #[must_use]
    pub const fn new(x: f32, y: f32, width: f32, height: f32) -> Self {
        Self {
            x,
            y,
            width,
            height,
        }
    }

    /// The right edge.
    #[must_use]
    pub fn right(&self) -> f32 {
        self.x + self.width
    }

    /// The bottom edge.
    #[must_use]
    pub fn bottom(&self) -> f32 {
        self.y + self.height
    }
}

/// How a line or outline is stroked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    /// Colour.
    pub color: Rgb,
    /// Width in points.
    pub width: f32,
    /// Dashed (for the fiscal-year rules inside the chart).
    pub dashed: bool,
}

impl Stroke {
    /// A solid stroke.
    #[must_use]
    pub const fn solid(color: Rgb, width: f32) -> Self {
        Self {
            color,
            width,
            dashed: false,
        }
    }
}

/// A run of text on one line: drawn from `origin` (its baseline's left end) in the one
/// Japanese face at `size` points.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    /// Left end of the baseline.
    pub origin: Point,
    /// Font size in points.
    pub size: f32,
    /// The text (no newlines).
    pub text: String,
    /// Its advance width in points, as the layout measured it.
    pub width: f32,
    /// Colour.
    pub color: Rgb,
    /// Underlined (傍線), as a 新旧対照表 marks changed text.
    pub underline: bool,
}

/// One thing drawn on a page, in painting order.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A rectangle, filled and/or outlined.
    Rect {
        /// Where.
        rect: Rect,
        /// Fill colour, if filled.
        fill: Option<Rgb>,
        /// Outline, if any.
        stroke: Option<Stroke>,
    },
    /// A straight line.
    Line {
        /// One end.
        from: Point,
        /// The other end.
        to: Point,
        /// How it is stroked.
        stroke: Stroke,
    },
    /// A closed polygon (arrows, milestone diamonds).
    Polygon {
        /// Corners in order.
        points: Vec<Point>,
        /// Fill colour, if filled.
        fill: Option<Rgb>,
        /// Outline, if any.
        stroke: Option<Stroke>,
    },
    /// A line of text.
    Text(TextRun),
}

impl Shape {
    /// The shape moved down by `dy`.
    #[must_use]
    pub fn shifted(mut self, dy: f32) -> Self {
        match &mut self {
            Self::Rect { rect, .. } => rect.y += dy,
            Self::Line { from, to, .. } => {
                from.y += dy;
                to.y += dy;
            }
            Self::Polygon { points, .. } => points.iter_mut().for_each(|p| p.y += dy),
            Self::Text(run) => run.origin.y += dy,
        }
        self
    }
}

/// The part of the em box above the baseline that the layout assumes (CJK faces put the
/// baseline at about 88 % of the em; Noto Sans CJK JP, Yu Gothic and Hiragino all do).
pub const ASCENT: f32 = 0.88;

/// One printed page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
    /// What the page shows, for tables of contents and file names.
    pub title: String,
    /// Everything on it, in painting order.
    pub shapes: Vec<Shape>,
}

impl Page {
    /// Every text run on the page, in order.
    pub fn texts(&self) -> impl Iterator<Item = &TextRun> {
        self.shapes.iter().filter_map(|shape| match shape {
            Shape::Text(run) => Some(run),
            _ => None,
        })
    }

    /// The rectangles filled with `fill`, in painting order (tests find cells by colour).
    #[cfg(test)]
    pub(crate) fn rects_filled(&self, fill: Rgb) -> impl Iterator<Item = Rect> + '_ {
        self.shapes.iter().filter_map(move |shape| match shape {
            Shape::Rect {
                rect,
                fill: Some(found),
                ..
            } if *found == fill => Some(*rect),
            _ => None,
        })
    }

    /// The unfilled rectangles drawn with a rule heavier than `width` (a table's outer frame).
    #[cfg(test)]
    pub(crate) fn frames_heavier_than(&self, width: f32) -> impl Iterator<Item = Rect> + '_ {
        self.shapes.iter().filter_map(move |shape| match shape {
            Shape::Rect {
                rect,
                fill: None,
                stroke: Some(stroke),
            } if stroke.width > width => Some(*rect),
            _ => None,
        })
    }
}
