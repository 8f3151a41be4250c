//! What an edit can change, and a patch holding those parts as they were: an undo step keeps
//! the one domain a keystroke touched, not a copy of the whole roadmap.
//!
//! The footprint is read from the edit and the document before it is applied. It may cover
//! more than the edit changes, never less: edits that reach across domains (removing a column or
//! a note, inserting, moving or removing a domain) take every domain, and a batch whose parts
//! cannot all be placed beforehand takes the whole document. The property tests of
//! `tests/document/edit_properties.rs` check that undo restores exactly.

use std::collections::BTreeSet;

use crate::edit::apply::{Edit, Entity, Parent};
use crate::model::{
    Column, Document, Domain, Id, Item, Legend, Meta, Note, Roadblock, Shared, Timeline,
    TimelineEntry,
};

/// The parts of a document an edit may change.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[allow(clippy::struct_excessive_bools)] // one flag per top-level part of a Document
pub(super) struct Footprint {
    meta: bool,
    legend: bool,
    columns: bool,
    timeline: bool,
    notes: bool,
    domains: Domains,
}

/// Which domains an edit may change.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
enum Domains {
    /// None.
    #[default]
    None,
    /// These domains, by index (the list of domains itself stays as it is).
    Some(BTreeSet<usize>),
    /// The list of domains as a whole (domains inserted, moved or removed, or every domain).
    All,
}

impl Domains {
    fn union(self, other: Domains) -> Domains {
        match (self, other) {
            (Domains::All, _) | (_, Domains::All) => Domains::All,
            (Domains::None, other) | (other, Domains::None) => other,
            (Domains::Some(mut a), Domains::Some(b)) => {
                a.extend(b);
                Domains::Some(a)
            }
        }
    }
}

impl Footprint {
    /// Everything: the safe footprint of an edit that cannot be placed beforehand.
    fn everything() -> Self {
        Self {
            meta: true,
            legend: true,
            columns: true,
            timeline: true,
            notes: true,
            domains: Domains::All,
        }
    }

    fn domains(domains: Domains) -> Self {
        Self {
            domains,
            ..Self::default()
        }
    }

    /// The domain holding `id` (a domain, footnote, roadblock, item or entry), or everything
    /// when none does (the edit then fails, or was meant for an entity not there yet).
    fn of_entity(document: &Document, id: &Id) -> Self {
        domain_index(document, id).map_or_else(Self::everything, |index| {
            Self::domains(Domains::Some(BTreeSet::from([index])))
        })
    }

    fn union(self, other: Footprint) -> Self {
        Self {
            meta: self.meta || other.meta,
            legend: self.legend || other.legend,
            columns: self.columns || other.columns,
            timeline: self.timeline || other.timeline,
            notes: self.notes || other.notes,
            domains: self.domains.union(other.domains),
        }
    }

    /// What `edit` may change in `document`.
    pub(super) fn of(document: &Document, edit: &Edit) -> Self {
        let is_domain = |id: &Id| document.domains.iter().any(|d| &d.id == id);
        let is_note = |id: &Id| document.notes.iter().any(|n| &n.id == id);
        match edit {
            Edit::SetMeta(_) => Self {
                meta: true,
                ..Self::default()
            },
            Edit::SetLegend(_) => Self {
                legend: true,
                ..Self::default()
            },
            Edit::SetTimeline(_) => Self {
                timeline: true,
                ..Self::default()
            },
            Edit::SetColumns(_)
            | Edit::InsertColumn { .. }
            | Edit::SetColumnHeader { .. }
            | Edit::SetColumnWidth { .. } => Self {
                columns: true,
                ..Self::default()
            },
            // The column's cells and header overrides go with it, in every domain.
            Edit::RemoveColumn(_) => Self {
                columns: true,
                domains: Domains::All,
                ..Self::default()
            },
            // A removed note's references go with it, in every domain.
            Edit::Remove(id) if is_note(id) => Self {
                notes: true,
                domains: Domains::All,
                ..Self::default()
            },
            Edit::Remove(id) if is_domain(id) => Self::domains(Domains::All),
            Edit::Remove(id)
            | Edit::SetCell { owner: id, .. }
            | Edit::SetDomainHeader { id, .. }
            | Edit::AddNoteReference { on: id, .. }
            | Edit::RemoveNoteReference { on: id, .. }
            | Edit::ReplaceRoadblock(Roadblock { id, .. })
            | Edit::ReplaceItem(Item { id, .. })
            | Edit::ReplaceEntry(TimelineEntry { id, .. }) => Self::of_entity(document, id),
            Edit::ReplaceNote(_) => Self {
                notes: true,
                ..Self::default()
            },
            Edit::Insert { parent, entity, .. } => match (parent, entity) {
                (_, Entity::Note(_)) => Self {
                    notes: true,
                    ..Self::default()
                },
                (Parent::Document, _) => Self::domains(Domains::All),
                (Parent::Domain(id) | Parent::Roadblock(id, _), _) => Self::of_entity(document, id),
            },
            Edit::Move { id, .. } if is_note(id) => Self {
                notes: true,
                ..Self::default()
            },
            Edit::Move { id, .. } if is_domain(id) => Self::domains(Domains::All),
            Edit::Move { id, to, .. } => {
                let to = match to {
                    Parent::Document => return Self::domains(Domains::All),
                    Parent::Domain(to) | Parent::Roadblock(to, _) => to,
                };
                Self::of_entity(document, id).union(Self::of_entity(document, to))
            }
            Edit::Batch(edits) => edits
                .iter()
                .map(|edit| Self::of(document, edit))
                .fold(Self::default(), Self::union),
        }
    }
}

