//! PNG of one laid-out page (for pasting into slides), rasterised with tiny-skia; glyphs are
//! the Japanese face's own outlines, read with ttf-parser, so the picture matches the PDF.

use std::collections::HashMap;

use tiny_skia::{FillRule, Paint, PathBuilder, Pixmap, Transform};

use crate::export::page::{Page, Point, Rgb, Shape, Stroke, TextRun};
use crate::font::JapaneseFont;

/// Why a PNG could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PngError {
    /// The font could not be parsed.
    #[error("the font {0} cannot be read for drawing")]
    Font(String),
    /// The picture would be too large (or empty).
    #[error("a {0}×{1} pixel picture is too large; lower the resolution")]
    Size(u32, u32),
    /// Encoding failed.
    #[error("the PNG could not be encoded: {0}")]
    Encode(String),
}

/// The largest side of a PNG we make, in pixels.
const MAX_SIDE: u32 = 16_384;

/// The PNG of `page` at `dpi` dots per inch, drawn in `font`.
pub fn to_png(page: &Page, font: &JapaneseFont, dpi: f32) -> Result<Vec<u8>, PngError> {
    to_pixmap(page, font, dpi)?
        .encode_png()
        .map_err(|error| PngError::Encode(error.to_string()))
}

/// `page` rasterised at `dpi` (for tests and previews that compare pixels).
pub fn to_pixmap(page: &Page, font: &JapaneseFont, dpi: f32) -> Result<Pixmap, PngError> {
    let scale = dpi.clamp(10.0, 1200.0) / 72.0;
    let (width, height) = (
        (page.width * scale).ceil() as u32,
        (page.height * scale).ceil() as u32,
    );
    if width > MAX_SIDE || height > MAX_SIDE {
        return Err(PngError::Size(width, height));
    }
    let mut pixmap = Pixmap::new(width, height).ok_or(PngError::Size(width, height))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    let face = ttf_parser::Face::parse(&font.data, font.index)
        .map_err(|_| PngError::Font(font.family.clone()))?;
    let mut glyphs = Glyphs {
        face: &face,
        paths: HashMap::new(),
    };
    let transform = Transform::from_scale(scale, scale);
    for shape in &page.shapes {
        match shape {
            Shape::Rect { rect, fill, stroke } => {
                let points = [
                    Point::new(rect.x, rect.y),
                    Point::new(rect.right(), rect.y),
                    Point::new(rect.right(), rect.bottom()),
                    Point::new(rect.x, rect.bottom()),
                ];
                draw_path(&mut pixmap, &points, true, *fill, *stroke, transform);
            }
            Shape::Line { from, to, stroke } => {
                draw_path(
                    &mut pixmap,
                    &[*from, *to],
                    false,
                    None,
                    Some(*stroke),
                    transform,
                );
            }
            Shape::Polygon {
                points,
                fill,
                stroke,
            } => draw_path(&mut pixmap, points, true, *fill, *stroke, transform),
            Shape::Text(run) => draw_text(&mut pixmap, run, &mut glyphs, transform),
        }
    }
    Ok(pixmap)
}

fn paint(color: Rgb) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color_rgba8(color.0, color.1, color.2, 255);
    paint.anti_alias = true;
    paint
}

fn draw_path(
    pixmap: &mut Pixmap,
    points: &[Point],
    closed: bool,
    fill: Option<Rgb>,
    stroke: Option<Stroke>,
    transform: Transform,
) {
    let mut builder = PathBuilder::new();
    for (index, point) in points.iter().enumerate() {
        if index == 0 {
            builder.move_to(point.x, point.y);
        } else {
            builder.line_to(point.x, point.y);
        }
    }
    if closed {
        builder.close();
    }
    let Some(path) = builder.finish() else {
        return;
    };
    if let Some(fill) = fill {
        pixmap.fill_path(&path, &paint(fill), FillRule::Winding, transform, None);
    }
    if let Some(stroke) = stroke {
        let style = tiny_skia::Stroke {
            width: stroke.width,
            dash: if stroke.dashed {
                tiny_skia::StrokeDash::new(vec![2.0, 2.0], 0.0)
            } else {
                None
            },
            ..tiny_skia::Stroke::default()
        };
        pixmap.stroke_path(&path, &paint(stroke.color), &style, transform, None);
    }
}

/// Glyph outlines of the face, in font units (y up), cached.
struct Glyphs<'a> {
    face: &'a ttf_parser::Face<'a>,
    paths: HashMap<ttf_parser::GlyphId, Option<tiny_skia::Path>>,
}

impl Glyphs<'_> {
    fn outline(&mut self, glyph: ttf_parser::GlyphId) -> Option<&tiny_skia::Path> {
        let face = self.face;
        self.paths
            .entry(glyph)
            .or_insert_with(|| {
                let mut builder = Outline(PathBuilder::new());
                face.outline_glyph(glyph, &mut builder)?;
                builder.0.finish()
            })
            .as_ref()
    }
}

struct Outline(PathBuilder);

impl ttf_parser::OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to(x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.0.quad_to(x1, y1, x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.0.cubic_to(x1, y1, x2, y2, x, y);
    }
    fn close(&mut self) {
        self.0.close();
    }
}

fn draw_text(pixmap: &mut Pixmap, run: &TextRun, glyphs: &mut Glyphs<'_>, page: Transform) {
    let face = glyphs.face;
    let em = run.size / f32::from(face.units_per_em());
    let color = paint(run.color);
    let mut x = run.origin.x;
    for c in run.text.chars() {
        let Some(glyph) = face.glyph_index(c) else {
            x += run.size;
            continue;
        };
        let advance = face
            .glyph_hor_advance(glyph)
            .map_or(run.size, |a| f32::from(a) * em);
        if let Some(path) = glyphs.outline(glyph) {
            let transform =
                page.pre_concat(Transform::from_row(em, 0.0, 0.0, -em, x, run.origin.y));
            pixmap.fill_path(path, &color, FillRule::Winding, transform, None);
        }
        x += advance;
    }
    if run.underline {
        let y = run.origin.y + run.size * 0.12;
        draw_path(
            pixmap,
            &[
                Point::new(run.origin.x, y),
                Point::new(run.origin.x + run.width, y),
            ],
            false,
            None,
            Some(Stroke::solid(run.color, run.size * 0.06)),
            page,
        );
    }
}
