//! The editor's file operations: open, new, save, save as, save as new revision, the
//! unsaved-changes question, changes made on disk by others, autosave and crash recovery.
//! Every write of the user's file goes through `io::save_text` (atomic, with a `.bak`), in the
//! file's own style (byte-order mark, line endings).

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::edit::new_revision;
use crate::io;
use crate::model::{Document, Legend, seed_columns};
use crate::ui::app::{Choice, Dialog, KoteihyoApp, OpenDocument, Pending};
use crate::ui::i18n::{Key, tr};

/// What a file on disk looked like when it was loaded or saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    modified: Option<SystemTime>,
    len: u64,
}

impl FileStamp {
    /// The file's stamp now, or `None` when it does not exist.
    #[must_use]
    pub fn of(path: &Path) -> Option<Self> {
        let metadata = std::fs::metadata(path).ok()?;
        Some(Self {
            modified: metadata.modified().ok(),
            len: metadata.len(),
        })
    }
}

impl KoteihyoApp {
    /// Opens a roadmap file. On failure the error is shown and the current document stays.
    pub fn open_path(&mut self, path: &Path) {
        match io::load_with_text(path) {
            Ok(loaded) => {
                let mut open = OpenDocument::new(
                    Some(path.to_path_buf()),
                    loaded.document,
                    FileStamp::of(path),
                );
                open.has_comments = io::has_comments(&loaded.text);
                open.style = io::TextStyle::of(&loaded.text);
                self.load_failure = None;
                self.show_document(open);
            }
            Err(error) => {
                let failure = crate::ui::load_failure::LoadFailure::of(&error);
                self.load_failure = Some(failure.clone());
                self.dialog = Some(Dialog::LoadError(failure));
            }
        }
    }

    /// Runs `pending` now, or first asks 保存 / 保存しない / キャンセル when there are unsaved changes.
    pub(crate) fn unless_unsaved(&mut self, pending: Pending, ctx: &egui::Context) {
        if self.is_modified() {
            self.dialog = Some(Dialog::Unsaved(pending));
        } else {
            self.carry_out(pending, ctx);
        }
    }

    /// The answer to the unsaved-changes question.
    pub(crate) fn resolve(&mut self, ctx: &egui::Context, pending: Pending, choice: Choice) {
        self.dialog = None;
        match choice {
            Choice::Cancel => {}
            Choice::DontSave => {
                self.discard_recovery();
                if let Some(open) = &mut self.open {
                    open.modified = false;
                }
                self.carry_out(pending, ctx);
            }
            Choice::Save => {
                self.save();
                if !self.is_modified() {
                    self.carry_out(pending, ctx);
                }
            }
        }
    }

