//! Where `export`, `diff -o` and `generate -o` may write: never over an input (nor a link to
//! one), never over anything but a regular file, `-` as standard output only where it makes
//! sense, extensions that match what is written, and roadmaps replaced only with `--force`.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::command_line;
use command_line::{example, koteihyo_in, stderr};

fn export_to(dir: &Path, file: &Path, output: &Path, extra: &[&str]) -> Output {
    command_line::export_in(Some(dir), file, output, extra)
}

/// A folder with copies of both examples: `old.ron`, `new.ron`.
fn scratch() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let old = dir.path().join("old.ron");
    let new = dir.path().join("new.ron");
    std::fs::copy(example("roadblocks-before.ron"), &old).expect("copy");
    std::fs::copy(example("roadblocks-after.ron"), &new).expect("copy");
    (dir, old, new)
}

fn diff_to(dir: &Path, old: &Path, new: &Path, output: &Path) -> Output {
    koteihyo_in(
        dir,
        &[
            "diff".as_ref(),
            old.as_os_str(),
            new.as_os_str(),
            "-o".as_ref(),
            output.as_os_str(),
        ],
    )
}

fn generate_to(dir: &Path, output: &Path, extra: &[&str]) -> Output {
    let mut args: Vec<&OsStr> = vec![
        "generate".as_ref(),
        "--scale".as_ref(),
        "1".as_ref(),
        "-o".as_ref(),
        output.as_os_str(),
    ];
    args.extend(extra.iter().map(OsStr::new));
    koteihyo_in(dir, &args)
}

/// Exit 2 with a message containing `needle`.
fn assert_refused(output: &Output, needle: &str) {
    assert_eq!(output.status.code(), Some(2), "{}", stderr(output));
    assert!(stderr(output).contains(needle), "{}", stderr(output));
}

#[test]
fn diff_never_writes_over_its_new_revision() {
    let (dir, old, new) = scratch();
    let before = std::fs::read(&new).expect("read");
    let output = diff_to(dir.path(), &old, &new, &new);
    assert_refused(&output, "refusing to overwrite");
    assert_eq!(std::fs::read(&new).expect("read"), before);
    assert!(output.stdout.is_empty(), "nothing compared");
}

#[cfg(unix)]
#[test]
fn diff_never_writes_over_a_link_to_an_input() {
    let (dir, old, new) = scratch();
    let before = std::fs::read(&new).expect("read");
    let hard = dir.path().join("hard.pdf");
    std::fs::hard_link(&new, &hard).expect("hard link");
    assert_refused(&diff_to(dir.path(), &old, &new, &hard), "is the input");
    let soft = dir.path().join("soft.pdf");
    std::os::unix::fs::symlink(&old, &soft).expect("symlink");
    assert_refused(&diff_to(dir.path(), &old, &new, &soft), "is the input");
    assert_eq!(std::fs::read(&new).expect("read"), before);
    assert!(soft.is_symlink());
    // A link to an unrelated regular file is fine: the table is written.
    let real = dir.path().join("real.pdf");
    std::fs::write(&real, b"old table").expect("write");
    let link = dir.path().join("link.pdf");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    let output = diff_to(dir.path(), &old, &new, &link);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(std::fs::read(&link).expect("read").starts_with(b"%PDF-"));
}

#[test]
fn generate_replaces_a_roadmap_only_with_force() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mine = dir.path().join("mine.ron");
    std::fs::write(&mine, "my roadmap").expect("write");
    assert_refused(&generate_to(dir.path(), &mine, &[]), "--force");
    assert_eq!(std::fs::read(&mine).expect("read"), b"my roadmap");
    let output = generate_to(dir.path(), &mine, &["--force"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        std::fs::read_to_string(&mine)
            .expect("read")
            .contains("format_version")
    );
}

