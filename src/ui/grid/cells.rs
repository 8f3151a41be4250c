//! What each cell of the grid shows: blocks of wrapped text, each selectable, with search
//! matches highlighted.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId};

use crate::export::layout::notes::MARK_SCALE;
use crate::model::{ColumnKind, Domain, Id, Item, Marker, Roadblock, TimelineEntry};
use crate::ui::grid::in_place::TextField;
use crate::ui::selection::Selection;

/// Base text size of the grid, in points (egui's zoom scales it).
pub const TEXT_SIZE: f32 = 12.5;
/// Inner padding of a cell.
pub const PAD: f32 = 4.0;
/// Indent of a level-1 item (sub-bullet).
pub const INDENT: f32 = 12.0;

/// Colours of the grid, from the theme.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    /// Body text.
    pub text: Color32,
    /// Roadblock titles.
    pub heading: Color32,
    /// Category letters after a title.
    pub category: Color32,
    /// Background of search matches.
    pub highlight: Color32,
}

impl Palette {
    /// The palette for the current theme.
    #[must_use]
    pub fn from_visuals(visuals: &egui::Visuals) -> Self {
        if visuals.dark_mode {
            Self {
                text: Color32::from_gray(220),
                heading: Color32::from_rgb(140, 190, 255),
                category: Color32::from_rgb(255, 170, 110),
                highlight: Color32::from_rgb(120, 100, 20),
            }
        } else {
            Self {
                text: Color32::from_gray(25),
                heading: Color32::from_rgb(0, 50, 140),
                category: Color32::from_rgb(190, 70, 0),
                highlight: Color32::from_rgb(255, 230, 120),
            }
        }
    }
}

/// One wrapped text block of a cell, and what clicking it selects.
pub struct Block {
    /// The text to lay out (unwrapped; the caller sets the wrap width).
    pub job: LayoutJob,
    /// Extra left indent (sub-bullets).
    pub indent: f32,
    /// What a click selects.
    pub selects: Selection,
    /// The plain text, for accessibility.
    pub plain: String,
    /// The document field the block shows, for editing in place.
    pub field: Option<TextField>,
}

/// Builds layout jobs, highlighting `search` matches.
pub struct CellText<'a> {
    /// The colours.
    pub palette: Palette,
    /// The search text (empty for none).
    pub search: &'a str,
    /// The UI language (for menus on the grid).
    pub lang: crate::ui::i18n::Lang,
}

