//! Filtering the grid's rows by category letter, scope and text; and the toolbar that sets it.

use std::collections::BTreeSet;

use crate::model::{Document, Domain, Id, Roadblock, TimelineEntry};
use crate::ui::grid::cells::find_ignoring_case;
use crate::ui::i18n::{Key, Lang, tr};
use crate::ui::selection::Selection;

/// Which rows the grid shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Filter {
    /// Show roadblocks tagged with any of these letters; empty shows all.
    pub categories: BTreeSet<char>,
    /// Show only roadblocks of this scope (共通, 医療機器 …).
    pub scope: Option<String>,
    /// Show only rows containing this text (and highlight it).
    pub search: String,
    /// Rows (roadblock ids, or a domain without roadblocks) shown whatever the filter says: what
    /// was selected or added while the filter hid it. Emptied when the filter changes.
    pub keep_shown: BTreeSet<Id>,
}

impl Filter {
    /// Whether any filter is set.
    #[must_use]
    pub fn is_active(&self) -> bool {
        !self.categories.is_empty() || self.scope.is_some() || !self.search.is_empty()
    }

    fn matches_text(&self, text: &str) -> bool {
        find_ignoring_case(text, &self.search).is_some()
    }

    /// Whether the roadblock's own texts, or an entry drawn on its row, contain the search text.
    fn row_matches_search(&self, domain: &Domain, roadblock: &Roadblock) -> bool {
        [&roadblock.scope, &roadblock.title]
            .into_iter()
            .any(|t| self.matches_text(t))
            || roadblock.description.iter().any(|t| self.matches_text(t))
            || roadblock
                .done
                .iter()
                .chain(&roadblock.actions)
                .any(|item| self.matches_text(&item.text))
            || domain
                .entries
                .iter()
                .filter(|e| e.rows.contains(&roadblock.id))
                .any(|e| self.matches_text(&e.label) || self.matches_text(&e.detail))
    }

    /// Whether the domain's name, or an entry spanning the whole domain, contains the search text.
    fn domain_matches_search(&self, domain: &Domain) -> bool {
        self.matches_text(&domain.name)
            || domain
                .entries
                .iter()
                .filter(|e| e.rows.is_empty())
                .any(|e| self.matches_text(&e.label) || self.matches_text(&e.detail))
    }

    /// Whether a roadblock row is shown. A text search shows the rows that contain it; when
    /// only the domain's name (or a domain-wide entry) contains it, all the domain's rows.
    #[must_use]
    pub fn shows_roadblock(&self, domain: &Domain, roadblock: &Roadblock) -> bool {
        if self.keep_shown.contains(&roadblock.id) {
            return true;
        }
        let category_ok = self.categories.is_empty()
            || roadblock
                .categories
                .iter()
                .any(|c| self.categories.contains(c));
        let scope_ok = self
            .scope
            .as_ref()
            .is_none_or(|scope| &roadblock.scope == scope);
        let search_ok = self.search.is_empty()
            || self.row_matches_search(domain, roadblock)
            || (self.domain_matches_search(domain)
                && !domain
                    .roadblocks
                    .iter()
                    .any(|r| self.row_matches_search(domain, r)));
        category_ok && scope_ok && search_ok
    }

    /// Whether a domain is shown: when any of its roadblocks is, or (a domain without
    /// roadblocks, as in a timeline-only roadmap) when only the text search is set and matches.
    #[must_use]
    pub fn shows_domain(&self, domain: &Domain) -> bool {
        if domain.roadblocks.is_empty() {
            return self.keep_shown.contains(&domain.id)
                || self.categories.is_empty()
                    && self.scope.is_none()
                    && (self.search.is_empty() || self.domain_matches_search(domain));
        }
        domain
            .roadblocks
            .iter()
            .any(|r| self.shows_roadblock(domain, r))
    }

    /// Whether a timeline entry is shown: when any row it spans is (or its domain, for an
    /// entry that spans the whole domain).
    #[must_use]
    pub fn shows_entry(&self, domain: &Domain, entry: &TimelineEntry) -> bool {
        if entry.rows.is_empty() {
            return self.shows_domain(domain);
        }
        entry
            .rows
            .iter()
            .filter_map(|id| domain.roadblock(id))
            .any(|r| self.shows_roadblock(domain, r))
    }
}

