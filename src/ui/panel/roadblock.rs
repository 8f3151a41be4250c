//! The editor of a roadblock: scope, title, categories, description, done and action items;
//! adding, duplicating, moving and deleting.

use egui::Ui;

use super::PanelAction;
use super::form::Form;
use crate::edit::{Edit, Entity, IdAllocator, Parent, new_entry};
use crate::model::{CellOwner, Document, Domain, Item, Marker, Roadblock};
use crate::ui::actions::RowAction;
use crate::ui::i18n::Key;

/// The editor of `roadblock`.
pub fn roadblock_ui(
    ui: &mut Ui,
    form: &mut Form,
    document: &Document,
    domain: &Domain,
    roadblock: &Roadblock,
) {
    form.heading(ui, Key::PanelRoadblock);
    let mut edited = roadblock.clone();
    let id = roadblock.id.to_string();
    let mut typing = None;
    if form.text(ui, Key::FieldTitle, &mut edited.title, true) {
        typing = Some(format!("{id}/title"));
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(form.tr(Key::FieldCategories));
        for category in &document.legend.categories {
            let mut on = edited.categories.contains(&category.letter);
            if ui
                .toggle_value(&mut on, category.letter.to_string())
                .on_hover_text(&category.text)
                .changed()
            {
                if on {
                    edited.categories.insert(category.letter);
                } else {
                    edited.categories.remove(&category.letter);
                }
            }
        }
    });
    for letter in &edited.categories {
        let text = document
            .legend
            .category(*letter)
            .map_or("", |c| c.text.as_str());
        ui.label(egui::RichText::new(format!("{letter} {text}")).small());
    }
    if form.text(ui, Key::FieldScope, &mut edited.scope, false) {
        typing = Some(format!("{id}/scope"));
    }
    if form.lines(ui, Key::FieldDescription, &mut edited.description) {
        typing = Some(format!("{id}/description"));
    }
    super::notes::references_ui(ui, form, document, &roadblock.id, &roadblock.notes);
    for (key, items, prefix) in [
        (Key::FieldDone, &mut edited.done, "done"),
        (Key::FieldActions, &mut edited.actions, "act"),
    ] {
        match items_ui(ui, form, document, key, items, &format!("{id}.{prefix}")) {
            Some(ItemsChange::Typing(field)) => typing = Some(field),
            Some(ItemsChange::Structure) => typing = None,
            None => {}
        }
    }
    if edited != *roadblock {
        form.edit(Edit::ReplaceRoadblock(edited), typing);
    }
    super::columns::cells_ui(
        ui,
        form,
        document,
        CellOwner::Roadblock,
        (&roadblock.id, &roadblock.cells),
        &domain.header_overrides,
    );
    ui.separator();
    roadblock_buttons_ui(ui, form, document, domain, roadblock);
}

/// How a list of items changed.
enum ItemsChange {
    /// Text typed in the item with this typing key (coalesces into one undo step).
    Typing(String),
    /// Items added, removed, moved, indented or re-marked (each its own undo step).
    Structure,
}

