//! Hover texts (issue 15, item 10): a bar tells its years in the document's style and its
//! label; the year fields of the entry panel show that style and read what a drafter types.

use crate::gui;

use egui::Role;
use egui_kittest::kittest::Queryable;
use gui::document;
use koteihyo::model::{FiscalYear, Id};
use koteihyo::ui::app::Request;
use koteihyo::ui::selection::Selection;

const BAR: &str = "指針に関する周知活動の実施";

#[test]
fn hovering_a_bar_shows_its_years_and_label() {
    let mut harness = gui::after_example();
    harness.get_by_label(BAR).hover();
    // Tooltips wait a moment before showing.
    for _ in 0..60 {
        harness.step();
    }
    harness.run();
    let tip = "令和４年度～令和６年度以降\n指針に関する周知活動の実施";
    harness.get_by_label(tip);
}

#[test]
fn the_entry_panel_writes_years_in_the_documents_style_and_reads_r5() {
    let mut harness = gui::after_example();
    harness
        .state_mut()
        .request(Request::Select(Some(Selection::Entry(Id::from("d1.t2")))));
    harness.run();
    harness.get_by_label("令和４年（2022年）度");
    // The start year, typed as drafters abbreviate it.
    let field = harness.get_by_role_and_label(Role::SpinButton, "開始");
    field.click();
    harness.run();
    harness.key_press_modifiers(gui::CTRL, egui::Key::A);
    harness.run();
    harness
        .get_by_role_and_label(Role::SpinButton, "開始")
        .type_text("R5");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let entry = &document(&harness).domains[0].entries[0];
    assert_eq!(entry.start.year, FiscalYear(2023));
}

#[test]
fn the_arrow_buttons_of_items_say_what_they_do() {
    let mut harness = gui::after_example();
    harness
        .state_mut()
        .request(Request::Select(Some(Selection::Roadblock(Id::from(
            "d1.r1",
        )))));
    harness.run();
    harness
        .query_all_by_role_and_label(Role::Button, "→")
        .next()
        .expect("an indent button")
        .hover();
    for _ in 0..60 {
        harness.step();
    }
    harness.run();
    harness.get_by_label("字下げを増やす");
}
