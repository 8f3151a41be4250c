//! `koteihyo check`: parse and validate files, printing problems with their positions.

use std::io::Write;
use std::path::PathBuf;

use super::terminal::escape_controls;
use super::{EXIT_OK, EXIT_PROBLEMS, EXIT_UNREADABLE, describe_load_error, problems};
use crate::io::load_with_text;
use crate::model::{Lang, validate};

/// Checks every file; returns the worst exit code over them.
pub fn run(files: &[PathBuf], lang: Lang, out: &mut impl Write) -> std::io::Result<u8> {
    let mut code = EXIT_OK;
    for path in files {
        let loaded = match load_with_text(path) {
            Ok(loaded) => loaded,
            Err(error) => {
                writeln!(out, "{}", describe_load_error(&error, lang))?;
                code = code.max(EXIT_UNREADABLE);
                continue;
            }
        };
        let found = validate(&loaded.document);
        for line in problems::lines(path, &loaded.text, &found, lang) {
            writeln!(out, "{line}")?;
        }
        if found.is_empty() {
            let document = &loaded.document;
            let roadblocks: usize = document.domains.iter().map(|d| d.roadblocks.len()).sum();
            let entries: usize = document.domains.iter().map(|d| d.entries.len()).sum();
            let domains = document.domains.len();
            let line = match lang {
                Lang::Ja => format!(
                    "{}: 問題なし（領域 {domains}、ロードブロック {roadblocks}、工程 {entries}）",
                    path.display()
                ),
                Lang::En => format!(
                    "{}: ok ({domains} domains, {roadblocks} roadblocks, {entries} timeline entries)",
                    path.display()
                ),
            };
            writeln!(out, "{}", escape_controls(&line))?;
        } else {
            code = code.max(EXIT_PROBLEMS);
        }
    }
    Ok(code)
}
