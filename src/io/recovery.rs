//! The autosave recovery store: copies of unsaved work, kept apart from the user's files.
//!
//! The editor writes the open document here periodically (never over the user's file); a clean
//! exit, a successful save or the user's 破棄 removes the copy again. A recovery file is RON:
//!
//! ```text
//! (
//!     format_version: 1,
//!     original: Some("/abs/path/roadmap.ron"),
//!     saved_at_unix_seconds: 1732400000,
//!     document: "(\n    format_version: 1,\n    …",
//! )
//! ```
//!
//! The document is kept as its canonical text ([`to_ron_string`]) and read back with
//! [`parse_ron`], so the roadmap format is defined in one place only.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use super::atomic::write_atomic;
use super::error::{LoadError, ParseError, SaveError, SaveStage, TextPosition};
use super::format::{parse_ron, to_ron_string};
use super::lock::{FileLock, absolute, fnv1a, try_lock};
use super::parse_error::ParseErrorKind;
use super::read_text;
use crate::model::Document;

/// The version of the recovery file's own layout (not of the document inside it).
const RECOVERY_FORMAT_VERSION: u32 = 1;

/// Every recovery file's name ends with this.
const SUFFIX: &str = ".recovery.ron";

/// The recovery file's layout, written.
#[derive(Serialize)]
struct RecoveryOut<'a> {
    format_version: u32,
    original: Option<String>,
    saved_at_unix_seconds: u64,
    document: &'a str,
}

/// The recovery file's layout, read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RecoveryIn {
    format_version: u32,
    original: Option<String>,
    saved_at_unix_seconds: u64,
    document: String,
}

/// Reads only the version, so that a newer layout is reported as such rather than as an
/// unknown field.
#[derive(Deserialize)]
struct VersionProbe {
    #[serde(default)]
    format_version: u32,
}

/// A folder of recovery files, one per document being edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecoveryStore {
    dir: PathBuf,
}

/// A recovery file read back: the document and which file it was a copy of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// The recovery file itself (give it to [`RecoveryStore::discard_file`] to remove it).
    pub recovery_file: PathBuf,
    /// The absolute path of the file being edited, or `None` for a document never saved.
    pub original: Option<PathBuf>,
    /// When the copy was written, to the second.
    pub saved_at: SystemTime,
    /// The document as it was then.
    pub document: Document,
}

/// A recovery file (or the store's folder) that could not be read. Such files are listed, not
/// skipped, so that the user can be told and can remove them.
#[derive(Debug, thiserror::Error)]
pub enum RecoveryError {
    /// The store's folder exists but could not be listed.
    #[error("{}: cannot list the recovery folder: {source}", dir.display())]
    Folder {
        /// The store's folder.
        dir: PathBuf,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The recovery file could not be read as text (unreadable, too large, not UTF-8).
    #[error("{error}")]
    Read {
        /// The recovery file.
        file: PathBuf,
        /// Why, with the file's name.
        error: LoadError,
    },
    /// The recovery file is not in the recovery layout (damaged, cut off).
    #[error("{}:{error} (a damaged recovery file)", file.display())]
    Format {
        /// The recovery file.
        file: PathBuf,
        /// What and where in the recovery file.
        error: ParseError,
    },
    /// The recovery file was written by a newer Koteihyo.
    #[error(
        "{}: this recovery file has format_version {version}, written by a newer Koteihyo; \
         this version reads format_version {RECOVERY_FORMAT_VERSION} and older",
        file.display()
    )]
    NewerVersion {
        /// The recovery file.
        file: PathBuf,
        /// The version it declares.
        version: u32,
    },
    /// The document kept in the recovery file is not a valid roadmap.
    #[error("{}: the recovered document is not a valid roadmap: {error}", file.display())]
    Document {
        /// The recovery file.
        file: PathBuf,
        /// What and where, counted in the document's own text (not in the recovery file).
        error: ParseError,
    },
}

impl RecoveryError {
    /// The recovery file concerned, or `None` when the folder itself could not be listed.
    #[must_use]
    pub fn file(&self) -> Option<&Path> {
        match self {
            RecoveryError::Folder { .. } => None,
            RecoveryError::Read { file, .. }
            | RecoveryError::Format { file, .. }
            | RecoveryError::NewerVersion { file, .. }
            | RecoveryError::Document { file, .. } => Some(file),
        }
    }
}

