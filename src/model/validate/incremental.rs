//! Validation after an edit: only the domains that changed since the last run are checked
//! again; the others keep their problems (a domain is unchanged while the document still
//! shares it with the version last checked, see [`Shared`]).

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;

use super::{Checker, Problem, validate};
use crate::model::{Column, Document, Domain, Id, Legend, Shared, Timeline};

/// Validation kept between the versions of one document: [`Validation::run`] gives what
/// [`validate`] gives, checking again only the domains that changed since the last run.
///
/// A domain's own problems depend on the domain and on the document's legend, columns,
/// timeline and note ids; when one of these changes every domain is checked again. Ids must be
/// unique across the document: each id's occurrences are counted as domains come and go, and
/// while any id occurs twice the whole document is validated (the problem names every
/// occurrence after the first, in document order).
#[derive(Default)]
pub struct Validation {
    /// The parts of the document every domain's check depends on, as last run.
    context: Option<Context>,
    /// Each domain last checked, by the address of its shared value (kept alive here, so the
    /// address names that value alone).
    domains: HashMap<usize, Checked>,
    /// How many times each id (by its hash) occurs in the domains checked.
    ids: HashMap<u64, u32>,
    /// How many of the hashes in `ids` occur more than once.
    repeated: usize,
    /// Hashes ids (two different ids with one hash only cost a whole validation).
    hasher: std::hash::RandomState,
    /// Counts runs, to notice the domains gone since the last.
    run: u64,
}

/// What every domain's problems depend on besides the domain itself.
#[derive(PartialEq)]
struct Context {
    legend: Legend,
    columns: Vec<Column>,
    timeline: Timeline,
    notes: Vec<Id>,
}

impl Context {
    fn of(document: &Document) -> Self {
        Self {
            legend: document.legend.clone(),
            columns: document.columns.clone(),
            timeline: document.timeline.clone(),
            notes: document.notes.iter().map(|n| n.id.clone()).collect(),
        }
    }
}

/// One domain as last checked.
struct Checked {
    /// The domain (kept so that its address stays its own).
    domain: Shared<Domain>,
    /// Its problems, listed in the domain's place.
    problems: Vec<Problem>,
    /// Its references to notes the document lacks (listed with the notes).
    missing_notes: Vec<Problem>,
    /// The notes it refers to.
    referenced: Vec<Id>,
    /// Its ids (hashes) and how often each occurs in it.
    ids: Vec<(u64, u32)>,
    /// The run that last found it in the document.
    run: u64,
}

fn address(domain: &Shared<Domain>) -> usize {
    std::ptr::from_ref::<Domain>(domain).addr()
}

impl Validation {
    /// The document's problems, as [`validate`] gives them.
    pub fn run(&mut self, document: &Document) -> Vec<Problem> {
        let context = Context::of(document);
        if self.context.as_ref() != Some(&context) {
            self.domains.clear();
            self.ids.clear();
            self.repeated = 0;
            self.context = Some(context);
        }
        self.run += 1;
        let known: HashSet<&Id> = document.notes.iter().map(|n| &n.id).collect();
        let mut twice = false;
        for domain in &document.domains {
            match self.domains.get_mut(&address(domain)) {
                // The same value twice in the document: every id in it is repeated.
                Some(checked) if checked.run == self.run => twice = true,
                Some(checked) => {
                    debug_assert!(Shared::same(&checked.domain, domain));
                    checked.run = self.run;
                }
                None => {
                    let checked = self.check(document, domain, &known);
                    self.count(&checked.ids, true);
                    self.domains.insert(address(domain), checked);
                }
            }
        }
        let gone: Vec<usize> = self
            .domains
            .iter()
            .filter(|(_, checked)| checked.run != self.run)
            .map(|(&key, _)| key)
            .collect();
        for key in gone {
            if let Some(checked) = self.domains.remove(&key) {
                self.count(&checked.ids, false);
            }
        }
        if twice || self.repeated > 0 || self.note_ids_repeat(document) {
            return validate(document);
        }
        self.assemble(document)
    }

    /// Checks one domain on its own (its ids counted within it).
    fn check(&self, document: &Document, domain: &Shared<Domain>, known: &HashSet<&Id>) -> Checked {
        let mut checker = Checker::new(document);
        checker.domain(domain);
        let ids = checker
            .seen_ids
            .iter()
            .map(|(id, &count)| {
                (
                    self.hasher.hash_one(id),
                    u32::try_from(count).unwrap_or(u32::MAX),
                )
            })
            .collect();
        let problems = std::mem::take(&mut checker.problems);
        let mut referenced = HashSet::new();
        checker.note_references(domain, known, &mut referenced);
        Checked {
            domain: domain.clone(),
            problems,
            missing_notes: checker.problems,
            referenced: referenced.into_iter().cloned().collect(),
            ids,
            run: self.run,
        }
    }

