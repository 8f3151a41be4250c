//! Unit tests of `validate`: one per kind of problem, and a clean document.

use super::*;
use crate::model::{
    Category, CellOwner, Column, Domain, EntryKind, FiscalYear, Item, Legend, Marker, Roadblock,
    TimePoint, TimelineEntry, seed_columns,
};

fn clean() -> Document {
    let mut document = Document {
        legend: Legend {
            caption: String::new(),
            categories: vec![Category {
                letter: 'A',
                text: "法改正が必要な事項".into(),
            }],
        },
        columns: seed_columns(),
        ..Document::default()
    };
    document.meta.title = "工程表".into();
    document.domains.push(crate::model::Shared::new(Domain {
        id: "d1".into(),
        number: 1,
        name: "IRB".into(),
        roadblocks: vec![Roadblock {
            id: "d1.r1".into(),
            scope: "共通".into(),
            title: "題".into(),
            categories: ['A'].into_iter().collect(),
            done: vec![Item {
                id: "d1.r1.done1".into(),
                marker: Marker::Circle,
                level: 0,
                text: "済".into(),
            }],
            ..Roadblock::default()
        }],
        entries: vec![TimelineEntry {
            id: "d1.t1".into(),
            label: "改正".into(),
            notes: Vec::new(),
            kind: EntryKind::Arrow,
            start: TimePoint::year(2022),
            end: TimePoint::year(2023),
            open_ended: false,
            rows: vec!["d1.r1".into()],
            detail: String::new(),
        }],
        ..Domain::default()
    }));
    document
}

fn messages(document: &Document) -> Vec<String> {
    validate(document).iter().map(ToString::to_string).collect()
}

#[test]
fn clean_document_has_no_problems() {
    assert_eq!(messages(&clean()), Vec::<String>::new());
}

#[test]
fn end_before_start() {
    let mut document = clean();
    document.domains[0].entries[0].end = TimePoint::year(2021);
    document.domains[0].entries[0].start = TimePoint::quarter(2022, 2);
    let problems = validate(&document);
    let problem = problems
        .iter()
        .find(|p| p.kind.to_string().contains("ends"))
        .expect("end before start");
    assert_eq!(problem.severity, Severity::Error);
    assert_eq!(problem.location.field, Some("end"));
    assert_eq!(problem.location.id, Some(Id::from("d1.t1")));
}

#[test]
fn same_year_quarters_in_order_are_fine_and_reversed_are_not() {
    let mut document = clean();
    document.domains[0].entries[0].start = TimePoint::quarter(2022, 2);
    document.domains[0].entries[0].end = TimePoint::quarter(2022, 2);
    assert!(validate(&document).is_empty());
    document.domains[0].entries[0].start = TimePoint::quarter(2022, 3);
    assert!(
        validate(&document)
            .iter()
            .any(|p| p.kind.to_string().contains("ends"))
    );
}

#[test]
fn entry_outside_timeline_is_a_warning() {
    let mut document = clean();
    document.domains[0].entries[0].end = TimePoint::year(2030);
    let problems = validate(&document);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].severity, Severity::Warning);
    assert!(
        problems[0]
            .kind
            .to_string()
            .contains("outside the timeline")
    );
}

#[test]
fn duplicate_ids_point_at_the_second_occurrence() {
    let mut document = clean();
    document.domains[0].entries[0].id = "d1.r1".into();
    let problems = validate(&document);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].location.occurrence, 1);
    assert!(problems[0].kind.to_string().contains("more than once"));
}

#[test]
fn malformed_id() {
    let mut document = clean();
    document.domains[0].id = Id::from("");
    assert!(
        messages(&document)
            .iter()
            .any(|m| m.contains("must be non-empty"))
    );
}

#[test]
fn category_not_in_legend() {
    let mut document = clean();
    document.domains[0].roadblocks[0].categories.insert('F');
    let problems = validate(&document);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].severity, Severity::Error);
    assert!(problems[0].kind.to_string().contains("category F"));
}

#[test]
fn empty_titles_and_names() {
    let mut document = clean();
    document.meta.title = " ".into();
    document.domains[0].name = String::new();
    document.domains[0].roadblocks[0].title = String::new();
    let problems = validate(&document);
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems.iter().all(|p| p.severity == Severity::Warning));
}

#[test]
fn rows_must_be_roadblocks_of_the_domain() {
    let mut document = clean();
    document.domains[0].entries[0].rows.push("d9.r1".into());
    assert!(
        messages(&document)
            .iter()
            .any(|m| m.contains("not a roadblock"))
    );
}

