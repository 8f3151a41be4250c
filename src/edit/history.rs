//! Undo and redo: each step keeps the document as it was before, as egui's `Undoer` does.
//! Snapshots make undo exact by construction; typing in one field or one drag is one step
//! because edits with the same [`MergeKey`] coalesce.

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
    before: Document,
    merge: Option<MergeKey>,
}

/// The undo and redo stacks of one open document.
#[derive(Debug, Clone, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Whether the last step may still absorb edits with its key.
    open_merge: bool,
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
        let before = document.clone();
        apply(document, edit)?;
        if *document == before {
            return Ok(());
        }
        let joins = self.open_merge
            && merge.is_some()
            && self.undo.last().is_some_and(|step| step.merge == merge);
        self.open_merge = merge.is_some();
        if !joins {
            self.undo.push(Step { before, merge });
            if self.undo.len() > MAX_STEPS {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        Ok(())
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
        let Some(step) = self.undo.pop() else {
            return false;
        };
        let current = std::mem::replace(document, step.before);
        self.redo.push(Step {
            before: current,
            merge: None,
        });
        self.open_merge = false;
        true
    }

    /// Redoes the last undone step; false when there is none.
    pub fn redo(&mut self, document: &mut Document) -> bool {
        let Some(step) = self.redo.pop() else {
            return false;
        };
        let current = std::mem::replace(document, step.before);
        self.undo.push(Step {
            before: current,
            merge: None,
        });
        self.open_merge = false;
        true
    }

    /// Forgets every step (a document was opened: loading is never undoable).
    pub fn clear(&mut self) {
        *self = Self::default();
    }
}

#[cfg(test)]
mod tests;
