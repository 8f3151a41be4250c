//! Checks of the numbered notes: duplicate ids, references to notes the document lacks, notes
//! nobody refers to.

use std::collections::HashSet;

use super::{Checker, Location, ProblemKind, Severity, Subject, brief};
use crate::model::{Domain, Id};

impl Checker<'_> {
    /// The notes' ids (counted with every other id), their texts and every reference to them.
    pub(super) fn notes(&mut self) {
        self.note_texts();
        let document = self.document;
        let known: HashSet<&Id> = document.notes.iter().map(|n| &n.id).collect();
        let mut referenced = HashSet::new();
        for domain in &document.domains {
            self.note_references(domain, &known, &mut referenced);
        }
        self.unreferenced_notes(&referenced);
    }

    /// The notes' ids (counted with every other id) and texts.
    pub(super) fn note_texts(&mut self) {
        let document = self.document;
        for note in &document.notes {
            self.id(&note.id);
            if note.text.trim().is_empty() {
                self.push(
                    Severity::Warning,
                    Location::entity(&note.id, "text"),
                    ProblemKind::NoteWithoutText {
                        number: document.note_number(&note.id).unwrap_or_default(),
                    },
                );
            }
        }
    }

    /// The references of a domain's roadblocks and entries: each to a note in `known` is added
    /// to `referenced`; each other is a problem.
    pub(super) fn note_references<'d>(
        &mut self,
        domain: &'d Domain,
        known: &HashSet<&Id>,
        referenced: &mut HashSet<&'d Id>,
    ) {
        let roadblocks = domain
            .roadblocks
            .iter()
            .map(|r| (&r.id, Subject::Roadblock(brief(&r.title)), &r.notes));
        let entries = domain
            .entries
            .iter()
            .map(|e| (&e.id, Subject::Entry(brief(&e.label)), &e.notes));
        for (id, subject, notes) in roadblocks.chain(entries) {
            for note in notes {
                if known.contains(note) {
                    referenced.insert(note);
                } else {
                    self.push(
                        Severity::Error,
                        Location::entity(id, "notes"),
                        ProblemKind::MissingNote {
                            subject: subject.clone(),
                            note: note.clone(),
                        },
                    );
                }
            }
        }
    }

    /// The notes nobody refers to (`referenced`: the notes referred to).
    pub(super) fn unreferenced_notes(&mut self, referenced: &HashSet<&Id>) {
        let document = self.document;
        for note in &document.notes {
            if !referenced.contains(&note.id) {
                self.push(
                    Severity::Warning,
                    Location::entity(&note.id, "text"),
                    ProblemKind::UnreferencedNote {
                        number: document.note_number(&note.id).unwrap_or_default(),
                        text: brief(&note.text),
                    },
                );
            }
        }
    }
}
