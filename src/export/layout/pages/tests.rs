//! The pagination choices on the examples and on synthetic roadmaps, checked on the laid-out
//! shapes: every entry inside its own domain's box on every page, whole domains stacked by
//! `fill`, the header row and the legend on every page, `one` shrinking down to its floor and
//! refusing below it.

use std::collections::BTreeMap;
use std::path::Path;

use super::super::lay_out;
use super::super::palette;
use super::super::table::Table;
use super::super::tests::extent;
use super::LayoutError;
use crate::export::metrics::FixedPitch;
use crate::export::page::{Page, Rect, Shape};
use crate::export::settings::{ONE_PAGE_FLOOR, PageSettings, Pagination, mm};
use crate::generate::timeline_only;
use crate::model::Document;

fn example(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name);
    crate::io::load(&path).expect("the example loads")
}

fn settings(pages: Pagination) -> PageSettings {
    PageSettings {
        pages,
        ..PageSettings::default()
    }
}

/// The examples and synthetic roadmaps of small domains (eight fit one page when shrunk).
fn documents() -> Vec<(&'static str, Document)> {
    vec![
        ("timeline-only.ron", example("timeline-only.ron")),
        ("roadblocks-before.ron", example("roadblocks-before.ron")),
        ("roadblocks-after.ron", example("roadblocks-after.ron")),
        ("timeline_only(8)", timeline_only(8)),
        ("many timeline_only(20)", timeline_only(20)),
    ]
}

/// One domain's box on a page: the table frame around its slice and its domain cell.
#[derive(Debug)]
struct DomainBox {
    frame: Rect,
    cell: Rect,
    /// The number written in the cell.
    domain: u32,
}

fn inside(top: f32, bottom: f32, rect: &Rect) -> bool {
    top >= rect.y - 0.01 && bottom <= rect.bottom() + 0.01
}

/// The domain boxes of `page`, top to bottom: each outer frame (the heavy rule) paired with
/// the domain cell drawn with it, named by the 「①」 inside the cell.
fn domain_boxes(page: &Page, document: &Document) -> Vec<DomainBox> {
    let frames: Vec<Rect> = page.frames_heavier_than(0.85).collect();
    let cells: Vec<Rect> = page.rects_filled(palette::DOMAIN_FILL).collect();
    assert_eq!(
        frames.len(),
        cells.len(),
        "{}: a frame per domain cell",
        page.title
    );
    frames
        .into_iter()
        .zip(cells)
        .map(|(frame, cell)| {
            let number = document.domains.iter().find(|d| {
                page.texts().any(|run| {
                    let (top, bottom) = extent(&Shape::Text(run.clone()));
                    run.text == d.number_label()
                        && inside(top, bottom, &cell)
                        && run.origin.x >= cell.x
                        && run.origin.x <= cell.x + cell.width
                })
            });
            let number = number.unwrap_or_else(|| panic!("{}: {cell:?} has no ①", page.title));
            DomainBox {
                frame,
                cell,
                domain: number.number,
            }
        })
        .collect()
}

/// Every entry's shape lies inside its own domain's frame and cell band: one polygon per entry
/// in the box of its domain, and every line of an entry's label or detail in the box of a
/// domain that has such a text.
fn assert_entries_inside(name: &str, document: &Document, settings: &PageSettings, pages: &[Page]) {
    let (width, _) = settings.page_size();
    let margin = mm(settings.margin_mm);
    let years_x = Table::new(document, 8.0, margin, width - 2.0 * margin, true).years_x;
    let mut drawn: BTreeMap<u32, usize> = BTreeMap::new();
    for page in pages {
        let boxes = domain_boxes(page, document);
        for shape in &page.shapes {
            let Shape::Polygon { points, .. } = shape else {
                continue;
            };
            let (top, bottom) = extent(shape);
            let holders: Vec<&DomainBox> = boxes
                .iter()
                .filter(|b| inside(top, bottom, &b.frame) && inside(top, bottom, &b.cell))
                .collect();
            assert_eq!(
                holders.len(),
                1,
                "{name} {:?}, {}: {shape:?} ({top}–{bottom}) in {} boxes of {boxes:?}",
                settings.pages,
                page.title,
                holders.len()
            );
            let frame = holders[0].frame;
            assert!(
                points
                    .iter()
                    .all(|p| p.x >= frame.x - 0.01 && p.x <= frame.x + frame.width + 0.01),
                "{name}, {}: {shape:?} beside {frame:?}",
                page.title
            );
            *drawn.entry(holders[0].domain).or_default() += 1;
        }
        for run in page
            .texts()
            .filter(|run| run.origin.x >= years_x - 0.01 && !run.text.trim().is_empty())
        {
            let owners: Vec<u32> = document
                .domains
                .iter()
                .filter(|d| {
                    d.entries
                        .iter()
                        .any(|e| e.label.contains(&run.text) || e.detail.contains(&run.text))
                })
                .map(|d| d.number)
                .collect();
            if owners.is_empty() {
                continue;
            }
            let (top, bottom) = extent(&Shape::Text(run.clone()));
            let holder = boxes
                .iter()
                .find(|b| inside(top, bottom, &b.frame) && inside(top, bottom, &b.cell));
            assert!(
                holder.is_some_and(|b| owners.contains(&b.domain)),
                "{name} {:?}, {}: {:?} ({top}–{bottom}) outside the box of domain {owners:?}: {boxes:?}",
                settings.pages,
                page.title,
                run.text
            );
        }
    }
    let expected: BTreeMap<u32, usize> = document
        .domains
        .iter()
        .filter(|d| settings.prints_domain(d.number) && !d.entries.is_empty())
        .map(|d| (d.number, d.entries.len()))
        .collect();
    assert_eq!(
        drawn, expected,
        "{name} {:?}: one shape per entry, each in its own domain's box",
        settings.pages
    );
}

