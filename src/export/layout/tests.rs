//! Whole-page checks of the layout: every entry stays inside its domain's box, whatever columns
//! the document shows.

use super::*;
use crate::export::metrics::FixedPitch;
use crate::export::page::{ASCENT, Rect, TextRun};
use crate::generate::timeline_only;
use crate::model::{Id, TimelineEntry};

/// The top and bottom of a shape.
pub(super) fn extent(shape: &Shape) -> (f32, f32) {
    match shape {
        Shape::Rect { rect, .. } => (rect.y, rect.bottom()),
        Shape::Line { from, to, .. } => (from.y.min(to.y), from.y.max(to.y)),
        Shape::Polygon { points, .. } => points
            .iter()
            .fold((f32::MAX, f32::MIN), |(t, b), p| (t.min(p.y), b.max(p.y))),
        Shape::Text(run) => {
            let top =
                run.origin.y - run.size * ASCENT - (text::line_height(run.size) - run.size) / 2.0;
            (top, top + text::line_height(run.size))
        }
    }
}

/// The table's outer frame and the domain cell of a page.
fn boxes(page: &Page) -> (Rect, Rect) {
    let frame = page.frames_heavier_than(0.85).next();
    let cell = page.rects_filled(palette::DOMAIN_FILL).next();
    (
        frame.unwrap_or_else(|| panic!("{}: no table frame", page.title)),
        cell.unwrap_or_else(|| panic!("{}: no domain cell", page.title)),
    )
}

fn assert_entries_inside(document: &Document, settings: &PageSettings) {
    let pages = lay_out(document, settings, &FixedPitch).expect("laid out");
    assert_eq!(pages.len(), document.domains.len());
    for (page, domain) in pages.iter().zip(&document.domains) {
        let (frame, cell) = boxes(page);
        let footnote_top = page
            .texts()
            .filter(|run| run.text.starts_with('※'))
            .map(|run| extent(&Shape::Text(run.clone())).0)
            .fold(f32::MAX, f32::min);
        assert!(footnote_top < f32::MAX, "{}: no footnote", page.title);
        assert!(
            frame.bottom() <= footnote_top,
            "{}: table over the footnote",
            page.title
        );
        let entry_shapes = page.shapes.iter().filter(|shape| match shape {
            Shape::Polygon { .. } => true,
            Shape::Text(run) => {
                !run.text.is_empty()
                    && domain
                        .entries
                        .iter()
                        .any(|e| e.label == run.text || e.detail == run.text)
            }
            _ => false,
        });
        let mut count = 0;
        for shape in entry_shapes {
            count += 1;
            let (top, bottom) = extent(shape);
            for (name, rect) in [("frame", frame), ("domain cell", cell)] {
                assert!(
                    top >= rect.y - 0.01 && bottom <= rect.bottom() + 0.01,
                    "{}: {shape:?} ({top}–{bottom}) outside the {name} {rect:?}",
                    page.title
                );
            }
            assert!(
                bottom <= footnote_top,
                "{}: {shape:?} over the footnote",
                page.title
            );
        }
        // Three bars and their labels, one detail.
        assert_eq!(count, 7, "{}", page.title);
    }
}

#[test]
fn a_timeline_only_roadmap_keeps_its_bars_inside_each_domain() {
    for domains in 1..=3 {
        let document = timeline_only(domains);
        assert_entries_inside(&document, &PageSettings::default());
        let portrait = PageSettings {
            portrait: true,
            shrink_to_fit: false,
            ..PageSettings::default()
        };
        assert_entries_inside(&document, &portrait);
    }
}

#[test]
fn a_long_domain_name_stays_inside_its_cell() {
    let mut document = timeline_only(1);
    let domain = &mut document.domains[0];
    domain.name = "とても長い分野の名前".repeat(6);
    domain.entries.clear();
    let pages = lay_out(&document, &PageSettings::default(), &FixedPitch).expect("laid out");
    let (frame, cell) = boxes(&pages[0]);
    let name = &document.domains[0].name;
    let name: Vec<&TextRun> = pages[0]
        .texts()
        .filter(|run| !run.text.is_empty() && name.contains(&run.text))
        .collect();
    assert!(name.len() > 3, "{name:?}");
    for run in name {
        let (top, bottom) = extent(&Shape::Text(run.clone()));
        assert!(
            top >= cell.y && bottom <= cell.bottom() + 0.01,
            "{run:?} outside {cell:?}"
        );
        assert!(bottom <= frame.bottom() + 0.01);
    }
}

