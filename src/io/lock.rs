//! Advisory locks between Koteihyo processes: one held while a file is saved (so two saves of
//! one file never interleave), and one held by a window while it has a file open (so a second
//! window can warn, and does not offer the first one's autosave copy as "recovered").
//!
//! The locks are files in Koteihyo's own folder (never beside the user's file), named by a hash
//! of the file's absolute path with its links resolved, and locked with the operating system's
//! advisory file locks (`File::lock`). They serialize Koteihyo processes of one user on one
//! machine; a lock that cannot be made (no data folder, a read-only disk) never stops a save.

use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A held lock; dropping it releases the lock.
#[derive(Debug)]
pub struct FileLock {
    _file: File,
}

/// How long a save waits for another process's save of the same file before giving up.
pub const SAVE_LOCK_WAIT: Duration = Duration::from_secs(10);

/// The folder of save locks: `locks` in Koteihyo's data folder, else in the temporary folder.
#[must_use]
pub fn lock_folder() -> PathBuf {
    directories::ProjectDirs::from("jp", "koteihyo", "Koteihyo").map_or_else(
        || std::env::temp_dir().join("koteihyo-locks"),
        |dirs| dirs.data_dir().join("locks"),
    )
}

/// Takes the save lock of `target` (a path with its links already resolved), waiting up to
/// [`SAVE_LOCK_WAIT`] for another process's save to finish.
///
/// `Ok(None)` when no lock file can be made (the save then goes ahead unlocked);
/// an error only when another process holds the lock for the whole wait.
pub fn save_lock(target: &Path) -> std::io::Result<Option<FileLock>> {
    let folder = lock_folder();
    let name = format!("{:016x}.save.lock", path_hash(target));
    let Some(file) = open_lock_file(&folder, &name) else {
        return Ok(None);
    };
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(Some(FileLock { _file: file })),
            Err(fs::TryLockError::WouldBlock) if start.elapsed() < SAVE_LOCK_WAIT => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(fs::TryLockError::WouldBlock) => {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::WouldBlock,
                    "another Koteihyo has been saving this file for 10 seconds; try again",
                ));
            }
            // A file system without locks: go ahead unlocked, as without a lock folder.
            Err(fs::TryLockError::Error(_)) => return Ok(None),
        }
    }
}

/// Tries to take the lock `name` in `folder` without waiting: `Ok(Some)` when taken,
/// `Ok(None)` when another process holds it, an error when the lock file cannot be made.
pub fn try_lock(folder: &Path, name: &str) -> std::io::Result<Option<FileLock>> {
    fs::create_dir_all(folder)?;
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(folder.join(name))?;
    match file.try_lock() {
        Ok(()) => Ok(Some(FileLock { _file: file })),
        Err(fs::TryLockError::WouldBlock) => Ok(None),
        Err(fs::TryLockError::Error(error)) => Err(error),
    }
}

fn open_lock_file(folder: &Path, name: &str) -> Option<File> {
    fs::create_dir_all(folder).ok()?;
    OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(folder.join(name))
        .ok()
}

/// A stable hash (FNV-1a, 64 bits) of a path's absolute form: the same in every process and
/// every version, so that two Koteihyo processes name the same lock.
#[must_use]
pub fn path_hash(path: &Path) -> u64 {
    fnv1a(absolute(path).as_os_str().as_encoded_bytes())
}

/// `path` made absolute against the current folder (without resolving links), or as given
/// when that is impossible.
#[must_use]
pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The 64-bit FNV-1a hash: tiny, and the same on every run and every build (unlike std's
/// `DefaultHasher`), which lock and recovery file names need.
#[must_use]
pub fn fnv1a(bytes: &[u8]) -> u64 {
    const OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    bytes.iter().fold(OFFSET_BASIS, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(PRIME)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_is_exclusive_until_dropped() {
        let dir = tempfile::tempdir().expect("temp dir");
        let first = try_lock(dir.path(), "a.lock").expect("lockable");
        assert!(first.is_some());
        assert!(
            try_lock(dir.path(), "a.lock").expect("lockable").is_none(),
            "a second holder is refused"
        );
        assert!(try_lock(dir.path(), "b.lock").expect("lockable").is_some());
        drop(first);
        assert!(try_lock(dir.path(), "a.lock").expect("lockable").is_some());
    }

    #[test]
    fn the_save_lock_waits_for_the_other_holder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("roadmap.ron");
        let held = save_lock(&target).expect("lock").expect("a lock folder");
        let (sender, receiver) = std::sync::mpsc::channel();
        let waiting = {
            let target = target.clone();
            std::thread::spawn(move || {
                let lock = save_lock(&target);
                sender.send(()).expect("send");
                lock.map(|lock| lock.is_some())
            })
        };
        assert!(
            receiver.recv_timeout(Duration::from_millis(300)).is_err(),
            "the second save waits while the first holds the lock"
        );
        drop(held);
        receiver
            .recv_timeout(Duration::from_secs(5))
            .expect("the second save goes ahead once the first is done");
        assert!(waiting.join().expect("thread").expect("locked"));
    }
}
