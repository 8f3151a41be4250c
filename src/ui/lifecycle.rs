//! What runs whether or not the window is drawn — eframe calls `App::logic` also while the
//! window is minimised or hidden, and `App::ui` only when it is shown: the close request (with
//! unsaved work: ask, never close silently), autosave with its retries, and the exit.

use std::time::{Duration, Instant, SystemTime};

use crate::ui::app::{Dialog, KoteihyoApp, Pending};

/// Unsaved changes are copied to the recovery folder this long after they were made.
pub const AUTOSAVE_AFTER: Duration = Duration::from_secs(30);

/// Writes the recovery copy of `document` (a copy of the file at `original`, if any); the
/// reason as text in `lang` when it fails (for the status bar).
fn write_recovery(
    store: &crate::io::RecoveryStore,
    original: Option<&std::path::Path>,
    document: &crate::model::Document,
    lang: crate::ui::i18n::Lang,
) -> Result<(), String> {
    store
        .write(original, document, SystemTime::now())
        .map(|_| ())
        .map_err(|error| error.sentence(lang))
}

/// Autosave of unsaved work to the recovery folder: when it is due, the write in flight,
/// what was last written and why the last try failed.
pub struct Autosave {
    /// When the next autosave is due.
    pub(crate) due: Option<Instant>,
    /// The autosave being written on its own thread, if any.
    pub(crate) task: Option<AutosaveTask>,
    /// The generation of the document last written.
    pub(crate) saved_generation: u64,
    /// Why the last autosave failed, until one succeeds (shown in the status bar).
    pub error: Option<String>,
    /// How long after a change (or a failed try) autosave writes: [`AUTOSAVE_AFTER`] (tests
    /// make it zero).
    pub delay: Duration,
}

impl Default for Autosave {
    fn default() -> Self {
        Self {
            due: None,
            task: None,
            saved_generation: 0,
            error: None,
            delay: AUTOSAVE_AFTER,
        }
    }
}

/// An autosave being written on its own thread.
pub(crate) struct AutosaveTask {
    /// The generation of the document being written.
    generation: u64,
    handle: std::thread::JoinHandle<Result<(), String>>,
}

impl KoteihyoApp {
    /// The frame's work that draws nothing: runs before every drawn frame and also while the
    /// window is minimised or hidden (eframe's `App::logic`).
    pub fn logic(&mut self, ctx: &egui::Context) {
        self.handle_close_request(ctx);
        self.autosave(ctx);
    }

    /// Closing the window with unsaved changes asks first, even when the window is minimised
    /// or hidden (a taskbar 閉じる, logging off): the close is cancelled, the work is copied to
    /// the recovery folder at once, and the window comes back to show the question.
    fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !(ctx.input(|i| i.viewport().close_requested())
            && self.is_modified()
            && !self.allow_close)
        {
            return;
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        // If the system closes us anyway (logging off), the work is in the recovery folder.
        self.autosave_now();
        self.dialog = Some(Dialog::Unsaved(Pending::Quit));
        ctx.send_viewport_cmd(egui::ViewportCommand::Visible(true));
        ctx.send_viewport_cmd(egui::ViewportCommand::Minimized(false));
        ctx.send_viewport_cmd(egui::ViewportCommand::Focus);
        ctx.request_repaint();
    }

    /// Copies unsaved changes to the recovery folder [`AUTOSAVE_AFTER`] after they were made,
    /// on a thread of its own; a failure is shown in the status bar and tried again as long
    /// after.
    fn autosave(&mut self, ctx: &egui::Context) {
        self.finish_autosave(false);
        if self.autosave.task.is_some() {
            // A copy is being written on its own thread; look again shortly.
            ctx.request_repaint_after(Duration::from_millis(50));
            return;
        }
        let (Some(_), Some(open)) = (&self.recovery, &self.open) else {
            return;
        };
        if !open.modified || self.generation == self.autosave.saved_generation {
            self.autosave.due = None;
            return;
        }
        let now = Instant::now();
        let due = *self.autosave.due.get_or_insert(now + self.autosave.delay);
        if now < due {
            ctx.request_repaint_after(due - now);
            return;
        }
        self.start_autosave();
        ctx.request_repaint_after(Duration::from_millis(50));
    }

    /// Starts writing a copy of the document to the recovery folder on its own thread: the
    /// frame pays for the copy only, never for serialising or the disk.
    fn start_autosave(&mut self) {
        let (Some(store), Some(open)) = (&self.recovery, &self.open) else {
            return;
        };
        let (store, path, document) = (store.clone(), open.path.clone(), open.document.clone());
        let lang = self.lang();
        let handle =
            std::thread::spawn(move || write_recovery(&store, path.as_deref(), &document, lang));
        self.autosave.task = Some(AutosaveTask {
            generation: self.generation,
            handle,
        });
    }

    /// Takes the result of the autosave in flight once it is done (or, with `wait`, waits
    /// for it): the generation it wrote, or the error for the status bar and a retry later.
    fn finish_autosave(&mut self, wait: bool) {
        let Some(task) = self
            .autosave
            .task
            .take_if(|task| wait || task.handle.is_finished())
        else {
            return;
        };
        let lang = self.lang();
        let result = task.handle.join().unwrap_or_else(|_| {
            Err(lang
                .pick(
                    "自動保存の処理が止まりました",
                    "the autosave thread stopped",
                )
                .to_owned())
        });
        if !self.record_autosave(task.generation, result) {
            self.autosave.due = Some(Instant::now() + self.autosave.delay);
        }
    }

    /// Takes in how writing the recovery copy of `generation` went: the generation written, or
    /// the reason for the status bar. True when it was written.
    fn record_autosave(&mut self, generation: u64, result: Result<(), String>) -> bool {
        match result {
            Ok(()) => {
                self.autosave.saved_generation = generation;
                if generation == self.generation {
                    self.autosave.due = None;
                }
                self.autosave.error = None;
                true
            }
            Err(error) => {
                self.autosave.error = Some(error);
                false
            }
        }
    }

    /// Writes the recovery copy now, on this thread (closing, exiting, a restored document),
    /// after any autosave in flight, so two writers never race; false when it could not be
    /// written (the reason is kept in `autosave_error` for the status bar). The user's file is
    /// never touched.
    pub fn autosave_now(&mut self) -> bool {
        self.finish_autosave(true);
        let (Some(store), Some(open)) = (&self.recovery, &self.open) else {
            return false;
        };
        let result = write_recovery(store, open.path.as_deref(), &open.document, self.lang());
        self.record_autosave(self.generation, result)
    }

    /// The window is closing for good: the recovery copy is removed only when there is no
    /// unsaved work (saved, or the user said 保存しない); otherwise it is brought up to date
    /// and kept, to be offered at the next start.
    pub fn exit(&mut self) {
        if self.is_modified() {
            if self.generation != self.autosave.saved_generation {
                self.autosave_now();
            }
        } else {
            self.discard_recovery();
        }
    }
}

impl eframe::App for KoteihyoApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        KoteihyoApp::logic(self, ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }

    /// Removes the recovery file only when nothing is unsaved.
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.exit();
    }
}
