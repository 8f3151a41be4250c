//! Safe file replacement: the old file stays whole until the new one is complete on disk, and
//! the file keeps what made it the user's — its links, owner, group and permissions.
//!
//! Two ways to write, chosen per file (see ARCHITECTURE.md, "Saving"):
//! - **replace** (the usual way): write a temporary file beside the target, fsync it, copy the
//!   old file to `NAME.bak`, rename the temporary file over the target, fsync the folder. A crash
//!   leaves the old file or the new one, never a mixture.
//! - **in place** (as vim does), when a rename would break something: the file has several
//!   hard links, or its owner or group cannot be given to a new file (another user's file that
//!   we may write). The old content is first copied to `NAME.bak` (fsynced); then the file itself
//!   is overwritten, truncated and fsynced. On a failure the old content is copied back.
//!
//! A symbolic link is followed: the file it points to is saved, and the link stays a link.

use std::fs::{self, File, OpenOptions};
use std::io::{Seek, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use tempfile::NamedTempFile;

use super::error::{SaveError, SaveStage};

/// Longest file name (in bytes) that every common file system accepts.
const NAME_MAX: usize = 255;

/// How much of the target's name a temporary file's name repeats, so that a long (Japanese)
/// name still leaves room for the rest.
const TEMP_NAME_PART: usize = 96;

/// Temporary files of a save that is this old are leftovers of a crash and are removed.
const LEFTOVER_AGE: Duration = Duration::from_mins(10);

/// Symbolic links followed at most, as the operating systems' own limit.
const MAX_LINKS: usize = 40;

/// The backup kept beside a saved file: `NAME.ron` → `NAME.ron.bak`; for a name so long that
/// `.bak` would not fit, a shortened name with a hash of the full one (`NAME…~1a2b3c4d.bak`).
#[must_use]
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(std::ffi::OsStr::to_os_string)
        .unwrap_or_default();
    if name.len() + ".bak".len() <= NAME_MAX {
        name.push(".bak");
        return path.with_file_name(name);
    }
    let full = name.to_string_lossy().into_owned();
    let hash = super::lock::fnv1a(full.as_bytes()) as u32;
    path.with_file_name(format!(
        "{}~{hash:08x}.bak",
        shortened(&full, NAME_MAX - 32)
    ))
}

/// Writes `bytes` to `path` safely, keeping the previous content as `NAME.bak` when
/// `keep_backup` is set and the file existed.
///
/// On failure the old file is unchanged (or, for an in-place write, restored from its copy)
/// and no temporary file is left. A file marked read-only is refused, and so is anything but a
/// regular file (a folder, a device, a FIFO). The saved file keeps its permissions, owner,
/// group and hard links; a symbolic link is saved through to its target.
pub fn write_atomic(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), SaveError> {
    write_atomic_with(path, keep_backup, |file| file.write_all(bytes))
}

