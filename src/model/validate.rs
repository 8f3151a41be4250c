//! Consistency checks of a document: what `koteihyo check` and the problems panel report.

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use super::document::{CellOwner, Document};
use super::domain::Domain;
use super::fiscal_year::FiscalYear;
use super::id::Id;
use super::timeline::TimePoint;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Probably a drafting mistake; the document is still usable.
    Warning,
    /// The document is inconsistent (e.g. two entities share an id).
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
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
    /// What is wrong, as a sentence.
    pub message: String,
}

impl Problem {
    /// Whether this problem says an id is used again (validation reports every occurrence after
    /// the first at its `id` field). Revisions are compared by id, so such a document cannot be
    /// compared: every entity sharing the id would pair with the same one.
    #[must_use]
    pub fn is_repeated_id(&self) -> bool {
        self.severity == Severity::Error
            && self.location.id.is_some()
            && self.location.field == Some("id")
            && self.location.occurrence > 0
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.severity, self.message)
    }
}

/// Checks a document and returns every problem found, in document order.
/// An empty list means the document is clean.
#[must_use]
pub fn validate(document: &Document) -> Vec<Problem> {
    let mut checker = Checker {
        document,
        problems: Vec::new(),
        seen_ids: HashMap::new(),
    };
    checker.document();
    checker.problems
}

struct Checker<'a> {
    document: &'a Document,
    problems: Vec<Problem>,
    seen_ids: HashMap<&'a Id, usize>,
}

impl<'a> Checker<'a> {
    fn push(&mut self, severity: Severity, location: Location, message: String) {
        self.problems.push(Problem {
            severity,
            location,
            message,
        });
    }

    fn document(&mut self) {
        let document = self.document;
        if document.meta.title.trim().is_empty() {
            self.push(
                Severity::Warning,
                Location::document("title"),
                "the document has no title".into(),
            );
        }
        let mut letters = BTreeSet::new();
        for category in &document.legend.categories {
            if !letters.insert(category.letter) {
                self.push(
                    Severity::Error,
                    Location::document("letter"),
                    format!("the legend lists category {} twice", category.letter),
                );
            }
        }
        self.columns();
        let timeline = &document.timeline;
        if timeline.years == 0 || timeline.years > 30 {
            self.push(
                Severity::Error,
                Location::document("years"),
                format!(
                    "the timeline must have 1 to 30 fiscal-year columns, not {}",
                    timeline.years
                ),
            );
        }
        self.timeline_years();
        if let Some((&index, label)) = timeline.label_overrides.range(timeline.years..).next() {
            self.push(
                Severity::Warning,
                Location::document("label_overrides"),
                format!(
                    "the header 「{}」 is for column {index}, but the timeline has {} columns \
                     (counted from 0); it is not shown",
                    brief(label),
                    timeline.years
                ),
            );
        }
        let mut numbers = HashMap::new();
        for domain in &document.domains {
            if let Some(previous) = numbers.insert(domain.number, &domain.name) {
                self.push(
                    Severity::Warning,
                    Location::entity(&domain.id, "number"),
                    format!(
                        "domain number {} is used by 「{}」 too",
                        domain.number,
                        brief(previous)
                    ),
                );
            }
            self.domain(domain);
        }
        self.notes();
    }

