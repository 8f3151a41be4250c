//! Saving into a read-only folder and onto a full disk, for real: the `koteihyo` binary runs in a
//! private mount namespace (`unshare --user --map-root-user --mount`, no privileges needed; as
//! root where user namespaces are off, `unshare --mount`) where the folder is a read-only bind
//! mount or a small tmpfs filled up. Whatever fails, the previous file is byte-identical
//! afterwards, no temporary file is left, and the message says what happened.
//! (`tests/document/save_crash.rs` covers a killed process and an injected failing writer.)
#![cfg(target_os = "linux")]

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

use crate::command_line;
use command_line::compact_example;

const KOTEIHYO: &str = env!("CARGO_BIN_EXE_koteihyo");

/// How to get a private mount namespace here: a user namespace (no privileges needed), or,
/// where those are switched off, a plain mount namespace (root only).
fn unshare_options() -> &'static [&'static str] {
    static OPTIONS: OnceLock<&'static [&'static str]> = OnceLock::new();
    OPTIONS.get_or_init(|| {
        let candidates: [&'static [&'static str]; 2] =
            [&["--user", "--map-root-user", "--mount"], &["--mount"]];
        candidates
            .into_iter()
            .find(|options| {
                Command::new("unshare")
                    .args(*options)
                    .args(["sh", "-c", "mount -t tmpfs -o size=4k tmpfs /mnt"])
                    .output()
                    .is_ok_and(|output| output.status.success())
            })
            .expect(
                "these tests need `unshare` (util-linux) and either user namespaces or root, \
                 to mount a small tmpfs and a read-only folder privately",
            )
    })
}

/// Runs `script` (sh, `set -e`) in a private mount namespace, with `vars` in its environment,
/// and returns its standard output.
fn run_with_private_mounts(script: &str, vars: &[(&str, &Path)]) -> String {
    let mut command = Command::new("unshare");
    command.args(unshare_options()).args(["sh", "-ec", script]);
    command.env("KOTEIHYO", KOTEIHYO);
    for (name, value) in vars {
        command.env(name, value);
    }
    let output = command.output().expect("run unshare (util-linux)");
    assert!(
        output.status.success(),
        "the fault-injection script failed: {}\n{}",
        String::from_utf8_lossy(&output.stderr),
        String::from_utf8_lossy(&output.stdout)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The names in `dir`.
fn names_in(dir: &Path) -> BTreeSet<String> {
    fs::read_dir(dir)
        .expect("list")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

#[test]
fn a_read_only_folder_refuses_the_save_and_keeps_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("shared");
    fs::create_dir(&folder).expect("folder");
    let original = compact_example().into_bytes();
    let file = folder.join("roadmap.ron");
    fs::write(&file, &original).expect("seed the file");

    // fmt (with a backup) and generate (without) both save through the atomic writer.
    let stdout = run_with_private_mounts(
        r#"mount --bind "$FOLDER" "$FOLDER"
mount -o remount,bind,ro "$FOLDER"
set +e
"$KOTEIHYO" fmt "$FOLDER/roadmap.ron" 2>&1; echo "exit=$?"
"$KOTEIHYO" generate --scale 1 --force -o "$FOLDER/roadmap.ron" 2>&1; echo "exit=$?""#,
        &[("FOLDER", &folder)],
    );
    assert_eq!(stdout.matches("exit=2").count(), 2, "{stdout}");
    assert_eq!(
        stdout.matches("Read-only file system").count(),
        2,
        "{stdout}"
    );
    assert_eq!(
        stdout.matches("the previous file is unchanged").count(),
        2,
        "{stdout}"
    );
    assert!(stdout.contains(&*file.to_string_lossy()), "{stdout}");
    assert_eq!(fs::read(&file).expect("read"), original);
    assert_eq!(
        names_in(&folder),
        BTreeSet::from(["roadmap.ron".to_owned()])
    );
}

/// One save with `free` bytes left on a 512 KiB disk holding the file: fmt's exit code, its
/// output, and the disk's files afterwards (copied out into `after`).
fn fmt_on_a_full_disk(work: &Path, original: &Path, free: usize) -> (String, std::path::PathBuf) {
    let disk = work.join("disk");
    let after = work.join(format!("after-{free}"));
    fs::create_dir_all(&disk).expect("mount point");
    fs::create_dir_all(&after).expect("copy folder");
    let stdout = run_with_private_mounts(
        &format!(
            r#"mount -t tmpfs -o size=512k tmpfs "$DISK"
cp "$ORIGINAL" "$DISK/roadmap.ron"
cat /dev/zero > "$DISK/filler" 2>/dev/null || true
truncate -s -{free} "$DISK/filler"
set +e
"$KOTEIHYO" fmt "$DISK/roadmap.ron" 2>&1; echo "exit=$?"
set -e
rm "$DISK/filler"
cp -a "$DISK/." "$AFTER/""#
        ),
        &[("DISK", &disk), ("ORIGINAL", original), ("AFTER", &after)],
    );
    (stdout, after)
}

#[test]
fn a_full_disk_at_any_point_of_a_save_keeps_the_file() {
    let work = tempfile::tempdir().expect("temp dir");
    let compact = compact_example().into_bytes();
    let original = work.path().join("original.ron");
    fs::write(&original, &compact).expect("seed");
    let canonical =
        fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/roadblocks-after.ron"))
            .expect("read the example");
    // A save needs room for the new text and for the backup; try every 4 KiB page of free room
    // from none to more than enough.
    let needed = canonical.len() + compact.len();
    let mut outcomes = BTreeSet::new();
    for free in (0..needed + 3 * 4096).step_by(4096) {
        let (stdout, after) = fmt_on_a_full_disk(work.path(), &original, free);
        let saved = stdout.contains("exit=0");
        if saved {
            assert!(stdout.contains("formatted"), "{free} bytes free: {stdout}");
            assert_eq!(
                fs::read(after.join("roadmap.ron")).expect("read"),
                canonical
            );
            assert_eq!(
                fs::read(after.join("roadmap.ron.bak")).expect("read"),
                compact
            );
            assert_eq!(
                names_in(&after),
                BTreeSet::from(["roadmap.ron".to_owned(), "roadmap.ron.bak".to_owned()]),
                "{free} bytes free: a temporary file was left"
            );
            outcomes.insert("saved");
        } else {
            assert!(stdout.contains("exit=2"), "{free} bytes free: {stdout}");
            assert!(
                stdout.contains("No space left on device")
                    && stdout.contains("the previous file is unchanged"),
                "{free} bytes free: {stdout}"
            );
            assert_eq!(
                fs::read(after.join("roadmap.ron")).expect("read"),
                compact,
                "{free} bytes free: the file changed"
            );
            assert_eq!(
                names_in(&after),
                BTreeSet::from(["roadmap.ron".to_owned()]),
                "{free} bytes free: a temporary file or a partial backup was left"
            );
            for stage in ["writing a temporary file", "keeping a backup"] {
                if stdout.contains(stage) {
                    outcomes.insert(stage);
                }
            }
        }
    }
    // The disk filled up at each step of a save, and with room enough the save went through.
    assert_eq!(
        outcomes,
        BTreeSet::from(["keeping a backup", "saved", "writing a temporary file"])
    );
}
