//! Comparing two revisions of a roadmap entity by entity (GUI-free): which domains, roadblocks,
//! items, timeline entries and footnotes were added, removed, changed (which fields, with a
//! character diff of each text), moved or renamed — the data behind `koteihyo diff`, the
//! compare view and the 新旧対照表.

pub mod align;
mod entities;
mod fields;
pub mod report;
mod similar;
pub mod table;
pub mod text;

use serde::Serialize;

use crate::model::{Document, Id};

pub use self::align::Pairing;
pub use self::text::{Segment, TextChange, diff_text};

/// What kind of entity a change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Entity {
    /// The cover: title, date, labels, legend, columns.
    Document,
    /// The fiscal-year columns.
    Timeline,
    /// A domain (① IRB …).
    Domain,
    /// A roadblock row.
    Roadblock,
    /// A done item (着手・対応済みの事項).
    Done,
    /// An action item (取組事項).
    Action,
    /// A timeline entry (arrow, bar, milestone).
    Entry,
    /// A footnote.
    Footnote,
    /// A numbered note (注記) of the document.
    Note,
}

/// What happened to an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Only in the new revision.
    Added,
    /// Only in the old revision.
    Removed,
    /// In both, with different fields.
    Changed,
    /// In both, at another place (another domain, or another position); fields may differ too.
    Moved,
}

/// The name of a compared field: a word of the file format, or `cells.ID` for a text column's
/// cell.
pub type FieldName = std::borrow::Cow<'static, str>;

/// One field of an entity, old against new.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// The field's name (`title`, `description`, `start` …; `cells.kpi` for the cell of the
    /// text column `kpi`).
    pub field: FieldName,
    /// The character diff of its text.
    pub diff: TextChange,
    /// For a start or end: how far it moved, in quarters (4 = one fiscal year later).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shift_quarters: Option<i64>,
}

/// A change of one entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// What kind of entity.
    pub entity: Entity,
    /// Added, removed, changed or moved.
    pub status: Status,
    /// The domain it belongs to, as 「① IRB」 (the new side's, else the old); empty for the document.
    pub domain: String,
    /// Its id in the old revision.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_id: Option<Id>,
    /// Its id in the new revision.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_id: Option<Id>,
    /// A short name: the title or label (the new side's, else the old).
    pub label: String,
    /// How old and new were paired (by id, or by similar text when ids differ).
    pub pairing: Pairing,
    /// For a move: `(from, to)`, e.g. the domains or the positions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub moved: Option<(String, String)>,
    /// For an item: the roadblock it belongs to (its id in the new revision when it has one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<Id>,
    /// The fields that differ (for an added or removed entity: all its non-empty fields).
    pub fields: Vec<FieldChange>,
}

impl Change {
    /// Whether the change renames the entity (its name or title changed).
    #[must_use]
    pub fn renames(&self) -> bool {
        self.status != Status::Added
            && self.status != Status::Removed
            && self
                .fields
                .iter()
                .any(|f| f.field == "name" || f.field == "title")
    }

    /// The same change seen from the other revision.
    #[must_use]
    pub fn mirrored(&self) -> Self {
        Self {
            status: match self.status {
                Status::Added => Status::Removed,
                Status::Removed => Status::Added,
                other => other,
            },
            old_id: self.new_id.clone(),
            new_id: self.old_id.clone(),
            moved: self.moved.as_ref().map(|(a, b)| (b.clone(), a.clone())),
            fields: self
                .fields
                .iter()
                .map(|f| FieldChange {
                    field: f.field.clone(),
                    diff: f.diff.mirrored(),
                    shift_quarters: f.shift_quarters.map(|q| -q),
                })
                .collect(),
            ..self.clone()
        }
    }
}

/// The comparison of two revisions.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Comparison {
    /// Every change, in the new revision's reading order (removed entities after their domain's).
    pub changes: Vec<Change>,
}

impl Comparison {
    /// Whether the revisions are the same.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// Compares `old` with `new`.
#[must_use]
pub fn compare(old: &Document, new: &Document) -> Comparison {
    Comparison {
        changes: entities::changes(old, new),
    }
}

/// The example roadmap 見直し前 (`"before"`) or 見直し後 (anything else), for tests.
#[cfg(test)]
pub(crate) fn example(name: &str) -> Document {
    let text = match name {
        "before" => include_str!("../../examples/roadblocks-before.ron"),
        _ => include_str!("../../examples/roadblocks-after.ron"),
    };
    crate::io::parse_ron(text).expect("example parses")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_equals_itself() {
        let after = example("after");
        assert!(compare(&after, &after).is_empty());
    }

    #[test]
    fn the_examples_differ_as_the_seed_does() {
        let comparison = compare(&example("before"), &example("after"));
        let renamed_7 = comparison
            .changes
            .iter()
            .find(|c| c.entity == Entity::Domain && c.new_id == Some("d7".into()))
            .expect("⑦ changed");
        assert!(renamed_7.renames());
        assert!(
            comparison
                .changes
                .iter()
                .any(|c| c.status == Status::Added && c.new_id == Some("d8.r2".into()))
        );
        let timeline = comparison
            .changes
            .iter()
            .find(|c| c.entity == Entity::Timeline)
            .expect("the timeline moved");
        assert_eq!(timeline.fields[0].shift_quarters, Some(8));
    }

    #[test]
    fn a_domain_moved_in_the_order_is_reported_with_its_places() {
        let after = example("after");
        let mut moved = after.clone();
        let third = moved.domains.remove(2);
        moved.domains.insert(0, third);
        let comparison = compare(&after, &moved);
        let domains: Vec<&Change> = comparison
            .changes
            .iter()
            .filter(|c| c.entity == Entity::Domain)
            .collect();
        assert_eq!(domains.len(), 1, "{domains:?}");
        assert_eq!(domains[0].status, Status::Moved);
        assert_eq!(domains[0].new_id, Some("d3".into()));
        assert_eq!(
            domains[0].moved,
            Some(("3番目".to_owned(), "1番目".to_owned()))
        );
        // Nothing else changed: the roadblocks went with their domain.
        assert_eq!(comparison.changes.len(), 1);
    }
}

#[cfg(test)]
mod note_tests;
