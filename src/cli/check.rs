//! `koteihyo check`: parse and validate files, printing problems with their positions.

use std::io::Write;
use std::path::PathBuf;

use super::terminal::escape_controls;
use super::{EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, describe_load_error, problems};
use crate::io::load_with_text;
use crate::model::validate;

/// Checks every file; returns the worst exit code over them.
pub fn run(files: &[PathBuf], out: &mut impl Write) -> std::io::Result<u8> {
    let mut code = EXIT_OK;
    for path in files {
        let loaded = match load_with_text(path) {
            Ok(loaded) => loaded,
            Err(error) => {
                writeln!(out, "{}", describe_load_error(&error))?;
                code = code.max(EXIT_UNREADABLE);
                continue;
            }
        };
        let found = validate(&loaded.document);
        for line in problems::lines(path, &loaded.text, &found) {
            writeln!(out, "{line}")?;
        }
        if found.is_empty() {
            let document = &loaded.document;
            let roadblocks: usize = document.domains.iter().map(|d| d.roadblocks.len()).sum();
            let entries: usize = document.domains.iter().map(|d| d.entries.len()).sum();
            let line = format!(
                "{}: ok ({} domains, {roadblocks} roadblocks, {entries} timeline entries)",
                path.display(),
                document.domains.len()
            );
            writeln!(out, "{}", escape_controls(&line))?;
        } else {
            code = code.max(EXIT_PROBLEMS);
        }
    }
    Ok(code)
}
