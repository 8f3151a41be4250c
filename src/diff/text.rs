//! Character diff of one text field, cleaned up to runs a reader sees as one change: Japanese
//! has no spaces, so a word diff is useless and a raw character diff scatters (「宇宙線の観測」 →
//! 「宇宙線観測」 must mark only 「の」, and a rewritten sentence must not keep stray common kana).

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

/// One run of a text diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "op", content = "text", rename_all = "lowercase")]
pub enum Segment {
    /// In both texts.
    Equal(String),
    /// Only in the new text.
    Insert(String),
    /// Only in the old text.
    Delete(String),
}

impl Segment {
    /// The run's text.
    #[must_use]
    pub fn text(&self) -> &str {
        match self {
            Self::Equal(t) | Self::Insert(t) | Self::Delete(t) => t,
        }
    }
}

/// The diff of an old and a new text, as runs in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct TextChange {
    /// Equal, deleted and inserted runs; a deletion comes before the insertion replacing it.
    pub runs: Vec<Segment>,
}

/// An equal run this short (in characters) between two changes is folded into them.
const SHORT_EQUAL: usize = 2;

/// Diffs `old` against `new` per character and cleans the result up to sensible runs.
#[must_use]
pub fn diff_text(old: &str, new: &str) -> TextChange {
    if old == new {
        return TextChange {
            runs: if old.is_empty() {
                Vec::new()
            } else {
                vec![Segment::Equal(old.to_owned())]
            },
        };
    }
    // One orientation for both directions, so that diff(b, a) is exactly diff(a, b) mirrored
    // (the underlying algorithm breaks ties by which side is which).
    if old > new {
        return diff_text(new, old).mirrored();
    }
    // Tokens: a Latin word or number whole (「2022」→「2024」 is one change, not 「202[2→4]」),
    // every other character alone.
    let (old_tokens, new_tokens) = (tokens(old), tokens(new));
    let diff = TextDiff::configure()
        .timeout(std::time::Duration::from_millis(50))
        .diff_slices(&old_tokens, &new_tokens);
    // (tag, text) runs, merged by tag.
    let mut runs: Vec<(ChangeTag, String)> = Vec::new();
    for change in diff.iter_all_changes() {
        let tag = change.tag();
        let text = change.value();
        match runs.last_mut() {
            Some((last, run)) if *last == tag => run.push_str(text),
            _ => runs.push((tag, text.to_owned())),
        }
    }
    TextChange {
        runs: cleanup(runs),
    }
}

/// Splits `text` into diff tokens: runs of ASCII or full-width letters and digits, and single
/// other characters.
fn tokens(text: &str) -> Vec<&str> {
    let is_word = |c: char| {
        c.is_ascii_alphanumeric() || ('０'..='９').contains(&c) || ('Ａ'..='ｚ').contains(&c)
    };
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (at, c) in text.char_indices() {
        if is_word(c) {
            start.get_or_insert(at);
            continue;
        }
        if let Some(from) = start.take() {
            out.push(&text[from..at]);
        }
        out.push(&text[at..at + c.len_utf8()]);
    }
    if let Some(from) = start {
        out.push(&text[from..]);
    }
    out
}

/// Folds short equal runs between changes into the changes around them, then orders each
/// change as one deletion followed by one insertion.
fn cleanup(runs: Vec<(ChangeTag, String)>) -> Vec<Segment> {
    // Group into alternating equal runs and change blocks (deleted, inserted).
    let mut blocks: Vec<Block> = Vec::new();
    for (tag, text) in runs {
        match (tag, blocks.last_mut()) {
            (ChangeTag::Equal, _) => blocks.push(Block::Equal(text)),
            (ChangeTag::Delete, Some(Block::Change(deleted, _))) => deleted.push_str(&text),
            (ChangeTag::Insert, Some(Block::Change(_, inserted))) => inserted.push_str(&text),
            (ChangeTag::Delete, _) => blocks.push(Block::Change(text, String::new())),
            (ChangeTag::Insert, _) => blocks.push(Block::Change(String::new(), text)),
        }
    }
    // A short equal run between two changes, each longer than it, joins them.
    let mut merged: Vec<Block> = Vec::new();
    let mut index = 0;
    while index < blocks.len() {
        let block = blocks[index].clone();
        if let (Block::Equal(equal), Some(Block::Change(d0, i0)), Some(Block::Change(d1, i1))) =
            (&block, merged.last(), blocks.get(index + 1))
        {
            let short = equal.chars().count();
            let before = d0.chars().count().max(i0.chars().count());
            let after = d1.chars().count().max(i1.chars().count());
            if short <= SHORT_EQUAL && short < before && short < after {
                let (d0, i0) = (format!("{d0}{equal}{d1}"), format!("{i0}{equal}{i1}"));
                merged.pop();
                merged.push(Block::Change(d0, i0));
                index += 2;
                continue;
            }
        }
        // Adjacent change blocks (after a fold) combine.
        if let (Block::Change(d1, i1), Some(Block::Change(d0, i0))) = (&block, merged.last_mut()) {
            d0.push_str(d1);
            i0.push_str(i1);
        } else {
            merged.push(block);
        }
        index += 1;
    }
    let mut out = Vec::new();
    for block in merged {
        match block {
            Block::Equal(text) => out.push(Segment::Equal(text)),
            Block::Change(deleted, inserted) => {
                if !deleted.is_empty() {
                    out.push(Segment::Delete(deleted));
                }
                if !inserted.is_empty() {
                    out.push(Segment::Insert(inserted));
                }
            }
        }
    }
    out
}

