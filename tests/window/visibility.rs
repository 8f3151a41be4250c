//! With a filter on, what is selected or added stays on screen, and clearing the filter keeps
//! the selection in view (issue 15, item 5).

use crate::gui;

use egui::{Key, Role};
use egui_kittest::kittest::Queryable;
use gui::{TITLE, document};
use koteihyo::model::Id;
use koteihyo::ui::app::Request;
use koteihyo::ui::command::Command;
use koteihyo::ui::selection::Selection;

#[test]
fn a_roadblock_added_under_a_filter_is_shown_and_selected() {
    let mut harness = gui::after_example();
    // Only ⑦'s roadblock is in category A; the new one below it has no category.
    harness.state_mut().editor.filter.categories.insert('A');
    harness
        .state_mut()
        .request(Request::Select(Some(Selection::Roadblock(Id::from(
            "d7.r1",
        )))));
    harness.run();
    harness
        .state_mut()
        .request(Request::Command(Command::AddBelow));
    harness.run();
    let added = document(&harness).domains[6].roadblocks[1].id.clone();
    assert_eq!(
        harness.state().editor.selection,
        Some(Selection::Roadblock(added.clone()))
    );
    assert!(
        harness
            .query_all_by_label_contains("【新しいロードブロック】")
            .next()
            .is_some(),
        "the new roadblock is drawn in the grid"
    );
    harness.get_by_label("＋選択中の行");
    assert!(
        harness.state().editor.filter.categories.contains(&'A'),
        "the filter stays"
    );
    // Another category choice hides it again: the filter is the user's.
    harness.state_mut().editor.selection = None;
    // Typing a search in the toolbar changes the filter.
    harness
        .get_by_role_and_label(Role::TextInput, "検索")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "検索")
        .type_text("薬事");
    harness.run();
    assert!(harness.state().editor.filter.keep_shown.is_empty());
    assert!(
        harness
            .query_all_by_label_contains("【新しいロードブロック】")
            .next()
            .is_none()
    );
}

#[test]
fn clearing_the_filter_keeps_the_selection_in_view() {
    let mut harness = gui::after_example();
    harness.state_mut().editor.filter.search = "情報基盤の整備".to_owned();
    harness.run();
    let last = "【情報基盤の整備が必要ではないか】D";
    harness.get_by_label(last).click();
    harness.run();
    assert_eq!(
        harness.state().editor.selection,
        Some(Selection::Roadblock(Id::from("d9.r4")))
    );
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        !harness.state().editor.filter.is_active(),
        "Escape cleared the filter"
    );
    assert!(
        harness.query_by_label(last).is_some(),
        "⑨'s row is still on screen"
    );
    assert!(
        harness.query_by_label(TITLE).is_none(),
        "the grid did not jump back to ①"
    );
}
