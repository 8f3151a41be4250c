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
            Self(year.saturating_sub(1))
        }
    }

    /// The earliest fiscal year a document may use: FY1868, the first of 明治, the first era
    /// [`Era`] knows. Earlier years have no 和暦 label here.
    pub const EARLIEST: FiscalYear = FiscalYear(1868);

    /// The latest fiscal year a document may use: FY2200, far beyond any plan, and small
    /// enough that every sum of years and quarters stays exact.
    pub const LATEST: FiscalYear = FiscalYear(2200);

    /// Whether `validate` accepts this year: [`FiscalYear::EARLIEST`] to [`FiscalYear::LATEST`].
    #[must_use]
    pub fn is_supported(self) -> bool {
        (Self::EARLIEST..=Self::LATEST).contains(&self)
    }

    /// The fiscal year `n` years later (or earlier, for negative `n`), held at the ends of
    /// `i32` rather than wrapping (a damaged file can hold any `i32` year; `validate` reports
    /// years outside [`FiscalYear::EARLIEST`]..=[`FiscalYear::LATEST`]).
    #[must_use]
    pub fn offset(self, n: i32) -> Self {
        Self(self.0.saturating_add(n))
    }

    /// The header label of this fiscal year in the given style, with 以降 when `open_ended`.
    #[must_use]
    pub fn label(self, style: LabelStyle, open_ended: bool) -> String {
        year_label(
            i64::from(self.0),
            style,
            if open_ended { "以降" } else { "" },
        )
    }
}

/// The header label of fiscal year `year`, which may lie beyond `i32` (a column after FY
/// 2147483647 of a damaged file): such a year is written in 西暦 rather than wrapped. `suffix`
/// follows the label (「以降」, 「～」 on an open-ended last column; empty otherwise).
pub(super) fn year_label(year: i64, style: LabelStyle, suffix: &str) -> String {
    let era_year = i32::try_from(year)
        .ok()
        .and_then(|y| EraYear::of_fiscal_year(FiscalYear(y)));
    let mut label = match (style, era_year) {
        (LabelStyle::WarekiSeireki, Some(era_year)) => format!("{era_year}（{year}年）度"),
        (LabelStyle::Wareki, Some(era_year)) => format!("{era_year}度"),
        _ => format!("{year}年度"),
    };
    label.push_str(suffix);
    label
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
    /// 明治, from 1868-01-25 (proclaimed 1868-10-23, counted from the first day of Keiō 4).
    Meiji,
    /// 大正, from 1912-07-30.
    Taisho,
    /// 昭和, from 1926-12-25.
    Showa,
    /// 平成, from 1989-01-08.
    Heisei,
    /// 令和, from 2019-05-01.
    Reiwa,
}

impl Era {
    /// All eras, oldest first.
    pub const ALL: [Era; 5] = [Era::Meiji, Era::Taisho, Era::Showa, Era::Heisei, Era::Reiwa];

    /// The western year whose calendar year is 元年 of this era.
    #[must_use]
    pub fn first_year(self) -> i32 {
        self.first_day().0
    }

    /// The day the era began, as (year, month, day) of the Gregorian calendar.
    #[must_use]
    pub fn first_day(self) -> (i32, u8, u8) {
        match self {
            Era::Meiji => (1868, 1, 25),
            Era::Taisho => (1912, 7, 30),
            Era::Showa => (1926, 12, 25),
            Era::Heisei => (1989, 1, 8),
            Era::Reiwa => (2019, 5, 1),
        }
    }

