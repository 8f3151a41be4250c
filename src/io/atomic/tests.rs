//! Unit tests of safe file replacement: backups, failures, links, owners, temporary names.

use super::*;

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn is_temporary(name: &str) -> bool {
    Path::new(name).extension() == Some(std::ffi::OsStr::new("tmp"))
}

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
    assert_eq!(names_in(dir.path()), ["roadmap.ron", "roadmap.ron.bak"]);
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
        assert_eq!(error.stage, SaveStage::WritingTemporary);
        assert!(
            error
                .to_string()
                .ends_with("the previous file is unchanged")
        );
        assert_eq!(fs::read(&path).expect("read"), b"precious");
    }
    assert_eq!(
        names_in(dir.path()),
        ["roadmap.ron"],
        "only the original remains"
    );
}

#[test]
fn a_failure_without_a_previous_file_does_not_claim_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("new.ron");
    let error = write_atomic_with(&path, true, |_| Err(std::io::Error::other("disk full")))
        .expect_err("the writer fails");
    assert!(
        !error.to_string().contains("previous file"),
        "there was no previous file: {error}"
    );
    assert!(names_in(dir.path()).is_empty());
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
    assert_eq!(error.stage, SaveStage::ReadOnly);
    assert_eq!(error.cause.kind(), std::io::ErrorKind::PermissionDenied);
    assert_eq!(fs::read(&path).expect("read"), b"precious");
    assert_eq!(fs::read_dir(dir.path()).expect("list").count(), 1);
}

#[test]
fn a_folder_is_never_replaced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("out.ron");
    fs::create_dir(&folder).expect("folder");
    let error = write_atomic(&folder, b"x", false).expect_err("refused");
    assert_eq!(error.stage, SaveStage::NotRegularFile);
    assert!(folder.is_dir());
}

#[cfg(unix)]
#[test]
fn a_fifo_is_never_replaced_nor_opened() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("run mkfifo");
    assert!(made.success());
    let error = write_atomic(&fifo, b"x", false).expect_err("refused");
    assert_eq!(error.stage, SaveStage::NotRegularFile);
    let kind = fs::symlink_metadata(&fifo).expect("stat").file_type();
    assert!(kind.is_fifo(), "still a FIFO");
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

#[cfg(unix)]
#[test]
fn a_new_file_gets_the_usual_permissions_and_a_private_one_stays_private_throughout() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    // A new file as any program makes one (read and write for all, less the umask).
    let usual = dir.path().join("usual.pdf");
    File::create(&usual).expect("create");
    let saved = dir.path().join("saved.pdf");
    write_atomic(&saved, b"%PDF", false).expect("save");
    let mode = |path: &Path| fs::metadata(path).expect("stat").permissions().mode() & 0o777;
    assert_eq!(mode(&saved), mode(&usual), "an export is readable as usual");
    // A private file's new text is never in a file others may read, not even briefly.
    let private = dir.path().join("private.ron");
    fs::write(&private, b"old").expect("seed");
    fs::set_permissions(&private, fs::Permissions::from_mode(0o600)).expect("chmod");
    write_atomic_with(&private, true, |file| {
        let during = file.metadata()?.permissions().mode() & 0o777;
        assert_eq!(during, 0o600, "the temporary file while it is written");
        file.write_all(b"new")
    })
    .expect("save");
    assert_eq!(mode(&private), 0o600);
    assert_eq!(mode(&backup_path(&private)), 0o600);
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_is_saved_through_to_its_target() {
    let dir = tempfile::tempdir().expect("temp dir");
    let shared = dir.path().join("shared");
    fs::create_dir(&shared).expect("folder");
    let real = shared.join("real.ron");
    fs::write(&real, b"old").expect("seed");
    let link = dir.path().join("link.ron");
    // A relative link, as `ln -s shared/real.ron link.ron` makes.
    std::os::unix::fs::symlink("shared/real.ron", &link).expect("link");
    write_atomic(&link, b"new", true).expect("save");
    assert!(
        fs::symlink_metadata(&link)
            .expect("stat")
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    assert_eq!(
        fs::read(&real).expect("read"),
        b"new",
        "the shared file changed"
    );
    assert_eq!(
        fs::read(shared.join("real.ron.bak")).expect("backup"),
        b"old"
    );
    assert_eq!(names_in(dir.path()), ["link.ron", "shared"]);
}

#[cfg(unix)]
#[test]
fn a_chain_of_links_and_a_dangling_link_are_followed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let real = dir.path().join("real.ron");
    let middle = dir.path().join("middle.ron");
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink(&real, &middle).expect("link");
    std::os::unix::fs::symlink(&middle, &link).expect("link");
    write_atomic(&link, b"created", true).expect("save through a dangling chain");
    assert_eq!(fs::read(&real).expect("read"), b"created");
    assert!(
        fs::symlink_metadata(&link)
            .expect("stat")
            .file_type()
            .is_symlink()
    );
    let looped = dir.path().join("loop.ron");
    std::os::unix::fs::symlink(&looped, &looped).expect("link to itself");
    let error = write_atomic(&looped, b"x", true).expect_err("a loop");
    assert_eq!(error.stage, SaveStage::FollowingLink);
}

