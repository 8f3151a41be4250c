//! The print preview (ファイル > 印刷, Ctrl+P): page settings beside the page as it will print,
//! drawn from the same layout as the PDF; saving the PDF, or the current page as PNG or SVG.

mod export;
mod paint;
mod to_printer;

use std::path::PathBuf;

use crate::export::layout::LayoutError;
use crate::export::page::Page;
use crate::export::printer::Printer;
use crate::export::settings::{PageSettings, Pagination, Paper, parse_domain_list};
use crate::model::Document;
use crate::ui::i18n::{Key, Lang, tr};

pub use paint::paint_page;

/// What the preview asks the app to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrintAction {
    /// Close the preview.
    Close,
    /// Ask where to save the PDF, then save it.
    SavePdf,
    /// Hand the PDF to the system's print service (プリンターで印刷).
    ToPrinter,
    /// Ask where to save the current page as PNG (false) or SVG (true), then save it.
    ExportPage {
        /// SVG instead of PNG.
        svg: bool,
    },
}

/// The open print preview: the printer (the Japanese face), the pages of the last layout and
/// which page is shown.
pub struct PrintPreview {
    printer: Result<Printer, String>,
    pages: Vec<Page>,
    /// Why the last layout made no pages, when it failed.
    layout_error: Option<LayoutError>,
    /// (document generation, settings) the pages were laid out for.
    made_for: Option<(u64, PageSettings)>,
    /// The page shown (0-based).
    pub page: usize,
    /// The text of the domain list field, as typed.
    domains_text: String,
}

/// A printer with the chosen font file, else the system's Japanese face; or why there is none.
pub(crate) fn printer_for(font_file: Option<&std::path::Path>) -> Result<Printer, String> {
    crate::font::find(font_file)
        .map_err(|error| error.to_string())
        .and_then(|font| Printer::new(font).map_err(|error| error.to_string()))
}

/// Resolution of PNG pages saved from the preview.
pub const PNG_DPI: f32 = 150.0;

impl PrintPreview {
    /// A preview printing with the chosen font file or the system's Japanese face.
    #[must_use]
    pub fn new(font_file: Option<&std::path::Path>, settings: &PageSettings) -> Self {
        Self {
            printer: printer_for(font_file),
            pages: Vec::new(),
            layout_error: None,
            made_for: None,
            page: 0,
            domains_text: settings
                .domains
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(","),
        }
    }

    /// The printer, or why there is none.
    pub fn printer(&self) -> Result<&Printer, &str> {
        self.printer.as_ref().map_err(String::as_str)
    }

    /// The pages laid out for `document` (laid out again only when it or `settings` changed).
    pub fn pages(
        &mut self,
        document: &Document,
        generation: u64,
        settings: &PageSettings,
    ) -> &[Page] {
        let key = (generation, settings.clone());
        if self.made_for.as_ref() != Some(&key) {
            let laid_out = match &self.printer {
                Ok(printer) => printer.pages(document, settings),
                Err(_) => Ok(Vec::new()),
            };
            (self.pages, self.layout_error) = match laid_out {
                Ok(pages) => (pages, None),
                Err(error) => (Vec::new(), Some(error)),
            };
            self.page = self.page.min(self.pages.len().saturating_sub(1));
            self.made_for = Some(key);
        }
        &self.pages
    }

    /// The page shown, if any.
    #[must_use]
    pub fn current_page(&self) -> Option<&Page> {
        self.pages.get(self.page)
    }

