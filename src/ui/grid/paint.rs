//! Draws the visible part of the grid and turns clicks into selections. Every cell and bar
//! is an accessible widget labelled with its text, so tests and screen readers can find it.

use egui::{Color32, CursorIcon, Pos2, Rect, Sense, Shape, Stroke, Ui, WidgetInfo, pos2, vec2};

use super::cells::{Block, CellText, PAD};
use super::layout::{BLOCK_GAP, ColumnWidths, DomainGeom, GridColumn, GridLayout, entry_shape};
use crate::model::{ColumnKind, Document, TimelineEntry};
use crate::ui::selection::Selection;

/// What painting the grid produced this frame.
#[derive(Debug, Default)]
pub struct GridOutput {
    /// A block or bar that was clicked.
    pub clicked: Option<Selection>,
    /// Whether a column was resized (the layout must be recomputed).
    pub resized: bool,
    /// Edits made on the grid (dragging a bar, adding an entry), with their undo merge keys.
    pub edits: Vec<(crate::edit::Edit, Option<crate::edit::MergeKey>)>,
    /// A drag or an in-place edit ended: the next edit starts a new undo step.
    pub end_merge: bool,
    /// What to select once the edits are applied (a new entry).
    pub selected_after_edit: Option<Selection>,
    /// A block was double-clicked: edit its field in place, over this screen rectangle.
    pub edit_in_place: Option<(super::in_place::TextField, Rect)>,
    /// The bottom of the part of the grid in view (grid coordinates, below the header).
    pub seen_until: f32,
}

/// Colours of the grid's lines and bars.
struct Ink {
    line: Stroke,
    domain_line: Stroke,
    header_fill: Color32,
    bar_fill: Color32,
    bar_stroke: Stroke,
    selection_fill: Color32,
    selection_stroke: Stroke,
}

impl Ink {
    fn new(ui: &Ui) -> Self {
        let visuals = ui.visuals();
        let dark = visuals.dark_mode;
        Self {
            line: Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color),
            domain_line: Stroke::new(1.5, visuals.widgets.active.bg_stroke.color),
            header_fill: if dark {
                Color32::from_rgb(30, 45, 70)
            } else {
                Color32::from_rgb(218, 228, 242)
            },
            bar_fill: if dark {
                Color32::from_rgb(35, 70, 110)
            } else {
                Color32::from_rgb(214, 234, 252)
            },
            bar_stroke: Stroke::new(
                1.0,
                if dark {
                    Color32::from_rgb(90, 150, 220)
                } else {
                    Color32::from_rgb(40, 100, 180)
                },
            ),
            selection_fill: visuals.selection.bg_fill.gamma_multiply(0.35),
            selection_stroke: Stroke::new(2.0, visuals.selection.stroke.color),
        }
    }
}

/// Paints the grid in a scroll area; `scroll_to` brings a selection into view.
pub fn grid_ui(
    ui: &mut Ui,
    document: &Document,
    layout: &GridLayout,
    widths: &mut ColumnWidths,
    text: &CellText<'_>,
    selection: Option<&Selection>,
    scroll_to: Option<&Selection>,
) -> GridOutput {
    let mut output = GridOutput::default();
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, viewport| {
            let origin = ui.min_rect().min;
            let size = vec2(layout.width, layout.header_height + layout.body_height);
            ui.allocate_rect(Rect::from_min_size(origin, size), Sense::hover());
            let ink = Ink::new(ui);
            let painter = ui.painter().clone();
            let to_screen = |rect: Rect| rect.translate(origin.to_vec2());
            output.seen_until = viewport.max.y;
            for domain in &layout.domains {
                let top = layout.header_height + domain.top;
                if top > viewport.max.y || top + domain.height < viewport.min.y {
                    continue;
                }
                let scene = Scene {
                    document,
                    layout,
                    text,
                    ink: &ink,
                    selection,
                    origin,
                };
                domain_ui(ui, &scene, domain, viewport, &mut output);
            }
            if let Some(target) = scroll_to.and_then(|s| selection_rect(document, layout, s)) {
                ui.scroll_to_rect(to_screen(target), None);
            }
            // The header stays at the top of the view, drawn over the rows, in the words of the
            // domain under it (⑦ says 「対応済みの事項」), as each printed page does.
            let header_top = viewport.min.y.max(0.0);
            let overrides = layout
                .domains
                .iter()
                .find(|d| d.top + d.height > header_top)
                .and_then(|d| document.domains.get(d.domain))
                .map(|d| &d.header_overrides);
            header_ui(
                ui,
                layout,
                (widths, overrides),
                text,
                &ink,
                origin + vec2(0.0, header_top),
                &mut output,
            );
            painter.line_segment(
                [
                    origin + vec2(0.0, header_top + layout.header_height),
                    origin + vec2(layout.width, header_top + layout.header_height),
                ],
                ink.domain_line,
            );
        });
    output
}

