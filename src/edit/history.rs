//! Undo and redo: each step keeps, as they were before it, the parts of the document its edit
//! could change ([`footprint`]: one domain for a keystroke, every domain only for edits that
//! reach across them), so 200 steps of a large roadmap cost little. Undo and redo swap those
//! parts back: exact by construction. Typing in one field or one drag is one step because edits
//! with the same [`MergeKey`] coalesce. Each state has a revision number, so "modified since
//! saved" is a number compare, not a comparison of two documents.

mod footprint;

use self::footprint::{Footprint, Patch};
use super::apply::{Edit, EditError, apply};
use crate::model::Document;

/// How many steps are kept; older ones are dropped.
pub const MAX_STEPS: usize = 200;

/// Edits with the same key, one after another, are one undo step: e.g. `d1.r1/title` while a
/// field is being typed in, or `drag/d1.t1` while a bar is dragged.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MergeKey(pub String);

#[derive(Debug, Clone)]
struct Step {
    /// The parts the step changed, as they were on the other side of it.
    patch: Patch,
    merge: Option<MergeKey>,
    /// The revision of the document on the other side of the step.
    revision: u64,
}

/// The undo and redo stacks of one open document.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Whether the last step may still absorb edits with its key.
    open_merge: bool,
    /// The revision of the document now: a new number after every change, the old number
    /// again after undo or redo returns to a state.
    revision: u64,
    /// The last revision number given out.
    issued: u64,
}

impl History {
    /// Applies `edit` and records it. With a `merge` key equal to the last step's (and no
    /// [`History::end_merge`] since), the edit joins that step. On error nothing changes.
    pub fn apply(
        &mut self,
        document: &mut Document,
        edit: &Edit,
        merge: Option<MergeKey>,
    ) -> Result<(), EditError> {
        let joins = self.open_merge
            && merge.is_some()
            && self.undo.last().is_some_and(|step| step.merge == merge);
        let footprint = Footprint::of(document, edit);
        let before = Patch::take(document, &footprint);
        apply(document, edit)?;
        if before.matches(document) {
            return Ok(());
        }
        self.open_merge = merge.is_some();
        if let Some(step) = self.undo.last_mut().filter(|_| joins) {
            // The step keeps its older parts and gains any part only this edit changed.
            step.patch.absorb(before);
        } else {
            self.undo.push(Step {
                patch: before,
                merge,
                revision: self.revision,
            });
            if self.undo.len() > MAX_STEPS {
                self.undo.remove(0);
            }
        }
        self.issued += 1;
        self.revision = self.issued;
        self.redo.clear();
        Ok(())
    }

    /// The revision of the document now; equal to an earlier revision only when undo or redo
    /// returned exactly to that state.
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// How many domains the undo steps keep in all (a keystroke's step keeps one).
    #[must_use]
    pub fn kept_domains(&self) -> usize {
        self.undo
            .iter()
            .chain(&self.redo)
            .map(|step| step.patch.domain_count())
            .sum()
    }

    /// Ends coalescing: the next edit starts a new step even with the same key (a field lost
    /// focus, a drag ended).
    pub fn end_merge(&mut self) {
        self.open_merge = false;
    }

    /// Whether there is a step to undo.
    #[must_use]
    pub fn has_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is a step to redo.
    #[must_use]
    pub fn has_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Undoes the last step; false when there is none.
    pub fn undo(&mut self, document: &mut Document) -> bool {
        let Some(mut step) = self.undo.pop() else {
            return false;
        };
        step.patch.swap(document);
        self.redo.push(Step {
            patch: step.patch,
            merge: None,
            revision: std::mem::replace(&mut self.revision, step.revision),
        });
        self.open_merge = false;
        true
    }

    /// Redoes the last undone step; false when there is none.
    pub fn redo(&mut self, document: &mut Document) -> bool {
        let Some(mut step) = self.redo.pop() else {
            return false;
        };
        step.patch.swap(document);
        self.undo.push(Step {
            patch: step.patch,
            merge: None,
            revision: std::mem::replace(&mut self.revision, step.revision),
        });
        self.open_merge = false;
        true
    }

    /// Forgets every step (a document was opened: loading is never undoable). The revision
    /// moves on, so a document saved before is not taken for this one.
    pub fn clear(&mut self) {
        let issued = self.issued + 1;
        *self = Self {
            revision: issued,
            issued,
            ..Self::default()
        };
    }
}

#[cfg(test)]
mod tests;
