//! Windows over the editor: the load error, settings (font), about.

use crate::ui::app::{Dialog, KoteihyoApp, Request};
use crate::ui::fonts::FontStatus;
use crate::ui::i18n::{Key, tr};

/// Shows the current dialog, if any.
pub fn dialogs_ui(ctx: &egui::Context, app: &mut KoteihyoApp) {
    let lang = app.lang();
    let mut close = false;
    match app.dialog.clone() {
        None => {}
        Some(Dialog::LoadError(message)) => {
            egui::Modal::new(egui::Id::unique("koteihyo-load-error")).show(ctx, |ui| {
                ui.heading(tr(lang, Key::LoadErrorTitle));
                ui.label(&message);
                if ui.button(tr(lang, Key::Ok)).clicked() {
                    close = true;
                }
            });
        }
        Some(Dialog::About) => {
            egui::Modal::new(egui::Id::unique("koteihyo-about")).show(ctx, |ui| {
                ui.label(tr(lang, Key::AboutText));
                ui.label(format!("koteihyo {}", env!("CARGO_PKG_VERSION")));
                if ui.button(tr(lang, Key::Close)).clicked() {
                    close = true;
                }
            });
        }
        Some(Dialog::Settings) => {
            let mut open = true;
            egui::Window::new(tr(lang, Key::SettingsTitle))
                .open(&mut open)
                .collapsible(false)
                .show(ctx, |ui| {
                    ui.strong(tr(lang, Key::SettingsFont));
                    match &app.font_status {
                        FontStatus::Japanese { family, path } => {
                            ui.label(format!(
                                "{}: {family} ({})",
                                tr(lang, Key::SettingsFontInUse),
                                path.display()
                            ));
                        }
                        FontStatus::ChosenUnusable { error, fallback } => {
                            ui.colored_label(
                                ui.visuals().warn_fg_color,
                                format!("{}: {error}", tr(lang, Key::FontChosenUnusable)),
                            );
                            if let Some(family) = fallback {
                                ui.label(format!("{}: {family}", tr(lang, Key::SettingsFontInUse)));
                            }
                        }
                        FontStatus::Missing { error } => {
                            ui.colored_label(ui.visuals().warn_fg_color, error);
                        }
                    }
                    ui.horizontal(|ui| {
                        if ui.button(tr(lang, Key::SettingsFontChoose)).clicked() {
                            app.request(Request::ChooseFontFile);
                        }
                        if app.settings.font_file.is_some()
                            && ui.button(tr(lang, Key::SettingsFontReset)).clicked()
                        {
                            app.request(Request::SetFontFile(None));
                        }
                    });
                });
            close = !open;
        }
    }
    if close {
        app.dialog = None;
    }
}
