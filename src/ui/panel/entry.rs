//! The editor of a timeline entry: label, kind, start and end (year and quarter), open end,
//! the rows it spans, detail; duplicating and deleting.

use egui::Ui;

use super::PanelAction;
use super::form::Form;
use crate::edit::{Edit, Entity, Parent, duplicate_entry};
use crate::model::{Document, Domain, EntryKind, PartOfYear, TimePoint, TimelineEntry};
use crate::ui::i18n::Key;

/// The editor of `entry`.
pub fn entry_ui(
    ui: &mut Ui,
    form: &mut Form,
    document: &Document,
    domain: &Domain,
    entry: &TimelineEntry,
) {
    form.heading(ui, Key::PanelEntry);
    let mut edited = entry.clone();
    let id = entry.id.to_string();
    let mut typing = None;
    if form.text(ui, Key::FieldLabel, &mut edited.label, true) {
        typing = Some(format!("{id}/label"));
    }
    ui.horizontal(|ui| {
        let name = ui.label(form.tr(Key::FieldKind));
        egui::ComboBox::from_id_salt("koteihyo-entry-kind")
            .selected_text(form.tr(kind_key(edited.kind)))
            .show_ui(ui, |ui| {
                for kind in [EntryKind::Arrow, EntryKind::Bar, EntryKind::Milestone] {
                    ui.selectable_value(&mut edited.kind, kind, form.tr(kind_key(kind)));
                }
            })
            .response
            .labelled_by(name.id);
    });
    if point_ui(ui, form, Key::FieldStart, &mut edited.start)
        | point_ui(ui, form, Key::FieldEnd, &mut edited.end)
    {
        typing = Some(format!("{id}/time"));
    }
    form.checkbox(ui, Key::FieldOpenEnded, &mut edited.open_ended);
    ui.strong(form.tr(Key::FieldRows));
    for roadblock in &domain.roadblocks {
        let mut on = edited.rows.contains(&roadblock.id);
        if ui.checkbox(&mut on, roadblock.heading()).changed() {
            if on {
                edited.rows.push(roadblock.id.clone());
                edited.rows.sort_by_key(|row| domain.row_of(row));
            } else {
                edited.rows.retain(|row| row != &roadblock.id);
            }
        }
    }
    if form.text(ui, Key::FieldDetail, &mut edited.detail, true) {
        typing = Some(format!("{id}/detail"));
    }
    if edited != *entry {
        form.edit(Edit::ReplaceEntry(edited), typing);
    }
    ui.separator();
    ui.horizontal(|ui| {
        if form.button(ui, Key::Duplicate) {
            let copy = duplicate_entry(document, &domain.id, entry);
            let index = domain
                .entries
                .iter()
                .position(|e| e.id == entry.id)
                .map_or(0, |i| i + 1);
            form.insert(
                Parent::Domain(domain.id.clone()),
                index,
                Entity::Entry(copy),
            );
        }
        let index = domain
            .entries
            .iter()
            .position(|e| e.id == entry.id)
            .unwrap_or(0);
        let parent = Parent::Domain(domain.id.clone());
        if form.button(ui, Key::MoveUp) && index > 0 {
            form.edit(
                Edit::Move {
                    id: entry.id.clone(),
                    to: parent.clone(),
                    index: index - 1,
                },
                None,
            );
        }
        if form.button(ui, Key::MoveDown) {
            form.edit(
                Edit::Move {
                    id: entry.id.clone(),
                    to: parent,
                    index: index + 1,
                },
                None,
            );
        }
        if form.button(ui, Key::Delete) {
            form.edit(Edit::Remove(entry.id.clone()), None);
            form.push(PanelAction::Select(None));
        }
    });
}

fn kind_key(kind: EntryKind) -> Key {
    match kind {
        EntryKind::Arrow => Key::KindArrow,
        EntryKind::Bar => Key::KindBar,
        EntryKind::Milestone => Key::KindMilestone,
    }
}

/// A fiscal year and an optional quarter; true when changed.
fn point_ui(ui: &mut Ui, form: &mut Form, key: Key, point: &mut TimePoint) -> bool {
    let mut changed = form.number(ui, key, &mut point.year.0, 1900..=2200);
    ui.horizontal(|ui| {
        let name = ui.label(form.tr(Key::FieldQuarter));
        let whole = form.tr(Key::WholeYear);
        let label = |part: Option<PartOfYear>| match part {
            None => whole.to_owned(),
            Some(PartOfYear::Quarter(q)) => format!("Q{q}"),
            Some(PartOfYear::Month(m)) => format!("{m}月"),
        };
        egui::ComboBox::from_id_salt(("koteihyo-quarter", key as u32))
            .selected_text(label(point.part))
            .show_ui(ui, |ui| {
                for part in [
                    None,
                    Some(PartOfYear::Quarter(1)),
                    Some(PartOfYear::Quarter(2)),
                    Some(PartOfYear::Quarter(3)),
                    Some(PartOfYear::Quarter(4)),
                ] {
                    changed |= ui
                        .selectable_value(&mut point.part, part, label(part))
                        .changed();
                }
            })
            .response
            .labelled_by(name.id);
    });
    changed
}
