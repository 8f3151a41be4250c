//! The 新旧対照表 as data: one section per domain, one row per roadblock (with its items),
//! entry or footnote, then a section 「注記」 of the document's notes, the new text beside the
//! old with the changed characters marked (傍線, `lines.rs`), （新設） opposite an added entity,
//! （削る） opposite a removed one, and unchanged stretches as one 「（略）」 row. The PDF and the
//! compare view both show these rows.

use std::collections::HashMap;

use crate::model::{Document, Domain, Footnote, Id, Note, Timeline, TimelineEntry};

use super::fields::{
    Fields, Noted, document_fields, domain_fields, entry_fields, footnote_fields, note_fields,
    timeline_fields,
};
use super::{Change, Comparison, Entity, FieldChange, Status};

mod lines;

pub use self::lines::{GAP, Line, Span, underlines};
use self::lines::{Side, spans, split_lines};

/// What a row shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// Changed: both sides, changed parts marked.
    Changed,
    /// New: the new text, （新設） opposite.
    Added,
    /// Removed: （削る） opposite the old text.
    Removed,
    /// Unchanged, shown in full (when asked for).
    Unchanged,
    /// Unchanged entities, collapsed: 「（略）」 on both sides.
    Omitted,
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// What the row shows.
    pub kind: RowKind,
    /// The entity (for a collapsed row, the first one).
    pub entity: Entity,
    /// The entity's id in the new revision, if it has one there.
    pub new_id: Option<Id>,
    /// The entity's id in the old revision.
    pub old_id: Option<Id>,
    /// The new side (改正後).
    pub new: Vec<Line>,
    /// The old side (改正前).
    pub old: Vec<Line>,
}

/// A domain's rows (or the document's, under 「文書」).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// 「① IRB」.
    pub heading: String,
    /// Its rows.
    pub rows: Vec<Row>,
}

/// The whole table.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ComparisonTable {
    /// One section per domain (plus the document's own changes first).
    pub sections: Vec<Section>,
}

