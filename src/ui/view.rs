//! The window's view state apart from the document: the editor's (filter, selection, grid,
//! problems list) and which view fills the window (the editor, the print preview or the
//! compare view — one at a time, by construction).

use crate::ui::compare::CompareView;
use crate::ui::filter::Filter;
use crate::ui::grid::GridView;
use crate::ui::print::PrintPreview;
use crate::ui::selection::Selection;

/// The editor's view of the open document; starts afresh with each document.
#[derive(Default)]
pub struct EditorView {
    /// The row filter.
    pub filter: Filter,
    /// The selected entity.
    pub selection: Option<Selection>,
    /// A selection to scroll into view this frame.
    pub(crate) scroll_to: Option<Selection>,
    /// The grid's cached layout.
    pub(crate) grid: GridView,
    /// Whether the validation problems are listed above the status bar.
    pub show_problems: bool,
}

/// What fills the window between the menu bar and the status bar.
#[derive(Default)]
pub enum MainView {
    /// The grid and the details panel.
    #[default]
    Editor,
    /// The print preview.
    Print(Box<PrintPreview>),
    /// The compare view (新旧対照表).
    Compare(Box<CompareView>),
}

impl MainView {
    /// Whether the editor is shown.
    #[must_use]
    pub fn is_editor(&self) -> bool {
        matches!(self, MainView::Editor)
    }

    /// The print preview, when it is shown.
    #[must_use]
    pub fn print(&self) -> Option<&PrintPreview> {
        match self {
            MainView::Print(preview) => Some(preview),
            _ => None,
        }
    }

    /// The compare view, when it is shown.
    #[must_use]
    pub fn compare(&self) -> Option<&CompareView> {
        match self {
            MainView::Compare(view) => Some(view),
            _ => None,
        }
    }

    /// The compare view, to change, when it is shown.
    pub fn compare_mut(&mut self) -> Option<&mut CompareView> {
        match self {
            MainView::Compare(view) => Some(view),
            _ => None,
        }
    }
}
