//! The editor window, driven through accessibility queries with `egui_kittest` on the example
//! roadmaps. Every harness installs the system's Japanese font first (CI installs
//! fonts-noto-cjk); kittest panics on a missing glyph, so tofu cannot pass unnoticed.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use egui::{Key, Modifiers, Role, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use koteihyo::font::find_installed;
use koteihyo::ui::app::{Dialog, KoteihyoApp};
use koteihyo::ui::fonts::{FontStatus, install_face};
use koteihyo::ui::selection::Selection;
use koteihyo::ui::settings::Settings;

/// An example by its path relative to the crate root (where cargo runs tests), so that the
/// status bar, and with it the snapshots, do not depend on where the repository is cloned.
fn example(name: &str) -> PathBuf {
    Path::new("examples").join(name)
}

/// A harness around the real app with `file` open, `width` × `height` points.
fn harness(file: Option<&Path>, width: f32, height: f32) -> Harness<'static, KoteihyoApp> {
    crate::gui::harness_sized(crate::gui::app_with(file, None), width, height)
}

fn after() -> koteihyo::model::Document {
    koteihyo::io::load(&example("roadblocks-after.ron")).expect("example loads")
}

#[test]
fn shows_the_nine_domains_and_the_three_fiscal_years() {
    let harness = harness(Some(&example("roadblocks-after.ron")), 1800.0, 9000.0);
    for domain in &after().domains {
        harness.get_by_label(&domain.display_name());
    }
    for label in [
        "令和４年（2022年）度",
        "令和５年（2023年）度",
        "令和６年（2024年）度以降",
    ] {
        harness.get_by_label(label);
    }
    // A timeline entry is drawn and labelled too.
    harness.get_by_label("指針に関する周知活動の実施");
}

#[test]
fn clicking_a_roadblock_shows_its_title_and_categories_in_the_panel() {
    let mut harness = harness(Some(&example("roadblocks-after.ron")), 1600.0, 1000.0);
    harness
        .get_by_label("【IRBの審査の質を均一化する必要があるのではないか】B・C")
        .click();
    harness.run();
    assert_eq!(
        harness.state().editor.selection,
        Some(Selection::Roadblock("d1.r1".into()))
    );
    let title = harness.get_by_label("タイトル");
    assert_eq!(
        title.value().as_deref(),
        Some("IRBの審査の質を均一化する必要があるのではないか")
    );
    harness.get_by_label("B 運用ガイドラインの作成や制度の運用の変更が必要な事項");
    harness.get_by_label("C 現行制度の周知が必要な事項");
    assert!(harness.query_by_label("A 法改正が必要な事項").is_none());
}

#[test]
fn clicking_an_entry_and_an_item_selects_them() {
    let mut harness = harness(Some(&example("roadblocks-after.ron")), 1600.0, 1000.0);
    harness.get_by_label("指針に関する周知活動の実施").click();
    harness.run();
    assert_eq!(
        harness.state().editor.selection,
        Some(Selection::Entry("d1.t2".into()))
    );
    assert_eq!(
        harness.get_by_label("ラベル").value().as_deref(),
        Some("指針に関する周知活動の実施")
    );
    harness.get_by_label("＜指針上可能なこと＞").click();
    harness.run();
    assert_eq!(
        harness.state().editor.selection,
        Some(Selection::Item("d1.r2.done2".into()))
    );
}

#[test]
fn filtering_by_category_a_leaves_only_roadblocks_tagged_a() {
    let mut harness = harness(Some(&example("roadblocks-after.ron")), 1800.0, 9000.0);
    harness.get_by_role_and_label(Role::Button, "A").click();
    harness.run();
    let expected: BTreeSet<String> = after()
        .domains
        .iter()
        .flat_map(|d| &d.roadblocks)
        .filter(|r| r.categories.contains(&'A'))
        .map(koteihyo::model::Roadblock::heading)
        .collect();
    assert!(!expected.is_empty());
    let shown: BTreeSet<String> = harness
        .query_all_by(|node| {
            node.role() == Role::Button && node.label().is_some_and(|l| l.starts_with('【'))
        })
        .filter_map(|node| node.accesskit_node().label())
        .collect();
    assert_eq!(shown, expected);
}

#[test]
fn switching_to_english_changes_the_menus() {
    let mut harness = harness(None, 1200.0, 800.0);
    harness.get_by_label("ファイル");
    harness.get_by_label("表示").click();
    harness.run();
    harness.get_by_label("言語").click();
    harness.run();
    harness.get_by_label("English").click();
    harness.run();
    for label in ["File", "Edit", "View", "Help"] {
        harness.get_by_label(label);
    }
    assert!(harness.query_by_label("ファイル").is_none());
}

