//! Cutting a domain's strip into page-high slices: at a row boundary when one fits, else
//! between lines, never through a line of text or an entry.

use super::body::Body;

/// The part `[from, to)` of a strip that one page shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Slice {
    /// Top, in the strip.
    pub from: f32,
    /// Bottom, in the strip.
    pub to: f32,
}

const EPSILON: f32 = 0.01;

/// A page cut at a row edge is at least this full; otherwise the row is cut between lines.
const MIN_FILL: f32 = 0.5;

/// Cuts `body` into slices no taller than `height` (a unit taller than a page alone is cut).
/// Each cut is found among the edges within its page (sorted once), and whether a unit spans
/// an edge is a lookup: linear in the body, however many pages it makes.
#[must_use]
pub fn slices(body: &Body, height: f32) -> Vec<Slice> {
    let height = height.max(1.0);
    let mut row_edges: Vec<f32> = body
        .rows
        .iter()
        .map(|r| r.1)
        .chain(std::iter::once(body.table_bottom))
        .collect();
    row_edges.sort_by(f32::total_cmp);
    let mut unit_edges: Vec<f32> = body.units.iter().flat_map(|u| [u.top, u.bottom]).collect();
    unit_edges.sort_by(f32::total_cmp);
    let spans = Spans::of(body);
    cut_pages(body, height, |from, limit| {
        let uncut = |y: f32| !spans.cross(y);
        // A row edge is the cleanest cut, unless it would leave most of the page empty.
        lowest_first(&row_edges, from, limit)
            .rev()
            .find(|&y| y >= from + height * MIN_FILL && uncut(y))
            .or_else(|| {
                lowest_first(&unit_edges, from, limit)
                    .rev()
                    .find(|&y| uncut(y))
            })
            .unwrap_or(limit)
    })
}

/// Cuts `body` into pages `height` tall (at least 1), each ending where `cut(from, limit)` says
/// (the page's top and the lowest its bottom may be); the last page ends with the body.
fn cut_pages(body: &Body, height: f32, mut cut: impl FnMut(f32, f32) -> f32) -> Vec<Slice> {
    let height = height.max(1.0);
    let mut slices = Vec::new();
    let mut from = 0.0_f32;
    while body.bottom - from > EPSILON {
        let limit = from + height;
        if body.bottom <= limit + EPSILON {
            slices.push(Slice {
                from,
                to: body.bottom,
            });
            break;
        }
        let to = cut(from, limit);
        slices.push(Slice { from, to });
        from = to;
    }
    if slices.is_empty() {
        slices.push(Slice { from: 0.0, to: 0.0 });
    }
    slices
}

/// The edges (sorted) below `from` and at most `limit`, lowest first.
fn lowest_first(edges: &[f32], from: f32, limit: f32) -> impl DoubleEndedIterator<Item = f32> + '_ {
    let low = edges.partition_point(|&y| y <= from + EPSILON);
    let high = edges.partition_point(|&y| y <= limit + EPSILON);
    edges[low..high.max(low)].iter().copied()
}

/// The units by top, with the lowest bottom reached by each prefix: whether a unit spans a
/// height is a binary search.
struct Spans {
    tops: Vec<f32>,
    /// `deepest[i]`: the greatest bottom among the first `i` units by top.
    deepest: Vec<f32>,
}

impl Spans {
    fn of(body: &Body) -> Self {
        let mut units: Vec<(f32, f32)> = body.units.iter().map(|u| (u.top, u.bottom)).collect();
        units.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut deepest = Vec::with_capacity(units.len() + 1);
        deepest.push(f32::NEG_INFINITY);
        for &(_, bottom) in &units {
            let last = deepest.last().copied().unwrap_or(f32::NEG_INFINITY);
            deepest.push(last.max(bottom));
        }
        Self {
            tops: units.iter().map(|u| u.0).collect(),
            deepest,
        }
    }

    /// Whether a unit starts above `y` and ends below it (a cut at `y` would go through it).
    fn cross(&self, y: f32) -> bool {
        let above = self.tops.partition_point(|&top| top < y - EPSILON);
        self.deepest[above] > y + EPSILON
    }
}

impl Slice {
    /// Whether a unit starting at `top` is shown on this slice's page.
    #[must_use]
    pub fn holds(&self, top: f32) -> bool {
        top >= self.from - EPSILON && top < self.to - EPSILON
    }
}

#[cfg(test)]
mod tests {
    use super::super::body::Unit;
    use super::*;

