//! Errors of loading and saving roadmap files.

use std::fmt;
use std::path::PathBuf;

use crate::model::Lang;

/// A position in a text file, 1-based, counted in characters (as editors show it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct TextPosition {
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1, in characters.
    pub column: usize,
}

impl TextPosition {
    /// The start of a file.
    pub const START: Self = Self { line: 1, column: 1 };

    /// The position of byte offset `offset` in `text` (clamped to the text's end).
    #[must_use]
    pub fn of_offset(text: &str, offset: usize) -> Self {
        let mut end = offset.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let before = &text[..end];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Self {
            line,
            column: before[line_start..].chars().count() + 1,
        }
    }
}

impl fmt::Display for TextPosition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

pub use super::parse_error::ParseError;

/// A roadmap file that could not be loaded. Displays as `file:line:column: message`.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read at all.
    #[error("{}: cannot read the file: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The file is larger than Koteihyo accepts.
    #[error("{}: the file is {size} bytes; roadmap files are limited to {limit} bytes", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit, [`super::MAX_FILE_BYTES`].
        limit: u64,
    },
    /// The file's text is not a valid roadmap.
    #[error("{}:{error}", path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// What and where.
        error: ParseError,
    },
}

impl LoadError {
    /// The position of the problem in the file, when it is about the file's content.
    #[must_use]
    pub fn position(&self) -> Option<TextPosition> {
        match self {
            LoadError::Parse { error, .. } => Some(error.position),
            _ => None,
        }
    }

    /// The file that could not be loaded.
    #[must_use]
    pub fn path(&self) -> &std::path::Path {
        match self {
            LoadError::Read { path, .. }
            | LoadError::TooLarge { path, .. }
            | LoadError::Parse { path, .. } => path,
        }
    }

    /// What went wrong in plain words in `lang`, without the file's name: for a text that is
    /// not a roadmap, where and what is probably wrong (「500行25列の付近で「)」が足りないようです」).
    /// The technical detail, if any, is [`LoadError::detail_line`].
    #[must_use]
    pub fn sentence(&self, lang: Lang) -> String {
        match self {
            LoadError::Read { source, .. } => match lang {
                Lang::Ja => format!("ファイルを読めません（{source}）"),
                Lang::En => format!("cannot read the file: {source}"),
            },
            LoadError::TooLarge { size, limit, .. } => match lang {
                Lang::Ja => format!(
                    "ファイルが大きすぎます（{size} バイト。工程表のファイルは {limit} バイトまでです）"
                ),
                Lang::En => {
                    format!("the file is {size} bytes; roadmap files are limited to {limit} bytes")
                }
            },
            LoadError::Parse { error, .. } => error.describe(lang),
        }
    }

    /// The technical detail as a line in `lang` (「詳細: …」), when there is one.
    #[must_use]
    pub fn detail_line(&self, lang: Lang) -> Option<String> {
        match self {
            LoadError::Parse { error, .. } => error.detail_line(lang),
            _ => None,
        }
    }
}

/// A save that did not happen. The previous file, if any, is unchanged.
#[derive(Debug, thiserror::Error)]
#[error("{}: could not save ({stage}): {cause}{}", path.display(), if *previous_existed { "; the previous file is unchanged" } else { "" })]
pub struct SaveError {
    /// The file that was to be written.
    pub path: PathBuf,
    /// Which step failed, e.g. "the file is read-only", "creating a temporary file", "writing
    /// a temporary file", "keeping a backup", "replacing the file".
    pub stage: &'static str,
    /// The operating system's error (in the message, so not also a `source()`: a report that
    /// prints the chain would repeat it).
    pub cause: std::io::Error,
    /// Whether a previous file existed (and is unchanged): the message says so only then.
    pub previous_existed: bool,
}

impl SaveError {
    /// A failed save of `path` at `stage`.
    #[must_use]
    pub fn new(
        path: &std::path::Path,
        stage: &'static str,
        cause: std::io::Error,
        previous_existed: bool,
    ) -> Self {
        Self {
            path: path.to_path_buf(),
            stage,
            cause,
            previous_existed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        let text = "ab\n工程表x\n";
        assert_eq!(
            TextPosition::of_offset(text, 0),
            TextPosition { line: 1, column: 1 }
        );
        assert_eq!(
            TextPosition::of_offset(text, 3),
            TextPosition { line: 2, column: 1 }
        );
        // "工程表" is 9 bytes: offset 12 is the 'x' in column 4.
        assert_eq!(
            TextPosition::of_offset(text, 12),
            TextPosition { line: 2, column: 4 }
        );
        // Inside a multi-byte character: clamps back to its start.
        assert_eq!(
            TextPosition::of_offset(text, 4),
            TextPosition { line: 2, column: 1 }
        );
        assert_eq!(
            TextPosition::of_offset(text, 999),
            TextPosition { line: 3, column: 1 }
        );
    }
}
