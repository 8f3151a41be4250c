//! A domain (開発段階/領域) of a roadmap: one page of the seed, with its roadblocks and bars.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::document::ColumnKind;
use super::entry::TimelineEntry;
use super::id::Id;
use super::roadblock::Roadblock;

/// A domain such as 「① IRB」: its roadblock rows, the timeline entries drawn across them, and
/// its footnotes. In a timeline-only roadmap a domain is a single row of bars.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    /// Stable id.
    pub id: Id,
    /// The domain number, shown as a circled number (① for 1).
    pub number: u32,
    /// The domain name: 「IRB」, 「アノテーション／ラベリング」.
    pub name: String,
    /// Column headers that differ on this domain's page (the seed's ⑦ says 「対応済みの事項」).
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "super::unique::header_overrides"
    )]
    pub header_overrides: BTreeMap<ColumnKind, String>,
    /// The roadblock rows, in order.
    #[serde(default)]
    pub roadblocks: Vec<Roadblock>,
    /// Arrows, bars and milestones drawn across the fiscal-year columns.
    #[serde(default)]
    pub entries: Vec<TimelineEntry>,
    /// Footnotes printed under the domain's table.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<Footnote>,
    /// The texts of the document's text columns on this domain (its cell spans the domain's rows), by column id; a column
    /// without text here has no entry.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "super::unique::cells"
    )]
    pub cells: BTreeMap<Id, String>,
}

impl Domain {
    /// 「①」 for domain 1: the number as printed in the domain column.
    #[must_use]
    pub fn number_label(&self) -> String {
        circled_number(self.number)
    }

    /// 「① IRB」.
    #[must_use]
    pub fn display_name(&self) -> String {
        format!("{} {}", self.number_label(), self.name)
    }

    /// The roadblock with this id.
    #[must_use]
    pub fn roadblock(&self, id: &Id) -> Option<&Roadblock> {
        self.roadblocks.iter().find(|r| &r.id == id)
    }

    /// Whether this domain is `id` or holds it: a footnote, roadblock, done or action item, or
    /// timeline entry of it.
    #[must_use]
    pub fn holds(&self, id: &Id) -> bool {
        &self.id == id
            || self.footnotes.iter().any(|f| &f.id == id)
            || self.entries.iter().any(|e| &e.id == id)
            || self
                .roadblocks
                .iter()
                .any(|r| &r.id == id || r.done.iter().chain(&r.actions).any(|i| &i.id == id))
    }

    /// The row index of a roadblock in this domain.
    #[must_use]
    pub fn row_of(&self, roadblock: &Id) -> Option<usize> {
        self.roadblocks.iter().position(|r| &r.id == roadblock)
    }
}

/// A footnote under a domain's table, with its mark: 「＊ 医療情報システムの…」.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Footnote {
    /// Stable id.
    pub id: Id,
    /// The mark as printed: 「*」, 「＊＊」, 「※1」.
    pub mark: String,
    /// The footnote text; lines of one note are separate strings.
    pub lines: Vec<String>,
}

/// A number as a circled numeral: ① … ⑳ (1–20), ㉑ … ㉟ (21–35), ㊱ … ㊿ (36–50),
/// and 「(51)」 beyond.
#[must_use]
pub fn circled_number(n: u32) -> String {
    let code = match n {
        1..=20 => Some(0x2460 + n - 1),
        21..=35 => Some(0x3251 + n - 21),
        36..=50 => Some(0x32B1 + n - 36),
        _ => None,
    };
    code.and_then(char::from_u32)
        .map_or_else(|| format!("({n})"), String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn circled_numbers() {
        assert_eq!(circled_number(1), "①");
        assert_eq!(circled_number(9), "⑨");
        assert_eq!(circled_number(20), "⑳");
        assert_eq!(circled_number(21), "㉑");
        assert_eq!(circled_number(35), "㉟");
        assert_eq!(circled_number(36), "㊱");
        assert_eq!(circled_number(50), "㊿");
        assert_eq!(circled_number(51), "(51)");
        assert_eq!(circled_number(0), "(0)");
    }
}
