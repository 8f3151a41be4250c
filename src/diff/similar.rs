//! Finding the similar titles of two lists without comparing every pair: identical texts by a
//! hash map, the rest by prefix filtering (the set-similarity join `AllPairs`).
//!
//! A text's bigrams (the n-th occurrence of a bigram counted as its own token, so multisets
//! become sets) are sorted by how rare they are over both lists. Two texts of `x` and `y`
//! bigrams with Dice ≥ t share `c ≥ t·(x+y)/2` bigrams, hence `c ≥ t·x/(2−t)`; so they share a
//! bigram among the first `x − ⌈t·x/(2−t)⌉ + 1` of the first text's sorted list and the
//! corresponding first ones of the other's. Only texts meeting there are compared, and the
//! comparison is the exact Dice coefficient: no pair above the threshold is missed.

use std::collections::{HashMap, VecDeque};

use super::align::dice;

/// The n-th occurrence of a bigram.
type Token = (char, char, u32);

/// A candidate pair: `(similarity, old index, new index)`.
type Scored = (f32, usize, usize);

/// A text waiting for a partner: its index in the caller's list and its bigrams, sorted.
struct Text<'a> {
    index: usize,
    words: &'a str,
    tokens: Vec<Token>,
}

impl<'a> Text<'a> {
    fn new(index: usize, text: &'a str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let mut seen: HashMap<(char, char), u32> = HashMap::new();
        let mut tokens: Vec<Token> = chars
            .windows(2)
            .map(|w| {
                let count = seen.entry((w[0], w[1])).or_default();
                *count += 1;
                (w[0], w[1], *count)
            })
            .collect();
        tokens.sort_unstable();
        Self {
            index,
            words: text,
            tokens,
        }
    }
}

/// Every pair `(score, old index, new index)` of texts whose similarity (Dice of bigrams) is at
/// least `threshold` (in (0, 1]); identical texts pair one to one, each old text with the
/// earliest identical new text still free.
pub(super) fn similar_pairs(
    old: &[(usize, String)],
    new: &[(usize, String)],
    threshold: f32,
) -> Vec<Scored> {
    let (mut pairs, old_rest, new_rest) = pair_identical(old, new);
    if !old_rest.is_empty() && !new_rest.is_empty() {
        pairs.extend(prefix_join(&old_rest, &new_rest, threshold));
    }
    pairs
}

/// Identical texts paired through a hash map; the texts left over on each side.
fn pair_identical<'a>(
    old: &'a [(usize, String)],
    new: &'a [(usize, String)],
) -> (Vec<Scored>, Vec<Text<'a>>, Vec<Text<'a>>) {
    let mut identical: HashMap<&str, VecDeque<usize>> = HashMap::new();
    for (position, (_, text)) in new.iter().enumerate() {
        identical.entry(text).or_default().push_back(position);
    }
    let mut pairs = Vec::new();
    let mut new_paired = vec![false; new.len()];
    let mut old_rest = Vec::new();
    for (o, text) in old {
        match identical
            .get_mut(text.as_str())
            .and_then(VecDeque::pop_front)
        {
            Some(position) => {
                new_paired[position] = true;
                pairs.push((1.0, *o, new[position].0));
            }
            None => old_rest.push(Text::new(*o, text)),
        }
    }
    let new_rest = new
        .iter()
        .zip(&new_paired)
        .filter(|(_, paired)| !**paired)
        .map(|((n, text), _)| Text::new(*n, text))
        .collect();
    (pairs, old_rest, new_rest)
}

/// The similar pairs of two lists of different texts, comparing only texts whose rarest
/// bigrams meet (see the module's note).
fn prefix_join(old: &[Text<'_>], new: &[Text<'_>], threshold: f32) -> Vec<Scored> {
    let mut frequency: HashMap<Token, usize> = HashMap::new();
    for token in old.iter().chain(new).flat_map(|text| &text.tokens) {
        *frequency.entry(*token).or_default() += 1;
    }
    let prefix = |text: &Text<'_>| -> Vec<Token> {
        let mut rarest = text.tokens.clone();
        rarest.sort_unstable_by_key(|token| (frequency[token], *token));
        let length = rarest.len() as f32;
        let overlap = (threshold * length / (2.0 - threshold)).ceil().max(1.0) as usize;
        rarest.truncate((rarest.len() + 1).saturating_sub(overlap));
        rarest
    };
    let mut index: HashMap<Token, Vec<usize>> = HashMap::new();
    for (position, text) in new.iter().enumerate() {
        for token in prefix(text) {
            index.entry(token).or_default().push(position);
        }
    }
    let mut pairs = Vec::new();
    let mut compared = vec![usize::MAX; new.len()];
    for (position, text) in old.iter().enumerate() {
        for token in prefix(text) {
            for &candidate in index.get(&token).map_or(&[][..], Vec::as_slice) {
                if std::mem::replace(&mut compared[candidate], position) == position {
                    continue;
                }
                let other = &new[candidate];
                // The ratio is at most 2·min/(sum): skip pairs whose lengths rule them out.
                let (a, b) = (text.tokens.len() + 1, other.tokens.len() + 1);
                if 2.0 * a.min(b) as f32 / (a + b) as f32 >= threshold {
                    let score = if text.words == other.words {
                        1.0
                    } else {
                        dice(&text.tokens, &other.tokens)
                    };
                    if score >= threshold {
                        pairs.push((score, text.index, other.index));
                    }
                }
            }
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::align::similarity;

    /// The specification of `similar_pairs`, comparing every pair: identical texts first (each
    /// old text, in order, takes the earliest identical new one), then every other pair.
    fn every_pair(
        old: &[(usize, String)],
        new: &[(usize, String)],
        threshold: f32,
    ) -> Vec<(f32, usize, usize)> {
        let mut taken = vec![false; new.len()];
        let mut pairs = Vec::new();
        let mut rest = Vec::new();
        for (o, text) in old {
            match (0..new.len()).find(|&n| !taken[n] && new[n].1 == *text) {
                Some(n) => {
                    taken[n] = true;
                    pairs.push((1.0, *o, new[n].0));
                }
                None => rest.push((*o, text)),
            }
        }
        for (o, text) in rest {
            for (_, other) in new.iter().enumerate().filter(|(n, _)| !taken[*n]) {
                let score = similarity(text, &other.1);
                if score >= threshold {
                    pairs.push((score, o, other.0));
                }
            }
        }
        pairs
    }

    fn sorted(mut pairs: Vec<(f32, usize, usize)>) -> Vec<(f32, usize, usize)> {
        pairs.sort_by(|a, b| a.1.cmp(&b.1).then(a.2.cmp(&b.2)));
        pairs
    }

    proptest::proptest! {
        #[test]
        fn the_prefix_filter_misses_no_similar_pair(
            old in proptest::collection::vec("[abc工]{0,7}", 0..12),
            new in proptest::collection::vec("[abc工]{0,7}", 0..12),
            threshold in 0.3f32..=1.0,
        ) {
            let number = |texts: Vec<String>| -> Vec<(usize, String)> {
                texts.into_iter().enumerate().map(|(i, t)| (i * 3, t)).collect()
            };
            let (old, new) = (number(old), number(new));
            proptest::prop_assert_eq!(
                sorted(similar_pairs(&old, &new, threshold)),
                sorted(every_pair(&old, &new, threshold))
            );
        }
    }
}