/// Whether a row from `top` (screen y) of `height` is in the viewport (grid coordinates).
fn visible(top: f32, height: f32, origin: Pos2, viewport: Rect) -> bool {
    top <= origin.y + viewport.max.y && top + height >= origin.y + viewport.min.y
}

/// An accessible, clickable area labelled `label`.
fn clickable(ui: &Ui, rect: Rect, id: egui::Id, label: &str) -> egui::Response {
    let response = ui.interact(rect, id, Sense::click());
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, label));
    response
}

/// Lays out and draws a stack of blocks in `rect`; returns each block's rectangle.
fn draw_blocks(ui: &Ui, blocks: Vec<Block>, rect: Rect) -> Vec<(Rect, Block)> {
    let mut y = rect.min.y + PAD;
    let mut out = Vec::new();
    for block in blocks {
        let job = super::wrap::wrap_job(
            ui.painter(),
            &block.job,
            GridLayout::wrap_width(rect.width(), block.indent),
        );
        let galley = ui.painter().layout_job(job);
        let at = pos2(rect.min.x + PAD + block.indent, y);
        let block_rect = Rect::from_min_size(at, galley.size());
        y += galley.size().y + BLOCK_GAP;
        ui.painter().galley(at, galley, Color32::PLACEHOLDER);
        out.push((block_rect, block));
    }
    out
}

/// What every part of the grid is painted with, this frame.
struct Scene<'a> {
    document: &'a Document,
    layout: &'a GridLayout,
    text: &'a CellText<'a>,
    ink: &'a Ink,
    selection: Option<&'a Selection>,
    /// The grid's top-left corner on screen.
    origin: Pos2,
}

