//! The actions on a roadblock row or a timeline entry — add below, duplicate, move, delete —
//! shared by the details panel's buttons and the grid's right-click menus, so one place builds
//! their edits.

use crate::edit::{Edit, Entity, Parent, duplicate_entry, duplicate_roadblock, new_roadblock};
use crate::model::{Document, Domain, Roadblock, TimelineEntry};
use crate::ui::command::Command;
use crate::ui::i18n::{Key, Lang, tr};
use crate::ui::selection::Selection;

/// An action on a roadblock row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowAction {
    /// Add a new roadblock below, with the same scope.
    AddBelow,
    /// Insert a copy below, with fresh ids.
    Duplicate,
    /// Move one row up.
    MoveUp,
    /// Move one row down.
    MoveDown,
    /// Delete the roadblock.
    Delete,
}

/// An action on a timeline entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryAction {
    /// Insert a copy after it, with a fresh id.
    Duplicate,
    /// Draw it one place earlier in its domain's stacking order.
    MoveUp,
    /// Draw it one place later.
    MoveDown,
    /// Delete the entry.
    Delete,
}

/// What the selection becomes after an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Then {
    /// Unchanged.
    Keep,
    /// The new entity.
    Select(Selection),
    /// Nothing (the selected entity is gone).
    Deselect,
}

impl RowAction {
    /// The button or menu label.
    #[must_use]
    pub fn label(self) -> Key {
        match self {
            RowAction::AddBelow => Key::AddRoadblock,
            RowAction::Duplicate => Key::Duplicate,
            RowAction::MoveUp => Key::MoveUp,
            RowAction::MoveDown => Key::MoveDown,
            RowAction::Delete => Key::DeleteRoadblock,
        }
    }

    /// Whether the action changes anything for `roadblock` (a first row cannot move up …).
    #[must_use]
    pub fn applies(self, domain: &Domain, roadblock: &Roadblock) -> bool {
        let index = domain.row_of(&roadblock.id).unwrap_or(0);
        match self {
            RowAction::MoveUp => index > 0,
            RowAction::MoveDown => index + 1 < domain.roadblocks.len(),
            RowAction::AddBelow | RowAction::Duplicate | RowAction::Delete => true,
        }
    }

    /// The edit the action makes, and the selection after it.
    #[must_use]
    pub fn edit(
        self,
        document: &Document,
        domain: &Domain,
        roadblock: &Roadblock,
        lang: Lang,
    ) -> (Edit, Then) {
        let index = domain.row_of(&roadblock.id).unwrap_or(0);
        let parent = Parent::Domain(domain.id.clone());
        let insert = |new: Roadblock| {
            let then = Then::Select(Selection::Roadblock(new.id.clone()));
            (
                Edit::Insert {
                    parent: parent.clone(),
                    index: index + 1,
                    entity: Entity::Roadblock(new),
                },
                then,
            )
        };
        let moved = |to: usize| {
            (
                Edit::Move {
                    id: roadblock.id.clone(),
                    to: parent.clone(),
                    index: to,
                },
                Then::Keep,
            )
        };
        match self {
            RowAction::AddBelow => insert(new_roadblock(
                document,
                &domain.id,
                &roadblock.scope,
                tr(lang, Key::NewRoadblockTitle),
            )),
            RowAction::Duplicate => insert(duplicate_roadblock(document, &domain.id, roadblock)),
            RowAction::MoveUp => moved(index.saturating_sub(1)),
            RowAction::MoveDown => moved(index + 1),
            RowAction::Delete => (Edit::Remove(roadblock.id.clone()), Then::Deselect),
        }
    }
}

impl EntryAction {
    /// The button or menu label.
    #[must_use]
    pub fn label(self) -> Key {
        match self {
            EntryAction::Duplicate => Key::Duplicate,
            EntryAction::MoveUp => Key::MoveUp,
            EntryAction::MoveDown => Key::MoveDown,
            EntryAction::Delete => Key::Delete,
        }
    }

    /// Whether the action changes anything for `entry`.
    #[must_use]
    pub fn applies(self, domain: &Domain, entry: &TimelineEntry) -> bool {
        let index = domain
            .entries
            .iter()
            .position(|e| e.id == entry.id)
            .unwrap_or(0);
        match self {
            EntryAction::MoveUp => index > 0,
            EntryAction::MoveDown => index + 1 < domain.entries.len(),
            EntryAction::Duplicate | EntryAction::Delete => true,
        }
    }

    /// The edit the action makes, and the selection after it.
    #[must_use]
    pub fn edit(self, document: &Document, domain: &Domain, entry: &TimelineEntry) -> (Edit, Then) {
        let index = domain
            .entries
            .iter()
            .position(|e| e.id == entry.id)
            .unwrap_or(0);
        let parent = Parent::Domain(domain.id.clone());
        let moved = |to: usize| {
            (
                Edit::Move {
                    id: entry.id.clone(),
                    to: parent.clone(),
                    index: to,
                },
                Then::Keep,
            )
        };
        match self {
            EntryAction::Duplicate => {
                let copy = duplicate_entry(document, &domain.id, entry);
                let then = Then::Select(Selection::Entry(copy.id.clone()));
                (
                    Edit::Insert {
                        parent: parent.clone(),
                        index: index + 1,
                        entity: Entity::Entry(copy),
                    },
                    then,
                )
            }
            EntryAction::MoveUp => moved(index.saturating_sub(1)),
            EntryAction::MoveDown => moved(index + 1),
            EntryAction::Delete => (Edit::Remove(entry.id.clone()), Then::Deselect),
        }
    }
}

/// The 編集 menu's commands on the selection: the row actions for a selected roadblock, the
/// bar actions for a selected bar; `None` when the command does not apply.
#[must_use]
pub fn selection_edit(
    document: &Document,
    selection: &Selection,
    command: Command,
    lang: Lang,
) -> Option<(Edit, Then)> {
    match selection {
        Selection::Roadblock(id) => {
            let (domain, roadblock) = document
                .domains
                .iter()
                .find_map(|d| d.roadblock(id).map(|r| (d, r)))?;
            let action = match command {
                Command::AddBelow => RowAction::AddBelow,
                Command::Duplicate => RowAction::Duplicate,
                Command::MoveUp => RowAction::MoveUp,
                Command::MoveDown => RowAction::MoveDown,
                Command::Delete => RowAction::Delete,
                _ => return None,
            };
            action
                .applies(domain, roadblock)
                .then(|| action.edit(document, domain, roadblock, lang))
        }
        Selection::Entry(id) => {
            let (domain, entry) = document
                .domains
                .iter()
                .find_map(|d| d.entries.iter().find(|e| &e.id == id).map(|e| (d, e)))?;
            let action = match command {
                Command::Duplicate => EntryAction::Duplicate,
                Command::MoveUp => EntryAction::MoveUp,
                Command::MoveDown => EntryAction::MoveDown,
                Command::Delete => EntryAction::Delete,
                _ => return None,
            };
            action
                .applies(domain, entry)
                .then(|| action.edit(document, domain, entry))
        }
        Selection::Domain(_) | Selection::Item(_) => None,
    }
}
