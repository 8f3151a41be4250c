//! Consistency checks of a document: what `koteihyo check` and the problems panel report.

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use super::document::{CellOwner, Document};
use super::domain::Domain;
use super::id::Id;
use super::lang::Lang;

pub use incremental::Validation;
pub use kind::{Edge, ProblemKind, Subject};

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Probably a drafting mistake; the document is still usable.
    Warning,
    /// The document is inconsistent (e.g. two entities share an id).
    Error,
}

impl Severity {
    /// The word in `lang`: 「エラー」/「警告」, "error"/"warning".
    #[must_use]
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Severity::Warning => lang.pick("警告", "warning"),
            Severity::Error => lang.pick("エラー", "error"),
        }
    }
}

impl fmt::Display for Severity {
    /// The English word.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text(Lang::En))
    }
}

/// Where a problem is: an entity (by id and, for repeated ids, which occurrence) and a field.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Location {
    /// The entity's id; `None` for document-level fields.
    pub id: Option<Id>,
    /// Which occurrence of the id, counting from 0 (only non-zero for duplicate ids).
    pub occurrence: usize,
    /// The field name as written in the file (`title`, `end`, `categories` …).
    pub field: Option<&'static str>,
}

impl Location {
    fn entity(id: &Id, field: &'static str) -> Self {
        Self {
            id: Some(id.clone()),
            occurrence: 0,
            field: Some(field),
        }
    }

    fn document(field: &'static str) -> Self {
        Self {
            id: None,
            occurrence: 0,
            field: Some(field),
        }
    }
}

/// One problem found by [`validate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// How serious it is.
    pub severity: Severity,
    /// Where it is.
    pub location: Location,
    /// What is wrong, with its data; [`Problem::message`] words it.
    pub kind: ProblemKind,
}

impl Problem {
    /// Whether this problem says an id is used again (validation reports every occurrence after
    /// the first at its `id` field). Revisions are compared by id, so such a document cannot be
    /// compared: every entity sharing the id would pair with the same one.
    #[must_use]
    pub fn is_repeated_id(&self) -> bool {
        matches!(self.kind, ProblemKind::RepeatedId { .. })
    }

    /// What is wrong, as a sentence in `lang`.
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        self.kind.text(lang)
    }

    /// 「エラー: …」 / "error: …": the severity and the sentence in `lang`.
    #[must_use]
    pub fn text(&self, lang: Lang) -> String {
        format!("{}: {}", self.severity.text(lang), self.message(lang))
    }
}

impl fmt::Display for Problem {
    /// `error: …` in English, as `koteihyo check` prints it by default.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

/// Checks a document and returns every problem found, in document order.
/// An empty list means the document is clean.
#[must_use]
pub fn validate(document: &Document) -> Vec<Problem> {
    let mut checker = Checker::new(document);
    // Room for every id at once: growing the table as ids come costs more with each doubling.
    let ids: usize = document
        .domains
        .iter()
        .map(|d| {
            1 + d.footnotes.len()
                + d.entries.len()
                + d.roadblocks
                    .iter()
                    .map(|r| 1 + r.done.len() + r.actions.len())
                    .sum::<usize>()
        })
        .sum();
    checker.seen_ids.reserve(ids + document.notes.len());
    checker.document();
    checker.problems
}

struct Checker<'a> {
    document: &'a Document,
    problems: Vec<Problem>,
    seen_ids: HashMap<&'a Id, usize>,
}

impl<'a> Checker<'a> {
    fn new(document: &'a Document) -> Self {
        Self {
            document,
            problems: Vec::new(),
            seen_ids: HashMap::new(),
        }
    }

    fn push(&mut self, severity: Severity, location: Location, kind: ProblemKind) {
        self.problems.push(Problem {
            severity,
            location,
            kind,
        });
    }

    fn document(&mut self) {
        self.head();
        let mut numbers = HashMap::new();
        for domain in &self.document.domains {
            self.domain_number(&mut numbers, domain);
            self.domain(domain);
        }
        self.notes();
    }

    /// The document's own parts: title, legend, columns and timeline.
    fn head(&mut self) {
        let document = self.document;
        if document.meta.title.trim().is_empty() {
            self.push(
                Severity::Warning,
                Location::document("title"),
                ProblemKind::NoTitle,
            );
        }
        let mut letters = BTreeSet::new();
        for category in &document.legend.categories {
            if !letters.insert(category.letter) {
                self.push(
                    Severity::Error,
                    Location::document("letter"),
                    ProblemKind::LegendLetterTwice {
                        letter: category.letter,
                    },
                );
            }
        }
        self.columns();
        let timeline = &document.timeline;
        if timeline.years == 0 || timeline.years > 30 {
            self.push(
                Severity::Error,
                Location::document("years"),
                ProblemKind::TimelineColumns {
                    years: timeline.years,
                },
            );
        }
        self.timeline_years();
        if let Some((&index, label)) = timeline.label_overrides.range(timeline.years..).next() {
            self.push(
                Severity::Warning,
                Location::document("label_overrides"),
                ProblemKind::UnusedColumnLabel {
                    label: brief(label),
                    column: index,
                    columns: timeline.years,
                },
            );
        }
    }

