//! A drafter's day in the window (issue 15): one Escape does one thing, the 編集 menu reads in
//! the order and the key names a drafter expects, deleting a roadblock asks about its own bars,
//! a file changed on disk can be reloaded or compared.

use crate::gui;

use std::path::Path;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use gui::{CTRL, TITLE, app_with, document, harness_for};
use koteihyo::model::{Document, Id};
use koteihyo::ui::app::{Dialog, KoteihyoApp, Request};
use koteihyo::ui::selection::Selection;

const IN_PLACE: &str = "その場で編集 / Edit in place";

#[test]
fn escape_in_the_in_place_editor_closes_it_and_keeps_the_filter() {
    let mut harness = harness_for(app_with(
        Some(Path::new("examples/roadblocks-after.ron")),
        None,
    ));
    harness.state_mut().editor.filter.search = "IRB".to_owned();
    harness.run();
    gui::double_click(&mut harness, TITLE);
    assert!(harness.get_by_label(IN_PLACE).is_focused());
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness.query_by_label(IN_PLACE).is_none(),
        "Escape closes the editor"
    );
    assert_eq!(
        harness.state().editor.filter.search,
        "IRB",
        "the same Escape does not also clear the search"
    );
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(
        harness.state().editor.filter.search,
        "",
        "a second Escape, in the grid, clears it"
    );
}

#[test]
fn the_edit_menu_lists_undo_before_redo_with_readable_shortcuts() {
    let mut harness = harness_for(app_with(
        Some(Path::new("examples/roadblocks-after.ron")),
        None,
    ));
    harness.get_by_label("編集").click();
    harness.run();
    let undo = harness.get_by_label("元に戻す Ctrl+Z").rect();
    let redo = harness.get_by_label("やり直し Ctrl+Shift+Z").rect();
    assert!(undo.top() < redo.top(), "元に戻す comes first");
    harness.get_by_label("絞り込みを解除 Esc");
    let labels: Vec<String> = harness
        .get_all_by_role(egui::accesskit::Role::Button)
        .filter_map(|node| node.accesskit_node().label())
        .collect();
    for label in &labels {
        for internal in ["Escape", "ArrowDown", "ArrowUp", " Down", " Up"] {
            assert!(!label.contains(internal), "an internal key name: {label}");
        }
    }
}

/// Selects the roadblock as a click in the grid does, scrolled into view.
fn select(harness: &mut Harness<'static, KoteihyoApp>, roadblock: &Id) {
    let selection = Selection::Roadblock(roadblock.clone());
    harness
        .state_mut()
        .request(Request::Select(Some(selection.clone())));
    harness.state_mut().request(Request::ScrollTo(selection));
    harness.run();
}

/// The first roadblock that a bar spans alone, and that bar's id.
fn roadblock_with_its_own_bar(document: &Document) -> (Id, Id) {
    document
        .domains
        .iter()
        .find_map(|domain| {
            domain.roadblocks.iter().find_map(|roadblock| {
                domain
                    .entries
                    .iter()
                    .find(|e| e.rows == [roadblock.id.clone()])
                    .map(|entry| (roadblock.id.clone(), entry.id.clone()))
            })
        })
        .expect("the example has a bar on one roadblock")
}

fn has_entry(document: &Document, id: &Id) -> bool {
    document
        .domains
        .iter()
        .any(|d| d.entries.iter().any(|e| &e.id == id))
}

#[test]
fn deleting_a_roadblock_asks_about_its_own_bars() {
    let mut harness = harness_for(app_with(
        Some(Path::new("examples/roadblocks-after.ron")),
        None,
    ));
    let original = document(&harness);
    let (roadblock, entry) = roadblock_with_its_own_bar(&original);
    select(&mut harness, &roadblock);
    harness.get_by_label("ロードブロックを削除").click();
    harness.run();
    assert!(
        matches!(harness.state().dialog, Some(Dialog::RemoveRoadblock(_))),
        "asked first"
    );
    assert_eq!(
        document(&harness),
        original,
        "nothing deleted before the answer"
    );

    harness.get_by_label("キャンセル").click();
    harness.run();
    assert_eq!(harness.state().dialog, None);
    assert_eq!(document(&harness), original, "cancel deletes nothing");

    select(&mut harness, &roadblock);
    harness.get_by_label("ロードブロックを削除").click();
    harness.run();
    harness.get_by_label("工程も削除").click();
    harness.run();
    let after = document(&harness);
    assert!(
        after
            .domains
            .iter()
            .all(|d| d.roadblock(&roadblock).is_none())
    );
    assert!(!has_entry(&after, &entry), "its own bar went with it");
    harness.key_press_modifiers(CTRL, Key::Z);
    harness.run();
    assert_eq!(document(&harness), original, "one undo step restores both");

    select(&mut harness, &roadblock);
    harness.get_by_label("ロードブロックを削除").click();
    harness.run();
    harness.get_by_label("工程は領域全体に残す").click();
    harness.run();
    let kept = document(&harness);
    assert!(has_entry(&kept, &entry), "the bar stays");
    assert!(
        kept.domains
            .iter()
            .flat_map(|d| d.entries.iter())
            .any(|e| e.id == entry && e.rows.is_empty()),
        "on the whole domain"
    );
}

