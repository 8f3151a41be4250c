//! What every page repeats around the slices of the table it shows: the page header (date,
//! title, revision stamp, material label), the table's header row, the rules, each domain's
//! cell and the footer with the category legend. Domains stacked on one page share the header
//! row at the top; one whose own header wording differs gets its own header row above it.

use crate::export::metrics::Measure;
use crate::export::page::{Point, Rect, Rgb, Shape, Stroke};
use crate::export::settings::{PageSettings, Pagination, mm};
use crate::model::{ColumnKind, Document, Domain};

use super::body::{Body, Metrics};
use super::paginate::Slice;
use super::palette;
use super::table::Table;
use super::text::{Align, Paragraph, PlacedLine, line_height, place};

/// The fixed parts of a domain's pages at one text size.
#[derive(Debug, Clone)]
pub struct Frame {
    /// Page width.
    pub width: f32,
    /// Page height.
    pub height: f32,
    /// Page margin.
    pub margin: f32,
    /// Body text metrics.
    pub metrics: Metrics,
    /// The table's columns.
    pub table: Table,
    /// Top of the table's header row.
    pub table_top: f32,
    /// Top of the table body (below the header row).
    pub body_top: f32,
    /// How much of the strip fits on one page.
    pub body_height: f32,
    /// The header row's text lines.
    header_row: Vec<PlacedLine>,
    /// The footer's lines (legend).
    footer: Vec<PlacedLine>,
}

impl Frame {
    /// The frame of `domain`'s pages at body size `size`.
    #[must_use]
    pub fn new(
        document: &Document,
        domain: &Domain,
        settings: &PageSettings,
        size: f32,
        measure: &dyn Measure,
    ) -> Self {
        let (width, height) = settings.page_size();
        let margin = mm(settings.margin_mm.clamp(0.0, 50.0));
        let metrics = Metrics::new(size);
        let table = Table::new(
            document,
            size,
            margin,
            width - 2.0 * margin,
            settings.fit_width,
        );
        let notes = document.meta.revision_notes.len() as f32;
        let table_top =
            margin + line_height(size) * (1.0 + notes) + line_height(size * 1.5) + size * 0.6;
        let header_row = header_row(document, domain, &table, measure, metrics, table_top);
        let header_bottom = header_row
            .iter()
            .map(|line| line.top + line_height(line.run.size))
            .fold(table_top + line_height(size), f32::max)
            + metrics.pad;
        let footer = footer(document, measure, size, margin, width, height);
        let footer_top = footer
            .iter()
            .map(|line| line.top)
            .fold(height - margin, f32::min);
        // A page of one domain keeps room for that domain's notes; a page that may stack several
        // domains (fill, one), for every note the document refers to.
        let with_room: Vec<&Domain> = if settings.pages == Pagination::Domain {
            vec![domain]
        } else {
            document.domains.iter().map(|d| &**d).collect()
        };
        let notes_height = super::notes::reserve(document, &with_room, &table, measure, metrics);
        Self {
            width,
            height,
            margin,
            metrics,
            table,
            table_top,
            body_top: header_bottom,
            body_height: (footer_top - size * 0.5 - header_bottom - notes_height).max(size * 4.0),
            header_row,
            footer,
        }
    }

