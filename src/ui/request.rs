//! What widgets ask of the app (`Request`, run at the end of the frame), the questions that
//! wait for an answer (`Pending`, `Choice`) and the windows shown over the editor (`Dialog`).

use std::path::PathBuf;

use crate::edit::{Edit, MergeKey};
use crate::ui::command::Command;
use crate::ui::i18n::Lang;
use crate::ui::selection::Selection;

/// Something a widget asks the app to do once the frame is drawn.
// An edit is built once per user action and consumed at the end of the frame: boxing it
// would only add an allocation.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Run a menu or shortcut command.
    Command(Command),
    /// Open this roadmap file (asking first about unsaved changes).
    OpenPath(PathBuf),
    /// Select an entity of the grid, or nothing.
    Select(Option<Selection>),
    /// Scroll the grid to show an entity.
    ScrollTo(Selection),
    /// Apply an edit to the open document (boxed: an edit carries a whole entity).
    Edit(Box<Edit>, Option<MergeKey>),
    /// A text field lost focus: the next edit is a new undo step.
    EndTyping,
    /// Switch the UI language.
    SetLanguage(Lang),
    /// Use this font file (or the system's, for `None`).
    SetFontFile(Option<PathBuf>),
    /// Ask for a font file with the native dialog.
    ChooseFontFile,
    /// Carry out an action that waited for the unsaved-changes question.
    Resolve(Pending, Choice),
    /// Save over a file that changed on disk, as the user confirmed.
    SaveOverwriting(PathBuf),
    /// Save over a file with comments, dropping them, as the user confirmed.
    /// (Unless the second field, a file changed on disk is still not overwritten.)
    SaveDroppingComments(PathBuf, bool),
    /// Make the new revision (label, shift in years) and ask where to save it.
    SaveRevision(String, i32),
    /// Restore (true) or discard (false) a recovery file.
    Recover(PathBuf, bool),
    /// Show an error message (an export or opening a file failed).
    ShowError(String),
    /// Something the print preview asked for.
    Print(crate::ui::print::PrintAction),
    /// Something the compare view asked for.
    Compare(crate::ui::compare::CompareAction),
    /// A button of the find-and-replace window.
    Find(crate::ui::find::FindAction),
    /// Delete a roadblock as answered: with the bars that span it alone (true), or keeping
    /// them on the domain.
    RemoveRoadblock(crate::ui::removal::RoadblockRemoval, bool),
    /// Open a file that could not be loaded in the system's text editor (never changing it).
    OpenInTextEditor(PathBuf),
}

/// An action that replaces or closes the document, waiting for 保存 / 保存しない / キャンセル.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    /// Open this file.
    Open(PathBuf),
    /// Ask for a file to open.
    OpenDialog,
    /// Start a new document.
    New,
    /// Close the window.
    Quit,
}

/// The answer to the unsaved-changes question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// 保存: save, then go on.
    Save,
    /// 保存しない: go on without saving.
    DontSave,
    /// キャンセル: do nothing.
    Cancel,
}

/// A window shown over the editor.
#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    /// A file could not be opened: what is wrong and where, in plain words.
    LoadError(crate::ui::load_failure::LoadFailure),
    /// A save failed; the previous file is unchanged.
    SaveError(String),
    /// 保存 / 保存しない / キャンセル before `Pending`.
    Unsaved(Pending),
    /// The file changed on disk since it was opened: overwrite?
    ChangedOnDisk(PathBuf),
    /// The new revision's label and shift.
    NewRevision(String, i32),
    /// Recovery files from a session that did not end cleanly.
    Recovery(Vec<crate::io::Recovery>),
    /// Saving over this file would drop its comments: save anyway, save as, or cancel?
    /// (The second field: the user already agreed to overwrite changes made on disk.)
    DropComments(PathBuf, bool),
    /// Another Koteihyo window already has this file open.
    OpenElsewhere(PathBuf),
    /// Two revisions cannot be compared: these ids are used more than once.
    CannotCompare(Vec<String>),
    /// An export was written: offer to open it.
    Exported(PathBuf),
    /// Deleting this roadblock: its own bars too?
    RemoveRoadblock(crate::ui::removal::RoadblockRemoval),
    /// プリンターで印刷: what happened (sent, or why not), in the user's language.
    Printed(String),
    /// The settings window.
    Settings,
    /// The keyboard shortcuts, from the command table.
    Shortcuts,
    /// A short guide to the editor.
    Guide,
    /// The about window.
    About,
}
