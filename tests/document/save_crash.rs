//! A save interrupted at any moment — the process killed, or the writer failing part-way —
//! leaves the file whole: the old content or the new one, never a mixture, never empty.
//!
//! The crash test re-runs this test binary as a child that saves in a loop, and kills it at
//! varied moments. A killed process is not a power cut (the written pages stay in the
//! operating system's cache), so this checks the order of the steps, not the fsyncs.

use std::fs::{self, File};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use koteihyo::io::{backup_path, write_atomic_with};

/// Set in the child's environment to the file it saves over and over.
const CHILD_ENV: &str = "KOTEIHYO_SAVE_CRASH_CHILD";

/// The child prints this once it is about to save, so kills fall during saves.
const READY: &str = "KOTEIHYO_SAVE_CRASH_CHILD_READY";

/// Size of each content: large enough that a save takes a while, written in small chunks.
const SIZE: usize = 4 * 1024 * 1024;
const CHUNK: usize = 64 * 1024;

/// A full content, different for `tag` b'A' and b'B' in every chunk, with a recognisable end.
fn content(tag: u8) -> Vec<u8> {
    let mut bytes: Vec<u8> = (0..SIZE)
        .map(|i| if i % 97 == 0 { b'\n' } else { tag })
        .collect();
    let end = format!("\nend of content {}\n", char::from(tag));
    let start = SIZE - end.len();
    bytes[start..].copy_from_slice(end.as_bytes());
    bytes
}

/// Writes `bytes` in small chunks, flushing and pausing now and then, so a save takes long
/// enough to be interrupted in the middle.
fn write_slowly(file: &mut File, bytes: &[u8]) -> std::io::Result<()> {
    for (n, chunk) in bytes.chunks(CHUNK).enumerate() {
        file.write_all(chunk)?;
        file.flush()?;
        if n % 8 == 0 {
            thread::sleep(Duration::from_micros(200));
        }
    }
    Ok(())
}

/// The child: saves B, A, B, A … over the file until it is killed. In the parent's own run
/// (without the environment variable) it does nothing.
#[test]
fn child_saving_in_a_loop() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let path = PathBuf::from(path);
    let contents = [content(b'B'), content(b'A')];
    println!("{READY}");
    let _ = std::io::stdout().flush();
    for round in 0_usize.. {
        let bytes = &contents[round % 2];
        write_atomic_with(&path, true, |file| write_slowly(file, bytes))
            .expect("the child's save works");
    }
}

/// The child test's name as the test binary knows it: its module path without the crate.
fn child_test_name() -> String {
    let module = module_path!()
        .split_once("::")
        .map_or("", |(_, module)| module);
    format!("{module}::child_saving_in_a_loop")
}

/// Starts the child on `path` and waits until it is about to save.
fn spawn_child(path: &Path) -> std::process::Child {
    let exe = std::env::current_exe().expect("the test binary's path");
    let mut child = Command::new(exe)
        .args(["--exact", &child_test_name(), "--nocapture"])
        .env(CHILD_ENV, path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the child");
    let stdout = child.stdout.take().expect("the child's stdout");
    let mut lines = BufReader::new(stdout).lines();
    loop {
        match lines.next() {
            Some(Ok(line)) if line.trim() == READY => break,
            Some(Ok(_)) => {}
            other => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("the child stopped before saving: {other:?}");
            }
        }
    }
    child
}

fn describe(bytes: &[u8], a: &[u8], b: &[u8]) -> &'static str {
    if bytes == a {
        "A"
    } else if bytes == b {
        "B"
    } else {
        "neither A nor B"
    }
}

