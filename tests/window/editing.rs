//! Editing in the window, driven like a user: typing in the details panel (also through an
//! input method), undo, adding and deleting, dragging bars and rows, problems, in-place editing.
//! Saving is in `tests/window/saving.rs`.

use crate::gui;

use std::path::Path;

use egui::{Event, ImeEvent, Key, Modifiers, Role, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gui::{
    CTRL, TITLE, app_with, copy_of_example, document, edit_first_title, harness_for,
    right_click_year,
};
use koteihyo::ui::app::KoteihyoApp;
use koteihyo::ui::selection::Selection;

#[test]
fn undo_twice_restores_the_exact_original() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_of_example(dir.path());
    let original = koteihyo::io::load(&path).expect("load");
    let mut harness = harness_for(app_with(Some(&path), None));
    edit_first_title(&mut harness);
    for text in ["倫", "理"] {
        harness
            .get_by_role_and_label(Role::MultilineTextInput, "タイトル")
            .type_text(text);
        harness.run();
    }
    // Typing in one field is one step; toggling category A is a second.
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "タイトル")
        .focus();
    harness.run();
    let details = harness
        .get_all_by_role_and_label(Role::Button, "A")
        .last()
        .map(|n| n.rect())
        .expect("toggle A");
    harness.event(Event::PointerMoved(details.center()));
    harness.event(Event::PointerButton {
        pos: details.center(),
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.event(Event::PointerButton {
        pos: details.center(),
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    let edited = document(&harness);
    assert_eq!(edited.domains[0].roadblocks[0].title, "倫理");
    assert!(edited.domains[0].roadblocks[0].categories.contains(&'A'));
    harness.key_press_modifiers(CTRL, Key::Z);
    harness.run();
    harness.key_press_modifiers(CTRL, Key::Z);
    harness.run();
    assert_eq!(document(&harness), original);
    assert!(!harness.state().is_modified());
    harness.key_press_modifiers(CTRL | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(document(&harness).domains[0].roadblocks[0].title, "倫理");
}

#[test]
fn an_input_method_commit_lands_in_the_field_without_a_newline() {
    let mut harness = harness_for(app_with(
        Some(Path::new("examples/roadblocks-after.ron")),
        None,
    ));
    edit_first_title(&mut harness);
    harness.event(Event::Ime(ImeEvent::Preedit {
        text: "りんりしんさ".into(),
        active_range_chars: Some(0..6),
    }));
    harness.run();
    // The Enter that commits a composition arrives with the commit: it must not add a newline.
    harness
        .input_mut()
        .events
        .push(Event::Ime(ImeEvent::Commit("倫理審査".into())));
    harness.input_mut().events.push(Event::Key {
        key: Key::Enter,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    assert_eq!(
        document(&harness).domains[0].roadblocks[0].title,
        "倫理審査"
    );
}

#[test]
fn adding_and_deleting_a_roadblock() {
    let mut harness = harness_for(app_with(
        Some(Path::new("examples/roadblocks-after.ron")),
        None,
    ));
    harness.get_by_label(TITLE).click();
    harness.run();
    harness.get_by_label("ロードブロックを追加").click();
    harness.run();
    assert_eq!(document(&harness).domains[0].roadblocks.len(), 4);
    let added = document(&harness).domains[0].roadblocks[1].clone();
    assert_eq!(added.title, "新しいロードブロック");
    assert_eq!(
        harness.state().editor.selection,
        Some(Selection::Roadblock(added.id.clone()))
    );
    harness.get_by_label("ロードブロックを削除").click();
    harness.run();
    let after = document(&harness);
    assert_eq!(after.domains[0].roadblocks.len(), 3);
    assert!(after.domains[0].roadblock(&added.id).is_none());
}

/// The topmost bar with this label (① and ② of 見直し前 share some labels).
fn first_bar(harness: &Harness<'static, KoteihyoApp>, label: &str) -> egui::Rect {
    harness
        .get_all_by_label(label)
        .map(|node| node.rect())
        .min_by(|a, b| a.top().total_cmp(&b.top()))
        .expect("the bar is shown")
}

/// Presses the primary button at `from`, moves to `to` in steps, releases.
fn drag(harness: &mut Harness<'static, KoteihyoApp>, from: egui::Pos2, to: egui::Pos2) {
    let button = |pos, pressed| Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    harness.event(Event::PointerMoved(from));
    harness.event(button(from, true));
    for step in 1..=10 {
        harness.event(Event::PointerMoved(
            from + (to - from) * (step as f32 / 10.0),
        ));
    }
    harness.event(button(to, false));
    harness.run();
}

#[test]
fn dragging_a_bar_one_year_right_moves_it_by_one_year_in_one_undo_step() {
    let before = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/roadblocks-before.ron");
    let mut harness = harness_for(app_with(Some(&before), None));
    let year_width = harness.state().settings.column_widths.year;
    let bar = first_bar(&harness, "医学研究等に係る倫理指針の改正");
    drag(
        &mut harness,
        bar.center(),
        bar.center() + vec2(year_width, 0.0),
    );
    let entry = document(&harness).domains[0].entries[0].clone();
    assert_eq!(
        (entry.id.as_str(), entry.start.year.0, entry.end.year.0),
        ("d1.t1", 2021, 2021)
    );
    assert!(
        entry.start.part.is_none() && entry.end.part.is_none(),
        "a whole-year bar stays whole years"
    );
    harness.key_press_modifiers(CTRL, Key::Z);
    harness.run();
    let entry = document(&harness).domains[0].entries[0].clone();
    assert_eq!(
        (entry.start.year.0, entry.end.year.0),
        (2020, 2020),
        "the whole drag is one undo step"
    );
}

#[test]
fn dragging_the_end_of_a_bar_snaps_to_quarters() {
    let before = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/roadblocks-before.ron");
    let mut harness = harness_for(app_with(Some(&before), None));
    let year_width = harness.state().settings.column_widths.year;
    let bar = first_bar(&harness, "医学研究等に係る倫理指針の改正");
    // The arrow's body ends before its head; grab just inside the body's right end.
    let grip = egui::pos2(bar.right() - 14.0 - 3.0, bar.center().y);
    drag(&mut harness, grip, grip + vec2(year_width * 0.5, 0.0));
    let entry = document(&harness).domains[0].entries[0].clone();
    assert_eq!(entry.start, koteihyo::model::TimePoint::year(2020));
    assert_eq!(entry.end, koteihyo::model::TimePoint::quarter(2021, 2));
}

#[test]
fn right_clicking_a_year_adds_an_entry_there() {
    let mut harness = harness_for(app_with(
        Some(Path::new("examples/roadblocks-after.ron")),
        None,
    ));
    // The second year column (FY2023) of ①'s third roadblock.
    right_click_year(
        &mut harness,
        "【IRBに関与するAIの専門家が不足しているのではないか】",
        1,
    );
    harness
        .get_by_label("令和５年（2023年）度: 新しい工程")
        .click();
    harness.run();
    let domain = &document(&harness).domains[0];
    let added = domain.entries.last().expect("an entry was added").clone();
    assert_eq!((added.start.year.0, added.end.year.0), (2023, 2023));
    assert_eq!(added.rows, [koteihyo::model::Id::from("d1.r3")]);
    assert_eq!(
        harness.state().editor.selection,
        Some(Selection::Entry(added.id))
    );
}

#[test]
fn problems_are_listed_live_and_clicking_one_selects_its_entity() {
    let broken = Path::new("tests/bad/end-before-start.ron");
    let mut harness = harness_for(app_with(Some(broken), None));
    harness.get_by_label_contains("件の問題").click();
    harness.run();
    harness
        .get_by_label_contains("の終わり（2021年度）が始まり（2022年度）より前です")
        .click();
    harness.run();
    assert_eq!(
        harness.state().editor.selection,
        Some(Selection::Entry("d1.t1".into()))
    );
    // Fix it through an edit: the list follows the document.
    let mut entry = document(&harness).domains[0].entries[0].clone();
    entry.end = koteihyo::model::TimePoint::year(2023);
    harness
        .state_mut()
        .apply_edit(&koteihyo::edit::Edit::ReplaceEntry(entry), None);
    harness.run();
    harness.get_by_label("問題なし");
    assert!(harness.query_by_label_contains("より前です").is_none());
}

#[test]
fn double_clicking_a_cell_edits_its_text_in_place() {
    let mut harness = harness_for(app_with(
        Some(Path::new("examples/roadblocks-after.ron")),
        None,
    ));
    let original = document(&harness);
    gui::double_click(&mut harness, TITLE);
    let editor = harness.get_by_label("その場で編集 / Edit in place");
    assert!(editor.is_focused());
    assert_eq!(
        editor.value().as_deref(),
        Some("IRBの審査の質を均一化する必要があるのではないか")
    );
    harness.key_press_modifiers(CTRL, Key::A);
    harness.run();
    harness
        .get_by_label("その場で編集 / Edit in place")
        .type_text("審査基準の標準化");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert!(
        harness
            .query_by_label("その場で編集 / Edit in place")
            .is_none(),
        "Enter closes the editor"
    );
    assert_eq!(
        document(&harness).domains[0].roadblocks[0].title,
        "審査基準の標準化"
    );
    harness.key_press_modifiers(CTRL, Key::Z);
    harness.run();
    assert_eq!(
        document(&harness),
        original,
        "the in-place edit is one undo step"
    );
}

#[test]
fn the_context_menu_of_a_roadblock_duplicates_it() {
    let mut harness = harness_for(app_with(
        Some(Path::new("examples/roadblocks-after.ron")),
        None,
    ));
    harness.get_by_label(TITLE).click_secondary();
    harness.run();
    harness.get_by_label("複製").click();
    harness.run();
    let domain = &document(&harness).domains[0];
    assert_eq!(domain.roadblocks.len(), 4);
    let copy = &domain.roadblocks[1];
    assert!(
        copy.id.as_str().starts_with("d1.r-"),
        "a new id: {}",
        copy.id
    );
    assert_eq!(copy.title, domain.roadblocks[0].title);
    assert_eq!(
        harness.state().editor.selection,
        Some(Selection::Roadblock(copy.id.clone()))
    );
}

/// Types `text` into the text field labelled `label` (the first one, when several share it).
fn type_into(harness: &mut Harness<'static, KoteihyoApp>, label: &str, text: &str) {
    harness
        .get_all_by_label(label)
        .next()
        .expect("field")
        .click();
    harness.run();
    harness.key_press_modifiers(CTRL, Key::A);
    harness.run();
    harness
        .get_all_by_label(label)
        .next()
        .expect("field")
        .type_text(text);
    harness.run();
}

#[test]
fn a_newcomer_builds_domain_irb_from_an_empty_document() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut harness = harness_for(app_with(None, None));
    harness.key_press_modifiers(CTRL, Key::N);
    harness.run();
    // The button is below the timeline's fields: scroll the panel to it first.
    harness.get_by_label("領域を追加").scroll_to_me();
    harness.run();
    harness.get_by_label("領域を追加").click();
    harness.run();
    type_into(&mut harness, "名称", "IRB");
    harness.get_by_label("ロードブロックを追加").click();
    harness.run();
    type_into(
        &mut harness,
        "タイトル",
        "IRBの審査の質を均一化する必要があるのではないか",
    );
    for letter in ["B", "C"] {
        // The details panel's toggles come after the filter toolbar's.
        let toggle = harness
            .get_all_by_role_and_label(Role::Button, letter)
            .last()
            .map(|n| n.rect())
            .expect("toggle");
        harness.event(Event::PointerMoved(toggle.center()));
        harness.event(Event::PointerButton {
            pos: toggle.center(),
            button: egui::PointerButton::Primary,
            pressed: true,
            modifiers: Modifiers::NONE,
        });
        harness.event(Event::PointerButton {
            pos: toggle.center(),
            button: egui::PointerButton::Primary,
            pressed: false,
            modifiers: Modifiers::NONE,
        });
        harness.run();
    }
    type_into(
        &mut harness,
        "説明",
        "施設ごとに倫理審査の承認され易さが異なる",
    );
    harness
        .get_all_by_label("＋ 追加")
        .next()
        .expect("add a done item")
        .click();
    harness.run();
    type_into(
        &mut harness,
        "着手・対応済みの事項 1",
        "研究倫理審査委員会報告システムを運用している。",
    );
    harness.get_by_label("工程を追加").click();
    harness.run();
    type_into(&mut harness, "ラベル", "指針に関する周知活動の実施");
    let path = dir.path().join("irb.ron");
    harness.state_mut().save_to(&path, false);
    harness.run();
    let saved = koteihyo::io::load(&path).expect("saved");
    assert!(
        koteihyo::model::validate(&saved).is_empty(),
        "{:?}",
        koteihyo::model::validate(&saved)
    );
    let domain = &saved.domains[0];
    assert_eq!(domain.display_name(), "① IRB");
    let roadblock = &domain.roadblocks[0];
    assert_eq!(
        roadblock.heading(),
        "【IRBの審査の質を均一化する必要があるのではないか】B・C"
    );
    assert_eq!(
        roadblock.description,
        ["施設ごとに倫理審査の承認され易さが異なる"]
    );
    assert_eq!(
        roadblock.done[0].text,
        "研究倫理審査委員会報告システムを運用している。"
    );
    assert_eq!(domain.entries[0].label, "指針に関する周知活動の実施");
    assert_eq!(domain.entries[0].rows, std::slice::from_ref(&roadblock.id));
}

#[test]
fn dragging_a_roadblock_reorders_the_rows_in_one_undo_step() {
    let mut harness = harness_for(app_with(
        Some(Path::new("examples/roadblocks-after.ron")),
        None,
    ));
    let original = document(&harness);
    let from = harness.get_by_label(TITLE).rect().center();
    // Just above the third row: the lower half of the second row.
    let third = harness
        .get_by_label("【IRBに関与するAIの専門家が不足しているのではないか】D")
        .rect();
    drag(&mut harness, from, egui::pos2(from.x, third.top() - 12.0));
    let order: Vec<String> = document(&harness).domains[0]
        .roadblocks
        .iter()
        .map(|r| r.id.to_string())
        .collect();
    assert_eq!(order, ["d1.r2", "d1.r1", "d1.r3"]);
    harness.key_press_modifiers(CTRL, Key::Z);
    harness.run();
    assert_eq!(document(&harness), original);
}

#[test]
fn a_domain_header_override_and_duplicates_from_the_panel() {
    let mut harness = harness_for(app_with(
        Some(Path::new("examples/roadblocks-after.ron")),
        None,
    ));
    harness.get_by_label("① IRB").click();
    harness.run();
    // The seed's ⑦ prints 「対応済みの事項」: a page can rename a column.
    harness
        .get_by_role_and_label(Role::TextInput, "着手・対応済みの事項")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "着手・対応済みの事項")
        .type_text("対応済みの事項");
    harness.run();
    let domain = &document(&harness).domains[0];
    assert_eq!(
        domain
            .header_overrides
            .get(&koteihyo::model::ColumnKind::Done)
            .map(String::as_str),
        Some("対応済みの事項")
    );
    harness.get_by_label("複製").click();
    harness.run();
    let doc = document(&harness);
    assert_eq!(doc.domains.len(), 10);
    assert!(doc.domains[1].id.as_str().starts_with("d-"), "a new id");
    assert_eq!(
        (doc.domains[1].number, doc.domains[1].name.as_str()),
        (10, "IRB")
    );
    assert_eq!(
        koteihyo::model::validate(&doc),
        vec![],
        "the copy has its own ids"
    );
}

#[test]
fn the_open_end_suffix_and_a_column_label_set_in_the_panel_change_the_grid_header() {
    let mut harness = harness_for(app_with(
        Some(Path::new("examples/roadblocks-after.ron")),
        None,
    ));
    harness.get_by_label("令和６年（2024年）度以降");
    harness
        .get_by_role_and_label(Role::RadioButton, "～")
        .click();
    harness.run();
    harness.get_by_label("令和６年（2024年）度～");
    assert!(
        harness.query_by_label("令和６年（2024年）度以降").is_none(),
        "the old header is gone"
    );
    assert_eq!(
        document(&harness).timeline.open_end_suffix,
        koteihyo::model::OpenEndSuffix::Tilde
    );
    // Own words.
    harness
        .get_by_role_and_label(Role::RadioButton, "その他")
        .click();
    harness.run();
    type_into(&mut harness, "最後の年度の後の文言", "以降継続");
    harness.get_by_label("令和６年（2024年）度以降継続");
    // A column's header written by hand.
    harness.get_by_label("年度の見出しを書き換える").click();
    harness.run();
    type_into(&mut harness, "令和４年（2022年）度", "現在");
    assert_eq!(
        document(&harness).timeline.column_labels()[0],
        "現在",
        "the first column's header"
    );
    harness.get_by_label("現在");
    // Undo brings the computed header back and keeps the suffix: two steps.
    harness.key_press_modifiers(CTRL, Key::Z);
    harness.run();
    let labels = document(&harness).timeline.column_labels();
    assert_eq!(
        [labels[0].as_str(), labels[2].as_str()],
        ["令和４年（2022年）度", "令和６年（2024年）度以降継続"]
    );
    assert!(harness.query_by_label("現在").is_none());
    // A suffix chosen just before typing a header is its own undo step.
    harness
        .get_by_role_and_label(Role::RadioButton, "～")
        .click();
    harness.run();
    type_into(&mut harness, "令和５年（2023年）度", "来年度");
    harness.key_press_modifiers(CTRL, Key::Z);
    harness.run();
    let timeline = document(&harness).timeline;
    assert!(timeline.label_overrides.is_empty(), "{timeline:?}");
    assert_eq!(
        timeline.open_end_suffix,
        koteihyo::model::OpenEndSuffix::Tilde
    );
}
