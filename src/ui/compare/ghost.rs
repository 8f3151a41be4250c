//! A timeline entry that moved: a small strip of fiscal years with the entry's new span as a
//! bar and its old span as a dashed ghost bar.

use egui::{Color32, FontId, Pos2, Rect, Sense, Stroke, pos2, vec2};

use crate::model::{Document, TimePoint, TimelineEntry};

/// Quarters from the start of FY `first` to the start of `point`, and to its end.
fn span(entry: &TimelineEntry, first: i32, last_quarter: i32) -> (f32, f32) {
    let start = (entry.start.first_quarter() - first * 4) as f32;
    let end = if entry.open_ended {
        last_quarter as f32
    } else {
        (entry.end.last_quarter() + 1 - first * 4) as f32
    };
    (start, end.max(start + 0.5))
}

fn moved(old: &TimelineEntry, new: &TimelineEntry) -> bool {
    let key =
        |e: &TimelineEntry| -> (TimePoint, TimePoint, bool) { (e.start, e.end, e.open_ended) };
    key(old) != key(new)
}

/// Draws the strip when the entry's years changed; `documents` are (old, new).
pub fn ghost_bar_ui(
    ui: &mut egui::Ui,
    old: Option<&TimelineEntry>,
    new: Option<&TimelineEntry>,
    documents: (&Document, &Document),
    width: f32,
) {
    let (Some(old), Some(new)) = (old, new) else {
        return;
    };
    if !moved(old, new) {
        return;
    }
    let (old_line, new_line) = (&documents.0.timeline, &documents.1.timeline);
    // A damaged file's years (outside the supported range, which validation reports) would
    // make a strip of millions of years: no ghost then.
    let years = [
        old.start.year,
        old.end.year,
        new.start.year,
        new.end.year,
        old_line.first_year,
        old_line.last_year(),
        new_line.first_year,
        new_line.last_year(),
    ];
    if !years.iter().all(|year| year.is_supported()) {
        return;
    }
    let first = old_line
        .first_year
        .0
        .min(new_line.first_year.0)
        .min(old.start.year.0)
        .min(new.start.year.0);
    let last = old_line
        .last_year()
        .0
        .max(new_line.last_year().0)
        .max(old.end.year.0)
        .max(new.end.year.0);
    let quarters = ((last - first + 1) * 4) as f32;
    let (rect, response) = ui.allocate_exact_size(vec2(width, 34.0), Sense::hover());
    let painter = ui.painter_at(rect);
    let x = |q: f32| rect.left() + q / quarters * rect.width();
    let text_color = ui.visuals().weak_text_color();
    for year in first..=last {
        let left = x(((year - first) * 4) as f32);
        painter.line_segment(
            [pos2(left, rect.top()), pos2(left, rect.bottom())],
            Stroke::new(0.5, text_color),
        );
        painter.text(
            pos2(left + 2.0, rect.top()),
            egui::Align2::LEFT_TOP,
            format!("{year}"),
            FontId::proportional(9.0),
            text_color,
        );
    }
    let last_quarter = (last - first + 1) * 4;
    let bar = |entry: &TimelineEntry, top: f32| {
        let (a, b) = span(entry, first, last_quarter);
        Rect::from_min_max(Pos2::new(x(a), top), Pos2::new(x(b), top + 8.0))
    };
    let ghost = bar(old, rect.top() + 12.0);
    let dashed = egui::Shape::dashed_line(
        &[
            ghost.left_top(),
            ghost.right_top(),
            ghost.right_bottom(),
            ghost.left_bottom(),
            ghost.left_top(),
        ],
        Stroke::new(1.0, Color32::GRAY),
        3.0,
        2.0,
    );
    painter.extend(dashed);
    let accent = ui.visuals().selection.bg_fill;
    painter.rect_filled(bar(new, rect.top() + 23.0), 2.0, accent);
    response.on_hover_text(format!(
        "{} → {}",
        period(old, old_line.open_end_suffix.text()),
        period(new, new_line.open_end_suffix.text())
    ));
}

/// 「FY2022〜FY2024」, or 「FY2022以降」 with the document's open-end suffix.
fn period(entry: &TimelineEntry, suffix: &str) -> String {
    let end = if entry.open_ended {
        suffix.to_owned()
    } else {
        format!("〜FY{}", entry.end.year.0)
    };
    format!("FY{}{end}", entry.start.year.0)
}
