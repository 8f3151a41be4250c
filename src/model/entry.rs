//! Timeline entries: the labelled arrows, bars and milestones across the fiscal-year columns.

use serde::{Deserialize, Serialize};

use super::id::Id;
use super::timeline::TimePoint;

/// An arrow, bar or milestone such as 「医学研究等に係る倫理指針の改正」 or 「改定案のパブコメ」.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineEntry {
    /// Stable id.
    pub id: Id,
    /// The text written on or beside the entry.
    pub label: String,
    /// How the entry is drawn.
    pub kind: EntryKind,
    /// Where it starts (the beginning of this period).
    pub start: TimePoint,
    /// Where it ends (the end of this period); equal to `start` for a milestone.
    pub end: TimePoint,
    /// Whether it continues to the chart's right edge with an arrow head (「以降」 も継続).
    #[serde(default)]
    pub open_ended: bool,
    /// The roadblock rows the entry spans, by id. Empty means the whole domain.
    #[serde(default)]
    pub rows: Vec<Id>,
    /// Text printed under the entry: an explanation such as the seed's
    /// 「医学研究等に係る倫理指針の改正に伴い、…周知する。」, or a numbered note 「※1」.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
}

/// How a timeline entry is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum EntryKind {
    /// An arrow from start to end.
    #[default]
    Arrow,
    /// A bar (box) from start to end.
    Bar,
    /// A single event marker (◆) at the start, e.g. 「改定案のパブコメ」.
    Milestone,
}

impl TimelineEntry {
    /// The entry moved by `n` fiscal years.
    #[must_use]
    pub fn shifted(&self, n: i32) -> Self {
        Self {
            start: self.start.shifted(n),
            end: self.end.shifted(n),
            ..self.clone()
        }
    }
}
