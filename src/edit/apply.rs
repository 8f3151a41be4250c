//! The edits and the one function that applies them.

use std::collections::BTreeMap;

use crate::model::{
    CellOwner, Column, ColumnKind, Document, Domain, Footnote, Id, Item, Legend, Meta, Note,
    Roadblock, Timeline, TimelineEntry,
};

/// Which list of a roadblock an item is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemList {
    /// 着手・対応済みの事項.
    Done,
    /// 取組事項.
    Actions,
}

/// Where an inserted or moved entity goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parent {
    /// The document: for domains and notes.
    Document,
    /// A domain: for roadblocks and timeline entries.
    Domain(Id),
    /// A roadblock's list: for items.
    Roadblock(Id, ItemList),
}

/// An entity with its children, as inserted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entity {
    /// A domain.
    Domain(Domain),
    /// A roadblock.
    Roadblock(Roadblock),
    /// A done or action item.
    Item(Item),
    /// A timeline entry.
    Entry(TimelineEntry),
    /// A numbered note (its number is its position among the document's notes).
    Note(Note),
}

impl Entity {
    fn id(&self) -> &Id {
        match self {
            Entity::Domain(d) => &d.id,
            Entity::Roadblock(r) => &r.id,
            Entity::Item(i) => &i.id,
            Entity::Entry(e) => &e.id,
            Entity::Note(n) => &n.id,
        }
    }
}

/// A change to a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Replace the cover metadata.
    SetMeta(Meta),
    /// Replace the category legend.
    SetLegend(Legend),
    /// Replace the table columns (cells of text columns left out stay in the document: use
    /// [`Edit::RemoveColumn`] to remove a text column with its cells).
    SetColumns(Vec<Column>),
    /// Insert a column (whose kind the document does not show yet) at `index` of the columns
    /// (clamped to the end).
    InsertColumn {
        /// Position among the columns before the fiscal years.
        index: usize,
        /// The column.
        column: Column,
    },
    /// Remove a column; for a text column also every cell it holds and the domains' header
    /// overrides naming it (undo brings them back with the rest of the document).
    RemoveColumn(ColumnKind),
    /// Rename a column.
    SetColumnHeader {
        /// The column.
        kind: ColumnKind,
        /// Its new header.
        header: String,
    },
    /// Resize a column: its width in characters, or `None` for its natural width.
    SetColumnWidth {
        /// The column.
        kind: ColumnKind,
        /// Its new width.
        width: Option<u16>,
    },
    /// Set the text of a text column's cell on a domain or roadblock; an empty text removes it.
    SetCell {
        /// The domain or roadblock.
        owner: Id,
        /// The text column's id.
        column: Id,
        /// The cell's text.
        text: String,
    },
    /// Replace the timeline settings (entries keep their fiscal years).
    SetTimeline(Timeline),
    /// Replace a domain's own fields, keeping its roadblocks and entries.
    SetDomainHeader {
        /// The domain.
        id: Id,
        /// Its number (①…).
        number: u32,
        /// Its name.
        name: String,
        /// Its column header overrides.
        header_overrides: BTreeMap<ColumnKind, String>,
        /// Its footnotes.
        footnotes: Vec<Footnote>,
    },
    /// Replace the roadblock with the same id (its items included).
    ReplaceRoadblock(Roadblock),
    /// Replace the item with the same id.
    ReplaceItem(Item),
    /// Replace the timeline entry with the same id.
    ReplaceEntry(TimelineEntry),
    /// Replace the note with the same id.
    ReplaceNote(Note),
    /// Make entry or roadblock `on` refer to `note` (after its other marks; nothing if it
    /// already does).
    AddNoteReference {
        /// The entry or roadblock.
        on: Id,
        /// The note, which must exist.
        note: Id,
    },
    /// Make entry or roadblock `on` stop referring to `note`.
    RemoveNoteReference {
        /// The entry or roadblock.
        on: Id,
        /// The note.
        note: Id,
    },
    /// Insert an entity (whose id must be new) at `index` of `parent` (clamped to the end).
    Insert {
        /// Where.
        parent: Parent,
        /// Position in the parent's list.
        index: usize,
        /// What.
        entity: Entity,
    },
    /// Remove the entity with this id, with its children; entries stop spanning a removed
    /// roadblock, and entries and roadblocks stop referring to a removed note.
    Remove(Id),
    /// Move the entity with this id to `index` of `to` (clamped), keeping its id.
    Move {
        /// What.
        id: Id,
        /// Where to.
        to: Parent,
        /// Position in the new parent's list, counted after removing it from the old one.
        index: usize,
    },
    /// Several edits as one: all apply, or none.
    Batch(Vec<Edit>),
}