    fn body(rows: &[(f32, f32)], units: &[(f32, f32)]) -> Body {
        let bottom = rows.last().map_or(0.0, |r| r.1);
        Body {
            rows: rows.to_vec(),
            table_bottom: bottom,
            bottom,
            units: units
                .iter()
                .map(|&(top, bottom)| Unit {
                    top,
                    bottom,
                    shapes: Vec::new(),
                })
                .collect(),
            notes: Vec::new(),
        }
    }

    /// The cuts as first written: every edge of the body tried against every unit, per page
    /// (the reference the faster search must agree with).
    fn slices_by_search(body: &Body, height: f32) -> Vec<Slice> {
        let height = height.max(1.0);
        cut_pages(body, height, |from, limit| {
            let uncut = |y: f32| {
                y > from + EPSILON
                    && y <= limit + EPSILON
                    && !body
                        .units
                        .iter()
                        .any(|u| u.top < y - EPSILON && u.bottom > y + EPSILON)
            };
            let rows = body.rows.iter().map(|r| r.1).chain([body.table_bottom]);
            let units = body.units.iter().flat_map(|u| [u.top, u.bottom]);
            rows.filter(|&y| uncut(y) && y >= from + height * MIN_FILL)
                .reduce(f32::max)
                .or_else(|| units.filter(|&y| uncut(y)).reduce(f32::max))
                .unwrap_or(limit)
        })
    }

    #[test]
    fn the_cuts_are_those_of_trying_every_edge() {
        let mut random = crate::generate::Random::new(11);
        for _ in 0..400 {
            let mut rows = Vec::new();
            let mut units = Vec::new();
            let mut top = 0.0_f32;
            for _ in 0..=random.below(40) {
                #[allow(clippy::cast_precision_loss)] // small whole numbers
                let height = 5.0 + random.below(120) as f32;
                let mut line = top;
                while line < top + height {
                    #[allow(clippy::cast_precision_loss)]
                    let tall = 3.0 + random.below(30) as f32;
                    units.push((line, (line + tall).min(top + height)));
                    line += tall;
                }
                rows.push((top, top + height));
                top += height;
            }
            let strip = body(&rows, &units);
            #[allow(clippy::cast_precision_loss)]
            let page = 40.0 + random.below(200) as f32;
            assert_eq!(
                slices(&strip, page),
                slices_by_search(&strip, page),
                "{rows:?} {units:?} {page}"
            );
        }
    }

    #[test]
    fn a_fitting_strip_is_one_slice() {
        let strip = body(&[(0.0, 50.0), (50.0, 90.0)], &[(0.0, 10.0)]);
        assert_eq!(
            slices(&strip, 100.0),
            [Slice {
                from: 0.0,
                to: 90.0
            }]
        );
    }

    #[test]
    fn cuts_at_the_last_row_that_fits() {
        let strip = body(&[(0.0, 40.0), (40.0, 80.0), (80.0, 150.0)], &[]);
        assert_eq!(
            slices(&strip, 100.0),
            [
                Slice {
                    from: 0.0,
                    to: 80.0
                },
                Slice {
                    from: 80.0,
                    to: 150.0
                }
            ]
        );
    }

    #[test]
    fn a_cut_leaving_most_of_the_page_empty_goes_between_lines() {
        let units: Vec<(f32, f32)> = (0..20)
            .map(|i| (i as f32 * 10.0, i as f32 * 10.0 + 10.0))
            .collect();
        let strip = body(&[(0.0, 20.0), (20.0, 200.0)], &units);
        let cuts = slices(&strip, 100.0);
        assert!((cuts[0].to - 100.0).abs() < 0.1, "{cuts:?}");
    }

    #[test]
    fn a_row_taller_than_a_page_is_cut_between_lines() {
        let lines: Vec<(f32, f32)> = (0..30)
            .map(|i| (i as f32 * 10.0, i as f32 * 10.0 + 10.0))
            .collect();
        // An entry 95..125 must not be cut at 100.
        let mut units = lines.clone();
        units.push((95.0, 125.0));
        let strip = body(&[(0.0, 300.0)], &units);
        let cuts = slices(&strip, 100.0);
        assert!((cuts[0].to - 90.0).abs() < 0.1, "{cuts:?}");
        assert!(cuts.iter().all(|s| s.to - s.from <= 100.0 + 0.1));
        assert!((cuts.last().map_or(0.0, |s| s.to) - 300.0).abs() < 0.1);
    }
}
