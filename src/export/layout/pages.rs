//! Spreading the laid-out domains over pages as [`Pagination`] chooses: a page (or more) per
//! domain, whole domains stacked under one header row until a page is full, or the whole
//! roadmap on one page with its text shrunk down to [`ONE_PAGE_FLOOR`].

use crate::export::metrics::Measure;
use crate::export::page::Page;
use crate::export::settings::{MIN_SHRUNK_SIZE, ONE_PAGE_FLOOR, PageSettings, Pagination};
use crate::model::{Document, Domain};

use super::body::{self, Body};
use super::frame::{Frame, Piece};
use super::paginate::{self, Slice};

const EPSILON: f32 = 0.01;

/// Why a document cannot be laid out as asked.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LayoutError {
    /// [`Pagination::One`]: the roadmap is taller than a page even at the smallest size tried.
    #[error(
        "工程表が1ページに収まりません（文字を{smallest} ptまで縮小しても）。複数ページに分けて印刷してください（--pages fill）。 / The roadmap does not fit on one page, even with its text at {smallest} pt: print it over several pages (--pages fill)."
    )]
    DoesNotFitOnePage {
        /// The smallest body size tried, in points.
        smallest: f32,
    },
}

/// Lays out the domains `settings` selects and spreads them over pages as `settings.pages`
/// chooses. Pages are not numbered yet.
pub(super) fn spread_pages(
    document: &Document,
    settings: &PageSettings,
    measure: &dyn Measure,
) -> Result<Vec<Page>, LayoutError> {
    let domains: Vec<&Domain> = document
        .domains
        .iter()
        .filter(|d| settings.prints_domain(d.number))
        .map(|d| &**d)
        .collect();
    let base = settings.base_size.clamp(4.0, 24.0);
    match settings.pages {
        Pagination::Domain | Pagination::Fill => {
            let sizes = sizes(settings, base, MIN_SHRUNK_SIZE);
            let laid: Vec<Laid<'_>> = domains
                .iter()
                .map(|domain| {
                    sizes
                        .iter()
                        .map(|&size| Laid::new(document, domain, settings, size, measure))
                        .find(Laid::fits_alone)
                        .unwrap_or_else(|| Laid::new(document, domain, settings, base, measure))
                })
                .collect();
            let sheets = spread(&laid, settings.pages == Pagination::Fill);
            Ok(draw(document, &laid, &sheets, measure))
        }
        Pagination::One => {
            let sizes = sizes(settings, base, ONE_PAGE_FLOOR);
            let smallest = sizes.last().copied().unwrap_or(base);
            let on_one_page = |size: f32| {
                let laid: Vec<Laid<'_>> = domains
                    .iter()
                    .map(|domain| Laid::new(document, domain, settings, size, measure))
                    .collect();
                if !laid.iter().all(Laid::fits_alone) {
                    return None;
                }
                let sheets = spread(&laid, true);
                (sheets.len() <= 1).then(|| draw(document, &laid, &sheets, measure))
            };
            // A roadmap far too big is refused after one try at the floor, not after every size.
            if sizes.len() > 1 && on_one_page(smallest).is_none() {
                return Err(LayoutError::DoesNotFitOnePage { smallest });
            }
            sizes
                .iter()
                .find_map(|&size| on_one_page(size))
                .ok_or(LayoutError::DoesNotFitOnePage { smallest })
        }
    }
}

/// The body sizes to try, largest first: `base`, then (when shrinking is allowed) 0.5 pt
/// smaller each step down to `floor`.
fn sizes(settings: &PageSettings, base: f32, floor: f32) -> Vec<f32> {
    let mut sizes = vec![base];
    if settings.shrink_to_fit {
        let mut size = base - 0.5;
        while size >= floor - EPSILON {
            sizes.push(size);
            size -= 0.5;
        }
    }
    sizes
}

/// A domain laid out at one text size.
struct Laid<'a> {
    domain: &'a Domain,
    size: f32,
    frame: Frame,
    body: Body,
}

impl<'a> Laid<'a> {
    fn new(
        document: &Document,
        domain: &'a Domain,
        settings: &PageSettings,
        size: f32,
        measure: &dyn Measure,
    ) -> Self {
        let frame = Frame::new(document, domain, settings, size, measure);
        let body = body::lay_out(document, domain, &frame.table, measure, frame.metrics);
        Self {
            domain,
            size,
            frame,
            body,
        }
    }

    /// Whether the whole domain fits on a page of its own.
    fn fits_alone(&self) -> bool {
        self.body.bottom <= self.frame.body_height
    }

    /// Whether the slice ends below the table, with the domain's footnotes.
    fn ends_with_footnotes(&self, slice: Slice) -> bool {
        slice.to > self.body.table_bottom + EPSILON
    }
}

