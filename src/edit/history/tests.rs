//! Unit tests of `History`: coalescing, undo/redo, and the bounds.

use super::*;
use crate::model::{Document, Meta};

fn set_title(title: &str) -> Edit {
    Edit::SetMeta(Meta {
        title: title.into(),
        ..Meta::default()
    })
}

#[test]
fn typing_in_one_field_is_one_step() {
    let mut doc = Document::default();
    let mut history = History::default();
    let key = || Some(MergeKey("meta/title".into()));
    for title in ["倫", "倫理", "倫理審査"] {
        history
            .apply(&mut doc, &set_title(title), key())
            .expect("edit");
    }
    history.end_merge();
    history
        .apply(&mut doc, &set_title("倫理審査委員会"), key())
        .expect("edit");
    assert!(history.undo(&mut doc));
    assert_eq!(doc.meta.title, "倫理審査");
    assert!(history.undo(&mut doc));
    assert_eq!(doc, Document::default());
    assert!(!history.undo(&mut doc));
    assert!(history.redo(&mut doc));
    assert_eq!(doc.meta.title, "倫理審査");
}

#[test]
fn a_new_edit_clears_redo_and_no_op_edits_are_not_steps() {
    let mut doc = Document::default();
    let mut history = History::default();
    history
        .apply(&mut doc, &set_title("a"), None)
        .expect("edit");
    history
        .apply(&mut doc, &set_title("a"), None)
        .expect("same again");
    assert!(history.undo(&mut doc));
    assert!(
        !history.has_undo(),
        "the repeated edit changed nothing and is no step"
    );
    assert!(history.has_redo());
    history
        .apply(&mut doc, &set_title("b"), None)
        .expect("edit");
    assert!(!history.has_redo());
}

#[test]
fn history_is_bounded() {
    let mut doc = Document::default();
    let mut history = History::default();
    for n in 0..MAX_STEPS + 10 {
        history
            .apply(&mut doc, &set_title(&n.to_string()), None)
            .expect("edit");
    }
    let mut undone = 0;
    while history.undo(&mut doc) {
        undone += 1;
    }
    assert_eq!(undone, MAX_STEPS);
    assert_eq!(doc.meta.title, "9");
}

fn example() -> Document {
    crate::io::load(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/roadblocks-after.ron"),
    )
    .expect("the example loads")
}

#[test]
fn a_keystroke_keeps_one_domain_and_a_domain_move_keeps_them_all() {
    let mut doc = example();
    let mut history = History::default();
    let mut roadblock = doc.domains[3].roadblocks[0].clone();
    roadblock.title.push('！');
    history
        .apply(&mut doc, &Edit::ReplaceRoadblock(roadblock), None)
        .expect("edit");
    assert_eq!(history.kept_domains(), 1, "only ④ is kept");
    let moved = Edit::Move {
        id: doc.domains[0].id.clone(),
        to: crate::edit::Parent::Document,
        index: 2,
    };
    history.apply(&mut doc, &moved, None).expect("move");
    assert_eq!(history.kept_domains(), 1 + doc.domains.len());
    while history.undo(&mut doc) {}
    assert_eq!(doc, example());
}

#[test]
fn the_revision_returns_with_undo_and_moves_on_with_every_change() {
    let mut doc = example();
    let mut history = History::default();
    let saved = history.revision();
    history
        .apply(&mut doc, &set_title("一"), None)
        .expect("edit");
    let first = history.revision();
    assert_ne!(first, saved);
    history
        .apply(&mut doc, &set_title("二"), None)
        .expect("edit");
    assert!(history.undo(&mut doc));
    assert_eq!(history.revision(), first);
    assert!(history.undo(&mut doc));
    assert_eq!(history.revision(), saved, "back at the saved state");
    assert!(history.redo(&mut doc));
    assert_eq!(history.revision(), first);
    history
        .apply(&mut doc, &set_title("三"), None)
        .expect("edit");
    assert!(
        ![saved, first].contains(&history.revision()),
        "a new state has a new number"
    );
    let unchanged = history.revision();
    history
        .apply(&mut doc, &set_title("三"), None)
        .expect("no change");
    assert_eq!(
        history.revision(),
        unchanged,
        "an edit that changes nothing"
    );
}

#[test]
fn coalesced_edits_that_reach_another_domain_undo_exactly() {
    let original = example();
    let mut doc = original.clone();
    let mut history = History::default();
    let key = || Some(MergeKey("drag".into()));
    for index in [1, 5] {
        let mut entry = doc.domains[index].entries[0].clone();
        entry.label.push('＊');
        history
            .apply(&mut doc, &Edit::ReplaceEntry(entry), key())
            .expect("edit");
    }
    assert_eq!(history.kept_domains(), 2, "one step keeping ② and ⑥");
    assert!(history.undo(&mut doc));
    assert_eq!(doc, original);
    assert!(!history.undo(&mut doc), "it was one step");
}
