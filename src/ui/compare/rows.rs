//! The compare view's table: a header 改正後 | 改正前, a heading per domain, and one row per
//! roadblock, entry or footnote with the two sides aligned, changed parts coloured and
//! underlined; the current change highlighted.

use egui::text::{LayoutJob, TextFormat};
use egui::{Align, Color32, FontId, Layout, Stroke, vec2};

use crate::diff::Entity;
use crate::diff::table::{ComparisonTable, Line, Row, RowKind};
use crate::model::{Document, TimelineEntry};
use crate::ui::compare::{ghost, kind_label};
use crate::ui::i18n::{Key, Lang, tr};

/// Which side a cell shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    New,
    Old,
}

/// Colours of marked text: (underline and text, background) per side.
fn mark_colors(side: Side, dark: bool) -> (Color32, Color32) {
    match (side, dark) {
        (Side::New, false) => (
            Color32::from_rgb(0x11, 0x63, 0x29),
            Color32::from_rgb(0xd3, 0xf5, 0xdb),
        ),
        (Side::New, true) => (
            Color32::from_rgb(0x7e, 0xe7, 0x87),
            Color32::from_rgba_unmultiplied(0x2e, 0xa0, 0x43, 0x50),
        ),
        (Side::Old, false) => (
            Color32::from_rgb(0xa4, 0x0e, 0x26),
            Color32::from_rgb(0xff, 0xe0, 0xdd),
        ),
        (Side::Old, true) => (
            Color32::from_rgb(0xff, 0xa1, 0x98),
            Color32::from_rgba_unmultiplied(0xf8, 0x51, 0x49, 0x50),
        ),
    }
}

fn line_job(ui: &egui::Ui, line: &Line, side: Side, width: f32) -> LayoutJob {
    let font = FontId::proportional(13.0);
    // A part's label (【取組事項】) is quieter than the text it introduces.
    let text_color = if line.label {
        ui.visuals().weak_text_color()
    } else {
        ui.visuals().text_color()
    };
    let (mark, background) = mark_colors(side, ui.visuals().dark_mode);
    let mut job = LayoutJob::default();
    job.wrap.max_width = width;
    for span in &line.spans {
        let format = if span.marked {
            TextFormat {
                font_id: font.clone(),
                color: mark,
                background,
                underline: Stroke::new(1.5, mark),
                ..TextFormat::default()
            }
        } else {
            TextFormat {
                font_id: font.clone(),
                color: text_color,
                ..TextFormat::default()
            }
        };
        job.append(&span.text, 0.0, format);
    }
    job
}

/// The timeline entry of `row` on each side, for the ghost bar.
fn entries<'a>(
    row: &Row,
    documents: (&'a Document, &'a Document),
) -> (Option<&'a TimelineEntry>, Option<&'a TimelineEntry>) {
    if row.entity != Entity::Entry {
        return (None, None);
    }
    let find = |document: &'a Document, id: Option<&crate::model::Id>| {
        let id = id?;
        document
            .domains
            .iter()
            .flat_map(|d| &d.entries)
            .find(|e| &e.id == id)
    };
    (
        find(documents.0, row.old_id.as_ref()),
        find(documents.1, row.new_id.as_ref()),
    )
}

/// Draws the table; `documents` are (old, new).
pub fn table_ui(
    ui: &mut egui::Ui,
    table: &ComparisonTable,
    documents: (&Document, &Document),
    new_first: bool,
    current: Option<(usize, usize)>,
    scroll_to_current: bool,
    lang: Lang,
) {
    let gutter = 12.0;
    let column = ((ui.available_width() - gutter * 3.0) / 2.0).max(200.0);
    let sides = if new_first {
        [Side::New, Side::Old]
    } else {
        [Side::Old, Side::New]
    };
    let header = |side: Side| match side {
        Side::New => format!(
            "{}（{}）",
            tr(lang, Key::CompareNewSide),
            documents.1.meta.revision_label
        ),
        Side::Old => format!(
            "{}（{}）",
            tr(lang, Key::CompareOldSide),
            documents.0.meta.revision_label
        ),
    };
    ui.horizontal(|ui| {
        for side in sides {
            ui.allocate_ui_with_layout(vec2(column, 20.0), Layout::top_down(Align::Center), |ui| {
                ui.set_width(column);
                ui.strong(header(side));
            });
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("koteihyo-compare-table")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (s, section) in table.sections.iter().enumerate() {
                ui.add_space(6.0);
                egui::Frame::new()
                    .fill(ui.visuals().faint_bg_color)
                    .inner_margin(4.0)
                    .show(ui, |ui| {
                        ui.set_width(column * 2.0 + gutter);
                        ui.strong(&section.heading);
                    });
                for (r, row) in section.rows.iter().enumerate() {
                    let is_current = current == Some((s, r));
                    row_ui(
                        ui,
                        row,
                        documents,
                        sides,
                        column,
                        is_current,
                        scroll_to_current,
                        lang,
                    );
                }
            }
        });
}

#[allow(clippy::too_many_arguments)] // one call site; each input is distinct
fn row_ui(
    ui: &mut egui::Ui,
    row: &Row,
    documents: (&Document, &Document),
    sides: [Side; 2],
    column: f32,
    is_current: bool,
    scroll_to_current: bool,
    lang: Lang,
) {
    let background = ui.painter().add(egui::Shape::Noop);
    let (old_entry, new_entry) = entries(row, documents);
    let response = ui
        .horizontal_top(|ui| {
            for side in sides {
                let lines = match side {
                    Side::New => &row.new,
                    Side::Old => &row.old,
                };
                ui.allocate_ui_with_layout(
                    vec2(column, 0.0),
                    Layout::top_down(Align::LEFT),
                    |ui| {
                        ui.set_width(column);
                        for line in lines {
                            ui.label(line_job(ui, line, side, column));
                        }
                        if side == Side::New && row.kind != RowKind::Omitted {
                            ghost::ghost_bar_ui(
                                ui,
                                old_entry,
                                new_entry,
                                documents,
                                column.min(320.0),
                            );
                        }
                    },
                );
            }
        })
        .response;
    let rect = response.rect.expand(3.0);
    if is_current {
        ui.painter().set(
            background,
            egui::Shape::rect_filled(
                rect,
                3.0,
                ui.visuals().selection.bg_fill.gamma_multiply(0.35),
            ),
        );
        if scroll_to_current {
            response.scroll_to_me(Some(Align::Center));
        }
    } else if row.kind != RowKind::Omitted && row.kind != RowKind::Unchanged {
        ui.painter().set(
            background,
            egui::Shape::rect_stroke(
                rect,
                3.0,
                Stroke::new(1.0, ui.visuals().widgets.noninteractive.bg_stroke.color),
                egui::StrokeKind::Inside,
            ),
        );
    }
    if row.kind != RowKind::Omitted {
        response.on_hover_text(kind_label(row.kind, lang));
    }
    ui.add_space(4.0);
}
