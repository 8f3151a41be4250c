//! Page settings for printing: paper, orientation, margins, base font size, which domains.

use crate::model::Lang;
use serde::{Deserialize, Serialize};

/// Paper sizes drafters print on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Paper {
    /// A4, 210 × 297 mm.
    #[default]
    A4,
    /// A3, 297 × 420 mm.
    A3,
}

impl Paper {
    /// Short side and long side in points.
    #[must_use]
    pub fn size(self) -> (f32, f32) {
        match self {
            Self::A4 => (mm(210.0), mm(297.0)),
            Self::A3 => (mm(297.0), mm(420.0)),
        }
    }

    /// The name as written on the command line (`a4`, `a3`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::A4 => "A4",
            Self::A3 => "A3",
        }
    }
}

/// Points in `millimetres`.
#[must_use]
pub fn mm(millimetres: f32) -> f32 {
    millimetres * 72.0 / 25.4
}

/// How domains are spread over pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Pagination {
    /// Every domain starts a page of its own, as the seed's slides (a domain too tall for a page
    /// shrinks, then continues on more pages).
    #[default]
    Domain,
    /// As many whole domains per page as fit, stacked under one header row; a domain is split
    /// over pages only when it cannot fit a page alone.
    Fill,
    /// The whole roadmap on one page, its text shrunk step by step down to
    /// [`ONE_PAGE_FLOOR`]; a roadmap that still does not fit is an error, never a cut page.
    One,
}

impl Pagination {
    /// Every choice, in the order menus offer them.
    pub const ALL: [Pagination; 3] = [Self::Domain, Self::Fill, Self::One];

    /// The name as written on the command line (`domain`, `fill`, `one`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Domain => "domain",
            Self::Fill => "fill",
            Self::One => "one",
        }
    }
}

/// How pages are printed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PageSettings {
    /// Paper size.
    pub paper: Paper,
    /// Portrait instead of the slides' landscape.
    pub portrait: bool,
    /// Margin on every side, in millimetres.
    pub margin_mm: f32,
    /// Size of body text in points; headers and notes scale from it.
    pub base_size: f32,
    /// When a domain does not fit its page, shrink its text (down to [`MIN_SHRUNK_SIZE`])
    /// before continuing it on another page.
    pub shrink_to_fit: bool,
    /// Stretch the columns to the printable width (otherwise they keep their natural widths
    /// and shrink only when the page is too narrow).
    pub fit_width: bool,
    /// The domain numbers to print (①… as 1…); empty prints all.
    pub domains: Vec<u32>,
    /// How domains are spread over pages.
    pub pages: Pagination,
}

/// The smallest body size [`PageSettings::shrink_to_fit`] goes down to.
pub const MIN_SHRUNK_SIZE: f32 = 6.5;

/// The smallest body size [`Pagination::One`] shrinks a whole roadmap to. At 5 pt a kanji is
/// about 1.8 mm high — the size of the finest print in official tables and footnotes — and
/// its strokes still read on a laser printer; smaller text needs a loupe, so a roadmap that
/// does not fit at 5 pt is refused rather than printed illegibly.
pub const ONE_PAGE_FLOOR: f32 = 5.0;

impl Default for PageSettings {
    fn default() -> Self {
        Self {
            paper: Paper::A4,
            portrait: false,
            margin_mm: 10.0,
            base_size: 8.0,
            shrink_to_fit: true,
            fit_width: true,
            domains: Vec::new(),
            pages: Pagination::Domain,
        }
    }
}

impl PageSettings {
    /// Page width and height in points.
    #[must_use]
    pub fn page_size(&self) -> (f32, f32) {
        let (short, long) = self.paper.size();
        if self.portrait {
            (short, long)
        } else {
            (long, short)
        }
    }

    /// Whether domain number `number` is printed.
    #[must_use]
    pub fn prints_domain(&self, number: u32) -> bool {
        self.domains.is_empty() || self.domains.contains(&number)
    }
}

/// Why a domain list such as `1,4-6` cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid domain list {list:?}: {} (write numbers and ranges, e.g. 1,4-6)", reason.text(Lang::En))]
pub struct DomainListError {
    /// What was given.
    pub list: String,
    /// What is wrong.
    pub reason: DomainListProblem,
}

/// What is wrong with a domain list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DomainListProblem {
    /// A part is not a number (the part, trimmed).
    NotANumber(String),
    /// A range runs backwards (`6-4`).
    Decreasing(u32, u32),
    /// A range holds more than [`MAX_DOMAIN_RANGE`] domains.
    TooLong(u32, u32),
    /// Nothing but commas and spaces.
    Empty,
}

