//! The compare view (表示 > 改訂を比較), driven through `egui_kittest` on the two examples: the
//! change list is not empty, F8 and Shift+F8 walk through the changes, a click in the list
//! selects a change, the view follows edits of the open document, and the 新旧対照表 is saved
//! as PDF and as Word.

use crate::gui;

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use koteihyo::diff::table::RowKind;
use koteihyo::edit::Edit;
use koteihyo::font::find_installed;
use koteihyo::ui::app::{Dialog, KoteihyoApp, Request};
use koteihyo::ui::command::Command;
use koteihyo::ui::fonts::{FontStatus, install_face};
use koteihyo::ui::settings::Settings;

fn example(name: &str) -> PathBuf {
    Path::new("examples").join(name)
}

fn harness() -> Harness<'static, KoteihyoApp> {
    let face = find_installed().expect("a Japanese font is installed (apt install fonts-noto-cjk)");
    let status = FontStatus::Japanese {
        family: face.family.clone(),
        path: face.path.clone(),
    };
    let app = KoteihyoApp::with_font_status(
        Settings::default(),
        Some(&example("roadblocks-after.ron")),
        status,
    );
    Harness::builder()
        .with_size(vec2(1400.0, 900.0))
        .with_context_setup(move |ctx| install_face(ctx, &face))
        .build_ui_state(|ui, app: &mut KoteihyoApp| app.frame(ui), app)
}

/// The compare view on 見直し後 (open) against 見直し前, as 表示 > 改訂を比較 opens it once the
/// file dialog has returned the path.
fn comparing_examples() -> Harness<'static, KoteihyoApp> {
    let mut harness = harness();
    harness
        .state_mut()
        .compare_with_path(&example("roadblocks-before.ron"));
    harness.run();
    harness
}

#[test]
fn the_change_list_is_not_empty_and_f8_walks_through_it() {
    let mut harness = comparing_examples();
    harness.get_by_label("改訂の比較（新旧対照表）");
    let view = harness.state().view.compare().expect("the view is open");
    let changes = view.changes();
    assert!(changes.len() > 20, "{} changes", changes.len());
    assert_eq!(view.current, None);
    harness.key_press(Key::F8);
    harness.run();
    assert_eq!(
        harness.state().view.compare().and_then(|v| v.current),
        Some(changes[0])
    );
    harness.key_press(Key::F8);
    harness.run();
    assert_eq!(
        harness.state().view.compare().and_then(|v| v.current),
        Some(changes[1])
    );
    harness.key_press_modifiers(Modifiers::SHIFT, Key::F8);
    harness.run();
    assert_eq!(
        harness.state().view.compare().and_then(|v| v.current),
        Some(changes[0])
    );
}

#[test]
fn clicking_a_change_selects_the_new_roadblock_of_domain_8() {
    let mut harness = comparing_examples();
    // The entry is far down the list: scroll it into view first, as a user would.
    harness
        .get_by_label_contains("新設 ⑧ 商用展開／アップデート 共通 【開発したAIが広く")
        .scroll_to_me();
    harness.run();
    harness
        .get_by_label_contains("新設 ⑧ 商用展開／アップデート 共通 【開発したAIが広く")
        .click();
    harness.run();
    let view = harness.state().view.compare().expect("open");
    let (section, row) = view.current.expect("a change is selected");
    let row = &view.table().sections[section].rows[row];
    assert_eq!(row.kind, RowKind::Added);
    assert_eq!(row.new_id, Some("d8.r2".into()));
    // Its old side says （新設）, and the new text is on screen.
    assert_eq!(row.old[0].text(), "（新設）");
    harness.get_by_label_contains("開発したAIが広く社会実装される仕組みが必要ではないか");
}

#[test]
fn comparing_with_the_saved_version_follows_edits() {
    let mut harness = harness();
    harness
        .state_mut()
        .request(Request::Command(Command::CompareWithSaved));
    harness.run();
    assert!(
        harness
            .state()
            .view
            .compare()
            .expect("open")
            .changes()
            .is_empty()
    );
    harness.get_by_label("変更はありません");
    let mut roadblock = harness
        .state()
        .open
        .as_ref()
        .expect("open")
        .document
        .domains[0]
        .roadblocks[0]
        .clone();
    roadblock.title = "IRBの審査の質を均一化する必要があるか".into();
    harness
        .state_mut()
        .apply_edit(&Edit::ReplaceRoadblock(roadblock), None);
    harness.run();
    let view = harness.state().view.compare().expect("open");
    assert_eq!(view.changes().len(), 1);
    assert!(view.comparison().changes[0].renames());
}

#[test]
fn the_comparison_table_is_saved_as_pdf() {
    let mut harness = comparing_examples();
    let folder = tempfile::tempdir().expect("temporary folder");
    let pdf = folder.path().join("taisho.pdf");
    harness.state_mut().save_comparison_pdf(&pdf);
    assert_eq!(harness.state().dialog, Some(Dialog::Exported(pdf.clone())));
    assert!(std::fs::read(&pdf).expect("written").starts_with(b"%PDF-"));
    harness.get_by_label("閉じる").click();
    harness.run();
    harness.get_by_label("閉じる").click();
    harness.run();
    assert!(harness.state().view.compare().is_none());
}

