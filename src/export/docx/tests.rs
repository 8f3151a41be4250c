//! Tests of the Word export: the examples' 新旧対照表 read back from `word/document.xml`.

use std::io::Read;
use std::path::Path;

use super::*;
use crate::diff::table::Span;

fn example(name: &str) -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name);
    crate::io::load(&path).expect("the example loads")
}

/// The text of one part of a .docx.
fn part(docx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).expect("a zip");
    let mut text = String::new();
    archive
        .by_name(name)
        .expect("the part exists")
        .read_to_string(&mut text)
        .expect("UTF-8");
    text
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The contents between every `open` and the next `close`.
fn between<'a>(xml: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    let mut found = Vec::new();
    let mut rest = xml;
    while let Some(start) = rest.find(open) {
        let after = &rest[start + open.len()..];
        let Some(end) = after.find(close) else { break };
        found.push(&after[..end]);
        rest = &after[end + close.len()..];
    }
    found
}

/// Every run of the document: its text and whether it is underlined.
fn runs(xml: &str) -> Vec<(String, bool)> {
    between(xml, "<w:r>", "</w:r>")
        .into_iter()
        .map(|run| {
            let text: String = between(run, r#"<w:t xml:space="preserve">"#, "</w:t>")
                .into_iter()
                .map(unescape)
                .collect();
            (text, run.contains("<w:u "))
        })
        .collect()
}

/// Every paragraph's text.
fn paragraphs(xml: &str) -> Vec<String> {
    between(xml, "<w:p>", "</w:p>")
        .into_iter()
        .map(|p| runs(p).into_iter().map(|(text, _)| text).collect())
        .collect()
}

fn examples_docx(settings: &ComparisonSettings) -> (ComparisonTable, String) {
    let (old, new) = (
        example("roadblocks-before.ron"),
        example("roadblocks-after.ron"),
    );
    let comparison = crate::diff::compare(&old, &new);
    let table = crate::diff::table::build(&old, &new, &comparison, false);
    let docx = comparison_docx(&old, &new, settings, false).expect("written");
    assert!(docx.starts_with(b"PK"));
    (table, part(&docx, "word/document.xml"))
}

#[test]
fn the_examples_table_is_a_word_table_with_a_repeating_header_and_underlined_changes() {
    let (table, xml) = examples_docx(&ComparisonSettings::default());
    assert_eq!(xml.matches("<w:tbl>").count(), 1, "one table");
    let header = between(&xml, "<w:tr>", "</w:tr>")[0];
    assert!(header.contains("<w:tblHeader/>"), "{header}");
    let labels = paragraphs(header);
    assert!(labels[0].starts_with("改正後"), "{labels:?}");
    assert!(labels[1].starts_with("改正前"), "{labels:?}");
    assert_eq!(
        xml.matches("<w:tblHeader/>").count(),
        1,
        "only the first row repeats"
    );

    let runs = runs(&xml);
    let underlined: Vec<&str> = runs
        .iter()
        .filter(|(_, u)| *u)
        .map(|(t, _)| t.as_str())
        .collect();
    assert!(!underlined.is_empty());
    let paragraphs = paragraphs(&xml);
    let mut marked = 0;
    for row in table.sections.iter().flat_map(|s| &s.rows) {
        for line in row.new.iter().chain(&row.old) {
            assert!(
                paragraphs.contains(&line.text()),
                "{:?} is a paragraph of the document",
                line.text()
            );
            for span in line.spans.iter().filter(|s| s.marked) {
                if !span.text.trim().is_empty() {
                    marked += 1;
                    assert!(
                        underlined.contains(&span.text.as_str()),
                        "{:?} is underlined",
                        span.text
                    );
                }
            }
        }
    }
    assert!(marked > 10, "the examples mark {marked} spans");
    // Nothing unmarked is underlined.
    let unmarked_underlined = runs
        .iter()
        .filter(|(t, u)| *u && (t == "改正後" || t == "（略）" || t == NOTE))
        .count();
    assert_eq!(unmarked_underlined, 0);

    for text in ["（新設）", "（削る）", "（略）", NOTE] {
        assert!(paragraphs.iter().any(|p| p == text), "{text}");
    }
    let note = xml.find(NOTE).expect("the note");
    assert!(
        note < xml.find("<w:tbl>").expect("the table"),
        "the note is above the table"
    );
    for section in &table.sections {
        assert!(paragraphs.contains(&section.heading), "{}", section.heading);
    }
    assert!(xml.contains(r#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>"#));
    // Two columns of half the text width each.
    let grid = between(&xml, "<w:tblGrid>", "</w:tblGrid>")[0];
    let widths: Vec<&str> = between(grid, r#"w:w=""#, r#"""#);
    assert_eq!(widths.len(), 2);
    assert_eq!(widths[0], widths[1]);
    let margin = twips(crate::export::settings::mm(10.0));
    assert_eq!(
        widths[0].parse::<u32>().expect("a number"),
        (16838 - 2 * margin) / 2
    );
}

#[test]
fn the_old_side_comes_first_when_asked() {
    let settings = ComparisonSettings {
        new_first: false,
        ..ComparisonSettings::default()
    };
    let (table, xml) = examples_docx(&settings);
    let header = between(&xml, "<w:tr>", "</w:tr>")[0];
    let labels = paragraphs(header);
    assert!(labels[0].starts_with("改正前"), "{labels:?}");
    // An added row: （新設） is now in the first cell.
    let added = table
        .sections
        .iter()
        .flat_map(|s| &s.rows)
        .find(|r| r.kind == RowKind::Added)
        .expect("the examples add something");
    let first_text = added
        .new
        .iter()
        .find(|line| !line.label)
        .expect("a line of text")
        .text();
    let row = between(&xml, "<w:tr>", "</w:tr>")
        .into_iter()
        .find(|r| paragraphs(r).contains(&first_text))
        .expect("the added row");
    assert_eq!(paragraphs(row)[0], "（新設）");
}

#[test]
fn the_fonts_are_named_and_the_parts_are_declared() {
    let old = example("roadblocks-before.ron");
    let new = example("roadblocks-after.ron");
    let docx = comparison_docx(&old, &new, &ComparisonSettings::default(), true).expect("written");
    let styles = part(&docx, "word/styles.xml");
    assert!(styles.contains(r#"w:eastAsia="游明朝""#), "{styles}");
    assert!(part(&docx, "word/fontTable.xml").contains("ＭＳ 明朝"));
    let types = part(&docx, "[Content_Types].xml");
    for name in [
        "/word/document.xml",
        "/word/styles.xml",
        "/word/settings.xml",
        "/word/fontTable.xml",
        "/word/footer1.xml",
        "/docProps/core.xml",
    ] {
        assert!(types.contains(name), "{name}");
        assert!(part(&docx, &name[1..]).starts_with("<?xml"), "{name}");
    }
    // The same input gives the same bytes.
    assert_eq!(
        docx,
        comparison_docx(&old, &new, &ComparisonSettings::default(), true).expect("written")
    );
}

#[test]
fn user_text_is_escaped_and_characters_xml_forbids_are_dropped() {
    let table = ComparisonTable {
        sections: vec![Section {
            heading: "① <R&D>".into(),
            rows: vec![Row {
                kind: RowKind::Changed,
                entity: crate::diff::Entity::Roadblock,
                new_id: None,
                old_id: None,
                new: vec![Line {
                    spans: vec![
                        Span {
                            text: "a\u{1}b\u{FFFF}\"'".into(),
                            marked: true,
                        },
                        Span {
                            text: " ".into(),
                            marked: true,
                        },
                        Span {
                            text: crate::diff::table::GAP.into(),
                            marked: true,
                        },
                    ],
                    label: false,
                }],
                old: Vec::new(),
            }],
        }],
    };
    let docx = table_docx(
        &table,
        &Meta::default(),
        &Meta::default(),
        &ComparisonSettings::default(),
    )
    .expect("written");
    let xml = part(&docx, "word/document.xml");
    assert!(xml.contains("① &lt;R&amp;D&gt;"), "{xml}");
    assert!(!xml.contains('\u{1}') && !xml.contains('\u{FFFF}'));
    let runs = runs(&xml);
    assert!(runs.contains(&("ab\"'".to_owned(), true)), "{runs:?}");
    // A marked run of spaces is not underlined (as on the PDF); the blank of a deletion is.
    assert!(runs.contains(&(" ".to_owned(), false)), "{runs:?}");
    assert!(
        runs.contains(&(crate::diff::table::GAP.to_owned(), true)),
        "{runs:?}"
    );
    // An empty side still holds a paragraph, as Word requires of a cell.
    assert!(xml.contains("<w:p/></w:tc>"));
}

#[test]
fn the_header_row_has_the_chosen_headings_as_the_pdf_does() {
    let settings = ComparisonSettings {
        headings: crate::export::comparison::Headings::Draft,
        revision_labels: false,
        ..ComparisonSettings::default()
    };
    let (_, xml) = examples_docx(&settings);
    let text = unescape(&xml);
    assert!(
        text.contains("改正案") && text.contains("現行"),
        "the draft's words"
    );
    assert!(!text.contains("改正後"), "no other words");
}
