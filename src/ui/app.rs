//! The application: its runtime state, the frame's layout of panels, and the requests that
//! widgets queue and the app runs at the end of the frame.

use std::path::{Path, PathBuf};

use crate::io;
use crate::model::{Document, Problem, validate};
use crate::ui::command::Command;
use crate::ui::filter::{Filter, filter_toolbar_ui, search_field_id};
use crate::ui::fonts::{self, FontStatus};
use crate::ui::grid::GridView;
use crate::ui::i18n::{Key, Lang, tr};
use crate::ui::selection::{Selection, navigation_order, step};
use crate::ui::settings::Settings;
use crate::ui::side_panel::{first_field_id, side_panel_ui};
use crate::ui::{dialogs, menu, status_bar};

/// Something a widget asks the app to do once the frame is drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Run a menu or shortcut command.
    Command(Command),
    /// Open this roadmap file.
    OpenPath(PathBuf),
    /// Select an entity of the grid.
    Select(Selection),
    /// Switch the UI language.
    SetLanguage(Lang),
    /// Use this font file (or the system's, for `None`).
    SetFontFile(Option<PathBuf>),
    /// Ask for a font file with the native dialog.
    ChooseFontFile,
}

/// The document being shown.
pub struct OpenDocument {
    /// The file it came from.
    pub path: PathBuf,
    /// The document.
    pub document: Document,
    /// Its validation problems.
    pub problems: Vec<Problem>,
}

/// A window shown over the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dialog {
    /// A file could not be opened; the message has `file:line:column`.
    LoadError(String),
    /// The settings window.
    Settings,
    /// The about window.
    About,
}

/// The editor.
pub struct KoteihyoApp {
    /// Remembered between runs.
    pub settings: Settings,
    /// The open document, if any.
    pub open: Option<OpenDocument>,
    /// Changes whenever the open document does (for caches).
    pub generation: u64,
    /// The row filter.
    pub filter: Filter,
    /// The selected entity.
    pub selection: Option<Selection>,
    /// A selection to scroll into view this frame.
    scroll_to: Option<Selection>,
    /// The grid's cached layout.
    grid: GridView,
    /// Which font is in use.
    pub font_status: FontStatus,
    /// The dialog shown, if any.
    pub dialog: Option<Dialog>,
    /// Requests queued this frame.
    requests: Vec<Request>,
    /// The window title last sent.
    title: String,
    /// The theme last applied.
    applied_dark_mode: Option<bool>,
}

impl KoteihyoApp {
    /// Creates the app: installs the Japanese font in `ctx` and opens `path` if given.
    #[must_use]
    pub fn new(ctx: &egui::Context, settings: Settings, path: Option<&Path>) -> Self {
        let font_status = fonts::install(ctx, settings.font_file.as_deref());
        Self::with_font_status(settings, path, font_status)
    }

    /// Creates the app with the font already installed (tests install it in their context).
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
            filter: Filter::default(),
            selection: None,
            scroll_to: None,
            grid: GridView::default(),
            font_status,
            dialog: None,
            requests: Vec::new(),
            title: String::new(),
            applied_dark_mode: None,
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

    /// Opens a roadmap file. On failure the error is shown and the current document stays.
    pub fn open_path(&mut self, path: &Path) {
        match io::load(path) {
            Ok(document) => {
                let problems = validate(&document);
                self.open = Some(OpenDocument {
                    path: path.to_path_buf(),
                    document,
                    problems,
                });
                self.generation += 1;
                self.selection = None;
                self.filter = Filter::default();
                self.settings.remember_recent(path);
            }
            Err(error) => self.dialog = Some(Dialog::LoadError(error.to_string())),
        }
    }

