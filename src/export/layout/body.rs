//! One domain's table body and footnotes laid out as one tall strip (y from the top of the
//! body), in units that pagination never cuts: a line of text, or an entry with its label.

use crate::export::entry_shape::{EntryShape, ShapeMetrics, box_height, label_span};
use crate::export::lanes::{Spacing, Stacked, stack};
use crate::export::metrics::Measure;
use crate::export::page::{Rgb, Shape, Stroke};
use crate::model::{ColumnKind, Document, Domain, Item, Marker, Roadblock};

use super::notes::{self, Reference};
use super::palette;
use super::table::Table;
use super::text::{Align, Paragraph, PlacedLine, line_height, place};

/// Something pagination keeps whole on one page.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// Top, in the strip.
    pub top: f32,
    /// Bottom, in the strip.
    pub bottom: f32,
    /// What it draws, in strip coordinates.
    pub shapes: Vec<Shape>,
}

/// A domain's strip: its rows, the bottom of the table and everything drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Body {
    /// `(top, bottom)` of each roadblock row.
    pub rows: Vec<(f32, f32)>,
    /// The bottom of the table (footnotes follow below it).
    pub table_bottom: f32,
    /// The bottom of everything.
    pub bottom: f32,
    /// Lines and entries, in reading order.
    pub units: Vec<Unit>,
    /// Where the strip refers to notes (the marks after titles and labels).
    pub notes: Vec<Reference>,
}

/// Sizes derived from the body text size.
#[derive(Debug, Clone, Copy)]
pub struct Metrics {
    /// Body text size.
    pub size: f32,
    /// Padding inside cells.
    pub pad: f32,
}

impl Metrics {
    /// The metrics for body text of `size` points.
    #[must_use]
    pub fn new(size: f32) -> Self {
        Self {
            size,
            pad: size * 0.4,
        }
    }

    /// Size of notes (entry details, footnotes).
    #[must_use]
    pub fn note_size(&self) -> f32 {
        self.size * 0.85
    }
}

/// Lays out `domain`'s rows, timeline entries and footnotes.
#[must_use]
pub fn lay_out(
    document: &Document,
    domain: &Domain,
    table: &Table,
    measure: &dyn Measure,
    metrics: Metrics,
) -> Body {
    let Metrics { size, pad } = metrics;
    // Cells are laid out from their row's top; rows move down once entries have made room.
    let mut row_units: Vec<Vec<Unit>> = Vec::with_capacity(domain.roadblocks.len());
    let mut heights = Vec::with_capacity(domain.roadblocks.len());
    for roadblock in &domain.roadblocks {
        let mut bottom = line_height(size) * 2.0;
        let mut units = Vec::new();
        for column in &table.columns {
            let marks = document.note_marks(&roadblock.notes);
            let (lines, cell_bottom) = cell(roadblock, measure, metrics, column, &marks);
            bottom = bottom.max(cell_bottom);
            units.extend(lines.into_iter().map(line_unit));
        }
        heights.push(bottom + pad);
        row_units.push(units);
    }
    let entries = place_entries(document, domain, table, measure, metrics, &mut heights);
    // A domain without roadblocks has no rows for its entries to grow, and a domain name may be
    // taller than the rows: the table reaches below both (the last row growing, if any).
    let needed = entries.iter().map(|unit| unit.bottom + pad).fold(
        domain_cell_height(domain, table, measure, metrics),
        f32::max,
    );
    let rows_bottom: f32 = heights.iter().sum();
    if let Some(last) = heights.last_mut() {
        *last += (needed - rows_bottom).max(0.0);
    }
    let mut rows = Vec::with_capacity(heights.len());
    let mut units = Vec::new();
    let mut row_top = 0.0;
    for (height, row) in heights.iter().zip(row_units) {
        rows.push((row_top, row_top + height));
        units.extend(row.into_iter().map(|unit| unit.shifted(row_top)));
        row_top += height;
    }
    let mut references = Vec::new();
    for (roadblock, &(top, _)) in domain.roadblocks.iter().zip(&rows) {
        references.extend(notes::references(document, &roadblock.notes, top + pad));
    }
    for (entry, unit) in domain.entries.iter().zip(&entries) {
        references.extend(notes::references(document, &entry.notes, unit.top));
    }
    units.extend(entries);
    let table_bottom = row_top.max(needed).max(line_height(size) * 3.0);
    let mut bottom = table_bottom;
    let note = metrics.note_size();
    for (index, footnote) in domain.footnotes.iter().enumerate() {
        let mut top = bottom + if index == 0 { pad * 1.5 } else { 0.0 };
        for (line, text) in footnote.lines.iter().enumerate() {
            let marker = if line == 0 {
                format!("{} ", footnote.mark)
            } else {
                String::new()
            };
            let indent = if line == 0 {
                0.0
            } else {
                measure.width(&format!("{} ", footnote.mark), note)
            };
            let paragraph = Paragraph::new(text, note, Rgb::BLACK).with_marker(&marker);
            let (lines, end) = place(
                measure,
                paragraph,
                table.x + indent,
                table.width - indent,
                top,
            );
            units.extend(lines.into_iter().map(line_unit));
            top = end;
        }
        bottom = top;
    }
    Body {
        rows,
        table_bottom,
        bottom,
        units,
        notes: references,
    }
}

