//! Line breaking for Japanese text with 禁則処理, shared by printing and the window's grid: break
//! opportunities come from UAX #14 (`unicode-linebreak`: no line starts with a closing bracket,
//! 々, small kana, a long-vowel mark or 、。・; no line ends with an opening bracket), tailored so
//! that Latin words, numbers, hyphenated words (「AI-IRB」) and URLs are not broken (unless one
//! alone is wider than the line), and a paragraph's last line is not left with one character when
//! the line before can give one up.

use std::ops::Range;

/// Characters that must not start a line (行頭禁則), on top of UAX #14's own classes.
const NO_LINE_START: &str = "、。，．・：；？！ー‐–〜～ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻ゝゞヽヾ）〕］｝〉》」』】〙〗〟’”),.:;?!]}%％";
/// Characters that must not end a line (行末禁則), on top of UAX #14's own classes.
const NO_LINE_END: &str = "（〔［｛〈《「『【〘〖〝‘“([{";

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
        || ('Ａ'..='Ｚ').contains(&c)
        || ('ａ'..='ｚ').contains(&c)
        || ('０'..='９').contains(&c)
}

/// Whether `c` is a counter or unit written after a number (「2022年」, 「第17条」, 「30日」,
/// 「50％」): the number and it stay on one line.
fn is_counter(c: char) -> bool {
    "年月日度号条項回件人円時分秒歳割倍枚名点％%".contains(c)
}

/// Whether `c` is a digit, half-width or full-width.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Breaks `text` into lines no wider than `max_width`, measuring characters with `width_of`.
/// Explicit newlines always break. Spaces at a line's end are dropped.
pub fn break_lines(text: &str, max_width: f32, width_of: impl Fn(char) -> f32) -> Vec<String> {
    line_ranges(text, max_width, width_of)
        .into_iter()
        .map(|range| text[range].to_owned())
        .collect()
}

/// The lines [`break_lines`] makes of `text`, as byte ranges of `text` (without the newline
/// that ends a paragraph and without the spaces dropped at a line's end), in order. Every
/// paragraph gives at least one range (an empty paragraph an empty one).
pub fn line_ranges(
    text: &str,
    max_width: f32,
    width_of: impl Fn(char) -> f32,
) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for paragraph in text.split('\n') {
        for range in paragraph_lines(paragraph, max_width, &width_of) {
            ranges.push(start + range.start..start + range.end);
        }
        start += paragraph.len() + 1;
    }
    ranges
}

/// One paragraph (no newline inside) as its characters, their widths and where it may break.
struct Paragraph {
    /// Byte offset of each character, and the paragraph's length at the end.
    offsets: Vec<usize>,
    chars: Vec<char>,
    /// `prefix[i]`: the width of the first `i` characters.
    prefix: Vec<f32>,
    /// `allowed[i]`: a line may break before character `i` (`allowed[len]` is true).
    allowed: Vec<bool>,
}

impl Paragraph {
    fn new(text: &str, width_of: &impl Fn(char) -> f32) -> Self {
        let mut offsets: Vec<usize> = text.char_indices().map(|(at, _)| at).collect();
        let chars: Vec<char> = text.chars().collect();
        offsets.push(text.len());
        let mut prefix = Vec::with_capacity(chars.len() + 1);
        let mut sum = 0.0;
        prefix.push(sum);
        for &c in &chars {
            sum += width_of(c).max(0.0);
            prefix.push(sum);
        }
        let count = chars.len();
        let mut allowed = vec![false; count + 1];
        allowed[count] = true;
        for (at, _) in unicode_linebreak::linebreaks(text) {
            if let Ok(index) = offsets.binary_search(&at) {
                allowed[index] = true;
            }
        }
        for index in 1..count {
            let (before, after) = (chars[index - 1], chars[index]);
            if (is_word_char(before) && is_word_char(after))
                || (is_digit(before) && is_counter(after))
                || is_no_line_start(after)
                || is_no_line_end(before)
            {
                allowed[index] = false;
            }
        }
        allowed[0] = false;
        Self {
            offsets,
            chars,
            prefix,
            allowed,
        }
    }