#[derive(Debug, Clone)]
enum Block {
    Equal(String),
    Change(String, String),
}

impl TextChange {
    /// Whether the texts are equal.
    #[must_use]
    pub fn is_equal(&self) -> bool {
        self.runs.iter().all(|r| matches!(r, Segment::Equal(_)))
    }

    /// The old text (equal and deleted runs).
    #[must_use]
    pub fn old_text(&self) -> String {
        self.runs
            .iter()
            .filter(|r| !matches!(r, Segment::Insert(_)))
            .map(Segment::text)
            .collect()
    }

    /// The new text (equal and inserted runs): applying the diff to the old text.
    #[must_use]
    pub fn new_text(&self) -> String {
        self.runs
            .iter()
            .filter(|r| !matches!(r, Segment::Delete(_)))
            .map(Segment::text)
            .collect()
    }

    /// The same diff seen from the other side: insertions become deletions, and each change
    /// keeps its deletion first.
    #[must_use]
    pub fn mirrored(&self) -> Self {
        let mut runs: Vec<Segment> = self
            .runs
            .iter()
            .map(|r| match r {
                Segment::Equal(t) => Segment::Equal(t.clone()),
                Segment::Insert(t) => Segment::Delete(t.clone()),
                Segment::Delete(t) => Segment::Insert(t.clone()),
            })
            .collect();
        for index in 1..runs.len() {
            if matches!(
                (&runs[index - 1], &runs[index]),
                (Segment::Insert(_), Segment::Delete(_))
            ) {
                runs.swap(index - 1, index);
            }
        }
        Self { runs }
    }

    /// The text marked up as `[-deleted-]{+inserted+}` (as `git diff --word-diff`).
    #[must_use]
    pub fn marked(&self) -> String {
        self.runs
            .iter()
            .map(|r| match r {
                Segment::Equal(t) => t.clone(),
                Segment::Insert(t) => format!("{{+{t}+}}"),
                Segment::Delete(t) => format!("[-{t}-]"),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_only_the_removed_particle() {
        let diff = diff_text("宇宙線の観測", "宇宙線観測");
        assert_eq!(
            diff.runs,
            [
                Segment::Equal("宇宙線".into()),
                Segment::Delete("の".into()),
                Segment::Equal("観測".into())
            ]
        );
    }

    #[test]
    fn a_short_common_kana_inside_a_rewrite_joins_the_change() {
        // 「の」 is common to both but meaningless between two rewritten words.
        let diff = diff_text("倫理指針の改正", "研究計画の策定");
        assert_eq!(diff.marked(), "[-倫理指針の改正-]{+研究計画の策定+}");
    }

    #[test]
    fn numbers_change_whole() {
        assert_eq!(
            diff_text("令和２年（2020年）度", "令和４年（2022年）度").marked(),
            "令和[-２-]{+４+}年（[-2020-]{+2022+}年）度"
        );
    }

    #[test]
    fn applying_the_runs_gives_both_texts() {
        for (old, new) in [
            ("", "新設"),
            ("削除", ""),
            ("令和２年（2020年）度", "令和４年（2022年）度以降"),
            (
                "医学研究等に係る倫理指針の見直し",
                "生命科学・医学研究に関する倫理指針の周知活動",
            ),
        ] {
            let diff = diff_text(old, new);
            assert_eq!(diff.old_text(), old);
            assert_eq!(diff.new_text(), new);
            assert_eq!(diff.mirrored().new_text(), old);
        }
        assert!(diff_text("同じ", "同じ").is_equal());
        assert!(diff_text("", "").runs.is_empty());
    }
}
