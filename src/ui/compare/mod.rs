//! The compare view (表示 > 改訂を比較): the open document beside another revision as a
//! 新旧対照表 — new | old (or old | new), rows aligned so each roadblock faces its counterpart,
//! changed characters coloured and underlined, unchanged stretches collapsed to （略）, a change
//! list to jump through (F8 / Shift+F8), and moved timeline entries shown with a ghost bar at
//! their old years. It follows edits of the open document as they are made.

pub mod actions;
mod ghost;
mod rows;

use crate::diff::table::{ComparisonTable, Row, RowKind, build};
use crate::diff::{Comparison, compare};
use crate::model::Document;
use crate::ui::i18n::{Key, Lang, tr};

/// What the compare view asks the app to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompareAction {
    /// Close the view.
    Close,
    /// Ask where to save the 新旧対照表 PDF, then save it.
    SavePdf,
    /// Ask where to save the 新旧対照表 as Word (.docx), then save it.
    SaveDocx,
    /// Compare the open document with the revision in this file (e.g. the file as changed on
    /// disk by someone else).
    WithFile(std::path::PathBuf),
}

/// Which revision the open document is compared with.
#[derive(Debug, Clone)]
pub struct OtherRevision {
    /// The other document.
    pub document: Document,
    /// How to name it: its file name, or 「保存済みの版」.
    pub name: String,
}

/// The open compare view.
pub struct CompareView {
    /// The revision compared with (the old side).
    pub other: OtherRevision,
    comparison: Comparison,
    table: ComparisonTable,
    /// (document generation, full) the table was built for.
    made_for: Option<(u64, bool)>,
    /// Show unchanged rows in full instead of （略）.
    pub full: bool,
    /// The current change: (section, row).
    pub current: Option<(usize, usize)>,
    /// Scroll the current change into view next frame.
    scroll_to_current: bool,
}

impl CompareView {
    /// A view comparing the open document with `other`.
    #[must_use]
    pub fn new(other: OtherRevision) -> Self {
        Self {
            other,
            comparison: Comparison::default(),
            table: ComparisonTable::default(),
            made_for: None,
            full: false,
            current: None,
            scroll_to_current: false,
        }
    }

    /// Compares again when the open document (or the full setting) changed.
    pub fn refresh(&mut self, document: &Document, generation: u64) {
        let key = (generation, self.full);
        if self.made_for != Some(key) {
            self.comparison = compare(&self.other.document, document);
            self.table = build(&self.other.document, document, &self.comparison, self.full);
            self.made_for = Some(key);
            if self.current.is_some_and(|c| !self.changes().contains(&c)) {
                self.current = None;
            }
        }
    }

    /// The comparison shown.
    #[must_use]
    pub fn comparison(&self) -> &Comparison {
        &self.comparison
    }

    /// The table shown.
    #[must_use]
    pub fn table(&self) -> &ComparisonTable {
        &self.table
    }

    /// The rows that show a change, as (section, row), in reading order.
    #[must_use]
    pub fn changes(&self) -> Vec<(usize, usize)> {
        self.table
            .sections
            .iter()
            .enumerate()
            .flat_map(|(s, section)| {
                section
                    .rows
                    .iter()
                    .enumerate()
                    .filter(|(_, row)| is_change(row))
                    .map(move |(r, _)| (s, r))
            })
            .collect()
    }

    /// Moves to the next (`direction` > 0) or previous change, wrapping around.
    pub fn step(&mut self, direction: i32) {
        let changes = self.changes();
        if changes.is_empty() {
            self.current = None;
            return;
        }
        let position = self
            .current
            .and_then(|c| changes.iter().position(|&x| x == c));
        let next = match (position, direction > 0) {
            (None, true) => 0,
            (None, false) => changes.len() - 1,
            (Some(p), true) => (p + 1) % changes.len(),
            (Some(p), false) => (p + changes.len() - 1) % changes.len(),
        };
        self.current = Some(changes[next]);
        self.scroll_to_current = true;
    }

