//! Properties of comparing revisions, on the real 見直し後 example changed by random edits:
//! a document equals itself; diff(a, b) and diff(b, a) are mirror images; every reported text
//! change applied to the old text gives the new one.

mod common;

use common::recipes::{Recipe, edit_for, example, recipe};
use koteihyo::diff::{Change, Status, compare, diff_text};
use koteihyo::edit::History;
use proptest::prelude::*;

/// A change without the words that depend on which side is "new" (labels and domain names are
/// taken from the new side), for comparing mirror images.
fn key(change: &Change) -> String {
    format!(
        "{:?} {:?} {:?} {:?} {:?} {:?}",
        change.entity, change.status, change.old_id, change.new_id, change.moved, change.fields
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn diff_of_edits_is_consistent(recipes in proptest::collection::vec(recipe(), 1..16)) {
        let original = example();
        let mut edited = original.clone();
        let mut history = History::default();
        for recipe in &recipes {
            if matches!(recipe, Recipe::EndTyping) {
                continue;
            }
            let Some((edit, key)) = edit_for(&edited, recipe) else { continue };
            history.apply(&mut edited, &edit, key).map_err(|e| TestCaseError::fail(e.to_string()))?;
        }
        prop_assert!(compare(&edited, &edited).is_empty());
        let forward = compare(&original, &edited);
        prop_assert_eq!(forward.is_empty(), original == edited);
        let backward = compare(&edited, &original);
        let mut mirrored: Vec<String> = forward.changes.iter().map(|c| key(&c.mirrored())).collect();
        let mut back: Vec<String> = backward.changes.iter().map(key).collect();
        mirrored.sort();
        back.sort();
        prop_assert_eq!(mirrored, back);
        for change in &forward.changes {
            for field in &change.fields {
                let recomputed = diff_text(&field.diff.old_text(), &field.diff.new_text());
                prop_assert_eq!(&recomputed, &field.diff);
                if change.status == Status::Added {
                    prop_assert_eq!(field.diff.old_text(), "");
                }
            }
        }
    }

    #[test]
    fn applying_a_text_diff_gives_the_new_text(old in "[ぁ-んァ-ン一-龯a-z0-9（）、。]{0,40}", new in "[ぁ-んァ-ン一-龯a-z0-9（）、。]{0,40}") {
        let diff = diff_text(&old, &new);
        prop_assert_eq!(diff.old_text(), old.clone());
        prop_assert_eq!(diff.new_text(), new.clone());
        prop_assert_eq!(diff.mirrored(), diff_text(&new, &old));
        prop_assert_eq!(diff.is_equal(), old == new);
    }
}
