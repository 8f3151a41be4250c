//! Properties of editing, on the real 見直し後 example: any sequence of edits then undoing all
//! of them gives back the original document; redoing all gives back the edited one; and no
//! edit ever makes two entities share an id.

use crate::common;

use common::recipes::{Recipe, edit_for, example, recipe};
use koteihyo::edit::{Edit, History};
use koteihyo::model::{Severity, TimePoint, Validation, validate};
use proptest::prelude::*;

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
            let duplicate = validate(&doc).into_iter().find(|p| p.severity == Severity::Error && p.is_repeated_id());
            prop_assert!(duplicate.is_none(), "{recipe:?} made {duplicate:?}");
        }
        let edited = doc.clone();
        while history.undo(&mut doc) {}
        prop_assert_eq!(&doc, &original);
        while history.redo(&mut doc) {}
        prop_assert_eq!(&doc, &edited);
    }

    /// The window's validation, which checks again only the domains an edit changed, finds
    /// what validating the whole document finds, after every edit, undo and redo.
    #[test]
    fn validation_after_each_edit_is_validation_of_the_whole(
        recipes in proptest::collection::vec(recipe(), 1..24),
        undo_every in 2..6usize,
    ) {
        let mut doc = example();
        let mut history = History::default();
        let mut validation = Validation::default();
        prop_assert_eq!(validation.run(&doc), validate(&doc));
        for (step, recipe) in recipes.iter().enumerate() {
            if let Some((edit, key)) = edit_for(&doc, recipe) {
                history.apply(&mut doc, &edit, key).map_err(|e| TestCaseError::fail(format!("{recipe:?}: {e}")))?;
                prop_assert_eq!(validation.run(&doc), validate(&doc), "after {:?}", recipe);
            }
            if step % undo_every == 0 && history.undo(&mut doc) {
                prop_assert_eq!(validation.run(&doc), validate(&doc), "after undoing");
                if step % 2 == 0 && history.redo(&mut doc) {
                    prop_assert_eq!(validation.run(&doc), validate(&doc), "after redoing");
                }
            }
        }
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
