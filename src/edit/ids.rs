//! New ids for entities created in the editor.
//!
//! A new id must never be one that another revision of the same roadmap uses or used: the
//! comparison of revisions pairs entities by id, so a new bar that took the id of a bar deleted
//! in the previous revision would be shown as that bar changed, not as （新設） and （削る）.
//! A document does not know its other revisions (見直し前 and 見直し後 are separate files, the
//! examples even transcribed by hand), so new ids cannot collide by construction: a prefix that
//! says what the entity is (`d7.t`) and a random word (`d7.t-k3f9x2`), checked against the
//! document too. 36⁶ ≈ 2·10⁹ words: two revisions of a roadmap with 10,000 new ids each share one
//! by chance with odds of about 1 in 20,000.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hasher};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::model::{Document, Domain, Id, Roadblock, TimelineEntry};

/// Hands out new ids: unused in the document and not handed out before (a copy being built is
/// not in the document yet, so its ids must not collide with each other either).
pub struct IdAllocator<'a> {
    document: &'a Document,
    taken: HashSet<Id>,
}

impl<'a> IdAllocator<'a> {
    /// An allocator for ids new to `document`.
    #[must_use]
    pub fn new(document: &'a Document) -> Self {
        Self {
            document,
            taken: HashSet::new(),
        }
    }

    /// Also avoid these ids (e.g. items added to a list not yet in the document).
    pub fn avoid<'i>(&mut self, ids: impl IntoIterator<Item = &'i Id>) {
        self.taken.extend(ids.into_iter().cloned());
    }

    /// A new id `PREFIX-xxxxxx` (a random word of six letters and digits), neither in the
    /// document nor handed out before.
    pub fn next(&mut self, prefix: &str) -> Id {
        self.next_from(prefix, random_word)
    }

    /// [`next`](Self::next) with the words from `word` (tests give words that collide).
    fn next_from(&mut self, prefix: &str, mut word: impl FnMut() -> String) -> Id {
        loop {
            let id = Id::new(format!("{prefix}-{}", word()));
            if !self.taken.contains(&id) && !super::apply::id_exists(self.document, &id) {
                self.taken.insert(id.clone());
                return id;
            }
        }
    }
}

/// A new id for a text column, `col-xxxxxx`, not used by another column of `document`.
#[must_use]
pub fn fresh_column_id(document: &Document) -> Id {
    loop {
        let id = Id::new(format!("col-{}", random_word()));
        if document.text_column(&id).is_none() {
            return id;
        }
    }
}

/// Six random lowercase letters and digits: std's randomly keyed hasher (seeded from the
/// operating system once per process) over a counter and the clock.
fn random_word() -> String {
    static KEYS: OnceLock<std::hash::RandomState> = OnceLock::new();
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = KEYS.get_or_init(std::hash::RandomState::new).build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |since| since.as_nanos()),
    );
    let mut number = hasher.finish();
    (0..6)
        .map(|_| {
            let digit = (number % 36) as u32;
            number /= 36;
            char::from_digit(digit, 36).unwrap_or('0')
        })
        .collect()
}

/// A new id `PREFIX-xxxxxx` not used in `document` (e.g. `d1.r-k3f9x2` for prefix `d1.r`);
/// see the module's note on why it is random.
#[must_use]
pub fn fresh_id(document: &Document, prefix: &str) -> Id {
    IdAllocator::new(document).next(prefix)
}

/// Gives a roadblock and its items new ids from `ids`.
fn renumber_roadblock(ids: &mut IdAllocator<'_>, domain_id: &Id, roadblock: &mut Roadblock) {
    roadblock.id = ids.next(&format!("{domain_id}.r"));
    for (list, name) in [
        (&mut roadblock.done, "done"),
        (&mut roadblock.actions, "act"),
    ] {
        for item in list {
            item.id = ids.next(&format!("{}.{name}", roadblock.id));
        }
    }
}

/// A copy of `roadblock` to go into domain `domain_id`, with fresh ids for it and its items.
#[must_use]
pub fn duplicate_roadblock(
    document: &Document,
    domain_id: &Id,
    roadblock: &Roadblock,
) -> Roadblock {
    let mut copy = roadblock.clone();
    renumber_roadblock(&mut IdAllocator::new(document), domain_id, &mut copy);
    copy
}

