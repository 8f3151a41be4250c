//! Document text on a terminal: control characters shown as escapes, never sent raw.
//!
//! A roadmap's text is somebody else's input. Printed raw, ESC/OSC sequences in it could clear
//! the screen, set the clipboard or hide a link, and bidirectional overrides could reorder what
//! a line seems to say. Every line `check`, `diff` and `export` print that can hold document text
//! goes through [`escape_controls`].

use std::borrow::Cow;
use std::fmt::Write;

/// `text` with every control character written as an escape: `\n`, `\r`, `\t`, else
/// `\u{1b}`-style (C0 controls, DEL, C1 controls U+0080–U+009F, and the bidirectional
/// embeddings, overrides and isolates U+202A–U+202E, U+2066–U+2069). A line stays one line.
/// Text without such characters is returned as it is.
#[must_use]
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(needs_escape) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\n' => escaped.push_str("\\n"),
            '\r' => escaped.push_str("\\r"),
            '\t' => escaped.push_str("\\t"),
            c if needs_escape(c) => {
                let _ = write!(escaped, "\\u{{{:x}}}", u32::from(c));
            }
            c => escaped.push(c),
        }
    }
    Cow::Owned(escaped)
}

/// [`escape_controls`] on each line of `text`, keeping its line breaks.
#[must_use]
pub fn escape_lines(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c != '\n' && needs_escape(c)) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.split('\n')
            .map(escape_controls)
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

fn needs_escape(c: char) -> bool {
    // `is_control` is Unicode's Cc: C0, DEL and C1.
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_visible_escapes() {
        assert!(matches!(escape_controls("工程表 ok"), Cow::Borrowed(_)));
        assert_eq!(
            escape_controls("a\u{1b}]52;c;x\u{7}b"),
            "a\\u{1b}]52;c;x\\u{7}b"
        );
        assert_eq!(escape_controls("1\n2\t3\r"), "1\\n2\\t3\\r");
        assert_eq!(
            escape_controls("\u{9b}2J\u{7f}\u{202e}abc\u{2069}"),
            "\\u{9b}2J\\u{7f}\\u{202e}abc\\u{2069}"
        );
        assert_eq!(escape_lines("a\u{1b}\nb\n"), "a\\u{1b}\nb\n");
        assert!(matches!(escape_lines("a\nb"), Cow::Borrowed(_)));
    }
}
