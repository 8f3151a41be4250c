//! Test support: the seed's texts, and a check that lines of one paragraph keep the 禁則 rules —
//! used by the print layout's tests and the grid's, so that paper and screen are held to the same
//! rules.

use crate::export::kinsoku::{is_no_line_end, is_no_line_start};
use crate::model::{Document, Marker};

/// Every text of `document` that the grid and the printed page wrap, as shown (markers and
/// 【】 included), split into paragraphs at newlines.
pub fn seed_paragraphs(document: &Document) -> Vec<String> {
    let mut texts = Vec::new();
    for domain in &document.domains {
        texts.push(domain.name.clone());
        for roadblock in &domain.roadblocks {
            texts.push(roadblock.scope.clone());
            texts.push(format!(
                "【{}】{}",
                roadblock.title,
                roadblock.categories_label()
            ));
            texts.extend(roadblock.description.iter().map(|d| format!("○ {d}")));
            for item in roadblock.done.iter().chain(&roadblock.actions) {
                texts.push(match item.marker {
                    Marker::Plain => item.text.clone(),
                    marker => format!("{}{}", marker.symbol(), item.text),
                });
            }
        }
        for entry in &domain.entries {
            texts.push(entry.label.clone());
            texts.push(entry.detail.clone());
        }
    }
    texts
        .iter()
        .flat_map(|t| t.split('\n'))
        .filter(|t| !t.trim().is_empty())
        .map(str::to_owned)
        .collect()
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-_./:%#&=?@~+".contains(c)
}

/// The rules `lines` (`text`, one paragraph, wrapped at `max`; spaces at a line's end dropped)
/// break, described; empty when none. A break inside a run of ASCII without spaces (with the brackets
/// around it) wider than `max` is forced and not counted.
pub fn violations(
    text: &str,
    lines: &[&str],
    max: f32,
    width_of: &dyn Fn(char) -> f32,
) -> Vec<String> {
    let mut found = Vec::new();
    let width = |s: &str| s.chars().map(width_of).sum::<f32>();
    for line in lines {
        if line.chars().count() > 1 && width(line) > max + 0.01 {
            found.push(format!("wider than {max}: {line}"));
        }
    }
    // Where each line starts in `text`, and whether spaces were dropped before it.
    let mut at = 0;
    let mut spaced = Vec::new();
    for line in lines {
        let rest = &text[at..];
        let trimmed = if line.starts_with(' ') {
            rest
        } else {
            rest.trim_start_matches(' ')
        };
        assert!(trimmed.starts_with(line), "{line} not next in {text}");
        spaced.push(trimmed.len() < rest.len());
        at += rest.len() - trimmed.len() + line.len();
    }
    for (index, pair) in lines.windows(2).enumerate() {
        let (line, next) = (pair[0], pair[1]);
        let (Some(last), Some(first)) = (line.chars().last(), next.chars().next()) else {
            continue;
        };
        if spaced[index + 1] {
            continue;
        }
        // The unbreakable run around the break: ASCII, with brackets held to it.
        let mut run: Vec<char> = line
            .chars()
            .rev()
            .take_while(|&c| c.is_ascii_graphic() || is_no_line_end(c))
            .collect();
        run.reverse();
        run.extend(
            next.chars()
                .take_while(|&c| c.is_ascii_graphic() || is_no_line_start(c)),
        );
        if run.len() > 1 && run.iter().map(|&c| width_of(c)).sum::<f32>() > max {
            continue; // forced
        }
        if is_word_char(last) && is_word_char(first) {
            found.push(format!("word split: {line} / {next}"));
        }
        if is_no_line_end(last) {
            found.push(format!("{last} ends a line: {line} / {next}"));
        }
        if is_no_line_start(first) {
            found.push(format!("{first} starts a line: {line} / {next}"));
        }
    }
    if let [.., before, last] = lines
        && last.chars().count() == 1
        && before.chars().count() > 2
    {
        found.push(format!("one character left alone: {before} / {last}"));
    }
    found
}