/// Why an edit could not be applied. The document is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// No entity has this id (or not of the kind the edit needs).
    #[error("nothing with id \"{0}\" to change")]
    UnknownId(Id),
    /// An inserted entity's id is already used.
    #[error("the id \"{0}\" is already used")]
    DuplicateId(Id),
    /// The entity cannot go into that parent (a roadblock into a roadblock …).
    #[error("\"{0}\" cannot be placed there")]
    WrongParent(Id),
    /// The document does not show this column.
    #[error("the document has no column {0:?}")]
    UnknownColumn(ColumnKind),
    /// The document already shows this column.
    #[error("the document already has the column {0:?}")]
    DuplicateColumn(ColumnKind),
    /// The text column's cells belong to the other kind of owner (domains or roadblock rows).
    #[error("\"{owner}\" has no cell in the column \"{column}\"")]
    NotACellOwner {
        /// The text column's id.
        column: Id,
        /// The domain or roadblock.
        owner: Id,
    },
}

/// Inserts a text column at `index` (or last), unless the document has one of its kind.
fn insert_column(document: &mut Document, index: usize, column: &Column) -> Result<(), EditError> {
    if document.column(&column.kind).is_some() {
        return Err(EditError::DuplicateColumn(column.kind.clone()));
    }
    let index = index.min(document.columns.len());
    document.columns.insert(index, column.clone());
    Ok(())
}

/// Refers to `note` from the entry or roadblock `on` (once).
fn add_note_reference(document: &mut Document, on: &Id, note: &Id) -> Result<(), EditError> {
    if document.note_number(note).is_none() {
        return Err(EditError::UnknownId(note.clone()));
    }
    let notes = references_mut(document, on)?;
    if !notes.contains(note) {
        notes.push(note.clone());
    }
    Ok(())
}

/// Applies `edit` to `document`. On error the document is unchanged.
pub fn apply(document: &mut Document, edit: &Edit) -> Result<(), EditError> {
    match edit {
        Edit::SetMeta(meta) => document.meta = meta.clone(),
        Edit::SetLegend(legend) => document.legend = legend.clone(),
        Edit::SetColumns(columns) => document.columns.clone_from(columns),
        Edit::SetTimeline(timeline) => document.timeline = timeline.clone(),
        Edit::InsertColumn { index, column } => insert_column(document, *index, column)?,
        Edit::RemoveColumn(kind) => {
            let index = column_index(document, kind)?;
            document.columns.remove(index);
            forget_column(document, kind);
        }
        Edit::SetColumnHeader { kind, header } => {
            let index = column_index(document, kind)?;
            document.columns[index].header.clone_from(header);
        }
        Edit::SetColumnWidth { kind, width } => {
            let index = column_index(document, kind)?;
            document.columns[index].width = *width;
        }
        Edit::SetCell {
            owner,
            column,
            text,
        } => set_cell(document, owner, column, text)?,
        Edit::SetDomainHeader {
            id,
            number,
            name,
            header_overrides,
            footnotes,
        } => {
            let domain = domain_mut(document, id)?;
            domain.number = *number;
            domain.name.clone_from(name);
            domain.header_overrides.clone_from(header_overrides);
            domain.footnotes.clone_from(footnotes);
        }
        Edit::ReplaceRoadblock(new) => *roadblock_mut(document, &new.id)? = new.clone(),
        Edit::ReplaceItem(new) => *item_mut(document, &new.id)? = new.clone(),
        Edit::ReplaceEntry(new) => *entry_mut(document, &new.id)? = new.clone(),
        Edit::ReplaceNote(new) => {
            *document
                .notes
                .iter_mut()
                .find(|n| n.id == new.id)
                .ok_or_else(|| EditError::UnknownId(new.id.clone()))? = new.clone();
        }
        Edit::AddNoteReference { on, note } => add_note_reference(document, on, note)?,
        Edit::RemoveNoteReference { on, note } => {
            references_mut(document, on)?.retain(|n| n != note);
        }
        Edit::Insert {
            parent,
            index,
            entity,
        } => {
            if id_exists(document, entity.id()) {
                return Err(EditError::DuplicateId(entity.id().clone()));
            }
            insert(document, parent, *index, entity.clone())?;
        }
        Edit::Remove(id) => {
            let (from, entity) = take(document, id)?;
            forget_row(document, &from, id);
            if let Entity::Note(_) = entity {
                forget_note(document, id);
            }
        }
        Edit::Move { id, to, index } => {
            let mut moved = document.clone();
            let (from, entity) = take(&mut moved, id)?;
            insert(&mut moved, to, *index, entity)?;
            if &from != to {
                forget_row(&mut moved, &from, id);
            }
            *document = moved;
        }
        Edit::Batch(edits) => {
            let mut changed = document.clone();
            for edit in edits {
                apply(&mut changed, edit)?;
            }
            *document = changed;
        }
    }
    Ok(())
}

