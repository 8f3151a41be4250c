//! `koteihyo fmt` on files from the field: comments after tricky literals (the reproducers of
//! comments lost by earlier versions), Windows line endings and a byte-order mark.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fmt(args: &[&Path], home: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_koteihyo"))
        .arg("fmt")
        .args(args)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .output()
        .expect("run koteihyo")
}

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

#[test]
fn comments_after_raw_strings_and_char_escapes_are_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, line) in [
        ("raw-quote.ron", 35),
        ("raw-backslash.ron", 5),
        ("char-escape.ron", 14),
    ] {
        let file = dir.path().join(name);
        fs::copy(data(&format!("comments/{name}")), &file).expect("copy");
        let before = fs::read(&file).expect("read");
        let output = fmt(&[&file], dir.path());
        let said = String::from_utf8_lossy(&output.stdout);
        assert_eq!(output.status.code(), Some(1), "{name}: {said}");
        assert!(
            said.contains(&format!("{name}:{line}:")) && said.contains("has comments"),
            "{name}: {said}"
        );
        assert_eq!(fs::read(&file).expect("read"), before, "{name} unchanged");
        assert!(!dir.path().join(format!("{name}.bak")).exists());
    }
}

#[test]
fn a_canonical_file_with_crlf_or_a_byte_order_mark_is_canonical() {
    let dir = tempfile::tempdir().expect("temp dir");
    let canonical = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/roadblocks-after.ron"),
    )
    .expect("read");
    let windows = dir.path().join("windows.ron");
    fs::write(&windows, canonical.replace('\n', "\r\n")).expect("write");
    let marked = dir.path().join("marked.ron");
    fs::write(&marked, format!("\u{feff}{canonical}")).expect("write");
    let output = fmt(&[Path::new("--check"), &windows, &marked], dir.path());
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    // A non-canonical CRLF file is formatted and keeps its CRLF endings.
    let messy = dir.path().join("messy.ron");
    let compact: String = canonical
        .lines()
        .flat_map(|line| [line.trim_start(), "\r\n"])
        .collect();
    fs::write(&messy, &compact).expect("write");
    let output = fmt(&[&messy], dir.path());
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(
        fs::read_to_string(&messy).expect("read"),
        canonical.replace('\n', "\r\n")
    );
}
