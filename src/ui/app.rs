//! The application: its runtime state, the frame's layout of panels, and the requests that
//! widgets queue and the app runs at the end of the frame.

use std::path::{Path, PathBuf};

use crate::edit::{Edit, MergeKey};
use crate::io::RecoveryStore;
use crate::ui::command::Command;
use crate::ui::filter::{Filter, filter_toolbar_ui};
use crate::ui::fonts::{self, FontStatus};
use crate::ui::grid::GridView;
use crate::ui::i18n::{Key, Lang, tr};
use crate::ui::lifecycle::Autosave;
pub use crate::ui::open_document::OpenDocument;
use crate::ui::panel::{PanelAction, side_panel_ui};
use crate::ui::removal::RoadblockRemoval;
pub use crate::ui::request::{Choice, Dialog, Pending, Request};
use crate::ui::settings::Settings;
use crate::ui::view::{EditorView, MainView};
use crate::ui::{dialogs, menu, status_bar};

/// The editor.
pub struct KoteihyoApp {
    /// Remembered between runs.
    pub settings: Settings,
    /// The open document, if any.
    pub open: Option<OpenDocument>,
    /// Changes whenever the open document does (for caches).
    pub generation: u64,
    /// The editor's view of the open document: filter, selection, grid.
    pub editor: EditorView,
    /// What fills the window: the editor, the print preview or the compare view.
    pub view: MainView,
    /// Which font is in use.
    pub font_status: FontStatus,
    /// The dialog shown, if any.
    pub dialog: Option<Dialog>,
    /// Where unsaved work is autosaved; `None` disables autosave.
    pub recovery: Option<RecoveryStore>,
    /// Autosave to the recovery folder: when it is due, the write in flight, its failure.
    pub autosave: Autosave,
    /// The window may close even with unsaved changes (the user said 保存しない).
    pub(crate) allow_close: bool,
    /// Requests queued this frame.
    requests: Vec<Request>,
    /// The window title last sent.
    title: String,
    /// The theme last applied.
    applied_dark_mode: Option<bool>,
    /// Keeps the Enter of an input method from inserting a newline.
    ime: crate::ui::ime::ImeGuard,
    /// The last file that could not be opened, kept in the status bar until a file opens.
    pub load_failure: Option<crate::ui::load_failure::LoadFailure>,
    /// Opens a file in the system's text editor ([`load_failure::open_in_text_editor`]; tests
    /// put a recorder here).
    ///
    /// [`load_failure::open_in_text_editor`]: crate::ui::load_failure::open_in_text_editor
    pub open_in_text_editor: fn(&Path) -> std::io::Result<()>,
    /// Runs the print command of プリンターで印刷 (tests record it instead).
    pub print_runner: Box<dyn crate::export::system_print::RunCommand>,
    /// The find-and-replace window (Ctrl+H), when open.
    pub find: Option<crate::ui::find::FindReplace>,
}

impl KoteihyoApp {
    /// Creates the app: installs the Japanese font in `ctx`, uses the user's recovery folder,
    /// offers to restore unsaved work from a crash, and opens `path` if given.
    #[must_use]
    pub fn new(ctx: &egui::Context, settings: Settings, path: Option<&Path>) -> Self {
        let font_status = fonts::install(ctx, settings.font_file.as_deref(), settings.lang);
        let mut app = Self::with_font_status(settings, None, font_status);
        app.recovery = RecoveryStore::user_default();
        // Opened after the store is set, so that this window claims the file.
        if let Some(path) = path {
            app.open_path(path);
        }
        if app.dialog.is_none() {
            app.offer_recovery();
        }
        app
    }

    /// Creates the app with the font already installed and no autosave (tests install the font
    /// in their context and give a recovery folder of their own).
    #[must_use]
    pub fn with_font_status(
        settings: Settings,
        path: Option<&Path>,
        font_status: FontStatus,
    ) -> Self {
        let mut app = Self {
            settings,
            open: None,
            generation: 0,
            editor: EditorView::default(),
            view: MainView::Editor,
            font_status,
            dialog: None,
            recovery: None,
            autosave: Autosave::default(),
            allow_close: false,
            requests: Vec::new(),
            title: String::new(),
            applied_dark_mode: None,
            ime: crate::ui::ime::ImeGuard::default(),
            load_failure: None,
            open_in_text_editor: crate::ui::load_failure::open_in_text_editor,
            find: None,
            print_runner: Box::new(crate::export::system_print::SystemRunner),
        };
        if let Some(path) = path {
            app.open_path(path);
        }
        app
    }

