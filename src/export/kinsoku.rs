//! Line breaking for Japanese text with 禁則処理: no line starts with a closing bracket, small
//! kana, a long-vowel mark or 、。・; no line ends with an opening bracket; Latin words and
//! numbers are not broken (unless one alone is wider than the line).

/// Characters that must not start a line (行頭禁則).
const NO_LINE_START: &str = "、。，．・：；？！ー‐–〜～ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ）〕］｝〉》」』】〙〗’”),.:;?!]}%％";
/// Characters that must not end a line (行末禁則).
const NO_LINE_END: &str = "（〔［｛〈《「『【〘〖‘“([{";

/// Whether `c` may not begin a line.
#[must_use]
pub fn is_no_line_start(c: char) -> bool {
    NO_LINE_START.contains(c)
}

/// Whether `c` may not end a line.
#[must_use]
pub fn is_no_line_end(c: char) -> bool {
    NO_LINE_END.contains(c)
}

/// Whether `c` belongs to a word that must not be broken (Latin letters, digits and the
/// characters that join them, as in 「AI-IRB」, 「5.2」, 「HL7FHIR」, URLs).
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || "-_./:%#&=?@~+'’".contains(c)
        || ('Ａ'..='ｚ').contains(&c)
        || ('０'..='９').contains(&c)
}

/// Splits `text` into unbreakable units: a Latin word or number, one space, or one other character.
fn units(text: &str) -> Vec<&str> {
    let mut units = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        if is_word_char(c) {
            start.get_or_insert(at);
            continue;
        }
        if let Some(from) = start.take() {
            units.push(&text[from..at]);
        }
        units.push(&text[at..at + c.len_utf8()]);
    }
    if let Some(from) = start {
        units.push(&text[from..]);
    }
    units
}

/// Breaks `text` into lines no wider than `max_width`, measuring characters with `width_of`.
/// Explicit newlines always break. Spaces at a line's end are dropped.
pub fn break_lines(text: &str, max_width: f32, width_of: impl Fn(char) -> f32) -> Vec<String> {
    let measure = |s: &str| s.chars().map(&width_of).sum::<f32>();
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line: Vec<&str> = Vec::new();
        let mut width = 0.0;
        let mut queue: std::collections::VecDeque<&str> = units(paragraph).into();
        while let Some(unit) = queue.pop_front() {
            let unit_width = measure(unit);
            if width + unit_width <= max_width || line.is_empty() {
                if line.is_empty() && unit_width > max_width && unit.chars().count() > 1 {
                    // A word wider than the line: break it by character.
                    for (at, c) in unit.char_indices() {
                        let w = width_of(c);
                        if width + w > max_width && !line.is_empty() {
                            lines.push(finish(&mut line));
                            width = 0.0;
                        }
                        line.push(&unit[at..at + c.len_utf8()]);
                        width += w;
                    }
                    continue;
                }
                line.push(unit);
                width += unit_width;
                continue;
            }
            // `unit` goes to the next line; carry along what may not stay or begin there.
            let mut carried: Vec<&str> = vec![unit];
            while line.len() > 1 {
                let first_of_next = carried[0].chars().next().unwrap_or(' ');
                let last_of_line = line.last().and_then(|u| u.chars().last()).unwrap_or(' ');
                if is_no_line_start(first_of_next) || is_no_line_end(last_of_line) {
                    if let Some(moved) = line.pop() {
                        carried.insert(0, moved);
                    }
                } else {
                    break;
                }
            }
            lines.push(finish(&mut line));
            width = 0.0;
            // The carried units start the next line afresh (an overlong one is then broken).
            for unit in carried.into_iter().rev() {
                queue.push_front(unit);
            }
        }
        lines.push(finish(&mut line));
    }
    lines
}

fn finish(line: &mut Vec<&str>) -> String {
    let text: String = std::mem::take(line).concat();
    text.trim_end_matches(' ').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Full-width characters are 1 wide, ASCII ½.
    fn width(c: char) -> f32 {
        if c.is_ascii() { 0.5 } else { 1.0 }
    }

    fn wrap(text: &str, max: f32) -> Vec<String> {
        break_lines(text, max, width)
    }

    #[test]
    fn plain_breaks_at_the_width() {
        assert_eq!(wrap("倫理審査委員会", 3.0), ["倫理審", "査委員", "会"]);
    }

    #[test]
    fn no_line_starts_with_closing_punctuation() {
        // 「審査。」: 。 would start line 2; 査 goes down with it.
        assert_eq!(wrap("倫理審査。以上", 4.0), ["倫理審", "査。以上"]);
        for line in wrap(
            "（分野毎にその特性をふまえた）標準的な基準が必要ではないか。",
            5.0,
        ) {
            let first = line.chars().next().unwrap_or(' ');
            assert!(!is_no_line_start(first), "line starts with {first}: {line}");
        }
    }

    #[test]
    fn no_line_ends_with_an_opening_bracket() {
        for width_limit in 3..12 {
            for line in wrap(
                "現行の「人を対象とする医学系研究に関する倫理指針」に基づき",
                width_limit as f32,
            ) {
                let last = line.chars().last().unwrap_or(' ');
                assert!(!is_no_line_end(last), "line ends with {last}: {line}");
            }
        }
    }

    #[test]
    fn latin_words_and_numbers_stay_whole() {
        let lines = wrap("共同研究でAI-IRBの設置は2022年度", 6.0);
        assert!(lines.iter().any(|l| l.contains("AI-IRB")), "{lines:?}");
        assert!(lines.iter().any(|l| l.contains("2022")), "{lines:?}");
    }

    #[test]
    fn an_overlong_word_is_broken_by_character() {
        let lines = wrap("https://www.mhlw.go.jp/content/000769923.pdf", 5.0);
        assert!(lines.len() > 1);
        assert!(
            lines
                .iter()
                .all(|l| l.chars().map(width).sum::<f32>() <= 5.0),
            "{lines:?}"
        );
        assert_eq!(
            lines.concat(),
            "https://www.mhlw.go.jp/content/000769923.pdf"
        );
    }

    #[test]
    fn an_overlong_word_after_text_is_broken_too() {
        let text = "ガイダンス」https://www.mhlw.go.jp/content/000769923.pdf及び";
        let lines = wrap(text, 8.0);
        assert!(
            lines
                .iter()
                .all(|l| l.chars().map(width).sum::<f32>() <= 8.0),
            "{lines:?}"
        );
        assert_eq!(lines.concat(), text);
    }

    #[test]
    fn newlines_break_and_nothing_is_lost() {
        let text = "○ 施設ごとに倫理審査の承認され易さが異なる（審査委員会によって法解釈が異なるため）が、\n（分野毎にその特性をふまえた）標準的な基準が必要ではないか。";
        let lines = wrap(text, 7.0);
        assert_eq!(lines.concat(), text.replace('\n', ""));
        assert!(
            lines
                .iter()
                .all(|l| l.chars().map(width).sum::<f32>() <= 8.0),
            "{lines:?}"
        );
    }
}
