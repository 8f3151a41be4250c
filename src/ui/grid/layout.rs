//! Where everything of the grid goes: column positions, row heights from their wrapped text,
//! and the lanes of timeline entries. Computed once per change and cached; painting then only
//! touches the visible rows.

use std::collections::BTreeMap;

use egui::{Painter, Rect, pos2, vec2};
use serde::{Deserialize, Serialize};

use super::cells::{Block, CellText, PAD, TEXT_SIZE};
use crate::export::entry_shape::{EntryShape, ShapeMetrics, box_height, label_span};
use crate::export::lanes::{Spacing, Stacked, prefix_sums, stack};
use crate::model::{Column, ColumnKind, Document, Domain, EntryKind, Shared, TimelineEntry};

/// The proportions of timeline entries on screen: the printed page's, at the grid's text size.
#[must_use]
pub fn entry_metrics() -> ShapeMetrics {
    ShapeMetrics::for_size(TEXT_SIZE)
}

/// The shape of `entry` drawn in `rect` (its box, arrow head or diamond, and its label's
/// place): the geometry the printed page uses ([`crate::export::entry_shape`]).
#[must_use]
pub fn entry_shape(entry: &TimelineEntry, rect: Rect) -> EntryShape {
    EntryShape::new(
        entry.kind,
        entry.open_ended,
        (rect.min.x, rect.max.x),
        rect.min.y,
        rect.height(),
        entry_metrics(),
    )
}

use crate::ui::filter::Filter;

/// Space between stacked blocks of a cell.
pub const BLOCK_GAP: f32 = 3.0;
/// Smallest row height.
const MIN_ROW_HEIGHT: f32 = 26.0;
/// Screen width of one character of a column's width in the document (全角 字数).
pub const CHAR_WIDTH: f32 = 13.0;

/// Column widths in points; the user resizes them and they are remembered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnWidths {
    /// Widths of the table columns.
    pub table: BTreeMap<ColumnKind, f32>,
    /// Width of every fiscal-year column.
    pub year: f32,
}

impl Default for ColumnWidths {
    fn default() -> Self {
        let table = [
            (ColumnKind::Domain, 56.0),
            (ColumnKind::Scope, 40.0),
            (ColumnKind::Roadblock, 230.0),
            (ColumnKind::Done, 210.0),
            (ColumnKind::Actions, 140.0),
        ]
        .into_iter()
        .collect();
        Self { table, year: 140.0 }
    }
}

impl ColumnWidths {
    /// The width of a table column of `kind` (a text column at its natural width).
    #[must_use]
    pub fn of(&self, kind: &ColumnKind) -> f32 {
        self.table
            .get(kind)
            .copied()
            .unwrap_or(crate::export::layout::table::TEXT_WIDTH * CHAR_WIDTH)
    }

    /// The width of one of the document's columns: the user's own width where they resized
    /// it, else the document's width (in characters), else the kind's.
    #[must_use]
    pub fn of_column(&self, column: &Column) -> f32 {
        match (self.table.get(&column.kind), column.width) {
            (Some(&width), _) => width,
            (None, Some(chars)) => f32::from(chars) * CHAR_WIDTH,
            (None, None) => self.of(&column.kind),
        }
    }

    /// These widths scaled so that `document`'s table and years fill `width` (幅に合わせる), never
    /// below half their size (a narrower window scrolls).
    #[must_use]
    pub fn fitted(&self, document: &Document, width: f32) -> ColumnWidths {
        let years = document.timeline.column_labels().len();
        #[allow(clippy::cast_precision_loss)] // a handful of fiscal years
        let natural = document
            .columns
            .iter()
            .map(|c| self.of_column(c))
            .sum::<f32>()
            + self.year * years as f32;
        let factor = if natural > 0.0 {
            (width / natural).max(0.5)
        } else {
            1.0
        };
        ColumnWidths {
            table: document
                .columns
                .iter()
                .map(|c| (c.kind.clone(), (self.of_column(c) * factor).floor()))
                .collect(),
            year: (self.year * factor).floor(),
        }
    }

    /// A cache key: the widths as bits.
    #[must_use]
    pub fn key(&self) -> Vec<u32> {
        self.table
            .values()
            .chain(std::iter::once(&self.year))
            .map(|w| w.to_bits())
            .collect()
    }
}

/// A column of the grid.
#[derive(Debug, Clone, PartialEq)]
pub enum GridColumn {
    /// A table column before the years.
    Table(ColumnKind),
    /// Fiscal-year column `n` (0-based).
    Year(usize),
}

