//! Comparing two revisions: the 見直し後 example against a copy changed by a sequence of edits
//! decoded from the fuzzer's bytes (retitles with arbitrary text, entries shifted, roadblocks and
//! items inserted, removed and moved — the recipes of the property tests). Both directions, the
//! text report and the 新旧対照表 rows must never panic; a document equals itself; the two
//! directions must be exact mirror images; every text diff must give back both texts.
#![no_main]

#[path = "../../tests/common/recipes.rs"]
mod recipes;

use std::sync::OnceLock;

use koteihyo::diff::{Change, compare, diff_text, report, table};
use koteihyo::edit::History;
use koteihyo::model::Document;
use libfuzzer_sys::fuzz_target;
use recipes::{Recipe, edit_for};

/// The example, parsed once.
fn example() -> &'static Document {
    static EXAMPLE: OnceLock<Document> = OnceLock::new();
    EXAMPLE.get_or_init(|| {
        koteihyo::io::parse_ron(include_str!("../../examples/roadblocks-after.ron"))
            .expect("the example loads")
    })
}

/// Reads recipes from the fuzzer's bytes.
struct Decoder<'a>(&'a [u8]);

impl Decoder<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (&first, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(first)
    }

    fn number(&mut self) -> Option<usize> {
        Some(usize::from(self.byte()?) | usize::from(self.byte()?) << 8)
    }

    /// A text of up to 255 bytes, any UTF-8 (invalid bytes become U+FFFD).
    fn text(&mut self) -> Option<String> {
        let length = usize::from(self.byte()?).min(self.0.len());
        let (text, rest) = self.0.split_at(length);
        self.0 = rest;
        Some(String::from_utf8_lossy(text).into_owned())
    }

    fn recipe(&mut self) -> Option<Recipe> {
        Some(match self.byte()? % 8 {
            0 => Recipe::Retitle(self.number()?, self.text()?, self.byte()? & 1 == 0),
            1 => Recipe::ShiftEntry(self.number()?, i32::from(self.byte()? % 5) - 2),
            2 => Recipe::InsertRoadblock(self.number()?, self.number()?),
            3 => Recipe::InsertItem(
                self.number()?,
                self.byte()? & 1 == 0,
                self.number()?,
                self.text()?,
            ),
            4 => Recipe::Remove(self.number()?),
            5 => Recipe::MoveRoadblock(self.number()?, self.number()?, self.number()?),
            6 => Recipe::MoveItem(
                self.number()?,
                self.number()?,
                self.byte()? & 1 == 0,
                self.number()?,
            ),
            _ => Recipe::EndTyping,
        })
    }
}

/// A change without the words taken from the side called new, for comparing mirror images.
fn key(change: &Change) -> String {
    format!(
        "{:?} {:?} {:?} {:?} {:?} {:?}",
        change.entity, change.status, change.old_id, change.new_id, change.moved, change.fields
    )
}

fuzz_target!(|data: &[u8]| {
    let original = example();
    let mut edited = original.clone();
    let mut history = History::default();
    let mut decoder = Decoder(data);
    for _ in 0..32 {
        let Some(recipe) = decoder.recipe() else { break };
        if matches!(recipe, Recipe::EndTyping) {
            continue;
        }
        let Some((edit, key)) = edit_for(&edited, &recipe) else { continue };
        history.apply(&mut edited, &edit, key).expect("a recipe's edit applies");
    }
    assert!(compare(&edited, &edited).is_empty(), "a document differs from itself");
    let forward = compare(original, &edited);
    let backward = compare(&edited, original);
    let mut mirrored: Vec<String> = forward.changes.iter().map(|c| key(&c.mirrored())).collect();
    let mut back: Vec<String> = backward.changes.iter().map(key).collect();
    mirrored.sort();
    back.sort();
    assert_eq!(mirrored, back, "the two directions are not mirror images");
    for change in &forward.changes {
        for field in &change.fields {
            let (old, new) = (field.diff.old_text(), field.diff.new_text());
            assert_eq!(diff_text(&old, &new), field.diff, "a text diff is not reproducible");
        }
    }
    let _ = report::to_text(&forward);
    let _ = table::build(original, &edited, &forward, data.first().is_some_and(|b| b & 1 == 0));
    let _ = table::build(&edited, original, &backward, true);
});
