//! Why a roadmap text could not be read, in plain words: what is probably wrong
//! ([`ParseErrorKind`], from ron's error and the text around it) and where, in Japanese and
//! English, with ron's own technical message kept as the detail. The one place a load error's
//! sentence is written; `koteihyo check` and the window both word it from here.

use std::fmt;

use super::error::TextPosition;
use crate::model::Lang;

/// Why a roadmap text could not be read, with where in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// Where the problem is.
    pub position: TextPosition,
    /// What is probably wrong.
    pub kind: ParseErrorKind,
    /// The technical message (ron's words, our internal names replaced), when there is one.
    pub detail: Option<String>,
}

/// What is probably wrong with a roadmap text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// The file is empty or only white space.
    Empty,
    /// The file is not UTF-8 text.
    NotUtf8,
    /// The file was written by a newer Koteihyo.
    NewerVersion {
        /// Its `format_version`.
        version: u32,
    },
    /// The brackets nest deeper than any roadmap does.
    TooDeep {
        /// The limit, in brackets.
        levels: usize,
    },
    /// The text ends in the middle of the roadmap.
    EndsEarly,
    /// A closing `)`, `]`, `}`, a `"`, a `,` or a `:` seems to be missing here.
    Missing(char),
    /// An opening `(`, `[` or `{` was expected here.
    ExpectedOpening(char),
    /// A field name was expected here.
    FieldNameExpected,
    /// A field this place does not have.
    UnknownField {
        /// The name written.
        field: String,
        /// The fields this place has.
        expected: Vec<String>,
    },
    /// A field that must be written is not.
    MissingField {
        /// Its name.
        field: String,
    },
    /// A field is written twice.
    RepeatedField {
        /// Its name.
        field: String,
    },
    /// A choice (such as an entry's kind) that does not exist.
    UnknownChoice {
        /// What is written.
        found: String,
        /// The choices there are.
        expected: Vec<String>,
    },
    /// A value of another type was expected here.
    WrongType {
        /// The type expected.
        expected: ValueType,
    },
    /// A number too large, or negative where it cannot be.
    NumberOutOfRange,
    /// A `\` in a text starts an escape that does not exist.
    InvalidEscape,
    /// A character that has no place here.
    UnexpectedChar(char),
    /// Something follows the roadmap's closing `)`.
    TrailingText,
    /// A map key or list element given twice (see `model/unique.rs`).
    RepeatedKey {
        /// What kind of key.
        what: KeyKind,
        /// The key as written.
        key: String,
    },
    /// Anything else; the detail says what.
    Other,
}

/// The type of value a place expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    /// A whole number.
    Integer,
    /// A number.
    Number,
    /// A text in quotes.
    Text,
    /// `true` or `false`.
    Boolean,
    /// One character in single quotes.
    Char,
    /// `Some(…)` or `None`.
    Option,
}

/// The keys that may be given only once (`model/unique.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    /// A domain's header override.
    HeaderOverride,
    /// A cell of a text column.
    Cell,
    /// A year column's header.
    ColumnLabel,
    /// A category letter of the legend or a roadblock.
    CategoryLetter,
}

impl ParseError {
    /// An error at `position` with no technical detail.
    #[must_use]
    pub fn new(position: TextPosition, kind: ParseErrorKind) -> Self {
        Self {
            position,
            kind,
            detail: None,
        }
    }

    /// ron's error in `text`, read as what is probably wrong there.
    #[must_use]
    pub fn of_ron(text: &str, error: &ron::error::SpannedError) -> Self {
        let position = TextPosition {
            line: error.span.start.line.max(1),
            column: error.span.start.col.max(1),
        };
        let here = text
            .lines()
            .nth(position.line - 1)
            .and_then(|line| line.chars().nth(position.column - 1));
        let kind = ParseErrorKind::of_ron(&error.code, here);
        let detail = technical(&error.code);
        Self {
            position,
            // A repeated key's message is already ours: no detail to add.
            detail: (detail != kind.text(Lang::En)).then_some(detail),
            kind,
        }
    }

