//! 検索と置換: finding a text in every text of a document and building the edit that replaces
//! one match or all of them (one [`Edit::Batch`], so one undo step). No GUI here.

use std::ops::Range;

use crate::model::{ColumnKind, Document, Id};

use super::Edit;

/// Which text of its entity a match is in.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TextField {
    /// The document's title.
    Title,
    /// The document's subtitle.
    Subtitle,
    /// The document's date.
    Date,
    /// The 資料 label.
    MaterialLabel,
    /// The revision label.
    RevisionLabel,
    /// A dated revision note (its index).
    RevisionNote(usize),
    /// The author.
    Author,
    /// The legend's caption.
    LegendCaption,
    /// A category's text (its letter).
    Category(char),
    /// A column's header (its kind).
    ColumnHeader(ColumnKind),
    /// A fiscal-year column's header written by hand (its column).
    YearLabel(u8),
    /// A domain's name.
    DomainName,
    /// A domain's header override for a column.
    HeaderOverride(ColumnKind),
    /// A footnote's mark.
    FootnoteMark,
    /// A footnote's line (its index).
    FootnoteLine(usize),
    /// A roadblock's scope (共通・医療機器 …).
    Scope,
    /// A roadblock's title.
    RoadblockTitle,
    /// A roadblock's description bullet (its index).
    Description(usize),
    /// A done or action item's text.
    ItemText,
    /// A text column's cell (the column's id).
    Cell(Id),
    /// A timeline entry's label.
    EntryLabel,
    /// A timeline entry's detail.
    EntryDetail,
    /// A note's text.
    NoteText,
}

/// Where a text is: the entity holding it (`None` for the document's own texts — cover,
/// legend, columns, timeline) and which of its texts.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TextPlace {
    /// The domain, footnote, roadblock, item, entry or note; `None` for the document.
    pub entity: Option<Id>,
    /// The text within it.
    pub field: TextField,
}

/// What to look for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FindOptions {
    /// The text searched for (nothing is found for an empty text).
    pub query: String,
    /// 大文字と小文字を区別: `A` does not find `a` (also full-width letters).
    pub match_case: bool,
    /// 完全一致: a text matches only when it is the query as a whole.
    pub whole_text: bool,
}

/// One occurrence of the query.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TextMatch {
    /// The text it is in.
    pub place: TextPlace,
    /// Its bytes within that text.
    pub range: Range<usize>,
}

/// What replacing did: the edit to apply (none when no text changes, e.g. 「a」→「a」) and how
/// many occurrences were replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replacement {
    /// One [`Edit::Batch`] of the changed entities, or `None` when nothing changes.
    pub edit: Option<Edit>,
    /// How many occurrences were replaced.
    pub count: usize,
}

fn at(entity: &Id, field: TextField) -> TextPlace {
    TextPlace {
        entity: Some(entity.clone()),
        field,
    }
}

fn doc(field: TextField) -> TextPlace {
    TextPlace {
        entity: None,
        field,
    }
}

