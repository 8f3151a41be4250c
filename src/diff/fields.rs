//! The fields each entity is compared by, as named texts (the document's cover, the timeline,
//! domains, roadblocks, items, entries, footnotes, notes), and the changes between two such
//! lists. A roadblock's or entry's note references are compared as the marks its own revision
//! prints (「（注1,2）」): renumbering the notes changes them, as it changes the printed page.

use crate::model::{
    Document, Domain, Footnote, Id, Item, Marker, Note, Roadblock, TimePoint, TimelineEntry,
    bracketed_marks,
};

use std::collections::BTreeMap;

use super::text::diff_text;
use super::{FieldChange, FieldName};

/// A field's name and text.
pub(super) type Fields = Vec<(FieldName, String)>;

/// The field name of the cell of text column `column`: `cells.kpi`.
#[must_use]
pub fn cell_field(column: &Id) -> FieldName {
    format!("cells.{column}").into()
}

/// The cells of a domain or roadblock as fields, in column-id order.
fn cell_fields(cells: &BTreeMap<Id, String>) -> impl Iterator<Item = (FieldName, String)> + '_ {
    cells
        .iter()
        .map(|(id, text)| (cell_field(id), text.clone()))
}

/// Field changes between two lists of named texts (a missing side counts as empty).
pub(super) fn field_changes(old: &Fields, new: &Fields) -> Vec<FieldChange> {
    let mut changes = Vec::new();
    for (field, new_text) in new {
        let old_text = old
            .iter()
            .find(|(f, _)| f == field)
            .map_or("", |(_, t)| t.as_str());
        if old_text != new_text {
            changes.push(FieldChange {
                field: field.clone(),
                diff: diff_text(old_text, new_text),
                shift_quarters: None,
            });
        }
    }
    for (field, old_text) in old {
        if !new.iter().any(|(f, _)| f == field) && !old_text.is_empty() {
            changes.push(FieldChange {
                field: field.clone(),
                diff: diff_text(old_text, ""),
                shift_quarters: None,
            });
        }
    }
    changes
}

pub(super) fn document_fields(document: &Document) -> Fields {
    let meta = &document.meta;
    vec![
        ("title".into(), meta.title.clone()),
        ("subtitle".into(), meta.subtitle.clone()),
        ("date".into(), meta.date.clone()),
        ("material_label".into(), meta.material_label.clone()),
        ("revision_label".into(), meta.revision_label.clone()),
        ("revision_notes".into(), meta.revision_notes.join("\n")),
        ("author".into(), meta.author.clone()),
        ("legend_caption".into(), document.legend.caption.clone()),
        (
            "legend".into(),
            document
                .legend
                .categories
                .iter()
                .map(|c| format!("{} {}", c.letter, c.text))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        (
            "columns".into(),
            document
                .columns
                .iter()
                .map(|c| c.header.clone())
                .collect::<Vec<_>>()
                .join(" | "),
        ),
    ]
}

pub(super) fn timeline_fields(document: &Document) -> Fields {
    let labels = document.timeline.column_labels();
    vec![(
        "years".into(),
        format!(
            "{}〜{}",
            labels.first().cloned().unwrap_or_default(),
            labels.last().cloned().unwrap_or_default()
        ),
    )]
}

pub(super) fn domain_fields(domain: &Domain) -> Fields {
    let mut fields: Fields = vec![
        ("number".into(), domain.number_label()),
        ("name".into(), domain.name.clone()),
        (
            "headers".into(),
            domain
                .header_overrides
                .iter()
                .map(|(kind, text)| match kind.text_id() {
                    Some(id) => format!("{id}: {text}"),
                    None => format!("{kind:?}: {text}"),
                })
                .collect::<Vec<_>>()
                .join("\n"),
        ),
    ];
    fields.extend(cell_fields(&domain.cells));
    fields
}

/// An entity with the marks of the notes it refers to, as its own revision numbers them.
#[derive(Debug, Clone)]
pub(crate) struct Noted<'a, T> {
    /// The entity.
    pub item: &'a T,
    /// Its note marks, 「1,2」 (empty without references).
    pub marks: String,
}

