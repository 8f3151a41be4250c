//! The lines of a 新旧対照表 cell: runs of text marked (傍線) where they changed, one side's
//! spans of a changed field, and the blank that marks a pure deletion or insertion.

use super::super::fields::Fields;
use super::super::{FieldChange, Segment};

/// A run of text, marked (underlined) when it is a changed part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The text.
    pub text: String,
    /// Changed (傍線).
    pub marked: bool,
}

/// One paragraph of a cell.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Line {
    /// Its runs.
    pub spans: Vec<Span>,
    /// A part's label (【取組事項】), which names a column rather than holding its text.
    pub label: bool,
}

/// Whether a piece of marked text is underlined: everything marked but ASCII spaces (where a
/// line was broken), so the blank of a deletion (`GAP`, an ideographic space) is underlined.
#[must_use]
pub fn underlines(text: &str, marked: bool) -> bool {
    marked && !text.trim_matches(' ').is_empty()
}

impl Span {
    pub(super) fn plain(text: &str) -> Self {
        Self {
            text: text.to_owned(),
            marked: false,
        }
    }
}

impl Line {
    pub(super) fn plain(text: &str) -> Self {
        Self {
            spans: vec![Span::plain(text)],
            label: false,
        }
    }

    /// The line's text without marks.
    #[must_use]
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }

    /// Whether any part is marked.
    #[must_use]
    pub fn has_marks(&self) -> bool {
        self.spans.iter().any(|s| s.marked)
    }

    /// The marked (underlined) text of `lines`, run together.
    #[must_use]
    pub fn marked_text(lines: &[Line]) -> String {
        lines
            .iter()
            .flat_map(|l| &l.spans)
            .filter(|s| s.marked)
            .map(|s| s.text.as_str())
            .collect()
    }

    pub(super) fn prefixed(mut self, prefix: &str) -> Self {
        self.spans.insert(
            0,
            Span {
                text: prefix.to_owned(),
                marked: false,
            },
        );
        self
    }
}

/// Which side of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    New,
    Old,
}

/// What stands on one side where the other side has text the change removed or added: an
/// underlined blank at that point, as 新旧対照表 practice marks a pure deletion on the 改正後
/// side (and a pure insertion on the 改正前 side).
pub const GAP: &str = "　";

/// The spans of `field` on `side`: the change's runs when the field changed, else its text.
/// `all` marks every part (an added or removed entity).
pub(super) fn spans(
    fields: &Fields,
    changes: &[FieldChange],
    field: &str,
    side: Side,
    all: bool,
) -> Vec<Span> {
    if let Some(change) = changes.iter().find(|c| c.field == field) {
        let runs = &change.diff.runs;
        let mut out = Vec::new();
        for (at, run) in runs.iter().enumerate() {
            match (run, side) {
                (Segment::Equal(t), _) => out.push(Span {
                    text: t.clone(),
                    marked: all,
                }),
                (Segment::Insert(t), Side::New) | (Segment::Delete(t), Side::Old) => {
                    out.push(Span {
                        text: t.clone(),
                        marked: true,
                    });
                }
                // Text only the other side has: a marked blank where it was (or will be),
                // unless this side marks its own replacement text right beside it.
                (Segment::Delete(_) | Segment::Insert(_), _) => {
                    let replaced = |other: Option<&Segment>| {
                        matches!(
                            (other, side),
                            (Some(Segment::Insert(_)), Side::New)
                                | (Some(Segment::Delete(_)), Side::Old)
                        )
                    };
                    let before = at.checked_sub(1).and_then(|i| runs.get(i));
                    if !replaced(before) && !replaced(runs.get(at + 1)) {
                        out.push(Span {
                            text: GAP.to_owned(),
                            marked: true,
                        });
                    }
                }
            }
        }
        return out;
    }
    let text = fields
        .iter()
        .find(|(f, _)| *f == field)
        .map_or("", |(_, t)| t.as_str());
    vec![Span {
        text: text.to_owned(),
        marked: all && !text.is_empty(),
    }]
}

/// Splits spans into lines at newlines.
pub(super) fn split_lines(spans: Vec<Span>) -> Vec<Line> {
    let mut lines = vec![Line::default()];
    for span in spans {
        for (index, part) in span.text.split('\n').enumerate() {
            if index > 0 {
                lines.push(Line::default());
            }
            if !part.is_empty()
                && let Some(line) = lines.last_mut()
            {
                line.spans.push(Span {
                    text: part.to_owned(),
                    marked: span.marked,
                });
            }
        }
    }
    lines.retain(|l| !l.spans.is_empty());
    lines
}