fn column_index(document: &Document, kind: &ColumnKind) -> Result<usize, EditError> {
    document
        .columns
        .iter()
        .position(|c| &c.kind == kind)
        .ok_or_else(|| EditError::UnknownColumn(kind.clone()))
}

/// After a column left the document: its cells and the header overrides naming it go too.
fn forget_column(document: &mut Document, kind: &ColumnKind) {
    let id = kind.text_id();
    for domain in &mut document.domains {
        // Only the domains that name the column are changed (and so copied).
        let names = domain.header_overrides.contains_key(kind)
            || id.is_some_and(|id| {
                domain.cells.contains_key(id)
                    || domain.roadblocks.iter().any(|r| r.cells.contains_key(id))
            });
        if !names {
            continue;
        }
        let domain = &mut **domain;
        domain.header_overrides.remove(kind);
        if let Some(id) = kind.text_id() {
            domain.cells.remove(id);
            for roadblock in &mut domain.roadblocks {
                roadblock.cells.remove(id);
            }
        }
    }
}

fn set_cell(document: &mut Document, owner: &Id, column: &Id, text: &str) -> Result<(), EditError> {
    let Some(definition) = document.text_column(column) else {
        return Err(EditError::UnknownColumn(ColumnKind::Text(column.clone())));
    };
    let wrong_owner = || EditError::NotACellOwner {
        column: column.clone(),
        owner: owner.clone(),
    };
    let cells = match definition.owner {
        CellOwner::Domain => {
            &mut domain_mut(document, owner)
                .map_err(|_| wrong_owner())?
                .cells
        }
        CellOwner::Roadblock => {
            &mut roadblock_mut(document, owner)
                .map_err(|_| wrong_owner())?
                .cells
        }
    };
    if text.is_empty() {
        cells.remove(column);
    } else {
        cells.insert(column.clone(), text.to_owned());
    }
    Ok(())
}

/// The domain that is or holds `id`, to be changed. It alone is copied when the document
/// shares it with another version (finding the entity by walking every domain mutably would
/// copy each domain walked).
fn holder_mut<'a>(document: &'a mut Document, id: &Id) -> Result<&'a mut Domain, EditError> {
    first_domain_mut(document, id, |d| d.holds(id))
}

/// The first domain `found` (searched without changing any), to be changed; `UnknownId(id)`
/// when there is none.
fn first_domain_mut<'a>(
    document: &'a mut Document,
    id: &Id,
    found: impl Fn(&Domain) -> bool,
) -> Result<&'a mut Domain, EditError> {
    let index = document
        .domains
        .iter()
        .position(|d| found(d))
        .ok_or_else(|| EditError::UnknownId(id.clone()))?;
    Ok(&mut *document.domains[index])
}

fn roadblock_mut<'a>(document: &'a mut Document, id: &Id) -> Result<&'a mut Roadblock, EditError> {
    holder_mut(document, id)?
        .roadblocks
        .iter_mut()
        .find(|r| &r.id == id)
        .ok_or_else(|| EditError::UnknownId(id.clone()))
}

fn item_mut<'a>(document: &'a mut Document, id: &Id) -> Result<&'a mut Item, EditError> {
    holder_mut(document, id)?
        .roadblocks
        .iter_mut()
        .flat_map(|r| r.done.iter_mut().chain(r.actions.iter_mut()))
        .find(|i| &i.id == id)
        .ok_or_else(|| EditError::UnknownId(id.clone()))
}

fn entry_mut<'a>(document: &'a mut Document, id: &Id) -> Result<&'a mut TimelineEntry, EditError> {
    holder_mut(document, id)?
        .entries
        .iter_mut()
        .find(|e| &e.id == id)
        .ok_or_else(|| EditError::UnknownId(id.clone()))
}

/// The note references of the entry or roadblock with this id.
fn references_mut<'a>(document: &'a mut Document, id: &Id) -> Result<&'a mut Vec<Id>, EditError> {
    let d = holder_mut(document, id)?;
    let found = d
        .entries
        .iter_mut()
        .find(|e| &e.id == id)
        .map(|e| &mut e.notes)
        .or_else(|| {
            d.roadblocks
                .iter_mut()
                .find(|r| &r.id == id)
                .map(|r| &mut r.notes)
        });
    found.ok_or_else(|| EditError::UnknownId(id.clone()))
}