    /// The end of characters `start..end` without the spaces at its end.
    fn trimmed_end(&self, start: usize, end: usize) -> usize {
        let mut end = end;
        while end > start && self.chars[end - 1] == ' ' {
            end -= 1;
        }
        end
    }

    /// Whether characters `start..end`, without spaces at the end, fit in `max`.
    fn fits(&self, start: usize, end: usize, max: f32) -> bool {
        let end = self.trimmed_end(start, end);
        self.prefix[end] - self.prefix[start] <= max
    }

    /// Greedy lines as character ranges: each as long as fits, broken where allowed; a piece
    /// between two opportunities wider than the line is broken by character.
    fn lines(&self, max: f32) -> Vec<Range<usize>> {
        let count = self.chars.len();
        let mut lines = Vec::new();
        let mut start = 0;
        while start < count {
            let mut best = None;
            for end in start + 1..=count {
                if !self.allowed[end] {
                    continue;
                }
                if self.fits(start, end, max) {
                    best = Some(end);
                } else {
                    break;
                }
            }
            let end = best.unwrap_or_else(|| self.forced_end(start, max));
            lines.push(start..end);
            start = end;
        }
        if lines.is_empty() {
            lines.push(0..0);
        }
        self.avoid_orphan(&mut lines, max);
        lines
    }

    /// Where to break a piece wider than the line starting at `start`: as many characters as
    /// fit (at least one), ending where the bracket and small-kana rules allow if possible.
    fn forced_end(&self, start: usize, max: f32) -> usize {
        let count = self.chars.len();
        let mut end = start + 1;
        while end < count && self.fits(start, end + 1, max) {
            end += 1;
        }
        (start + 1..=end)
            .rev()
            .find(|&at| {
                at == count
                    || !(is_no_line_start(self.chars[at]) || is_no_line_end(self.chars[at - 1]))
            })
            .unwrap_or(end)
    }

    /// When the last of several lines holds one character, moves the previous line's end back
    /// to its latest opportunity from which the rest still fits on one line (「再改/正」 →
    /// 「再/改正」).
    fn avoid_orphan(&self, lines: &mut [Range<usize>], max: f32) {
        let [.., previous, last] = lines else {
            return;
        };
        if self.trimmed_end(last.start, last.end) - last.start != 1 {
            return;
        }
        let end = last.end;
        // A piece broken by character (a long URL) may give up its last character too.
        let forced = !self.allowed[previous.end];
        if let Some(at) = (previous.start + 1..previous.end).rev().find(|&at| {
            (self.allowed[at] || (forced && at + 1 == previous.end)) && self.fits(at, end, max)
        }) {
            previous.end = at;
            last.start = at;
        }
    }
}