    /// Adds (or takes away) a domain's ids to the counts.
    fn count(&mut self, ids: &[(u64, u32)], add: bool) {
        for &(hash, n) in ids {
            let count = self.ids.entry(hash).or_insert(0);
            let was_repeated = *count > 1;
            *count = if add {
                count.saturating_add(n)
            } else {
                count.saturating_sub(n)
            };
            match (was_repeated, *count > 1) {
                (false, true) => self.repeated += 1,
                (true, false) => self.repeated -= 1,
                _ => {}
            }
            if *count == 0 {
                self.ids.remove(&hash);
            }
        }
    }

    /// Whether a note's id is another note's or occurs in a domain.
    fn note_ids_repeat(&self, document: &Document) -> bool {
        let mut seen = HashSet::new();
        document.notes.iter().any(|note| {
            let hash = self.hasher.hash_one(&note.id);
            !seen.insert(hash) || self.ids.contains_key(&hash)
        })
    }

    /// The problems in [`validate`]'s order from the domains' kept problems: the document's
    /// own, then each domain's (after its number's), then the notes'.
    fn assemble(&self, document: &Document) -> Vec<Problem> {
        let mut checker = Checker::new(document);
        checker.head();
        let mut numbers = HashMap::new();
        let kept: Vec<&Checked> = document
            .domains
            .iter()
            .filter_map(|domain| self.domains.get(&address(domain)))
            .collect();
        for (domain, checked) in document.domains.iter().zip(&kept) {
            checker.domain_number(&mut numbers, domain);
            checker.problems.extend(checked.problems.iter().cloned());
        }
        checker.note_texts();
        let mut referenced = HashSet::new();
        for checked in &kept {
            checker
                .problems
                .extend(checked.missing_notes.iter().cloned());
            referenced.extend(&checked.referenced);
        }
        checker.unreferenced_notes(&referenced);
        checker.problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Note;

    fn roadmap() -> Document {
        let mut document = crate::generate::roadmap(2, 3);
        document.notes.push(Note {
            id: Id::new("n-1"),
            text: String::new(),
        });
        document.domains[2].roadblocks[0].notes.push(Id::new("n-1"));
        document.domains[4].entries[0].notes.push(Id::new("n-9"));
        document.domains[5].roadblocks[0].title.clear();
        document
    }

    #[test]
    fn it_gives_what_validate_gives_and_checks_again_only_the_changed_domain() {
        let mut document = roadmap();
        let mut validation = Validation::default();
        assert_eq!(validation.run(&document), validate(&document));
        assert!(!validate(&document).is_empty());
        document.domains[7].roadblocks[0].title.clear();
        document.domains[2].roadblocks[0].notes.clear();
        let kept: Vec<usize> = validation.domains.keys().copied().collect();
        assert_eq!(validation.run(&document), validate(&document));
        let checked_again = validation
            .domains
            .keys()
            .filter(|key| !kept.contains(key))
            .count();
        assert_eq!(checked_again, 2);
    }

    #[test]
    fn removed_moved_and_repeated_domains_give_what_validate_gives() {
        let mut document = roadmap();
        let mut validation = Validation::default();
        let _ = validation.run(&document);
        document.domains.remove(3);
        document.domains.swap(0, 6);
        assert_eq!(validation.run(&document), validate(&document));
        // A domain twice (the same value, then a copy): its ids are repeated.
        let again = document.domains[1].clone();
        document.domains.push(again);
        assert_eq!(validation.run(&document), validate(&document));
        assert!(validate(&document).iter().any(Problem::is_repeated_id));
        let last = document.domains.len() - 1;
        document.domains[last].name.push('改');
        assert_eq!(validation.run(&document), validate(&document));
        document.domains.pop();
        assert_eq!(validation.run(&document), validate(&document));
        assert!(!validate(&document).iter().any(Problem::is_repeated_id));
        assert_eq!(validation.repeated, 0);
    }

    #[test]
    fn a_change_of_the_legend_timeline_or_notes_checks_every_domain_again() {
        let mut document = roadmap();
        let mut validation = Validation::default();
        let _ = validation.run(&document);
        document.timeline.first_year.0 += 10;
        assert_eq!(validation.run(&document), validate(&document));
        document.legend.categories.pop();
        assert_eq!(validation.run(&document), validate(&document));
        document.notes.push(Note {
            id: Id::new("n-9"),
            text: "後から".into(),
        });
        assert_eq!(validation.run(&document), validate(&document));
        // A note's id that a roadblock has.
        document.notes[0].id = document.domains[0].roadblocks[0].id.clone();
        assert_eq!(validation.run(&document), validate(&document));
    }
}