#[test]
fn a_file_changed_on_disk_can_be_reloaded_or_compared() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut harness, path, theirs) = gui::saving_after_someone_else(dir.path());
    harness.get_by_label("比較").click();
    harness.run();
    assert!(
        harness.state().view.compare().is_some(),
        "the compare view opens"
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        theirs,
        "comparing writes nothing"
    );
    harness.state_mut().view = koteihyo::ui::view::MainView::Editor;
    harness.run();

    harness.key_press_modifiers(CTRL, Key::S);
    harness.run();
    harness.get_by_label("再読み込み").click();
    harness.run();
    assert_eq!(harness.state().dialog, None);
    let reloaded = document(&harness);
    assert_eq!(
        reloaded.meta.material_label, "資料３",
        "the file on disk is shown"
    );
    assert!(!harness.state().is_modified());
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        theirs,
        "reloading writes nothing"
    );
}

#[test]
fn the_edit_menu_and_its_keys_act_on_the_selected_roadblock() {
    let mut harness = harness_for(app_with(
        Some(Path::new("examples/roadblocks-after.ron")),
        None,
    ));
    harness.get_by_label("編集").click();
    harness.run();
    assert!(
        harness
            .get_by_label("複製 Ctrl+D")
            .accesskit_node()
            .is_disabled(),
        "nothing selected: nothing to duplicate"
    );
    harness.get_by_label("編集").click();
    harness.run();
    assert!(
        harness.query_by_label("複製 Ctrl+D").is_none(),
        "the menu closed"
    );

    let first = document(&harness).domains[0].roadblocks[0].id.clone();
    select(&mut harness, &first);
    harness.get_by_label("編集").click();
    harness.run();
    harness.get_by_label("複製 Ctrl+D").click();
    harness.run();
    let after = document(&harness);
    assert_eq!(after.domains[0].roadblocks.len(), 4, "duplicated");
    let copy = after.domains[0].roadblocks[1].id.clone();
    assert_eq!(
        harness.state().editor.selection,
        Some(Selection::Roadblock(copy.clone())),
        "the copy is selected"
    );

    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    harness.run();
    assert_eq!(
        document(&harness).domains[0].roadblocks[0].id,
        copy,
        "Alt+↑ moved the copy up"
    );
    assert_eq!(
        harness.state().editor.selection,
        Some(Selection::Roadblock(copy.clone())),
        "Alt+↑ moves, it does not also select the previous row"
    );

    harness.key_press(Key::Delete);
    harness.run();
    if harness.state().dialog.is_some() {
        harness.get_by_label("工程は領域全体に残す").click();
        harness.run();
    }
    let after = document(&harness);
    assert_eq!(after.domains[0].roadblocks.len(), 3, "Delete deleted it");
    assert!(after.domains[0].roadblock(&copy).is_none());
}

#[test]
fn help_lists_the_shortcuts_and_a_guide() {
    let mut harness = harness_for(app_with(
        Some(Path::new("examples/roadblocks-after.ron")),
        None,
    ));
    harness.key_press(Key::F1);
    harness.run();
    assert_eq!(harness.state().dialog, Some(Dialog::Shortcuts));
    harness.get_by_label("元に戻す");
    harness.get_by_label("Ctrl+Z");
    harness.get_by_label("Alt+↓");
    harness.get_by_label("閉じる").click();
    harness.run();
    assert_eq!(harness.state().dialog, None);

    harness.get_by_label("ヘルプ").click();
    harness.run();
    harness.get_by_label("使い方").click();
    harness.run();
    assert_eq!(harness.state().dialog, Some(Dialog::Guide));
    assert!(
        harness
            .query_by_label_contains("表のセルやバーをクリックすると")
            .is_some()
    );
}

#[test]
fn the_column_choices_are_named_in_the_users_language() {
    let harness = harness_for(app_with(
        Some(Path::new("examples/roadblocks-after.ron")),
        None,
    ));
    for name in [
        "開発段階（領域の番号と名前）",
        "領域（共通・医療機器など）",
        "ロードブロック",
        "着手・対応済みの事項",
        "取組事項",
    ] {
        harness.get_by_role_and_label(egui::accesskit::Role::CheckBox, name);
    }
    for internal in ["Domain", "Scope", "Roadblock", "Done", "Actions"] {
        assert!(
            harness.query_by_label(internal).is_none(),
            "an internal name on screen: {internal}"
        );
    }
}

