//! Web links in a document's texts: found (http and https only) and shown under the field that
//! holds them, opened only when the user clicks one.
//!
//! A roadmap's texts cite MHLW pages inline, e.g. 「…ガイダンス」https://www.mhlw.go.jp/…pdf及び….
//! Nothing else in a document is ever opened: `file:`, `javascript:`, `mailto:` and the rest stay
//! plain text.

use egui::Ui;

/// The http(s) URLs in `text`, in order. A URL ends at whitespace, at any non-ASCII character
/// (Japanese text follows URLs without a space), at `<`, `>`, `"`, `'` or a backtick, and loses
/// trailing punctuation (`.,;:!?` and a `)` or `]` it did not open).
#[must_use]
pub fn web_links(text: &str) -> Vec<&str> {
    let mut links = Vec::new();
    let mut rest = text;
    let mut offset = 0;
    while let Some(found) = find_scheme(rest) {
        let start = offset + found;
        let tail = &text[start..];
        let length = tail
            .find(|c: char| !c.is_ascii_graphic() || matches!(c, '<' | '>' | '"' | '\'' | '`'))
            .unwrap_or(tail.len());
        let link = trim_trailing(&tail[..length]);
        let scheme_length = if link.starts_with("https://") { 8 } else { 7 };
        let host = link.get(scheme_length..).unwrap_or_default();
        if host
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric())
        {
            links.push(link);
        }
        offset = start + length.max(1);
        rest = &text[offset..];
    }
    links
}

/// Where the next `http://` or `https://` starts in `text`.
fn find_scheme(text: &str) -> Option<usize> {
    let http = text.find("http://");
    let https = text.find("https://");
    match (http, https) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// `link` without the punctuation that ends the sentence around it.
fn trim_trailing(mut link: &str) -> &str {
    loop {
        let Some(last) = link.chars().last() else {
            return link;
        };
        let unopened = match last {
            ')' => link.matches('(').count() < link.matches(')').count(),
            ']' => link.matches('[').count() < link.matches(']').count(),
            '.' | ',' | ';' | ':' | '!' | '?' => true,
            _ => false,
        };
        if !unopened {
            return link;
        }
        link = &link[..link.len() - 1];
    }
}

/// The links of `text`, one per line, each opened in the browser only when clicked.
pub fn links_ui(ui: &mut Ui, text: &str) {
    for link in web_links(text) {
        ui.hyperlink_to(egui::RichText::new(link).small(), link);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_end_where_japanese_text_resumes() {
        let text = "「…ガイダンス」https://www.mhlw.go.jp/content/000769923.pdf及び説明資料https://www.mhlw.go.jp/content/000769921.pdfを作成し、";
        assert_eq!(
            web_links(text),
            [
                "https://www.mhlw.go.jp/content/000769923.pdf",
                "https://www.mhlw.go.jp/content/000769921.pdf"
            ]
        );
    }

    #[test]
    fn sentence_punctuation_and_unopened_brackets_are_not_part_of_a_link() {
        assert_eq!(
            web_links("see http://example.org/a_(b). Or (https://example.org/x), done"),
            ["http://example.org/a_(b)", "https://example.org/x"]
        );
        assert_eq!(
            web_links("<https://example.org/q?a=1&b=2>"),
            ["https://example.org/q?a=1&b=2"]
        );
    }

    #[test]
    fn only_http_and_https_are_links() {
        let text = "file:///etc/passwd javascript:alert(1) mailto:a@b.jp ftp://x.jp \
                    data:text/html,x smb://server/share HTTPS://SHOUT.example http:// https:///path";
        assert!(web_links(text).is_empty(), "{:?}", web_links(text));
        assert!(web_links("").is_empty());
        assert!(web_links("工程表").is_empty());
    }

    proptest::proptest! {
        #[test]
        fn every_link_is_a_web_address_taken_from_the_text(
            text in "([a-z:/.()\\[\\] ]|https?://|工程|、|file:)*"
        ) {
            for link in web_links(&text) {
                proptest::prop_assert!(text.contains(link));
                proptest::prop_assert!(link.starts_with("http://") || link.starts_with("https://"));
                proptest::prop_assert!(link.is_ascii() && !link.contains(' '));
            }
        }
    }
}
