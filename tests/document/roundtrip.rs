//! Property: saving any document and loading it again gives the same document, for arbitrary
//! Unicode text; and the canonical form is a fixed point.

use koteihyo::io::{load, parse_ron, save, to_ron_string};
use std::collections::BTreeMap;

use koteihyo::model::{
    Category, CellOwner, Column, ColumnKind, Document, Domain, EntryKind, FiscalYear, Footnote, Id,
    Item, LabelStyle, Legend, Marker, Meta, Note, OpenEndSuffix, PartOfYear, Roadblock, TimePoint,
    Timeline, TimelineEntry,
};
use proptest::collection::{btree_map, btree_set, vec};
use proptest::prelude::*;

/// Any Unicode text, or Japanese roadmap-like text.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ぁ-んァ-ヶ一-龯a-zA-Z0-9０-９【】（）「」・○※＊、。 \t\\\\\"'/*]{0,40}"
    ]
}

fn id() -> impl Strategy<Value = Id> {
    prop_oneof![
        any::<String>().prop_map(Id::new),
        "[a-z0-9._-]{1,10}".prop_map(Id::new)
    ]
}

fn time_point() -> impl Strategy<Value = TimePoint> {
    let part = prop_oneof![
        Just(None),
        any::<u8>().prop_map(|q| Some(PartOfYear::Quarter(q))),
        any::<u8>().prop_map(|m| Some(PartOfYear::Month(m))),
    ];
    (any::<i32>(), part).prop_map(|(year, part)| TimePoint {
        year: FiscalYear(year),
        part,
    })
}

fn marker() -> impl Strategy<Value = Marker> {
    prop_oneof![
        Just(Marker::Plain),
        Just(Marker::Circle),
        Just(Marker::Dot),
        Just(Marker::Note)
    ]
}

fn item() -> impl Strategy<Value = Item> {
    (id(), marker(), any::<u8>(), text()).prop_map(|(id, marker, level, text)| Item {
        id,
        marker,
        level,
        text,
    })
}

fn column_kind() -> impl Strategy<Value = ColumnKind> {
    prop_oneof![
        prop::sample::select(ColumnKind::ALL.to_vec()),
        id().prop_map(ColumnKind::Text),
    ]
}

/// Text column cells: column id → text.
fn cells() -> impl Strategy<Value = BTreeMap<Id, String>> {
    btree_map(id(), text(), 0..3)
}

fn roadblock() -> impl Strategy<Value = Roadblock> {
    (
        id(),
        text(),
        text(),
        btree_set(any::<char>(), 0..4),
        vec(id(), 0..2),
        vec(text(), 0..3),
        vec(item(), 0..3),
        vec(item(), 0..3),
        cells(),
    )
        .prop_map(
            |(id, scope, title, categories, notes, description, done, actions, cells)| Roadblock {
                id,
                scope,
                title,
                categories,
                notes,
                description,
                done,
                actions,
                cells,
            },
        )
}

fn entry() -> impl Strategy<Value = TimelineEntry> {
    let kind = prop_oneof![
        Just(EntryKind::Arrow),
        Just(EntryKind::Bar),
        Just(EntryKind::Milestone)
    ];
    (
        id(),
        text(),
        kind,
        time_point(),
        time_point(),
        any::<bool>(),
        vec(id(), 0..3),
        text(),
        vec(id(), 0..2),
    )
        .prop_map(
            |(id, label, kind, start, end, open_ended, rows, detail, notes)| TimelineEntry {
                id,
                label,
                notes,
                kind,
                start,
                end,
                open_ended,
                rows,
                detail,
            },
        )
}

fn domain() -> impl Strategy<Value = Domain> {
    (
        id(),
        any::<u32>(),
        text(),
        btree_map(column_kind(), text(), 0..2),
        vec(roadblock(), 0..3),
        vec(entry(), 0..3),
        vec(
            (id(), text(), vec(text(), 0..3)).prop_map(|(id, mark, lines)| Footnote {
                id,
                mark,
                lines,
            }),
            0..2,
        ),
        cells(),
    )
        .prop_map(
            |(id, number, name, header_overrides, roadblocks, entries, footnotes, cells)| Domain {
                id,
                number,
                name,
                header_overrides,
                roadblocks,
                entries,
                footnotes,
                cells,
            },
        )
}