    /// Draws the preview: settings and actions on the left, the page on the right.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        document: &Document,
        generation: u64,
        settings: &mut PageSettings,
        lang: Lang,
    ) -> Vec<PrintAction> {
        let mut actions = Vec::new();
        egui::Panel::left("koteihyo-print-settings")
            .resizable(false)
            .default_size(260.0)
            .show(ui, |ui| {
                ui.heading(tr(lang, Key::PrintTitle));
                ui.separator();
                self.settings_ui(ui, settings, lang);
                ui.separator();
                self.actions_ui(ui, &mut actions, lang);
            });
        let count = self.pages(document, generation, settings).len();
        egui::CentralPanel::default().show(ui, |ui| {
            if let Err(error) = &self.printer {
                ui.colored_label(ui.visuals().warn_fg_color, tr(lang, Key::PrintNoFont));
                ui.label(error.as_str());
                return;
            }
            if let Some(LayoutError::DoesNotFitOnePage { smallest }) = &self.layout_error {
                let text =
                    tr(lang, Key::PrintDoesNotFitOnePage).replace("{size}", &smallest.to_string());
                ui.colored_label(ui.visuals().warn_fg_color, text);
                return;
            }
            if count == 0 {
                ui.label(tr(lang, Key::PrintNoPages));
                return;
            }
            self.navigation_ui(ui, count, lang);
            if let Some(page) = self.pages.get(self.page) {
                page_view_ui(ui, page);
            }
        });
        actions
    }

    fn settings_ui(&mut self, ui: &mut egui::Ui, settings: &mut PageSettings, lang: Lang) {
        egui::Grid::new("koteihyo-print-grid")
            .num_columns(2)
            .show(ui, |ui| {
                ui.label(tr(lang, Key::PrintPaper));
                ui.horizontal(|ui| {
                    for paper in [Paper::A4, Paper::A3] {
                        ui.radio_value(&mut settings.paper, paper, paper.name());
                    }
                });
                ui.end_row();
                ui.label("");
                ui.horizontal(|ui| {
                    ui.radio_value(&mut settings.portrait, false, tr(lang, Key::PrintLandscape));
                    ui.radio_value(&mut settings.portrait, true, tr(lang, Key::PrintPortrait));
                });
                ui.end_row();
                let size_label = ui.label(tr(lang, Key::PrintFontSize));
                ui.add(
                    egui::DragValue::new(&mut settings.base_size)
                        .range(4.0..=24.0)
                        .speed(0.1)
                        .suffix(" pt"),
                )
                .labelled_by(size_label.id);
                ui.end_row();
            });
        ui.label(tr(lang, Key::PrintPages));
        for (pages, key) in [
            (Pagination::Domain, Key::PrintPagesDomain),
            (Pagination::Fill, Key::PrintPagesFill),
            (Pagination::One, Key::PrintPagesOne),
        ] {
            ui.radio_value(&mut settings.pages, pages, tr(lang, key));
        }
        ui.checkbox(&mut settings.shrink_to_fit, tr(lang, Key::PrintShrink));
        ui.checkbox(&mut settings.fit_width, tr(lang, Key::PrintFitWidth));
        let label = ui.label(tr(lang, Key::PrintDomains));
        let field = ui
            .text_edit_singleline(&mut self.domains_text)
            .labelled_by(label.id);
        // Empty prints every domain; a list that does not parse keeps the last good one.
        let parsed = if self.domains_text.trim().is_empty() {
            Ok(Vec::new())
        } else {
            parse_domain_list(&self.domains_text)
        };
        match parsed {
            Ok(numbers) if field.changed() => settings.domains = numbers,
            Ok(_) => {}
            Err(error) => {
                ui.colored_label(ui.visuals().warn_fg_color, error.sentence(lang));
            }
        }
    }

    fn actions_ui(&self, ui: &mut egui::Ui, actions: &mut Vec<PrintAction>, lang: Lang) {
        let ready = self.printer.is_ok() && !self.pages.is_empty();
        ui.add_enabled_ui(ready, |ui| {
            if ui.button(tr(lang, Key::CommandPrintToPrinter)).clicked() {
                actions.push(PrintAction::ToPrinter);
            }
            if ui.button(tr(lang, Key::PrintSavePdf)).clicked() {
                actions.push(PrintAction::SavePdf);
            }
            if ui.button(tr(lang, Key::PrintExportPng)).clicked() {
                actions.push(PrintAction::ExportPage { svg: false });
            }
            if ui.button(tr(lang, Key::PrintExportSvg)).clicked() {
                actions.push(PrintAction::ExportPage { svg: true });
            }
        });
        ui.separator();
        if ui.button(tr(lang, Key::PrintClose)).clicked() {
            actions.push(PrintAction::Close);
        }
    }

    fn navigation_ui(&mut self, ui: &mut egui::Ui, count: usize, lang: Lang) {
        ui.horizontal(|ui| {
            if ui
                .add_enabled(self.page > 0, egui::Button::new("◀"))
                .on_hover_text(tr(lang, Key::PrintPreviousPage))
                .clicked()
                || ui.input(|i| i.key_pressed(egui::Key::PageUp))
            {
                self.page = self.page.saturating_sub(1);
            }
            ui.label(format!(
                "{} {} / {count}",
                tr(lang, Key::PrintPage),
                self.page + 1
            ));
            if ui
                .add_enabled(self.page + 1 < count, egui::Button::new("▶"))
                .on_hover_text(tr(lang, Key::PrintNextPage))
                .clicked()
                || ui.input(|i| i.key_pressed(egui::Key::PageDown))
            {
                self.page = (self.page + 1).min(count - 1);
            }
            if let Some(page) = self.pages.get(self.page) {
                ui.label(&page.title);
            }
        });
    }
}