#[cfg(unix)]
#[test]
fn hard_links_stay_one_file() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let first = dir.path().join("a.ron");
    let second = dir.path().join("b.ron");
    fs::write(&first, b"old content").expect("seed");
    fs::hard_link(&first, &second).expect("hard link");
    let inode = fs::metadata(&first).expect("stat").ino();
    write_atomic(&first, b"new", true).expect("save");
    assert_eq!(
        fs::read(&second).expect("read"),
        b"new",
        "both names see the save"
    );
    let meta = fs::metadata(&first).expect("stat");
    assert_eq!(
        (meta.ino(), meta.nlink()),
        (inode, 2),
        "the same file, still linked"
    );
    assert_eq!(
        fs::read(backup_path(&first)).expect("backup"),
        b"old content"
    );
    // Without a backup wanted, the in-place write leaves no copy behind.
    write_atomic(&second, b"newer", false).expect("save");
    assert_eq!(fs::read(&first).expect("read"), b"newer");
    assert_eq!(names_in(dir.path()), ["a.ron", "a.ron.bak", "b.ron"]);
}

#[cfg(unix)]
#[test]
fn a_failing_in_place_write_puts_the_old_content_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let first = dir.path().join("a.ron");
    fs::write(&first, b"precious content").expect("seed");
    fs::hard_link(&first, dir.path().join("b.ron")).expect("hard link");
    let error = write_atomic_with(&first, false, |file| {
        file.write_all(b"half")?;
        Err(std::io::Error::other("disk full"))
    })
    .expect_err("fails");
    assert_eq!(error.stage, SaveStage::WritingInPlace);
    assert_eq!(fs::read(&first).expect("read"), b"precious content");
    assert_eq!(names_in(dir.path()), ["a.ron", "b.ron"]);
}

#[cfg(unix)]
#[test]
fn owner_and_group_are_kept_as_root() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("owned.ron");
    fs::write(&path, b"old").expect("seed");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).expect("chmod");
    let me = fs::metadata(&path).expect("stat");
    // As root (CI), give the file to nobody:nogroup as the reproducer does; as another user,
    // the file is ours and must stay ours.
    let (uid, gid) = if me.uid() == 0 {
        (65534, 65534)
    } else {
        (me.uid(), me.gid())
    };
    std::os::unix::fs::chown(&path, Some(uid), Some(gid)).expect("chown");
    write_atomic(&path, b"new", true).expect("save");
    let after = fs::metadata(&path).expect("stat");
    assert_eq!((after.uid(), after.gid()), (uid, gid));
    assert_eq!(after.permissions().mode() & 0o777, 0o640);
    assert_eq!(fs::read(&path).expect("read"), b"new");
}

#[test]
fn a_stale_temporary_file_never_blocks_a_save_and_old_ones_are_cleaned() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("t.ron");
    fs::write(&path, b"old").expect("seed");
    // What a crashed earlier version left, with this process's own id and counter 0..3.
    let pid = std::process::id();
    for n in 0..3 {
        fs::write(dir.path().join(format!(".t.ron.tmp-{pid}-{n}")), b"stale").expect("leftover");
    }
    let fresh_leftover = dir.path().join(".t.ron~AbCdEfGh.tmp");
    fs::write(&fresh_leftover, b"stale").expect("leftover");
    write_atomic(&path, b"new", true).expect("a leftover does not block the save");
    assert_eq!(fs::read(&path).expect("read"), b"new");
    assert!(
        fresh_leftover.exists(),
        "a recent temporary file may be a save in progress"
    );
    // Once old enough, leftovers of this file are removed by its next save.
    let long_ago = std::time::SystemTime::now() - LEFTOVER_AGE - Duration::from_secs(1);
    for name in names_in(dir.path()) {
        if is_temporary(&name) || name.contains(".tmp-") {
            let file = File::options()
                .write(true)
                .open(dir.path().join(&name))
                .expect("open leftover");
            file.set_modified(long_ago).expect("age it");
        }
    }
    let other = dir.path().join(".other.ron~AbCdEfGh.tmp");
    fs::write(&other, b"not ours").expect("other file's temp");
    File::options()
        .write(true)
        .open(&other)
        .expect("open")
        .set_modified(long_ago)
        .expect("age it");
    write_atomic(&path, b"newer", true).expect("save");
    assert_eq!(
        names_in(dir.path()),
        [".other.ron~AbCdEfGh.tmp", "t.ron", "t.ron.bak"],
        "only this file's leftovers are removed"
    );
}

#[test]
fn a_long_japanese_name_saves_with_its_backup() {
    let dir = tempfile::tempdir().expect("temp dir");
    // 80 characters of three bytes each: 240 bytes + ".ron" — the temporary and backup names
    // of earlier versions were longer than a file system allows.
    let name = format!("{}.ron", "工".repeat(80));
    let path = dir.path().join(&name);
    write_atomic(&path, b"first", true).expect("first save");
    write_atomic(&path, b"second", true).expect("second save");
    assert_eq!(fs::read(&path).expect("read"), b"second");
    assert_eq!(fs::read(backup_path(&path)).expect("backup"), b"first");
    // A name with no room for `.bak` gets a shortened backup name of its own.
    let longest = format!("{}.r", "工".repeat(84));
    assert!(longest.len() <= NAME_MAX);
    let path = dir.path().join(&longest);
    write_atomic(&path, b"first", true).expect("first save");
    write_atomic(&path, b"second", true).expect("second save");
    let backup = backup_path(&path);
    assert_ne!(
        backup.file_name(),
        Some(std::ffi::OsStr::new(&format!("{longest}.bak")))
    );
    assert_eq!(fs::read(backup).expect("backup"), b"first");
}

#[test]
fn temporary_names_are_unpredictable() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("roadmap.ron");
    let first = create_temporary(&path, None).expect("temp");
    let second = create_temporary(&path, None).expect("temp");
    assert_ne!(first.path(), second.path());
    let name = first
        .path()
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    assert!(
        name.starts_with(".roadmap.ron~") && is_temporary(&name),
        "{name}"
    );
    assert!(!name.contains(&std::process::id().to_string()));
}