    /// Whether the fiscal year in which this era began is named in it although the year
    /// started in the era before (see [`EraYear::of_fiscal_year`]). Only 令和: its first day
    /// was fixed by law in 2017, and the government names FY2019 「令和元年度」 (NOTES.md).
    /// 大正 and 昭和 began on an emperor's death, and their fiscal years kept the name they
    /// started with (FY1912 is 明治45年度, FY1926 大正15年度).
    #[must_use]
    pub fn names_the_fiscal_year_it_began_in(self) -> bool {
        matches!(self, Era::Reiwa)
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
    /// The era year of a western *calendar* year, by the convention that a year belongs to the
    /// newest era that began in or before it (2019 is 令和元年, 1989 is 平成元年). `None` before
    /// 明治. Fiscal years follow a different rule: [`EraYear::of_fiscal_year`].
    #[must_use]
    pub fn of_year(western: i32) -> Option<Self> {
        let era = Era::ALL
            .into_iter()
            .rev()
            .find(|era| era.first_year() <= western)?;
        Self::in_era(era, western)
    }

    /// The era year that names a fiscal year (「…年度」).
    ///
    /// A fiscal year takes the era in force on its first day, 1 April — the name it was
    /// budgeted and started under: FY1912 is 明治45年度 (大正 began on 30 July 1912), FY1926
    /// 大正15年度 (昭和 began on 25 December 1926), FY1989 平成元年度 (平成 began on 8 January
    /// 1989). The one exception is an era for which [`Era::names_the_fiscal_year_it_began_in`]
    /// holds: 令和 began on 1 May 2019, and FY2019 is 令和元年度 as the government names it
    /// (NOTES.md). The number is that of the calendar year of 1 April. `None` for a fiscal
    /// year starting before 明治.
    #[must_use]
    pub fn of_fiscal_year(fiscal_year: FiscalYear) -> Option<Self> {
        let april_first = (fiscal_year.0, 4, 1);
        let next_april_first = (fiscal_year.0.saturating_add(1), 4, 1);
        let era = Era::ALL.into_iter().rev().find(|era| {
            era.first_day() <= april_first
                || (era.names_the_fiscal_year_it_began_in() && era.first_day() < next_april_first)
        })?;
        Self::in_era(era, fiscal_year.0)
    }

    /// Year `western` counted in `era`; `None` before its first year.
    fn in_era(era: Era, western: i32) -> Option<Self> {
        let year = i64::from(western) - i64::from(era.first_year()) + 1;
        let year = u32::try_from(year).ok().filter(|&y| y > 0)?;
        Some(Self { era, year })
    }

    /// The western year of this era year (held at `i32::MAX` for a year no calendar reaches).
    #[must_use]
    pub fn western(self) -> i32 {
        let western = i64::from(self.era.first_year()) + i64::from(self.year) - 1;
        i32::try_from(western).unwrap_or(i32::MAX)
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
    fn a_fiscal_year_takes_the_era_of_its_first_day_but_reiwa_names_fy2019() {
        for (fiscal, label) in [
            (1867, "1867年度"),
            (1868, "明治元年度"),
            (1911, "明治４４年度"),
            // 大正 began on 30 July 1912, 昭和 on 25 December 1926: within those fiscal years.
            (1912, "明治４５年度"),
            (1913, "大正２年度"),
            (1925, "大正１４年度"),
            (1926, "大正１５年度"),
            (1927, "昭和２年度"),
            // 平成 began on 8 January 1989, in FY1988; FY1989 started in 平成元年.
            (1988, "昭和６３年度"),
            (1989, "平成元年度"),
            (2018, "平成３０年度"),
            // 令和 began on 1 May 2019; the government names FY2019 令和元年度 (NOTES.md).
            (2019, "令和元年度"),
            (2020, "令和２年度"),
        ] {
            assert_eq!(
                FiscalYear(fiscal).label(LabelStyle::Wareki, false),
                label,
                "FY{fiscal}"
            );
        }
        assert_eq!(
            FiscalYear(1926).label(LabelStyle::WarekiSeireki, true),
            "大正１５年（1926年）度以降"
        );
    }

    #[test]
    fn year_arithmetic_never_wraps() {
        assert_eq!(FiscalYear(i32::MAX).offset(1), FiscalYear(i32::MAX));
        assert_eq!(FiscalYear(i32::MIN).offset(-1), FiscalYear(i32::MIN));
        assert_eq!(FiscalYear::containing(i32::MIN, 1), FiscalYear(i32::MIN));
        let huge = EraYear {
            era: Era::Reiwa,
            year: u32::MAX,
        };
        assert_eq!(huge.western(), i32::MAX);
        assert_eq!(
            FiscalYear(i32::MAX).label(LabelStyle::Seireki, false),
            "2147483647年度"
        );
        assert!(
            !FiscalYear(i32::MIN)
                .label(LabelStyle::WarekiSeireki, false)
                .contains("令和")
        );
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
