//! Japanese fiscal years (年度, April–March) and their names in the Japanese eras (和暦).

use std::fmt;

use serde::{Deserialize, Serialize};

/// A Japanese fiscal year (年度), named by the western year in which it starts.
///
/// `FiscalYear(2022)` runs from 1 April 2022 to 31 March 2023 and is printed
/// 「令和４年（2022年）度」 or 「2022年度」 depending on [`LabelStyle`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FiscalYear(pub i32);

impl FiscalYear {
    /// The fiscal year that contains the given calendar date (month 1–12).
    /// January to March belong to the fiscal year that started the April before.
    #[must_use]
    pub fn containing(year: i32, month: u8) -> Self {
        if month >= 4 {
            Self(year)
        } else {
            Self(year - 1)
        }
    }

    /// The fiscal year `n` years later (or earlier, for negative `n`).
    #[must_use]
    pub fn offset(self, n: i32) -> Self {
        Self(self.0 + n)
    }

    /// The header label of this fiscal year in the given style, with 以降 when `open_ended`.
    #[must_use]
    pub fn label(self, style: LabelStyle, open_ended: bool) -> String {
        let mut label = match (style, EraYear::of_year(self.0)) {
            (LabelStyle::WarekiSeireki, Some(era_year)) => {
                format!("{era_year}（{}年）度", self.0)
            }
            (LabelStyle::Wareki, Some(era_year)) => format!("{era_year}度"),
            _ => format!("{}年度", self.0),
        };
        if open_ended {
            label.push_str("以降");
        }
        label
    }
}

impl fmt::Display for FiscalYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FY{}", self.0)
    }
}

/// How fiscal-year column headers are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum LabelStyle {
    /// 和暦 with 西暦, as the seed prints it: 「令和４年（2022年）度」.
    #[default]
    WarekiSeireki,
    /// 和暦 only: 「令和４年度」.
    Wareki,
    /// 西暦 only: 「2022年度」.
    Seireki,
}

/// A Japanese era (元号) of the modern calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Era {
    /// 明治, from 1868.
    Meiji,
    /// 大正, from 1912.
    Taisho,
    /// 昭和, from 1926.
    Showa,
    /// 平成, from 1989.
    Heisei,
    /// 令和, from 2019.
    Reiwa,
}

impl Era {
    /// All eras, oldest first.
    pub const ALL: [Era; 5] = [Era::Meiji, Era::Taisho, Era::Showa, Era::Heisei, Era::Reiwa];

    /// The western year whose calendar year is 元年 of this era.
    #[must_use]
    pub fn first_year(self) -> i32 {
        match self {
            Era::Meiji => 1868,
            Era::Taisho => 1912,
            Era::Showa => 1926,
            Era::Heisei => 1989,
            Era::Reiwa => 2019,
        }
    }

    /// The era name in kanji.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Era::Meiji => "明治",
            Era::Taisho => "大正",
            Era::Showa => "昭和",
            Era::Heisei => "平成",
            Era::Reiwa => "令和",
        }
    }
}

/// A year counted in a Japanese era: 令和4年 is `EraYear { era: Reiwa, year: 4 }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EraYear {
    /// The era.
    pub era: Era,
    /// The year within the era, 1 for 元年.
    pub year: u32,
}

impl EraYear {
    /// The era year of a western year, by the convention that a year belongs to the newest era
    /// that began in or before it (2019 is 令和元年, 1989 is 平成元年). `None` before 明治.
    #[must_use]
    pub fn of_year(western: i32) -> Option<Self> {
        let era = Era::ALL
            .into_iter()
            .rev()
            .find(|era| era.first_year() <= western)?;
        let year = u32::try_from(western - era.first_year() + 1).ok()?;
        Some(Self { era, year })
    }

    /// The western year of this era year.
    #[must_use]
    pub fn western(self) -> i32 {
        self.era.first_year() + self.year as i32 - 1
    }
}

impl fmt::Display for EraYear {
    /// 「令和４年」 with a full-width number, 「令和元年」 for the first year.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.year == 1 {
            write!(f, "{}元年", self.era.name())
        } else {
            write!(
                f,
                "{}{}年",
                self.era.name(),
                to_fullwidth_digits(&self.year.to_string())
            )
        }
    }
}

/// Replaces ASCII digits with full-width ones (「４」), leaving other characters alone.
#[must_use]
pub fn to_fullwidth_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32('０' as u32 + d).unwrap_or(c),
            None => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_labels_exactly() {
        let style = LabelStyle::WarekiSeireki;
        assert_eq!(FiscalYear(2020).label(style, false), "令和２年（2020年）度");
        assert_eq!(
            FiscalYear(2022).label(style, true),
            "令和４年（2022年）度以降"
        );
        assert_eq!(
            FiscalYear(2024).label(style, true),
            "令和６年（2024年）度以降"
        );
    }

    #[test]
    fn gannen_and_other_styles() {
        assert_eq!(
            FiscalYear(2019).label(LabelStyle::WarekiSeireki, false),
            "令和元年（2019年）度"
        );
        assert_eq!(
            FiscalYear(2018).label(LabelStyle::Wareki, false),
            "平成３０年度"
        );
        assert_eq!(
            FiscalYear(1989).label(LabelStyle::Wareki, false),
            "平成元年度"
        );
        assert_eq!(
            FiscalYear(2023).label(LabelStyle::Seireki, true),
            "2023年度以降"
        );
        assert_eq!(
            FiscalYear(1800).label(LabelStyle::Wareki, false),
            "1800年度"
        );
    }

    #[test]
    fn era_boundaries() {
        for (western, name, year) in [
            (1868, "明治", 1),
            (1911, "明治", 44),
            (1912, "大正", 1),
            (1925, "大正", 14),
            (1926, "昭和", 1),
            (1988, "昭和", 63),
            (1989, "平成", 1),
            (2018, "平成", 30),
            (2019, "令和", 1),
            (2030, "令和", 12),
        ] {
            let era_year = EraYear::of_year(western).expect("modern year");
            assert_eq!(
                (era_year.era.name(), era_year.year),
                (name, year),
                "{western}"
            );
            assert_eq!(era_year.western(), western);
        }
        assert_eq!(EraYear::of_year(1867), None);
    }

    #[test]
    fn era_round_trip_for_every_modern_year() {
        for western in 1868..2200 {
            let era_year = EraYear::of_year(western).expect("modern year");
            assert_eq!(era_year.western(), western);
        }
    }

    #[test]
    fn fiscal_year_runs_april_to_march() {
        assert_eq!(FiscalYear::containing(2022, 4), FiscalYear(2022));
        assert_eq!(FiscalYear::containing(2023, 3), FiscalYear(2022));
        assert_eq!(FiscalYear::containing(2023, 1), FiscalYear(2022));
        assert_eq!(FiscalYear::containing(2022, 12), FiscalYear(2022));
    }

    #[test]
    fn fullwidth_digits() {
        assert_eq!(to_fullwidth_digits("令和10年"), "令和１０年");
    }
}
