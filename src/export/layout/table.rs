//! The printed table's columns: the document's text columns, then the fiscal-year columns.

use crate::model::{Column, ColumnKind, Document, Timeline, TimelineEntry};

/// Natural width of a column before the years, in ems of the body size: the document's own
/// width (in characters) where it gives one.
fn natural_width(column: &Column) -> f32 {
    if let Some(width) = column.width {
        return f32::from(width);
    }
    match column.kind {
        ColumnKind::Domain => 5.2,
        ColumnKind::Scope => 4.8,
        ColumnKind::Roadblock => 18.3,
        ColumnKind::Done => 13.0,
        ColumnKind::Actions => 15.0,
        ColumnKind::Text(_) => TEXT_WIDTH,
    }
}

/// Natural width of a text column (KPI, 担当府省 …) without a width of its own, in ems.
pub const TEXT_WIDTH: f32 = 8.0;

/// Natural width of one fiscal-year column, in ems.
const YEAR_WIDTH: f32 = 15.0;

/// One column before the years on the page.
#[derive(Debug, Clone, PartialEq)]
pub struct TableColumn {
    /// Which column of the document.
    pub kind: ColumnKind,
    /// Whether its one cell spans the domain's rows (the domain column, a text column of
    /// domain cells) rather than one cell per roadblock row.
    pub spans_domain: bool,
    /// Left edge.
    pub x: f32,
    /// Width.
    pub width: f32,
}

/// Where the table's columns are on the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The document's columns, left to right.
    pub columns: Vec<TableColumn>,
    /// Left edge of the first fiscal-year column.
    pub years_x: f32,
    /// Width of one fiscal-year column.
    pub year_width: f32,
    /// How many fiscal-year columns.
    pub years: u8,
    /// Left edge of the table.
    pub x: f32,
    /// Width of the whole table.
    pub width: f32,
}

impl Table {
    /// The columns of `document` at body size `size` in the printable band `[x, x + width]`;
    /// `fit_width` stretches them to the band, otherwise they only shrink to fit it.
    #[must_use]
    pub fn new(document: &Document, size: f32, x: f32, width: f32, fit_width: bool) -> Self {
        let years = document.timeline.years.max(1);
        let natural: f32 =
            document.columns.iter().map(natural_width).sum::<f32>() + YEAR_WIDTH * f32::from(years);
        let natural = natural * size;
        let scale = if fit_width || natural > width {
            width / natural
        } else {
            1.0
        };
        let mut left = x;
        let columns = document
            .columns
            .iter()
            .map(|c| {
                let column = TableColumn {
                    kind: c.kind.clone(),
                    spans_domain: c.kind == ColumnKind::Domain || c.is_domain_text(),
                    x: left,
                    width: natural_width(c) * size * scale,
                };
                left += column.width;
                column
            })
            .collect();
        let year_width = YEAR_WIDTH * size * scale;
        Self {
            columns,
            years_x: left,
            year_width,
            years,
            x,
            width: left + year_width * f32::from(years) - x,
        }
    }

    /// The column of `kind`, if the document has it.
    #[must_use]
    pub fn column(&self, kind: &ColumnKind) -> Option<&TableColumn> {
        self.columns.iter().find(|c| &c.kind == kind)
    }

    /// The x ranges `(left, right)` where roadblock rows are separated by rules: the columns
    /// that have a cell per row, adjacent ones joined, up to the first fiscal-year column.
    #[must_use]
    pub fn row_rule_spans(&self) -> Vec<(f32, f32)> {
        let mut spans: Vec<(f32, f32)> = Vec::new();
        for column in self.columns.iter().filter(|c| !c.spans_domain) {
            let right = column.x + column.width;
            match spans.last_mut() {
                Some(last) if (last.1 - column.x).abs() < 0.01 => last.1 = right,
                _ => spans.push((column.x, right)),
            }
        }
        spans
    }

    /// The right edge of the chart.
    #[must_use]
    pub fn right(&self) -> f32 {
        self.x + self.width
    }

    /// The x range an entry covers, with an open end reaching the chart's right edge and a
    /// minimum width of `min_width`.
    #[must_use]
    pub fn entry_span(
        &self,
        timeline: &Timeline,
        entry: &TimelineEntry,
        min_width: f32,
    ) -> (f32, f32) {
        let right = self.right();
        let x0 = (self.years_x + timeline.start_position(&entry.start).max(0.0) * self.year_width)
            .min(right - min_width);
        let x1 = if entry.open_ended {
            right
        } else {
            (self.years_x + timeline.end_position(&entry.end) * self.year_width).min(right)
        };
        (x0, x1.max(x0 + min_width))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, TimePoint};

    fn example() -> Document {
        crate::io::parse_ron(include_str!("../../../examples/roadblocks-after.ron"))
            .expect("the example parses")
    }

    #[test]
    fn columns_fill_the_band_when_fitting() {
        let document = example();
        let table = Table::new(&document, 8.0, 28.0, 780.0, true);
        assert!((table.right() - 808.0).abs() < 0.01);
        assert_eq!(table.columns.len(), document.columns.len());
        let unfitted = Table::new(&document, 6.0, 28.0, 780.0, false);
        assert!(unfitted.right() < 808.0, "{}", unfitted.right());
    }

    #[test]
    fn an_entry_spans_its_fiscal_years() {
        let document = example();
        let table = Table::new(&document, 8.0, 0.0, 1000.0, true);
        let mut entry = document.domains[0].entries[0].clone();
        entry.start = TimePoint::year(document.timeline.first_year.0.saturating_add(1));
        entry.end = entry.start;
        entry.open_ended = false;
        let (x0, x1) = table.entry_span(&document.timeline, &entry, 10.0);
        assert!((x0 - (table.years_x + table.year_width)).abs() < 0.01);
        assert!((x1 - x0 - table.year_width).abs() < 0.01);
        entry.open_ended = true;
        assert!(
            (table.entry_span(&document.timeline, &entry, 10.0).1 - table.right()).abs() < 0.01
        );
    }
}