impl RecoveryStore {
    /// The store in `dir` (created on first write).
    #[must_use]
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// The user's store: the `recovery` folder in Koteihyo's data directory
    /// (`~/.local/share/koteihyo/recovery` on Linux, `%APPDATA%\koteihyo\Koteihyo\data\recovery`
    /// on Windows, `~/Library/Application Support/jp.koteihyo.Koteihyo/recovery` on macOS);
    /// `None` when the user has no home directory.
    #[must_use]
    pub fn user_default() -> Option<Self> {
        directories::ProjectDirs::from("jp", "koteihyo", "Koteihyo")
            .map(|dirs| Self::new(dirs.data_dir().join("recovery")))
    }

    /// The store's folder.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The recovery file used for the session editing `original` (`None`: a document never
    /// saved, one file per running process).
    ///
    /// A saved file's recovery file is named after an FNV-1a hash of its absolute path, so
    /// every session editing the same file uses the same recovery file.
    #[must_use]
    pub fn file_for(&self, original: Option<&Path>) -> PathBuf {
        let name = match original {
            Some(original) => format!(
                "{:016x}{SUFFIX}",
                fnv1a(absolute(original).as_os_str().as_encoded_bytes())
            ),
            None => format!("untitled-{}{SUFFIX}", std::process::id()),
        };
        self.dir.join(name)
    }

    /// Writes (atomically, without a `.bak`) the recovery copy of `document` for the session
    /// editing `original` (`None`: an unsaved new document), replacing the previous copy of
    /// that session. Returns the recovery file's path.
    ///
    /// `saved_at` is kept to the second (times before 1970 are kept as 1970). A path that is
    /// not Unicode is recorded with replacement characters; the recovery file's name still
    /// comes from the exact path.
    pub fn write(
        &self,
        original: Option<&Path>,
        document: &Document,
        saved_at: SystemTime,
    ) -> Result<PathBuf, SaveError> {
        let file = self.file_for(original);
        fs::create_dir_all(&self.dir).map_err(|cause| {
            SaveError::new(&file, SaveStage::CreatingRecoveryFolder, cause, false)
        })?;
        let document_text = to_ron_string(document);
        let out = RecoveryOut {
            format_version: RECOVERY_FORMAT_VERSION,
            original: original.map(|path| absolute(path).to_string_lossy().into_owned()),
            saved_at_unix_seconds: saved_at
                .duration_since(SystemTime::UNIX_EPOCH)
                .map_or(0, |since| since.as_secs()),
            document: &document_text,
        };
        let mut text = ron_options()
            .to_string_pretty(&out, ron::ser::PrettyConfig::new().struct_names(false))
            .map_err(|error| {
                SaveError::new(
                    &file,
                    SaveStage::PreparingRecovery,
                    std::io::Error::other(error),
                    false,
                )
            })?;
        text.push('\n');
        write_atomic(&file, text.as_bytes(), false)?;
        Ok(file)
    }

