//! Direct manipulation on the grid: dragging a bar (its body moves it, its ends change start and
//! end, snapped to quarters; one drag is one undo step), and right-clicking a row's fiscal-year
//! area to add an entry at that year.

use egui::{CursorIcon, Rect, Response, Sense, Ui, WidgetInfo};

use super::layout::GridLayout;
use super::paint::GridOutput;
use crate::edit::{Edit, Entity, MergeKey, Parent, new_entry};
use crate::model::{Document, Domain, DragHandle, EntryKind, Roadblock, TimelineEntry};
use crate::ui::actions::{EntryAction, RowAction, Then};
use crate::ui::i18n::{Key, Lang, tr};
use crate::ui::selection::Selection;

/// How close to a bar's end (in points) a drag changes that end instead of moving the bar.
const END_GRIP: f32 = 8.0;

/// Makes `response` (a bar's) drag the entry, queuing the edit into `output`.
pub fn entry_drag(
    ui: &Ui,
    response: &Response,
    entry: &TimelineEntry,
    body: Rect,
    year_width: f32,
    output: &mut GridOutput,
) {
    let handle_at = |x: f32| {
        if entry.kind == EntryKind::Milestone {
            DragHandle::Body
        } else if x < body.left() + END_GRIP {
            DragHandle::Start
        } else if x > body.right() - END_GRIP {
            DragHandle::End
        } else {
            DragHandle::Body
        }
    };
    if let Some(hover) = response.hover_pos() {
        let icon = match handle_at(hover.x) {
            DragHandle::Body => CursorIcon::Grab,
            DragHandle::Start | DragHandle::End => CursorIcon::ResizeHorizontal,
        };
        ui.ctx().set_cursor_icon(icon);
    }
    let memory = response.id.with("drag-start");
    if response.drag_started()
        && let Some(origin) = ui.input(|i| i.pointer.press_origin())
    {
        ui.data_mut(|data| {
            data.insert_temp(memory, (entry.clone(), handle_at(origin.x), origin.x))
        });
    }
    if response.dragged()
        && let (Some((original, handle, origin_x)), Some(pointer)) = (
            ui.data(|data| data.get_temp::<(TimelineEntry, DragHandle, f32)>(memory)),
            response.interact_pointer_pos(),
        )
    {
        let quarters = ((pointer.x - origin_x) / year_width * 4.0).round() as i32;
        let moved = original.dragged(handle, quarters);
        if moved != *entry {
            output.edits.push((
                Edit::ReplaceEntry(moved),
                Some(MergeKey(format!("drag/{}", entry.id))),
            ));
        }
    }
    if response.drag_stopped() {
        ui.data_mut(|data| data.remove::<(TimelineEntry, DragHandle, f32)>(memory));
        output.end_merge = true;
    }
}

/// The fiscal-year area of one roadblock row: right-click offers to add an entry at the year
/// under the pointer.
#[allow(clippy::too_many_arguments)] // the row's place and its document context
pub fn year_area_ui(
    ui: &Ui,
    document: &Document,
    domain: &Domain,
    roadblock: &Roadblock,
    layout: &GridLayout,
    area: Rect,
    lang: Lang,
    output: &mut GridOutput,
) {
    let new_label = tr(lang, Key::NewEntryLabel);
    let response = ui.interact(
        area,
        egui::Id::unique(("year-area", &roadblock.id)),
        Sense::click(),
    );
    response.widget_info(|| {
        WidgetInfo::labeled(egui::Role::Cell, true, format!("【{}】", roadblock.title))
    });
    let memory = response.id.with("year");
    if response.secondary_clicked()
        && let Some(pointer) = response.interact_pointer_pos()
    {
        let column = ((pointer.x - area.left()) / layout.year_width)
            .floor()
            .max(0.0) as i32;
        let year = document
            .timeline
            .first_year
            .offset(column.min(i32::from(document.timeline.years) - 1));
        ui.data_mut(|data| data.insert_temp(memory, year.0));
    }
    response.context_menu(|ui| {
        let year = ui
            .data(|data| data.get_temp::<i32>(memory))
            .unwrap_or(document.timeline.first_year.0);
        let label = crate::model::FiscalYear(year).label(document.timeline.label_style, false);
        if ui.button(format!("{label}: {new_label}")).clicked() {
            let entry = new_entry(
                document,
                &domain.id,
                year,
                vec![roadblock.id.clone()],
                new_label,
            );
            output.selected_after_edit = Some(Selection::Entry(entry.id.clone()));
            let index = domain.entries.len();
            output.edits.push((
                Edit::Insert {
                    parent: Parent::Domain(domain.id.clone()),
                    index,
                    entity: Entity::Entry(entry),
                },
                None,
            ));
            ui.close();
        }
    });
}

