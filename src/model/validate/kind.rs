//! What a validation problem is, with its data ([`ProblemKind`]), and its words in Japanese and
//! English: the one place a problem's sentence is written. `koteihyo check` prints it in the
//! terminal's language, the window in the UI's.

use std::fmt;

use crate::model::document::{CellOwner, ColumnKind};
use crate::model::fiscal_year::FiscalYear;
use crate::model::id::Id;
use crate::model::lang::Lang;
use crate::model::timeline::{PartOfYear, TimePoint};

/// What a validation problem is about, carrying the data its sentence names. Quoted user texts
/// (titles, labels, note texts) are already shortened to their first line and 40 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// The document has no title.
    NoTitle,
    /// The legend lists a category letter twice.
    LegendLetterTwice {
        /// The letter.
        letter: char,
    },
    /// Two text columns share an id.
    TextColumnIdTwice {
        /// The id.
        id: Id,
    },
    /// A built-in column is listed twice.
    ColumnListedTwice {
        /// The column.
        column: ColumnKind,
    },
    /// A built-in column says `owner: Domain`.
    OwnerOnBuiltInColumn {
        /// The column.
        column: ColumnKind,
    },
    /// A text column's id is empty or uses other characters than letters, digits, `.`, `_`, `-`.
    MalformedColumnId {
        /// The id.
        id: Id,
    },
    /// A text column has no header.
    TextColumnWithoutHeader {
        /// The column's id.
        id: Id,
    },
    /// A text column is 0 characters wide.
    TextColumnZeroWidth {
        /// The column's id.
        id: Id,
    },
    /// A cell names a column the document does not define.
    CellOfUnknownColumn {
        /// Whose cell it is.
        subject: Subject,
        /// The column id it names.
        column: Id,
    },
    /// A cell names a text column whose cells belong to the other owner.
    CellOfOtherOwner {
        /// Whose cell it is.
        subject: Subject,
        /// The column's header.
        header: String,
        /// Whom the column's cells belong to.
        owner: CellOwner,
    },
    /// The timeline has no year columns, or more than 30.
    TimelineColumns {
        /// How many it has.
        years: u8,
    },
    /// The timeline's first year is outside [`FiscalYear::EARLIEST`]..=[`FiscalYear::LATEST`].
    FirstYearUnsupported {
        /// The year.
        year: FiscalYear,
    },
    /// The timeline's last year is outside the supported years.
    LastYearUnsupported {
        /// The year.
        year: FiscalYear,
    },
    /// A header written by hand for a year column the timeline does not have.
    UnusedColumnLabel {
        /// The header text.
        label: String,
        /// Its column, from 0.
        column: u8,
        /// How many year columns the timeline has.
        columns: u8,
    },
    /// Two domains have the same number.
    DomainNumberTwice {
        /// The number.
        number: u32,
        /// The name of the domain that has it first.
        other: String,
    },
    /// An id is empty or uses other characters than letters, digits, `.`, `_`, `-`.
    MalformedId {
        /// The id.
        id: Id,
    },
    /// An id is used again (reported at every occurrence after the first).
    RepeatedId {
        /// The id.
        id: Id,
    },
    /// A domain has no name.
    DomainWithoutName {
        /// Its number, as shown (①).
        number: String,
    },
    /// A roadblock has no title.
    RoadblockWithoutTitle {
        /// Its domain (「① IRB」).
        domain: String,
    },
    /// A roadblock has a category the legend does not define.
    UnknownCategory {
        /// The roadblock's title.
        roadblock: String,
        /// The letter.
        letter: char,
    },
    /// An item is indented deeper than is shown.
    ItemTooDeep {
        /// The item's text.
        item: String,
        /// Its level.
        level: u8,
    },
    /// An entry spans a row that is not a roadblock of its domain.
    RowNotARoadblock {
        /// The entry's label.
        entry: String,
        /// The row's id.
        row: Id,
        /// The domain (「① IRB」).
        domain: String,
    },
    /// An entry's start or end has a quarter outside 1–4 or a month outside 1–12.
    InvalidPartOfYear {
        /// The entry's label.
        entry: String,
    },
    /// An entry ends before it starts.
    EndsBeforeStart {
        /// The entry's label.
        entry: String,
        /// Its start.
        start: TimePoint,
        /// Its end.
        end: TimePoint,
    },
    /// An entry's start or end is outside the supported years.
    YearUnsupported {
        /// The entry's label.
        entry: String,
        /// Its domain (「① IRB」).
        domain: String,
        /// Its start or its end.
        edge: Edge,
        /// That time.
        point: TimePoint,
    },
    /// An entry's start or end is outside the timeline's years.
    OutsideTimeline {
        /// The entry's label.
        entry: String,
        /// Its domain (「① IRB」).
        domain: String,
        /// The start or end outside the timeline.
        point: TimePoint,
        /// The timeline's first year.
        first: FiscalYear,
        /// The timeline's last year.
        last: FiscalYear,
    },
    /// A note has no text.
    NoteWithoutText {
        /// Its number (from 1).
        number: usize,
    },
    /// A roadblock or entry refers to a note the document lacks.
    MissingNote {
        /// Who refers to it.
        subject: Subject,
        /// The note id referred to.
        note: Id,
    },
    /// A note nobody refers to (it is not printed).
    UnreferencedNote {
        /// Its number (from 1).
        number: usize,
        /// Its text.
        text: String,
    },
}

