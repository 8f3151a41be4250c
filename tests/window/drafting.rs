//! A drafter's day in the window (issue 15): one Escape does one thing, the 編集 menu reads in
//! the order and the key names a drafter expects.

use crate::gui;

use std::path::Path;

use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use gui::{TITLE, app_with, harness_for};
use koteihyo::ui::app::KoteihyoApp;

const IN_PLACE: &str = "その場で編集 / Edit in place";

fn double_click(harness: &mut Harness<'static, KoteihyoApp>, label: &str) {
    let at = harness.get_by_label(label).rect().center();
    let button = |pressed| Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    harness.input_mut().events.extend([
        Event::PointerMoved(at),
        button(true),
        button(false),
        button(true),
        button(false),
    ]);
    harness.run();
}

#[test]
fn escape_in_the_in_place_editor_closes_it_and_keeps_the_filter() {
    let mut harness = harness_for(app_with(
        Some(Path::new("examples/roadblocks-after.ron")),
        None,
    ));
    harness.state_mut().filter.search = "IRB".to_owned();
    harness.run();
    double_click(&mut harness, TITLE);
    assert!(harness.get_by_label(IN_PLACE).is_focused());
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness.query_by_label(IN_PLACE).is_none(),
        "Escape closes the editor"
    );
    assert_eq!(
        harness.state().filter.search,
        "IRB",
        "the same Escape does not also clear the search"
    );
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(
        harness.state().filter.search,
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
