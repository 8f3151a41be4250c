//! Saving from the window: Ctrl+S writes the file and a backup; a read-only file, or a folder
//! that cannot hold files, shows why nothing was saved and keeps both the file and the unsaved
//! work; unsaved-changes questions, files changed on disk, new revisions, and crash recovery.

use crate::gui;

use std::path::Path;

use egui::Key;
use egui_kittest::kittest::Queryable;
use gui::{CTRL, app_with, copy_of_example, document, harness_for, retitle_first};
use koteihyo::edit::new_revision;
use koteihyo::ui::app::{Dialog, Pending};

#[test]
fn typing_a_title_and_saving_writes_the_file_and_a_backup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_of_example(dir.path());
    let original = std::fs::read(&path).expect("read");
    let mut harness = harness_for(app_with(Some(&path), None));
    retitle_first(&mut harness, "審査の質の均一化");
    assert_eq!(
        document(&harness).domains[0].roadblocks[0].title,
        "審査の質の均一化"
    );
    assert!(
        harness.state().window_title().starts_with("● after.ron"),
        "{}",
        harness.state().window_title()
    );
    harness.key_press_modifiers(CTRL, Key::S);
    harness.run();
    assert_eq!(harness.state().dialog, None);
    let saved = koteihyo::io::load(&path).expect("the saved file loads");
    assert_eq!(saved.domains[0].roadblocks[0].title, "審査の質の均一化");
    assert_eq!(
        std::fs::read(koteihyo::io::backup_path(&path)).expect("backup"),
        original
    );
    assert!(!harness.state().is_modified());
}

#[test]
fn a_file_from_windows_keeps_its_line_ends_and_byte_order_mark_when_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_of_example(dir.path());
    let windows = format!(
        "\u{feff}{}",
        std::fs::read_to_string(&path)
            .expect("read")
            .replace('\n', "\r\n")
    );
    std::fs::write(&path, &windows).expect("write");
    let mut harness = harness_for(app_with(Some(&path), None));
    retitle_first(&mut harness, "審査の質の均一化");
    harness.key_press_modifiers(CTRL, Key::S);
    harness.run();
    assert_eq!(harness.state().dialog, None);
    let saved = std::fs::read_to_string(&path).expect("read");
    assert!(saved.starts_with('\u{feff}'), "the byte-order mark stays");
    assert_eq!(
        saved.matches('\n').count(),
        saved.matches("\r\n").count(),
        "every line ends with CRLF"
    );
    assert!(saved.contains("審査の質の均一化"));
    // Only the changed line differs from the file as it was.
    let changed = saved
        .split("\r\n")
        .zip(windows.split("\r\n"))
        .filter(|(a, b)| a != b)
        .count();
    assert_eq!(changed, 1, "one line changed");
    assert_eq!(
        koteihyo::io::load(&path).expect("loads").domains[0].roadblocks[0].title,
        "審査の質の均一化"
    );
}

#[test]
fn closing_with_unsaved_changes_asks_and_can_be_cancelled() {
    let mut harness = harness_for(app_with(
        Some(Path::new("examples/roadblocks-after.ron")),
        None,
    ));
    retitle_first(&mut harness, "x");
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.run();
    assert_eq!(harness.state().dialog, Some(Dialog::Unsaved(Pending::Quit)));
    harness.get_by_label("キャンセル").click();
    harness.run();
    assert_eq!(harness.state().dialog, None);
    assert!(harness.state().is_modified(), "cancel keeps the changes");
}

#[test]
fn saving_over_a_file_changed_on_disk_asks_first() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut harness, path, theirs) = gui::saving_after_someone_else(dir.path());
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        theirs,
        "not overwritten without asking"
    );
    harness.get_by_label("上書き").click();
    harness.run();
    assert_eq!(
        koteihyo::io::load(&path).expect("load").domains[0].roadblocks[0].title,
        "x"
    );
}

#[test]
fn a_new_revision_keeps_ids_and_shifts_years() {
    let dir = tempfile::tempdir().expect("temp dir");
    let before = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/roadblocks-before.ron");
    let mut harness = harness_for(app_with(Some(&before), None));
    let original = document(&harness);
    let target = dir.path().join("next.ron");
    harness
        .state_mut()
        .save_new_revision_to(new_revision(&original, "見直し後", 2), &target);
    harness.run();
    let next = koteihyo::io::load(&target).expect("saved");
    assert_eq!(next.meta.revision_label, "見直し後");
    assert_eq!(next.timeline.column_labels()[0], "令和４年（2022年）度");
    for (old, new) in original.domains.iter().zip(&next.domains) {
        assert_eq!(old.id, new.id);
        for (a, b) in old.entries.iter().zip(&new.entries) {
            assert_eq!(
                (a.id.clone(), a.start.year.0 + 2, a.end.year.0 + 2),
                (b.id.clone(), b.start.year.0, b.end.year.0)
            );
        }
    }
    harness.get_by_label("令和４年（2022年）度");
    assert!(
        harness
            .state()
            .open
            .as_ref()
            .is_some_and(|o| o.path.as_deref() == Some(target.as_path()))
    );
}