    /// A domain's number must not be an earlier domain's (`numbers`: those seen so far).
    fn domain_number(&mut self, numbers: &mut HashMap<u32, &'a str>, domain: &'a Domain) {
        if let Some(previous) = numbers.insert(domain.number, &domain.name) {
            self.push(
                Severity::Warning,
                Location::entity(&domain.id, "number"),
                ProblemKind::DomainNumberTwice {
                    number: domain.number,
                    other: brief(previous),
                },
            );
        }
    }

    /// Each column once; a text column with a well-formed id and a header.
    fn columns(&mut self) {
        let mut kinds = BTreeSet::new();
        for column in &self.document.columns {
            let text_id = column.text_id();
            if !kinds.insert(&column.kind) {
                let kind = match text_id {
                    Some(id) => ProblemKind::TextColumnIdTwice { id: id.clone() },
                    None => ProblemKind::ColumnListedTwice {
                        column: column.kind.clone(),
                    },
                };
                self.push(Severity::Error, Location::document("columns"), kind);
            }
            let Some(id) = text_id else {
                if column.owner == CellOwner::Domain {
                    self.push(
                        Severity::Warning,
                        Location::document("columns"),
                        ProblemKind::OwnerOnBuiltInColumn {
                            column: column.kind.clone(),
                        },
                    );
                }
                continue;
            };
            if !id.is_well_formed() {
                self.push(
                    Severity::Error,
                    Location::document("columns"),
                    ProblemKind::MalformedColumnId { id: id.clone() },
                );
            }
            if column.header.trim().is_empty() {
                self.push(
                    Severity::Warning,
                    Location::document("columns"),
                    ProblemKind::TextColumnWithoutHeader { id: id.clone() },
                );
            }
            if column.width == Some(0) {
                self.push(
                    Severity::Warning,
                    Location::document("columns"),
                    ProblemKind::TextColumnZeroWidth { id: id.clone() },
                );
            }
        }
    }

    /// The cells of a domain or roadblock must name a text column of that owner.
    fn cells(
        &mut self,
        owner_id: &Id,
        cells: &std::collections::BTreeMap<Id, String>,
        owner: CellOwner,
        subject: &dyn Fn() -> Subject,
    ) {
        for column_id in cells.keys() {
            let kind = match self.document.text_column(column_id) {
                None => ProblemKind::CellOfUnknownColumn {
                    subject: subject(),
                    column: column_id.clone(),
                },
                Some(column) if column.owner != owner => ProblemKind::CellOfOtherOwner {
                    subject: subject(),
                    header: brief(&column.header),
                    owner: column.owner,
                },
                Some(_) => continue,
            };
            self.push(Severity::Error, Location::entity(owner_id, "cells"), kind);
        }
    }

    /// The timeline's columns must lie within the supported years: see
    /// [`FiscalYear::EARLIEST`] (no 和暦 before it) and [`FiscalYear::LATEST`].
    fn timeline_years(&mut self) {
        let timeline = &self.document.timeline;
        if !timeline.first_year.is_supported() {
            self.push(
                Severity::Error,
                Location::document("first_year"),
                ProblemKind::FirstYearUnsupported {
                    year: timeline.first_year,
                },
            );
        } else if !timeline.last_year().is_supported() {
            self.push(
                Severity::Error,
                Location::document("years"),
                ProblemKind::LastYearUnsupported {
                    year: timeline.last_year(),
                },
            );
        }
    }

    fn id(&mut self, id: &'a Id) {
        let count = self.seen_ids.entry(id).or_insert(0);
        let occurrence = *count;
        *count += 1;
        if !id.is_well_formed() {
            self.push(
                Severity::Error,
                Location {
                    id: Some(id.clone()),
                    occurrence,
                    field: Some("id"),
                },
                ProblemKind::MalformedId { id: id.clone() },
            );
        } else if occurrence > 0 {
            self.push(
                Severity::Error,
                Location {
                    id: Some(id.clone()),
                    occurrence,
                    field: Some("id"),
                },
                ProblemKind::RepeatedId { id: id.clone() },
            );
        }
    }

