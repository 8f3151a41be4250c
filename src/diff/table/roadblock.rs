//! A roadblock's row of the 新旧対照表: its columns kept apart as labelled parts —
//! 【ロードブロック】 (scope, title, categories, ○ description), 【着手・対応済みの事項】 and
//! 【取組事項】, then the text columns of roadblock rows (【KPI】 …), each label the document's
//! own header text (a domain's override first) — so a reader sees which column changed.

use crate::model::{ColumnKind, Document, Domain, Id, Roadblock};

use super::super::fields::{Fields, cell_field, roadblock_fields};
use super::super::{Change, Entity, FieldChange, Status};
use super::{Index, Line, Row, RowKind, Side, Span, kind_of, row, spans, split_lines};

/// The labels of a roadblock's parts on one side of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct PartLabels {
    roadblock: String,
    done: String,
    actions: String,
    /// The text columns of roadblock rows, in column order: id and header.
    texts: Vec<(Id, String)>,
    /// The side's notes, in number order (for the marks of a roadblock's references).
    notes: Vec<Id>,
}

impl PartLabels {
    /// The headers `document` gives its roadblock, done and action columns in `domain` (the
    /// domain's override first, e.g. ⑦'s 対応済みの事項), or the seed's words for a column the
    /// document does not show.
    pub(super) fn of(document: &Document, domain: Option<&Domain>) -> Self {
        let header = |kind: &ColumnKind, fallback: &str| {
            domain
                .and_then(|d| d.header_overrides.get(kind))
                .map(String::as_str)
                .or_else(|| document.column_header(kind))
                .filter(|text| !text.trim().is_empty())
                .unwrap_or(fallback)
                .to_owned()
        };
        let texts = document
            .columns
            .iter()
            .filter(|c| c.is_roadblock_text())
            .filter_map(|c| c.text_id())
            .map(|id| {
                (
                    id.clone(),
                    header(&ColumnKind::Text(id.clone()), id.as_str()),
                )
            })
            .collect();
        Self {
            roadblock: header(&ColumnKind::Roadblock, "ロードブロック"),
            done: header(&ColumnKind::Done, "着手・対応済みの事項"),
            actions: header(&ColumnKind::Actions, "取組事項"),
            texts,
            notes: document.notes.iter().map(|n| n.id.clone()).collect(),
        }
    }

    /// The marks of `references` on this side: 「1,2」.
    fn marks(&self, references: &[Id]) -> String {
        references
            .iter()
            .filter_map(|id| self.notes.iter().position(|n| n == id))
            .map(|i| (i + 1).to_string())
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// What changed in a roadblock: its fields, its items' changes, and whether its place did.
#[derive(Default, Clone, Copy)]
struct Parts<'a> {
    changes: &'a [FieldChange],
    item_changes: &'a [&'a Change],
    moved: bool,
}

/// A part's label line: 「【取組事項】」.
fn label(text: &str) -> Line {
    Line {
        label: true,
        ..Line::plain(&format!("【{text}】"))
    }
}

/// The lines of a roadblock on one side: 【roadblock】 scope 【title】categories, ○ description;
/// 【done】 and its items; 【actions】 and its items (a part without items has no label).
fn roadblock_lines(
    roadblock: &Roadblock,
    labels: &PartLabels,
    parts: &Parts<'_>,
    side: Side,
    all: bool,
) -> Vec<Line> {
    let Parts {
        changes,
        item_changes,
        moved,
    } = *parts;
    let fields = roadblock_fields(roadblock, &labels.marks(&roadblock.notes));
    let field = |name| spans(&fields, changes, name, side, all);
    let title = Line {
        spans: [
            field("scope"),
            vec![Span::plain(" 【")],
            spans(&fields, changes, "title", side, all || moved),
            vec![Span::plain("】")],
            field("categories"),
            field("notes"),
        ]
        .concat(),
        label: false,
    };
    let mut lines = vec![label(&labels.roadblock), title];
    lines.extend(
        split_lines(spans(&fields, changes, "description", side, all))
            .into_iter()
            .map(|l| l.prefixed("○ ")),
    );
    for (items, part) in [
        (&roadblock.done, &labels.done),
        (&roadblock.actions, &labels.actions),
    ] {
        if !items.is_empty() {
            lines.push(label(part));
        }
        for item in items {
            let change = item_changes.iter().find(|c| match side {
                Side::New => c.new_id.as_ref() == Some(&item.id),
                Side::Old => c.old_id.as_ref() == Some(&item.id),
            });
            let item_fields: Fields = vec![(
                "text".into(),
                format!("{}{}", item.marker.symbol(), item.text),
            )];
            let marked =
                all || change.is_some_and(|c| matches!(c.status, Status::Added | Status::Removed));
            let changes = change.map_or(&[][..], |c| &c.fields[..]);
            let indent = "　".repeat(usize::from(item.level.min(3)) + 1);
            lines.extend(
                split_lines(spans(&item_fields, changes, "text", side, marked))
                    .into_iter()
                    .map(|l| l.prefixed(&indent)),
            );
        }
    }
    // A text column's cell, when it has text here or its change left it empty.
    for (id, header) in &labels.texts {
        let name = cell_field(id);
        let edited = changes.iter().any(|c| c.field == name);
        if roadblock.cells.contains_key(id) || edited {
            lines.push(label(header));
            lines.extend(split_lines(spans(&fields, changes, &name, side, all)));
        }
    }
    lines
}

/// The row of a roadblock of the new revision, beside its old self if it had one; `labels`
/// are (new side, old side).
pub(super) fn roadblock_row(
    roadblock: &Roadblock,
    labels: (&PartLabels, &PartLabels),
    index: &Index<'_>,
    full: bool,
) -> Row {
    let change = index
        .by_new
        .get(&(Entity::Roadblock, &roadblock.id))
        .copied();
    let old_id = change
        .and_then(|c| c.old_id.clone())
        .unwrap_or_else(|| roadblock.id.clone());
    let old_roadblock = index.old_roadblocks.get(&old_id).copied();
    let item_changes: &[&Change] = index.items_of.get(&roadblock.id).map_or(&[], Vec::as_slice);
    let mut kind = kind_of(change, full);
    if matches!(kind, RowKind::Omitted | RowKind::Unchanged) && !item_changes.is_empty() {
        kind = RowKind::Changed;
    }
    let changes = change.map_or(&[][..], |c| &c.fields[..]);
    let all = kind == RowKind::Added;
    // A roadblock whose place changed (another position or domain) has its title marked.
    let moved = change.is_some_and(|c| c.status == Status::Moved);
    let parts = Parts {
        changes,
        item_changes,
        moved,
    };
    row(
        kind,
        Entity::Roadblock,
        (Some(&roadblock.id), old_roadblock.map(|r| &r.id)),
        roadblock_lines(roadblock, labels.0, &parts, Side::New, all),
        old_roadblock
            .map(|r| roadblock_lines(r, labels.1, &parts, Side::Old, false))
            .unwrap_or_default(),
    )
}

/// The row of a roadblock the new revision removed.
pub(super) fn removed_roadblock_row(roadblock: &Roadblock, labels: &PartLabels) -> Row {
    row(
        RowKind::Removed,
        Entity::Roadblock,
        (None, Some(&roadblock.id)),
        Vec::new(),
        roadblock_lines(roadblock, labels, &Parts::default(), Side::Old, true),
    )
}
