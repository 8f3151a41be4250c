//! Deleting a roadblock whose bars span it alone: the editor asks whether those bars go too
//! (「関連する工程も削除しますか」) instead of silently moving them to the whole domain.

use crate::edit::Edit;
use crate::model::{Document, Id};

/// A roadblock removal waiting for the user's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoadblockRemoval {
    /// The roadblock to delete.
    pub roadblock: Id,
    /// Its title, for the question.
    pub title: String,
    /// The labels of the bars that span this roadblock only.
    pub entry_labels: Vec<String>,
    /// Their ids.
    entries: Vec<Id>,
}

impl RoadblockRemoval {
    /// The question to ask before `edit`, when it deletes a roadblock that bars span alone
    /// (bars that also span other roadblocks just stop spanning it, as before).
    #[must_use]
    pub fn before(document: &Document, edit: &Edit) -> Option<Self> {
        let Edit::Remove(id) = edit else {
            return None;
        };
        let (domain, roadblock) = document
            .domains
            .iter()
            .find_map(|d| d.roadblock(id).map(|r| (d, r)))?;
        let alone: Vec<_> = domain
            .entries
            .iter()
            .filter(|e| e.rows.len() == 1 && &e.rows[0] == id)
            .collect();
        (!alone.is_empty()).then(|| Self {
            roadblock: id.clone(),
            title: roadblock.title.clone(),
            entry_labels: alone.iter().map(|e| e.label.clone()).collect(),
            entries: alone.iter().map(|e| e.id.clone()).collect(),
        })
    }

    /// The edit for the answer: with its bars (one undo step), or keeping them on the domain.
    #[must_use]
    pub fn edit(&self, with_entries: bool) -> Edit {
        let remove = Edit::Remove(self.roadblock.clone());
        if with_entries {
            let mut edits: Vec<Edit> = self.entries.iter().cloned().map(Edit::Remove).collect();
            edits.push(remove);
            Edit::Batch(edits)
        } else {
            remove
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::apply;
    use crate::model::TimelineEntry;

    fn example() -> Document {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/roadblocks-after.ron");
        crate::io::load(&path).expect("the example loads")
    }

    /// A roadblock of the example that some bar spans alone, and that bar.
    fn spanned_alone(document: &Document) -> (Id, TimelineEntry) {
        document
            .domains
            .iter()
            .flat_map(|d| d.entries.iter())
            .find(|e| e.rows.len() == 1)
            .map(|e| (e.rows[0].clone(), e.clone()))
            .expect("the example has a bar on one roadblock")
    }

    #[test]
    fn deleting_a_roadblock_with_its_own_bars_asks_first() {
        let document = example();
        let (roadblock, entry) = spanned_alone(&document);
        let question = RoadblockRemoval::before(&document, &Edit::Remove(roadblock.clone()))
            .expect("a question");
        assert!(question.entry_labels.contains(&entry.label));

        let mut with = document.clone();
        apply(&mut with, &question.edit(true)).expect("applies");
        assert!(
            with.domains
                .iter()
                .all(|d| d.roadblock(&roadblock).is_none())
        );
        assert!(
            with.domains
                .iter()
                .all(|d| d.entries.iter().all(|e| e.id != entry.id)),
            "its bar went with it"
        );

        let mut keep = document.clone();
        apply(&mut keep, &question.edit(false)).expect("applies");
        let kept = keep
            .domains
            .iter()
            .flat_map(|d| d.entries.iter())
            .find(|e| e.id == entry.id)
            .expect("the bar stays");
        assert!(kept.rows.is_empty(), "on the whole domain");
    }

    #[test]
    fn other_removals_need_no_question() {
        let document = example();
        let (_, entry) = spanned_alone(&document);
        assert_eq!(
            RoadblockRemoval::before(&document, &Edit::Remove(entry.id.clone())),
            None
        );
        let quiet = document
            .domains
            .iter()
            .flat_map(|d| d.roadblocks.iter().map(move |r| (d, r)))
            .find(|(d, r)| {
                !d.entries
                    .iter()
                    .any(|e| e.rows.len() == 1 && e.rows[0] == r.id)
            });
        if let Some((_, roadblock)) = quiet {
            assert_eq!(
                RoadblockRemoval::before(&document, &Edit::Remove(roadblock.id.clone())),
                None
            );
        }
    }
}
