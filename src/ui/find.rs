//! 検索と置換 (Ctrl+H): a non-modal window over the editor — find and replace texts, match case
//! and whole-text options, the live count, 次へ, 置換 and 全て置換 (one undo step). The search
//! and the edits are `edit::replace`'s; this module draws and runs them.

use crate::edit::{FindOptions, TextMatch, find_all, replace_all, replace_one};
use crate::ui::app::{KoteihyoApp, Request};
use crate::ui::i18n::{Key, Lang, tr};
use crate::ui::selection::selection_for;

/// A button of the find-and-replace window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindAction {
    /// 次へ: select the next match's entity and scroll to it.
    Next,
    /// 置換: replace the current match (or go to the first one when there is none), then go on.
    ReplaceOne,
    /// 全て置換: replace every match as one undo step.
    ReplaceAll,
    /// 閉じる.
    Close,
}

/// The state of the find-and-replace window while it is open.
#[derive(Debug, Clone, Default)]
pub struct FindReplace {
    /// What is searched for, and how.
    pub options: FindOptions,
    /// 置換後の文字列.
    pub replacement: String,
    /// The match 次へ went to (an index into the matches), if any.
    pub current: Option<usize>,
    /// How many texts the last 全て置換 or 置換 replaced.
    pub replaced: Option<usize>,
    /// The matches, cached for (document generation, options).
    cache: Option<(u64, FindOptions, Vec<TextMatch>)>,
    /// Put the cursor in the find field on the next frame.
    focus: bool,
}

/// The id of the find field (Ctrl+H puts the cursor there).
fn find_field_id() -> egui::Id {
    egui::Id::unique("koteihyo-find-replace-query")
}

impl FindReplace {
    /// A fresh window, the cursor in the find field.
    #[must_use]
    pub fn new() -> Self {
        Self {
            focus: true,
            ..Self::default()
        }
    }

    /// Asks for the cursor in the find field again (Ctrl+H while open).
    pub fn focus(&mut self) {
        self.focus = true;
    }

    /// The matches in `document` (at `generation`), computed again only when either changed.
    pub fn matches(&mut self, document: &crate::model::Document, generation: u64) -> &[TextMatch] {
        let fresh = self
            .cache
            .as_ref()
            .is_some_and(|(g, o, _)| *g == generation && *o == self.options);
        if !fresh {
            let found = find_all(document, &self.options);
            self.cache = Some((generation, self.options.clone(), found));
        }
        self.cache.as_ref().map_or(&[], |(_, _, found)| found)
    }

    /// Draws the window; returns the buttons pressed.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        document: &crate::model::Document,
        generation: u64,
        lang: Lang,
    ) -> Vec<FindAction> {
        let mut actions = Vec::new();
        let mut open = true;
        egui::Window::new(tr(lang, Key::FindTitle))
            .id(egui::Id::unique("koteihyo-find-replace"))
            .open(&mut open)
            .resizable(false)
            .collapsible(false)
            .default_pos(ctx.content_rect().right_top() + egui::vec2(-380.0, 80.0))
            .show(ctx, |ui| {
                self.contents_ui(ui, document, generation, lang, &mut actions);
            });
        if !open {
            actions.push(FindAction::Close);
        }
        actions
    }

    fn contents_ui(
        &mut self,
        ui: &mut egui::Ui,
        document: &crate::model::Document,
        generation: u64,
        lang: Lang,
        actions: &mut Vec<FindAction>,
    ) {
        let before = self.options.clone();
        egui::Grid::new("koteihyo-find-fields")
            .num_columns(2)
            .show(ui, |ui| {
                let name = ui.label(tr(lang, Key::FindQuery));
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.options.query)
                            .id(find_field_id())
                            .desired_width(240.0),
                    )
                    .labelled_by(name.id);
                if std::mem::take(&mut self.focus) {
                    field.request_focus();
                }
                if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    actions.push(FindAction::Next);
                }
                ui.end_row();
                let name = ui.label(tr(lang, Key::FindReplacement));
                ui.add(egui::TextEdit::singleline(&mut self.replacement).desired_width(240.0))
                    .labelled_by(name.id);
                ui.end_row();
            });
        ui.horizontal(|ui| {
            ui.checkbox(&mut self.options.match_case, tr(lang, Key::FindMatchCase));
            ui.checkbox(&mut self.options.whole_text, tr(lang, Key::FindWholeText));
        });
        if self.options != before {
            self.current = None;
            self.replaced = None;
        }
        let count = self.matches(document, generation).len();
        let status = match (self.current.filter(|&c| c < count), self.replaced) {
            (_, Some(replaced)) => {
                tr(lang, Key::FindReplaced).replace("{n}", &replaced.to_string())
            }
            (Some(current), None) => tr(lang, Key::FindPosition)
                .replace("{i}", &(current + 1).to_string())
                .replace("{n}", &count.to_string()),
            (None, None) => tr(lang, Key::FindCount).replace("{n}", &count.to_string()),
        };
        ui.label(status);
        ui.horizontal(|ui| {
            let any = count > 0;
            for (key, action) in [
                (Key::FindNext, FindAction::Next),
                (Key::FindReplaceOne, FindAction::ReplaceOne),
                (Key::FindReplaceAll, FindAction::ReplaceAll),
            ] {
                if ui
                    .add_enabled(any, egui::Button::new(tr(lang, key)))
                    .clicked()
                {
                    actions.push(action);
                }
            }
            if ui.button(tr(lang, Key::FindClose)).clicked() {
                actions.push(FindAction::Close);
            }
        });
    }
}

