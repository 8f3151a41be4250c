//! New ids for entities created in the editor.

use std::collections::{HashMap, HashSet};

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

    /// The first `PREFIX1`, `PREFIX2`, … neither in the document nor handed out before.
    pub fn next(&mut self, prefix: &str) -> Id {
        let id = (1..=u32::MAX)
            .map(|n| Id::new(format!("{prefix}{n}")))
            .find(|id| !self.taken.contains(id) && !super::apply::id_exists(self.document, id))
            .unwrap_or_default();
        self.taken.insert(id.clone());
        id
    }
}

/// The first id `PREFIX1`, `PREFIX2`, … not used in `document` (e.g. `d1.r4` for prefix `d1.r`).
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
            }],
            ..Document::default()
        };
        let copy = duplicate_roadblock(&document, &"d1".into(), &roadblock);
        assert_eq!(copy.id, Id::from("d1.r2"));
        assert_eq!(copy.done[0].id, Id::from("d1.r2.done1"));
        let mut with_copy = document.clone();
        with_copy.domains[0].roadblocks.push(copy);
        assert!(
            crate::model::validate(&with_copy)
                .iter()
                .all(|p| !p.message.contains("more than once"))
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
        assert_eq!((copy.id.as_str(), copy.number), ("d10", 10));
        assert_eq!(
            copy.entries[0].rows.len(),
            example.domains[3].entries[0].rows.len()
        );
        let mut with_copy = example.clone();
        with_copy.domains.push(copy);
        assert_eq!(
            crate::model::validate(&with_copy),
            vec![],
            "no duplicate ids, rows point at the copy's roadblocks"
        );
    }

    #[test]
    fn skips_used_ids() {
        let mut document = Document::default();
        assert_eq!(fresh_id(&document, "d"), Id::from("d1"));
        document.domains.push(Domain {
            id: "d1".into(),
            ..Domain::default()
        });
        document.domains.push(Domain {
            id: "d3".into(),
            ..Domain::default()
        });
        assert_eq!(fresh_id(&document, "d"), Id::from("d2"));
    }
}
