//! The workbook read back with calamine, as a colleague's Excel would read it.

use std::io::Cursor;

use calamine::{Data, Range, Reader, Xlsx};

use super::{HEADER_ROW, roadmap_xlsx};
use crate::model::{Document, Lang};

fn example(name: &str) -> Document {
    crate::io::load(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join(name),
    )
    .expect("the example loads")
}

fn workbook(document: &Document) -> Xlsx<Cursor<Vec<u8>>> {
    let bytes = roadmap_xlsx(document, Lang::Ja).expect("the workbook is written");
    Xlsx::new(Cursor::new(bytes)).expect("Excel can open it")
}

fn text(range: &Range<Data>, row: u32, col: usize) -> String {
    range
        .get_value((row, u32::try_from(col).expect("a column")))
        .map(ToString::to_string)
        .unwrap_or_default()
}

#[test]
fn the_table_has_the_documents_columns_years_roadblocks_and_entries() {
    let document = example("roadblocks-after.ron");
    let mut book = workbook(&document);
    assert_eq!(book.sheet_names(), ["工程表", "工程一覧", "凡例・注記"]);
    let table = book.worksheet_range("工程表").expect("the table");
    assert!(text(&table, 0, 0).starts_with(&document.meta.title));
    // The header: the document's own column headers, then the fiscal years as it labels them.
    let columns = document.columns.len();
    for (index, column) in document.columns.iter().enumerate() {
        assert_eq!(text(&table, HEADER_ROW, index), column.header);
    }
    for (index, label) in document.timeline.column_labels().iter().enumerate() {
        assert_eq!(&text(&table, HEADER_ROW, columns + index), label);
    }
    // One row per roadblock, in order; the roadblock column holds 【title】 and its categories.
    let roadblock_column = document
        .columns
        .iter()
        .position(|c| c.kind == crate::model::ColumnKind::Roadblock)
        .expect("a roadblock column");
    let mut at = HEADER_ROW + 1;
    for domain in &document.domains {
        let top = at;
        for roadblock in &domain.roadblocks {
            assert!(
                text(&table, at, roadblock_column).starts_with(&roadblock.heading()),
                "row {at}: {}",
                text(&table, at, roadblock_column)
            );
            at += 1;
        }
        at = at.max(top + 1);
        // Each entry's label stands in its first row, in its start year's column.
        for entry in &domain.entries {
            let rows: Vec<usize> = if entry.rows.is_empty() {
                vec![0]
            } else {
                entry
                    .rows
                    .iter()
                    .filter_map(|id| domain.row_of(id))
                    .collect()
            };
            let first = rows.iter().min().copied().unwrap_or(0);
            let year = usize::try_from(entry.start.year.0 - document.timeline.first_year.0)
                .unwrap_or(0)
                .min(usize::from(document.timeline.years) - 1);
            let cell = text(
                &table,
                top + u32::try_from(first).expect("row"),
                columns + year,
            );
            assert!(cell.contains(&entry.label), "{}: {cell}", entry.label);
        }
    }
}

#[test]
fn a_domain_and_its_own_cells_span_its_rows() {
    let document = example("kpi-columns.ron");
    let mut book = workbook(&document);
    let merged = book
        .merge_cells_by_sheet_name("工程表")
        .expect("the sheet's merged cells");
    let first = &document.domains[0];
    assert!(
        first.roadblocks.len() > 1,
        "the example's first domain has rows to span"
    );
    let top = HEADER_ROW + 1;
    let bottom = top + u32::try_from(first.roadblocks.len()).expect("rows") - 1;
    let spanned: Vec<u32> = merged
        .iter()
        .filter(|d| d.start.0 == top && d.end.0 == bottom && d.start.1 == d.end.1)
        .map(|d| d.start.1)
        .collect();
    let domain_owned = document
        .columns
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.kind == crate::model::ColumnKind::Domain
                || (c.is_domain_text() && matches!(c.kind, crate::model::ColumnKind::Text(_)))
        })
        .map(|(i, _)| u32::try_from(i).expect("column"))
        .collect::<Vec<_>>();
    assert!(domain_owned.len() >= 2, "① and its 担当府省 cell");
    assert_eq!(spanned, domain_owned);
    let table = book.worksheet_range("工程表").expect("the table");
    assert_eq!(text(&table, top, 0), first.display_name());
}

#[test]
fn the_entries_sheet_lists_every_entry_with_its_period() {
    let document = example("roadblocks-after.ron");
    let mut book = workbook(&document);
    let entries = book.worksheet_range("工程一覧").expect("the entries");
    assert_eq!(text(&entries, 0, 3), "期間");
    let all: Vec<_> = document
        .domains
        .iter()
        .flat_map(|d| d.entries.iter().map(move |e| (d, e)))
        .collect();
    assert_eq!(entries.height(), all.len() + 1);
    for (index, (domain, entry)) in all.iter().enumerate() {
        let at = u32::try_from(index + 1).expect("row");
        assert_eq!(text(&entries, at, 0), domain.display_name());
        assert!(text(&entries, at, 1).contains(&entry.label));
        assert_eq!(
            text(&entries, at, 3),
            entry.period_label(&document.timeline)
        );
    }
    let legend = book.worksheet_range("凡例・注記").expect("the legend");
    for (index, category) in document.legend.categories.iter().enumerate() {
        let at = u32::try_from(index + 1).expect("row");
        assert_eq!(text(&legend, at, 0), category.letter.to_string());
        assert_eq!(text(&legend, at, 1), category.text);
    }
}

#[test]
fn a_timeline_only_roadmap_has_a_row_per_domain() {
    let document = example("timeline-only.ron");
    let mut book = workbook(&document);
    let table = book.worksheet_range("工程表").expect("the table");
    for (index, domain) in document.domains.iter().enumerate() {
        let at = HEADER_ROW + 1 + u32::try_from(index).expect("row");
        assert_eq!(text(&table, at, 0), domain.display_name());
    }
    // English words for the other sheets when asked.
    let bytes = roadmap_xlsx(&document, Lang::En).expect("written");
    let book = Xlsx::new(Cursor::new(bytes)).expect("opens");
    assert_eq!(
        book.sheet_names(),
        ["Roadmap", "Entries", "Legend and notes"]
    );
}
