//! 「プリンターで印刷」: the open document's PDF, with the print settings, handed to the system's
//! print service (`export::system_print`); the outcome is told in the user's language.

use crate::export::system_print::{PrintSystem, SystemPrintError, print_folder, print_pdf};
use crate::ui::app::{Dialog, KoteihyoApp};
use crate::ui::i18n::{Key, Lang, tr};
use crate::ui::print::printer_for;

impl KoteihyoApp {
    /// Prints the open document on the system's printer (the preview's face when it is open).
    pub fn print_to_printer(&mut self) {
        let Some(open) = &self.open else { return };
        let lang = self.lang();
        let own;
        let printer = if let Some(preview) = self.view.print() {
            preview.printer().map_err(str::to_owned)
        } else {
            own = printer_for(self.settings.font_file.as_deref());
            own.as_ref().map_err(Clone::clone)
        };
        let pdf = printer.and_then(|printer| {
            printer
                .pdf(&open.document, &self.settings.print)
                .map_err(|error| error.sentence(lang))
        });
        let message = match pdf {
            Err(error) => format!("{}: {error}", tr(lang, Key::PrintExportFailed)),
            Ok(pdf) => {
                let system = PrintSystem::current();
                match print_pdf(&pdf, &print_folder(), system, self.print_runner.as_ref()) {
                    Ok(_) => {
                        let program = crate::export::system_print::print_command(
                            system,
                            std::path::Path::new(""),
                        )
                        .program;
                        tr(lang, Key::PrinterSent).replace("{program}", &program)
                    }
                    Err(error) => describe(&error, lang),
                }
            }
        };
        self.dialog = Some(Dialog::Printed(message));
    }
}

/// A print failure in the user's words.
fn describe(error: &SystemPrintError, lang: Lang) -> String {
    match error {
        SystemPrintError::Write(error) => format!("{}: {error}", tr(lang, Key::PrintExportFailed)),
        SystemPrintError::NotFound { program } => {
            tr(lang, Key::PrinterNotFound).replace("{program}", program)
        }
        SystemPrintError::Start { program, source } => format!(
            "{}: {source}",
            tr(lang, Key::PrinterFailed).replace("{program}", program)
        ),
        SystemPrintError::Refused {
            program,
            status,
            message,
        } => format!(
            "{}: {status} {message}",
            tr(lang, Key::PrinterFailed).replace("{program}", program)
        ),
    }
}