/// The changes of one comparison, found by the entity's id on either side.
struct Index<'a> {
    by_new: HashMap<(Entity, &'a Id), &'a Change>,
    by_old: HashMap<(Entity, &'a Id), &'a Change>,
    /// The changes of each roadblock's items, by the roadblock's id (found once, not by a
    /// search of every change per roadblock).
    items_of: HashMap<&'a Id, Vec<&'a Change>>,
    /// The old revision's domains and roadblocks by id (a lookup per row, not a search).
    old_domains: HashMap<&'a Id, &'a Domain>,
    old_roadblocks: HashMap<&'a Id, &'a crate::model::Roadblock>,
}

impl<'a> Index<'a> {
    fn of(comparison: &'a Comparison, old: &'a Document) -> Self {
        let mut by_new = HashMap::new();
        let mut by_old = HashMap::new();
        let mut items_of: HashMap<&Id, Vec<&Change>> = HashMap::new();
        for change in &comparison.changes {
            if let Some(parent) = &change.parent {
                items_of.entry(parent).or_default().push(change);
            }
            if let Some(id) = &change.new_id {
                by_new.insert((change.entity, id), change);
            }
            if let Some(id) = &change.old_id {
                by_old.insert((change.entity, id), change);
            }
        }
        Self {
            by_new,
            by_old,
            items_of,
            old_domains: old.domains.iter().map(|d| (&d.id, &**d)).collect(),
            old_roadblocks: old
                .domains
                .iter()
                .flat_map(|d| &d.roadblocks)
                .map(|r| (&r.id, r))
                .collect(),
        }
    }
}

/// Builds the 新旧対照表 of `comparison` (of `old` against `new`); `full` shows unchanged
/// entities in full instead of 「（略）」.
#[must_use]
pub fn build(
    old: &Document,
    new: &Document,
    comparison: &Comparison,
    full: bool,
) -> ComparisonTable {
    let index = Index::of(comparison, old);
    let mut sections = Vec::new();
    let document_rows: Vec<Row> = comparison
        .changes
        .iter()
        .filter(|c| matches!(c.entity, Entity::Document | Entity::Timeline))
        .map(|change| {
            let (old_fields, new_fields) = if change.entity == Entity::Document {
                (document_fields(old), document_fields(new))
            } else {
                (timeline_fields(old), timeline_fields(new))
            };
            let cell = |fields: &Fields, side| {
                change
                    .fields
                    .iter()
                    .flat_map(|f| split_lines(spans(fields, &change.fields, &f.field, side, false)))
                    .collect()
            };
            Row {
                kind: RowKind::Changed,
                entity: change.entity,
                new_id: change.new_id.clone(),
                old_id: change.old_id.clone(),
                new: cell(&new_fields, Side::New),
                old: cell(&old_fields, Side::Old),
            }
        })
        .collect();
    if !document_rows.is_empty() {
        sections.push(Section {
            heading: "文書".to_owned(),
            rows: document_rows,
        });
    }
    for domain in &new.domains {
        let change = index.by_new.get(&(Entity::Domain, &domain.id)).copied();
        let old_domain = change
            .and_then(|c| c.old_id.as_ref())
            .or(Some(&domain.id))
            .and_then(|id| index.old_domains.get(id).copied());
        sections.push(domain_section(
            (old, new),
            old_domain,
            Some(domain),
            change,
            &index,
            full,
        ));
    }
    for change in comparison
        .changes
        .iter()
        .filter(|c| c.entity == Entity::Domain && c.status == Status::Removed)
    {
        let old_domain = change
            .old_id
            .as_ref()
            .and_then(|id| index.old_domains.get(id).copied());
        sections.push(domain_section(
            (old, new),
            old_domain,
            None,
            Some(change),
            &index,
            full,
        ));
    }
    let mut note_rows = Vec::new();
    simple_rows(
        &new.notes,
        &old.notes,
        (Entity::Note, |n| &n.id, note_fields),
        (&new.timeline, &old.timeline),
        &index,
        full,
        &mut note_rows,
    );
    // Each side names its note by the number it has there: 「注1　…」.
    for row in note_rows.iter_mut().filter(|r| r.kind != RowKind::Omitted) {
        for (lines, id, document) in [
            (&mut row.new, &row.new_id, new),
            (&mut row.old, &row.old_id, old),
        ] {
            let number = id.as_ref().and_then(|id| document.note_number(id));
            if let (Some(number), Some(first)) = (number, lines.first_mut()) {
                *first = std::mem::take(first).prefixed(&format!("注{number}　"));
            }
        }
    }
    if note_rows.iter().any(|r| r.kind != RowKind::Omitted) {
        sections.push(Section {
            heading: "注記".to_owned(),
            rows: collapse(note_rows),
        });
    }
    ComparisonTable { sections }
}

fn row(
    kind: RowKind,
    entity: Entity,
    ids: (Option<&Id>, Option<&Id>),
    new: Vec<Line>,
    old: Vec<Line>,
) -> Row {
    let (new, old) = match kind {
        RowKind::Added => (new, vec![Line::plain("（新設）")]),
        RowKind::Removed => (vec![Line::plain("（削る）")], old),
        RowKind::Omitted => (vec![Line::plain("（略）")], vec![Line::plain("（略）")]),
        RowKind::Changed | RowKind::Unchanged => (new, old),
    };
    Row {
        kind,
        entity,
        new_id: ids.0.cloned(),
        old_id: ids.1.cloned(),
        new,
        old,
    }
}

fn kind_of(change: Option<&Change>, full: bool) -> RowKind {
    match change.map(|c| c.status) {
        Some(Status::Added) => RowKind::Added,
        Some(Status::Removed) => RowKind::Removed,
        Some(Status::Changed | Status::Moved) => RowKind::Changed,
        None if full => RowKind::Unchanged,
        None => RowKind::Omitted,
    }
}

/// One domain's section; `documents` are (old, new).
fn domain_section(
    documents: (&Document, &Document),
    old_domain: Option<&Domain>,
    domain: Option<&Domain>,
    change: Option<&Change>,
    index: &Index<'_>,
    full: bool,
) -> Section {
    let shown = domain.or(old_domain);
    let heading = shown.map(Domain::display_name).unwrap_or_default();
    let mut rows = Vec::new();
    let no_changes = Vec::new();
    let changes = change.map_or(&no_changes, |c| &c.fields);
    let kind = kind_of(change, full);
    // A domain whose place in the order changed has its heading marked on both sides.
    let moved = change.is_some_and(|c| c.status == Status::Moved);
    let name_line = |d: Option<&Domain>, side| {
        d.map(|d| {
            let fields = domain_fields(d);
            let field = |name| {
                spans(
                    &fields,
                    changes,
                    name,
                    side,
                    kind == RowKind::Added || moved,
                )
            };
            let mut lines = vec![Line {
                spans: [field("number"), vec![Span::plain(" ")], field("name")].concat(),
                label: false,
            }];
            lines.extend(domain_cell_lines(
                d, documents, &fields, changes, side, kind,
            ));
            lines
        })
        .unwrap_or_default()
    };
    if kind != RowKind::Omitted && kind != RowKind::Unchanged {
        rows.push(row(
            kind,
            Entity::Domain,
            (domain.map(|d| &d.id), old_domain.map(|d| &d.id)),
            name_line(domain, Side::New),
            name_line(old_domain, Side::Old),
        ));
    }
    let (old, new) = documents;
    let old_labels = PartLabels::of(old, old_domain);
    if let Some(domain) = domain {
        let labels = PartLabels::of(new, Some(domain));
        for roadblock in &domain.roadblocks {
            rows.push(roadblock_row(
                roadblock,
                (&labels, &old_labels),
                index,
                full,
            ));
        }
    }
    if let Some(old_domain) = old_domain {
        for roadblock in &old_domain.roadblocks {
            if index
                .by_old
                .get(&(Entity::Roadblock, &roadblock.id))
                .is_some_and(|c| c.status == Status::Removed)
            {
                rows.push(removed_roadblock_row(roadblock, &old_labels));
            }
        }
    }
    simple_rows(
        &domain.map_or_else(Vec::new, |d| Noted::entries(new, &d.entries)),
        &old_domain.map_or_else(Vec::new, |d| Noted::entries(old, &d.entries)),
        (Entity::Entry, |e| &e.item.id, entry_fields),
        (&new.timeline, &old.timeline),
        index,
        full,
        &mut rows,
    );
    simple_rows(
        domain.map_or(&[][..], |d| &d.footnotes[..]),
        old_domain.map_or(&[][..], |d| &d.footnotes[..]),
        (Entity::Footnote, |f| &f.id, footnote_fields),
        (&new.timeline, &old.timeline),
        index,
        full,
        &mut rows,
    );
    Section {
        heading,
        rows: collapse(rows),
    }
}

/// An entity whose row may show a period of years.
trait Period {
    /// The period in the document's label style and open-end suffix, if the entity has one.
    fn period(&self, timeline: &Timeline) -> Option<String>;
}

impl Period for Noted<'_, TimelineEntry> {
    fn period(&self, timeline: &Timeline) -> Option<String> {
        Some(self.item.period_label(timeline))
    }
}

