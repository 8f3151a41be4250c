//! What is selected in the grid, and the order the arrow keys move through.

use crate::model::{Document, Id};
use crate::ui::filter::Filter;

/// The selected entity, by id.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Selection {
    /// A domain (its cell in the first column).
    Domain(Id),
    /// A roadblock row.
    Roadblock(Id),
    /// A done or action item.
    Item(Id),
    /// A timeline entry.
    Entry(Id),
}

impl Selection {
    /// The selected entity's id.
    #[must_use]
    pub fn id(&self) -> &Id {
        match self {
            Selection::Domain(id)
            | Selection::Roadblock(id)
            | Selection::Item(id)
            | Selection::Entry(id) => id,
        }
    }
}

/// The selection for the entity with `id` (a footnote selects its domain).
#[must_use]
pub fn selection_for(document: &Document, id: &Id) -> Option<Selection> {
    for domain in &document.domains {
        if &domain.id == id || domain.footnotes.iter().any(|f| &f.id == id) {
            return Some(Selection::Domain(domain.id.clone()));
        }
        if domain.entries.iter().any(|e| &e.id == id) {
            return Some(Selection::Entry(id.clone()));
        }
        for roadblock in &domain.roadblocks {
            if &roadblock.id == id {
                return Some(Selection::Roadblock(id.clone()));
            }
            if roadblock
                .done
                .iter()
                .chain(&roadblock.actions)
                .any(|i| &i.id == id)
            {
                return Some(Selection::Item(id.clone()));
            }
        }
    }
    None
}

/// Every selectable entity shown with `filter`, in reading order: each domain, then its
/// roadblocks with their items, then its timeline entries.
#[must_use]
pub fn navigation_order(document: &Document, filter: &Filter) -> Vec<Selection> {
    let mut order = Vec::new();
    for domain in document.domains.iter().filter(|d| filter.shows_domain(d)) {
        order.push(Selection::Domain(domain.id.clone()));
        for roadblock in domain
            .roadblocks
            .iter()
            .filter(|r| filter.shows_roadblock(domain, r))
        {
            order.push(Selection::Roadblock(roadblock.id.clone()));
            order.extend(
                roadblock
                    .done
                    .iter()
                    .chain(&roadblock.actions)
                    .map(|item| Selection::Item(item.id.clone())),
            );
        }
        order.extend(
            domain
                .entries
                .iter()
                .filter(|e| filter.shows_entry(domain, e))
                .map(|entry| Selection::Entry(entry.id.clone())),
        );
    }
    order
}

/// The selection `step` places after (or, negative, before) `current` in `order`; the first
/// (or last) one when nothing is selected or the selection is no longer shown.
#[must_use]
pub fn step(order: &[Selection], current: Option<&Selection>, step: isize) -> Option<Selection> {
    let position = current.and_then(|c| order.iter().position(|s| s == c));
    let index = match position {
        Some(at) => at
            .saturating_add_signed(step)
            .min(order.len().saturating_sub(1)),
        None if step >= 0 => 0,
        None => order.len().checked_sub(1)?,
    };
    order.get(index).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stepping_stops_at_the_ends() {
        let order = vec![
            Selection::Domain("a".into()),
            Selection::Roadblock("b".into()),
        ];
        assert_eq!(step(&order, None, 1), Some(order[0].clone()));
        assert_eq!(step(&order, None, -1), Some(order[1].clone()));
        assert_eq!(step(&order, Some(&order[0]), 1), Some(order[1].clone()));
        assert_eq!(step(&order, Some(&order[1]), 1), Some(order[1].clone()));
        assert_eq!(step(&order, Some(&order[0]), -1), Some(order[0].clone()));
        assert_eq!(step(&[], None, 1), None);
    }
}
