//! Excel (.xlsx) output of a roadmap, for colleagues without Koteihyo: the table as on the
//! slides — one row per roadblock, the domain and its own cells spanning its rows, a column per
//! fiscal year with each entry's label where it starts and its years shaded — then a sheet
//! listing every entry with its period, and one with the category legend and the notes.

use std::collections::BTreeMap;

use rust_xlsxwriter::{
    Color, DocProperties, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
};

use crate::model::{
    CellOwner, ColumnKind, Document, Domain, EntryKind, Lang, TimelineEntry, bracketed_marks,
};

/// Why the workbook could not be made.
#[derive(Debug, thiserror::Error)]
#[error("cannot write the Excel file: {0}")]
pub struct XlsxError(#[from] rust_xlsxwriter::XlsxError);

/// The row of the table's header on the first sheet (0-based: after the title and cover lines).
pub const HEADER_ROW: u32 = 3;

/// The shading of an entry's years.
const ENTRY_FILL: u32 = 0x00DD_EBF7;
/// The shading of header cells.
const HEADER_FILL: u32 = 0x00D9_E1F2;

/// The cell formats of the workbook.
struct Formats {
    title: Format,
    plain: Format,
    header: Format,
    cell: Format,
    entry: Format,
}

impl Formats {
    fn new() -> Self {
        let base = Format::new().set_font_name("游ゴシック").set_font_size(10);
        let cell = base
            .clone()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border(FormatBorder::Thin);
        Self {
            title: base.clone().set_bold().set_font_size(14),
            plain: base,
            header: cell
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(HEADER_FILL)),
            entry: cell.clone().set_background_color(Color::RGB(ENTRY_FILL)),
            cell,
        }
    }
}

/// The workbook of `document`; the words of the second and third sheets in `lang` (the table's
/// own words are the document's).
pub fn roadmap_xlsx(document: &Document, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new();
    let mut workbook = Workbook::new();
    let meta = &document.meta;
    workbook.set_properties(
        &DocProperties::new()
            .set_title(format!("{}{}", meta.title, meta.subtitle))
            .set_author(&meta.author),
    );
    let table = workbook.add_worksheet();
    table.set_name(lang.pick("工程表", "Roadmap"))?;
    table_sheet(table, document, &formats)?;
    let entries = workbook.add_worksheet();
    entries.set_name(lang.pick("工程一覧", "Entries"))?;
    entries_sheet(entries, document, &formats, lang)?;
    let legend = workbook.add_worksheet();
    legend.set_name(lang.pick("凡例・注記", "Legend and notes"))?;
    legend_sheet(legend, document, &formats, lang)?;
    Ok(workbook.save_to_buffer()?)
}

/// Column numbers as Excel counts them, saturating (a document has far fewer columns).
fn col(index: usize) -> u16 {
    u16::try_from(index).unwrap_or(u16::MAX)
}

