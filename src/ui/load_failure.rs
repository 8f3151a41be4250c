//! A file that could not be opened: the dialog saying what is probably wrong and where, in the
//! UI's language (the words come from `io::LoadError`), with 「テキストエディタで開く」 and 「戻る」;
//! after it closes, the status bar keeps the failure (a click shows it again).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::io::LoadError;
use crate::model::Lang;
use crate::ui::app::{Dialog, KoteihyoApp, Request};
use crate::ui::dialogs::modal;
use crate::ui::i18n::{Key, tr};

/// A load error as the window shows it: the file, and the sentence and detail in each language
/// (worded once, when it happened, so that switching language switches them too).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadFailure {
    /// The file that could not be opened.
    pub path: PathBuf,
    /// Per language of [`Lang::ALL`]: what is wrong and where, and the technical detail line.
    texts: Vec<(String, Option<String>)>,
}

impl LoadFailure {
    /// The failure of loading a file.
    #[must_use]
    pub fn of(error: &LoadError) -> Self {
        Self {
            path: error.path().to_path_buf(),
            texts: Lang::ALL
                .iter()
                .map(|&lang| (error.sentence(lang), error.detail_line(lang)))
                .collect(),
        }
    }

    fn texts(&self, lang: Lang) -> (&str, Option<&str>) {
        let index = Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0);
        self.texts
            .get(index)
            .map_or(("", None), |(sentence, detail)| {
                (sentence.as_str(), detail.as_deref())
            })
    }

    /// What is probably wrong and where, in `lang`: 「500行25列の付近で「)」が足りないようです」.
    #[must_use]
    pub fn sentence(&self, lang: Lang) -> &str {
        self.texts(lang).0
    }

    /// The technical detail in `lang` (「詳細: Expected identifier」), when there is one.
    #[must_use]
    pub fn detail(&self, lang: Lang) -> Option<&str> {
        self.texts(lang).1
    }

    /// The file's name, for the status bar.
    fn file_name(&self) -> String {
        self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        )
    }
}

/// The load-error dialog: title, file, what is wrong, the detail; テキストエディタで開く / 戻る.
/// Returns true when it is to close.
pub(crate) fn dialog_ui(ctx: &egui::Context, app: &mut KoteihyoApp, failure: &LoadFailure) -> bool {
    let lang = app.lang();
    modal(ctx, "load-error", |ui| {
        ui.heading(tr(lang, Key::LoadErrorTitle));
        ui.label(failure.path.display().to_string());
        ui.add_space(4.0);
        ui.label(egui::RichText::new(failure.sentence(lang)).strong());
        if let Some(detail) = failure.detail(lang) {
            ui.label(egui::RichText::new(detail).small().weak());
        }
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            let edit = ui
                .button(tr(lang, Key::LoadErrorOpenInTextEditor))
                .clicked();
            if edit {
                app.request(Request::OpenInTextEditor(failure.path.clone()));
            }
            edit | ui.button(tr(lang, Key::LoadErrorBack)).clicked()
        })
        .inner
    })
}

/// The status bar's part: 「開けなかったファイル: bad.ron」 in the error colour; a click shows the
/// dialog again.
pub(crate) fn status_ui(ui: &mut egui::Ui, app: &mut KoteihyoApp) {
    let Some(failure) = &app.load_failure else {
        return;
    };
    let lang = app.lang();
    let text = egui::RichText::new(format!(
        "{}: {}",
        tr(lang, Key::StatusLoadFailed),
        failure.file_name()
    ))
    .color(ui.visuals().error_fg_color);
    let clicked = ui
        .add(egui::Button::new(text).frame(false))
        .on_hover_text(format!(
            "{}\n{}",
            failure.sentence(lang),
            tr(lang, Key::StatusLoadFailedShowAgain)
        ))
        .clicked();
    if clicked {
        app.dialog = Some(Dialog::LoadError(failure.clone()));
    }
    ui.separator();
}

/// How the system opens `path` in a text editor on `os` (`std::env::consts::OS`): Notepad on
/// Windows, the default text editor on macOS (`open -t`); `None` elsewhere, where the desktop's
/// default application for the file opens it (`opener`, through xdg-open). Never Koteihyo
/// itself, even where `.ron` files are associated with it; nothing is written to the file.
#[must_use]
pub fn text_editor_command(os: &str, path: &Path) -> Option<Command> {
    match os {
        "windows" => {
            let mut command = Command::new("notepad.exe");
            command.arg(path);
            Some(command)
        }
        "macos" => {
            let mut command = Command::new("open");
            command.arg("-t").arg(path);
            Some(command)
        }
        _ => None,
    }
}

/// Opens `path` in the system's text editor ([`text_editor_command`]), without waiting for it.
///
/// # Errors
/// When the editor cannot be started.
pub fn open_in_text_editor(path: &Path) -> std::io::Result<()> {
    match text_editor_command(std::env::consts::OS, path) {
        Some(mut command) => command.spawn().map(drop),
        None => opener::open(path).map_err(std::io::Error::other),
    }
}

#[cfg(test)]
mod tests {
    use super::text_editor_command;
    use std::path::Path;

    fn described(os: &str) -> Option<(String, Vec<String>)> {
        text_editor_command(os, Path::new("C:/工程表/bad.ron")).map(|command| {
            (
                command.get_program().to_string_lossy().into_owned(),
                command
                    .get_args()
                    .map(|a| a.to_string_lossy().into_owned())
                    .collect(),
            )
        })
    }

    #[test]
    fn the_text_editor_is_the_systems() {
        assert_eq!(
            described("windows"),
            Some((
                "notepad.exe".to_owned(),
                vec!["C:/工程表/bad.ron".to_owned()]
            ))
        );
        assert_eq!(
            described("macos"),
            Some((
                "open".to_owned(),
                vec!["-t".to_owned(), "C:/工程表/bad.ron".to_owned()]
            ))
        );
        assert_eq!(described("linux"), None, "xdg-open through opener");
    }
}