impl CellText<'_> {
    /// Appends `text` in `color`, with search matches on a highlight background.
    pub fn append(&self, job: &mut LayoutJob, text: &str, color: Color32) {
        let format = TextFormat {
            font_id: FontId::proportional(TEXT_SIZE),
            color,
            ..TextFormat::default()
        };
        let mut rest = text;
        if !self.search.is_empty() {
            while let Some(at) = find_ignoring_case(rest, self.search) {
                let end = at + self.search.len();
                job.append(&rest[..at], 0.0, format.clone());
                job.append(
                    &rest[at..end],
                    0.0,
                    TextFormat {
                        background: self.palette.highlight,
                        ..format.clone()
                    },
                );
                rest = &rest[end..];
            }
        }
        job.append(rest, 0.0, format);
    }

    /// Appends note `marks` (「1,2」) as a superscript: smaller, raised to the line's top, as
    /// the printed page sets them; the accessible text names them 「注1,2」.
    fn append_marks(&self, block: &mut Block, marks: &str) {
        if marks.is_empty() {
            return;
        }
        let format = TextFormat {
            font_id: FontId::proportional(TEXT_SIZE * MARK_SCALE),
            color: self.palette.text,
            valign: egui::Align::TOP,
            ..TextFormat::default()
        };
        block.job.append(marks, 0.0, format);
        block.plain = format!(
            "{} {}{marks}",
            block.plain,
            crate::ui::i18n::tr(self.lang, crate::ui::i18n::Key::NoteMark)
        );
    }

    fn block(&self, parts: &[(&str, Color32)], indent: f32, selects: Selection) -> Block {
        let mut job = LayoutJob::default();
        let mut plain = String::new();
        for (text, color) in parts {
            self.append(&mut job, text, *color);
            plain.push_str(text);
        }
        Block {
            job,
            indent,
            selects,
            plain,
            field: None,
        }
    }

    /// The domain cell: 「①」 over the name.
    #[must_use]
    pub fn domain(&self, domain: &Domain) -> Block {
        let label = format!("{}\n{}", domain.number_label(), domain.name);
        let mut block = self.block(
            &[(&label, self.palette.text)],
            0.0,
            Selection::Domain(domain.id.clone()),
        );
        block.plain = domain.display_name();
        block.field = Some(TextField::DomainName(domain.id.clone()));
        block
    }

    /// The blocks of one roadblock's cell in column `kind`; `marks` are the note marks after
    /// its title.
    #[must_use]
    pub fn roadblock_cell(
        &self,
        roadblock: &Roadblock,
        kind: &ColumnKind,
        marks: &str,
    ) -> Vec<Block> {
        let selects = Selection::Roadblock(roadblock.id.clone());
        match kind {
            ColumnKind::Domain => Vec::new(),
            ColumnKind::Text(id) => self.text_cell(
                roadblock.cells.get(id),
                &selects,
                &TextField::Cell {
                    owner: roadblock.id.clone(),
                    column: id.clone(),
                },
            ),
            ColumnKind::Scope => {
                let mut block = self.block(&[(&roadblock.scope, self.palette.text)], 0.0, selects);
                block.field = Some(TextField::Scope(roadblock.id.clone()));
                vec![block]
            }
            ColumnKind::Roadblock => {
                let title = format!("【{}】", roadblock.title);
                let mut blocks = vec![self.block(
                    &[
                        (&title, self.palette.heading),
                        (&roadblock.categories_label(), self.palette.category),
                    ],
                    0.0,
                    selects.clone(),
                )];
                blocks[0].field = Some(TextField::Title(roadblock.id.clone()));
                self.append_marks(&mut blocks[0], marks);
                for (index, bullet) in roadblock.description.iter().enumerate() {
                    let mut block = self.block(
                        &[(&format!("○ {bullet}"), self.palette.text)],
                        0.0,
                        selects.clone(),
                    );
                    block.field = Some(TextField::Description(roadblock.id.clone(), index));
                    blocks.push(block);
                }
                blocks
            }
            ColumnKind::Done => self.items(&roadblock.done),
            ColumnKind::Actions => self.items(&roadblock.actions),
        }
    }

    /// The blocks of a domain's cell in the text column `column` (担当府省 …), spanning its rows.
    #[must_use]
    pub fn domain_text(&self, domain: &Domain, column: &Id) -> Vec<Block> {
        self.text_cell(
            domain.cells.get(column),
            &Selection::Domain(domain.id.clone()),
            &TextField::Cell {
                owner: domain.id.clone(),
                column: column.clone(),
            },
        )
    }

    /// A text column's cell: a block per line of its text, each editing the whole cell in place.
    fn text_cell(
        &self,
        text: Option<&String>,
        selects: &Selection,
        field: &TextField,
    ) -> Vec<Block> {
        text.into_iter()
            .flat_map(|text| text.lines())
            .map(|line| {
                let mut block = self.block(&[(line, self.palette.text)], 0.0, selects.clone());
                block.field = Some(field.clone());
                block
            })
            .collect()
    }

    fn items(&self, items: &[Item]) -> Vec<Block> {
        items
            .iter()
            .map(|item| {
                let text = match item.marker {
                    Marker::Plain => item.text.clone(),
                    marker => format!("{}{}", marker.symbol(), item.text),
                };
                let mut block = self.block(
                    &[(&text, self.palette.text)],
                    f32::from(item.level.min(3)) * INDENT,
                    Selection::Item(item.id.clone()),
                );
                block.field = Some(TextField::Item(item.id.clone()));
                block
            })
            .collect()
    }

    /// A timeline entry's label followed by its note `marks`, and its detail text if any.
    #[must_use]
    pub fn entry(&self, entry: &TimelineEntry, marks: &str) -> (Block, Option<Block>) {
        let selects = Selection::Entry(entry.id.clone());
        // A milestone's diamond is drawn beside its label (grid/layout.rs `entry_shape`).
        let mut main = self.block(&[(&entry.label, self.palette.text)], 0.0, selects.clone());
        main.plain.clone_from(&entry.label);
        main.field = Some(TextField::EntryLabel(entry.id.clone()));
        self.append_marks(&mut main, marks);
        let detail = (!entry.detail.is_empty()).then(|| {
            let mut block = self.block(&[(&entry.detail, self.palette.text)], 0.0, selects);
            block.field = Some(TextField::EntryDetail(entry.id.clone()));
            block
        });
        (main, detail)
    }
}

/// The byte offset of the first match of `needle` in `haystack`, ignoring ASCII case.
#[must_use]
pub fn find_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    haystack.char_indices().map(|(at, _)| at).find(|&at| {
        haystack[at..]
            .get(..needle.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(needle))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_matches_on_char_boundaries() {
        assert_eq!(find_ignoring_case("倫理審査のIRB", "審査"), Some(6));
        assert_eq!(find_ignoring_case("Central AI-IRB", "ai-irb"), Some(8));
        assert_eq!(find_ignoring_case("倫理", "x"), None);
        assert_eq!(find_ignoring_case("倫理", ""), None);
    }
}