/// The right-click menu of a roadblock's cells: add a roadblock below, duplicate, move, delete.
pub fn roadblock_menu(
    response: &Response,
    document: &Document,
    domain: &Domain,
    roadblock: &Roadblock,
    lang: Lang,
    output: &mut GridOutput,
) {
    response.context_menu(|ui| {
        let actions = [
            RowAction::AddBelow,
            RowAction::Duplicate,
            RowAction::MoveUp,
            RowAction::MoveDown,
            RowAction::Delete,
        ];
        for action in actions {
            let button = egui::Button::new(tr(lang, action.label()));
            if ui
                .add_enabled(action.applies(domain, roadblock), button)
                .clicked()
            {
                queue(output, action.edit(document, domain, roadblock, lang));
                ui.close();
            }
        }
    });
}

/// The right-click menu of a bar: duplicate, delete.
pub fn entry_menu(
    response: &Response,
    document: &Document,
    domain: &Domain,
    entry: &TimelineEntry,
    lang: Lang,
    output: &mut GridOutput,
) {
    response.context_menu(|ui| {
        for action in [EntryAction::Duplicate, EntryAction::Delete] {
            if ui.button(tr(lang, action.label())).clicked() {
                queue(output, action.edit(document, domain, entry));
                ui.close();
            }
        }
    });
}

/// Queues an action's edit; the grid selects a new entity and otherwise keeps the selection.
fn queue(output: &mut GridOutput, (edit, then): (Edit, Then)) {
    output.edits.push((edit, None));
    if let Then::Select(selection) = then {
        output.selected_after_edit = Some(selection);
    }
}

/// Where a dragged roadblock would land: the domain and the index among its roadblocks (before
/// removal), and the y of the drop line on screen.
fn drop_target(
    document: &Document,
    layout: &GridLayout,
    origin: egui::Pos2,
    y: f32,
) -> Option<(usize, usize, f32)> {
    for geom in &layout.domains {
        let domain_top = origin.y + layout.header_height + geom.top;
        for row in &geom.rows {
            let top = domain_top + row.top;
            if y >= top && y < top + row.height {
                let lower_half = y > top + row.height / 2.0;
                let index = row.roadblock + usize::from(lower_half);
                let line = if lower_half { top + row.height } else { top };
                return Some((
                    geom.domain,
                    index.min(document.domains[geom.domain].roadblocks.len()),
                    line,
                ));
            }
        }
    }
    None
}

/// Dragging a roadblock's text up or down reorders rows (or moves the roadblock to another
/// domain); a line shows where it will land.
pub fn row_drag(
    ui: &Ui,
    response: &Response,
    document: &Document,
    layout: &GridLayout,
    origin: egui::Pos2,
    roadblock: &Roadblock,
    output: &mut GridOutput,
) {
    let Some(pointer) = ui.input(|i| i.pointer.interact_pos()) else {
        return;
    };
    if response.dragged() {
        ui.ctx().set_cursor_icon(CursorIcon::Grabbing);
        if let Some((_, _, line)) = drop_target(document, layout, origin, pointer.y) {
            let stroke = egui::Stroke::new(3.0, ui.visuals().selection.stroke.color);
            let drop_line = ui.ctx().layer_painter(egui::LayerId::new(
                egui::Order::Foreground,
                egui::Id::unique("koteihyo-row-drop"),
            ));
            drop_line.hline(origin.x..=origin.x + layout.width, line, stroke);
        }
    }
    if response.drag_stopped()
        && let Some((domain_index, mut index, _)) = drop_target(document, layout, origin, pointer.y)
    {
        let target = &document.domains[domain_index];
        if let Some(from) = target.row_of(&roadblock.id)
            && from < index
        {
            index -= 1; // counted after the roadblock leaves its place
        }
        let edit = Edit::Move {
            id: roadblock.id.clone(),
            to: Parent::Domain(target.id.clone()),
            index,
        };
        output.edits.push((edit, None));
        output.selected_after_edit = Some(Selection::Roadblock(roadblock.id.clone()));
    }
}
