//! The window's lifecycle: a close request with unsaved work is answered by `logic` alone (as
//! eframe runs it while the window is minimised or hidden), the exit keeps the recovery copy
//! of unsaved work, autosave runs without drawing and says when it fails; a file with comments
//! is not saved over without asking; a second window on the same file is warned.

use crate::gui;

use std::path::Path;
use std::time::Duration;

use egui::{ViewportCommand, ViewportId};
use egui_kittest::kittest::Queryable;
use gui::{CTRL, app_with, copy_of_example, harness_for};
use koteihyo::edit::Edit;
use koteihyo::io::RecoveryStore;
use koteihyo::ui::KoteihyoApp;
use koteihyo::ui::app::{Dialog, Pending};

/// Raw input carrying the window manager's close request (the taskbar's 閉じる, logging off).
fn close_request() -> egui::RawInput {
    let mut input = egui::RawInput::default();
    input
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    input
}

/// Input of a minimised window with nothing happening.
fn minimised() -> egui::RawInput {
    let mut input = egui::RawInput::default();
    input
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .minimized = Some(true);
    input
}

/// Changes the open document's title without any drawing.
fn edit_title(app: &mut KoteihyoApp, title: &str) {
    let mut meta = app.open.as_ref().expect("open").document.meta.clone();
    title.clone_into(&mut meta.title);
    app.apply_edit(&Edit::SetMeta(meta), None);
    assert!(app.is_modified());
}

fn commands(output: &egui::LogicOutput) -> Vec<ViewportCommand> {
    output
        .viewport_commands
        .get(&ViewportId::ROOT)
        .cloned()
        .unwrap_or_default()
}

#[test]
fn closing_a_minimised_window_with_unsaved_work_asks_and_keeps_the_work() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_of_example(dir.path());
    let recovery = dir.path().join("recovery");
    let mut app = app_with(Some(&path), Some(&recovery));
    edit_title(&mut app, "閉じる前の編集");
    let ctx = egui::Context::default();
    // No ui pass at all: only what eframe calls for a hidden window.
    let output = ctx.run_logic(&close_request(), |ctx| app.logic(ctx));
    let sent = commands(&output);
    assert!(sent.contains(&ViewportCommand::CancelClose), "{sent:?}");
    assert!(
        sent.contains(&ViewportCommand::Minimized(false)),
        "the window comes back: {sent:?}"
    );
    assert_eq!(app.dialog, Some(Dialog::Unsaved(Pending::Quit)));
    let store = RecoveryStore::new(&recovery);
    let file = store.file_for(Some(&path));
    assert!(file.exists(), "the work is in the recovery folder at once");
    // If the system closes the window anyway, the exit keeps the copy for the next start.
    app.exit();
    let kept = store.list();
    assert_eq!(kept.len(), 1);
    let recovered = kept[0].as_ref().expect("readable");
    assert_eq!(recovered.document.meta.title, "閉じる前の編集");
}

#[test]
fn closing_without_unsaved_work_closes_and_cleans_up() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_of_example(dir.path());
    let recovery = dir.path().join("recovery");
    let mut app = app_with(Some(&path), Some(&recovery));
    let store = RecoveryStore::new(&recovery);
    store
        .write(
            Some(&path),
            &app.open.as_ref().expect("open").document,
            std::time::SystemTime::now(),
        )
        .expect("an old copy");
    let ctx = egui::Context::default();
    let output = ctx.run_logic(&close_request(), |ctx| app.logic(ctx));
    assert!(!commands(&output).contains(&ViewportCommand::CancelClose));
    assert_eq!(app.dialog, None);
    app.exit();
    assert!(store.list().is_empty(), "nothing unsaved: no copy kept");
}

#[test]
fn autosave_runs_while_minimised_and_says_when_it_fails() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_of_example(dir.path());
    // The data folder cannot be made: a file stands where it should be.
    let blocker = dir.path().join("data");
    std::fs::write(&blocker, "not a folder").expect("blocker");
    let recovery = blocker.join("recovery");
    let mut app = app_with(Some(&path), Some(&recovery));
    app.autosave.delay = Duration::ZERO;
    edit_title(&mut app, "自動保存");
    let ctx = egui::Context::default();
    // The copy is written on its own thread: run the minimised window's logic until it ends.
    for _ in 0..500 {
        let _ = ctx.run_logic(&minimised(), |ctx| app.logic(ctx));
        if app.autosave.error.is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let error = app
        .autosave
        .error
        .clone()
        .expect("the failure is kept for the status bar");
    assert!(error.contains("recovery"), "{error}");
    // Shown in the status bar when the window is drawn again.
    let mut harness = harness_for(app);
    harness.get_by_label("自動保存できませんでした（30秒後に再試行）");
    // Once the folder can be made, the next try succeeds and the warning goes.
    std::fs::remove_file(&blocker).expect("unblock");
    harness.state_mut().autosave.delay = Duration::ZERO;
    for _ in 0..500 {
        harness.step();
        if harness.state().autosave.error.is_none() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(harness.state().autosave.error, None);
    assert!(RecoveryStore::new(&recovery).file_for(Some(&path)).exists());
}

#[test]
fn saving_over_a_file_with_comments_asks_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("commented.ron");
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/comments/raw-quote.ron");
    std::fs::copy(&source, &path).expect("copy");
    let original = std::fs::read_to_string(&path).expect("read");
    let mut harness = harness_for(app_with(Some(&path), None));
    harness.get_by_label("コメントあり（上書き保存で失われます）");
    let mut app_title = harness
        .state()
        .open
        .as_ref()
        .expect("open")
        .document
        .meta
        .clone();
    app_title.title.push('案');
    harness
        .state_mut()
        .apply_edit(&Edit::SetMeta(app_title), None);
    harness.key_press_modifiers(CTRL, egui::Key::S);
    harness.run();
    assert_eq!(
        harness.state().dialog,
        Some(Dialog::DropComments(path.clone(), false))
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        original,
        "not saved yet"
    );
    harness.get_by_label("キャンセル").click();
    harness.run();
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        original,
        "cancel saves nothing"
    );
    harness.key_press_modifiers(CTRL, egui::Key::S);
    harness.run();
    harness.get_by_label("コメントを削除して保存").click();
    harness.run();
    let saved = std::fs::read_to_string(&path).expect("read");
    assert!(!koteihyo::io::has_comments(&saved));
    assert!(saved.contains("案"));
    assert_eq!(
        std::fs::read_to_string(koteihyo::io::backup_path(&path)).expect("backup"),
        original,
        "the commented version is in the backup"
    );
    assert!(!harness.state().is_modified());
}

#[test]
fn a_second_window_on_the_same_file_is_warned_and_not_offered_the_first_ones_work() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_of_example(dir.path());
    let recovery = dir.path().join("recovery");
    let mut first = app_with(None, Some(&recovery));
    first.open_path(&path);
    assert_eq!(first.dialog, None);
    edit_title(&mut first, "一つ目の窓の編集");
    assert!(first.autosave_now());
    let mut second = app_with(None, Some(&recovery));
    second.offer_recovery();
    assert_eq!(
        second.dialog, None,
        "live work of a running window is not 'recovered'"
    );
    second.open_path(&path);
    assert_eq!(second.dialog, Some(Dialog::OpenElsewhere(path.clone())));
    // Once the first window has gone (its work unsaved), its copy is offered again.
    drop(first);
    let mut third = app_with(None, Some(&recovery));
    third.offer_recovery();
    assert!(matches!(third.dialog, Some(Dialog::Recovery(ref found)) if found.len() == 1));
}
