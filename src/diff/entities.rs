//! The entity-by-entity walk of two documents: document fields, the timeline, then each domain
//! with its roadblocks (and their items), entries and footnotes, then the document's notes.

use std::collections::HashMap;

use crate::model::{Document, Domain, Id, Roadblock};

use super::align::{Alignment, Pairing, align, reordered};
use super::fields::{
    Fields, Noted, document_fields, domain_fields, entry_fields, field_changes, footnote_fields,
    item_fields, note_fields, roadblock_fields, timeline_fields,
};
use super::{Change, Entity, FieldChange, Status};

/// How similar titles must be to pair entities whose ids differ.
const TITLE_THRESHOLD: f32 = 0.5;

/// A change record; `fields` empty and no move means "no change" (dropped by the caller).
struct Record<'a> {
    entity: Entity,
    domain: &'a str,
    label: String,
}

impl Record<'_> {
    fn pair(
        &self,
        old_id: &Id,
        new_id: &Id,
        pairing: Pairing,
        fields: Vec<FieldChange>,
        moved: Option<(String, String)>,
    ) -> Option<Change> {
        if fields.is_empty() && moved.is_none() && pairing == Pairing::Id {
            return None;
        }
        Some(Change {
            entity: self.entity,
            status: if moved.is_some() {
                Status::Moved
            } else {
                Status::Changed
            },
            domain: self.domain.to_owned(),
            old_id: Some(old_id.clone()),
            new_id: Some(new_id.clone()),
            label: self.label.clone(),
            pairing,
            moved,
            parent: None,
            fields,
        })
    }

    fn one_side(&self, id: &Id, fields: &Fields, added: bool) -> Change {
        let empty = Fields::new();
        let (old, new) = if added {
            (&empty, fields)
        } else {
            (fields, &empty)
        };
        Change {
            entity: self.entity,
            status: if added {
                Status::Added
            } else {
                Status::Removed
            },
            domain: self.domain.to_owned(),
            old_id: (!added).then(|| id.clone()),
            new_id: added.then(|| id.clone()),
            label: self.label.clone(),
            pairing: Pairing::Id,
            moved: None,
            parent: None,
            fields: field_changes(old, new)
                .into_iter()
                .filter(|f| !f.diff.runs.is_empty())
                .collect(),
        }
    }
}

/// The changes of the document's own fields and of its timeline.
fn document_changes(old: &Document, new: &Document) -> Vec<Change> {
    let mut out = Vec::new();
    let record = Record {
        entity: Entity::Document,
        domain: "",
        label: new.meta.title.clone(),
    };
    out.extend(record.pair(
        &"document".into(),
        &"document".into(),
        Pairing::Id,
        field_changes(&document_fields(old), &document_fields(new)),
        None,
    ));
    let timeline = Record {
        entity: Entity::Timeline,
        domain: "",
        label: String::new(),
    };
    let mut timeline_fields = field_changes(&timeline_fields(old), &timeline_fields(new));
    for field in &mut timeline_fields {
        field.shift_quarters =
            Some((i64::from(new.timeline.first_year.0) - i64::from(old.timeline.first_year.0)) * 4);
    }
    out.extend(timeline.pair(
        &"timeline".into(),
        &"timeline".into(),
        Pairing::Id,
        timeline_fields,
        None,
    ));
    out
}

/// Every change from `old` to `new`.
pub fn changes(old: &Document, new: &Document) -> Vec<Change> {
    let mut out = document_changes(old, new);
    let domains = align(
        &old.domains,
        &new.domains,
        |d| &d.id,
        |d| format!("{}{}", d.number_label(), d.name),
        0.4,
    );
    let homes = Homes::of(old, new, &domains);
    let old_domain_of = domains.by_new(new.domains.len());
    // Domains whose place in the order changed (the fewest that explain the new order, chosen
    // the same whichever revision is called old).
    let domains_moved = reordered(
        &domains.pairs,
        old.domains
            .iter()
            .map(|d| &d.id)
            .le(new.domains.iter().map(|d| &d.id)),
    );
    for (new_index, domain) in new.domains.iter().enumerate() {
        let name = domain.display_name();
        let record = Record {
            entity: Entity::Domain,
            domain: &name,
            label: name.clone(),
        };
        let Some((old_index, pairing)) = old_domain_of[new_index] else {
            out.push(record.one_side(&domain.id, &domain_fields(domain), true));
            // A new domain's roadblocks are new with it, except those that came from another
            // domain: those moved (as the removed domain's, seen the other way round).
            let walk = Walk {
                old,
                new,
                homes: &homes,
            };
            for roadblock in &domain.roadblocks {
                moved_in(&walk, roadblock, new_index, &name, &mut out);
            }
            continue;
        };
        let old_domain = &old.domains[old_index];
        let moved = domains_moved.contains(&old_index).then(|| {
            (
                format!("{}番目", old_index + 1),
                format!("{}番目", new_index + 1),
            )
        });
        out.extend(record.pair(
            &old_domain.id,
            &domain.id,
            pairing,
            field_changes(&domain_fields(old_domain), &domain_fields(domain)),
            moved,
        ));
        let walk = Walk {
            old,
            new,
            homes: &homes,
        };
        domain_contents(
            &walk,
            (old_index, new_index),
            (old_domain, domain),
            &name,
            &mut out,
        );
    }
    for &old_index in &domains.removed {
        let domain = &old.domains[old_index];
        let name = domain.display_name();
        let record = Record {
            entity: Entity::Domain,
            domain: &name,
            label: name.clone(),
        };
        out.push(record.one_side(&domain.id, &domain_fields(domain), false));
    }
    list(
        &old.notes,
        &new.notes,
        Entity::Note,
        "",
        |n| &n.id,
        |n| n.text.clone(),
        note_fields,
        &mut out,
    );
    out
}