/// The entity a problem is about, named as a message names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// A domain, by its number and name (「① IRB」).
    Domain(String),
    /// A roadblock, by its title (shown 【…】).
    Roadblock(String),
    /// A timeline entry, by its label (shown 「…」).
    Entry(String),
}

/// The start or the end of an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// Its start.
    Start,
    /// Its end.
    End,
}

impl Subject {
    fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Subject::Domain(name), Lang::En) => format!("domain {name}"),
            (Subject::Domain(name), Lang::Ja) => format!("領域「{name}」"),
            (Subject::Roadblock(title), _) => format!("【{title}】"),
            (Subject::Entry(label), _) => format!("「{label}」"),
        }
    }
}

/// A fiscal year in words: 「FY2020」 / 「2020年度」.
fn year(year: FiscalYear, lang: Lang) -> String {
    match lang {
        Lang::En => year.to_string(),
        Lang::Ja => format!("{}年度", year.0),
    }
}

/// A time point in words: 「FY2020 Q1」 / 「2020年度第1四半期」.
fn point(point: TimePoint, lang: Lang) -> String {
    let fiscal = year(point.year, lang);
    match (point.part, lang) {
        (None, _) => fiscal,
        (Some(PartOfYear::Quarter(q)), Lang::En) => format!("{fiscal} Q{q}"),
        (Some(PartOfYear::Quarter(q)), Lang::Ja) => format!("{fiscal}第{q}四半期"),
        (Some(PartOfYear::Month(m)), Lang::En) => format!("{fiscal} month {m}"),
        (Some(PartOfYear::Month(m)), Lang::Ja) => format!("{fiscal}{m}月"),
    }
}

/// A built-in column's name: its kind in English, the seed's header words in Japanese.
fn column(kind: &ColumnKind, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{kind:?}"),
        Lang::Ja => match kind {
            ColumnKind::Domain => "開発段階".to_owned(),
            ColumnKind::Scope => "領域".to_owned(),
            ColumnKind::Roadblock => "ロードブロック".to_owned(),
            ColumnKind::Done => "着手・対応済みの事項".to_owned(),
            ColumnKind::Actions => "取組事項".to_owned(),
            ColumnKind::Text(id) => id.to_string(),
        },
    }
}

/// The supported years in words.
fn supported(lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "the supported years {} to {}",
            FiscalYear::EARLIEST,
            FiscalYear::LATEST
        ),
        Lang::Ja => format!(
            "扱える年度（{}～{}年度）",
            FiscalYear::EARLIEST.0,
            FiscalYear::LATEST.0
        ),
    }
}

const ID_RULE_EN: &str = "must be non-empty and use only letters, digits, '.', '_' and '-'";
const ID_RULE_JA: &str = "は空にせず、英数字と「.」「_」「-」だけで書いてください";