impl Filter {
    /// Whether the filter hides nothing of `other` but the rows it keeps shown: the same
    /// categories, scope and search.
    #[must_use]
    pub fn same_criteria(&self, other: &Filter) -> bool {
        self.categories == other.categories
            && self.scope == other.scope
            && self.search == other.search
    }

    /// Lets `selection` through when the filter would hide it — a roadblock added below a
    /// filtered row, a bar or row chosen in the panel or by 検索と置換 — so what is selected and
    /// edited is always on screen. Rows once let through stay until the filter changes.
    /// Returns whether a row was let through now (the grid then scrolls to it).
    pub fn keep_selection_shown(&mut self, document: &Document, selection: &Selection) -> bool {
        if !self.is_active() {
            return false;
        }
        let before = self.keep_shown.len();
        for domain in &document.domains {
            let row_or_domain = || {
                domain
                    .roadblocks
                    .first()
                    .map_or_else(|| domain.id.clone(), |r| r.id.clone())
            };
            let pins: Vec<Id> = match selection {
                Selection::Domain(id) if *id == domain.id && !self.shows_domain(domain) => {
                    vec![row_or_domain()]
                }
                Selection::Entry(id) => match domain.entries.iter().find(|e| &e.id == id) {
                    Some(entry) if !self.shows_entry(domain, entry) => {
                        let rows: Vec<Id> = entry
                            .rows
                            .iter()
                            .filter(|row| domain.roadblock(row).is_some())
                            .cloned()
                            .collect();
                        if rows.is_empty() {
                            vec![row_or_domain()]
                        } else {
                            rows
                        }
                    }
                    _ => Vec::new(),
                },
                Selection::Roadblock(id) | Selection::Item(id) => domain
                    .roadblocks
                    .iter()
                    .find(|r| &r.id == id || r.done.iter().chain(&r.actions).any(|i| &i.id == id))
                    .filter(|r| !self.shows_roadblock(domain, r))
                    .map(|r| vec![r.id.clone()])
                    .unwrap_or_default(),
                Selection::Domain(_) => Vec::new(),
            };
            self.keep_shown.extend(pins);
        }
        self.keep_shown.len() > before
    }
}

/// The scopes used in a document, in first-use order.
#[must_use]
pub fn scopes(document: &Document) -> Vec<String> {
    let mut scopes: Vec<String> = Vec::new();
    for roadblock in document.domains.iter().flat_map(|d| &d.roadblocks) {
        if !scopes.contains(&roadblock.scope) {
            scopes.push(roadblock.scope.clone());
        }
    }
    scopes
}

/// The id of the search field, so Ctrl+F can focus it.
#[must_use]
pub fn search_field_id() -> egui::Id {
    egui::Id::unique("koteihyo-search")
}

/// The filter toolbar: category toggles, scope choice, search field.
pub fn filter_toolbar_ui(ui: &mut egui::Ui, filter: &mut Filter, document: &Document, lang: Lang) {
    let before = filter.clone();
    toolbar_contents_ui(ui, filter, document, lang);
    if !filter.same_criteria(&before) {
        filter.keep_shown.clear();
    }
}

