//! Finds where an entity or field of a document is written in its RON text, so that validation
//! problems can be reported as `file:line:column`.

use super::error::TextPosition;
use crate::model::Location;

/// The position in `text` of a validation problem's location: the field of the entity with that
/// id (the `occurrence`-th entity with it, for duplicates), else the entity's id, else the first
/// line.
#[must_use]
pub fn locate(text: &str, location: &Location) -> TextPosition {
    let offset = match &location.id {
        Some(id) => id_offset(text, id.as_str(), location.occurrence).map(|at| {
            location
                .field
                .and_then(|field| field_offset_within_entity(text, at, field))
                .unwrap_or(at)
        }),
        None => location
            .field
            .and_then(|field| field_offset(text, 0, text.len(), field)),
    };
    offset.map_or(TextPosition::START, |at| TextPosition::of_offset(text, at))
}

/// Byte offset of the `occurrence`-th `id: "ID"`, pointing at `id`.
fn id_offset(text: &str, id: &str, occurrence: usize) -> Option<usize> {
    let quoted = format!("\"{id}\"");
    text.match_indices(&quoted)
        .filter_map(|(at, _)| {
            let before = text[..at].trim_end();
            let before = before.strip_suffix(':')?.trim_end();
            before.ends_with("id").then(|| before.len() - 2)
        })
        .filter(|&at| is_word_start(text, at))
        .nth(occurrence)
}

/// The field's offset after `start`, before the next entity id begins.
fn field_offset_within_entity(text: &str, start: usize, field: &str) -> Option<usize> {
    if field == "id" {
        return Some(start);
    }
    let end = field_offset(text, start + 2, text.len(), "id").unwrap_or(text.len());
    field_offset(text, start, end, field)
}

/// The first `field:` written as a whole word between `start` and `end`.
fn field_offset(text: &str, start: usize, end: usize, field: &str) -> Option<usize> {
    let pattern = format!("{field}:");
    text[start..end]
        .match_indices(&pattern)
        .map(|(i, _)| start + i)
        .find(|&at| is_word_start(text, at))
}

fn is_word_start(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;

    const TEXT: &str = "(\n    meta: (\n        title: \"\",\n    ),\n    domains: [\n        (\n            id: \"d1\",\n            name: \"\",\n        ),\n        (\n            id: \"d1\",\n            grid_id: \"x\",\n            name: \"IRB\",\n        ),\n    ],\n)\n";

    fn at(id: Option<&str>, occurrence: usize, field: Option<&'static str>) -> TextPosition {
        locate(
            TEXT,
            &Location {
                id: id.map(Id::from),
                occurrence,
                field,
            },
        )
    }

    #[test]
    fn finds_entities_fields_and_duplicates() {
        assert_eq!(
            at(Some("d1"), 0, None),
            TextPosition {
                line: 7,
                column: 13
            }
        );
        assert_eq!(
            at(Some("d1"), 0, Some("name")),
            TextPosition {
                line: 8,
                column: 13
            }
        );
        assert_eq!(
            at(Some("d1"), 1, Some("id")),
            TextPosition {
                line: 11,
                column: 13
            }
        );
        assert_eq!(
            at(Some("d1"), 1, Some("name")),
            TextPosition {
                line: 13,
                column: 13
            }
        );
        assert_eq!(
            at(None, 0, Some("title")),
            TextPosition { line: 3, column: 9 }
        );
    }

    #[test]
    fn unknown_things_point_at_the_start() {
        assert_eq!(at(Some("zz"), 0, None), TextPosition::START);
        assert_eq!(at(None, 0, Some("nothing")), TextPosition::START);
    }
}
