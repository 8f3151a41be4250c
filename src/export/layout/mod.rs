//! The print layout: a document plus page settings become pages of positioned shapes. One
//! page per domain as in the seed's slides; a domain too tall for its page first shrinks its
//! text (if allowed), then continues on more pages with the header row repeated. PDF, SVG,
//! PNG and the screen's print preview all draw these pages.

pub mod body;
pub mod dump;
pub mod frame;
pub mod notes;
pub mod paginate;
pub mod palette;
pub mod table;
pub mod text;

use crate::export::metrics::Measure;
use crate::export::page::{Page, Shape};
use crate::export::settings::{MIN_SHRUNK_SIZE, PageSettings};
use crate::model::Document;

use self::frame::Frame;
use self::text::{Align, Paragraph, place};

/// Lays out the domains `settings` selects, one or more pages each, numbered 「n / N」.
#[must_use]
pub fn lay_out(document: &Document, settings: &PageSettings, measure: &dyn Measure) -> Vec<Page> {
    let mut pages = Vec::new();
    let base = settings.base_size.clamp(4.0, 24.0);
    for domain in document
        .domains
        .iter()
        .filter(|d| settings.prints_domain(d.number))
    {
        let mut sizes = vec![base];
        if settings.shrink_to_fit {
            let mut size = base - 0.5;
            while size >= MIN_SHRUNK_SIZE - 0.01 {
                sizes.push(size);
                size -= 0.5;
            }
        }
        let laid_out = sizes.iter().find_map(|&size| {
            let frame = Frame::new(document, domain, settings, size, measure);
            let body = body::lay_out(document, domain, &frame.table, measure, frame.metrics);
            (body.bottom <= frame.body_height).then_some((frame, body))
        });
        let (frame, body) = laid_out.unwrap_or_else(|| {
            let frame = Frame::new(document, domain, settings, base, measure);
            let body = body::lay_out(document, domain, &frame.table, measure, frame.metrics);
            (frame, body)
        });
        let slices = paginate::slices(&body, frame.body_height);
        let count = slices.len();
        for (index, slice) in slices.into_iter().enumerate() {
            let title = if count > 1 {
                format!("{}（{}/{count}）", domain.display_name(), index + 1)
            } else {
                domain.display_name()
            };
            pages.push(Page {
                width: frame.width,
                height: frame.height,
                title,
                shapes: frame.page_shapes(document, domain, &body, slice, index > 0, measure),
            });
        }
    }
    number_pages(&mut pages, settings, measure);
    pages
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
