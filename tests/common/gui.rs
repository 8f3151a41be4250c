//! Helpers of the editing and saving UI tests: the app on an example, a harness with the
//! Japanese face, the first roadblock's title put in edit.
// Each test binary uses its own subset of these.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use egui::{Key, Modifiers, Role, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use koteihyo::font::find_installed;
use koteihyo::io::RecoveryStore;
use koteihyo::model::Document;
use koteihyo::ui::app::KoteihyoApp;
use koteihyo::ui::fonts::{FontStatus, install_face};
use koteihyo::ui::settings::Settings;

/// The first roadblock of ① in both examples, as the grid labels it.
pub const TITLE: &str = "【IRBの審査の質を均一化する必要があるのではないか】B・C";
/// Ctrl (Cmd on macOS) as kittest sends it.
pub const CTRL: Modifiers = Modifiers {
    ctrl: true,
    command: true,
    ..Modifiers::NONE
};

/// A copy of the 見直し後 example in a fresh folder.
pub fn copy_of_example(dir: &Path) -> PathBuf {
    let path = dir.join("after.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/roadblocks-after.ron"),
        &path,
    )
    .expect("copy");
    path
}

/// The app with `file` open, fonts from the system, and a recovery folder if given.
pub fn app_with(file: Option<&Path>, recovery: Option<&Path>) -> KoteihyoApp {
    let face = find_installed().expect("a Japanese font is installed (apt install fonts-noto-cjk)");
    let status = FontStatus::Japanese {
        family: face.family,
        path: face.path,
    };
    let mut app = KoteihyoApp::with_font_status(Settings::default(), file, status);
    app.recovery = recovery.map(RecoveryStore::new);
    app
}

/// A 1600×1000 harness around `app` with the Japanese face installed.
pub fn harness_for(app: KoteihyoApp) -> Harness<'static, KoteihyoApp> {
    harness_sized(app, 1600.0, 1000.0)
}

/// A `width` × `height` harness around `app` with the Japanese face installed.
pub fn harness_sized(app: KoteihyoApp, width: f32, height: f32) -> Harness<'static, KoteihyoApp> {
    let face = find_installed().expect("a Japanese font is installed");
    Harness::builder()
        .with_size(vec2(width, height))
        .with_context_setup(move |ctx| install_face(ctx, &face))
        .build_ui_state(|ui, app: &mut KoteihyoApp| app.frame(ui), app)
}

/// The 見直し後 example in a 1600×1000 harness, settled.
pub fn after_example() -> Harness<'static, KoteihyoApp> {
    let mut harness = harness_for(app_with(
        Some(Path::new("examples/roadblocks-after.ron")),
        None,
    ));
    harness.run();
    harness
}

/// The open document.
pub fn document(harness: &Harness<'_, KoteihyoApp>) -> Document {
    harness
        .state()
        .open
        .as_ref()
        .expect("a document is open")
        .document
        .clone()
}

/// Clicks the first roadblock of ① and puts the cursor in its title, all text selected.
pub fn edit_first_title(harness: &mut Harness<'static, KoteihyoApp>) {
    harness.get_by_label(TITLE).click();
    harness.run();
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "タイトル")
        .click();
    harness.run();
    harness.key_press_modifiers(CTRL, Key::A);
    harness.run();
}

/// Types `text` as the first roadblock's title (replacing it), as a user would.
pub fn retitle_first(harness: &mut Harness<'static, KoteihyoApp>, text: &str) {
    edit_first_title(harness);
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "タイトル")
        .type_text(text);
    harness.run();
}

/// Right-clicks the middle of year column `column` (from 0) in the grid row whose roadblock
/// cell is labelled `row`, as a drafter opens the menu that adds an entry there.
pub fn right_click_year(harness: &mut Harness<'static, KoteihyoApp>, row: &str, column: usize) {
    let year_width = harness.state().settings.column_widths.year;
    let cell = harness.get_by_role_and_label(Role::Cell, row).rect();
    let at = egui::pos2(
        cell.left() + year_width * (column as f32 + 0.5),
        cell.center().y,
    );
    let button = |pressed| egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Secondary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    harness.event(egui::Event::PointerMoved(at));
    harness.event(button(true));
    harness.event(button(false));
    harness.run();
}

/// Double-clicks the widget labelled `label` (opens the in-place editor on a cell's text).
pub fn double_click(harness: &mut Harness<'static, KoteihyoApp>, label: &str) {
    let at = harness.get_by_label(label).rect().center();
    let button = |pressed| egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    harness.input_mut().events.extend([
        egui::Event::PointerMoved(at),
        button(true),
        button(false),
        button(true),
        button(false),
    ]);
    harness.run();
}

/// The first roadblock retitled 「x」 in the window, then the file changed on disk by someone
/// else (資料２－２ → 資料３); returns what they wrote.
pub fn edit_while_someone_saves(
    harness: &mut Harness<'static, KoteihyoApp>,
    path: &Path,
) -> String {
    retitle_first(harness, "x");
    let theirs = std::fs::read_to_string(path)
        .expect("read")
        .replace("資料２－２", "資料３");
    std::fs::write(path, &theirs).expect("someone else saves");
    theirs
}

/// The window on a copy of the example in `dir`, the first title edited while someone else saves
/// the file, then Ctrl+S: the changed-on-disk question is up. Returns the harness, the file and
/// what the other person wrote.
pub fn saving_after_someone_else(dir: &Path) -> (Harness<'static, KoteihyoApp>, PathBuf, String) {
    let path = copy_of_example(dir);
    let mut harness = harness_for(app_with(Some(&path), None));
    let theirs = edit_while_someone_saves(&mut harness, &path);
    harness.key_press_modifiers(CTRL, Key::S);
    harness.run();
    assert_eq!(
        harness.state().dialog,
        Some(koteihyo::ui::app::Dialog::ChangedOnDisk(path.clone()))
    );
    (harness, path, theirs)
}