impl<'a> Noted<'a, TimelineEntry> {
    /// The entries of `entries` (of `document`) with their marks.
    pub(crate) fn entries(document: &Document, entries: &'a [TimelineEntry]) -> Vec<Self> {
        entries
            .iter()
            .map(|item| Noted {
                item,
                marks: document.note_marks(&item.notes),
            })
            .collect()
    }
}

/// A roadblock's fields; `marks` are its note marks in its own revision.
pub(super) fn roadblock_fields(roadblock: &Roadblock, marks: &str) -> Fields {
    vec![
        ("scope".into(), roadblock.scope.clone()),
        ("title".into(), roadblock.title.clone()),
        ("categories".into(), roadblock.categories_label()),
        ("notes".into(), bracketed_marks(marks)),
        ("description".into(), roadblock.description.join("\n")),
    ]
    .into_iter()
    .chain(cell_fields(&roadblock.cells))
    .collect()
}

pub(super) fn item_fields(old: Option<&Item>, new: &Item) -> Vec<FieldChange> {
    let text = |item: &Item| {
        let marker = if item.marker == Marker::Plain {
            ""
        } else {
            item.marker.symbol()
        };
        vec![
            ("text".into(), format!("{marker}{}", item.text)),
            ("level".into(), item.level.to_string()),
        ]
    };
    let mut new_fields = text(new);
    let mut old_fields = old.map(text).unwrap_or_default();
    if old.is_none() {
        new_fields.retain(|(f, _)| *f != "level");
        old_fields.clear();
    }
    field_changes(&old_fields, &new_fields)
}

/// A time point as 「2022年度」 or 「2022年度第2四半期」.
fn point_label(point: TimePoint) -> String {
    let year = point.year.0;
    match point.part {
        Some(crate::model::PartOfYear::Quarter(q)) => format!("{year}年度第{q}四半期"),
        Some(crate::model::PartOfYear::Month(m)) => format!("{year}年度{m}月"),
        None => format!("{year}年度"),
    }
}

pub(super) fn entry_fields(
    old: Option<&Noted<'_, TimelineEntry>>,
    new: &Noted<'_, TimelineEntry>,
) -> Vec<FieldChange> {
    let fields = |noted: &Noted<'_, TimelineEntry>| -> Fields {
        let entry = noted.item;
        vec![
            ("label".into(), entry.label.clone()),
            ("notes".into(), bracketed_marks(&noted.marks)),
            ("kind".into(), format!("{:?}", entry.kind)),
            ("start".into(), point_label(entry.start)),
            (
                "end".into(),
                if entry.open_ended {
                    format!("{}以降", point_label(entry.end))
                } else {
                    point_label(entry.end)
                },
            ),
            (
                "rows".into(),
                entry
                    .rows
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            ("detail".into(), entry.detail.clone()),
        ]
    };
    let mut changes = field_changes(&old.map(fields).unwrap_or_default(), &fields(new));
    if let Some(old) = old {
        let (old, new) = (old.item, new.item);
        for change in &mut changes {
            change.shift_quarters = match change.field.as_ref() {
                "start" => Some(new.start.first_quarter_exact() - old.start.first_quarter_exact()),
                "end" => Some(new.end.last_quarter_exact() - old.end.last_quarter_exact()),
                _ => None,
            };
        }
    }
    changes
}

pub(super) fn note_fields(old: Option<&Note>, new: &Note) -> Vec<FieldChange> {
    let fields = |n: &Note| -> Fields { vec![("text".into(), n.text.clone())] };
    field_changes(&old.map(fields).unwrap_or_default(), &fields(new))
}

pub(super) fn footnote_fields(old: Option<&Footnote>, new: &Footnote) -> Vec<FieldChange> {
    let fields = |f: &Footnote| -> Fields {
        vec![
            ("mark".into(), f.mark.clone()),
            ("lines".into(), f.lines.join("\n")),
        ]
    };
    field_changes(&old.map(fields).unwrap_or_default(), &fields(new))
}