/// Like [`write_atomic`], with the content written by `write` into the file.
/// Used by tests to inject a writer that fails part-way.
pub fn write_atomic_with(
    path: &Path,
    keep_backup: bool,
    write: impl FnOnce(&mut File) -> std::io::Result<()>,
) -> Result<(), SaveError> {
    let target = resolve_links(path)
        .map_err(|cause| SaveError::new(path, SaveStage::FollowingLink, cause, false))?;
    let previous = match fs::metadata(&target) {
        Ok(meta) => Some(meta),
        // Nothing there yet (also when a folder on the way is missing or is a file: creating
        // the temporary file then says so).
        Err(error)
            if matches!(
                error.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            None
        }
        Err(cause) => {
            return Err(SaveError::new(
                path,
                SaveStage::ReadingDetails,
                cause,
                false,
            ));
        }
    };
    let fail = |stage: SaveStage| {
        let existed = previous.is_some();
        move |cause| SaveError::new(path, stage, cause, existed)
    };
    if let Some(meta) = &previous {
        if !meta.is_file() {
            return Err(fail(SaveStage::NotRegularFile)(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("it is {}; choose a file name", super::file_kind(meta)),
            )));
        }
        // A file marked read-only is somebody's decision not to change it: refuse, as Windows
        // would, rather than replace it by renaming over it (which Unix folders allow).
        if meta.permissions().readonly() {
            return Err(fail(SaveStage::ReadOnly)(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                "clear its read-only mark or save under another name",
            )));
        }
    }
    remove_leftovers(&target);
    let replacement = match &previous {
        Some(meta) if must_write_in_place(meta) => None,
        _ => Some(
            create_temporary(&target, previous.as_ref().map(fs::Metadata::permissions))
                .map_err(fail(SaveStage::CreatingTemporary))?,
        ),
    };
    // Give the new file the old one's owner and group before writing anything into it; where
    // that is not allowed, write in place, which keeps them.
    let replacement = match (replacement, &previous) {
        (Some(temp), Some(meta)) => take_owner(&temp, meta).then_some(temp),
        (temp, _) => temp,
    };
    match replacement {
        Some(temp) => replace(&target, temp, previous.as_ref(), keep_backup, write)
            .map_err(|(stage, cause)| fail(stage)(cause)),
        None => {
            write_in_place(&target, keep_backup, write).map_err(|(stage, cause)| fail(stage)(cause))
        }
    }
}

type Failure = (SaveStage, std::io::Error);

/// The usual save: a complete temporary file renamed over the target.
fn replace(
    target: &Path,
    mut temp: NamedTempFile,
    previous: Option<&fs::Metadata>,
    keep_backup: bool,
    write: impl FnOnce(&mut File) -> std::io::Result<()>,
) -> Result<(), Failure> {
    let file = temp.as_file_mut();
    // The new file keeps the permissions of the one it replaces (e.g. readable by a group),
    // set before any content is written: a private file's text is never readable by others.
    match previous {
        Some(meta) => file.set_permissions(meta.permissions()),
        None => Ok(()),
    }
    .and_then(|()| write(file))
    .and_then(|()| file.sync_all())
    .map_err(|cause| (SaveStage::WritingTemporary, cause))?;
    if keep_backup && previous.is_some() {
        copy_backup(target, &backup_path(target))
            .map_err(|cause| (SaveStage::KeepingBackup, cause))?;
    }
    // On failure the temporary file is removed when `temp` is dropped.
    temp.persist(target)
        .map_err(|error| (SaveStage::ReplacingFile, error.error))?;
    sync_folder(target);
    Ok(())
}

/// The in-place save: the old content copied first, then the file itself overwritten.
fn write_in_place(
    target: &Path,
    keep_backup: bool,
    write: impl FnOnce(&mut File) -> std::io::Result<()>,
) -> Result<(), Failure> {
    // Without a `.bak` wanted, the copy is a temporary file, removed afterwards.
    let (copy, _temporary_copy) = if keep_backup {
        let backup = backup_path(target);
        copy_backup(target, &backup).map_err(|cause| (SaveStage::KeepingBackup, cause))?;
        (backup, None)
    } else {
        let temp =
            create_temporary(target, None).map_err(|cause| (SaveStage::KeepingBackup, cause))?;
        fs::copy(target, temp.path())
            .and_then(|_| temp.as_file().sync_all())
            .map_err(|cause| (SaveStage::KeepingBackup, cause))?;
        (temp.path().to_path_buf(), Some(temp))
    };
    let written = OpenOptions::new()
        .write(true)
        .open(target)
        .map_err(|cause| (SaveStage::OpeningFile, cause))
        .and_then(|mut file| {
            write(&mut file)
                .and_then(|()| file.stream_position())
                .and_then(|end| file.set_len(end))
                .and_then(|()| file.sync_all())
                .map_err(|cause| (SaveStage::WritingInPlace, cause))
        });
    if let Err((stage, cause)) = written {
        // Put the old content back (fs::copy rewrites the same file: links and owner stay).
        return match fs::copy(&copy, target).and_then(|_| File::open(target)?.sync_all()) {
            Ok(()) => Err((stage, cause)),
            Err(_) => Err((SaveStage::WritingInPlaceBackupKept, cause)),
        };
    }
    Ok(())
}

