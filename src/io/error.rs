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

/// A save that did not happen. The previous file, if any, is unchanged (except after
/// [`SaveStage::WritingInPlaceBackupKept`], when its content is in the backup).
#[derive(Debug, thiserror::Error)]
#[error("{}: could not save ({}): {cause}{}", path.display(), stage.text(Lang::En), if self.previous_unchanged() { "; the previous file is unchanged" } else { "" })]
pub struct SaveError {
    /// The file that was to be written.
    pub path: PathBuf,
    /// Which step failed, or why the file was refused.
    pub stage: SaveStage,
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
        stage: SaveStage,
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

    /// Whether a previous file existed and is as it was.
    #[must_use]
    pub fn previous_unchanged(&self) -> bool {
        self.previous_existed && self.stage != SaveStage::WritingInPlaceBackupKept
    }

    /// What went wrong, in `lang`, naming the file: the step (or the reason the file was
    /// refused), the system's error in words, and whether the previous file is unchanged.
    /// English is the `Display` text.
    #[must_use]
    pub fn sentence(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Ja => {
                let path = self.path.display();
                let unchanged = if self.previous_unchanged() {
                    "元のファイルはそのままです。"
                } else {
                    ""
                };
                match self.stage.refusal_ja() {
                    Some(reason) => format!("{path} を保存できませんでした。{reason}。{unchanged}"),
                    None => format!(
                        "{path} を保存できませんでした（{}で失敗しました）。{}。{unchanged}",
                        self.stage.text(Lang::Ja),
                        os_error_text(&self.cause, Lang::Ja)
                    ),
                }
            }
        }
    }
}

/// The step of a save that failed, or the reason a file was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveStage {
    /// Resolving a symbolic link to its target.
    FollowingLink,
    /// Reading the existing file's metadata.
    ReadingDetails,
    /// The path is a folder, a device or a FIFO, not a regular file (refused).
    NotRegularFile,
    /// The file is marked read-only (refused: somebody's decision not to change it).
    ReadOnly,
    /// Creating the temporary file beside the target.
    CreatingTemporary,
    /// Writing the temporary file.
    WritingTemporary,
    /// Copying the previous file to `.bak` (or aside, for an in-place write).
    KeepingBackup,
    /// Renaming the temporary file over the target.
    ReplacingFile,
    /// Opening the file to write it in place (it has other hard links).
    OpeningFile,
    /// Writing the file in place; its previous content was put back.
    WritingInPlace,
    /// Writing the file in place, and putting the previous content back failed too: it is in
    /// the backup.
    WritingInPlaceBackupKept,
    /// Waiting for another save of the same file (the save lock).
    WaitingForSave,
    /// The text would exceed the size a roadmap file may have (refused).
    TooLargeToOpen,
    /// Creating the recovery folder.
    CreatingRecoveryFolder,
    /// Serialising the recovery copy.
    PreparingRecovery,
}

impl SaveStage {
    /// The step (or reason) in `lang`, as a noun phrase: 「一時ファイルの作成」 / "creating a
    /// temporary file".
    #[must_use]
    pub fn text(self, lang: Lang) -> &'static str {
        let (ja, en) = match self {
            SaveStage::FollowingLink => ("シンボリックリンクの解決", "following a symbolic link"),
            SaveStage::ReadingDetails => ("ファイル情報の読み取り", "reading the file's details"),
            SaveStage::NotRegularFile => ("通常のファイルではない", "not a regular file"),
            SaveStage::ReadOnly => ("読み取り専用のファイル", "the file is read-only"),
            SaveStage::CreatingTemporary => ("一時ファイルの作成", "creating a temporary file"),
            SaveStage::WritingTemporary => ("一時ファイルへの書き込み", "writing a temporary file"),
            SaveStage::KeepingBackup => ("バックアップの作成", "keeping a backup"),
            SaveStage::ReplacingFile => ("ファイルの置き換え", "replacing the file"),
            SaveStage::OpeningFile => ("ファイルを開く処理", "opening the file"),
            SaveStage::WritingInPlace => {
                ("ファイルへの直接の書き込み", "writing the file in place")
            }
            SaveStage::WritingInPlaceBackupKept => (
                "ファイルへの直接の書き込み（元の内容はバックアップにあります）",
                "writing the file in place (its previous content is in the backup)",
            ),
            SaveStage::WaitingForSave => ("ほかの保存の終了待ち", "waiting for another save"),
            SaveStage::TooLargeToOpen => (
                "大きすぎて開き直せない",
                "the saved file would be too large to open again",
            ),
            SaveStage::CreatingRecoveryFolder => {
                ("復元用フォルダの作成", "creating the recovery folder")
            }
            SaveStage::PreparingRecovery => ("復元用コピーの準備", "preparing the recovery copy"),
        };
        lang.pick(ja, en)
    }

    /// For a file refused before anything was written: the reason and what to do, in Japanese.
    fn refusal_ja(self) -> Option<&'static str> {
        match self {
            SaveStage::NotRegularFile => Some(
                "その名前はフォルダやデバイスなど通常のファイルではありません。別のファイル名を選んでください",
            ),
            SaveStage::ReadOnly => Some(
                "ファイルが読み取り専用になっています。読み取り専用の指定を外すか、別の名前で保存してください",
            ),
            SaveStage::TooLargeToOpen => {
                Some("保存すると工程表ファイルの上限（64 MiB）を超え、開き直せなくなります")
            }
            _ => None,
        }
    }
}

