//! The 新旧対照表 on paper: the rows of [`crate::diff::table`] in a two-column table
//! (改正後 | 改正前, or the other way round), changed characters underlined (傍線), one section
//! per domain, the note 「（傍線部分は改正部分）」, pages numbered. Uses the print layout's text
//! wrapping (禁則), pagination and backends.

use crate::diff::table::{ComparisonTable, Line, underlines};
use crate::export::kinsoku::break_lines;
use crate::export::layout::body::{Body, Unit};
use crate::export::layout::paginate::slices;
use crate::export::layout::palette;
use crate::export::layout::text::{Align, Paragraph, line_height, place, run};
use crate::export::metrics::Measure;
use crate::export::page::{Page, Point, Rect, Rgb, Shape, Stroke};
use crate::export::settings::{PageSettings, mm};
use crate::model::Meta;

/// How the 新旧対照表 is printed.
#[derive(Debug, Clone, PartialEq)]
pub struct ComparisonSettings {
    /// Paper, orientation, margins and text size.
    pub page: PageSettings,
    /// 改正後 on the left (the usual order); false puts 改正前 first.
    pub new_first: bool,
    /// The words of the header row.
    pub headings: Headings,
    /// Whether the header row adds each revision's label: 「改正後（見直し後）」.
    pub revision_labels: bool,
}

impl Default for ComparisonSettings {
    fn default() -> Self {
        Self {
            page: PageSettings {
                portrait: true,
                base_size: 9.0,
                ..PageSettings::default()
            },
            new_first: true,
            headings: Headings::default(),
            revision_labels: true,
        }
    }
}

/// The words of the 新旧対照表's header row, as ministries write them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize, Hash,
)]
pub enum Headings {
    /// 改正後 ｜ 改正前 (laws and notices).
    #[default]
    Amended,
    /// 改正案 ｜ 現行 (a draft amendment).
    Draft,
    /// 新 ｜ 旧.
    NewOld,
}

impl Headings {
    /// Every choice, in menu order.
    pub const ALL: [Headings; 3] = [Headings::Amended, Headings::Draft, Headings::NewOld];

    /// The words for the new and the old side.
    #[must_use]
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            Headings::Amended => ("改正後", "改正前"),
            Headings::Draft => ("改正案", "現行"),
            Headings::NewOld => ("新", "旧"),
        }
    }
}

impl ComparisonSettings {
    /// The header row's texts for the new and the old side: 「改正後（見直し後）」, 「改正前（見直し前）」.
    #[must_use]
    pub fn header_texts(&self, old: &Meta, new: &Meta) -> (String, String) {
        let (new_word, old_word) = self.headings.words();
        let text = |word: &str, revision: &str| {
            if revision.is_empty() || !self.revision_labels {
                word.to_owned()
            } else {
                format!("{word}（{revision}）")
            }
        };
        (
            text(new_word, &new.revision_label),
            text(old_word, &old.revision_label),
        )
    }
}

/// The note every 新旧対照表 carries.
pub const NOTE: &str = "（傍線部分は改正部分）";

/// Where things go on a 新旧対照表 page.
struct Geometry {
    width: f32,
    height: f32,
    margin: f32,
    size: f32,
    pad: f32,
    column: f32,
    new_x: f32,
    old_x: f32,
    header_top: f32,
    header_bottom: f32,
    footer_top: f32,
}

impl Geometry {
    fn new(settings: &ComparisonSettings) -> Self {
        let (width, height) = settings.page.page_size();
        let margin = mm(settings.page.margin_mm.clamp(0.0, 50.0));
        let size = settings.page.base_size.clamp(4.0, 24.0);
        let pad = size * 0.4;
        let column = (width - 2.0 * margin) / 2.0;
        let (new_x, old_x) = if settings.new_first {
            (margin, margin + column)
        } else {
            (margin + column, margin)
        };
        let header_top = margin + line_height(size * 1.4) + line_height(size) + size * 0.5;
        Self {
            width,
            height,
            margin,
            size,
            pad,
            column,
            new_x,
            old_x,
            header_top,
            header_bottom: header_top + line_height(size) + 2.0 * pad,
            footer_top: height - margin - line_height(size * 0.8),
        }
    }
}

