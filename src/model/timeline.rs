//! The chart's fiscal-year columns and points in time on it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::fiscal_year::{FiscalYear, LabelStyle, year_label};

/// The fiscal-year columns of a roadmap: 「令和４年（2022年）度」 … 「令和６年（2024年）度以降」.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timeline {
    /// The fiscal year of the first column.
    pub first_year: FiscalYear,
    /// How many fiscal-year columns the chart has (at least 1).
    pub years: u8,
    /// Whether the last column is open-ended (「…年度以降」).
    pub open_ended: bool,
    /// How column headers are written.
    pub label_style: LabelStyle,
    /// What follows the open-ended last column's year and open-ended periods: 以降 unless
    /// the document says otherwise (left out of the file then).
    #[serde(default, skip_serializing_if = "OpenEndSuffix::is_default")]
    pub open_end_suffix: OpenEndSuffix,
    /// Column headers written by hand, by column index (0-based), in place of the computed
    /// label (suffix included); left out of the file when empty.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "super::unique::label_overrides"
    )]
    pub label_overrides: BTreeMap<u8, String>,
}

/// What follows an open-ended year: 「令和６年（2024年）度以降」 or 「2023年度～」.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum OpenEndSuffix {
    /// 「以降」, as the seed writes it.
    #[default]
    Onward,
    /// 「～」.
    Tilde,
    /// Any other wording, written as given.
    Custom(String),
}

impl OpenEndSuffix {
    /// The text written after the year.
    #[must_use]
    pub fn text(&self) -> &str {
        match self {
            Self::Onward => "以降",
            Self::Tilde => "～",
            Self::Custom(text) => text,
        }
    }

    /// Whether this is the default, 以降 (serde leaves it out of the file then).
    #[must_use]
    pub fn is_default(&self) -> bool {
        *self == Self::Onward
    }
}

impl Timeline {
    /// The fiscal year of the last column.
    #[must_use]
    pub fn last_year(&self) -> FiscalYear {
        self.first_year.offset(i32::from(self.years.max(1)) - 1)
    }

    /// The header label of column `index` (0-based): the override written for it, else the
    /// year in the label style, with the open-end suffix (以降) on the last one when open-ended.
    #[must_use]
    pub fn column_label(&self, index: usize) -> String {
        if let Some(label) = u8::try_from(index)
            .ok()
            .and_then(|index| self.label_overrides.get(&index))
        {
            return label.clone();
        }
        let is_last = index + 1 == usize::from(self.years);
        // In i64: the columns after FY2147483647 of a damaged file are not wrapped.
        let year =
            i64::from(self.first_year.0).saturating_add(i64::try_from(index).unwrap_or(i64::MAX));
        let suffix = if is_last && self.open_ended {
            self.open_end_suffix.text()
        } else {
            ""
        };
        year_label(year, self.label_style, suffix)
    }

    /// All column labels in order.
    #[must_use]
    pub fn column_labels(&self) -> Vec<String> {
        (0..usize::from(self.years))
            .map(|i| self.column_label(i))
            .collect()
    }

    /// Whether a fiscal year has a column on this chart.
    #[must_use]
    pub fn shows(&self, year: FiscalYear) -> bool {
        year >= self.first_year && year <= self.last_year()
    }

    /// The position of the start of `point`, in columns from the left edge of the first column.
    #[must_use]
    pub fn start_position(&self, point: &TimePoint) -> f32 {
        self.years_from_first(point.year) + point.start_fraction()
    }

    /// The position of the end of `point`, in columns from the left edge of the first column.
    #[must_use]
    pub fn end_position(&self, point: &TimePoint) -> f32 {
        self.years_from_first(point.year) + point.end_fraction()
    }

    /// How many years `year` lies after the first column (negative before it), without
    /// wrapping for years far apart.
    fn years_from_first(&self, year: FiscalYear) -> f32 {
        (i64::from(year.0) - i64::from(self.first_year.0)) as f32
    }

    /// The same timeline shifted by `n` fiscal years (for a new revision).
    #[must_use]
    pub fn shifted(&self, n: i32) -> Self {
        Self {
            first_year: self.first_year.offset(n),
            ..self.clone()
        }
    }
}

