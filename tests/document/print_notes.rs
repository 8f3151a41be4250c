//! Notes (注記) on paper: a mark after a bar's label or a roadblock's title, and the notes a page
//! refers to printed at that page's foot — only those, once each.

use crate::poppler;

use std::path::Path;

use koteihyo::export::page::{Page, Shape};
use koteihyo::export::printer::Printer;
use koteihyo::export::settings::PageSettings;
use koteihyo::model::{Document, Id, Note};

/// A note only the first domain refers to (a bar and a roadblock).
const FIRST: &str = "画像データベースの構築は令和５年度に着手する";
/// A note the second domain's bar and the third domain's first roadblock refer to.
const SECOND: &str = "改正後の指針は令和６年４月から施行する";

/// Three domains of 見直し後 with two notes: page 1 refers to note 1 (from a bar and a
/// roadblock), page 2 to note 2 (from a bar), page 3 to note 2 (from a roadblock).
fn noted() -> Document {
    let mut document =
        koteihyo::io::load(Path::new("examples/roadblocks-after.ron")).expect("example loads");
    document.domains.truncate(3);
    document.notes = vec![
        Note {
            id: Id::from("n-first"),
            text: FIRST.to_owned(),
        },
        Note {
            id: Id::from("n-second"),
            text: SECOND.to_owned(),
        },
    ];
    document.domains[0].entries[0].notes = vec![Id::from("n-first")];
    document.domains[0].roadblocks[0].notes = vec![Id::from("n-first")];
    document.domains[1].entries[0].notes = vec![Id::from("n-second")];
    document.domains[2].roadblocks[0].notes = vec![Id::from("n-second")];
    document
}

fn printer() -> Printer {
    Printer::new(koteihyo::font::find_installed().expect("a Japanese font (fonts-noto-cjk)"))
        .expect("the font can be measured")
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The lowest point of anything drawn in the table (polygons and the table's rules).
fn table_bottom(page: &Page) -> f32 {
    page.shapes
        .iter()
        .filter_map(|shape| match shape {
            Shape::Polygon { points, .. } => points.iter().map(|p| p.y).reduce(f32::max),
            Shape::Rect { rect, .. } => Some(rect.bottom()),
            _ => None,
        })
        .fold(0.0, f32::max)
}

#[test]
fn each_page_prints_at_its_foot_the_notes_its_marks_refer_to() {
    let document = noted();
    assert!(
        koteihyo::model::validate(&document).is_empty(),
        "the test document is clean"
    );
    let settings = PageSettings::default();
    let folder = tempfile::tempdir().expect("temporary folder");
    let pdf = folder.path().join("notes.pdf");
    std::fs::write(&pdf, printer().pdf(&document, &settings).expect("PDF")).expect("written");
    let pages = printer().pages(&document, &settings).expect("laid out");
    assert_eq!(pages.len(), 3);
    for (index, (shown, hidden, number)) in [
        (FIRST, SECOND, "1"),
        (SECOND, FIRST, "2"),
        (SECOND, FIRST, "2"),
    ]
    .into_iter()
    .enumerate()
    {
        let page = (index + 1).to_string();
        let text = squeeze(&poppler::pdftotext(
            &pdf,
            &["-raw", "-enc", "UTF-8", "-f", &page, "-l", &page],
        ));
        assert_eq!(
            text.matches(&squeeze(shown)).count(),
            1,
            "page {page} lists its note once:\n{text}"
        );
        assert!(
            !text.contains(&squeeze(hidden)),
            "page {page} does not list a note it does not refer to:\n{text}"
        );
        // The note at the foot: below the table, above the legend, numbered.
        let pages_note = pages[index]
            .texts()
            .find(|run| run.text.contains(shown))
            .expect("the note's run");
        assert!(
            pages_note.text.starts_with(&format!("{number} ")),
            "{:?}",
            pages_note.text
        );
        assert!(
            pages_note.origin.y > table_bottom(&pages[index]),
            "page {page}: the note is at the foot, below the table"
        );
        // The mark: a smaller run on a raised baseline right after the label or title.
        let mark = pages[index]
            .texts()
            .find(|run| run.text == number && run.size < 6.0)
            .unwrap_or_else(|| panic!("page {page}: a superscript mark {number}"));
        let before = pages[index]
            .texts()
            .find(|run| {
                (run.origin.x + run.width - mark.origin.x).abs() < 0.01 && run.size > mark.size
            })
            .unwrap_or_else(|| panic!("page {page}: the text the mark follows"));
        assert!(mark.origin.y < before.origin.y, "raised");
    }
}

#[test]
fn a_domain_over_several_pages_lists_each_note_on_the_page_of_its_mark_only() {
    let mut document = noted();
    // ① with its roadblocks five times over: several pages.
    let mut tall = crate::common::repeated_rows(&document.domains[0], 5, |roadblock, _| {
        roadblock.notes.clear();
    });
    tall.entries.iter_mut().for_each(|e| e.notes.clear());
    tall.roadblocks[0].notes = vec![Id::from("n-first")];
    if let Some(last) = tall.roadblocks.last_mut() {
        last.notes = vec![Id::from("n-second")];
    }
    document.domains = vec![tall.into()];
    let pages = printer()
        .pages(&document, &PageSettings::default())
        .expect("laid out");
    assert!(pages.len() >= 3, "{} pages", pages.len());
    let lists = |page: &Page, note: &str| page.texts().any(|run| run.text.contains(note));
    let last = pages.len() - 1;
    for (index, page) in pages.iter().enumerate() {
        assert_eq!(lists(page, FIRST), index == 0, "page {}: note 1", index + 1);
        assert_eq!(
            lists(page, SECOND),
            index == last,
            "page {}: note 2",
            index + 1
        );
        // Whatever the page lists lies below everything of its table.
        for run in page
            .texts()
            .filter(|r| r.text.contains(FIRST) || r.text.contains(SECOND))
        {
            assert!(
                run.origin.y - run.size > table_bottom(page),
                "page {}",
                index + 1
            );
        }
    }
}
