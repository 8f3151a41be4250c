//! The `koteihyo` command line: exit codes and messages of `check`, `fmt` and `export`
//! (JSON, and PDF/SVG/PNG pages with their options).

use crate::poppler;

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::command_line;
use command_line::{example, koteihyo, minimal, stdout};

fn export_to(file: &Path, output: &Path, extra: &[&str]) -> Output {
    command_line::export_in(None, file, output, extra)
}

/// A copy of `tests/data/minimal.ron` with `edit` applied, in a temporary folder.
fn variant(dir: &Path, name: &str, edit: impl Fn(String) -> String) -> PathBuf {
    let text = std::fs::read_to_string(minimal()).expect("minimal");
    let path = dir.join(name);
    std::fs::write(&path, edit(text)).expect("write variant");
    path
}

#[test]
fn check_clean_file_exits_0() {
    let output = koteihyo(&["check".as_ref(), minimal().as_os_str()]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("ok (1 domains"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn check_problems_exit_1_with_file_line_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = variant(dir.path(), "dup.ron", |t| {
        t.replace("id: \"d1.t1\"", "id: \"d1.r1\"")
    });
    let output = koteihyo(&["check".as_ref(), path.as_os_str()]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    // The duplicate is the entry's id, line 57 column 21 of the file.
    let expected = format!(
        "{}:57:21: error: the id \"d1.r1\" is used more than once",
        path.display()
    );
    assert!(text.contains(&expected), "{text}");
}

#[test]
fn check_syntax_error_exits_2_with_position() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = variant(dir.path(), "syntax.ron", |t| {
        t.replace("number: 1,", "number: 1,,")
    });
    let output = koteihyo(&["check".as_ref(), path.as_os_str()]);
    assert_eq!(output.status.code(), Some(2));
    let text = stdout(&output);
    assert!(
        text.starts_with(&format!("{}:38:", path.display())),
        "{text}"
    );
    assert!(text.contains(": error: "), "{text}");
}

#[test]
fn check_reports_the_worst_of_several_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("missing.ron");
    let output = koteihyo(&["check".as_ref(), minimal().as_os_str(), missing.as_os_str()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stdout(&output).contains("cannot read the file"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn fmt_check_passes_canonical_and_fails_otherwise() {
    let output = koteihyo(&["fmt".as_ref(), "--check".as_ref(), minimal().as_os_str()]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let dir = tempfile::tempdir().expect("temp dir");
    let path = variant(dir.path(), "ugly.ron", |t| t.replace("    ", "  "));
    let before = std::fs::read(&path).expect("read");
    let output = koteihyo(&["fmt".as_ref(), "--check".as_ref(), path.as_os_str()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "--check changes nothing"
    );
}

#[test]
fn fmt_rewrites_atomically_with_backup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = variant(dir.path(), "ugly.ron", |t| t.replace("    ", "  "));
    let before = std::fs::read(&path).expect("read");
    let output = koteihyo(&["fmt".as_ref(), path.as_os_str()]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        std::fs::read_to_string(minimal()).expect("read")
    );
    assert_eq!(
        std::fs::read(dir.path().join("ugly.ron.bak")).expect("backup"),
        before
    );
}

#[test]
fn fmt_keeps_files_with_comments_unless_told() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = variant(dir.path(), "commented.ron", |t| {
        t.replacen("(\n", "(\n    // 見直し案\n", 1)
    });
    let before = std::fs::read(&path).expect("read");
    let output = koteihyo(&["fmt".as_ref(), path.as_os_str()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("has comments"),
        "{}",
        stdout(&output)
    );
    assert_eq!(std::fs::read(&path).expect("read"), before);
    let output = koteihyo(&["fmt".as_ref(), "--drop-comments".as_ref(), path.as_os_str()]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        !std::fs::read_to_string(&path)
            .expect("read")
            .contains("見直し案")
    );
}

#[test]
fn export_json_and_unknown_formats() {
    let dir = tempfile::tempdir().expect("temp dir");
    let json = dir.path().join("out.json");
    let output = koteihyo(&[
        "export".as_ref(),
        minimal().as_os_str(),
        "-o".as_ref(),
        json.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(0));
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).expect("json")).expect("valid JSON");
    assert_eq!(value["domains"][0]["name"], "IRB");
    assert_eq!(value["meta"]["title"], "最小の工程表");

    let output = koteihyo(&[
        "export".as_ref(),
        minimal().as_os_str(),
        "-o".as_ref(),
        "-".as_ref(),
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("\"format_version\": 1"));

    let docx = dir.path().join("out.docx");
    let output = koteihyo(&[
        "export".as_ref(),
        minimal().as_os_str(),
        "-o".as_ref(),
        docx.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot export to .docx"));
    assert!(!docx.exists());
}

#[test]
fn export_pdf_of_chosen_domains_on_a3() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("after.pdf");
    let output = export_to(
        &example("roadblocks-after.ron"),
        &pdf,
        &["--paper", "a3", "--domains", "1,4-6"],
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("4 pages"));
    let bytes = std::fs::read(&pdf).expect("the PDF exists");
    assert!(bytes.starts_with(b"%PDF-"));
    // A3 landscape, as poppler reads it.
    let info = poppler::pdfinfo(&pdf);
    assert!(
        info.contains("(A3)") && info.contains("1190.55 x 841.89"),
        "{info}"
    );
}

#[test]
fn export_svg_and_png_write_one_numbered_file_per_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = export_to(
        &example("roadblocks-after.ron"),
        &dir.path().join("after.svg"),
        &["--domains", "2-3"],
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let first = std::fs::read_to_string(dir.path().join("after-01.svg")).expect("page 1");
    assert!(first.contains("② "), "the page title names domain ②");
    assert!(dir.path().join("after-02.svg").exists());
    assert!(!dir.path().join("after-03.svg").exists());
    let output = export_to(
        &example("roadblocks-after.ron"),
        &dir.path().join("p.png"),
        &["--domains", "7", "--portrait", "--dpi", "50"],
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let png = std::fs::read(dir.path().join("p-01.png")).expect("the PNG exists");
    assert!(png.starts_with(b"\x89PNG"));
    // Portrait A4 at 50 dpi: 414 × 585 pixels (width and height in the IHDR chunk).
    let width = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
    let height = u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
    assert_eq!((width, height), (414, 585));
}

#[test]
fn export_with_a_bad_domain_list_or_no_matching_domain_fails_clearly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("x.pdf");
    let output = export_to(
        &example("roadblocks-after.ron"),
        &pdf,
        &["--domains", "3-1"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("invalid domain list \"3-1\""));
    let output = export_to(&example("roadblocks-after.ron"), &pdf, &["--domains", "42"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("nothing to print"));
    assert!(!pdf.exists());
}

fn diff(args: &[&std::ffi::OsStr]) -> Output {
    let mut all: Vec<&std::ffi::OsStr> = vec!["diff".as_ref()];
    all.extend_from_slice(args);
    koteihyo(&all)
}

#[test]
fn diff_of_a_file_with_itself_prints_nothing_and_exits_0() {
    let after = example("roadblocks-after.ron");
    let output = diff(&[after.as_os_str(), after.as_os_str()]);
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty(), "{}", stdout(&output));
}

#[test]
fn diff_of_the_examples_matches_the_reviewed_golden_text() {
    let (before, after) = (
        example("roadblocks-before.ron"),
        example("roadblocks-after.ron"),
    );
    let output = diff(&[before.as_os_str(), after.as_os_str()]);
    assert_eq!(output.status.code(), Some(1), "different revisions exit 1");
    let text = stdout(&output);
    // What a drafter must see among the rest.
    assert!(
        text.contains("domain renamed d7 「⑦ PMDA審査等／薬事承認／保険適用」"),
        "{text}"
    );
    assert!(
        text.contains("name: PMDA審査等／薬事承認{+／保険適用+}"),
        "{text}"
    );
    assert!(
        text.contains(
            "roadblock added d8.r2 「開発したAIが広く社会実装される仕組みが必要ではないか」"
        ),
        "{text}"
    );
    assert!(
        text.contains("(+2 年度)") && text.contains("timeline changed"),
        "{text}"
    );
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ref/diff-before-after.txt");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &text).expect("write golden");
    }
    assert_eq!(
        text,
        std::fs::read_to_string(&golden).expect("tests/ref/diff-before-after.txt"),
        "the diff changed: review it, then UPDATE_GOLDEN=1 cargo test --test document cli::"
    );
}

#[test]
fn diff_as_json_and_unreadable_files() {
    let (before, after) = (
        example("roadblocks-before.ron"),
        example("roadblocks-after.ron"),
    );
    let output = diff(&[
        before.as_os_str(),
        after.as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let changes = value["changes"].as_array().expect("a list of changes");
    assert!(
        changes
            .iter()
            .any(|c| c["status"] == "added" && c["new_id"] == "d8.r2")
    );
    let missing = Path::new("no/such/file.ron");
    let output = diff(&[before.as_os_str(), missing.as_os_str()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("file.ron"));
}

/// `koteihyo diff` of the examples (見直し前 → 見直し後) writing the 新旧対照表 to `table`, with
/// `extra` options; checks the exit code 1 (they differ) and returns the table's bytes.
fn examples_table(table: &Path, extra: &[&str]) -> Vec<u8> {
    let (before, after) = (
        example("roadblocks-before.ron"),
        example("roadblocks-after.ron"),
    );
    let mut args: Vec<&std::ffi::OsStr> = vec![
        before.as_os_str(),
        after.as_os_str(),
        "-o".as_ref(),
        table.as_os_str(),
    ];
    args.extend(extra.iter().map(std::ffi::OsStr::new));
    let output = diff(&args);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    std::fs::read(table).expect("the table was written")
}

#[test]
fn diff_writes_the_comparison_table_as_pdf() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("新旧対照表.pdf");
    let bytes = examples_table(&pdf, &["--old-first"]);
    assert!(bytes.starts_with(b"%PDF-"));
    let text = poppler::pdftotext(&pdf, &[]);
    assert!(
        text.contains("（新設）") && text.contains("傍線部分は改正部分"),
        "{text}"
    );
    // The examples' labelled columns and 和暦 periods, and the 明朝 face (CI installs
    // fonts-noto-cjk, which has Noto Serif CJK JP).
    assert!(
        text.contains("【取組事項】") && text.contains("令和４年度"),
        "{text}"
    );
    let fonts = poppler::pdffonts(&pdf);
    assert!(fonts.contains("Serif"), "a Mincho face: {fonts}");
}

#[test]
fn diff_writes_the_headings_a_ministry_asks_for() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("新旧対照表.pdf");
    examples_table(&pdf, &["--headings", "draft", "--no-revision-labels"]);
    let text = poppler::pdftotext(&pdf, &[]);
    assert!(text.contains("改正案") && text.contains("現行"), "{text}");
    assert!(
        !text.contains("改正後") && !text.contains("（見直し後）"),
        "{text}"
    );
}

#[test]
fn diff_writes_the_comparison_table_as_word_without_a_font() {
    let dir = tempfile::tempdir().expect("temp dir");
    let docx = dir.path().join("新旧対照表.docx");
    // A .docx names its face and embeds none: a missing font file does not matter.
    let bytes = examples_table(&docx, &["--font", "no/such/font.ttf"]);
    assert!(bytes.starts_with(b"PK"), "a zip");
    let (before, after) = (
        example("roadblocks-before.ron"),
        example("roadblocks-after.ron"),
    );
    for refused in ["x.doc", "x.txt"] {
        let path = dir.path().join(refused);
        let output = diff(&[
            before.as_os_str(),
            after.as_os_str(),
            "-o".as_ref(),
            path.as_os_str(),
        ]);
        assert_eq!(output.status.code(), Some(2), "{refused}");
        let message = String::from_utf8_lossy(&output.stderr);
        assert!(
            message.contains("is written as .pdf or .docx"),
            "{refused}: {message}"
        );
        assert!(!path.exists(), "{refused}");
    }
}

#[test]
fn generate_writes_a_valid_roadmap_the_same_for_the_same_seed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, b) = (dir.path().join("a.ron"), dir.path().join("b.ron"));
    for path in [&a, &b] {
        let output = koteihyo(&[
            "generate".as_ref(),
            "--scale".as_ref(),
            "3".as_ref(),
            "--seed".as_ref(),
            "5".as_ref(),
            "-o".as_ref(),
            path.as_os_str(),
        ]);
        assert_eq!(output.status.code(), Some(0));
    }
    assert_eq!(std::fs::read(&a).expect("a"), std::fs::read(&b).expect("b"));
    let output = koteihyo(&["check".as_ref(), a.as_os_str()]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("27 domains"),
        "{}",
        stdout(&output)
    );
}
