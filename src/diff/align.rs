//! Pairing the entities of two revisions: by stable id first; where ids differ (a file made
//! separately), by similarity of their titles, best pairs first.

use std::collections::{BTreeSet, HashMap};

use crate::model::Id;

/// How two entities were paired.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Pairing {
    /// Same id.
    Id,
    /// Different ids, similar text (reported so the user can check it).
    Similarity,
}

/// The pairing of two lists: for each old index, the new index it pairs with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alignment {
    /// `(old index, new index, how)` pairs, in old order.
    pub pairs: Vec<(usize, usize, Pairing)>,
    /// Old indices with no counterpart.
    pub removed: Vec<usize>,
    /// New indices with no counterpart.
    pub added: Vec<usize>,
}

impl Alignment {
    /// For each new index, the old index it pairs with and how (a lookup without a search).
    #[must_use]
    pub fn by_new(&self, new_len: usize) -> Vec<Option<(usize, Pairing)>> {
        let mut by_new = vec![None; new_len];
        for &(o, n, how) in &self.pairs {
            if let Some(slot) = by_new.get_mut(n) {
                *slot = Some((o, how));
            }
        }
        by_new
    }
}

/// How alike two texts are, 0.0–1.0: the Dice coefficient of their character pairs (bigrams),
/// which is cheap (sorting, no diff) and ranks rewordings of a title well above unrelated text.
#[must_use]
pub fn similarity(a: &str, b: &str) -> f32 {
    if a == b {
        return 1.0;
    }
    let bigrams = |text: &str| {
        let chars: Vec<char> = text.chars().collect();
        let mut pairs: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
        pairs.sort_unstable();
        pairs
    };
    dice(&bigrams(a), &bigrams(b))
}

/// Pairs `old` with `new` by id, then the rest by `text` similarity of at least `threshold`.
///
/// Near-linear for real documents: identical texts pair first through a hash map, and the
/// other candidates come from a prefix filter (`diff/similar.rs`), not from every pair of texts.
pub fn align<T>(
    old: &[T],
    new: &[T],
    id: impl Fn(&T) -> &Id,
    text: impl Fn(&T) -> String,
    threshold: f32,
) -> Alignment {
    let new_by_id: HashMap<&Id, usize> = new.iter().enumerate().map(|(i, n)| (id(n), i)).collect();
    let mut new_taken = vec![false; new.len()];
    let mut old_pair: Vec<Option<(usize, Pairing)>> = vec![None; old.len()];
    for (index, item) in old.iter().enumerate() {
        if let Some(&other) = new_by_id.get(id(item))
            && !new_taken[other]
        {
            new_taken[other] = true;
            old_pair[index] = Some((other, Pairing::Id));
        }
    }
    // The rest by similarity, best pairs first (ties: earlier old, then earlier new).
    let old_texts: Vec<(usize, String)> = (0..old.len())
        .filter(|&i| old_pair[i].is_none())
        .map(|i| (i, text(&old[i])))
        .collect();
    let new_texts: Vec<(usize, String)> = (0..new.len())
        .filter(|&i| !new_taken[i])
        .map(|i| (i, text(&new[i])))
        .collect();
    let mut candidates = super::similar::similar_pairs(&old_texts, &new_texts, threshold);
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, o, n) in candidates {
        if old_pair[o].is_none() && !new_taken[n] {
            old_pair[o] = Some((n, Pairing::Similarity));
            new_taken[n] = true;
        }
    }
    Alignment {
        pairs: old_pair
            .iter()
            .enumerate()
            .filter_map(|(o, pair)| pair.map(|(n, how)| (o, n, how)))
            .collect(),
        removed: (0..old.len()).filter(|&o| old_pair[o].is_none()).collect(),
        added: (0..new.len()).filter(|&n| !new_taken[n]).collect(),
    }
}

/// [`similarity`] of two texts given as their sorted, numbered bigrams (the n-th occurrence of
/// a bigram is its own token, so the set intersection is the multiset one).
pub(super) fn dice<T: Ord>(a: &[T], b: &[T]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f32 / (a.len() + b.len()) as f32
}

