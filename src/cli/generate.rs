//! `koteihyo generate --scale N -o FILE`: a synthetic roadmap N× the seed, for benchmarks.

use std::path::Path;

use super::EXIT_OK;
use crate::io::{to_ron_string, write_atomic};

/// Writes the roadmap of `scale` and `seed` to `output`.
pub fn run(scale: usize, seed: u64, output: &Path) -> anyhow::Result<u8> {
    anyhow::ensure!(
        (1..=1000).contains(&scale),
        "--scale must be between 1 and 1000"
    );
    let document = crate::generate::roadmap(scale, seed);
    write_atomic(output, to_ron_string(&document).as_bytes(), false)?;
    eprintln!(
        "{}: {} domains, {} roadblocks",
        output.display(),
        document.domains.len(),
        document
            .domains
            .iter()
            .map(|d| d.roadblocks.len())
            .sum::<usize>()
    );
    Ok(EXIT_OK)
}