/// Lays out `table` comparing `old` with `new` as pages.
#[must_use]
pub fn lay_out_comparison(
    table: &ComparisonTable,
    old: &Meta,
    new: &Meta,
    settings: &ComparisonSettings,
    measure: &dyn Measure,
) -> Vec<Page> {
    let geometry = Geometry::new(settings);
    let (body, sections) = strip(table, &geometry, measure);
    // Every page keeps room under the header row for a continued section's heading.
    let band = line_height(geometry.size) + geometry.pad;
    let cuts = slices(
        &body,
        geometry.footer_top - geometry.size * 0.5 - geometry.header_bottom - band,
    );
    let count = cuts.len();
    cuts.into_iter()
        .enumerate()
        .map(|(index, slice)| {
            let mut shapes = page_frame(&geometry, settings.header_texts(old, new), new, measure);
            // A page that starts inside a section repeats its heading: 「① IRB（続き）」.
            let continued = sections
                .iter()
                .find(|s| s.top < slice.from - 0.01 && slice.from < s.bottom - 0.01);
            let dy = match continued {
                Some(section) => {
                    shapes.extend(continued_heading(
                        &geometry,
                        &section.heading,
                        band,
                        measure,
                    ));
                    geometry.header_bottom + band - slice.from
                }
                None => geometry.header_bottom - slice.from,
            };
            let bottom = slice.to + dy;
            let g = &geometry;
            for &(_, row_bottom) in &body.rows {
                let y = row_bottom + dy;
                if row_bottom > slice.from + 0.01 && y < bottom - 0.01 {
                    shapes.push(Shape::Line {
                        from: Point::new(g.margin, y),
                        to: Point::new(g.margin + 2.0 * g.column, y),
                        stroke: Stroke::solid(palette::LIGHT_RULE, 0.5),
                    });
                }
            }
            for unit in body.units.iter().filter(|u| slice.holds(u.top)) {
                shapes.extend(unit.shapes.iter().map(|s| s.clone().shifted(dy)));
            }
            let rule = Stroke::solid(palette::RULE, 0.6);
            shapes.push(Shape::Line {
                from: Point::new(g.margin + g.column, g.header_top),
                to: Point::new(g.margin + g.column, bottom),
                stroke: rule,
            });
            shapes.push(Shape::Line {
                from: Point::new(g.margin, g.header_bottom),
                to: Point::new(g.margin + 2.0 * g.column, g.header_bottom),
                stroke: rule,
            });
            shapes.push(Shape::Rect {
                rect: Rect::new(
                    g.margin,
                    g.header_top,
                    2.0 * g.column,
                    bottom - g.header_top,
                ),
                fill: None,
                stroke: Some(Stroke::solid(palette::RULE, 0.9)),
            });
            let number = format!("{} / {count}", index + 1);
            let (lines, _) = place(
                measure,
                Paragraph::new(&number, g.size * 0.8, palette::MUTED).aligned(Align::Center),
                g.margin,
                2.0 * g.column,
                g.footer_top,
            );
            shapes.extend(lines.into_iter().map(|l| Shape::Text(l.run)));
            Page {
                width: g.width,
                height: g.height,
                title: format!("新旧対照表 {}/{count}", index + 1),
                shapes,
            }
        })
        .collect()
}

/// Where a section lies in the strip, for continuation headings.
struct SectionSpan {
    top: f32,
    bottom: f32,
    heading: String,
}

/// The heading band of a section continued from the page before.
fn continued_heading(g: &Geometry, heading: &str, band: f32, measure: &dyn Measure) -> Vec<Shape> {
    let (lines, _) = place(
        measure,
        Paragraph::new(&format!("{heading}（続き）"), g.size, Rgb::BLACK),
        g.margin + g.pad,
        2.0 * g.column - 2.0 * g.pad,
        g.header_bottom + g.pad * 0.5,
    );
    let mut shapes = vec![Shape::Rect {
        rect: Rect::new(g.margin, g.header_bottom, 2.0 * g.column, band),
        fill: Some(palette::HEADER_FILL),
        stroke: None,
    }];
    shapes.extend(lines.into_iter().map(|l| Shape::Text(l.run)));
    shapes
}

