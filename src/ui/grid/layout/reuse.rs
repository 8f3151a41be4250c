//! Reusing the grid's layout: each domain's geometry kept with the domain it was laid out from
//! (`DomainMemo`), and how much a frame may lay out (`Budget`).

use super::DomainGeom;
use crate::model::{Domain, Shared};

/// A domain as last laid out (shared with the document while unchanged) and its geometry.
type Kept = (Shared<Domain>, DomainGeom);

/// Domains as they were last laid out, with their geometry, by id; and the average height of
/// a roadblock row seen so far, to estimate the domains not laid out yet.
#[derive(Debug, Default)]
pub struct DomainMemo(
    pub(super) std::collections::HashMap<crate::model::Id, Kept>,
    pub(super) (f32, usize),
);

impl DomainMemo {
    /// Forgets every domain (something every domain's layout depends on changed).
    pub fn clear(&mut self) {
        self.0.clear();
    }

    pub(super) fn learn(&mut self, domain: &Domain, geom: &DomainGeom) {
        let (height, rows) = &mut self.1;
        *height += geom.height;
        *rows += domain.roadblocks.len().max(1);
    }

    /// A domain's height before it is laid out: its rows at the average height seen so far.
    #[allow(clippy::cast_precision_loss)] // row counts
    pub(super) fn estimate(&self, domain: &Domain) -> f32 {
        let (height, rows) = self.1;
        let per_row = if rows == 0 {
            ESTIMATED_ROW_HEIGHT
        } else {
            height / rows as f32
        };
        per_row * domain.roadblocks.len().max(1) as f32
    }
}

/// A roadblock row's height before any has been laid out.
const ESTIMATED_ROW_HEIGHT: f32 = 120.0;

/// How much laying out a frame may do: every domain above `exact_until` (grid y), then others
/// until `deadline`; `complete` says afterwards whether every domain was laid out.
#[derive(Debug, Clone)]
pub struct Budget {
    /// Domains whose top is above this are always laid out (the view and a margin).
    pub exact_until: f32,
    /// After this instant, further domains are estimated; `None`: no limit.
    pub deadline: Option<std::time::Instant>,
    /// Whether the last layout laid out every shown domain.
    pub complete: bool,
}

impl Budget {
    /// Lay out everything.
    #[must_use]
    pub fn unlimited() -> Self {
        Self {
            exact_until: f32::INFINITY,
            deadline: None,
            complete: true,
        }
    }

    pub(super) fn allows(&self, top: f32) -> bool {
        top <= self.exact_until
            || self
                .deadline
                .is_none_or(|deadline| std::time::Instant::now() < deadline)
    }
}
