//! 検索と置換 (Ctrl+H) and プリンターで印刷 (issue 15, items 7 and 13), driven through the window.

use crate::gui;

use std::path::Path;
use std::sync::{Arc, Mutex};

use egui::{Key, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use gui::{CTRL, app_with, document, harness_for};
use koteihyo::edit::{FindOptions, find_all};
use koteihyo::export::system_print::{PrintCommand, RunCommand, SystemPrintError};
use koteihyo::ui::app::{Dialog, KoteihyoApp};
use koteihyo::ui::selection::Selection;

fn example() -> Harness<'static, KoteihyoApp> {
    harness_for(app_with(
        Some(Path::new("examples/roadblocks-after.ron")),
        None,
    ))
}

fn type_into(harness: &mut Harness<'static, KoteihyoApp>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    harness.run();
}

#[test]
fn ctrl_h_replaces_every_match_as_one_undo_step() {
    let mut harness = example();
    harness.run();
    let original = document(&harness);
    let search = FindOptions {
        query: "IRB".to_owned(),
        match_case: true,
        whole_text: false,
    };
    let expected = find_all(&original, &search).len();
    assert!(expected > 3, "the example names IRB often");
    harness.key_press_modifiers(CTRL, Key::H);
    harness.run();
    assert!(harness.state().find.is_some(), "Ctrl+H opens the window");
    assert!(
        harness
            .get_by_role_and_label(Role::TextInput, "検索する文字列")
            .is_focused(),
        "the cursor is in the find field"
    );
    harness
        .get_by_role_and_label(Role::TextInput, "検索する文字列")
        .type_text("IRB");
    harness.run();
    harness.get_by_label("大文字と小文字を区別").click();
    harness.run();
    harness.get_by_label(&format!("{expected} 件見つかりました"));
    type_into(&mut harness, "置換後の文字列", "倫理審査委員会");
    harness.get_by_label("全て置換").click();
    harness.run();
    harness.get_by_label(&format!("{expected} 件を置換しました"));
    let replaced = document(&harness);
    assert!(find_all(&replaced, &search).is_empty());
    assert!(
        replaced.domains[0].roadblocks[0]
            .title
            .contains("倫理審査委員会")
    );
    harness.key_press_modifiers(CTRL, Key::Z);
    harness.run();
    assert!(
        document(&harness) == original,
        "one Ctrl+Z restores everything"
    );
    harness.state_mut().editor.filter.search = "IRB".to_owned();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().find.is_none(), "Escape closes the window");
    assert_eq!(harness.state().editor.filter.search, "IRB", "and only that");
}

#[test]
fn next_selects_the_match_and_replace_changes_only_it() {
    let mut harness = example();
    harness.run();
    let original = document(&harness);
    harness.key_press_modifiers(CTRL, Key::H);
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "検索する文字列")
        .type_text("審査の質を均一化");
    harness.run();
    harness.get_by_label("1 件見つかりました");
    harness.get_by_label("次へ").click();
    harness.run();
    let first = &original.domains[0].roadblocks[0];
    assert_eq!(
        harness.state().editor.selection,
        Some(Selection::Roadblock(first.id.clone()))
    );
    harness.get_by_label("1 / 1 件目");
    type_into(&mut harness, "置換後の文字列", "運用を見直す");
    harness.get_by_label("置換").click();
    harness.run();
    harness.get_by_label("1 件を置換しました");
    let after = document(&harness);
    assert_eq!(
        after.domains[0].roadblocks[0].title,
        first.title.replace("審査の質を均一化", "運用を見直す")
    );
    harness.get_by_label("閉じる").click();
    harness.run();
    assert!(harness.state().find.is_none());
}

/// A print command run, with the bytes of the file it was given.
type Printed = (PrintCommand, Vec<u8>);

/// Records the print commands instead of printing.
struct Recorder {
    commands: Arc<Mutex<Vec<Printed>>>,
    succeed: bool,
}

impl RunCommand for Recorder {
    fn run(&self, command: &PrintCommand) -> Result<(), SystemPrintError> {
        let file = command
            .env
            .first()
            .map(|(_, path)| path.clone())
            .or_else(|| command.args.last().cloned())
            .expect("the PDF's path");
        let bytes = std::fs::read(&file).unwrap_or_default();
        self.commands
            .lock()
            .expect("lock")
            .push((command.clone(), bytes));
        let _ = std::fs::remove_file(&file);
        if self.succeed {
            Ok(())
        } else {
            Err(SystemPrintError::NotFound {
                program: command.program.clone(),
            })
        }
    }
}

fn print_from_the_menu(succeed: bool) -> (Harness<'static, KoteihyoApp>, Vec<Printed>) {
    let commands = Arc::new(Mutex::new(Vec::new()));
    let mut app = app_with(Some(Path::new("examples/timeline-only.ron")), None);
    app.print_runner = Box::new(Recorder {
        commands: Arc::clone(&commands),
        succeed,
    });
    let mut harness = harness_for(app);
    harness.run();
    harness.get_by_label("ファイル").click();
    harness.run();
    harness.get_by_label("プリンターで印刷").click();
    harness.run();
    let recorded = commands.lock().expect("lock").clone();
    (harness, recorded)
}

#[test]
fn print_on_a_printer_hands_the_pdf_to_the_print_service() {
    let (harness, recorded) = print_from_the_menu(true);
    assert_eq!(recorded.len(), 1);
    let (command, pdf) = &recorded[0];
    assert!(pdf.starts_with(b"%PDF-"), "the PDF was written before");
    if cfg!(windows) {
        assert_eq!(command.program, "powershell");
    } else {
        assert_eq!(command.program, "lp");
        assert_eq!(command.args[0], "--");
    }
    let Some(Dialog::Printed(message)) = &harness.state().dialog else {
        panic!("the user is told: {:?}", harness.state().dialog);
    };
    assert!(message.starts_with("印刷を依頼しました"), "{message}");
}

#[test]
fn a_missing_print_program_is_explained_in_japanese() {
    let (harness, recorded) = print_from_the_menu(false);
    assert_eq!(recorded.len(), 1);
    let Some(Dialog::Printed(message)) = &harness.state().dialog else {
        panic!("the user is told: {:?}", harness.state().dialog);
    };
    assert!(message.contains("が見つかりません"), "{message}");
    harness.get_by_label(message);
}

#[test]
fn snapshot_find_and_replace() {
    let mut harness = example();
    harness.run();
    harness.key_press_modifiers(CTRL, Key::H);
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "検索する文字列")
        .type_text("IRB");
    harness.run();
    type_into(&mut harness, "置換後の文字列", "倫理審査委員会");
    harness.get_by_label("次へ").click();
    harness.run();
    harness.snapshot("find_replace_window");
}

#[test]
fn a_match_in_the_cover_shows_the_documents_fields() {
    let mut harness = example();
    harness.run();
    harness
        .state_mut()
        .request(koteihyo::ui::app::Request::Select(Some(Selection::Domain(
            koteihyo::model::Id::from("d1"),
        ))));
    harness.key_press_modifiers(CTRL, Key::H);
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "検索する文字列")
        .type_text("ロードブロック解消のための工程表");
    harness.run();
    harness.get_by_label("次へ").click();
    harness.run();
    assert_eq!(
        harness.state().editor.selection,
        None,
        "the title is the document's"
    );
}
