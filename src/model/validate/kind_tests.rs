//! Every problem kind has its words in Japanese and in English.

use super::{Edge, ProblemKind, Subject};
use crate::model::document::{CellOwner, ColumnKind};
use crate::model::fiscal_year::FiscalYear;
use crate::model::id::Id;
use crate::model::lang::Lang;
use crate::model::timeline::{PartOfYear, TimePoint};

/// Which variant `kind` is, numbered. The match has no catch-all arm: a new variant does not
/// compile here until it is numbered, and [`every_kind_has_both_texts`] then fails until
/// [`examples`] holds one.
fn variant(kind: &ProblemKind) -> usize {
    use ProblemKind as K;
    match kind {
        K::NoTitle => 0,
        K::LegendLetterTwice { .. } => 1,
        K::TextColumnIdTwice { .. } => 2,
        K::ColumnListedTwice { .. } => 3,
        K::OwnerOnBuiltInColumn { .. } => 4,
        K::MalformedColumnId { .. } => 5,
        K::TextColumnWithoutHeader { .. } => 6,
        K::TextColumnZeroWidth { .. } => 7,
        K::CellOfUnknownColumn { .. } => 8,
        K::CellOfOtherOwner { .. } => 9,
        K::TimelineColumns { .. } => 10,
        K::FirstYearUnsupported { .. } => 11,
        K::LastYearUnsupported { .. } => 12,
        K::UnusedColumnLabel { .. } => 13,
        K::DomainNumberTwice { .. } => 14,
        K::MalformedId { .. } => 15,
        K::RepeatedId { .. } => 16,
        K::DomainWithoutName { .. } => 17,
        K::RoadblockWithoutTitle { .. } => 18,
        K::UnknownCategory { .. } => 19,
        K::ItemTooDeep { .. } => 20,
        K::RowNotARoadblock { .. } => 21,
        K::InvalidPartOfYear { .. } => 22,
        K::EndsBeforeStart { .. } => 23,
        K::YearUnsupported { .. } => 24,
        K::OutsideTimeline { .. } => 25,
        K::NoteWithoutText { .. } => 26,
        K::MissingNote { .. } => 27,
        K::UnreferencedNote { .. } => 28,
    }
}

/// The highest number [`variant`] gives.
const LAST_VARIANT: usize = 28;

/// One or more instances of every kind.
#[allow(clippy::too_many_lines)] // one instance per kind
fn examples() -> Vec<ProblemKind> {
    use ProblemKind as K;
    let id = || Id::from("d1.r1");
    let q = TimePoint {
        year: FiscalYear(2022),
        part: Some(PartOfYear::Quarter(2)),
    };
    let m = TimePoint {
        year: FiscalYear(2020),
        part: Some(PartOfYear::Month(4)),
    };
    vec![
        K::NoTitle,
        K::LegendLetterTwice { letter: 'A' },
        K::TextColumnIdTwice { id: id() },
        K::ColumnListedTwice {
            column: ColumnKind::Scope,
        },
        K::OwnerOnBuiltInColumn {
            column: ColumnKind::Done,
        },
        K::MalformedColumnId {
            id: Id::from("k p i"),
        },
        K::TextColumnWithoutHeader {
            id: Id::from("kpi"),
        },
        K::TextColumnZeroWidth {
            id: Id::from("kpi"),
        },
        K::CellOfUnknownColumn {
            subject: Subject::Domain("① IRB".into()),
            column: Id::from("remarks"),
        },
        K::CellOfOtherOwner {
            subject: Subject::Roadblock("倫理審査".into()),
            header: "担当府省".into(),
            owner: CellOwner::Domain,
        },
        K::CellOfOtherOwner {
            subject: Subject::Domain("① IRB".into()),
            header: "KPI".into(),
            owner: CellOwner::Roadblock,
        },
        K::TimelineColumns { years: 0 },
        K::FirstYearUnsupported {
            year: FiscalYear(0),
        },
        K::LastYearUnsupported {
            year: FiscalYear(2230),
        },
        K::UnusedColumnLabel {
            label: "2030年度～".into(),
            column: 5,
            columns: 3,
        },
        K::DomainNumberTwice {
            number: 2,
            other: "IRB".into(),
        },
        K::MalformedId { id: Id::from("") },
        K::RepeatedId { id: id() },
        K::DomainWithoutName {
            number: "③".into()
        },
        K::RoadblockWithoutTitle {
            domain: "① IRB".into(),
        },
        K::UnknownCategory {
            roadblock: "倫理審査".into(),
            letter: 'Z',
        },
        K::ItemTooDeep {
            item: "指針の改正".into(),
            level: 3,
        },
        K::RowNotARoadblock {
            entry: "指針の改正".into(),
            row: Id::from("d9.r9"),
            domain: "① IRB".into(),
        },
        K::InvalidPartOfYear {
            entry: "指針の改正".into(),
        },
        K::EndsBeforeStart {
            entry: "薬事制度".into(),
            start: TimePoint::year(2022),
            end: TimePoint::year(2020),
        },
        K::EndsBeforeStart {
            entry: "薬事制度".into(),
            start: q,
            end: m,
        },
        K::YearUnsupported {
            entry: "指針の改正".into(),
            domain: "① IRB".into(),
            edge: Edge::Start,
            point: TimePoint::year(0),
        },
        K::YearUnsupported {
            entry: "指針の改正".into(),
            domain: "① IRB".into(),
            edge: Edge::End,
            point: q,
        },
        K::OutsideTimeline {
            entry: "指針の改正".into(),
            domain: "① IRB".into(),
            point: m,
            first: FiscalYear(2022),
            last: FiscalYear(2024),
        },
        K::NoteWithoutText { number: 2 },
        K::MissingNote {
            subject: Subject::Entry("指針の改正".into()),
            note: Id::from("n-gone"),
        },
        K::UnreferencedNote {
            number: 1,
            text: "令和４年度に改正".into(),
        },
    ]
}

fn has_kana_or_kanji(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}'))
}

#[test]
fn every_kind_has_both_texts() {
    let examples = examples();
    let mut seen = [false; LAST_VARIANT + 1];
    for kind in &examples {
        seen[variant(kind)] = true;
        let ja = kind.text(Lang::Ja);
        let en = kind.text(Lang::En);
        assert!(!ja.trim().is_empty() && !en.trim().is_empty(), "{kind:?}");
        assert_ne!(ja, en, "{kind:?} has no Japanese of its own");
        assert!(has_kana_or_kanji(&ja), "{kind:?}: {ja}");
        // The English names no Japanese but the document's own texts and the 【】「」 quotes.
        let english_words = en
            .split(['「', '」', '【', '】'])
            .step_by(2)
            .collect::<String>();
        assert!(!has_kana_or_kanji(&english_words), "{kind:?}: {en}");
        assert_eq!(kind.to_string(), en, "Display is the English");
    }
    let missing: Vec<usize> = (0..=LAST_VARIANT).filter(|&v| !seen[v]).collect();
    assert!(missing.is_empty(), "no example of variants {missing:?}");
}

#[test]
fn the_words_carry_the_data() {
    let reversed = ProblemKind::EndsBeforeStart {
        entry: "薬事制度".into(),
        start: TimePoint::year(2022),
        end: TimePoint::year(2020),
    };
    assert_eq!(
        reversed.text(Lang::Ja),
        "「薬事制度」の終わり（2020年度）が始まり（2022年度）より前です"
    );
    assert_eq!(
        reversed.text(Lang::En),
        "「薬事制度」 ends (FY2020) before it starts (FY2022)"
    );
}