/// The lines of one paragraph as byte ranges (spaces at the end of a line left out).
fn paragraph_lines(
    text: &str,
    max_width: f32,
    width_of: &impl Fn(char) -> f32,
) -> Vec<Range<usize>> {
    let paragraph = Paragraph::new(text, width_of);
    paragraph
        .lines(max_width)
        .into_iter()
        .map(|line| {
            let end = paragraph.trimmed_end(line.start, line.end);
            paragraph.offsets[line.start]..paragraph.offsets[end]
        })
        .collect()
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
        assert_eq!(wrap("倫理審査委員", 3.0), ["倫理審", "査委員"]);
        // The last line would hold 会 alone: 員 comes down to it.
        assert_eq!(wrap("倫理審査委員会", 3.0), ["倫理審", "査委", "員会"]);
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
    fn a_number_keeps_its_counter() {
        // 「令和４年（2022年）度」 in a narrow column: never 「（2022」 / 「年）度」.
        for max in [5.0, 6.0, 7.0, 8.0, 9.0] {
            for line in wrap("令和４年（2022年）度", max) {
                assert!(!line.ends_with('2'), "{max}: {line}");
            }
        }
        assert_eq!(wrap("第17条", 2.5), vec!["第", "17条"]);
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

    /// Every line of `text` wrapped at widths 2–14 (step ½): `check` on each line, with the
    /// width and the line before.
    fn each_line(text: &str, check: impl Fn(f32, &str, &str)) {
        for step in 4..=28 {
            let max = step as f32 / 2.0;
            let lines = wrap(text, max);
            assert_eq!(
                lines.concat(),
                text.replace(['\n', ' '], ""),
                "at {max}: {lines:?}"
            );
            for pair in lines.windows(2) {
                check(max, &pair[0], &pair[1]);
            }
        }
    }

    #[test]
    fn an_opening_bracket_never_ends_a_line() {
        let text = "倫理審査委員会（IRB）の審査の質の担保の方策（要件等）と「指針」の見直し";
        each_line(text, |max, line, _| {
            let last = line.chars().last().unwrap_or(' ');
            assert!(!"（「".contains(last), "at {max}: {line} ends with {last}");
        });
    }

    #[test]
    fn iteration_marks_and_small_kana_never_start_a_line() {
        let text = "各々の施設で様々なチェックシートやマニュアル、こゝろ、〝ちょっと〟を用いる";
        each_line(text, |max, _, next| {
            if max < 4.0 {
                return; // 「〝ちょっ」 alone is wider: it has to be broken somewhere.
            }
            let first = next.chars().next().unwrap_or(' ');
            assert!(
                !"々ゝょっァ〟ッェー".contains(first),
                "at {max}: {next} starts with {first}"
            );
        });
        // 々 is a non-starter in UAX #14 itself, not only in our list.
        assert_eq!(wrap("の各々", 2.0), ["の", "各々"]);
    }

    #[test]
    fn latin_words_urls_and_hyphenated_words_stay_whole_when_they_fit() {
        for word in [
            "Informed",
            "PMDA",
            "AI-IRB",
            "https://www.mhlw.go.jp/a.pdf",
            "2022",
        ] {
            let text = format!("研究の{word}について審査の{word}の確認を行う");
            let word_width: f32 = word.chars().map(width).sum();
            for step in 4..=40 {
                let max = step as f32 / 2.0;
                if max < word_width {
                    continue;
                }
                let lines = wrap(&text, max);
                let whole: usize = lines.iter().map(|l| l.matches(word).count()).sum();
                assert_eq!(whole, 2, "{word} split at {max}: {lines:?}");
            }
        }
    }

    #[test]
    fn no_single_character_last_line_when_the_line_before_can_give_one_up() {
        assert_eq!(wrap("再改正", 2.0), ["再", "改正"]);
        assert_eq!(wrap("指針の再改正", 5.0), ["指針の再", "改正"]);
        // Kept together: 「（続」 cannot end a line before 」 — the orphan stays when it must.
        assert_eq!(wrap("あいう", 1.0), ["あ", "い", "う"]);
        // A URL broken by character gives up a character as well.
        assert_eq!(
            wrap("https://a.jp/x.pdf", 4.0),
            ["https://", "a.jp/x.p", "df"]
        );
        let text = "倫理審査委員会の審査の質の担保の方策と指針の見直しについての検討";
        each_line(text, |_, _, _| {});
        for step in 4..=28 {
            let max = step as f32 / 2.0;
            let lines = wrap(text, max);
            if let [.., _, last] = lines.as_slice() {
                assert!(last.chars().count() > 1 || max < 2.0, "at {max}: {lines:?}");
            }
        }
    }

    #[test]
    fn ranges_point_into_the_text() {
        let text = "○ 施設ごとに倫理審査の承認され易さが異なる\nAI-IRBの設置";
        let ranges = line_ranges(text, 6.0, width);
        let lines: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(lines, wrap(text, 6.0));
        assert!(ranges.windows(2).all(|p| p[0].end <= p[1].start));
    }
}