/// One domain's slice on a sheet.
#[derive(Debug, Clone, Copy)]
struct Placed {
    /// Index into the laid-out domains.
    laid: usize,
    slice: Slice,
    /// Which of the domain's slices (0-based) and how many it has.
    part: (usize, usize),
    top: f32,
    header: bool,
}

/// A page being filled.
#[derive(Debug)]
struct Sheet {
    size: f32,
    pieces: Vec<Placed>,
    /// The bottom of what the sheet holds so far.
    cursor: f32,
    /// How far down a body may reach.
    limit: f32,
}

impl Sheet {
    /// A new page starting with `slice` of `laid[index]`, under the header row.
    fn starting(laid: &[Laid<'_>], index: usize, slice: Slice, part: (usize, usize)) -> Self {
        let item = &laid[index];
        let top = item.frame.body_top;
        Self {
            size: item.size,
            pieces: vec![Placed {
                laid: index,
                slice,
                part,
                top,
                header: true,
            }],
            cursor: top + slice.to - slice.from,
            limit: item.frame.body_limit(),
        }
    }

    /// Stacks the whole of `laid[index]` below what the sheet holds, if it fits there at the
    /// sheet's text size; a header row of its own comes first when its wording differs.
    fn try_stack(&mut self, laid: &[Laid<'_>], index: usize) -> bool {
        let item = &laid[index];
        let Some(previous) = self.pieces.last() else {
            return false;
        };
        if (item.size - self.size).abs() > EPSILON {
            return false;
        }
        let above = &laid[previous.laid];
        let gap = if above.ends_with_footnotes(previous.slice) {
            above.frame.metrics.pad * 1.5
        } else {
            0.0
        };
        let header = !above.frame.same_header_row(&item.frame);
        let top = self.cursor
            + gap
            + if header {
                item.frame.header_height()
            } else {
                0.0
            };
        let bottom = top + item.body.bottom;
        if bottom > self.limit + EPSILON {
            return false;
        }
        self.pieces.push(Placed {
            laid: index,
            slice: Slice {
                from: 0.0,
                to: item.body.bottom,
            },
            part: (0, 1),
            top,
            header,
        });
        self.cursor = bottom;
        true
    }
}

/// Puts the laid-out domains on sheets: each on pages of its own, or (`stack`) whole domains
/// below one another while they fit. A domain too tall for a page alone always starts a page
/// and continues over as many as it needs; the page holding its end may take the next domains.
fn spread(laid: &[Laid<'_>], stack: bool) -> Vec<Sheet> {
    let mut sheets: Vec<Sheet> = Vec::new();
    for (index, item) in laid.iter().enumerate() {
        if stack
            && item.fits_alone()
            && sheets
                .last_mut()
                .is_some_and(|sheet| sheet.try_stack(laid, index))
        {
            continue;
        }
        let slices = paginate::slices(&item.body, item.frame.body_height);
        let count = slices.len();
        for (part, slice) in slices.into_iter().enumerate() {
            sheets.push(Sheet::starting(laid, index, slice, (part, count)));
        }
    }
    sheets
}

/// The pages of `sheets`, each titled by the domains it shows.
fn draw(
    document: &Document,
    laid: &[Laid<'_>],
    sheets: &[Sheet],
    measure: &dyn Measure,
) -> Vec<Page> {
    sheets
        .iter()
        .filter_map(|sheet| {
            let first = &laid[sheet.pieces.first()?.laid];
            let pieces: Vec<Piece<'_>> = sheet
                .pieces
                .iter()
                .map(|placed| {
                    let item = &laid[placed.laid];
                    Piece {
                        domain: item.domain,
                        frame: &item.frame,
                        body: &item.body,
                        slice: placed.slice,
                        continued: placed.part.0 > 0,
                        top: placed.top,
                        header: placed.header,
                    }
                })
                .collect();
            let titles: Vec<String> = sheet
                .pieces
                .iter()
                .map(|placed| piece_title(laid[placed.laid].domain, placed.part))
                .collect();
            let title = match titles.as_slice() {
                [only] => only.clone(),
                [first, .., last] => format!("{first} ～ {last}"),
                [] => String::new(),
            };
            Some(Page {
                width: first.frame.width,
                height: first.frame.height,
                title,
                shapes: first.frame.page_shapes(document, &pieces, measure),
            })
        })
        .collect()
}

/// 「① IRB」, or 「① IRB（2/3）」 for the second of three pages of a domain.
fn piece_title(domain: &Domain, (part, count): (usize, usize)) -> String {
    if count > 1 {
        format!("{}（{}/{count}）", domain.display_name(), part + 1)
    } else {
        domain.display_name()
    }
}

#[cfg(test)]
mod tests;
