//! Problems and load errors in the user's language (issue 15, item 1): the problem list words
//! each problem in the UI's language; a file that cannot be opened says in plain words what is
//! probably wrong and where, stays in the status bar after the dialog closes, and can be opened
//! in a text editor without being changed.

use crate::broken;
use crate::gui;

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use egui_kittest::kittest::Queryable;
use gui::{app_with, harness_for};
use koteihyo::model::Lang;
use koteihyo::ui::app::{Dialog, Request};

#[test]
fn a_reversed_span_is_listed_in_japanese_then_in_english() {
    let mut harness = harness_for(app_with(Some(&broken::repro("start-after-end.ron")), None));
    harness.run();
    harness.get_by_label("1 件の問題").click();
    harness.run();
    harness
        .get_by_label("エラー: 「指針の改正」の終わり（2022年度）が始まり（2024年度）より前です");
    harness.state_mut().request(Request::SetLanguage(Lang::En));
    harness.run();
    harness.get_by_label("error: 「指針の改正」 ends (FY2022) before it starts (FY2024)");
    assert!(
        harness.query_by_label_contains("より前です").is_none(),
        "no Japanese left in the English list"
    );
}

/// The files the window asked to open in a text editor.
static OPENED_IN_EDITOR: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn record_text_editor(path: &Path) -> std::io::Result<()> {
    OPENED_IN_EDITOR
        .lock()
        .map_err(|_| std::io::Error::other("poisoned"))?
        .push(path.to_path_buf());
    Ok(())
}

#[test]
fn a_broken_file_says_what_is_wrong_and_stays_in_the_status_bar() {
    let dir = tempfile::tempdir().expect("temp dir");
    let broken = broken::missing_paren(dir.path(), "壊れた工程表.ron");
    let before = std::fs::read(&broken).expect("read");
    let mut app = app_with(None, None);
    app.open_in_text_editor = record_text_editor;
    let mut harness = harness_for(app);
    harness.state_mut().open_path(&broken);
    harness.run();
    harness.get_by_label("ファイルを開けませんでした");
    harness.get_by_label("500行25列の付近で「)」が足りないようです");
    harness.get_by_label("詳細: Expected identifier");
    // 戻る: nothing open, as before; the status bar keeps the failure.
    harness.get_by_label("戻る").click();
    harness.run();
    assert_eq!(harness.state().dialog, None);
    assert!(harness.state().open.is_none());
    let status = "開けなかったファイル: 壊れた工程表.ron";
    harness.get_by_label(status).click();
    harness.run();
    assert!(
        matches!(&harness.state().dialog, Some(Dialog::LoadError(f)) if f.path == broken),
        "a click on the status bar shows the error again"
    );
    // In English too.
    harness.state_mut().request(Request::SetLanguage(Lang::En));
    harness.run();
    harness.get_by_label("Near line 500, column 25: a “)” seems to be missing");
    harness.get_by_label("detail: Expected identifier");
    harness.get_by_label("Open in a text editor").click();
    harness.run();
    assert_eq!(harness.state().dialog, None);
    assert_eq!(
        *OPENED_IN_EDITOR.lock().expect("lock"),
        std::slice::from_ref(&broken),
        "the broken file, in the text editor"
    );
    assert_eq!(
        std::fs::read(&broken).expect("read"),
        before,
        "never changed"
    );
    harness.get_by_label("Could not open: 壊れた工程表.ron");
    // A file that opens clears it.
    harness
        .state_mut()
        .open_path(Path::new("examples/roadblocks-after.ron"));
    harness.run();
    assert!(harness.state().load_failure.is_none());
    assert!(harness.query_by_label_contains("Could not open").is_none());
}

#[test]
fn snapshot_load_error_dialog() {
    // A path relative to the crate root, so that the dialog does not name the clone's place.
    let mut harness = harness_for(app_with(
        Some(Path::new("tests/bad/missing-paren.ron")),
        None,
    ));
    harness.run();
    harness.get_by_label("62行21列の付近で「)」が足りないようです");
    harness.snapshot("load_error_dialog");
}
