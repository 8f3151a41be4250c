//! Unit tests of the note edits: adding, editing, referring to and removing notes, undone.

use super::*;
use crate::edit::{History, new_note};
use crate::model::{EntryKind, TimePoint};

fn document() -> Document {
    Document {
        domains: vec![Domain {
            id: "d1".into(),
            number: 1,
            name: "IRB".into(),
            roadblocks: vec![Roadblock {
                id: "d1.r1".into(),
                title: "題".into(),
                ..Roadblock::default()
            }],
            entries: vec![TimelineEntry {
                id: "d1.t1".into(),
                label: "画像DB構築".into(),
                notes: Vec::new(),
                kind: EntryKind::Bar,
                start: TimePoint::year(2022),
                end: TimePoint::year(2023),
                open_ended: false,
                rows: Vec::new(),
                detail: String::new(),
            }],
            ..Domain::default()
        }]
        .into_iter()
        .map(crate::model::Shared::new)
        .collect(),
        ..Document::default()
    }
}

fn insert_note(document: &Document, text: &str) -> (Note, Edit) {
    let note = new_note(document, text);
    let edit = Edit::Insert {
        parent: Parent::Document,
        index: usize::MAX,
        entity: Entity::Note(note.clone()),
    };
    (note, edit)
}

#[test]
fn notes_are_added_edited_and_referred_to() {
    let mut doc = document();
    let (note, edit) = insert_note(&doc, "令和５年度から");
    assert!(note.id.as_str().starts_with("n-"), "{}", note.id);
    apply(&mut doc, &edit).expect("insert note");
    assert_eq!(doc.note_number(&note.id), Some(1));
    assert_eq!(
        apply(&mut doc, &edit),
        Err(EditError::DuplicateId(note.id.clone())),
        "ids are never reused"
    );
    apply(
        &mut doc,
        &Edit::ReplaceNote(Note {
            text: "令和６年度から".into(),
            ..note.clone()
        }),
    )
    .expect("edit note");
    assert_eq!(doc.notes[0].text, "令和６年度から");
    for on in ["d1.t1", "d1.r1"] {
        let refer = Edit::AddNoteReference {
            on: on.into(),
            note: note.id.clone(),
        };
        apply(&mut doc, &refer).expect("refer");
        apply(&mut doc, &refer).expect("refer again");
    }
    assert_eq!(
        doc.domains[0].entries[0].notes,
        std::slice::from_ref(&note.id),
        "once"
    );
    assert_eq!(
        doc.domains[0].roadblocks[0].notes,
        std::slice::from_ref(&note.id)
    );
    assert_eq!(
        apply(
            &mut doc,
            &Edit::AddNoteReference {
                on: "d1.t1".into(),
                note: "n-none".into()
            }
        ),
        Err(EditError::UnknownId("n-none".into()))
    );
    apply(
        &mut doc,
        &Edit::RemoveNoteReference {
            on: "d1.r1".into(),
            note: note.id.clone(),
        },
    )
    .expect("unrefer");
    assert!(doc.domains[0].roadblocks[0].notes.is_empty());
}

#[test]
fn removing_a_referenced_note_removes_its_references_and_undo_restores_both() {
    let mut doc = document();
    let mut history = History::default();
    let (first, edit) = insert_note(&doc, "一つ目");
    history.apply(&mut doc, &edit, None).expect("first");
    let (second, edit) = insert_note(&doc, "二つ目");
    history.apply(&mut doc, &edit, None).expect("second");
    for note in [&first, &second] {
        let refer = Edit::AddNoteReference {
            on: "d1.t1".into(),
            note: note.id.clone(),
        };
        history.apply(&mut doc, &refer, None).expect("refer");
    }
    assert_eq!(doc.note_marks(&doc.domains[0].entries[0].notes), "1,2");
    let before = doc.clone();
    history
        .apply(&mut doc, &Edit::Remove(first.id.clone()), None)
        .expect("remove");
    assert_eq!(doc.notes, std::slice::from_ref(&second));
    assert_eq!(
        doc.domains[0].entries[0].notes,
        std::slice::from_ref(&second.id)
    );
    assert_eq!(
        doc.note_marks(&doc.domains[0].entries[0].notes),
        "1",
        "the second note is now note 1"
    );
    assert!(history.undo(&mut doc));
    assert_eq!(doc, before, "the note and its reference are back");
    // Moving a note renumbers it without touching the references.
    apply(
        &mut doc,
        &Edit::Move {
            id: second.id.clone(),
            to: Parent::Document,
            index: 0,
        },
    )
    .expect("move");
    assert_eq!(doc.note_marks(&doc.domains[0].entries[0].notes), "2,1");
}
