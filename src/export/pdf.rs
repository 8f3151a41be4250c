//! PDF from laid-out pages, with krilla: the Japanese face embedded as a subset, text
//! extractable, title and author in the metadata, and the same bytes for the same input (no
//! dates or random ids are written).

use krilla::Document as PdfDocument;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point as PdfPoint, Rect as PdfRect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings as PdfPageSettings;
use krilla::paint::{Fill, Stroke as PdfStroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};

use crate::export::page::{Page, Point, Rgb, Shape, Stroke, TextRun};
use crate::font::JapaneseFont;
use crate::model::Meta;

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// krilla could not read the face.
    #[error("the font {0} cannot be embedded in a PDF")]
    Font(String),
    /// There is nothing to print.
    #[error("no pages to print (are the chosen domains in the document?)")]
    NoPages,
    /// A page has an impossible size.
    #[error("page {0} has an invalid size")]
    PageSize(usize),
    /// krilla refused to write the file.
    #[error("the PDF could not be written: {0}")]
    Write(String),
    /// The pages could not be laid out as asked.
    #[error(transparent)]
    Layout(#[from] crate::export::layout::LayoutError),
}

impl PdfError {
    /// The error in `lang` (English is the `Display` text).
    #[must_use]
    pub fn sentence(&self, lang: crate::model::Lang) -> String {
        use crate::model::Lang;
        match (self, lang) {
            (_, Lang::En) | (PdfError::Layout(_), _) => self.to_string(),
            (PdfError::Font(family), Lang::Ja) => {
                format!("フォント {family} をPDFに埋め込めません")
            }
            (PdfError::NoPages, Lang::Ja) => {
                "印刷するページがありません（印刷する領域の番号が文書にありますか）".to_owned()
            }
            (PdfError::PageSize(page), Lang::Ja) => format!("{page} ページ目の大きさが不正です"),
            (PdfError::Write(detail), Lang::Ja) => format!("PDFを書き出せませんでした（{detail}）"),
        }
    }
}

/// The PDF of `pages`, drawn in `font`, with `meta`'s title and author.
pub fn to_pdf(pages: &[Page], font: &JapaneseFont, meta: &Meta) -> Result<Vec<u8>, PdfError> {
    if pages.is_empty() {
        return Err(PdfError::NoPages);
    }
    let face = Font::new(font.data.clone().into(), font.index)
        .ok_or_else(|| PdfError::Font(font.family.clone()))?;
    let outlines = ttf_parser::Face::parse(&font.data, font.index)
        .map_err(|_| PdfError::Font(font.family.clone()))?;
    let glyphs = Glyphs {
        face: &outlines,
        units_per_em: f32::from(outlines.units_per_em()),
    };
    let mut document = PdfDocument::new();
    let mut metadata = Metadata::new()
        .title(format!("{}{}", meta.title, meta.subtitle))
        .language("ja".to_owned())
        .creator("Koteihyo (工程表エディタ)".to_owned());
    if !meta.author.is_empty() {
        metadata = metadata.authors(vec![meta.author.clone()]);
    }
    if !meta.revision_label.is_empty() {
        metadata = metadata.description(meta.revision_label.clone());
    }
    document.set_metadata(metadata);
    for (index, page) in pages.iter().enumerate() {
        let settings = PdfPageSettings::from_wh(page.width, page.height)
            .ok_or(PdfError::PageSize(index + 1))?;
        let mut pdf_page = document.start_page_with(settings);
        let mut surface = pdf_page.surface();
        for shape in &page.shapes {
            draw(&mut surface, shape, &face, &glyphs);
        }
        surface.finish();
        pdf_page.finish();
    }
    document
        .finish()
        .map_err(|error| PdfError::Write(format!("{error:?}")))
}

/// Glyph ids and advances straight from the face: the layout measured with the same advances,
/// so no shaping is needed (and none could move a character off its measured place).
struct Glyphs<'a> {
    face: &'a ttf_parser::Face<'a>,
    units_per_em: f32,
}

impl Glyphs<'_> {
    fn of(&self, text: &str) -> Vec<KrillaGlyph> {
        text.char_indices()
            .map(|(at, c)| {
                let glyph = self.face.glyph_index(c);
                let advance = glyph
                    .and_then(|g| self.face.glyph_hor_advance(g))
                    .map_or(1.0, |a| f32::from(a) / self.units_per_em);
                KrillaGlyph::new(
                    GlyphId::new(u32::from(glyph.map_or(0, |g| g.0))),
                    advance,
                    0.0,
                    0.0,
                    0.0,
                    at..at + c.len_utf8(),
                    None,
                )
            })
            .collect()
    }
}

fn draw(surface: &mut Surface<'_>, shape: &Shape, face: &Font, glyphs: &Glyphs<'_>) {
    match shape {
        Shape::Rect { rect, fill, stroke } => {
            let mut path = PathBuilder::new();
            if let Some(r) = PdfRect::from_xywh(rect.x, rect.y, rect.width, rect.height) {
                path.push_rect(r);
            }
            fill_and_stroke(surface, path, *fill, *stroke);
        }
        Shape::Line { from, to, stroke } => {
            let mut path = PathBuilder::new();
            path.move_to(from.x, from.y);
            path.line_to(to.x, to.y);
            fill_and_stroke(surface, path, None, Some(*stroke));
        }
        Shape::Polygon {
            points,
            fill,
            stroke,
        } => fill_and_stroke(surface, polygon(points), *fill, *stroke),
        Shape::Text(run) => text(surface, run, face, glyphs),
    }
}

fn polygon(points: &[Point]) -> PathBuilder {
    let mut path = PathBuilder::new();
    for (index, point) in points.iter().enumerate() {
        if index == 0 {
            path.move_to(point.x, point.y);
        } else {
            path.line_to(point.x, point.y);
        }
    }
    path.close();
    path
}

fn fill_and_stroke(
    surface: &mut Surface<'_>,
    path: PathBuilder,
    fill: Option<Rgb>,
    stroke: Option<Stroke>,
) {
    let Some(path) = path.finish() else {
        return;
    };
    surface.set_fill(fill.map(fill_of));
    surface.set_stroke(stroke.map(|stroke| PdfStroke {
        paint: color(stroke.color).into(),
        width: stroke.width,
        dash: stroke.dashed.then(|| StrokeDash {
            array: vec![2.0, 2.0],
            offset: 0.0,
        }),
        ..PdfStroke::default()
    }));
    surface.draw_path(&path);
}

fn text(surface: &mut Surface<'_>, run: &TextRun, face: &Font, glyphs: &Glyphs<'_>) {
    surface.set_stroke(None);
    surface.set_fill(Some(fill_of(run.color)));
    surface.draw_glyphs(
        PdfPoint::from_xy(run.origin.x, run.origin.y),
        &glyphs.of(&run.text),
        face.clone(),
        &run.text,
        run.size,
        false,
    );
    if run.underline {
        let y = run.origin.y + run.size * 0.12;
        let mut path = PathBuilder::new();
        path.move_to(run.origin.x, y);
        path.line_to(run.origin.x + run.width, y);
        fill_and_stroke(
            surface,
            path,
            None,
            Some(Stroke::solid(run.color, run.size * 0.06)),
        );
    }
}

fn color(c: Rgb) -> rgb::Color {
    rgb::Color::new(c.0, c.1, c.2)
}

fn fill_of(c: Rgb) -> Fill {
    Fill {
        paint: color(c).into(),
        opacity: NormalizedF32::ONE,
        rule: krilla::paint::FillRule::default(),
    }
}
