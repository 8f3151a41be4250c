//! What every page of a domain repeats around its slice of the table: the page header (date,
//! title, revision stamp, material label), the table's header row, the rules, the domain cell
//! and the footer with the category legend.

use crate::export::metrics::Measure;
use crate::export::page::{Point, Rect, Rgb, Shape, Stroke};
use crate::export::settings::{PageSettings, mm};
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
        let notes_height = super::notes::reserve(document, domain, &table, measure, metrics);
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

    /// The shapes of the page showing `slice` of `body`: frame first, then the slice's units.
    #[must_use]
    pub fn page_shapes(
        &self,
        document: &Document,
        domain: &Domain,
        body: &Body,
        slice: Slice,
        continued: bool,
        measure: &dyn Measure,
    ) -> Vec<Shape> {
        let mut shapes = Vec::new();
        self.page_header(document, measure, &mut shapes);
        let dy = self.body_top - slice.from;
        // Only a page with part of the table draws it (a last page may hold footnotes alone).
        if slice.from < body.table_bottom {
            let bottom = slice.to.min(body.table_bottom) + dy;
            self.table_rules(body, slice, dy, bottom, &mut shapes);
            shapes.extend(self.header_row.iter().map(|l| Shape::Text(l.run.clone())));
            self.domain_cell(domain, continued, bottom, measure, &mut shapes);
        }
        for unit in body.units.iter().filter(|u| slice.holds(u.top)) {
            shapes.extend(unit.shapes.iter().map(|s| s.clone().shifted(dy)));
        }
        shapes.extend(super::notes::foot(document, body, slice, self, measure));
        shapes.extend(self.footer.iter().map(|l| Shape::Text(l.run.clone())));
        shapes
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

    fn table_rules(
        &self,
        body: &Body,
        slice: Slice,
        dy: f32,
        bottom: f32,
        shapes: &mut Vec<Shape>,
    ) {
        let table = &self.table;
        let rule = Stroke::solid(palette::RULE, 0.6);
        let light = Stroke::solid(palette::LIGHT_RULE, 0.4);
        shapes.push(Shape::Rect {
            rect: Rect::new(
                table.x,
                self.table_top,
                table.width,
                self.body_top - self.table_top,
            ),
            fill: Some(palette::HEADER_FILL),
            stroke: None,
        });
        if let Some(column) = table.column(ColumnKind::Domain) {
            shapes.push(Shape::Rect {
                rect: Rect::new(
                    column.x,
                    self.body_top,
                    column.width,
                    bottom - self.body_top,
                ),
                fill: Some(palette::DOMAIN_FILL),
                stroke: None,
            });
        }
        // Rules between rows, from the end of the domain column to the table's right edge.
        let rows_x = table
            .column(ColumnKind::Domain)
            .map_or(table.x, |c| c.x + c.width);
        for &(_, row_bottom) in &body.rows {
            let y = row_bottom + dy;
            if row_bottom > slice.from + 0.01 && y < bottom - 0.01 {
                shapes.push(Shape::Line {
                    from: Point::new(rows_x, y),
                    to: Point::new(table.years_x, y),
                    stroke: rule,
                });
                shapes.push(Shape::Line {
                    from: Point::new(table.years_x, y),
                    to: Point::new(table.right(), y),
                    stroke: light,
                });
            }
        }
        // Column rules: solid between text columns, dashed between fiscal years.
        for column in table.columns.iter().skip(1) {
            shapes.push(vertical(column.x, self.table_top, bottom, rule));
        }
        shapes.push(vertical(table.years_x, self.table_top, bottom, rule));
        for year in 1..table.years {
            let x = table.years_x + f32::from(year) * table.year_width;
            shapes.push(vertical(x, self.table_top, self.body_top, rule));
            shapes.push(vertical(
                x,
                self.body_top,
                bottom,
                Stroke {
                    dashed: true,
                    ..light
                },
            ));
        }
        shapes.push(Shape::Line {
            from: Point::new(table.x, self.body_top),
            to: Point::new(table.right(), self.body_top),
            stroke: rule,
        });
        shapes.push(Shape::Rect {
            rect: Rect::new(
                table.x,
                self.table_top,
                table.width,
                bottom - self.table_top,
            ),
            fill: None,
            stroke: Some(Stroke::solid(palette::RULE, 0.9)),
        });
    }

    fn domain_cell(
        &self,
        domain: &Domain,
        continued: bool,
        bottom: f32,
        measure: &dyn Measure,
        shapes: &mut Vec<Shape>,
    ) {
        let Some(column) = self.table.column(ColumnKind::Domain) else {
            return;
        };
        let size = self.metrics.size;
        let pad = self.metrics.pad;
        let text = super::body::domain_cell_text(domain, continued);
        let paragraph = Paragraph::new(&text, size, Rgb::BLACK).aligned(Align::Center);
        let width = column.width - 2.0 * pad;
        let (lines, end) = place(measure, paragraph, column.x + pad, width, 0.0);
        let top = self.body_top + ((bottom - self.body_top - end) / 2.0).max(pad);
        shapes.extend(lines.into_iter().map(|l| Shape::Text(l.run).shifted(top)));
    }
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
                .or_else(|| document.column_header(column.kind).map(str::to_owned));
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