#[test]
fn invalid_quarter_and_year_count() {
    let mut document = clean();
    document.domains[0].entries[0].start = TimePoint::quarter(2022, 0);
    document.timeline.years = 0;
    let all = messages(&document);
    assert!(all.iter().any(|m| m.contains("quarter outside")), "{all:?}");
    assert!(all.iter().any(|m| m.contains("1 to 30")), "{all:?}");
}

#[test]
fn duplicate_legend_letters_columns_and_domain_numbers() {
    let mut document = clean();
    document.legend.categories.push(Category {
        letter: 'A',
        text: "again".into(),
    });
    document.columns.push(document.columns[0].clone());
    let mut second = document.domains[0].clone();
    second.id = "d2".into();
    second.roadblocks.clear();
    second.entries.clear();
    document.domains.push(second);
    let all = messages(&document);
    assert!(
        all.iter().any(|m| m.contains("category A twice")),
        "{all:?}"
    );
    assert!(all.iter().any(|m| m.contains("listed twice")), "{all:?}");
    assert!(all.iter().any(|m| m.contains("domain number 1")), "{all:?}");
}

#[test]
fn messages_quote_long_or_multi_line_texts_briefly() {
    let mut document = clean();
    let long = format!("指針の改正{}\n    ],\n    meta: (", "m".repeat(300));
    document.domains[0].entries[0].label.clone_from(&long);
    document.domains[0].entries[0].end = TimePoint::year(2021);
    let messages = messages(&document);
    assert_eq!(messages.len(), 2, "{messages:?}");
    for message in &messages {
        assert!(!message.contains('\n'), "{message}");
        assert!(
            message.contains(&format!("「指針の改正{}…」", "m".repeat(35))),
            "{message}"
        );
        assert!(message.chars().count() < 120, "{message}");
    }
    // Short texts are quoted whole.
    assert_eq!(brief("改正"), "改正");
    assert_eq!(brief("一行目\n二行目"), "一行目…");
    assert_eq!(brief(&"あ".repeat(40)), "あ".repeat(40));
    assert_eq!(brief(&"あ".repeat(41)), format!("{}…", "あ".repeat(40)));
}

#[test]
fn years_outside_the_supported_range_are_errors() {
    // Years `check` used to accept, and the extremes of i32 (FY2147483647 was labelled
    // 「-2147483648年度」 once a column was added to it).
    for first in [0, -5, 1867, 2201, 99_999, i32::MAX, i32::MIN] {
        let mut document = clean();
        document.timeline.first_year = FiscalYear(first);
        let problems = validate(&document);
        let problem = problems
            .iter()
            .find(|p| p.location.field == Some("first_year"))
            .unwrap_or_else(|| panic!("FY{first} accepted: {problems:?}"));
        assert_eq!(problem.severity, Severity::Error);
        assert_eq!(
            problem.kind.to_string(),
            format!(
                "the timeline's first year FY{first} is outside the supported years FY1868 to FY2200"
            )
        );
        for p in &problems {
            assert!(
                !p.kind.to_string().contains("-2147483648") || first == i32::MIN,
                "{p}"
            );
        }
    }
    // The last column counts too: FY2199 with three columns runs to FY2201.
    let mut document = clean();
    document.timeline.first_year = FiscalYear(2199);
    let all = messages(&document);
    assert!(
        all.iter().any(|m| m
            == "error: the timeline's last year FY2201 is outside the supported years FY1868 to FY2200"),
        "{all:?}"
    );
    // Both ends of the range are fine.
    for (first, years) in [(1868, 3), (2198, 3)] {
        let mut document = clean();
        document.timeline.first_year = FiscalYear(first);
        document.timeline.years = years;
        let entry = &mut document.domains[0].entries[0];
        entry.start = TimePoint::year(first);
        entry.end = TimePoint::year(first + 2);
        assert_eq!(messages(&document), Vec::<String>::new(), "FY{first}");
    }
}

#[test]
fn entry_years_outside_the_supported_range_are_errors() {
    let mut document = clean();
    document.domains[0].entries[0].start = TimePoint::year(0);
    document.domains[0].entries[0].end = TimePoint::quarter(600_000_000, 4);
    let problems = validate(&document);
    let errors: Vec<_> = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| (p.location.field, p.kind.to_string()))
        .collect();
    let errors: Vec<_> = errors.iter().map(|(f, m)| (*f, m.as_str())).collect();
    assert_eq!(
        errors,
        [
            (
                Some("start"),
                "「改正」 in ① IRB starts in FY0, outside the supported years FY1868 to FY2200"
            ),
            (
                Some("end"),
                "「改正」 in ① IRB ends in FY600000000 Q4, outside the supported years FY1868 to FY2200"
            ),
        ],
        "{problems:?}"
    );
}