/// A system error in words: in Japanese by its kind (書き込みが許可されていません, ディスクに空き
/// がありません …) with the system's own text after it; in English the system's text.
#[must_use]
pub fn os_error_text(error: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind;
    if lang == Lang::En {
        return error.to_string();
    }
    let words = match error.kind() {
        ErrorKind::PermissionDenied => "書き込みが許可されていません",
        ErrorKind::NotFound => "ファイルまたはフォルダが見つかりません",
        ErrorKind::NotADirectory => "途中のフォルダがファイルです",
        ErrorKind::IsADirectory => "フォルダです",
        ErrorKind::AlreadyExists => "同じ名前のファイルがすでにあります",
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => "ディスクに空きがありません",
        ErrorKind::ReadOnlyFilesystem => "書き込みのできない場所（読み取り専用のドライブ）です",
        ErrorKind::FileTooLarge => "ファイルが大きすぎます",
        ErrorKind::InvalidFilename => "ファイル名が長すぎるか、使えない文字があります",
        ErrorKind::ResourceBusy | ErrorKind::WouldBlock => "ほかのプログラムが使用中です",
        ErrorKind::TimedOut => "時間内に終わりませんでした",
        ErrorKind::CrossesDevices => "別のドライブへは置き換えられません",
        ErrorKind::InvalidInput => "保存先として使えません",
        _ => "システムのエラーです",
    };
    format!("{words}（{error}）")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_save_is_said_in_either_language() {
        let path = std::path::Path::new("工程表.ron");
        let refused = SaveError::new(
            path,
            SaveStage::ReadOnly,
            std::io::Error::from(std::io::ErrorKind::PermissionDenied),
            true,
        );
        let ja = refused.sentence(Lang::Ja);
        assert!(
            ja.starts_with("工程表.ron を保存できませんでした。"),
            "{ja}"
        );
        assert!(ja.contains("読み取り専用の指定を外すか"), "{ja}");
        assert!(ja.ends_with("元のファイルはそのままです。"), "{ja}");
        assert_eq!(refused.sentence(Lang::En), refused.to_string());
        assert!(refused.to_string().contains("the file is read-only"));
        let full = SaveError::new(
            path,
            SaveStage::WritingTemporary,
            std::io::Error::from(std::io::ErrorKind::StorageFull),
            false,
        );
        let ja = full.sentence(Lang::Ja);
        assert!(
            ja.contains("（一時ファイルへの書き込みで失敗しました）"),
            "{ja}"
        );
        assert!(ja.contains("ディスクに空きがありません"), "{ja}");
        assert!(!ja.contains("元のファイル"), "no previous file: {ja}");
    }

    #[test]
    fn a_failed_in_place_write_does_not_claim_the_previous_file_is_unchanged() {
        let error = SaveError::new(
            std::path::Path::new("a.ron"),
            SaveStage::WritingInPlaceBackupKept,
            std::io::Error::other("disk gone"),
            true,
        );
        assert!(!error.previous_unchanged());
        assert!(!error.to_string().contains("unchanged"), "{error}");
        assert!(error.to_string().contains("in the backup"), "{error}");
        assert!(error.sentence(Lang::Ja).contains("バックアップにあります"));
    }

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