/// A column's place.
#[derive(Debug, Clone)]
pub struct ColumnGeom {
    /// Which column.
    pub column: GridColumn,
    /// Whether its one cell spans the domain's rows (the domain column, a text column of
    /// domain cells such as 担当府省).
    pub spans_domain: bool,
    /// Left edge, from the grid's left.
    pub x: f32,
    /// Width.
    pub width: f32,
    /// Header text.
    pub header: String,
}

/// A roadblock row's place, relative to its domain's top.
#[derive(Debug, Clone)]
pub struct RowGeom {
    /// Index of the roadblock in its domain.
    pub roadblock: usize,
    /// Top, from the domain's top.
    pub top: f32,
    /// Height.
    pub height: f32,
}

/// A timeline entry's place, relative to its domain's top.
#[derive(Debug, Clone)]
pub struct EntryGeom {
    /// Index of the entry in its domain.
    pub entry: usize,
    /// Its rectangle (including an arrow head).
    pub rect: Rect,
}

/// A domain's place.
#[derive(Debug, Clone)]
pub struct DomainGeom {
    /// Index of the domain in the document.
    pub domain: usize,
    /// Top, from the top of the grid body.
    pub top: f32,
    /// Height of all its rows.
    pub height: f32,
    /// Its shown rows (a domain without roadblocks has none).
    pub rows: Vec<RowGeom>,
    /// Its shown entries.
    pub entries: Vec<EntryGeom>,
}

/// The whole grid's geometry.
#[derive(Debug, Clone)]
pub struct GridLayout {
    /// Columns, left to right.
    pub columns: Vec<ColumnGeom>,
    /// Left edge of the first fiscal-year column.
    pub years_x: f32,
    /// Width of a fiscal-year column.
    pub year_width: f32,
    /// Total width.
    pub width: f32,
    /// Height of the header row.
    pub header_height: f32,
    /// Shown domains, top to bottom.
    pub domains: Vec<DomainGeom>,
    /// Height of the body (without the header).
    pub body_height: f32,
}

impl GridLayout {
    /// The wrap width of text in a column of width `width`.
    #[must_use]
    pub fn wrap_width(width: f32, indent: f32) -> f32 {
        (width - 2.0 * PAD - indent).max(10.0)
    }

    /// The x range `[x0, x1]` of an entry (x1 includes an open end to the chart's edge).
    #[must_use]
    pub fn entry_span(
        &self,
        document: &Document,
        entry: &crate::model::TimelineEntry,
    ) -> (f32, f32) {
        let timeline = &document.timeline;
        let x0 = self.years_x + timeline.start_position(&entry.start).max(0.0) * self.year_width;
        let right_edge = self.years_x + f32::from(timeline.years) * self.year_width;
        let x1 = if entry.open_ended {
            right_edge
        } else {
            (self.years_x + timeline.end_position(&entry.end) * self.year_width).min(right_edge)
        };
        match entry.kind {
            EntryKind::Milestone => (
                x0,
                (x0 + self.year_width * 0.9).min(right_edge).max(x0 + 40.0),
            ),
            EntryKind::Arrow | EntryKind::Bar => (x0, x1.max(x0 + 24.0)),
        }
    }

    /// Computes the layout of `document` with `filter` applied.
    #[must_use]
    pub fn compute(
        document: &Document,
        filter: &Filter,
        widths: &ColumnWidths,
        text: &CellText<'_>,
        painter: &Painter,
    ) -> Self {
        Self::compute_reusing(
            document,
            filter,
            widths,
            text,
            painter,
            &mut DomainMemo::default(),
            &mut Budget::unlimited(),
        )
    }

