//! Entry placement against the straightforward algorithm it replaced, which serves as the
//! oracle, and a 2,000-entry domain.

use super::*;
use crate::export::lanes::{Placed, prefix_sums};
use crate::export::metrics::FixedPitch;
use crate::generate::{Random, roadmap};
use crate::model::{FiscalYear, Id, PartOfYear, TimePoint, TimelineEntry};

/// The placement as it was: every step rescans every placed entry (cubic in the entries of
/// one stack). Kept verbatim, apart from the order helper, as the oracle.
fn place_entries_oracle(
    document: &Document,
    domain: &Domain,
    table: &Table,
    measure: &dyn Measure,
    metrics: Metrics,
    heights: &mut [f32],
) -> Vec<Unit> {
    let Metrics { size, pad } = metrics;
    let mut placed: Vec<(usize, f32, f32, f32, f32, Unit)> = Vec::new();
    for (index, first, last) in placement_order(domain, heights.len()) {
        let entry = &domain.entries[index];
        let (x0, x1) = table.entry_span(&document.timeline, entry, size * 3.0);
        let unit = entry_unit(entry, "", x0, x1, measure, metrics);
        let height = unit.bottom;
        let tops = prefix_sums(heights);
        let mut y = tops.get(first).copied().unwrap_or(0.0) + pad;
        while let Some(bottom) = placed
            .iter()
            .filter(|p| p.1 < x1 && p.2 > x0 && p.3 < y + height && p.4 > y)
            .map(|p| p.4)
            .reduce(f32::max)
        {
            y = bottom + pad;
        }
        if let Some(row_height) = heights.get_mut(last) {
            let span_bottom = tops.get(last).copied().unwrap_or(0.0) + *row_height;
            if y + height + pad > span_bottom {
                *row_height += y + height + pad - span_bottom;
            }
        }
        placed.push((index, x0, x1, y, y + height, unit.shifted(y)));
    }
    placed.sort_by_key(|p| p.0);
    placed.into_iter().map(|p| p.5).collect()
}

/// Both placements of every domain of `document`: units and grown row heights must agree.
fn assert_same_as_oracle(document: &Document) {
    let metrics = Metrics::new(8.0);
    let table = Table::new(document, metrics.size, 28.0, 780.0, true);
    for domain in &document.domains {
        let start: Vec<f32> = (0..domain.roadblocks.len())
            .map(|row| 20.0 + 7.0 * row as f32)
            .collect();
        let (mut fast, mut slow) = (start.clone(), start);
        let units = place_entries(document, domain, &table, &FixedPitch, metrics, &mut fast);
        let expected =
            place_entries_oracle(document, domain, &table, &FixedPitch, metrics, &mut slow);
        assert_eq!(units, expected, "{}", domain.display_name());
        assert_eq!(fast, slow, "{}", domain.display_name());
    }
}

/// A copy of the example's first domain with `count` entries at random spans and rows
/// (quarters and months included), or all in one stack when `stacked`.
fn crowded(count: usize, stacked: bool, seed: u64) -> Document {
    let mut document = roadmap(1, seed);
    document.domains.truncate(1);
    let domain = &mut document.domains[0];
    let rows: Vec<Id> = domain.roadblocks.iter().map(|r| r.id.clone()).collect();
    let first = document.timeline.first_year.0;
    let years = usize::from(document.timeline.years);
    let template = domain.entries[0].clone();
    let mut random = Random::new(seed);
    domain.entries = (0..count)
        .map(|i| {
            let mut entry = TimelineEntry {
                id: Id::from(format!("e{i}").as_str()),
                ..template.clone()
            };
            if stacked {
                entry.start = TimePoint::year(first);
                entry.end = TimePoint::year(first + 1);
                entry.rows = rows.iter().take(1).cloned().collect();
                return entry;
            }
            let start = first + random.below(years) as i32;
            entry.start = TimePoint::quarter(start, random.below(4) as u8 + 1);
            entry.end = TimePoint {
                year: FiscalYear(start + random.below(2) as i32),
                part: Some(PartOfYear::Month(random.below(12) as u8 + 1)),
            };
            entry.open_ended = random.below(3) == 0;
            entry.detail = if random.below(4) == 0 {
                "詳細".repeat(random.below(20))
            } else {
                String::new()
            };
            let a = random.below(rows.len() + 1);
            let b = random.below(rows.len() + 1);
            entry.rows = rows[a.min(b).min(rows.len())..a.max(b).min(rows.len())].to_vec();
            entry
        })
        .collect();
    document
}

#[test]
fn placement_equals_the_oracle_on_the_examples_and_generated_roadmaps() {
    assert_same_as_oracle(&crate::generate::template());
    for seed in 1..4 {
        assert_same_as_oracle(&roadmap(2, seed));
    }
}

#[test]
fn placement_equals_the_oracle_on_crowded_domains() {
    for seed in 1..6 {
        assert_same_as_oracle(&crowded(150, false, seed));
    }
    assert_same_as_oracle(&crowded(150, true, 7));
}

#[test]
fn two_thousand_stacked_entries_lay_out_one_below_another() {
    let document = crowded(2000, true, 1);
    let domain = &document.domains[0];
    let metrics = Metrics::new(8.0);
    let table = Table::new(&document, metrics.size, 28.0, 780.0, true);
    let body = lay_out(&document, domain, &table, &FixedPitch, metrics);
    let mut entries: Vec<&Unit> = body
        .units
        .iter()
        .filter(|u| u.shapes.iter().any(|s| matches!(s, Shape::Polygon { .. })))
        .collect();
    assert_eq!(entries.len(), 2000);
    entries.sort_by(|a, b| a.top.total_cmp(&b.top));
    for pair in entries.windows(2) {
        assert!(
            pair[1].top >= pair[0].bottom + metrics.pad,
            "{pair:?} overlap"
        );
    }
    let last = entries.last().map_or(0.0, |u| u.bottom);
    assert!(body.rows[0].1 >= last + metrics.pad);
}

/// The old loop of [`place_entries_oracle`] on bare boxes.
fn land_oracle(boxes: &[(f32, f32, f32, f32)], x0: f32, x1: f32, start: f32, height: f32) -> f32 {
    let mut y = start;
    while let Some(bottom) = boxes
        .iter()
        .filter(|b| b.0 < x1 && b.1 > x0 && b.2 < y + height && b.3 > y)
        .map(|b| b.3)
        .reduce(f32::max)
    {
        y = bottom + 0.5;
    }
    y
}

#[test]
fn landing_equals_the_oracle_with_edges_that_touch() {
    // Coordinates on a half-point grid, so boxes often touch exactly at an edge.
    let mut random = Random::new(11);
    for _ in 0..200 {
        let mut placed = Placed::default();
        let mut boxes = Vec::new();
        for _ in 0..30 {
            let x0 = random.below(8) as f32;
            let x1 = x0 + 1.0 + random.below(4) as f32;
            let start = random.below(20) as f32 * 0.5;
            let height = 0.5 + random.below(6) as f32 * 0.5;
            let y = placed.land(x0, x1, start, height, 0.5);
            // Exactly equal, bit for bit: the same f32 operations in another order.
            let expected = land_oracle(&boxes, x0, x1, start, height);
            assert_eq!(y.to_bits(), expected.to_bits(), "{boxes:?}");
            placed.insert(x0, x1, y, y + height);
            boxes.push((x0, x1, y, y + height));
        }
    }
}