impl Default for Timeline {
    fn default() -> Self {
        Self {
            first_year: FiscalYear(2022),
            years: 3,
            open_ended: true,
            label_style: LabelStyle::WarekiSeireki,
            open_end_suffix: OpenEndSuffix::Onward,
            label_overrides: BTreeMap::new(),
        }
    }
}

/// A point on the chart: a fiscal year, optionally narrowed to a quarter or a month.
///
/// As a start it means the beginning of that period, as an end the end of it:
/// `start: (year: 2022), end: (year: 2022)` covers the whole of FY2022.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimePoint {
    /// The fiscal year.
    pub year: FiscalYear,
    /// A quarter or month inside the year, when the seed's arrow is that precise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<PartOfYear>,
}

impl TimePoint {
    /// The point as a sentence writes it: 「令和４年度」, 「令和４年度第２四半期」, 「令和４年度10月」
    /// in the 和暦 styles (the short form, without the 西暦 of column headers); 「2022年度」,
    /// 「2022年度第2四半期」 in [`LabelStyle::Seireki`].
    #[must_use]
    pub fn label(self, style: LabelStyle) -> String {
        let wareki = style != LabelStyle::Seireki;
        let year = year_label(
            i64::from(self.year.0),
            if wareki {
                LabelStyle::Wareki
            } else {
                LabelStyle::Seireki
            },
            "",
        );
        let number = |n: u8| {
            if wareki {
                super::fiscal_year::to_fullwidth_digits(&n.to_string())
            } else {
                n.to_string()
            }
        };
        match self.part {
            Some(PartOfYear::Quarter(q)) => format!("{year}第{}四半期", number(q)),
            Some(PartOfYear::Month(m)) => format!("{year}{m}月"),
            None => year,
        }
    }

    /// A whole fiscal year.
    #[must_use]
    pub fn year(year: i32) -> Self {
        Self {
            year: FiscalYear(year),
            part: None,
        }
    }

    /// A quarter (1–4, Q1 = April–June) of a fiscal year.
    #[must_use]
    pub fn quarter(year: i32, quarter: u8) -> Self {
        Self {
            year: FiscalYear(year),
            part: Some(PartOfYear::Quarter(quarter)),
        }
    }

    /// The same point `n` fiscal years later.
    #[must_use]
    pub fn shifted(self, n: i32) -> Self {
        Self {
            year: self.year.offset(n),
            ..self
        }
    }

    /// Where the period begins, as a fraction of its fiscal year (0.0 = 1 April).
    #[must_use]
    pub fn start_fraction(&self) -> f32 {
        match self.part {
            None => 0.0,
            Some(PartOfYear::Quarter(q)) => f32::from(q.clamp(1, 4) - 1) / 4.0,
            Some(PartOfYear::Month(m)) => f32::from(month_index(m)) / 12.0,
        }
    }

    /// Where the period ends, as a fraction of its fiscal year (1.0 = 31 March).
    #[must_use]
    pub fn end_fraction(&self) -> f32 {
        match self.part {
            None => 1.0,
            Some(PartOfYear::Quarter(q)) => f32::from(q.clamp(1, 4)) / 4.0,
            Some(PartOfYear::Month(m)) => f32::from(month_index(m) + 1) / 12.0,
        }
    }

    /// The first quarter this point covers, counted from year 0 (FY2022 Q1 is 2022 × 4).
    /// A month counts as its quarter. Held at the ends of `i32` for years beyond ±536870911
    /// (outside what `validate` accepts); [`TimePoint::first_quarter_exact`] never is.
    #[must_use]
    pub fn first_quarter(&self) -> i32 {
        saturate(self.first_quarter_exact())
    }

    /// The last quarter this point covers, counted as in [`TimePoint::first_quarter`].
    #[must_use]
    pub fn last_quarter(&self) -> i32 {
        saturate(self.last_quarter_exact())
    }

    /// [`TimePoint::first_quarter`] in `i64`, exact for every year.
    #[must_use]
    pub fn first_quarter_exact(&self) -> i64 {
        i64::from(self.year.0) * 4 + i64::from(self.quarter_index_range().0)
    }

    /// [`TimePoint::last_quarter`] in `i64`, exact for every year.
    #[must_use]
    pub fn last_quarter_exact(&self) -> i64 {
        i64::from(self.year.0) * 4 + i64::from(self.quarter_index_range().1)
    }