fn row(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

/// The first sheet: cover lines, then the table with its header row repeated on every page.
fn table_sheet(
    sheet: &mut Worksheet,
    document: &Document,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let meta = &document.meta;
    sheet.write_string_with_format(
        0,
        0,
        format!("{}{}", meta.title, meta.subtitle),
        &formats.title,
    )?;
    let cover: Vec<&str> = [&meta.date, &meta.revision_label, &meta.material_label]
        .into_iter()
        .map(String::as_str)
        .filter(|s| !s.is_empty())
        .collect();
    sheet.write_string_with_format(1, 0, cover.join("　"), &formats.plain)?;
    let columns = &document.columns;
    for (index, column) in columns.iter().enumerate() {
        sheet.write_string_with_format(HEADER_ROW, col(index), &column.header, &formats.header)?;
        sheet.set_column_width(col(index), column_width(column))?;
    }
    for (index, label) in document.timeline.column_labels().iter().enumerate() {
        let at = col(columns.len() + index);
        sheet.write_string_with_format(HEADER_ROW, at, label, &formats.header)?;
        sheet.set_column_width(at, YEAR_WIDTH)?;
    }
    let mut top = HEADER_ROW as usize + 1;
    for domain in &document.domains {
        top += domain_rows(sheet, document, domain, top, formats)?;
    }
    sheet.set_freeze_panes(HEADER_ROW + 1, col(columns.len()))?;
    sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    sheet.set_landscape().set_paper_size(9); // A4
    sheet.set_print_fit_to_pages(1, 0);
    Ok(())
}

/// A column's width in Excel's units (about one half-width character each).
fn column_width(column: &crate::model::Column) -> f64 {
    let natural = match column.kind {
        ColumnKind::Domain => 12.0,
        ColumnKind::Scope => 9.0,
        ColumnKind::Roadblock | ColumnKind::Done | ColumnKind::Actions => 40.0,
        ColumnKind::Text(_) => 20.0,
    };
    column
        .width
        .map_or(natural, |characters| f64::from(characters) * 2.0 + 2.0)
}

/// Writes `domain`'s rows from row `top`; returns how many rows it took (at least one).
fn domain_rows(
    sheet: &mut Worksheet,
    document: &Document,
    domain: &Domain,
    top: usize,
    formats: &Formats,
) -> Result<usize, XlsxError> {
    let count = domain.roadblocks.len().max(1);
    let last = top + count - 1;
    // Lines each row needs: Excel does not size rows to wrapped text written by a program.
    let mut lines = vec![1_usize; count];
    let mut spanning_lines = 1;
    for (index, column) in document.columns.iter().enumerate() {
        let width = column_width(column);
        // The domain's own cells span its rows.
        let spanning = match &column.kind {
            ColumnKind::Domain => Some(domain.display_name()),
            ColumnKind::Text(id) if column.owner == CellOwner::Domain => {
                Some(domain.cells.get(id).cloned().unwrap_or_default())
            }
            _ => None,
        };
        if let Some(text) = spanning {
            spanning_lines = spanning_lines.max(lines_of(&text, width));
            if count > 1 {
                sheet.merge_range(
                    row(top),
                    col(index),
                    row(last),
                    col(index),
                    &text,
                    &formats.cell,
                )?;
            } else {
                sheet.write_string_with_format(row(top), col(index), text, &formats.cell)?;
            }
            continue;
        }
        for (offset, needed) in lines.iter_mut().enumerate() {
            let text = domain
                .roadblocks
                .get(offset)
                .map(|roadblock| roadblock_cell(document, roadblock, &column.kind))
                .unwrap_or_default();
            *needed = (*needed).max(lines_of(&text, width));
            sheet.write_string_with_format(row(top + offset), col(index), text, &formats.cell)?;
        }
    }
    let first_year_column = document.columns.len();
    let grid = year_cells(document, domain);
    let years = usize::from(document.timeline.years.max(1));
    for (offset, needed) in lines.iter_mut().enumerate() {
        for year in 0..years {
            let (text, covered) = grid
                .get(&(offset, year))
                .map_or((String::new(), false), |(labels, covered)| {
                    (labels.join("\n"), *covered)
                });
            let format = if covered {
                &formats.entry
            } else {
                &formats.cell
            };
            *needed = (*needed).max(lines_of(&text, YEAR_WIDTH));
            sheet.write_string_with_format(
                row(top + offset),
                col(first_year_column + year),
                text,
                format,
            )?;
        }
    }
    // A spanning cell longer than its rows together lengthens the last one.
    let together: usize = lines.iter().sum();
    if let Some(last_lines) = lines.last_mut() {
        *last_lines += spanning_lines.saturating_sub(together);
    }
    for (offset, count) in lines.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)] // a few hundred lines at most
        let height = *count as f64 * LINE_HEIGHT + 3.0;
        sheet.set_row_height(row(top + offset), height)?;
    }
    Ok(count)
}

/// The width of a fiscal-year column, in Excel's units.
const YEAR_WIDTH: f64 = 18.0;

/// The height of a line of 10 pt text, in points.
const LINE_HEIGHT: f64 = 13.5;

/// How many lines `text` takes in a column `width` units wide (a full-width character takes two
/// units, others one), wrapped.
fn lines_of(text: &str, width: f64) -> usize {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // widths are small
    let room = (width - 1.0).max(2.0) as usize;
    text.split('\n')
        .map(|line| {
            let units: usize = line.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
            units.div_ceil(room).max(1)
        })
        .sum()
}