    /// What is wrong, in `lang`, without the position: 「「)」が足りないようです」.
    #[must_use]
    pub fn sentence(&self, lang: Lang) -> String {
        self.kind.text(lang)
    }

    /// Where and what, in `lang`: 「500行25列の付近で「)」が足りないようです」 / "Near line
    /// 500, column 25: a “)” seems to be missing" (no place for an empty file or a newer one).
    #[must_use]
    pub fn describe(&self, lang: Lang) -> String {
        let sentence = self.sentence(lang);
        if !self.kind.has_a_place() {
            return sentence;
        }
        let TextPosition { line, column } = self.position;
        match lang {
            Lang::Ja => format!("{line}行{column}列の付近で{sentence}"),
            Lang::En => format!("Near line {line}, column {column}: {sentence}"),
        }
    }

    /// The technical detail as a line in `lang` (「詳細: …」), when there is one.
    #[must_use]
    pub fn detail_line(&self, lang: Lang) -> Option<String> {
        self.detail
            .as_ref()
            .map(|detail| format!("{}: {detail}", lang.pick("詳細", "detail")))
    }
}

impl fmt::Display for ParseError {
    /// `line:column: sentence (detail: …)` in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.position, self.sentence(Lang::En))?;
        if let Some(detail) = &self.detail {
            write!(f, " (detail: {detail})")?;
        }
        Ok(())
    }
}

impl std::error::Error for ParseError {}

/// ron's message, our internal type names replaced by what they mean to a user.
fn technical(code: &ron::Error) -> String {
    code.to_string()
        .replace("struct `FileIn`", "the roadmap `(`…`)`")
        .replace("`FileIn`", "the roadmap")
}

/// The nesting limit in brackets (ron counts two levels per bracket).
pub(super) const NESTING_BRACKETS: usize = super::format::RECURSION_LIMIT / 2;

impl ParseErrorKind {
    /// What ron's `code` probably means, `here` being the character at its position.
    #[must_use]
    pub fn of_ron(code: &ron::Error, here: Option<char>) -> Self {
        use ron::Error as E;
        match code {
            E::ExceededRecursionLimit => Self::TooDeep {
                levels: NESTING_BRACKETS,
            },
            E::Eof => Self::EndsEarly,
            E::Utf8Error(_) => Self::NotUtf8,
            // A field name, or the struct's `)`, was expected: finding a bracket or a comma
            // there, the struct before was not closed.
            E::ExpectedIdentifier => match here {
                Some(',' | '(' | '[' | ']' | '"') => Self::Missing(')'),
                _ => Self::FieldNameExpected,
            },
            // An element of a list was expected and a comma came: the list was not closed.
            E::ExpectedStructLike | E::ExpectedNamedStructLike(_) if here == Some(',') => {
                Self::Missing(']')
            }
            E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => Self::ExpectedOpening('('),
            E::ExpectedArray => Self::ExpectedOpening('['),
            E::ExpectedMap => Self::ExpectedOpening('{'),
            E::ExpectedArrayEnd => Self::Missing(']'),
            E::ExpectedStructLikeEnd | E::ExpectedOptionEnd => Self::Missing(')'),
            E::ExpectedMapEnd => Self::Missing('}'),
            E::ExpectedStringEnd => Self::Missing('"'),
            // Japanese text where a comma should be: a text's quotes are out of step, one
            // before here is not closed (or this one not opened).
            E::ExpectedComma if here.is_some_and(|c| !c.is_ascii()) => Self::Missing('"'),
            E::ExpectedComma => Self::Missing(','),
            E::ExpectedMapColon => Self::Missing(':'),
            E::NoSuchStructField {
                expected, found, ..
            } => Self::UnknownField {
                field: found.clone(),
                expected: expected.iter().map(|&f| f.to_owned()).collect(),
            },
            E::MissingStructField { field, .. } => Self::MissingField {
                field: (*field).to_owned(),
            },
            E::DuplicateStructField { field, .. } => Self::RepeatedField {
                field: (*field).to_owned(),
            },
            E::NoSuchEnumVariant {
                expected, found, ..
            } => Self::UnknownChoice {
                found: found.clone(),
                expected: expected.iter().map(|&v| v.to_owned()).collect(),
            },
            E::ExpectedInteger | E::InvalidIntegerDigit { .. } | E::UnderscoreAtBeginning => {
                Self::WrongType {
                    expected: ValueType::Integer,
                }
            }
            E::ExpectedFloat | E::FloatUnderscore => Self::WrongType {
                expected: ValueType::Number,
            },
            E::ExpectedString => Self::WrongType {
                expected: ValueType::Text,
            },
            E::ExpectedBoolean => Self::WrongType {
                expected: ValueType::Boolean,
            },
            E::ExpectedChar => Self::WrongType {
                expected: ValueType::Char,
            },
            E::ExpectedOption => Self::WrongType {
                expected: ValueType::Option,
            },
            E::IntegerOutOfBounds => Self::NumberOutOfRange,
            E::InvalidEscape(_) => Self::InvalidEscape,
            E::UnexpectedChar(c) => Self::UnexpectedChar(*c),
            E::TrailingCharacters => Self::TrailingText,
            E::Message(message) => repeated_key(message).unwrap_or(Self::Other),
            _ => Self::Other,
        }
    }

