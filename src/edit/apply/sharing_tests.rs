//! An edit copies only the domains it changes; the versions of a document (undo steps, the
//! autosave copy, the copy as last saved) keep sharing the others.

use super::*;
use crate::model::{Column, Note, Shared};

/// The indices of the domains `edit` copied: those no longer shared with `document`.
fn copied_by(document: &Document, edit: &Edit) -> Vec<usize> {
    let mut edited = document.clone();
    apply(&mut edited, edit).expect("the edit applies");
    assert_eq!(edited.domains.len(), document.domains.len());
    document
        .domains
        .iter()
        .zip(&edited.domains)
        .enumerate()
        .filter(|(_, (before, after))| !Shared::same(before, after))
        .map(|(index, _)| index)
        .collect()
}

fn roadmap() -> Document {
    crate::generate::roadmap(2, 7)
}

#[test]
fn an_edit_inside_one_domain_copies_that_domain_alone() {
    let document = roadmap();
    // The last domain with entries and a roadblock with actions (the first roadblock).
    let last = (0..document.domains.len())
        .rev()
        .find(|&i| {
            let domain = &document.domains[i];
            !domain.entries.is_empty()
                && domain
                    .roadblocks
                    .first()
                    .is_some_and(|r| !r.actions.is_empty())
        })
        .expect("a domain with entries and actions");
    assert!(last > 0);
    let domain = &document.domains[last];
    let mut roadblock = domain.roadblocks[0].clone();
    roadblock.title.push_str("（改）");
    let mut item = domain.roadblocks[0].actions[0].clone();
    item.text.push_str("（改）");
    let mut entry = domain.entries[0].clone();
    entry.label.push_str("（改）");
    let mut new_roadblock = domain.roadblocks[0].clone();
    new_roadblock.id = Id::new("d-new.r-new");
    new_roadblock.done.clear();
    new_roadblock.actions.clear();
    let edits = [
        Edit::ReplaceRoadblock(roadblock),
        Edit::ReplaceItem(item),
        Edit::ReplaceEntry(entry.clone()),
        Edit::Remove(entry.id.clone()),
        Edit::Remove(domain.roadblocks[0].actions[0].id.clone()),
        Edit::SetDomainHeader {
            id: domain.id.clone(),
            number: domain.number,
            name: format!("{}（改）", domain.name),
            header_overrides: domain.header_overrides.clone(),
            footnotes: domain.footnotes.clone(),
        },
        Edit::Insert {
            parent: Parent::Domain(domain.id.clone()),
            index: 0,
            entity: Entity::Roadblock(new_roadblock),
        },
        Edit::Move {
            id: domain.roadblocks[0].id.clone(),
            to: Parent::Domain(domain.id.clone()),
            index: 1,
        },
    ];
    for edit in &edits {
        assert_eq!(copied_by(&document, edit), vec![last], "{edit:?}");
    }
}

#[test]
fn moving_a_roadblock_between_domains_copies_the_two() {
    let document = roadmap();
    let last = document.domains.len() - 1;
    let edit = Edit::Move {
        id: document.domains[last].roadblocks[0].id.clone(),
        to: Parent::Domain(document.domains[1].id.clone()),
        index: 0,
    };
    assert_eq!(copied_by(&document, &edit), vec![1, last]);
}

#[test]
fn removing_a_note_or_a_column_copies_only_the_domains_that_name_it() {
    let mut document = roadmap();
    document.notes.push(Note {
        id: Id::new("n-1"),
        text: "注記".into(),
    });
    document.domains[3].roadblocks[0].notes.push(Id::new("n-1"));
    let kpi = Id::new("kpi");
    document
        .columns
        .push(Column::new(ColumnKind::Text(kpi.clone()), "KPI"));
    document.domains[5].roadblocks[1]
        .cells
        .insert(kpi.clone(), "100%".into());
    assert_eq!(copied_by(&document, &Edit::Remove(Id::new("n-1"))), vec![3]);
    assert_eq!(
        copied_by(&document, &Edit::RemoveColumn(ColumnKind::Text(kpi))),
        vec![5]
    );
}

#[test]
fn an_edit_of_the_cover_or_the_timeline_copies_no_domain() {
    let document = roadmap();
    let mut meta = document.meta.clone();
    meta.title.push_str("（改）");
    assert!(copied_by(&document, &Edit::SetMeta(meta)).is_empty());
    let mut timeline = document.timeline.clone();
    timeline.years += 1;
    assert!(copied_by(&document, &Edit::SetTimeline(timeline)).is_empty());
}
