//! Reading a fiscal year as a drafter types it: 「令和５年度」, 「令和４年（2022年）度」, 「R5」,
//! 「平成元年度」, 「2023年度」, 「２０２３」 — for the year fields of the editor.

use super::fiscal_year::{Era, EraYear, FiscalYear};

/// The Latin letter drafters abbreviate each era with (R3 = 令和３年).
fn era_letter(era: Era) -> char {
    match era {
        Era::Meiji => 'M',
        Era::Taisho => 'T',
        Era::Showa => 'S',
        Era::Heisei => 'H',
        Era::Reiwa => 'R',
    }
}

/// The number at the start of `text` (元 is 1), if any.
fn leading_number(text: &str) -> Option<u32> {
    let text = text.trim_start();
    if text.starts_with('元') {
        return Some(1);
    }
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// The fiscal year `text` names: an era and its year (the era year as the fiscal year's, so
/// 令和元年度 is FY2019), or a western year of at least four digits. Full-width digits are read
/// as digits. `None` when the text names no year.
#[must_use]
pub fn parse_fiscal_year(text: &str) -> Option<FiscalYear> {
    let text: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => {
                char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c)
            }
            'ａ'..='ｚ' | 'Ａ'..='Ｚ' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect();
    for era in Era::ALL {
        let after = text
            .find(era.name())
            .map(|at| &text[at + era.name().len()..])
            .or_else(|| {
                let mut chars = text.chars();
                let first = chars.next()?.to_ascii_uppercase();
                (first == era_letter(era)).then_some(chars.as_str())
            });
        if let Some(year) = after.and_then(leading_number).filter(|&y| y > 0) {
            return Some(FiscalYear(EraYear { era, year }.western()));
        }
    }
    let digits: String = text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    (digits.len() >= 4)
        .then(|| digits.parse().ok())
        .flatten()
        .map(FiscalYear)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LabelStyle;

    #[test]
    fn the_ways_drafters_write_a_year_are_read() {
        let year = |text| parse_fiscal_year(text).map(|y| y.0);
        assert_eq!(year("令和５年度"), Some(2023));
        assert_eq!(year("令和5年度"), Some(2023));
        assert_eq!(year("令和元年度"), Some(2019));
        assert_eq!(year("平成31年度"), Some(2019));
        assert_eq!(year("令和４年（2022年）度"), Some(2022));
        assert_eq!(year("R5"), Some(2023));
        assert_eq!(year("ｒ３"), Some(2021));
        assert_eq!(year("H30"), Some(2018));
        assert_eq!(year("2023年度"), Some(2023));
        assert_eq!(year("２０２３"), Some(2023));
        assert_eq!(year(" 2024 "), Some(2024));
        assert_eq!(year("5"), None, "a bare era year names no era");
        assert_eq!(year("令和"), None);
        assert_eq!(year(""), None);
    }

    #[test]
    fn every_label_style_reads_back() {
        for y in [1868, 1912, 1926, 1989, 2019, 2022, 2200] {
            for style in [
                LabelStyle::WarekiSeireki,
                LabelStyle::Wareki,
                LabelStyle::Seireki,
            ] {
                let label = FiscalYear(y).label(style, false);
                assert_eq!(parse_fiscal_year(&label), Some(FiscalYear(y)), "{label}");
            }
        }
    }
}
