//! Checks of the numbered notes: duplicate ids, references to notes the document lacks, notes
//! nobody refers to.

use std::collections::HashSet;

use super::{Checker, Location, Severity, brief};
use crate::model::Id;

impl Checker<'_> {
    /// The notes' ids (counted with every other id), their texts and every reference to them.
    pub(super) fn notes(&mut self) {
        let document = self.document;
        for note in &document.notes {
            self.id(&note.id);
            if note.text.trim().is_empty() {
                self.push(
                    Severity::Warning,
                    Location::entity(&note.id, "text"),
                    format!(
                        "note {} has no text",
                        document.note_number(&note.id).unwrap_or_default()
                    ),
                );
            }
        }
        let known: HashSet<&Id> = document.notes.iter().map(|n| &n.id).collect();
        let mut referenced = HashSet::new();
        for domain in &document.domains {
            let roadblocks = domain
                .roadblocks
                .iter()
                .map(|r| (&r.id, format!("【{}】", brief(&r.title)), &r.notes));
            let entries = domain
                .entries
                .iter()
                .map(|e| (&e.id, format!("「{}」", brief(&e.label)), &e.notes));
            for (id, name, notes) in roadblocks.chain(entries) {
                for note in notes {
                    if known.contains(note) {
                        referenced.insert(note);
                    } else {
                        self.push(
                            Severity::Error,
                            Location::entity(id, "notes"),
                            format!(
                                "{name} refers to note \"{note}\", which the document does not have"
                            ),
                        );
                    }
                }
            }
        }
        for note in &document.notes {
            if !referenced.contains(&note.id) {
                self.push(
                    Severity::Warning,
                    Location::entity(&note.id, "text"),
                    format!(
                        "note {} 「{}」 is not referred to by any entry or roadblock; it is not printed",
                        document.note_number(&note.id).unwrap_or_default(),
                        brief(&note.text)
                    ),
                );
            }
        }
    }
}
