//! Numbered notes (注記) of a roadmap: 「…画像DB構築¹」 on a bar, note 1 at the foot of the page.

use serde::{Deserialize, Serialize};

use super::document::Document;
use super::id::Id;

/// A document-level note that timeline entries and roadblocks refer to by id.
///
/// A note has no mark of its own: its number is its position in [`Document::notes`], counting
/// from 1, so reordering the notes renumbers every reference at once and two notes can never
/// share a number.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// Stable id.
    pub id: Id,
    /// The note's text as printed at the foot of the page (after its number).
    pub text: String,
}

/// Note `marks` (「1,2」) as written after a text where they cannot be raised — a compared
/// field, a spreadsheet cell: 「（注1,2）」; nothing without marks.
#[must_use]
pub fn bracketed_marks(marks: &str) -> String {
    if marks.is_empty() {
        String::new()
    } else {
        format!("（注{marks}）")
    }
}

impl Document {
    /// The number (1, 2, …) of the note with this id, if the document has it.
    #[must_use]
    pub fn note_number(&self, id: &Id) -> Option<usize> {
        self.notes.iter().position(|n| &n.id == id).map(|i| i + 1)
    }

    /// The marks of `references` as printed after a label: 「1,3」 (unknown notes left out,
    /// empty when none is known).
    #[must_use]
    pub fn note_marks(&self, references: &[Id]) -> String {
        references
            .iter()
            .filter_map(|id| self.note_number(id))
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join(",")
    }

    /// Every note reference of the document: `(referring entity, note)`, entries and roadblocks
    /// in document order.
    pub fn note_references(&self) -> impl Iterator<Item = (&Id, &Id)> {
        self.domains.iter().flat_map(|domain| {
            let roadblocks = domain
                .roadblocks
                .iter()
                .flat_map(|r| r.notes.iter().map(move |n| (&r.id, n)));
            let entries = domain
                .entries
                .iter()
                .flat_map(|e| e.notes.iter().map(move |n| (&e.id, n)));
            roadblocks.chain(entries)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Domain, Roadblock};

    #[test]
    fn numbers_are_positions_and_marks_skip_unknown_notes() {
        let note = |id: &str| Note {
            id: id.into(),
            text: format!("{id}の注記"),
        };
        let document = Document {
            notes: vec![note("n-a"), note("n-b"), note("n-c")],
            domains: vec![Domain {
                id: "d1".into(),
                roadblocks: vec![Roadblock {
                    id: "d1.r1".into(),
                    notes: vec!["n-c".into(), "n-x".into(), "n-a".into()],
                    ..Roadblock::default()
                }],
                ..Domain::default()
            }]
            .into_iter()
            .map(crate::model::Shared::new)
            .collect(),
            ..Document::default()
        };
        assert_eq!(document.note_number(&"n-b".into()), Some(2));
        assert_eq!(document.note_number(&"n-x".into()), None);
        assert_eq!(
            document.note_marks(&document.domains[0].roadblocks[0].notes),
            "3,1"
        );
        assert_eq!(document.note_marks(&[]), "");
        assert_eq!(document.note_references().count(), 3);
    }
}