fn domain_ui(
    ui: &Ui,
    scene: &Scene<'_>,
    geom: &DomainGeom,
    viewport: Rect,
    output: &mut GridOutput,
) {
    let Scene {
        document,
        layout,
        text,
        ink,
        selection,
        origin,
    } = *scene;
    let domain = &document.domains[geom.domain];
    let painter = ui.painter();
    let top = origin.y + layout.header_height + geom.top;
    let domain_rect = Rect::from_min_size(pos2(origin.x, top), vec2(layout.width, geom.height));
    for column in &layout.columns {
        let x = origin.x + column.x;
        painter.line_segment([pos2(x, top), pos2(x, top + geom.height)], ink.line);
        match &column.column {
            GridColumn::Table(ColumnKind::Domain) => {
                let cell = Rect::from_min_size(pos2(x, top), vec2(column.width, geom.height));
                if selection == Some(&Selection::Domain(domain.id.clone())) {
                    painter.rect_filled(cell, 0.0, ink.selection_fill);
                }
                let visible_top = origin.y + viewport.min.y + layout.header_height;
                domain_cell_ui(ui, domain, text, cell, visible_top, output);
            }
            GridColumn::Table(ColumnKind::Text(id)) if column.spans_domain => {
                let cell = Rect::from_min_size(pos2(x, top), vec2(column.width, geom.height));
                if selection == Some(&Selection::Domain(domain.id.clone())) {
                    painter.rect_filled(cell, 0.0, ink.selection_fill);
                }
                domain_text_ui(ui, domain, id, text, cell, output);
            }
            GridColumn::Table(kind) => {
                for row in &geom.rows {
                    let row_top = top + row.top;
                    if !visible(row_top, row.height, origin, viewport) {
                        continue;
                    }
                    let roadblock = &domain.roadblocks[row.roadblock];
                    let cell =
                        Rect::from_min_size(pos2(x, row_top), vec2(column.width, row.height));
                    roadblock_cell_ui(ui, scene, domain, roadblock, kind, cell, output);
                    let y = row_top + row.height;
                    painter.line_segment([pos2(x, y), pos2(x + column.width, y)], ink.line);
                }
            }
            GridColumn::Year(_) => {}
        }
    }
    for row in &geom.rows {
        let row_top = top + row.top;
        if !visible(row_top, row.height, origin, viewport) {
            continue;
        }
        let area = Rect::from_min_max(
            pos2(origin.x + layout.years_x, row_top),
            pos2(origin.x + layout.width, row_top + row.height),
        );
        let roadblock = &domain.roadblocks[row.roadblock];
        super::interact::year_area_ui(
            ui, document, domain, roadblock, layout, area, text.lang, output,
        );
    }
    let right = origin.x + layout.width;
    painter.line_segment([pos2(right, top), pos2(right, top + geom.height)], ink.line);
    for entry_geom in &geom.entries {
        let rect = entry_geom.rect.translate(vec2(origin.x, top));
        // Only the bars in view are drawn (a crowded domain holds thousands).
        if !visible(rect.top(), rect.height(), origin, viewport) {
            continue;
        }
        let entry = &domain.entries[entry_geom.entry];
        let selected = selection == Some(&Selection::Entry(entry.id.clone()));
        entry_ui(
            ui,
            (document, domain),
            entry,
            rect,
            text,
            ink,
            selected,
            layout.year_width,
            output,
        );
    }
    painter.line_segment(
        [domain_rect.left_bottom(), domain_rect.right_bottom()],
        ink.domain_line,
    );
}

/// One roadblock's cell in column `kind`: its blocks, each selectable (click), editable in place
/// (double-click), draggable to reorder rows, with a context menu.
fn roadblock_cell_ui(
    ui: &Ui,
    scene: &Scene<'_>,
    domain: &crate::model::Domain,
    roadblock: &crate::model::Roadblock,
    kind: &ColumnKind,
    cell: Rect,
    output: &mut GridOutput,
) {
    let Scene {
        document,
        layout,
        text,
        ink,
        selection,
        origin,
    } = *scene;
    let painter = ui.painter();
    let selected_row = selection == Some(&Selection::Roadblock(roadblock.id.clone()));
    if selected_row {
        painter.rect_filled(cell, 0.0, ink.selection_fill);
    }
    for (index, (rect, block)) in draw_blocks(
        ui,
        text.roadblock_cell(roadblock, kind, &document.note_marks(&roadblock.notes)),
        cell,
    )
    .into_iter()
    .enumerate()
    {
        if !selected_row && selection == Some(&block.selects) {
            painter.rect_filled(rect.expand(1.0), 2.0, ink.selection_fill);
        }
        let id = egui::Id::unique(("cell", &roadblock.id, kind, index));
        let response = ui.interact(rect, id, Sense::click_and_drag());
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &block.plain));
        super::interact::row_drag(ui, &response, document, layout, origin, roadblock, output);
        if response.clicked() {
            output.clicked = Some(block.selects.clone());
        }
        if response.double_clicked() {
            output.edit_in_place = block.field.clone().map(|field| (field, rect));
        }
        super::interact::roadblock_menu(&response, document, domain, roadblock, text.lang, output);
    }
}

