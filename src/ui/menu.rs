//! The menu bar (ファイル・編集・表示・ヘルプ), built from the command table.

use crate::ui::app::{KoteihyoApp, Request};
use crate::ui::command::{Command, Menu};
use crate::ui::i18n::{Key, Lang, tr};

/// The menu bar.
pub fn menu_bar_ui(ui: &mut egui::Ui, app: &mut KoteihyoApp) {
    let lang = app.lang();
    egui::MenuBar::new().ui(ui, |ui| {
        for (menu, key) in [
            (Menu::File, Key::MenuFile),
            (Menu::Edit, Key::MenuEdit),
            (Menu::View, Key::MenuView),
            (Menu::Help, Key::MenuHelp),
        ] {
            ui.menu_button(tr(lang, key), |ui| {
                for command in Command::ALL
                    .into_iter()
                    .filter(|c| c.menu() == menu && c.in_menu())
                {
                    command_button_ui(ui, app, command);
                    if command == Command::Open {
                        recent_files_ui(ui, app);
                    }
                    if command == Command::ZoomReset {
                        language_menu_ui(ui, app);
                    }
                }
            });
        }
    });
}

fn command_button_ui(ui: &mut egui::Ui, app: &mut KoteihyoApp, command: Command) {
    let mut button = egui::Button::new(tr(app.lang(), command.label()));
    if let Some(shortcut) = command.shortcut_text() {
        button = button.shortcut_text(shortcut);
    }
    let checked = match command {
        Command::ToggleDetails => Some(!app.settings.layout.hide_details),
        Command::ToggleFitColumns => Some(app.settings.layout.fit_columns),
        Command::ToggleDarkMode => Some(app.settings.dark_mode),
        _ => None,
    };
    if let Some(checked) = checked {
        button = button.selected(checked);
    }
    let enabled = !command.acts_on_selection() || app.selection_edit(command).is_some();
    if ui.add_enabled(enabled, button).clicked() {
        app.request(Request::Command(command));
        ui.close();
    }
}

fn recent_files_ui(ui: &mut egui::Ui, app: &mut KoteihyoApp) {
    let lang = app.lang();
    ui.menu_button(tr(lang, Key::CommandOpenRecent), |ui| {
        if app.settings.recent_files.is_empty() {
            ui.label(tr(lang, Key::NoRecentFiles));
        }
        for path in app.settings.recent_files.clone() {
            if ui.button(path.display().to_string()).clicked() {
                app.request(Request::OpenPath(path));
                ui.close();
            }
        }
    });
}

fn language_menu_ui(ui: &mut egui::Ui, app: &mut KoteihyoApp) {
    ui.menu_button(tr(app.lang(), Key::CommandLanguage), |ui| {
        for lang in Lang::ALL {
            if ui.radio(app.lang() == lang, lang.native_name()).clicked() {
                app.request(Request::SetLanguage(lang));
                ui.close();
            }
        }
    });
}
