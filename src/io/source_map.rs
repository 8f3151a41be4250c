//! Finds where an entity or field of a document is written in its RON text, so that validation
//! problems can be reported as `file:line:column`.
//!
//! [`SourceIndex`] reads the text once (line starts, and where each `id: "…"` is written), so that
//! locating many problems costs a lookup each instead of a scan of the text each.

use std::collections::HashMap;

use super::error::TextPosition;
use crate::model::Location;

/// The position in `text` of a validation problem's location: the field of the entity with that
/// id (the `occurrence`-th entity with it, for duplicates), else the entity's id, else the first
/// line. To locate several problems in one text, build a [`SourceIndex`] once instead.
#[must_use]
pub fn locate(text: &str, location: &Location) -> TextPosition {
    SourceIndex::new(text).locate(location)
}

/// A text read once for locating problems: where its lines start, and the offset of every
/// `id: "…"` (pointing at `id`), in order, by id.
#[derive(Debug, Clone)]
pub struct SourceIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    ids: HashMap<&'a str, Vec<usize>>,
}

impl<'a> SourceIndex<'a> {
    /// Reads `text` once.
    #[must_use]
    pub fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        let mut ids: HashMap<&str, Vec<usize>> = HashMap::new();
        for (quote, _) in text.match_indices('"') {
            let Some(at) = id_key_before(text, quote) else {
                continue;
            };
            let value_start = quote + 1;
            let Some(length) = text[value_start..].find('"') else {
                continue;
            };
            ids.entry(&text[value_start..value_start + length])
                .or_default()
                .push(at);
        }
        Self {
            text,
            line_starts,
            ids,
        }
    }

    /// The position of a validation problem's location, as [`locate`] gives it.
    #[must_use]
    pub fn locate(&self, location: &Location) -> TextPosition {
        let text = self.text;
        let offset = match &location.id {
            Some(id) => self
                .ids
                .get(id.as_str())
                .and_then(|offsets| offsets.get(location.occurrence))
                .map(|&at| {
                    location
                        .field
                        .and_then(|field| field_offset_within_entity(text, at, field))
                        .unwrap_or(at)
                }),
            None => location
                .field
                .and_then(|field| field_offset(text, 0, text.len(), field)),
        };
        offset.map_or(TextPosition::START, |at| self.position(at))
    }

    /// The line and column of byte `offset` (clamped to the text and to a character start),
    /// as [`TextPosition::of_offset`] gives it.
    #[must_use]
    pub fn position(&self, offset: usize) -> TextPosition {
        let text = self.text;
        let mut end = offset.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let line = self.line_starts.partition_point(|&start| start <= end);
        let line_start = self.line_starts[line - 1];
        TextPosition {
            line,
            column: text[line_start..end].chars().count() + 1,
        }
    }
}

/// When the `"` at `quote` opens the value of an `id:` key (`id` written as a whole word, then
/// `:`, with any white space around), the offset of that `id`.
fn id_key_before(text: &str, quote: usize) -> Option<usize> {
    let before = text[..quote].trim_end();
    let before = before.strip_suffix(':')?.trim_end();
    let at = before.len().checked_sub(2)?;
    (before.ends_with("id") && is_word_start(text, at)).then_some(at)
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

    /// The scan per problem that `SourceIndex` replaced, kept to compare with.
    fn locate_by_scanning(text: &str, location: &Location) -> TextPosition {
        let id_offset = |id: &str, occurrence: usize| {
            let quoted = format!("\"{id}\"");
            text.match_indices(&quoted)
                .filter_map(|(at, _)| {
                    let before = text[..at].trim_end();
                    let before = before.strip_suffix(':')?.trim_end();
                    before.ends_with("id").then(|| before.len() - 2)
                })
                .filter(|&at| is_word_start(text, at))
                .nth(occurrence)
        };
        let offset = match &location.id {
            Some(id) => id_offset(id.as_str(), location.occurrence).map(|at| {
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

    /// `text` with every id under `prefix` (`prefix.r1`, `prefix.r1.i2` …) replaced by `prefix`.
    fn same_ids(text: &str, prefix: &str) -> String {
        let key = format!("id: \"{prefix}.");
        let mut parts = text.split(&key);
        let mut out = parts.next().unwrap_or_default().to_owned();
        for part in parts {
            out.push_str("id: \"");
            out.push_str(prefix);
            out.push_str(&part[part.find('"').unwrap_or(0)..]);
        }
        out
    }

    /// Every problem of the examples, and of variants with many duplicate ids and a moved
    /// timeline, is located where the scan per problem located it.
    #[test]
    fn the_index_locates_as_the_scan_did() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = Vec::new();
        for name in [
            "examples/roadblocks-before.ron",
            "examples/roadblocks-after.ron",
        ] {
            let text = std::fs::read_to_string(root.join(name)).expect("example");
            texts.push(text.replace("first_year: 2022", "first_year: 2032"));
            // Every roadblock of a domain takes the domain's id: many duplicates.
            texts.push(same_ids(&text, "d3"));
            texts.push(text);
        }
        let mut located = 0;
        for text in &texts {
            let index = SourceIndex::new(text);
            let document = crate::io::parse_ron(text).expect("the variants parse");
            for problem in crate::model::validate(&document) {
                assert_eq!(
                    index.locate(&problem.location),
                    locate_by_scanning(text, &problem.location),
                    "{problem:?}"
                );
                located += 1;
            }
            for offset in (0..text.len() + 3).step_by(7) {
                assert_eq!(
                    index.position(offset),
                    TextPosition::of_offset(text, offset)
                );
            }
        }
        assert!(located > 50, "only {located} locations compared");
    }

    #[test]
    fn unknown_things_point_at_the_start() {
        assert_eq!(at(Some("zz"), 0, None), TextPosition::START);
        assert_eq!(at(None, 0, Some("nothing")), TextPosition::START);
    }
}
