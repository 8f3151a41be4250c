//! New entities as the editor creates them: fresh ids, sensible defaults.

use super::ids::fresh_id;
use crate::model::{Document, EntryKind, Id, Note, Roadblock, TimePoint, TimelineEntry};

/// A new roadblock for domain `domain_id`, with a fresh id, `scope` and `title`.
#[must_use]
pub fn new_roadblock(document: &Document, domain_id: &Id, scope: &str, title: &str) -> Roadblock {
    Roadblock {
        id: fresh_id(document, &format!("{domain_id}.r")),
        scope: scope.to_owned(),
        title: title.to_owned(),
        ..Roadblock::default()
    }
}

/// A new one-year arrow in fiscal year `year`, on `rows` of domain `domain_id`.
#[must_use]
pub fn new_entry(
    document: &Document,
    domain_id: &Id,
    year: i32,
    rows: Vec<Id>,
    label: &str,
) -> TimelineEntry {
    TimelineEntry {
        id: fresh_id(document, &format!("{domain_id}.t")),
        label: label.to_owned(),
        notes: Vec::new(),
        kind: EntryKind::Arrow,
        start: TimePoint::year(year),
        end: TimePoint::year(year),
        open_ended: false,
        rows,
        detail: String::new(),
    }
}

/// A new note with a fresh id (`n-xxxxxx`, from the same allocation as every other entity) and
/// `text`; it takes the next number once inserted at the end of the document's notes.
#[must_use]
pub fn new_note(document: &Document, text: &str) -> Note {
    Note {
        id: fresh_id(document, "n"),
        text: text.to_owned(),
    }
}