    /// Whether the sentence is about a place in the text (not the whole file).
    #[must_use]
    pub fn has_a_place(&self) -> bool {
        !matches!(self, Self::Empty | Self::NewerVersion { .. })
    }

    /// What is probably wrong, in `lang`. The Japanese reads on after 「…の付近で」. Every
    /// variant has both texts (no catch-all arm; `parse_error_tests.rs` checks each).
    #[must_use]
    #[allow(clippy::too_many_lines)] // one arm per kind, both languages side by side
    pub fn text(&self, lang: Lang) -> String {
        use crate::io::FORMAT_VERSION;
        let ja = lang == Lang::Ja;
        match self {
            Self::Empty => lang.pick("ファイルが空です", "the file is empty").to_owned(),
            Self::NotUtf8 => lang
                .pick(
                    "UTF-8 の文字として読めないところがあります（工程表のファイルは UTF-8 の RON です。別のファイルではありませんか）",
                    "the file is not UTF-8 text; roadmap files are UTF-8 RON (is this the right file?)",
                )
                .to_owned(),
            Self::NewerVersion { version } if ja => format!(
                "このファイルは新しい工程表エディタで保存されています（format_version {version}）。\
                 この版で開けるのは format_version {FORMAT_VERSION} までです。工程表エディタを更新してください"
            ),
            Self::NewerVersion { version } => format!(
                "this file has format_version {version}, written by a newer Koteihyo; this \
                 version reads format_version {FORMAT_VERSION} and older. Update Koteihyo to open it."
            ),
            Self::TooDeep { levels } if ja => format!(
                "括弧の入れ子が{levels}段より深くなっています（工程表では起きないので、ファイルが壊れているようです）"
            ),
            Self::TooDeep { levels } => format!(
                "the file nests deeper than {levels} levels; a roadmap never does, so it is probably damaged"
            ),
            Self::EndsEarly => lang
                .pick(
                    "ファイルが途中で終わっています（保存の途中で切れたのかもしれません）",
                    "the file ends too early; it may have been cut off while saving",
                )
                .to_owned(),
            Self::Missing(c) if ja => format!("「{c}」が足りないようです"),
            Self::Missing(c) => format!("a “{c}” seems to be missing"),
            Self::ExpectedOpening(c) if ja => format!("「{c}」で始まるはずのところです"),
            Self::ExpectedOpening(c) => format!("a “{c}” should open what is written here"),
            Self::FieldNameExpected => lang
                .pick(
                    "項目名（title: など）か「)」が来るはずです",
                    "a field name (such as title:) or a “)” should come here",
                )
                .to_owned(),
            Self::UnknownField { field, expected } if ja => format!(
                "「{field}」という項目はここには書けません（書ける項目: {}）",
                expected.join(", ")
            ),
            Self::UnknownField { field, expected } => format!(
                "there is no field “{field}” here (the fields here: {})",
                expected.join(", ")
            ),
            Self::MissingField { field } if ja => format!("項目「{field}」が足りません"),
            Self::MissingField { field } => format!("the field “{field}” is missing"),
            Self::RepeatedField { field } if ja => format!("項目「{field}」が2回書かれています"),
            Self::RepeatedField { field } => format!("the field “{field}” is written twice"),
            Self::UnknownChoice { found, expected } if ja => format!(
                "「{found}」は使えません（使えるのは {}）",
                expected.join(", ")
            ),
            Self::UnknownChoice { found, expected } => format!(
                "“{found}” is not one of {}",
                expected.join(", ")
            ),
            Self::WrongType { expected } if ja => format!(
                "{}が来るはずです",
                match expected {
                    ValueType::Integer => "整数",
                    ValueType::Number => "数",
                    ValueType::Text => "「\"」で囲んだ文字列",
                    ValueType::Boolean => "true か false",
                    ValueType::Char => "「'」で囲んだ1文字",
                    ValueType::Option => "Some(…) か None",
                }
            ),
            Self::WrongType { expected } => format!(
                "{} should come here",
                match expected {
                    ValueType::Integer => "a whole number",
                    ValueType::Number => "a number",
                    ValueType::Text => "a text in \"quotes\"",
                    ValueType::Boolean => "true or false",
                    ValueType::Char => "one character in 'quotes'",
                    ValueType::Option => "Some(…) or None",
                }
            ),
            Self::NumberOutOfRange => lang
                .pick(
                    "数が大きすぎるか、ここには書けない負の数です",
                    "the number is too large, or negative where it cannot be",
                )
                .to_owned(),
            Self::InvalidEscape => lang
                .pick(
                    "文字列の中の「\\」の使い方が正しくありません（「\\」そのものは「\\\\」と書きます）",
                    "a “\\” in a text starts an escape that does not exist (write “\\\\” for a backslash)",
                )
                .to_owned(),
            Self::UnexpectedChar(c) if ja => format!("ここに「{}」は書けません", c.escape_debug()),
            Self::UnexpectedChar(c) => format!("a “{}” cannot be written here", c.escape_debug()),
            Self::TrailingText => lang
                .pick(
                    "工程表の最後の「)」のあとに、余分な文字があります",
                    "something is written after the roadmap's last “)”",
                )
                .to_owned(),
            Self::RepeatedKey { what, key } if ja => format!(
                "{}「{}」が2回書かれています",
                match what {
                    KeyKind::HeaderOverride => "見出しの上書き",
                    KeyKind::Cell => "列の欄",
                    KeyKind::ColumnLabel => "年度の列の見出し",
                    KeyKind::CategoryLetter => "分類の文字",
                },
                key.trim_matches('"')
            ),
            Self::RepeatedKey { what, key } => match what {
                KeyKind::HeaderOverride => format!("the header override `{key}` is given twice"),
                KeyKind::Cell => format!("the cell of column `{key}` is given twice"),
                KeyKind::ColumnLabel => format!("the column label `{key}` is given twice"),
                KeyKind::CategoryLetter => format!("the category letter {key} is listed twice"),
            },
            Self::Other => lang
                .pick(
                    "工程表として読めない書き方があります",
                    "the text is not a valid roadmap here",
                )
                .to_owned(),
        }
    }
}

/// The repeated key that `model/unique.rs` refused, from its message.
fn repeated_key(message: &str) -> Option<ParseErrorKind> {
    let given_twice = |what: &str| {
        message
            .strip_prefix(&format!("the {what} `"))?
            .strip_suffix("` is given twice")
            .map(str::to_owned)
    };
    let (what, key) = if let Some(key) = given_twice("header override") {
        (KeyKind::HeaderOverride, key)
    } else if let Some(key) = given_twice("cell of column") {
        (KeyKind::Cell, key)
    } else if let Some(key) = given_twice("column label") {
        (KeyKind::ColumnLabel, key)
    } else {
        let key = message
            .strip_prefix("the category letter ")?
            .strip_suffix(" is listed twice")?;
        (KeyKind::CategoryLetter, key.to_owned())
    };
    Some(ParseErrorKind::RepeatedKey { what, key })
}

#[cfg(test)]
#[path = "parse_error_tests.rs"]
mod tests;