    /// The UI language.
    #[must_use]
    pub fn lang(&self) -> Lang {
        self.settings.lang
    }

    /// Queues a request for the end of the frame.
    pub fn request(&mut self, request: Request) {
        self.requests.push(request);
    }

    /// Whether the open document has unsaved changes.
    #[must_use]
    pub fn is_modified(&self) -> bool {
        self.open.as_ref().is_some_and(|open| open.modified)
    }

    /// Makes `open` the document shown: selection, filter and caches start afresh. The window
    /// claims the document; when another window already has it open, the user is told.
    pub(crate) fn show_document(&mut self, mut open: OpenDocument) {
        if let Some(path) = &open.path {
            self.settings.remember_recent(path);
        }
        // Release the previous document's claim before claiming (it may be the same file).
        self.open = None;
        if let Some(store) = &self.recovery {
            match store.claim(open.path.as_deref()) {
                Ok(Some(claim)) => open.claim = Some(claim),
                Ok(None) => {
                    self.dialog =
                        Some(Dialog::OpenElsewhere(open.path.clone().unwrap_or_default()));
                }
                // No lock folder: nothing to warn about, nothing to claim.
                Err(_) => {}
            }
        }
        self.open = Some(open);
        self.generation += 1;
        self.autosave.saved_generation = self.generation;
        self.editor.selection = None;
        self.editor.filter = Filter::default();
    }

    /// Applies an edit to the open document as one undo step (or part of the current one).
    pub fn apply_edit(&mut self, edit: &Edit, merge: Option<MergeKey>) {
        let Some(open) = &mut self.open else { return };
        match open.history.apply(&mut open.document, edit, merge) {
            Ok(()) => {
                open.changed();
                self.generation += 1;
            }
            Err(error) => self.dialog = Some(Dialog::SaveError(error.to_string())),
        }
    }

    pub(crate) fn undo_or_redo(&mut self, redo: bool) {
        let Some(open) = &mut self.open else { return };
        let done = if redo {
            open.history.redo(&mut open.document)
        } else {
            open.history.undo(&mut open.document)
        };
        if done {
            open.changed();
            self.generation += 1;
        }
    }

    /// The window title: file name with 「●」 when modified, then the app name.
    #[must_use]
    pub fn window_title(&self) -> String {
        let app = tr(self.lang(), Key::AppName);
        match &self.open {
            Some(open) => {
                let name = open.path.as_ref().and_then(|p| p.file_name()).map_or_else(
                    || tr(self.lang(), Key::Untitled).to_owned(),
                    |n| n.to_string_lossy().into_owned(),
                );
                let mark = if open.modified { "● " } else { "" };
                format!("{mark}{name} — {app}")
            }
            None => app.to_owned(),
        }
    }

