//! Unit and property tests of 検索と置換.

use proptest::prelude::*;

use super::*;
use crate::edit::{History, apply};
use crate::model::Document;

fn example() -> Document {
    crate::io::parse_ron(include_str!("../../../examples/kpi-columns.ron")).expect("example")
}

fn seed() -> Document {
    crate::io::parse_ron(include_str!("../../../examples/roadblocks-after.ron")).expect("example")
}

fn options(query: &str, match_case: bool, whole_text: bool) -> FindOptions {
    FindOptions {
        query: query.to_owned(),
        match_case,
        whole_text,
    }
}

#[test]
fn matches_are_found_left_to_right_without_overlap() {
    let found = matches_in("ああああ", &options("ああ", true, false));
    assert_eq!(found, vec![0..6, 6..12]);
    assert!(matches_in("", &options("a", true, false)).is_empty());
    assert!(matches_in("abc", &options("", true, false)).is_empty());
}

#[test]
fn case_is_ignored_unless_asked_also_for_full_width_letters() {
    assert_eq!(
        matches_in("AI-IRB と ai", &options("ai", false, false)).len(),
        2
    );
    assert_eq!(
        matches_in("AI-IRB と ai", &options("ai", true, false)).len(),
        1
    );
    assert_eq!(
        matches_in("ＡＩ", &options("ａｉ", false, false)),
        vec![0..6]
    );
    // Byte ranges stay those of the original text.
    assert_eq!(matches_in("xİy", &options("y", false, false)), vec![3..4]);
}

#[test]
fn whole_text_matches_only_the_entire_text() {
    assert_eq!(
        matches_in("医療機器", &options("医療機器", true, true)),
        vec![0..12]
    );
    assert!(matches_in("医療機器等", &options("医療機器", true, true)).is_empty());
    assert_eq!(matches_in("Ab", &options("aB", false, true)), vec![0..2]);
}

#[test]
fn every_kind_of_text_is_searched() {
    let mut document = seed();
    let marker = "＃探す＃";
    document.meta.subtitle = marker.into();
    document.legend.caption = marker.into();
    document.columns[0].header = marker.into();
    let domain = &mut document.domains[0];
    domain.name = marker.into();
    domain.footnotes.push(crate::model::Footnote {
        id: "d1.f-test".into(),
        mark: "※".into(),
        lines: vec![marker.into()],
    });
    let roadblock = &mut domain.roadblocks[0];
    roadblock.scope = marker.into();
    roadblock.title = marker.into();
    roadblock.description.push(marker.into());
    roadblock.done[0].text = marker.into();
    domain.entries[0].label = marker.into();
    domain.entries[0].detail = marker.into();
    let fields: Vec<TextField> = find_all(&document, &options(marker, true, false))
        .into_iter()
        .map(|m| m.place.field)
        .collect();
    assert_eq!(fields.len(), 11, "{fields:?}");
    for field in [
        TextField::Subtitle,
        TextField::LegendCaption,
        TextField::DomainName,
        TextField::FootnoteLine(0),
        TextField::Scope,
        TextField::RoadblockTitle,
        TextField::ItemText,
        TextField::EntryLabel,
        TextField::EntryDetail,
    ] {
        assert!(fields.contains(&field), "{field:?} not searched");
    }
}

#[test]
fn cells_and_notes_are_searched_and_replaced() {
    let mut document = example();
    document.notes.push(crate::model::Note {
        id: "n-test".into(),
        text: "デジタル庁の注".into(),
    });
    let found = find_all(&document, &options("デジタル庁", true, false));
    assert!(
        found
            .iter()
            .any(|m| matches!(m.place.field, TextField::Cell(_)))
    );
    let percent = find_all(&document, &options("％", true, false));
    assert!(
        percent
            .iter()
            .any(|m| matches!(m.place.field, TextField::Cell(_)))
    );
    assert!(found.iter().any(|m| m.place.field == TextField::NoteText));
    let replacement = replace_all(&document, &options("デジタル庁", true, false), "デジタル局");
    assert_eq!(replacement.count, found.len());
    let mut after = document.clone();
    apply(&mut after, &replacement.edit.expect("an edit")).expect("applies");
    assert!(find_all(&after, &options("デジタル庁", true, false)).is_empty());
    assert_eq!(after.notes[0].text, "デジタル局の注");
}

#[test]
fn replace_one_changes_only_that_match() {
    let document = example();
    let search = options("の", true, false);
    let found = find_all(&document, &search);
    assert!(found.len() > 3);
    let replacement = replace_one(&document, &search, "ノ", 2);
    assert_eq!(replacement.count, 1);
    let mut after = document.clone();
    apply(&mut after, &replacement.edit.expect("an edit")).expect("applies");
    let now = find_all(&after, &search);
    assert_eq!(now.len(), found.len() - 1);
    assert_eq!(now[..2], found[..2]);
    assert_eq!(replace_one(&document, &search, "ノ", found.len()).count, 0);
}

#[test]
fn replacing_a_text_by_itself_changes_nothing() {
    let document = example();
    let replacement = replace_all(&document, &options("の", true, false), "の");
    assert!(replacement.count > 0);
    assert_eq!(replacement.edit, None);
}

fn query() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("の".to_owned()),
        Just("ＡＩ".to_owned()),
        Just("ai".to_owned()),
        Just("IRB".to_owned()),
        Just("医療機器".to_owned()),
        Just("共通".to_owned()),
        "[のをにa-cA-C事項]{1,3}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn replace_all_is_one_step_that_undo_reverses_exactly(
        query in query(),
        by in "[のノxX]{0,3}",
        match_case: bool,
        whole_text: bool,
    ) {
        let document = example();
        let search = FindOptions { query, match_case, whole_text };
        let found = find_all(&document, &search).len();
        let replacement = replace_all(&document, &search, &by);
        prop_assert_eq!(replacement.count, found);
        let mut edited = document.clone();
        let mut history = History::default();
        if let Some(edit) = &replacement.edit {
            history.apply(&mut edited, edit, None).expect("applies");
        }
        if found > 0 && !by.contains(search.query.as_str()) && search.match_case {
            prop_assert!(find_all(&edited, &search).is_empty());
        }
        if edited != document {
            prop_assert!(history.undo(&mut edited));
        }
        prop_assert!(!history.undo(&mut edited), "more than one step");
        prop_assert_eq!(&edited, &document);
        // Replacing the query by itself changes nothing.
        prop_assert_eq!(replace_all(&document, &search, &search.query.clone()).edit, None);
    }
}