/// A domain's cell in a text column of domain cells (担当府省): its lines from the top, each a
/// selectable block labelled with its text; click selects the domain.
fn domain_text_ui(
    ui: &Ui,
    domain: &crate::model::Domain,
    column: &crate::model::Id,
    text: &CellText<'_>,
    cell: Rect,
    output: &mut GridOutput,
) {
    for (index, (rect, block)) in draw_blocks(ui, text.domain_text(domain, column), cell)
        .into_iter()
        .enumerate()
    {
        let response = clickable(
            ui,
            rect,
            egui::Id::unique(("domain-cell", &domain.id, column, index)),
            &block.plain,
        );
        if response.clicked() {
            output.clicked = Some(block.selects.clone());
        }
        if response.double_clicked() {
            output.edit_in_place = block.field.clone().map(|field| (field, rect));
        }
    }
}

/// The domain cell: 「①」 and the name, kept in view while a tall domain scrolls under the
/// header; click selects, double-click edits the name in place.
fn domain_cell_ui(
    ui: &Ui,
    domain: &crate::model::Domain,
    text: &CellText<'_>,
    cell: Rect,
    visible_top: f32,
    output: &mut GridOutput,
) {
    let block = text.domain(domain);
    let field = block.field.clone();
    let label = block.plain.clone();
    let label_top = cell
        .min
        .y
        .max(visible_top)
        .min(cell.max.y - 2.0 * PAD - 40.0)
        .max(cell.min.y);
    draw_blocks(
        ui,
        vec![block],
        Rect::from_min_max(pos2(cell.min.x, label_top), cell.max),
    );
    let response = clickable(ui, cell, egui::Id::unique(("domain", &domain.id)), &label);
    if response.clicked() {
        output.clicked = Some(Selection::Domain(domain.id.clone()));
    }
    if response.double_clicked() {
        output.edit_in_place = field.map(|field| (field, cell));
    }
}

#[allow(clippy::too_many_arguments)] // one bar's place, state and painting context
fn entry_ui(
    ui: &Ui,
    (document, domain): (&Document, &crate::model::Domain),
    entry: &TimelineEntry,
    rect: Rect,
    text: &CellText<'_>,
    ink: &Ink,
    selected: bool,
    year_width: f32,
    output: &mut GridOutput,
) {
    let painter = ui.painter();
    let stroke = if selected {
        ink.selection_stroke
    } else {
        ink.bar_stroke
    };
    // The printed page's shape (export::entry_shape): a box, an arrow head, or a diamond in
    // the printed milestone's colour.
    let shape = entry_shape(entry, rect);
    let points: Vec<Pos2> = shape.outline.iter().map(|p| pos2(p.x, p.y)).collect();
    if shape.diamond {
        let (_, outline) = crate::export::layout::palette::entry(entry.kind);
        let fill = Color32::from_rgb(outline.0, outline.1, outline.2);
        let stroke = if selected { stroke } else { Stroke::NONE };
        painter.add(Shape::convex_polygon(points, fill, stroke));
    } else {
        painter.add(Shape::convex_polygon(points, ink.bar_fill, stroke));
    }
    // The box without its head (a milestone's whole rectangle): what dragging its ends and
    // editing in place use.
    let body = if shape.diamond {
        rect
    } else {
        Rect::from_min_max(rect.min, pos2(shape.outline[1].x, rect.max.y))
    };
    let (label, detail) = text.entry(entry, &document.note_marks(&entry.notes));
    let accessible = label.plain.clone();
    let mut blocks = vec![label];
    blocks.extend(detail);
    // `draw_blocks` pads its rectangle: the label lands where the shape places it.
    let label_area = Rect::from_min_max(
        pos2(shape.text_x - PAD, shape.text_top - PAD),
        pos2(shape.text_x + shape.text_width.max(30.0) + PAD, rect.max.y),
    );
    draw_blocks(ui, blocks, label_area);
    let response = ui.interact(
        rect,
        egui::Id::unique(("entry", &entry.id)),
        Sense::click_and_drag(),
    );
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &accessible));
    // Its years in the document's style (令和４年度～令和６年度以降) and its label.
    let response = response.on_hover_text(format!(
        "{}\n{accessible}",
        entry.period_label(&document.timeline)
    ));
    super::interact::entry_drag(ui, &response, entry, body, year_width, output);
    if response.clicked() {
        output.clicked = Some(Selection::Entry(entry.id.clone()));
    }
    if response.double_clicked() {
        output.edit_in_place = Some((
            super::in_place::TextField::EntryLabel(entry.id.clone()),
            body,
        ));
    }
    super::interact::entry_menu(&response, document, domain, entry, text.lang, output);
}