    /// The shapes of a page showing `pieces` (one domain's slice each, top to bottom): this
    /// frame's page header and footer around them.
    #[must_use]
    pub fn page_shapes(
        &self,
        document: &Document,
        pieces: &[Piece<'_>],
        measure: &dyn Measure,
    ) -> Vec<Shape> {
        let mut shapes = Vec::new();
        self.page_header(document, measure, &mut shapes);
        for piece in pieces {
            piece.frame.piece_shapes(piece, measure, &mut shapes);
        }
        shapes.extend(super::notes::foot(document, pieces, self, measure));
        shapes.extend(self.footer.iter().map(|l| Shape::Text(l.run.clone())));
        shapes
    }

    /// The height of the header row.
    #[must_use]
    pub fn header_height(&self) -> f32 {
        self.body_top - self.table_top
    }

    /// How far down the page a body may reach (above the footer).
    #[must_use]
    pub fn body_limit(&self) -> f32 {
        self.body_top + self.body_height
    }

    /// Whether `other` draws the same header row as this frame (a domain's own header wording
    /// differs), so that its domain can be stacked below this one without a header row of its own.
    #[must_use]
    pub fn same_header_row(&self, other: &Frame) -> bool {
        (self.body_top - other.body_top).abs() < 0.01
            && self.header_row.len() == other.header_row.len()
            && self
                .header_row
                .iter()
                .zip(&other.header_row)
                .all(|(a, b)| a.run == b.run)
    }

    /// One domain's part of a page: its table (with the header row above it when
    /// `piece.header`), its domain cell and the units of its slice.
    fn piece_shapes(&self, piece: &Piece<'_>, measure: &dyn Measure, shapes: &mut Vec<Shape>) {
        let Piece {
            domain,
            body,
            slice,
            continued,
            top,
            header,
            ..
        } = *piece;
        let dy = top - slice.from;
        // Only a page with part of the table draws it (a last page may hold footnotes alone).
        if slice.from < body.table_bottom {
            let bottom = slice.to.min(body.table_bottom) + dy;
            let header_top = header.then_some(top - self.header_height());
            self.table_rules(body, slice, dy, (header_top, top), bottom, shapes);
            if let Some(header_top) = header_top {
                let shift = header_top - self.table_top;
                shapes.extend(
                    self.header_row
                        .iter()
                        .map(|l| Shape::Text(l.run.clone()).shifted(shift)),
                );
            }
            self.domain_cell(domain, continued, (top, bottom), measure, shapes);
        }
        for unit in body.units.iter().filter(|u| slice.holds(u.top)) {
            shapes.extend(unit.shapes.iter().map(|s| s.clone().shifted(dy)));
        }
    }

    fn page_header(&self, document: &Document, measure: &dyn Measure, shapes: &mut Vec<Shape>) {
        let size = self.metrics.size;
        let meta = &document.meta;
        let right = self.width - self.margin;
        let mut y = self.margin;
        for line in std::iter::once(&meta.date).chain(&meta.revision_notes) {
            shapes.push(Shape::Text(super::text::run(
                measure,
                self.margin,
                y,
                size,
                line.clone(),
                Rgb::BLACK,
            )));
            y += line_height(size);
        }
        let title = format!("{}{}", meta.title, meta.subtitle);
        shapes.push(Shape::Text(super::text::run(
            measure,
            self.margin,
            y,
            size * 1.5,
            title,
            Rgb::BLACK,
        )));
        // Material label, then the revision stamp to its left, both boxed, at the top right.
        let mut x = right;
        for (text, color) in [
            (&meta.material_label, Rgb::BLACK),
            (&meta.revision_label, palette::STAMP),
        ] {
            if text.is_empty() {
                continue;
            }
            let label_size = size * 1.2;
            let box_width = measure.width(text, label_size) + label_size;
            x -= box_width;
            shapes.push(Shape::Rect {
                rect: Rect::new(x, self.margin, box_width, line_height(label_size) + 2.0),
                fill: None,
                stroke: Some(Stroke::solid(color, 0.8)),
            });
            shapes.push(Shape::Text(super::text::run(
                measure,
                x + label_size / 2.0,
                self.margin + 1.0,
                label_size,
                text.clone(),
                color,
            )));
            x -= size;
        }
    }

    /// The rules of a domain's box from `body_top` to `bottom`, with the header row's fill and
    /// rules above it from `header_top` when there is one.
    fn table_rules(
        &self,
        body: &Body,
        slice: Slice,
        dy: f32,
        (header_top, body_top): (Option<f32>, f32),
        bottom: f32,
        shapes: &mut Vec<Shape>,
    ) {
        let table = &self.table;
        let rule = Stroke::solid(palette::RULE, 0.6);
        let light = Stroke::solid(palette::LIGHT_RULE, 0.4);
        let box_top = header_top.unwrap_or(body_top);
        if let Some(header_top) = header_top {
            shapes.push(Shape::Rect {
                rect: Rect::new(table.x, header_top, table.width, body_top - header_top),
                fill: Some(palette::HEADER_FILL),
                stroke: None,
            });
        }
        if let Some(column) = table.column(&ColumnKind::Domain) {
            shapes.push(Shape::Rect {
                rect: Rect::new(column.x, body_top, column.width, bottom - body_top),
                fill: Some(palette::DOMAIN_FILL),
                stroke: None,
            });
        }
        // Rules between rows, across the columns with a cell per row and the fiscal years (the
        // domain column and the domain's text cells span the rows).
        let spans = table.row_rule_spans();
        for &(_, row_bottom) in &body.rows {
            let y = row_bottom + dy;
            if row_bottom > slice.from + 0.01 && y < bottom - 0.01 {
                for &(left, right) in &spans {
                    shapes.push(Shape::Line {
                        from: Point::new(left, y),
                        to: Point::new(right, y),
                        stroke: rule,
                    });
                }
                shapes.push(Shape::Line {
                    from: Point::new(table.years_x, y),
                    to: Point::new(table.right(), y),
                    stroke: light,
                });
            }
        }
        // Column rules: solid between text columns, dashed between fiscal years.
        for column in table.columns.iter().skip(1) {
            shapes.push(vertical(column.x, box_top, bottom, rule));
        }
        shapes.push(vertical(table.years_x, box_top, bottom, rule));
        for year in 1..table.years {
            let x = table.years_x + f32::from(year) * table.year_width;
            if let Some(header_top) = header_top {
                shapes.push(vertical(x, header_top, body_top, rule));
            }
            shapes.push(vertical(
                x,
                body_top,
                bottom,
                Stroke {
                    dashed: true,
                    ..light
                },
            ));
        }
        if header_top.is_some() {
            shapes.push(Shape::Line {
                from: Point::new(table.x, body_top),
                to: Point::new(table.right(), body_top),
                stroke: rule,
            });
        }
        shapes.push(Shape::Rect {
            rect: Rect::new(table.x, box_top, table.width, bottom - box_top),
            fill: None,
            stroke: Some(Stroke::solid(palette::RULE, 0.9)),
        });
    }

    fn domain_cell(
        &self,
        domain: &Domain,
        continued: bool,
        (top, bottom): (f32, f32),
        measure: &dyn Measure,
        shapes: &mut Vec<Shape>,
    ) {
        for column in self.table.columns.iter().filter(|c| c.spans_domain) {
            let (lines, _) = super::body::domain_text_cell(domain, column, measure, self.metrics);
            shapes.extend(lines.into_iter().map(|l| Shape::Text(l.run).shifted(top)));
        }
        let Some(column) = self.table.column(&ColumnKind::Domain) else {
            return;
        };
        let size = self.metrics.size;
        let pad = self.metrics.pad;
        let text = super::body::domain_cell_text(domain, continued);
        let paragraph = Paragraph::new(&text, size, Rgb::BLACK).aligned(Align::Center);
        let width = column.width - 2.0 * pad;
        let (lines, end) = place(measure, paragraph, column.x + pad, width, 0.0);
        let text_top = top + ((bottom - top - end) / 2.0).max(pad);
        shapes.extend(
            lines
                .into_iter()
                .map(|l| Shape::Text(l.run).shifted(text_top)),
        );
    }
}

/// One domain's slice placed on a page.
#[derive(Debug, Clone, Copy)]
pub struct Piece<'a> {
    /// The domain.
    pub domain: &'a Domain,
    /// The frame the domain was laid out in (its text size and header row).
    pub frame: &'a Frame,
    /// The domain's strip.
    pub body: &'a Body,
    /// The part of the strip shown.
    pub slice: Slice,
    /// Whether an earlier page showed the strip's beginning (「（続き）」).
    pub continued: bool,
    /// Where the slice's top lies on the page.
    pub top: f32,
    /// Whether the header row is drawn just above the slice.
    pub header: bool,
}