/// The header words chosen in the view (見出し: 改正案｜現行) reach the saved PDF.
#[test]
fn the_chosen_headings_are_printed() {
    let mut harness = comparing_examples();
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, "見出し")
        .click();
    harness.run();
    harness.get_by_label("改正案｜現行").click();
    harness.run();
    assert_eq!(
        harness.state().settings.compare_headings,
        koteihyo::export::comparison::Headings::Draft
    );
    let folder = tempfile::tempdir().expect("temporary folder");
    let pdf = folder.path().join("taisho.pdf");
    harness.state_mut().save_comparison_pdf(&pdf);
    let text = std::process::Command::new("pdftotext")
        .args([pdf.as_os_str(), "-".as_ref()])
        .output()
        .expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("改正案（見直し後）") && text.contains("現行（見直し前）"),
        "{text}"
    );
}

#[test]
fn the_comparison_table_is_saved_as_word() {
    let mut harness = comparing_examples();
    // The button is there, next to the PDF one.
    harness.get_by_label("Wordで保存");
    harness.get_by_label("新旧対照表をPDFで保存");
    let folder = tempfile::tempdir().expect("temporary folder");
    let docx = folder.path().join("after-新旧対照表.docx");
    harness.state_mut().save_comparison_docx(&docx);
    assert_eq!(harness.state().dialog, Some(Dialog::Exported(docx.clone())));
    let bytes = std::fs::read(&docx).expect("written");
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a .docx is a zip archive");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut archive
            .by_name("word/document.xml")
            .expect("the document part"),
        &mut xml,
    )
    .expect("UTF-8");
    assert!(xml.contains("<w:tblHeader/>") && xml.contains("（新設）"));
    assert!(xml.contains("（傍線部分は改正部分）"));
}

#[test]
fn snapshot_compare_view() {
    let mut harness = comparing_examples();
    harness.key_press(Key::F8);
    harness.run();
    harness.snapshot("compare_examples");
}

/// Issue 13's ⑦ scenario: an arrow added to ⑦ in 見直し後 (right-click on FY2023, 新しい工程)
/// is （新設） against 見直し前 — never an amendment of 見直し前's deleted arrow d7.t1, whose id
/// the editor once handed out again.
#[test]
fn an_arrow_added_to_domain_7_is_new_against_the_revision_before() {
    let mut harness = harness();
    harness.state_mut().request(Request::ScrollTo(
        koteihyo::ui::selection::Selection::Roadblock("d7.r1".into()),
    ));
    harness.run();
    // The second year column (FY2023) of ⑦'s first roadblock.
    gui::right_click_year(
        &mut harness,
        "【AIの特性を配慮した薬事制度・保険制度の整備が必要ではないか】",
        1,
    );
    harness
        .get_by_label("令和５年（2023年）度: 新しい工程")
        .click();
    harness.run();
    let open = harness.state().open.as_ref().expect("open");
    let added = open.document.domains[6]
        .entries
        .last()
        .expect("an arrow was added")
        .clone();
    assert_ne!(added.id.as_str(), "d7.t1", "an id 見直し前 uses");
    harness
        .state_mut()
        .compare_with_path(&example("roadblocks-before.ron"));
    harness.run();
    let view = harness.state().view.compare().expect("the view is open");
    let rows: Vec<_> = view
        .table()
        .sections
        .iter()
        .flat_map(|section| &section.rows)
        .filter(|row| row.new_id.as_ref() == Some(&added.id))
        .collect();
    assert_eq!(rows.len(), 1, "one row for the new arrow");
    assert_eq!(rows[0].kind, RowKind::Added);
    assert_eq!(rows[0].old[0].text(), "（新設）");
    // 見直し前's d7.t1 is deleted, not amended.
    let old_rows: Vec<_> = view
        .table()
        .sections
        .iter()
        .flat_map(|section| &section.rows)
        .filter(|row| row.old_id.as_ref().is_some_and(|id| id.as_str() == "d7.t1"))
        .collect();
    assert_eq!(old_rows.len(), 1);
    assert_eq!(old_rows[0].kind, RowKind::Removed);
}

/// A damaged revision with an entry in FY600000000 (validation reports it) against a sane one:
/// the view shows both without drawing a strip of 600 million years (it used to hang).
#[test]
fn a_revision_with_absurd_years_is_compared_without_hanging() {
    let dir = tempfile::tempdir().expect("temp dir");
    let damaged = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad/entry-year-bigq.ron");
    let sane = dir.path().join("sane.ron");
    std::fs::write(
        &sane,
        std::fs::read_to_string(&damaged)
            .expect("read")
            .replace("600000000", "2022"),
    )
    .expect("write");
    let mut harness = harness();
    harness.state_mut().open_path(&damaged);
    harness.state_mut().compare_with_path(&sane);
    harness.run();
    let view = harness.state().view.compare().expect("the view is open");
    assert!(!view.changes().is_empty());
}

/// Issue 13, item 2: a revision with a repeated id is refused with the ids named, never
/// compared into phantom changes (the reproducer compared with itself reported changes).
#[test]
fn a_revision_with_repeated_ids_is_not_compared() {
    let mut harness = harness();
    let repeated = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/repro/dup-ids.ron");
    harness.state_mut().compare_with_path(&repeated);
    harness.run();
    assert!(harness.state().view.compare().is_none());
    let Some(Dialog::CannotCompare(ids)) = harness.state().dialog.clone() else {
        panic!(
            "expected the cannot-compare dialog, got {:?}",
            harness.state().dialog
        );
    };
    assert!(!ids.is_empty());
    harness.get_by_label("比較できません");
}
