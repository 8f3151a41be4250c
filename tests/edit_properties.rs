//! Properties of editing, on the real 見直し後 example: any sequence of edits then undoing all
//! of them gives back the original document; redoing all gives back the edited one; and no
//! edit ever makes two entities share an id.

use std::path::Path;

use koteihyo::edit::{Edit, Entity, History, ItemList, MergeKey, Parent, fresh_id};
use koteihyo::model::{Document, Id, Item, Marker, Roadblock, Severity, TimePoint, validate};
use proptest::prelude::*;

/// An edit described by numbers, turned into a real edit against the document of the moment.
#[derive(Debug, Clone)]
enum Recipe {
    Retitle(usize, String, bool),
    ShiftEntry(usize, i32),
    InsertRoadblock(usize, usize),
    InsertItem(usize, bool, usize, String),
    Remove(usize),
    MoveRoadblock(usize, usize, usize),
    MoveItem(usize, usize, bool, usize),
    EndTyping,
}

fn recipe() -> impl Strategy<Value = Recipe> {
    prop_oneof![
        (any::<usize>(), "[ぁ-ん一-龯a-z]{0,8}", any::<bool>())
            .prop_map(|(k, t, m)| Recipe::Retitle(k, t, m)),
        (any::<usize>(), -2..=2i32).prop_map(|(k, n)| Recipe::ShiftEntry(k, n)),
        (any::<usize>(), any::<usize>()).prop_map(|(k, i)| Recipe::InsertRoadblock(k, i)),
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
fn edit_for(doc: &Document, recipe: &Recipe) -> Option<(Edit, Option<MergeKey>)> {
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
        Recipe::EndTyping => return None,
    })
}

/// Every removable entity's id: domains, entries, roadblocks and items.
fn all_ids(doc: &Document) -> Vec<Id> {
    let mut ids: Vec<Id> = doc.domains.iter().map(|d| d.id.clone()).collect();
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

fn example() -> Document {
    koteihyo::io::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/roadblocks-after.ron"))
        .expect("example")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn undo_all_restores_and_redo_all_reapplies(recipes in proptest::collection::vec(recipe(), 1..24)) {
        let original = example();
        let mut doc = original.clone();
        let mut history = History::default();
        for recipe in &recipes {
            if matches!(recipe, Recipe::EndTyping) {
                history.end_merge();
                continue;
            }
            let Some((edit, key)) = edit_for(&doc, recipe) else { continue };
            history.apply(&mut doc, &edit, key).map_err(|e| TestCaseError::fail(format!("{recipe:?}: {e}")))?;
            let duplicate = validate(&doc).into_iter().find(|p| p.severity == Severity::Error && p.message.contains("more than once"));
            prop_assert!(duplicate.is_none(), "{recipe:?} made {duplicate:?}");
        }
        let edited = doc.clone();
        while history.undo(&mut doc) {}
        prop_assert_eq!(&doc, &original);
        while history.redo(&mut doc) {}
        prop_assert_eq!(&doc, &edited);
    }
}

#[test]
fn shifting_an_entry_by_a_year_moves_both_ends() {
    let mut doc = example();
    let entry = doc.domains[0].entries[0].clone();
    let mut history = History::default();
    history
        .apply(&mut doc, &Edit::ReplaceEntry(entry.shifted(1)), None)
        .expect("shift");
    let moved = &doc.domains[0].entries[0];
    assert_eq!(
        moved.start,
        TimePoint {
            year: entry.start.year.offset(1),
            ..entry.start
        }
    );
    assert_eq!(
        moved.end,
        TimePoint {
            year: entry.end.year.offset(1),
            ..entry.end
        }
    );
}