impl Unit {
    /// The unit moved down by `dy`.
    #[must_use]
    pub fn shifted(self, dy: f32) -> Self {
        Self {
            top: self.top + dy,
            bottom: self.bottom + dy,
            shapes: self.shapes.into_iter().map(|s| s.shifted(dy)).collect(),
        }
    }
}

/// The text of the domain cell: 「①」, the name, and 「（続き）」 on a continuation page.
#[must_use]
pub fn domain_cell_text(domain: &Domain, continued: bool) -> String {
    let mut text = format!("{}\n{}", domain.number_label(), domain.name);
    if continued {
        text.push_str("\n（続き）");
    }
    text
}

/// How tall the domain cell's text and the domain's text cells (担当府省 …) need the table to
/// be (0 without such columns).
fn domain_cell_height(
    domain: &Domain,
    table: &Table,
    measure: &dyn Measure,
    metrics: Metrics,
) -> f32 {
    let name = table.column(&ColumnKind::Domain).map_or(0.0, |column| {
        let text = domain_cell_text(domain, false);
        let paragraph = Paragraph::new(&text, metrics.size, Rgb::BLACK).aligned(Align::Center);
        let width = column.width - 2.0 * metrics.pad;
        let (_, end) = place(measure, paragraph, column.x + metrics.pad, width, 0.0);
        end + 2.0 * metrics.pad
    });
    table
        .columns
        .iter()
        .filter(|c| c.spans_domain)
        .map(|column| domain_text_cell(domain, column, measure, metrics).1 + metrics.pad)
        .fold(name, f32::max)
}

/// The lines of a domain's cell in a text column of domain cells (担当府省), placed from 0;
/// returns them and their bottom. Nothing for other columns.
#[must_use]
pub fn domain_text_cell(
    domain: &Domain,
    column: &super::table::TableColumn,
    measure: &dyn Measure,
    metrics: Metrics,
) -> (Vec<PlacedLine>, f32) {
    let Some(text) = column.kind.text_id().and_then(|id| domain.cells.get(id)) else {
        return (Vec::new(), 0.0);
    };
    text_cell(text, measure, metrics, column, 0.0)
}

/// A text column's cell: one paragraph per line of `text`, wrapped with 禁則.
fn text_cell(
    text: &str,
    measure: &dyn Measure,
    metrics: Metrics,
    column: &super::table::TableColumn,
    top: f32,
) -> (Vec<PlacedLine>, f32) {
    let Metrics { size, pad } = metrics;
    let mut lines = Vec::new();
    let mut y = top + pad;
    for line in text.lines() {
        let paragraph = Paragraph::new(line, size, Rgb::BLACK);
        let (placed, end) = place(
            measure,
            paragraph,
            column.x + pad,
            column.width - 2.0 * pad,
            y,
        );
        lines.extend(placed);
        y = end;
    }
    (lines, y)
}

fn line_unit(line: PlacedLine) -> Unit {
    let height = line_height(line.run.size);
    Unit {
        top: line.top,
        bottom: line.top + height,
        shapes: vec![Shape::Text(line.run)],
    }
}

/// The paragraphs of one roadblock's cell, placed from the row's top, with the note `marks`
/// after the roadblock's title; returns lines and bottom.
fn cell(
    roadblock: &Roadblock,
    measure: &dyn Measure,
    metrics: Metrics,
    column: &super::table::TableColumn,
    marks: &str,
) -> (Vec<PlacedLine>, f32) {
    let Metrics { size, pad } = metrics;
    let x = column.x + pad;
    let width = column.width - 2.0 * pad;
    let mut heading = Vec::new();
    let mut lines = Vec::new();
    let mut y = pad;
    let mut add = |paragraph: Paragraph<'_>, indent: f32, y: &mut f32| {
        let (placed, end) = place(measure, paragraph, x + indent, width - indent, *y);
        lines.extend(placed);
        *y = end;
    };
    match &column.kind {
        ColumnKind::Domain => {}
        ColumnKind::Text(id) => {
            if let Some(text) = roadblock.cells.get(id).filter(|_| !column.spans_domain) {
                return text_cell(text, measure, metrics, column, 0.0);
            }
        }
        ColumnKind::Scope => add(
            Paragraph::new(&roadblock.scope, size, Rgb::BLACK),
            0.0,
            &mut y,
        ),
        ColumnKind::Roadblock => {
            let title = format!("【{}】{}", roadblock.title, roadblock.categories_label());
            let room = notes::mark_width(measure, marks, size);
            let paragraph = Paragraph::new(&title, size, palette::HEADING);
            let (placed, end) = place(measure, paragraph, x, width - room, y);
            heading = notes::marked(measure, placed, marks);
            y = end;
            for bullet in &roadblock.description {
                add(
                    Paragraph::new(bullet, size, Rgb::BLACK).with_marker("○ "),
                    0.0,
                    &mut y,
                );
            }
        }
        ColumnKind::Done | ColumnKind::Actions => {
            let items: &[Item] = if column.kind == ColumnKind::Done {
                &roadblock.done
            } else {
                &roadblock.actions
            };
            for item in items {
                let marker = match item.marker {
                    Marker::Plain => String::new(),
                    marker => marker.symbol().to_owned(),
                };
                let indent = f32::from(item.level.min(3)) * size;
                add(
                    Paragraph::new(&item.text, size, Rgb::BLACK).with_marker(&marker),
                    indent,
                    &mut y,
                );
            }
        }
    }
    heading.extend(lines);
    (heading, y)
}

