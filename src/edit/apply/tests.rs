//! Unit tests of `apply`.

use super::*;
use crate::model::{EntryKind, Marker, TimePoint};

fn document() -> Document {
    let roadblock = |id: &str| Roadblock {
        id: id.into(),
        title: format!("題{id}"),
        done: vec![Item {
            id: format!("{id}.done1").as_str().into(),
            marker: Marker::Circle,
            level: 0,
            text: "済".into(),
        }],
        ..Roadblock::default()
    };
    Document {
        domains: vec![
            Domain {
                id: "d1".into(),
                number: 1,
                name: "IRB".into(),
                roadblocks: vec![roadblock("d1.r1"), roadblock("d1.r2")],
                entries: vec![TimelineEntry {
                    id: "d1.t1".into(),
                    label: "改正".into(),
                    notes: Vec::new(),
                    kind: EntryKind::Arrow,
                    start: TimePoint::year(2022),
                    end: TimePoint::year(2023),
                    open_ended: false,
                    rows: vec!["d1.r1".into(), "d1.r2".into()],
                    detail: String::new(),
                }],
                ..Domain::default()
            },
            Domain {
                id: "d2".into(),
                number: 2,
                name: "IC".into(),
                ..Domain::default()
            },
        ]
        .into_iter()
        .map(crate::model::Shared::new)
        .collect(),
        ..Document::default()
    }
}

#[test]
fn replace_roadblock_item_and_entry() {
    let mut doc = document();
    let mut roadblock = doc.domains[0].roadblocks[0].clone();
    roadblock.title = "倫理審査".into();
    apply(&mut doc, &Edit::ReplaceRoadblock(roadblock)).expect("replace");
    assert_eq!(doc.domains[0].roadblocks[0].title, "倫理審査");
    let mut entry = doc.domains[0].entries[0].clone();
    entry.start = TimePoint::year(2023);
    apply(&mut doc, &Edit::ReplaceEntry(entry)).expect("replace entry");
    assert_eq!(doc.domains[0].entries[0].start, TimePoint::year(2023));
    let unknown = Roadblock {
        id: "nope".into(),
        ..Roadblock::default()
    };
    assert_eq!(
        apply(&mut doc, &Edit::ReplaceRoadblock(unknown)),
        Err(EditError::UnknownId("nope".into()))
    );
}

#[test]
fn insert_refuses_duplicate_ids_and_wrong_parents() {
    let mut doc = document();
    let before = doc.clone();
    let duplicate = Entity::Roadblock(Roadblock {
        id: "d1.r1".into(),
        ..Roadblock::default()
    });
    let edit = Edit::Insert {
        parent: Parent::Domain("d1".into()),
        index: 0,
        entity: duplicate,
    };
    assert_eq!(
        apply(&mut doc, &edit),
        Err(EditError::DuplicateId("d1.r1".into()))
    );
    let misplaced = Entity::Roadblock(Roadblock {
        id: "new".into(),
        ..Roadblock::default()
    });
    let edit = Edit::Insert {
        parent: Parent::Document,
        index: 0,
        entity: misplaced,
    };
    assert_eq!(
        apply(&mut doc, &edit),
        Err(EditError::WrongParent("new".into()))
    );
    assert_eq!(doc, before, "failed edits change nothing");
}

#[test]
fn remove_a_roadblock_and_its_rows_in_entries() {
    let mut doc = document();
    apply(&mut doc, &Edit::Remove("d1.r2".into())).expect("remove");
    assert_eq!(doc.domains[0].roadblocks.len(), 1);
    assert_eq!(doc.domains[0].entries[0].rows, [Id::from("d1.r1")]);
}

#[test]
fn reorder_keeps_rows_and_moving_away_drops_them() {
    let mut doc = document();
    apply(
        &mut doc,
        &Edit::Move {
            id: "d1.r2".into(),
            to: Parent::Domain("d1".into()),
            index: 0,
        },
    )
    .expect("reorder");
    assert_eq!(doc.domains[0].roadblocks[0].id, Id::from("d1.r2"));
    assert_eq!(
        doc.domains[0].entries[0].rows.len(),
        2,
        "reordering keeps the entry on its rows"
    );
    apply(
        &mut doc,
        &Edit::Move {
            id: "d1.r2".into(),
            to: Parent::Domain("d2".into()),
            index: 9,
        },
    )
    .expect("move");
    assert_eq!(doc.domains[1].roadblocks[0].id, Id::from("d1.r2"));
    assert_eq!(doc.domains[0].entries[0].rows, [Id::from("d1.r1")]);
}

