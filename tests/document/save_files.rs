//! `koteihyo fmt` (which saves through `io::save`, as the window's Ctrl+S does) on the file
//! situations of a shared office folder: a symbolic link, hard links, another owner, a group
//! shared with colleagues, a temporary name left by a crash, two saves at once.
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Output};

use crate::command_line;
use command_line::{canonical_example, compact_example};

const KOTEIHYO: &str = env!("CARGO_BIN_EXE_koteihyo");

/// Runs `koteihyo ARGS` with its data folder (locks) inside `home`.
fn koteihyo(home: &Path, args: &[&Path]) -> Output {
    Command::new(KOTEIHYO)
        .args(args)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .output()
        .expect("run koteihyo")
}

fn fmt(home: &Path, file: &Path) -> Output {
    koteihyo(home, &[Path::new("fmt"), file])
}

fn is_root() -> bool {
    fs::metadata("/proc/self").is_ok_and(|meta| meta.uid() == 0)
}

/// Tests that change owners need root; CI runs as root, so there they must run.
fn needs_root(test: &str) -> bool {
    if is_root() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{test} needs root, which CI has"
    );
    eprintln!("{test}: skipped, not root (CI runs it as root)");
    false
}

#[test]
fn fmt_through_a_symbolic_link_saves_the_shared_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::create_dir(dir.path().join("shared")).expect("folder");
    let real = dir.path().join("shared/real.ron");
    fs::write(&real, compact_example()).expect("seed");
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink("shared/real.ron", &link).expect("link");
    let output = fmt(dir.path(), &link);
    assert!(output.status.success(), "{output:?}");
    assert!(
        fs::symlink_metadata(&link)
            .expect("stat")
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        fs::read_to_string(&real).expect("read"),
        canonical_example()
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("shared/real.ron.bak")).expect("backup"),
        compact_example()
    );
    assert!(!dir.path().join("link.ron.bak").exists());
}

#[test]
fn fmt_keeps_hard_links_together() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mine = dir.path().join("mine.ron");
    let theirs = dir.path().join("theirs.ron");
    fs::write(&mine, compact_example()).expect("seed");
    fs::hard_link(&mine, &theirs).expect("hard link");
    let output = fmt(dir.path(), &mine);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        fs::read_to_string(&theirs).expect("read"),
        canonical_example()
    );
    assert_eq!(fs::metadata(&mine).expect("stat").nlink(), 2);
}

#[test]
fn fmt_keeps_owner_group_and_mode() {
    if !needs_root("fmt_keeps_owner_group_and_mode") {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("owned.ron");
    fs::write(&file, compact_example()).expect("seed");
    std::os::unix::fs::chown(&file, Some(65534), Some(65534)).expect("chown nobody:nogroup");
    fs::set_permissions(&file, fs::Permissions::from_mode(0o640)).expect("chmod 640");
    let output = fmt(dir.path(), &file);
    assert!(output.status.success(), "{output:?}");
    let meta = fs::metadata(&file).expect("stat");
    assert_eq!(
        (meta.uid(), meta.gid(), meta.mode() & 0o777),
        (65534, 65534, 0o640)
    );
    assert_eq!(
        fs::read_to_string(&file).expect("read"),
        canonical_example()
    );
}

/// A colleague (here `nobody`, in the file's group) saves a file owned by someone else in a
/// group-shared folder: a new file would be the colleague's, so the file is written in place
/// and keeps its owner, group and mode.
#[test]
fn a_colleague_saving_a_group_shared_file_keeps_its_owner_and_group() {
    if !needs_root("a_colleague_saving_a_group_shared_file_keeps_its_owner_and_group") {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let shared = dir.path().join("shared");
    fs::create_dir(&shared).expect("folder");
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
    std::os::unix::fs::chown(&shared, Some(0), Some(65534)).expect("chown");
    fs::set_permissions(&shared, fs::Permissions::from_mode(0o775)).expect("chmod 775");
    let file = shared.join("roadmap.ron");
    fs::write(&file, compact_example()).expect("seed");
    std::os::unix::fs::chown(&file, Some(0), Some(65534)).expect("chown root:nogroup");
    fs::set_permissions(&file, fs::Permissions::from_mode(0o664)).expect("chmod 664");
    let inode = fs::metadata(&file).expect("stat").ino();
    let output = Command::new("setpriv")
        .args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            KOTEIHYO,
            "fmt",
        ])
        .arg(&file)
        .env("HOME", &shared)
        .output()
        .expect("run setpriv (util-linux)");
    assert!(output.status.success(), "{output:?}");
    let meta = fs::metadata(&file).expect("stat");
    assert_eq!(
        (meta.uid(), meta.gid(), meta.mode() & 0o777, meta.ino()),
        (0, 65534, 0o664, inode),
        "the same file, its owner, group and mode kept"
    );
    assert_eq!(
        fs::read_to_string(&file).expect("read"),
        canonical_example()
    );
    assert_eq!(
        fs::read_to_string(shared.join("roadmap.ron.bak")).expect("backup"),
        compact_example()
    );
}

/// Earlier versions named temporary files by process id and a counter: a leftover of a crash
/// blocked every save of a process with that id — always PID 1 in a container.
#[test]
fn a_leftover_temporary_file_does_not_block_a_save_as_pid_1() {
    let options: &[&[&str]] = &[
        &["--user", "--map-root-user", "--pid", "--fork"],
        &["--pid", "--fork"],
    ];
    let Some(options) = options.iter().find(|options| {
        Command::new("unshare")
            .args(**options)
            .arg("true")
            .status()
            .is_ok_and(|status| status.success())
    }) else {
        panic!("this test needs `unshare` (util-linux) with user namespaces or root");
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("t.ron");
    fs::write(&file, compact_example()).expect("seed");
    fs::write(dir.path().join(".t.ron.tmp-1-0"), "stale").expect("leftover");
    let output = Command::new("unshare")
        .args(*options)
        .args([KOTEIHYO, "fmt"])
        .arg(&file)
        .env("HOME", dir.path())
        .output()
        .expect("run unshare");
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        fs::read_to_string(&file).expect("read"),
        canonical_example()
    );
}

/// Two `fmt` runs at once: the second waits for the first, finds the file canonical and
/// leaves it, so the backup always holds the original text (not the formatted one).
#[test]
fn two_saves_at_once_keep_the_original_in_the_backup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("race.ron");
    let backup = dir.path().join("race.ron.bak");
    for round in 0..10 {
        fs::write(&file, compact_example()).expect("seed");
        let _ = fs::remove_file(&backup);
        let children: Vec<_> = (0..2)
            .map(|_| {
                Command::new(KOTEIHYO)
                    .arg("fmt")
                    .arg(&file)
                    .env("HOME", dir.path())
                    .env("XDG_DATA_HOME", dir.path().join("data"))
                    .stdout(std::process::Stdio::null())
                    .spawn()
                    .expect("spawn")
            })
            .collect();
        for mut child in children {
            assert!(child.wait().expect("wait").success());
        }
        assert_eq!(
            fs::read_to_string(&file).expect("read"),
            canonical_example()
        );
        assert_eq!(
            fs::read_to_string(&backup).expect("backup"),
            compact_example(),
            "round {round}: the backup lost the original"
        );
    }
}
