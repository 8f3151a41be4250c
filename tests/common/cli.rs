//! Running the `koteihyo` binary in the command-line tests, and the files they start from.
// Each test binary uses its own subset of these.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The locale variables that choose the language of messages.
pub const LOCALE_VARIABLES: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

/// `koteihyo` with no locale of the environment: messages in English unless a test sets one.
pub fn koteihyo_command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_koteihyo"));
    for name in LOCALE_VARIABLES {
        command.env_remove(name);
    }
    command
}

/// Runs `koteihyo ARGS` in the current folder (messages in English).
pub fn koteihyo(args: &[&OsStr]) -> Output {
    koteihyo_command()
        .args(args)
        .output()
        .expect("run koteihyo")
}

/// Runs `koteihyo ARGS` in `dir` (messages in English).
pub fn koteihyo_in(dir: &Path, args: &[&OsStr]) -> Output {
    koteihyo_command()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run koteihyo")
}

/// `koteihyo export FILE -o OUTPUT EXTRA…` run in `dir` (the current folder for `None`).
pub fn export_in(dir: Option<&Path>, file: &Path, output: &Path, extra: &[&str]) -> Output {
    let mut args: Vec<&OsStr> = vec![
        "export".as_ref(),
        file.as_os_str(),
        "-o".as_ref(),
        output.as_os_str(),
    ];
    args.extend(extra.iter().map(OsStr::new));
    match dir {
        Some(dir) => koteihyo_in(dir, &args),
        None => koteihyo(&args),
    }
}

/// What the command printed on standard output.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// What the command printed on standard error.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// `tests/data/minimal.ron`.
pub fn minimal() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/minimal.ron")
}

/// A file of `examples/`.
pub fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

/// The 見直し後 example without its indentation: valid but not canonical, so `koteihyo fmt`
/// rewrites it (longer) and keeps this text as `.bak`.
pub fn compact_example() -> String {
    let text = std::fs::read_to_string(example("roadblocks-after.ron")).expect("read the example");
    let compact: String = text
        .lines()
        .flat_map(|line| [line.trim_start(), "\n"])
        .collect();
    assert!(compact.len() < text.len());
    compact
}

/// The 見直し後 example as it is: canonical.
pub fn canonical_example() -> String {
    std::fs::read_to_string(example("roadblocks-after.ron")).expect("read the example")
}
