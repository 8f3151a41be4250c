//! What the print preview's buttons do: open and close it, save the PDF, save one page as PNG
//! or SVG — always through an atomic write, with the result or the error in a dialog.

use std::path::Path;

use crate::io::write_atomic;
use crate::ui::app::{Dialog, KoteihyoApp};
use crate::ui::print::{PNG_DPI, PrintAction, PrintPreview, ask_export_path};
use crate::ui::view::MainView;

impl KoteihyoApp {
    /// Opens the print preview of the open document.
    pub fn open_print_preview(&mut self) {
        if self.open.is_some() && self.view.print().is_none() {
            self.view = MainView::Print(Box::new(PrintPreview::new(
                self.settings.font_file.as_deref(),
                &self.settings.print,
            )));
        }
    }

    /// Runs a button of the print preview.
    pub(crate) fn run_print_action(&mut self, action: PrintAction) {
        let document_path = self.open.as_ref().and_then(|o| o.path.clone());
        match action {
            PrintAction::Close => self.view = MainView::Editor,
            PrintAction::ToPrinter => self.print_to_printer(),
            PrintAction::SavePdf => {
                if let Some(path) = ask_export_path(document_path.as_deref(), "", "pdf", "PDF") {
                    self.export_pdf_to(&path);
                }
            }
            PrintAction::ExportPage { svg } => {
                let (extension, filter) = if svg { ("svg", "SVG") } else { ("png", "PNG") };
                if let Some(path) = ask_export_path(document_path.as_deref(), "", extension, filter)
                {
                    self.export_page_to(&path, svg);
                }
            }
        }
    }

    /// ファイル > Excelで書き出し: asks where, then writes the workbook.
    pub(crate) fn export_excel(&mut self) {
        let Some(open) = &self.open else { return };
        if let Some(path) = ask_export_path(open.path.as_deref(), "", "xlsx", "Excel") {
            self.export_xlsx_to(&path);
        }
    }

    /// Writes the open document as an Excel workbook to `path` (sheet and column words in the
    /// window's language where they are not the document's own).
    pub fn export_xlsx_to(&mut self, path: &Path) {
        let Some(open) = &self.open else { return };
        let bytes = crate::export::xlsx::roadmap_xlsx(&open.document, self.lang())
            .map(Some)
            .map_err(|error| error.to_string());
        self.finish_export(path, bytes);
    }

    /// Writes the PDF of the open document with the print settings to `path`.
    pub fn export_pdf_to(&mut self, path: &Path) {
        let lang = self.lang();
        let result = match (self.view.print(), &self.open) {
            (Some(preview), Some(open)) => {
                preview
                    .printer()
                    .map_err(str::to_owned)
                    .and_then(|printer| {
                        printer
                            .pdf(&open.document, &self.settings.print)
                            .map_err(|e| e.sentence(lang))
                    })
            }
            _ => return,
        };
        self.finish_export(path, result.map(Some));
    }

    /// Writes the preview's current page to `path`, as SVG or PNG.
    pub fn export_page_to(&mut self, path: &Path, svg: bool) {
        let Some(preview) = self.view.print() else {
            return;
        };
        let result = preview
            .printer()
            .map_err(str::to_owned)
            .and_then(|printer| {
                let Some(page) = preview.current_page() else {
                    return Ok(None);
                };
                if svg {
                    Ok(Some(printer.svg(page).into_bytes()))
                } else {
                    printer
                        .png(page, PNG_DPI)
                        .map(Some)
                        .map_err(|e| e.to_string())
                }
            });
        self.finish_export(path, result);
    }

    /// Writes an export's `bytes` to `path` atomically, then shows 「書き出しました」 (with 開く) or
    /// the error; `Ok(None)` (nothing to export) shows nothing.
    pub(crate) fn finish_export(&mut self, path: &Path, bytes: Result<Option<Vec<u8>>, String>) {
        let lang = self.lang();
        let failed = crate::ui::i18n::tr(lang, crate::ui::i18n::Key::PrintExportFailed);
        self.dialog = Some(match bytes {
            Ok(Some(bytes)) => match write_atomic(path, &bytes, false) {
                Ok(()) => Dialog::Exported(path.to_path_buf()),
                Err(error) => Dialog::SaveError(format!("{failed}: {}", error.sentence(lang))),
            },
            Ok(None) => return,
            Err(error) => Dialog::SaveError(format!("{failed}: {error}")),
        });
    }
}
