//! `koteihyo generate --scale N -o FILE`: a synthetic roadmap N× the seed, for benchmarks.

use std::io::Write;
use std::path::Path;

use anyhow::Context;

use super::EXIT_OK;
use super::output::{self, Guard, Roadmaps};
use crate::io::{to_ron_string, write_atomic};

/// Writes the roadmap of `scale` and `seed` to `output` (`-`: standard output). An existing
/// roadmap file is replaced only when `force` is set.
pub fn run(scale: usize, seed: u64, output: &Path, force: bool) -> anyhow::Result<u8> {
    anyhow::ensure!(
        (1..=1000).contains(&scale),
        "--scale must be between 1 and 1000"
    );
    let to_stdout = output::is_stdout(output);
    if !to_stdout {
        let roadmaps = if force {
            Roadmaps::Allowed
        } else {
            Roadmaps::NeedForce
        };
        Guard {
            inputs: &[],
            roadmaps,
        }
        .check(output)?;
        output::require_extension(output, &["ron"], "a roadmap")?;
    }
    let document = crate::generate::roadmap(scale, seed);
    let text = to_ron_string(&document);
    if to_stdout {
        let mut stdout = std::io::stdout().lock();
        stdout
            .write_all(text.as_bytes())
            .and_then(|()| stdout.flush())
            .context("writing to standard output")?;
    } else {
        write_atomic(output, text.as_bytes(), false)?;
    }
    eprintln!(
        "{}: {} domains, {} roadblocks",
        if to_stdout {
            "standard output".into()
        } else {
            output.display().to_string()
        },
        document.domains.len(),
        document
            .domains
            .iter()
            .map(|d| d.roadblocks.len())
            .sum::<usize>()
    );
    Ok(EXIT_OK)
}
