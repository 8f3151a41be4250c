//! Windows over the editor: load and save errors, the unsaved-changes question, a file changed
//! on disk, the new revision, crash recovery, settings and about.

use crate::ui::app::{Choice, Dialog, KoteihyoApp, Request};
use crate::ui::fonts::FontStatus;
use crate::ui::i18n::{Key, Lang, tr};

/// Shows the current dialog, if any.
pub fn dialogs_ui(ctx: &egui::Context, app: &mut KoteihyoApp) {
    let lang = app.lang();
    let Some(dialog) = app.dialog.clone() else {
        return;
    };
    let close = match dialog {
        Dialog::LoadError(message) => message_ui(ctx, Key::LoadErrorTitle, &message, lang),
        Dialog::SaveError(message) => message_ui(ctx, Key::SaveErrorTitle, &message, lang),
        Dialog::Unsaved(pending) => {
            modal(ctx, "unsaved", |ui| {
                ui.heading(tr(lang, Key::UnsavedTitle));
                ui.label(tr(lang, Key::UnsavedText));
                ui.horizontal(|ui| {
                    for (key, choice) in [
                        (Key::Save, Choice::Save),
                        (Key::DontSave, Choice::DontSave),
                        (Key::Cancel, Choice::Cancel),
                    ] {
                        if ui.button(tr(lang, key)).clicked() {
                            app.request(Request::Resolve(pending.clone(), choice));
                        }
                    }
                });
            });
            false
        }
        Dialog::ChangedOnDisk(path) => modal(ctx, "changed", |ui| {
            ui.heading(tr(lang, Key::ChangedOnDiskTitle));
            ui.label(path.display().to_string());
            ui.label(tr(lang, Key::ChangedOnDiskText));
            ui.horizontal(|ui| {
                let overwrite = ui.button(tr(lang, Key::Overwrite)).clicked();
                if overwrite {
                    app.request(Request::SaveOverwriting(path.clone()));
                }
                overwrite | ui.button(tr(lang, Key::Cancel)).clicked()
            })
            .inner
        }),
        Dialog::NewRevision(label, shift) => revision_ui(ctx, app, label, shift, lang),
        Dialog::Recovery(found) => {
            recovery_ui(ctx, app, &found, lang);
            false
        }
        Dialog::About => modal(ctx, "about", |ui| {
            ui.label(tr(lang, Key::AboutText));
            ui.label(format!("koteihyo {}", env!("CARGO_PKG_VERSION")));
            ui.button(tr(lang, Key::Close)).clicked()
        }),
        Dialog::Exported(path) => modal(ctx, "exported", |ui| {
            ui.heading(tr(lang, Key::PrintExported));
            ui.label(path.display().to_string());
            ui.horizontal(|ui| {
                let open = ui.button(tr(lang, Key::PrintOpenFile)).clicked();
                if open && let Err(error) = opener::open(&path) {
                    app.request(Request::ShowError(format!("{}: {error}", path.display())));
                }
                open | ui.button(tr(lang, Key::Close)).clicked()
            })
            .inner
        }),
        Dialog::Settings => settings_ui(ctx, app, lang),
    };
    if close {
        app.dialog = None;
    }
}

/// A modal window; returns what `content` returns.
fn modal<R>(ctx: &egui::Context, name: &str, content: impl FnOnce(&mut egui::Ui) -> R) -> R {
    egui::Modal::new(egui::Id::unique(("koteihyo-dialog", name)))
        .show(ctx, |ui| {
            ui.set_max_width(560.0);
            content(ui)
        })
        .inner
}

/// An error message with OK; true when dismissed.
fn message_ui(ctx: &egui::Context, title: Key, message: &str, lang: Lang) -> bool {
    modal(ctx, "message", |ui| {
        ui.heading(tr(lang, title));
        ui.label(message);
        ui.button(tr(lang, Key::Ok)).clicked()
    })
}

/// The new revision's label and shift; true when cancelled.
fn revision_ui(
    ctx: &egui::Context,
    app: &mut KoteihyoApp,
    mut label: String,
    mut shift: i32,
    lang: Lang,
) -> bool {
    let close = modal(ctx, "revision", |ui| {
        ui.heading(tr(lang, Key::RevisionTitle));
        let name = ui.label(tr(lang, Key::FieldRevisionLabel));
        ui.text_edit_singleline(&mut label).labelled_by(name.id);
        ui.horizontal(|ui| {
            let name = ui.label(tr(lang, Key::RevisionShift));
            ui.add(egui::DragValue::new(&mut shift).range(-30..=30))
                .labelled_by(name.id);
        });
        ui.horizontal(|ui| {
            if ui.button(tr(lang, Key::CommandSaveAs)).clicked() {
                app.request(Request::SaveRevision(label.clone(), shift));
            }
            ui.button(tr(lang, Key::Cancel)).clicked()
        })
        .inner
    });
    if !close {
        app.dialog = Some(Dialog::NewRevision(label, shift));
    }
    close
}

/// 復元 / 破棄 for each recovery file found.
fn recovery_ui(
    ctx: &egui::Context,
    app: &mut KoteihyoApp,
    found: &[crate::io::Recovery],
    lang: Lang,
) {
    modal(ctx, "recovery", |ui| {
        ui.heading(tr(lang, Key::RecoveryTitle));
        ui.label(tr(lang, Key::RecoveryText));
        for recovery in found {
            ui.separator();
            let file = recovery.original.as_ref().map_or_else(
                || tr(lang, Key::Untitled).to_owned(),
                |p| p.display().to_string(),
            );
            ui.label(format!(
                "{file} — {}",
                describe_time(recovery.saved_at, lang)
            ));
            ui.horizontal(|ui| {
                if ui.button(tr(lang, Key::Restore)).clicked() {
                    app.request(Request::Recover(recovery.recovery_file.clone(), true));
                }
                if ui.button(tr(lang, Key::Discard)).clicked() {
                    app.request(Request::Recover(recovery.recovery_file.clone(), false));
                }
            });
        }
    });
}

/// 「2026-11-24 09:30:00 UTC」 (or "… ago" in minutes when recent).
fn describe_time(time: std::time::SystemTime, lang: Lang) -> String {
    let ago = std::time::SystemTime::now()
        .duration_since(time)
        .unwrap_or_default()
        .as_secs()
        / 60;
    let seconds = time
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs();
    let (days, rest) = (seconds / 86_400, seconds % 86_400);
    let (year, month, day) = civil_from_days(days as i64);
    let clock = format!(
        "{year}-{month:02}-{day:02} {:02}:{:02} UTC",
        rest / 3600,
        rest % 3600 / 60
    );
    match lang {
        Lang::Ja => format!("{clock}（{ago}分前）"),
        Lang::En => format!("{clock} ({ago} min ago)"),
    }
}

/// The calendar date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

fn settings_ui(ctx: &egui::Context, app: &mut KoteihyoApp, lang: Lang) -> bool {
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
    !open
}

#[cfg(test)]
mod tests {
    use super::civil_from_days;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_416), (2025, 11, 24));
        assert_eq!(civil_from_days(19_417), (2023, 3, 1));
    }
}
