//! Draws a laid-out page with egui's painter: the same shapes the PDF gets, scaled to the screen.

use egui::{Color32, FontId, Pos2, Rect, Stroke as EguiStroke, StrokeKind, pos2, vec2};

use crate::export::page::{Page, Point, Rgb, Shape, Stroke, TextRun};

/// Paints `page` with its top left at `origin`, `scale` screen points per page point.
pub fn paint_page(painter: &egui::Painter, page: &Page, origin: Pos2, scale: f32) {
    let at = |p: Point| origin + vec2(p.x, p.y) * scale;
    let paper = Rect::from_min_size(origin, vec2(page.width, page.height) * scale);
    painter.rect_filled(
        paper.translate(vec2(3.0, 3.0)),
        0.0,
        Color32::from_black_alpha(50),
    );
    painter.rect_filled(paper, 0.0, Color32::WHITE);
    for shape in &page.shapes {
        match shape {
            Shape::Rect { rect, fill, stroke } => {
                let r = Rect::from_min_size(
                    at(Point::new(rect.x, rect.y)),
                    vec2(rect.width, rect.height) * scale,
                );
                if let Some(fill) = fill {
                    painter.rect_filled(r, 0.0, color(*fill));
                }
                if let Some(stroke) = stroke {
                    painter.rect_stroke(r, 0.0, egui_stroke(*stroke, scale), StrokeKind::Middle);
                }
            }
            Shape::Line { from, to, stroke } => {
                let points = [at(*from), at(*to)];
                if stroke.dashed {
                    painter.extend(egui::Shape::dashed_line(
                        &points,
                        egui_stroke(*stroke, scale),
                        2.0 * scale,
                        2.0 * scale,
                    ));
                } else {
                    painter.line_segment(points, egui_stroke(*stroke, scale));
                }
            }
            Shape::Polygon {
                points,
                fill,
                stroke,
            } => {
                painter.add(egui::Shape::convex_polygon(
                    points.iter().map(|p| at(*p)).collect(),
                    fill.map_or(Color32::TRANSPARENT, color),
                    stroke.map_or(EguiStroke::NONE, |s| egui_stroke(s, scale)),
                ));
            }
            Shape::Text(run) => paint_text(painter, run, at(run.origin), scale),
        }
    }
}

fn paint_text(painter: &egui::Painter, run: &TextRun, baseline_left: Pos2, scale: f32) {
    let size = run.size * scale;
    if size < 1.0 {
        return;
    }
    let galley = painter.layout_no_wrap(
        run.text.clone(),
        FontId::proportional(size),
        color(run.color),
    );
    // egui places text by its top; the page gives the baseline.
    let baseline = galley
        .rows
        .first()
        .and_then(|row| row.glyphs.first().map(|g| row.pos.y + g.pos.y))
        .unwrap_or(size * crate::export::page::ASCENT);
    let top_left = pos2(baseline_left.x, baseline_left.y - baseline);
    painter.galley(top_left, galley, color(run.color));
    if run.underline {
        let y = baseline_left.y + run.size * 0.12 * scale;
        painter.line_segment(
            [
                pos2(baseline_left.x, y),
                pos2(baseline_left.x + run.width * scale, y),
            ],
            EguiStroke::new(run.size * 0.06 * scale, color(run.color)),
        );
    }
}

fn color(c: Rgb) -> Color32 {
    Color32::from_rgb(c.0, c.1, c.2)
}

fn egui_stroke(stroke: Stroke, scale: f32) -> EguiStroke {
    EguiStroke::new((stroke.width * scale).max(0.5), color(stroke.color))
}
