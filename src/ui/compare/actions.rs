//! Opening and closing the compare view, and saving its 新旧対照表 as PDF or Word (.docx).

use std::path::Path;

use crate::export::comparison::ComparisonSettings;
use crate::export::docx::comparison_docx;
use crate::export::printer::Printer;
use crate::ui::app::{Dialog, KoteihyoApp};
use crate::ui::compare::{CompareAction, CompareView, OtherRevision};
use crate::ui::i18n::{Key, tr};
use crate::ui::print::ask_export_path;
use crate::ui::view::MainView;

/// The comparison's file is named after the document with this: 「after-新旧対照表.pdf」 (or
/// .docx), never the print's 「after.pdf」 (which a drafter may already have).
pub const COMPARISON_NAME_SUFFIX: &str = "-新旧対照表";

impl KoteihyoApp {
    /// Asks for another revision's file and compares the open document with it.
    pub fn compare_with_file(&mut self) {
        if self.open.is_none() {
            return;
        }
        if let Some(path) = rfd::FileDialog::new()
            .add_filter("工程表 (RON)", &["ron"])
            .pick_file()
        {
            self.compare_with_path(&path);
        }
    }

    /// Compares the open document with the revision in `path` (shown as the old side).
    pub fn compare_with_path(&mut self, path: &Path) {
        match crate::io::load(path) {
            Ok(document) => {
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                self.show_comparison(OtherRevision { document, name });
            }
            Err(error) => {
                let failure = crate::ui::load_failure::LoadFailure::of(&error);
                self.dialog = Some(Dialog::LoadError(failure));
            }
        }
    }

    /// Compares the open document with the version last loaded or saved.
    pub fn compare_with_saved(&mut self) {
        let Some(open) = &self.open else { return };
        let other = OtherRevision {
            document: open.saved.clone(),
            name: tr(self.lang(), Key::CompareSavedVersion).to_owned(),
        };
        self.show_comparison(other);
    }

    /// Shows the comparison, unless an id is used twice in either revision: revisions are
    /// paired by id, so the table would show phantom changes; the user is told which ids.
    fn show_comparison(&mut self, other: OtherRevision) {
        let Some(open) = &self.open else { return };
        let repeated: Vec<String> = [&other.document, &open.document]
            .into_iter()
            .flat_map(crate::model::validate)
            .filter(crate::model::Problem::is_repeated_id)
            .filter_map(|problem| problem.location.id.map(|id| id.to_string()))
            .collect();
        if !repeated.is_empty() {
            self.dialog = Some(Dialog::CannotCompare(repeated));
            return;
        }
        self.view = MainView::Compare(Box::new(CompareView::new(other)));
    }

    /// Runs a button of the compare view.
    pub(crate) fn run_compare_action(&mut self, action: CompareAction) {
        match action {
            CompareAction::Close => self.view = MainView::Editor,
            CompareAction::WithFile(path) => self.compare_with_path(&path),
            CompareAction::SavePdf => {
                let document_path = self.open.as_ref().and_then(|o| o.path.clone());
                if let Some(path) = ask_export_path(
                    document_path.as_deref(),
                    COMPARISON_NAME_SUFFIX,
                    "pdf",
                    "PDF",
                ) {
                    self.save_comparison_pdf(&path);
                }
            }
            CompareAction::SaveDocx => {
                let document_path = self.open.as_ref().and_then(|o| o.path.clone());
                if let Some(path) = ask_export_path(
                    document_path.as_deref(),
                    COMPARISON_NAME_SUFFIX,
                    "docx",
                    "Word",
                ) {
                    self.save_comparison_docx(&path);
                }
            }
        }
    }

    /// Writes the compare view's 新旧対照表 to `path` as PDF.
    pub fn save_comparison_pdf(&mut self, path: &Path) {
        let (Some(view), Some(open)) = (self.view.compare(), &self.open) else {
            return;
        };
        let settings = self.comparison_settings();
        // The 新旧対照表 is printed in a 明朝 face when the system has one.
        let bytes = crate::font::find_for_comparison(self.settings.font_file.as_deref())
            .map_err(|error| error.to_string())
            .and_then(|(font, _)| Printer::new(font).map_err(|error| error.to_string()))
            .and_then(|printer| {
                printer
                    .comparison_pdf(&view.other.document, &open.document, &settings, view.full)
                    .map_err(|e| e.sentence(self.lang()))
            });
        self.finish_export(path, bytes.map(Some));
    }

    /// Writes the compare view's 新旧対照表 to `path` as Word (.docx): the same table as the
    /// PDF, editable; it names the Mincho face instead of embedding one, so no font is needed.
    pub fn save_comparison_docx(&mut self, path: &Path) {
        let (Some(view), Some(open)) = (self.view.compare(), &self.open) else {
            return;
        };
        let bytes = comparison_docx(
            &view.other.document,
            &open.document,
            &self.comparison_settings(),
            view.full,
        )
        .map_err(|e| e.to_string());
        self.finish_export(path, bytes.map(Some));
    }

    /// How the compare view's 新旧対照表 is laid out, from the settings.
    #[must_use]
    pub fn comparison_settings(&self) -> ComparisonSettings {
        ComparisonSettings {
            new_first: !self.settings.compare_old_first,
            headings: self.settings.compare_headings,
            revision_labels: !self.settings.compare_without_revision_labels,
            ..ComparisonSettings::default()
        }
    }
}