impl Period for Note {
    fn period(&self, _: &Timeline) -> Option<String> {
        None
    }
}

impl Period for Footnote {
    fn period(&self, _: &Timeline) -> Option<String> {
        None
    }
}

/// One row per entry or footnote: its fields, one per line. `walk` names the entity kind,
/// its id, and its fields (as the diff compares them); `timelines` are the new and the old
/// document's, whose label style and open-end suffix write periods.
fn simple_rows<T: Period, I, F>(
    new: &[T],
    old: &[T],
    walk: (Entity, I, F),
    timelines: (&Timeline, &Timeline),
    index: &Index<'_>,
    full: bool,
    rows: &mut Vec<Row>,
) where
    I: Fn(&T) -> &Id,
    F: Fn(Option<&T>, &T) -> Vec<FieldChange>,
{
    let (entity, id, field_changes) = walk;
    let fields = |item: &T| -> Fields {
        field_changes(None, item)
            .into_iter()
            .map(|f| (f.field, f.diff.new_text()))
            .collect()
    };
    let cell = |item: Option<&T>, changes: &[FieldChange], side, all| -> Vec<Line> {
        item.map(|item| {
            let fields = fields(item);
            let mut lines = Vec::new();
            for (field, _) in &fields {
                match field.as_ref() {
                    "kind" | "rows" | "end" => {}
                    // An entry's period on one line, as the document writes years:
                    // 「令和４年度～令和６年度以降」, marked as a whole when its years changed.
                    "start" => {
                        let timeline = match side {
                            Side::New => timelines.0,
                            Side::Old => timelines.1,
                        };
                        if let Some(period) = item.period(timeline) {
                            let moved = changes
                                .iter()
                                .any(|c| matches!(c.field.as_ref(), "start" | "end"));
                            lines.push(Line {
                                spans: vec![Span {
                                    text: period,
                                    marked: all || moved,
                                }],
                                label: false,
                            });
                        }
                    }
                    field => lines.extend(split_lines(spans(&fields, changes, field, side, all))),
                }
            }
            lines
        })
        .unwrap_or_default()
    };
    for item in new {
        let change = index.by_new.get(&(entity, id(item))).copied();
        let old_item = change
            .and_then(|c| c.old_id.as_ref())
            .or(Some(id(item)))
            .and_then(|i| old.iter().find(|o| id(o) == i));
        let kind = kind_of(change, full);
        let changes = change.map_or(&[][..], |c| &c.fields[..]);
        let all = kind == RowKind::Added;
        rows.push(row(
            kind,
            entity,
            (Some(id(item)), old_item.map(&id)),
            cell(Some(item), changes, Side::New, all),
            cell(old_item, changes, Side::Old, false),
        ));
    }
    for item in old {
        if index
            .by_old
            .get(&(entity, id(item)))
            .is_some_and(|c| c.status == Status::Removed)
        {
            let lines = cell(Some(item), &[], Side::Old, true);
            rows.push(row(
                RowKind::Removed,
                entity,
                (None, Some(id(item))),
                Vec::new(),
                lines,
            ));
        }
    }
}

/// Consecutive 「（略）」 rows become one.
fn collapse(rows: Vec<Row>) -> Vec<Row> {
    let mut out: Vec<Row> = Vec::with_capacity(rows.len());
    for row in rows {
        if row.kind == RowKind::Omitted && out.last().is_some_and(|r| r.kind == RowKind::Omitted) {
            continue;
        }
        out.push(row);
    }
    out
}

mod cells;
mod roadblock;
use cells::domain_cell_lines;
use roadblock::{PartLabels, removed_roadblock_row, roadblock_row};

#[cfg(test)]
mod tests;