    /// [`GridLayout::compute`], reusing from `memo` the geometry of every domain that is as it
    /// was when it was laid out (the memo must be cleared when anything else the layout depends
    /// on changes: widths, filter, zoom, theme, language, columns, timeline, notes). An edit then
    /// lays out only the domain it touched; the others move by the heights above them.
    ///
    /// With a limited `budget`, domains below `budget.exact_until` that are not in the memo are
    /// laid out only while time remains; the others get an estimated height (no rows, no bars)
    /// and `budget.complete` turns false: the caller lays out again next frame, so a large
    /// roadmap shows its first frame at once and is filled in over the next ones.
    #[must_use]
    pub fn compute_reusing(
        document: &Document,
        filter: &Filter,
        widths: &ColumnWidths,
        text: &CellText<'_>,
        painter: &Painter,
        memo: &mut DomainMemo,
        budget: &mut Budget,
    ) -> Self {
        let mut columns = Vec::new();
        let mut x = 0.0;
        for column in &document.columns {
            let width = widths.of_column(column);
            columns.push(ColumnGeom {
                column: GridColumn::Table(column.kind.clone()),
                spans_domain: column.kind == ColumnKind::Domain || column.is_domain_text(),
                x,
                width,
                header: column.header.clone(),
            });
            x += width;
        }
        let years_x = x;
        for (index, label) in document.timeline.column_labels().into_iter().enumerate() {
            columns.push(ColumnGeom {
                column: GridColumn::Year(index),
                spans_domain: false,
                x,
                width: widths.year,
                header: label,
            });
            x += widths.year;
        }
        let header_height = columns
            .iter()
            .map(|c| {
                let mut job = egui::text::LayoutJob::default();
                text.append(&mut job, &c.header, text.palette.text);
                let job = super::wrap::wrap_job(painter, &job, Self::wrap_width(c.width, 0.0));
                painter.layout_job(job).size().y
            })
            .fold(0.0, f32::max)
            + 2.0 * PAD;
        let mut layout = Self {
            columns,
            years_x,
            year_width: widths.year,
            width: x,
            header_height,
            domains: Vec::new(),
            body_height: 0.0,
        };
        let mut top = 0.0;
        budget.complete = true;
        for (index, domain) in document.domains.iter().enumerate() {
            if !filter.shows_domain(domain) {
                continue;
            }
            let reused = memo.0.get_mut(&domain.id).and_then(|(laid_out, geom)| {
                // An unchanged domain is the same shared value (found without comparing); an
                // equal copy is compared once and kept instead, so the next frames find it so.
                (laid_out == domain).then(|| {
                    if !Shared::same(laid_out, domain) {
                        *laid_out = domain.clone();
                    }
                    geom.clone()
                })
            });
            let geom = match reused {
                Some(geom) => DomainGeom {
                    domain: index,
                    top,
                    ..geom
                },
                _ if !budget.allows(top) => {
                    budget.complete = false;
                    DomainGeom {
                        domain: index,
                        top,
                        height: memo.estimate(domain),
                        rows: Vec::new(),
                        entries: Vec::new(),
                    }
                }
                _ => {
                    let geom = layout.domain(document, index, domain, filter, text, painter, top);
                    memo.learn(domain, &geom);
                    memo.0
                        .insert(domain.id.clone(), (domain.clone(), geom.clone()));
                    geom
                }
            };
            top += geom.height;
            layout.domains.push(geom);
        }
        if memo.0.len() > document.domains.len() {
            let ids: std::collections::HashSet<&crate::model::Id> =
                document.domains.iter().map(|d| &d.id).collect();
            memo.0.retain(|id, _| ids.contains(id));
        }
        layout.body_height = top;
        layout
    }

    /// Height of a stack of blocks wrapped to `width`.
    fn blocks_height(blocks: Vec<Block>, width: f32, painter: &Painter) -> f32 {
        let count = blocks.len();
        let text: f32 = blocks
            .into_iter()
            .map(|block| {
                let job = super::wrap::wrap_job(
                    painter,
                    &block.job,
                    Self::wrap_width(width, block.indent),
                );
                painter.layout_job(job).size().y
            })
            .sum();
        text + BLOCK_GAP * count.saturating_sub(1) as f32
    }

