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
use super::error::{LoadError, ParseError, SaveError, TextPosition};
use super::format::{parse_ron, to_ron_string};
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
        fs::create_dir_all(&self.dir).map_err(|source| SaveError {
            path: file.clone(),
            stage: "creating the recovery folder",
            source,
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
            .map_err(|error| SaveError {
                path: file.clone(),
                stage: "preparing the recovery copy",
                source: std::io::Error::other(error),
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
            ParseError {
                position: TextPosition::START,
                message: "the file is empty".to_owned(),
            }
        } else {
            ParseError {
                position: TextPosition {
                    line: error.span.start.line.max(1),
                    column: error.span.start.col.max(1),
                },
                message: error.code.to_string(),
            }
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
                message: format!(
                    "saved_at_unix_seconds {} is not a time this system can represent",
                    stored.saved_at_unix_seconds
                ),
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

/// `path` made absolute against the current folder (without resolving links), or as given
/// when that is impossible.
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The 64-bit FNV-1a hash: tiny, and the same on every run and every build (unlike std's
/// `DefaultHasher`), which recovery file names need.
fn fnv1a(bytes: &[u8]) -> u64 {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes.iter().fold(OFFSET_BASIS, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(PRIME)
    })
}

fn remove_if_present(file: &Path) -> std::io::Result<()> {
    match fs::remove_file(file) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        result => result,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(title: &str) -> Document {
        let mut document = Document::default();
        document.meta.title = title.to_owned();
        document
    }

    fn at(seconds: u64, nanos: u32) -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::new(seconds, nanos)
    }

    fn recoveries(store: &RecoveryStore) -> Vec<Recovery> {
        store
            .list()
            .into_iter()
            .map(|entry| entry.expect("every recovery file reads"))
            .collect()
    }

    #[test]
    fn fnv1a_matches_reference_values() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn write_then_list_gives_the_same_document_path_and_time() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = RecoveryStore::new(dir.path().join("recovery"));
        let original = dir.path().join("工程表.ron");
        let document = sample("ロードブロック解消のための工程表 \"引用\"\n二行目");
        let file = store
            .write(Some(&original), &document, at(1_732_400_000, 987_654_321))
            .expect("write");
        assert!(file.starts_with(store.dir()));
        assert!(file.to_string_lossy().ends_with(".recovery.ron"));
        assert!(!crate::io::backup_path(&file).exists(), "no .bak");

        let listed = recoveries(&store);
        assert_eq!(listed.len(), 1);
        let recovery = &listed[0];
        assert_eq!(recovery.recovery_file, file);
        assert_eq!(recovery.original.as_deref(), Some(original.as_path()));
        assert_eq!(recovery.saved_at, at(1_732_400_000, 0));
        assert_eq!(recovery.document, document);
    }

    #[test]
    fn the_file_is_readable_ron_with_the_canonical_document_text() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = RecoveryStore::new(dir.path());
        let document = sample("題名");
        let file = store
            .write(
                Some(Path::new("/abs/path.ron")),
                &document,
                at(1_732_400_000, 0),
            )
            .expect("write");
        let text = fs::read_to_string(&file).expect("read");
        assert!(text.contains("format_version: 1,"), "{text}");
        assert!(text.contains("saved_at_unix_seconds: 1732400000"), "{text}");
        let stored: RecoveryIn = ron::from_str(&text).expect("parses");
        assert_eq!(stored.document, to_ron_string(&document));
        assert_eq!(
            stored.original.map(PathBuf::from),
            Some(absolute(Path::new("/abs/path.ron")))
        );
    }

    #[test]
    fn one_file_per_original_and_rewrites_replace() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = RecoveryStore::new(dir.path());
        let a = dir.path().join("a.ron");
        let b = dir.path().join("b.ron");
        let file_a = store
            .write(Some(&a), &sample("a1"), at(100, 0))
            .expect("a1");
        let file_b = store.write(Some(&b), &sample("b"), at(200, 0)).expect("b");
        assert_ne!(file_a, file_b);
        assert_eq!(
            store
                .write(Some(&a), &sample("a2"), at(300, 0))
                .expect("a2"),
            file_a
        );
        assert_eq!(fs::read_dir(dir.path()).expect("list").count(), 2);

        let listed = recoveries(&store);
        let titles: Vec<_> = listed
            .iter()
            .map(|r| r.document.meta.title.as_str())
            .collect();
        assert_eq!(titles, ["a2", "b"], "newest first");
        assert_eq!(listed[0].original.as_deref(), Some(a.as_path()));
        assert_eq!(listed[1].original.as_deref(), Some(b.as_path()));
    }

    #[test]
    fn relative_and_absolute_paths_share_a_file() {
        let store = RecoveryStore::new("store");
        let relative = Path::new("roadmap.ron");
        assert_eq!(
            store.file_for(Some(relative)),
            store.file_for(Some(&absolute(relative)))
        );
    }

    #[test]
    fn discard_removes_and_missing_is_fine() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = RecoveryStore::new(dir.path().join("recovery"));
        // Neither the folder nor the file exists yet.
        store.discard(None).expect("nothing to discard");
        assert!(store.list().is_empty());

        let a = dir.path().join("a.ron");
        let b = dir.path().join("b.ron");
        store.write(Some(&a), &sample("a"), at(100, 0)).expect("a");
        let file_b = store.write(Some(&b), &sample("b"), at(200, 0)).expect("b");
        store.discard(Some(&a)).expect("discard a");
        store.discard(Some(&a)).expect("discard a again");
        let listed = recoveries(&store);
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].original.as_deref(), Some(b.as_path()));

        store.discard_file(&file_b).expect("discard b");
        assert!(store.list().is_empty());
        assert!(!file_b.exists());
    }

    #[test]
    fn discard_file_refuses_files_outside_the_store() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = RecoveryStore::new(dir.path().join("recovery"));
        let precious = dir.path().join("roadmap.ron");
        fs::write(&precious, "precious").expect("seed");
        let error = store.discard_file(&precious).expect_err("refused");
        assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput);
        let lookalike = dir.path().join("x.recovery.ron");
        fs::write(&lookalike, "precious").expect("seed");
        store.discard_file(&lookalike).expect_err("refused");
        assert!(precious.exists() && lookalike.exists());
    }

    #[test]
    fn untitled_session_uses_the_process_id() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = RecoveryStore::new(dir.path());
        let document = sample("無題");
        let file = store.write(None, &document, at(500, 0)).expect("write");
        assert_eq!(
            file.file_name().map(|n| n.to_string_lossy().into_owned()),
            Some(format!("untitled-{}.recovery.ron", std::process::id()))
        );
        let listed = recoveries(&store);
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].original, None);
        assert_eq!(listed[0].document, document);
        store.discard(None).expect("discard");
        assert!(store.list().is_empty());
    }

    /// Writes one damaged recovery file of each kind (in the order their names sort) and
    /// returns their paths. `good` is the text of a valid recovery file saved at time 100.
    fn write_damaged_files(dir: &Path, good: &str) -> Vec<PathBuf> {
        let files = [
            ("1-cut", good.as_bytes()[..good.len() / 2].to_vec()),
            ("2-empty", Vec::new()),
            ("3-binary", vec![0xff, 0xfe, 0x00]),
            (
                "4-newer",
                b"(format_version: 2, something_new: true, document: \"\")".to_vec(),
            ),
            (
                "5-document",
                b"(format_version: 1, original: None, saved_at_unix_seconds: 1, document: \"(meta: 1)\")"
                    .to_vec(),
            ),
            (
                "6-time",
                good.replace(
                    "saved_at_unix_seconds: 100",
                    "saved_at_unix_seconds: 18446744073709551615",
                )
                .into_bytes(),
            ),
        ];
        files
            .into_iter()
            .map(|(name, bytes)| {
                let file = dir.join(format!("{name}.recovery.ron"));
                fs::write(&file, bytes).expect("write");
                file
            })
            .collect()
    }

    #[test]
    fn damaged_files_are_listed_as_errors_after_the_good_ones() {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = RecoveryStore::new(dir.path());
        let good = store
            .write(
                Some(&dir.path().join("good.ron")),
                &sample("good"),
                at(100, 0),
            )
            .expect("write");
        let text = fs::read_to_string(&good).expect("read");

        let damaged = write_damaged_files(dir.path(), &text);
        // Leftovers of an interrupted write and unrelated files are not recovery files.
        fs::write(dir.path().join(".x.recovery.ron.tmp-1-0"), "partial").expect("write");
        fs::write(dir.path().join("notes.txt"), "unrelated").expect("write");

        let listed = store.list();
        assert_eq!(listed.len(), 7, "{listed:?}");
        let first = listed[0].as_ref().expect("the good file comes first");
        assert_eq!(first.document, sample("good"));
        let errors: Vec<_> = listed[1..]
            .iter()
            .map(|entry| entry.as_ref().expect_err("damaged"))
            .collect();
        let files: Vec<_> = errors.iter().map(|error| error.file()).collect();
        let expected: Vec<_> = damaged.iter().map(|file| Some(file.as_path())).collect();
        assert_eq!(files, expected, "sorted by name");
        assert!(
            matches!(errors[0], RecoveryError::Format { .. }),
            "{}",
            errors[0]
        );
        assert!(
            errors[1].to_string().contains("the file is empty"),
            "{}",
            errors[1]
        );
        assert!(
            matches!(errors[2], RecoveryError::Read { .. }),
            "{}",
            errors[2]
        );
        assert!(
            matches!(errors[3], RecoveryError::NewerVersion { version: 2, .. }),
            "{}",
            errors[3]
        );
        assert!(errors[3].to_string().contains("newer Koteihyo"));
        assert!(
            matches!(errors[4], RecoveryError::Document { .. }),
            "{}",
            errors[4]
        );
        assert!(
            matches!(errors[5], RecoveryError::Format { .. }),
            "{}",
            errors[5]
        );
        for error in &errors {
            let message = error.to_string();
            let file = error.file().expect("a file").display().to_string();
            assert!(message.starts_with(&file), "{message}");
        }

        // Damaged files can be discarded like good ones.
        for error in &errors {
            store
                .discard_file(error.file().expect("a file"))
                .expect("discard");
        }
        assert_eq!(store.list().len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn unlistable_folder_is_an_error_in_the_list() {
        let dir = tempfile::tempdir().expect("temp dir");
        let not_a_folder = dir.path().join("file");
        fs::write(&not_a_folder, "x").expect("write");
        let listed = RecoveryStore::new(&not_a_folder).list();
        assert_eq!(listed.len(), 1);
        let error = listed[0].as_ref().expect_err("not a folder");
        assert!(matches!(error, RecoveryError::Folder { .. }), "{error}");
        assert_eq!(error.file(), None);
    }

    #[test]
    fn user_default_is_a_recovery_folder() {
        if let Some(store) = RecoveryStore::user_default() {
            assert!(
                store.dir().ends_with("recovery"),
                "{}",
                store.dir().display()
            );
        }
    }
}
