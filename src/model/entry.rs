//! Timeline entries: the labelled arrows, bars and milestones across the fiscal-year columns.

use serde::{Deserialize, Serialize};

use super::id::Id;
use super::timeline::{TimePoint, Timeline};

/// An arrow, bar or milestone such as 「医学研究等に係る倫理指針の改正」 or 「改定案のパブコメ」.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineEntry {
    /// Stable id.
    pub id: Id,
    /// The text written on or beside the entry.
    pub label: String,
    /// The notes (by id) whose marks follow the label: 「…画像DB構築¹」.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Id>,
    /// How the entry is drawn.
    pub kind: EntryKind,
    /// Where it starts (the beginning of this period).
    pub start: TimePoint,
    /// Where it ends (the end of this period); equal to `start` for a milestone.
    pub end: TimePoint,
    /// Whether it continues to the chart's right edge with an arrow head (「以降」 も継続).
    #[serde(default)]
    pub open_ended: bool,
    /// The roadblock rows the entry spans, by id. Empty means the whole domain.
    #[serde(default)]
    pub rows: Vec<Id>,
    /// Text printed under the entry: an explanation such as the seed's
    /// 「医学研究等に係る倫理指針の改正に伴い、…周知する。」, or a numbered note 「※1」.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
}

/// How a timeline entry is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum EntryKind {
    /// An arrow from start to end.
    #[default]
    Arrow,
    /// A bar (box) from start to end.
    Bar,
    /// A single event marker (◆) at the start, e.g. 「改定案のパブコメ」.
    Milestone,
}

/// Which part of an entry a drag moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DragHandle {
    /// The whole entry.
    Body,
    /// Its start.
    Start,
    /// Its end.
    End,
}

impl TimelineEntry {
    /// The entry's years as a reader writes them, in the timeline's label style and with its
    /// open-end suffix: 「令和４年度～令和６年度以降」, 「令和５年度」 for one year,
    /// 「2022年度～2023年度」 in 西暦, 「2023年度～」 for an open-ended year with the suffix ～.
    #[must_use]
    pub fn period_label(&self, timeline: &Timeline) -> String {
        let style = timeline.label_style;
        let start = self.start.label(style);
        let end = self.end.label(style);
        let mut period = if start == end {
            start
        } else {
            format!("{start}～{end}")
        };
        if self.open_ended {
            period.push_str(timeline.open_end_suffix.text());
        }
        period
    }

    /// The entry with `handle` moved by `quarters` (negative: earlier). A start never passes the
    /// end nor the end the start: the entry keeps at least one quarter.
    #[must_use]
    pub fn dragged(&self, handle: DragHandle, quarters: i32) -> Self {
        let (first, last) = (
            self.start.first_quarter_exact(),
            self.end.last_quarter_exact(),
        );
        let quarters = i64::from(quarters);
        let (first, last) = match handle {
            DragHandle::Body => (first + quarters, last + quarters),
            DragHandle::Start => ((first + quarters).min(last), last),
            DragHandle::End => (first, (last + quarters).max(first)),
        };
        Self {
            start: TimePoint::starting_at_quarter_exact(first),
            end: TimePoint::ending_at_quarter_exact(last),
            ..self.clone()
        }
    }

