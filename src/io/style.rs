//! A roadmap file's own text style — a byte-order mark, LF or CRLF line endings — kept when the
//! file is written again, so that saving a file made on Windows does not change every line.

/// How a file's text is written around its canonical content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TextStyle {
    /// The text starts with a byte-order mark (U+FEFF).
    pub bom: bool,
    /// Lines end with CRLF (most of them do).
    pub crlf: bool,
}

impl TextStyle {
    /// The style of a file's text: a leading byte-order mark; CRLF when more than half of its
    /// line ends are CRLF. A new file has neither.
    #[must_use]
    pub fn of(text: &str) -> Self {
        let lines = text.matches('\n').count();
        Self {
            bom: text.starts_with('\u{feff}'),
            crlf: lines > 0 && text.matches("\r\n").count() * 2 > lines,
        }
    }

    /// `canonical` (LF line ends, no mark, as [`to_ron_string`] writes it) in this style.
    ///
    /// [`to_ron_string`]: super::to_ron_string
    #[must_use]
    pub fn apply(self, canonical: &str) -> String {
        let bom = if self.bom { "\u{feff}" } else { "" };
        if self.crlf {
            format!("{bom}{}", canonical.replace('\n', "\r\n"))
        } else {
            format!("{bom}{canonical}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::TextStyle;

    fn in_style_of(original: &str, canonical: &str) -> String {
        TextStyle::of(original).apply(canonical)
    }

    #[test]
    fn line_endings_and_a_byte_order_mark_are_kept() {
        let canonical = "(\n    a: 1,\n)\n";
        assert_eq!(in_style_of(canonical, canonical), canonical);
        let windows = "(\r\n    a: 1,\r\n)\r\n";
        assert_eq!(in_style_of(windows, canonical), windows);
        let marked = "\u{feff}(\r\n    a: 2,\r\n)\r\n";
        assert_eq!(
            in_style_of(marked, canonical),
            "\u{feff}(\r\n    a: 1,\r\n)\r\n"
        );
        assert_eq!(
            in_style_of("\u{feff}(\n)\n", canonical),
            format!("\u{feff}{canonical}")
        );
        assert_eq!(TextStyle::of(""), TextStyle::default());
    }
}