/// Places the domain's entries in the fiscal-year columns: each starts at the top of its first
/// row and moves down below entries it would overlap; a row grows when its entries need room.
/// Units come back in the document's order of entries.
///
/// The stacking is the one the screen grid uses too ([`crate::export::lanes::stack`]).
fn place_entries(
    document: &Document,
    domain: &Domain,
    table: &Table,
    measure: &dyn Measure,
    metrics: Metrics,
    heights: &mut [f32],
) -> Vec<Unit> {
    let Metrics { size, pad } = metrics;
    let order = placement_order(domain, heights.len());
    let mut units = Vec::with_capacity(order.len());
    let mut stacked = Vec::with_capacity(order.len());
    for &(index, first, last) in &order {
        let entry = &domain.entries[index];
        let (x0, x1) = table.entry_span(&document.timeline, entry, size * 3.0);
        let marks = document.note_marks(&entry.notes);
        let unit = entry_unit(entry, &marks, x0, x1, measure, metrics);
        stacked.push(Stacked {
            first,
            last,
            x0,
            x1,
            height: unit.bottom,
        });
        units.push((index, unit));
    }
    let tops = stack(&stacked, heights, Spacing::even(pad));
    let mut units: Vec<(usize, Unit)> = units
        .into_iter()
        .zip(tops)
        .map(|((index, unit), top)| (index, unit.shifted(top)))
        .collect();
    units.sort_by_key(|&(index, _)| index);
    units.into_iter().map(|(_, unit)| unit).collect()
}

/// The entries of `domain` as `(index, first row, last row)`, in placing order: by first row,
/// then document order. An entry without rows spans them all.
fn placement_order(domain: &Domain, row_count: usize) -> Vec<(usize, usize, usize)> {
    let last_row = row_count.saturating_sub(1);
    let mut order: Vec<(usize, usize, usize)> = domain
        .entries
        .iter()
        .enumerate()
        .map(|(index, entry)| {
            let rows: Vec<usize> = entry
                .rows
                .iter()
                .filter_map(|id| domain.row_of(id))
                .collect();
            let first = rows.iter().min().copied().unwrap_or(0);
            let last = rows.iter().max().copied().unwrap_or(last_row);
            (index, first, last)
        })
        .collect();
    order.sort_by_key(|&(index, first, _)| (first, index));
    order
}

/// An entry drawn in `[x0, x1]` from y = 0: its arrow, bar or diamond with the label and its
/// note `marks`, and its detail below.
fn entry_unit(
    entry: &crate::model::TimelineEntry,
    marks: &str,
    x0: f32,
    x1: f32,
    measure: &dyn Measure,
    metrics: Metrics,
) -> Unit {
    let Metrics { size, pad } = metrics;
    let mut shapes = Vec::new();
    // The shape and the label's place are the screen grid's too (export::entry_shape).
    let proportions = ShapeMetrics::for_size(size);
    let (text_x, text_width) = label_span(entry.kind, entry.open_ended, x0, x1, proportions);
    let (label, label_bottom) = place(
        measure,
        Paragraph::new(&entry.label, size, Rgb::BLACK),
        text_x,
        text_width - notes::mark_width(measure, marks, size),
        pad * 0.5,
    );
    let label = notes::marked(measure, label, marks);
    let box_bottom = box_height(label_bottom - pad * 0.5, proportions);
    let (fill, outline) = palette::entry(entry.kind);
    let shape = EntryShape::new(
        entry.kind,
        entry.open_ended,
        (x0, x1),
        0.0,
        box_bottom,
        proportions,
    );
    // A diamond is solid in the outline's colour; a box is filled and outlined.
    shapes.push(Shape::Polygon {
        points: shape.outline,
        fill: Some(if shape.diamond { outline } else { fill }),
        stroke: (!shape.diamond).then(|| Stroke::solid(outline, 0.6)),
    });
    shapes.extend(label.into_iter().map(|line| Shape::Text(line.run)));
    let mut bottom = box_bottom;
    if !entry.detail.is_empty() {
        let (detail, end) = place(
            measure,
            Paragraph::new(&entry.detail, metrics.note_size(), Rgb::BLACK),
            x0,
            (x1 - x0).max(size * 6.0),
            box_bottom + pad * 0.5,
        );
        shapes.extend(detail.into_iter().map(|line| Shape::Text(line.run)));
        bottom = end;
    }
    Unit {
        top: 0.0,
        bottom,
        shapes,
    }
}

#[cfg(test)]
mod tests;
