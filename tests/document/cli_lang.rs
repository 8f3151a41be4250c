//! The command line speaks the user's language: English by default, Japanese when the locale
//! (`LANG`, `LC_MESSAGES`, `LC_ALL`) starts with `ja` or with `--lang ja`, for validation
//! problems and load errors alike, and a load error says in plain words what is probably wrong.

use crate::broken;
use std::path::Path;
use std::process::Output;

use crate::command_line::{example, koteihyo_command, stderr, stdout};

/// `koteihyo ARGS` with the environment variables `vars` set.
fn run(vars: &[(&str, &str)], args: &[&str]) -> Output {
    let mut command = koteihyo_command();
    for (name, value) in vars {
        command.env(name, value);
    }
    command.args(args).output().expect("run koteihyo")
}

#[test]
fn check_speaks_japanese_when_lang_is_japanese() {
    let file = broken::repro("start-after-end.ron");
    let file = file.to_str().expect("UTF-8 path");
    let output = run(&[("LANG", "ja_JP.UTF-8")], &["check", file]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains(&format!(
            "{file}:54:17: エラー: 「指針の改正」の終わり（2022年度）が始まり（2024年度）より前です"
        )),
        "{text}"
    );
    assert!(
        !text.contains("error") && !text.contains("warning"),
        "{text}"
    );
    // English by default, and when the locale says otherwise.
    for vars in [
        &[][..],
        &[("LANG", "C.UTF-8")][..],
        &[("LC_ALL", "en_US.UTF-8"), ("LANG", "ja_JP.UTF-8")][..],
    ] {
        let text = stdout(&run(vars, &["check", file]));
        assert!(
            text.contains("54:17: error: 「指針の改正」 ends (FY2022) before it starts (FY2024)"),
            "{vars:?}: {text}"
        );
    }
    // A clean file.
    let clean = example("roadblocks-after.ron");
    let text = stdout(&run(
        &[("LC_MESSAGES", "ja_JP.UTF-8")],
        &["check", clean.to_str().expect("path")],
    ));
    assert!(text.contains(": 問題なし（領域 9、"), "{text}");
}

#[test]
fn lang_flag_wins_over_the_locale_for_every_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = broken::missing_paren(dir.path(), "bad.ron");
    let bad = bad.to_str().expect("path");
    let said = |vars: &[(&str, &str)], args: &[&str]| {
        let output = run(vars, args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        format!("{}{}", stdout(&output), stderr(&output))
    };
    let pdf = dir.path().join("out.pdf");
    let pdf = pdf.to_str().expect("path");
    let other = example("roadblocks-after.ron");
    let other = other.to_str().expect("path");
    for args in [
        vec!["check", "--lang", "ja", bad],
        vec!["fmt", "--check", bad, "--lang", "ja"],
        vec!["export", "--lang", "ja", bad, "-o", pdf],
        vec!["diff", "--lang=ja", other, bad],
    ] {
        let text = said(&[("LANG", "C")], &args);
        assert!(
            text.contains(&format!(
                "{bad}:500:25: エラー: 「)」が足りないようです\n    詳細: Expected identifier"
            )),
            "{args:?}: {text}"
        );
    }
    let text = said(&[("LANG", "ja_JP.UTF-8")], &["check", bad, "--lang", "en"]);
    assert!(
        text.contains(&format!(
            "{bad}:500:25: error: a “)” seems to be missing\n    detail: Expected identifier"
        )),
        "{text}"
    );
    // Errors of the document stopping an export, in Japanese.
    let reversed = broken::repro("start-after-end.ron");
    let output = run(
        &[("LANG", "ja_JP.UTF-8")],
        &["export", reversed.to_str().expect("path"), "-o", pdf],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("54:17: エラー: 「指針の改正」の終わり"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn an_unreadable_file_is_said_in_japanese() {
    let missing = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/no-such-file.ron");
    let text = stdout(&run(
        &[("LANG", "ja_JP.UTF-8")],
        &["check", missing.to_str().expect("path")],
    ));
    assert!(text.contains(": エラー: ファイルを読めません（"), "{text}");
}

#[test]
fn a_failed_save_is_said_in_japanese() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("工程表.ron");
    std::fs::write(&file, crate::command_line::compact_example()).expect("write");
    let mut permissions = std::fs::metadata(&file).expect("stat").permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&file, permissions).expect("mark read-only");
    let before = std::fs::read(&file).expect("read");
    let path = file.to_str().expect("path");
    // fmt reports the refusal on standard output and goes on.
    let output = run(&[("LANG", "ja_JP.UTF-8")], &["fmt", path]);
    assert_eq!(output.status.code(), Some(2));
    let text = stdout(&output);
    assert!(
        text.contains("工程表.ron を保存できませんでした。ファイルが読み取り専用になっています。"),
        "{text}"
    );
    assert!(text.contains("元のファイルはそのままです。"), "{text}");
    // A command that stops on it says it after 「エラー」.
    let output = run(
        &[("LANG", "C")],
        &["generate", "--lang", "ja", "--force", "-o", path],
    );
    assert_eq!(output.status.code(), Some(2));
    let text = stderr(&output);
    assert!(
        text.starts_with("koteihyo: エラー: ") && text.contains("読み取り専用"),
        "{text}"
    );
    // English when asked.
    let text = stdout(&run(
        &[("LANG", "ja_JP.UTF-8")],
        &["fmt", "--lang", "en", path],
    ));
    assert!(
        text.contains("could not save (the file is read-only)"),
        "{text}"
    );
    assert_eq!(std::fs::read(&file).expect("read"), before);
}