/// The old indices of pairs whose relative order changed: those outside a longest run of
/// pairs whose positions increase on both sides (the fewest entities that must move to explain
/// the order). Several runs can be longest; the choice is made from the side that `old_first`
/// names, so that comparing the revisions the other way round finds the same entities. A set:
/// the walk asks of each pair whether it moved.
#[must_use]
pub fn reordered(pairs: &[(usize, usize, Pairing)], old_first: bool) -> BTreeSet<usize> {
    let mut oriented: Vec<(usize, usize)> = pairs
        .iter()
        .map(|&(o, n, _)| if old_first { (o, n) } else { (n, o) })
        .collect();
    oriented.sort_unstable();
    let seconds: Vec<usize> = oriented.iter().map(|p| p.1).collect();
    let mut kept = vec![false; oriented.len()];
    for position in longest_increasing(&seconds) {
        kept[position] = true;
    }
    oriented
        .iter()
        .enumerate()
        .filter(|(i, _)| !kept[*i])
        .map(|(_, &(a, b))| if old_first { a } else { b })
        .collect()
}

/// Positions of a longest strictly increasing subsequence of `values` (patience sorting).
fn longest_increasing(values: &[usize]) -> Vec<usize> {
    let mut tails: Vec<usize> = Vec::new(); // positions
    let mut previous: Vec<Option<usize>> = vec![None; values.len()];
    for (position, &value) in values.iter().enumerate() {
        let at = tails.partition_point(|&t| values[t] < value);
        previous[position] = at.checked_sub(1).map(|a| tails[a]);
        if at == tails.len() {
            tails.push(position);
        } else {
            tails[at] = position;
        }
    }
    let mut result = Vec::new();
    let mut next = tails.last().copied();
    while let Some(position) = next {
        result.push(position);
        next = previous[position];
    }
    result.reverse();
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct Thing(Id, &'static str);

    fn things(list: &[(&str, &'static str)]) -> Vec<Thing> {
        list.iter().map(|(id, t)| Thing((*id).into(), t)).collect()
    }

    #[test]
    fn ids_first_then_similar_titles() {
        let old = things(&[
            ("a", "倫理審査の質"),
            ("b", "AIの専門家が不足"),
            ("c", "削除される"),
        ]);
        let new = things(&[
            ("b", "AIの専門家が不足"),
            ("x", "倫理審査の質の均一化"),
            ("d", "まったく新しい"),
        ]);
        let alignment = align(&old, &new, |t| &t.0, |t| t.1.to_owned(), 0.5);
        assert_eq!(
            alignment.pairs,
            [(0, 1, Pairing::Similarity), (1, 0, Pairing::Id)]
        );
        assert_eq!(alignment.removed, [2]);
        assert_eq!(alignment.added, [2]);
    }

    #[test]
    fn similarity_ranks_rewordings_above_unrelated_text() {
        let title = "IRBの審査の質を均一化する必要があるのではないか";
        assert!((similarity(title, title) - 1.0).abs() < f32::EPSILON);
        assert!(similarity(title, "IRBの審査の質を均一化する必要がある") > 0.7);
        assert!(similarity(title, "匿名化の基準が必要ではないか") < 0.5);
        assert!(similarity("", "a").abs() < f32::EPSILON);
    }

    #[test]
    fn only_the_moved_entity_counts_as_reordered() {
        // b moved to the front: a, c keep their order.
        let pairs = [
            (0, 1, Pairing::Id),
            (1, 0, Pairing::Id),
            (2, 2, Pairing::Id),
        ];
        assert_eq!(reordered(&pairs, true).len(), 1);
        // Either side chooses the same entity.
        let back: Vec<_> = pairs.iter().map(|&(o, n, h)| (n, o, h)).collect();
        let forward = reordered(&pairs, true);
        let backward: BTreeSet<usize> = reordered(&back, false)
            .iter()
            .map(|&n| pairs.iter().find(|p| p.1 == n).map_or(0, |p| p.0))
            .collect();
        assert_eq!(forward, backward);
        assert!(reordered(&[(0, 0, Pairing::Id), (1, 1, Pairing::Id)], true).is_empty());
    }
}