#[test]
fn items_move_between_lists() {
    let mut doc = document();
    let to = Parent::Roadblock("d1.r2".into(), ItemList::Actions);
    apply(
        &mut doc,
        &Edit::Move {
            id: "d1.r1.done1".into(),
            to,
            index: 0,
        },
    )
    .expect("move item");
    assert!(doc.domains[0].roadblocks[0].done.is_empty());
    assert_eq!(
        doc.domains[0].roadblocks[1].actions[0].id,
        Id::from("d1.r1.done1")
    );
}

#[test]
fn batch_is_all_or_nothing() {
    let mut doc = document();
    let before = doc.clone();
    let edit = Edit::Batch(vec![
        Edit::Remove("d1.r1".into()),
        Edit::Remove("missing".into()),
    ]);
    assert!(apply(&mut doc, &edit).is_err());
    assert_eq!(doc, before);
}

fn with_text_columns() -> Document {
    let mut document = document();
    document.columns = vec![
        Column::new(ColumnKind::Domain, "開発段階"),
        Column::text("ministry", "担当府省", CellOwner::Domain),
        Column::text("kpi", "KPI", CellOwner::Roadblock),
    ];
    document
}

fn kpi() -> ColumnKind {
    ColumnKind::Text("kpi".into())
}

#[test]
fn set_cells_of_domains_and_roadblocks() {
    let mut document = with_text_columns();
    let set = |owner: &str, column: &str, text: &str| Edit::SetCell {
        owner: owner.into(),
        column: column.into(),
        text: text.into(),
    };
    apply(&mut document, &set("d1", "ministry", "厚生労働省")).expect("the edit applies");
    apply(&mut document, &set("d1.r2", "kpi", "審査期間 30日")).expect("the edit applies");
    assert_eq!(
        document.domains[0].cells[&Id::from("ministry")],
        "厚生労働省"
    );
    assert_eq!(
        document.domains[0].roadblocks[1].cells[&Id::from("kpi")],
        "審査期間 30日"
    );
    apply(&mut document, &set("d1.r2", "kpi", "")).expect("the edit applies");
    assert!(document.domains[0].roadblocks[1].cells.is_empty());

    let before = document.clone();
    for (edit, error) in [
        (
            set("d1", "kpi", "x"),
            EditError::NotACellOwner {
                column: "kpi".into(),
                owner: "d1".into(),
            },
        ),
        (
            set("d1.r1", "ministry", "x"),
            EditError::NotACellOwner {
                column: "ministry".into(),
                owner: "d1.r1".into(),
            },
        ),
        (
            set("d1.r1", "remarks", "x"),
            EditError::UnknownColumn(ColumnKind::Text("remarks".into())),
        ),
    ] {
        assert_eq!(apply(&mut document, &edit), Err(error));
        assert_eq!(document, before);
    }
}

#[test]
fn add_rename_resize_and_remove_a_text_column_undoably() {
    let mut document = with_text_columns();
    let mut history = crate::edit::History::default();
    let remarks = Column::text("remarks", "備考", CellOwner::Roadblock);
    let insert = Edit::InsertColumn {
        index: 1,
        column: remarks.clone(),
    };
    history
        .apply(&mut document, &insert, None)
        .expect("the edit applies");
    assert_eq!(document.columns[1], remarks);
    assert_eq!(
        apply(&mut document, &insert),
        Err(EditError::DuplicateColumn(remarks.kind.clone()))
    );
    let kind = remarks.kind.clone();
    apply(
        &mut document,
        &Edit::SetColumnHeader {
            kind: kind.clone(),
            header: "進捗".into(),
        },
    )
    .expect("the edit applies");
    apply(
        &mut document,
        &Edit::SetColumnWidth {
            kind,
            width: Some(12),
        },
    )
    .expect("the edit applies");
    assert_eq!(
        (
            document.columns[1].header.as_str(),
            document.columns[1].width
        ),
        ("進捗", Some(12))
    );

    // Removing a column with filled cells drops them; undo restores them.
    document.domains[0].roadblocks[0]
        .cells
        .insert("kpi".into(), "達成率 80%".into());
    document.domains[1]
        .header_overrides
        .insert(kpi(), "成果指標".into());
    let filled = document.clone();
    history
        .apply(&mut document, &Edit::RemoveColumn(kpi()), None)
        .expect("the edit applies");
    assert!(document.column(&kpi()).is_none());
    assert!(document.domains[0].roadblocks[0].cells.is_empty());
    assert!(document.domains[1].header_overrides.is_empty());
    assert!(history.undo(&mut document));
    assert_eq!(document, filled);
    assert_eq!(
        apply(
            &mut document,
            &Edit::RemoveColumn(ColumnKind::Text("x".into()))
        ),
        Err(EditError::UnknownColumn(ColumnKind::Text("x".into())))
    );
}
