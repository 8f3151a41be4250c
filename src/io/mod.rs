//! Reading and writing roadmap files: RON load/save, atomic writes with a backup.
//!
//! Autosave copies of unsaved work live apart from the user's files, in a [`RecoveryStore`].
//!
//! Depends on the model only, never on the GUI.

mod atomic;
mod comments;
mod error;
mod format;
pub mod lock;
mod parse_error;
mod recovery;
mod source_map;
mod style;

use std::io::Read;
use std::path::Path;

pub use atomic::{backup_path, write_atomic, write_atomic_with};
pub use comments::{first_comment, has_comments};
pub use error::{LoadError, ParseError, SaveError, SaveStage, TextPosition, os_error_text};
pub use format::{FORMAT_VERSION, parse_ron, to_json_string, to_ron_string};
pub use lock::FileLock;
pub use parse_error::{KeyKind, ParseErrorKind, ValueType};
pub use recovery::{Recovery, RecoveryError, RecoveryStore};
pub use source_map::{SourceIndex, locate};
pub use style::TextStyle;

use crate::model::Document;

/// Files larger than this are refused: the seed is 60 KB, a 100× roadmap about 6 MB.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A document loaded from disk together with the text it was read from (for locating problems).
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The document.
    pub document: Document,
    /// The file's text as read.
    pub text: String,
}

/// Reads a file's text: refuses files over [`MAX_FILE_BYTES`] and text that is not UTF-8.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let read_error = |source| LoadError::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_error)?;
    let size = file.metadata().map_err(read_error)?.len();
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES,
        });
    }
    String::from_utf8(bytes).map_err(|error| {
        let valid = error.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&error.as_bytes()[..valid]).into_owned();
        LoadError::Parse {
            path: path.to_path_buf(),
            error: ParseError::new(
                TextPosition::of_offset(&text, valid),
                ParseErrorKind::NotUtf8,
            ),
        }
    })
}

/// What kind of file `metadata` describes, for messages: "a regular file", "a folder",
/// "a FIFO (named pipe)", "a socket", "a device" or "a special file".
#[must_use]
pub fn file_kind(metadata: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let file_type = metadata.file_type();
        if file_type.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
    }
    if metadata.is_file() {
        "a regular file"
    } else if metadata.is_dir() {
        "a folder"
    } else {
        "a special file"
    }
}

/// Loads a roadmap file, keeping its text.
pub fn load_with_text(path: &Path) -> Result<Loaded, LoadError> {
    let text = read_text(path)?;
    let document = parse_ron(&text).map_err(|error| LoadError::Parse {
        path: path.to_path_buf(),
        error,
    })?;
    Ok(Loaded { document, text })
}

/// Loads a roadmap file.
pub fn load(path: &Path) -> Result<Document, LoadError> {
    load_with_text(path).map(|loaded| loaded.document)
}

/// Saves a document in canonical RON form, keeping the previous file as `NAME.ron.bak`
/// (see [`write_atomic`] for how links, owners and permissions are kept). On error the
/// previous file is unchanged.
pub fn save(path: &Path, document: &Document) -> Result<(), SaveError> {
    save_text(path, &to_ron_string(document))
}

/// Saves a roadmap's text as [`save`] does, holding the file's save lock meanwhile.
pub fn save_text(path: &Path, text: &str) -> Result<(), SaveError> {
    let _lock = lock_for_saving(path)?;
    save_text_locked(path, text)
}

/// Takes the save lock of the file `path` names (links followed), waiting a few seconds for
/// another Koteihyo's save of it. Hold it across reading and writing a file (as `fmt` does) so
/// that no other save comes in between; then save with [`save_text_locked`].
/// `None` when locks cannot be made here (the save goes ahead unlocked).
pub fn lock_for_saving(path: &Path) -> Result<Option<FileLock>, SaveError> {
    let target = atomic::resolve_links(path).unwrap_or_else(|_| path.to_path_buf());
    // The same file reached through different folder links gets the same lock.
    let key = match (target.parent(), target.file_name()) {
        (Some(parent), Some(name)) => std::fs::canonicalize(if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        })
        .map_or_else(|_| target.clone(), |folder| folder.join(name)),
        _ => target.clone(),
    };
    lock::save_lock(&key)
        .map_err(|cause| SaveError::new(path, SaveStage::WaitingForSave, cause, key.exists()))
}

/// Saves a roadmap's text (with `.bak`) while the caller holds its save lock. A text larger
/// than [`MAX_FILE_BYTES`] is refused: it could not be opened again.
pub fn save_text_locked(path: &Path, text: &str) -> Result<(), SaveError> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(SaveError::new(
            path,
            SaveStage::TooLargeToOpen,
            std::io::Error::new(
                std::io::ErrorKind::FileTooLarge,
                format!(
                    "it would be {} bytes; roadmap files are limited to {MAX_FILE_BYTES} bytes",
                    text.len()
                ),
            ),
            path.exists(),
        ));
    }
    write_atomic(path, text.as_bytes(), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_too_large_to_open_again_is_never_saved() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("big.ron");
        std::fs::write(&path, "(format_version: 1)").expect("seed");
        let too_large = " ".repeat(usize::try_from(MAX_FILE_BYTES).unwrap_or(usize::MAX) + 1);
        let error = save_text(&path, &too_large).expect_err("refused");
        assert_eq!(error.stage, SaveStage::TooLargeToOpen);
        assert!(
            error.to_string().contains("the previous file is unchanged"),
            "{error}"
        );
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            "(format_version: 1)"
        );
        assert!(!backup_path(&path).exists());
    }
}