fn vertical(x: f32, top: f32, bottom: f32, stroke: Stroke) -> Shape {
    Shape::Line {
        from: Point::new(x, top),
        to: Point::new(x, bottom),
        stroke,
    }
}

/// The header row's texts: column headers (the domain's own wording where it has one), then
/// the fiscal-year labels, centred in their columns.
fn header_row(
    document: &Document,
    domain: &Domain,
    table: &Table,
    measure: &dyn Measure,
    metrics: Metrics,
    top: f32,
) -> Vec<PlacedLine> {
    let size = metrics.size * 0.95;
    let pad = metrics.pad;
    let mut cells: Vec<(f32, f32, String)> = table
        .columns
        .iter()
        .map(|column| {
            let header = domain
                .header_overrides
                .get(&column.kind)
                .cloned()
                .or_else(|| document.column_header(&column.kind).map(str::to_owned));
            (column.x, column.width, header.unwrap_or_default())
        })
        .collect();
    for (index, label) in document.timeline.column_labels().into_iter().enumerate() {
        cells.push((
            table.years_x + index as f32 * table.year_width,
            table.year_width,
            label,
        ));
    }
    let placed: Vec<Vec<PlacedLine>> = cells
        .iter()
        .map(|(x, width, text)| {
            let paragraph = Paragraph::new(text, size, Rgb::BLACK).aligned(Align::Center);
            place(measure, paragraph, x + pad, width - 2.0 * pad, top + pad).0
        })
        .collect();
    // Centre each header vertically in the row.
    let row_lines = placed.iter().map(Vec::len).max().unwrap_or(1) as f32;
    placed
        .into_iter()
        .flat_map(|lines| {
            let offset = (row_lines - lines.len() as f32) * line_height(size) / 2.0;
            lines.into_iter().map(move |mut line| {
                line.top += offset;
                line.run.origin.y += offset;
                line
            })
        })
        .collect()
}

/// The legend of categories (「A 法改正が必要な事項」 …) along the bottom margin.
fn footer(
    document: &Document,
    measure: &dyn Measure,
    size: f32,
    margin: f32,
    width: f32,
    height: f32,
) -> Vec<PlacedLine> {
    let legend: Vec<String> = document
        .legend
        .categories
        .iter()
        .map(|c| format!("{} {}", c.letter, c.text))
        .collect();
    let text = legend.join("　");
    let note = size * 0.8;
    // Leave room at the right for the page number.
    let (lines, end) = place(
        measure,
        Paragraph::new(&text, note, palette::MUTED),
        margin,
        width - 2.0 * margin - note * 8.0,
        0.0,
    );
    let top = height - margin - end;
    lines
        .into_iter()
        .map(|mut line| {
            line.top += top;
            line.run.origin.y += top;
            line
        })
        .collect()
}
