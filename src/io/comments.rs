//! Finding comments in RON text with a tokenizer that knows every RON literal (strings, raw
//! strings, byte strings, chars, raw identifiers), so `//` inside a literal is never a comment
//! and a comment after a tricky literal is never missed.
//!
//! Canonical form has no comments: before a file is rewritten, its comments are found here so
//! that nobody loses them silently.

/// Whether a RON text contains a comment (`// …` or `/* … */`) outside every literal.
///
/// Meant for text that parses as RON; on malformed text (an unterminated literal) the answer
/// errs towards "no comment", as the file cannot be rewritten anyway.
#[must_use]
pub fn has_comments(text: &str) -> bool {
    first_comment(text).is_some()
}

/// The byte offset of the first comment outside every literal, if any.
#[must_use]
pub fn first_comment(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        at = match bytes[at] {
            b'/' if matches!(bytes.get(at + 1), Some(b'/' | b'*')) => return Some(at),
            b'"' => skip_string(bytes, at + 1)?,
            b'\'' => skip_char(bytes, at + 1)?,
            b'r' | b'b' if starts_token(bytes, at) => skip_prefixed(bytes, at),
            _ => at + 1,
        };
    }
    None
}

/// Whether `at` begins a token: the byte before it is not part of an identifier.
fn starts_token(bytes: &[u8], at: usize) -> bool {
    at == 0 || !is_identifier_byte(bytes[at - 1])
}

/// Identifier bytes: ASCII letters, digits, `_`, and every byte of a non-ASCII character
/// (RON accepts Unicode identifiers).
fn is_identifier_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte >= 0x80
}

/// After the opening `"` of a string: the offset after its closing `"` (escapes honoured).
fn skip_string(bytes: &[u8], mut at: usize) -> Option<usize> {
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return Some(at + 1),
            _ => at += 1,
        }
    }
    None
}

/// After the opening `'` of a char literal: the offset after its closing `'`.
/// Escapes are `\n`, `\'`, `\\`, `\x41`, `\u{1F600}` and so on.
fn skip_char(bytes: &[u8], at: usize) -> Option<usize> {
    let mut at = at;
    if bytes.get(at) == Some(&b'\\') {
        at += 1;
        if bytes.get(at) == Some(&b'u') && bytes.get(at + 1) == Some(&b'{') {
            at += bytes[at..].iter().position(|&b| b == b'}')? + 1;
        } else {
            at += 1;
        }
    } else {
        // One character, which may take several bytes.
        at += utf8_len(*bytes.get(at)?);
    }
    // Anything else before the closing quote is not a valid char; find the quote anyway.
    at += bytes.get(at..)?.iter().position(|&b| b == b'\'')?;
    Some(at + 1)
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

/// At an `r` or `b` that begins a token: a raw string `r#"…"#`, a byte string `b"…"`, a raw
/// byte string `br#"…"#`, a raw identifier `r#name`, or a plain identifier. Returns the offset
/// after the token (after the literal, or after the prefix letter for anything else).
fn skip_prefixed(bytes: &[u8], at: usize) -> usize {
    let mut next = at;
    if bytes[next] == b'b' {
        next += 1;
        if bytes.get(next) == Some(&b'"') {
            return skip_string(bytes, next + 1).unwrap_or(bytes.len());
        }
        if bytes.get(next) != Some(&b'r') {
            return at + 1;
        }
    }
    // At the `r` of a raw string or raw identifier.
    next += 1;
    let hashes = bytes[next..].iter().take_while(|&&b| b == b'#').count();
    if bytes.get(next + hashes) != Some(&b'"') {
        // `r#name` (a raw identifier) or a word starting with r/b: not a literal.
        return next + hashes;
    }
    let body = next + hashes + 1;
    let mut closing = Vec::with_capacity(hashes + 1);
    closing.push(b'"');
    closing.resize(hashes + 1, b'#');
    bytes[body..]
        .windows(closing.len())
        .position(|window| window == closing.as_slice())
        .map_or(bytes.len(), |end| body + end + closing.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_found_outside_strings_only() {
        assert!(has_comments("(a: 1, // note\n)"));
        assert!(has_comments("(a: 1 /* note */)"));
        assert!(!has_comments("(url: \"https://example.jp/x\")"));
        assert!(!has_comments("(c: '\"', url: \"https://a\")"));
        assert!(!has_comments("(s: \"\\\"//\")"));
    }

    #[test]
    fn raw_strings_with_quotes_or_backslashes_hide_nothing() {
        // A raw string holding a quote: the old scanner took the quote as the string's end.
        let text = "(title: r#\"27\" モニタ\"#,\n    // 課長のメモ\n)";
        assert_eq!(first_comment(text), text.find("//"));
        // A raw string ending in a backslash: no escape in raw strings.
        assert!(has_comments("(s: r\"C:\\共有\\\",  // 重要\n)"));
        assert!(!has_comments("(s: r##\"a \"# // not a comment \"##)"));
        assert!(has_comments("(s: br#\"x\"#, /* c */)"));
        assert!(!has_comments("(s: b\"//\")"));
    }

    #[test]
    fn char_escapes_do_not_swallow_a_comment() {
        assert!(has_comments("(letter: '\\u{41}',// 分類A\n)"));
        assert!(has_comments("(letter: '\\'', // q\n)"));
        assert!(has_comments("(letter: '\\\\', // q\n)"));
        assert!(!has_comments("(letter: '/', x: '/')"));
        assert!(has_comments("(letter: '工', // 漢字\n)"));
    }

    #[test]
    fn identifiers_containing_r_or_b_are_not_literals() {
        assert!(has_comments("(number: 1, // n\n)"));
        assert!(has_comments("(r#type: 1, // n\n)"));
        assert!(has_comments("(bar: \"x\", // n\n)"));
    }

    #[test]
    fn the_reproducers_comments_are_found() {
        for text in [
            include_str!("../../tests/data/comments/raw-quote.ron"),
            include_str!("../../tests/data/comments/raw-backslash.ron"),
            include_str!("../../tests/data/comments/char-escape.ron"),
        ] {
            assert!(has_comments(text), "{text}");
        }
    }
}
