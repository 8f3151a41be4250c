//! Broken roadmaps for the tests of load errors, shared by the command line's and the window's.
// Each test binary uses its own subset of these.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// A reproducer file of `tests/data/repro/`.
pub fn repro(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/repro")
        .join(name)
}

/// The 見直し後 example with the `)` closing an item (line 499) left out, written as `name` in
/// `dir`.
pub fn missing_paren(dir: &Path, name: &str) -> PathBuf {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/roadblocks-after.ron");
    let text = std::fs::read_to_string(example).expect("example");
    let mut lines: Vec<&str> = text.split('\n').collect();
    let n = (489..lines.len())
        .find(|&i| lines[i].trim() == "),")
        .expect("an item's end");
    let broken = lines[n].replace("),", ",");
    lines[n] = &broken;
    let path = dir.join(name);
    std::fs::write(&path, lines.join("\n")).expect("write");
    path
}
