//! The details panel on the right: the editor of the selected domain, roadblock, item or
//! timeline entry, or of the document itself when nothing is selected. Each editor changes a
//! copy and emits one [`Edit`] when the copy differs; typing in one field is one undo step.

mod columns;
mod document;
mod domain;
mod entry;
mod form;
mod item;
mod notes;
mod roadblock;

use egui::Ui;
pub use form::first_field_id;

use crate::edit::{Edit, MergeKey};
use crate::model::Document;
use crate::ui::i18n::Lang;
use crate::ui::selection::Selection;

/// What the panel asks the app to do.
// An edit is built once per user action and consumed at the end of the frame: boxing it
// would only add an allocation.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum PanelAction {
    /// Apply an edit (coalescing with the previous one when the key is the same).
    Edit(Box<Edit>, Option<MergeKey>),
    /// A field lost focus: the next edit starts a new undo step.
    EndTyping,
    /// Select another entity (after adding or duplicating one).
    Select(Option<Selection>),
}

/// Shows the editor of `selection` (or of the document) and returns what the user did.
pub fn side_panel_ui(
    ui: &mut Ui,
    document: &Document,
    selection: Option<&Selection>,
    lang: Lang,
) -> Vec<PanelAction> {
    let mut form = form::Form::new(lang);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let found =
                selection.is_some_and(|selection| entity_ui(ui, &mut form, document, selection));
            if !found {
                document::document_ui(ui, &mut form, document);
            }
        });
    form.into_actions()
}

/// The editor of the selected entity; false when it no longer exists.
fn entity_ui(
    ui: &mut Ui,
    form: &mut form::Form,
    document: &Document,
    selection: &Selection,
) -> bool {
    for domain in &document.domains {
        match selection {
            Selection::Domain(id) if &domain.id == id => {
                domain::domain_ui(ui, form, document, domain);
                return true;
            }
            Selection::Entry(id) => {
                if let Some(entry) = domain.entries.iter().find(|e| &e.id == id) {
                    entry::entry_ui(ui, form, document, domain, entry);
                    return true;
                }
            }
            Selection::Roadblock(id) => {
                if let Some(roadblock) = domain.roadblock(id) {
                    roadblock::roadblock_ui(ui, form, document, domain, roadblock);
                    return true;
                }
            }
            Selection::Item(id) => {
                for roadblock in &domain.roadblocks {
                    if let Some(item) = roadblock
                        .done
                        .iter()
                        .chain(&roadblock.actions)
                        .find(|i| &i.id == id)
                    {
                        item::item_ui(ui, form, roadblock, item);
                        return true;
                    }
                }
            }
            Selection::Domain(_) => {}
        }
    }
    false
}
