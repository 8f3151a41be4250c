//! The editor of a timeline entry: label, kind, start and end (year and quarter), open end,
//! the rows it spans, detail; duplicating and deleting.

use egui::Ui;

use super::form::Form;
use crate::edit::Edit;
use crate::model::{Document, Domain, EntryKind, LabelStyle, PartOfYear, TimePoint, TimelineEntry};
use crate::ui::actions::EntryAction;
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
    let style = document.timeline.label_style;
    if point_ui(ui, form, Key::FieldStart, &mut edited.start, style)
        | point_ui(ui, form, Key::FieldEnd, &mut edited.end, style)
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
    super::notes::references_ui(ui, form, document, &entry.id, &entry.notes);
    if edited != *entry {
        form.edit(Edit::ReplaceEntry(edited), typing);
    }
    ui.separator();
    ui.horizontal(|ui| {
        for action in [
            EntryAction::Duplicate,
            EntryAction::MoveUp,
            EntryAction::MoveDown,
            EntryAction::Delete,
        ] {
            if form.button(ui, action.label()) && action.applies(domain, entry) {
                form.act(action.edit(document, domain, entry));
            }
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
fn point_ui(
    ui: &mut Ui,
    form: &mut Form,
    key: Key,
    point: &mut TimePoint,
    style: LabelStyle,
) -> bool {
    let mut changed = form.year(ui, key, &mut point.year, style);
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
