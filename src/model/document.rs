//! The roadmap document: cover metadata, category legend, columns (built-in and text), timeline
//! and domains.

use serde::{Deserialize, Serialize};

use super::domain::Domain;
use super::id::Id;
use super::note::Note;
use super::shared::Shared;
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
    pub domains: Vec<Shared<Domain>>,
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
    /// The header text: 「開発段階」, 「着手・対応済みの事項」, 「KPI」 ….
    pub header: String,
    /// Whose cells a text column shows: one per domain (spanning its rows) or one per roadblock
    /// row. Left out of the file for roadblock rows; built-in columns ignore it.
    #[serde(default, skip_serializing_if = "CellOwner::is_roadblock")]
    pub owner: CellOwner,
    /// The width in characters of body text (全角 字数); `None` keeps the kind's natural width.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u16>,
}

impl Column {
    /// A column of `kind` under `header`, at its natural width, with cells on roadblock rows.
    #[must_use]
    pub fn new(kind: ColumnKind, header: impl Into<String>) -> Self {
        Self {
            kind,
            header: header.into(),
            owner: CellOwner::Roadblock,
            width: None,
        }
    }

    /// A text column `id` under `header` whose cells belong to `owner`.
    #[must_use]
    pub fn text(id: impl Into<Id>, header: impl Into<String>, owner: CellOwner) -> Self {
        Self {
            owner,
            ..Self::new(ColumnKind::Text(id.into()), header)
        }
    }

    /// The id of a text column, `None` for a built-in one.
    #[must_use]
    pub fn text_id(&self) -> Option<&Id> {
        self.kind.text_id()
    }

    /// Whether this is a text column whose one cell per domain spans the domain's rows.
    #[must_use]
    pub fn is_domain_text(&self) -> bool {
        self.kind.text_id().is_some() && self.owner == CellOwner::Domain
    }

    /// Whether this is a text column with a cell on each roadblock row.
    #[must_use]
    pub fn is_roadblock_text(&self) -> bool {
        self.kind.text_id().is_some() && self.owner == CellOwner::Roadblock
    }
}

/// Whose cells a text column shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum CellOwner {
    /// One cell per domain, spanning the domain's rows (like the domain column): 担当府省.
    Domain,
    /// One cell per roadblock row: KPI, 進捗, 備考.
    #[default]
    Roadblock,
}

impl CellOwner {
    #[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
    fn is_roadblock(&self) -> bool {
        *self == CellOwner::Roadblock
    }
}

/// The kinds of table column a roadmap can show before its fiscal-year columns.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
    /// A text column the document defines (KPI, 担当府省, 進捗, 備考 …), by its id; its cells
    /// are the `cells` of each domain or roadblock (see [`Column::owner`]).
    Text(Id),
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

    /// The id of a text column, `None` for a built-in kind.
    #[must_use]
    pub fn text_id(&self) -> Option<&Id> {
        match self {
            ColumnKind::Text(id) => Some(id),
            _ => None,
        }
    }
}

impl Document {
    /// The header of a column kind on this document, if the document shows that column.
    #[must_use]
    pub fn column_header(&self, kind: &ColumnKind) -> Option<&str> {
        self.column(kind).map(|c| c.header.as_str())
    }

    /// The column of this kind, if the document shows it.
    #[must_use]
    pub fn column(&self, kind: &ColumnKind) -> Option<&Column> {
        self.columns.iter().find(|c| &c.kind == kind)
    }

    /// The text column with this id.
    #[must_use]
    pub fn text_column(&self, id: &Id) -> Option<&Column> {
        self.columns.iter().find(|c| c.text_id() == Some(id))
    }

    /// The domain with this id.
    #[must_use]
    pub fn domain(&self, id: &super::Id) -> Option<&Domain> {
        self.domains.iter().find(|d| &d.id == id).map(|d| &**d)
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
    .map(|(kind, header)| Column::new(kind, header))
    .collect()
}