fn document() -> impl Strategy<Value = Document> {
    let meta = (
        text(),
        text(),
        text(),
        text(),
        text(),
        vec(text(), 0..2),
        text(),
    )
        .prop_map(
            |(title, subtitle, date, material_label, revision_label, revision_notes, author)| {
                Meta {
                    title,
                    subtitle,
                    date,
                    material_label,
                    revision_label,
                    revision_notes,
                    author,
                }
            },
        );
    let legend = (
        text(),
        vec(
            (any::<char>(), text()).prop_map(|(letter, text)| Category { letter, text }),
            0..4,
        ),
    )
        .prop_map(|(caption, categories)| Legend {
            caption,
            categories,
        });
    let columns = vec(
        (
            column_kind(),
            text(),
            prop_oneof![Just(CellOwner::Domain), Just(CellOwner::Roadblock)],
            prop::option::of(0..100u16),
        )
            .prop_map(|(kind, header, owner, width)| Column {
                kind,
                header,
                owner,
                width,
            }),
        0..5,
    );
    let style = prop_oneof![
        Just(LabelStyle::WarekiSeireki),
        Just(LabelStyle::Wareki),
        Just(LabelStyle::Seireki)
    ];
    let suffix = prop_oneof![
        Just(OpenEndSuffix::Onward),
        Just(OpenEndSuffix::Tilde),
        text().prop_map(OpenEndSuffix::Custom),
    ];
    let timeline = (
        (any::<i32>(), any::<u8>(), any::<bool>(), style),
        suffix,
        btree_map(any::<u8>(), text(), 0..4),
    )
        .prop_map(
            |((first_year, years, open_ended, label_style), open_end_suffix, label_overrides)| {
                Timeline {
                    first_year: FiscalYear(first_year),
                    years,
                    open_ended,
                    label_style,
                    open_end_suffix,
                    label_overrides,
                }
            },
        );
    let note = (id(), text()).prop_map(|(id, text)| Note { id, text });
    (
        meta,
        legend,
        columns,
        timeline,
        vec(domain(), 0..3),
        vec(note, 0..3),
    )
        .prop_map(
            |(meta, legend, columns, timeline, domains, notes)| Document {
                meta,
                legend,
                columns,
                timeline,
                domains: domains.into_iter().map(Into::into).collect(),
                notes,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn ron_text_round_trips(document in document()) {
        let text = to_ron_string(&document);
        let parsed = parse_ron(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&parsed, &document);
        prop_assert_eq!(to_ron_string(&parsed), text, "canonical form is a fixed point");
    }

    #[test]
    fn save_then_load_gives_the_same_document(document in document()) {
        let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
        let path = dir.path().join("roadmap.ron");
        save(&path, &document).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let loaded = load(&path).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(loaded, document);
    }
}

/// The example with the timeline's fields as `edit` leaves them, written and read back.
fn example_with(edit: impl FnOnce(&mut Timeline)) -> (Document, String) {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/roadblocks-after.ron"),
    )
    .unwrap_or_default();
    let mut document = parse_ron(&text).unwrap_or_default();
    edit(&mut document.timeline);
    let written = to_ron_string(&document);
    (document, written)
}

#[test]
fn the_open_end_suffix_and_label_overrides_are_written_only_when_set() {
    let (_, plain) = example_with(|_| {});
    assert!(!plain.contains("open_end_suffix") && !plain.contains("label_overrides"));
    let (document, written) = example_with(|timeline| {
        timeline.open_end_suffix = OpenEndSuffix::Tilde;
        timeline
            .label_overrides
            .insert(0, "2022年度まで".to_owned());
    });
    assert!(written.contains("open_end_suffix: Tilde,"), "{written}");
    assert!(written.contains("label_overrides: {"), "{written}");
    assert_eq!(parse_ron(&written).ok(), Some(document.clone()));
    assert_eq!(
        document.timeline.column_labels(),
        [
            "2022年度まで",
            "令和５年（2023年）度",
            "令和６年（2024年）度～"
        ]
    );
    let (custom, written) = example_with(|timeline| {
        timeline.open_end_suffix = OpenEndSuffix::Custom("以降継続".to_owned());
    });
    assert!(
        written.contains("open_end_suffix: Custom(\"以降継続\"),"),
        "{written}"
    );
    assert_eq!(parse_ron(&written).ok(), Some(custom));
}

#[test]
fn a_column_label_given_twice_is_refused() {
    let (_, written) = example_with(|timeline| {
        timeline.label_overrides.insert(1, "a".to_owned());
    });
    let twice = written.replace("1: \"a\",", "1: \"a\",\n            1: \"b\",");
    assert_ne!(twice, written);
    let error = parse_ron(&twice)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(error.contains("given twice"), "{error}");
}
