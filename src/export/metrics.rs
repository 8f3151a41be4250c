//! Text widths from the Japanese face itself (the same face the PDF will embed), so that line
//! breaking on paper does not depend on the GUI.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::font::JapaneseFont;

/// Why a font cannot be measured.
#[derive(Debug, thiserror::Error)]
#[error("the font {family} cannot be read for measuring text: {reason}")]
pub struct MetricsError {
    /// The face's family name.
    pub family: String,
    /// What the font parser said.
    pub reason: String,
}

/// Advance widths of a face's characters, in ems, cached per character.
pub struct FontMetrics {
    font: JapaneseFont,
    units_per_em: f32,
    cache: RefCell<HashMap<char, f32>>,
}

impl FontMetrics {
    /// Metrics of `font`.
    pub fn new(font: JapaneseFont) -> Result<Self, MetricsError> {
        let face =
            ttf_parser::Face::parse(&font.data, font.index).map_err(|error| MetricsError {
                family: font.family.clone(),
                reason: error.to_string(),
            })?;
        let units_per_em = f32::from(face.units_per_em());
        Ok(Self {
            font,
            units_per_em,
            cache: RefCell::new(HashMap::new()),
        })
    }
}

/// Character widths for layout, in ems.
pub trait Measure {
    /// The advance of `c` in ems (a full-width character is about 1.0).
    fn advance(&self, c: char) -> f32;

    /// The width of `text` at `size` points.
    fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c)).sum::<f32>() * size
    }
}

impl Measure for FontMetrics {
    /// A character the face lacks measures as 1 em, so layout never underestimates it.
    fn advance(&self, c: char) -> f32 {
        if let Some(width) = self.cache.borrow().get(&c) {
            return *width;
        }
        let width = ttf_parser::Face::parse(&self.font.data, self.font.index)
            .ok()
            .and_then(|face| {
                face.glyph_index(c)
                    .and_then(|glyph| face.glyph_hor_advance(glyph))
            })
            .map_or(1.0, |units| f32::from(units) / self.units_per_em);
        self.cache.borrow_mut().insert(c, width);
        width
    }
}

impl FontMetrics {
    /// The face being measured.
    #[must_use]
    pub fn font(&self) -> &JapaneseFont {
        &self.font
    }
}

/// Widths that need no font: ASCII and half-width forms are ½ em, everything else 1 em.
/// Layout dumps made with it are the same on every machine, whatever fonts it has.
#[derive(Debug, Clone, Copy, Default)]
pub struct FixedPitch;

impl Measure for FixedPitch {
    fn advance(&self, c: char) -> f32 {
        if c.is_ascii() || ('\u{ff61}'..='\u{ffdc}').contains(&c) {
            0.5
        } else {
            1.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_pitch_is_half_for_ascii() {
        assert!((FixedPitch.width("AI審査", 10.0) - 30.0).abs() < f32::EPSILON);
    }

    #[test]
    fn japanese_is_full_width_and_latin_narrower() {
        let Ok(font) = crate::font::find_installed() else {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI installs fonts-noto-cjk"
            );
            return;
        };
        let metrics = FontMetrics::new(font).expect("the installed face parses");
        assert!(
            (metrics.advance('審') - 1.0).abs() < 0.05,
            "{}",
            metrics.advance('審')
        );
        assert!(metrics.advance('A') < 0.8);
        assert!((metrics.width("工程表", 10.0) - 30.0).abs() < 1.5);
        // The cache returns the same value.
        assert!((metrics.advance('審') - metrics.advance('審')).abs() < f32::EPSILON);
    }
}
