//! The status bar: file path, counts, validation problems.

use crate::model::Severity;
use crate::ui::app::{KoteihyoApp, Request};
use crate::ui::i18n::{Key, tr};
use crate::ui::selection::selection_for;

/// The status bar. Clicking the problem count shows or hides the problems list.
pub fn status_bar_ui(ui: &mut egui::Ui, app: &mut KoteihyoApp) {
    let lang = app.lang();
    ui.horizontal(|ui| {
        crate::ui::load_failure::status_ui(ui, app);
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
            let count = egui::RichText::new(format!(
                "{} {}",
                open.problems.len(),
                tr(lang, Key::StatusProblems)
            ))
            .color(color);
            if ui
                .selectable_label(app.editor.show_problems, count)
                .clicked()
            {
                app.editor.show_problems = !app.editor.show_problems;
            }
        }
        if open.has_comments {
            ui.separator();
            ui.colored_label(ui.visuals().warn_fg_color, tr(lang, Key::StatusHasComments));
        }
        if let Some(error) = &app.autosave.error {
            ui.separator();
            ui.colored_label(
                ui.visuals().error_fg_color,
                tr(lang, Key::StatusAutosaveFailed),
            )
            .on_hover_text(error);
        }
    });
}

/// The problems list: each problem of `validate()`; clicking one selects its entity.
pub fn problems_ui(ui: &mut egui::Ui, app: &mut KoteihyoApp) {
    let Some(open) = &app.open else { return };
    let mut selected = None;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for problem in &open.problems {
                let color = match problem.severity {
                    Severity::Error => ui.visuals().error_fg_color,
                    Severity::Warning => ui.visuals().warn_fg_color,
                };
                let text = egui::RichText::new(problem.text(app.lang())).color(color);
                let label = egui::Label::new(text).wrap().sense(egui::Sense::click());
                if ui.add(label).clicked() {
                    selected = problem
                        .location
                        .id
                        .as_ref()
                        .and_then(|id| selection_for(&open.document, id));
                }
            }
        });
    if let Some(selection) = selected {
        app.request(Request::Select(Some(selection.clone())));
        app.request(Request::ScrollTo(selection));
    }
}
