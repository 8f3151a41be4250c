//! Tests of the 新旧対照表 rows on the examples.
use super::*;
use crate::diff::{compare, example};

#[test]
fn the_examples_table_has_new_removed_and_marked_rows() {
    let (before, after) = (example("before"), example("after"));
    let table = build(&before, &after, &compare(&before, &after), false);
    let rows: Vec<&Row> = table.sections.iter().flat_map(|s| &s.rows).collect();
    let added = rows
        .iter()
        .find(|r| r.new_id == Some("d8.r2".into()))
        .expect("⑧'s new roadblock");
    assert_eq!(added.kind, RowKind::Added);
    assert_eq!(added.old[0].text(), "（新設）");
    // All of its text is marked (only the 【】 and ○ around it are not).
    let marked: String = added
        .new
        .iter()
        .flat_map(|l| &l.spans)
        .filter(|s| s.marked)
        .map(|s| s.text.as_str())
        .collect();
    let roadblock = &after.domains[7].roadblocks[1];
    assert!(marked.contains(&roadblock.title), "{marked}");
    assert!(
        roadblock
            .description
            .iter()
            .all(|d| marked.contains(d.as_str())),
        "{marked}"
    );
    let renamed = rows
        .iter()
        .find(|r| r.entity == Entity::Domain && r.new_id == Some("d7".into()))
        .expect("⑦ renamed");
    let marked: String = renamed.new[0]
        .spans
        .iter()
        .filter(|s| s.marked)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(marked, "／保険適用");
    assert!(
        rows.iter()
            .any(|r| r.kind == RowKind::Removed && r.new[0].text() == "（削る）")
    );
    assert_eq!(table.sections[0].heading, "文書");
}

#[test]
fn an_unchanged_document_is_all_omitted_or_in_full() {
    let after = example("after");
    let same = compare(&after, &after);
    let table = build(&after, &after, &same, false);
    for section in &table.sections {
        assert_eq!(section.rows.len(), 1, "{}", section.heading);
        assert_eq!(section.rows[0].kind, RowKind::Omitted);
    }
    let full = build(&after, &after, &same, true);
    assert!(
        full.sections
            .iter()
            .flat_map(|s| &s.rows)
            .all(|r| r.kind == RowKind::Unchanged)
    );
    assert!(
        full.sections
            .iter()
            .flat_map(|s| &s.rows)
            .flat_map(|r| &r.new)
            .all(|l| !l.has_marks())
    );
}
