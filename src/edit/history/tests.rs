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