impl DomainListProblem {
    /// The problem in `lang`.
    #[must_use]
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::NotANumber(part), Lang::Ja) => format!("「{part}」は領域の番号ではありません"),
            (Self::NotANumber(part), Lang::En) => format!("{part:?} is not a domain number"),
            (Self::Decreasing(from, to), Lang::Ja) => {
                format!("{from}-{to} は小さい番号から大きい番号へ書いてください")
            }
            (Self::Decreasing(from, to), Lang::En) => {
                format!("the range {from}-{to} is not increasing")
            }
            (Self::TooLong(from, to), Lang::Ja) => {
                format!("{from}-{to} は長すぎます（一つの範囲は {MAX_DOMAIN_RANGE} 領域まで）")
            }
            (Self::TooLong(from, to), Lang::En) => format!(
                "the range {from}-{to} is too long: a range holds at most {MAX_DOMAIN_RANGE} domains"
            ),
            (Self::Empty, Lang::Ja) => "領域の番号がありません".to_owned(),
            (Self::Empty, Lang::En) => "no domain number given".to_owned(),
        }
    }
}

impl DomainListError {
    /// The error in `lang`, with how to write a list.
    #[must_use]
    pub fn sentence(&self, lang: Lang) -> String {
        match lang {
            Lang::Ja => format!(
                "印刷する領域「{}」を読めません：{}（番号と範囲を「1,4-6」のように書きます）",
                self.list,
                self.reason.text(lang)
            ),
            Lang::En => self.to_string(),
        }
    }
}

/// The most domains one range of a domain list may hold (`1-10000`).
pub const MAX_DOMAIN_RANGE: u32 = 10_000;

/// Parses a domain list such as `1,4-6` into the numbers 1, 4, 5, 6.
pub fn parse_domain_list(list: &str) -> Result<Vec<u32>, DomainListError> {
    let error = |reason: DomainListProblem| DomainListError {
        list: list.to_owned(),
        reason,
    };
    let number = |text: &str| {
        text.trim()
            .parse::<u32>()
            .map_err(|_| error(DomainListProblem::NotANumber(text.trim().to_owned())))
    };
    let mut numbers = Vec::new();
    for part in list.split(',').filter(|part| !part.trim().is_empty()) {
        if let Some((from, to)) = part.split_once('-') {
            let (from, to) = (number(from)?, number(to)?);
            if from > to {
                return Err(error(DomainListProblem::Decreasing(from, to)));
            }
            if to - from >= MAX_DOMAIN_RANGE {
                return Err(error(DomainListProblem::TooLong(from, to)));
            }
            numbers.extend(from..=to);
        } else {
            numbers.push(number(part)?);
        }
    }
    if numbers.is_empty() {
        return Err(error(DomainListProblem::Empty));
    }
    numbers.sort_unstable();
    numbers.dedup();
    Ok(numbers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_lists_read_numbers_and_ranges() {
        assert_eq!(parse_domain_list("1,4-6"), Ok(vec![1, 4, 5, 6]));
        assert_eq!(parse_domain_list(" 3 , 1,1"), Ok(vec![1, 3]));
        assert!(parse_domain_list("6-4").is_err());
        assert!(parse_domain_list("x").is_err());
        assert!(parse_domain_list("").is_err());
        assert!(parse_domain_list("1-99999999").is_err());
        assert_eq!(
            parse_domain_list("1-10000").map(|list| list.len()),
            Ok(10_000)
        );
        let long = parse_domain_list("1-20000")
            .expect_err("too long")
            .to_string();
        assert!(
            long.contains("too long") && long.contains("10000") && !long.contains("increasing"),
            "{long}"
        );
        let reversed = parse_domain_list("6-4").expect_err("reversed");
        assert!(
            reversed.to_string().contains("not increasing"),
            "{reversed}"
        );
        assert_eq!(
            reversed.sentence(Lang::Ja),
            "印刷する領域「6-4」を読めません：6-4 は小さい番号から大きい番号へ書いてください（番号と範囲を「1,4-6」のように書きます）"
        );
        let word = parse_domain_list("1,a").expect_err("not a number");
        assert!(
            word.sentence(Lang::Ja)
                .contains("「a」は領域の番号ではありません")
        );
    }

    #[test]
    fn landscape_is_wider_than_tall() {
        let settings = PageSettings::default();
        let (width, height) = settings.page_size();
        assert!((width - 841.89).abs() < 0.1 && (height - 595.28).abs() < 0.1);
        let portrait = PageSettings {
            portrait: true,
            paper: Paper::A3,
            ..settings
        };
        let (width, height) = portrait.page_size();
        assert!((width - 841.89).abs() < 0.1 && (height - 1190.55).abs() < 0.1);
    }
}