    fn carry_out(&mut self, pending: Pending, ctx: &egui::Context) {
        match pending {
            Pending::Open(path) => self.open_path(&path),
            Pending::OpenDialog => {
                if let Some(path) = rfd::FileDialog::new()
                    .add_filter("工程表 (RON)", &["ron"])
                    .pick_file()
                {
                    self.open_path(&path);
                }
            }
            Pending::New => {
                self.show_document(OpenDocument::new(None, new_document(self.lang()), None));
            }
            Pending::Quit => {
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// ファイル > 保存: to the document's file, or ask for one.
    pub fn save(&mut self) {
        match self.open.as_ref().map(|open| open.path.clone()) {
            Some(Some(path)) => self.save_to(&path, false),
            Some(None) => self.save_as(),
            None => {}
        }
    }

    /// ファイル > 名前を付けて保存.
    pub fn save_as(&mut self) {
        if let Some(path) = ask_save_path(self.open.as_ref().and_then(|o| o.path.as_deref())) {
            self.save_to(&path, true);
        }
    }

    /// Saves atomically to `path` (keeping `.bak`). Unless `overwrite_changed`, a file changed on
    /// disk since it was loaded is not overwritten: the user is asked first; so too before
    /// saving over the file's comments.
    pub fn save_to(&mut self, path: &Path, overwrite_changed: bool) {
        self.save_checked(path, overwrite_changed, false);
    }

    /// [`save_to`](Self::save_to), with the comments question already answered when
    /// `drop_comments`.
    pub(crate) fn save_checked(
        &mut self,
        path: &Path,
        overwrite_changed: bool,
        drop_comments: bool,
    ) {
        let Some(open) = &mut self.open else { return };
        let same_file = open.path.as_deref() == Some(path);
        if same_file && !overwrite_changed && FileStamp::of(path) != open.stamp {
            self.dialog = Some(Dialog::ChangedOnDisk(path.to_path_buf()));
            return;
        }
        if same_file && open.has_comments && !drop_comments {
            self.dialog = Some(Dialog::DropComments(path.to_path_buf(), overwrite_changed));
            return;
        }
        // In the file's own style (a file from Windows keeps its CRLF line ends).
        match io::save_text(path, &open.style.apply(&io::to_ron_string(&open.document))) {
            Ok(()) => {
                let previous_path = open.path.replace(path.to_path_buf());
                open.mark_saved();
                open.stamp = FileStamp::of(path);
                // The file now written has no comments; a comment-bearing file saved under
                // another name keeps its comments, and the window now edits the new file.
                open.has_comments = false;
                open.changed();
                self.settings.remember_recent(path);
                if let Some(store) = &self.recovery {
                    let _ = store.discard(previous_path.as_deref());
                    let _ = store.discard(Some(path));
                    // The claim follows the document to its new name.
                    if previous_path.as_deref() != Some(path) {
                        open.claim = None;
                        open.claim = store.claim(Some(path)).ok().flatten();
                    }
                }
                self.autosave.saved_generation = self.generation;
            }
            Err(error) => self.dialog = Some(Dialog::SaveError(error.sentence(self.lang()))),
        }
    }

    /// 新しい改訂版として保存: every id kept, a new label, the timeline shifted; saved to a new file.
    pub(crate) fn save_revision(&mut self, label: &str, shift_years: i32) {
        self.dialog = None;
        let Some(open) = &self.open else { return };
        let next = new_revision(&open.document, label, shift_years);
        if let Some(path) = ask_save_path(open.path.as_deref()) {
            self.save_new_revision_to(next, &path);
        }
    }

    /// Saves `next` to `path` and shows it; the previous document is left as it was.
    pub fn save_new_revision_to(&mut self, next: Document, path: &Path) {
        // The new revision's file is written in the style of the one it came from.
        let style = self.open.as_ref().map(|o| o.style).unwrap_or_default();
        match io::save_text(path, &style.apply(&io::to_ron_string(&next))) {
            Ok(()) => {
                let mut open =
                    OpenDocument::new(Some(path.to_path_buf()), next, FileStamp::of(path));
                open.style = style;
                self.show_document(open);
            }
            Err(error) => self.dialog = Some(Dialog::SaveError(error.sentence(self.lang()))),
        }
    }

    /// Removes the recovery copy of the open document (saved, discarded, or a clean exit).
    pub(crate) fn discard_recovery(&mut self) {
        if let (Some(store), Some(open)) = (&self.recovery, &self.open) {
            let _ = store.discard(open.path.as_deref());
        }
    }

    /// Offers to restore recovery files left by a session that did not end cleanly.
    pub fn offer_recovery(&mut self) {
        let Some(store) = &self.recovery else { return };
        // Another running window's copy is its live work, not something to recover.
        let own = self
            .open
            .as_ref()
            .map(|open| store.file_for(open.path.as_deref()));
        let found: Vec<io::Recovery> = store
            .list()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|r| own.as_ref() == Some(&r.recovery_file) || !store.in_use(&r.recovery_file))
            .collect();
        if !found.is_empty() {
            self.dialog = Some(Dialog::Recovery(found));
        }
    }

    /// 復元 (`restore`) shows the recovered document, unsaved; 破棄 deletes the recovery file.
    pub(crate) fn recover(&mut self, file: &Path, restore: bool) {
        let Some(Dialog::Recovery(found)) = &mut self.dialog else {
            return;
        };
        let Some(index) = found.iter().position(|r| r.recovery_file == file) else {
            return;
        };
        let recovery = found.remove(index);
        if found.is_empty() {
            self.dialog = None;
        }
        if restore {
            let stamp = recovery.original.as_deref().and_then(FileStamp::of);
            let saved = recovery
                .original
                .as_deref()
                .and_then(|p| io::load_with_text(p).ok());
            let mut open = OpenDocument::new(recovery.original.clone(), recovery.document, stamp);
            if let Some(saved) = saved {
                open.style = io::TextStyle::of(&saved.text);
                open.has_comments = io::has_comments(&saved.text);
                open.saved = saved.document;
            } else {
                // No file to compare with (untitled, or gone): the work is unsaved.
                open.saved = Document::default();
            }
            // Restored work is modified until saved, unless it equals the file.
            if open.saved != open.document {
                open.saved_revision = None;
            }
            open.changed();
            self.show_document(open);
            // The restored work is copied at once under this session's name; a recovery file of
            // another session (an untitled one names its process) is then no longer needed.
            self.autosave_now();
            if let Some(store) = &self.recovery
                && store.file_for(recovery.original.as_deref()) != recovery.recovery_file
            {
                let _ = store.discard_file(&recovery.recovery_file);
            }
        } else if let Some(store) = &self.recovery {
            let _ = store.discard_file(&recovery.recovery_file);
        }
    }
}

/// A new document from the template: the seed's columns and legend, today's timeline style.
#[must_use]
pub fn new_document(lang: crate::ui::i18n::Lang) -> Document {
    let legend = Legend {
        caption: String::new(),
        categories: [
            ('A', "法改正が必要な事項"),
            ('B', "運用ガイドラインの作成や制度の運用の変更が必要な事項"),
            ('C', "現行制度の周知が必要な事項"),
            ('D', "国において、研究・基盤整備が必要な事項"),
            ('E', "その他（民間対応等）"),
        ]
        .into_iter()
        .map(|(letter, text)| crate::model::Category {
            letter,
            text: text.to_owned(),
        })
        .collect(),
    };
    let mut document = Document {
        legend,
        columns: seed_columns(),
        ..Document::default()
    };
    tr(lang, Key::NewDocumentTitle).clone_into(&mut document.meta.title);
    document
}

fn ask_save_path(current: Option<&Path>) -> Option<PathBuf> {
    let mut dialog = rfd::FileDialog::new().add_filter("工程表 (RON)", &["ron"]);
    if let Some(name) = current.and_then(Path::file_name) {
        dialog = dialog.set_file_name(name.to_string_lossy());
    }
    let mut path = dialog.save_file()?;
    if path.extension().is_none() {
        path.set_extension("ron");
    }
    Some(path)
}