/// Whether the target must be written in place: it has other hard links, which a rename
/// would split from it.
fn must_write_in_place(meta: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        meta.nlink() > 1
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

/// Gives `temp` the owner and group of the file it will replace; false when not allowed.
fn take_owner(temp: &NamedTempFile, previous: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let Ok(own) = temp.as_file().metadata() else {
            return false;
        };
        if own.uid() == previous.uid() && own.gid() == previous.gid() {
            return true;
        }
        std::os::unix::fs::fchown(temp.as_file(), Some(previous.uid()), Some(previous.gid()))
            .is_ok()
    }
    #[cfg(not(unix))]
    {
        let _ = (temp, previous);
        true
    }
}

/// Copies the current file to `backup`, itself atomically, with the file's owner and group
/// where allowed.
fn copy_backup(target: &Path, backup: &Path) -> std::io::Result<()> {
    let temp = create_temporary(backup, None)?;
    fs::copy(target, temp.path())?;
    if let Ok(meta) = fs::metadata(target) {
        // A backup we may not give the owner's group still exists, with the file's mode.
        let _ = take_owner(&temp, &meta);
    }
    temp.as_file().sync_all()?;
    temp.persist(backup).map_err(|error| error.error)?;
    Ok(())
}

/// A new temporary file beside `path`, with an unpredictable name (`.NAME~Ab3dE9xQ.tmp`),
/// created exclusively (another try with another name if it exists). Removed when dropped.
///
/// It is created with `permissions` (the file it will replace), or as any new file is (read
/// and write for all, less the user's umask) — the operating system's umask applies either way.
fn create_temporary(
    path: &Path,
    permissions: Option<fs::Permissions>,
) -> std::io::Result<NamedTempFile> {
    let prefix = temporary_prefix(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp").rand_bytes(8);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(permissions.unwrap_or_else(|| fs::Permissions::from_mode(0o666)));
    }
    #[cfg(not(unix))]
    let _ = permissions;
    builder.tempfile_in(folder_of(path))
}

fn temporary_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(".{}~", shortened(&name, TEMP_NAME_PART))
}

/// Removes temporary files that a crashed save of `target` left (older than
/// [`LEFTOVER_AGE`]), and those of earlier versions (`.NAME.tmp-PID-N`).
fn remove_leftovers(target: &Path) {
    let prefix = temporary_prefix(target);
    let old_style = format!(
        ".{}.tmp-",
        target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    );
    let Ok(entries) = fs::read_dir(folder_of(target)) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = name.len() == prefix.len() + 8 + 4
            && name.starts_with(&prefix)
            && Path::new(&name).extension() == Some(std::ffi::OsStr::new("tmp"));
        let earlier = name.strip_prefix(&old_style).is_some_and(|rest| {
            rest.split('-').count() == 2 && rest.split('-').all(|n| n.parse::<u64>().is_ok())
        });
        let old = entry
            .metadata()
            .ok()
            .filter(fs::Metadata::is_file)
            .and_then(|meta| meta.modified().ok())
            .and_then(|modified| modified.elapsed().ok())
            .is_some_and(|age| age >= LEFTOVER_AGE);
        if (ours || earlier) && old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// `name` cut to at most `max` bytes, at a character boundary.
fn shortened(name: &str, max: usize) -> &str {
    let mut end = name.len().min(max);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    &name[..end]
}

/// The file a path names once its symbolic links are followed (the path itself when it is not
/// a link, or does not exist yet). A dangling link gives its target, which a save creates.
pub(crate) fn resolve_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&current)?;
                current = folder_of(&current).join(link);
            }
            _ => return Ok(current),
        }
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::InvalidInput,
        "too many levels of symbolic links",
    ))
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// Makes the rename durable where the platform allows syncing a folder.
fn sync_folder(path: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = File::open(folder_of(path)) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = path;
}

#[cfg(test)]
mod tests;
