//! Random edits for property tests: a `Recipe` is an edit described by numbers, turned into a
//! real `Edit` against the document of the moment (shared by the edit and diff properties).
#![allow(dead_code)] // each test binary uses part of it

use std::path::Path;

use koteihyo::edit::{
    Edit, Entity, ItemList, MergeKey, Parent, duplicate_domain, fresh_id, new_entry, new_note,
};
use koteihyo::model::{ColumnKind, Document, Id, Item, Marker, Roadblock};
use proptest::prelude::*;

/// An edit described by numbers, turned into a real edit against the document of the moment.
#[derive(Debug, Clone)]
pub enum Recipe {
    Retitle(usize, String, bool),
    ShiftEntry(usize, i32),
    InsertRoadblock(usize, usize),
    InsertEntry(usize, usize),
    InsertItem(usize, bool, usize, String),
    Remove(usize),
    MoveRoadblock(usize, usize, usize),
    MoveItem(usize, usize, bool, usize),
    InsertNote(String),
    ReferNote(usize, usize, bool),
    DuplicateDomain(usize, usize),
    MoveDomain(usize, usize),
    /// A batch: a new roadblock in a domain, then an item in that roadblock (the second edit
    /// names an entity only the first makes).
    AddRoadblockWithItem(usize, String),
    /// Removing the document's first text column, if it has one, or its Done column.
    RemoveColumn,
    EndTyping,
}

pub fn recipe() -> impl Strategy<Value = Recipe> {
    prop_oneof![
        (any::<usize>(), "[ぁ-ん一-龯a-z]{0,8}", any::<bool>())
            .prop_map(|(k, t, m)| Recipe::Retitle(k, t, m)),
        (any::<usize>(), -2..=2i32).prop_map(|(k, n)| Recipe::ShiftEntry(k, n)),
        (any::<usize>(), any::<usize>()).prop_map(|(k, i)| Recipe::InsertRoadblock(k, i)),
        (any::<usize>(), any::<usize>()).prop_map(|(k, y)| Recipe::InsertEntry(k, y)),
        (
            any::<usize>(),
            any::<bool>(),
            any::<usize>(),
            "[ぁ-ん]{1,6}"
        )
            .prop_map(|(k, d, i, t)| Recipe::InsertItem(k, d, i, t)),
        any::<usize>().prop_map(Recipe::Remove),
        (any::<usize>(), any::<usize>(), any::<usize>())
            .prop_map(|(k, d, i)| Recipe::MoveRoadblock(k, d, i)),
        (
            any::<usize>(),
            any::<usize>(),
            any::<bool>(),
            any::<usize>()
        )
            .prop_map(|(k, r, d, i)| Recipe::MoveItem(k, r, d, i)),
        "[ぁ-ん]{1,6}".prop_map(Recipe::InsertNote),
        (any::<usize>(), any::<usize>(), any::<bool>())
            .prop_map(|(k, n, r)| Recipe::ReferNote(k, n, r)),
        (any::<usize>(), any::<usize>()).prop_map(|(k, i)| Recipe::DuplicateDomain(k, i)),
        (any::<usize>(), any::<usize>()).prop_map(|(k, i)| Recipe::MoveDomain(k, i)),
        (any::<usize>(), "[ぁ-ん]{1,6}").prop_map(|(k, t)| Recipe::AddRoadblockWithItem(k, t)),
        Just(Recipe::RemoveColumn),
        Just(Recipe::EndTyping),
    ]
}

fn roadblocks(doc: &Document) -> Vec<&Roadblock> {
    doc.domains.iter().flat_map(|d| &d.roadblocks).collect()
}

fn pick<T>(list: &[T], k: usize) -> Option<&T> {
    (!list.is_empty()).then(|| &list[k % list.len()])
}

/// The edit a recipe makes on `doc` (None when the document has nothing it applies to).
pub fn edit_for(doc: &Document, recipe: &Recipe) -> Option<(Edit, Option<MergeKey>)> {
    let list = |done: bool| {
        if done {
            ItemList::Done
        } else {
            ItemList::Actions
        }
    };
    Some(match recipe {
        Recipe::Retitle(k, title, typing) => {
            let mut roadblock = (*pick(&roadblocks(doc), *k)?).clone();
            roadblock.title.clone_from(title);
            let key = typing.then(|| MergeKey(format!("{}/title", roadblock.id)));
            (Edit::ReplaceRoadblock(roadblock), key)
        }
        Recipe::ShiftEntry(k, years) => {
            let entries: Vec<_> = doc.domains.iter().flat_map(|d| &d.entries).collect();
            let entry = pick(&entries, *k)?.shifted(*years);
            (Edit::ReplaceEntry(entry), Some(MergeKey("drag".into())))
        }
        Recipe::InsertRoadblock(k, index) => {
            let domain = pick(&doc.domains, *k)?;
            let id = fresh_id(doc, &format!("{}.r", domain.id));
            let roadblock = Roadblock {
                id,
                scope: "共通".into(),
                title: "新しいロードブロック".into(),
                ..Roadblock::default()
            };
            (
                Edit::Insert {
                    parent: Parent::Domain(domain.id.clone()),
                    index: *index % 8,
                    entity: Entity::Roadblock(roadblock),
                },
                None,
            )
        }
        Recipe::InsertEntry(k, year) => return insert_entry(doc, *k, *year),
        Recipe::InsertItem(k, done, index, text) => {
            let roadblock = pick(&roadblocks(doc), *k).copied()?;
            let id = fresh_id(doc, &format!("{}.new", roadblock.id));
            let item = Item {
                id,
                marker: Marker::Circle,
                level: 0,
                text: text.clone(),
            };
            let parent = Parent::Roadblock(roadblock.id.clone(), list(*done));
            (
                Edit::Insert {
                    parent,
                    index: *index % 8,
                    entity: Entity::Item(item),
                },
                None,
            )
        }
        Recipe::Remove(k) => (Edit::Remove(pick(&all_ids(doc), *k)?.clone()), None),
        Recipe::MoveRoadblock(k, d, index) => {
            let roadblock = pick(&roadblocks(doc), *k).copied()?;
            let to = pick(&doc.domains, *d)?;
            (
                Edit::Move {
                    id: roadblock.id.clone(),
                    to: Parent::Domain(to.id.clone()),
                    index: *index % 8,
                },
                None,
            )
        }
        Recipe::MoveItem(k, r, done, index) => {
            let items: Vec<&Item> = roadblocks(doc)
                .into_iter()
                .flat_map(|r| r.done.iter().chain(&r.actions))
                .collect();
            let item = pick(&items, *k)?;
            let to = pick(&roadblocks(doc), *r).copied()?;
            (
                Edit::Move {
                    id: item.id.clone(),
                    to: Parent::Roadblock(to.id.clone(), list(*done)),
                    index: *index % 8,
                },
                None,
            )
        }
        Recipe::InsertNote(_) | Recipe::ReferNote(..) => return note_edit(doc, recipe),
        Recipe::DuplicateDomain(..)
        | Recipe::MoveDomain(..)
        | Recipe::AddRoadblockWithItem(..)
        | Recipe::RemoveColumn => return structural_edit(doc, recipe),
        Recipe::EndTyping => return None,
    })
}