impl KoteihyoApp {
    /// Draws the find-and-replace window when it is open and queues what its buttons ask.
    pub(crate) fn find_replace_ui(&mut self, ctx: &egui::Context) {
        let lang = self.lang();
        let (Some(find), Some(open)) = (&mut self.find, &self.open) else {
            return;
        };
        for action in find.ui(ctx, &open.document, self.generation, lang) {
            self.request(Request::Find(action));
        }
    }

    /// Carries out a button of the find-and-replace window.
    pub(crate) fn run_find_action(&mut self, action: FindAction) {
        if action == FindAction::Close {
            self.find = None;
            return;
        }
        let (Some(find), Some(open)) = (&mut self.find, &mut self.open) else {
            return;
        };
        let document = &open.document;
        let count = find.matches(document, self.generation).len();
        find.replaced = None;
        let current = find.current.filter(|&c| c < count);
        if action == FindAction::ReplaceAll {
            let replacement = replace_all(document, &find.options, &find.replacement);
            find.replaced = Some(replacement.count);
            find.current = None;
            if let Some(edit) = replacement.edit {
                open.history.end_merge();
                self.apply_edit(&edit, None);
            }
            return;
        }
        let (edit, go_to) = match current {
            Some(current) if action == FindAction::ReplaceOne => {
                let replacement = replace_one(document, &find.options, &find.replacement, current);
                find.replaced = Some(replacement.count);
                // The match after the replaced one now has its index, unless the replacement
                // itself matches: then step over it.
                let step = usize::from(!find_all_in_replacement(find));
                (replacement.edit, current + 1 - step)
            }
            _ => (None, current.map_or(0, |c| c + 1)),
        };
        if let Some(edit) = edit {
            open.history.end_merge();
            self.apply_edit(&edit, None);
        }
        let Some(find) = &mut self.find else { return };
        let Some(open) = &self.open else { return };
        let matches = find.matches(&open.document, self.generation);
        if matches.is_empty() {
            find.current = None;
            return;
        }
        let index = go_to % matches.len();
        let target = matches[index].place.entity.clone();
        find.current = Some(index);
        // A text of the cover, legend, columns or notes selects nothing: the details panel then
        // shows the document's own fields, where it is.
        self.editor.selection = target.and_then(|id| selection_for(&open.document, &id));
        self.editor.scroll_to.clone_from(&self.editor.selection);
    }
}

/// Whether the replacement text itself contains a match (so the replaced text is found again).
fn find_all_in_replacement(find: &FindReplace) -> bool {
    !crate::edit::matches_in(&find.replacement, &find.options).is_empty()
}
