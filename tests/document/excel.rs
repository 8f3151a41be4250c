//! `koteihyo export FILE -o NAME.xlsx`: the roadmap as an Excel workbook a colleague without
//! Koteihyo opens, read back as Excel reads it.

use std::io::Cursor;

use calamine::{Reader, Xlsx};

use crate::command_line::{example, koteihyo_command, koteihyo_in, stderr};

#[test]
fn export_writes_a_workbook_excel_can_open() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = example("roadblocks-after.ron");
    // A Japanese locale: the workbook's own words are Japanese.
    let output = koteihyo_command()
        .env("LANG", "ja_JP.UTF-8")
        .current_dir(dir.path())
        .args([
            "export".as_ref(),
            file.as_os_str(),
            "-o".as_ref(),
            "工程表.xlsx".as_ref(),
        ])
        .output()
        .expect("run koteihyo");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let bytes = std::fs::read(dir.path().join("工程表.xlsx")).expect("written");
    let mut book = Xlsx::new(Cursor::new(bytes)).expect("Excel can open it");
    assert_eq!(book.sheet_names(), ["工程表", "工程一覧", "凡例・注記"]);
    let table = book.worksheet_range("工程表").expect("the table");
    let cells: Vec<String> = table
        .cells()
        .map(|(_, _, value)| value.to_string())
        .collect();
    let document = koteihyo::io::load(&file).expect("loads");
    for wanted in [
        document.meta.title.as_str(),
        "① IRB",
        document.domains[0].roadblocks[0].title.as_str(),
        "令和４年（2022年）度",
    ] {
        assert!(
            cells.iter().any(|cell| cell.contains(wanted)),
            "「{wanted}」 is in the table"
        );
    }
}

#[test]
fn an_excel_export_in_english_and_a_wrong_extension() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = example("timeline-only.ron");
    let output = koteihyo_in(
        dir.path(),
        &[
            "export".as_ref(),
            "--lang".as_ref(),
            "en".as_ref(),
            file.as_os_str(),
            "-o".as_ref(),
            "chart.XLSX".as_ref(),
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let bytes = std::fs::read(dir.path().join("chart.XLSX")).expect("written");
    let book = Xlsx::new(Cursor::new(bytes)).expect("opens");
    assert_eq!(
        book.sheet_names(),
        ["Roadmap", "Entries", "Legend and notes"]
    );
    let output = koteihyo_in(
        dir.path(),
        &[
            "export".as_ref(),
            file.as_os_str(),
            "-o".as_ref(),
            "chart.xls".as_ref(),
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains(".xlsx"), "{}", stderr(&output));
}