#[test]
fn a_header_for_a_column_the_timeline_lacks_is_a_warning() {
    let mut document = clean();
    document
        .timeline
        .label_overrides
        .insert(2, "2024年度～".into());
    assert!(validate(&document).is_empty(), "column 2 of 3 is shown");
    document
        .timeline
        .label_overrides
        .insert(3, "2025年度".into());
    let problems = validate(&document);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].severity, Severity::Warning);
    assert!(
        problems[0].kind.to_string().contains("2025年度"),
        "{problems:?}"
    );
}

fn with_text_columns() -> Document {
    let mut document = clean();
    document
        .columns
        .insert(1, Column::text("ministry", "担当府省", CellOwner::Domain));
    document
        .columns
        .push(Column::text("kpi", "KPI", CellOwner::Roadblock));
    document.domains[0]
        .cells
        .insert("ministry".into(), "厚生労働省".into());
    document.domains[0].roadblocks[0]
        .cells
        .insert("kpi".into(), "審査期間 30日以内".into());
    document
}

#[test]
fn text_columns_and_their_cells_are_clean() {
    assert_eq!(messages(&with_text_columns()), Vec::<String>::new());
}

#[test]
fn text_column_ids_must_be_unique_and_well_formed_with_a_header() {
    let mut document = with_text_columns();
    document
        .columns
        .push(Column::text("kpi", "KPI（再掲）", CellOwner::Roadblock));
    document
        .columns
        .push(Column::text("進捗", " ", CellOwner::Roadblock));
    document.columns[0].owner = CellOwner::Domain;
    let problems = validate(&document);
    let all: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        all.contains(&"error: two text columns have the id \"kpi\"".to_owned()),
        "{all:?}"
    );
    assert!(
        all.iter()
            .any(|m| m.starts_with("error: the text column id \"進捗\"")),
        "{all:?}"
    );
    assert!(
        all.contains(&"warning: the text column \"進捗\" has no header".to_owned()),
        "{all:?}"
    );
    assert!(
        all.contains(
            &"warning: the column Domain says `owner: Domain`, which only text columns take"
                .to_owned()
        ),
        "{all:?}"
    );
    assert!(
        problems
            .iter()
            .all(|p| p.location.field == Some("columns") && p.location.id.is_none())
    );
}

#[test]
fn a_cell_must_name_a_text_column_of_its_owner() {
    let mut document = with_text_columns();
    let domain = &mut document.domains[0];
    domain.cells.insert("kpi".into(), "領域のKPI".into());
    domain.roadblocks[0]
        .cells
        .insert("ministry".into(), "内閣府".into());
    domain.roadblocks[0]
        .cells
        .insert("remarks".into(), "備考".into());
    let problems = validate(&document);
    let all: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        all,
        [
            "error: domain ① IRB has a cell for column 「KPI」, whose cells belong to roadblock rows",
            "error: 【題】 has a cell for column 「担当府省」, whose cells belong to domains",
            "error: 【題】 has a cell for column \"remarks\", which the document does not define",
        ]
    );
    assert_eq!(
        problems[0].location,
        Location::entity(&"d1".into(), "cells")
    );
    assert_eq!(
        problems[2].location,
        Location::entity(&"d1.r1".into(), "cells")
    );
}

#[test]
fn note_references_unknown_notes_unreferenced_notes_and_repeated_note_ids() {
    let mut document = clean();
    document.notes = vec![
        crate::model::Note {
            id: "n1".into(),
            text: "画像DBの構築は令和５年度から".into(),
        },
        crate::model::Note {
            id: "n2".into(),
            text: "未参照".into(),
        },
    ];
    document.domains[0].entries[0].notes = vec!["n1".into()];
    document.domains[0].roadblocks[0].notes = vec!["n9".into()];
    let problems = validate(&document);
    let unknown = problems
        .iter()
        .find(|p| p.severity == Severity::Error)
        .expect("an unknown note is an error");
    assert_eq!(unknown.location, Location::entity(&"d1.r1".into(), "notes"));
    assert!(unknown.kind.to_string().contains("\"n9\""), "{unknown}");
    let unreferenced: Vec<_> = problems
        .iter()
        .filter(|p| p.severity == Severity::Warning)
        .collect();
    assert_eq!(unreferenced.len(), 1, "{problems:?}");
    assert_eq!(
        unreferenced[0].location,
        Location::entity(&"n2".into(), "text")
    );
    assert!(
        unreferenced[0].kind.to_string().contains("note 2"),
        "{}",
        unreferenced[0]
    );
    // A note id that another entity uses is a repeated id.
    document.domains[0].roadblocks[0].notes.clear();
    document.domains[0].entries[0].notes.push("n2".into());
    document.notes[1].id = "d1.t1".into();
    document.domains[0].entries[0].notes = vec!["n1".into(), "d1.t1".into()];
    assert!(validate(&document).iter().any(Problem::is_repeated_id));
}