#[test]
fn the_header_row_speaks_the_words_of_the_domain_under_it() {
    let mut harness = harness_for(app_with(
        Some(Path::new("examples/roadblocks-after.ron")),
        None,
    ));
    let header = |harness: &Harness<'static, KoteihyoApp>, label: &str| {
        harness
            .get_all_by_label(label)
            .any(|node| node.accesskit_node().role() == egui::accesskit::Role::Label)
    };
    assert!(
        header(&harness, "着手・対応済みの事項"),
        "① uses the document's words"
    );
    // Only ⑦, whose header says 「対応済みの事項」, is left on screen.
    harness.state_mut().editor.filter.search = "AIの特性を配慮した薬事制度".to_owned();
    harness.run();
    assert!(header(&harness, "対応済みの事項"), "⑦'s own wording");
    assert!(!header(&harness, "着手・対応済みの事項"));
}

#[test]
fn an_input_methods_pre_edit_never_touches_the_document() {
    let mut harness = harness_for(app_with(
        Some(Path::new("examples/roadblocks-after.ron")),
        None,
    ));
    gui::edit_first_title(&mut harness);
    let original = document(&harness);
    let revision = |harness: &Harness<'static, KoteihyoApp>| {
        harness
            .state()
            .open
            .as_ref()
            .expect("open")
            .history
            .revision()
    };
    let before = revision(&harness);
    for preedit in ["r", "り", "りん", "りんり", "倫理"] {
        harness.event(egui::Event::Ime(egui::ImeEvent::Preedit {
            text: preedit.into(),
            active_range_chars: Some(0..preedit.chars().count()),
        }));
        harness.run();
        assert_eq!(
            document(&harness).domains[0].roadblocks[0].title,
            original.domains[0].roadblocks[0].title,
            "pre-edit 「{preedit}」 is no edit"
        );
        assert!(
            document(&harness) == original,
            "pre-edit 「{preedit}」 is no edit"
        );
        assert_eq!(revision(&harness), before);
        assert_eq!(
            harness.get_by_label("タイトル").value().as_deref(),
            Some(preedit),
            "the field shows the composition"
        );
    }
    harness.event(egui::Event::Ime(egui::ImeEvent::Commit("倫理".into())));
    harness.run();
    assert_eq!(document(&harness).domains[0].roadblocks[0].title, "倫理");
    harness.key_press_modifiers(CTRL, Key::Z);
    harness.run();
    assert!(document(&harness) == original, "the commit was one edit");

    // A composition given up leaves the document as it was (the cursor at the end: a
    // selection would be replaced by the composition, as in any editor).
    gui::edit_first_title(&mut harness);
    harness.key_press(Key::ArrowRight);
    harness.run();
    harness.event(egui::Event::Ime(egui::ImeEvent::Preedit {
        text: "しんさ".into(),
        active_range_chars: Some(0..3),
    }));
    harness.run();
    harness.event(egui::Event::Ime(egui::ImeEvent::Preedit {
        text: String::new(),
        active_range_chars: None,
    }));
    harness.run();
    assert!(
        document(&harness) == original,
        "a cancelled composition is no edit"
    );
}

/// A harness of `width` × `height` on the 見直し後 example.
fn sized(width: f32, height: f32) -> Harness<'static, KoteihyoApp> {
    let app = app_with(Some(Path::new("examples/roadblocks-after.ron")), None);
    gui::harness_sized(app, width, height)
}

/// The grid's header cell for the last fiscal year, and the details panel's left edge.
fn last_year_and_panel(harness: &Harness<'static, KoteihyoApp>) -> (egui::Rect, f32) {
    let last = harness.get_by_label("令和６年（2024年）度以降").rect();
    let panel = harness.get_by_label("工程表全体").rect().left();
    (last, panel)
}

#[test]
fn on_a_laptop_screen_every_fiscal_year_shows_beside_the_panel() {
    let mut harness = sized(1366.0, 768.0);
    let (last, panel) = last_year_and_panel(&harness);
    assert!(
        last.right() <= panel,
        "the last year ({last:?}) ends before the panel ({panel})"
    );
    harness.snapshot("laptop_1366x768");
    // F4 hides the panel; the grid takes the whole width.
    harness.key_press(Key::F4);
    harness.run();
    assert!(harness.query_by_label("工程表全体").is_none());
    let wide = harness.get_by_label("令和６年（2024年）度以降").rect();
    assert!(wide.right() > last.right() + 200.0, "the grid widened");
}

#[test]
fn on_a_small_window_the_panel_takes_at_most_half() {
    let harness = sized(640.0, 480.0);
    let panel = harness.get_by_label("工程表全体").rect().left();
    assert!(panel >= 640.0 * 0.5 - 16.0, "the panel starts at {panel}");
}

#[test]
fn on_a_wide_screen_the_grid_fills_the_width() {
    let harness = sized(1920.0, 1080.0);
    let (last, panel) = last_year_and_panel(&harness);
    assert!(
        panel - last.right() < 60.0,
        "no empty band: the last year ends at {}, the panel starts at {panel}",
        last.right()
    );
}