#[test]
fn after_a_crash_the_next_start_offers_to_restore() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_of_example(dir.path());
    let recovery = dir.path().join("recovery");
    // A first session edits and autosaves, then "crashes" (is dropped without a clean exit).
    let mut first = harness_for(app_with(Some(&path), Some(&recovery)));
    retitle_first(&mut first, "復元される題");
    first.state_mut().autosave_now();
    drop(first);
    assert_eq!(
        koteihyo::io::load(&path).expect("load").domains[0].roadblocks[0]
            .title
            .as_str(),
        "IRBの審査の質を均一化する必要があるのではないか",
        "autosave never writes the user's file"
    );
    // The next start offers 復元 / 破棄 with the file's name.
    let mut app = app_with(None, Some(&recovery));
    app.offer_recovery();
    let mut second = harness_for(app);
    second.get_by_label_contains("after.ron");
    second.get_by_label("復元").click();
    second.run();
    let open = second.state().open.as_ref().expect("restored");
    assert_eq!(open.document.domains[0].roadblocks[0].title, "復元される題");
    assert!(open.modified, "restored work is unsaved until saved");
    assert_eq!(open.path.as_deref(), Some(path.as_path()));
}

#[test]
fn restored_work_keeps_the_files_comments_question_and_line_ends() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_of_example(dir.path());
    let text = std::fs::read_to_string(&path).expect("read");
    let windows = format!("// 担当: 企画課\n{text}").replace('\n', "\r\n");
    std::fs::write(&path, &windows).expect("write");
    let recovery = dir.path().join("recovery");
    let mut first = harness_for(app_with(Some(&path), Some(&recovery)));
    retitle_first(&mut first, "復元される題");
    first.state_mut().autosave_now();
    drop(first);
    let mut app = app_with(None, Some(&recovery));
    app.offer_recovery();
    let mut second = harness_for(app);
    second.get_by_label("復元").click();
    second.run();
    let open = second.state().open.as_ref().expect("restored");
    assert!(open.has_comments, "the file's comments are known");
    assert!(open.style.crlf, "and its line ends");
    // Saving asks before dropping the comments; the file is untouched until then.
    second.key_press_modifiers(CTRL, Key::S);
    second.run();
    assert!(
        matches!(second.state().dialog, Some(Dialog::DropComments(..))),
        "{:?}",
        second.state().dialog
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), windows);
}

#[test]
fn saving_a_read_only_file_says_why_and_keeps_file_and_work() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_of_example(dir.path());
    let original = std::fs::read(&path).expect("read");
    let mut permissions = std::fs::metadata(&path).expect("stat").permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions).expect("mark read-only");
    let mut harness = harness_for(app_with(Some(&path), None));
    retitle_first(&mut harness, "保存されない題");
    harness.key_press_modifiers(CTRL, Key::S);
    harness.run();
    // The dialog names the file, the reason and what to do, in the window's language; the
    // previous file is untouched.
    harness.get_by_label("保存できませんでした");
    // A label's text is its accessibility value.
    let message = harness
        .get_by_label_contains("読み取り専用になっています")
        .value()
        .unwrap_or_default();
    assert!(message.contains("after.ron"), "{message}");
    assert!(message.contains("別の名前で保存してください"), "{message}");
    assert!(
        message.ends_with("元のファイルはそのままです。"),
        "{message}"
    );
    assert!(!message.contains("read-only"), "{message}");
    assert_eq!(std::fs::read(&path).expect("read"), original);
    assert!(!koteihyo::io::backup_path(&path).exists());
    // The work is still there, still unsaved.
    assert!(harness.state().is_modified());
    assert_eq!(
        document(&harness).domains[0].roadblocks[0].title,
        "保存されない題"
    );
}

#[test]
fn saving_into_a_folder_that_is_a_file_says_why() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_of_example(dir.path());
    let mut harness = harness_for(app_with(Some(&path), None));
    retitle_first(&mut harness, "x");
    // 名前を付けて保存 into a folder that is a file (a dialog would not offer it; a path typed
    // by hand or a removed USB stick can).
    let target = path.join("copy.ron");
    harness.state_mut().save_to(&target, true);
    harness.run();
    harness.get_by_label("保存できませんでした");
    let message = harness
        .get_by_label_contains("（一時ファイルの作成で失敗しました）")
        .value()
        .unwrap_or_default();
    assert!(
        message.contains("途中のフォルダがファイルです"),
        "{message}"
    );
    assert!(harness.state().is_modified());
    assert_eq!(
        harness
            .state()
            .open
            .as_ref()
            .and_then(|o| o.path.as_deref()),
        Some(path.as_path()),
        "the document still belongs to its own file"
    );
}