    /// Every recovery file in the store, newest first, then the files that could not be read
    /// (by name). A store whose folder does not exist is empty.
    #[must_use]
    pub fn list(&self) -> Vec<Result<Recovery, RecoveryError>> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
            Err(source) => {
                return vec![Err(RecoveryError::Folder {
                    dir: self.dir.clone(),
                    source,
                })];
            }
        };
        let mut found = Vec::new();
        let mut problems = Vec::new();
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(source) => {
                    problems.push(RecoveryError::Folder {
                        dir: self.dir.clone(),
                        source,
                    });
                    continue;
                }
            };
            // Temporary files of an interrupted write (`.NAME.tmp-…`) do not end in the suffix.
            if !entry.file_name().to_string_lossy().ends_with(SUFFIX) {
                continue;
            }
            match read_recovery(&entry.path()) {
                Ok(recovery) => found.push(recovery),
                Err(error) => problems.push(error),
            }
        }
        found.sort_by(|a, b| {
            b.saved_at
                .cmp(&a.saved_at)
                .then_with(|| a.recovery_file.cmp(&b.recovery_file))
        });
        problems.sort_by(|a, b| a.file().cmp(&b.file()));
        found
            .into_iter()
            .map(Ok)
            .chain(problems.into_iter().map(Err))
            .collect()
    }

    /// Removes the recovery file of the session editing `original` (after a clean exit, a
    /// successful save, or 破棄). A file that does not exist is not an error.
    pub fn discard(&self, original: Option<&Path>) -> std::io::Result<()> {
        remove_if_present(&self.file_for(original))
    }

    /// Marks the document `original` (`None`: this process's unsaved new document) as open in
    /// this window, for as long as the returned lock is held. `Ok(None)` when another window
    /// already has it open; an error when no lock file can be made here.
    pub fn claim(&self, original: Option<&Path>) -> std::io::Result<Option<FileLock>> {
        try_lock(&self.dir, &claim_name(&self.file_for(original)))
    }

    /// Whether another running window has claimed the document whose recovery file this is
    /// (its copy is then live work, not something to recover). False when it cannot be told.
    #[must_use]
    pub fn in_use(&self, recovery_file: &Path) -> bool {
        matches!(try_lock(&self.dir, &claim_name(recovery_file)), Ok(None))
    }

    /// Removes one recovery file, as listed by [`list`](Self::list) (also the damaged ones).
    /// A file that does not exist is not an error; a path that is not a recovery file of this
    /// store is refused, so a mistake can never remove a user's document.
    pub fn discard_file(&self, recovery_file: &Path) -> std::io::Result<()> {
        let in_store = recovery_file.parent() == Some(self.dir.as_path());
        let is_recovery = recovery_file
            .file_name()
            .is_some_and(|name| name.to_string_lossy().ends_with(SUFFIX));
        if !(in_store && is_recovery) {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!(
                    "{} is not a recovery file in {}",
                    recovery_file.display(),
                    self.dir.display()
                ),
            ));
        }
        remove_if_present(recovery_file)
    }
}

/// Reads one recovery file.
// A load error carries what is wrong in plain words and ron's detail; recovery files are read
// once at start-up, so its size costs nothing worth a box.
#[allow(clippy::result_large_err)]
fn read_recovery(file: &Path) -> Result<Recovery, RecoveryError> {
    let text = read_text(file).map_err(|error| RecoveryError::Read {
        file: file.to_path_buf(),
        error,
    })?;
    let format_error = |error: ParseError| RecoveryError::Format {
        file: file.to_path_buf(),
        error,
    };
    let options = ron_options();
    if let Ok(VersionProbe { format_version }) = options.from_str::<VersionProbe>(&text)
        && format_version > RECOVERY_FORMAT_VERSION
    {
        return Err(RecoveryError::NewerVersion {
            file: file.to_path_buf(),
            version: format_version,
        });
    }
    let stored = options.from_str::<RecoveryIn>(&text).map_err(|error| {
        format_error(if text.trim().is_empty() {
            ParseError::new(TextPosition::START, ParseErrorKind::Empty)
        } else {
            ParseError::of_ron(&text, &error)
        })
    })?;
    if stored.format_version > RECOVERY_FORMAT_VERSION {
        return Err(RecoveryError::NewerVersion {
            file: file.to_path_buf(),
            version: stored.format_version,
        });
    }
    let saved_at = SystemTime::UNIX_EPOCH
        .checked_add(Duration::from_secs(stored.saved_at_unix_seconds))
        .ok_or_else(|| {
            format_error(ParseError {
                position: TextPosition::of_offset(
                    &text,
                    text.find("saved_at_unix_seconds").unwrap_or(0),
                ),
                kind: ParseErrorKind::Other,
                detail: Some(format!(
                    "saved_at_unix_seconds {} is not a time this system can represent",
                    stored.saved_at_unix_seconds
                )),
            })
        })?;
    let document = parse_ron(&stored.document).map_err(|error| RecoveryError::Document {
        file: file.to_path_buf(),
        error,
    })?;
    Ok(Recovery {
        recovery_file: file.to_path_buf(),
        original: stored.original.map(PathBuf::from),
        saved_at,
        document,
    })
}

fn ron_options() -> ron::Options {
    // The layout nests two levels; anything deeper is damage.
    ron::Options::default().with_recursion_limit(16)
}

/// The claim lock's name for a recovery file: `NAME.recovery.ron.lock` (not listed as a
/// recovery file, whose names end in `.recovery.ron`).
fn claim_name(recovery_file: &Path) -> String {
    let name = recovery_file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("{name}.lock")
}

fn remove_if_present(file: &Path) -> std::io::Result<()> {
    match fs::remove_file(file) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        result => result,
    }
}

#[cfg(test)]
mod tests;