/// Which domain holds each roadblock id, on each side, to tell moves between domains.
struct Homes {
    old: HashMap<Id, usize>,
    new: HashMap<Id, usize>,
    /// Old domain index → new domain index, for paired domains.
    domain_pairs: HashMap<usize, usize>,
}

impl Homes {
    fn of(old: &Document, new: &Document, domains: &Alignment) -> Self {
        let index = |document: &Document| {
            document
                .domains
                .iter()
                .enumerate()
                .flat_map(|(d, domain)| domain.roadblocks.iter().map(move |r| (r.id.clone(), d)))
                .collect()
        };
        Self {
            old: index(old),
            new: index(new),
            domain_pairs: domains.pairs.iter().map(|p| (p.0, p.1)).collect(),
        }
    }

    /// Whether roadblock `id` of new domain `new_domain` comes from another domain.
    fn moved_in(&self, id: &Id, new_domain: usize) -> Option<usize> {
        let old_domain = *self.old.get(id)?;
        (self.domain_pairs.get(&old_domain) != Some(&new_domain)).then_some(old_domain)
    }

    /// Whether roadblock `id` of old domain `old_domain` went to another domain.
    fn moved_out(&self, id: &Id, old_domain: usize) -> bool {
        self.new
            .get(id)
            .is_some_and(|&n| self.domain_pairs.get(&old_domain) != Some(&n))
    }
}

/// The two documents being compared and where their roadblocks live.
struct Walk<'a> {
    old: &'a Document,
    new: &'a Document,
    homes: &'a Homes,
}

/// The changes inside a pair of domains; `indices` are their places in the old and the new
/// document, `domains` the (old, new) pair.
fn domain_contents(
    walk: &Walk<'_>,
    indices: (usize, usize),
    domains: (&Domain, &Domain),
    name: &str,
    out: &mut Vec<Change>,
) {
    let (old_domain, domain) = domains;
    roadblocks(walk, indices, domains, name, out);
    list(
        &Noted::entries(walk.old, &old_domain.entries),
        &Noted::entries(walk.new, &domain.entries),
        Entity::Entry,
        name,
        |e| &e.item.id,
        |e| e.item.label.clone(),
        entry_fields,
        out,
    );
    list(
        &old_domain.footnotes,
        &domain.footnotes,
        Entity::Footnote,
        name,
        |f| &f.id,
        |f| format!("{} {}", f.mark, f.lines.join("")),
        footnote_fields,
        out,
    );
}

/// Reports `roadblock` of new domain `new_index` as moved in when another domain held it;
/// returns whether it did.
fn moved_in(
    walk: &Walk<'_>,
    roadblock: &Roadblock,
    new_index: usize,
    name: &str,
    out: &mut Vec<Change>,
) -> bool {
    let Some(from) = walk.homes.moved_in(&roadblock.id, new_index) else {
        return false;
    };
    let from_domain = &walk.old.domains[from];
    if let Some(old_roadblock) = from_domain.roadblocks.iter().find(|r| r.id == roadblock.id) {
        let record = Record {
            entity: Entity::Roadblock,
            domain: name,
            label: roadblock.title.clone(),
        };
        out.extend(record.pair(
            &old_roadblock.id,
            &roadblock.id,
            Pairing::Id,
            field_changes(
                &roadblock_fields(old_roadblock, &walk.old.note_marks(&old_roadblock.notes)),
                &roadblock_fields(roadblock, &walk.new.note_marks(&roadblock.notes)),
            ),
            Some((from_domain.display_name(), name.to_owned())),
        ));
        items(old_roadblock, roadblock, name, out);
    }
    true
}

