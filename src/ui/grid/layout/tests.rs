//! Tests of the grid layout: bars inside their domain, the shared entry shape, reuse.

use super::*;
use crate::model::Shared;

/// The grid of `document` as the window lays it out (unfiltered, default widths).
fn grid_of(document: &Document) -> GridLayout {
    grid_reusing(document, &mut DomainMemo::default())
}

/// [`grid_of`], reusing the domains of `memo`.
fn grid_reusing(document: &Document, memo: &mut DomainMemo) -> GridLayout {
    grid_within(document, memo, &mut Budget::unlimited())
}

/// [`grid_reusing`] within `budget`.
fn grid_within(document: &Document, memo: &mut DomainMemo, budget: &mut Budget) -> GridLayout {
    let ctx = egui::Context::default();
    // Real Japanese glyphs, so that text wraps as on screen (CI installs fonts-noto-cjk).
    if let Ok(face) = crate::font::find_installed() {
        crate::ui::fonts::install_face(&ctx, &face);
    }
    let mut layout = None;
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
        let text = CellText {
            palette: super::super::cells::Palette::from_visuals(ui.visuals()),
            search: "",
            lang: crate::ui::i18n::Lang::Ja,
        };
        let painter = ui.painter().clone();
        layout = Some(GridLayout::compute_reusing(
            document,
            &Filter::default(),
            &ColumnWidths::default(),
            &text,
            &painter,
            memo,
            budget,
        ));
    });
    output.textures_delta.clear();
    layout.expect("laid out")
}

/// One domain's geometry as numbers: index, top, height, rows (top, height), entry rectangles.
type Numbers = (usize, f32, f32, Vec<(f32, f32)>, Vec<Rect>);

/// The geometry as numbers, to compare two layouts.
fn geometry(layout: &GridLayout) -> Vec<Numbers> {
    layout
        .domains
        .iter()
        .map(|d| {
            (
                d.domain,
                d.top,
                d.height,
                d.rows.iter().map(|r| (r.top, r.height)).collect(),
                d.entries.iter().map(|e| e.rect).collect(),
            )
        })
        .collect()
}

#[test]
fn an_edit_lays_out_only_its_domain_and_the_result_is_the_same() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/roadblocks-after.ron");
    let mut document = crate::io::load(&path).expect("the example loads");
    let mut memo = DomainMemo::default();
    let _ = grid_reusing(&document, &mut memo);
    // ③ gets a much longer title: its rows grow and every domain below moves down.
    document.domains[2].roadblocks[0].title = "長い題名".repeat(40);
    let kept: Vec<Shared<Domain>> = memo.0.values().map(|(d, _)| d.clone()).collect();
    let reused = grid_reusing(&document, &mut memo);
    let fresh = grid_of(&document);
    assert_eq!(geometry(&reused), geometry(&fresh));
    let before = grid_of(&crate::io::load(&path).expect("loads"));
    assert!(
        reused.domains[2].height > before.domains[2].height,
        "③ grew: {} → {}",
        before.domains[2].height,
        reused.domains[2].height
    );
    assert!(
        reused.domains[3].top > before.domains[3].top,
        "④ moved down"
    );
    let relaid: Vec<&Shared<Domain>> = memo
        .0
        .values()
        .map(|(d, _)| d)
        .filter(|d| !kept.iter().any(|k| Shared::same(k, d)))
        .collect();
    assert_eq!(relaid.len(), 1, "only ③ was laid out again");
    assert_eq!(relaid[0].id, document.domains[2].id);
}

