//! Carrying out a command of the command table (menus and shortcuts queue them).

use crate::edit::Edit;
use crate::ui::actions::{Then, selection_edit};
use crate::ui::app::{Dialog, KoteihyoApp, Pending, Request};
use crate::ui::command::Command;
use crate::ui::filter::{Filter, search_field_id};
use crate::ui::panel::first_field_id;
use crate::ui::selection::{navigation_order, step};

impl KoteihyoApp {
    /// What a command on the selection would do now, if it applies (the menu greys it out
    /// otherwise).
    #[must_use]
    pub fn selection_edit(&self, command: Command) -> Option<(Edit, Then)> {
        let open = self.open.as_ref()?;
        let selection = self.editor.selection.as_ref()?;
        selection_edit(&open.document, selection, command, self.lang())
    }

    pub(crate) fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::New => self.unless_unsaved(Pending::New, ctx),
            Command::Open => self.unless_unsaved(Pending::OpenDialog, ctx),
            Command::Save => self.save(),
            Command::SaveAs => self.save_as(),
            Command::SaveRevision => {
                let label = self
                    .open
                    .as_ref()
                    .map(|o| o.document.meta.revision_label.clone())
                    .unwrap_or_default();
                self.dialog = Some(Dialog::NewRevision(label, 0));
            }
            Command::Print => self.open_print_preview(),
            Command::Compare => self.compare_with_file(),
            Command::CompareWithSaved => self.compare_with_saved(),
            Command::NextChange | Command::PreviousChange => {
                if let Some(view) = self.view.compare_mut() {
                    view.step(if command == Command::NextChange {
                        1
                    } else {
                        -1
                    });
                }
            }
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Undo => self.undo_or_redo(false),
            Command::Redo | Command::RedoAlternative => self.undo_or_redo(true),
            Command::Find => ctx.memory_mut(|m| m.request_focus(search_field_id())),
            Command::FindReplace => {
                if self.open.is_some() {
                    self.find
                        .get_or_insert_with(crate::ui::find::FindReplace::new)
                        .focus();
                }
            }
            Command::PrintToPrinter => self.print_to_printer(),
            Command::ExportExcel => self.export_excel(),
            // One Escape does one thing: the find window closes before the filter is cleared.
            Command::ClearFilters if self.find.is_some() => self.find = None,
            Command::ClearFilters => self.editor.filter = Filter::default(),
            Command::SelectNext | Command::SelectPrevious => {
                if let Some(open) = &self.open {
                    let order = navigation_order(&open.document, &self.editor.filter);
                    let direction = if command == Command::SelectNext {
                        1
                    } else {
                        -1
                    };
                    self.editor.selection = step(&order, self.editor.selection.as_ref(), direction);
                    self.editor.scroll_to.clone_from(&self.editor.selection);
                }
            }
            Command::FocusPanel => {
                if self.editor.selection.is_some() {
                    ctx.memory_mut(|m| m.request_focus(first_field_id()));
                }
            }
            Command::ZoomIn => egui::gui_zoom::zoom_in(ctx),
            Command::ZoomOut => egui::gui_zoom::zoom_out(ctx),
            Command::ZoomReset => ctx.set_zoom_factor(1.0),
            Command::ToggleDarkMode => self.settings.dark_mode = !self.settings.dark_mode,
            Command::ToggleDetails => {
                self.settings.layout.hide_details = !self.settings.layout.hide_details;
            }
            Command::ToggleFitColumns => {
                self.settings.layout.fit_columns = !self.settings.layout.fit_columns;
            }
            Command::Settings => self.dialog = Some(Dialog::Settings),
            Command::About => self.dialog = Some(Dialog::About),
            Command::Shortcuts => self.dialog = Some(Dialog::Shortcuts),
            Command::Guide => self.dialog = Some(Dialog::Guide),
            Command::AddBelow
            | Command::Duplicate
            | Command::MoveUp
            | Command::MoveDown
            | Command::Delete => {
                if let Some((edit, then)) = self.selection_edit(command) {
                    self.request(Request::Edit(Box::new(edit), None));
                    match then {
                        Then::Keep => {}
                        Then::Select(selection) => self.request(Request::Select(Some(selection))),
                        Then::Deselect => self.request(Request::Select(None)),
                    }
                }
            }
        }
    }
}