fn toolbar_contents_ui(ui: &mut egui::Ui, filter: &mut Filter, document: &Document, lang: Lang) {
    ui.horizontal_wrapped(|ui| {
        ui.label(tr(lang, Key::FilterCategories));
        for category in &document.legend.categories {
            let mut on = filter.categories.contains(&category.letter);
            let response = ui
                .toggle_value(&mut on, category.letter.to_string())
                .on_hover_text(&category.text);
            if response.changed() {
                if on {
                    filter.categories.insert(category.letter);
                } else {
                    filter.categories.remove(&category.letter);
                }
            }
        }
        ui.separator();
        let scope_name = ui.label(tr(lang, Key::FilterScope));
        let all = tr(lang, Key::FilterScopeAll);
        egui::ComboBox::from_id_salt("koteihyo-scope")
            .selected_text(filter.scope.as_deref().unwrap_or(all))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut filter.scope, None, all);
                for scope in scopes(document) {
                    ui.selectable_value(&mut filter.scope, Some(scope.clone()), scope);
                }
            })
            .response
            .labelled_by(scope_name.id);
        ui.separator();
        let name = ui.label(tr(lang, Key::FilterSearch));
        ui.add(
            egui::TextEdit::singleline(&mut filter.search)
                .id(search_field_id())
                .hint_text("Ctrl+F")
                .desired_width(180.0),
        )
        .labelled_by(name.id);
        if filter.is_active() && ui.button(tr(lang, Key::CommandClearFilters)).clicked() {
            *filter = Filter::default();
        }
        if filter.is_active() && !filter.keep_shown.is_empty() {
            ui.label(tr(lang, Key::FilterKeepsSelection))
                .on_hover_text(tr(lang, Key::FilterKeepsSelectionHint));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Roadblock;

    fn domain() -> Domain {
        let roadblock = |id: &str, scope: &str, letters: &[char], title: &str| Roadblock {
            id: id.into(),
            scope: scope.into(),
            title: title.into(),
            categories: letters.iter().copied().collect(),
            ..Roadblock::default()
        };
        Domain {
            id: "d".into(),
            name: "IRB".into(),
            roadblocks: vec![
                roadblock("a", "共通", &['A'], "法改正"),
                roadblock("b", "医療機器", &['C', 'D'], "周知"),
            ],
            ..Domain::default()
        }
    }

    #[test]
    fn category_scope_and_text() {
        let d = domain();
        let shown = |f: &Filter| {
            d.roadblocks
                .iter()
                .filter(|r| f.shows_roadblock(&d, r))
                .map(|r| r.id.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(shown(&Filter::default()), ["a", "b"]);
        assert_eq!(
            shown(&Filter {
                categories: ['A'].into(),
                ..Filter::default()
            }),
            ["a"]
        );
        assert_eq!(
            shown(&Filter {
                categories: ['D', 'A'].into(),
                ..Filter::default()
            }),
            ["a", "b"]
        );
        assert_eq!(
            shown(&Filter {
                scope: Some("医療機器".into()),
                ..Filter::default()
            }),
            ["b"]
        );
        assert_eq!(
            shown(&Filter {
                search: "周知".into(),
                ..Filter::default()
            }),
            ["b"]
        );
        assert_eq!(
            shown(&Filter {
                search: "irb".into(),
                ..Filter::default()
            }),
            ["a", "b"],
            "only the domain name matches"
        );
        let mut named = d.clone();
        named.name = "周知".into();
        let rows = |f: &Filter| {
            named
                .roadblocks
                .iter()
                .filter(|r| f.shows_roadblock(&named, r))
                .count()
        };
        assert_eq!(
            rows(&Filter {
                search: "周知".into(),
                ..Filter::default()
            }),
            1,
            "a matching row wins over the name"
        );
        assert!(
            !Filter {
                categories: ['E'].into(),
                ..Filter::default()
            }
            .shows_domain(&d)
        );
    }

    #[test]
    fn the_selection_is_let_through_until_the_filter_changes() {
        let mut d = domain();
        d.entries.push(TimelineEntry {
            id: "t".into(),
            rows: vec!["b".into()],
            ..crate::edit::new_entry(&Document::default(), &"d".into(), 2022, Vec::new(), "")
        });
        let document = Document {
            domains: vec![d.into()],
            ..Document::default()
        };
        let d = &document.domains[0];
        let mut filter = Filter {
            categories: ['A'].into(),
            ..Filter::default()
        };
        assert!(!filter.keep_selection_shown(&document, &Selection::Roadblock("a".into())));
        assert!(filter.keep_shown.is_empty(), "a shown row needs nothing");
        assert!(filter.keep_selection_shown(&document, &Selection::Entry("t".into())));
        assert!(filter.shows_roadblock(d, &d.roadblocks[1]), "the bar's row");
        assert!(filter.shows_entry(d, &d.entries[0]));
        assert!(filter.is_active(), "the filter itself is unchanged");
        let mut none = Filter::default();
        assert!(!none.keep_selection_shown(&document, &Selection::Roadblock("b".into())));
        assert!(none.keep_shown.is_empty(), "no filter, nothing kept");
    }
}
