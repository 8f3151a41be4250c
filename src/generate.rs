//! Synthetic roadmaps for benchmarks and fuzzing: N times the seed (N × 9 domains) with the same
//! mix of long Japanese texts, items, entries and spans, made from the 見直し後 example's own
//! sentences and deterministic for a seed value.

use crate::model::{
    Column, ColumnKind, Document, Domain, EntryKind, Footnote, Id, Item, Roadblock, Shared,
    TimePoint, TimelineEntry,
};

/// A small deterministic random source (`SplitMix64`), so the same seed makes the same roadmap on
/// every machine and every version of every crate.
#[derive(Debug, Clone)]
pub struct Random(u64);

impl Random {
    /// A source starting from `seed`.
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// One of `items` (None when empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        let index = self.below(items.len());
        items.get(index)
    }
}

/// The 見直し後 example, the template of every generated roadmap.
#[must_use]
pub fn template() -> Document {
    crate::io::parse_ron(include_str!("../examples/roadblocks-after.ron"))
        .unwrap_or_else(|_| Document::default())
}

/// The sentences of a document (descriptions, items, entry labels and details), to write new
/// texts from.
fn sentences(document: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for domain in &document.domains {
        for roadblock in &domain.roadblocks {
            out.extend(roadblock.description.iter().cloned());
            out.extend(
                roadblock
                    .done
                    .iter()
                    .chain(&roadblock.actions)
                    .map(|i| i.text.clone()),
            );
        }
        for entry in &domain.entries {
            out.push(entry.label.clone());
            if !entry.detail.is_empty() {
                out.push(entry.detail.clone());
            }
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

/// A text of about the length of `like`, made of pieces of the corpus.
fn text_like(like: &str, corpus: &[String], random: &mut Random) -> String {
    let wanted = like.chars().count().max(4);
    let mut text = String::new();
    let mut count = 0;
    while count < wanted {
        let Some(sentence) = random.pick(corpus) else {
            break;
        };
        let chars: Vec<char> = sentence.chars().collect();
        let start = random.below(chars.len() / 2 + 1);
        let take = (wanted - count).min(chars.len() - start);
        if take == 0 {
            break;
        }
        text.extend(&chars[start..start + take]);
        count += take;
    }
    text
}

/// A roadmap `scale` times the seed: `scale × 9` domains, each a rewritten copy of a domain of
/// the example (texts re-drawn from its sentences, entries moved within the timeline).
#[must_use]
pub fn roadmap(scale: usize, seed: u64) -> Document {
    let template = template();
    let corpus = sentences(&template);
    let mut random = Random::new(seed);
    let mut document = template.clone();
    document.domains.clear();
    let count = scale.max(1) * template.domains.len();
    for index in 0..count {
        let Some(model) = template.domains.get(index % template.domains.len()) else {
            break;
        };
        document.domains.push(Shared::new(rewrite_domain(
            model,
            index + 1,
            &document,
            &corpus,
            &mut random,
        )));
    }
    document
}

fn rewrite_domain(
    model: &Domain,
    number: usize,
    document: &Document,
    corpus: &[String],
    random: &mut Random,
) -> Domain {
    let id = Id::from(format!("d{number}").as_str());
    let mut domain = model.clone();
    domain.id = id.clone();
    domain.number = number as u32;
    if number > 9 {
        domain.name = format!("{}（{number}）", model.name);
    }
    let mut rows = std::collections::HashMap::new();
    for (r, roadblock) in domain.roadblocks.iter_mut().enumerate() {
        let new_id = Id::from(format!("{id}.r{}", r + 1).as_str());
        rows.insert(roadblock.id.clone(), new_id.clone());
        rewrite_roadblock(roadblock, new_id, corpus, random);
    }
    let timeline = &document.timeline;
    for (e, entry) in domain.entries.iter_mut().enumerate() {
        entry.id = Id::from(format!("{id}.t{}", e + 1).as_str());
        entry.rows = entry
            .rows
            .iter()
            .filter_map(|r| rows.get(r).cloned())
            .collect();
        entry.label = text_like(&entry.label, corpus, random);
        if !entry.detail.is_empty() {
            entry.detail = text_like(&entry.detail, corpus, random);
        }
        move_within(
            entry,
            timeline.first_year.0,
            i32::from(timeline.years),
            random,
        );
    }
    for (f, footnote) in domain.footnotes.iter_mut().enumerate() {
        footnote.id = Id::from(format!("{id}.fn{}", f + 1).as_str());
    }
    domain
}

fn rewrite_roadblock(roadblock: &mut Roadblock, id: Id, corpus: &[String], random: &mut Random) {
    roadblock.title = text_like(&roadblock.title, corpus, random);
    for line in &mut roadblock.description {
        *line = text_like(line, corpus, random);
    }
    let rewrite_items = |items: &mut Vec<Item>, prefix: &str, random: &mut Random| {
        for (i, item) in items.iter_mut().enumerate() {
            item.id = Id::from(format!("{id}.{prefix}{}", i + 1).as_str());
            item.text = text_like(&item.text, corpus, random);
        }
    };
    rewrite_items(&mut roadblock.done, "done", random);
    rewrite_items(&mut roadblock.actions, "act", random);
    roadblock.id = id;
}

/// Puts `entry` at a random span inside the chart's years (keeping its length when it fits).
fn move_within(entry: &mut TimelineEntry, first: i32, years: i32, random: &mut Random) {
    let length = (entry.end.year.0.saturating_sub(entry.start.year.0)).clamp(0, (years - 1).max(0));
    let start = first.saturating_add(random.below((years - length).max(1) as usize) as i32);
    entry.start = TimePoint {
        year: crate::model::FiscalYear(start),
        ..entry.start
    };
    entry.end = TimePoint {
        year: crate::model::FiscalYear(start.saturating_add(length)),
        ..entry.end
    };
}

/// A copy of `document` with about `percent` % of its roadblocks, items and entries changed
/// (texts re-drawn, entries moved), ids kept: the other side of a benchmark's diff.
#[must_use]
pub fn perturbed(document: &Document, percent: u32, seed: u64) -> Document {
    let corpus = sentences(document);
    let mut random = Random::new(seed);
    let mut copy = document.clone();
    let first = copy.timeline.first_year.0;
    let years = i32::from(copy.timeline.years);
    let hit = |random: &mut Random| random.below(100) < percent as usize;
    for domain in &mut copy.domains {
        for roadblock in &mut domain.roadblocks {
            if hit(&mut random) {
                roadblock.title = text_like(&roadblock.title, &corpus, &mut random);
            }
            for item in roadblock.done.iter_mut().chain(&mut roadblock.actions) {
                if hit(&mut random) {
                    item.text = text_like(&item.text, &corpus, &mut random);
                }
            }
        }
        for entry in &mut domain.entries {
            if hit(&mut random) {
                move_within(entry, first, years, &mut random);
            }
        }
    }
    copy
}

/// A timeline-only roadmap, the shape other ministries publish: only the domain column,
/// `domains` domains without roadblocks, each with three overlapping bars (one with a detail,
/// one open-ended) and a footnote — for tests of the print layout and the grid.
#[must_use]
pub fn timeline_only(domains: u32) -> Document {
    let mut document = Document {
        columns: vec![Column::new(ColumnKind::Domain, "区分")],
        ..Document::default()
    };
    let first = document.timeline.first_year.0;
    document.domains = (1..=domains)
        .map(|number| Domain {
            id: Id::from(format!("d{number}").as_str()),
            number,
            name: format!("分野{number}"),
            entries: (1..=3)
                .map(|bar| TimelineEntry {
                    id: Id::from(format!("d{number}.t{bar}").as_str()),
                    label: format!("バー{number}の{bar}"),
                    notes: Vec::new(),
                    kind: EntryKind::Bar,
                    start: TimePoint::year(first),
                    end: TimePoint::year(first + 1),
                    open_ended: bar == 3,
                    rows: Vec::new(),
                    detail: if bar == 2 {
                        "詳細な説明".to_owned()
                    } else {
                        String::new()
                    },
                })
                .collect(),
            footnotes: vec![Footnote {
                id: Id::from(format!("d{number}.f1").as_str()),
                mark: "※".to_owned(),
                lines: vec!["注記の本文".to_owned()],
            }],
            ..Domain::default()
        })
        .map(Shared::new)
        .collect();
    document
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Severity, validate};

    #[test]
    fn the_same_seed_makes_the_same_roadmap() {
        assert_eq!(roadmap(2, 7), roadmap(2, 7));
        assert_ne!(roadmap(2, 7), roadmap(2, 8));
    }

    #[test]
    fn a_generated_roadmap_is_valid_and_scaled() {
        let generated = roadmap(3, 1);
        assert_eq!(generated.domains.len(), 27);
        let errors: Vec<_> = validate(&generated)
            .into_iter()
            .filter(|p| p.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
        let roadblocks: usize = generated.domains.iter().map(|d| d.roadblocks.len()).sum();
        assert_eq!(roadblocks, 3 * 23);
    }

    #[test]
    fn a_perturbed_copy_differs_in_a_few_places() {
        let generated = roadmap(10, 3);
        let changed = perturbed(&generated, 5, 4);
        let comparison = crate::diff::compare(&generated, &changed);
        let entities: usize = generated
            .domains
            .iter()
            .map(|d| {
                d.entries.len()
                    + d.roadblocks
                        .iter()
                        .map(|r| 1 + r.done.len() + r.actions.len())
                        .sum::<usize>()
            })
            .sum();
        let count = comparison.changes.len();
        assert!(
            count > entities / 50 && count < entities / 10,
            "{count} of {entities}"
        );
    }
}