/// A copy of `entry` to go into domain `domain_id`, with a fresh id.
#[must_use]
pub fn duplicate_entry(
    document: &Document,
    domain_id: &Id,
    entry: &TimelineEntry,
) -> TimelineEntry {
    TimelineEntry {
        id: fresh_id(document, &format!("{domain_id}.t")),
        ..entry.clone()
    }
}

/// A copy of `domain` with the next number and fresh ids for everything in it; its entries
/// span the copied rows.
#[must_use]
pub fn duplicate_domain(document: &Document, domain: &Domain) -> Domain {
    let mut ids = IdAllocator::new(document);
    let mut copy = domain.clone();
    copy.id = ids.next("d");
    copy.number = document.domains.iter().map(|d| d.number).max().unwrap_or(0) + 1;
    let mut rows = HashMap::new();
    for roadblock in &mut copy.roadblocks {
        let old = roadblock.id.clone();
        renumber_roadblock(&mut ids, &copy.id, roadblock);
        rows.insert(old, roadblock.id.clone());
    }
    for entry in &mut copy.entries {
        entry.id = ids.next(&format!("{}.t", copy.id));
        entry.rows = entry
            .rows
            .iter()
            .filter_map(|row| rows.get(row).cloned())
            .collect();
    }
    for footnote in &mut copy.footnotes {
        footnote.id = ids.next(&format!("{}.fn", copy.id));
    }
    copy
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicates_get_fresh_ids_for_every_part() {
        use crate::model::{Domain, Item};
        let roadblock = Roadblock {
            id: "d1.r1".into(),
            done: vec![Item {
                id: "d1.r1.done1".into(),
                ..Item::default()
            }],
            ..Roadblock::default()
        };
        let document = Document {
            domains: vec![Domain {
                id: "d1".into(),
                roadblocks: vec![roadblock.clone()],
                ..Domain::default()
            }]
            .into_iter()
            .map(crate::model::Shared::new)
            .collect(),
            ..Document::default()
        };
        let copy = duplicate_roadblock(&document, &"d1".into(), &roadblock);
        assert!(copy.id.as_str().starts_with("d1.r-"), "{}", copy.id);
        assert!(
            copy.done[0]
                .id
                .as_str()
                .starts_with(&format!("{}.done-", copy.id)),
            "{}",
            copy.done[0].id
        );
        let mut with_copy = document.clone();
        with_copy.domains[0].roadblocks.push(copy);
        assert!(
            crate::model::validate(&with_copy)
                .iter()
                .all(|p| !p.is_repeated_id())
        );
    }

    #[test]
    fn a_duplicated_domain_is_consistent_and_new() {
        let example = crate::io::load(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/roadblocks-after.ron"
        )))
        .expect("example");
        let copy = duplicate_domain(&example, &example.domains[3]);
        assert!(copy.id.as_str().starts_with("d-"), "{}", copy.id);
        assert_eq!(copy.number, 10);
        assert_eq!(
            copy.entries[0].rows.len(),
            example.domains[3].entries[0].rows.len()
        );
        let mut with_copy = example.clone();
        with_copy.domains.push(copy.into());
        assert_eq!(
            crate::model::validate(&with_copy),
            vec![],
            "no duplicate ids, rows point at the copy's roadblocks"
        );
    }

    #[test]
    fn new_ids_are_new_words_with_the_prefix() {
        let mut document = Document::default();
        let mut seen = HashSet::new();
        for _ in 0..1000 {
            let id = fresh_id(&document, "d7.t");
            let word = id.as_str().strip_prefix("d7.t-").expect("the prefix");
            assert_eq!(word.len(), 6, "{id}");
            assert!(id.is_well_formed(), "{id}");
            assert!(seen.insert(id.clone()), "{id} handed out twice");
            document.domains.push(crate::model::Shared::new(Domain {
                id,
                ..Domain::default()
            }));
        }
    }

    #[test]
    fn an_id_in_the_document_or_handed_out_is_never_handed_out_again() {
        let document = Document {
            domains: vec![Domain {
                id: "d-aaaaaa".into(),
                ..Domain::default()
            }]
            .into_iter()
            .map(crate::model::Shared::new)
            .collect(),
            ..Document::default()
        };
        let mut words = ["aaaaaa", "bbbbbb", "bbbbbb", "aaaaaa", "cccccc"]
            .into_iter()
            .map(str::to_owned);
        let mut ids = IdAllocator::new(&document);
        let mut next = || ids.next_from("d", || words.next().unwrap_or_default());
        assert_eq!(next(), Id::from("d-bbbbbb"));
        assert_eq!(next(), Id::from("d-cccccc"));
    }
}
