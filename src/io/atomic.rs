//! Atomic file replacement: the old file stays whole until the new one is complete on disk.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use super::error::SaveError;

/// The backup kept beside a saved file: `NAME.ron` → `NAME.ron.bak`.
#[must_use]
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(std::ffi::OsStr::to_os_string)
        .unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes `bytes` to `path` atomically, keeping the previous content as `NAME.bak` when
/// `keep_backup` is set and the file existed.
///
/// The bytes go to a temporary file in the same folder, which is flushed to disk (fsync) and
/// then renamed over `path`. A crash or a failure at any step leaves either the old file or the
/// new one, never a mixture; on failure the temporary file is removed and the old file is
/// untouched. A file marked read-only is refused; the new file keeps the old one's permissions.
pub fn write_atomic(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), SaveError> {
    write_atomic_with(path, keep_backup, |file| file.write_all(bytes))
}

/// Like [`write_atomic`], with the content written by `write` into the temporary file.
/// Used by tests to inject a writer that fails part-way.
pub fn write_atomic_with(
    path: &Path,
    keep_backup: bool,
    write: impl FnOnce(&mut File) -> std::io::Result<()>,
) -> Result<(), SaveError> {
    let fail = |stage: &'static str| {
        move |cause| SaveError {
            path: path.to_path_buf(),
            stage,
            cause,
        }
    };
    // A file marked read-only is somebody's decision not to change it: refuse, as Windows
    // would, rather than replace it by renaming over it (which Unix folders allow).
    let previous = fs::metadata(path).ok().filter(fs::Metadata::is_file);
    if previous
        .as_ref()
        .is_some_and(|meta| meta.permissions().readonly())
    {
        return Err(fail("the file is read-only")(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            "clear its read-only mark or save under another name",
        )));
    }
    let temp = temporary_path(path, "tmp");
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .map_err(fail("creating a temporary file"))?;
    // The new file keeps the permissions of the one it replaces (e.g. readable by a group).
    let written = write(&mut file)
        .and_then(|()| match &previous {
            Some(meta) => file.set_permissions(meta.permissions()),
            None => Ok(()),
        })
        .and_then(|()| file.sync_all());
    drop(file);
    if let Err(source) = written {
        let _ = fs::remove_file(&temp);
        return Err(fail("writing a temporary file")(source));
    }
    if keep_backup
        && path.exists()
        && let Err(error) = copy_backup(path)
    {
        let _ = fs::remove_file(&temp);
        return Err(fail("keeping a backup")(error));
    }
    if let Err(source) = fs::rename(&temp, path) {
        let _ = fs::remove_file(&temp);
        return Err(fail("replacing the file")(source));
    }
    sync_folder(path);
    Ok(())
}

/// Copies the current file to `NAME.bak`, itself atomically.
fn copy_backup(path: &Path) -> std::io::Result<()> {
    let backup = backup_path(path);
    let temp = temporary_path(&backup, "tmp");
    let result = fs::copy(path, &temp)
        .and_then(|_| File::open(&temp)?.sync_all())
        .and_then(|()| fs::rename(&temp, &backup));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// A fresh name beside `path`: `.NAME.tmp-PID-N`.
fn temporary_path(path: &Path, tag: &str) -> PathBuf {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{tag}-{}-{n}", std::process::id()))
}

/// Makes the rename durable where the platform allows syncing a folder.
fn sync_folder(path: &Path) {
    #[cfg(unix)]
    if let Some(parent) = path.parent() {
        let folder = if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        };
        if let Ok(dir) = File::open(folder) {
            let _ = dir.sync_all();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_keeps_backup() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("roadmap.ron");
        write_atomic(&path, b"first", true).expect("first save");
        assert!(
            !backup_path(&path).exists(),
            "no backup of a file that did not exist"
        );
        write_atomic(&path, b"second", true).expect("second save");
        assert_eq!(fs::read(&path).expect("read"), b"second");
        assert_eq!(fs::read(backup_path(&path)).expect("read backup"), b"first");
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .expect("list")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
            .collect();
        assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    }

    #[test]
    fn failing_writer_leaves_old_file_intact() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("roadmap.ron");
        fs::write(&path, b"precious").expect("seed file");
        for fail_at in [0usize, 1, 3, 7] {
            let result = write_atomic_with(&path, true, |file| {
                file.write_all(&b"replacement"[..fail_at])?;
                Err(std::io::Error::other("disk full"))
            });
            let error = result.expect_err("the writer fails");
            assert_eq!(error.stage, "writing a temporary file");
            assert_eq!(fs::read(&path).expect("read"), b"precious");
        }
        assert_eq!(
            fs::read_dir(dir.path()).expect("list").count(),
            1,
            "only the original remains"
        );
    }

    #[test]
    fn a_read_only_file_is_refused_and_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("roadmap.ron");
        fs::write(&path, b"precious").expect("seed file");
        let mut permissions = fs::metadata(&path).expect("stat").permissions();
        permissions.set_readonly(true);
        fs::set_permissions(&path, permissions).expect("mark read-only");
        let error = write_atomic(&path, b"new", true).expect_err("refused");
        assert_eq!(error.stage, "the file is read-only");
        assert_eq!(error.cause.kind(), std::io::ErrorKind::PermissionDenied);
        assert_eq!(fs::read(&path).expect("read"), b"precious");
        assert_eq!(fs::read_dir(dir.path()).expect("list").count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn the_new_file_keeps_the_old_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("roadmap.ron");
        fs::write(&path, b"first").expect("seed file");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).expect("chmod");
        write_atomic(&path, b"second", true).expect("save");
        let mode = fs::metadata(&path).expect("stat").permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }
}
