//! Puts the Japanese font into egui: the chosen or system face first, so kana, kanji and
//! full-width punctuation all take Japanese shapes, with egui's own fonts as fallback.

use std::path::Path;
use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

use crate::font::{self, FontError, JapaneseFont};
use crate::ui::i18n::Lang;

/// The name our face has in egui's font table.
const JAPANESE: &str = "japanese";

/// Which font the window uses, for the settings window and the warning banner.
#[derive(Debug, Clone)]
pub enum FontStatus {
    /// A Japanese face is installed.
    Japanese {
        /// Its family name.
        family: String,
        /// The file.
        path: std::path::PathBuf,
    },
    /// The chosen file was unusable; the system's Japanese face is used instead.
    ChosenUnusable {
        /// Why the chosen file was not used.
        error: String,
        /// The face used instead, if any.
        fallback: Option<String>,
    },
    /// No Japanese face at all: a banner says so.
    Missing {
        /// What was tried.
        error: String,
    },
}

impl FontStatus {
    /// Whether Japanese text can be shown.
    #[must_use]
    pub fn has_japanese(&self) -> bool {
        match self {
            FontStatus::Japanese { .. } => true,
            FontStatus::ChosenUnusable { fallback, .. } => fallback.is_some(),
            FontStatus::Missing { .. } => false,
        }
    }
}

/// Finds the font (`chosen` first, else the system's) and installs it in `ctx`.
#[must_use]
pub fn install(ctx: &egui::Context, chosen: Option<&Path>, lang: Lang) -> FontStatus {
    let (found, chosen_error) = match font::find(chosen) {
        Ok(found) => (Ok(found), None),
        Err(error) if chosen.is_some() => (font::find_installed(), Some(error)),
        Err(error) => (Err(error), None),
    };
    match (found, chosen_error) {
        (Ok(found), None) => {
            install_face(ctx, &found);
            FontStatus::Japanese {
                family: found.family,
                path: found.path,
            }
        }
        (Ok(found), Some(error)) => {
            install_face(ctx, &found);
            FontStatus::ChosenUnusable {
                error: error.sentence(lang),
                fallback: Some(found.family),
            }
        }
        (Err(error), chosen_error) => {
            ctx.set_fonts(FontDefinitions::default());
            let error = chosen_error
                .map_or_else(|| error.to_string(), |e: FontError| format!("{e}; {error}"));
            FontStatus::Missing { error }
        }
    }
}

/// Installs `face` as the first font of every family.
pub fn install_face(ctx: &egui::Context, face: &JapaneseFont) {
    let mut definitions = FontDefinitions::default();
    let blob: egui::epaint::text::Blob = Arc::clone(&face.data) as _;
    definitions.font_data.insert(
        JAPANESE.to_owned(),
        Arc::new(FontData::from_blob(blob, face.index)),
    );
    definitions
        .families
        .entry(FontFamily::Proportional)
        .or_default()
        .insert(0, JAPANESE.to_owned());
    definitions
        .families
        .entry(FontFamily::Monospace)
        .or_default()
        .push(JAPANESE.to_owned());
    ctx.set_fonts(definitions);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chosen_file_that_is_no_font_is_said_in_the_windows_language() {
        let dir = tempfile::tempdir().expect("temp dir");
        let not_a_font = dir.path().join("メモ.ttf");
        std::fs::write(&not_a_font, "これはフォントではありません").expect("write");
        let ctx = egui::Context::default();
        for (lang, wanted) in [
            (
                Lang::Ja,
                "このファイルには日本語（かな・漢字）の字形がありません",
            ),
            (Lang::En, "no face in this file has Japanese glyphs"),
        ] {
            match install(&ctx, Some(&not_a_font), lang) {
                FontStatus::ChosenUnusable { error, fallback } => {
                    assert!(error.contains(wanted), "{error}");
                    assert!(error.contains("メモ.ttf"), "{error}");
                    assert!(fallback.is_some(), "the system's face takes over");
                }
                other => panic!("{other:?}"),
            }
        }
    }
}