/// Defines a walk over every text of a document, in reading order, once for shared and once
/// for mutable access (the same order, so a match's index means the same text in both).
macro_rules! walk_texts {
    ($name:ident $(, $mutability:ident)?) => {
        fn $name(document: &$($mutability)? Document, visit: &mut dyn FnMut(TextPlace, &$($mutability)? String)) {
            let meta = &$($mutability)? document.meta;
            visit(doc(TextField::Title), &$($mutability)? meta.title);
            visit(doc(TextField::Subtitle), &$($mutability)? meta.subtitle);
            visit(doc(TextField::Date), &$($mutability)? meta.date);
            visit(doc(TextField::MaterialLabel), &$($mutability)? meta.material_label);
            visit(doc(TextField::RevisionLabel), &$($mutability)? meta.revision_label);
            for (index, note) in (&$($mutability)? meta.revision_notes).into_iter().enumerate() {
                visit(doc(TextField::RevisionNote(index)), note);
            }
            visit(doc(TextField::Author), &$($mutability)? meta.author);
            visit(doc(TextField::LegendCaption), &$($mutability)? document.legend.caption);
            for category in &$($mutability)? document.legend.categories {
                visit(doc(TextField::Category(category.letter)), &$($mutability)? category.text);
            }
            for column in &$($mutability)? document.columns {
                visit(doc(TextField::ColumnHeader(column.kind.clone())), &$($mutability)? column.header);
            }
            for (year, label) in &$($mutability)? document.timeline.label_overrides {
                visit(doc(TextField::YearLabel(*year)), label);
            }
            for domain in (&$($mutability)? document.domains).into_iter().map(|d| &$($mutability)? **d) {
                visit(at(&domain.id, TextField::DomainName), &$($mutability)? domain.name);
                for (kind, text) in &$($mutability)? domain.header_overrides {
                    visit(at(&domain.id, TextField::HeaderOverride(kind.clone())), text);
                }
                for (column, text) in &$($mutability)? domain.cells {
                    visit(at(&domain.id, TextField::Cell(column.clone())), text);
                }
                for roadblock in &$($mutability)? domain.roadblocks {
                    let id = &roadblock.id;
                    visit(at(id, TextField::Scope), &$($mutability)? roadblock.scope);
                    visit(at(id, TextField::RoadblockTitle), &$($mutability)? roadblock.title);
                    for (index, line) in (&$($mutability)? roadblock.description).into_iter().enumerate() {
                        visit(at(id, TextField::Description(index)), line);
                    }
                    for (column, text) in &$($mutability)? roadblock.cells {
                        visit(at(id, TextField::Cell(column.clone())), text);
                    }
                    for item in (&$($mutability)? roadblock.done).into_iter().chain(&$($mutability)? roadblock.actions) {
                        visit(at(&item.id, TextField::ItemText), &$($mutability)? item.text);
                    }
                }
                for entry in &$($mutability)? domain.entries {
                    visit(at(&entry.id, TextField::EntryLabel), &$($mutability)? entry.label);
                    visit(at(&entry.id, TextField::EntryDetail), &$($mutability)? entry.detail);
                }
                for footnote in &$($mutability)? domain.footnotes {
                    visit(at(&footnote.id, TextField::FootnoteMark), &$($mutability)? footnote.mark);
                    for (index, line) in (&$($mutability)? footnote.lines).into_iter().enumerate() {
                        visit(at(&footnote.id, TextField::FootnoteLine(index)), line);
                    }
                }
            }
            for note in &$($mutability)? document.notes {
                visit(at(&note.id, TextField::NoteText), &$($mutability)? note.text);
            }
        }
    };
}

walk_texts!(each_text);
walk_texts!(each_text_mut, mut);

