//! Editing a cell's text in place: double-click a block of the grid and type over it. Typing is
//! applied live, as one undo step; Enter (or clicking elsewhere) closes the editor.

use egui::{Key, Rect, Ui};

use super::paint::GridOutput;
use crate::edit::{Edit, MergeKey};
use crate::model::{Document, Id};

/// A text field of the document that a grid block shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TextField {
    /// A domain's name.
    DomainName(Id),
    /// A roadblock's scope.
    Scope(Id),
    /// A roadblock's title.
    Title(Id),
    /// One ○ bullet of a roadblock's description.
    Description(Id, usize),
    /// A done or action item's text.
    Item(Id),
    /// A timeline entry's label.
    EntryLabel(Id),
    /// A timeline entry's detail.
    EntryDetail(Id),
    /// The cell of a text column (KPI, 担当府省 …) on a domain or roadblock.
    Cell {
        /// The domain or roadblock.
        owner: Id,
        /// The text column's id.
        column: Id,
    },
}

impl TextField {
    /// The field's text in `document`.
    #[must_use]
    pub fn text(&self, document: &Document) -> Option<String> {
        let domains = || document.domains.iter();
        let roadblock = |id: &Id| domains().flat_map(|d| &d.roadblocks).find(|r| &r.id == id);
        let entry = |id: &Id| domains().flat_map(|d| &d.entries).find(|e| &e.id == id);
        match self {
            TextField::DomainName(id) => domains().find(|d| &d.id == id).map(|d| d.name.clone()),
            TextField::Scope(id) => roadblock(id).map(|r| r.scope.clone()),
            TextField::Title(id) => roadblock(id).map(|r| r.title.clone()),
            TextField::Description(id, index) => {
                roadblock(id).and_then(|r| r.description.get(*index).cloned())
            }
            TextField::Item(id) => domains()
                .flat_map(|d| &d.roadblocks)
                .flat_map(|r| r.done.iter().chain(&r.actions))
                .find(|i| &i.id == id)
                .map(|i| i.text.clone()),
            TextField::EntryLabel(id) => entry(id).map(|e| e.label.clone()),
            TextField::EntryDetail(id) => entry(id).map(|e| e.detail.clone()),
            TextField::Cell { owner, column } => domains()
                .find(|d| &d.id == owner)
                .map(|d| &d.cells)
                .or_else(|| roadblock(owner).map(|r| &r.cells))
                .map(|cells| cells.get(column).cloned().unwrap_or_default()),
        }
    }

    /// The edit that sets the field to `text`.
    #[must_use]
    pub fn edit(&self, document: &Document, text: &str) -> Option<Edit> {
        let domains = || document.domains.iter();
        let roadblock = |id: &Id| {
            domains()
                .flat_map(|d| &d.roadblocks)
                .find(|r| &r.id == id)
                .cloned()
        };
        let entry = |id: &Id| {
            domains()
                .flat_map(|d| &d.entries)
                .find(|e| &e.id == id)
                .cloned()
        };
        Some(match self {
            TextField::DomainName(id) => {
                let domain = domains().find(|d| &d.id == id)?;
                Edit::SetDomainHeader {
                    id: id.clone(),
                    number: domain.number,
                    name: text.to_owned(),
                    header_overrides: domain.header_overrides.clone(),
                    footnotes: domain.footnotes.clone(),
                }
            }
            TextField::Scope(id) => Edit::ReplaceRoadblock(crate::model::Roadblock {
                scope: text.to_owned(),
                ..roadblock(id)?
            }),
            TextField::Title(id) => Edit::ReplaceRoadblock(crate::model::Roadblock {
                title: text.to_owned(),
                ..roadblock(id)?
            }),
            TextField::Description(id, index) => {
                let mut changed = roadblock(id)?;
                text.clone_into(changed.description.get_mut(*index)?);
                Edit::ReplaceRoadblock(changed)
            }
            TextField::Item(id) => {
                let item = domains()
                    .flat_map(|d| &d.roadblocks)
                    .flat_map(|r| r.done.iter().chain(&r.actions))
                    .find(|i| &i.id == id)?;
                Edit::ReplaceItem(crate::model::Item {
                    text: text.to_owned(),
                    ..item.clone()
                })
            }
            TextField::EntryLabel(id) => Edit::ReplaceEntry(crate::model::TimelineEntry {
                label: text.to_owned(),
                ..entry(id)?
            }),
            TextField::EntryDetail(id) => Edit::ReplaceEntry(crate::model::TimelineEntry {
                detail: text.to_owned(),
                ..entry(id)?
            }),
            TextField::Cell { owner, column } => Edit::SetCell {
                owner: owner.clone(),
                column: column.clone(),
                text: text.to_owned(),
            },
        })
    }

    fn merge_key(&self) -> MergeKey {
        MergeKey(format!("in-place/{self:?}"))
    }
}

/// An open in-place editor.
#[derive(Debug, Clone)]
pub struct InPlace {
    /// The field being edited.
    pub field: TextField,
    /// Where the block was on screen when the editor opened.
    pub rect: Rect,
    /// The text being typed.
    pub text: String,
    /// Whether the editor has had keyboard focus yet.
    focused: bool,
}

impl InPlace {
    /// An editor for `field` over `rect`, starting from the document's text.
    #[must_use]
    pub fn open(document: &Document, field: TextField, rect: Rect) -> Option<Self> {
        let text = field.text(document)?;
        Some(Self {
            field,
            rect,
            text,
            focused: false,
        })
    }
}

/// The id of the in-place editor's text field.
#[must_use]
pub fn editor_id() -> egui::Id {
    egui::Id::unique("koteihyo-in-place-editor")
}

/// Shows the editor over its block; returns false once it is closed.
pub fn in_place_ui(
    ui: &Ui,
    document: &Document,
    editor: &mut InPlace,
    output: &mut GridOutput,
) -> bool {
    let mut open = true;
    egui::Area::new(egui::Id::unique("koteihyo-in-place"))
        .fixed_pos(editor.rect.min)
        .order(egui::Order::Foreground)
        .show(ui.ctx(), |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                let width = editor.rect.width().max(220.0);
                let response = ui.add(
                    egui::TextEdit::multiline(&mut editor.text)
                        .id(editor_id())
                        .desired_width(width)
                        .desired_rows(2),
                );
                let response = response.accessible_name("その場で編集 / Edit in place");
                if !editor.focused {
                    response.request_focus();
                    editor.focused = true;
                }
                // The editor keeps its own text; a composition's pre-edit is no edit until
                // the input method commits it.
                if response.changed()
                    && !crate::ui::ime::is_composing(ui.ctx())
                    && let Some(edit) = editor.field.edit(document, &editor.text)
                {
                    output.edits.push((edit, Some(editor.field.merge_key())));
                }
                let enter = ui.input(|i| i.key_pressed(Key::Enter) && !i.modifiers.shift);
                if enter {
                    // Enter ends the edit: the newline it typed is not kept.
                    let trimmed = editor.text.trim_end_matches('\n').to_owned();
                    if trimmed != editor.text
                        && let Some(edit) = editor.field.edit(document, &trimmed)
                    {
                        output.edits.push((edit, Some(editor.field.merge_key())));
                    }
                }
                let escape = ui.input(|i| i.key_pressed(Key::Escape));
                if enter || escape || (editor.focused && response.lost_focus()) {
                    open = false;
                    output.end_merge = true;
                }
            });
        });
    open
}
