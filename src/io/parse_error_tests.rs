//! Load errors in plain words: every kind in both languages, and the common mistakes in a real
//! roadmap read as what is probably wrong.

use super::{KeyKind, ParseError, ParseErrorKind, ValueType};
use crate::io::{TextPosition, parse_ron};
use crate::model::Lang;

/// Which variant `kind` is, numbered; no catch-all arm, so a new variant does not compile here
/// until it is numbered, and the test then fails until `examples` has one.
fn variant(kind: &ParseErrorKind) -> usize {
    use ParseErrorKind as K;
    match kind {
        K::Empty => 0,
        K::NotUtf8 => 1,
        K::NewerVersion { .. } => 2,
        K::TooDeep { .. } => 3,
        K::EndsEarly => 4,
        K::Missing(_) => 5,
        K::ExpectedOpening(_) => 6,
        K::FieldNameExpected => 7,
        K::UnknownField { .. } => 8,
        K::MissingField { .. } => 9,
        K::RepeatedField { .. } => 10,
        K::UnknownChoice { .. } => 11,
        K::WrongType { .. } => 12,
        K::NumberOutOfRange => 13,
        K::InvalidEscape => 14,
        K::UnexpectedChar(_) => 15,
        K::TrailingText => 16,
        K::RepeatedKey { .. } => 17,
        K::Other => 18,
    }
}

const LAST_VARIANT: usize = 18;

fn examples() -> Vec<ParseErrorKind> {
    use ParseErrorKind as K;
    let mut all = vec![
        K::Empty,
        K::NotUtf8,
        K::NewerVersion { version: 9 },
        K::TooDeep { levels: 32 },
        K::EndsEarly,
        K::FieldNameExpected,
        K::UnknownField {
            field: "titel".into(),
            expected: vec!["title".into(), "subtitle".into()],
        },
        K::MissingField {
            field: "timeline".into(),
        },
        K::RepeatedField {
            field: "title".into(),
        },
        K::UnknownChoice {
            found: "Spiral".into(),
            expected: vec!["Arrow".into(), "Bar".into()],
        },
        K::NumberOutOfRange,
        K::InvalidEscape,
        K::UnexpectedChar('#'),
        K::TrailingText,
        K::Other,
    ];
    all.extend([')', ']', '}', '"', ',', ':'].map(K::Missing));
    all.extend(['(', '[', '{'].map(K::ExpectedOpening));
    all.extend(
        [
            ValueType::Integer,
            ValueType::Number,
            ValueType::Text,
            ValueType::Boolean,
            ValueType::Char,
            ValueType::Option,
        ]
        .map(|expected| K::WrongType { expected }),
    );
    all.extend(
        [
            KeyKind::HeaderOverride,
            KeyKind::Cell,
            KeyKind::ColumnLabel,
            KeyKind::CategoryLetter,
        ]
        .map(|what| K::RepeatedKey {
            what,
            key: "A".into(),
        }),
    );
    all
}

#[test]
fn every_kind_has_both_texts() {
    let mut seen = [false; LAST_VARIANT + 1];
    for kind in examples() {
        seen[variant(&kind)] = true;
        let ja = kind.text(Lang::Ja);
        let en = kind.text(Lang::En);
        assert!(!ja.trim().is_empty() && !en.trim().is_empty(), "{kind:?}");
        assert_ne!(ja, en, "{kind:?}");
        assert!(
            ja.chars().any(|c| matches!(c, '\u{3040}'..='\u{30ff}')),
            "{kind:?}: {ja}"
        );
        assert!(
            !en.chars().any(|c| matches!(c, '\u{3040}'..='\u{30ff}')),
            "{kind:?}: {en}"
        );
    }
    let missing: Vec<usize> = (0..=LAST_VARIANT).filter(|&v| !seen[v]).collect();
    assert!(missing.is_empty(), "no example of variants {missing:?}");
}

/// The 見直し後 example with one change.
fn broken(change: impl FnOnce(&str) -> String) -> ParseError {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/roadblocks-after.ron"
    ))
    .expect("example");
    let changed = change(&text);
    assert_ne!(changed, text);
    parse_ron(&changed).expect_err("broken")
}

/// `text` with the `n`th line (from 1) replaced by `f(line)`.
fn line_changed(text: &str, n: usize, f: impl FnOnce(&str) -> String) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    lines[n - 1] = f(&lines[n - 1]);
    lines.join("\n")
}

/// The first line from `from` (1-based) whose trimmed text is `trimmed`.
fn line_of(text: &str, from: usize, trimmed: &str) -> usize {
    text.split('\n')
        .enumerate()
        .skip(from - 1)
        .find(|(_, line)| line.trim() == trimmed)
        .map(|(i, _)| i + 1)
        .expect("such a line")
}

#[test]
fn a_missing_paren_is_named_where_it_is_missed() {
    let error = broken(|text| {
        let n = line_of(text, 490, "),");
        line_changed(text, n, |l| l.replace("),", ","))
    });
    assert_eq!(error.kind, ParseErrorKind::Missing(')'));
    assert_eq!(
        error.position,
        TextPosition {
            line: 500,
            column: 25
        }
    );
    assert_eq!(
        error.describe(Lang::Ja),
        "500行25列の付近で「)」が足りないようです"
    );
    assert_eq!(
        error.describe(Lang::En),
        "Near line 500, column 25: a “)” seems to be missing"
    );
    assert_eq!(
        error.detail_line(Lang::Ja).as_deref(),
        Some("詳細: Expected identifier")
    );
}

#[test]
fn common_mistakes_are_read_as_what_they_probably_are() {
    // A list's `]` left out.
    let error = broken(|text| {
        let n = line_of(text, 200, "],");
        line_changed(text, n, |l| l.replace("],", ","))
    });
    assert_eq!(error.kind, ParseErrorKind::Missing(']'), "{error}");
    // A comma left out at a line's end.
    let error = broken(|text| text.replacen("\",\n        subtitle:", "\"\n        subtitle:", 1));
    assert_eq!(error.kind, ParseErrorKind::Missing(','), "{error}");
    // A field name misspelt.
    let error = broken(|text| text.replacen("title:", "titel:", 1));
    assert!(
        matches!(&error.kind, ParseErrorKind::UnknownField { field, expected }
            if field == "titel" && expected.contains(&"title".to_owned())),
        "{error}"
    );
    assert!(error.describe(Lang::Ja).contains("「titel」という項目"));
    // A field left out.
    let error = broken(|text| text.replacen("    format_version: 1,\n", "", 1));
    assert!(
        matches!(&error.kind, ParseErrorKind::MissingField { field } if field == "format_version"),
        "{error}"
    );
    // A number in quotes.
    let error = broken(|text| text.replacen("years: 3", "years: \"3\"", 1));
    assert_eq!(
        error.kind,
        ParseErrorKind::WrongType {
            expected: ValueType::Integer
        },
        "{error}"
    );
    // A backslash that is not an escape.
    let error = broken(|text| text.replacen("ロードブロック", "ロード\\qブロック", 1));
    assert_eq!(error.kind, ParseErrorKind::InvalidEscape, "{error}");
    // Cut off half way.
    let error = broken(|text| text[..text.rfind("),").expect("a paren")].to_owned());
    assert_eq!(error.kind, ParseErrorKind::EndsEarly, "{error}");
    // A field given twice.
    let error = broken(|text| text.replacen("    title:", "    title: \"x\",\n    title:", 1));
    assert!(
        matches!(&error.kind, ParseErrorKind::RepeatedField { field } if field == "title"),
        "{error}"
    );
}