/// A character as compared when case does not matter: its lower case when that is one
/// character (`Ａ` → `ａ`), else itself.
fn fold(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// The byte ranges of `text` that match, left to right, never overlapping.
#[must_use]
pub fn matches_in(text: &str, options: &FindOptions) -> Vec<Range<usize>> {
    let query = options.query.as_str();
    if query.is_empty() || text.is_empty() {
        return Vec::new();
    }
    if options.whole_text {
        let same = if options.match_case {
            text == query
        } else {
            text.chars().map(fold).eq(query.chars().map(fold))
        };
        return if same {
            std::iter::once(0..text.len()).collect()
        } else {
            Vec::new()
        };
    }
    if options.match_case {
        return text
            .match_indices(query)
            .map(|(start, found)| start..start + found.len())
            .collect();
    }
    let needle: Vec<char> = query.chars().map(fold).collect();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i + needle.len() <= chars.len() {
        let hit = chars[i..i + needle.len()]
            .iter()
            .zip(&needle)
            .all(|((_, c), n)| fold(*c) == *n);
        if hit {
            let end = chars
                .get(i + needle.len())
                .map_or(text.len(), |(at, _)| *at);
            found.push(chars[i].0..end);
            i += needle.len();
        } else {
            i += 1;
        }
    }
    found
}

/// Every occurrence of the query in the document's texts, in reading order (cover, legend,
/// columns, year labels, then each domain with its cells, roadblocks and items, entries and
/// footnotes, then the notes).
#[must_use]
pub fn find_all(document: &Document, options: &FindOptions) -> Vec<TextMatch> {
    let mut found = Vec::new();
    if options.query.is_empty() {
        return found;
    }
    each_text(document, &mut |place, text| {
        for range in matches_in(text, options) {
            found.push(TextMatch {
                place: place.clone(),
                range,
            });
        }
    });
    found
}

/// `text` with `ranges` (sorted, not overlapping) replaced by `by`.
fn replaced(text: &str, ranges: &[Range<usize>], by: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for range in ranges {
        out.push_str(&text[from..range.start]);
        out.push_str(by);
        from = range.end;
    }
    out.push_str(&text[from..]);
    out
}

/// 全て置換: replaces every occurrence by `by`, as one edit.
#[must_use]
pub fn replace_all(document: &Document, options: &FindOptions, by: &str) -> Replacement {
    replace_where(document, options, by, |_| true)
}

/// 置換: replaces the occurrence `index` of [`find_all`]'s list (nothing when there is none).
#[must_use]
pub fn replace_one(
    document: &Document,
    options: &FindOptions,
    by: &str,
    index: usize,
) -> Replacement {
    replace_where(document, options, by, |k| k == index)
}

fn replace_where(
    document: &Document,
    options: &FindOptions,
    by: &str,
    wanted: impl Fn(usize) -> bool,
) -> Replacement {
    let mut after = document.clone();
    let mut seen = 0;
    let mut count = 0;
    if !options.query.is_empty() {
        each_text_mut(&mut after, &mut |_, text| {
            let ranges: Vec<Range<usize>> = matches_in(text, options)
                .into_iter()
                .filter(|_| {
                    seen += 1;
                    wanted(seen - 1)
                })
                .collect();
            if !ranges.is_empty() {
                count += ranges.len();
                *text = replaced(text, &ranges, by);
            }
        });
    }
    let edits = edits_between(document, &after);
    Replacement {
        edit: (!edits.is_empty()).then_some(Edit::Batch(edits)),
        count,
    }
}

/// The edits that turn `before` into `after`, a copy whose texts alone differ (same entities in
/// the same order).
fn edits_between(before: &Document, after: &Document) -> Vec<Edit> {
    let mut edits = Vec::new();
    if before.meta != after.meta {
        edits.push(Edit::SetMeta(after.meta.clone()));
    }
    if before.legend != after.legend {
        edits.push(Edit::SetLegend(after.legend.clone()));
    }
    if before.columns != after.columns {
        edits.push(Edit::SetColumns(after.columns.clone()));
    }
    if before.timeline != after.timeline {
        edits.push(Edit::SetTimeline(after.timeline.clone()));
    }
    for (old, new) in before.domains.iter().zip(&after.domains) {
        if old.name != new.name
            || old.header_overrides != new.header_overrides
            || old.footnotes != new.footnotes
        {
            edits.push(Edit::SetDomainHeader {
                id: new.id.clone(),
                number: new.number,
                name: new.name.clone(),
                header_overrides: new.header_overrides.clone(),
                footnotes: new.footnotes.clone(),
            });
        }
        for (column, text) in &new.cells {
            if old.cells.get(column) != Some(text) {
                edits.push(Edit::SetCell {
                    owner: new.id.clone(),
                    column: column.clone(),
                    text: text.clone(),
                });
            }
        }
        for (old, new) in old.roadblocks.iter().zip(&new.roadblocks) {
            if old != new {
                // A cell emptied by the replacement is left out, as the file leaves it out.
                let mut new = new.clone();
                new.cells.retain(|_, text| !text.is_empty());
                edits.push(Edit::ReplaceRoadblock(new));
            }
        }
        for (old, new) in old.entries.iter().zip(&new.entries) {
            if old != new {
                edits.push(Edit::ReplaceEntry(new.clone()));
            }
        }
    }
    for (old, new) in before.notes.iter().zip(&after.notes) {
        if old != new {
            edits.push(Edit::ReplaceNote(new.clone()));
        }
    }
    edits
}

#[cfg(test)]
mod tests;
