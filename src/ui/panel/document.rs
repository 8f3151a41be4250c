//! The document's own editor (shown when nothing is selected): cover, legend, timeline, columns.

use std::collections::BTreeMap;

use egui::Ui;

use super::form::Form;
use crate::edit::{Edit, Entity, Parent, fresh_id};
use crate::model::{Category, Document, Domain, FiscalYear, LabelStyle, OpenEndSuffix, Timeline};
use crate::ui::i18n::Key;

/// The editor of the document's metadata, legend, timeline and columns.
pub fn document_ui(ui: &mut Ui, form: &mut Form, document: &Document) {
    form.heading(ui, Key::PanelDocument);
    let mut meta = document.meta.clone();
    let mut typing = None;
    for (key, value, name) in [
        (Key::FieldTitle, &mut meta.title, "title"),
        (Key::FieldSubtitle, &mut meta.subtitle, "subtitle"),
        (Key::FieldDate, &mut meta.date, "date"),
        (
            Key::FieldMaterialLabel,
            &mut meta.material_label,
            "material",
        ),
        (
            Key::FieldRevisionLabel,
            &mut meta.revision_label,
            "revision",
        ),
        (Key::FieldAuthor, &mut meta.author, "author"),
    ] {
        if form.text(ui, key, value, false) {
            typing = Some(format!("meta/{name}"));
        }
    }
    if form.lines(ui, Key::FieldRevisionNotes, &mut meta.revision_notes) {
        typing = Some("meta/notes".to_owned());
    }
    if meta != document.meta {
        form.edit(Edit::SetMeta(meta), typing);
    }
    legend_ui(ui, form, document);
    timeline_ui(ui, form, document);
    super::columns::columns_ui(ui, form, document);
    super::notes::notes_ui(ui, form, document);
    ui.separator();
    if form.button(ui, Key::AddDomain) {
        let number = document.domains.iter().map(|d| d.number).max().unwrap_or(0) + 1;
        let domain = Domain {
            id: fresh_id(document, "d"),
            number,
            name: form.tr(Key::NewDomainName).to_owned(),
            ..Domain::default()
        };
        let index = document.domains.len();
        form.insert(Parent::Document, index, Entity::Domain(domain));
    }
}

fn legend_ui(ui: &mut Ui, form: &mut Form, document: &Document) {
    ui.separator();
    ui.strong(form.tr(Key::FieldLegend));
    let mut legend = document.legend.clone();
    let mut typing = None;
    let mut remove = None;
    for (index, category) in legend.categories.iter_mut().enumerate() {
        ui.horizontal(|ui| {
            let mut letter = category.letter.to_string();
            let name = ui.label(form.tr(Key::FieldLetter));
            if ui
                .add(egui::TextEdit::singleline(&mut letter).desired_width(24.0))
                .labelled_by(name.id)
                .changed()
                && let Some(c) = letter.chars().last()
            {
                category.letter = c;
            }
            let name = ui.label(form.tr(Key::FieldText));
            if ui
                .add(egui::TextEdit::singleline(&mut category.text))
                .labelled_by(name.id)
                .changed()
            {
                typing = Some(format!("legend/{index}"));
            }
            if ui.button(form.tr(Key::Delete)).clicked() {
                remove = Some(index);
            }
        });
    }
    if let Some(index) = remove {
        legend.categories.remove(index);
    }
    if form.button(ui, Key::AddCategory) {
        let letter = ('A'..='Z')
            .find(|c| legend.category(*c).is_none())
            .unwrap_or('?');
        legend.categories.push(Category {
            letter,
            text: String::new(),
        });
    }
    if legend != document.legend {
        form.edit(Edit::SetLegend(legend), typing);
    }
}

