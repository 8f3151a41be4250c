//! The central grid: domains × fiscal years, as the seed's tables. The layout is cached and
//! recomputed only when the document, the filter, the widths, the zoom or the theme change;
//! after an edit only the domains that changed are laid out again (`DomainMemo`).

pub mod cells;
pub mod in_place;
pub mod interact;
pub mod layout;
pub mod paint;
pub mod wrap;

use cells::{CellText, Palette};
use std::time::{Duration, Instant};

use layout::{Budget, ColumnWidths, DomainMemo, GridLayout};
use paint::GridOutput;

use crate::model::Document;
use crate::ui::filter::Filter;
use crate::ui::selection::Selection;

/// What the cached layout was computed from.
#[derive(Debug, Clone, PartialEq)]
struct LayoutKey {
    generation: u64,
    filter: Filter,
    widths: Vec<u32>,
    pixels_per_point: u32,
    dark_mode: bool,
}

/// What every domain's layout depends on besides the domain itself: when it changes, no
/// domain's geometry can be reused.
#[derive(Debug, Clone, PartialEq)]
struct SharedKey {
    filter: Filter,
    widths: Vec<u32>,
    pixels_per_point: u32,
    dark_mode: bool,
    lang: crate::ui::i18n::Lang,
    columns: Vec<crate::model::Column>,
    timeline: crate::model::Timeline,
    notes: Vec<crate::model::Id>,
}

/// How long a frame may spend laying out domains beyond the view: the first frame of a file,
/// then each following frame until every domain is laid out.
const FIRST_FRAME_BUDGET: Duration = Duration::from_millis(40);
const FILL_BUDGET: Duration = Duration::from_millis(6);
/// Roadmaps with fewer domains (the seed has 9) are laid out whole in one frame.
const PROGRESSIVE_FROM: usize = 50;

/// The grid's runtime state.
#[derive(Default)]
pub struct GridView {
    /// The layout, what it was computed from, and whether every domain in it is laid out (a
    /// large roadmap is filled in over several frames).
    cache: Option<(LayoutKey, GridLayout, bool)>,
    /// The bottom of the part of the grid last in view (grid coordinates).
    seen_until: Option<f32>,
    /// Each domain's geometry as last laid out, valid for `shared`.
    memo: (Option<SharedKey>, DomainMemo),
    in_place: Option<in_place::InPlace>,
}

impl GridView {
    /// Shows the grid of `document`; `generation` changes whenever the document does.
    #[allow(clippy::too_many_arguments)] // the grid's inputs, each distinct
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        document: &Document,
        generation: u64,
        filter: &Filter,
        widths: &mut ColumnWidths,
        selection: Option<&Selection>,
        scroll_to: Option<&Selection>,
        lang: crate::ui::i18n::Lang,
    ) -> GridOutput {
        let text = CellText {
            palette: Palette::from_visuals(ui.visuals()),
            search: &filter.search,
            lang,
        };
        let key = LayoutKey {
            generation,
            filter: filter.clone(),
            widths: widths.key(),
            pixels_per_point: ui.pixels_per_point().to_bits(),
            dark_mode: ui.visuals().dark_mode,
        };
        // When the filter changes (cleared, narrowed), the selection stays in view rather
        // than the grid keeping a scroll offset that now shows other rows.
        let filter_changed = self
            .cache
            .as_ref()
            .is_some_and(|(cached, _, _)| !cached.filter.same_criteria(filter));
        let scroll_to = scroll_to.or(selection.filter(|_| filter_changed));
        let layout = match &self.cache {
            Some((cached, layout, true)) if *cached == key => layout,
            _ => {
                let shared = SharedKey {
                    filter: key.filter.clone(),
                    widths: key.widths.clone(),
                    pixels_per_point: key.pixels_per_point,
                    dark_mode: key.dark_mode,
                    lang,
                    columns: document.columns.clone(),
                    timeline: document.timeline.clone(),
                    notes: document.notes.iter().map(|n| n.id.clone()).collect(),
                };
                let (kept, memo) = &mut self.memo;
                if kept.as_ref() != Some(&shared) {
                    memo.clear();
                    *kept = Some(shared);
                }
                // What is in view (and two screens below it) is always laid out exactly; the
                // rest within a time budget, the remainder in the next frames.
                let view = ui.available_height().max(1.0);
                let mut budget = if document.domains.len() < PROGRESSIVE_FROM {
                    Budget::unlimited()
                } else {
                    Budget {
                        exact_until: self.seen_until.unwrap_or(0.0) + 2.0 * view,
                        deadline: Some(
                            Instant::now()
                                + if self.cache.is_none() {
                                    FIRST_FRAME_BUDGET
                                } else {
                                    FILL_BUDGET
                                },
                        ),
                        complete: true,
                    }
                };
                let layout = GridLayout::compute_reusing(
                    document,
                    filter,
                    widths,
                    &text,
                    ui.painter(),
                    memo,
                    &mut budget,
                );
                if !budget.complete {
                    ui.ctx().request_repaint();
                }
                &self.cache.insert((key, layout, budget.complete)).1
            }
        };
        let mut output = paint::grid_ui(ui, document, layout, widths, &text, selection, scroll_to);
        self.seen_until = Some(output.seen_until);
        if let Some((field, rect)) = output.edit_in_place.take() {
            self.in_place = in_place::InPlace::open(document, field, rect);
        }
        if let Some(editor) = &mut self.in_place
            && !in_place::in_place_ui(ui, document, editor, &mut output)
        {
            self.in_place = None;
        }
        if output.resized {
            self.cache = None;
            self.memo.0 = None;
        }
        output
    }

    /// Whether a cell is being edited in place (its keys, Escape too, belong to the editor).
    #[must_use]
    pub fn is_editing(&self) -> bool {
        self.in_place.is_some()
    }

    /// The current layout, if the grid has been shown.
    #[must_use]
    pub fn layout(&self) -> Option<&GridLayout> {
        self.cache.as_ref().map(|(_, layout, _)| layout)
    }
}
