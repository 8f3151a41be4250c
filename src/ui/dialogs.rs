//! Windows over the editor: load and save errors, the unsaved-changes question, a file changed
//! on disk, the new revision, crash recovery, settings and about.

use crate::ui::app::{Choice, Dialog, KoteihyoApp, Pending, Request};
use crate::ui::compare::CompareAction;
use crate::ui::fonts::FontStatus;
use crate::ui::i18n::{Key, Lang, tr};
use crate::ui::removal::RoadblockRemoval;

/// Shows the current dialog, if any.
pub fn dialogs_ui(ctx: &egui::Context, app: &mut KoteihyoApp) {
    let lang = app.lang();
    let Some(dialog) = app.dialog.clone() else {
        return;
    };
    let close = match dialog {
        Dialog::LoadError(failure) => crate::ui::load_failure::dialog_ui(ctx, app, &failure),
        Dialog::SaveError(message) => message_ui(ctx, Key::SaveErrorTitle, &message, lang),
        Dialog::Printed(message) => message_ui(ctx, Key::CommandPrintToPrinter, &message, lang),
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
        Dialog::ChangedOnDisk(path) => changed_on_disk_ui(ctx, app, &path),
        Dialog::RemoveRoadblock(removal) => remove_roadblock_ui(ctx, app, &removal),
        Dialog::DropComments(path, overwrite_changed) => modal(ctx, "comments", |ui| {
            ui.heading(tr(lang, Key::CommentsTitle));
            ui.label(path.display().to_string());
            ui.label(tr(lang, Key::CommentsText));
            ui.horizontal(|ui| {
                let drop = ui.button(tr(lang, Key::CommentsDropAndSave)).clicked();
                if drop {
                    app.request(Request::SaveDroppingComments(
                        path.clone(),
                        overwrite_changed,
                    ));
                }
                let save_as = ui.button(tr(lang, Key::CommandSaveAs)).clicked();
                if save_as {
                    app.request(Request::Command(crate::ui::command::Command::SaveAs));
                }
                drop | save_as | ui.button(tr(lang, Key::Cancel)).clicked()
            })
            .inner
        }),
        Dialog::OpenElsewhere(path) => modal(ctx, "elsewhere", |ui| {
            ui.heading(tr(lang, Key::OpenElsewhereTitle));
            ui.label(path.display().to_string());
            ui.label(tr(lang, Key::OpenElsewhereText));
            ui.button(tr(lang, Key::Ok)).clicked()
        }),
        Dialog::CannotCompare(ids) => modal(ctx, "cannot-compare", |ui| {
            ui.heading(tr(lang, Key::CannotCompareTitle));
            ui.label(tr(lang, Key::CannotCompareText));
            ui.label(ids.join(", "));
            ui.button(tr(lang, Key::Ok)).clicked()
        }),
        Dialog::NewRevision(label, shift) => revision_ui(ctx, app, label, shift, lang),
        Dialog::Recovery(found) => {
            recovery_ui(ctx, app, &found, lang);
            false
        }
        Dialog::Shortcuts => crate::ui::help::shortcuts_ui(ctx, lang),
        Dialog::Guide => crate::ui::help::guide_ui(ctx, lang),
        Dialog::About => modal(ctx, "about", |ui| {
            ui.label(tr(lang, Key::AboutText));
            // The version and the git revision of the build, as `koteihyo --version` prints.
            ui.label(format!(
                "{} {}",
                tr(lang, Key::AboutVersion),
                crate::VERSION
            ));
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
pub(crate) fn modal<R>(
    ctx: &egui::Context,
    name: &str,
    content: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    egui::Modal::new(egui::Id::unique(("koteihyo-dialog", name)))
        .show(ctx, |ui| {
            ui.set_max_width(560.0);
            content(ui)
        })
        .inner
}

/// The file changed on disk since it was opened: 上書き, 再読み込み, 比較 or キャンセル; true when answered.
fn changed_on_disk_ui(ctx: &egui::Context, app: &mut KoteihyoApp, path: &std::path::Path) -> bool {
    let lang = app.lang();
    modal(ctx, "changed", |ui| {
        ui.heading(tr(lang, Key::ChangedOnDiskTitle));
        ui.label(path.display().to_string());
        ui.label(tr(lang, Key::ChangedOnDiskText));
        ui.horizontal(|ui| {
            let overwrite = ui.button(tr(lang, Key::Overwrite)).clicked();
            if overwrite {
                app.request(Request::SaveOverwriting(path.to_path_buf()));
            }
            let reload = ui.button(tr(lang, Key::Reload)).clicked();
            if reload {
                // The user chose to drop the window's changes for the file on disk.
                app.request(Request::Resolve(
                    Pending::Open(path.to_path_buf()),
                    Choice::DontSave,
                ));
            }
            let compare = ui.button(tr(lang, Key::CompareWithDisk)).clicked();
            if compare {
                app.request(Request::Compare(CompareAction::WithFile(
                    path.to_path_buf(),
                )));
            }
            overwrite | reload | compare | ui.button(tr(lang, Key::Cancel)).clicked()
        })
        .inner
    })
}

/// Deleting a roadblock that bars span alone: with them, keeping them on the domain, or not at all.
fn remove_roadblock_ui(
    ctx: &egui::Context,
    app: &mut KoteihyoApp,
    removal: &RoadblockRemoval,
) -> bool {
    let lang = app.lang();
    modal(ctx, "remove-roadblock", |ui| {
        ui.heading(tr(lang, Key::RemoveRoadblockTitle));
        ui.label(format!("【{}】", removal.title));
        ui.label(tr(lang, Key::RemoveRoadblockText));
        for label in &removal.entry_labels {
            ui.label(format!("・{label}"));
        }
        ui.horizontal(|ui| {
            let mut answered = false;
            for (key, with_entries) in [
                (Key::RemoveWithEntries, true),
                (Key::KeepEntriesOnDomain, false),
            ] {
                if ui.button(tr(lang, key)).clicked() {
                    app.request(Request::RemoveRoadblock(removal.clone(), with_entries));
                    answered = true;
                }
            }
            answered | ui.button(tr(lang, Key::Cancel)).clicked()
        })
        .inner
    })
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

/// 「2026-11-24 18:30（12分前）」 in the computer's own time zone.
fn describe_time(time: std::time::SystemTime, lang: Lang) -> String {
    let ago = std::time::SystemTime::now()
        .duration_since(time)
        .unwrap_or_default()
        .as_secs()
        / 60;
    let clock = local_time(time, jiff::tz::TimeZone::system());
    match lang {
        Lang::Ja => format!("{clock}（{ago}分前）"),
        Lang::En => format!("{clock} ({ago} min ago)"),
    }
}

/// `time` as 「2026-11-24 18:30」 in `zone` (the UTC offset shown when the zone has no name
/// of its own, as a machine without time-zone data).
fn local_time(time: std::time::SystemTime, zone: jiff::tz::TimeZone) -> String {
    match jiff::Timestamp::try_from(time) {
        Ok(timestamp) => {
            let zoned = timestamp.to_zoned(zone);
            let name = zoned.time_zone().iana_name().map_or_else(
                || format!(" (UTC{})", zoned.strftime("%:z")),
                |_| String::new(),
            );
            format!("{}{name}", zoned.strftime("%Y-%m-%d %H:%M"))
        }
        Err(_) => "?".to_owned(),
    }
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
    use super::local_time;
    use std::time::{Duration, UNIX_EPOCH};

    #[test]
    fn recovery_times_are_local() {
        let time = UNIX_EPOCH + Duration::from_hours(490_000); // 2025-11-24 16:00 UTC
        let tokyo = jiff::tz::TimeZone::get("Asia/Tokyo").expect("time-zone data");
        assert_eq!(local_time(time, tokyo), "2025-11-25 01:00");
        let fixed = jiff::tz::TimeZone::fixed(jiff::tz::offset(9));
        assert_eq!(local_time(time, fixed), "2025-11-25 01:00 (UTC+09:00)");
    }
}
