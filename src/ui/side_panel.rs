//! The details panel on the right: every field of the selected domain, roadblock, item or
//! timeline entry. Fields are shown in text fields so that the next step can make them editable.

use egui::Ui;

use crate::model::{
    Document, Domain, EntryKind, Item, Marker, PartOfYear, Roadblock, TimePoint, TimelineEntry,
};
use crate::ui::i18n::{Key, Lang, tr};
use crate::ui::selection::Selection;

/// The id of the panel's first field, so Enter can move focus there.
#[must_use]
pub fn first_field_id() -> egui::Id {
    egui::Id::unique("koteihyo-panel-first-field")
}

/// Shows the details of `selection`.
pub fn side_panel_ui(ui: &mut Ui, document: &Document, selection: Option<&Selection>, lang: Lang) {
    let Some(selection) = selection else {
        ui.label(tr(lang, Key::PanelNothingSelected));
        return;
    };
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut fields = Fields { lang, first: true };
            for domain in &document.domains {
                match selection {
                    Selection::Domain(id) if &domain.id == id => {
                        return domain_ui(ui, &mut fields, domain);
                    }
                    Selection::Entry(id) => {
                        if let Some(entry) = domain.entries.iter().find(|e| &e.id == id) {
                            return entry_ui(ui, &mut fields, document, domain, entry);
                        }
                    }
                    Selection::Roadblock(id) => {
                        if let Some(roadblock) = domain.roadblock(id) {
                            return roadblock_ui(ui, &mut fields, document, roadblock);
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
                                return item_ui(ui, &mut fields, roadblock, item);
                            }
                        }
                    }
                    Selection::Domain(_) => {}
                }
            }
        });
}

/// Writes labelled read-only fields; the first one gets the id Enter focuses.
struct Fields {
    lang: Lang,
    first: bool,
}

impl Fields {
    fn heading(&self, ui: &mut Ui, key: Key) {
        ui.heading(tr(self.lang, key));
        ui.separator();
    }

    fn field(&mut self, ui: &mut Ui, key: Key, value: &str) {
        let name = ui.label(egui::RichText::new(tr(self.lang, key)).small().strong());
        let mut text = value;
        let mut edit = egui::TextEdit::multiline(&mut text)
            .desired_rows(1)
            .desired_width(f32::INFINITY);
        if std::mem::take(&mut self.first) {
            edit = edit.id(first_field_id());
        }
        ui.add(edit).labelled_by(name.id);
        ui.add_space(4.0);
    }

    fn list(&mut self, ui: &mut Ui, key: Key, lines: &[String]) {
        self.field(ui, key, &lines.join("\n"));
    }
}

fn domain_ui(ui: &mut Ui, fields: &mut Fields, domain: &Domain) {
    fields.heading(ui, Key::PanelDomain);
    fields.field(ui, Key::FieldNumber, &domain.number_label());
    fields.field(ui, Key::FieldName, &domain.name);
    let overrides: Vec<String> = domain
        .header_overrides
        .iter()
        .map(|(kind, text)| format!("{kind:?}: {text}"))
        .collect();
    if !overrides.is_empty() {
        fields.list(ui, Key::FieldHeaderOverrides, &overrides);
    }
    let footnotes: Vec<String> = domain
        .footnotes
        .iter()
        .map(|f| format!("{} {}", f.mark, f.lines.join("\n")))
        .collect();
    fields.list(ui, Key::FieldFootnotes, &footnotes);
    fields.field(ui, Key::FieldId, domain.id.as_str());
}

fn roadblock_ui(ui: &mut Ui, fields: &mut Fields, document: &Document, roadblock: &Roadblock) {
    fields.heading(ui, Key::PanelRoadblock);
    fields.field(ui, Key::FieldTitle, &roadblock.title);
    let categories: Vec<String> = roadblock
        .categories
        .iter()
        .map(|letter| match document.legend.category(*letter) {
            Some(category) => format!("{letter} {}", category.text),
            None => letter.to_string(),
        })
        .collect();
    fields.list(ui, Key::FieldCategories, &categories);
    fields.field(ui, Key::FieldScope, &roadblock.scope);
    fields.list(
        ui,
        Key::FieldDescription,
        &roadblock
            .description
            .iter()
            .map(|d| format!("○ {d}"))
            .collect::<Vec<_>>(),
    );
    fields.list(
        ui,
        Key::FieldDone,
        &roadblock.done.iter().map(item_line).collect::<Vec<_>>(),
    );
    fields.list(
        ui,
        Key::FieldActions,
        &roadblock.actions.iter().map(item_line).collect::<Vec<_>>(),
    );
    fields.field(ui, Key::FieldId, roadblock.id.as_str());
}

fn item_line(item: &Item) -> String {
    format!(
        "{}{}{}",
        "　".repeat(usize::from(item.level)),
        item.marker.symbol(),
        item.text
    )
}

fn item_ui(ui: &mut Ui, fields: &mut Fields, roadblock: &Roadblock, item: &Item) {
    fields.heading(ui, Key::PanelItem);
    fields.field(ui, Key::FieldText, &item.text);
    let marker = match item.marker {
        Marker::Plain => "—",
        marker => marker.symbol(),
    };
    fields.field(ui, Key::FieldMarker, marker);
    fields.field(ui, Key::FieldLevel, &item.level.to_string());
    fields.field(ui, Key::PanelRoadblock, &roadblock.heading());
    fields.field(ui, Key::FieldId, item.id.as_str());
}

fn entry_ui(
    ui: &mut Ui,
    fields: &mut Fields,
    document: &Document,
    domain: &Domain,
    entry: &TimelineEntry,
) {
    let lang = fields.lang;
    fields.heading(ui, Key::PanelEntry);
    fields.field(ui, Key::FieldLabel, &entry.label);
    let kind = match entry.kind {
        EntryKind::Arrow => Key::KindArrow,
        EntryKind::Bar => Key::KindBar,
        EntryKind::Milestone => Key::KindMilestone,
    };
    fields.field(ui, Key::FieldKind, tr(lang, kind));
    fields.field(ui, Key::FieldStart, &describe_point(document, entry.start));
    fields.field(ui, Key::FieldEnd, &describe_point(document, entry.end));
    fields.field(
        ui,
        Key::FieldOpenEnded,
        tr(lang, if entry.open_ended { Key::Yes } else { Key::No }),
    );
    let rows: Vec<String> = if entry.rows.is_empty() {
        vec![tr(lang, Key::WholeDomain).to_owned()]
    } else {
        entry
            .rows
            .iter()
            .map(|id| {
                domain
                    .roadblock(id)
                    .map_or_else(|| id.to_string(), Roadblock::heading)
            })
            .collect()
    };
    fields.list(ui, Key::FieldRows, &rows);
    fields.field(ui, Key::FieldDetail, &entry.detail);
    fields.field(ui, Key::FieldId, entry.id.as_str());
}

/// 「令和４年（2022年）度 第3四半期」.
fn describe_point(document: &Document, point: TimePoint) -> String {
    let year = point.year.label(document.timeline.label_style, false);
    match point.part {
        None => year,
        Some(PartOfYear::Quarter(q)) => format!("{year} 第{q}四半期"),
        Some(PartOfYear::Month(m)) => format!("{year} {m}月"),
    }
}