    /// The quarters (0–3) of the fiscal year this point covers.
    fn quarter_index_range(self) -> (u8, u8) {
        match self.part {
            None => (0, 3),
            Some(PartOfYear::Quarter(q)) => (q.clamp(1, 4) - 1, q.clamp(1, 4) - 1),
            Some(PartOfYear::Month(m)) => (month_index(m) / 3, month_index(m) / 3),
        }
    }

    /// A start at absolute quarter `q`: the whole year when it is the year's first quarter.
    #[must_use]
    pub fn starting_at_quarter(q: i32) -> Self {
        Self::starting_at_quarter_exact(i64::from(q))
    }

    /// An end at absolute quarter `q`: the whole year when it is the year's last quarter.
    #[must_use]
    pub fn ending_at_quarter(q: i32) -> Self {
        Self::ending_at_quarter_exact(i64::from(q))
    }

    /// [`TimePoint::starting_at_quarter`] from an `i64` quarter (the year held at the ends of
    /// `i32`).
    #[must_use]
    pub fn starting_at_quarter_exact(q: i64) -> Self {
        let (year, quarter) = (saturate(q.div_euclid(4)), q.rem_euclid(4));
        if quarter == 0 {
            Self::year(year)
        } else {
            Self::quarter(year, quarter as u8 + 1)
        }
    }

    /// [`TimePoint::ending_at_quarter`] from an `i64` quarter (the year held at the ends of
    /// `i32`).
    #[must_use]
    pub fn ending_at_quarter_exact(q: i64) -> Self {
        let (year, quarter) = (saturate(q.div_euclid(4)), q.rem_euclid(4));
        if quarter == 3 {
            Self::year(year)
        } else {
            Self::quarter(year, quarter as u8 + 1)
        }
    }

    /// Whether the quarter or month is in range.
    #[must_use]
    pub fn is_valid(&self) -> bool {
        match self.part {
            None => true,
            Some(PartOfYear::Quarter(q)) => (1..=4).contains(&q),
            Some(PartOfYear::Month(m)) => (1..=12).contains(&m),
        }
    }
}

/// `value` held at the ends of `i32`.
fn saturate(value: i64) -> i32 {
    i32::try_from(value).unwrap_or(if value < 0 { i32::MIN } else { i32::MAX })
}

/// The position of a calendar month inside a fiscal year: April is 0, March is 11.
fn month_index(month: u8) -> u8 {
    (month.clamp(1, 12) + 8) % 12
}

