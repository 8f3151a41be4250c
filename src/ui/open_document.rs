//! The document being edited: its file, undo history, problems and what the window knows of
//! the file on disk.

use std::path::PathBuf;

use crate::edit::History;
use crate::model::{Document, Problem, Validation};
use crate::ui::files::FileStamp;

/// The document being edited.
pub struct OpenDocument {
    /// The file it came from or was saved to; `None` until a new document is first saved.
    pub path: Option<PathBuf>,
    /// The document.
    pub document: Document,
    /// Its validation problems.
    pub problems: Vec<Problem>,
    /// Validation kept between edits (only changed domains are checked again).
    validation: Validation,
    /// Undo and redo.
    pub history: History,
    /// Whether it differs from the file.
    pub modified: bool,
    /// The document as last loaded or saved.
    pub(crate) saved: Document,
    /// The history's revision when the document was last loaded or saved; `None` when the
    /// document shown differs from the file (restored work).
    pub(crate) saved_revision: Option<u64>,
    /// The file on disk as last loaded or saved, to notice changes made elsewhere.
    pub(crate) stamp: Option<FileStamp>,
    /// The file as opened has comments, which saving over it would drop: the user is asked.
    pub has_comments: bool,
    /// The file's byte-order mark and line endings, kept when it is saved.
    pub style: crate::io::TextStyle,
    /// This window's claim on the document (other windows see it open); `None` when another
    /// window had it first or no claim could be made.
    pub(crate) claim: Option<crate::io::FileLock>,
}

impl OpenDocument {
    /// A document as loaded from `path` (or new, for `None`): nothing to undo, unmodified.
    #[must_use]
    pub fn new(path: Option<PathBuf>, document: Document, stamp: Option<FileStamp>) -> Self {
        let mut validation = Validation::default();
        Self {
            path,
            problems: validation.run(&document),
            validation,
            saved: document.clone(),
            document,
            history: History::default(),
            saved_revision: Some(0),
            modified: false,
            stamp,
            has_comments: false,
            style: crate::io::TextStyle::default(),
            claim: None,
        }
    }

    /// After any change: validation and the modified mark follow the document. Modified is
    /// a revision compare: undoing back to the saved state is unmodified again.
    pub(crate) fn changed(&mut self) {
        self.problems = self.validation.run(&self.document);
        self.modified = self.saved_revision != Some(self.history.revision());
    }

    /// The document now is what the file holds (it was just saved).
    pub(crate) fn mark_saved(&mut self) {
        self.saved = self.document.clone();
        self.saved_revision = Some(self.history.revision());
    }
}
