//! Every file in `tests/bad/` is refused with a clear message (or flagged by validation), and
//! no command panics on any of them.

use std::path::{Path, PathBuf};
use std::process::Command;

use koteihyo::io::{LoadError, load_with_text};
use koteihyo::model::{Severity, validate};

/// Each bad file and a phrase its error or validation problem must contain.
const EXPECTED: &[(&str, &str)] = &[
    ("bad-escape.ron", "escape that does not exist"),
    ("bad-quarter.ron", "quarter outside"),
    ("binary-garbage.ron", "not UTF-8"),
    ("category-not-in-legend.ron", "category Z"),
    (
        "cell-unknown-column.ron",
        "column \"remarks\", which the document does not define",
    ),
    ("char-too-long.ron", "one character in 'quotes'"),
    ("deep-nesting-lists.ron", "nests deeper"),
    ("deep-nesting.ron", "nests deeper"),
    // `fmt` used to keep one of the two silently.
    (
        "dup-category-letter.ron",
        "the category letter A is listed twice",
    ),
    (
        "dup-cell.ron",
        "the cell of column `\"kpi\"` is given twice",
    ),
    (
        "dup-map-key.ron",
        "the header override `Roadblock` is given twice",
    ),
    ("duplicate-ids.ron", "more than once"),
    ("empty.ron", "is empty"),
    ("end-before-start.ron", "before it starts"),
    (
        "entry-year-0.ron",
        "starts in FY0, outside the supported years FY1868 to FY2200",
    ),
    (
        "entry-year-bigq.ron",
        "first year FY600000000 is outside the supported years",
    ),
    (
        "first-year-2147483647.ron",
        "first year FY2147483647 is outside the supported years",
    ),
    ("future-version.ron", "format_version 99"),
    // Found by `cargo fuzz run load` (fuzz/): the messages named our internal `FileIn` type.
    // Since issue 15 a load error says what is probably wrong in plain words, ron's message
    // following as the detail.
    (
        "fuzz-empty-roadmap.ron",
        "the field “format_version” is missing",
    ),
    ("fuzz-lone-hash.ron", "not a valid roadmap here"),
    ("fuzz-raw-identifier.ron", "not a valid roadmap here"),
    (
        "fuzz-unknown-top-field.ron",
        "there is no field “n” here (the fields here: format_version, meta,",
    ),
    ("huge-unterminated-string.ron", "a “\"” seems to be missing"),
    ("json-instead.ron", "a “(” should open"),
    // The `)` closing the start of an entry left out (issue 15: 「「)」が足りないようです」).
    ("missing-paren.ron", "62:21: a “)” seems to be missing"),
    ("missing-timeline.ron", "the field “timeline” is missing"),
    ("missing-version.ron", "format_version"),
    ("negative-years.ron", "negative where it cannot be"),
    ("nul-bytes.ron", "a “(” should open"),
    ("only-whitespace.ron", "is empty"),
    ("overflow-years.ron", "the number is too large"),
    ("row-not-a-roadblock.ron", "not a roadblock"),
    ("trailing-garbage.ron", "after the roadmap's last “)”"),
    ("truncated.ron", "ends too early"),
    ("unknown-field.ron", "colour"),
    ("unknown-variant.ron", "Spiral"),
    ("unterminated-string.ron", "a “\"” seems to be missing"),
    ("utf16.ron", "not UTF-8"),
    ("wrong-type-number.ron", "a whole number should come here"),
    (
        "wrong-type-string.ron",
        "a text in \"quotes\" should come here",
    ),
];

fn bad_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/bad exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

