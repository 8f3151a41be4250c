//! SVG of one laid-out page. Text stays text (selectable, searchable), in the Japanese face by
//! name; `textLength` holds each run to the width the layout measured, so a viewer with another
//! face still keeps lines inside their cells.

use std::fmt::Write as _;

use crate::export::page::{Page, Point, Rgb, Shape, Stroke};
use crate::export::xml::escape;

/// The SVG document of `page`, naming `family` as the font.
#[must_use]
pub fn to_svg(page: &Page, family: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" xml:lang="ja" width="{w}pt" height="{h}pt" viewBox="0 0 {w} {h}">"#,
        w = num(page.width),
        h = num(page.height),
    );
    let _ = writeln!(out, "<title>{}</title>", escape(&page.title));
    let _ = writeln!(
        out,
        r##"<rect width="{}" height="{}" fill="#ffffff"/>"##,
        num(page.width),
        num(page.height)
    );
    let _ = writeln!(
        out,
        r#"<g font-family="{}, 'Noto Sans CJK JP', 'Yu Gothic', 'Hiragino Sans', sans-serif">"#,
        escape(&format!("'{family}'"))
    );
    for shape in &page.shapes {
        out.push_str(&shape_element(shape));
        out.push('\n');
    }
    out.push_str("</g>\n</svg>\n");
    out
}

fn shape_element(shape: &Shape) -> String {
    match shape {
        Shape::Rect { rect, fill, stroke } => format!(
            r#"<rect x="{}" y="{}" width="{}" height="{}"{}/>"#,
            num(rect.x),
            num(rect.y),
            num(rect.width),
            num(rect.height),
            paint(*fill, *stroke)
        ),
        Shape::Line { from, to, stroke } => format!(
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}"{}/>"#,
            num(from.x),
            num(from.y),
            num(to.x),
            num(to.y),
            paint(None, Some(*stroke))
        ),
        Shape::Polygon {
            points,
            fill,
            stroke,
        } => format!(
            r#"<polygon points="{}"{}/>"#,
            points
                .iter()
                .map(|p| point(*p))
                .collect::<Vec<_>>()
                .join(" "),
            paint(*fill, *stroke)
        ),
        Shape::Text(run) => {
            let mut element = format!(
                r#"<text x="{}" y="{}" font-size="{}" fill="{}" textLength="{}" lengthAdjust="spacingAndGlyphs"{}>{}</text>"#,
                num(run.origin.x),
                num(run.origin.y),
                num(run.size),
                run.color.hex(),
                num(run.width),
                if run.underline {
                    r#" text-decoration="underline""#
                } else {
                    ""
                },
                escape(&run.text)
            );
            if run.text.trim().is_empty() {
                element.clear();
            }
            element
        }
    }
}

fn paint(fill: Option<Rgb>, stroke: Option<Stroke>) -> String {
    let mut out = format!(
        r#" fill="{}""#,
        fill.map_or_else(|| "none".to_owned(), Rgb::hex)
    );
    if let Some(stroke) = stroke {
        let _ = write!(
            out,
            r#" stroke="{}" stroke-width="{}""#,
            stroke.color.hex(),
            num(stroke.width)
        );
        if stroke.dashed {
            out.push_str(r#" stroke-dasharray="2 2""#);
        }
    }
    out
}

fn point(p: Point) -> String {
    format!("{},{}", num(p.x), num(p.y))
}

/// A coordinate with at most two decimals and no trailing zeros.
fn num(value: f32) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" || text.is_empty() {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::page::TextRun;

    #[test]
    fn text_is_escaped_and_numbers_are_short() {
        let page = Page {
            width: 100.0,
            height: 50.5,
            title: "<①>".to_owned(),
            shapes: vec![Shape::Text(TextRun {
                origin: Point::new(1.0, 2.25),
                size: 8.0,
                text: "A&B「審査」<x>".to_owned(),
                width: 40.0,
                color: Rgb::BLACK,
                underline: false,
            })],
        };
        let svg = to_svg(&page, "Noto Sans CJK JP");
        assert!(svg.contains(r#"viewBox="0 0 100 50.5""#), "{svg}");
        assert!(svg.contains(">A&amp;B「審査」&lt;x&gt;</text>"), "{svg}");
        assert!(svg.contains(r#"y="2.25""#), "{svg}");
        assert!(svg.contains("<title>&lt;①&gt;</title>"), "{svg}");
    }
}
