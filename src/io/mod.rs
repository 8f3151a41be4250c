//! Reading and writing roadmap files: RON load/save, atomic writes with a backup.
//!
//! Autosave copies of unsaved work live apart from the user's files, in a [`RecoveryStore`].
//!
//! Depends on the model only, never on the GUI.

mod atomic;
mod error;
mod format;
mod recovery;
mod source_map;

use std::io::Read;
use std::path::Path;

pub use atomic::{backup_path, write_atomic, write_atomic_with};
pub use error::{LoadError, ParseError, SaveError, TextPosition};
pub use format::{FORMAT_VERSION, has_comments, parse_ron, to_json_string, to_ron_string};
pub use recovery::{Recovery, RecoveryError, RecoveryStore};
pub use source_map::{SourceIndex, locate};

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
            error: ParseError {
                position: TextPosition::of_offset(&text, valid),
                message: "the file is not UTF-8 text; roadmap files are UTF-8 RON (is this the right file?)".to_owned(),
            },
        }
    })
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

/// Saves a document in canonical RON form, atomically, keeping the previous file as
/// `NAME.ron.bak`. On error the previous file is unchanged.
pub fn save(path: &Path, document: &Document) -> Result<(), SaveError> {
    write_atomic(path, to_ron_string(document).as_bytes(), true)
}
