//! Notes (注記) in the details panel: the document's numbered notes (edit, add, remove) and,
//! for an entry or a roadblock, the notes it refers to (a combo to add one, a button to remove).

use egui::Ui;

use super::form::Form;
use crate::edit::{Edit, Entity, Parent, new_note};
use crate::model::{Document, Id, Note};
use crate::ui::i18n::Key;

/// 「注1 text」 as the panel names a note (the text shortened to one line).
fn note_title(form: &Form, number: usize, note: &Note) -> String {
    let first_line = note.text.lines().next().unwrap_or_default();
    let mut text: String = first_line.chars().take(24).collect();
    if text.len() < note.text.len() {
        text.push('…');
    }
    format!("{}{number} {text}", form.tr(Key::NoteMark))
}

/// The document's notes: each one's text (its number is its place), buttons moving it up or
/// down (renumbering) and deleting it, and a button adding a note at the end.
pub fn notes_ui(ui: &mut Ui, form: &mut Form, document: &Document) {
    ui.separator();
    ui.strong(form.tr(Key::FieldNotes));
    for (index, note) in document.notes.iter().enumerate() {
        let mut text = note.text.clone();
        let mut remove = false;
        let mut moved = None;
        ui.horizontal(|ui| {
            let name = ui.label(format!("{}{}", form.tr(Key::NoteMark), index + 1));
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut text)
                        .desired_width(ui.available_width() - 110.0),
                )
                .labelled_by(name.id);
            if response.lost_focus() {
                form.push(super::PanelAction::EndTyping);
            }
            if index > 0
                && ui
                    .small_button("↑")
                    .on_hover_text(form.tr(Key::TipNoteUp))
                    .clicked()
            {
                moved = Some(index - 1);
            }
            if index + 1 < document.notes.len()
                && ui
                    .small_button("↓")
                    .on_hover_text(form.tr(Key::TipNoteDown))
                    .clicked()
            {
                moved = Some(index + 1);
            }
            remove = ui.button(form.tr(Key::Delete)).clicked();
        });
        if let Some(to) = moved {
            let edit = Edit::Move {
                id: note.id.clone(),
                to: Parent::Document,
                index: to,
            };
            form.edit(edit, None);
        } else if remove {
            // Removing a note removes the references to it too (one undo step).
            form.edit(Edit::Remove(note.id.clone()), None);
        } else if text != note.text {
            let edited = Note {
                text,
                ..note.clone()
            };
            form.edit(Edit::ReplaceNote(edited), Some(format!("{}/text", note.id)));
        }
    }
    if form.button(ui, Key::AddNote) {
        let note = new_note(document, "");
        form.insert(Parent::Document, document.notes.len(), Entity::Note(note));
    }
}

/// The notes entry or roadblock `on` refers to (`references`): each with a button removing the
/// reference, and a combo of the other notes adding one.
pub fn references_ui(
    ui: &mut Ui,
    form: &mut Form,
    document: &Document,
    on: &Id,
    references: &[Id],
) {
    let name = ui.strong(form.tr(Key::FieldNoteReferences));
    for reference in references {
        let title = document
            .notes
            .iter()
            .enumerate()
            .find(|(_, n)| &n.id == reference)
            .map_or_else(
                || reference.to_string(),
                |(i, n)| note_title(form, i + 1, n),
            );
        ui.horizontal(|ui| {
            ui.label(title);
            if ui.button(form.tr(Key::RemoveNoteReference)).clicked() {
                form.edit(
                    Edit::RemoveNoteReference {
                        on: on.clone(),
                        note: reference.clone(),
                    },
                    None,
                );
            }
        });
    }
    let mut chosen = None;
    egui::ComboBox::from_id_salt(("koteihyo-note-reference", on))
        .selected_text(form.tr(Key::AddNoteReference))
        .show_ui(ui, |ui| {
            for (index, note) in document.notes.iter().enumerate() {
                if !references.contains(&note.id)
                    && ui
                        .selectable_label(false, note_title(form, index + 1, note))
                        .clicked()
                {
                    chosen = Some(note.id.clone());
                }
            }
        })
        .response
        .labelled_by(name.id);
    if let Some(note) = chosen {
        form.edit(
            Edit::AddNoteReference {
                on: on.clone(),
                note,
            },
            None,
        );
    }
    ui.add_space(4.0);
}