    #[allow(clippy::too_many_arguments)] // one call site; the pieces are all distinct inputs
    fn domain(
        &self,
        document: &Document,
        index: usize,
        domain: &Domain,
        filter: &Filter,
        text: &CellText<'_>,
        painter: &Painter,
        top: f32,
    ) -> DomainGeom {
        let mut heights: Vec<f32> = Vec::new();
        let mut rows: Vec<usize> = Vec::new();
        for (row, roadblock) in domain.roadblocks.iter().enumerate() {
            if !filter.shows_roadblock(domain, roadblock) {
                continue;
            }
            let height = self
                .columns
                .iter()
                .filter_map(|c| match &c.column {
                    GridColumn::Table(kind) if !c.spans_domain => Some(Self::blocks_height(
                        text.roadblock_cell(
                            roadblock,
                            kind,
                            &document.note_marks(&roadblock.notes),
                        ),
                        c.width,
                        painter,
                    )),
                    _ => None,
                })
                .fold(0.0, f32::max);
            heights.push((height + 2.0 * PAD).max(MIN_ROW_HEIGHT));
            rows.push(row);
        }
        let entries =
            self.place_entries(document, domain, filter, &rows, &mut heights, text, painter);
        let tops = prefix_sums(&heights);
        let mut height: f32 = heights.iter().sum();
        for column in self.columns.iter().filter(|c| c.spans_domain) {
            let blocks = match &column.column {
                GridColumn::Table(ColumnKind::Text(id)) => text.domain_text(domain, id),
                _ => vec![text.domain(domain)],
            };
            let needed = Self::blocks_height(blocks, column.width, painter) + 2.0 * PAD;
            height = height.max(needed);
        }
        let entry_bottom = entries
            .iter()
            .map(|e| e.rect.max.y + PAD)
            .fold(0.0, f32::max);
        height = height.max(entry_bottom).max(MIN_ROW_HEIGHT);
        if let (Some(last), Some(last_top)) = (heights.last_mut(), tops.last()) {
            *last = height - last_top;
        }
        let rows = rows
            .into_iter()
            .zip(tops.iter().zip(&heights))
            .map(|(roadblock, (&top, &height))| RowGeom {
                roadblock,
                top,
                height,
            })
            .collect();
        DomainGeom {
            domain: index,
            top,
            height,
            rows,
            entries,
        }
    }

    /// Stacks the domain's entries: each starts at the top of its first row and moves down
    /// below entries it would overlap; a row grows when its entries need more room.
    #[allow(clippy::too_many_arguments)] // one call site; the pieces are all distinct inputs
    fn place_entries(
        &self,
        document: &Document,
        domain: &Domain,
        filter: &Filter,
        rows: &[usize],
        heights: &mut [f32],
        text: &CellText<'_>,
        painter: &Painter,
    ) -> Vec<EntryGeom> {
        // (first shown row, last shown row) of each shown entry, by position among shown rows.
        let mut spans: Vec<(usize, usize, usize)> = Vec::new();
        for (index, entry) in domain.entries.iter().enumerate() {
            if !filter.shows_entry(domain, entry) {
                continue;
            }
            let positions: Vec<usize> = entry
                .rows
                .iter()
                .filter_map(|id| domain.row_of(id))
                .filter_map(|row| rows.iter().position(|&r| r == row))
                .collect();
            let (first, last) = match (positions.iter().min(), positions.iter().max()) {
                (Some(&first), Some(&last)) => (first, last),
                _ => (0, rows.len().saturating_sub(1)),
            };
            spans.push((index, first, last));
        }
        spans.sort_by_key(|&(index, first, _)| (first, index));
        let stacked: Vec<Stacked> = spans
            .iter()
            .map(|&(index, first, last)| {
                let entry = &domain.entries[index];
                let (x0, x1) = self.entry_span(document, entry);
                let (_, inner) = label_span(entry.kind, entry.open_ended, x0, x1, entry_metrics());
                let (label, detail) = text.entry(entry, &document.note_marks(&entry.notes));
                // `blocks_height` wraps to its width less the padding on both sides.
                let wrap = inner.max(30.0) + 2.0 * PAD;
                let mut height = box_height(
                    Self::blocks_height(vec![label], wrap, painter),
                    entry_metrics(),
                );
                if let Some(detail) = detail {
                    height += BLOCK_GAP + Self::blocks_height(vec![detail], wrap, painter);
                }
                Stacked {
                    first,
                    last,
                    x0,
                    x1,
                    height,
                }
            })
            .collect();
        // The same stacking as the printed page (export::lanes), with the screen's margins.
        let tops = stack(&stacked, heights, Spacing::even(entry_metrics().pad));
        spans
            .iter()
            .zip(&stacked)
            .zip(tops)
            .map(|((&(index, _, _), entry), top)| EntryGeom {
                entry: index,
                rect: Rect::from_min_max(pos2(entry.x0, top), pos2(entry.x1, top + entry.height)),
            })
            .collect()
    }

    /// The rectangle of a table cell or row part, in grid coordinates (body offset included).
    #[must_use]
    pub fn row_rect(&self, domain: &DomainGeom, row: &RowGeom) -> Rect {
        Rect::from_min_size(
            pos2(0.0, self.header_height + domain.top + row.top),
            vec2(self.width, row.height),
        )
    }
}

mod reuse;

pub use reuse::{Budget, DomainMemo};

#[cfg(test)]
mod tests;