    fn domain(&mut self, domain: &'a Domain) {
        self.id(&domain.id);
        if domain.name.trim().is_empty() {
            self.push(
                Severity::Warning,
                Location::entity(&domain.id, "name"),
                ProblemKind::DomainWithoutName {
                    number: domain.number_label(),
                },
            );
        }
        self.cells(&domain.id, &domain.cells, CellOwner::Domain, &|| {
            Subject::Domain(brief(&domain.display_name()))
        });
        for roadblock in &domain.roadblocks {
            self.id(&roadblock.id);
            self.cells(
                &roadblock.id,
                &roadblock.cells,
                CellOwner::Roadblock,
                &|| Subject::Roadblock(brief(&roadblock.title)),
            );
            if roadblock.title.trim().is_empty() {
                self.push(
                    Severity::Warning,
                    Location::entity(&roadblock.id, "title"),
                    ProblemKind::RoadblockWithoutTitle {
                        domain: brief(&domain.display_name()),
                    },
                );
            }
            for letter in &roadblock.categories {
                if self.document.legend.category(*letter).is_none() {
                    self.push(
                        Severity::Error,
                        Location::entity(&roadblock.id, "categories"),
                        ProblemKind::UnknownCategory {
                            roadblock: brief(&roadblock.title),
                            letter: *letter,
                        },
                    );
                }
            }
            for item in roadblock.done.iter().chain(&roadblock.actions) {
                self.id(&item.id);
                if item.level > 1 {
                    self.push(
                        Severity::Warning,
                        Location::entity(&item.id, "level"),
                        ProblemKind::ItemTooDeep {
                            item: brief(&item.text),
                            level: item.level,
                        },
                    );
                }
            }
        }
        for entry in &domain.entries {
            self.id(&entry.id);
            self.entry_times(domain, entry);
            for row in &entry.rows {
                if domain.roadblock(row).is_none() {
                    self.push(
                        Severity::Error,
                        Location::entity(&entry.id, "rows"),
                        ProblemKind::RowNotARoadblock {
                            entry: brief(&entry.label),
                            row: row.clone(),
                            domain: brief(&domain.display_name()),
                        },
                    );
                }
            }
        }
        for footnote in &domain.footnotes {
            self.id(&footnote.id);
        }
    }

    fn entry_times(&mut self, domain: &Domain, entry: &super::entry::TimelineEntry) {
        for (field, point) in [("start", &entry.start), ("end", &entry.end)] {
            if !point.is_valid() {
                self.push(
                    Severity::Error,
                    Location::entity(&entry.id, field),
                    ProblemKind::InvalidPartOfYear {
                        entry: brief(&entry.label),
                    },
                );
            }
        }
        let timeline = &self.document.timeline;
        // A start and end in the same period span that period; an end at or before the start's
        // beginning is reversed.
        if timeline.end_position(&entry.end) <= timeline.start_position(&entry.start) {
            self.push(
                Severity::Error,
                Location::entity(&entry.id, "end"),
                ProblemKind::EndsBeforeStart {
                    entry: brief(&entry.label),
                    start: entry.start,
                    end: entry.end,
                },
            );
        }
        for (field, edge, point) in [
            ("start", Edge::Start, &entry.start),
            ("end", Edge::End, &entry.end),
        ] {
            if !point.year.is_supported() {
                self.push(
                    Severity::Error,
                    Location::entity(&entry.id, field),
                    ProblemKind::YearUnsupported {
                        entry: brief(&entry.label),
                        domain: brief(&domain.display_name()),
                        edge,
                        point: *point,
                    },
                );
            } else if !timeline.shows(point.year) {
                self.push(
                    Severity::Warning,
                    Location::entity(&entry.id, field),
                    ProblemKind::OutsideTimeline {
                        entry: brief(&entry.label),
                        domain: brief(&domain.display_name()),
                        point: *point,
                        first: timeline.first_year,
                        last: timeline.last_year(),
                    },
                );
            }
        }
    }
}

/// The most of a user's text a message quotes: its first line, up to [`BRIEF_CHARS`]
/// characters, with 「…」 when anything was left out (an action item can run to 200 characters;
/// a damaged file can hold far longer).
fn brief(text: &str) -> String {
    let first_line = text.lines().next().unwrap_or_default().trim_end();
    let mut quoted: String = first_line.chars().take(BRIEF_CHARS).collect();
    if quoted.len() < text.trim_end().len() {
        quoted.push('…');
    }
    quoted
}

/// See [`brief`].
const BRIEF_CHARS: usize = 40;

mod incremental;
mod kind;
mod notes;

#[cfg(test)]
mod tests;