/// A note added at the end, or a reference from an entry or roadblock to a note.
fn note_edit(doc: &Document, recipe: &Recipe) -> Option<(Edit, Option<MergeKey>)> {
    let edit = match recipe {
        Recipe::InsertNote(text) => Edit::Insert {
            parent: Parent::Document,
            index: doc.notes.len(),
            entity: Entity::Note(new_note(doc, text)),
        },
        Recipe::ReferNote(k, n, on_roadblock) => {
            let on = if *on_roadblock {
                pick(&roadblocks(doc), *k)?.id.clone()
            } else {
                let entries: Vec<_> = doc.domains.iter().flat_map(|d| &d.entries).collect();
                pick(&entries, *k)?.id.clone()
            };
            let note = pick(&doc.notes, *n)?.id.clone();
            Edit::AddNoteReference { on, note }
        }
        _ => return None,
    };
    Some((edit, None))
}

/// Edits of the document's structure: domains copied and moved, a batch, a column removed.
fn structural_edit(doc: &Document, recipe: &Recipe) -> Option<(Edit, Option<MergeKey>)> {
    let edit = match recipe {
        Recipe::DuplicateDomain(k, index) => Edit::Insert {
            parent: Parent::Document,
            index: index % (doc.domains.len() + 1),
            entity: Entity::Domain(duplicate_domain(doc, pick(&doc.domains, *k)?)),
        },
        Recipe::MoveDomain(k, index) => Edit::Move {
            id: pick(&doc.domains, *k)?.id.clone(),
            to: Parent::Document,
            index: index % doc.domains.len().max(1),
        },
        Recipe::AddRoadblockWithItem(k, text) => {
            let domain = pick(&doc.domains, *k)?;
            let id = fresh_id(doc, &format!("{}.r", domain.id));
            let item = Item {
                id: Id::new(format!("{id}.i")),
                marker: Marker::Circle,
                level: 0,
                text: text.clone(),
            };
            Edit::Batch(vec![
                Edit::Insert {
                    parent: Parent::Domain(domain.id.clone()),
                    index: 0,
                    entity: Entity::Roadblock(Roadblock {
                        id: id.clone(),
                        title: text.clone(),
                        ..Roadblock::default()
                    }),
                },
                Edit::Insert {
                    parent: Parent::Roadblock(id, ItemList::Done),
                    index: 0,
                    entity: Entity::Item(item),
                },
            ])
        }
        Recipe::RemoveColumn => {
            let column = doc
                .columns
                .iter()
                .find(|c| c.kind.text_id().is_some())
                .or_else(|| doc.columns.iter().find(|c| c.kind == ColumnKind::Done))?;
            Edit::RemoveColumn(column.kind.clone())
        }
        _ => return None,
    };
    Some((edit, None))
}

/// A one-year arrow in one of the timeline's years, as a right-click on the grid adds it.
fn insert_entry(doc: &Document, k: usize, year: usize) -> Option<(Edit, Option<MergeKey>)> {
    let domain = pick(&doc.domains, k)?;
    let years = usize::from(doc.timeline.years.max(1));
    let year = doc.timeline.first_year.0 + (year % years) as i32;
    let entry = new_entry(doc, &domain.id, year, Vec::new(), "新しい工程");
    Some((
        Edit::Insert {
            parent: Parent::Domain(domain.id.clone()),
            index: domain.entries.len(),
            entity: Entity::Entry(entry),
        },
        None,
    ))
}

/// Every removable entity's id: domains, entries, roadblocks, items and notes.
pub fn all_ids(doc: &Document) -> Vec<Id> {
    let mut ids: Vec<Id> = doc.domains.iter().map(|d| d.id.clone()).collect();
    ids.extend(doc.notes.iter().map(|n| n.id.clone()));
    for domain in &doc.domains {
        ids.extend(domain.entries.iter().map(|e| e.id.clone()));
        for roadblock in &domain.roadblocks {
            ids.push(roadblock.id.clone());
            ids.extend(
                roadblock
                    .done
                    .iter()
                    .chain(&roadblock.actions)
                    .map(|i| i.id.clone()),
            );
        }
    }
    ids
}

pub fn example() -> Document {
    koteihyo::io::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/roadblocks-after.ron"))
        .expect("example")
}