#[test]
fn a_broken_file_shows_its_error_and_keeps_the_document() {
    let mut harness = harness(Some(&example("roadblocks-after.ron")), 1400.0, 900.0);
    let broken = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad/truncated.ron");
    harness.state_mut().open_path(&broken);
    harness.run();
    let Some(Dialog::LoadError(failure)) = harness.state().dialog.clone() else {
        panic!("no error dialog")
    };
    assert!(failure.path.ends_with("truncated.ron"), "{failure:?}");
    let message =
        "42行33列の付近でファイルが途中で終わっています（保存の途中で切れたのかもしれません）";
    assert_eq!(failure.sentence(koteihyo::model::Lang::Ja), message);
    harness.get_by_label("ファイルを開けませんでした");
    harness.get_by_label(message);
    let open = harness
        .state()
        .open
        .as_ref()
        .expect("the previous document stays");
    assert!(
        open.path
            .as_ref()
            .is_some_and(|p| p.ends_with("roadblocks-after.ron"))
    );
    harness.get_by_label("戻る").click();
    harness.run();
    assert_eq!(harness.state().dialog, None);
    harness.get_by_label("① IRB");
}

#[test]
fn arrow_keys_move_the_selection_and_enter_focuses_the_panel() {
    let mut harness = harness(Some(&example("roadblocks-after.ron")), 1600.0, 1000.0);
    harness.key_press(Key::ArrowDown);
    harness.run();
    assert_eq!(
        harness.state().editor.selection,
        Some(Selection::Domain("d1".into()))
    );
    harness.key_press(Key::ArrowDown);
    harness.run();
    assert_eq!(
        harness.state().editor.selection,
        Some(Selection::Roadblock("d1.r1".into()))
    );
    harness.key_press(Key::Enter);
    harness.run();
    assert!(harness.get_by_label("タイトル").is_focused());
}

#[test]
fn ctrl_f_focuses_search_and_search_filters_rows() {
    let mut harness = harness(Some(&example("roadblocks-after.ron")), 1800.0, 9000.0);
    harness.key_press_modifiers(Modifiers::CTRL | Modifiers::COMMAND, Key::F);
    harness.run();
    let search = harness.get_by_label("検索");
    assert!(search.is_focused());
    search.type_text("匿名化");
    harness.run();
    let shown: Vec<String> = harness
        .query_all_by(|node| {
            node.role() == Role::Button && node.label().is_some_and(|l| l.starts_with('【'))
        })
        .filter_map(|node| node.accesskit_node().label())
        .collect();
    assert_eq!(shown, ["【匿名化の基準が必要ではないか】D"]);
}

#[test]
fn snapshot_grid_of_irb_after() {
    let mut harness = harness(Some(&example("roadblocks-after.ron")), 1500.0, 950.0);
    harness.snapshot("grid_irb_after");
}

#[test]
fn snapshot_side_panel() {
    let mut harness = harness(Some(&example("roadblocks-after.ron")), 1500.0, 950.0);
    harness
        .get_by_label(
            "【自施設での審査が困難な場合等に相談できる（Central ）AI-IRBが必要ではないか】C",
        )
        .click();
    harness.run();
    harness.snapshot("side_panel_roadblock");
}

#[test]
fn a_missing_japanese_font_shows_a_banner_naming_the_fix() {
    let face = find_installed().expect("a Japanese font is installed");
    let status = FontStatus::Missing {
        error: "no Japanese font is installed".into(),
    };
    let app = KoteihyoApp::with_font_status(Settings::default(), None, status);
    // The test context still gets the font: kittest refuses to draw tofu, and the banner is what
    // is under test here.
    let harness = Harness::builder()
        .with_size(vec2(1200.0, 600.0))
        .with_context_setup(move |ctx| install_face(ctx, &face))
        .build_ui_state(|ui, app: &mut KoteihyoApp| app.frame(ui), app);
    harness.get_by_label_contains("sudo apt install fonts-noto-cjk");
}

/// A file dropped on the window, as eframe hands it to egui.
#[derive(Debug)]
struct DroppedPath(PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_ron_file_opens_it() {
    let mut harness = harness(None, 1400.0, 900.0);
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedPath(example(
            "roadblocks-before.ron",
        ))));
    harness.run();
    let open = harness
        .state()
        .open
        .as_ref()
        .expect("the dropped file is open");
    assert_eq!(open.document.meta.revision_label, "見直し前");
    harness.get_by_label("令和２年（2020年）度");
    assert!(harness.state().settings.recent_files[0].ends_with("roadblocks-before.ron"));
}

/// The 取組事項 header cell of the grid (the panel's column choice has the same words).
fn actions_header(harness: &Harness<'static, KoteihyoApp>) -> egui::Rect {
    harness
        .get_all_by_label("取組事項")
        .find(|node| node.accesskit_node().role() != Role::CheckBox)
        .expect("the header cell")
        .rect()
}

