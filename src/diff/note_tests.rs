//! Notes in the comparison: a changed note text, added and removed references, and the rows
//! of the 新旧対照表 that show them.

use super::table::{RowKind, build};
use super::*;
use crate::model::Note;

/// 見直し後 with two notes: note 1 on ①'s first bar, note 2 on ①'s first roadblock.
fn noted() -> Document {
    let mut document = example("after");
    document.notes = vec![
        Note {
            id: "n-db".into(),
            text: "画像データベースの構築は令和５年度に着手".into(),
        },
        Note {
            id: "n-rule".into(),
            text: "改正後の指針は令和６年４月施行".into(),
        },
    ];
    document.domains[0].entries[0].notes = vec!["n-db".into()];
    document.domains[0].roadblocks[0].notes = vec!["n-rule".into()];
    document
}

#[test]
fn changed_note_texts_and_references_are_reported_and_tabled() {
    let old = noted();
    let mut new = noted();
    new.notes[0].text = "画像データベースの構築は令和６年度に着手".into();
    new.domains[0].entries[0].notes.push("n-rule".into());
    new.domains[0].roadblocks[0].notes.clear();
    let comparison = compare(&old, &new);
    let note = comparison
        .changes
        .iter()
        .find(|c| c.entity == Entity::Note)
        .expect("the note's text changed");
    assert_eq!(note.status, Status::Changed);
    assert_eq!(note.fields[0].field, "text");
    assert_eq!(note.fields[0].diff.new_text(), new.notes[0].text);
    let field = |entity, id: &str| {
        comparison
            .changes
            .iter()
            .find(|c| c.entity == entity && c.new_id == Some(id.into()))
            .and_then(|c| c.fields.iter().find(|f| f.field == "notes"))
            .map(|f| (f.diff.old_text(), f.diff.new_text()))
    };
    let entry = new.domains[0].entries[0].id.as_str();
    assert_eq!(
        field(Entity::Entry, entry),
        Some(("（注1）".to_owned(), "（注1,2）".to_owned()))
    );
    let roadblock = new.domains[0].roadblocks[0].id.as_str();
    assert_eq!(
        field(Entity::Roadblock, roadblock),
        Some(("（注2）".to_owned(), String::new()))
    );
    // The 新旧対照表: the entry's marks marked on both sides, and a section of notes.
    let table = build(&old, &new, &comparison, false);
    let rows: Vec<_> = table.sections.iter().flat_map(|s| &s.rows).collect();
    let entry_row = rows
        .iter()
        .find(|r| r.entity == Entity::Entry && r.new_id == Some(entry.into()))
        .expect("the entry's row");
    assert_eq!(entry_row.kind, RowKind::Changed);
    let marked = table::Line::marked_text;
    assert!(marked(&entry_row.new).contains(",2"), "{entry_row:?}");
    let roadblock_row = rows
        .iter()
        .find(|r| r.entity == Entity::Roadblock && r.new_id == Some(roadblock.into()))
        .expect("the roadblock's row");
    assert!(
        marked(&roadblock_row.old).contains("（注2）"),
        "{roadblock_row:?}"
    );
    let notes = table
        .sections
        .iter()
        .find(|s| s.heading == "注記")
        .expect("a section of notes");
    assert_eq!(notes.rows[0].kind, RowKind::Changed);
    assert_eq!(marked(&notes.rows[0].new), "６");
    assert_eq!(marked(&notes.rows[0].old), "５");
    assert!(
        notes.rows[0].new[0].text().starts_with("注1　画像"),
        "{:?}",
        notes.rows[0]
    );
    assert_eq!(notes.rows[1].kind, RowKind::Omitted, "the unchanged note 2");
    assert_eq!(notes.rows[1].new[0].text(), "（略）");
    // Unchanged notes add no section.
    let same = build(&old, &old, &compare(&old, &old), false);
    assert!(same.sections.iter().all(|s| s.heading != "注記"));
}