#[test]
fn generate_writes_ron_to_standard_output() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = generate_to(dir.path(), Path::new("-"), &[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(output.stdout.starts_with(b"(\n    format_version: 1"));
    assert!(!dir.path().join("-").exists());
}

#[test]
fn outputs_with_the_wrong_extension_are_refused() {
    let (dir, old, new) = scratch();
    let table = dir.path().join("table.ron");
    assert_refused(&diff_to(dir.path(), &old, &new, &table), "ends in .ron");
    assert!(!table.exists());
    let pdf = dir.path().join("roadmap.pdf");
    assert_refused(&generate_to(dir.path(), &pdf, &[]), "ends in .pdf");
    assert!(!pdf.exists());
    let json = dir.path().join("x.json");
    assert_refused(
        &export_to(dir.path(), &new, &json, &["--format", "pdf"]),
        "must match",
    );
    assert!(!json.exists());
}

#[test]
fn a_folder_is_no_output() {
    let (dir, old, new) = scratch();
    let folder = dir.path().join("out.pdf");
    std::fs::create_dir(&folder).expect("mkdir");
    assert_refused(&diff_to(dir.path(), &old, &new, &folder), "is a folder");
    assert!(folder.is_dir());
    // SVG pages: every numbered file is checked before any is written.
    std::fs::create_dir(dir.path().join("page-02.svg")).expect("mkdir");
    let output = export_to(
        dir.path(),
        &new,
        &dir.path().join("page.svg"),
        &["--domains", "1-2"],
    );
    assert_refused(&output, "is a folder");
    assert!(!dir.path().join("page-01.svg").exists());
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_and_stays_a_fifo() {
    use std::os::unix::fs::FileTypeExt;
    let (dir, old, new) = scratch();
    let fifo = dir.path().join("fifo.pdf");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    assert_refused(&diff_to(dir.path(), &old, &new, &fifo), "FIFO");
    let made = std::fs::symlink_metadata(&fifo).expect("still there");
    assert!(made.file_type().is_fifo());
}

/// A character device to aim at: a private `null` node made in `dir` where allowed (as root,
/// like the repro), else `/dev/null` itself — which an ordinary user cannot replace.
#[cfg(unix)]
fn device(dir: &Path) -> PathBuf {
    let private = dir.join("null");
    let made = Command::new("mknod")
        .arg(&private)
        .args(["c", "1", "3"])
        .output()
        .is_ok_and(|output| output.status.success());
    if made {
        private
    } else {
        PathBuf::from("/dev/null")
    }
}

#[cfg(unix)]
#[test]
fn devices_are_refused() {
    use std::os::unix::fs::FileTypeExt;
    let (dir, old, new) = scratch();
    // A binary without the rule would replace the device: make sure it has it first.
    let fifo = dir.path().join("fifo.ron");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    assert_refused(&generate_to(dir.path(), &fifo, &[]), "FIFO");
    let null = device(dir.path());
    assert_refused(
        &diff_to(dir.path(), &old, &new, &null),
        "not a regular file",
    );
    assert_refused(&generate_to(dir.path(), &null, &[]), "not a regular file");
    assert_refused(
        &export_to(dir.path(), &new, &null, &[]),
        "not a regular file",
    );
    let kind = std::fs::metadata(&null).expect("the device").file_type();
    assert!(kind.is_char_device());
    let kind = std::fs::metadata("/dev/null")
        .expect("/dev/null")
        .file_type();
    assert!(kind.is_char_device());
    // Standard output here is a pipe: /dev/stdout resolves to it, and the message says `-o -`.
    let output = generate_to(dir.path(), Path::new("/dev/stdout"), &[]);
    assert_refused(&output, "use -o -");
    assert!(output.stdout.is_empty());
}

#[test]
fn export_pdf_to_standard_output() {
    let (dir, _old, new) = scratch();
    let output = export_to(
        dir.path(),
        &new,
        Path::new("-"),
        &["--format", "pdf", "--domains", "2"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(output.stdout.starts_with(b"%PDF-"));
    assert!(!dir.path().join("-").exists(), "no file named -");
    let output = export_to(dir.path(), &new, Path::new("-"), &["--format", "png"]);
    assert_refused(&output, "one file per page");
    assert!(!dir.path().join("-").exists(), "no file named -");
}

#[test]
fn diff_table_to_standard_output_is_refused() {
    let (dir, old, new) = scratch();
    let output = diff_to(dir.path(), &old, &new, Path::new("-"));
    assert_refused(&output, "standard output holds the report");
    assert!(output.stdout.is_empty());
    assert!(!dir.path().join("-").exists());
}
