//! New ids for entities created in the editor.

use crate::model::{Document, Id, Roadblock, TimelineEntry};

/// The first id `PREFIX1`, `PREFIX2`, … not used in `document` (e.g. `d1.r4` for prefix `d1.r`).
#[must_use]
pub fn fresh_id(document: &Document, prefix: &str) -> Id {
    (1..=u32::MAX)
        .map(|n| Id::new(format!("{prefix}{n}")))
        .find(|id| !super::apply::id_exists(document, id))
        .unwrap_or_default()
}

/// A copy of `roadblock` to go into domain `domain_id`, with fresh ids for it and its items.
#[must_use]
pub fn duplicate_roadblock(
    document: &Document,
    domain_id: &Id,
    roadblock: &Roadblock,
) -> Roadblock {
    let id = fresh_id(document, &format!("{domain_id}.r"));
    let mut copy = roadblock.clone();
    for (list, name) in [(&mut copy.done, "done"), (&mut copy.actions, "act")] {
        for (n, item) in list.iter_mut().enumerate() {
            item.id = Id::new(format!("{id}.{name}{}", n + 1));
        }
    }
    copy.id = id;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Domain;

    #[test]
    fn duplicates_get_fresh_ids_for_every_part() {
        use crate::model::Item;
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