#[test]
fn killed_while_saving_leaves_a_whole_file() {
    let started = Instant::now();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("roadmap.ron");
    let a = content(b'A');
    let b = content(b'B');
    assert_ne!(a, b);
    fs::write(&path, &a).expect("seed the file with A");

    let mut seen = Vec::new();
    for round in 0_u32..15 {
        // 1 ms … about 200 ms, spread unevenly so kills land at different steps of a save.
        let delay = Duration::from_millis(u64::from(1 + (round * round * 37 + round * 11) % 200));
        let mut child = spawn_child(&path);
        thread::sleep(delay);
        child.kill().expect("kill the child");
        child.wait().expect("reap the child");

        let target = fs::read(&path).expect("the file still exists");
        let what = describe(&target, &a, &b);
        assert_ne!(
            what,
            "neither A nor B",
            "round {round} (killed after {delay:?}): the file has {} bytes of mixed or partial content",
            target.len()
        );
        let backup = backup_path(&path);
        if backup.exists() {
            let kept = fs::read(&backup).expect("read the backup");
            assert_ne!(
                describe(&kept, &a, &b),
                "neither A nor B",
                "round {round} (killed after {delay:?}): the backup has {} bytes of mixed or partial content",
                kept.len()
            );
        }
        seen.push(what);
    }
    // Temporary files of the interrupted saves may remain; they are never the file itself.
    let names: Vec<String> = fs::read_dir(dir.path())
        .expect("list")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    for name in &names {
        assert!(
            name == "roadmap.ron"
                || name == "roadmap.ron.bak"
                || ((name.starts_with(".roadmap.ron~") || name.starts_with(".roadmap.ron.bak~"))
                    && Path::new(name).extension() == Some(std::ffi::OsStr::new("tmp"))),
            "unexpected file {name} among {names:?}"
        );
    }
    eprintln!(
        "contents after each kill: {seen:?} ({:?} in all)",
        started.elapsed()
    );
}

/// A writer that accepts `left` bytes and then fails, like a disk filling up.
struct FailAfter<'a> {
    file: &'a mut File,
    left: usize,
}

impl Write for FailAfter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.left == 0 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::StorageFull,
                "injected failure: disk full",
            ));
        }
        let n = self.file.write(&buf[..buf.len().min(self.left)])?;
        self.left -= n;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

#[test]
fn writer_failing_at_any_byte_leaves_the_file_unchanged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("roadmap.ron");
    let original = "(\n    format_version: 1,\n    meta: (title: \"元の工程表\"),\n)\n".as_bytes();
    let old_backup = b"the backup of an earlier save".as_slice();
    fs::write(&path, original).expect("seed the file");
    fs::write(backup_path(&path), old_backup).expect("seed the backup");
    let replacement = "(\n    format_version: 1,\n    meta: (title: \"新しい工程表、置き換えるはずだった内容\"),\n)\n"
        .repeat(4)
        .into_bytes();
    assert!(replacement.len() > 64);

    // Every byte at which a disk could fill up, up to and including the last one.
    for fail_at in 0..replacement.len() {
        let result = write_atomic_with(&path, true, |file| {
            FailAfter {
                file,
                left: fail_at,
            }
            .write_all(&replacement)
        });
        let error = result.expect_err("the injected writer fails");
        let message = error.to_string();
        assert!(
            message.contains("the previous file is unchanged"),
            "failing at byte {fail_at}: {message}"
        );
        assert!(
            message.contains("injected failure"),
            "failing at byte {fail_at}: {message}"
        );
        assert_eq!(error.path, path);
        assert_eq!(
            fs::read(&path).expect("read"),
            original,
            "failing at byte {fail_at}: the file changed"
        );
        assert_eq!(
            fs::read(backup_path(&path)).expect("read the backup"),
            old_backup,
            "failing at byte {fail_at}: the backup changed"
        );
        assert_eq!(
            fs::read_dir(dir.path()).expect("list").count(),
            2,
            "failing at byte {fail_at}: a temporary file was left behind"
        );
    }
}

#[test]
fn saving_where_no_file_can_be_written_fails_clearly_and_writes_nothing() {
    // CI runs as root, for whom a read-only folder is writable; a "folder" that is a regular
    // file cannot be written by anyone.
    let dir = tempfile::tempdir().expect("temp dir");
    let not_a_folder = dir.path().join("not-a-folder");
    fs::write(&not_a_folder, b"a file").expect("seed");
    let path = not_a_folder.join("roadmap.ron");
    let error = write_atomic_with(&path, true, |file| file.write_all(b"(format_version: 1)"))
        .expect_err("nothing can be written there");
    let message = error.to_string();
    assert!(message.contains("roadmap.ron"), "{message}");
    // The operating system's reason appears once, in the message, not again as a source.
    assert!(std::error::Error::source(&error).is_none(), "{message}");
    assert_eq!(fs::read(&not_a_folder).expect("read"), b"a file");
    assert_eq!(fs::read_dir(dir.path()).expect("list").count(), 1);
}