    /// Each column once; a text column with a well-formed id and a header.
    fn columns(&mut self) {
        let mut kinds = BTreeSet::new();
        for column in &self.document.columns {
            let text_id = column.text_id();
            if !kinds.insert(&column.kind) {
                let message = match text_id {
                    Some(id) => format!("two text columns have the id \"{id}\""),
                    None => format!("the column {:?} is listed twice", column.kind),
                };
                self.push(Severity::Error, Location::document("columns"), message);
            }
            let Some(id) = text_id else {
                if column.owner == CellOwner::Domain {
                    self.push(
                        Severity::Warning,
                        Location::document("columns"),
                        format!(
                            "the column {:?} says `owner: Domain`, which only text columns take",
                            column.kind
                        ),
                    );
                }
                continue;
            };
            if !id.is_well_formed() {
                self.push(
                    Severity::Error,
                    Location::document("columns"),
                    format!(
                        "the text column id \"{id}\" must be non-empty and use only letters, \
                         digits, '.', '_' and '-'"
                    ),
                );
            }
            if column.header.trim().is_empty() {
                self.push(
                    Severity::Warning,
                    Location::document("columns"),
                    format!("the text column \"{id}\" has no header"),
                );
            }
            if column.width == Some(0) {
                self.push(
                    Severity::Warning,
                    Location::document("columns"),
                    format!("the text column \"{id}\" is 0 characters wide and is not shown"),
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
        what: &dyn Fn() -> String,
    ) {
        for column_id in cells.keys() {
            let message = match self.document.text_column(column_id) {
                None => format!(
                    "{} has a cell for column \"{column_id}\", which the document does not define",
                    what()
                ),
                Some(column) if column.owner != owner => format!(
                    "{} has a cell for column 「{}」, whose cells belong to {}",
                    what(),
                    brief(&column.header),
                    match column.owner {
                        CellOwner::Domain => "domains",
                        CellOwner::Roadblock => "roadblock rows",
                    }
                ),
                Some(_) => continue,
            };
            self.push(
                Severity::Error,
                Location::entity(owner_id, "cells"),
                message,
            );
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
                format!(
                    "the timeline's first year {} is outside {}",
                    timeline.first_year,
                    supported_years()
                ),
            );
        } else if !timeline.last_year().is_supported() {
            self.push(
                Severity::Error,
                Location::document("years"),
                format!(
                    "the timeline's last year {} is outside {}",
                    timeline.last_year(),
                    supported_years()
                ),
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
                Location { id: Some(id.clone()), occurrence, field: Some("id") },
                format!("the id \"{id}\" must be non-empty and use only letters, digits, '.', '_' and '-'"),
            );
        } else if occurrence > 0 {
            self.push(
                Severity::Error,
                Location {
                    id: Some(id.clone()),
                    occurrence,
                    field: Some("id"),
                },
                format!("the id \"{id}\" is used more than once"),
            );
        }
    }

    fn domain(&mut self, domain: &'a Domain) {
        self.id(&domain.id);
        if domain.name.trim().is_empty() {
            self.push(
                Severity::Warning,
                Location::entity(&domain.id, "name"),
                format!("domain {} has no name", domain.number_label()),
            );
        }
        self.cells(&domain.id, &domain.cells, CellOwner::Domain, &|| {
            format!("domain {}", domain.display_name())
        });
        for roadblock in &domain.roadblocks {
            self.id(&roadblock.id);
            self.cells(
                &roadblock.id,
                &roadblock.cells,
                CellOwner::Roadblock,
                &|| format!("【{}】", brief(&roadblock.title)),
            );
            if roadblock.title.trim().is_empty() {
                self.push(
                    Severity::Warning,
                    Location::entity(&roadblock.id, "title"),
                    format!("a roadblock of {} has no title", domain.display_name()),
                );
            }
            for letter in &roadblock.categories {
                if self.document.legend.category(*letter).is_none() {
                    self.push(
                        Severity::Error,
                        Location::entity(&roadblock.id, "categories"),
                        format!(
                            "【{}】 has category {letter}, which the legend does not define",
                            brief(&roadblock.title)
                        ),
                    );
                }
            }
            for item in roadblock.done.iter().chain(&roadblock.actions) {
                self.id(&item.id);
                if item.level > 1 {
                    self.push(
                        Severity::Warning,
                        Location::entity(&item.id, "level"),
                        format!(
                            "item 「{}」 is indented {} levels; at most 1 is shown",
                            brief(&item.text),
                            item.level
                        ),
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
                        format!(
                            "「{}」 spans row \"{row}\", which is not a roadblock of {}",
                            brief(&entry.label),
                            domain.display_name()
                        ),
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
                    format!(
                        "「{}」 has a quarter outside 1–4 or a month outside 1–12",
                        brief(&entry.label)
                    ),
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
                format!(
                    "「{}」 ends ({}) before it starts ({})",
                    brief(&entry.label),
                    describe(entry.end),
                    describe(entry.start)
                ),
            );
        }
        for (field, point) in [("start", &entry.start), ("end", &entry.end)] {
            if !point.year.is_supported() {
                self.push(
                    Severity::Error,
                    Location::entity(&entry.id, field),
                    format!(
                        "「{}」 in {} {} {}, outside {}",
                        brief(&entry.label),
                        domain.display_name(),
                        if field == "start" {
                            "starts in"
                        } else {
                            "ends in"
                        },
                        describe(*point),
                        supported_years()
                    ),
                );
            } else if !timeline.shows(point.year) {
                self.push(
                    Severity::Warning,
                    Location::entity(&entry.id, field),
                    format!(
                        "「{}」 in {} {} is outside the timeline ({} to {})",
                        brief(&entry.label),
                        domain.display_name(),
                        describe(*point),
                        timeline.first_year,
                        timeline.last_year()
                    ),
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

/// The years a document may use, for messages: 「the supported years FY1868 to FY2200」.
fn supported_years() -> String {
    format!(
        "the supported years {} to {}",
        FiscalYear::EARLIEST,
        FiscalYear::LATEST
    )
}

/// See [`brief`].
const BRIEF_CHARS: usize = 40;

fn describe(point: TimePoint) -> String {
    match point.part {
        None => point.year.to_string(),
        Some(super::timeline::PartOfYear::Quarter(q)) => format!("{} Q{q}", point.year),
        Some(super::timeline::PartOfYear::Month(m)) => format!("{} month {m}", point.year),
    }
}

mod notes;

#[cfg(test)]
mod tests;
