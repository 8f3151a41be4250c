//! Helpers shared by several test binaries.

pub mod recipes;

use koteihyo::model::{Domain, Roadblock};

/// `domain` with its roadblocks `times` over: each copy's id ends in `.copyN` (N from 1) and
/// `change(copy, N)` alters it further — a domain far taller than a page.
pub fn repeated_rows(
    domain: &Domain,
    times: usize,
    change: impl Fn(&mut Roadblock, usize),
) -> Domain {
    let mut tall = domain.clone();
    for copy in 1..times {
        for roadblock in &domain.roadblocks {
            let mut roadblock = roadblock.clone();
            roadblock.id = format!("{}.copy{copy}", roadblock.id).as_str().into();
            change(&mut roadblock, copy);
            tall.roadblocks.push(roadblock);
        }
    }
    tall
}