/// The table as one strip: section headings and rows, every printed line a unit. A heading is
/// kept with the first line of its first row (never the last line of a page).
fn strip(table: &ComparisonTable, g: &Geometry, measure: &dyn Measure) -> (Body, Vec<SectionSpan>) {
    let (size, pad) = (g.size, g.pad);
    let mut units: Vec<Unit> = Vec::new();
    let mut rows: Vec<(f32, f32)> = Vec::new();
    let mut sections = Vec::new();
    let mut y = 0.0;
    for section in &table.sections {
        let section_top = y;
        let top = y;
        let (lines, bottom) = place(
            measure,
            Paragraph::new(&section.heading, size, Rgb::BLACK),
            g.margin + pad,
            2.0 * g.column - 2.0 * pad,
            top + pad * 0.5,
        );
        let mut shapes = vec![Shape::Rect {
            rect: Rect::new(g.margin, top, 2.0 * g.column, bottom + pad * 0.5 - top),
            fill: Some(palette::HEADER_FILL),
            stroke: None,
        }];
        shapes.extend(lines.into_iter().map(|l| Shape::Text(l.run)));
        y = bottom + pad * 0.5;
        units.push(Unit {
            top,
            bottom: y,
            shapes,
        });
        rows.push((top, y));
        if !section.rows.is_empty() {
            // No cut between the heading and the first line under it.
            units.push(Unit {
                top: section_top,
                bottom: y + pad + line_height(size),
                shapes: Vec::new(),
            });
        }
        for row in &section.rows {
            let top = y;
            let mut bottom = top + line_height(size) + 2.0 * pad;
            for (x, lines) in [(g.new_x, &row.new), (g.old_x, &row.old)] {
                let mut line_top = top + pad;
                for line in lines {
                    for (unit, end) in marked_lines(
                        line,
                        (x + pad, g.column - 2.0 * pad),
                        line_top,
                        size,
                        measure,
                    ) {
                        units.push(unit);
                        line_top = end;
                    }
                }
                bottom = bottom.max(line_top + pad);
            }
            rows.push((top, bottom));
            y = bottom;
        }
        sections.push(SectionSpan {
            top: section_top,
            bottom: y,
            heading: section.heading.clone(),
        });
    }
    let body = Body {
        rows,
        table_bottom: y,
        bottom: y,
        units,
        notes: Vec::new(),
    };
    (body, sections)
}

/// What every page repeats: the title, the note, and the header row 改正後 | 改正前 (`headers`:
/// the new side's text, then the old side's).
fn page_frame(
    g: &Geometry,
    headers: (String, String),
    new: &Meta,
    measure: &dyn Measure,
) -> Vec<Shape> {
    let size = g.size;
    let title = format!("{}{} 新旧対照表", new.title, new.subtitle);
    let mut shapes = vec![Shape::Text(run(
        measure,
        g.margin,
        g.margin,
        size * 1.4,
        title,
        Rgb::BLACK,
    ))];
    let note_top = g.margin + line_height(size * 1.4);
    shapes.push(Shape::Text(run(
        measure,
        g.margin,
        note_top,
        size,
        NOTE.to_owned(),
        Rgb::BLACK,
    )));
    shapes.push(Shape::Rect {
        rect: Rect::new(
            g.margin,
            g.header_top,
            2.0 * g.column,
            g.header_bottom - g.header_top,
        ),
        fill: Some(palette::HEADER_FILL),
        stroke: None,
    });
    for (x, text) in [(g.new_x, headers.0), (g.old_x, headers.1)] {
        let (lines, _) = place(
            measure,
            Paragraph::new(&text, size, Rgb::BLACK).aligned(Align::Center),
            x + g.pad,
            g.column - 2.0 * g.pad,
            g.header_top + g.pad,
        );
        shapes.extend(lines.into_iter().map(|l| Shape::Text(l.run)));
    }
    shapes
}

/// A line of spans wrapped (禁則) into `[x, x + width]` from `top`: one unit per printed line,
/// each split into runs where the marking changes, marked runs underlined.
/// A part's label (【取組事項】) is printed in the muted colour.
fn marked_lines(
    line: &Line,
    (x, width): (f32, f32),
    top: f32,
    size: f32,
    measure: &dyn Measure,
) -> Vec<(Unit, f32)> {
    let color = if line.label {
        palette::MUTED
    } else {
        Rgb::BLACK
    };
    let chars: Vec<(char, bool)> = line
        .spans
        .iter()
        .flat_map(|s| s.text.chars().map(move |c| (c, s.marked)))
        .collect();
    let text: String = chars.iter().map(|(c, _)| c).collect();
    let wrapped = break_lines(&text, width, |c| measure.advance(c) * size);
    let mut out = Vec::new();
    let mut position = 0;
    let mut y = top;
    for wrapped_line in wrapped {
        // break_lines drops spaces where it breaks: skip them in the source too.
        while position < chars.len() && chars[position].0 == ' ' && !wrapped_line.starts_with(' ') {
            position += 1;
        }
        let count = wrapped_line.chars().count();
        let end = (position + count).min(chars.len());
        let mut shapes = Vec::new();
        let mut run_x = x;
        let mut start = position;
        while start < end {
            let marked = chars[start].1;
            let mut stop = start;
            while stop < end && chars[stop].1 == marked {
                stop += 1;
            }
            let piece: String = chars[start..stop].iter().map(|(c, _)| c).collect();
            let mut text_run = run(measure, run_x, y, size, piece, color);
            text_run.underline = underlines(&text_run.text, marked);
            run_x += text_run.width;
            shapes.push(Shape::Text(text_run));
            start = stop;
        }
        position = end;
        let bottom = y + line_height(size);
        out.push((
            Unit {
                top: y,
                bottom,
                shapes,
            },
            bottom,
        ));
        y = bottom;
    }
    out
}

#[cfg(test)]
mod tests;
