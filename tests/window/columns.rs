//! Text columns in the window: `examples/kpi-columns.ron` opened, a KPI cell (on a roadblock
//! row) and a 担当府省 cell (on a domain) edited in the details panel through the fields their
//! headers label, undone; a text column added from the document's panel; a cell edited in place
//! on the grid.

use crate::gui;

use std::path::{Path, PathBuf};

use egui::{Key, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gui::{CTRL, app_with, document, harness_for};
use koteihyo::model::{CellOwner, ColumnKind, Id};
use koteihyo::ui::app::KoteihyoApp;

/// A copy of the KPI example in `dir`.
fn copy_of_kpi_example(dir: &Path) -> PathBuf {
    let path = dir.join("kpi-columns.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/kpi-columns.ron"),
        &path,
    )
    .expect("copy");
    path
}

/// A primary click at `at`.
fn click_at(harness: &mut Harness<'static, KoteihyoApp>, at: egui::Pos2) {
    harness.event(egui::Event::PointerMoved(at));
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.run();
}

/// Replaces the text of the multi-line field labelled `label` with `text`, as a user types.
fn retype(harness: &mut Harness<'static, KoteihyoApp>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::MultilineTextInput, label)
        .click();
    harness.run();
    harness.key_press_modifiers(CTRL, Key::A);
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, label)
        .type_text(text);
    harness.run();
}

#[test]
fn a_kpi_cell_and_a_ministry_cell_are_edited_in_the_panel_and_undone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_of_kpi_example(dir.path());
    let original = koteihyo::io::load(&path).expect("load");
    let mut harness = harness_for(app_with(Some(&path), None));
    let (kpi, ministry) = (Id::from("kpi"), Id::from("ministry"));

    // The grid shows both columns' headers and cells.
    for label in [
        "KPI",
        "担当府省",
        "マイナ保険証の利用率：2025年度末に50％",
        "デジタル庁",
    ] {
        harness.get_by_label(label);
    }

    // A roadblock row's KPI cell, under the field its header labels.
    harness
        .get_by_label("【マイナ保険証の利用を広げる必要があるのではないか】B")
        .click();
    harness.run();
    retype(&mut harness, "KPI", "利用率：2025年度末に60％");
    let edited = document(&harness);
    assert_eq!(
        edited.domains[0].roadblocks[1].cells[&kpi],
        "利用率：2025年度末に60％"
    );
    harness.get_by_label("利用率：2025年度末に60％");

    // A domain's 担当府省 cell.
    harness.get_by_label("② 診療報酬改定DX").click();
    harness.run();
    retype(&mut harness, "担当府省", "厚生労働省\nこども家庭庁");
    let edited = document(&harness);
    assert_eq!(
        edited.domains[1].cells[&ministry],
        "厚生労働省\nこども家庭庁"
    );
    assert_eq!(
        edited.domains[0].roadblocks[1].cells[&kpi],
        "利用率：2025年度末に60％"
    );

    // Each field's typing is one undo step.
    harness.key_press_modifiers(CTRL, Key::Z);
    harness.run();
    assert_eq!(document(&harness).domains[1].cells[&ministry], "厚生労働省");
    harness.key_press_modifiers(CTRL, Key::Z);
    harness.run();
    assert_eq!(document(&harness), original);
    assert!(!harness.state().is_modified());
}

#[test]
fn a_text_column_is_added_from_the_document_panel_and_removed_with_its_cells() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_of_kpi_example(dir.path());
    let original = koteihyo::io::load(&path).expect("load");
    let mut harness = harness_for(app_with(Some(&path), None));

    // Nothing selected: the panel edits the document. The columns are below the timeline.
    harness
        .get_by_role_and_label(Role::TextInput, "新しい列の見出し")
        .scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "新しい列の見出し")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "新しい列の見出し")
        .type_text("備考");
    harness.run();
    harness.get_by_label("列を追加").click();
    harness.run();
    let added = document(&harness);
    let column = added.columns.last().expect("a column");
    assert_eq!(
        (column.header.as_str(), column.owner),
        ("備考", CellOwner::Roadblock)
    );
    assert!(matches!(&column.kind, ColumnKind::Text(id) if id.is_well_formed()));
    assert!(koteihyo::model::validate(&added).is_empty());
    // The grid shows its header.
    harness.get_by_label("備考");

    // Removing the KPI column takes its cells along; undo brings them back.
    let kpi = Id::from("kpi");
    let remove = harness
        .get_all_by_role_and_label(Role::TextInput, "見出し")
        .position(|field| field.value().as_deref() == Some("KPI"))
        .expect("the KPI column's header field");
    // Each text column's row of buttons: ↑, ↓, 削除 after its fields, in column order.
    let text_columns_before = added
        .columns
        .iter()
        .filter(|c| c.text_id().is_some())
        .position(|c| c.text_id() == Some(&kpi))
        .expect("KPI is a text column");
    let built_in_headers = added
        .columns
        .iter()
        .filter(|c| c.text_id().is_none())
        .count();
    assert_eq!(remove, built_in_headers + text_columns_before);
    // The legend's categories come first, then one per text column.
    let delete = added.legend.categories.len() + text_columns_before;
    let nth_delete = |harness: &Harness<'static, KoteihyoApp>| {
        harness
            .get_all_by_role_and_label(Role::Button, "削除")
            .nth(delete)
            .expect("the KPI column's 削除")
            .rect()
    };
    harness
        .get_all_by_role_and_label(Role::Button, "削除")
        .nth(delete)
        .expect("the KPI column's 削除")
        .scroll_to_me();
    harness.run();
    let button = nth_delete(&harness);
    click_at(&mut harness, button.center());
    let removed = document(&harness);
    assert!(removed.text_column(&kpi).is_none());
    assert!(
        removed
            .domains
            .iter()
            .flat_map(|d| &d.roadblocks)
            .all(|r| r.cells.is_empty())
    );
    assert!(koteihyo::model::validate(&removed).is_empty());
    harness.key_press_modifiers(CTRL, Key::Z);
    harness.run();
    assert_eq!(document(&harness), added);
    harness.key_press_modifiers(CTRL, Key::Z);
    harness.run();
    assert_eq!(document(&harness), original);
}

#[test]
fn snapshot_grid_and_panel_with_text_columns() {
    // A path relative to the crate root, so that the status bar does not name the clone's place.
    let path = Path::new("examples").join("kpi-columns.ron");
    let mut harness = harness_for(app_with(Some(&path), None));
    harness
        .get_by_label("【マイナ保険証の利用を広げる必要があるのではないか】B")
        .click();
    harness.run();
    harness.snapshot("grid_kpi_columns");
}

#[test]
fn double_clicking_a_ministry_line_edits_the_whole_cell_in_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_of_kpi_example(dir.path());
    let original = koteihyo::io::load(&path).expect("load");
    let mut harness = harness_for(app_with(Some(&path), None));
    gui::double_click(&mut harness, "デジタル庁");
    let editor = harness.get_by_label("その場で編集 / Edit in place");
    assert_eq!(editor.value().as_deref(), Some("厚生労働省\nデジタル庁"));
    harness.key_press_modifiers(CTRL, Key::A);
    harness.run();
    harness
        .get_by_label("その場で編集 / Edit in place")
        .type_text("内閣府");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        document(&harness).domains[0].cells[&Id::from("ministry")],
        "内閣府"
    );
    harness.key_press_modifiers(CTRL, Key::Z);
    harness.run();
    assert_eq!(document(&harness), original);
}
