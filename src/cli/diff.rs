//! `koteihyo diff OLD NEW`: what changed between two revisions, as text (default) or JSON.
//! Exit 0 when they are the same, 1 when they differ, 2 when a file cannot be read (as `diff`).

use std::io::Write;
use std::path::Path;

use anyhow::Context;

use super::{EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, describe_load_error};
use crate::diff::{compare, report};
use crate::io::load;

/// Output formats of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// One line per change, characters marked `[-old-]{+new+}`.
    Text,
    /// The full comparison for scripts.
    Json,
}

/// Compares `old` with `new` and prints the changes to `out`.
pub fn run(old: &Path, new: &Path, format: DiffFormat, out: &mut dyn Write) -> anyhow::Result<u8> {
    let mut documents = Vec::new();
    for path in [old, new] {
        match load(path) {
            Ok(document) => documents.push(document),
            Err(error) => {
                eprintln!("{}", describe_load_error(&error));
                return Ok(EXIT_UNREADABLE);
            }
        }
    }
    let comparison = compare(&documents[0], &documents[1]);
    match format {
        DiffFormat::Text => {
            let text = report::to_text(&comparison);
            if !text.is_empty() {
                writeln!(out, "{text}").context("writing the comparison")?;
            }
        }
        DiffFormat::Json => {
            let json = serde_json::to_string_pretty(&comparison).context("encoding JSON")?;
            writeln!(out, "{json}").context("writing the comparison")?;
        }
    }
    Ok(if comparison.is_empty() {
        EXIT_OK
    } else {
        EXIT_PROBLEMS
    })
}
