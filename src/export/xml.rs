//! Text for XML documents (the SVG pages, the Word 新旧対照表): the special characters escaped,
//! the characters XML 1.0 forbids left out (a control character or U+FFFF would make a viewer or
//! Word refuse the whole file).

/// `text` escaped for XML character data or an attribute value: `& < > " '` as entities, tab
/// and newline as a space, control characters and U+FFFE/U+FFFF left out.
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' => out.push(' '),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
    out
}

/// Characters XML 1.0 allows in text, less the C1 controls (allowed but never meant in a
/// roadmap, and shown by some viewers as boxes).
fn allowed(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..) && !c.is_control()
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn special_and_forbidden_characters() {
        assert_eq!(
            escape("a<b & \"c\" 'd'>"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;"
        );
        assert_eq!(escape("工\u{1}程\u{FFFF}表\u{85}\tx\ny"), "工程表 x y");
    }
}