/// The error message, or the error-severity validation problems, of one file.
fn complaint(path: &Path) -> String {
    match load_with_text(path) {
        Err(error) => {
            if let LoadError::Parse { error: parse, .. } = &error {
                let bytes = std::fs::read(path).expect("readable");
                let text = String::from_utf8_lossy(&bytes);
                let lines = text.lines().count().max(1);
                assert!(
                    parse.position.line <= lines + 1,
                    "{}: position {} beyond the file",
                    path.display(),
                    parse.position
                );
            }
            error.to_string()
        }
        Ok(loaded) => validate(&loaded.document)
            .into_iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

#[test]
fn corpus_is_complete_and_listed() {
    let names: Vec<String> = bad_files()
        .iter()
        .map(|p| p.file_name().expect("name").to_string_lossy().into_owned())
        .collect();
    let listed: Vec<String> = EXPECTED
        .iter()
        .map(|(name, _)| (*name).to_owned())
        .collect();
    assert_eq!(
        names, listed,
        "tests/bad and EXPECTED must list the same files"
    );
    assert!(names.len() >= 15);
}

#[test]
fn every_bad_file_gets_its_message() {
    for (name, phrase) in EXPECTED {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/bad")
            .join(name);
        let message = complaint(&path);
        assert!(
            message.contains(phrase),
            "{name}: expected a message containing {phrase:?}, got {message:?}"
        );
        assert!(
            !message.contains("FileIn"),
            "{name}: the message names an internal type: {message:?}"
        );
    }
}

#[test]
fn repeated_keys_are_refused_where_they_stand() {
    for (name, line, column) in [
        // The second `Roadblock` key.
        ("dup-map-key.ron", 40, 53),
        // The `]` just after the second 'A'.
        ("dup-category-letter.ron", 45, 38),
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/bad")
            .join(name);
        match load_with_text(&path) {
            Err(LoadError::Parse { error, .. }) => assert_eq!(
                (error.position.line, error.position.column),
                (line, column),
                "{name}: {error:?}"
            ),
            other => panic!("{name}: expected a parse error, got {other:?}"),
        }
    }
}

/// A roadmap whose brackets nest `depth` deep: the top level, the legend, then lists.
fn nested(depth: usize) -> String {
    let lists = depth - 2;
    format!(
        "(format_version: 1, legend: (caption: \"\", categories: {}{}))",
        "[".repeat(lists),
        "]".repeat(lists)
    )
}

#[test]
fn the_nesting_limit_says_how_deep() {
    let limit = koteihyo::io::parse_ron(&nested(33)).expect_err("too deep");
    assert!(
        limit
            .sentence(koteihyo::model::Lang::En)
            .starts_with("the file nests deeper than 32 levels;"),
        "{limit:?}"
    );
    // 32 levels are read on (and fail for another reason).
    let within = koteihyo::io::parse_ron(&nested(32)).expect_err("not a roadmap");
    assert!(!within.to_string().contains("nests deeper"), "{within:?}");
}

#[test]
fn no_command_panics_on_bad_files() {
    let exe = env!("CARGO_BIN_EXE_koteihyo");
    let out_dir = tempfile::tempdir().expect("temp dir");
    let out_json = out_dir.path().join("out.json");
    for path in bad_files() {
        let copy = out_dir.path().join(path.file_name().expect("name"));
        std::fs::copy(&path, &copy).expect("copy");
        let runs: [Vec<&std::ffi::OsStr>; 4] = [
            vec!["check".as_ref(), copy.as_os_str()],
            vec!["fmt".as_ref(), "--check".as_ref(), copy.as_os_str()],
            vec!["fmt".as_ref(), copy.as_os_str()],
            vec![
                "export".as_ref(),
                copy.as_os_str(),
                "-o".as_ref(),
                out_json.as_os_str(),
            ],
        ];
        for args in runs {
            let output = Command::new(exe)
                .args(&args)
                .output()
                .expect("run koteihyo");
            let stderr = String::from_utf8_lossy(&output.stderr);
            let code = output.status.code();
            assert!(
                !stderr.contains("panicked"),
                "{}: {args:?} panicked: {stderr}",
                path.display()
            );
            assert!(
                matches!(code, Some(0..=2)),
                "{}: {args:?} exited {code:?}: {stderr}",
                path.display()
            );
        }
        let stdout = Command::new(exe)
            .arg("check")
            .arg(&copy)
            .output()
            .expect("run");
        assert_ne!(
            stdout.status.code(),
            Some(0),
            "{} passed check",
            path.display()
        );
    }
}

/// Every bad file is also refused in Japanese, in plain words (kana, no ron jargon before the
/// detail line).
#[test]
fn every_bad_file_is_said_in_japanese() {
    use koteihyo::model::Lang;
    for path in bad_files() {
        let said = match load_with_text(&path) {
            Err(error) => error.sentence(Lang::Ja),
            Ok(loaded) => validate(&loaded.document)
                .iter()
                .filter(|p| p.severity == Severity::Error)
                .map(|p| p.text(Lang::Ja))
                .collect::<Vec<_>>()
                .join("\n"),
        };
        let name = path.display();
        assert!(
            said.chars().any(|c| matches!(c, '\u{3040}'..='\u{30ff}')),
            "{name}: {said}"
        );
        for jargon in ["Expected", "FileIn", "struct", "error:"] {
            assert!(!said.contains(jargon), "{name}: {said}");
        }
    }
}