    /// One whole frame as eframe runs it: [`logic`](Self::logic), then [`show`](Self::show).
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        self.logic(ui.ctx());
        self.show(ui);
    }

    /// Draws the whole window and runs the queued requests.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if self.applied_dark_mode != Some(self.settings.dark_mode) {
            ctx.set_theme(if self.settings.dark_mode {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            });
            self.applied_dark_mode = Some(self.settings.dark_mode);
        }
        self.ime.filter(&ctx);
        self.take_dropped_files(&ctx);
        // egui drops the focus when Escape is pressed, before this runs: the in-place editor's
        // Escape must close that editor only, not also clear the filters.
        let keyboard_is_free = ctx.memory(|m| m.focused().is_none())
            && self.dialog.is_none()
            && !self.editor.grid.is_editing();
        for command in Command::pressed(&ctx, keyboard_is_free) {
            self.request(Request::Command(command));
        }
        let lang = self.lang();
        egui::Panel::top("koteihyo-menu").show(ui, |ui| menu::menu_bar_ui(ui, self));
        if !self.font_status.has_japanese() {
            egui::Panel::top("koteihyo-font-banner").show(ui, |ui| {
                ui.colored_label(ui.visuals().warn_fg_color, tr(Lang::En, Key::FontMissing));
            });
        }
        if let Some(open) = self.open.as_ref().filter(|_| self.view.is_editor()) {
            let document = &open.document;
            egui::Panel::top("koteihyo-filters").show(ui, |ui| {
                filter_toolbar_ui(ui, &mut self.editor.filter, document, lang);
            });
        }
        egui::Panel::bottom("koteihyo-status").show(ui, |ui| status_bar::status_bar_ui(ui, self));
        if self.editor.show_problems && self.open.as_ref().is_some_and(|o| !o.problems.is_empty()) {
            // Resizable: drag its top edge to read more problems at once.
            egui::Panel::bottom("koteihyo-problems")
                .resizable(true)
                .default_size(160.0)
                .size_range(60.0..=(ui.available_height() * 0.7).max(60.0))
                .show(ui, |ui| status_bar::problems_ui(ui, self));
        }
        if let (MainView::Compare(view), Some(open)) = (&mut self.view, &self.open) {
            let actions = view.ui(
                ui,
                &open.document,
                self.generation,
                &mut self.settings,
                lang,
            );
            self.requests
                .extend(actions.into_iter().map(Request::Compare));
        } else if let (MainView::Print(preview), Some(open)) = (&mut self.view, &self.open) {
            let has_errors = open
                .problems
                .iter()
                .any(|p| p.severity == crate::model::Severity::Error);
            let actions = egui::CentralPanel::default()
                .show(ui, |ui| {
                    // A document with errors prints wrong (an entry in FY0, a reversed span).
                    if has_errors {
                        ui.colored_label(
                            ui.visuals().error_fg_color,
                            tr(lang, Key::PrintHasErrors),
                        );
                    }
                    preview.ui(
                        ui,
                        &open.document,
                        self.generation,
                        &mut self.settings.print,
                        lang,
                    )
                })
                .inner;
            self.requests
                .extend(actions.into_iter().map(Request::Print));
        } else {
            self.editor_ui(ui, lang);
        }
        dialogs::dialogs_ui(&ctx, self);
        if self.view.is_editor() {
            self.find_replace_ui(&ctx);
        }
        self.run_requests(&ctx);
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// The editor: the details panel on the right, the grid in the middle.
    fn editor_ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        if let (Some(open), Some(selection)) = (&self.open, &self.editor.selection)
            && self
                .editor
                .filter
                .keep_selection_shown(&open.document, selection)
        {
            self.editor.scroll_to = Some(selection.clone());
        }
        if !self.settings.layout.hide_details {
            // On a small window the panel never takes more than half of it (F4 hides it).
            let limit = (ui.available_width() * 0.5).max(200.0);
            let panel = egui::Panel::right("koteihyo-details")
                .resizable(true)
                .default_size(self.settings.layout.details_width.min(limit))
                .size_range(200.0..=limit)
                .show(ui, |ui| match &self.open {
                    Some(open) => {
                        for action in
                            side_panel_ui(ui, &open.document, self.editor.selection.as_ref(), lang)
                        {
                            self.requests.push(match action {
                                PanelAction::Edit(edit, merge) => Request::Edit(edit, merge),
                                PanelAction::EndTyping => Request::EndTyping,
                                PanelAction::Select(selection) => Request::Select(selection),
                            });
                        }
                    }
                    None => {
                        ui.label(tr(lang, Key::PanelNothingSelected));
                    }
                });
            let width = panel.response.rect.width();
            if width < limit - 0.5 {
                // The user's width, not one the window's size forced.
                self.settings.layout.details_width = width.round();
            }
        }
        egui::CentralPanel::default().show(ui, |ui| match &self.open {
            Some(open) => {
                // 幅に合わせる: the grid gets widths scaled to the window; dragging a column edge
                // there keeps the dragged widths as the user's own and turns fitting off.
                let mut fitted = self.settings.layout.fit_columns.then(|| {
                    let width = ui.available_width() - ui.spacing().scroll.bar_width - 4.0;
                    self.settings.column_widths.fitted(&open.document, width)
                });
                let before = fitted.clone();
                let widths = match &mut fitted {
                    Some(widths) => widths,
                    None => &mut self.settings.column_widths,
                };
                let output = self.editor.grid.ui(
                    ui,
                    &open.document,
                    self.generation,
                    &self.editor.filter,
                    widths,
                    self.editor.selection.as_ref(),
                    self.editor.scroll_to.take().as_ref(),
                    lang,
                );
                if let Some(dragged) = fitted.filter(|w| Some(w) != before.as_ref()) {
                    self.settings.column_widths = dragged;
                    self.settings.layout.fit_columns = false;
                }
                if let Some(selection) = output.clicked {
                    self.requests.push(Request::Select(Some(selection)));
                }
                for (edit, merge) in output.edits {
                    self.requests.push(Request::Edit(Box::new(edit), merge));
                }
                if output.end_merge {
                    self.requests.push(Request::EndTyping);
                }
                if let Some(selection) = output.selected_after_edit {
                    self.requests.push(Request::Select(Some(selection)));
                }
            }
            None => {
                ui.centered_and_justified(|ui| ui.label(tr(lang, Key::NoDocument)));
            }
        });
    }

    fn take_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if let Some(path) = dropped
            .into_iter()
            .find(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")))
        {
            self.request(Request::OpenPath(path));
        }
    }

    fn run_requests(&mut self, ctx: &egui::Context) {
        if !self.requests.is_empty() {
            // What the requests change is drawn next frame: make sure there is one.
            ctx.request_repaint();
        }
        while !self.requests.is_empty() {
            for request in std::mem::take(&mut self.requests) {
                self.run_request(ctx, request);
            }
        }
    }

    fn run_request(&mut self, ctx: &egui::Context, request: Request) {
        match request {
            Request::Command(command) => self.run_command(ctx, command),
            Request::OpenPath(path) => self.unless_unsaved(Pending::Open(path), ctx),
            Request::Select(selection) => self.editor.selection = selection,
            Request::ScrollTo(selection) => self.editor.scroll_to = Some(selection),
            Request::Edit(edit, merge) => {
                let question = self
                    .open
                    .as_ref()
                    .and_then(|open| RoadblockRemoval::before(&open.document, &edit));
                match question {
                    Some(question) => self.dialog = Some(Dialog::RemoveRoadblock(question)),
                    None => self.apply_edit(&edit, merge),
                }
            }
            Request::RemoveRoadblock(removal, with_entries) => {
                self.apply_edit(&removal.edit(with_entries), None);
                if self
                    .editor
                    .selection
                    .as_ref()
                    .is_some_and(|s| s.id() == &removal.roadblock)
                {
                    self.editor.selection = None;
                }
            }
            Request::EndTyping => {
                if let Some(open) = &mut self.open {
                    open.history.end_merge();
                }
            }
            Request::SetLanguage(lang) => self.settings.lang = lang,
            Request::SetFontFile(path) => {
                self.settings.font_file = path;
                self.font_status =
                    fonts::install(ctx, self.settings.font_file.as_deref(), self.settings.lang);
                self.editor.grid = GridView::default();
            }
            Request::ChooseFontFile => {
                if let Some(path) = rfd::FileDialog::new()
                    .add_filter("Font", &["ttf", "otf", "ttc", "otc"])
                    .pick_file()
                {
                    self.request(Request::SetFontFile(Some(path)));
                }
            }
            Request::Resolve(pending, choice) => self.resolve(ctx, pending, choice),
            Request::SaveOverwriting(path) => self.save_to(&path, true),
            Request::SaveDroppingComments(path, overwrite_changed) => {
                self.save_checked(&path, overwrite_changed, true);
            }
            Request::SaveRevision(label, shift) => self.save_revision(&label, shift),
            Request::Recover(file, restore) => self.recover(&file, restore),
            Request::Print(action) => self.run_print_action(action),
            Request::Compare(action) => self.run_compare_action(action),
            Request::Find(action) => self.run_find_action(action),
            Request::ShowError(message) => self.dialog = Some(Dialog::SaveError(message)),
            Request::OpenInTextEditor(path) => {
                if let Err(error) = (self.open_in_text_editor)(&path) {
                    self.dialog = Some(Dialog::SaveError(format!("{}: {error}", path.display())));
                }
            }
        }
    }
}