/// After a note was removed, nothing refers to it.
fn forget_note(document: &mut Document, id: &Id) {
    let refers = |notes: &Vec<Id>| notes.contains(id);
    for domain in &mut document.domains {
        // Only the domains that refer to the note are changed (and so copied).
        let domain_refers = domain.entries.iter().any(|e| refers(&e.notes))
            || domain.roadblocks.iter().any(|r| refers(&r.notes));
        if !domain_refers {
            continue;
        }
        let domain = &mut **domain;
        for notes in domain
            .entries
            .iter_mut()
            .map(|e| &mut e.notes)
            .chain(domain.roadblocks.iter_mut().map(|r| &mut r.notes))
        {
            notes.retain(|n| n != id);
        }
    }
}

/// Whether any domain, roadblock, item, entry, footnote or note has this id.
#[must_use]
pub(crate) fn id_exists(document: &Document, id: &Id) -> bool {
    document.notes.iter().any(|n| &n.id == id) || document.domains.iter().any(|d| d.holds(id))
}

fn insert(
    document: &mut Document,
    parent: &Parent,
    index: usize,
    entity: Entity,
) -> Result<(), EditError> {
    fn put<T>(list: &mut Vec<T>, index: usize, value: T) {
        let index = index.min(list.len());
        list.insert(index, value);
    }
    match (parent, entity) {
        (Parent::Document, Entity::Domain(domain)) => {
            put(&mut document.domains, index, domain.into());
        }
        (Parent::Document, Entity::Note(note)) => put(&mut document.notes, index, note),
        (Parent::Domain(id), Entity::Roadblock(roadblock)) => {
            put(&mut domain_mut(document, id)?.roadblocks, index, roadblock);
        }
        (Parent::Domain(id), Entity::Entry(entry)) => {
            put(&mut domain_mut(document, id)?.entries, index, entry);
        }
        (Parent::Roadblock(id, list), Entity::Item(item)) => {
            let roadblock = roadblock_mut(document, id)?;
            let items = match list {
                ItemList::Done => &mut roadblock.done,
                ItemList::Actions => &mut roadblock.actions,
            };
            put(items, index, item);
        }
        (_, entity) => return Err(EditError::WrongParent(entity.id().clone())),
    }
    Ok(())
}

fn domain_mut<'a>(document: &'a mut Document, id: &Id) -> Result<&'a mut Domain, EditError> {
    first_domain_mut(document, id, |d| &d.id == id)
}

/// After a roadblock left domain `from`, that domain's entries stop spanning its row.
fn forget_row(document: &mut Document, from: &Parent, id: &Id) {
    if let Parent::Domain(domain_id) = from
        && let Ok(domain) = domain_mut(document, domain_id)
    {
        for entry in &mut domain.entries {
            entry.rows.retain(|row| row != id);
        }
    }
}

/// Removes the entity with `id`; returns where it was and what it was.
fn take(document: &mut Document, id: &Id) -> Result<(Parent, Entity), EditError> {
    if let Some(index) = document.domains.iter().position(|d| &d.id == id) {
        return Ok((
            Parent::Document,
            Entity::Domain(document.domains.remove(index).into_inner()),
        ));
    }
    if let Some(index) = document.notes.iter().position(|n| &n.id == id) {
        return Ok((Parent::Document, Entity::Note(document.notes.remove(index))));
    }
    if let Ok(domain) = holder_mut(document, id) {
        if let Some(index) = domain.roadblocks.iter().position(|r| &r.id == id) {
            let roadblock = domain.roadblocks.remove(index);
            return Ok((
                Parent::Domain(domain.id.clone()),
                Entity::Roadblock(roadblock),
            ));
        }
        if let Some(index) = domain.entries.iter().position(|e| &e.id == id) {
            return Ok((
                Parent::Domain(domain.id.clone()),
                Entity::Entry(domain.entries.remove(index)),
            ));
        }
        for roadblock in &mut domain.roadblocks {
            for (list, items) in [
                (ItemList::Done, &mut roadblock.done),
                (ItemList::Actions, &mut roadblock.actions),
            ] {
                if let Some(index) = items.iter().position(|i| &i.id == id) {
                    return Ok((
                        Parent::Roadblock(roadblock.id.clone(), list),
                        Entity::Item(items.remove(index)),
                    ));
                }
            }
        }
    }
    Err(EditError::UnknownId(id.clone()))
}

#[cfg(test)]
mod note_tests;
#[cfg(test)]
mod sharing_tests;
#[cfg(test)]
mod tests;