/// Edits a list of items in place; says how it changed, if it did.
fn items_ui(
    ui: &mut Ui,
    form: &mut Form,
    document: &Document,
    key: Key,
    items: &mut Vec<Item>,
    id_prefix: &str,
) -> Option<ItemsChange> {
    ui.strong(form.tr(key));
    let mut changed = None;
    let mut action: Option<(usize, ItemAction)> = None;
    for (index, item) in items.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            ui.add_space(f32::from(item.level) * 12.0);
            egui::ComboBox::from_id_salt((id_prefix, index, "marker"))
                .width(36.0)
                .selected_text(marker_label(item.marker))
                .show_ui(ui, |ui| {
                    for marker in [Marker::Circle, Marker::Dot, Marker::Note, Marker::Plain] {
                        if ui
                            .selectable_value(&mut item.marker, marker, marker_label(marker))
                            .changed()
                        {
                            changed = Some(ItemsChange::Structure);
                        }
                    }
                })
                .response
                .on_hover_text(form.tr(Key::FieldMarker));
            for (label, act, tip) in [
                ("↑", ItemAction::Up, Key::TipItemUp),
                ("↓", ItemAction::Down, Key::TipItemDown),
                ("←", ItemAction::Outdent, Key::TipItemOutdent),
                ("→", ItemAction::Indent, Key::TipItemIndent),
            ] {
                if ui.small_button(label).on_hover_text(form.tr(tip)).clicked() {
                    action = Some((index, act));
                }
            }
            if ui.small_button(form.tr(Key::Duplicate)).clicked() {
                action = Some((index, ItemAction::Duplicate));
            }
            if ui.small_button(form.tr(Key::Delete)).clicked() {
                action = Some((index, ItemAction::Delete));
            }
        });
        let response = ui
            .add(
                egui::TextEdit::multiline(&mut item.text)
                    .desired_rows(1)
                    .desired_width(f32::INFINITY),
            )
            .on_hover_text(item.id.as_str());
        let response = response.accessible_name(format!("{} {}", form.tr(key), index + 1));
        if response.lost_focus() {
            form.push(PanelAction::EndTyping);
        }
        if response.changed() {
            changed = Some(ItemsChange::Typing(format!("{}/text", item.id)));
        }
    }
    let mut ids = IdAllocator::new(document);
    ids.avoid(items.iter().map(|item| &item.id));
    if let Some((index, act)) = action {
        if let ItemAction::Duplicate = act {
            let copy = Item {
                id: ids.next(id_prefix),
                ..items[index].clone()
            };
            items.insert(index + 1, copy);
        } else {
            act.apply(items, index);
        }
        changed = Some(ItemsChange::Structure);
    }
    if ui
        .small_button(form.tr(Key::AddItem))
        .on_hover_text(form.tr(key))
        .clicked()
    {
        let id = ids.next(id_prefix);
        items.push(Item {
            id,
            marker: Marker::Circle,
            level: 0,
            text: String::new(),
        });
        changed = Some(ItemsChange::Structure);
    }
    ui.add_space(4.0);
    changed
}

fn marker_label(marker: Marker) -> &'static str {
    match marker {
        Marker::Plain => "—",
        marker => marker.symbol(),
    }
}

#[derive(Debug, Clone, Copy)]
enum ItemAction {
    Up,
    Down,
    Indent,
    Outdent,
    Duplicate,
    Delete,
}

impl ItemAction {
    fn apply(self, items: &mut Vec<Item>, index: usize) {
        match self {
            ItemAction::Up if index > 0 => items.swap(index, index - 1),
            ItemAction::Down if index + 1 < items.len() => items.swap(index, index + 1),
            ItemAction::Indent => items[index].level = (items[index].level + 1).min(1),
            ItemAction::Outdent => items[index].level = items[index].level.saturating_sub(1),
            ItemAction::Delete => {
                items.remove(index);
            }
            ItemAction::Up | ItemAction::Down | ItemAction::Duplicate => {}
        }
    }
}

fn roadblock_buttons_ui(
    ui: &mut Ui,
    form: &mut Form,
    document: &Document,
    domain: &Domain,
    roadblock: &Roadblock,
) {
    ui.horizontal_wrapped(|ui| {
        for action in [RowAction::AddBelow, RowAction::Duplicate] {
            if form.button(ui, action.label()) {
                form.act(action.edit(document, domain, roadblock, form.lang));
            }
        }
        if form.button(ui, Key::AddEntry) {
            let entry = new_entry(
                document,
                &domain.id,
                document.timeline.first_year.0,
                vec![roadblock.id.clone()],
                form.tr(Key::NewEntryLabel),
            );
            let at = domain.entries.len();
            form.insert(Parent::Domain(domain.id.clone()), at, Entity::Entry(entry));
        }
        for action in [RowAction::MoveUp, RowAction::MoveDown, RowAction::Delete] {
            if form.button(ui, action.label()) && action.applies(domain, roadblock) {
                form.act(action.edit(document, domain, roadblock, form.lang));
            }
        }
    });
}