/// What a roadblock shows in a column other than the domain's own.
fn roadblock_cell(
    document: &Document,
    roadblock: &crate::model::Roadblock,
    kind: &ColumnKind,
) -> String {
    let items = |items: &[crate::model::Item]| {
        items
            .iter()
            .map(|item| {
                let indent = "　".repeat(usize::from(item.level.min(3)));
                format!("{indent}{}{}", item.marker.symbol(), item.text)
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    match kind {
        ColumnKind::Scope => roadblock.scope.clone(),
        ColumnKind::Roadblock => {
            let mut lines = vec![format!(
                "{}{}",
                roadblock.heading(),
                marks(document, &roadblock.notes)
            )];
            lines.extend(roadblock.description.iter().map(|line| format!("○{line}")));
            lines.join("\n")
        }
        ColumnKind::Done => items(&roadblock.done),
        ColumnKind::Actions => items(&roadblock.actions),
        ColumnKind::Text(id) => roadblock.cells.get(id).cloned().unwrap_or_default(),
        ColumnKind::Domain => String::new(),
    }
}

/// For each (row within the domain, year column): the labels of the entries that start there
/// (in their first row) and whether an entry covers it.
fn year_cells(
    document: &Document,
    domain: &Domain,
) -> BTreeMap<(usize, usize), (Vec<String>, bool)> {
    let timeline = &document.timeline;
    let years = i64::from(timeline.years.max(1));
    let first = i64::from(timeline.first_year.0);
    let column_of = |year: i32| (i64::from(year) - first).clamp(0, years - 1);
    let mut grid: BTreeMap<(usize, usize), (Vec<String>, bool)> = BTreeMap::new();
    let all_rows: Vec<usize> = (0..domain.roadblocks.len().max(1)).collect();
    for entry in &domain.entries {
        let rows: Vec<usize> = if entry.rows.is_empty() {
            all_rows.clone()
        } else {
            let mut rows: Vec<usize> = entry
                .rows
                .iter()
                .filter_map(|id| domain.row_of(id))
                .collect();
            rows.sort_unstable();
            rows
        };
        let Some(&first_row) = rows.first() else {
            continue;
        };
        let start = column_of(entry.start.year.0);
        let end = if entry.open_ended {
            years - 1
        } else {
            column_of(entry.end.year.0).max(start)
        };
        let (start, end) = (
            usize::try_from(start).unwrap_or(0),
            usize::try_from(end).unwrap_or(0),
        );
        for &row in &rows {
            for year in start..=end {
                grid.entry((row, year)).or_default().1 = true;
            }
        }
        grid.entry((first_row, start))
            .or_default()
            .0
            .push(entry_text(document, entry));
    }
    grid
}

/// An entry's label as written in its first cell: 「◆」 before a milestone, its note marks after.
fn entry_text(document: &Document, entry: &TimelineEntry) -> String {
    let mark = if entry.kind == EntryKind::Milestone {
        "◆"
    } else {
        ""
    };
    format!("{mark}{}{}", entry.label, marks(document, &entry.notes))
}

/// Note marks as written after a text in a cell: 「（注1,3）」, nothing without notes.
fn marks(document: &Document, references: &[crate::model::Id]) -> String {
    bracketed_marks(&document.note_marks(references))
}

/// The second sheet: every entry with its domain, kind, period, rows and detail.
fn entries_sheet(
    sheet: &mut Worksheet,
    document: &Document,
    formats: &Formats,
    lang: Lang,
) -> Result<(), XlsxError> {
    let headers = [
        (lang.pick("開発段階・領域", "Domain"), 16.0),
        (lang.pick("工程", "Entry"), 40.0),
        (lang.pick("種類", "Kind"), 8.0),
        (lang.pick("期間", "Period"), 28.0),
        (lang.pick("対象のロードブロック", "Roadblock rows"), 40.0),
        (lang.pick("詳細", "Detail"), 40.0),
    ];
    for (index, (header, width)) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, col(index), *header, &formats.header)?;
        sheet.set_column_width(col(index), *width)?;
    }
    let mut at = 1;
    for domain in &document.domains {
        for entry in &domain.entries {
            let kind = match entry.kind {
                EntryKind::Arrow => lang.pick("矢印", "arrow"),
                EntryKind::Bar => lang.pick("帯", "bar"),
                EntryKind::Milestone => lang.pick("◆", "milestone"),
            };
            let rows = if entry.rows.is_empty() {
                lang.pick("（領域全体）", "(whole domain)").to_owned()
            } else {
                entry
                    .rows
                    .iter()
                    .filter_map(|id| domain.roadblock(id))
                    .map(|r| r.title.clone())
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            let cells = [
                domain.display_name(),
                entry_text(document, entry),
                kind.to_owned(),
                entry.period_label(&document.timeline),
                rows,
                entry.detail.clone(),
            ];
            for (index, text) in cells.into_iter().enumerate() {
                sheet.write_string_with_format(at, col(index), text, &formats.cell)?;
            }
            at += 1;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// The third sheet: the category legend, then the notes by number.
fn legend_sheet(
    sheet: &mut Worksheet,
    document: &Document,
    formats: &Formats,
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.set_column_width(0, 10)?;
    sheet.set_column_width(1, 80)?;
    let mut at = 0;
    sheet.write_string_with_format(at, 0, lang.pick("分類", "Category"), &formats.header)?;
    sheet.write_string_with_format(at, 1, lang.pick("内容", "Meaning"), &formats.header)?;
    for category in &document.legend.categories {
        at += 1;
        sheet.write_string_with_format(at, 0, category.letter.to_string(), &formats.cell)?;
        sheet.write_string_with_format(at, 1, &category.text, &formats.cell)?;
    }
    if !document.notes.is_empty() {
        at += 2;
        sheet.write_string_with_format(at, 0, lang.pick("注記", "Note"), &formats.header)?;
        sheet.write_string_with_format(at, 1, lang.pick("本文", "Text"), &formats.header)?;
        for (number, note) in document.notes.iter().enumerate() {
            at += 1;
            sheet.write_string_with_format(at, 0, format!("注{}", number + 1), &formats.cell)?;
            sheet.write_string_with_format(at, 1, &note.text, &formats.cell)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
