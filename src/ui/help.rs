//! ヘルプ: the keyboard shortcuts, listed from the command table, and a short usage guide.

use crate::ui::command::Command;
use crate::ui::dialogs::modal;
use crate::ui::i18n::{Key, Lang, tr};

/// Every shortcut of the command table with what it does; true when closed.
pub fn shortcuts_ui(ctx: &egui::Context, lang: Lang) -> bool {
    modal(ctx, "shortcuts", |ui| {
        ui.heading(tr(lang, Key::CommandShortcuts));
        egui::Grid::new("koteihyo-shortcuts")
            .striped(true)
            .num_columns(2)
            .show(ui, |ui| {
                for command in Command::ALL {
                    if let Some(shortcut) = command.shortcut_text() {
                        ui.label(tr(lang, command.label()));
                        ui.label(shortcut);
                        ui.end_row();
                    }
                }
            });
        ui.button(tr(lang, Key::Close)).clicked()
    })
}

/// The usage guide; true when closed.
pub fn guide_ui(ctx: &egui::Context, lang: Lang) -> bool {
    modal(ctx, "guide", |ui| {
        ui.heading(tr(lang, Key::CommandGuide));
        for paragraph in tr(lang, Key::GuideText).lines() {
            ui.label(paragraph.trim());
        }
        ui.button(tr(lang, Key::Close)).clicked()
    })
}
