//! The document's columns in the panel (built-in ones shown or hidden, text columns added,
//! renamed, resized, moved and removed), and the cells of text columns on a domain or roadblock.

use egui::Ui;

use super::form::Form;
use crate::edit::{Edit, fresh_column_id};
use crate::model::{CellOwner, Column, ColumnKind, Document, Id};
use crate::ui::i18n::Key;

/// The columns before the fiscal years: the built-in ones, then the text columns.
pub fn columns_ui(ui: &mut Ui, form: &mut Form, document: &Document) {
    ui.separator();
    ui.strong(form.tr(Key::FieldColumns));
    built_in_columns_ui(ui, form, document);
    ui.add_space(4.0);
    ui.strong(form.tr(Key::FieldTextColumns));
    for (index, column) in document.columns.iter().enumerate() {
        if column.text_id().is_some() {
            text_column_ui(ui, form, document, index, column);
        }
    }
    add_text_column_ui(ui, form, document);
}

/// How the panel names a built-in column (never the type's name).
fn built_in_name(kind: &ColumnKind) -> Key {
    match kind {
        ColumnKind::Domain => Key::ColumnDomain,
        ColumnKind::Scope => Key::ColumnScope,
        ColumnKind::Roadblock => Key::ColumnRoadblock,
        ColumnKind::Done => Key::ColumnDone,
        ColumnKind::Actions => Key::ColumnActions,
        ColumnKind::Text(_) => Key::FieldTextColumns,
    }
}

fn built_in_columns_ui(ui: &mut Ui, form: &mut Form, document: &Document) {
    let mut columns: Vec<Column> = document.columns.clone();
    let mut typing = None;
    for kind in ColumnKind::ALL {
        let shown = columns.iter().position(|c| c.kind == kind);
        ui.horizontal(|ui| {
            let mut on = shown.is_some();
            if ui
                .checkbox(&mut on, form.tr(built_in_name(&kind)))
                .changed()
            {
                if let Some(index) = shown {
                    columns.remove(index);
                } else {
                    let header = crate::model::seed_columns()
                        .into_iter()
                        .find(|c| c.kind == kind)
                        .map(|c| c.header)
                        .unwrap_or_default();
                    // After the built-in columns that come before it in the seed's order.
                    let index = columns
                        .iter()
                        .rposition(|c| c.text_id().is_none() && c.kind < kind)
                        .map_or(0, |i| i + 1);
                    columns.insert(index, Column::new(kind.clone(), header));
                }
            }
            if let Some(index) = shown.filter(|&i| i < columns.len() && columns[i].kind == kind) {
                let name = ui.label(form.tr(Key::FieldHeader));
                if ui
                    .add(egui::TextEdit::singleline(&mut columns[index].header))
                    .labelled_by(name.id)
                    .changed()
                {
                    typing = Some(format!("columns/{kind:?}"));
                }
            }
        });
    }
    if columns != document.columns {
        form.edit(Edit::SetColumns(columns), typing);
    }
}

/// One text column: its header, width, whose cells it holds, moving and removing it.
fn text_column_ui(
    ui: &mut Ui,
    form: &mut Form,
    document: &Document,
    index: usize,
    column: &Column,
) {
    let kind = &column.kind;
    let key = kind.text_id().map(Id::to_string).unwrap_or_default();
    let mut header = column.header.clone();
    if form.text(ui, Key::FieldHeader, &mut header, false) {
        form.edit(
            Edit::SetColumnHeader {
                kind: kind.clone(),
                header,
            },
            Some(format!("columns/{key}/header")),
        );
    }
    ui.horizontal_wrapped(|ui| {
        let mut width = column.width.unwrap_or(8);
        if form.number(ui, Key::FieldColumnWidth, &mut width, 1..=60) && Some(width) != column.width
        {
            form.edit(
                Edit::SetColumnWidth {
                    kind: kind.clone(),
                    width: Some(width),
                },
                Some(format!("columns/{key}/width")),
            );
        }
        ui.label(format!(
            "{}: {}",
            form.tr(Key::FieldCellOwner),
            form.tr(match column.owner {
                CellOwner::Domain => Key::OwnerDomain,
                CellOwner::Roadblock => Key::OwnerRoadblock,
            })
        ));
    });
    ui.horizontal_wrapped(|ui| {
        let mut order = None;
        if form.button(ui, Key::MoveUp) && index > 0 {
            order = Some(index - 1);
        }
        if form.button(ui, Key::MoveDown) && index + 1 < document.columns.len() {
            order = Some(index + 1);
        }
        if let Some(to) = order {
            let mut columns = document.columns.clone();
            columns.swap(index, to);
            form.edit(Edit::SetColumns(columns), None);
        }
        if form.button(ui, Key::Delete) {
            form.edit(Edit::RemoveColumn(kind.clone()), None);
        }
    });
    ui.add_space(4.0);
}

/// A header and an owner for a new text column, and the button adding it after the others.
fn add_text_column_ui(ui: &mut Ui, form: &mut Form, document: &Document) {
    let memory = egui::Id::unique("koteihyo-new-text-column");
    let (mut header, mut owner) = ui
        .data(|data| data.get_temp::<(String, CellOwner)>(memory))
        .unwrap_or_else(|| (String::new(), CellOwner::Roadblock));
    form.text(ui, Key::FieldNewColumnHeader, &mut header, false);
    ui.horizontal(|ui| {
        ui.label(form.tr(Key::FieldCellOwner));
        ui.radio_value(
            &mut owner,
            CellOwner::Roadblock,
            form.tr(Key::OwnerRoadblock),
        );
        ui.radio_value(&mut owner, CellOwner::Domain, form.tr(Key::OwnerDomain));
    });
    if form.button(ui, Key::AddTextColumn) && !header.trim().is_empty() {
        let column = Column::text(fresh_column_id(document), header.trim(), owner);
        form.edit(
            Edit::InsertColumn {
                index: document.columns.len(),
                column,
            },
            None,
        );
        header.clear();
    }
    ui.data_mut(|data| data.insert_temp(memory, (header, owner)));
}

/// The cells of the document's text columns of `owner` on the domain or roadblock `id`, each a
/// field labelled with its column's header (the domain's own wording where it has one).
pub fn cells_ui(
    ui: &mut Ui,
    form: &mut Form,
    document: &Document,
    owner: CellOwner,
    (id, cells): (&Id, &std::collections::BTreeMap<Id, String>),
    overrides: &std::collections::BTreeMap<ColumnKind, String>,
) {
    let columns: Vec<&Column> = document
        .columns
        .iter()
        .filter(|c| c.text_id().is_some() && c.owner == owner)
        .collect();
    if columns.is_empty() {
        return;
    }
    ui.strong(form.tr(Key::FieldCells));
    for column in columns {
        let Some(column_id) = column.text_id() else {
            continue;
        };
        let label = overrides.get(&column.kind).unwrap_or(&column.header);
        let mut text = cells.get(column_id).cloned().unwrap_or_default();
        if form.text_labelled(ui, label, &mut text, true) {
            form.edit(
                Edit::SetCell {
                    owner: id.clone(),
                    column: column_id.clone(),
                    text,
                },
                Some(format!("{id}/cells/{column_id}")),
            );
        }
    }
}