fn timeline_ui(ui: &mut Ui, form: &mut Form, document: &Document) {
    ui.separator();
    ui.strong(form.tr(Key::FieldTimeline));
    let mut timeline = document.timeline.clone();
    form.number(
        ui,
        Key::FieldFirstYear,
        &mut timeline.first_year.0,
        FiscalYear::EARLIEST.0..=FiscalYear::LATEST.0,
    );
    form.number(ui, Key::FieldYears, &mut timeline.years, 1..=30);
    form.checkbox(ui, Key::FieldOpenEnded, &mut timeline.open_ended);
    ui.horizontal(|ui| {
        let name = ui.label(form.tr(Key::FieldLabelStyle));
        egui::ComboBox::from_id_salt("koteihyo-label-style")
            .selected_text(timeline.first_year.label(timeline.label_style, false))
            .show_ui(ui, |ui| {
                for style in [
                    LabelStyle::WarekiSeireki,
                    LabelStyle::Wareki,
                    LabelStyle::Seireki,
                ] {
                    ui.selectable_value(
                        &mut timeline.label_style,
                        style,
                        timeline.first_year.label(style, false),
                    );
                }
            })
            .response
            .labelled_by(name.id);
    });
    suffix_ui(ui, form, &mut timeline.open_end_suffix);
    column_labels_ui(ui, form, &mut timeline);
    if timeline.years != document.timeline.years {
        // Labels of columns the chart no longer has would wait unseen in the file.
        let years = timeline.years;
        timeline.label_overrides.retain(|&index, _| index < years);
    }
    if timeline != document.timeline {
        // Typing in one field is one undo step; choosing a suffix is another.
        let field = if timeline.label_overrides != document.timeline.label_overrides {
            "timeline/labels"
        } else if timeline.open_end_suffix != document.timeline.open_end_suffix {
            "timeline/suffix"
        } else {
            "timeline"
        };
        form.edit(Edit::SetTimeline(timeline), Some(field.to_owned()));
    }
}

/// What follows the open-ended last year: 以降, ～, or the user's own words.
fn suffix_ui(ui: &mut Ui, form: &mut Form, suffix: &mut OpenEndSuffix) {
    ui.horizontal(|ui| {
        ui.label(form.tr(Key::FieldOpenEndSuffix));
        let own = match suffix {
            OpenEndSuffix::Custom(text) => text.clone(),
            _ => String::new(),
        };
        for (choice, text) in [
            (OpenEndSuffix::Onward, OpenEndSuffix::Onward.text()),
            (OpenEndSuffix::Tilde, OpenEndSuffix::Tilde.text()),
            (OpenEndSuffix::Custom(own), form.tr(Key::SuffixOther)),
        ] {
            let selected = std::mem::discriminant(&choice) == std::mem::discriminant(&*suffix);
            if ui.radio(selected, text).clicked() && !selected {
                *suffix = choice;
            }
        }
    });
    if let OpenEndSuffix::Custom(text) = suffix {
        form.text(ui, Key::FieldCustomSuffix, text, false);
    }
}

/// A field per fiscal-year column: empty keeps the computed label (shown beside it).
fn column_labels_ui(ui: &mut Ui, form: &mut Form, timeline: &mut Timeline) {
    let computed = Timeline {
        label_overrides: BTreeMap::new(),
        ..timeline.clone()
    };
    egui::CollapsingHeader::new(form.tr(Key::FieldColumnLabels))
        .id_salt("koteihyo-column-labels")
        .default_open(!timeline.label_overrides.is_empty())
        .show(ui, |ui| {
            for (index, label) in (0..timeline.years).zip(computed.column_labels()) {
                ui.horizontal(|ui| {
                    let name = ui.label(&label);
                    let mut text = timeline
                        .label_overrides
                        .get(&index)
                        .cloned()
                        .unwrap_or_default();
                    if ui
                        .add(egui::TextEdit::singleline(&mut text).hint_text(&label))
                        .labelled_by(name.id)
                        .changed()
                    {
                        if text.is_empty() {
                            timeline.label_overrides.remove(&index);
                        } else {
                            timeline.label_overrides.insert(index, text);
                        }
                    }
                });
            }
        });
}