    /// The entry moved by `n` fiscal years.
    #[must_use]
    pub fn shifted(&self, n: i32) -> Self {
        Self {
            start: self.start.shifted(n),
            end: self.end.shifted(n),
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::FiscalYear;

    fn entry(start: TimePoint, end: TimePoint) -> TimelineEntry {
        TimelineEntry {
            id: "t".into(),
            label: String::new(),
            notes: Vec::new(),
            kind: EntryKind::Arrow,
            start,
            end,
            open_ended: false,
            rows: Vec::new(),
            detail: String::new(),
        }
    }

    /// A timeline in `style` with the default suffix.
    fn styled(style: crate::model::LabelStyle) -> Timeline {
        Timeline {
            label_style: style,
            ..Timeline::default()
        }
    }

    #[test]
    fn periods_are_written_in_the_documents_style() {
        use crate::model::LabelStyle;
        let mut span = entry(TimePoint::year(2022), TimePoint::year(2024));
        span.open_ended = true;
        assert_eq!(
            span.period_label(&styled(LabelStyle::WarekiSeireki)),
            "令和４年度～令和６年度以降"
        );
        assert_eq!(
            span.period_label(&styled(LabelStyle::Wareki)),
            "令和４年度～令和６年度以降"
        );
        assert_eq!(
            span.period_label(&styled(LabelStyle::Seireki)),
            "2022年度～2024年度以降"
        );
        let one_year = entry(TimePoint::year(2019), TimePoint::year(2019));
        assert_eq!(
            one_year.period_label(&styled(LabelStyle::Wareki)),
            "令和元年度"
        );
        let quarters = entry(TimePoint::quarter(2023, 2), TimePoint::quarter(2023, 4));
        assert_eq!(
            quarters.period_label(&styled(LabelStyle::WarekiSeireki)),
            "令和５年度第２四半期～令和５年度第４四半期"
        );
        assert_eq!(
            quarters.period_label(&styled(LabelStyle::Seireki)),
            "2023年度第2四半期～2023年度第4四半期"
        );
    }

    #[test]
    fn open_periods_end_with_the_timelines_suffix() {
        use crate::model::{LabelStyle, OpenEndSuffix};
        let mut span = entry(TimePoint::year(2022), TimePoint::year(2024));
        span.open_ended = true;
        let mut open_year = entry(TimePoint::year(2023), TimePoint::year(2023));
        open_year.open_ended = true;
        let expected = [
            (
                OpenEndSuffix::Onward,
                [
                    "令和４年度～令和６年度以降",
                    "令和５年度以降",
                    "2023年度以降",
                ],
            ),
            (
                OpenEndSuffix::Tilde,
                ["令和４年度～令和６年度～", "令和５年度～", "2023年度～"],
            ),
            (
                OpenEndSuffix::Custom("以降継続".to_owned()),
                [
                    "令和４年度～令和６年度以降継続",
                    "令和５年度以降継続",
                    "2023年度以降継続",
                ],
            ),
        ];
        for (suffix, [wareki_span, wareki_year, seireki_year]) in expected {
            let mut timeline = styled(LabelStyle::WarekiSeireki);
            timeline.open_end_suffix = suffix;
            assert_eq!(span.period_label(&timeline), wareki_span);
            assert_eq!(open_year.period_label(&timeline), wareki_year);
            timeline.label_style = LabelStyle::Wareki;
            assert_eq!(open_year.period_label(&timeline), wareki_year);
            timeline.label_style = LabelStyle::Seireki;
            assert_eq!(open_year.period_label(&timeline), seireki_year);
        }
    }

    #[test]
    fn dragging_moves_and_resizes_by_quarters() {
        let whole = entry(TimePoint::year(2022), TimePoint::year(2022));
        let moved = whole.dragged(DragHandle::Body, 4);
        assert_eq!(
            (moved.start, moved.end),
            (TimePoint::year(2023), TimePoint::year(2023))
        );
        let later = whole.dragged(DragHandle::Start, 2);
        assert_eq!(
            (later.start, later.end),
            (TimePoint::quarter(2022, 3), TimePoint::year(2022))
        );
        let longer = whole.dragged(DragHandle::End, 2);
        assert_eq!(longer.end, TimePoint::quarter(2023, 2));
        let squashed = whole.dragged(DragHandle::End, -9);
        assert_eq!(
            (squashed.start, squashed.end),
            (TimePoint::year(2022), TimePoint::quarter(2022, 1))
        );
    }

    #[test]
    fn dragging_at_extreme_years_never_wraps() {
        let last = entry(TimePoint::year(i32::MAX), TimePoint::year(i32::MAX));
        let moved = last.dragged(DragHandle::Body, 4);
        assert_eq!(moved.start.year, FiscalYear(i32::MAX));
        assert_eq!(moved.end.year, FiscalYear(i32::MAX));
        let far = entry(TimePoint::year(600_000_000), TimePoint::year(600_000_000));
        let later = far.dragged(DragHandle::Body, 4);
        assert_eq!(
            (later.start, later.end),
            (TimePoint::year(600_000_001), TimePoint::year(600_000_001))
        );
        let first = entry(TimePoint::year(i32::MIN), TimePoint::year(i32::MIN));
        assert_eq!(
            first.dragged(DragHandle::Start, -1).start.year,
            FiscalYear(i32::MIN)
        );
    }
}
