//! The RON file format: canonical pretty printing, version check, and parsing with positions.

use serde::{Deserialize, Serialize};

use super::error::{ParseError, TextPosition};
use super::parse_error::ParseErrorKind;
use crate::model::{Column, Document, Domain, Legend, Meta, Note, Shared, Timeline};

/// The file format version this build writes. Files with a newer version are refused.
pub const FORMAT_VERSION: u32 = 1;

/// Nesting deeper than this is refused with an error instead of exhausting the stack.
/// ron counts two levels per bracket (the list or struct, then its element or field), so this
/// allows 32 brackets deep; the deepest real nesting of a roadmap is 7.
pub(super) const RECURSION_LIMIT: usize = 64;

/// The file's top level, written field by field in a stable order.
#[derive(Serialize)]
struct FileOut<'a> {
    format_version: u32,
    meta: &'a Meta,
    legend: &'a Legend,
    columns: &'a [Column],
    timeline: &'a Timeline,
    domains: &'a [Shared<Domain>],
    #[serde(skip_serializing_if = "<[Note]>::is_empty")]
    notes: &'a [Note],
}

/// The file's top level as read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileIn {
    format_version: u32,
    meta: Meta,
    legend: Legend,
    columns: Vec<Column>,
    timeline: Timeline,
    domains: Vec<Shared<Domain>>,
    #[serde(default)]
    notes: Vec<Note>,
}

/// Reads only the version, ignoring everything else, so that a newer file is refused with a
/// clear message rather than with an error about a field this build does not know.
#[derive(Deserialize)]
struct VersionProbe {
    #[serde(default)]
    format_version: u32,
}

fn pretty_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .separate_tuple_members(true)
        .enumerate_arrays(false)
        .compact_arrays(false)
}

fn ron_options() -> ron::Options {
    ron::Options::default().with_recursion_limit(RECURSION_LIMIT)
}

/// The document in canonical form: pretty RON, one field per line, fields in a fixed order,
/// ending with a newline. Loading this text gives back an equal document.
#[must_use]
pub fn to_ron_string(document: &Document) -> String {
    let file = FileOut {
        format_version: FORMAT_VERSION,
        meta: &document.meta,
        legend: &document.legend,
        columns: &document.columns,
        timeline: &document.timeline,
        domains: &document.domains,
        notes: &document.notes,
    };
    // Serialising plain structs, strings and numbers into a String cannot fail; the fallback
    // keeps this function total without an unwrap.
    let mut text = ron_options()
        .to_string_pretty(&file, pretty_config())
        .unwrap_or_else(|error| format!("// internal error: {error}\n"));
    text.push('\n');
    text
}

/// The document as pretty JSON, with the same field names and order as the RON file.
#[must_use]
pub fn to_json_string(document: &Document) -> String {
    let file = FileOut {
        format_version: FORMAT_VERSION,
        meta: &document.meta,
        legend: &document.legend,
        columns: &document.columns,
        timeline: &document.timeline,
        domains: &document.domains,
        notes: &document.notes,
    };
    let mut text = serde_json::to_string_pretty(&file)
        .unwrap_or_else(|error| format!("\"internal error: {error}\""));
    text.push('\n');
    text
}

/// Parses a roadmap from RON text. Errors say where (line:column) and what, as a sentence.
pub fn parse_ron(text: &str) -> Result<Document, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let options = ron_options();
    match options.from_str::<VersionProbe>(text) {
        Ok(VersionProbe { format_version }) if format_version > FORMAT_VERSION => {
            return Err(newer_version_error(text, format_version));
        }
        // Skipping over unknown values is where nesting is deepest; say so rather than report
        // whatever the full parse trips on first.
        Err(error) if error.code == ron::Error::ExceededRecursionLimit => {
            return Err(ParseError::of_ron(text, &error));
        }
        _ => {}
    }
    match options.from_str::<FileIn>(text) {
        Ok(file) if file.format_version > FORMAT_VERSION => {
            Err(newer_version_error(text, file.format_version))
        }
        Ok(file) => Ok(Document {
            meta: file.meta,
            legend: file.legend,
            columns: file.columns,
            timeline: file.timeline,
            domains: file.domains,
            notes: file.notes,
        }),
        Err(_) if text.trim().is_empty() => {
            Err(ParseError::new(TextPosition::START, ParseErrorKind::Empty))
        }
        Err(error) => Err(ParseError::of_ron(text, &error)),
    }
}

fn newer_version_error(text: &str, version: u32) -> ParseError {
    let offset = text.find("format_version").unwrap_or(0);
    ParseError::new(
        TextPosition::of_offset(text, offset),
        ParseErrorKind::NewerVersion { version },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_document_round_trips() {
        let document = Document::default();
        let text = to_ron_string(&document);
        assert!(text.starts_with("(\n    format_version: 1,\n"), "{text}");
        assert_eq!(parse_ron(&text).expect("canonical text parses"), document);
    }

    #[test]
    fn japanese_is_written_as_is() {
        let mut document = Document::default();
        document.meta.title = "ロードブロック解消のための工程表".into();
        let text = to_ron_string(&document);
        assert!(
            text.contains("title: \"ロードブロック解消のための工程表\","),
            "{text}"
        );
    }

    #[test]
    fn newer_version_is_refused_clearly() {
        let text =
            to_ron_string(&Document::default()).replace("format_version: 1", "format_version: 9");
        let error = parse_ron(&text).expect_err("newer version");
        assert!(error.to_string().contains("format_version 9"), "{error}");
        assert_eq!(error.position, TextPosition { line: 2, column: 5 });
    }

    #[test]
    fn syntax_error_has_position() {
        let text =
            to_ron_string(&Document::default()).replace("title: \"\",", "title: \"\"\n    ,,");
        let error = parse_ron(&text).expect_err("syntax error");
        assert!(error.position.line > 2, "{error}");
    }

    #[test]
    fn byte_order_mark_is_accepted() {
        let text = format!("\u{feff}{}", to_ron_string(&Document::default()));
        assert!(parse_ron(&text).is_ok());
    }
}
