//! Wrapped paragraphs (with 禁則) turned into positioned text runs, one per line.

use crate::export::kinsoku::break_lines;
use crate::export::metrics::Measure;
use crate::export::page::{ASCENT, Point, Rgb, TextRun};

/// The height of one line of text at `size` points.
#[must_use]
pub fn line_height(size: f32) -> f32 {
    size * 1.3
}

/// How a line sits between its left and right bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Flush left.
    Left,
    /// Centred.
    Center,
    /// Flush right.
    Right,
}

/// A paragraph to lay out: an optional marker such as 「○ 」 hanging before the text, so that
/// wrapped lines start under the text and not under the marker.
#[derive(Debug, Clone, Copy)]
pub struct Paragraph<'a> {
    /// Printed before the first line; later lines are indented by its width.
    pub marker: &'a str,
    /// The text (newlines break).
    pub text: &'a str,
    /// Font size in points.
    pub size: f32,
    /// Colour.
    pub color: Rgb,
    /// Alignment of each line.
    pub align: Align,
}

impl<'a> Paragraph<'a> {
    /// Left-aligned `text` at `size` in `color`, no marker.
    #[must_use]
    pub fn new(text: &'a str, size: f32, color: Rgb) -> Self {
        Self {
            marker: "",
            text,
            size,
            color,
            align: Align::Left,
        }
    }

    /// The same paragraph with `marker` hanging before it.
    #[must_use]
    pub fn with_marker(self, marker: &'a str) -> Self {
        Self { marker, ..self }
    }

    /// The same paragraph aligned by `align`.
    #[must_use]
    pub fn aligned(self, align: Align) -> Self {
        Self { align, ..self }
    }
}

/// One laid-out line: its run and the top of its line box.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedLine {
    /// Top of the line box.
    pub top: f32,
    /// The text run (baseline inside the line box).
    pub run: TextRun,
}

/// Lays out `paragraph` between `x` and `x + width` with its first line box at `top`.
/// Returns the lines and the bottom of the last line box. An empty text gives no lines.
#[must_use]
pub fn place(
    measure: &dyn Measure,
    paragraph: Paragraph<'_>,
    x: f32,
    width: f32,
    top: f32,
) -> (Vec<PlacedLine>, f32) {
    let size = paragraph.size;
    if paragraph.text.trim().is_empty() && paragraph.marker.is_empty() {
        return (Vec::new(), top);
    }
    let indent = measure.width(paragraph.marker, size);
    let lines = break_lines(paragraph.text, (width - indent).max(size), |c| {
        measure.advance(c) * size
    });
    let height = line_height(size);
    let mut placed = Vec::with_capacity(lines.len());
    let mut y = top;
    for (index, line) in lines.into_iter().enumerate() {
        let text = if index == 0 {
            format!("{}{line}", paragraph.marker)
        } else {
            line
        };
        let line_x = if index == 0 { x } else { x + indent };
        let line_width = measure.width(&text, size);
        let available = if index == 0 { width } else { width - indent };
        let left = match paragraph.align {
            Align::Left => line_x,
            Align::Center => line_x + ((available - line_width) / 2.0).max(0.0),
            Align::Right => line_x + (available - line_width).max(0.0),
        };
        placed.push(PlacedLine {
            top: y,
            run: run(measure, left, y, size, text, paragraph.color),
        });
        y += height;
    }
    (placed, y)
}

/// A run whose line box starts at `top`: the baseline sits so that the em box is centred
/// in the line box.
#[must_use]
pub fn run(
    measure: &dyn Measure,
    x: f32,
    top: f32,
    size: f32,
    text: String,
    color: Rgb,
) -> TextRun {
    TextRun {
        width: measure.width(&text, size),
        origin: Point::new(x, top + (line_height(size) - size) / 2.0 + size * ASCENT),
        size,
        text,
        color,
        underline: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::metrics::FixedPitch;

    #[test]
    fn a_marker_hangs_and_lines_stack() {
        let paragraph = Paragraph::new("倫理審査委員会の質", 10.0, Rgb::BLACK).with_marker("○ ");
        let (lines, bottom) = place(&FixedPitch, paragraph, 100.0, 65.0, 0.0);
        // "○ " is 15 pt wide, leaving 50 pt: five characters a line.
        let texts: Vec<&str> = lines.iter().map(|l| l.run.text.as_str()).collect();
        assert_eq!(texts, ["○ 倫理審査委", "員会の質"]);
        assert!((lines[1].run.origin.x - 115.0).abs() < 1e-3);
        assert!((lines[1].top - 13.0).abs() < 1e-3);
        assert!((bottom - 26.0).abs() < 1e-3);
    }

    #[test]
    fn centred_lines_sit_in_the_middle() {
        let paragraph = Paragraph::new("領域", 10.0, Rgb::BLACK).aligned(Align::Center);
        let (lines, _) = place(&FixedPitch, paragraph, 0.0, 40.0, 0.0);
        assert!((lines[0].run.origin.x - 10.0).abs() < 1e-3);
    }

    #[test]
    fn empty_text_takes_no_room() {
        let (lines, bottom) = place(
            &FixedPitch,
            Paragraph::new(" ", 10.0, Rgb::BLACK),
            0.0,
            40.0,
            5.0,
        );
        assert!(lines.is_empty());
        assert!((bottom - 5.0).abs() < f32::EPSILON);
    }

    #[test]
    fn the_seeds_texts_keep_the_kinsoku_rules_at_every_width() {
        use crate::export::kinsoku_check::{seed_paragraphs, violations};
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        let mut found = Vec::new();
        for name in ["roadblocks-after.ron", "roadblocks-before.ron"] {
            let document = crate::io::load(&root.join(name)).expect("the example loads");
            for text in seed_paragraphs(&document) {
                for width in [50.0, 65.0, 80.0, 100.0, 130.0, 170.0, 240.0] {
                    let (lines, _) = place(
                        &FixedPitch,
                        Paragraph::new(&text, 10.0, Rgb::BLACK),
                        0.0,
                        width,
                        0.0,
                    );
                    let lines: Vec<&str> = lines.iter().map(|l| l.run.text.as_str()).collect();
                    let advance = |c| FixedPitch.advance(c) * 10.0;
                    found.extend(
                        violations(&text, &lines, width, &advance)
                            .into_iter()
                            .map(|v| format!("{name} at {width}: {v}")),
                    );
                }
            }
        }
        assert!(
            found.is_empty(),
            "{} problems:\n{}",
            found.len(),
            found.join("\n")
        );
    }
}