impl ProblemKind {
    /// The problem as a sentence in `lang`. Every variant has both texts: the match has no
    /// catch-all arm, so a new variant does not compile until it is given its words.
    #[must_use]
    #[allow(clippy::too_many_lines)] // one arm per kind, both languages side by side
    pub fn text(&self, lang: Lang) -> String {
        use ProblemKind as K;
        let ja = lang == Lang::Ja;
        match self {
            K::NoTitle => lang
                .pick("工程表の表題がありません", "the document has no title")
                .to_owned(),
            K::LegendLetterTwice { letter } if ja => format!("凡例に分類 {letter} が2回あります"),
            K::LegendLetterTwice { letter } => format!("the legend lists category {letter} twice"),
            K::TextColumnIdTwice { id } if ja => {
                format!("2つの文字の列が同じID「{id}」を使っています")
            }
            K::TextColumnIdTwice { id } => format!("two text columns have the id \"{id}\""),
            K::ColumnListedTwice { column: c } if ja => {
                format!("列「{}」が2回あります", column(c, lang))
            }
            K::ColumnListedTwice { column: c } => {
                format!("the column {} is listed twice", column(c, lang))
            }
            K::OwnerOnBuiltInColumn { column: c } if ja => format!(
                "列「{}」に `owner: Domain` がありますが、これは文字の列にだけ書けます",
                column(c, lang)
            ),
            K::OwnerOnBuiltInColumn { column: c } => format!(
                "the column {} says `owner: Domain`, which only text columns take",
                column(c, lang)
            ),
            K::MalformedColumnId { id } if ja => format!("文字の列のID「{id}」{ID_RULE_JA}"),
            K::MalformedColumnId { id } => format!("the text column id \"{id}\" {ID_RULE_EN}"),
            K::TextColumnWithoutHeader { id } if ja => {
                format!("文字の列「{id}」に見出しがありません")
            }
            K::TextColumnWithoutHeader { id } => format!("the text column \"{id}\" has no header"),
            K::TextColumnZeroWidth { id } if ja => {
                format!("文字の列「{id}」の幅が0文字なので、表示されません")
            }
            K::TextColumnZeroWidth { id } => {
                format!("the text column \"{id}\" is 0 characters wide and is not shown")
            }
            K::CellOfUnknownColumn { subject, column } if ja => format!(
                "{}に列「{column}」の欄がありますが、この列は工程表にありません",
                subject.text(lang)
            ),
            K::CellOfUnknownColumn { subject, column } => format!(
                "{} has a cell for column \"{column}\", which the document does not define",
                subject.text(lang)
            ),
            K::CellOfOtherOwner {
                subject,
                header,
                owner,
            } if ja => format!(
                "{}に列「{header}」の欄がありますが、この列の欄は{}のものです",
                subject.text(lang),
                match owner {
                    CellOwner::Domain => "領域",
                    CellOwner::Roadblock => "ロードブロックの行",
                }
            ),
            K::CellOfOtherOwner {
                subject,
                header,
                owner,
            } => format!(
                "{} has a cell for column 「{header}」, whose cells belong to {}",
                subject.text(lang),
                match owner {
                    CellOwner::Domain => "domains",
                    CellOwner::Roadblock => "roadblock rows",
                }
            ),
            K::TimelineColumns { years } if ja => {
                format!("年度の列は1～30列にしてください（いまは{years}列です）")
            }
            K::TimelineColumns { years } => {
                format!("the timeline must have 1 to 30 fiscal-year columns, not {years}")
            }
            K::FirstYearUnsupported { year: y } if ja => format!(
                "年度の列の最初の年（{}）が{}の外です",
                year(*y, lang),
                supported(lang)
            ),
            K::FirstYearUnsupported { year: y } => {
                format!(
                    "the timeline's first year {y} is outside {}",
                    supported(lang)
                )
            }
            K::LastYearUnsupported { year: y } if ja => format!(
                "年度の列の最後の年（{}）が{}の外です",
                year(*y, lang),
                supported(lang)
            ),
            K::LastYearUnsupported { year: y } => {
                format!(
                    "the timeline's last year {y} is outside {}",
                    supported(lang)
                )
            }
            K::UnusedColumnLabel {
                label,
                column,
                columns,
            } if ja => format!(
                "見出し「{label}」は年度の列 {column}（0から数えて）のものですが、\
                 年度の列は{columns}列しかないので表示されません"
            ),
            K::UnusedColumnLabel {
                label,
                column,
                columns,
            } => format!(
                "the header 「{label}」 is for column {column}, but the timeline has {columns} \
                 columns (counted from 0); it is not shown"
            ),
            K::DomainNumberTwice { number, other } if ja => {
                format!("領域の番号 {number} は「{other}」も使っています")
            }
            K::DomainNumberTwice { number, other } => {
                format!("domain number {number} is used by 「{other}」 too")
            }
            K::MalformedId { id } if ja => format!("ID「{id}」{ID_RULE_JA}"),
            K::MalformedId { id } => format!("the id \"{id}\" {ID_RULE_EN}"),
            K::RepeatedId { id } if ja => format!("ID「{id}」が2回以上使われています"),
            K::RepeatedId { id } => format!("the id \"{id}\" is used more than once"),
            K::DomainWithoutName { number } if ja => format!("領域 {number} に名称がありません"),
            K::DomainWithoutName { number } => format!("domain {number} has no name"),
            K::RoadblockWithoutTitle { domain } if ja => {
                format!("「{domain}」のロードブロックに表題がありません")
            }
            K::RoadblockWithoutTitle { domain } => format!("a roadblock of {domain} has no title"),
            K::UnknownCategory { roadblock, letter } if ja => {
                format!("【{roadblock}】の分類 {letter} は凡例にありません")
            }
            K::UnknownCategory { roadblock, letter } => {
                format!("【{roadblock}】 has category {letter}, which the legend does not define")
            }
            K::ItemTooDeep { item, level } if ja => {
                format!("項目「{item}」の字下げが{level}段です（表示されるのは1段までです）")
            }
            K::ItemTooDeep { item, level } => {
                format!("item 「{item}」 is indented {level} levels; at most 1 is shown")
            }
            K::RowNotARoadblock { entry, row, domain } if ja => format!(
                "「{entry}」がかかる行「{row}」は、「{domain}」のロードブロックではありません"
            ),
            K::RowNotARoadblock { entry, row, domain } => {
                format!("「{entry}」 spans row \"{row}\", which is not a roadblock of {domain}")
            }
            K::InvalidPartOfYear { entry } if ja => {
                format!("「{entry}」の四半期が1～4の外か、月が1～12の外です")
            }
            K::InvalidPartOfYear { entry } => {
                format!("「{entry}」 has a quarter outside 1–4 or a month outside 1–12")
            }
            K::EndsBeforeStart { entry, start, end } if ja => format!(
                "「{entry}」の終わり（{}）が始まり（{}）より前です",
                point(*end, lang),
                point(*start, lang)
            ),
            K::EndsBeforeStart { entry, start, end } => format!(
                "「{entry}」 ends ({}) before it starts ({})",
                point(*end, lang),
                point(*start, lang)
            ),
            K::YearUnsupported {
                entry,
                domain,
                edge,
                point: p,
            } if ja => format!(
                "「{domain}」の「{entry}」の{}（{}）が{}の外です",
                match edge {
                    Edge::Start => "始まり",
                    Edge::End => "終わり",
                },
                point(*p, lang),
                supported(lang)
            ),
            K::YearUnsupported {
                entry,
                domain,
                edge,
                point: p,
            } => format!(
                "「{entry}」 in {domain} {} {}, outside {}",
                match edge {
                    Edge::Start => "starts in",
                    Edge::End => "ends in",
                },
                point(*p, lang),
                supported(lang)
            ),
            K::OutsideTimeline {
                entry,
                domain,
                point: p,
                first,
                last,
            } if ja => format!(
                "「{domain}」の「{entry}」の{}は、表の年度（{}～{}）の外です",
                point(*p, lang),
                year(*first, lang),
                year(*last, lang)
            ),
            K::OutsideTimeline {
                entry,
                domain,
                point: p,
                first,
                last,
            } => format!(
                "「{entry}」 in {domain} {} is outside the timeline ({first} to {last})",
                point(*p, lang)
            ),
            K::NoteWithoutText { number } if ja => format!("注{number}に本文がありません"),
            K::NoteWithoutText { number } => format!("note {number} has no text"),
            K::MissingNote { subject, note } if ja => format!(
                "{}が参照している注記「{note}」は工程表にありません",
                subject.text(lang)
            ),
            K::MissingNote { subject, note } => format!(
                "{} refers to note \"{note}\", which the document does not have",
                subject.text(lang)
            ),
            K::UnreferencedNote { number, text } if ja => format!(
                "注{number}「{text}」はどの工程・ロードブロックからも参照されていないので、印刷されません"
            ),
            K::UnreferencedNote { number, text } => format!(
                "note {number} 「{text}」 is not referred to by any entry or roadblock; it is not printed"
            ),
        }
    }
}

impl fmt::Display for ProblemKind {
    /// The English sentence.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

#[cfg(test)]
#[path = "kind_tests.rs"]
mod tests;
