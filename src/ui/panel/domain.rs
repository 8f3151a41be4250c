//! The editor of a domain: number, name, footnotes; adding, moving and deleting.

use egui::Ui;

use super::PanelAction;
use super::form::Form;
use crate::edit::{Edit, Entity, Parent, duplicate_domain, fresh_id, new_entry, new_roadblock};
use crate::model::{CellOwner, Document, Domain, Footnote};
use crate::ui::i18n::Key;

/// The editor of `domain`.
pub fn domain_ui(ui: &mut Ui, form: &mut Form, document: &Document, domain: &Domain) {
    form.heading(ui, Key::PanelDomain);
    let mut number = domain.number;
    let mut name = domain.name.clone();
    let mut footnotes = domain.footnotes.clone();
    let mut typing = None;
    form.number(ui, Key::FieldNumber, &mut number, 1..=999);
    if form.text(ui, Key::FieldName, &mut name, false) {
        typing = Some(format!("{}/name", domain.id));
    }
    ui.strong(form.tr(Key::FieldFootnotes));
    let mut remove = None;
    for (index, footnote) in footnotes.iter_mut().enumerate() {
        if form.text(ui, Key::FieldFootnoteMark, &mut footnote.mark, false) {
            typing = Some(format!("{}/footnote{index}/mark", domain.id));
        }
        if form.lines(ui, Key::FieldFootnoteText, &mut footnote.lines) {
            typing = Some(format!("{}/footnote{index}/text", domain.id));
        }
        if form.button(ui, Key::Delete) {
            remove = Some(index);
        }
    }
    if let Some(index) = remove {
        footnotes.remove(index);
    }
    if form.button(ui, Key::AddFootnote) {
        let id = fresh_id(document, &format!("{}.fn", domain.id));
        footnotes.push(Footnote {
            id,
            mark: "＊".to_owned(),
            lines: vec![String::new()],
        });
    }
    let mut header_overrides = domain.header_overrides.clone();
    ui.strong(form.tr(Key::FieldHeaderOverrides));
    for column in &document.columns {
        let mut text = header_overrides
            .get(&column.kind)
            .cloned()
            .unwrap_or_default();
        let name = ui.label(egui::RichText::new(&column.header).small());
        let response = ui
            .add(egui::TextEdit::singleline(&mut text).hint_text(&column.header))
            .labelled_by(name.id);
        if response.lost_focus() {
            form.push(PanelAction::EndTyping);
        }
        if response.changed() {
            if text.is_empty() {
                header_overrides.remove(&column.kind);
            } else {
                header_overrides.insert(column.kind.clone(), text);
            }
            typing = Some(format!("{}/headers", domain.id));
        }
    }
    super::columns::cells_ui(
        ui,
        form,
        document,
        CellOwner::Domain,
        (&domain.id, &domain.cells),
        &domain.header_overrides,
    );
    if number != domain.number
        || name != domain.name
        || footnotes != domain.footnotes
        || header_overrides != domain.header_overrides
    {
        let edit = Edit::SetDomainHeader {
            id: domain.id.clone(),
            number,
            name,
            header_overrides,
            footnotes,
        };
        form.edit(edit, typing);
    }
    ui.separator();
    domain_buttons_ui(ui, form, document, domain);
}

fn domain_buttons_ui(ui: &mut Ui, form: &mut Form, document: &Document, domain: &Domain) {
    let index = document
        .domains
        .iter()
        .position(|d| d.id == domain.id)
        .unwrap_or(0);
    ui.horizontal_wrapped(|ui| {
        if form.button(ui, Key::AddRoadblock) {
            let roadblock = new_roadblock(
                document,
                &domain.id,
                "共通",
                form.tr(Key::NewRoadblockTitle),
            );
            let at = domain.roadblocks.len();
            form.insert(
                Parent::Domain(domain.id.clone()),
                at,
                Entity::Roadblock(roadblock),
            );
        }
        if form.button(ui, Key::AddEntry) {
            let entry = new_entry(
                document,
                &domain.id,
                document.timeline.first_year.0,
                Vec::new(),
                form.tr(Key::NewEntryLabel),
            );
            let at = domain.entries.len();
            form.insert(Parent::Domain(domain.id.clone()), at, Entity::Entry(entry));
        }
        if form.button(ui, Key::MoveUp) && index > 0 {
            form.edit(
                Edit::Move {
                    id: domain.id.clone(),
                    to: Parent::Document,
                    index: index - 1,
                },
                None,
            );
        }
        if form.button(ui, Key::MoveDown) {
            form.edit(
                Edit::Move {
                    id: domain.id.clone(),
                    to: Parent::Document,
                    index: index + 1,
                },
                None,
            );
        }
        if form.button(ui, Key::Duplicate) {
            let copy = duplicate_domain(document, domain);
            form.insert(Parent::Document, index + 1, Entity::Domain(copy));
        }
        if form.button(ui, Key::Delete) {
            form.edit(Edit::Remove(domain.id.clone()), None);
            form.push(PanelAction::Select(None));
        }
    });
}
