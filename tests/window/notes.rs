//! Notes (注記) through the window: a note added in the document panel, referred to from a
//! bar's panel, its mark shown after the bar's label in the grid; removing the reference removes
//! the mark, undo brings it back, and moving another note above it renumbers it.

use crate::gui;

use egui::{Key, Role};
use egui_kittest::kittest::Queryable;
use gui::{CTRL, app_with, copy_of_example, document, harness_for};

/// The first bar of ① in 見直し後.
const BAR: &str = "指針に関する周知活動の実施";

#[test]
fn a_note_referred_to_in_the_entry_panel_puts_its_mark_after_the_bar() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = copy_of_example(dir.path());
    let mut harness = harness_for(app_with(Some(&file), None));
    harness.run();
    // Nothing selected: the document panel, with its notes at the end.
    harness.get_by_label("注記を追加").scroll_to_me();
    harness.run();
    harness.get_by_label("注記を追加").click();
    harness.run();
    let field = harness.get_by_role_and_label(Role::TextInput, "注1");
    field.click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "注1")
        .type_text("画像データベースの構築は令和５年度に着手");
    harness.run();
    let note = document(&harness).notes[0].clone();
    assert_eq!(note.text, "画像データベースの構築は令和５年度に着手");
    // The bar's panel refers to it through the combo of notes.
    harness.get_by_label(BAR).click();
    harness.run();
    harness
        .get_by_role_and_label(Role::ComboBox, "注記の参照")
        .scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::ComboBox, "注記の参照")
        .click();
    harness.run();
    harness
        .get_by_label_contains("注1 画像データベースの構築")
        .click();
    harness.run();
    let bar = |harness: &egui_kittest::Harness<'_, _>| {
        document(harness).domains[0]
            .entries
            .iter()
            .find(|e| e.label == BAR)
            .map(|e| e.notes.clone())
            .expect("the bar")
    };
    assert_eq!(bar(&harness), std::slice::from_ref(&note.id));
    // The grid shows the mark after the label (the bar's accessible text names it).
    harness.get_by_label(&format!("{BAR} 注1"));
    assert!(harness.query_by_label(BAR).is_none());
    // The panel lists the reference with a button removing it.
    harness.get_by_label("参照を外す").click();
    harness.run();
    assert!(bar(&harness).is_empty());
    harness.get_by_label(BAR);
    harness.key_press_modifiers(CTRL, Key::Z);
    harness.run();
    assert_eq!(bar(&harness), std::slice::from_ref(&note.id));
    harness.get_by_label(&format!("{BAR} 注1"));
    // A second note moved above the first renumbers the bar's mark.
    harness.state_mut().editor.selection = None;
    harness.run();
    harness.get_by_label("注記を追加").scroll_to_me();
    harness.run();
    harness.get_by_label("注記を追加").click();
    harness.run();
    assert_eq!(document(&harness).notes.len(), 2);
    harness.get_by_label("↑").scroll_to_me();
    harness.run();
    harness.get_by_label("↑").click();
    harness.run();
    assert_eq!(document(&harness).notes[1].id, note.id);
    harness.get_by_label(&format!("{BAR} 注2"));
}