/// Replaces the bars of domain `index` with `count` copies of its first (ids `<domain>.t<i>`,
/// labels 「バー<i>」), stacked one below the other: a domain taller than a page.
pub(super) fn stack_bars(document: &mut Document, index: usize, count: usize) {
    let domain = &mut document.domains[index];
    let template = domain.entries[0].clone();
    let prefix = domain.id.clone();
    domain.entries = (0..count)
        .map(|i| TimelineEntry {
            id: Id::from(format!("{prefix}.t{i}").as_str()),
            label: format!("バー{i}"),
            notes: Vec::new(),
            ..template.clone()
        })
        .collect();
}

#[test]
fn a_tall_timeline_only_domain_continues_with_every_bar_inside_a_frame() {
    let mut document = timeline_only(1);
    stack_bars(&mut document, 0, 60);
    let settings = PageSettings {
        shrink_to_fit: false,
        ..PageSettings::default()
    };
    let pages = lay_out(&document, &settings, &FixedPitch).expect("laid out");
    assert!(pages.len() > 1, "60 stacked bars take more than a page");
    let mut bars = 0;
    for page in &pages {
        let polygons: Vec<&Shape> = page
            .shapes
            .iter()
            .filter(|s| matches!(s, Shape::Polygon { .. }))
            .collect();
        if polygons.is_empty() {
            continue;
        }
        let (frame, _) = boxes(page);
        for shape in polygons {
            let (top, bottom) = extent(shape);
            assert!(
                top >= frame.y && bottom <= frame.bottom() + 0.01,
                "{}: {shape:?} outside {frame:?}",
                page.title
            );
            bars += 1;
        }
    }
    assert_eq!(bars, 60, "every bar once");
}

#[test]
fn the_header_row_ends_the_last_year_with_the_timelines_suffix() {
    let mut document = timeline_only(1);
    document.timeline.open_end_suffix = crate::model::OpenEndSuffix::Tilde;
    let pages = lay_out(&document, &PageSettings::default(), &FixedPitch).expect("laid out");
    let texts: String = pages[0].texts().map(|run| run.text.as_str()).collect();
    assert!(texts.contains("令和６年（2024年）度～"), "{texts}");
    assert!(!texts.contains("以降"), "{texts}");
}

#[test]
fn text_columns_keep_their_cells_inside_the_table_and_domain_cells_span_the_rows() {
    let mut document = crate::io::parse_ron(include_str!("../../../examples/kpi-columns.ron"))
        .expect("the example parses");
    // A 担当府省 cell taller than the domain's rows: the table grows to hold it.
    let ministry: Vec<String> = (1..=14).map(|n| format!("第{n}府省")).collect();
    document.domains[0]
        .cells
        .insert(Id::from("ministry"), ministry.join("\n"));
    let pages = lay_out(&document, &PageSettings::default(), &FixedPitch).expect("laid out");
    let page = &pages[0];
    let (frame, _) = boxes(page);
    let table = table::Table::new(&document, 8.0, frame.x, frame.width, true);
    let column = table
        .column(&crate::model::ColumnKind::Text(Id::from("ministry")))
        .expect("the 担当府省 column");
    let scale = frame.width / table.width;
    let (left, right) = (column.x, column.x + column.width * scale);
    for line in &ministry {
        let run = page
            .texts()
            .find(|run| &run.text == line)
            .unwrap_or_else(|| panic!("{line} is printed"));
        let (top, bottom) = extent(&Shape::Text(run.clone()));
        assert!(top >= frame.y && bottom <= frame.bottom() + 0.01, "{line}");
        assert!(
            run.origin.x >= left && run.origin.x + run.width <= right + 0.01,
            "{line}"
        );
    }
    let kpi = &document.domains[0].roadblocks[1].cells[&Id::from("kpi")];
    assert!(
        page.texts().any(|run| kpi.starts_with(&run.text)),
        "the KPI cell's first line is printed"
    );
    // Row rules never cross a column whose cell spans the domain.
    let mut rules = 0;
    for shape in &page.shapes {
        if let Shape::Line { from, to, .. } = shape
            && (from.y - to.y).abs() < 0.01
            && from.y > frame.y + 30.0
            && from.y < frame.bottom() - 0.01
        {
            assert!(
                to.x.min(from.x) >= right - 0.01 || to.x.max(from.x) <= left + 0.01,
                "a rule at y {} crosses the 担当府省 column",
                from.y
            );
            rules += 1;
        }
    }
    assert!(rules >= 2, "the rule between ①'s two rows is drawn");
}
