//! The grid's text wrapped by the shared 禁則 breaker (`export::kinsoku`) instead of egui's own
//! wrapping, so that screen and paper break lines by the same rules: glyph widths come from
//! egui's fonts, and the galley is built from explicit lines.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::{Arc, Mutex};

use egui::text::LayoutJob;
use egui::{FontId, Painter};

use crate::export::kinsoku::line_ranges;

/// Entries kept before the cache starts afresh (each a few ranges; a 10× roadmap has some
/// thousands of blocks at a given width).
const CACHE_LIMIT: usize = 50_000;

/// The lines of one text, as byte ranges.
type Lines = Arc<[Range<usize>]>;

/// Line ranges by (text, font, width, scale), shared by the layout and painting.
#[derive(Clone, Default)]
struct BreakCache(Arc<Mutex<HashMap<u64, Lines>>>);

fn key(text: &str, font: &FontId, max_width: f32, pixels_per_point: f32) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    font.hash(&mut hasher);
    max_width.to_bits().hash(&mut hasher);
    pixels_per_point.to_bits().hash(&mut hasher);
    hasher.finish()
}

/// The lines of `text` in `font` no wider than `max_width` points, as byte ranges.
#[must_use]
pub fn lines(painter: &Painter, text: &str, font: &FontId, max_width: f32) -> Lines {
    let ctx = painter.ctx();
    let key = key(text, font, max_width, ctx.pixels_per_point());
    let cache = ctx.data_mut(|data| {
        data.get_temp_mut_or_default::<BreakCache>(egui::Id::unique("koteihyo-break-cache"))
            .clone()
    });
    let cached = cache.0.lock().ok().and_then(|map| map.get(&key).cloned());
    if let Some(ranges) = cached {
        return ranges;
    }
    let widths: HashMap<char, f32> = painter.fonts_mut(|fonts| {
        text.chars()
            .map(|c| (c, fonts.glyph_width(font, c)))
            .collect()
    });
    let ranges: Lines =
        line_ranges(text, max_width, |c| widths.get(&c).copied().unwrap_or(0.0)).into();
    if let Ok(mut map) = cache.0.lock() {
        if map.len() >= CACHE_LIMIT {
            map.clear();
        }
        map.insert(key, Arc::clone(&ranges));
    }
    ranges
}

/// `job` broken into lines no wider than `max_width` by the 禁則 breaker: the same sections,
/// with a newline at each break (spaces at a line's end dropped) and egui's wrapping off.
#[must_use]
pub fn wrap_job(painter: &Painter, job: &LayoutJob, max_width: f32) -> LayoutJob {
    let font = job
        .sections
        .first()
        .map_or_else(FontId::default, |s| s.format.font_id.clone());
    let ranges = lines(painter, &job.text, &font, max_width);
    let mut out = job.clone();
    out.text.clear();
    out.sections.clear();
    out.wrap.max_width = f32::INFINITY;
    for (index, line) in ranges.iter().enumerate() {
        let mut last_format = job.sections.first().map(|s| s.format.clone());
        for section in &job.sections {
            let start = section.byte_range.start.0.max(line.start);
            let end = section.byte_range.end.0.min(line.end);
            if start < end {
                if let Some(piece) = job.text.get(start..end) {
                    out.append(piece, 0.0, section.format.clone());
                }
                last_format = Some(section.format.clone());
            }
        }
        if index + 1 < ranges.len() {
            out.append("\n", 0.0, last_format.unwrap_or_default());
        }
    }
    if out.sections.is_empty()
        && let Some(first) = job.sections.first()
    {
        // An empty text keeps its font, so that its one empty row is as tall as before.
        out.append("", 0.0, first.format.clone());
    }
    out
}

/// The text of each row of a galley laid out from `job` (for tests: what the screen shows).
#[must_use]
pub fn rows(painter: &Painter, job: LayoutJob) -> Vec<String> {
    let galley = painter.layout_job(job);
    galley
        .rows
        .iter()
        .map(|row| row.row.glyphs.iter().map(|g| g.chr).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::kinsoku_check::{seed_paragraphs, violations};
    use crate::ui::grid::cells::{CellText, Palette, TEXT_SIZE};

    #[test]
    fn the_grid_wraps_the_seeds_texts_by_the_same_rules_as_print() {
        let ctx = egui::Context::default();
        if let Ok(face) = crate::font::find_installed() {
            crate::ui::fonts::install_face(&ctx, &face);
        }
        ctx.run_ui(egui::RawInput::default(), |_| {})
            .textures_delta
            .clear();
        let text = CellText {
            palette: Palette::from_visuals(&egui::Visuals::light()),
            search: "",
            lang: crate::ui::i18n::Lang::default(),
        };
        let font = FontId::proportional(TEXT_SIZE);
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        let mut found = Vec::new();
        let mut rows_seen = 0;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let painter = ui.painter();
            for name in ["roadblocks-after.ron", "roadblocks-before.ron"] {
                let document = crate::io::load(&root.join(name)).expect("the example loads");
                for paragraph in seed_paragraphs(&document) {
                    for width in [60.0, 90.0, 120.0, 160.0, 220.0, 300.0] {
                        let mut job = LayoutJob::default();
                        text.append(&mut job, &paragraph, text.palette.text);
                        let shown = rows(painter, wrap_job(painter, &job, width));
                        rows_seen += shown.len();
                        let lines: Vec<&str> = shown.iter().map(String::as_str).collect();
                        let advance = |c| painter.fonts_mut(|f| f.glyph_width(&font, c));
                        found.extend(
                            violations(&paragraph, &lines, width, &advance)
                                .into_iter()
                                .map(|v| format!("{name} at {width}: {v}")),
                        );
                    }
                }
            }
        });
        output.textures_delta.clear();
        assert!(rows_seen > 1000, "only {rows_seen} rows laid out");
        assert!(
            found.is_empty(),
            "{} problems:\n{}",
            found.len(),
            found.join("\n")
        );
    }

    #[test]
    fn sections_keep_their_colours_across_breaks() {
        let ctx = egui::Context::default();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let painter = ui.painter();
            let mut job = LayoutJob::default();
            let format = |color| egui::TextFormat {
                font_id: FontId::proportional(TEXT_SIZE),
                color,
                ..egui::TextFormat::default()
            };
            job.append("Informed consent and ", 0.0, format(egui::Color32::BLUE));
            job.append("PMDA review", 0.0, format(egui::Color32::RED));
            let wrapped = wrap_job(painter, &job, TEXT_SIZE * 5.0);
            assert!(wrapped.text.contains('\n'), "{}", wrapped.text);
            assert_eq!(
                wrapped.text.replace('\n', " "),
                job.text,
                "only spaces at breaks are dropped"
            );
            let red: String = wrapped
                .sections
                .iter()
                .filter(|s| s.format.color == egui::Color32::RED)
                .map(|s| &wrapped.text[s.byte_range.start.0..s.byte_range.end.0])
                .collect();
            assert_eq!(red.replace('\n', " "), "PMDA review");
            let mut empty = LayoutJob::default();
            empty.append("", 0.0, format(egui::Color32::RED));
            let height = |job: LayoutJob| painter.layout_job(job).size().y;
            assert!(
                (height(wrap_job(painter, &empty, 50.0)) - height(empty.clone())).abs() < 0.01,
                "an empty cell keeps its height"
            );
        });
        output.textures_delta.clear();
    }
}