    /// The window title: file name, then the app name.
    #[must_use]
    pub fn window_title(&self) -> String {
        let app = tr(self.lang(), Key::AppName);
        match &self.open {
            Some(open) => format!(
                "{} — {app}",
                open.path
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
            ),
            None => app.to_owned(),
        }
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
        self.take_dropped_files(&ctx);
        let keyboard_is_free = ctx.memory(|m| m.focused().is_none()) && self.dialog.is_none();
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
        if let Some(open) = &self.open {
            let document = &open.document;
            egui::Panel::top("koteihyo-filters").show(ui, |ui| {
                filter_toolbar_ui(ui, &mut self.filter, document, lang);
            });
        }
        egui::Panel::bottom("koteihyo-status").show(ui, |ui| status_bar::status_bar_ui(ui, self));
        egui::Panel::right("koteihyo-details")
            .resizable(true)
            .default_size(340.0)
            .show(ui, |ui| match &self.open {
                Some(open) => side_panel_ui(ui, &open.document, self.selection.as_ref(), lang),
                None => {
                    ui.label(tr(lang, Key::PanelNothingSelected));
                }
            });
        egui::CentralPanel::default().show(ui, |ui| match &self.open {
            Some(open) => {
                let output = self.grid.ui(
                    ui,
                    &open.document,
                    self.generation,
                    &self.filter,
                    &mut self.settings.column_widths,
                    self.selection.as_ref(),
                    self.scroll_to.take().as_ref(),
                );
                if let Some(selection) = output.clicked {
                    self.requests.push(Request::Select(selection));
                }
            }
            None => {
                ui.centered_and_justified(|ui| ui.label(tr(lang, Key::NoDocument)));
            }
        });
        dialogs::dialogs_ui(&ctx, self);
        self.run_requests(&ctx);
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
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
        for request in std::mem::take(&mut self.requests) {
            match request {
                Request::Command(command) => self.run_command(ctx, command),
                Request::OpenPath(path) => self.open_path(&path),
                Request::Select(selection) => self.selection = Some(selection),
                Request::SetLanguage(lang) => self.settings.lang = lang,
                Request::SetFontFile(path) => {
                    self.settings.font_file = path;
                    self.font_status = fonts::install(ctx, self.settings.font_file.as_deref());
                    self.grid = GridView::default();
                }
                Request::ChooseFontFile => {
                    if let Some(path) = rfd::FileDialog::new()
                        .add_filter("Font", &["ttf", "otf", "ttc", "otc"])
                        .pick_file()
                    {
                        self.request(Request::SetFontFile(Some(path)));
                        self.run_requests(ctx);
                    }
                }
            }
        }
    }

    fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Open => {
                if let Some(path) = rfd::FileDialog::new()
                    .add_filter("工程表 (RON)", &["ron"])
                    .pick_file()
                {
                    self.open_path(&path);
                }
            }
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Find => ctx.memory_mut(|m| m.request_focus(search_field_id())),
            Command::ClearFilters => self.filter = Filter::default(),
            Command::SelectNext | Command::SelectPrevious => {
                if let Some(open) = &self.open {
                    let order = navigation_order(&open.document, &self.filter);
                    let direction = if command == Command::SelectNext {
                        1
                    } else {
                        -1
                    };
                    self.selection = step(&order, self.selection.as_ref(), direction);
                    self.scroll_to.clone_from(&self.selection);
                }
            }
            Command::FocusPanel => {
                if self.selection.is_some() {
                    ctx.memory_mut(|m| m.request_focus(first_field_id()));
                }
            }
            Command::ZoomIn => egui::gui_zoom::zoom_in(ctx),
            Command::ZoomOut => egui::gui_zoom::zoom_out(ctx),
            Command::ZoomReset => ctx.set_zoom_factor(1.0),
            Command::ToggleDarkMode => self.settings.dark_mode = !self.settings.dark_mode,
            Command::Settings => self.dialog = Some(Dialog::Settings),
            Command::About => self.dialog = Some(Dialog::About),
        }
    }
}

impl eframe::App for KoteihyoApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}