fn header_ui(
    ui: &Ui,
    layout: &GridLayout,
    (widths, overrides): (
        &mut ColumnWidths,
        Option<&std::collections::BTreeMap<ColumnKind, String>>,
    ),
    text: &CellText<'_>,
    ink: &Ink,
    at: Pos2,
    output: &mut GridOutput,
) {
    let painter = ui.painter();
    let header = Rect::from_min_size(at, vec2(layout.width, layout.header_height));
    painter.rect_filled(header, 0.0, ink.header_fill);
    for column in &layout.columns {
        let cell = Rect::from_min_size(
            at + vec2(column.x, 0.0),
            vec2(column.width, layout.header_height),
        );
        painter.line_segment([cell.left_top(), cell.left_bottom()], ink.line);
        let header = match &column.column {
            GridColumn::Table(kind) => overrides
                .and_then(|o| o.get(kind))
                .unwrap_or(&column.header),
            GridColumn::Year(_) => &column.header,
        };
        let mut job = egui::text::LayoutJob::default();
        text.append(&mut job, header, text.palette.text);
        job.halign = egui::Align::Center;
        let job = super::wrap::wrap_job(painter, &job, GridLayout::wrap_width(column.width, 0.0));
        let galley = painter.layout_job(job);
        painter.galley(
            pos2(cell.center().x, cell.min.y + PAD),
            galley,
            Color32::PLACEHOLDER,
        );
        let id = egui::Id::unique(("header", column.x.to_bits()));
        // A hover-only area gets no accessibility node; the header is clickable (to nothing) so
        // that screen readers and tests find its label.
        let response = ui.interact(cell.shrink2(vec2(4.0, 0.0)), id, Sense::click());
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, header));
        // The right edge of each column drags to resize it.
        let handle = Rect::from_center_size(cell.right_center(), vec2(6.0, cell.height()));
        let drag = ui
            .interact(handle, id.with("resize"), Sense::drag())
            .on_hover_cursor(CursorIcon::ResizeHorizontal);
        if drag.dragged() {
            let delta = drag.drag_delta().x;
            let width = match &column.column {
                GridColumn::Table(kind) => widths.table.entry(kind.clone()).or_insert(column.width),
                GridColumn::Year(_) => &mut widths.year,
            };
            *width = (*width + delta).clamp(30.0, 1200.0);
            output.resized = true;
        }
    }
}

/// The rectangle (grid coordinates) of a selection, for scrolling to it.
#[must_use]
pub fn selection_rect(
    document: &Document,
    layout: &GridLayout,
    selection: &Selection,
) -> Option<Rect> {
    for geom in &layout.domains {
        let domain = &document.domains[geom.domain];
        let top = layout.header_height + geom.top;
        match selection {
            Selection::Domain(id) if &domain.id == id => {
                return Some(Rect::from_min_size(
                    pos2(0.0, top),
                    vec2(layout.width, geom.height.min(200.0)),
                ));
            }
            Selection::Entry(id) => {
                if let Some(entry) = geom
                    .entries
                    .iter()
                    .find(|e| &domain.entries[e.entry].id == id)
                {
                    return Some(entry.rect.translate(vec2(0.0, top)));
                }
            }
            Selection::Roadblock(id) | Selection::Item(id) => {
                for row in &geom.rows {
                    let roadblock = &domain.roadblocks[row.roadblock];
                    let holds = &roadblock.id == id
                        || roadblock
                            .done
                            .iter()
                            .chain(&roadblock.actions)
                            .any(|i| &i.id == id);
                    if holds {
                        return Some(layout.row_rect(geom, row));
                    }
                }
            }
            Selection::Domain(_) => {}
        }
    }
    None
}
