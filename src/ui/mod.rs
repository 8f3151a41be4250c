//! The editor window (eframe): menu bar, filter toolbar, the domains × fiscal-years grid,
//! the details panel and the status bar.

pub mod actions;
pub mod app;
pub mod command;
pub mod compare;
pub(crate) mod dialogs;
pub mod files;
pub mod filter;
pub mod find;
pub mod fonts;
pub mod grid;
mod help;
pub mod i18n;
mod ime;
pub mod lifecycle;
pub mod links;
pub mod load_failure;
mod menu;
pub mod open_document;
pub mod panel;
pub mod print;
pub mod removal;
pub mod request;
mod run_command;
pub mod selection;
pub mod settings;
mod status_bar;

use std::path::PathBuf;

pub use app::KoteihyoApp;
pub use settings::Settings;

/// Opens the editor window, with `file` loaded when given, and returns when it is closed.
pub fn run(file: Option<PathBuf>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1400.0, 900.0])
            .with_title("工程表エディタ"),
        // We install the Japanese face ourselves; the system fallback (for other scripts) is
        // added below with the Japanese locale so that kanji keep Japanese shapes.
        system_font_fallback: false,
        ..Default::default()
    };
    eframe::run_native(
        "koteihyo",
        options,
        Box::new(move |creation| {
            let settings: Settings = creation
                .storage
                .and_then(|storage| eframe::get_value(storage, eframe::APP_KEY))
                .unwrap_or_default();
            creation.egui_ctx.add_font_provider(std::sync::Arc::new(
                egui_system_font_provider::SystemFontProvider::new().with_locale(Some("ja")),
            ));
            Ok(Box::new(KoteihyoApp::new(
                &creation.egui_ctx,
                settings,
                file.as_deref(),
            )))
        }),
    )
}
