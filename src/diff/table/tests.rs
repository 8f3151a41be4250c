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
    let marked = Line::marked_text(&added.new);
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

#[test]
fn a_roadblock_row_labels_its_columns_with_the_documents_headers() {
    let (before, after) = (example("before"), example("after"));
    let table = build(&before, &after, &compare(&before, &after), true);
    let rows: Vec<&Row> = table.sections.iter().flat_map(|s| &s.rows).collect();
    let irb = rows
        .iter()
        .find(|r| r.entity == Entity::Roadblock && r.new_id == Some("d1.r1".into()))
        .expect("① IRB's first roadblock");
    let texts: Vec<String> = irb.new.iter().map(Line::text).collect();
    assert_eq!(texts[0], "【ロードブロック】");
    assert!(
        texts.contains(&"【着手・対応済みの事項】".to_owned()),
        "{texts:?}"
    );
    assert!(texts.contains(&"【取組事項】".to_owned()), "{texts:?}");
    let done = texts.iter().position(|t| t == "【着手・対応済みの事項】");
    let actions = texts.iter().position(|t| t == "【取組事項】");
    assert!(done < actions, "done items come first: {texts:?}");
    // ⑦ calls its done column 対応済みの事項 (a domain's own header).
    let pmda = rows
        .iter()
        .find(|r| r.entity == Entity::Roadblock && r.new_id == Some("d7.r1".into()))
        .expect("⑦'s first roadblock");
    assert!(
        pmda.new.iter().any(|l| l.text() == "【対応済みの事項】"),
        "{:?}",
        pmda.new.iter().map(Line::text).collect::<Vec<_>>()
    );
}

#[test]
fn entry_periods_are_in_the_documents_year_style_and_marked_when_moved() {
    let (before, after) = (example("before"), example("after"));
    let table = build(&before, &after, &compare(&before, &after), false);
    let entries: Vec<&Row> = table
        .sections
        .iter()
        .flat_map(|s| &s.rows)
        .filter(|r| r.entity == Entity::Entry && r.kind == RowKind::Changed)
        .collect();
    assert!(!entries.is_empty());
    let periods: Vec<&Line> = entries
        .iter()
        .flat_map(|r| r.new.iter().chain(&r.old))
        .filter(|l| l.text().contains("年度"))
        .collect();
    assert!(!periods.is_empty());
    for line in &periods {
        let text = line.text();
        assert!(
            text.contains("令和"),
            "和暦, as the documents write years: {text}"
        );
        assert!(!text.contains("2020年度"), "{text}");
    }
    // The examples moved every arrow two years: the periods are marked.
    assert!(periods.iter().any(|l| l.has_marks()));
}

#[test]
fn each_side_writes_open_periods_with_its_own_suffix_unmarked() {
    let before = example("after");
    let mut after = before.clone();
    after.timeline.open_end_suffix = crate::model::OpenEndSuffix::Tilde;
    let entry = after
        .domains
        .iter_mut()
        .flat_map(|d| &mut d.entries)
        .find(|e| e.open_ended)
        .expect("an open-ended entry");
    entry.label.push_str("（改）");
    let table = build(&before, &after, &compare(&before, &after), false);
    let row = table
        .sections
        .iter()
        .flat_map(|s| &s.rows)
        .find(|r| r.entity == Entity::Entry && r.kind == RowKind::Changed)
        .expect("the changed entry");
    let period = |lines: &[Line]| -> Line {
        lines
            .iter()
            .find(|l| l.text().contains("年度"))
            .cloned()
            .expect("a period")
    };
    let (new, old) = (period(&row.new), period(&row.old));
    assert!(new.text().ends_with("年度～"), "{}", new.text());
    assert!(old.text().ends_with("年度以降"), "{}", old.text());
    // Only the wording of the open end changed, not the years.
    assert!(!new.has_marks() && !old.has_marks());
}

/// The 新旧対照表 row of the one roadblock `edit` changes in a copy of 見直し後.
fn changed_roadblock_row(edit: impl Fn(&mut crate::model::Document)) -> Row {
    let before = example("after");
    let mut after = before.clone();
    edit(&mut after);
    build(&before, &after, &compare(&before, &after), false)
        .sections
        .into_iter()
        .flat_map(|s| s.rows)
        .find(|r| r.entity == Entity::Roadblock && r.kind == RowKind::Changed)
        .expect("the changed roadblock")
}

#[test]
fn a_pure_deletion_leaves_a_marked_blank_on_the_new_side() {
    // 「IRBの審査の質を均一化する必要があるのではないか」 loses 「の質」.
    let row = changed_roadblock_row(|after| {
        let title = &mut after.domains[0].roadblocks[0].title;
        *title = title.replacen("の質", "", 1);
    });
    let marked = |lines: &[Line]| -> Vec<String> {
        lines
            .iter()
            .flat_map(|l| &l.spans)
            .filter(|s| s.marked)
            .map(|s| s.text.clone())
            .collect()
    };
    assert_eq!(marked(&row.old), ["の質"], "the deleted text, underlined");
    assert_eq!(marked(&row.new), [GAP], "an underlined blank where it was");
    // A replacement marks each side's own text, no blank.
    let row = changed_roadblock_row(|after| {
        let title = &mut after.domains[0].roadblocks[0].title;
        *title = title.replacen("均一化", "標準化", 1);
    });
    assert!(
        !marked(&row.new).contains(&GAP.to_owned()),
        "{:?}",
        marked(&row.new)
    );
    assert!(!marked(&row.old).contains(&GAP.to_owned()));
}

#[test]
fn a_domain_or_roadblock_moved_in_the_order_has_its_heading_marked_on_both_sides() {
    let after = example("after");
    let mut moved = after.clone();
    let third = moved.domains.remove(2);
    moved.domains.insert(0, third);
    let first_roadblock = moved.domains[1].roadblocks.remove(0);
    moved.domains[1].roadblocks.push(first_roadblock.clone());
    let table = build(&after, &moved, &compare(&after, &moved), false);
    assert_eq!(table.sections[0].heading, moved.domains[0].display_name());
    let rows: Vec<&Row> = table.sections.iter().flat_map(|s| &s.rows).collect();
    let domain = rows
        .iter()
        .find(|r| r.entity == Entity::Domain)
        .expect("the moved domain's row");
    assert_eq!(domain.new_id, Some(moved.domains[0].id.clone()));
    let name = &moved.domains[0].name;
    let marked = Line::marked_text;
    assert!(marked(&domain.new).contains(name.as_str()), "{domain:?}");
    assert!(marked(&domain.old).contains(name.as_str()), "{domain:?}");
    let roadblock = rows
        .iter()
        .find(|r| r.entity == Entity::Roadblock && r.kind == RowKind::Changed)
        .expect("a moved roadblock's row");
    let title = &moved.domains[1]
        .roadblocks
        .iter()
        .find(|r| Some(&r.id) == roadblock.new_id.as_ref())
        .expect("its roadblock")
        .title;
    assert_eq!(marked(&roadblock.new), *title);
    assert_eq!(marked(&roadblock.old), *title);
}
