//! Messages of the command line that used to mislead: option limits, an empty document, an
//! operating-system error named twice, and a closed standard output (`| head -1`), which ends
//! the command quietly with 141.

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::command_line;
use command_line::{minimal, stderr};

fn export(file: &Path, output: &Path, extra: &[&str]) -> Output {
    command_line::export_in(None, file, output, extra)
}

#[test]
fn a_long_domain_range_is_called_too_long() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = export(
        &minimal(),
        &dir.path().join("x.pdf"),
        &["--domains", "1-20000"],
    );
    assert_eq!(output.status.code(), Some(2));
    let text = stderr(&output);
    assert!(
        text.contains("too long") && text.contains("10000"),
        "{text}"
    );
    assert!(!text.contains("not increasing"), "{text}");
}

#[test]
fn dpi_must_be_a_sane_number() {
    let dir = tempfile::tempdir().expect("temp dir");
    let png = dir.path().join("x.png");
    for dpi in ["0", "NaN", "inf", "-150", "5000"] {
        let output = export(&minimal(), &png, &[&format!("--dpi={dpi}")]);
        assert_eq!(
            output.status.code(),
            Some(2),
            "--dpi {dpi}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains("--dpi must be between 10 and 1200"),
            "--dpi {dpi}: {}",
            stderr(&output)
        );
        assert!(!dir.path().join("x-01.png").exists());
    }
}

#[test]
fn a_document_without_domains_says_so() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut document = koteihyo::io::load(&minimal()).expect("minimal");
    document.domains.clear();
    let empty = dir.path().join("empty.ron");
    std::fs::write(&empty, koteihyo::io::to_ron_string(&document)).expect("write");
    let output = export(&empty, &dir.path().join("x.pdf"), &[]);
    assert_eq!(output.status.code(), Some(2));
    let text = stderr(&output);
    assert!(text.contains("the document has no domains"), "{text}");
    assert!(
        !text.contains("--domains"),
        "--domains was not given: {text}"
    );
}

#[test]
fn an_operating_system_error_is_named_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("missing.ttf");
    let output = export(
        &minimal(),
        &dir.path().join("x.pdf"),
        &["--font", &missing.to_string_lossy()],
    );
    assert_eq!(output.status.code(), Some(2));
    let text = stderr(&output);
    assert!(text.contains("cannot read the font file"), "{text}");
    assert_eq!(text.matches("(os error 2)").count(), 1, "{text}");
}

/// Runs koteihyo with a standard output whose reading end is already closed, as `| head -1`
/// leaves it once head has its line.
fn with_closed_stdout(args: &[&OsStr]) -> Output {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    Command::new(env!("CARGO_BIN_EXE_koteihyo"))
        .args(args)
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .output()
        .expect("run koteihyo")
}

#[test]
fn a_closed_standard_output_ends_quietly_with_141() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let (before, after) = (
        examples.join("roadblocks-before.ron"),
        examples.join("roadblocks-after.ron"),
    );
    let runs: [Vec<&OsStr>; 4] = [
        vec!["check".as_ref(), after.as_os_str()],
        vec!["diff".as_ref(), before.as_os_str(), after.as_os_str()],
        vec![
            "diff".as_ref(),
            before.as_os_str(),
            after.as_os_str(),
            "--format".as_ref(),
            "json".as_ref(),
        ],
        vec![
            "export".as_ref(),
            after.as_os_str(),
            "-o".as_ref(),
            "-".as_ref(),
        ],
    ];
    for args in runs {
        let output = with_closed_stdout(&args);
        assert_eq!(
            output.status.code(),
            Some(141),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(output.stderr.is_empty(), "{args:?}: {}", stderr(&output));
    }
}

#[test]
fn version_names_the_package_version_and_the_git_revision() {
    let output = command_line::koteihyo(&["--version".as_ref()]);
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(text.trim(), format!("koteihyo {}", koteihyo::VERSION));
    let revision = koteihyo::VERSION
        .strip_prefix(concat!(env!("CARGO_PKG_VERSION"), " ("))
        .and_then(|rest| rest.strip_suffix(')'))
        .unwrap_or_default();
    // A short hash in a git checkout (as here); `unknown` from a tarball.
    assert!(
        revision == "unknown"
            || (revision.len() >= 7 && revision.chars().all(|c| c.is_ascii_hexdigit())),
        "{}",
        koteihyo::VERSION
    );
}
