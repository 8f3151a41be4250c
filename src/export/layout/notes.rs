//! Notes (注記) on the printed page: the superscript marks after a bar's label or a roadblock's
//! title, and at the foot of each page the notes that page's marks refer to — only those, in
//! number order, each once.
//!
//! A domain's frame keeps room above the legend for every note its marks refer to
//! ([`reserve`]); each page then prints the notes of the marks it shows there ([`foot`]).

use std::collections::BTreeSet;

use crate::export::metrics::Measure;
use crate::export::page::{Rgb, Shape, TextRun};
use crate::model::{Document, Domain, Id};

use super::body::Metrics;
use super::frame::{Frame, Piece};
use super::table::Table;
use super::text::{Paragraph, PlacedLine, place};

/// A mark's size relative to the text it follows (the screen grid's too).
pub const MARK_SCALE: f32 = 0.6;

/// How far a mark's baseline rises above the text's, relative to the text's size.
const MARK_RISE: f32 = 0.4;

/// A note referred to in a domain's strip: the top of the line that shows its mark, and the
/// note's index among the document's notes (its number less one).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reference {
    /// Top of the referring line, in the strip.
    pub top: f32,
    /// Index of the note in [`Document::notes`].
    pub note: usize,
}

/// The references `notes` (ids) make from a line whose top is `top`; unknown notes are left out.
pub fn references<'a>(
    document: &'a Document,
    notes: &'a [Id],
    top: f32,
) -> impl Iterator<Item = Reference> + 'a {
    notes
        .iter()
        .filter_map(move |id| document.note_number(id))
        .map(move |number| Reference {
            top,
            note: number - 1,
        })
}

/// The width a text of `size` points must leave free at its end for the marks `marks`.
#[must_use]
pub fn mark_width(measure: &dyn Measure, marks: &str, size: f32) -> f32 {
    if marks.is_empty() {
        0.0
    } else {
        measure.width(marks, size * MARK_SCALE)
    }
}

/// `lines` of a label or title followed by `marks` as a superscript after the last line: a
/// smaller run on a raised baseline (nothing is added without marks).
#[must_use]
pub fn marked(measure: &dyn Measure, mut lines: Vec<PlacedLine>, marks: &str) -> Vec<PlacedLine> {
    if marks.is_empty() {
        return lines;
    }
    if let Some(last) = lines.last() {
        let size = last.run.size;
        let mark_size = size * MARK_SCALE;
        let mut origin = last.run.origin;
        origin.x += last.run.width;
        origin.y -= size * MARK_RISE;
        let mark = TextRun {
            origin,
            size: mark_size,
            text: marks.to_owned(),
            width: measure.width(marks, mark_size),
            color: last.run.color,
            underline: false,
        };
        let top = last.top;
        lines.push(PlacedLine { top, run: mark });
    }
    lines
}

/// The notes numbered `indices` (0-based, in order) laid out from `top` across the table's
/// width: 「1 text」 with the number hanging; returns the lines and their bottom.
fn block(
    document: &Document,
    indices: &BTreeSet<usize>,
    table: &Table,
    measure: &dyn Measure,
    metrics: Metrics,
    top: f32,
) -> (Vec<PlacedLine>, f32) {
    let size = metrics.note_size();
    let mut lines = Vec::new();
    let mut y = top;
    for &index in indices {
        let Some(note) = document.notes.get(index) else {
            continue;
        };
        let marker = format!("{} ", index + 1);
        let paragraph = Paragraph::new(&note.text, size, Rgb::BLACK).with_marker(&marker);
        let (placed, end) = place(measure, paragraph, table.x, table.width, y);
        lines.extend(placed);
        y = end;
    }
    (lines, y)
}

/// Every note the entries and roadblocks of `domains` refer to, by index.
fn referenced_by(document: &Document, domains: &[&Domain]) -> BTreeSet<usize> {
    domains
        .iter()
        .flat_map(|domain| {
            let roadblocks = domain.roadblocks.iter().map(|r| &r.notes);
            let entries = domain.entries.iter().map(|e| &e.notes);
            roadblocks.chain(entries)
        })
        .flat_map(|notes| references(document, notes, 0.0))
        .map(|r| r.note)
        .collect()
}

/// The height a page of `domains` keeps above its legend for the notes: all the notes they
/// refer to (any page may show every mark) and a gap; 0 when they refer to none.
#[must_use]
pub fn reserve(
    document: &Document,
    domains: &[&Domain],
    table: &Table,
    measure: &dyn Measure,
    metrics: Metrics,
) -> f32 {
    let notes = referenced_by(document, domains);
    if notes.is_empty() {
        return 0.0;
    }
    let (_, bottom) = block(document, &notes, table, measure, metrics, 0.0);
    bottom + metrics.pad * 1.5
}

/// The notes whose marks a page's `pieces` (each a slice of a domain's strip) show, printed
/// once each, in number order, in the room [`reserve`] kept below the body.
#[must_use]
pub fn foot(
    document: &Document,
    pieces: &[Piece<'_>],
    frame: &Frame,
    measure: &dyn Measure,
) -> Vec<Shape> {
    let shown: BTreeSet<usize> = pieces
        .iter()
        .flat_map(|piece| {
            piece
                .body
                .notes
                .iter()
                .filter(move |r| piece.slice.holds(r.top))
        })
        .map(|r| r.note)
        .collect();
    if shown.is_empty() {
        return Vec::new();
    }
    let top = frame.body_top + frame.body_height + frame.metrics.pad * 1.5;
    let (lines, _) = block(document, &shown, &frame.table, measure, frame.metrics, top);
    lines
        .into_iter()
        .map(|line| Shape::Text(line.run))
        .collect()
}
