//! The editor of one done or action item.

use egui::Ui;

use super::PanelAction;
use super::form::Form;
use crate::edit::Edit;
use crate::model::{Item, Marker, Roadblock};
use crate::ui::i18n::Key;
use crate::ui::selection::Selection;

/// The editor of `item`, in `roadblock`.
pub fn item_ui(ui: &mut Ui, form: &mut Form, roadblock: &Roadblock, item: &Item) {
    form.heading(ui, Key::PanelItem);
    let mut edited = item.clone();
    let mut typing = None;
    if form.text(ui, Key::FieldText, &mut edited.text, true) {
        typing = Some(format!("{}/text", item.id));
    }
    ui.horizontal(|ui| {
        ui.label(form.tr(Key::FieldMarker));
        for marker in [Marker::Circle, Marker::Dot, Marker::Note, Marker::Plain] {
            let label = if marker == Marker::Plain {
                "—"
            } else {
                marker.symbol()
            };
            ui.selectable_value(&mut edited.marker, marker, label);
        }
    });
    let mut indented = edited.level > 0;
    if form.checkbox(ui, Key::FieldLevel, &mut indented) {
        edited.level = u8::from(indented);
    }
    if edited != *item {
        form.edit(Edit::ReplaceItem(edited), typing);
    }
    ui.separator();
    if ui.link(roadblock.heading()).clicked() {
        form.push(PanelAction::Select(Some(Selection::Roadblock(
            roadblock.id.clone(),
        ))));
    }
    if form.button(ui, Key::Delete) {
        form.edit(Edit::Remove(item.id.clone()), None);
        form.push(PanelAction::Select(Some(Selection::Roadblock(
            roadblock.id.clone(),
        ))));
    }
}