/// The numbers of the domains each page shows.
fn domains_per_page(document: &Document, pages: &[Page]) -> Vec<Vec<u32>> {
    pages
        .iter()
        .map(|page| {
            domain_boxes(page, document)
                .iter()
                .map(|b| b.domain)
                .collect()
        })
        .collect()
}

#[test]
fn every_entry_lies_inside_its_domains_box_in_every_pagination() {
    for (name, document) in documents() {
        for pages in Pagination::ALL {
            for portrait in [false, true] {
                let settings = PageSettings {
                    portrait,
                    ..settings(pages)
                };
                match lay_out(&document, &settings, &FixedPitch) {
                    Ok(laid) => {
                        assert!(!laid.is_empty(), "{name} {pages:?}");
                        if pages == Pagination::One {
                            assert_eq!(laid.len(), 1, "{name}");
                        }
                        assert_entries_inside(name, &document, &settings, &laid);
                    }
                    // The MHLW roadmaps are nine dense slides, and twenty domains are too
                    // many: far too much for one page.
                    Err(error) => assert!(
                        pages == Pagination::One && !name.starts_with("timeline"),
                        "{name} {pages:?} portrait {portrait}: {error}"
                    ),
                }
            }
        }
    }
}

#[test]
fn fill_stacks_whole_small_domains_on_a_page() {
    let document = timeline_only(20);
    let by_domain =
        lay_out(&document, &settings(Pagination::Domain), &FixedPitch).expect("laid out");
    assert_eq!(by_domain.len(), 20);
    let filled = lay_out(&document, &settings(Pagination::Fill), &FixedPitch).expect("laid out");
    let shown = domains_per_page(&document, &filled);
    assert!(filled.len() <= 5, "{shown:?}");
    // Every page but the last holds several domains, each domain is on exactly one page, in
    // order, and the pages are titled by their first and last domain.
    assert!(
        shown[..shown.len() - 1].iter().all(|page| page.len() > 1),
        "{shown:?}"
    );
    let all: Vec<u32> = shown.concat();
    assert_eq!(all, (1..=20).collect::<Vec<_>>(), "{shown:?}");
    assert_eq!(
        filled[0].title,
        format!(
            "① 分野1 ～ {} 分野{}",
            crate::model::circled_number(shown[0][shown[0].len() - 1]),
            shown[0][shown[0].len() - 1]
        )
    );
    for page in &filled {
        assert!(
            !page.texts().any(|run| run.text.contains("続き")),
            "{}",
            page.title
        );
    }
}