/// A part of a fiscal year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PartOfYear {
    /// Quarter 1–4 of the fiscal year (Q1 = April–June).
    Quarter(u8),
    /// Calendar month 1–12 (January–March fall at the end of the fiscal year).
    Month(u8),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed_after() -> Timeline {
        Timeline {
            first_year: FiscalYear(2022),
            years: 3,
            open_ended: true,
            label_style: LabelStyle::WarekiSeireki,
            ..Timeline::default()
        }
    }

    #[test]
    fn column_labels_as_the_seed() {
        assert_eq!(
            seed_after().column_labels(),
            [
                "令和４年（2022年）度",
                "令和５年（2023年）度",
                "令和６年（2024年）度以降"
            ]
        );
    }

    #[test]
    fn the_last_column_ends_with_the_open_end_suffix_in_every_style() {
        let cases = [
            (LabelStyle::WarekiSeireki, "令和６年（2024年）度"),
            (LabelStyle::Wareki, "令和６年度"),
            (LabelStyle::Seireki, "2024年度"),
        ];
        for (style, last) in cases {
            for (suffix, text) in [
                (OpenEndSuffix::Onward, "以降"),
                (OpenEndSuffix::Tilde, "～"),
                (OpenEndSuffix::Custom("以降継続".to_owned()), "以降継続"),
            ] {
                let mut timeline = Timeline {
                    label_style: style,
                    open_end_suffix: suffix,
                    ..seed_after()
                };
                let labels = timeline.column_labels();
                assert_eq!(labels[2], format!("{last}{text}"), "{style:?}");
                assert!(!labels[1].ends_with(text), "{labels:?}");
                timeline.open_ended = false;
                assert_eq!(timeline.column_labels()[2], last, "{style:?}");
            }
        }
    }

    #[test]
    fn a_label_written_by_hand_replaces_the_computed_one() {
        let mut timeline = seed_after();
        timeline.label_overrides.insert(0, "現在".to_owned());
        timeline.label_overrides.insert(2, "2024年度～".to_owned());
        timeline.label_overrides.insert(9, "使われない".to_owned());
        assert_eq!(
            timeline.column_labels(),
            ["現在", "令和５年（2023年）度", "2024年度～"]
        );
    }

    #[test]
    fn positions_in_columns() {
        let t = seed_after();
        assert!((t.start_position(&TimePoint::year(2023)) - 1.0).abs() < f32::EPSILON);
        assert!((t.end_position(&TimePoint::year(2023)) - 2.0).abs() < f32::EPSILON);
        assert!((t.start_position(&TimePoint::quarter(2022, 3)) - 0.5).abs() < f32::EPSILON);
        let april = TimePoint {
            year: FiscalYear(2022),
            part: Some(PartOfYear::Month(4)),
        };
        let march = TimePoint {
            year: FiscalYear(2022),
            part: Some(PartOfYear::Month(3)),
        };
        assert!(t.start_position(&april).abs() < f32::EPSILON);
        assert!((t.end_position(&march) - 1.0).abs() < f32::EPSILON);
    }

    #[test]
    fn shows_and_shift() {
        let t = seed_after();
        assert!(t.shows(FiscalYear(2024)));
        assert!(!t.shows(FiscalYear(2025)));
        assert_eq!(t.shifted(-2).column_label(0), "令和２年（2020年）度");
    }

    #[test]
    fn quarters_round_trip_and_whole_years_stay_whole() {
        let whole = TimePoint::year(2022);
        assert_eq!(
            (whole.first_quarter(), whole.last_quarter()),
            (2022 * 4, 2022 * 4 + 3)
        );
        assert_eq!(
            TimePoint::starting_at_quarter(whole.first_quarter() + 4),
            TimePoint::year(2023)
        );
        assert_eq!(
            TimePoint::ending_at_quarter(whole.last_quarter() + 4),
            TimePoint::year(2023)
        );
        assert_eq!(
            TimePoint::starting_at_quarter(2022 * 4 + 2),
            TimePoint::quarter(2022, 3)
        );
        assert_eq!(
            TimePoint::ending_at_quarter(2022 * 4 + 1),
            TimePoint::quarter(2022, 2)
        );
        let december = TimePoint {
            year: FiscalYear(2022),
            part: Some(PartOfYear::Month(12)),
        };
        assert_eq!(december.first_quarter(), 2022 * 4 + 2);
        for q in [-9, -1, 0, 1, 7, 8099] {
            assert_eq!(TimePoint::starting_at_quarter(q).first_quarter(), q);
            assert_eq!(TimePoint::ending_at_quarter(q).last_quarter(), q);
        }
    }

    #[test]
    fn extreme_years_never_wrap() {
        let last = Timeline {
            first_year: FiscalYear(i32::MAX),
            years: 3,
            open_ended: true,
            label_style: LabelStyle::Seireki,
            ..Timeline::default()
        };
        assert_eq!(
            last.column_labels(),
            ["2147483647年度", "2147483648年度", "2147483649年度以降"]
        );
        assert_eq!(last.last_year(), FiscalYear(i32::MAX));
        assert!(last.start_position(&TimePoint::year(i32::MIN)) < -4.0e9);
        assert!(last.shifted(1).first_year == FiscalYear(i32::MAX));
        let far = TimePoint::quarter(600_000_000, 4);
        assert_eq!(far.first_quarter_exact(), 2_400_000_003);
        assert_eq!(far.last_quarter(), i32::MAX);
        assert_eq!(TimePoint::year(i32::MIN).first_quarter(), i32::MIN);
        assert_eq!(
            TimePoint::starting_at_quarter_exact(far.first_quarter_exact()),
            far
        );
        assert_eq!(
            TimePoint::year(i32::MAX).shifted(5),
            TimePoint::year(i32::MAX)
        );
    }

    #[test]
    fn part_validity() {
        assert!(TimePoint::quarter(2022, 4).is_valid());
        assert!(!TimePoint::quarter(2022, 5).is_valid());
        assert!(
            !TimePoint {
                year: FiscalYear(2022),
                part: Some(PartOfYear::Month(0))
            }
            .is_valid()
        );
    }
}
