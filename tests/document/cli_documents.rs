//! What `diff` and `export` do with documents that have problems: repeated ids make a
//! comparison impossible (even of a file with itself); errors stop printing unless `--force`;
//! document text never reaches the terminal with its control characters.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use crate::command_line;
use command_line::{example, koteihyo, stderr};

/// A reproducer of issue 12 (`tests/data/repro/`).
fn repro(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/repro")
        .join(name)
}

#[test]
fn diff_refuses_repeated_ids_even_of_a_file_with_itself() {
    let file = repro("dup-ids.ron");
    let output = koteihyo(&["diff".as_ref(), file.as_os_str(), file.as_os_str()]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(output.stdout.is_empty(), "no phantom changes");
    let text = stderr(&output);
    let first = format!(
        "{}:58:13: error: the id \"d1\" is used more than once\n",
        file.display()
    );
    assert!(text.starts_with(&first), "{text}");
    // Listed once, though the file is both revisions.
    assert_eq!(text.matches("is used more than once").count(), 5, "{text}");
    assert!(text.contains("cannot compare"), "{text}");
    // Against another revision too, whichever side holds the repeated ids.
    let other = example("roadblocks-after.ron");
    let output = koteihyo(&["diff".as_ref(), other.as_os_str(), file.as_os_str()]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(output.stdout.is_empty());
}

#[test]
fn export_refuses_a_document_with_errors_unless_forced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = repro("start-after-end.ron");
    let pdf = dir.path().join("out.pdf");
    let export = |extra: &[&str]| {
        let mut args: Vec<&OsStr> = vec![
            "export".as_ref(),
            file.as_os_str(),
            "-o".as_ref(),
            pdf.as_os_str(),
        ];
        args.extend(extra.iter().map(OsStr::new));
        koteihyo(&args)
    };
    let output = export(&[]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let text = stderr(&output);
    let problem = format!(
        "{}:54:17: error: 「指針の改正」 ends (FY2022) before it starts (FY2024)",
        file.display()
    );
    assert!(text.contains(&problem), "{text}");
    assert!(text.contains("--force"), "{text}");
    assert!(!pdf.exists(), "nothing printed");
    let output = export(&["--force"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains(&problem), "still listed");
    assert!(std::fs::read(&pdf).expect("printed").starts_with(b"%PDF-"));
    // JSON is the data as it is: written without --force.
    let json = dir.path().join("out.json");
    let output = koteihyo(&[
        "export".as_ref(),
        file.as_os_str(),
        "-o".as_ref(),
        json.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn diff_table_lists_errors_and_goes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (old, new) = (
        example("roadblocks-after.ron"),
        repro("start-after-end.ron"),
    );
    let pdf = dir.path().join("table.pdf");
    let output = koteihyo(&[
        "diff".as_ref(),
        old.as_os_str(),
        new.as_os_str(),
        "-o".as_ref(),
        pdf.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("start-after-end.ron:54:17: error:"),
        "{}",
        stderr(&output)
    );
    assert!(pdf.exists());
}

#[test]
fn check_and_diff_never_print_the_documents_control_characters() {
    let file = repro("ansi-escape.ron");
    let minimal = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/minimal.ron");
    let check = koteihyo(&["check".as_ref(), file.as_os_str()]);
    let diff = koteihyo(&["diff".as_ref(), minimal.as_os_str(), file.as_os_str()]);
    let table = tempfile::tempdir().expect("temp dir");
    let pdf = table.path().join("table.pdf");
    // With -o, the document's errors go to standard error.
    let diff_table = koteihyo(&[
        "diff".as_ref(),
        minimal.as_os_str(),
        file.as_os_str(),
        "-o".as_ref(),
        pdf.as_os_str(),
    ]);
    for (name, output) in [("check", &check), ("diff", &diff), ("diff -o", &diff_table)] {
        assert_eq!(output.status.code(), Some(1), "{name}: {}", stderr(output));
        for stream in [&output.stdout, &output.stderr] {
            assert!(!stream.contains(&0x1b), "{name} printed ESC");
            assert!(!stream.contains(&0x07), "{name} printed BEL");
        }
    }
    let text = String::from_utf8_lossy(&diff.stdout);
    assert!(
        text.contains("IRB\\u{1b}[2J\\u{1b}]52;c;"),
        "shown as escapes: {text}"
    );
    assert!(
        stderr(&diff_table).contains("\\u{1b}]52"),
        "{}",
        stderr(&diff_table)
    );
}
