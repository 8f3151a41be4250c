//! Roadblocks (ロードブロック) and the bulleted items beside them.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::id::Id;

/// One roadblock row: 「共通 【IRBの審査の質を均一化する必要があるのではないか】B・C ○ …」
/// with what has been done about it and what is to be done.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Roadblock {
    /// Stable id.
    pub id: Id,
    /// The scope column: 「共通」, 「医療機器」, or another text.
    pub scope: String,
    /// The title, printed inside 【】 (the brackets are not stored).
    pub title: String,
    /// Category letters from the legend (B・C).
    #[serde(default, deserialize_with = "super::unique::category_letters")]
    pub categories: BTreeSet<char>,
    /// The notes (by id) whose marks follow the title: 「【…】B・C¹」.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Id>,
    /// The ○ bullets describing the roadblock (the ○ is not stored).
    #[serde(default)]
    pub description: Vec<String>,
    /// Items already started or done (着手・対応済みの事項).
    #[serde(default)]
    pub done: Vec<Item>,
    /// Action items (取組事項).
    #[serde(default)]
    pub actions: Vec<Item>,
    /// The texts of the document's text columns on this row, by column id; a column
    /// without text here has no entry.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "super::unique::cells"
    )]
    pub cells: BTreeMap<Id, String>,
}

impl Roadblock {
    /// The category letters as printed after the title: 「B・C」.
    #[must_use]
    pub fn categories_label(&self) -> String {
        self.categories
            .iter()
            .map(char::to_string)
            .collect::<Vec<_>>()
            .join("・")
    }

    /// 「【title】B・C」 as printed in the roadblock column.
    #[must_use]
    pub fn heading(&self) -> String {
        format!("【{}】{}", self.title, self.categories_label())
    }
}

/// One bulleted line of a done or action column: 「○ 下記のとおり…」, 「・必要であれば…」,
/// a heading such as 「＜指針上可能なこと＞」, a reference, or a URL.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Stable id.
    pub id: Id,
    /// The bullet printed before the text.
    #[serde(default)]
    pub marker: Marker,
    /// Indent level: 0 for a top bullet, 1 for a sub-bullet under it.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub level: u8,
    /// The text without its bullet; URLs are kept as text.
    pub text: String,
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_zero(level: &u8) -> bool {
    *level == 0
}

/// The bullet of an [`Item`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Marker {
    /// No bullet: headings, references, URLs, continuation text.
    #[default]
    Plain,
    /// 「○」.
    Circle,
    /// 「・」.
    Dot,
    /// 「※」.
    Note,
}

impl Marker {
    /// The bullet as printed, empty for [`Marker::Plain`].
    #[must_use]
    pub fn symbol(self) -> &'static str {
        match self {
            Marker::Plain => "",
            Marker::Circle => "○",
            Marker::Dot => "・",
            Marker::Note => "※",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_as_printed() {
        let roadblock = Roadblock {
            title: "IRBの審査の質を均一化する必要があるのではないか".into(),
            categories: ['C', 'B'].into_iter().collect(),
            ..Roadblock::default()
        };
        assert_eq!(
            roadblock.heading(),
            "【IRBの審査の質を均一化する必要があるのではないか】B・C"
        );
    }
}