#[test]
fn a_domain_without_roadblocks_holds_all_its_bars() {
    // The same timeline-only roadmap the print layout's test lays out.
    let document = crate::generate::timeline_only(3);
    let grid = grid_of(&document);
    assert_eq!(grid.domains.len(), 3);
    let mut top = 0.0;
    for domain in &grid.domains {
        assert!(
            (domain.top - top).abs() < 0.01,
            "domains follow one another"
        );
        assert_eq!(domain.entries.len(), 3);
        for entry in &domain.entries {
            assert!(
                entry.rect.min.y >= 0.0 && entry.rect.max.y <= domain.height,
                "{:?} outside the domain's {}",
                entry.rect,
                domain.height
            );
        }
        let mut bars: Vec<Rect> = domain.entries.iter().map(|e| e.rect).collect();
        bars.sort_by(|a, b| a.min.y.total_cmp(&b.min.y));
        assert!(bars.windows(2).all(|w| w[1].min.y >= w[0].max.y), "stacked");
        top += domain.height;
    }
}

#[test]
fn screen_and_paper_draw_a_milestone_as_the_same_diamond_beside_its_label() {
    use crate::export::layout::lay_out;
    use crate::export::metrics::FixedPitch;
    use crate::export::page::{ASCENT, Point, Shape};
    use crate::export::settings::PageSettings;
    let mut document = crate::generate::timeline_only(1);
    document.domains[0].entries[0].kind = EntryKind::Milestone;
    let entry = document.domains[0].entries[0].clone();
    // The diamond's corners from the label's first line, in ems of the label's text.
    let relative = |points: &[Point], text_x: f32, text_top: f32, size: f32| -> Vec<(f32, f32)> {
        points
            .iter()
            .map(|p| ((p.x - text_x) / size, (p.y - text_top) / size))
            .collect()
    };
    let grid = grid_of(&document);
    let geom = &grid.domains[0].entries[0];
    assert_eq!(geom.entry, 0);
    let screen = entry_shape(&entry, geom.rect);
    assert!(screen.diamond, "a diamond on screen too, not a rectangle");
    let on_screen = relative(&screen.outline, screen.text_x, screen.text_top, TEXT_SIZE);
    let settings = PageSettings::default();
    let page = &lay_out(&document, &settings, &FixedPitch).expect("laid out")[0];
    let label = page
        .texts()
        .find(|run| run.text == entry.label)
        .expect("the milestone's label");
    let size = label.size;
    let line_top = label.origin.y
        - size * ASCENT
        - (crate::export::layout::text::line_height(size) - size) / 2.0;
    let diamond = page
        .shapes
        .iter()
        .find_map(|shape| match shape {
            Shape::Polygon {
                points,
                stroke: None,
                ..
            } if points.len() == 4 => Some(points),
            _ => None,
        })
        .expect("the printed diamond");
    let on_paper = relative(diamond, label.origin.x, line_top, size);
    assert_eq!(on_screen.len(), on_paper.len());
    for (screen, paper) in on_screen.iter().zip(&on_paper) {
        assert!(
            (screen.0 - paper.0).abs() < 1e-3 && (screen.1 - paper.1).abs() < 1e-3,
            "screen {on_screen:?} against paper {on_paper:?}"
        );
    }
}

#[test]
fn a_frame_out_of_time_lays_out_the_view_and_estimates_the_rest_then_fills_it_in() {
    let document = crate::generate::roadmap(1, 1);
    let mut memo = DomainMemo::default();
    let mut budget = Budget {
        exact_until: 0.0,
        deadline: Some(std::time::Instant::now()),
        complete: true,
    };
    let first = grid_within(&document, &mut memo, &mut budget);
    assert!(
        !budget.complete,
        "out of time: not every domain is laid out"
    );
    assert!(
        !first.domains[0].rows.is_empty(),
        "the domain in view is laid out"
    );
    assert!(
        first.domains[1..]
            .iter()
            .all(|d| d.rows.is_empty() && d.height > 0.0),
        "the others have an estimated height"
    );
    let mut budget = Budget::unlimited();
    let filled = grid_within(&document, &mut memo, &mut budget);
    assert!(budget.complete);
    assert_eq!(geometry(&filled), geometry(&grid_of(&document)));
}