    /// Draws the view: the change list on the left, the table in the middle.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        document: &Document,
        generation: u64,
        settings: &mut crate::ui::settings::Settings,
        lang: Lang,
    ) -> Vec<CompareAction> {
        self.refresh(document, generation);
        let mut actions = Vec::new();
        egui::Panel::left("koteihyo-compare-changes")
            .resizable(true)
            .default_size(300.0)
            .show(ui, |ui| {
                ui.heading(tr(lang, Key::CompareTitle));
                ui.label(format!(
                    "{} {}",
                    tr(lang, Key::CompareWith),
                    self.other.name
                ));
                ui.horizontal(|ui| {
                    if ui.button(tr(lang, Key::ComparePrevious)).clicked() {
                        self.step(-1);
                    }
                    if ui.button(tr(lang, Key::CompareNext)).clicked() {
                        self.step(1);
                    }
                });
                ui.checkbox(
                    &mut settings.compare_old_first,
                    tr(lang, Key::CompareOldFirst),
                );
                ui.checkbox(&mut self.full, tr(lang, Key::CompareShowUnchanged));
                headings_ui(ui, settings, lang);
                ui.horizontal(|ui| {
                    if ui.button(tr(lang, Key::CompareSavePdf)).clicked() {
                        actions.push(CompareAction::SavePdf);
                    }
                    if ui.button(tr(lang, Key::CompareSaveDocx)).clicked() {
                        actions.push(CompareAction::SaveDocx);
                    }
                    if ui.button(tr(lang, Key::PrintClose)).clicked() {
                        actions.push(CompareAction::Close);
                    }
                });
                ui.separator();
                self.change_list_ui(ui, lang);
            });
        egui::CentralPanel::default().show(ui, |ui| {
            let scroll = std::mem::take(&mut self.scroll_to_current);
            rows::table_ui(
                ui,
                &self.table,
                (&self.other.document, document),
                !settings.compare_old_first,
                self.current,
                scroll,
                lang,
            );
        });
        actions
    }

    fn change_list_ui(&mut self, ui: &mut egui::Ui, lang: Lang) {
        let changes = self.changes();
        ui.label(format!(
            "{} {}",
            tr(lang, Key::CompareChanges),
            changes.len()
        ));
        if changes.is_empty() {
            ui.label(tr(lang, Key::CompareNoChanges));
            return;
        }
        egui::ScrollArea::vertical()
            .id_salt("koteihyo-change-list")
            .show(ui, |ui| {
                for (s, r) in changes {
                    let section = &self.table.sections[s];
                    let row = &section.rows[r];
                    let text = format!(
                        "{} {} {}",
                        kind_label(row.kind, lang),
                        section.heading,
                        row_title(row)
                    );
                    let selected = self.current == Some((s, r));
                    let response = ui.selectable_label(selected, text);
                    if response.clicked() {
                        self.current = Some((s, r));
                        self.scroll_to_current = true;
                    }
                    if selected && self.scroll_to_current {
                        response.scroll_to_me(None);
                    }
                }
            });
    }
}

/// Whether a row shows a change (not （略） nor an unchanged row).
#[must_use]
pub fn is_change(row: &Row) -> bool {
    matches!(
        row.kind,
        RowKind::Changed | RowKind::Added | RowKind::Removed
    )
}

/// The header words of the 新旧対照表 (PDF) and whether they add the revision labels.
fn headings_ui(ui: &mut egui::Ui, settings: &mut crate::ui::settings::Settings, lang: Lang) {
    use crate::export::comparison::Headings;
    let words = |headings: Headings| {
        let (new, old) = headings.words();
        format!("{new}｜{old}")
    };
    ui.horizontal(|ui| {
        let label = ui.label(tr(lang, Key::CompareHeadings));
        egui::ComboBox::from_id_salt("koteihyo-compare-headings")
            .selected_text(words(settings.compare_headings))
            .show_ui(ui, |ui| {
                for headings in Headings::ALL {
                    ui.selectable_value(&mut settings.compare_headings, headings, words(headings));
                }
            })
            .response
            .labelled_by(label.id);
    });
    let mut with_labels = !settings.compare_without_revision_labels;
    if ui
        .checkbox(&mut with_labels, tr(lang, Key::CompareRevisionLabels))
        .changed()
    {
        settings.compare_without_revision_labels = !with_labels;
    }
}

/// The badge of a row kind: 変更, 新設, 削除.
#[must_use]
pub fn kind_label(kind: RowKind, lang: Lang) -> &'static str {
    tr(
        lang,
        match kind {
            RowKind::Added => Key::CompareAdded,
            RowKind::Removed => Key::CompareRemoved,
            RowKind::Changed => Key::CompareChanged,
            RowKind::Unchanged | RowKind::Omitted => Key::CompareUnchanged,
        },
    )
}

/// A short title of a row for the change list: its first line (not a part's label), shortened.
fn row_title(row: &Row) -> String {
    let lines = if row.kind == RowKind::Removed {
        &row.old
    } else {
        &row.new
    };
    let text = lines
        .iter()
        .find(|line| !line.label)
        .map(crate::diff::table::Line::text)
        .unwrap_or_default();
    let short: String = text.chars().take(28).collect();
    if short.chars().count() < text.chars().count() {
        format!("{short}…")
    } else {
        short
    }
}
