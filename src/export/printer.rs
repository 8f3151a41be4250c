//! The one entry point for printing: a Japanese face, measured, turns a document and page
//! settings into pages, and pages into PDF, SVG or PNG.

use crate::export::comparison::{ComparisonSettings, lay_out_comparison};
use crate::export::layout::{LayoutError, lay_out};
use crate::export::metrics::{FontMetrics, MetricsError};
use crate::export::page::Page;
use crate::export::pdf::{PdfError, to_pdf};
use crate::export::png::{PngError, to_png};
use crate::export::settings::PageSettings;
use crate::export::svg::to_svg;
use crate::font::JapaneseFont;
use crate::model::Document;

/// Prints with one Japanese face (the same face measures, embeds and draws).
pub struct Printer {
    metrics: FontMetrics,
}

impl Printer {
    /// A printer drawing in `font`.
    pub fn new(font: JapaneseFont) -> Result<Self, MetricsError> {
        Ok(Self {
            metrics: FontMetrics::new(font)?,
        })
    }

    /// The face used.
    #[must_use]
    pub fn font(&self) -> &JapaneseFont {
        self.metrics.font()
    }

    /// The laid-out pages of `document`.
    ///
    /// # Errors
    /// When the pages cannot be laid out as `settings` ask ([`LayoutError`]).
    pub fn pages(
        &self,
        document: &Document,
        settings: &PageSettings,
    ) -> Result<Vec<Page>, LayoutError> {
        lay_out(document, settings, &self.metrics)
    }

    /// The PDF of `document`.
    pub fn pdf(&self, document: &Document, settings: &PageSettings) -> Result<Vec<u8>, PdfError> {
        to_pdf(
            &self.pages(document, settings)?,
            self.font(),
            &document.meta,
        )
    }

    /// The 新旧対照表 of `old` against `new` as PDF; `full` prints unchanged entities in full
    /// instead of 「（略）」.
    pub fn comparison_pdf(
        &self,
        old: &Document,
        new: &Document,
        settings: &ComparisonSettings,
        full: bool,
    ) -> Result<Vec<u8>, PdfError> {
        let comparison = crate::diff::compare(old, new);
        let table = crate::diff::table::build(old, new, &comparison, full);
        let pages = lay_out_comparison(&table, &old.meta, &new.meta, settings, &self.metrics);
        let mut meta = new.meta.clone();
        meta.title = format!("{}{} 新旧対照表", new.meta.title, new.meta.subtitle);
        meta.subtitle.clear();
        to_pdf(&pages, self.font(), &meta)
    }

    /// The SVG of one page.
    #[must_use]
    pub fn svg(&self, page: &Page) -> String {
        to_svg(page, &self.font().family)
    }

    /// The PNG of one page at `dpi`.
    pub fn png(&self, page: &Page, dpi: f32) -> Result<Vec<u8>, PngError> {
        to_png(page, self.font(), dpi)
    }
}

/// The file name of page `number` (1-based) of `count` for an output named like `base`:
/// `after.png` → `after-01.png`, `after-02.png` … (two digits at least, more when needed).
#[must_use]
pub fn numbered_path(base: &std::path::Path, number: usize, count: usize) -> std::path::PathBuf {
    let digits = count.to_string().len().max(2);
    let stem = base
        .file_stem()
        .map_or_else(|| "page".into(), |s| s.to_string_lossy().into_owned());
    let name = match base.extension() {
        Some(extension) => format!("{stem}-{number:0digits$}.{}", extension.to_string_lossy()),
        None => format!("{stem}-{number:0digits$}"),
    };
    base.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn pages_are_numbered_with_two_digits() {
        assert_eq!(
            numbered_path(Path::new("out/after.png"), 3, 9),
            Path::new("out/after-03.png")
        );
        assert_eq!(
            numbered_path(Path::new("a.svg"), 7, 120),
            Path::new("a-007.svg")
        );
    }
}
