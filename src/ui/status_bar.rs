//! The status bar: file path, counts, validation problems.

use crate::model::Severity;
use crate::ui::app::KoteihyoApp;
use crate::ui::i18n::{Key, tr};

/// The status bar.
pub fn status_bar_ui(ui: &mut egui::Ui, app: &KoteihyoApp) {
    let lang = app.lang();
    ui.horizontal(|ui| {
        let Some(open) = &app.open else {
            ui.label(tr(lang, Key::StatusNoFile));
            return;
        };
        match &open.path {
            Some(path) => ui.label(path.display().to_string()),
            None => ui.label(tr(lang, Key::Untitled)),
        };
        ui.separator();
        let document = &open.document;
        let roadblocks: usize = document.domains.iter().map(|d| d.roadblocks.len()).sum();
        let entries: usize = document.domains.iter().map(|d| d.entries.len()).sum();
        ui.label(format!(
            "{} {} · {} {} · {} {}",
            tr(lang, Key::StatusDomains),
            document.domains.len(),
            tr(lang, Key::StatusRoadblocks),
            roadblocks,
            tr(lang, Key::StatusEntries),
            entries
        ));
        ui.separator();
        if open.problems.is_empty() {
            ui.label(tr(lang, Key::StatusNoProblems));
        } else {
            let color = if open.problems.iter().any(|p| p.severity == Severity::Error) {
                ui.visuals().error_fg_color
            } else {
                ui.visuals().warn_fg_color
            };
            ui.colored_label(
                color,
                format!("{} {}", open.problems.len(), tr(lang, Key::StatusProblems)),
            )
            .on_hover_text(
                open.problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
        }
    });
}