/// Drags the right edge of the 取組事項 header 50 points to the right.
fn drag_actions_edge(harness: &mut Harness<'static, KoteihyoApp>) {
    // The header cell's accessible rect is inset 4 points; its right edge is the resize handle.
    let edge = actions_header(harness).right_center() + vec2(4.0, 0.0);
    let press = |pressed| egui::Event::PointerButton {
        pos: edge,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    harness.event(egui::Event::PointerMoved(edge));
    harness.event(press(true));
    for step in 1..=5 {
        harness.event(egui::Event::PointerMoved(
            edge + vec2(10.0 * step as f32, 0.0),
        ));
    }
    harness.event(egui::Event::PointerButton {
        pos: edge + vec2(50.0, 0.0),
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.run();
}

fn actions_width(harness: &Harness<'static, KoteihyoApp>) -> f32 {
    harness
        .state()
        .settings
        .column_widths
        .of(&koteihyo::model::ColumnKind::Actions)
}

#[test]
fn dragging_a_header_edge_resizes_the_column() {
    let mut harness = harness(Some(&example("roadblocks-after.ron")), 1600.0, 1000.0);
    harness.state_mut().settings.layout.fit_columns = false;
    harness.run();
    let before = actions_width(&harness);
    drag_actions_edge(&mut harness);
    let after = actions_width(&harness);
    assert!(
        (after - before - 50.0).abs() < 6.0,
        "width {before} → {after}"
    );
}

#[test]
fn dragging_a_header_edge_of_fitted_columns_keeps_what_is_seen() {
    let mut harness = harness(Some(&example("roadblocks-after.ron")), 1600.0, 1000.0);
    assert!(
        harness.state().settings.layout.fit_columns,
        "fitted by default"
    );
    // The header cell's accessible rect is inset 4 points on each side.
    let seen = actions_header(&harness).width() + 8.0;
    drag_actions_edge(&mut harness);
    let after = actions_width(&harness);
    assert!(
        (after - seen - 50.0).abs() < 6.0,
        "seen {seen} → kept {after}"
    );
    assert!(
        !harness.state().settings.layout.fit_columns,
        "a dragged width turns fitting off"
    );
}

/// The URLs the app asked the platform to open in the last frame.
fn opened_urls(harness: &Harness<'static, KoteihyoApp>) -> Vec<String> {
    harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|command| match command {
            egui::OutputCommand::OpenUrl(open) => Some(open.url.clone()),
            _ => None,
        })
        .collect()
}

/// The links the window shows, but those to a roadblock (【title】, which select it).
fn links_shown(harness: &Harness<'static, KoteihyoApp>) -> Vec<String> {
    harness
        .query_all_by_role(Role::Link)
        .filter_map(|node| node.accesskit_node().label())
        .filter(|label| !label.starts_with('【'))
        .collect()
}

#[test]
fn a_link_opens_only_when_the_user_clicks_it() {
    // ① has an action item whose text holds two https:// links. Selecting it, double-clicking
    // it and printing open nothing; the panel lists its links, and a click on one opens exactly
    // that URL. Each action is checked in the frame that handles it.
    let mut harness = harness(Some(&example("roadblocks-after.ron")), 1600.0, 1000.0);
    let cell = "ガイダンス」https://www.mhlw.go.jp/content/000769923.pdf及び";
    let url = "https://www.mhlw.go.jp/content/000769923.pdf";
    harness.get_by_label_contains(cell).click();
    harness.step();
    assert_eq!(opened_urls(&harness), Vec::<String>::new());
    harness.run();
    assert_eq!(
        links_shown(&harness),
        [
            url.to_owned(),
            "https://www.mhlw.go.jp/content/000769921.pdf".to_owned()
        ]
    );
    harness.get_by_label(url).click();
    harness.step();
    assert_eq!(opened_urls(&harness), [url]);
    harness.run();
    harness.get_by_label_contains(cell).click();
    harness.step();
    harness.get_by_label_contains(cell).click();
    harness.step();
    assert_eq!(opened_urls(&harness), Vec::<String>::new());
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::P);
    harness.step();
    assert_eq!(opened_urls(&harness), Vec::<String>::new());
    harness.run();
    harness.get_by_label_contains("ページ 1 /");
}

#[test]
fn only_web_addresses_become_links() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("schemes.ron");
    let text = std::fs::read_to_string(example("roadblocks-after.ron"))
        .expect("read")
        .replace(
            "Ｑ＆Ａの追加・更新についてhttps://www.ppc.go.jp/files/pdf/2205_APPI_QA_tsuikakoushin.pdf",
            "Ｑ＆Ａの追加・更新について file:///etc/passwd javascript:alert(1) mailto:x@example.jp https://example.org/ok",
        );
    std::fs::write(&path, text).expect("write");
    // Tall enough to show every domain.
    let mut harness = harness(Some(&path), 1600.0, 9000.0);
    harness
        .get_by_label_contains("Ｑ＆Ａの追加・更新について file:")
        .click();
    harness.run();
    assert_eq!(links_shown(&harness), ["https://example.org/ok"]);
}