/// The changes of a domain's roadblocks (and their items): moved in from another domain,
/// paired here, reordered, added or removed.
fn roadblocks(
    walk: &Walk<'_>,
    (old_index, new_index): (usize, usize),
    (old_domain, domain): (&Domain, &Domain),
    name: &str,
    out: &mut Vec<Change>,
) {
    let Walk { old, new, homes } = *walk;
    // Roadblocks that crossed domains are paired by id across the documents.
    let here_new: Vec<&Roadblock> = domain
        .roadblocks
        .iter()
        .filter(|r| homes.moved_in(&r.id, new_index).is_none())
        .collect();
    let here_old: Vec<&Roadblock> = old_domain
        .roadblocks
        .iter()
        .filter(|r| !homes.moved_out(&r.id, old_index))
        .collect();
    let alignment = align(
        &here_old,
        &here_new,
        |r| &r.id,
        |r| r.title.clone(),
        TITLE_THRESHOLD,
    );
    let old_first = here_old
        .iter()
        .map(|r| &r.id)
        .le(here_new.iter().map(|r| &r.id));
    let moved_in_order = reordered(&alignment.pairs, old_first);
    for roadblock in &domain.roadblocks {
        let record = Record {
            entity: Entity::Roadblock,
            domain: name,
            label: roadblock.title.clone(),
        };
        if moved_in(walk, roadblock, new_index, name, out) {
            continue;
        }
        let Some(n) = here_new.iter().position(|r| r.id == roadblock.id) else {
            continue;
        };
        match alignment.pairs.iter().find(|p| p.1 == n) {
            Some(&(o, _, pairing)) => {
                let old_roadblock = here_old[o];
                let moved = moved_in_order
                    .contains(&o)
                    .then(|| (format!("{}番目", o + 1), format!("{}番目", n + 1)));
                out.extend(record.pair(
                    &old_roadblock.id,
                    &roadblock.id,
                    pairing,
                    field_changes(
                        &roadblock_fields(old_roadblock, &old.note_marks(&old_roadblock.notes)),
                        &roadblock_fields(roadblock, &new.note_marks(&roadblock.notes)),
                    ),
                    moved,
                ));
                items(old_roadblock, roadblock, name, out);
            }
            None => out.push(record.one_side(
                &roadblock.id,
                &roadblock_fields(roadblock, &new.note_marks(&roadblock.notes)),
                true,
            )),
        }
    }
    for &o in &alignment.removed {
        let roadblock = here_old[o];
        let record = Record {
            entity: Entity::Roadblock,
            domain: name,
            label: roadblock.title.clone(),
        };
        out.push(record.one_side(
            &roadblock.id,
            &roadblock_fields(roadblock, &old.note_marks(&roadblock.notes)),
            false,
        ));
    }
}

fn items(old: &Roadblock, new: &Roadblock, domain: &str, out: &mut Vec<Change>) {
    for (entity, old_items, new_items) in [
        (Entity::Done, &old.done, &new.done),
        (Entity::Action, &old.actions, &new.actions),
    ] {
        let first = out.len();
        list(
            old_items,
            new_items,
            entity,
            domain,
            |i| &i.id,
            |i| i.text.clone(),
            item_fields,
            out,
        );
        for change in &mut out[first..] {
            change.parent = Some(new.id.clone());
        }
    }
}

/// The changes of one list of entities (items, entries, footnotes).
#[allow(clippy::too_many_arguments)] // the accessors make the one generic walk
fn list<T>(
    old: &[T],
    new: &[T],
    entity: Entity,
    domain: &str,
    id: impl Fn(&T) -> &Id + Copy,
    text: impl Fn(&T) -> String + Copy,
    fields: impl Fn(Option<&T>, &T) -> Vec<FieldChange>,
    out: &mut Vec<Change>,
) {
    let alignment = align(old, new, id, text, TITLE_THRESHOLD);
    let moved_in_order = reordered(&alignment.pairs, old.iter().map(id).le(new.iter().map(id)));
    for (n, item) in new.iter().enumerate() {
        let record = Record {
            entity,
            domain,
            label: text(item),
        };
        if let Some(&(o, _, pairing)) = alignment.pairs.iter().find(|p| p.1 == n) {
            let moved = moved_in_order
                .contains(&o)
                .then(|| (format!("{}番目", o + 1), format!("{}番目", n + 1)));
            out.extend(record.pair(
                id(&old[o]),
                id(item),
                pairing,
                fields(Some(&old[o]), item),
                moved,
            ));
        } else {
            let mut change = record.one_side(id(item), &Vec::new(), true);
            change.fields = fields(None, item);
            out.push(change);
        }
    }
    for &o in &alignment.removed {
        let record = Record {
            entity,
            domain,
            label: text(&old[o]),
        };
        let mut change = record.one_side(id(&old[o]), &Vec::new(), false);
        change.fields = fields(None, &old[o])
            .iter()
            .map(|f| FieldChange {
                field: f.field.clone(),
                diff: f.diff.mirrored(),
                shift_quarters: None,
            })
            .collect();
        out.push(change);
    }
}
