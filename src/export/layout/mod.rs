//! The print layout: a document plus page settings become pages of positioned shapes. By
//! default one page per domain as in the seed's slides (a domain too tall for its page first
//! shrinks its text, if allowed, then continues on more pages with the header row repeated);
//! `pages.rs` also stacks whole domains on a page, or puts the whole roadmap on one. PDF, SVG,
//! PNG and the screen's print preview all draw these pages.

pub mod body;
pub mod dump;
pub mod frame;
pub mod notes;
pub mod pages;
pub mod paginate;
pub mod palette;
pub mod table;
pub mod text;

use crate::export::metrics::Measure;
use crate::export::page::{Page, Shape};
use crate::export::settings::PageSettings;
use crate::model::Document;

pub use self::pages::LayoutError;
use self::text::{Align, Paragraph, place};

/// Lays out the domains `settings` selects on pages as `settings.pages` chooses, numbered
/// 「n / N」.
///
/// # Errors
/// [`LayoutError::DoesNotFitOnePage`] when the whole roadmap is asked on one page and does not
/// fit it even with its text shrunk to the floor.
pub fn lay_out(
    document: &Document,
    settings: &PageSettings,
    measure: &dyn Measure,
) -> Result<Vec<Page>, LayoutError> {
    let mut pages = pages::spread_pages(document, settings, measure)?;
    number_pages(&mut pages, settings, measure);
    Ok(pages)
}

/// Writes 「n / N」 at the bottom right of every page.
fn number_pages(pages: &mut [Page], settings: &PageSettings, measure: &dyn Measure) {
    let total = pages.len();
    let margin = crate::export::settings::mm(settings.margin_mm.clamp(0.0, 50.0));
    let size = settings.base_size.clamp(4.0, 24.0) * 0.8;
    for (index, page) in pages.iter_mut().enumerate() {
        let text = format!("{} / {total}", index + 1);
        let paragraph = Paragraph::new(&text, size, palette::MUTED).aligned(Align::Right);
        let top = page.height - margin - text::line_height(size);
        let width = size * 8.0;
        let (lines, _) = place(measure, paragraph, page.width - margin - width, width, top);
        page.shapes
            .extend(lines.into_iter().map(|line| Shape::Text(line.run)));
    }
}

#[cfg(test)]
mod tests;