/// The page, scaled to fit the space left.
fn page_view_ui(ui: &mut egui::Ui, page: &Page) {
    let available = ui.available_size() - egui::vec2(12.0, 12.0);
    let scale = (available.x / page.width)
        .min(available.y / page.height)
        .max(0.1);
    let size = egui::vec2(page.width, page.height) * scale;
    let (rect, _) = ui.allocate_exact_size(available.max(size), egui::Sense::hover());
    let origin = rect.min + (rect.size() - size) / 2.0;
    paint_page(ui.painter(), page, origin.floor(), scale);
}

/// Asks where to save an export, offering [`export_file_name`] as its name.
#[must_use]
pub fn ask_export_path(
    document_path: Option<&std::path::Path>,
    suffix: &str,
    extension: &str,
    filter: &str,
) -> Option<PathBuf> {
    let mut dialog = rfd::FileDialog::new().add_filter(filter, &[extension]);
    if let Some(name) = export_file_name(document_path, suffix, extension) {
        dialog = dialog.set_file_name(name);
    }
    let mut path = dialog.save_file()?;
    if path.extension().is_none() {
        path.set_extension(extension);
    }
    Some(path)
}

/// The name offered for an export of the document at `document_path`: its stem, `suffix`
/// and `extension` — 「after.pdf」 for the print, 「after-新旧対照表.pdf」 for the comparison.
#[must_use]
pub fn export_file_name(
    document_path: Option<&std::path::Path>,
    suffix: &str,
    extension: &str,
) -> Option<String> {
    document_path
        .and_then(std::path::Path::file_stem)
        .map(|stem| format!("{}{suffix}.{extension}", stem.to_string_lossy()))
}

#[cfg(test)]
mod tests {
    use super::export_file_name;
    use crate::ui::compare::actions::COMPARISON_NAME_SUFFIX;
    use std::path::Path;

    #[test]
    fn the_comparison_is_offered_a_name_of_its_own() {
        let document = Path::new("/共有/roadblocks-after.ron");
        assert_eq!(
            export_file_name(Some(document), "", "pdf").as_deref(),
            Some("roadblocks-after.pdf")
        );
        assert_eq!(
            export_file_name(Some(document), COMPARISON_NAME_SUFFIX, "pdf").as_deref(),
            Some("roadblocks-after-新旧対照表.pdf")
        );
        assert_eq!(export_file_name(None, "", "pdf"), None);
    }
}
