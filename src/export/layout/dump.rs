//! A plain-text dump of laid-out pages, positions rounded to 0.1 pt, for golden tests that
//! make every change of the layout visible in review.

use std::fmt::Write as _;

use crate::export::page::{Page, Point, Rgb, Shape, Stroke};

/// One line per shape: `text x y size "…"`, `rect x y w h`, `line x y x y`, `poly x,y …`.
#[must_use]
pub fn dump(pages: &[Page]) -> String {
    let mut out = String::new();
    for (index, page) in pages.iter().enumerate() {
        let _ = writeln!(
            out,
            "page {} {} {} {}",
            index + 1,
            round(page.width),
            round(page.height),
            page.title
        );
        for shape in &page.shapes {
            let _ = writeln!(out, "  {}", shape_line(shape));
        }
    }
    out
}

fn shape_line(shape: &Shape) -> String {
    match shape {
        Shape::Text(run) => format!(
            "text {} {} {}{} {:?}",
            point(run.origin),
            round(run.size),
            color(run.color),
            if run.underline { " underline" } else { "" },
            run.text
        ),
        Shape::Rect { rect, fill, stroke } => format!(
            "rect {} {} {} {}{}{}",
            round(rect.x),
            round(rect.y),
            round(rect.width),
            round(rect.height),
            fill.map_or(String::new(), |f| format!(" fill {}", color(f))),
            stroke.map_or(String::new(), stroke_text)
        ),
        Shape::Line { from, to, stroke } => {
            format!(
                "line {} {}{}",
                point(*from),
                point(*to),
                stroke_text(*stroke)
            )
        }
        Shape::Polygon {
            points,
            fill,
            stroke,
        } => format!(
            "poly {}{}{}",
            points
                .iter()
                .map(|p| point(*p))
                .collect::<Vec<_>>()
                .join(" "),
            fill.map_or(String::new(), |f| format!(" fill {}", color(f))),
            stroke.map_or(String::new(), stroke_text)
        ),
    }
}

fn stroke_text(stroke: Stroke) -> String {
    format!(
        " stroke {} {}{}",
        color(stroke.color),
        round(stroke.width),
        if stroke.dashed { " dashed" } else { "" }
    )
}

fn point(p: Point) -> String {
    format!("{},{}", round(p.x), round(p.y))
}

fn color(c: Rgb) -> String {
    c.hex()
}

fn round(value: f32) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded == 0.0 {
        "0".to_owned()
    } else {
        format!("{rounded}")
    }
}
