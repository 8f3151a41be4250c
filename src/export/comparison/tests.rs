//! Tests of the 新旧対照表 pages: underlines, headers, pagination on long tables and the examples.

use super::*;
use crate::diff::table::Span;
use crate::export::metrics::FixedPitch;

#[test]
fn the_header_row_says_what_the_ministry_writes() {
    let old = Meta {
        revision_label: "見直し前".into(),
        ..Meta::default()
    };
    let new = Meta {
        revision_label: "見直し後".into(),
        ..Meta::default()
    };
    let mut settings = ComparisonSettings::default();
    assert_eq!(
        settings.header_texts(&old, &new),
        (
            "改正後（見直し後）".to_owned(),
            "改正前（見直し前）".to_owned()
        )
    );
    settings.headings = Headings::Draft;
    settings.revision_labels = false;
    assert_eq!(
        settings.header_texts(&old, &new),
        ("改正案".to_owned(), "現行".to_owned())
    );
    settings.headings = Headings::NewOld;
    let pages = lay_out_comparison(&long_table(), &old, &new, &settings, &FixedPitch);
    let texts: Vec<String> = pages[1]
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Text(r) => Some(r.text.clone()),
            _ => None,
        })
        .collect();
    assert!(
        texts.contains(&"新".to_owned()) && texts.contains(&"旧".to_owned()),
        "{texts:?}"
    );
}

#[test]
fn marked_parts_are_underlined_and_wrap_with_the_text() {
    let line = Line {
        spans: vec![
            Span {
                text: "宇宙線".into(),
                marked: false,
            },
            Span {
                text: "の".into(),
                marked: true,
            },
            Span {
                text: "観測".into(),
                marked: false,
            },
        ],
        label: false,
    };
    let units = marked_lines(&line, (0.0, 40.0), 0.0, 10.0, &FixedPitch);
    // 40 pt holds four characters: 「宇宙線の」 then 「観測」.
    assert_eq!(units.len(), 2);
    let runs: Vec<(String, bool, f32)> = units
        .iter()
        .flat_map(|(u, _)| &u.shapes)
        .filter_map(|s| match s {
            Shape::Text(r) => Some((r.text.clone(), r.underline, r.origin.x)),
            _ => None,
        })
        .collect();
    assert_eq!(
        runs,
        [
            ("宇宙線".to_owned(), false, 0.0),
            ("の".to_owned(), true, 30.0),
            ("観測".to_owned(), false, 0.0)
        ]
    );
}

/// Three domains of 40 two-line rows each: several pages, sections starting anywhere.
fn long_table() -> ComparisonTable {
    use crate::diff::table::{Row, RowKind, Section};
    let line = |text: String| Line {
        spans: vec![Span {
            text,
            marked: false,
        }],
        label: false,
    };
    ComparisonTable {
        sections: (1..=3)
            .map(|n| Section {
                heading: format!("領域{n}"),
                rows: (0..40)
                    .map(|r| Row {
                        kind: RowKind::Changed,
                        entity: crate::diff::Entity::Roadblock,
                        new_id: None,
                        old_id: None,
                        new: vec![line(format!("新{n}-{r}")), line("続く行".into())],
                        old: vec![line(format!("旧{n}-{r}"))],
                    })
                    .collect(),
            })
            .collect(),
    }
}

#[test]
fn headings_stay_with_their_rows_and_continued_sections_say_so() {
    let table = long_table();
    let headings: Vec<&str> = table.sections.iter().map(|s| s.heading.as_str()).collect();
    for shift in 0..40 {
        // Move where sections fall on pages by dropping rows of the first section.
        let mut table = table.clone();
        table.sections[0].rows.truncate(40 - shift);
        let settings = ComparisonSettings::default();
        let g = Geometry::new(&settings);
        let pages = lay_out_comparison(
            &table,
            &Meta::default(),
            &Meta::default(),
            &settings,
            &FixedPitch,
        );
        assert!(pages.len() >= 3, "{} pages", pages.len());
        for (number, page) in pages.iter().enumerate() {
            let mut body: Vec<(f32, String)> = page
                .shapes
                .iter()
                .filter_map(|s| match s {
                    Shape::Text(r) if r.origin.y > g.header_bottom && r.origin.y < g.footer_top => {
                        Some((r.origin.y, r.text.clone()))
                    }
                    _ => None,
                })
                .collect();
            body.sort_by(|a, b| a.0.total_cmp(&b.0));
            let last = &body.last().expect("text on every page").1;
            assert!(
                !headings.contains(&last.as_str()),
                "shift {shift}: page {} ends with the heading {last}",
                number + 1
            );
            let first = &body[0].1;
            if number > 0 {
                assert!(
                    headings.contains(&first.as_str()) || first.ends_with("（続き）"),
                    "shift {shift}: page {} starts with {first}, neither a heading nor a continued one",
                    number + 1
                );
            }
        }
    }
}

/// The examples' 新旧対照表 on A4 and A3, portrait and landscape: no page ends with a
/// domain heading, continued domains say （続き）, and deletions are marked on the 改正後
/// side by an underlined blank.
#[test]
fn the_examples_paginate_with_their_headings_and_mark_deletions() {
    use crate::diff::{compare, example, table::build};
    use crate::export::settings::Paper;
    let (before, after) = (example("before"), example("after"));
    let table = build(&before, &after, &compare(&before, &after), false);
    let headings: Vec<&str> = table.sections.iter().map(|s| s.heading.as_str()).collect();
    for paper in [Paper::A4, Paper::A3] {
        for portrait in [true, false] {
            let mut settings = ComparisonSettings::default();
            settings.page.paper = paper;
            settings.page.portrait = portrait;
            let g = Geometry::new(&settings);
            let pages =
                lay_out_comparison(&table, &before.meta, &after.meta, &settings, &FixedPitch);
            let mut continued = 0;
            let mut blanks = 0;
            for (number, page) in pages.iter().enumerate() {
                let mut body: Vec<(f32, &str)> = page
                    .shapes
                    .iter()
                    .filter_map(|s| match s {
                        Shape::Text(r)
                            if r.origin.y > g.header_bottom && r.origin.y < g.footer_top =>
                        {
                            blanks += usize::from(r.underline && r.text.trim_matches(' ') == "　");
                            Some((r.origin.y, r.text.as_str()))
                        }
                        _ => None,
                    })
                    .collect();
                body.sort_by(|a, b| a.0.total_cmp(&b.0));
                let last = body.last().map_or("", |b| b.1);
                assert!(
                    !headings.contains(&last),
                    "{paper:?} portrait {portrait}: page {} ends with {last}",
                    number + 1
                );
                continued += usize::from(body.first().is_some_and(|b| b.1.ends_with("（続き）")));
            }
            assert!(
                pages.len() > 1 && continued > 0,
                "{paper:?} {portrait}: {} pages",
                pages.len()
            );
            assert!(
                blanks > 0,
                "a deletion's underlined blank on the 改正後 side"
            );
        }
    }
}