/// The index of the domain that is or holds `id`.
fn domain_index(document: &Document, id: &Id) -> Option<usize> {
    document.domains.iter().position(|domain| domain.holds(id))
}

/// The parts of a document a footprint covers, as they were. Swapping it with the document
/// puts them back and keeps the document's parts in their place: undo and redo are one swap.
#[derive(Debug, Clone)]
pub(super) struct Patch {
    meta: Option<Meta>,
    legend: Option<Legend>,
    columns: Option<Vec<Column>>,
    timeline: Option<Timeline>,
    notes: Option<Vec<Note>>,
    domains: DomainPatch,
}

#[derive(Debug, Clone)]
enum DomainPatch {
    None,
    Some(Vec<(usize, Shared<Domain>)>),
    All(Vec<Shared<Domain>>),
}

impl Patch {
    /// A copy of the parts of `document` that `footprint` covers.
    pub(super) fn take(document: &Document, footprint: &Footprint) -> Self {
        Self {
            meta: footprint.meta.then(|| document.meta.clone()),
            legend: footprint.legend.then(|| document.legend.clone()),
            columns: footprint.columns.then(|| document.columns.clone()),
            timeline: footprint.timeline.then(|| document.timeline.clone()),
            notes: footprint.notes.then(|| document.notes.clone()),
            domains: match &footprint.domains {
                Domains::None => DomainPatch::None,
                Domains::Some(indices) => DomainPatch::Some(
                    indices
                        .iter()
                        .filter_map(|&i| document.domains.get(i).map(|d| (i, d.clone())))
                        .collect(),
                ),
                Domains::All => DomainPatch::All(document.domains.clone()),
            },
        }
    }

    /// Whether `document` still has these parts as they are here (the edit changed nothing).
    pub(super) fn matches(&self, document: &Document) -> bool {
        self.meta.as_ref().is_none_or(|m| *m == document.meta)
            && self.legend.as_ref().is_none_or(|l| *l == document.legend)
            && self.columns.as_ref().is_none_or(|c| *c == document.columns)
            && self
                .timeline
                .as_ref()
                .is_none_or(|t| *t == document.timeline)
            && self.notes.as_ref().is_none_or(|n| *n == document.notes)
            && match &self.domains {
                DomainPatch::None => true,
                DomainPatch::Some(domains) => domains
                    .iter()
                    .all(|(i, d)| document.domains.get(*i) == Some(d)),
                DomainPatch::All(domains) => *domains == document.domains,
            }
    }

    /// Exchanges these parts with the document's.
    pub(super) fn swap(&mut self, document: &mut Document) {
        fn exchange<T>(kept: &mut Option<T>, current: &mut T) {
            if let Some(kept) = kept {
                std::mem::swap(kept, current);
            }
        }
        exchange(&mut self.meta, &mut document.meta);
        exchange(&mut self.legend, &mut document.legend);
        exchange(&mut self.columns, &mut document.columns);
        exchange(&mut self.timeline, &mut document.timeline);
        exchange(&mut self.notes, &mut document.notes);
        match &mut self.domains {
            DomainPatch::None => {}
            DomainPatch::Some(domains) => {
                for (index, domain) in domains {
                    if let Some(current) = document.domains.get_mut(*index) {
                        std::mem::swap(domain, current);
                    }
                }
            }
            DomainPatch::All(domains) => std::mem::swap(domains, &mut document.domains),
        }
    }

    /// Adds the parts of `newer` (taken before a later edit of the same step) that this patch
    /// does not hold yet; the parts it holds stay as they were before the step.
    pub(super) fn absorb(&mut self, newer: Patch) {
        fn keep<T>(older: &mut Option<T>, newer: Option<T>) {
            if older.is_none() {
                *older = newer;
            }
        }
        keep(&mut self.meta, newer.meta);
        keep(&mut self.legend, newer.legend);
        keep(&mut self.columns, newer.columns);
        keep(&mut self.timeline, newer.timeline);
        keep(&mut self.notes, newer.notes);
        let older = std::mem::replace(&mut self.domains, DomainPatch::None);
        self.domains = match (older, newer.domains) {
            (older, DomainPatch::None) => older,
            (DomainPatch::None, newer) => newer,
            (DomainPatch::All(older), _) => DomainPatch::All(older),
            // The step's earlier edits kept the list of domains: the older copies replace
            // their indices in the newer whole list.
            (DomainPatch::Some(older), DomainPatch::All(mut all)) => {
                for (index, domain) in older {
                    if let Some(slot) = all.get_mut(index) {
                        *slot = domain;
                    }
                }
                DomainPatch::All(all)
            }
            (DomainPatch::Some(mut older), DomainPatch::Some(newer)) => {
                for (index, domain) in newer {
                    if !older.iter().any(|(i, _)| *i == index) {
                        older.push((index, domain));
                    }
                }
                DomainPatch::Some(older)
            }
        };
    }

    /// How many domains the patch keeps (tests check a keystroke keeps one).
    #[must_use]
    pub(super) fn domain_count(&self) -> usize {
        match &self.domains {
            DomainPatch::None => 0,
            DomainPatch::Some(domains) => domains.len(),
            DomainPatch::All(domains) => domains.len(),
        }
    }
}
