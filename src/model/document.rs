//! The roadmap document: cover metadata, category legend, columns, timeline and domains.

use serde::{Deserialize, Serialize};

use super::domain::Domain;
use super::note::Note;
use super::timeline::Timeline;

/// A whole roadmap (工程表) in one revision, e.g. the seed's 見直し後.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Cover-page metadata.
    pub meta: Meta,
    /// The category legend (A 法改正が必要な事項 …) that roadblocks refer to by letter.
    pub legend: Legend,
    /// The table columns shown before the fiscal-year columns, in order. A timeline-only
    /// roadmap shows just [`ColumnKind::Domain`].
    pub columns: Vec<Column>,
    /// The fiscal-year columns.
    pub timeline: Timeline,
    /// The domains (開発段階/領域), in page order.
    pub domains: Vec<Domain>,
    /// Numbered notes (注記) that entries and roadblocks refer to; a note's number is its
    /// position, from 1.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

/// Cover-page metadata of a roadmap.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// 「ロードブロック解消のための工程表」.
    pub title: String,
    /// 「（見直し案）」.
    #[serde(default)]
    pub subtitle: String,
    /// The date printed at the top left, as written: 「2021年4月1日」.
    #[serde(default)]
    pub date: String,
    /// The material label at the top right: 「資料２－２」.
    #[serde(default)]
    pub material_label: String,
    /// The revision stamp on every page: 「見直し前」 or 「見直し後」.
    #[serde(default)]
    pub revision_label: String,
    /// Dated notes of earlier revisions: 「2021年9月6日一部見直し」.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revision_notes: Vec<String>,
    /// The issuing body, for PDF metadata: 「厚生労働省」.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub author: String,
}

/// The category legend of the cover page.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Legend {
    /// The legend's caption: 「次ページ以降 ロードブロックの整理」.
    #[serde(default)]
    pub caption: String,
    /// The categories, in legend order.
    pub categories: Vec<Category>,
}

impl Legend {
    /// The category with this letter, if the legend has it.
    #[must_use]
    pub fn category(&self, letter: char) -> Option<&Category> {
        self.categories.iter().find(|c| c.letter == letter)
    }
}

/// One legend entry: 「A 法改正が必要な事項」.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// The letter roadblocks are tagged with.
    pub letter: char,
    /// What the letter means.
    pub text: String,
}

/// A table column before the fiscal-year columns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Column {
    /// What the column shows.
    pub kind: ColumnKind,
    /// The header text: 「開発段階」, 「着手・対応済みの事項」 ….
    pub header: String,
}

/// The kinds of table column a roadmap can show before its fiscal-year columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ColumnKind {
    /// The domain number and name (① IRB), spanning the domain's rows.
    Domain,
    /// The roadblock's scope (共通 / 医療機器).
    Scope,
    /// The roadblock: 【title】, category letters and ○ description.
    Roadblock,
    /// Items already started or done (着手・対応済みの事項).
    Done,
    /// Action items (取組事項).
    Actions,
}

impl ColumnKind {
    /// Every column kind, in the seed's order.
    pub const ALL: [ColumnKind; 5] = [
        ColumnKind::Domain,
        ColumnKind::Scope,
        ColumnKind::Roadblock,
        ColumnKind::Done,
        ColumnKind::Actions,
    ];
}

impl Document {
    /// The header of a column kind on this document, if the document shows that column.
    #[must_use]
    pub fn column_header(&self, kind: ColumnKind) -> Option<&str> {
        self.columns
            .iter()
            .find(|c| c.kind == kind)
            .map(|c| c.header.as_str())
    }

    /// The domain with this id.
    #[must_use]
    pub fn domain(&self, id: &super::Id) -> Option<&Domain> {
        self.domains.iter().find(|d| &d.id == id)
    }
}

/// The seed's five columns with their header texts.
#[must_use]
pub fn seed_columns() -> Vec<Column> {
    [
        (ColumnKind::Domain, "開発段階"),
        (ColumnKind::Scope, "領域"),
        (ColumnKind::Roadblock, "ロードブロック"),
        (ColumnKind::Done, "着手・対応済みの事項"),
        (ColumnKind::Actions, "取組事項"),
    ]
    .into_iter()
    .map(|(kind, header)| Column {
        kind,
        header: header.to_owned(),
    })
    .collect()
}