#[test]
fn fill_splits_only_a_domain_too_tall_for_a_page_alone() {
    let mut document = timeline_only(4);
    crate::export::layout::tests::stack_bars(&mut document, 1, 60);
    let settings = settings(Pagination::Fill);
    let pages = lay_out(&document, &settings, &FixedPitch).expect("laid out");
    assert_entries_inside("tall ②", &document, &settings, &pages);
    let shown = domains_per_page(&document, &pages);
    // ① alone (② cannot join it: it starts its own pages), ② over several pages, and ③ and ④
    // stacked below the end of ②.
    assert_eq!(shown[0], [1], "{shown:?}");
    let last = shown.last().expect("pages");
    assert_eq!(last, &[2, 3, 4], "{shown:?}");
    assert!(
        shown[1..shown.len() - 1].iter().all(|page| page == &[2]),
        "{shown:?}"
    );
    assert!(shown.len() >= 3, "{shown:?}");
    assert!(
        pages[2].texts().any(|run| run.text == "（続き）"),
        "{}",
        pages[2].title
    );
    // The examples: a domain split by `fill` is one that `domain` splits too.
    for name in ["roadblocks-before.ron", "roadblocks-after.ron"] {
        let document = example(name);
        let count = |pagination| {
            let pages =
                lay_out(&document, &self::settings(pagination), &FixedPitch).expect("laid out");
            let mut count: BTreeMap<u32, usize> = BTreeMap::new();
            for page in domains_per_page(&document, &pages) {
                for domain in page {
                    *count.entry(domain).or_default() += 1;
                }
            }
            count
        };
        let (by_domain, filled) = (count(Pagination::Domain), count(Pagination::Fill));
        for (domain, pages) in &filled {
            assert!(
                *pages == 1 || by_domain.get(domain) == Some(pages),
                "{name} {domain}: {filled:?} against {by_domain:?}"
            );
        }
    }
}

#[test]
fn every_page_repeats_the_header_row_and_the_legend() {
    for (name, document) in documents() {
        let labels = document.timeline.column_labels();
        let headers: Vec<&str> = document.columns.iter().map(|c| c.header.as_str()).collect();
        for pages in Pagination::ALL {
            let Ok(laid) = lay_out(&document, &settings(pages), &FixedPitch) else {
                continue;
            };
            for page in &laid {
                let texts: Vec<&str> = page.texts().map(|run| run.text.as_str()).collect();
                let all = texts.concat();
                for label in labels
                    .iter()
                    .map(String::as_str)
                    .chain(headers.iter().copied())
                {
                    // ⑦ writes 対応済みの事項 for 着手・対応済みの事項.
                    assert!(
                        texts.contains(&label) || all.contains(label) || label.contains("対応済み"),
                        "{name} {pages:?}, {}: no header {label}",
                        page.title
                    );
                }
                // The header row sits on top of the first domain's box.
                let boxes = domain_boxes(page, &document);
                let header = page.rects_filled(palette::HEADER_FILL).next();
                let header =
                    header.unwrap_or_else(|| panic!("{name}, {}: no header row", page.title));
                assert!(
                    (header.y - boxes[0].frame.y).abs() < 0.01,
                    "{name}, {}",
                    page.title
                );
                for category in &document.legend.categories {
                    let legend = format!("{} {}", category.letter, category.text);
                    assert!(
                        all.contains(&legend),
                        "{name} {pages:?}, {}: no {legend}",
                        page.title
                    );
                }
            }
        }
    }
}

#[test]
fn one_page_shrinks_the_text_down_to_its_floor_and_no_further() {
    let body_sizes = |page: &Page| -> Vec<f32> {
        page.texts()
            .filter(|run| run.text.starts_with("バー"))
            .map(|run| run.size)
            .collect()
    };
    // Eight small domains fit one page once their text is smaller.
    let document = timeline_only(8);
    let by_domain = lay_out(&document, &settings(Pagination::Fill), &FixedPitch).expect("laid out");
    assert!(by_domain.len() > 1);
    let one = lay_out(&document, &settings(Pagination::One), &FixedPitch).expect("fits");
    assert_eq!(one.len(), 1);
    let sizes = body_sizes(&one[0]);
    assert!(!sizes.is_empty());
    assert!(
        sizes
            .iter()
            .all(|&size| (ONE_PAGE_FLOOR..8.0).contains(&size)),
        "{sizes:?}"
    );
    assert_eq!(one[0].title, "① 分野1 ～ ⑧ 分野8");
    // Far too big: refused, naming the floor, in Japanese and English.
    let error = lay_out(&timeline_only(100), &settings(Pagination::One), &FixedPitch)
        .expect_err("a hundred domains do not fit one page");
    assert_eq!(
        error,
        LayoutError::DoesNotFitOnePage {
            smallest: ONE_PAGE_FLOOR
        }
    );
    let message = error.to_string();
    assert!(
        message.contains("1ページに収まりません")
            && message.contains("does not fit on one page")
            && message.contains("5 pt"),
        "{message}"
    );
    // Without shrinking, only the body size is tried.
    let fixed = PageSettings {
        shrink_to_fit: false,
        ..settings(Pagination::One)
    };
    assert_eq!(
        lay_out(&document, &fixed, &FixedPitch),
        Err(LayoutError::DoesNotFitOnePage { smallest: 8.0 })
    );
    // Nothing selected: no pages, no error.
    let none = PageSettings {
        domains: vec![99],
        ..settings(Pagination::One)
    };
    assert_eq!(lay_out(&document, &none, &FixedPitch), Ok(Vec::new()));
}
