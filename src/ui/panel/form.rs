//! Labelled, accessible fields for the panel's editors, collecting what changed.

use egui::Ui;

use super::PanelAction;
use crate::edit::{Edit, Entity, MergeKey, Parent};
use crate::ui::actions::Then;
use crate::ui::i18n::{Key, Lang, tr};
use crate::ui::links::links_ui;
use crate::ui::selection::Selection;

/// The id of the panel's first field, so Enter can move focus there.
#[must_use]
pub fn first_field_id() -> egui::Id {
    egui::Id::unique("koteihyo-panel-first-field")
}

/// Builds one editor's fields and collects the resulting actions.
pub struct Form {
    /// The UI language.
    pub lang: Lang,
    first: bool,
    actions: Vec<PanelAction>,
}

impl Form {
    /// A form in `lang`.
    #[must_use]
    pub fn new(lang: Lang) -> Self {
        Self {
            lang,
            first: true,
            actions: Vec::new(),
        }
    }

    /// The text of `key`.
    #[must_use]
    pub fn tr(&self, key: Key) -> &'static str {
        tr(self.lang, key)
    }

    /// The editor's heading.
    pub fn heading(&self, ui: &mut Ui, key: Key) {
        ui.heading(self.tr(key));
        ui.separator();
    }

    fn label(&self, ui: &mut Ui, key: Key) -> egui::Response {
        ui.label(egui::RichText::new(self.tr(key)).small().strong())
    }

    fn track(&mut self, response: &egui::Response) {
        if response.lost_focus() {
            self.actions.push(PanelAction::EndTyping);
        }
    }

    /// A labelled text field, with the web links it holds under it; returns true when its
    /// text changed.
    pub fn text(&mut self, ui: &mut Ui, key: Key, value: &mut String, multiline: bool) -> bool {
        self.text_labelled(ui, self.tr(key), value, multiline)
    }

    /// [`Form::text`] under a label of the document's own words (a text column's header).
    pub fn text_labelled(
        &mut self,
        ui: &mut Ui,
        label: &str,
        value: &mut String,
        multiline: bool,
    ) -> bool {
        let name = ui.label(egui::RichText::new(label).small().strong());
        let id = if std::mem::take(&mut self.first) {
            first_field_id()
        } else {
            ui.next_auto_id()
        };
        // While an input method composes, the field shows its draft (the document's text with
        // the pre-edit in it) and the document is not touched; the commit is one edit.
        let original = value.clone();
        let draft_id = id.with("ime-draft");
        let focused = ui.memory(|m| m.has_focus(id));
        if let Some(draft) = ui
            .data(|d| d.get_temp::<String>(draft_id))
            .filter(|_| focused)
        {
            *value = draft;
        }
        let edit = if multiline {
            egui::TextEdit::multiline(value).desired_rows(2)
        } else {
            egui::TextEdit::singleline(value)
        };
        let response = ui
            .add(edit.desired_width(f32::INFINITY).id(id))
            .labelled_by(name.id);
        self.track(&response);
        let changed = if focused && crate::ui::ime::is_composing(ui.ctx()) {
            let draft = value.clone();
            ui.data_mut(|d| d.insert_temp(draft_id, draft));
            *value = original;
            false
        } else {
            ui.data_mut(|d| d.remove_temp::<String>(draft_id));
            *value != original
        };
        links_ui(ui, value);
        ui.add_space(4.0);
        changed
    }

    /// Lines edited as one multi-line field (one bullet per line); returns true when changed.
    pub fn lines(&mut self, ui: &mut Ui, key: Key, lines: &mut Vec<String>) -> bool {
        let mut text = lines.join("\n");
        let changed = self.text(ui, key, &mut text, true);
        if changed {
            *lines = if text.is_empty() {
                Vec::new()
            } else {
                text.split('\n').map(str::to_owned).collect()
            };
        }
        changed
    }

    /// A labelled number; returns true when it changed.
    pub fn number<N: egui::emath::Numeric>(
        &mut self,
        ui: &mut Ui,
        key: Key,
        value: &mut N,
        range: std::ops::RangeInclusive<N>,
    ) -> bool {
        ui.horizontal(|ui| {
            let name = self.label(ui, key);
            let response = ui
                .add(egui::DragValue::new(value).range(range))
                .labelled_by(name.id);
            self.track(&response);
            response.changed()
        })
        .inner
    }

    /// A labelled fiscal year, shown in the document's label `style` (令和５年度, 2023年度); typing
    /// 令和5, R5 or 2023 sets it. Returns true when it changed.
    pub fn year(
        &mut self,
        ui: &mut Ui,
        key: Key,
        year: &mut crate::model::FiscalYear,
        style: crate::model::LabelStyle,
    ) -> bool {
        use crate::model::{FiscalYear, parse_fiscal_year};
        ui.horizontal(|ui| {
            let name = self.label(ui, key);
            let response = ui
                .add(
                    egui::DragValue::new(&mut year.0)
                        .range(FiscalYear::EARLIEST.0..=FiscalYear::LATEST.0)
                        // The range keeps the value an i32 year.
                        .custom_formatter(move |value, _| {
                            #[allow(clippy::cast_possible_truncation)]
                            FiscalYear(value.round() as i32).label(style, false)
                        })
                        .custom_parser(|text| parse_fiscal_year(text).map(|y| f64::from(y.0))),
                )
                .labelled_by(name.id)
                .on_hover_text(self.tr(Key::TipYearField));
            self.track(&response);
            response.changed()
        })
        .inner
    }

    /// A labelled checkbox; returns true when it changed.
    pub fn checkbox(&mut self, ui: &mut Ui, key: Key, value: &mut bool) -> bool {
        ui.checkbox(value, self.tr(key)).changed()
    }

    /// A button; true when clicked.
    pub fn button(&self, ui: &mut Ui, key: Key) -> bool {
        ui.button(self.tr(key)).clicked()
    }

    /// Queues an edit; `field` names the field for coalescing typing into one step.
    pub fn edit(&mut self, edit: Edit, merge: Option<String>) {
        self.actions
            .push(PanelAction::Edit(Box::new(edit), merge.map(MergeKey)));
    }

    /// Queues inserting `entity` at `index` of `parent` (its own undo step), then selects it
    /// (a note, edited in the document panel, leaves the selection as it is).
    pub fn insert(&mut self, parent: Parent, index: usize, entity: Entity) {
        let selection = match &entity {
            Entity::Domain(domain) => Some(Selection::Domain(domain.id.clone())),
            Entity::Roadblock(roadblock) => Some(Selection::Roadblock(roadblock.id.clone())),
            Entity::Item(item) => Some(Selection::Item(item.id.clone())),
            Entity::Entry(entry) => Some(Selection::Entry(entry.id.clone())),
            Entity::Note(_) => None,
        };
        self.edit(
            Edit::Insert {
                parent,
                index,
                entity,
            },
            None,
        );
        if let Some(selection) = selection {
            self.actions.push(PanelAction::Select(Some(selection)));
        }
    }

    /// Queues a row or entry action's edit (its own undo step) and the selection after it.
    pub fn act(&mut self, (edit, then): (Edit, Then)) {
        self.edit(edit, None);
        match then {
            Then::Keep => {}
            Then::Select(selection) => self.actions.push(PanelAction::Select(Some(selection))),
            Then::Deselect => self.actions.push(PanelAction::Select(None)),
        }
    }

    /// Queues any action.
    pub fn push(&mut self, action: PanelAction) {
        self.actions.push(action);
    }

    /// What the form collected.
    #[must_use]
    pub fn into_actions(self) -> Vec<PanelAction> {
        self.actions
    }
}
