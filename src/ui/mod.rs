//! The editor window (eframe). For now a viewer of the document's title and domains; the grid,
//! side panel and commands are built on this shell.

use std::path::PathBuf;

use crate::io::{self, LoadError};
use crate::model::Document;

/// Opens the editor window, with `file` loaded when given, and returns when it is closed.
pub fn run(file: Option<PathBuf>) -> eframe::Result {
    let app = KoteihyoApp::new(file);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1280.0, 800.0])
            .with_title(app.window_title()),
        ..Default::default()
    };
    eframe::run_native("koteihyo", options, Box::new(|_creation| Ok(Box::new(app))))
}

/// The application state.
struct KoteihyoApp {
    path: Option<PathBuf>,
    document: Option<Document>,
    load_error: Option<String>,
}

impl KoteihyoApp {
    fn new(path: Option<PathBuf>) -> Self {
        let (document, load_error) = match path.as_deref().map(io::load) {
            Some(Ok(document)) => (Some(document), None),
            Some(Err(error)) => (None, Some(describe(&error))),
            None => (None, None),
        };
        Self {
            path,
            document,
            load_error,
        }
    }

    fn window_title(&self) -> String {
        match &self.path {
            Some(path) => format!(
                "{} — 工程表エディタ",
                path.file_name()
                    .map_or_else(String::new, |name| name.to_string_lossy().into_owned())
            ),
            None => "工程表エディタ".to_owned(),
        }
    }
}

fn describe(error: &LoadError) -> String {
    error.to_string()
}

impl eframe::App for KoteihyoApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            if let Some(error) = &self.load_error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
            match &self.document {
                Some(document) => document_summary_ui(ui, document),
                None => {
                    ui.label("koteihyo FILE.ron で工程表を開きます。");
                }
            }
        });
    }
}

fn document_summary_ui(ui: &mut egui::Ui, document: &Document) {
    ui.heading(format!("{}{}", document.meta.title, document.meta.subtitle));
    ui.label(format!(
        "{}　{}",
        document.meta.revision_label,
        document.timeline.column_labels().join(" / ")
    ));
    ui.separator();
    for domain in &document.domains {
        ui.label(format!(
            "{}（ロードブロック {} 件）",
            domain.display_name(),
            domain.roadblocks.len()
        ));
    }
}
